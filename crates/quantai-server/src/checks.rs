//! Health checks (seed 003's `chk_ai` / `chk_etl` / `chk_llm`): `quantai check`, the
//! `health_check` task the schedule runs every hour, and their JSON for cron.
//!
//! Each check is `ok`, `warn` (works, but someone should look) or `fail`; a report fails when
//! any check fails.

use std::collections::BTreeMap;

use quantai_gateway::Gateway;
use quantai_store::Store;
use serde::Serialize;

/// How a check came out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Warn,
    Fail,
}

/// One check.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Check {
    /// `database`, `queue`, `workers`, `llm_providers`, `builder`, `market_data`.
    pub name: String,
    pub status: Status,
    pub detail: String,
}

/// The checks of one run.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Report {
    /// False when any check failed.
    pub ok: bool,
    pub checks: Vec<Check>,
}

/// Which checks to run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The AI runtime: queue, workers, the builder's parser.
    Ai,
    /// Market data freshness.
    Etl,
    /// The LLM providers.
    Llm,
    All,
}

impl std::str::FromStr for Scope {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "ai" => Ok(Scope::Ai),
            "etl" => Ok(Scope::Etl),
            "llm" => Ok(Scope::Llm),
            "all" => Ok(Scope::All),
            other => Err(format!("{other:?} is not ai, etl, llm or all")),
        }
    }
}

/// How long a ready job may wait before the queue warns, and fails.
const WAIT_WARN_MS: i64 = 2 * 60_000;
const WAIT_FAIL_MS: i64 = 15 * 60_000;
/// A worker not seen for this long is not counted as live.
pub const WORKER_STALE_MS: i64 = 60_000;
/// Market data older than this many days is stale.
const STALE_DAYS: i64 = 5;

fn check(name: &str, status: Status, detail: impl Into<String>) -> Check {
    Check { name: name.to_string(), status, detail: detail.into() }
}

/// Runs the checks of `scope` at `now_ms`.
pub async fn run(store: &Store, gateway: Option<&Gateway>, scope: Scope, now_ms: i64) -> Report {
    let mut checks = Vec::new();
    match store.ping().await {
        Ok(()) => checks.push(check("database", Status::Ok, "answers")),
        Err(e) => checks.push(check("database", Status::Fail, format!("does not answer: {e}"))),
    }
    if matches!(scope, Scope::Ai | Scope::All) {
        checks.extend(queue(store, now_ms).await);
        checks.push(builder());
    }
    if matches!(scope, Scope::Llm | Scope::All) {
        checks.push(match gateway {
            None => check("llm_providers", Status::Warn, "the gateway is not running in this process"),
            Some(g) => {
                let missing = g.providers_not_ready();
                if missing.is_empty() {
                    check("llm_providers", Status::Ok, "every provider has credentials")
                } else {
                    check(
                        "llm_providers",
                        Status::Warn,
                        format!(
                            "no credentials for {}; the AI services answer on their deterministic paths",
                            missing.join(", ")
                        ),
                    )
                }
            }
        });
    }
    if matches!(scope, Scope::Etl | Scope::All) {
        checks.push(market_data(store, now_ms).await);
    }
    let ok = checks.iter().all(|c| c.status != Status::Fail);
    Report { ok, checks }
}

