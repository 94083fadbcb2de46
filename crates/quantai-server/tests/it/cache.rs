//! The response cache: hit, miss, TTL expiry, bypass, streamed hit, and the cost it saved.

use std::time::Duration;

use quantai_core::config::{CacheSettings, CounterStore};
use serde_json::{json, Value};

use crate::helpers::*;

fn det() -> Value {
    json!({"model": "gpt-4o-mini", "temperature": 0, "messages": [{"role": "user", "content": "삼성전자 요약"}]})
}

fn cache(ttl_secs: u64) -> CacheSettings {
    CacheSettings { ttl_secs, ..quantai_core::config::Settings::default().cache }
}

#[tokio::test]
async fn hit_miss_expiry_bypass_and_streamed_hit() {
    let app = spawn_with(Options { cache: cache(1), ..Default::default() }).await;
    // Miss: the upstream answers and the answer is stored.
    let r = app.chat(det()).await;
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("x-quantai-cache").is_none());
    let first: Value = r.json().await.unwrap();
    assert_eq!(app.upstream_requests(), 1);

    // Hit: same request (keys reordered, different `user`): no upstream call, same answer.
    let r = app
        .chat(json!({"messages": [{"content": "삼성전자 요약", "role": "user"}], "temperature": 0.0,
                     "user": "someone", "model": "gpt-4o-mini"}))
        .await;
    assert_eq!(r.headers()["x-quantai-cache"], "hit");
    let second: Value = r.json().await.unwrap();
    assert_eq!(second, first);
    assert_eq!(app.upstream_requests(), 1);

    // Streamed hit: the cached answer replayed as SSE, with usage when asked.
    let mut body = det();
    body["stream"] = json!(true);
    body["stream_options"] = json!({"include_usage": true});
    let r = app.chat(body).await;
    assert_eq!(r.headers()["content-type"], "text/event-stream");
    let text = r.text().await.unwrap();
    let events: Vec<Value> = text
        .split("\n\n")
        .filter_map(|e| e.strip_prefix("data: "))
        .filter(|d| *d != "[DONE]")
        .map(|d| serde_json::from_str(d).unwrap())
        .collect();
    let content: String =
        events.iter().filter_map(|e| e["choices"][0]["delta"]["content"].as_str()).collect::<Vec<_>>().concat();
    assert_eq!(content, first["choices"][0]["message"]["content"].as_str().unwrap());
    assert_eq!(events.last().unwrap()["usage"]["completion_tokens"], first["usage"]["completion_tokens"]);
    assert!(text.ends_with("data: [DONE]\n\n"));
    assert_eq!(app.upstream_requests(), 1);

    // Bypass: Cache-Control: no-cache goes upstream.
    let r = app
        .post("/v1/chat/completions", &app.key)
        .header("cache-control", "no-cache")
        .json(&det())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("x-quantai-cache").is_none());
    assert_eq!(app.upstream_requests(), 2);

    // A sampled request is not cached unless it opts in.
    let mut sampled = det();
    sampled["temperature"] = json!(0.7);
    app.chat(sampled.clone()).await;
    app.chat(sampled.clone()).await;
    assert_eq!(app.upstream_requests(), 4);
    let opt = |b: Value| app.post("/v1/chat/completions", &app.key).header("x-quantai-cache", "on").json(&b).send();
    opt(sampled.clone()).await.unwrap();
    let r = opt(sampled).await.unwrap();
    assert_eq!(r.headers()["x-quantai-cache"], "hit");
    assert_eq!(app.upstream_requests(), 5);

    // TTL: after a second the entry is gone.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let r = app.chat(det()).await;
    assert!(r.headers().get("x-quantai-cache").is_none());
    assert_eq!(app.upstream_requests(), 6);

    // The ledger: hits at $0 with the cost they saved (12 × $0.15 + 5 × $0.60 per 1M = 4.8e-6 $).
    let rows = app.rows(9).await;
    let hits: Vec<_> = rows.iter().filter(|r| r.cache_hit).collect();
    assert_eq!(hits.len(), 3, "{rows:?}");
    for h in &hits {
        assert_eq!((h.cost_picos, h.saved_cost_picos, h.provider.as_str()), (0, 4_800_000, "cache"));
    }
    assert!(rows.iter().filter(|r| !r.cache_hit).all(|r| r.cost_picos == 4_800_000 && r.saved_cost_picos == 0));
    let metrics = app.http.get(app.url("/metrics")).send().await.unwrap().text().await.unwrap();
    assert!(metrics.contains("quantai_cache_lookups_total{outcome=\"hit\"} 3"), "{metrics}");
    assert!(metrics.contains("quantai_cache_lookups_total{outcome=\"bypass\"} 1"), "{metrics}");
}

