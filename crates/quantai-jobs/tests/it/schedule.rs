//! The `jobs.yaml` scheduler: validation errors name the line; exactly one job per slot with
//! two schedulers over one database; misfire policies; time zones; reload keeps a good schedule.

use std::sync::Arc;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use quantai_jobs::schedule::{Misfire, Schedule, Scheduler, Source, DEFAULT_SCHEDULE};
use quantai_jobs::{Jobs, Registry};
use quantai_store::Store;
use tokio::sync::watch;

use super::backends;

fn jobs(store: &Store) -> Jobs {
    Jobs { store: store.clone(), registry: Arc::new(Registry::new().with_builtins()) }
}

const KINDS: [&str; 2] = ["noop", "sleep"];

fn refused(text: &str) -> (usize, String) {
    let e = Schedule::parse(text, "jobs.yaml", &KINDS).expect_err(text);
    assert_eq!(e.file, "jobs.yaml");
    assert!(e.to_string().starts_with(&format!("jobs.yaml:{}: ", e.line)), "{e}");
    (e.line, e.reason)
}

#[test]
fn a_bad_file_is_refused_with_the_line_of_the_mistake() {
    let good = "jobs:\n  - name: a\n    task: noop\n    cron: \"*/5 * * * *\"\n";
    assert_eq!(Schedule::parse(good, "jobs.yaml", &KINDS).unwrap().entries.len(), 1);

    // the third entry's cron has a bad minute
    let text =
        "# header\njobs:\n  - name: a\n    task: noop\n    cron: \"0 * * * *\"\n\n  - name: b\n    task: noop\n    \
                cron: \"0 0 * * *\"\n  - name: c\n    task: noop\n    timezone: Asia/Seoul\n    cron: \"61 * * * *\"\n";
    let (line, reason) = refused(text);
    assert_eq!(line, 13, "{reason}");
    assert!(reason.contains("c: cron \"61 * * * *\""), "{reason}");

    let (line, reason) = refused("jobs:\n  - name: a\n    task: nope\n    cron: \"0 * * * *\"\n");
    assert_eq!(line, 3);
    assert!(reason.contains("no task \"nope\"") && reason.contains("noop"), "{reason}");

    let (line, reason) =
        refused("jobs:\n  - name: a\n    task: noop\n    cron: \"0 * * * *\"\n    timezone: Asia/Tokio\n");
    assert_eq!(line, 5);
    assert!(reason.contains("Asia/Tokio"), "{reason}");

    let (line, reason) =
        refused("jobs:\n  - name: a\n    task: noop\n    cron: \"0 * * * *\"\n  - name: a\n    task: noop\n    cron: \"1 * * * *\"\n");
    assert_eq!(line, 5);
    assert!(reason.contains("used twice"), "{reason}");

    let (line, reason) = refused("jobs:\n  - name: a\n    task: noop\n    cron: \"0 * * *\"\n");
    assert_eq!(line, 4);
    assert!(reason.contains("4 fields"), "{reason}");

    // a field the format does not have, and a wrong type: serde's own location
    let (line, reason) = refused("jobs:\n  - name: a\n    task: noop\n    cron: \"0 * * * *\"\n    enabeld: false\n");
    assert_eq!(line, 5, "{reason}");
    assert!(reason.contains("enabeld"), "{reason}");
    let (line, reason) =
        refused("jobs:\n  - name: a\n    task: noop\n    cron: \"0 * * * *\"\n    misfire: sometimes\n");
    assert_eq!(line, 5, "{reason}");
    assert!(reason.contains("sometimes"), "{reason}");
    let (line, reason) = refused("jobs:\n  - name: a\n    task: noop\n    cron: \"0 * * * *\"\n    args: [1, 2]\n");
    assert_eq!(line, 5, "{reason}");
    assert!(reason.contains("mapping"), "{reason}");
}

