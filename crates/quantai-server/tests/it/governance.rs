//! Prompt governance end to end: the PII corpus of `quantai-guard` sent through the gateway
//! (every true item masked before it leaves, no near-miss touched), a scan of logs, ledger and
//! request log for any unmasked sample, block and restore policies, banned words, templates
//! and the savings report.

use std::io::Write;
use std::sync::{Arc, Mutex};

use quantai_core::config::{GuardSettings, PiiAction, ServiceGuard, WordAction};
use serde_json::{json, Value};

use crate::helpers::*;

#[derive(serde::Deserialize)]
struct Corpus {
    positive: Vec<Positive>,
    near_miss: Vec<NearMiss>,
}

#[derive(serde::Deserialize)]
struct Positive {
    text: String,
    pii: Vec<Item>,
}

#[derive(serde::Deserialize)]
struct Item {
    value: String,
}

#[derive(serde::Deserialize)]
struct NearMiss {
    text: String,
}

fn corpus() -> Corpus {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../quantai-guard/tests/corpus.toml");
    toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// Everything this test binary logs, at every level.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn upstream_text(body: &Value) -> String {
    body["messages"].as_array().unwrap().iter().map(|m| m["content"].as_str().unwrap_or("").to_string()).collect()
}

#[tokio::test]
async fn pii_corpus_is_masked_before_it_leaves_and_found_nowhere_after() {
    let logs = Captured::default();
    let writer = logs.clone();
    let _ =
        tracing_subscriber::fmt().with_max_level(tracing::Level::TRACE).with_writer(move || writer.clone()).try_init();
    let app = spawn_app().await;
    let c = corpus();
    assert!(c.positive.len() >= 60 && c.near_miss.len() >= 60);
    for p in &c.positive {
        let r = app.chat(json!({"messages": [{"role": "user", "content": p.text}]})).await;
        assert_eq!(r.status(), 200, "{}", p.text);
        let sent = upstream_text(&app.upstream_body());
        for item in &p.pii {
            assert!(!sent.contains(&item.value), "{:?} left unmasked in {sent:?}", item.value);
        }
        assert!(sent.contains("_1]"), "no placeholder in {sent:?}");
    }
    for n in &c.near_miss {
        let r = app.chat(json!({"messages": [{"role": "user", "content": n.text}]})).await;
        assert_eq!(r.status(), 200);
        assert_eq!(upstream_text(&app.upstream_body()), n.text, "a near-miss was altered");
    }
    let total = c.positive.len() + c.near_miss.len();
    app.rows(total).await;
    // The request log holds the masked texts (the writer batches each second).
    let dir = app.request_log_dir();
    let mut logged = String::new();
    for _ in 0..100 {
        logged.clear();
        for day in std::fs::read_dir(&dir).unwrap().flatten() {
            for f in std::fs::read_dir(day.path()).unwrap().flatten() {
                logged.push_str(&std::fs::read_to_string(f.path()).unwrap());
            }
        }
        if logged.lines().count() >= total {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(logged.lines().count(), total, "one request-log line per request");
    assert!(logged.contains("[EMAIL_1]") && logged.contains("[PHONE_1]"));
    let store = app.stop().await;
    drop(store);
    // Nothing stored or logged holds a true sample: request log, ledger database, logs.
    let mut ledger = Vec::new();
    for f in std::fs::read_dir(dir.parent().unwrap()).unwrap().flatten() {
        // The -wal/-shm files may vanish as the last connection closes.
        if f.file_name().to_string_lossy().starts_with("q.db") {
            if let Ok(bytes) = std::fs::read(f.path()) {
                ledger.extend(bytes);
            }
        }
    }
    assert!(ledger.len() > 4096, "the ledger database was not read");
    let ledger = String::from_utf8_lossy(&ledger);
    let logs = String::from_utf8_lossy(&logs.0.lock().unwrap()).to_string();
    assert!(!logs.is_empty(), "the log capture saw nothing");
    // A value that also occurs inside a near-miss (`A010-1234-5678` is a serial, not a phone)
    // legitimately appears there; the upstream check above covers it.
    let in_near_miss = |v: &str| c.near_miss.iter().any(|n| n.text.contains(v));
    let mut scanned = 0;
    for p in &c.positive {
        for item in p.pii.iter().filter(|i| !in_near_miss(&i.value)) {
            scanned += 1;
            assert!(!logged.contains(&item.value), "request log holds {:?}", item.value);
            assert!(!ledger.contains(&item.value), "ledger holds {:?}", item.value);
            assert!(!logs.contains(&item.value), "logs hold {:?}", item.value);
        }
    }
    assert!(scanned >= 80, "only {scanned} samples scanned");
}

fn guard_with(service: ServiceGuard) -> GuardSettings {
    let mut g = quantai_core::config::Settings::default().guard;
    g.services.insert("narrative_report".into(), service);
    g
}

#[tokio::test]
async fn block_restore_and_banned_words_per_service() {
    // Block: the request is refused, naming the kind, never the value; nothing goes upstream.
    let app = spawn_with(Options {
        guard: guard_with(ServiceGuard { pii: Some(PiiAction::Block), ..Default::default() }),
        ..Default::default()
    })
    .await;
    let r = app.chat(json!({"messages": [{"role": "user", "content": "내 번호 010-2345-6789"}]})).await;
    let e = openai_error(r, 400).await;
    assert_eq!(e["code"], "pii_detected");
    assert!(e["message"].as_str().unwrap().contains("PHONE") && !e["message"].to_string().contains("2345"));
    assert_eq!(app.upstream_requests(), 0);

    // Restore: the upstream sees placeholders; the caller gets the originals back. The mock
    // echoes the last user message.
    let app = spawn_with(Options {
        guard: guard_with(ServiceGuard { restore: Some(true), ..Default::default() }),
        ..Default::default()
    })
    .await;
    app.mock.state.set_mode(quantai_mock::Mode::Echo);
    let r = app.chat(json!({"messages": [{"role": "user", "content": "메일 kim@example.com 확인"}]})).await;
    let v: Value = r.json().await.unwrap();
    assert!(upstream_text(&app.upstream_body()).contains("[EMAIL_1]"));
    let answer = v["choices"][0]["message"]["content"].as_str().unwrap();
    assert!(answer.contains("kim@example.com") && !answer.contains("[EMAIL_1]"), "{answer}");

    // Streamed: the mock echoes three characters a chunk, so placeholders arrive split; the
    // client still reads the originals, and the ledger counts what the upstream sent.
    let prompt = "메일 kim@example.com, 전화 010-2345-6789, 또 kim@example.com [끝]";
    let r = app.chat(json!({"stream": true, "messages": [{"role": "user", "content": prompt}]})).await;
    assert_eq!(r.status(), 200);
    let sse = r.text().await.unwrap();
    let mut text = String::new();
    for line in sse.lines() {
        let Some(d) = line.strip_prefix("data: ") else { continue };
        if d == "[DONE]" {
            continue;
        }
        let v: Value = serde_json::from_str(d).unwrap();
        if let Some(c) = v["choices"][0]["delta"]["content"].as_str() {
            text.push_str(c);
        }
    }
    assert_eq!(text, prompt, "the streamed answer is the prompt with every value restored");
    let sent = upstream_text(&app.upstream_body());
    assert!(sent.contains("[EMAIL_1]") && sent.contains("[PHONE_1]") && !sent.contains("kim@"), "{sent}");

    // Banned words: block names the word; mask replaces it.
    let app = spawn_with(Options {
        guard: guard_with(ServiceGuard { banned_words: Some(vec!["내부자 정보".into()]), ..Default::default() }),
        ..Default::default()
    })
    .await;
    let e =
        openai_error(app.chat(json!({"messages": [{"role": "user", "content": "내부자 정보로 매수할까"}]})).await, 400)
            .await;
    assert_eq!(e["code"], "banned_word");
    let app = spawn_with(Options {
        guard: guard_with(ServiceGuard {
            banned_words: Some(vec!["Insider".into()]),
            banned_action: Some(WordAction::Mask),
            ..Default::default()
        }),
        ..Default::default()
    })
    .await;
    assert_eq!(app.chat(json!({"messages": [{"role": "user", "content": "any INSIDER tips?"}]})).await.status(), 200);
    assert_eq!(upstream_text(&app.upstream_body()), "any *** tips?");
}

#[tokio::test]
async fn templates_render_by_version_and_are_ledgered() {
    let app = spawn_app().await;
    let post = |body: Value, key: &str| app.post("/api/v1/gen-ai/templates", key).json(&body).send();
    let r = post(json!({"name": "bt.summary", "body": "{{symbol}} 백테스트 요약"}), &app.key).await.unwrap();
    assert_eq!(r.status(), 403, "only admins store templates");
    let r = post(json!({"name": "bt.summary", "body": "{{symbol}} 백테스트 요약"}), &app.admin_key).await.unwrap();
    assert_eq!(r.status(), 201);
    let r = post(
        json!({"name": "bt.summary", "body": "Summarise the {{symbol}} backtest over {{period}}"}),
        &app.admin_key,
    )
    .await
    .unwrap();
    let v2: Value = r.json().await.unwrap();
    assert_eq!((v2["version"].as_i64(), v2["variables"].clone()), (Some(2), json!(["symbol", "period"])));
    assert_eq!(v2["status"], "draft");
    let e = openai_error(post(json!({"name": "x", "body": "{{oops"}), &app.admin_key).await.unwrap(), 400).await;
    assert_eq!(e["code"], "invalid_template");

    // drafts never serve; an admin approves, then activates
    let e = openai_error(
        app.chat(json!({"quantai_template": {"name": "bt.summary", "version": 1, "variables": {"symbol": "005930"}}}))
            .await,
        400,
    )
    .await;
    assert!(e["message"].as_str().unwrap().contains("draft"), "{e}");
    let step = |v: i64, what: &str, key: &str| {
        app.post(&format!("/api/v1/gen-ai/templates/bt.summary/versions/{v}/{what}"), key).send()
    };
    assert_eq!(step(1, "approve", &app.key).await.unwrap().status(), 403);
    let e = openai_error(step(2, "activate", &app.admin_key).await.unwrap(), 400).await;
    assert!(e["message"].as_str().unwrap().contains("approve it"), "{e}");
    for v in [1, 2] {
        let t: Value = step(v, "approve", &app.admin_key).await.unwrap().json().await.unwrap();
        assert_eq!((t["status"].as_str(), t["approved_by"].as_str()), (Some("approved"), Some("root")));
    }
    let t: Value = step(2, "activate", &app.admin_key).await.unwrap().json().await.unwrap();
    assert_eq!(t["status"], "active");
    let d: Value = app
        .get("/api/v1/gen-ai/templates/bt.summary/diff?from=1&to=2", &app.key)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(d["diff"], "- {{symbol}} 백테스트 요약\n+ Summarise the {{symbol}} backtest over {{period}}\n");

    let r = app
        .chat(json!({"quantai_template": {"name": "bt.summary", "version": 1, "variables": {"symbol": "005930"}}}))
        .await;
    assert_eq!(r.status(), 200);
    assert_eq!(upstream_text(&app.upstream_body()), "005930 백테스트 요약");
    let r = app
        .chat(json!({"messages": [{"role": "user", "content": "go"}],
            "quantai_template": {"name": "bt.summary", "role": "system", "variables": {"symbol": "AAPL", "period": "2020-2024"}}}))
        .await;
    assert_eq!(r.status(), 200);
    let sent = app.upstream_body();
    assert_eq!(sent["messages"][0]["content"], "Summarise the AAPL backtest over 2020-2024");
    assert_eq!(sent["messages"][0]["role"], "system");
    assert!(sent.get("quantai_template").is_none(), "the extension never goes upstream");
    let e = openai_error(
        app.chat(json!({"quantai_template": {"name": "bt.summary", "variables": {"symbol": "AAPL"}}})).await,
        400,
    )
    .await;
    assert!(e["message"].as_str().unwrap().contains("\"period\""), "{e}");
    let e = openai_error(app.chat(json!({"quantai_template": {"name": "nope"}})).await, 404).await;
    assert_eq!(e["code"], "template_not_found");
    let rows = app.rows(2).await;
    let mut used: Vec<_> =
        rows.iter().map(|r| (r.template_name.clone().unwrap(), r.template_version.unwrap())).collect();
    used.sort();
    assert_eq!(used, [("bt.summary".to_string(), 1), ("bt.summary".to_string(), 2)]);
}

#[tokio::test]
async fn savings_report_against_a_baseline() {
    let app = spawn_app().await;
    let det = json!({"model": "gpt-4o-mini", "temperature": 0, "messages": [{"role": "user", "content": "hi"}]});
    for _ in 0..3 {
        assert_eq!(app.chat(det.clone()).await.status(), 200); // 1 billed call + 2 cache hits
    }
    app.rows(3).await;
    let v: Value = app.get("/api/v1/gen-ai/usage/savings", &app.key).send().await.unwrap().json().await.unwrap();
    // One billed call of 12 prompt + 5 completion tokens: gpt-4o-mini $0.15/$0.60 per 1M, the
    // gpt-4-turbo baseline $10/$30 per 1M.
    let g = &v["groups"][0];
    assert_eq!(
        (g["service"].as_str(), g["requests"].as_i64(), g["cache_hits"].as_i64()),
        (Some("narrative_report"), Some(3), Some(2))
    );
    assert_eq!(g["actual_usd"], "0.0000048");
    assert_eq!(g["baseline_usd"], "0.00027");
    assert_eq!(g["saved_vs_baseline_usd"], "0.0002652");
    assert_eq!(g["cache_saved_usd"], "0.0000096");
    assert_eq!(v["baseline_model"], "gpt-4-turbo");
    let e =
        openai_error(app.get("/api/v1/gen-ai/usage/savings?baseline=gpt-9", &app.key).send().await.unwrap(), 404).await;
    assert_eq!(e["param"], "baseline");
}

/// Streams and embeddings are in the request log too: a stream with the answer as it streamed,
/// embeddings with each vector replaced by its size.
#[tokio::test]
async fn request_log_holds_streams_and_embeddings() {
    let app = spawn_app().await;
    let r = app.chat(json!({"stream": true, "messages": [{"role": "user", "content": "메일 lee@example.com"}]})).await;
    assert_eq!(r.status(), 200);
    r.text().await.unwrap();
    let r = app
        .post("/v1/embeddings", &app.key)
        .json(&json!({"model": "text-embedding-3-small", "input": ["전화 010-2345-6789", "momentum"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let dir = app.request_log_dir();
    let mut lines: Vec<Value> = Vec::new();
    for _ in 0..100 {
        lines.clear();
        for day in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            for f in std::fs::read_dir(day.path()).unwrap().flatten() {
                let text = std::fs::read_to_string(f.path()).unwrap();
                lines.extend(text.lines().map(|l| serde_json::from_str::<Value>(l).unwrap()));
            }
        }
        if lines.len() >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(lines.len(), 2, "{lines:?}");
    let stream = lines.iter().find(|l| l["request"]["stream"] == true).expect("the streamed request");
    assert_eq!(stream["response"]["choices"][0]["message"]["content"], quantai_mock::REPLY_WORDS.concat());
    assert_eq!(stream["response"]["status"], "ok");
    assert!(stream["request"].to_string().contains("[EMAIL_1]") && !stream.to_string().contains("lee@"));
    let emb = lines.iter().find(|l| l["request"]["input"].is_array()).expect("the embeddings request");
    assert!(emb["request"]["input"][0].as_str().unwrap().contains("[PHONE_1]"));
    let data = emb["response"]["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    assert!(data.iter().all(|d| d["embedding_dims"].as_u64().unwrap() > 0 && d.get("embedding").is_none()), "{data:?}");
    app.stop().await;
}
