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
