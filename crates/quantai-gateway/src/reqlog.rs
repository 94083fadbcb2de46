//! The request log: a masked copy of each chat request and its answer, as JSON lines (one
//! object per request) batched into objects `DAY/HHMMSS-N.jsonl` in bucket `prompts` — a directory by default, any
//! S3-compatible store by configuration (object_store). Texts are logged after banned words and
//! personal data were handled, so the log holds what left for the provider, never more.
//! Writes happen off the request path; objects older than the retention are deleted hourly.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use futures::StreamExt;
use object_store::path::Path;
use object_store::{ObjectStore, PutPayload};
use quantai_core::config::RequestLogSettings;
use serde_json::{Map, Value};
use tokio::sync::mpsc;

/// One logged request.
pub struct Entry {
    pub request_id: String,
    pub ts_ms: i64,
    pub user_id: String,
    pub service: String,
    pub model: String,
    pub cache_hit: bool,
    pub request: Map<String, Value>,
    /// The answer as sent by the provider (or the cache); `None` for streams.
    pub response: Option<Bytes>,
}

/// The sending side; cheap to clone. Disabled logs drop entries at no cost.
#[derive(Clone, Default)]
pub struct RequestLog {
    tx: Option<mpsc::Sender<Entry>>,
}

/// Opens the bucket named by `cfg.url`.
pub fn open(cfg: &RequestLogSettings) -> Result<Arc<dyn ObjectStore>, crate::SetupError> {
    let bad = |reason: String| crate::SetupError::setting("request_log.url", reason);
    if let Some(dir) = cfg.url.strip_prefix("file:") {
        let root = std::path::Path::new(dir).join("prompts");
        std::fs::create_dir_all(&root).map_err(|e| bad(format!("cannot create {}: {e}", root.display())))?;
        let fs = object_store::local::LocalFileSystem::new_with_prefix(&root).map_err(|e| bad(e.to_string()))?;
        return Ok(Arc::new(fs));
    }
    if let Some(bucket) = cfg.url.strip_prefix("s3://") {
        let s3 = object_store::aws::AmazonS3Builder::from_env()
            .with_bucket_name(bucket.trim_end_matches('/'))
            .build()
            .map_err(|e| bad(e.to_string()))?;
        return Ok(Arc::new(s3));
    }
    Err(bad(format!("{:?} is not file:DIR or s3://BUCKET", cfg.url)))
}

impl RequestLog {
    /// Starts the writer and the retention sweeper; a disabled log starts nothing.
    pub fn spawn(cfg: &RequestLogSettings) -> Result<Self, crate::SetupError> {
        if !cfg.enabled {
            return Ok(Self::default());
        }
        let store = open(cfg)?;
        let (tx, mut rx) = mpsc::channel::<Entry>(4096);
        let writer = store.clone();
        tokio::spawn(async move {
            let mut seq = 0u64;
            while let Some(first) = rx.recv().await {
                // One object per second or per 1,000 requests, whichever comes first. Each entry
                // is written out as it arrives, so the work is spread over the second instead of
                // landing on one worker thread in a burst (which showed as p99 latency).
                let (day, hms) = stamp(first.ts_ms);
                let mut out = Vec::with_capacity(64 * 1024);
                write_line(&mut out, first);
                let mut n = 1;
                let until = tokio::time::Instant::now() + Duration::from_secs(1);
                while n < 1_000 {
                    match tokio::time::timeout_at(until, rx.recv()).await {
                        Ok(Some(e)) => {
                            write_line(&mut out, e);
                            n += 1;
                        }
                        _ => break,
                    }
                }
                seq += 1;
                let path = Path::from(format!("{day}/{hms}-{}-{seq}.jsonl", std::process::id()));
                if let Err(err) = writer.put(&path, PutPayload::from(out)).await {
                    tracing::warn!(error = %err, "request log write failed");
                }
            }
        });
        let retention = Duration::from_secs(u64::from(cfg.retention_days) * 86_400);
        tokio::spawn(async move {
            loop {
                match sweep(store.as_ref(), retention).await {
                    Ok(0) => {}
                    Ok(n) => tracing::info!(deleted = n, "request log: objects past retention deleted"),
                    Err(e) => tracing::warn!(error = %e, "request log retention sweep failed"),
                }
                tokio::time::sleep(Duration::from_secs(3_600)).await;
            }
        });
        Ok(Self { tx: Some(tx) })
    }

    /// Queues an entry; when the writer is behind, the entry is dropped and counted in the log.
    pub fn record(&self, e: Entry) {
        if let Some(tx) = &self.tx {
            if tx.try_send(e).is_err() {
                tracing::warn!("request log queue full: entry dropped");
            }
        }
    }

    pub fn enabled(&self) -> bool {
        self.tx.is_some()
    }
}

