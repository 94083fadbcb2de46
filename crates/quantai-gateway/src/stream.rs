//! Metering of streamed chat completions. Events are forwarded as the upstream sends them;
//! the usage chunk is captured (and hidden from clients that did not ask for it). However
//! the stream ends — `[DONE]`, an upstream cut, or the client going away (this value is
//! dropped) — exactly one ledger row is written, with tokens counted locally when the
//! upstream reported none.

use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

use bytes::Bytes;
use futures::Stream;
use quantai_core::catalog::Tokenizer;
use quantai_core::money::TokenUsage;
use serde::Deserialize;
use serde_json::Value;

use crate::provider::ByteStream;
use crate::settlement::{Draft, UsageJson};
use crate::{tokens, Inner};

struct Meter {
    inner: Arc<Inner>,
    draft: Draft,
    tokenizer: Tokenizer,
    messages: Value,
    usage: Option<TokenUsage>,
    completion: String,
    /// The answer's text only (for the request log).
    answer: String,
    wants_usage: bool,
    saw_done: bool,
    /// The request-log entry, completed with the answer when the stream ends.
    log: Option<crate::reqlog::Entry>,
    /// Where a complete answer is cached: the key and the model id.
    cache: Option<(crate::cache::Key, String)>,
    /// The first choice's finish reason, and whether the answer called tools (not cached).
    finish_reason: Option<String>,
    tool_calls: bool,
}

/// A chat completion SSE stream that records its usage when it ends.
pub struct MeteredStream {
    upstream: Option<ByteStream>,
    /// The first chunk, read before the response was committed to (see `Attempt::Stream`).
    first: Option<Bytes>,
    buf: Vec<u8>,
    meter: Option<Meter>,
    /// Restores masked values in the answer's text, per choice index (guard `restore`).
    restore: Option<Restore>,
}

/// Placeholder restoring for a stream: one restorer per choice, cloned from the request's vault.
struct Restore {
    vault: quantai_guard::Vault,
    choices: Vec<(u64, quantai_guard::StreamRestore)>,
}

impl Restore {
    fn of(&mut self, index: u64) -> &mut quantai_guard::StreamRestore {
        let at = match self.choices.iter().position(|(i, _)| *i == index) {
            Some(at) => at,
            None => {
                self.choices.push((index, quantai_guard::StreamRestore::new(self.vault.clone())));
                self.choices.len() - 1
            }
        };
        &mut self.choices[at].1
    }

    /// Rewrites the `data:` lines of one event (without its separator).
    fn event(&mut self, event: &[u8]) -> Vec<u8> {
        let Ok(text) = std::str::from_utf8(event) else { return event.to_vec() };
        let mut out = String::with_capacity(text.len() + 16);
        for (n, line) in text.split('\n').enumerate() {
            if n > 0 {
                out.push('\n');
            }
            let rewritten = line.strip_prefix("data:").and_then(|d| {
                let d = d.trim();
                if d == "[DONE]" {
                    return None;
                }
                let mut v: Value = serde_json::from_str(d).ok()?;
                let choices = v.get_mut("choices")?.as_array_mut()?;
                for c in choices {
                    let index = c.get("index").and_then(Value::as_u64).unwrap_or(0);
                    let finished = c.get("finish_reason").is_some_and(|f| !f.is_null());
                    let Some(delta) = c.get_mut("delta").and_then(Value::as_object_mut) else { continue };
                    let r = self.of(index);
                    let mut content = match delta.get("content") {
                        Some(Value::String(piece)) => Some(r.push(piece)),
                        _ => None,
                    };
                    if finished {
                        let rest = r.flush();
                        if !rest.is_empty() {
                            content.get_or_insert_with(String::new).push_str(&rest);
                        }
                    }
                    if let Some(c) = content {
                        delta.insert("content".into(), Value::String(c));
                    }
                }
                Some(format!("data: {v}"))
            });
            out.push_str(rewritten.as_deref().unwrap_or(line));
        }
        out.into_bytes()
    }
}

#[derive(Deserialize)]
struct Chunk {
    #[serde(default)]
    choices: Option<Vec<ChoiceDelta>>,
    #[serde(default)]
    usage: Option<UsageJson>,
}

#[derive(Deserialize)]
struct ChoiceDelta {
    #[serde(default)]
    delta: Option<Delta>,
    #[serde(default)]
    finish_reason: Option<String>,
}

#[derive(Deserialize)]
struct Delta {
    #[serde(default)]
    content: Option<String>,
    #[serde(default)]
    tool_calls: Option<Vec<ToolCallDelta>>,
}

#[derive(Deserialize)]
struct ToolCallDelta {
    #[serde(default)]
    function: Option<FunctionDelta>,
}

