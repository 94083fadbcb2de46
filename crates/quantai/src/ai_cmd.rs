//! `quantai ai …`: the AI services from the command line, and their evaluations.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Subcommand;

#[derive(Subcommand)]
pub enum AiCmd {
    /// Score the numeric fact check on labelled narratives
    /// (`{id, lang, facts, text, errors: [{number, kpi, true}]}` per line): detection recall,
    /// false-alarm rate and, per line, what it found.
    FactcheckEval {
        file: PathBuf,
        /// Print the whole result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Score the strategy builder's parser (no LLM) on labelled requests
    /// (`{id, lang, request, expected}` per line, `expected` null for a decline): accuracy,
    /// per-field accuracy, decline precision and recall, per language, parse time.
    BuilderEval {
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
}

pub async fn ai(cmd: AiCmd) -> Result<()> {
    match cmd {
        AiCmd::FactcheckEval { file, json } => factcheck_eval(&file, json),
        AiCmd::BuilderEval { file, json } => builder_eval(&file, json),
    }
}

fn builder_eval(file: &std::path::Path, json: bool) -> Result<()> {
    let lexicon = quantai_lang::Lexicon::shared();
    let lines = quantai_ai::eval::read_builder_lines(&file.display().to_string())?;
    let r = quantai_ai::eval::builder_eval(&lexicon, &lines);
    if json {
        println!("{}", serde_json::to_string_pretty(&r).context("serialising the result")?);
        return Ok(());
    }
    for (l, res) in lines.iter().zip(&r.per_line) {
        let mark = if res.correct { "ok " } else { "BAD" };
        let mut line = format!("{mark} {}  {}  {:.0} µs  {}", res.id, res.lang, res.micros, l.request);
        if !res.wrong.is_empty() {
            line.push_str(&format!("\n      {}", res.wrong.join("; ")));
        }
        println!("{line}");
    }
    println!("accuracy {:.3} ({} lines)", r.accuracy, r.lines);
    for (lang, a) in &r.per_language {
        println!("  {lang}: {:.3} ({}/{})", a.value, a.right, a.total);
    }
    for (field, a) in &r.per_field {
        println!("  field {field}: {:.3} ({}/{})", a.value, a.right, a.total);
    }
    println!("decline precision {:.3}  recall {:.3}", r.decline_precision, r.decline_recall);
    println!("parse p50 {:.1} µs  p99 {:.1} µs", r.parse_p50_micros, r.parse_p99_micros);
    Ok(())
}

fn factcheck_eval(file: &std::path::Path, json: bool) -> Result<()> {
    let path = file.display().to_string();
    let lines = quantai_ai::eval::read_lines(&path)?;
    let r = quantai_ai::eval::factcheck_eval(&lines)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&r).context("serialising the result")?);
        return Ok(());
    }
    for l in &r.per_line {
        let mut line = format!("{}  {}  numbers {:>2}", l.id, l.lang, l.numbers);
        if !l.found.is_empty() {
            line.push_str(&format!("  found {}", l.found.join(" | ")));
        }
        if !l.missed.is_empty() {
            line.push_str(&format!("  MISSED {}", l.missed.join(" | ")));
        }
        for f in &l.false_alarms {
            line.push_str(&format!("  FALSE-ALARM {:?} ({:?})", f.text, f.problem));
        }
        println!("{line}");
    }
    println!(
        "lines {}  errors {}  recall {:.3}  correct numbers {}  false alarms {} ({:.2} %)",
        r.lines,
        r.errors,
        r.recall,
        r.correct_numbers,
        r.false_alarms,
        100.0 * r.false_alarm_rate
    );
    Ok(())
}