#[tokio::test]
async fn disabled_cache_never_answers() {
    let app = spawn_with(Options { cache: CacheSettings { enabled: false, ..cache(60) }, ..Default::default() }).await;
    app.chat(det()).await;
    let r = app.chat(det()).await;
    assert!(r.headers().get("x-quantai-cache").is_none());
    assert_eq!(app.upstream_requests(), 2);
}

/// Two gateways sharing one Redis share the cache.
#[tokio::test]
async fn redis_cache_is_shared_between_gateways() {
    let Ok(url) = std::env::var("QUANTAI_TEST_REDIS_URL") else {
        eprintln!("QUANTAI_TEST_REDIS_URL not set: skipped");
        return;
    };
    let prefix = format!("qtc{}{}", std::process::id(), rand_suffix());
    let o = || Options {
        cache: CacheSettings { store: CounterStore::Redis, ..cache(60) },
        redis: Some((url.clone(), prefix.clone())),
        ..Default::default()
    };
    let (a, b) = (spawn_with(o()).await, spawn_with(o()).await);
    assert_eq!(a.chat(det()).await.status(), 200);
    // The write is off the request path: give it a moment.
    let mut hit = false;
    for _ in 0..50 {
        let r = b.chat(det()).await;
        if r.headers().get("x-quantai-cache").is_some() {
            hit = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(hit, "gateway b never saw gateway a's answer");
    assert_eq!(a.upstream_requests(), 1);
}

fn rand_suffix() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos() as u64 % 1_000_000_007
}

/// A streamed miss fills the cache too: the same request then hits, streamed or not.
#[tokio::test]
async fn a_streamed_miss_fills_the_cache() {
    let app = spawn_with(Options { cache: cache(60), ..Default::default() }).await;
    let mut body = det();
    body["stream"] = json!(true);
    let r = app.chat(body.clone()).await;
    assert_eq!(r.status(), 200);
    assert!(r.headers().get("x-quantai-cache").is_none());
    r.text().await.unwrap();
    assert_eq!(app.upstream_requests(), 1);
    // The answer is stored as the stream ends, before its last bytes reach the client.
    let r = app.chat(det()).await;
    assert_eq!(r.headers()["x-quantai-cache"], "hit", "the streamed answer was cached");
    let unary: Value = r.json().await.unwrap();
    assert_eq!(unary["choices"][0]["message"]["content"], quantai_mock::REPLY_WORDS.concat());
    assert!(unary["usage"]["completion_tokens"].as_u64().unwrap() > 0);
    let r = app.chat(body).await;
    assert_eq!(r.headers()["x-quantai-cache"], "hit");
    let text = r.text().await.unwrap();
    let content: String = text
        .split("\n\n")
        .filter_map(|e| e.strip_prefix("data: "))
        .filter(|d| *d != "[DONE]")
        .filter_map(|d| serde_json::from_str::<Value>(d).ok())
        .filter_map(|e| e["choices"][0]["delta"]["content"].as_str().map(str::to_string))
        .collect();
    assert_eq!(content, quantai_mock::REPLY_WORDS.concat());
    assert_eq!(app.upstream_requests(), 1, "no further upstream call");
    app.stop().await;
}