#[test]
fn the_shipped_schedule_is_valid() {
    let kinds: Vec<&str> = DEFAULT_SCHEDULE.lines().filter_map(|l| l.trim().strip_prefix("task: ")).collect();
    assert!(!kinds.is_empty());
    let s = Schedule::parse(DEFAULT_SCHEDULE, "examples/jobs.yaml", &kinds).unwrap();
    let health = s.entries.iter().find(|e| e.name == "hourly_health_check").unwrap();
    assert_eq!(health.misfire, Misfire::RunOnce);
    let from = Utc.with_ymd_and_hms(2026, 12, 8, 0, 0, 0).unwrap();
    assert_eq!(health.next_slot_after(from).unwrap(), Utc.with_ymd_and_hms(2026, 12, 8, 0, 5, 0).unwrap());
}

#[test]
fn seoul_slots_are_nine_hours_ahead_of_utc() {
    let text = "jobs:\n  - name: krx\n    task: noop\n    cron: \"10 16 * * MON-FRI\"\n    timezone: Asia/Seoul\n";
    let s = Schedule::parse(text, "t", &KINDS).unwrap();
    // 16:10 in Seoul on Tuesday 2026-12-08 is 07:10 UTC; after it, Wednesday's
    let e = &s.entries[0];
    let from = Utc.with_ymd_and_hms(2026, 12, 8, 0, 0, 0).unwrap();
    assert_eq!(e.next_slot_after(from).unwrap(), Utc.with_ymd_and_hms(2026, 12, 8, 7, 10, 0).unwrap());
    let after = Utc.with_ymd_and_hms(2026, 12, 8, 7, 10, 0).unwrap();
    assert_eq!(e.next_slot_after(after).unwrap(), Utc.with_ymd_and_hms(2026, 12, 9, 7, 10, 0).unwrap());
    // Friday's slot, then Monday's
    let fri = Utc.with_ymd_and_hms(2026, 12, 11, 8, 0, 0).unwrap();
    assert_eq!(e.next_slot_after(fri).unwrap(), Utc.with_ymd_and_hms(2026, 12, 14, 7, 10, 0).unwrap());
}

#[test]
fn new_york_slots_follow_daylight_saving() {
    let text = "jobs:\n  - name: us\n    task: noop\n    cron: \"30 17 * * MON-FRI\"\n    timezone: America/New_York\n";
    let s = Schedule::parse(text, "t", &KINDS).unwrap();
    let e = &s.entries[0];
    // 17:30 EST = 22:30 UTC in January; 17:30 EDT = 21:30 UTC in July
    let jan = e.next_slot_after(Utc.with_ymd_and_hms(2026, 1, 5, 12, 0, 0).unwrap()).unwrap();
    assert_eq!(jan, Utc.with_ymd_and_hms(2026, 1, 5, 22, 30, 0).unwrap());
    let jul = e.next_slot_after(Utc.with_ymd_and_hms(2026, 7, 6, 12, 0, 0).unwrap()).unwrap();
    assert_eq!(jul, Utc.with_ymd_and_hms(2026, 7, 6, 21, 30, 0).unwrap());
    // Friday evening → Monday
    let fri = e.next_slot_after(Utc.with_ymd_and_hms(2026, 7, 10, 23, 0, 0).unwrap()).unwrap();
    assert_eq!(fri, Utc.with_ymd_and_hms(2026, 7, 13, 21, 30, 0).unwrap());
}

const EVERY_MINUTE: &str = "jobs:\n  - name: m\n    task: noop\n    cron: \"* * * * *\"\n";

