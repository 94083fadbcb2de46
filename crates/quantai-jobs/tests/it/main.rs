//! The queue on every backend available here (SQLite always; PostgreSQL and MySQL when their
//! test URLs are set): idempotent enqueue, leases that expire, effects recorded once, retries
//! with backoff into the dead letters, time limits, graceful hand-back, concurrent workers.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use std::time::Duration;

use quantai_jobs::{now_ms, Jobs, Registry, TaskConfig, TaskError, Worker, WorkerOptions};
use quantai_store::jobs::{Failed, JobRow};
use quantai_store::testing::{all_backends, TestDb};
use quantai_store::Store;
use serde_json::{json, Value};
use tokio::sync::watch;

mod schedule;

fn fast(max_attempts: u32, concurrency: usize) -> TaskConfig {
    TaskConfig {
        time_limit: Duration::from_secs(5),
        max_attempts,
        backoff_base: Duration::from_millis(5),
        backoff_max: Duration::from_millis(20),
        concurrency,
    }
}

fn options(name: &str) -> WorkerOptions {
    WorkerOptions {
        name: name.to_string(),
        queue: "q".into(),
        lease: Duration::from_millis(600),
        poll: Duration::from_millis(10),
        grace: Duration::from_millis(300),
    }
}

async fn backends() -> (tempfile::TempDir, Vec<TestDb>) {
    let dir = tempfile::tempdir().unwrap();
    let dbs = all_backends(dir.path()).await.unwrap();
    (dir, dbs)
}

