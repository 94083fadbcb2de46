//! The kill test: 10,000 jobs, a worker killed with SIGKILL several times while it runs them,
//! restarted each time. No job is lost, and no job's effect is recorded twice.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn cmd(dir: &std::path::Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quantai"));
    c.args(args)
        .current_dir(dir)
        .env("QUANTAI__DATABASE__URL", format!("sqlite://{}", dir.join("jobs.db").display()))
        .env("QUANTAI__REQUEST_LOG__URL", format!("file:{}", dir.display()))
        .env("RUST_LOG", "warn")
        .env_remove("OPENAI_API_KEY");
    c
}

fn run(dir: &std::path::Path, args: &[&str]) -> Output {
    let out = cmd(dir, args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    out
}

fn stats(dir: &std::path::Path) -> serde_json::Value {
    serde_json::from_slice(&run(dir, &["jobs", "stats", "--json"]).stdout).unwrap()
}

fn done(s: &serde_json::Value) -> i64 {
    s["kinds"].as_array().unwrap().iter().map(|k| k["done"].as_i64().unwrap()).sum()
}

fn worker(dir: &std::path::Path, name: &str) -> Child {
    cmd(dir, &["worker", "--name", name, "--lease-ms", "800", "--grace", "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn no_job_is_lost_or_doubled_when_workers_are_killed() {
    const N: i64 = 10_000;
    let dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["jobs", "enqueue", "sleep", "--payload", r#"{"ms": 1}"#, "--key", "kill", "--count", "10000"],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("enqueued 10000 of 10000"));
    // enqueueing the same keys again adds nothing
    let again = run(
        dir.path(),
        &["jobs", "enqueue", "sleep", "--payload", r#"{"ms": 1}"#, "--key", "kill", "--count", "10000"],
    );
    assert!(String::from_utf8_lossy(&again.stdout).contains("enqueued 0 of 10000"), "{again:?}");

    let started = Instant::now();
    let mut kills = 0;
    let mut last = 0;
    // kill the worker four times, each time once it has made progress since the last kill
    while kills < 4 {
        let mut w = worker(dir.path(), &format!("kill-{kills}"));
        loop {
            std::thread::sleep(Duration::from_millis(150));
            let d = done(&stats(dir.path()));
            assert!(started.elapsed() < Duration::from_secs(600), "no progress: {d} done");
            if d >= last + N / 8 || d == N {
                last = d;
                break;
            }
        }
        w.kill().unwrap(); // SIGKILL
        w.wait().unwrap();
        kills += 1;
        if last == N {
            break;
        }
    }
    assert!(last < N, "the kills happened while jobs were left ({last} done)");
    // a last worker finishes the rest (jobs leased by the killed ones come back after their lease)
    let w = worker(dir.path(), "finisher");
    loop {
        std::thread::sleep(Duration::from_millis(200));
        if done(&stats(dir.path())) == N {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(900), "not finished: {}", stats(dir.path()));
    }
    // a graceful stop (SIGTERM) prints the worker's stats
    Command::new("kill").args(["-TERM", &w.id().to_string()]).status().unwrap();
    let out = w.wait_with_output().unwrap();
    assert!(out.status.success());
    let finisher: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(finisher["completed"].as_u64().unwrap() > 0, "{finisher}");

    let s = stats(dir.path());
    let k = &s["kinds"][0];
    assert_eq!(
        (k["done"].as_i64(), k["ready"].as_i64(), k["running"].as_i64(), k["dead"].as_i64()),
        (Some(N), Some(0), Some(0), Some(0)),
        "{s}"
    );
    assert_eq!(s["effects"].as_i64(), Some(N), "every job's effect exactly once: {s}");
    // the kills caught jobs mid-run: some needed a second attempt
    let list: serde_json::Value = serde_json::from_slice(
        &run(dir.path(), &["jobs", "list", "--state", "done", "--limit", "10000", "--json"]).stdout,
    )
    .unwrap();
    let rerun = list.as_array().unwrap().iter().filter(|j| j["attempts"].as_i64().unwrap() > 1).count();
    assert!(rerun > 0, "no job was caught in flight by a kill");
    eprintln!("kill test: {kills} kills, {rerun} jobs re-run, {:.1} s", started.elapsed().as_secs_f64());
}

#[test]
fn check_fails_when_jobs_wait_with_no_worker_and_passes_once_one_ran_them() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["check", "ai", "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true, "{report}");
    run(dir.path(), &["jobs", "enqueue", "noop", "--count", "3", "--key", "c"]);
    let out = cmd(dir.path(), &["check", "ai"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stdout));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.lines().any(|l| l.starts_with("FAIL") && l.contains("workers") && l.contains("3 jobs wait")),
        "{text}"
    );
    // a worker runs them and stops on SIGTERM; the check passes again
    let mut w = worker(dir.path(), "checked");
    let started = Instant::now();
    while done(&stats(dir.path())) < 3 {
        assert!(started.elapsed() < Duration::from_secs(60), "the worker did not run the jobs");
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = Command::new("kill").args(["-TERM", &w.id().to_string()]).status();
    assert!(w.wait().unwrap().success());
    let out = run(dir.path(), &["check", "all", "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["ok"], true, "{report}");
    let bad = cmd(dir.path(), &["check", "everything"]).output().unwrap();
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("everything"));
}
