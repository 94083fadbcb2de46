//! `quantai serve` as a process: SIGHUP reloads the catalog (a bad file keeps the old one) and
//! SIGTERM drains the usage ledger before exit.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn signal(child: &Child, sig: &str) {
    let ok = Command::new("kill").args([sig, &child.id().to_string()]).status().unwrap();
    assert!(ok.success());
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

async fn price(http: &reqwest::Client, base: &str, key: &str) -> String {
    let v: serde_json::Value = http
        .get(format!("{base}/api/v1/gen-ai/models?tier=mini"))
        .bearer_auth(key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let m = v["models"].as_array().unwrap().iter().find(|m| m["model_id"] == "gpt-4o-mini").unwrap();
    m["price_per_1m"]["input"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn sighup_reloads_and_sigterm_drains_the_ledger() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("serve.db").display());
    let catalog = dir.path().join("catalog.toml");
    std::fs::write(&catalog, quantai_core_catalog()).unwrap();
    let bin = env!("CARGO_BIN_EXE_quantai");
    let env = |c: &mut Command| {
        c.env("QUANTAI__DATABASE__URL", &db)
            .env("QUANTAI__MODELS__CATALOG", &catalog)
            // Rows stay queued in memory until shutdown forces them out.
            .env("QUANTAI__REQUEST_LOG__ENABLED", "false")
            .env("QUANTAI__LEDGER__FLUSH_INTERVAL_MS", "600000")
            .env("QUANTAI__LEDGER__BATCH_SIZE", "100000")
            .env_remove("OPENAI_API_KEY");
    };
    let mut c = Command::new(bin);
    c.args(["keys", "create", "--user", "ops", "--role", "admin", "--service", "narrative_report"]);
    env(&mut c);
    let out = c.output().unwrap();
    let key = String::from_utf8(out.stdout).unwrap().lines().last().unwrap().to_string();

    let port = free_port();
    let base = format!("http://127.0.0.1:{port}");
    let mut c = Command::new(bin);
    c.args(["serve", "--mock-upstream", "--bind", &format!("127.0.0.1:{port}")]).stderr(Stdio::piped());
    env(&mut c);
    let mut child = c.spawn().unwrap();
    let stderr = child.stderr.take().unwrap();
    let log = std::thread::spawn(move || BufReader::new(stderr).lines().map_while(Result::ok).collect::<Vec<_>>());

    let http = reqwest::Client::new();
    let started = Instant::now();
    while http.get(format!("{base}/healthz")).send().await.is_err() {
        assert!(started.elapsed() < Duration::from_secs(20), "serve did not start");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(price(&http, &base, &key).await, "0.15");

    // A broken file on SIGHUP is refused: the old catalog stays.
    std::fs::write(&catalog, "[[models]]\nid = ").unwrap();
    signal(&child, "-HUP");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(price(&http, &base, &key).await, "0.15");

    // A good file on SIGHUP applies without a restart.
    std::fs::write(&catalog, quantai_core_catalog().replace("input = \"0.15\"", "input = \"0.16\"")).unwrap();
    signal(&child, "-HUP");
    let t = Instant::now();
    while price(&http, &base, &key).await != "0.16" {
        assert!(t.elapsed() < Duration::from_secs(5), "SIGHUP did not reload");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }

    for _ in 0..7 {
        let r = http
            .post(format!("{base}/v1/chat/completions"))
            .bearer_auth(&key)
            .json(&serde_json::json!({"messages": [{"role": "user", "content": "hi"}]}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
    }
    signal(&child, "-TERM");
    let status = tokio::task::spawn_blocking(move || child.wait().unwrap()).await.unwrap();
    assert!(status.success(), "{status:?}");
    let lines = log.join().unwrap();
    assert!(lines.iter().any(|l| l.contains("reload refused")), "{lines:?}");
    assert!(!lines.iter().any(|l| l.contains(&key[4..])), "the API key must never be logged");

    let mut c = Command::new(bin);
    c.args(["usage", "report", "--group-by", "model"]);
    env(&mut c);
    let report = String::from_utf8(c.output().unwrap().stdout).unwrap();
    let row = report.lines().find(|l| l.starts_with("gpt-4o-mini")).unwrap_or_else(|| panic!("{report}"));
    let cols: Vec<&str> = row.split_whitespace().collect();
    assert_eq!(cols[1], "7", "all 7 queued rows were written at shutdown: {report}");
    // 7 × (12 × $0.16 + 5 × $0.60) / 1M = 7 × 4.92e-6 = $0.00003444
    assert_eq!(cols[6], "0.00003444", "{report}");
}

fn quantai_core_catalog() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../quantai-core/defaults/catalog.toml")).unwrap()
}
