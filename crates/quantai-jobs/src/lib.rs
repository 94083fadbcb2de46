//! quantai-jobs: the task runtime over the durable queue in `quantai_store::jobs`.
//!
//! - [`Jobs`] enqueues (idempotently, by kind and key) and administers jobs.
//! - [`Registry`] maps a task kind to its [`Task`] and its [`TaskConfig`]: time limit,
//!   attempts, backoff, concurrency.
//! - [`Worker`] claims due jobs under a uniquely named lease, renews the lease while a task
//!   runs, completes it (recording its effect exactly once), retries it with backoff, or sends
//!   it to the dead letters. A killed worker's jobs come back when their lease runs out; on a
//!   graceful stop, running jobs get a grace period and are then handed back.
//!
//! [`schedule`] runs the periodic jobs of `jobs.yaml`.
//!
//! Built-in tasks: `noop` and `sleep` (benchmarks and the kill test).

pub mod schedule;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use futures::future::BoxFuture;
use quantai_store::jobs::{Failed, JobRow, Lease, NewJob};
use quantai_store::Store;
use serde_json::Value;
use tokio::sync::{watch, Semaphore};

/// The queue seed 003 names for the AI team's tasks.
pub const DEFAULT_QUEUE: &str = "ai_tasks";

#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error(transparent)]
    Store(#[from] quantai_store::Error),
    #[error("invalid: {0}")]
    Invalid(String),
}

/// How a task's attempt failed.
#[derive(Debug, thiserror::Error)]
pub enum TaskError {
    /// Worth another attempt (after backoff) while attempts remain.
    #[error("{0}")]
    Retry(String),
    /// No attempt can succeed (bad arguments): straight to the dead letters.
    #[error("{0}")]
    Permanent(String),
}

/// A kind of work.
pub trait Task: Send + Sync + 'static {
    /// Runs one attempt on the job's JSON payload; the result is stored with the job.
    fn run(&self, job: JobRow, payload: Value) -> BoxFuture<'static, Result<Value, TaskError>>;
}

impl<F, Fut> Task for F
where
    F: Fn(JobRow, Value) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<Value, TaskError>> + Send + 'static,
{
    fn run(&self, job: JobRow, payload: Value) -> BoxFuture<'static, Result<Value, TaskError>> {
        Box::pin(self(job, payload))
    }
}

/// Per-kind limits.
#[derive(Clone, Debug)]
pub struct TaskConfig {
    /// An attempt running longer is stopped and counts as failed.
    pub time_limit: Duration,
    /// Attempts before the job goes to the dead letters.
    pub max_attempts: u32,
    /// Backoff before attempt n+1: full jitter up to `base × 2ⁿ⁻¹`, at most `max`.
    pub backoff_base: Duration,
    pub backoff_max: Duration,
    /// Attempts of this kind one worker runs at once.
    pub concurrency: usize,
}

impl Default for TaskConfig {
    fn default() -> Self {
        Self {
            time_limit: Duration::from_secs(300),
            max_attempts: 5,
            backoff_base: Duration::from_secs(2),
            backoff_max: Duration::from_secs(600),
            concurrency: 4,
        }
    }
}

impl TaskConfig {
    /// The delay before the attempt after `attempts` failed ones (full jitter).
    pub fn backoff(&self, attempts: u32) -> Duration {
        let exp = self.backoff_base.saturating_mul(1u32 << attempts.saturating_sub(1).min(20));
        let cap = exp.min(self.backoff_max);
        let ms = u64::try_from(cap.as_millis()).unwrap_or(u64::MAX);
        Duration::from_millis(if ms == 0 { 0 } else { rand::random_range(0..=ms) })
    }
}

/// Task kinds and their limits.
#[derive(Clone, Default)]
pub struct Registry {
    tasks: BTreeMap<String, (Arc<dyn Task>, TaskConfig)>,
}