/// One JSON line. Request and answer pass the PII detector once more whatever the service's
/// `guard.pii` (a service that allows personal data upstream still keeps it out of the log; a
/// model may echo or invent some). The answer is embedded as it came when it is JSON (not
/// parsed and written again); text that is not JSON (or no longer, after masking) is logged
/// as a string.
fn write_line(out: &mut Vec<u8>, e: Entry) {
    #[derive(serde::Serialize)]
    struct Head<'a> {
        request_id: &'a str,
        ts_ms: i64,
        user_id: &'a str,
        service: &'a str,
        model: &'a str,
        cache_hit: bool,
    }
    let detector = quantai_guard::Detector::new();
    // JSON text as it is when it still parses after masking (the common case: nothing found, or
    // placeholders inside strings), else as a JSON string.
    // `known_json`: text serde_json just wrote, which need not be parsed again when nothing
    // was masked.
    let json_or_string = |text: String, known_json: bool| -> Option<String> {
        let (text, masked) = match detector.mask(&text, &mut quantai_guard::Vault::default()) {
            Some(m) => (m, true),
            None => (text, false),
        };
        if (known_json && !masked) || serde_json::from_str::<serde::de::IgnoredAny>(text.trim()).is_ok() {
            Some(text.trim().to_string())
        } else {
            serde_json::to_string(&text).ok()
        }
    };
    let Some(request) = serde_json::to_string(&e.request).ok().and_then(|t| json_or_string(t, true)) else { return };
    let response =
        e.response.as_deref().map(|b| String::from_utf8_lossy(b).into_owned()).and_then(|t| json_or_string(t, false));
    let head = Head {
        request_id: &e.request_id,
        ts_ms: e.ts_ms,
        user_id: &e.user_id,
        service: &e.service,
        model: &e.model,
        cache_hit: e.cache_hit,
    };
    let start = out.len();
    if serde_json::to_writer(&mut *out, &head).is_err() || out.pop() != Some(b'}') {
        out.truncate(start);
        return;
    }
    out.extend_from_slice(b",\"request\":");
    out.extend_from_slice(request.as_bytes());
    out.extend_from_slice(b",\"response\":");
    out.extend_from_slice(response.as_deref().unwrap_or("null").as_bytes());
    out.extend_from_slice(b"}\n");
}

/// Deletes objects last modified before now − `retention`; returns how many.
pub async fn sweep(store: &dyn ObjectStore, retention: Duration) -> Result<usize, object_store::Error> {
    let cutoff = chrono_cutoff(retention);
    let mut old = Vec::new();
    let mut list = store.list(None);
    while let Some(meta) = list.next().await {
        let meta = meta?;
        if meta.last_modified.timestamp() < cutoff {
            old.push(meta.location);
        }
    }
    for p in &old {
        store.delete(p).await?;
    }
    Ok(old.len())
}

/// `YYYY-MM-DD` and `HHMMSS` (UTC) of a timestamp.
fn stamp(ts_ms: i64) -> (String, String) {
    let secs = ts_ms.div_euclid(1000).rem_euclid(86_400);
    (quantai_store::day_of(ts_ms), format!("{:02}{:02}{:02}", secs / 3600, secs / 60 % 60, secs % 60))
}

fn chrono_cutoff(retention: Duration) -> i64 {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0);
    i64::try_from(now.saturating_sub(retention.as_secs())).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn sweep_deletes_only_objects_past_retention() {
        let dir = tempfile::tempdir().unwrap();
        let cfg =
            RequestLogSettings { enabled: true, url: format!("file:{}", dir.path().display()), retention_days: 30 };
        let store = open(&cfg).unwrap();
        for name in ["2026-01-01/old.jsonl", "2026-11-21/new.jsonl"] {
            store.put(&Path::from(name), PutPayload::from_static(b"{}\n")).await.unwrap();
        }
        let old = dir.path().join("prompts/2026-01-01/old.jsonl");
        let forty_days = std::time::SystemTime::now() - Duration::from_secs(40 * 86_400);
        std::fs::File::options().write(true).open(&old).unwrap().set_modified(forty_days).unwrap();
        assert_eq!(sweep(store.as_ref(), Duration::from_secs(30 * 86_400)).await.unwrap(), 1);
        assert!(!old.exists());
        assert!(dir.path().join("prompts/2026-11-21/new.jsonl").exists());
        assert_eq!(sweep(store.as_ref(), Duration::from_secs(30 * 86_400)).await.unwrap(), 0);
    }

    #[test]
    fn bad_urls_are_named() {
        let cfg = RequestLogSettings { enabled: true, url: "ftp://x".into(), retention_days: 1 };
        assert!(open(&cfg).err().unwrap().to_string().contains("request_log.url"));
    }

    #[test]
    fn log_lines_hold_no_personal_data_whatever_the_service_allowed() {
        // As a service with `guard.pii = "allow"` would send it, and an answer echoing it.
        let request = serde_json::json!({
            "model": "gpt-4o-mini",
            "messages": [{"role": "user", "content": "주민번호 900101-1234567, SSN 123-45-6789 확인해줘"}],
        });
        let answer = r#"{"choices":[{"message":{"content":"Your SSN 123-45-6789 and IP 203.0.113.9 are noted"}}]}"#;
        let entry = Entry {
            request_id: "r1".into(),
            ts_ms: 0,
            user_id: "alice".into(),
            service: "chatops".into(),
            model: "gpt-4o-mini".into(),
            cache_hit: false,
            request: request.as_object().unwrap().clone(),
            response: Some(Bytes::from_static(answer.as_bytes())),
        };
        let mut out = Vec::new();
        write_line(&mut out, entry);
        let line = String::from_utf8(out).unwrap();
        for secret in ["900101-1234567", "123-45-6789", "203.0.113.9"] {
            assert!(!line.contains(secret), "{secret} in {line}");
        }
        // Still one JSON object, with request and answer as JSON, masked.
        let v: Value = serde_json::from_str(line.trim()).unwrap();
        assert!(v["request"]["messages"][0]["content"].as_str().unwrap().contains("[RRN_1]"));
        assert!(v["response"]["choices"][0]["message"]["content"].as_str().unwrap().contains("[SSN_1]"));
    }
}
