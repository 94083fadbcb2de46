use quantai_mock::Mode;
use serde_json::{json, Value};

use crate::helpers::*;

#[tokio::test]
async fn plain_chat_is_billed_exactly_and_reaches_upstream_with_our_key() {
    let app = spawn_app().await;
    let resp = app.chat(hello()).await;
    assert_eq!(resp.status(), 200);
    let request_id = resp.headers()["x-request-id"].to_str().unwrap().to_string();
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["choices"][0]["message"]["content"], "Hello from the mock.");
    // No model given: narrative_report's default, sent upstream under its upstream name.
    let sent = app.mock.state.last_body().unwrap();
    assert_eq!(sent["model"], "gpt-4o-mini");
    assert!(sent.get("stream_options").is_none());
    assert_eq!(app.mock.state.last_header("authorization").as_deref(), Some("Bearer sk-upstream-secret"));

    let rows = app.rows(1).await;
    let r = &rows[0];
    assert_eq!(r.request_id, request_id);
    assert_eq!(
        (r.user_id.as_str(), r.service.as_str(), r.model.as_str()),
        ("alice", "narrative_report", "gpt-4o-mini")
    );
    assert_eq!((r.prompt_tokens, r.completion_tokens, r.cached_tokens), (12, 5, 0));
    assert!(!r.tokens_estimated && !r.streamed && !r.cache_hit);
    // 12 × $0.15/1M + 5 × $0.60/1M = $0.0000048 = 4,800,000 pico-dollars.
    assert_eq!(r.cost_picos, 4_800_000);
    assert_eq!((r.input_price_micros, r.output_price_micros), (150_000, 600_000));
    assert_eq!((r.status.as_str(), r.http_status, r.error_class.as_deref()), ("ok", 200, None));
    assert_eq!(r.provider, "openai");
}

#[tokio::test]
async fn service_header_selects_the_policy_and_its_default() {
    let app = spawn_app().await;
    let resp = app
        .post("/v1/chat/completions", &app.key)
        .header("X-Quantai-Service", "strategy_builder")
        .json(&hello())
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    assert_eq!(app.mock.state.last_body().unwrap()["model"], "gpt-4o");
    let r = &app.rows(1).await[0];
    assert_eq!((r.service.as_str(), r.model.as_str()), ("strategy_builder", "gpt-4o"));
    // gpt-4o: 12 × 2.50 + 5 × 10.00 per 1M = $0.00008.
    assert_eq!(r.cost_picos, 80_000_000);
}

#[tokio::test]
async fn cached_prompt_tokens_are_billed_at_the_cached_price() {
    let app = spawn_app().await;
    app.mock.state.set_mode(Mode::Cached(8));
    assert_eq!(app.chat(hello()).await.status(), 200);
    let r = &app.rows(1).await[0];
    assert_eq!((r.prompt_tokens, r.cached_tokens), (12, 8));
    // 4 × 0.15 + 8 × 0.075 + 5 × 0.60 = 0.6 + 0.6 + 3.0 = 4.2 micro-dollars.
    assert_eq!(r.cost_picos, 4_200_000);
}

#[tokio::test]
async fn tools_and_response_format_pass_through_untouched() {
    let app = spawn_app().await;
    app.mock.state.set_mode(Mode::ToolCall);
    let tools = json!([{"type": "function", "function": {"name": "get_backtest", "description": "Fetch a backtest",
        "parameters": {"type": "object", "properties": {"id": {"type": "string"}}, "required": ["id"]}}}]);
    let fmt = json!({"type": "json_schema", "json_schema": {"name": "x", "schema": {"type": "object"}}});
    let body = json!({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "load bt-42"}],
        "tools": tools, "tool_choice": "auto", "response_format": fmt, "x_vendor_flag": {"keep": true}});
    let resp = app.chat(body).await;
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["choices"][0]["message"]["tool_calls"][0]["function"]["name"], "get_backtest");
    assert_eq!(v["choices"][0]["finish_reason"], "tool_calls");
    let sent = app.mock.state.last_body().unwrap();
    assert_eq!(sent["tools"], tools);
    assert_eq!(sent["tool_choice"], "auto");
    assert_eq!(sent["response_format"], fmt);
    assert_eq!(sent["x_vendor_flag"], json!({"keep": true}));
}

#[tokio::test]
async fn upstream_without_usage_is_counted_locally() {
    let app = spawn_app().await;
    app.mock.state.set_mode(Mode::NoUsage);
    assert_eq!(app.chat(hello()).await.status(), 200);
    let r = &app.rows(1).await[0];
    assert!(r.tokens_estimated);
    // Prompt: 3 per message + "user" (1) + "hi" (1) + 3 priming = 8.
    // Completion: "Hello from the mock." is 5 o200k tokens.
    assert_eq!((r.prompt_tokens, r.completion_tokens), (8, 5));
}

#[tokio::test]
async fn embeddings_are_billed_at_the_embedding_price() {
    let app = spawn_app().await;
    let resp = app
        .post("/v1/embeddings", &app.key)
        .json(&json!({"model": "text-embedding-3-small", "input": ["one two three", "four five"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    let v: Value = resp.json().await.unwrap();
    assert_eq!(v["data"].as_array().unwrap().len(), 2);
    let r = &app.rows(1).await[0];
    assert_eq!((r.endpoint.as_str(), r.model.as_str(), r.prompt_tokens), ("embeddings", "text-embedding-3-small", 5));
    // 5 × $0.02/1M = $0.0000001.
    assert_eq!(r.cost_picos, 100_000);
    let resp =
        app.post("/v1/embeddings", &app.key).json(&json!({"model": "gpt-4o", "input": "x"})).send().await.unwrap();
    assert_eq!(openai_error(resp, 400).await["code"], "model_not_embedding");
}

#[tokio::test]
async fn azure_dialect_uses_deployment_urls_api_version_and_api_key_header() {
    let app = spawn_with(Options { azure: true, ..Default::default() }).await;
    let resp = app.chat(hello()).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(
        app.mock.state.last_uri().as_deref(),
        Some("/openai/deployments/gpt-4o-mini/chat/completions?api-version=2024-10-21")
    );
    assert_eq!(app.mock.state.last_header("api-key").as_deref(), Some("sk-upstream-secret"));
    assert_eq!(app.mock.state.last_header("authorization"), None);
    assert_eq!(app.mock.state.last_header("x-tenant").as_deref(), Some("quant"));
    assert_eq!(app.rows(1).await[0].cost_picos, 4_800_000);
}
