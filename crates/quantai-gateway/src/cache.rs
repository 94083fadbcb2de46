//! The response cache: exact match over a normalised chat request. The key is SHA-256 over the
//! service, the resolved model and the request with its object keys sorted and the fields that
//! do not change the answer (`stream`, `stream_options`, `user`, `metadata`, `store`) left out.
//! A request is served from the cache only when it is deterministic (`temperature` 0) or opts
//! in (`X-Quantai-Cache: on`), and never with `Cache-Control: no-cache` (`no-store` also keeps
//! the answer out). Entries live in this process (bounded, oldest evicted first) or in Redis.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use quantai_core::config::{CacheSettings, CounterStore};
use quantai_core::money::TokenUsage;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::shared::Shared;

/// What the caller asked of the cache.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CacheDirective {
    /// Cache deterministic requests (temperature 0).
    #[default]
    Default,
    /// `X-Quantai-Cache: on`: cache even a sampled request.
    OptIn,
    /// `Cache-Control: no-cache`: do not answer from the cache (a fresh answer is stored).
    NoCache,
    /// `Cache-Control: no-store`: neither read nor write.
    NoStore,
}

/// A cached answer: the upstream's JSON body and the usage it was billed for.
#[derive(Clone, Debug)]
pub struct Hit {
    pub body: Bytes,
    pub usage: TokenUsage,
}

/// A cache key.
pub type Key = [u8; 32];

struct Entry {
    hit: Hit,
    expires: Instant,
}

#[derive(Default)]
struct Mem {
    map: HashMap<Key, Entry>,
    order: VecDeque<Key>,
}

pub struct ResponseCache {
    cfg: CacheSettings,
    mem: Mutex<Mem>,
    remote: Option<Arc<Shared>>,
}

/// Body fields that do not change the answer (`model` is keyed by its resolved catalog id).
const IGNORED: [&str; 6] = ["stream", "stream_options", "user", "metadata", "store", "model"];

/// An object with sorted keys, leaving out those `skip` names.
fn canonical_object(m: &Map<String, Value>, skip: &[&str], out: &mut Vec<u8>) {
    let mut keys: Vec<&String> = m.keys().filter(|k| !skip.contains(&k.as_str())).collect();
    keys.sort();
    out.push(b'{');
    for (i, k) in keys.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        // Writing a string into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, k);
        out.push(b':');
        canonical(&m[k], out);
    }
    out.push(b'}');
}

fn canonical(v: &Value, out: &mut Vec<u8>) {
    match v {
        Value::Object(m) => canonical_object(m, &[], out),
        Value::Array(a) => {
            out.push(b'[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                canonical(x, out);
            }
            out.push(b']');
        }
        // 0 and 0.0 are the same temperature.
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => out.extend_from_slice(i.to_string().as_bytes()),
            (_, Some(u), _) => out.extend_from_slice(u.to_string().as_bytes()),
            (_, _, Some(f)) if f.fract() == 0.0 && f.abs() < 1e15 => {
                out.extend_from_slice((f as i64).to_string().as_bytes())
            }
            _ => out.extend_from_slice(n.to_string().as_bytes()),
        },
        other => out.extend_from_slice(other.to_string().as_bytes()),
    }
}

impl ResponseCache {
    pub fn new(cfg: CacheSettings, shared: Option<Arc<Shared>>) -> Self {
        let remote = if cfg.store == CounterStore::Redis { shared } else { None };
        Self { cfg, mem: Mutex::new(Mem::default()), remote }
    }

    /// The key of a request, or `None` when the request must not be cached. `model` is the
    /// catalog id the request resolved to.
    pub fn key(&self, service: &str, model: &str, body: &Map<String, Value>, directive: CacheDirective) -> Option<Key> {
        if !self.cfg.enabled || directive == CacheDirective::NoStore {
            return None;
        }
        let deterministic = body.get("temperature").and_then(Value::as_f64) == Some(0.0);
        let single = body.get("n").and_then(Value::as_u64).unwrap_or(1) == 1;
        if !single || !(deterministic || directive == CacheDirective::OptIn) {
            return None;
        }
        let mut buf = Vec::with_capacity(512);
        buf.extend_from_slice(service.as_bytes());
        buf.push(0);
        buf.extend_from_slice(model.as_bytes());
        buf.push(0);
        canonical_object(body, &IGNORED, &mut buf);
        Some(Sha256::digest(&buf).into())
    }

    fn redis_key(r: &Shared, k: &Key) -> String {
        r.key(&format!("cache:{}", hex(k)))
    }

    /// The Redis key of `k` when the cache lives in Redis, for [`crate::shared::Shared::gate`].
    pub(crate) fn shared_key(&self, k: &Key) -> Option<String> {
        self.remote.as_ref().map(|r| Self::redis_key(r, k))
    }

