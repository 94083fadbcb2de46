//! Scoring on labelled sets: `quantai ai factcheck-eval FILE.jsonl`.

use crate::numbers::overlaps;

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

/// A labelled request: `{id, lang, request, expected}`; `expected` null means decline.
#[derive(Debug, Deserialize)]
pub struct BuilderLine {
    pub id: String,
    pub lang: String,
    pub request: String,
    pub expected: Option<ExpectedSpec>,
}

/// What a request states.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedSpec {
    pub kind: String,
    #[serde(default)]
    pub params: std::collections::BTreeMap<String, f64>,
    pub symbol: Option<String>,
    pub direction: Option<String>,
    pub commission: Option<f64>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub initial_cash: Option<f64>,
}

/// One request's outcome.
#[derive(Debug, Serialize)]
pub struct BuilderResult {
    pub id: String,
    pub lang: String,
    pub correct: bool,
    /// Fields that differ, as `field: expected → produced`.
    pub wrong: Vec<String>,
    pub parsed: crate::builder::Parsed,
    pub micros: f64,
}

#[derive(Debug, Default, Serialize)]
pub struct Ratio {
    pub right: usize,
    pub total: usize,
    pub value: f64,
}

impl Ratio {
    fn add(&mut self, ok: bool) {
        self.total += 1;
        self.right += usize::from(ok);
        self.value = self.right as f64 / self.total as f64;
    }
}

/// Accuracy, per-field accuracy, decline precision and recall, per language, and parse time.
#[derive(Debug, Serialize)]
pub struct BuilderEval {
    pub lines: usize,
    pub accuracy: f64,
    pub per_language: std::collections::BTreeMap<String, Ratio>,
    pub per_field: std::collections::BTreeMap<String, Ratio>,
    pub decline_precision: f64,
    pub decline_recall: f64,
    pub parse_p50_micros: f64,
    pub parse_p99_micros: f64,
    pub per_line: Vec<BuilderResult>,
}

pub fn read_builder_lines(path: &str) -> Result<Vec<BuilderLine>> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io { path: path.to_string(), source })?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        out.push(serde_json::from_str(line).map_err(|e| Error::EvalLine {
            path: path.to_string(),
            line: i + 1,
            reason: e.to_string(),
        })?);
    }
    Ok(out)
}

fn date_text(d: Option<time::Date>) -> Option<String> {
    d.map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()))
}

/// Compares a parse with its label: same kind, every parameter equal after defaults, every
/// other field equal to what the request states (or absent/default where it states nothing).
fn score(
    expected: &ExpectedSpec,
    draft: &crate::builder::Draft,
    fields: &mut std::collections::BTreeMap<String, Ratio>,
) -> Vec<String> {
    use quantai_quant::strategy::{Direction, Kind};
    let mut wrong = Vec::new();
    let kind: Option<Kind> = expected.kind.parse().ok();
    let kind_ok = kind.is_some() && draft.kind == kind;
    fields.entry("kind".into()).or_default().add(kind_ok);
    if !kind_ok {
        wrong.push(format!("kind: {} → {:?}", expected.kind, draft.kind.map(Kind::name)));
    }
    if let Some(k) = kind.filter(|_| kind_ok) {
        for (name, default) in k.params() {
            let e = expected.params.get(*name).copied().unwrap_or(*default);
            let p = draft.params.get(*name).copied().unwrap_or(*default);
            let ok = (e - p).abs() < 1e-9;
            if expected.params.contains_key(*name) {
                fields.entry(format!("params.{name}")).or_default().add(ok);
            }
            if !ok {
                wrong.push(format!("params.{name}: {e} → {p}"));
            }
        }
    }
    let mut field = |name: &str, e: Option<String>, p: Option<String>, default: Option<String>| {
        let ok = e.clone().or(default.clone()) == p.clone().or(default);
        if e.is_some() {
            fields.entry(name.to_string()).or_default().add(ok);
        }
        if !ok {
            wrong.push(format!("{name}: {e:?} → {p:?}"));
        }
    };
    field("symbol", expected.symbol.clone(), draft.symbol.clone(), None);
    let dir = |d: Direction| if d == Direction::LongShort { "long_short" } else { "long_only" }.to_string();
    field("direction", expected.direction.clone(), draft.direction.map(dir), Some("long_only".into()));
    let num = |v: Option<f64>| v.map(|v| format!("{v:.8}"));
    field("commission", num(expected.commission), num(draft.commission), Some(num(Some(0.0)).unwrap_or_default()));
    field("from", expected.from.clone(), date_text(draft.from), None);
    field("to", expected.to.clone(), date_text(draft.to), None);
    field("initial_cash", num(expected.initial_cash), num(draft.initial_cash), None);
    wrong
}

/// Runs the parser alone (no LLM) on every line.
pub fn builder_eval(lexicon: &quantai_lang::Lexicon, lines: &[BuilderLine]) -> BuilderEval {
    use crate::builder::{parse, Parsed};
    let mut per_line = Vec::new();
    let mut per_language: std::collections::BTreeMap<String, Ratio> = Default::default();
    let mut per_field: std::collections::BTreeMap<String, Ratio> = Default::default();
    let (mut declined_right, mut declined_made, mut to_decline) = (0usize, 0usize, 0usize);
    let mut times = Vec::new();
    let mut right = 0;
    for l in lines {
        // the median of a few runs: the first parse of a line pays for cold caches
        let mut best = f64::INFINITY;
        let mut parsed = parse(lexicon, &l.request);
        for _ in 0..3 {
            let t = std::time::Instant::now();
            parsed = parse(lexicon, &l.request);
            best = best.min(t.elapsed().as_secs_f64() * 1e6);
        }
        times.push(best);
        let declined = matches!(parsed, Parsed::Declined { .. });
        declined_made += usize::from(declined);
        let (correct, wrong) = match (&l.expected, &parsed) {
            (None, _) => {
                to_decline += 1;
                declined_right += usize::from(declined);
                (declined, if declined { vec![] } else { vec!["should be declined".to_string()] })
            }
            (Some(e), Parsed::Draft { draft, .. }) => {
                let w = score(e, draft, &mut per_field);
                (w.is_empty(), w)
            }
            (Some(e), _) => {
                // counted in the per-field figures as fields not produced
                score(e, &crate::builder::Draft::default(), &mut per_field);
                (false, vec!["declined or asked instead of building".to_string()])
            }
        };
        right += usize::from(correct);
        per_language.entry(l.lang.clone()).or_default().add(correct);
        per_line.push(BuilderResult { id: l.id.clone(), lang: l.lang.clone(), correct, wrong, parsed, micros: best });
    }
    times.sort_by(f64::total_cmp);
    let pct = |q: f64| times.get(((times.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or(0.0);
    BuilderEval {
        lines: lines.len(),
        accuracy: if lines.is_empty() { 0.0 } else { right as f64 / lines.len() as f64 },
        per_language,
        per_field,
        decline_precision: if declined_made == 0 { 1.0 } else { declined_right as f64 / declined_made as f64 },
        decline_recall: if to_decline == 0 { 1.0 } else { declined_right as f64 / to_decline as f64 },
        parse_p50_micros: pct(0.5),
        parse_p99_micros: pct(0.99),
        per_line,
    }
}
