//! quantai-mock: an OpenAI-compatible upstream for quantai's tests and benchmarks. It answers
//! `/v1/chat/completions` (plain and SSE), `/v1/embeddings` and `/v1/models` with fixed,
//! known usage, and can be switched at run time to misbehave: HTTP errors, no usage, streams
//! cut mid-way, slow streams, tool calls. It records the last request body it received so
//! tests can check what the gateway sent upstream. Entry point: [`spawn`].

use std::net::SocketAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

/// Prompt tokens the mock reports for every chat completion.
pub const PROMPT_TOKENS: u64 = 12;
/// Completion tokens the mock reports for every chat completion.
pub const COMPLETION_TOKENS: u64 = 5;
/// The words the mock answers with (streamed one per chunk).
pub const REPLY_WORDS: [&str; 5] = ["Hello", " from", " the", " mock", "."];

/// How the mock behaves.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Mode {
    /// Answer normally, with usage.
    #[default]
    Normal,
    /// Answer with this status and an OpenAI-shaped error body.
    Status(u16),
    /// Answer normally but never report usage.
    NoUsage,
    /// Stream this many content chunks, then break the connection.
    CutStream(usize),
    /// Wait this long between stream chunks.
    SlowStream(Duration),
    /// Answer with a tool call (non-stream and stream).
    ToolCall,
    /// Wait this long before answering.
    Delay(Duration),
    /// Report this many cached prompt tokens.
    Cached(u64),
    /// Answer with this status and a `Retry-After` of this many seconds.
    RetryAfter(u16, u64),
    /// Send the response head, then break the connection before any event.
    CutBeforeFirstByte,
    /// Fail every other request with HTTP 500 (the 1st, 3rd, 5th, …).
    FailEveryOther,
    /// Answer with the last message's content, as received (streamed three characters a chunk).
    Echo,
}

/// One recorded answer of a script ([`MockState::script`]): the next unary chat requests are
/// answered with these, in order, before the mode applies again.
#[derive(Clone, Debug, PartialEq)]
pub enum Scripted {
    /// An assistant message with this text.
    Content(String),
    /// An assistant message calling these tools: (name, JSON arguments as a string).
    ToolCalls(Vec<(String, String)>),
    /// This body, sent as it is (malformed answers).
    Raw(String),
    /// This HTTP status with an OpenAI-shaped error.
    Status(u16),
}

/// Shared, switchable state of a running mock.
#[derive(Default)]
pub struct MockState {
    pub mode: Mutex<Mode>,
    pub last_body: Mutex<Option<Value>>,
    pub last_headers: Mutex<Option<HeaderMap>>,
    pub last_uri: Mutex<Option<String>>,
    pub requests: AtomicU64,
    /// Requests left that use the fault mode of [`MockState::fail_next`]; then `mode` applies.
    faults_left: AtomicU64,
    fault: Mutex<Mode>,
    record: bool,
    script: Mutex<std::collections::VecDeque<Scripted>>,
    /// Every unary chat request body answered from the script, in order.
    pub scripted_requests: Mutex<Vec<Value>>,
}

impl MockState {
    pub fn set_mode(&self, m: Mode) {
        if let Ok(mut g) = self.mode.lock() {
            *g = m;
        }
    }

    /// Queues answers for the next unary chat requests (appended to any queued already).
    pub fn script(&self, answers: impl IntoIterator<Item = Scripted>) {
        if let Ok(mut g) = self.script.lock() {
            g.extend(answers);
        }
    }

    /// Answers still queued.
    pub fn script_left(&self) -> usize {
        self.script.lock().map(|g| g.len()).unwrap_or(0)
    }

    /// The bodies of the requests the script answered.
    pub fn scripted(&self) -> Vec<Value> {
        self.scripted_requests.lock().map(|g| g.clone()).unwrap_or_default()
    }

    fn next_scripted(&self) -> Option<Scripted> {
        self.script.lock().ok().and_then(|mut g| g.pop_front())
    }

