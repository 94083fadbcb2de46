//! Two `quantai serve` processes sharing one Redis hold one global rate limit and one global
//! budget. Runs when `QUANTAI_TEST_REDIS_URL` is set (CI sets it); each run uses its own key
//! prefix, so runs never collide.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

struct Replicas {
    children: Vec<Child>,
    bases: Vec<String>,
}

impl Replicas {
    /// SIGTERM: each replica drains its ledger before it exits.
    fn stop(mut self) {
        for c in &mut self.children {
            Command::new("kill").args(["-TERM", &c.id().to_string()]).status().unwrap();
        }
        for c in &mut self.children {
            assert!(c.wait().unwrap().success());
        }
        self.children.clear();
    }
}

impl Drop for Replicas {
    fn drop(&mut self) {
        for c in &mut self.children {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

/// Phase "limits": 600 requests a minute per user. Phase "budget": $0.0005 a day per user.
fn configure(c: &mut Command, db: &str, redis: &str, prefix: &str, phase: &str) {
    if phase == "limits" {
        c.env("QUANTAI__LIMITS__STORE", "redis").env("QUANTAI__LIMITS__USER_RPM", "600");
    } else {
        c.env("QUANTAI__BUDGETS__STORE", "redis").env("QUANTAI__BUDGETS__USER_DAILY_USD", "0.0005");
    }
    c.env("QUANTAI__DATABASE__URL", db)
        .env("QUANTAI__REDIS__URL", redis)
        .env("QUANTAI__REDIS__KEY_PREFIX", prefix)
        .env("QUANTAI__REQUEST_LOG__ENABLED", "false")
        .env("QUANTAI__LEDGER__FLUSH_INTERVAL_MS", "50")
        .env("QUANTAI__CACHE__ENABLED", "false")
        .env_remove("OPENAI_API_KEY");
}

fn create_key(bin: &str, db: &str, redis: &str, prefix: &str, user: &str) -> String {
    let mut c = Command::new(bin);
    c.args(["keys", "create", "--user", user, "--service", "narrative_report"]);
    configure(&mut c, db, redis, prefix, "limits");
    let out = c.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().lines().last().unwrap().to_string()
}

async fn start(bin: &str, db: &str, redis: &str, prefix: &str, phase: &str) -> Replicas {
    let mut r = Replicas { children: Vec::new(), bases: Vec::new() };
    for _ in 0..2 {
        let port = free_port();
        let mut c = Command::new(bin);
        c.args(["serve", "--mock-upstream", "--bind", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        configure(&mut c, db, redis, prefix, phase);
        r.children.push(c.spawn().unwrap());
        r.bases.push(format!("http://127.0.0.1:{port}"));
    }
    let http = reqwest::Client::new();
    let t = Instant::now();
    for base in &r.bases {
        while http.get(format!("{base}/healthz")).send().await.is_err() {
            assert!(t.elapsed() < Duration::from_secs(20), "serve did not start");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
    r
}

/// Sends `n` chat requests spread over both replicas, 32 at a time; returns the statuses and
/// error codes.
async fn hammer(bases: &[String], key: &str, n: usize) -> Vec<(u16, String)> {
    let http = reqwest::Client::new();
    let next = Arc::new(AtomicUsize::new(0));
    let mut tasks = Vec::new();
    for w in 0..32 {
        let (http, next, key) = (http.clone(), next.clone(), key.to_string());
        let base = bases[w % bases.len()].clone();
        tasks.push(tokio::spawn(async move {
            let mut out = Vec::new();
            while next.fetch_add(1, Ordering::Relaxed) < n {
                let r = http
                    .post(format!("{base}/v1/chat/completions"))
                    .bearer_auth(&key)
                    .json(&serde_json::json!({"model": "gpt-4o-mini", "max_tokens": 16,
                        "messages": [{"role": "user", "content": "hi"}]}))
                    .send()
                    .await
                    .unwrap();
                let status = r.status().as_u16();
                let body: serde_json::Value = r.json().await.unwrap_or_default();
                out.push((status, body["error"]["code"].as_str().unwrap_or("").to_string()));
            }
            out
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    all
}

#[tokio::test]
async fn two_replicas_share_one_rate_limit_and_one_budget() {
    let Ok(redis) = std::env::var("QUANTAI_TEST_REDIS_URL") else {
        eprintln!("QUANTAI_TEST_REDIS_URL not set: skipped");
        return;
    };
    let bin = env!("CARGO_BIN_EXE_quantai");
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("shared.db").display());
    let prefix = format!("qt{}{}", std::process::id(), free_port());
    let rl_key = create_key(bin, &db, &redis, &prefix, "rl");
    let bu_key = create_key(bin, &db, &redis, &prefix, "bu");
    let replicas = start(bin, &db, &redis, &prefix, "limits").await;

    // Rate limit: 1,500 requests against 600 a minute. A per-replica limit would admit ~1,200.
    let t = Instant::now();
    let out = hammer(&replicas.bases, &rl_key, 1500).await;
    let elapsed = t.elapsed().as_secs_f64();
    let admitted = out.iter().filter(|(s, _)| *s == 200).count() as f64;
    let odd: Vec<_> = out.iter().filter(|(s, c)| *s != 200 && !(*s == 429 && c == "rate_limit_exceeded")).collect();
    assert!(odd.is_empty(), "{} unexpected answers, e.g. {:?}", odd.len(), odd.first());
    // The bucket starts full (600) and refills 10 a second while the test runs.
    let allowed = 600.0 + 10.0 * elapsed;
    assert!(admitted >= 600.0 * 0.99, "admitted {admitted} of a 600/min limit in {elapsed:.2} s");
    assert!(admitted <= allowed * 1.01, "admitted {admitted}, the global limit allows {allowed:.0} in {elapsed:.2} s");

    replicas.stop();

    // Budget: $0.0005 a day. Each call costs 12 × $0.15 + 5 × $0.60 per 1M = $0.0000048, and
    // reserves at most 30 prompt tokens × $0.15 + 16 × $0.60 per 1M = $0.0000141.
    let replicas = start(bin, &db, &redis, &prefix, "budget").await;
    let out = hammer(&replicas.bases, &bu_key, 400).await;
    let ok = out.iter().filter(|(s, _)| *s == 200).count();
    let refused: Vec<_> = out.iter().filter(|(s, _)| *s != 200).collect();
    let odd: Vec<_> = refused.iter().filter(|(s, c)| !(*s == 429 && c == "budget_exceeded")).collect();
    assert!(odd.is_empty(), "{} unexpected answers, e.g. {:?}", odd.len(), odd.first());
    assert!(!refused.is_empty() && ok > 0);
    replicas.stop(); // both drain their ledgers; then read what the shared ledger charged

    let mut c = Command::new(bin);
    c.args(["usage", "report", "--group-by", "user"]);
    configure(&mut c, &db, &redis, &prefix, "budget");
    let report = String::from_utf8(c.output().unwrap().stdout).unwrap();
    let row = report.lines().find(|l| l.starts_with("bu ")).unwrap_or_else(|| panic!("{report}"));
    let cols: Vec<&str> = row.split_whitespace().collect();
    let charged: f64 = cols[6].parse().unwrap();
    let (budget, reservation, one_call) = (0.0005, 0.0000141, 0.0000048);
    assert!(charged <= budget + reservation + 1e-12, "charged ${charged} against a ${budget} budget: {report}");
    // One budget for both: two per-replica budgets would have let through about twice as much.
    assert!(charged >= budget - reservation - one_call, "charged ${charged}: the budget was not used up");
    assert_eq!(cols[1].parse::<usize>().unwrap(), ok, "every admitted call is in the ledger: {report}");
}