#[tokio::test]
async fn two_schedulers_at_the_same_slots_enqueue_each_slot_once() {
    let (_dir, dbs) = backends().await;
    for db in dbs {
        // a second connection pool on the same database: another process's scheduler
        let other = Store::connect(&db.url, 4).await.unwrap();
        let text = EVERY_MINUTE.to_string();
        let a = Scheduler::new(jobs(&db.store), Source::Text(text.clone())).unwrap();
        let b = Scheduler::new(jobs(&other), Source::Text(text)).unwrap();
        let t0 = Utc.with_ymd_and_hms(2026, 12, 8, 9, 0, 0).unwrap();
        let mut enqueued = 0;
        for minute in 0..5 {
            let now = t0 + chrono::Duration::seconds(minute * 60 + 2);
            // both at once, as two processes would
            let (ra, rb) = tokio::join!(a.tick(now), b.tick(now));
            let (ra, rb) = (ra.unwrap(), rb.unwrap());
            assert_eq!(ra.enqueued.len() + rb.enqueued.len(), 1, "{} minute {minute}: {ra:?} {rb:?}", db.label);
            enqueued += ra.enqueued.len() + rb.enqueued.len();
        }
        assert_eq!(enqueued, 5);
        let rows = db.store.jobs(None, Some("noop"), 100).await.unwrap();
        assert_eq!(rows.len(), 5, "{}", db.label);
        let mut keys: Vec<&str> = rows.iter().map(|r| r.idempotency_key.as_str()).collect();
        keys.sort_unstable();
        let want: Vec<String> = (0..5)
            .map(|m| format!("sched:m:{}", (t0 + chrono::Duration::seconds(m * 60)).timestamp_millis()))
            .collect();
        assert_eq!(keys, want.iter().map(String::as_str).collect::<Vec<_>>(), "{}", db.label);
        other.close().await;
        db.drop_db().await.unwrap();
    }
}

#[tokio::test]
async fn two_running_schedulers_tick_every_second_slot_once() {
    let (_dir, dbs) = backends().await;
    for db in dbs {
        let other = Store::connect(&db.url, 4).await.unwrap();
        let text = "jobs:\n  - name: s\n    task: noop\n    cron: \"* * * * * *\"\n";
        let a = Arc::new(Scheduler::new(jobs(&db.store), Source::Text(text.into())).unwrap());
        let b = Arc::new(Scheduler::new(jobs(&other), Source::Text(text.into())).unwrap());
        let (tx, rx) = watch::channel(false);
        let started = Utc::now();
        let ha = tokio::spawn(a.clone().run(rx.clone(), Duration::from_millis(200)));
        let hb = tokio::spawn(b.clone().run(rx, Duration::from_millis(200)));
        tokio::time::sleep(Duration::from_millis(3_500)).await;
        tx.send(true).unwrap();
        ha.await.unwrap();
        hb.await.unwrap();
        let stopped = Utc::now();
        let rows = db.store.jobs(None, Some("noop"), 1000).await.unwrap();
        let mut slots: Vec<i64> =
            rows.iter().map(|r| r.idempotency_key.rsplit(':').next().unwrap().parse().unwrap()).collect();
        slots.sort_unstable();
        let n = slots.len();
        slots.dedup();
        assert_eq!(slots.len(), n, "{}: a slot was enqueued twice", db.label);
        // every whole second between start and stop, give or take the edges
        let whole = (stopped.timestamp() - started.timestamp()) as usize;
        assert!(n + 1 >= whole && n <= whole + 1, "{}: {n} slots in {whole} s", db.label);
        for w in slots.windows(2) {
            assert_eq!(w[1] - w[0], 1000, "{}: a second was skipped: {slots:?}", db.label);
        }
        other.close().await;
        db.drop_db().await.unwrap();
    }
}

