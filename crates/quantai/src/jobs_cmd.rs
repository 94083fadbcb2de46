//! `quantai worker` and `quantai jobs …`: run workers on the durable queue, and inspect,
//! requeue or discard its jobs.

use std::time::Duration;

use anyhow::{bail, Context, Result};
use clap::Subcommand;
use quantai_core::config::Settings;
use quantai_jobs::{Jobs, Worker, WorkerOptions, DEFAULT_QUEUE};

#[derive(Subcommand)]
pub enum JobsCmd {
    /// Jobs, newest first.
    List {
        /// ready, running, done or dead.
        #[arg(long)]
        state: Option<String>,
        #[arg(long)]
        kind: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: i64,
        #[arg(long)]
        json: bool,
    },
    /// One job with its payload, attempts, last error and result.
    Show { id: String },
    /// Put a dead job back in the queue with fresh attempts.
    Retry { id: String },
    /// Discard dead jobs: one by id, all of a kind, or all.
    Purge {
        id: Option<String>,
        #[arg(long)]
        kind: Option<String>,
    },
    /// Enqueue a job (`--count N` enqueues N, keys KEY-0 … KEY-(N-1) when a key is given).
    Enqueue {
        kind: String,
        /// JSON payload.
        #[arg(long, default_value = "{}")]
        payload: String,
        /// Idempotency key: the same (kind, key) is enqueued once.
        #[arg(long)]
        key: Option<String>,
        #[arg(long, default_value_t = 1)]
        count: u64,
        #[arg(long, default_value = DEFAULT_QUEUE)]
        queue: String,
    },
    /// Validate a schedule (the configured one, or --file) and list each job's next slots.
    Schedule {
        #[arg(long)]
        file: Option<std::path::PathBuf>,
    },
    /// Jobs per kind and state, and the effects recorded.
    Stats {
        #[arg(long)]
        json: bool,
    },
}

/// `quantai worker`: runs until SIGINT or SIGTERM, then stops gracefully.
pub async fn worker(
    settings: Settings,
    name: Option<String>,
    queue: String,
    grace_secs: u64,
    lease_ms: u64,
    scheduler: bool,
) -> Result<()> {
    if !(300..=3_600_000).contains(&lease_ms) {
        bail!("--lease-ms must be 300 to 3600000");
    }
    let mut options = WorkerOptions {
        queue,
        grace: Duration::from_secs(grace_secs),
        lease: Duration::from_millis(lease_ms),
        ..WorkerOptions::default()
    };
    if let Some(n) = name {
        if n.is_empty() || n.len() > 128 {
            bail!("--name must be 1 to 128 characters");
        }
        options.name = n;
    }
    let app = quantai_server::App::build(settings, crate::env_var).await?;
    let jobs = app.state.jobs.clone();
    let (tx, rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        crate::shutdown_signal().await;
        let _ = tx.send(true);
    });
    let sched = scheduler.then(|| tokio::spawn(app.state.scheduler.clone().run(rx.clone(), Duration::from_secs(30))));
    let stats = Worker { store: jobs.store.clone(), registry: jobs.registry.clone(), options }.run(rx).await;
    if let Some(h) = sched {
        let _ = h.await;
    }
    drop(jobs);
    app.close().await;
    println!("{}", serde_json::to_string(&stats?)?);
    Ok(())
}

/// `quantai check`: exit status 1 when a check fails.
pub async fn check(settings: Settings, scope: &str, json: bool) -> Result<()> {
    let scope: quantai_server::checks::Scope = scope.parse().map_err(anyhow::Error::msg)?;
    let app = quantai_server::App::build(settings, crate::env_var).await?;
    let report =
        quantai_server::checks::run(&app.state.store, Some(&app.state.gateway), scope, quantai_jobs::now_ms()).await;
    app.close().await;
    if json {
        println!("{}", serde_json::to_string(&report)?);
    } else {
        for c in &report.checks {
            let mark = match c.status {
                quantai_server::checks::Status::Ok => "ok  ",
                quantai_server::checks::Status::Warn => "WARN",
                quantai_server::checks::Status::Fail => "FAIL",
            };
            println!("{mark}  {:<14} {}", c.name, c.detail);
        }
    }
    if !report.ok {
        std::process::exit(1);
    }
    Ok(())
}