    /// The next `n` requests behave as `fault`, then the normal mode applies again.
    pub fn fail_next(&self, n: u64, fault: Mode) {
        if let Ok(mut g) = self.fault.lock() {
            *g = fault;
        }
        self.faults_left.store(n, Ordering::SeqCst);
    }

    fn mode(&self) -> Mode {
        let left = self.faults_left.load(Ordering::SeqCst);
        if left > 0 && self.faults_left.compare_exchange(left, left - 1, Ordering::SeqCst, Ordering::SeqCst).is_ok() {
            return self.fault.lock().map(|g| g.clone()).unwrap_or_default();
        }
        self.mode.lock().map(|g| g.clone()).unwrap_or_default()
    }

    /// The last JSON body received.
    pub fn last_body(&self) -> Option<Value> {
        self.last_body.lock().ok().and_then(|g| g.clone())
    }

    /// Path and query of the last chat request.
    pub fn last_uri(&self) -> Option<String> {
        self.last_uri.lock().ok().and_then(|g| g.clone())
    }

    /// A header of the last request.
    pub fn last_header(&self, name: &str) -> Option<String> {
        let g = self.last_headers.lock().ok()?;
        g.as_ref()?.get(name)?.to_str().ok().map(str::to_string)
    }
}

/// A running mock.
pub struct Mock {
    pub addr: SocketAddr,
    pub state: Arc<MockState>,
}

impl Mock {
    /// The base URL to configure as a provider (`http://ADDR/v1`).
    pub fn base_url(&self) -> String {
        format!("http://{}/v1", self.addr)
    }
}

/// The router, for embedding or serving.
pub fn router(state: Arc<MockState>) -> Router {
    Router::new()
        .route("/v1/chat/completions", post(chat))
        // Azure OpenAI's deployment route (api-version in the query).
        .route("/openai/deployments/{deployment}/chat/completions", post(chat))
        .route("/v1/embeddings", post(embeddings))
        .route("/v1/models", get(models))
        .with_state(state)
}

/// Starts a mock on `bind` (port 0 for any). With `record`, request bodies are kept for
/// inspection (tests); benchmarks leave it off.
pub async fn spawn(bind: &str, record: bool) -> std::io::Result<Mock> {
    let listener = tokio::net::TcpListener::bind(bind).await?;
    let addr = listener.local_addr()?;
    let state = Arc::new(MockState { record, ..Default::default() });
    let app = router(state.clone());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Ok(Mock { addr, state })
}

