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

/// `rag backup` / `rag restore` against S3-compatible storage (moto, started by `.ci/run`): the
/// object is byte for byte the file backup (large enough to go up in parts), a fresh database
/// restored from it answers every search the same, and bad targets are refused by name.
#[tokio::test]
async fn backup_to_object_storage_and_restore() {
    let Ok(endpoint) = std::env::var("QUANTAI_TEST_S3_ENDPOINT") else {
        eprintln!("QUANTAI_TEST_S3_ENDPOINT not set: the object-storage backup is skipped");
        return;
    };
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    let bucket = format!("quantai-test-{}-{}", std::process::id(), nanos % 1_000_000_000);
    let http = reqwest::Client::new();
    let made = http.put(format!("{endpoint}/{bucket}")).send().await.unwrap();
    assert!(made.status().is_success(), "creating bucket {bucket}: {}", made.status());
    let secret = "quantai-s3-secret-never-logged";
    let s3 = |dir: &std::path::Path, args: &[&str]| {
        cmd(dir, args)
            .env("AWS_ENDPOINT", &endpoint)
            .env("AWS_ALLOW_HTTP", "true")
            .env("AWS_ACCESS_KEY_ID", "quantai-test")
            .env("AWS_SECRET_ACCESS_KEY", secret)
            .env("AWS_REGION", "us-east-1")
            .output()
            .unwrap()
    };
    let ok = |out: &Output| {
        let (o, e) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success(), "{o}\n{e}");
        assert!(!o.contains(secret) && !e.contains(secret));
        o.to_string()
    };
    let a = tempfile::tempdir().unwrap();
    // ~6,000 documents with 384-value vectors: a backup of more than one 8 MiB part.
    let docs: String = (0..6_000)
        .map(|id| format!("{}\n", serde_json::json!({"id": format!("d{id}"), "text": text(id), "metadata": {"n": id}})))
        .collect();
    std::fs::write(a.path().join("docs.jsonl"), docs).unwrap();
    ok(&run(a.path(), &["rag", "add", "--user", "u", "--collection", "notes", "--batch", "500", "docs.jsonl"]));
    ok(&run(a.path(), &["rag", "add", "--user", "v", "--collection", "notes", "--batch", "500", "docs.jsonl"]));
    let url = format!("s3://{bucket}/backups/rag.jsonl");
    assert!(ok(&s3(a.path(), &["rag", "backup", &url])).contains("backed up 12000 documents"));
    ok(&run(a.path(), &["rag", "backup", "local.jsonl"]));
    let local = std::fs::read(a.path().join("local.jsonl")).unwrap();
    assert!(local.len() > 16 << 20, "the backup spans parts: {} bytes", local.len());
    let object = http.get(format!("{endpoint}/{bucket}/backups/rag.jsonl")).send().await.unwrap();
    assert!(object.status().is_success());
    assert!(object.bytes().await.unwrap() == local, "the object equals the file backup");

    let b = tempfile::tempdir().unwrap();
    assert!(ok(&s3(b.path(), &["rag", "restore", &url])).contains("restored 12000 documents"));
    for (user, q) in [("u", "SMA crossover S42 Sharpe 2.5"), ("v", "삼성전자 메모 917"), ("u", "document 5999")] {
        let search = ["rag", "search", "--user", user, "--collection", "notes", "--k", "5", q];
        let (x, y) = (ok(&run(a.path(), &search)), ok(&run(b.path(), &search)));
        assert_eq!(x, y, "{user}: {q}");
        assert_eq!(x.lines().count(), 5, "{x}");
    }
    ok(&run(b.path(), &["rag", "backup", "again.jsonl"]));
    assert!(std::fs::read(b.path().join("again.jsonl")).unwrap() == local, "a backup of the restore is the same");

    // Bad targets: named in the error, nothing stored.
    let c = tempfile::tempdir().unwrap();
    let missing = format!("s3://{bucket}/backups/none.jsonl");
    for (target, says) in [(missing.as_str(), missing.as_str()), ("s3://only-a-bucket", "s3://BUCKET/KEY")] {
        let out = s3(c.path(), &["rag", "restore", target]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success() && err.contains(says), "{target}: {err}");
        assert!(!err.contains(secret));
    }
    let stats = ok(&run(c.path(), &["rag", "stats"]));
    assert!(!stats.contains("notes"), "{stats}");
    // A backup to a bucket that does not exist is an error naming the target, not a crash.
    let nowhere = format!("s3://{bucket}-missing/rag.jsonl");
    let out = s3(a.path(), &["rag", "backup", &nowhere]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains(&nowhere) && !err.contains("panicked") && !err.contains(secret), "{err}");
}