pub async fn jobs(settings: Settings, cmd: JobsCmd) -> Result<()> {
    if let JobsCmd::Schedule { file } = &cmd {
        return schedule(settings, file.clone()).await;
    }
    if let JobsCmd::Enqueue { kind, payload, key, count, queue } = cmd {
        return enqueue(settings, &kind, &payload, key, count, &queue).await;
    }
    let store = crate::store(&settings).await?;
    match cmd {
        JobsCmd::List { state, kind, limit, json } => {
            let rows = store.jobs(state.as_deref(), kind.as_deref(), limit).await?;
            if json {
                println!("{}", serde_json::to_string_pretty(&rows)?);
                return Ok(());
            }
            println!("{:<36}  {:<14} {:<8} {:>8}  last error", "id", "kind", "state", "attempts");
            for j in rows {
                println!(
                    "{:<36}  {:<14} {:<8} {:>4}/{:<3}  {}",
                    j.id,
                    j.kind,
                    j.state,
                    j.attempts,
                    j.max_attempts,
                    j.last_error.unwrap_or_default().chars().take(60).collect::<String>()
                );
            }
        }
        JobsCmd::Show { id } => {
            let j = store.job(&id).await?.with_context(|| format!("no job {id:?}"))?;
            println!("{}", serde_json::to_string_pretty(&j)?);
        }
        JobsCmd::Retry { id } => {
            if !store.requeue_job(&id, quantai_jobs::now_ms()).await? {
                bail!("job {id:?} is not dead (only dead jobs are requeued)");
            }
            println!("requeued {id}");
        }
        JobsCmd::Purge { id, kind } => {
            let n = store.purge_dead_jobs(id.as_deref(), kind.as_deref()).await?;
            println!("discarded {n} dead job(s)");
        }
        JobsCmd::Enqueue { .. } | JobsCmd::Schedule { .. } => {}
        JobsCmd::Stats { json } => {
            let counts = store.job_counts().await?;
            let effects = store.job_effect_count().await?;
            if json {
                println!("{}", serde_json::json!({"kinds": counts, "effects": effects}));
                return Ok(());
            }
            println!("{:<14} {:>8} {:>8} {:>8} {:>8}", "kind", "ready", "running", "done", "dead");
            for c in counts {
                println!("{:<14} {:>8} {:>8} {:>8} {:>8}", c.kind, c.ready, c.running, c.done, c.dead);
            }
            println!("effects recorded: {effects}");
        }
    }
    Ok(())
}

/// `quantai jobs enqueue`: the kinds are the ones `serve` and `quantai worker` run.
async fn enqueue(
    settings: Settings,
    kind: &str,
    payload: &str,
    key: Option<String>,
    count: u64,
    queue: &str,
) -> Result<()> {
    let payload: serde_json::Value = serde_json::from_str(payload).context("--payload is not JSON")?;
    let app = quantai_server::App::build(settings, crate::env_var).await?;
    let jobs: Jobs = app.state.jobs.clone();
    let mut created = 0u64;
    for i in 0..count {
        let key = key.as_ref().map(|k| if count == 1 { k.clone() } else { format!("{k}-{i}") });
        let (id, new) = jobs.enqueue(queue, kind, &payload, key.as_deref(), Duration::ZERO).await?;
        created += u64::from(new);
        if count == 1 {
            println!("{id}{}", if new { "" } else { " (already enqueued)" });
        }
    }
    if count > 1 {
        println!("enqueued {created} of {count} ({} already there)", count - created);
    }
    drop(jobs);
    app.close().await;
    Ok(())
}

/// `quantai jobs schedule`: validates a schedule (the configured one, or `--file`) and lists
/// each job's next slots.
async fn schedule(settings: Settings, file: Option<std::path::PathBuf>) -> Result<()> {
    let app = quantai_server::App::build(settings, crate::env_var).await?;
    let kinds = app.state.jobs.registry.kinds().iter().map(|k| k.to_string()).collect::<Vec<_>>();
    let current = app.state.scheduler.schedule();
    app.close().await;
    let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
    let schedule = match file {
        Some(f) => std::sync::Arc::new(quantai_jobs::schedule::Schedule::load(&f, &kinds)?),
        None => current,
    };
    let now = quantai_jobs::schedule::utc_ms(quantai_jobs::now_ms());
    for e in &schedule.entries {
        let next: Vec<String> = e.next_slots(now, 3).iter().map(|t| t.to_rfc3339()).collect();
        let when = if e.enabled { format!("next: {}", next.join(", ")) } else { "(disabled)".into() };
        println!("{:<24} {:<14} {:<22} {:<12} {when}", e.name, e.task, e.cron, e.timezone);
    }
    Ok(())
}
