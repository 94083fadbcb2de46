use std::time::{Duration, Instant};

use quantai_mock::Mode;
use serde_json::json;

use crate::helpers::*;

fn three() -> Options {
    Options { max_attempts: 3, ..Default::default() }
}

#[tokio::test]
async fn retries_429_honouring_retry_after_then_succeeds() {
    let app = spawn_with(three()).await;
    app.mock.state.fail_next(1, Mode::RetryAfter(429, 1));
    let t = Instant::now();
    let resp = app.chat(hello()).await;
    assert_eq!(resp.status(), 200);
    assert!(t.elapsed() >= Duration::from_millis(950), "waited {:?}, Retry-After asked for 1 s", t.elapsed());
    let mut rows = app.rows(2).await;
    rows.sort_by_key(|r| r.attempt);
    assert_eq!((rows[0].attempt, rows[0].is_final, rows[0].status.as_str()), (1, false, "error"));
    assert_eq!(rows[0].error_class.as_deref(), Some("upstream_429"));
    assert_eq!((rows[1].attempt, rows[1].is_final, rows[1].status.as_str()), (2, true, "ok"));
    assert_eq!(rows[0].request_id, rows[1].request_id);
    assert_eq!((rows[0].cost_picos, rows[1].cost_picos), (0, 4_800_000), "only the answered attempt costs");
}

#[tokio::test]
async fn a_burst_of_500s_is_retried_and_a_longer_one_gives_up() {
    let app = spawn_with(three()).await;
    app.mock.state.fail_next(2, Mode::Status(500));
    assert_eq!(app.chat(hello()).await.status(), 200);
    let rows = app.rows(3).await;
    let finals: Vec<(i64, bool, &str)> = {
        let mut v: Vec<_> = rows.iter().map(|r| (r.attempt, r.is_final, r.status.as_str())).collect();
        v.sort();
        v
    };
    assert_eq!(finals, [(1, false, "error"), (2, false, "error"), (3, true, "ok")]);

    app.mock.state.fail_next(3, Mode::Status(503));
    let e = openai_error(app.chat(hello()).await, 502).await;
    assert_eq!(e["code"], "upstream_server_error");
    let rows = app.rows(6).await;
    let last: Vec<_> = rows.iter().filter(|r| r.status == "error" && r.http_status == 503).collect();
    assert_eq!(last.len(), 3);
    assert_eq!(last.iter().filter(|r| r.is_final).count(), 1, "exactly one final row per request");
    assert_eq!(app.upstream_requests(), 6);
}

#[tokio::test]
async fn client_errors_are_not_retried() {
    let app = spawn_with(three()).await;
    app.mock.state.fail_next(1, Mode::Status(400));
    openai_error(app.chat(hello()).await, 400).await;
    app.assert_rows_stay(1).await;
    assert_eq!(app.upstream_requests(), 1);
}

#[tokio::test]
async fn timeouts_are_retried_within_the_total_bound() {
    let app = spawn_with(Options { timeout_ms: 200, ..three() }).await;
    app.mock.state.fail_next(1, Mode::Delay(Duration::from_secs(2)));
    assert_eq!(app.chat(hello()).await.status(), 200);
    let mut rows = app.rows(2).await;
    rows.sort_by_key(|r| r.attempt);
    assert_eq!(rows[0].error_class.as_deref(), Some("timeout"));
    assert_eq!((rows[1].status.as_str(), rows[1].is_final), ("ok", true));
}

#[tokio::test]
async fn stream_cut_before_the_first_byte_is_retried_after_it_is_not() {
    let app = spawn_with(three()).await;
    let body = json!({"stream": true, "messages": [{"role": "user", "content": "hi"}]});
    app.mock.state.fail_next(1, Mode::CutBeforeFirstByte);
    let text = app.chat(body.clone()).await.text().await.unwrap();
    assert!(text.contains("Hello") && text.contains("[DONE]"), "{text}");
    let mut rows = app.rows(2).await;
    rows.sort_by_key(|r| r.attempt);
    assert_eq!((rows[0].status.as_str(), rows[0].is_final), ("error", false));
    assert_eq!((rows[1].status.as_str(), rows[1].is_final, rows[1].completion_tokens), ("ok", true, 5));

    // Once bytes reached the client, a cut is final: no second answer is spliced in.
    app.mock.state.fail_next(1, Mode::CutStream(2));
    let text = app.chat(body).await.text().await.unwrap_or_default();
    assert!(text.contains("stream_cut"), "{text}");
    let rows = app.rows(3).await;
    assert_eq!(rows.iter().filter(|r| r.status == "stream_cut").count(), 1);
    app.assert_rows_stay(3).await;
}