impl Registry {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds (or replaces) a kind.
    pub fn register(&mut self, kind: &str, config: TaskConfig, task: impl Task) -> &mut Self {
        self.tasks.insert(kind.to_string(), (Arc::new(task), config));
        self
    }

    /// The built-in `noop` (returns `{}`) and `sleep` (`{"ms": N}`) tasks.
    pub fn with_builtins(mut self) -> Self {
        let quick = TaskConfig { time_limit: Duration::from_secs(60), concurrency: 16, ..TaskConfig::default() };
        self.register("noop", quick.clone(), |_job: JobRow, _p: Value| async { Ok(Value::Object(Default::default())) });
        self.register("sleep", quick, |_job: JobRow, p: Value| async move {
            let ms = p["ms"].as_u64().ok_or_else(|| TaskError::Permanent("sleep needs {\"ms\": N}".into()))?;
            tokio::time::sleep(Duration::from_millis(ms.min(3_600_000))).await;
            Ok(serde_json::json!({"slept_ms": ms}))
        });
        self
    }

    pub fn kinds(&self) -> Vec<&str> {
        self.tasks.keys().map(String::as_str).collect()
    }

    pub fn config(&self, kind: &str) -> Option<&TaskConfig> {
        self.tasks.get(kind).map(|(_, c)| c)
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// Enqueueing and administration.
#[derive(Clone)]
pub struct Jobs {
    pub store: Store,
    pub registry: Arc<Registry>,
}

impl Jobs {
    /// Enqueues `kind` with `payload` on `queue`. Without a key, the job gets a fresh one; with
    /// one, enqueueing the same (kind, key) again returns the first job (`created = false`).
    pub async fn enqueue(
        &self,
        queue: &str,
        kind: &str,
        payload: &Value,
        idempotency_key: Option<&str>,
        delay: Duration,
    ) -> Result<(String, bool), JobError> {
        let at = now_ms() + i64::try_from(delay.as_millis()).unwrap_or(0);
        self.enqueue_at(queue, kind, payload, idempotency_key, at).await
    }

    /// [`Jobs::enqueue`] due at `run_at_ms` (ms since the epoch).
    pub async fn enqueue_at(
        &self,
        queue: &str,
        kind: &str,
        payload: &Value,
        idempotency_key: Option<&str>,
        run_at_ms: i64,
    ) -> Result<(String, bool), JobError> {
        self.submit(Submit { queue, kind, payload, idempotency_key, run_at_ms, owner: None }).await
    }

    /// Enqueues a job described in full.
    pub async fn submit(&self, s: Submit<'_>) -> Result<(String, bool), JobError> {
        let config = self.registry.config(s.kind).ok_or_else(|| {
            JobError::Invalid(format!("no task kind {:?}; known: {}", s.kind, self.registry.kinds().join(", ")))
        })?;
        let now = now_ms();
        let job = NewJob {
            queue: s.queue.to_string(),
            kind: s.kind.to_string(),
            payload: s.payload.to_string(),
            idempotency_key: s.idempotency_key.map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_string),
            priority: 0,
            run_at_ms: s.run_at_ms,
            max_attempts: i64::from(config.max_attempts.max(1)),
            owner: s.owner.map(str::to_string),
        };
        Ok(self.store.enqueue_job(&job, now).await?)
    }
}

/// A job to enqueue ([`Jobs::submit`]).
#[derive(Clone, Copy, Debug)]
pub struct Submit<'a> {
    pub queue: &'a str,
    pub kind: &'a str,
    pub payload: &'a Value,
    /// The same (kind, key) is enqueued once; none: a fresh key.
    pub idempotency_key: Option<&'a str>,
    pub run_at_ms: i64,
    /// The user who asked for it.
    pub owner: Option<&'a str>,
}