fn error_response(status: u16) -> Response {
    let code = StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let (kind, msg) = match status {
        429 => ("rate_limit_exceeded", "Rate limit reached for requests"),
        400 => ("invalid_request_error", "Invalid parameter: messages"),
        401 => ("invalid_api_key", "Incorrect API key provided"),
        _ => ("server_error", "The server had an error while processing your request"),
    };
    let body = json!({"error": {"message": msg, "type": kind, "param": null, "code": kind}});
    (code, [(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}

fn usage(cached: u64) -> Value {
    json!({"prompt_tokens": PROMPT_TOKENS, "completion_tokens": COMPLETION_TOKENS,
           "total_tokens": PROMPT_TOKENS + COMPLETION_TOKENS,
           "prompt_tokens_details": {"cached_tokens": cached}})
}

fn tool_call() -> Value {
    json!([{"id": "call_1", "type": "function",
            "function": {"name": "get_backtest", "arguments": "{\"id\":\"bt-42\"}"}}])
}

fn scripted(answer: Scripted, model: &str) -> Response {
    let (message, finish) = match answer {
        Scripted::Status(s) => return error_response(s),
        Scripted::Raw(body) => return ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Scripted::Content(text) => (json!({"role": "assistant", "content": text}), "stop"),
        Scripted::ToolCalls(calls) => {
            let calls: Vec<Value> = calls
                .iter()
                .enumerate()
                .map(|(i, (name, args))| {
                    json!({"id": format!("call_{i}"), "type": "function", "function": {"name": name, "arguments": args}})
                })
                .collect();
            (json!({"role": "assistant", "content": null, "tool_calls": calls}), "tool_calls")
        }
    };
    let resp = json!({"id": "chatcmpl-mock", "object": "chat.completion", "created": 1_700_000_000,
        "model": model, "choices": [{"index": 0, "message": message, "finish_reason": finish}], "usage": usage(0)});
    ([(header::CONTENT_TYPE, "application/json")], resp.to_string()).into_response()
}

async fn chat(State(st): State<Arc<MockState>>, uri: axum::http::Uri, headers: HeaderMap, body: Bytes) -> Response {
    st.requests.fetch_add(1, Ordering::Relaxed);
    #[derive(serde::Deserialize)]
    struct Req {
        #[serde(default)]
        model: String,
        #[serde(default)]
        stream: bool,
        #[serde(default)]
        stream_options: Option<Value>,
    }
    let Ok(req) = serde_json::from_slice::<Req>(&body) else { return error_response(400) };
    if st.record {
        if let Ok(mut g) = st.last_body.lock() {
            *g = serde_json::from_slice(&body).ok();
        }
        if let Ok(mut g) = st.last_headers.lock() {
            *g = Some(headers);
        }
        if let Ok(mut g) = st.last_uri.lock() {
            *g = Some(uri.to_string());
        }
    }
    if !req.stream {
        if let Some(answer) = st.next_scripted() {
            if let Ok(mut g) = st.scripted_requests.lock() {
                g.push(serde_json::from_slice(&body).unwrap_or(Value::Null));
            }
            return scripted(answer, &req.model);
        }
    }
    let seq = st.requests.load(Ordering::Relaxed);
    let mode = st.mode();
    match &mode {
        Mode::Status(s) => return error_response(*s),
        Mode::FailEveryOther if seq % 2 == 1 => return error_response(500),
        Mode::RetryAfter(s, secs) => {
            let mut r = error_response(*s);
            if let Ok(v) = header::HeaderValue::from_str(&secs.to_string()) {
                r.headers_mut().insert(header::RETRY_AFTER, v);
            }
            return r;
        }
        Mode::Delay(d) => tokio::time::sleep(*d).await,
        _ => {}
    }
    let cached = if let Mode::Cached(c) = mode { c } else { 0 };
    if !req.stream {
        let mut message = json!({"role": "assistant", "content": REPLY_WORDS.concat()});
        let mut finish = "stop";
        if mode == Mode::ToolCall {
            message = json!({"role": "assistant", "content": null, "tool_calls": tool_call()});
            finish = "tool_calls";
        }
        if mode == Mode::Echo {
            let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
            let last = v["messages"].as_array().and_then(|m| m.last()).map(|m| m["content"].clone());
            message = json!({"role": "assistant", "content": last.unwrap_or(Value::Null)});
        }
        let mut resp = json!({"id": "chatcmpl-mock", "object": "chat.completion", "created": 1_700_000_000,
            "model": req.model, "choices": [{"index": 0, "message": message, "finish_reason": finish}]});
        if mode != Mode::NoUsage {
            resp["usage"] = usage(cached);
        }
        return ([(header::CONTENT_TYPE, "application/json")], resp.to_string()).into_response();
    }
    let include_usage =
        req.stream_options.as_ref().and_then(|o| o.get("include_usage")).and_then(Value::as_bool).unwrap_or(false)
            && mode != Mode::NoUsage;
    let model = req.model;
    let chunk = |delta: Value, finish: Value| {
        let mut c = json!({"id": "chatcmpl-mock", "object": "chat.completion.chunk", "created": 1_700_000_000,
            "model": model, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]});
        if include_usage {
            c["usage"] = Value::Null;
        }
        format!("data: {c}\n\n")
    };
    let mut events: Vec<String> = vec![chunk(json!({"role": "assistant", "content": ""}), Value::Null)];
    if mode == Mode::ToolCall {
        events.push(chunk(
            json!({"tool_calls": [{"index": 0, "id": "call_1", "type": "function",
            "function": {"name": "get_backtest", "arguments": ""}}]}),
            Value::Null,
        ));
        events.push(chunk(
            json!({"tool_calls": [{"index": 0, "function": {"arguments": "{\"id\":\"bt-42\"}"}}]}),
            Value::Null,
        ));
        events.push(chunk(json!({}), json!("tool_calls")));
    } else if mode == Mode::Echo {
        // The last message back, three characters a chunk (placeholders get split).
        let v: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
        let last = v["messages"].as_array().and_then(|m| m.last()).and_then(|m| m["content"].as_str()).unwrap_or("");
        let chars: Vec<char> = last.chars().collect();
        for piece in chars.chunks(3) {
            events.push(chunk(json!({"content": piece.iter().collect::<String>()}), Value::Null));
        }
        events.push(chunk(json!({}), json!("stop")));
    } else {
        for w in REPLY_WORDS {
            events.push(chunk(json!({"content": w}), Value::Null));
        }
        events.push(chunk(json!({}), json!("stop")));
    }
    if include_usage {
        let u = json!({"id": "chatcmpl-mock", "object": "chat.completion.chunk", "created": 1_700_000_000,
            "model": model, "choices": [], "usage": usage(cached)});
        events.push(format!("data: {u}\n\n"));
    }
    events.push("data: [DONE]\n\n".to_string());
    let (cut_after, delay) = match mode {
        // +1: the role chunk comes first.
        Mode::CutStream(n) => (Some(n + 1), None),
        Mode::CutBeforeFirstByte => (Some(0), None),
        Mode::SlowStream(d) => (None, Some(d)),
        _ => (None, None),
    };
    let stream = futures::stream::unfold(
        (events.into_iter().enumerate(), cut_after, delay),
        |(mut it, cut, delay)| async move {
            let (i, ev) = it.next()?;
            if let Some(d) = delay {
                if i > 0 {
                    tokio::time::sleep(d).await;
                }
            }
            if cut.is_some_and(|c| i >= c) {
                // Let what was sent reach the client first, as a real mid-stream failure does.
                tokio::time::sleep(Duration::from_millis(50)).await;
                return Some((Err(std::io::Error::other("mock: stream cut")), (it, cut, delay)));
            }
            Some((Ok::<_, std::io::Error>(Bytes::from(ev)), (it, cut, delay)))
        },
    );
    Response::builder()
        .header(header::CONTENT_TYPE, "text/event-stream")
        .body(Body::from_stream(stream))
        .unwrap_or_else(|_| error_response(500))
}

async fn embeddings(State(st): State<Arc<MockState>>, body: Bytes) -> Response {
    st.requests.fetch_add(1, Ordering::Relaxed);
    let Ok(req) = serde_json::from_slice::<Value>(&body) else { return error_response(400) };
    if st.record {
        if let Ok(mut g) = st.last_body.lock() {
            *g = Some(req.clone());
        }
    }
    if let Mode::Status(s) = st.mode() {
        return error_response(s);
    }
    let inputs: Vec<String> = match &req["input"] {
        Value::String(s) => vec![s.clone()],
        Value::Array(a) => a.iter().map(|v| v.as_str().unwrap_or("").to_string()).collect(),
        _ => vec![],
    };
    let dims = req["dimensions"].as_u64().unwrap_or(8) as usize;
    // Usage: one token per whitespace-separated word, a rule tests can compute independently.
    let tokens: usize = inputs.iter().map(|s| s.split_whitespace().count()).sum();
    let data: Vec<Value> = inputs
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let v: Vec<f64> = (0..dims).map(|d| ((s.len() + d) % 7) as f64 / 7.0).collect();
            json!({"object": "embedding", "index": i, "embedding": v})
        })
        .collect();
    let mut resp = json!({"object": "list", "data": data, "model": req["model"]});
    if st.mode() != Mode::NoUsage {
        resp["usage"] = json!({"prompt_tokens": tokens, "total_tokens": tokens});
    }
    ([(header::CONTENT_TYPE, "application/json")], resp.to_string()).into_response()
}

async fn models() -> Response {
    let body = json!({"object": "list", "data": [{"id": "gpt-4o-mini", "object": "model", "owned_by": "mock"}]});
    ([(header::CONTENT_TYPE, "application/json")], body.to_string()).into_response()
}