    /// Decodes a value read from Redis.
    pub(crate) fn decode_shared(v: &[u8]) -> Option<Hit> {
        decode(v)
    }

    /// A live entry of the in-process cache. (A cache in Redis is read by the same script that
    /// admits and reserves: [`crate::shared::Shared::gate`].)
    pub fn get(&self, k: &Key) -> Option<Hit> {
        if self.remote.is_some() {
            return None;
        }
        let mut mem = self.mem.lock().ok()?;
        let now = Instant::now();
        match mem.map.get(k) {
            Some(e) if e.expires > now => Some(e.hit.clone()),
            Some(_) => {
                mem.map.remove(k);
                None
            }
            None => None,
        }
    }

    /// Stores an answer for the configured TTL (off the request path for Redis).
    pub fn put(&self, k: Key, hit: Hit) {
        if hit.body.len() > self.cfg.max_entry_bytes {
            return;
        }
        let ttl = Duration::from_secs(self.cfg.ttl_secs);
        if let Some(r) = &self.remote {
            let (r, key, value) = (r.clone(), Self::redis_key(r, &k), encode(&hit));
            if let Ok(h) = tokio::runtime::Handle::try_current() {
                h.spawn(async move {
                    if let Err(e) = r.set(&key, &value, ttl).await {
                        tracing::warn!(error = %e, "cache write failed");
                    }
                });
            }
            return;
        }
        let Ok(mut mem) = self.mem.lock() else { return };
        let now = Instant::now();
        if mem.map.insert(k, Entry { hit, expires: now + ttl }).is_none() {
            mem.order.push_back(k);
        }
        while mem.map.len() > self.cfg.max_entries.max(1) {
            let Some(old) = mem.order.pop_front() else { break };
            mem.map.remove(&old);
        }
        // Keep the order queue from growing with keys already evicted by expiry.
        if mem.order.len() > 2 * self.cfg.max_entries.max(1) {
            let Mem { map, order } = &mut *mem;
            order.retain(|k| map.contains_key(k));
        }
    }
}

fn hex(k: &Key) -> String {
    k.iter().map(|b| format!("{b:02x}")).collect()
}

/// `prompt cached completion\n` then the body.
fn encode(h: &Hit) -> Vec<u8> {
    let u = &h.usage;
    let mut v = format!("{} {} {}\n", u.prompt_tokens, u.cached_tokens, u.completion_tokens).into_bytes();
    v.extend_from_slice(&h.body);
    v
}

fn decode(v: &[u8]) -> Option<Hit> {
    let nl = v.iter().position(|b| *b == b'\n')?;
    let head = std::str::from_utf8(&v[..nl]).ok()?;
    let mut it = head.split(' ').map(|n| n.parse::<u64>().ok());
    let usage = TokenUsage { prompt_tokens: it.next()??, cached_tokens: it.next()??, completion_tokens: it.next()?? };
    Some(Hit { body: Bytes::copy_from_slice(&v[nl + 1..]), usage })
}