async fn queue(store: &Store, now_ms: i64) -> Vec<Check> {
    let counts = match store.job_counts().await {
        Ok(c) => c,
        Err(e) => return vec![check("queue", Status::Fail, format!("cannot read the queue: {e}"))],
    };
    let ready: i64 = counts.iter().map(|c| c.ready).sum();
    let dead: BTreeMap<&str, i64> = counts.iter().filter(|c| c.dead > 0).map(|c| (c.kind.as_str(), c.dead)).collect();
    let oldest = counts.iter().filter_map(|c| c.oldest_ready_ms).min();
    let waited = oldest.map_or(0, |t| (now_ms - t).max(0));
    let mut out = Vec::new();
    let (status, mut detail) = if waited > WAIT_FAIL_MS {
        (Status::Fail, format!("{ready} ready; the oldest has waited {} s", waited / 1000))
    } else if waited > WAIT_WARN_MS {
        (Status::Warn, format!("{ready} ready; the oldest has waited {} s", waited / 1000))
    } else {
        (Status::Ok, format!("{ready} ready"))
    };
    let status = if dead.is_empty() {
        status
    } else {
        let list: Vec<String> = dead.iter().map(|(k, n)| format!("{k}: {n}")).collect();
        detail.push_str(&format!("; dead letters ({}) — quantai jobs list --state dead", list.join(", ")));
        status.max(Status::Warn)
    };
    out.push(check("queue", status, detail));
    match store.live_workers(now_ms - WORKER_STALE_MS).await {
        Ok(w) if w.is_empty() && ready > 0 => out.push(check(
            "workers",
            Status::Fail,
            format!("{ready} jobs wait and no worker is live (serve runs jobs.workers; or start quantai worker)"),
        )),
        Ok(w) if w.is_empty() => out.push(check("workers", Status::Ok, "none live; no job waits")),
        Ok(w) => out.push(check(
            "workers",
            Status::Ok,
            format!("{} live: {}", w.len(), w.iter().map(|x| x.0.as_str()).collect::<Vec<_>>().join(", ")),
        )),
        Err(e) => out.push(check("workers", Status::Fail, format!("cannot read the workers: {e}"))),
    }
    out
}

/// The builder's parser on two fixed requests must give their known specs (a broken lexicon
/// or parser shows here before users see it).
fn builder() -> Check {
    use quantai_ai::builder::{parse, Parsed};
    let lexicon = quantai_lang::Lexicon::shared();
    type Probe<'a> = (&'a str, &'a str, &'a [(&'a str, f64)], &'a str);
    let probes: [Probe; 2] = [
        ("삼성전자 5일선이 20일선 뚫으면 사고 깨지면 팔기", "sma_cross", &[("fast", 5.0), ("slow", 20.0)], "005930"),
        ("RSI 2 period 10/90 on AAPL", "rsi_reversion", &[("period", 2.0), ("lower", 10.0), ("upper", 90.0)], "AAPL"),
    ];
    for (text, kind, params, symbol) in probes {
        let good = match parse(&lexicon, text) {
            Parsed::Draft { draft, .. } => {
                draft.kind.is_some()
                    && draft.kind == kind.parse::<quantai_quant::strategy::Kind>().ok()
                    && draft.symbol.as_deref() == Some(symbol)
                    && params.iter().all(|(k, v)| draft.params.get(*k) == Some(v))
            }
            _ => false,
        };
        if !good {
            return check("builder", Status::Fail, format!("the parser misreads {text:?}"));
        }
    }
    check("builder", Status::Ok, "the parser reads its probe requests")
}

async fn market_data(store: &Store, now_ms: i64) -> Check {
    let symbols = match store.symbols().await {
        Ok(s) => s,
        Err(e) => return check("market_data", Status::Fail, format!("cannot read market data: {e}")),
    };
    if symbols.is_empty() {
        return check("market_data", Status::Warn, "no market data stored");
    }
    let today = time::OffsetDateTime::from_unix_timestamp(now_ms / 1000).map(|t| t.date()).ok();
    let stale: Vec<String> = symbols
        .iter()
        .filter(|s| {
            let last = time::Date::parse(&s.last, &time::format_description::well_known::Iso8601::DATE).ok();
            match (today, last) {
                (Some(t), Some(l)) => (t - l).whole_days() > STALE_DAYS,
                _ => true,
            }
        })
        .map(|s| format!("{}:{} (last {})", s.market, s.symbol, s.last))
        .collect();
    if stale.is_empty() {
        check("market_data", Status::Ok, format!("{} symbols, none older than {STALE_DAYS} days", symbols.len()))
    } else {
        let shown: Vec<&str> = stale.iter().take(5).map(String::as_str).collect();
        check(
            "market_data",
            Status::Warn,
            format!(
                "{} of {} symbols older than {STALE_DAYS} days: {}{}",
                stale.len(),
                symbols.len(),
                shown.join(", "),
                if stale.len() > 5 { ", …" } else { "" }
            ),
        )
    }
}
