//! `quantai ai …`: the AI services from the command line, and their evaluations.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Subcommand;
use quantai_ai::narrative::{Audience, Language, NarrativeRequest};
use quantai_core::config::Settings;

#[derive(Subcommand)]
pub enum AiCmd {
    /// A readable report of a stored backtest, every number checked against its facts (the
    /// LLM's when one is configured, else the template).
    Narrate {
        /// The backtest id (`quantai backtest list`).
        id: String,
        #[arg(long, default_value = "ko", value_parser = ["ko", "en"])]
        lang: String,
        #[arg(long, default_value = "retail", value_parser = ["retail", "pro"])]
        audience: String,
        /// Whose backtest (admins read any: the default reads as an admin).
        #[arg(long)]
        user: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// One message to the strategy builder; `--conversation` continues one, `--run` backtests
    /// a complete spec and reports it.
    Build {
        message: String,
        #[arg(long)]
        conversation: Option<String>,
        #[arg(long)]
        run: bool,
        #[arg(long, default_value = "cli")]
        user: String,
        #[arg(long)]
        json: bool,
    },
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

pub async fn ai(settings: Settings, cmd: AiCmd) -> Result<()> {
    match cmd {
        AiCmd::Narrate { id, lang, audience, user, json } => {
            let app = quantai_server::App::build(settings, crate::env_var).await?;
            let req = NarrativeRequest {
                backtest_id: id,
                language: if lang == "en" { Language::En } else { Language::Ko },
                audience: if audience == "pro" { Audience::Pro } else { Audience::Retail },
            };
            let who = user.clone().unwrap_or_else(|| "cli".into());
            let r = app.state.ai.narrator.narrate(&who, user.is_none(), &req).await;
            app.close().await;
            let n = r?;
            if json {
                println!("{}", serde_json::to_string_pretty(&n)?);
            } else {
                println!("{}", n.text);
                println!();
                let model = n.model.as_deref().unwrap_or("-");
                println!(
                    "generated_by {}  model {model}  cost ${}  version {}  checked numbers: {} attempts",
                    n.generated_by.as_str(),
                    n.cost_usd,
                    n.version,
                    n.attempts.len()
                );
            }
            Ok(())
        }
        AiCmd::Build { message, conversation, run, user, json } => {
            let app = quantai_server::App::build(settings, crate::env_var).await?;
            app.state.engine.ensure_samples().await.map_err(anyhow::Error::msg)?;
            let req = quantai_ai::build_service::BuildRequest { message, conversation_id: conversation, run };
            let r = app.state.ai.builder.converse(&user, false, &req).await;
            app.close().await;
            let r = r?;
            if json {
                println!("{}", serde_json::to_string_pretty(&r)?);
                return Ok(());
            }
            println!("conversation {}  ({} by {})", r.conversation_id, r.outcome, r.generated_by.as_str());
            if let Some(d) = &r.declined {
                println!("declined: {}\ninstead: {}", d.message, d.alternative);
            }
            if let Some(q) = &r.question {
                println!("question: {q}");
            }
            if let Some(s) = &r.spec {
                println!(
                    "symbol {}  from {}  to {}",
                    r.symbol.as_deref().unwrap_or("-"),
                    r.from.as_deref().unwrap_or("-"),
                    r.to.as_deref().unwrap_or("-")
                );
                println!("{}", serde_json::to_string(s)?);
            }
            if let Some(run) = &r.run {
                println!(
                    "backtest {}: total return {:.2}%, Sharpe {:.2}",
                    run.backtest_id,
                    run.kpis.total_return * 100.0,
                    run.kpis.sharpe
                );
                if let Some(n) = &run.narrative {
                    println!("\n{}", n.text);
                }
            }
            Ok(())
        }
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
