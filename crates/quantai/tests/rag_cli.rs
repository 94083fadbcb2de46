//! `quantai models pull` and `quantai rag` as a user runs them, including a kill -9 while
//! documents are being indexed: every document is then whole or absent.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn cmd(dir: &std::path::Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_quantai"));
    c.args(args)
        .current_dir(dir)
        .env("QUANTAI__DATABASE__URL", format!("sqlite://{}", dir.join("rag.db").display()))
        .env("QUANTAI__REQUEST_LOG__URL", format!("file:{}", dir.display()))
        .env("QUANTAI__RAG__MODEL_DIR", dir.join("data/models/all-MiniLM-L6-v2"))
        .env_remove("OPENAI_API_KEY");
    c
}

fn run(dir: &std::path::Path, args: &[&str]) -> Output {
    cmd(dir, args).output().unwrap()
}

fn text(id: usize) -> String {
    format!(
        "document {id}: SMA crossover on symbol S{} with Sharpe {}.{} and 삼성전자 메모 {id}",
        id % 97,
        id % 3,
        id % 10
    )
}

#[test]
fn models_pull_checks_the_weights() {
    let dir = tempfile::tempdir().unwrap();
    // A directory that is not the model is refused and nothing is installed.
    let fake = dir.path().join("fake");
    std::fs::create_dir_all(&fake).unwrap();
    for f in ["config.json", "tokenizer.json", "model.safetensors"] {
        std::fs::write(fake.join(f), "{}").unwrap();
    }
    let out = run(dir.path(), &["models", "pull", "--from", fake.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("sha256"), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!dir.path().join("data/models/all-MiniLM-L6-v2").exists());
    let Ok(model) = std::env::var("QUANTAI_TEST_MINILM_DIR") else {
        eprintln!("QUANTAI_TEST_MINILM_DIR not set: the real pull is skipped");
        return;
    };
    let out = run(dir.path(), &["models", "pull", "--from", &model]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let installed = dir.path().join("data/models/all-MiniLM-L6-v2/model.safetensors");
    assert_eq!(std::fs::metadata(installed).unwrap().len(), 90_868_376);
    // A whole sentence-transformers directory (pooling config included) when the source has one.
    let pooling = std::path::Path::new(&model).join("1_Pooling/config.json");
    if pooling.is_file() {
        assert!(dir.path().join("data/models/all-MiniLM-L6-v2/1_Pooling/config.json").is_file());
    }
}

#[tokio::test]
async fn documents_survive_a_kill_during_indexing_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let total = 20_000;
    let mut jsonl = String::new();
    for id in 0..total {
        let d = serde_json::json!({"id": format!("d{id}"), "text": text(id), "metadata": {"n": id}});
        jsonl.push_str(&d.to_string());
        jsonl.push('\n');
    }
    let file = dir.path().join("docs.jsonl");
    std::fs::write(&file, jsonl).unwrap();
    let mut child = cmd(dir.path(), &["rag", "add", "--user", "u", "--collection", "notes", "--batch", "16"])
        .arg(&file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Kill it once some batches are in.
    let url = format!("sqlite://{}", dir.path().join("rag.db").display());
    let started = Instant::now();
    let mut seen = 0;
    while seen < 160 {
        assert!(started.elapsed() < Duration::from_secs(120), "indexing never started");
        tokio::time::sleep(Duration::from_millis(20)).await;
        if let Ok(store) = quantai_store::Store::connect(&url, 1).await {
            seen = store.rag_stats(None).await.map(|s| s.first().map(|c| c.documents).unwrap_or(0)).unwrap_or(0);
            store.close().await;
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();

    let store = quantai_store::Store::connect(&url, 1).await.unwrap();
    let rows = store.rag_all(Some("notes")).await.unwrap();
    assert!(rows.len() >= 160 && rows.len() < total, "killed mid-way: {} of {total}", rows.len());
    assert_eq!(rows.len() % 16, 0, "whole batches only: {}", rows.len());
    for r in &rows {
        let id: usize = r.id[1..].parse().unwrap();
        assert_eq!(r.text, text(id));
        assert_eq!(r.metadata, format!("{{\"n\":{id}}}"));
        assert_eq!(r.embedding.len(), 2048, "384 floats in base64");
    }
    store.close().await;
    // The store still works: the rest is added, and everything is searchable.
    let out = run(dir.path(), &["rag", "add", "--user", "u", "--collection", "notes", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run(
        dir.path(),
        &["rag", "search", "--user", "u", "--collection", "notes", "--mode", "keyword", "--k", "1", "메모 19999"],
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("notes/d19999"), "{}", String::from_utf8_lossy(&out.stdout));
}

#[test]
fn backfill_indexes_stored_backtests_once() {
    let dir = tempfile::tempdir().unwrap();
    for (user, kind) in [("alice", "rsi_reversion"), ("bob", "macd_cross")] {
        let out = run(dir.path(), &["backtest", "run", "--symbol", "GOOG", "--strategy", kind, "--user", user]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let out = run(dir.path(), &["rag", "backfill"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("indexed 2 backtests"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let again = run(dir.path(), &["rag", "backfill"]);
    assert!(String::from_utf8_lossy(&again.stdout).contains("indexed 0 backtests"));
    // Each user finds their own backtest, and only theirs.
    let out = run(dir.path(), &["rag", "search", "--user", "alice", "--mode", "keyword", "알파벳 구글 RSI MACD"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.lines().count(), 1, "{text}");
    assert!(text.contains("user_backtests/") && text.contains("RSI"), "{text}");
}