/// Runs a worker until `done` holds (or 30 s pass), then stops it gracefully.
async fn work_until(
    store: &Store,
    registry: Arc<Registry>,
    name: &str,
    done: impl Fn() -> futures::future::BoxFuture<'static, bool>,
) -> quantai_jobs::WorkerStats {
    let (tx, rx) = watch::channel(false);
    let w = Worker { store: store.clone(), registry, options: options(name) };
    let h = tokio::spawn(w.run(rx));
    let started = std::time::Instant::now();
    while !done().await {
        assert!(started.elapsed() < Duration::from_secs(30), "the worker did not finish in time");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    tx.send(true).unwrap();
    h.await.unwrap().unwrap()
}

fn state_is(store: &Store, id: &str, state: &'static str) -> impl Fn() -> futures::future::BoxFuture<'static, bool> {
    let (store, id) = (store.clone(), id.to_string());
    move || {
        let (store, id) = (store.clone(), id.clone());
        Box::pin(async move { store.job(&id).await.unwrap().is_some_and(|j| j.state == state) })
    }
}

#[tokio::test]
async fn enqueue_is_idempotent_and_an_effect_is_recorded_once() {
    let (_dir, dbs) = backends().await;
    for db in dbs {
        let store = db.store.clone();
        let registry = Arc::new(Registry::new().with_builtins());
        let jobs = Jobs { store: store.clone(), registry: registry.clone() };
        let (a, created) = jobs.enqueue("q", "noop", &json!({}), Some("k1"), Duration::ZERO).await.unwrap();
        assert!(created, "{}", db.label);
        let (b, again) = jobs.enqueue("q", "noop", &json!({"other": 1}), Some("k1"), Duration::ZERO).await.unwrap();
        assert_eq!((a.as_str(), again), (b.as_str(), false), "{}", db.label);
        let e = jobs.enqueue("q", "no_such_kind", &json!({}), None, Duration::ZERO).await.unwrap_err();
        assert!(e.to_string().contains("no_such_kind"), "{e}");
        // a worker claims it; the lease runs out (the worker "died"); another attempt completes
        let now = now_ms();
        let first = store.claim_jobs("q", &["noop"], 10, "dead-worker", 50, now).await.unwrap();
        assert_eq!(first.len(), 1, "{}", db.label);
        assert!(store.claim_jobs("q", &["noop"], 10, "w2", 50, now + 10).await.unwrap().is_empty());
        let second = store.claim_jobs("q", &["noop"], 10, "w2", 5_000, now + 100).await.unwrap();
        assert_eq!(second.len(), 1, "{}: an expired lease is claimable", db.label);
        assert_eq!(second[0].job.attempts, 2);
        // the first attempt finishing late changes nothing: the lease is no longer its own
        assert!(!store.complete_job(&first[0], "{}", now + 150).await.unwrap(), "{}", db.label);
        assert!(!store.renew_lease(&first[0].job.id, &first[0].token, now + 9_999).await.unwrap());
        assert!(store.complete_job(&second[0], "{}", now + 200).await.unwrap());
        assert_eq!(store.job_effect_count().await.unwrap(), 1, "{}", db.label);
        let row = store.job(&a).await.unwrap().unwrap();
        assert_eq!((row.state.as_str(), row.attempts), ("done", 2));
        db.drop_db().await.unwrap();
    }
}

#[tokio::test]
async fn failures_retry_with_backoff_then_go_to_the_dead_letters() {
    let (_dir, dbs) = backends().await;
    for db in dbs {
        let store = db.store.clone();
        let tries = Arc::new(AtomicU32::new(0));
        let t = tries.clone();
        let mut registry = Registry::new();
        registry.register("flaky", fast(3, 2), move |_j: JobRow, _p: Value| {
            let t = t.clone();
            async move {
                t.fetch_add(1, Ordering::SeqCst);
                Err::<Value, _>(TaskError::Retry("upstream said 503".into()))
            }
        });
        registry.register("bad_args", fast(3, 2), |_j: JobRow, _p: Value| async {
            Err::<Value, _>(TaskError::Permanent("symbol is missing".into()))
        });
        registry.register(
            "slow",
            TaskConfig { time_limit: Duration::from_millis(50), ..fast(1, 1) },
            |_j: JobRow, _p: Value| async {
                tokio::time::sleep(Duration::from_secs(10)).await;
                Ok(json!({}))
            },
        );
        let registry = Arc::new(registry);
        let jobs = Jobs { store: store.clone(), registry: registry.clone() };
        let (flaky, _) = jobs.enqueue("q", "flaky", &json!({}), None, Duration::ZERO).await.unwrap();
        let (bad, _) = jobs.enqueue("q", "bad_args", &json!({}), None, Duration::ZERO).await.unwrap();
        let (slow, _) = jobs.enqueue("q", "slow", &json!({}), None, Duration::ZERO).await.unwrap();
        let (s2, f2, b2) = (store.clone(), flaky.clone(), bad.clone());
        let sl = slow.clone();
        let all_dead = move || {
            let (s, f, b, sl) = (s2.clone(), f2.clone(), b2.clone(), sl.clone());
            Box::pin(async move {
                let mut n = 0;
                for id in [&f, &b, &sl] {
                    n += usize::from(s.job(id).await.unwrap().is_some_and(|j| j.state == "dead"));
                }
                n == 3
            }) as futures::future::BoxFuture<'static, bool>
        };
        let stats = work_until(&store, registry.clone(), "w-retry", all_dead).await;
        assert_eq!(tries.load(Ordering::SeqCst), 3, "{}: three attempts, then dead", db.label);
        let f = store.job(&flaky).await.unwrap().unwrap();
        assert_eq!((f.attempts, f.last_error.as_deref()), (3, Some("upstream said 503")), "{}", db.label);
        let b = store.job(&bad).await.unwrap().unwrap();
        assert_eq!(b.attempts, 1, "{}: a permanent error is not retried", db.label);
        let s = store.job(&slow).await.unwrap().unwrap();
        assert!(s.last_error.unwrap().contains("time limit"), "{}", db.label);
        assert_eq!(stats.completed, 0);
        // inspect, requeue, discard
        let dead = store.jobs(Some("dead"), None, 10).await.unwrap();
        assert_eq!(dead.len(), 3, "{}", db.label);
        assert!(store.requeue_job(&flaky, now_ms()).await.unwrap());
        assert!(!store.requeue_job(&flaky, now_ms()).await.unwrap(), "only a dead job is requeued");
        let again = store.job(&flaky).await.unwrap().unwrap();
        assert_eq!((again.state.as_str(), again.attempts), ("ready", 0));
        assert_eq!(store.purge_dead_jobs(Some(&bad), None).await.unwrap(), 1);
        assert_eq!(store.purge_dead_jobs(None, None).await.unwrap(), 1, "{}: the slow one is left", db.label);
        assert!(store.jobs(Some("bogus"), None, 10).await.is_err());
        // an explicit dead end keeps its error
        let (x, _) = jobs.enqueue("q", "flaky", &json!({}), None, Duration::ZERO).await.unwrap();
        let lease = store.claim_jobs("q", &["flaky"], 5, "w", 1000, now_ms()).await.unwrap();
        let lease = lease.into_iter().find(|l| l.job.id == x).unwrap();
        assert!(store.fail_job(&lease, "gave up", Failed::Dead, now_ms()).await.unwrap());
        assert_eq!(store.job(&x).await.unwrap().unwrap().state, "dead");
        db.drop_db().await.unwrap();
    }
}

#[tokio::test]
async fn a_graceful_stop_hands_running_jobs_back_uncounted() {
    let (_dir, dbs) = backends().await;
    for db in dbs {
        let store = db.store.clone();
        let registry = Arc::new(Registry::new().with_builtins());
        let jobs = Jobs { store: store.clone(), registry: registry.clone() };
        let (id, _) = jobs.enqueue("q", "sleep", &json!({"ms": 60_000}), None, Duration::ZERO).await.unwrap();
        let stats = work_until(&store, registry, "w-grace", state_is(&store, &id, "running")).await;
        assert_eq!(stats.handed_back, 1, "{}: {stats:?}", db.label);
        let j = store.job(&id).await.unwrap().unwrap();
        assert_eq!((j.state.as_str(), j.attempts, j.lease_owner), ("ready", 0, None), "{}", db.label);
        // the name is free again, and a live name is refused
        store.register_worker("w-grace", "h", 1, now_ms(), 10_000).await.unwrap();
        assert!(store.register_worker("w-grace", "h", 2, now_ms(), 10_000).await.is_err());
        db.drop_db().await.unwrap();
    }
}

#[tokio::test]
async fn concurrent_workers_run_each_job_once() {
    let (_dir, dbs) = backends().await;
    for db in dbs {
        let store = db.store.clone();
        let mut registry = Registry::new();
        // a few milliseconds each, so one worker cannot drain the queue before the other starts
        // on a loaded machine
        registry.register("noop", fast(3, 8), |_j: JobRow, _p: Value| async {
            tokio::time::sleep(Duration::from_millis(5)).await;
            Ok(json!({}))
        });
        let registry = Arc::new(registry);
        let jobs = Jobs { store: store.clone(), registry: registry.clone() };
        for i in 0..300 {
            jobs.enqueue("q", "noop", &json!({"i": i}), Some(&format!("job-{i}")), Duration::ZERO).await.unwrap();
        }
        let s = store.clone();
        let finished = move || {
            let s = s.clone();
            Box::pin(async move { s.job_counts().await.unwrap().iter().map(|c| c.done).sum::<i64>() == 300 })
                as futures::future::BoxFuture<'static, bool>
        };
        let (a, b) = tokio::join!(
            work_until(&store, registry.clone(), "w-a", finished.clone()),
            work_until(&store, registry.clone(), "w-b", finished)
        );
        assert_eq!(a.completed + b.completed, 300, "{}: {a:?} {b:?}", db.label);
        assert!(a.completed > 0 && b.completed > 0, "{}: both workers took jobs: {a:?} {b:?}", db.label);
        assert_eq!(store.job_effect_count().await.unwrap(), 300, "{}", db.label);
        let counts = store.job_counts().await.unwrap();
        assert_eq!(counts.len(), 1);
        assert_eq!((counts[0].ready, counts[0].running, counts[0].dead), (0, 0, 0));
        db.drop_db().await.unwrap();
    }
}

#[test]
fn backoff_grows_and_is_capped() {
    let c = TaskConfig {
        backoff_base: Duration::from_millis(100),
        backoff_max: Duration::from_millis(1_000),
        ..TaskConfig::default()
    };
    for attempts in 1..10 {
        let cap = (100u64 << (attempts - 1)).min(1_000);
        for _ in 0..50 {
            assert!(c.backoff(attempts).as_millis() as u64 <= cap);
        }
    }
    let late: Vec<u128> = (0..200).map(|_| c.backoff(8).as_millis()).collect();
    assert!(late.iter().any(|ms| *ms > 500), "full jitter reaches toward the cap");
}