#[derive(Deserialize)]
struct FunctionDelta {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    arguments: Option<String>,
}

impl MeteredStream {
    pub(crate) fn new(
        upstream: ByteStream,
        first: Option<Bytes>,
        inner: Arc<Inner>,
        draft: Draft,
        tokenizer: Tokenizer,
        messages: Value,
        wants_usage: bool,
    ) -> Self {
        Self {
            upstream: Some(upstream),
            first,
            buf: Vec::new(),
            restore: None,
            meter: Some(Meter {
                inner,
                draft,
                tokenizer,
                messages,
                usage: None,
                completion: String::new(),
                answer: String::new(),
                wants_usage,
                saw_done: false,
                log: None,
                cache: None,
                finish_reason: None,
                tool_calls: false,
            }),
        }
    }

    /// Caches the answer under `key` when the stream completes (a plain text answer).
    pub(crate) fn with_cache_fill(mut self, fill: Option<(crate::cache::Key, String)>) -> Self {
        if let Some(m) = self.meter.as_mut() {
            m.cache = fill;
        }
        self
    }

    /// Writes `entry` to the request log when the stream ends, with the streamed answer.
    pub(crate) fn with_log(mut self, entry: Option<crate::reqlog::Entry>) -> Self {
        if let Some(m) = self.meter.as_mut() {
            m.log = entry;
        }
        self
    }

    /// Restores the placeholders of `vault` in the answer's text as it streams.
    pub(crate) fn with_restore(mut self, vault: Option<quantai_guard::Vault>) -> Self {
        self.restore = vault.map(|vault| Restore { vault, choices: Vec::new() });
        self
    }

    /// Splits complete events off the buffer and returns the bytes to forward. With `all`,
    /// a trailing partial event is forwarded too.
    fn drain(&mut self, all: bool) -> Vec<u8> {
        let mut out = Vec::new();
        while let Some((end, sep)) = find_event_end(&self.buf) {
            let event: Vec<u8> = self.buf.drain(..end + sep).collect();
            if self.inspect(&event[..end]) {
                match self.restore.as_mut() {
                    Some(r) => {
                        out.extend_from_slice(&r.event(&event[..end]));
                        out.extend_from_slice(&event[end..]);
                    }
                    None => out.extend_from_slice(&event),
                }
            }
        }
        if all && !self.buf.is_empty() {
            let rest = std::mem::take(&mut self.buf);
            if self.inspect(&rest) {
                out.extend_from_slice(&rest);
            }
        }
        out
    }

    /// Looks at one event; returns whether to forward it.
    fn inspect(&mut self, event: &[u8]) -> bool {
        let Some(meter) = self.meter.as_mut() else { return true };
        let Ok(text) = std::str::from_utf8(event) else { return true };
        let mut forward = true;
        for line in text.lines() {
            let Some(data) = line.strip_prefix("data:") else { continue };
            let data = data.trim();
            if data == "[DONE]" {
                meter.saw_done = true;
                continue;
            }
            let Ok(chunk) = serde_json::from_str::<Chunk>(data) else { continue };
            let no_choices = chunk.choices.as_ref().is_none_or(Vec::is_empty);
            if let Some(u) = chunk.usage {
                meter.usage = Some(u.into_usage());
                if no_choices && !meter.wants_usage {
                    forward = false;
                }
            }
            for c in chunk.choices.unwrap_or_default() {
                if c.finish_reason.is_some() && meter.finish_reason.is_none() {
                    meter.finish_reason = c.finish_reason;
                }
                let Some(d) = c.delta else { continue };
                if let Some(s) = d.content {
                    meter.completion.push_str(&s);
                    if meter.log.is_some() || meter.cache.is_some() {
                        meter.answer.push_str(&s);
                    }
                }
                if d.tool_calls.as_ref().is_some_and(|t| !t.is_empty()) {
                    meter.tool_calls = true;
                }
                for t in d.tool_calls.unwrap_or_default() {
                    if let Some(f) = t.function {
                        meter.completion.push_str(f.name.as_deref().unwrap_or(""));
                        meter.completion.push_str(f.arguments.as_deref().unwrap_or(""));
                    }
                }
            }
        }
        forward
    }

