use quantai_core::config::LimitSettings;

use crate::helpers::*;

fn header(r: &reqwest::Response, name: &str) -> String {
    r.headers().get(name).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default()
}

#[tokio::test]
async fn requests_per_minute_per_user_with_openai_headers() {
    let app =
        spawn_with(Options { limits: LimitSettings { user_rpm: 3, ..Default::default() }, ..Default::default() }).await;
    for left in ["2", "1", "0"] {
        let r = app.chat(hello()).await;
        assert_eq!(r.status(), 200);
        assert_eq!(header(&r, "x-ratelimit-limit-requests"), "3");
        assert_eq!(header(&r, "x-ratelimit-remaining-requests"), left);
        assert!(!header(&r, "x-ratelimit-reset-requests").is_empty());
    }
    let r = app.chat(hello()).await;
    let retry_after: u64 = header(&r, "retry-after").parse().unwrap();
    assert!((1..=20).contains(&retry_after), "{retry_after}");
    let e = openai_error(r, 429).await;
    assert_eq!((e["code"].as_str(), e["type"].as_str()), (Some("rate_limit_exceeded"), Some("rate_limit_error")));
    assert!(e["message"].as_str().unwrap().contains("requests per minute for user \"alice\""), "{e}");
    // The refused request never reached the upstream and was never billed.
    assert_eq!(app.upstream_requests(), 3);
    app.assert_rows_stay(3).await;
    // Another user has a bucket of their own.
    let (bob, _) =
        app.store.create_key("bob", quantai_store::keys::Role::User, Some("narrative_report"), 0).await.unwrap();
    assert_eq!(app.post("/v1/chat/completions", &bob).json(&hello()).send().await.unwrap().status(), 200);
}

#[tokio::test]
async fn tokens_per_minute_per_service_count_real_usage() {
    let app =
        spawn_with(Options { limits: LimitSettings { service_tpm: 20, ..Default::default() }, ..Default::default() })
            .await;
    // Each mock answer uses 12 + 5 = 17 tokens: 20 → 3 → -14.
    let r = app.chat(hello()).await;
    assert_eq!((r.status().as_u16(), header(&r, "x-ratelimit-remaining-tokens")), (200, "20".to_string()));
    let r = app.chat(hello()).await;
    assert_eq!((r.status().as_u16(), header(&r, "x-ratelimit-remaining-tokens")), (200, "3".to_string()));
    let e = openai_error(app.chat(hello()).await, 429).await;
    assert!(e["message"].as_str().unwrap().contains("tokens per minute for service \"narrative_report\""), "{e}");
    app.assert_rows_stay(2).await;
}

/// `limits.model_daily_tokens`: a used-up model falls back along its chain; with nothing left,
/// 429. Each mock call uses 12 + 5 = 17 tokens. In memory, and in Redis when one is available.
#[tokio::test]
async fn daily_token_quota_per_model() {
    let mut stores = vec![None];
    if let Ok(url) = std::env::var("QUANTAI_TEST_REDIS_URL") {
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
        stores.push(Some((url, format!("qtq{}{}", std::process::id(), nanos % 1_000_000_007))));
    }
    for redis in stores {
        let mut limits = LimitSettings::default();
        limits.model_daily_tokens.insert("gpt-4o".into(), 17);
        limits.model_daily_tokens.insert("gpt-4o-mini".into(), 17);
        if redis.is_some() {
            limits.store = quantai_core::config::CounterStore::Redis;
        }
        let app = spawn_with(Options {
            limits,
            redis: redis.clone(),
            fallbacks: vec![("gpt-4o", vec!["gpt-4o-mini"])],
            ..Default::default()
        })
        .await;
        let ask = || {
            app.post("/v1/chat/completions", &app.key)
                .json(&serde_json::json!({"model": "gpt-4o", "messages": [{"role": "user", "content": "hi"}]}))
                .send()
        };
        // A used-up model is seen once its tokens are counted (off the request path in Redis).
        let settle = || tokio::time::sleep(std::time::Duration::from_millis(100));
        assert_eq!(ask().await.unwrap().status(), 200);
        settle().await;
        assert_eq!(ask().await.unwrap().status(), 200, "gpt-4o used up: its fallback answers");
        settle().await;
        let e = openai_error(ask().await.unwrap(), 429).await;
        assert_eq!(e["code"], "rate_limit_exceeded", "{redis:?}");
        assert!(e["message"].as_str().unwrap().contains("daily token quota"), "{e}");
        let rows = app.rows(2).await;
        let mut models: Vec<&str> = rows.iter().map(|r| r.model.as_str()).collect();
        models.sort();
        assert_eq!(models, ["gpt-4o", "gpt-4o-mini"], "{redis:?}");
    }
}