#[tokio::test]
async fn fallback_keeps_requests_succeeding_while_the_primary_fails_half_its_calls() {
    let app = spawn_with(Options {
        backup: true,
        max_attempts: 1,
        fallbacks: vec![("gpt-4o-mini", vec!["gpt-4-turbo", "gpt-4o"])],
        ..Default::default()
    })
    .await;
    app.mock.state.set_mode(Mode::FailEveryOther);
    let n = 1000;
    let mut ok = 0;
    let mut tasks = Vec::new();
    for _ in 0..n {
        let req = app.post("/v1/chat/completions", &app.key).json(&hello());
        tasks.push(tokio::spawn(async move { req.send().await.map(|r| r.status().as_u16()).unwrap_or(0) }));
        if tasks.len() >= 50 {
            for t in tasks.drain(..) {
                ok += u32::from(t.await.unwrap() == 200);
            }
        }
    }
    for t in tasks {
        ok += u32::from(t.await.unwrap() == 200);
    }
    assert!(f64::from(ok) / f64::from(n) >= 0.999, "{ok} of {n} succeeded");
    let rows = app.rows(1500).await;
    let fallback_ok = rows.iter().filter(|r| r.model == "gpt-4o" && r.status == "ok").count();
    let primary_err = rows.iter().filter(|r| r.model == "gpt-4o-mini" && r.status == "error").count();
    assert_eq!(fallback_ok, primary_err, "every failed primary call was answered by the fallback");
    assert!(primary_err >= 450, "{primary_err}");
    // narrative_report may not use gpt-4-turbo (tier advanced): it is never tried.
    assert!(rows.iter().all(|r| r.model != "gpt-4-turbo"));
    assert!(rows.iter().filter(|r| r.is_final).count() == n as usize);
}

#[tokio::test]
async fn a_fallback_never_escalates_past_the_policy() {
    let app = spawn_with(Options {
        backup: true,
        max_attempts: 1,
        fallbacks: vec![("gpt-4o-mini", vec!["gpt-4-turbo", "o1-preview"])],
        ..Default::default()
    })
    .await;
    app.mock.state.set_mode(Mode::Status(500));
    openai_error(app.chat(hello()).await, 502).await;
    app.assert_rows_stay(1).await;
    assert_eq!(app.upstream_requests(), 1);
    assert_eq!(app.backup.as_ref().unwrap().state.requests.load(std::sync::atomic::Ordering::Relaxed), 0);
}

#[tokio::test]
async fn an_abandoned_unary_call_still_gets_its_row() {
    let app = spawn_app().await;
    app.mock.state.set_mode(Mode::Delay(Duration::from_millis(800)));
    let r = app.post("/v1/chat/completions", &app.key).json(&hello()).timeout(Duration::from_millis(200)).send().await;
    assert!(r.is_err(), "the client gave up first");
    let rows = app.rows(1).await;
    assert_eq!(
        (rows[0].status.as_str(), rows[0].error_class.as_deref()),
        ("client_disconnected", Some("client_disconnect"))
    );
}

#[tokio::test]
async fn null_stream_options_still_ask_the_upstream_for_usage() {
    let app = spawn_app().await;
    let body = json!({"stream": true, "stream_options": null, "messages": [{"role": "user", "content": "hi"}]});
    let text = app.chat(body).await.text().await.unwrap();
    assert!(text.contains("[DONE]"));
    assert_eq!(app.mock.state.last_body().unwrap()["stream_options"]["include_usage"], true);
    let r = &app.rows(1).await[0];
    assert!(!r.tokens_estimated, "usage came from the upstream");
}
