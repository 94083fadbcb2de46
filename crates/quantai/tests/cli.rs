//! The `quantai` binary as a user runs it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output};

fn quantai(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quantai"))
        .args(args)
        .current_dir(dir)
        .env("QUANTAI__DATABASE__URL", format!("sqlite://{}", dir.join("cli.db").display()))
        .env("QUANTAI__REQUEST_LOG__URL", format!("file:{}", dir.display()))
        .env_remove("OPENAI_API_KEY")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn keys_create_prints_the_key_last_and_stores_only_its_hash() {
    let dir = tempfile::tempdir().unwrap();
    let out =
        quantai(dir.path(), &["keys", "create", "--user", "alice", "--role", "admin", "--service", "narrative_report"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    let key = text.lines().last().unwrap();
    assert!(key.starts_with("qai_") && key.len() == 52, "{text}");
    let db = std::fs::read(dir.path().join("cli.db")).unwrap();
    let needle = &key.as_bytes()[12..];
    assert!(!db.windows(needle.len()).any(|w| w == needle), "the key's secret part must not be stored");
    let list = stdout(&quantai(dir.path(), &["keys", "list"]));
    assert!(list.contains("alice") && list.contains("admin") && !list.contains(&key[12..]), "{list}");

    let bad = quantai(dir.path(), &["keys", "create", "--user", "bob", "--role", "root"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("root"));
    let bad = quantai(dir.path(), &["keys", "create", "--user", "bob", "--service", "astrology"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("astrology"));
}

#[test]
fn config_check_names_the_bad_key() {
    let dir = tempfile::tempdir().unwrap();
    let ok = quantai(dir.path(), &["config", "check"]);
    assert!(ok.status.success());
    assert!(stdout(&ok).contains("configuration OK"));
    let f = dir.path().join("bad.toml");
    std::fs::write(&f, "[ledger]\nbatch_sise = 10\n").unwrap();
    let bad = quantai(dir.path(), &["--config", f.to_str().unwrap(), "config", "check"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("batch_sise"), "{}", String::from_utf8_lossy(&bad.stderr));
    let f = dir.path().join("bad-policy.toml");
    std::fs::write(
        &f,
        "[services.x]\nallowed_tiers = [\"mini\"]\ndefault_model = \"gpt-4o\"\nrequired_capabilities = []\n",
    )
    .unwrap();
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, format!("[models]\npolicies = {:?}\n", f.to_str().unwrap())).unwrap();
    let bad = quantai(dir.path(), &["--config", cfg.to_str().unwrap(), "config", "check"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("default_model") && err.contains("gpt-4o"), "{err}");
}

#[test]
fn models_list_filters_by_service_and_tier() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(&quantai(dir.path(), &["models", "list", "--service", "strategy_builder"]));
    let models: Vec<&str> = out
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with("default"))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(models, ["gpt-4o", "gpt-4-turbo"], "{out}");
    assert!(out.contains("default model for strategy_builder: gpt-4o"));
    let out = stdout(&quantai(dir.path(), &["models", "list", "--tier", "premium"]));
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("o1-preview") && out.contains("$15"), "{out}");
}

#[test]
fn data_import_check_and_backtest_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("k.csv");
    std::fs::write(
        &csv,
        "date,open,high,low,close,volume\n2024-01-02,70000,71000,69000,70500,1000\n\
         2024-01-02,70000,71000,69000,70500,1000\n2024-01-03,70500,70600,70000,70100,900\n",
    )
    .unwrap();
    let path = csv.to_str().unwrap();
    let out = quantai(dir.path(), &["data", "import", path, "--symbol", "005930"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 3: duplicate date 2024-01-02"));
    let out = quantai(dir.path(), &["data", "import", path, "--symbol", "005930", "--skip-bad-rows"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        stdout(&out).contains("005930 (KRX): 3 rows, 2 inserted, 0 updated, 0 unchanged, 1 rejected"),
        "{}",
        stdout(&out)
    );
    let rejects = std::fs::read_to_string(format!("{path}.rejects.csv")).unwrap();
    assert!(rejects.contains("3,\"duplicate date 2024-01-02\""), "{rejects}");

    let out = quantai(dir.path(), &["data", "check", "AAPL", "--json"]);
    let findings: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let splits: Vec<&str> = findings
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "split_like")
        .map(|f| f["date"].as_str().unwrap())
        .collect();
    assert_eq!(splits, ["2000-06-21", "2005-02-28"]);

    let out = quantai(
        dir.path(),
        &[
            "backtest",
            "run",
            "--symbol",
            "AAPL",
            "--strategy",
            "sma_cross",
            "--param",
            "fast=10",
            "--param",
            "slow=30",
            "--commission",
            "0.001",
            "--json",
        ],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // backtesting.py's figures for this case (tests/reference/backtests_AAPL.json).
    assert_eq!(r["trades"].as_array().unwrap().len(), 58);
    assert!((r["kpis"]["final_equity"].as_f64().unwrap() - 54_431.288_274_2).abs() < 1e-6, "{}", r["kpis"]);
    assert_eq!(r["spec"]["costs"]["commission"], 0.001);
    let out =
        quantai(dir.path(), &["backtest", "run", "--symbol", "AAPL", "--strategy", "sma_cross", "--param", "fast=50"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("params.fast"), "{}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn data_fetch_names_missing_credentials_and_bad_sources() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_quantai"))
        .args(["data", "fetch", "kis", "005930"])
        .current_dir(dir.path())
        .env("QUANTAI__DATABASE__URL", format!("sqlite://{}", dir.path().join("f.db").display()))
        .env_remove("KIS_APP_KEY")
        .env_remove("KIS_APP_SECRET")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("KIS_APP_KEY"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = quantai(dir.path(), &["data", "fetch", "yahoo", "AAPL"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("kis or alphavantage"));
}

/// `quantai data fetch kis` end to end against a local KIS stand-in: token, one page of daily
/// bars, imported and then visible to a backtest.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn data_fetch_kis_imports_bars() {
    use axum::routing::{get, post};
    let rows: Vec<serde_json::Value> = (1..=20)
        .rev()
        .map(|d| {
            let c = 70_000 + d * 100;
            serde_json::json!({"stck_bsop_date": format!("202402{d:02}"), "stck_clpr": c.to_string(),
                "stck_oprc": (c - 50).to_string(), "stck_hgpr": (c + 200).to_string(),
                "stck_lwpr": (c - 300).to_string(), "acml_vol": "1000"})
        })
        .collect();
    let app = axum::Router::new()
        .route(
            "/oauth2/tokenP",
            post(|| async {
                axum::Json(serde_json::json!({"access_token": "t", "token_type": "Bearer", "expires_in": 86400}))
            }),
        )
        .route(
            "/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice",
            get(move || {
                let rows = rows.clone();
                async move {
                    axum::Json(serde_json::json!({"output2": rows, "rt_cd": "0", "msg_cd": "MCA00000", "msg1": "ok"}))
                }
            }),
        );
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    let out = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_quantai"))
            .args(["data", "fetch", "kis", "005930", "--from", "2024-02-01", "--to", "2024-02-29"])
            .current_dir(&d)
            .env("QUANTAI__DATABASE__URL", format!("sqlite://{}", d.join("cli.db").display()))
            .env("QUANTAI__MARKET_DATA__KIS__BASE_URL", &base)
            .env("QUANTAI__MARKET_DATA__KIS__MIN_INTERVAL_MS", "0")
            .env("QUANTAI__MARKET_DATA__TOKEN_DIR", d.join("tokens").display().to_string())
            .env("QUANTAI__MARKET_DATA__RAW_ARCHIVE_URL", format!("file:{}", d.display()))
            .env("KIS_APP_KEY", "k")
            .env("KIS_APP_SECRET", "s")
            .output()
            .unwrap()
    })
    .await
    .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    assert!(text.contains("005930 (KRX) from kis: 20 bars 2024-02-01 … 2024-02-20, 20 inserted"), "{text}");
    let list = stdout(&quantai(dir.path(), &["data", "list"]));
    assert!(list.contains("005930") && list.contains("20 bars"), "{list}");
    assert!(dir.path().join("raw-data/kis").exists(), "the raw response is archived");
}