/// A worker's settings.
#[derive(Clone, Debug)]
pub struct WorkerOptions {
    /// Unique among live workers; `host-pid-random` by default.
    pub name: String,
    pub queue: String,
    /// How long a claim holds without renewal; renewed every third of it.
    pub lease: Duration,
    /// Sleep between empty polls.
    pub poll: Duration,
    /// On a graceful stop, how long running attempts may finish before they are handed back.
    pub grace: Duration,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        Self {
            name: default_name(),
            queue: DEFAULT_QUEUE.to_string(),
            lease: Duration::from_secs(30),
            poll: Duration::from_millis(50),
            grace: Duration::from_secs(10),
        }
    }
}

fn host() -> String {
    std::env::var("HOSTNAME").ok().filter(|h| !h.is_empty()).unwrap_or_else(|| "local".into())
}

/// `host-pid-xxxx`.
pub fn default_name() -> String {
    format!("{}-{}-{:04x}", host(), std::process::id(), rand::random::<u16>())
}

/// What a worker did before it stopped.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct WorkerStats {
    pub completed: u64,
    pub retried: u64,
    pub dead: u64,
    /// Completions refused because the lease had passed to another attempt.
    pub lost_leases: u64,
    pub handed_back: u64,
}

enum Outcome {
    Completed,
    Retried,
    Dead,
    LostLease,
    HandedBack,
}

/// A worker on one queue.
pub struct Worker {
    pub store: Store,
    pub registry: Arc<Registry>,
    pub options: WorkerOptions,
}

impl Worker {
    /// Runs until `stop` turns true; then stops claiming, lets running attempts finish within
    /// the grace period, and hands back the rest.
    pub async fn run(self, mut stop: watch::Receiver<bool>) -> Result<WorkerStats, JobError> {
        let o = &self.options;
        // a name is free again once its worker has been silent for a lease
        let lease_ms = i64::try_from(o.lease.as_millis()).unwrap_or(30_000);
        let pid = i64::from(std::process::id());
        self.store.register_worker(&o.name, &host(), pid, now_ms(), lease_ms).await?;
        tracing::info!(worker = %o.name, queue = %o.queue, kinds = ?self.registry.kinds(), "worker started");
        let slots: BTreeMap<String, Arc<Semaphore>> = self
            .registry
            .tasks
            .iter()
            .map(|(k, (_, c))| (k.clone(), Arc::new(Semaphore::new(c.concurrency.max(1)))))
            .collect();
        let (halt_tx, halt_rx) = watch::channel(false);
        let mut running = tokio::task::JoinSet::new();
        let mut stats = WorkerStats::default();
        let mut last_seen = now_ms();
        while !*stop.borrow() {
            let mut claimed = 0;
            for (kind, sem) in &slots {
                let free = sem.available_permits();
                if free == 0 {
                    continue;
                }
                let leases =
                    match self.store.claim_jobs(&o.queue, &[kind.as_str()], free, &o.name, lease_ms, now_ms()).await {
                        Ok(l) => l,
                        Err(e) => {
                            tracing::warn!(error = %e, "claiming jobs failed; retrying");
                            break;
                        }
                    };
                for lease in leases {
                    let Ok(permit) = sem.clone().try_acquire_owned() else { break };
                    claimed += 1;
                    let Some((task, config)) = self.registry.tasks.get(kind).cloned() else { continue };
                    let store = self.store.clone();
                    let halt = halt_rx.clone();
                    let lease_len = o.lease;
                    running.spawn(async move {
                        let out = attempt(store, task, config, lease, lease_len, halt).await;
                        drop(permit);
                        out
                    });
                }
            }
            while let Some(done) = running.try_join_next() {
                count(&mut stats, done);
            }
            if now_ms() - last_seen > 2_000 {
                last_seen = now_ms();
                if let Err(e) = self.store.worker_seen(&o.name, last_seen).await {
                    tracing::warn!(error = %e, "worker heartbeat failed");
                }
            }
            if claimed == 0 {
                tokio::select! {
                    _ = tokio::time::sleep(o.poll) => {}
                    _ = stop.changed() => {}
                    Some(done) = running.join_next(), if !running.is_empty() => count(&mut stats, done),
                }
            }
        }
        // graceful stop: let running attempts finish, then hand the rest back
        let deadline = tokio::time::Instant::now() + o.grace;
        while !running.is_empty() {
            match tokio::time::timeout_at(deadline, running.join_next()).await {
                Ok(Some(done)) => count(&mut stats, done),
                Ok(None) => break,
                Err(_) => {
                    let _ = halt_tx.send(true);
                    while let Some(done) = running.join_next().await {
                        count(&mut stats, done);
                    }
                }
            }
        }
        self.store.unregister_worker(&o.name).await?;
        tracing::info!(worker = %o.name, ?stats, "worker stopped");
        Ok(stats)
    }
}