    fn finish(&mut self, status: &'static str, http_status: i64, class: Option<&'static str>) {
        let Some(mut m) = self.meter.take() else { return };
        if let Some(mut e) = m.log.take() {
            // The answer as the provider streamed it (masked: placeholders, not values).
            let doc = serde_json::json!({
                "object": "chat.completion", "streamed": true, "status": status,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": m.answer}}],
                "usage": m.usage.map(|u| serde_json::json!({"prompt_tokens": u.prompt_tokens, "completion_tokens": u.completion_tokens})),
            });
            e.response = Some(Bytes::from(doc.to_string()));
            m.inner.reqlog.record(e);
        }
        // A complete plain answer is cached like a unary one (with the upstream's usage).
        if let (Some((key, model)), Some(u), "ok", false) = (m.cache.take(), m.usage, status, m.tool_calls) {
            let body = serde_json::json!({
                "id": format!("chatcmpl-{}", m.draft.ctx.request_id), "object": "chat.completion", "created": 0,
                "model": model,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": m.answer},
                             "finish_reason": m.finish_reason.as_deref().unwrap_or("stop")}],
                "usage": {"prompt_tokens": u.prompt_tokens, "completion_tokens": u.completion_tokens,
                          "total_tokens": u.prompt_tokens + u.completion_tokens},
            });
            m.inner.cache.put(key, crate::cache::Hit { body: Bytes::from(body.to_string()), usage: u });
        }
        if let Some(u) = m.usage {
            // The upstream reported usage: nothing to count, settle right here.
            m.inner.commit(m.draft, u, false, status, http_status, class);
            return;
        }
        // Counting tokens may take a moment on long texts: do it off the response path.
        let work = move || {
            let usage = TokenUsage {
                prompt_tokens: tokens::count_messages(m.tokenizer, &m.messages),
                cached_tokens: 0,
                completion_tokens: tokens::count_text(m.tokenizer, &m.completion),
            };
            m.inner.commit(m.draft, usage, true, status, http_status, class);
        };
        match tokio::runtime::Handle::try_current() {
            Ok(h) => {
                h.spawn_blocking(work);
            }
            Err(_) => work(),
        }
    }
}

fn find_event_end(buf: &[u8]) -> Option<(usize, usize)> {
    let lf = buf.windows(2).position(|w| w == b"\n\n").map(|i| (i, 2));
    let crlf = buf.windows(4).position(|w| w == b"\r\n\r\n").map(|i| (i, 4));
    match (lf, crlf) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    }
}

impl Stream for MeteredStream {
    type Item = Result<Bytes, std::io::Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = &mut *self;
        if let Some(chunk) = this.first.take() {
            this.buf.extend_from_slice(&chunk);
            let out = this.drain(false);
            if !out.is_empty() {
                return Poll::Ready(Some(Ok(Bytes::from(out))));
            }
        }
        loop {
            let Some(up) = this.upstream.as_mut() else { return Poll::Ready(None) };
            match up.as_mut().poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(Some(Ok(chunk))) => {
                    this.buf.extend_from_slice(&chunk);
                    let out = this.drain(false);
                    if !out.is_empty() {
                        return Poll::Ready(Some(Ok(Bytes::from(out))));
                    }
                }
                Poll::Ready(Some(Err(e))) => {
                    this.upstream = None;
                    // Forward complete events only: a half event would garble the error event below.
                    let mut out = this.drain(false);
                    this.buf.clear();
                    let class = e.class();
                    this.finish("stream_cut", 502, Some(if class == "timeout" { "timeout" } else { "stream_cut" }));
                    // Tell the client in-band: OpenAI SDKs raise on an `error` event.
                    let msg = serde_json::json!({"error": {
                        "message": "the upstream stream was interrupted; the answer is incomplete",
                        "type": "upstream_error", "code": "stream_cut"}});
                    out.extend_from_slice(format!("data: {msg}\n\n").as_bytes());
                    return Poll::Ready(Some(Ok(Bytes::from(out))));
                }
                Poll::Ready(None) => {
                    this.upstream = None;
                    let out = this.drain(true);
                    let done = this.meter.as_ref().is_none_or(|m| m.saw_done);
                    if done {
                        this.finish("ok", 200, None);
                    } else {
                        this.finish("stream_cut", 502, Some("stream_cut"));
                    }
                    return Poll::Ready(if out.is_empty() { None } else { Some(Ok(Bytes::from(out))) });
                }
            }
        }
    }
}

impl Drop for MeteredStream {
    fn drop(&mut self) {
        // Still metering: the client went away before the stream ended.
        if self.meter.is_some() {
            self.upstream = None;
            self.finish("client_disconnected", 499, Some("client_disconnect"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::find_event_end;

    #[test]
    fn event_boundaries() {
        assert_eq!(find_event_end(b"data: x\n\ndata: y\n\n"), Some((7, 2)));
        assert_eq!(find_event_end(b"data: x\r\n\r\n"), Some((7, 4)));
        assert_eq!(find_event_end(b"data: x\n"), None);
    }
}
