//! The job runtime of this binary: the task kinds it runs, and the workers and scheduler
//! `serve` starts next to the HTTP server (`jobs.workers`, `jobs.scheduler`).

use std::sync::Arc;
use std::time::Duration;

use quantai_core::config::JobsSettings;
use quantai_gateway::Gateway;
use quantai_jobs::schedule::Scheduler;
use quantai_jobs::{now_ms, Jobs, Registry, TaskConfig, Worker, WorkerOptions};
use quantai_store::Store;
use serde_json::Value;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crate::checks;

/// The task kinds: the built-ins (`noop`, `sleep`) and `health_check` (every check; its
/// report is the job's result, and a failing report is logged as an error).
pub fn registry(store: &Store, gateway: &Gateway) -> Registry {
    let mut r = Registry::new().with_builtins();
    let (store, gateway) = (store.clone(), gateway.clone());
    let once =
        TaskConfig { time_limit: Duration::from_secs(120), max_attempts: 2, concurrency: 1, ..TaskConfig::default() };
    r.register("health_check", once, move |_job, _payload: Value| {
        let (store, gateway) = (store.clone(), gateway.clone());
        async move {
            let report = checks::run(&store, Some(&gateway), checks::Scope::All, now_ms()).await;
            for c in report.checks.iter().filter(|c| c.status != checks::Status::Ok) {
                if c.status == checks::Status::Fail {
                    tracing::error!(check = %c.name, detail = %c.detail, "health check failed");
                } else {
                    tracing::warn!(check = %c.name, detail = %c.detail, "health check warns");
                }
            }
            serde_json::to_value(&report).map_err(|e| quantai_jobs::TaskError::Permanent(e.to_string()))
        }
    });
    r
}

/// Workers and the scheduler running in this process.
pub struct Running {
    stop: watch::Sender<bool>,
    workers: Vec<JoinHandle<()>>,
    scheduler: Option<JoinHandle<()>>,
}

/// Starts `settings.workers` workers and, when `settings.scheduler`, the scheduler.
pub fn start(jobs: &Jobs, scheduler: &Arc<Scheduler>, settings: &JobsSettings, grace: Duration) -> Running {
    let (stop, rx) = watch::channel(false);
    let base = quantai_jobs::default_name();
    let workers = (0..settings.workers)
        .map(|i| {
            let w = Worker {
                store: jobs.store.clone(),
                registry: jobs.registry.clone(),
                options: WorkerOptions {
                    name: format!("{base}-serve{i}"),
                    queue: settings.queue.clone(),
                    lease: Duration::from_secs(settings.lease_secs),
                    grace,
                    ..WorkerOptions::default()
                },
            };
            let rx = rx.clone();
            tokio::spawn(async move {
                match w.run(rx).await {
                    Ok(stats) => tracing::info!(?stats, "worker stopped"),
                    Err(e) => tracing::error!(error = %e, "worker failed"),
                }
            })
        })
        .collect();
    let scheduler = settings.scheduler.then(|| tokio::spawn(scheduler.clone().run(rx, Duration::from_secs(30))));
    Running { stop, workers, scheduler }
}

impl Running {
    /// Stops claiming and scheduling; running jobs finish within the grace period or are handed back.
    pub async fn stop(self) {
        let _ = self.stop.send(true);
        for h in self.workers.into_iter().chain(self.scheduler) {
            let _ = h.await;
        }
    }
}
