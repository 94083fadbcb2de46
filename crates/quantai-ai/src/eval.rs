//! Scoring on labelled sets: `quantai ai factcheck-eval FILE.jsonl`.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::factcheck::{check, Finding};
use crate::facts::Facts;
use crate::{Error, Result};

/// A labelled narrative: `{id, lang, facts, text, errors: [{number, kpi, true}]}`.
#[derive(Debug, Deserialize)]
pub struct FactLine {
    pub id: String,
    pub lang: String,
    pub facts: Facts,
    pub text: String,
    pub errors: Vec<LabelledError>,
}

#[derive(Debug, Deserialize)]
pub struct LabelledError {
    pub number: String,
    pub kpi: String,
    #[serde(rename = "true")]
    pub truth: serde_json::Value,
}

/// One line's outcome.
#[derive(Debug, Serialize)]
pub struct LineResult {
    pub id: String,
    pub lang: String,
    pub numbers: usize,
    /// Labelled errors the check found.
    pub found: Vec<String>,
    /// Labelled errors it missed.
    pub missed: Vec<String>,
    /// Correct numbers it flagged.
    pub false_alarms: Vec<Finding>,
}

/// Detection recall and false-alarm rate over a set, with each line's outcome.
#[derive(Debug, Serialize)]
pub struct FactcheckEval {
    pub lines: usize,
    pub errors: usize,
    pub recall: f64,
    pub correct_numbers: usize,
    pub false_alarms: usize,
    pub false_alarm_rate: f64,
    pub per_line: Vec<LineResult>,
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Reads labelled lines, naming the line that does not parse.
pub fn read_lines(path: &str) -> Result<Vec<FactLine>> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_string(), source })?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let parsed: FactLine = serde_json::from_str(line).map_err(|e| Error::EvalLine {
            path: path.to_string(),
            line: i + 1,
            reason: e.to_string(),
        })?;
        out.push(parsed);
    }
    Ok(out)
}

/// Runs the check on every line: a labelled error counts as found when a flagged number
/// overlaps it; a flagged number that overlaps no labelled error is a false alarm.
pub fn factcheck_eval(lines: &[FactLine]) -> Result<FactcheckEval> {
    let mut per_line = Vec::new();
    let (mut errors, mut found_n, mut correct, mut alarms) = (0, 0, 0, 0);
    for l in lines {
        let report = check(&l.text, &l.facts);
        let mut spans = Vec::new();
        for e in &l.errors {
            let Some(at) = l.text.find(&e.number) else {
                return Err(Error::EvalLine {
                    path: l.id.clone(),
                    line: 0,
                    reason: format!("labelled number {:?} is not in the text", e.number),
                });
            };
            spans.push((at..at + e.number.len(), e.number.clone()));
        }
        let mut found = Vec::new();
        let mut missed = Vec::new();
        for (span, n) in &spans {
            if report.findings.iter().any(|f| overlaps(&f.span, span)) {
                found.push(n.clone());
            } else {
                missed.push(n.clone());
            }
        }
        let false_alarms: Vec<Finding> =
            report.findings.iter().filter(|f| !spans.iter().any(|(s, _)| overlaps(&f.span, s))).cloned().collect();
        errors += spans.len();
        found_n += found.len();
        correct += report.numbers.saturating_sub(spans.len());
        alarms += false_alarms.len();
        per_line.push(LineResult {
            id: l.id.clone(),
            lang: l.lang.clone(),
            numbers: report.numbers,
            found,
            missed,
            false_alarms,
        });
    }
    Ok(FactcheckEval {
        lines: lines.len(),
        errors,
        recall: if errors == 0 { 1.0 } else { found_n as f64 / errors as f64 },
        correct_numbers: correct,
        false_alarms: alarms,
        false_alarm_rate: if correct == 0 { 0.0 } else { alarms as f64 / correct as f64 },
        per_line,
    })
}
