use quantai_mock::Mode;
use serde_json::{json, Value};

use crate::helpers::*;

/// Every bad input of the spec answers in OpenAI's error shape, never reaches the upstream and
/// is never billed.
#[tokio::test]
async fn bad_inputs_get_openai_errors_and_are_never_billed() {
    let app = spawn_with(Options { max_body_bytes: 4096, ..Default::default() }).await;
    let chat = "/v1/chat/completions";
    let raw = |body: &'static str| app.post(chat, &app.key).header("content-type", "application/json").body(body);

    // Unparsable JSON, a non-object, an empty body.
    let e = openai_error(raw("{\"messages\": [").send().await.unwrap(), 400).await;
    assert_eq!(e["code"], "invalid_json");
    assert!(e["message"].as_str().unwrap().contains("not valid JSON"));
    assert_eq!(openai_error(raw("[1,2]").send().await.unwrap(), 400).await["code"], "invalid_json");
    assert_eq!(openai_error(raw("").send().await.unwrap(), 400).await["code"], "invalid_json");

    // Wrong types name the field.
    for (body, field) in [
        (json!({"messages": "hi"}), "messages"),
        (json!({"messages": [{"role": "user", "content": "hi"}], "temperature": "hot"}), "temperature"),
        (json!({"messages": [{"role": "user", "content": "hi"}], "stream": "yes"}), "stream"),
        (json!({"messages": [{"role": "user", "content": "hi"}], "model": 4}), "model"),
        (json!({"messages": [{"role": "user", "content": "hi"}], "max_tokens": -1}), "max_tokens"),
        (json!({"messages": [{"role": "wizard", "content": "hi"}]}), "messages[0].role"),
        (json!({"messages": [{"role": "user", "content": 7}]}), "messages[0].content"),
        (json!({"messages": [42]}), "messages[0]"),
    ] {
        let e = openai_error(app.chat(body.clone()).await, 400).await;
        assert_eq!(e["param"], field, "{body}: {e}");
        assert_eq!(e["type"], "invalid_request_error");
    }

    // Empty and missing messages.
    let e = openai_error(app.chat(json!({"messages": []})).await, 400).await;
    assert!(e["message"].as_str().unwrap().contains("at least one message"));
    let e = openai_error(app.chat(json!({"model": "gpt-4o-mini"})).await, 400).await;
    assert_eq!(e["code"], "missing_required_parameter");

    // A body over the size limit.
    let big = format!("{{\"messages\":[{{\"role\":\"user\",\"content\":\"{}\"}}]}}", "x".repeat(8000));
    let e = openai_error(
        app.post(chat, &app.key).header("content-type", "application/json").body(big).send().await.unwrap(),
        413,
    )
    .await;
    assert_eq!(e["code"], "body_too_large");

    // Unknown, malformed and missing API keys.
    let e = openai_error(app.post(chat, "qai_not_a_key").json(&hello()).send().await.unwrap(), 401).await;
    assert_eq!(e["code"], "invalid_api_key");
    assert!(!e["message"].as_str().unwrap().contains("qai_not_a_key"), "keys are never echoed");
    let resp = app.http.post(app.url(chat)).header("authorization", "Basic abc").json(&hello()).send().await.unwrap();
    openai_error(resp, 401).await;
    let resp = app.http.post(app.url(chat)).json(&hello()).send().await.unwrap();
    openai_error(resp, 401).await;

    // Policy refusals name the reason.
    let e = openai_error(
        app.chat(json!({"model": "gpt-4-turbo", "messages": [{"role": "user", "content": "x"}]})).await,
        400,
    )
    .await;
    assert_eq!(e["code"], "model_tier_not_allowed");
    assert!(e["message"].as_str().unwrap().contains("tier advanced"));
    let e =
        openai_error(app.chat(json!({"model": "gpt-9", "messages": [{"role": "user", "content": "x"}]})).await, 404)
            .await;
    assert_eq!(e["code"], "model_not_found");
    let resp = app
        .post(chat, &app.key)
        .header("X-Quantai-Service", "strategy_builder")
        .json(&json!({"model": "o1-preview", "messages": [{"role": "user", "content": "x"}]}))
        .send()
        .await
        .unwrap();
    let e = openai_error(resp, 400).await;
    assert_eq!(e["code"], "model_capability_missing");
    assert!(e["message"].as_str().unwrap().contains("function"));
    let resp = app.post(chat, &app.key).header("X-Quantai-Service", "astrology").json(&hello()).send().await.unwrap();
    assert_eq!(openai_error(resp, 400).await["code"], "unknown_service");
    let resp = app.post(chat, &app.admin_key).json(&hello()).send().await.unwrap();
    assert_eq!(openai_error(resp, 400).await["code"], "missing_service");
    let e = openai_error(
        app.chat(json!({"max_tokens": 100000, "messages": [{"role": "user", "content": "x"}]})).await,
        400,
    )
    .await;
    assert_eq!(e["param"], "max_tokens");

    // Unknown routes and methods answer in the same shape.
    openai_error(app.get("/v1/nothing", &app.key).send().await.unwrap(), 404).await;
    let resp = app.get(chat, &app.key).send().await.unwrap();
    assert_eq!(resp.headers()["allow"], "POST", "405 lists the path's methods");
    assert_eq!(openai_error(resp, 405).await["code"], "method_not_allowed");

    assert_eq!(app.upstream_requests(), 0, "no refused request reached the upstream");
    app.assert_rows_stay(0).await;
}