fn count(stats: &mut WorkerStats, done: Result<Outcome, tokio::task::JoinError>) {
    match done {
        Ok(Outcome::Completed) => stats.completed += 1,
        Ok(Outcome::Retried) => stats.retried += 1,
        Ok(Outcome::Dead) => stats.dead += 1,
        Ok(Outcome::LostLease) => stats.lost_leases += 1,
        Ok(Outcome::HandedBack) => stats.handed_back += 1,
        Err(e) => tracing::error!(error = %e, "a job attempt panicked; its lease will expire and it will run again"),
    }
}

/// One attempt: the task under its time limit, the lease renewed meanwhile.
async fn attempt(
    store: Store,
    task: Arc<dyn Task>,
    config: TaskConfig,
    lease: Lease,
    lease_len: Duration,
    mut halt: watch::Receiver<bool>,
) -> Outcome {
    let payload: Value = serde_json::from_str(&lease.job.payload).unwrap_or(Value::Null);
    let work = tokio::time::timeout(config.time_limit, task.run(lease.job.clone(), payload));
    tokio::pin!(work);
    let mut renew = tokio::time::interval(lease_len / 3);
    renew.tick().await;
    let result = loop {
        tokio::select! {
            r = &mut work => break Some(r),
            _ = renew.tick() => {
                let until = now_ms() + i64::try_from(lease_len.as_millis()).unwrap_or(30_000);
                match store.renew_lease(&lease.job.id, &lease.token, until).await {
                    Ok(true) => {}
                    Ok(false) => return Outcome::LostLease,
                    Err(e) => tracing::warn!(error = %e, job = %lease.job.id, "renewing a lease failed"),
                }
            }
            _ = halt.changed() => break None,
        }
    };
    let now = now_ms();
    let stored = match result {
        None => store.release_job(&lease).await.map(|_| Outcome::HandedBack),
        Some(Ok(Ok(value))) => store.complete_job(&lease, &value.to_string(), now).await.map(|ok| {
            if ok {
                Outcome::Completed
            } else {
                Outcome::LostLease
            }
        }),
        Some(Ok(Err(TaskError::Permanent(e)))) => {
            store.fail_job(&lease, &e, Failed::Dead, now).await.map(|_| Outcome::Dead)
        }
        Some(Ok(Err(TaskError::Retry(e)))) => retry(&store, &config, &lease, &e, now).await,
        Some(Err(_)) => {
            let e = format!("stopped at its time limit of {:?}", config.time_limit);
            retry(&store, &config, &lease, &e, now).await
        }
    };
    stored.unwrap_or_else(|e| {
        tracing::error!(error = %e, job = %lease.job.id, "recording a job's outcome failed; its lease will expire");
        Outcome::LostLease
    })
}

async fn retry(
    store: &Store,
    config: &TaskConfig,
    lease: &Lease,
    error: &str,
    now: i64,
) -> Result<Outcome, quantai_store::Error> {
    let attempts = u32::try_from(lease.job.attempts).unwrap_or(u32::MAX);
    let at = now + i64::try_from(config.backoff(attempts).as_millis()).unwrap_or(0);
    store.fail_job(lease, error, Failed::RetryAt(at), now).await?;
    Ok(if lease.job.attempts >= lease.job.max_attempts { Outcome::Dead } else { Outcome::Retried })
}
