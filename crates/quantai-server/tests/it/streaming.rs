use std::time::Duration;

use futures::StreamExt;
use quantai_mock::Mode;
use serde_json::{json, Value};

use crate::helpers::*;

fn events(text: &str) -> Vec<String> {
    text.split("\n\n").filter_map(|e| e.strip_prefix("data: ")).map(str::to_string).collect()
}

fn content(events: &[String]) -> String {
    events
        .iter()
        .filter_map(|e| serde_json::from_str::<Value>(e).ok())
        .filter_map(|v| v["choices"][0]["delta"]["content"].as_str().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn stream_with_usage_requested_by_the_client() {
    let app = spawn_app().await;
    let body = json!({"stream": true, "stream_options": {"include_usage": true},
        "messages": [{"role": "user", "content": "hi"}]});
    let resp = app.chat(body).await;
    assert_eq!(resp.status(), 200);
    assert_eq!(resp.headers()["content-type"], "text/event-stream");
    let ev = events(&resp.text().await.unwrap());
    assert_eq!(content(&ev), "Hello from the mock.");
    assert_eq!(ev.last().unwrap(), "[DONE]");
    let usage: Vec<Value> =
        ev.iter().filter_map(|e| serde_json::from_str::<Value>(e).ok()).filter(|v| v["usage"].is_object()).collect();
    assert_eq!(usage.len(), 1, "the client asked for usage and gets it");
    assert_eq!(usage[0]["usage"]["completion_tokens"], 5);
    let r = &app.rows(1).await[0];
    assert!(r.streamed && !r.tokens_estimated);
    assert_eq!((r.prompt_tokens, r.completion_tokens, r.cost_picos), (12, 5, 4_800_000));
    assert_eq!(r.status, "ok");
}

#[tokio::test]
async fn stream_usage_is_metered_but_hidden_when_not_requested() {
    let app = spawn_app().await;
    let resp = app.chat(json!({"stream": true, "messages": [{"role": "user", "content": "hi"}]})).await;
    let ev = events(&resp.text().await.unwrap());
    // quantai asked the upstream for usage on its own account...
    assert_eq!(app.mock.state.last_body().unwrap()["stream_options"]["include_usage"], true);
    // ...and did not show the client a chunk it did not ask for.
    assert!(ev.iter().all(|e| !e.contains("\"prompt_tokens\"")), "{ev:?}");
    assert_eq!(content(&ev), "Hello from the mock.");
    let r = &app.rows(1).await[0];
    assert_eq!((r.prompt_tokens, r.completion_tokens, r.tokens_estimated), (12, 5, false));
}

#[tokio::test]
async fn stream_without_upstream_usage_is_counted_locally() {
    let app = spawn_app().await;
    app.mock.state.set_mode(Mode::NoUsage);
    let resp = app.chat(json!({"stream": true, "messages": [{"role": "user", "content": "hi"}]})).await;
    let ev = events(&resp.text().await.unwrap());
    assert_eq!(ev.last().unwrap(), "[DONE]");
    let r = &app.rows(1).await[0];
    assert!(r.tokens_estimated);
    assert_eq!((r.prompt_tokens, r.completion_tokens, r.status.as_str()), (8, 5, "ok"));
}

#[tokio::test]
async fn stream_cut_midway_is_reported_and_billed_for_what_arrived() {
    let app = spawn_app().await;
    app.mock.state.set_mode(Mode::CutStream(2));
    let resp = app.chat(json!({"stream": true, "messages": [{"role": "user", "content": "hi"}]})).await;
    let status = resp.status();
    let text = resp.text().await.unwrap_or_default();
    assert_eq!(status, 200, "{text}");
    let ev = events(&text);
    assert_eq!(content(&ev), "Hello from");
    let last: Value = serde_json::from_str(ev.last().unwrap()).unwrap();
    assert_eq!(last["error"]["code"], "stream_cut", "the client is told in-band: {text}");
    let r = &app.rows(1).await[0];
    assert_eq!((r.status.as_str(), r.error_class.as_deref()), ("stream_cut", Some("stream_cut")));
    assert!(r.tokens_estimated);
    // "Hello from" = 2 tokens delivered; the prompt of 8 was consumed too.
    assert_eq!((r.prompt_tokens, r.completion_tokens), (8, 2));
}

#[tokio::test]
async fn client_disconnect_midstream_still_writes_its_row() {
    let app = spawn_app().await;
    app.mock.state.set_mode(Mode::SlowStream(Duration::from_millis(300)));
    let resp = app.chat(json!({"stream": true, "messages": [{"role": "user", "content": "hi"}]})).await;
    assert_eq!(resp.status(), 200);
    let mut stream = resp.bytes_stream();
    let first = stream.next().await.unwrap().unwrap();
    assert!(!first.is_empty());
    drop(stream); // the client goes away mid-stream
    let rows = app.rows(1).await;
    let r = &rows[0];
    assert_eq!((r.status.as_str(), r.error_class.as_deref()), ("client_disconnected", Some("client_disconnect")));
    assert!(r.streamed && r.tokens_estimated);
    assert_eq!(r.prompt_tokens, 8);
    assert!(r.completion_tokens < 5, "only part of the answer was produced: {}", r.completion_tokens);
}

#[tokio::test]
async fn streamed_tool_calls_pass_through() {
    let app = spawn_app().await;
    app.mock.state.set_mode(Mode::ToolCall);
    let body = json!({"stream": true, "messages": [{"role": "user", "content": "load"}],
        "tools": [{"type": "function", "function": {"name": "get_backtest", "parameters": {"type": "object"}}}]});
    let text = app.chat(body).await.text().await.unwrap();
    let args: String = events(&text)
        .iter()
        .filter_map(|e| serde_json::from_str::<Value>(e).ok())
        .filter_map(|v| v["choices"][0]["delta"]["tool_calls"][0]["function"]["arguments"].as_str().map(str::to_string))
        .collect();
    assert_eq!(args, "{\"id\":\"bt-42\"}");
    assert_eq!(app.rows(1).await[0].status, "ok");
}