#[tokio::test]
async fn upstream_errors_are_mapped_and_recorded_unbilled() {
    let app = spawn_app().await;
    // (upstream status, our status, our code, ledger class)
    let cases = [
        (400, 400, "upstream_rejected", "upstream_4xx"),
        (429, 429, "upstream_rate_limited", "upstream_429"),
        (401, 502, "upstream_auth_failed", "upstream_auth"),
        (500, 502, "upstream_server_error", "upstream_5xx"),
        (503, 502, "upstream_server_error", "upstream_5xx"),
    ];
    for (i, (up, ours, code, class)) in cases.iter().enumerate() {
        app.mock.state.set_mode(Mode::Status(*up));
        let e = openai_error(app.chat(hello()).await, *ours).await;
        assert_eq!(e["code"], *code);
        assert!(e["message"].as_str().unwrap().contains(&format!("HTTP {up}")), "{e}");
        if *up == 401 {
            assert!(
                !e["message"].as_str().unwrap().contains("Incorrect API key"),
                "our upstream credentials stay private: {e}"
            );
        }
        let rows = app.rows(i + 1).await;
        let r = &rows[0];
        assert_eq!(
            (r.status.as_str(), r.http_status, r.error_class.as_deref()),
            ("error", i64::from(*up), Some(*class))
        );
        assert_eq!((r.prompt_tokens, r.completion_tokens, r.cost_picos), (0, 0, 0));
    }
    // The upstream 4xx text reaches the client so they can fix their request.
    app.mock.state.set_mode(Mode::Status(400));
    let e = openai_error(app.chat(hello()).await, 400).await;
    assert!(e["message"].as_str().unwrap().contains("Invalid parameter"), "{e}");
}

#[tokio::test]
async fn upstream_timeout_and_unreachable_upstream() {
    let app = spawn_with(Options { timeout_ms: 300, ..Default::default() }).await;
    app.mock.state.set_mode(Mode::Delay(std::time::Duration::from_secs(2)));
    let e = openai_error(app.chat(hello()).await, 504).await;
    assert_eq!(e["code"], "upstream_timeout");
    let r = &app.rows(1).await[0];
    assert_eq!(r.error_class.as_deref(), Some("timeout"));
}

#[tokio::test]
async fn internal_faults_are_500_with_the_request_id_and_no_internals() {
    let app = spawn_app().await;
    let created = app
        .post("/api/v1/backtests", &app.key)
        .json(&json!({"symbol": "AAPL", "strategy": {"kind": "sma_cross", "params": {"fast": 10, "slow": 30}}}))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), 201);
    let id = created.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    // A stored document that no longer decodes is quantai's fault, not the caller's.
    sqlx::query("UPDATE backtests SET kpis = 'not json' WHERE id = ?")
        .bind(&id)
        .execute(app.store.pool())
        .await
        .unwrap();
    let resp = app.get(&format!("/api/v1/backtests/{id}"), &app.key).send().await.unwrap();
    let rid = resp.headers()["x-request-id"].to_str().unwrap().to_string();
    let e = openai_error(resp, 500).await;
    assert_eq!(e["code"], "internal_error");
    assert_eq!(e["type"], "server_error");
    let m = e["message"].as_str().unwrap();
    assert!(m.contains(&rid), "the message carries the request id {rid}: {m}");
    assert!(!m.contains("kpis") && !m.contains("not json") && !m.contains("stored"), "no internals: {m}");

    // A client's own request id is kept (a sane token), an unsafe one replaced.
    let resp = app.get("/api/v1/backtests", &app.key).header("x-request-id", "trace-42").send().await.unwrap();
    assert_eq!(resp.headers()["x-request-id"], "trace-42");
    let resp = app.get("/api/v1/backtests", &app.key).header("x-request-id", "a b<script>").send().await.unwrap();
    assert_ne!(resp.headers()["x-request-id"], "a b<script>");
}

#[tokio::test]
async fn bodies_need_a_json_content_type_and_bad_queries_name_the_problem() {
    let app = spawn_app().await;
    let resp = app
        .http
        .post(app.url("/api/v1/backtests"))
        .bearer_auth(&app.key)
        .body(r#"{"symbol":"AAPL","strategy":{"kind":"buy_and_hold"}}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(openai_error(resp, 415).await["code"], "unsupported_media_type");
    let resp = app.get("/api/v1/backtests?limit=many", &app.key).send().await.unwrap();
    let e = openai_error(resp, 400).await;
    assert_eq!(e["code"], "invalid_query");
    assert!(e["message"].as_str().unwrap().contains("limit"), "{e}");
    // Authentication comes before the body is read: no key, a bad body, 401.
    let resp = app.http.post(app.url("/api/v1/backtests")).body("{").send().await.unwrap();
    assert_eq!(openai_error(resp, 401).await["code"], "invalid_api_key");
    // A user key cannot do what needs an admin key.
    let resp = app.post("/api/v1/admin/reload", &app.key).send().await.unwrap();
    assert_eq!(openai_error(resp, 403).await["code"], "forbidden");
}