/// A cached chat completion replayed as an SSE stream, as the upstream would have sent it.
pub fn as_sse(body: &[u8], usage: &TokenUsage, include_usage: bool) -> Bytes {
    let v: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
    let base = |choices: Value| {
        serde_json::json!({
            "id": v["id"], "object": "chat.completion.chunk", "created": v["created"], "model": v["model"],
            "system_fingerprint": v.get("system_fingerprint").cloned().unwrap_or(Value::Null),
            "choices": choices,
        })
    };
    let mut out = String::new();
    let mut push = |chunk: Value| {
        out.push_str("data: ");
        out.push_str(&chunk.to_string());
        out.push_str("\n\n");
    };
    let choices = v["choices"].as_array().cloned().unwrap_or_default();
    for c in &choices {
        let msg = &c["message"];
        let mut delta = Map::new();
        delta.insert("role".into(), msg.get("role").cloned().unwrap_or_else(|| "assistant".into()));
        if let Some(content) = msg.get("content").filter(|c| !c.is_null()) {
            delta.insert("content".into(), content.clone());
        }
        if let Some(Value::Array(calls)) = msg.get("tool_calls") {
            let calls: Vec<Value> = calls
                .iter()
                .enumerate()
                .map(|(i, call)| {
                    let mut call = call.clone();
                    if let Value::Object(o) = &mut call {
                        o.insert("index".into(), i.into());
                    }
                    call
                })
                .collect();
            delta.insert("tool_calls".into(), Value::Array(calls));
        }
        push(base(serde_json::json!([{"index": c["index"], "delta": delta, "finish_reason": null}])));
    }
    for c in &choices {
        push(base(serde_json::json!([{"index": c["index"], "delta": {}, "finish_reason": c["finish_reason"]}])));
    }
    if include_usage {
        let mut chunk = base(serde_json::json!([]));
        chunk["usage"] = serde_json::json!({
            "prompt_tokens": usage.prompt_tokens, "completion_tokens": usage.completion_tokens,
            "total_tokens": usage.prompt_tokens + usage.completion_tokens,
            "prompt_tokens_details": {"cached_tokens": usage.cached_tokens},
        });
        push(chunk);
    }
    out.push_str("data: [DONE]\n\n");
    Bytes::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn cfg(ttl: u64, max: usize) -> CacheSettings {
        CacheSettings {
            enabled: true,
            store: CounterStore::Memory,
            ttl_secs: ttl,
            max_entries: max,
            max_entry_bytes: 1 << 20,
        }
    }

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn keys_normalise_and_respect_determinism() {
        let c = ResponseCache::new(cfg(60, 10), None);
        let a = obj(
            json!({"model": "m", "temperature": 0, "messages": [{"role": "user", "content": "hi"}], "stream": true}),
        );
        let b = obj(json!({"messages": [{"content": "hi", "role": "user"}], "temperature": 0.0, "user": "x"}));
        let ka = c.key("svc", "gpt-4o-mini", &a, CacheDirective::Default).unwrap();
        assert_eq!(Some(ka), c.key("svc", "gpt-4o-mini", &b, CacheDirective::Default), "order, stream, user ignored");
        assert_ne!(Some(ka), c.key("other", "gpt-4o-mini", &a, CacheDirective::Default), "per service");
        assert_ne!(Some(ka), c.key("svc", "gpt-4o", &a, CacheDirective::Default), "per model");
        let sampled = obj(json!({"temperature": 0.7, "messages": []}));
        assert!(c.key("svc", "m", &sampled, CacheDirective::Default).is_none());
        assert!(c.key("svc", "m", &sampled, CacheDirective::OptIn).is_some());
        assert!(c.key("svc", "m", &a, CacheDirective::NoStore).is_none());
        let n2 = obj(json!({"temperature": 0, "n": 2, "messages": []}));
        assert!(c.key("svc", "m", &n2, CacheDirective::Default).is_none());
        let other = obj(json!({"temperature": 0, "messages": [{"role": "user", "content": "hi!"}]}));
        assert_ne!(Some(ka), c.key("svc", "gpt-4o-mini", &other, CacheDirective::Default));
    }

    #[tokio::test]
    async fn entries_expire_and_are_bounded() {
        let c = ResponseCache::new(cfg(1, 2), None);
        let usage = TokenUsage { prompt_tokens: 3, cached_tokens: 0, completion_tokens: 4 };
        for i in 0..3u8 {
            c.put([i; 32], Hit { body: Bytes::from(vec![i]), usage });
        }
        assert!(c.get(&[0; 32]).is_none(), "oldest evicted");
        assert_eq!(c.get(&[2; 32]).unwrap().body.as_ref(), [2]);
        tokio::time::sleep(Duration::from_millis(1100)).await;
        assert!(c.get(&[2; 32]).is_none(), "expired");
        let h = Hit { body: Bytes::from_static(b"{\"a\":1}"), usage };
        let back = decode(&encode(&h)).unwrap();
        assert_eq!((back.body, back.usage.completion_tokens), (h.body, 4));
    }

    #[test]
    fn replay_as_sse() {
        let body = json!({"id": "c1", "created": 5, "model": "gpt-4o-mini", "choices": [
            {"index": 0, "message": {"role": "assistant", "content": "안녕"}, "finish_reason": "stop"}]});
        let usage = TokenUsage { prompt_tokens: 12, cached_tokens: 0, completion_tokens: 5 };
        let sse = as_sse(body.to_string().as_bytes(), &usage, true);
        let text = std::str::from_utf8(&sse).unwrap();
        let events: Vec<Value> = text
            .split("\n\n")
            .filter_map(|e| e.strip_prefix("data: "))
            .filter(|d| *d != "[DONE]")
            .map(|d| serde_json::from_str(d).unwrap())
            .collect();
        assert_eq!(events.len(), 3);
        assert_eq!(events[0]["choices"][0]["delta"]["content"], "안녕");
        assert_eq!(events[1]["choices"][0]["finish_reason"], "stop");
        assert_eq!(events[2]["usage"]["completion_tokens"], 5);
        assert!(text.ends_with("data: [DONE]\n\n"));
        assert!(!std::str::from_utf8(&as_sse(body.to_string().as_bytes(), &usage, false)).unwrap().contains("usage"));
    }
}