#[tokio::test]
async fn missed_slots_are_skipped_or_run_once() {
    let (_dir, dbs) = backends().await;
    let db = dbs.into_iter().next().unwrap();
    let hourly = "jobs:\n  - name: NAME\n    task: noop\n    cron: \"0 * * * *\"\n    misfire: MISFIRE\n\
                  \n  - name: off\n    task: noop\n    cron: \"0 * * * *\"\n    enabled: false\n";
    let at = |h: u32, m: u32, s: u32| Utc.with_ymd_and_hms(2026, 12, 8, h, m, s).unwrap();
    for (policy, want) in [("skip", 0usize), ("run_once", 1)] {
        let text = hourly.replace("MISFIRE", policy).replace("NAME", &format!("h_{policy}"));
        let s = Scheduler::new(jobs(&db.store), Source::Text(text.clone())).unwrap();
        // first start: the 09:00 slot is 30 s old, on time
        let first = s.tick(at(9, 0, 30)).await.unwrap();
        assert_eq!(first.enqueued, vec![(format!("h_{policy}"), at(9, 0, 0).timestamp_millis())]);
        // the process is down until 12:20; a new one starts: 10:00, 11:00 and 12:00 were missed
        let s = Scheduler::new(jobs(&db.store), Source::Text(text)).unwrap();
        let r = s.tick(at(12, 20, 0)).await.unwrap();
        assert_eq!(r.enqueued.len(), want, "{policy}: {r:?}");
        if want == 1 {
            assert_eq!(r.enqueued[0].1, at(12, 0, 0).timestamp_millis(), "run_once runs the newest missed slot");
        } else {
            assert_eq!(r.skipped, vec![(format!("h_{policy}"), at(12, 0, 0).timestamp_millis())]);
        }
        // nothing more until the next slot, which runs on time; the disabled entry never does
        assert_eq!(s.tick(at(12, 40, 0)).await.unwrap(), Default::default());
        let r = s.tick(at(13, 0, 5)).await.unwrap();
        assert_eq!(r.enqueued, vec![(format!("h_{policy}"), at(13, 0, 0).timestamp_millis())]);
    }
    assert_eq!(db.store.jobs(None, Some("noop"), 100).await.unwrap().len(), 2 + 3);
    db.drop_db().await.unwrap();
}

#[tokio::test]
async fn jitter_delays_the_run_the_same_way_everywhere_and_reload_keeps_a_good_schedule() {
    let (dir, dbs) = backends().await;
    let db = dbs.into_iter().next().unwrap();
    let path = dir.path().join("jobs.yaml");
    std::fs::write(&path, "jobs:\n  - name: j\n    task: noop\n    cron: \"0 * * * *\"\n    jitter_secs: 600\n")
        .unwrap();
    let s = Scheduler::new(jobs(&db.store), Source::File(path.clone())).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 8, 9, 0, 1).unwrap();
    let r = s.tick(now).await.unwrap();
    assert_eq!(r.enqueued.len(), 1);
    let job = &db.store.jobs(None, Some("noop"), 10).await.unwrap()[0];
    let slot = Utc.with_ymd_and_hms(2026, 12, 8, 9, 0, 0).unwrap().timestamp_millis();
    assert!(job.run_at_ms >= slot && job.run_at_ms <= slot + 600_000, "{job:?}");
    // another scheduler computes the same start for the same slot
    let other = Scheduler::new(jobs(&db.store), Source::File(path.clone())).unwrap();
    let again = other.tick(now).await.unwrap();
    assert!(again.enqueued.is_empty());

    // a broken edit is refused and the schedule in force stays
    std::fs::write(&path, "jobs:\n  - name: j\n    task: noop\n    cron: \"0 25 * * *\"\n").unwrap();
    let e = s.reload().unwrap_err();
    assert_eq!(e.line, 4, "{e}");
    assert_eq!(s.schedule().entries[0].cron, "0 * * * *");
    // a good edit takes effect
    std::fs::write(&path, "jobs:\n  - name: j\n    task: noop\n    cron: \"15 * * * *\"\n  - name: k\n    task: sleep\n    args: {ms: 1}\n    cron: \"15 * * * *\"\n").unwrap();
    let fresh = s.reload().unwrap();
    assert_eq!(fresh.entries.len(), 2);
    assert_eq!(fresh.entries[1].args, serde_json::json!({"ms": 1}));
    let r = s.tick(Utc.with_ymd_and_hms(2026, 12, 8, 9, 15, 3).unwrap()).await.unwrap();
    assert_eq!(r.enqueued.len(), 2, "{r:?}");
    db.drop_db().await.unwrap();
}
