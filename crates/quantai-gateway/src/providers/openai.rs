//! OpenAI and every OpenAI-compatible server (vLLM, Ollama, llama.cpp server), plus Azure
//! OpenAI's dialect of the same API (deployment URLs, `api-version`, `api-key` header).

use std::time::Duration;

use bytes::Bytes;
use futures::StreamExt;
use quantai_core::config::{ProviderKind, ProviderSettings};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue, AUTHORIZATION, CONTENT_TYPE};
use secrecy::{ExposeSecret, SecretString};

use crate::provider::{ByteStream, Provider, ProviderError};

/// An OpenAI-compatible upstream sharing the process-wide HTTP client.
pub struct OpenAiProvider {
    name: String,
    base_url: String,
    api_version: String,
    /// Pre-parsed endpoints of the OpenAI dialect (parsing a URL per request shows in profiles).
    chat_url: Option<reqwest::Url>,
    embed_url: Option<reqwest::Url>,
    headers: HeaderMap,
    has_key: bool,
    timeout: Duration,
    client: reqwest::Client,
}

impl OpenAiProvider {
    /// Builds the provider; `api_key` is the resolved secret, if any.
    pub fn new(
        name: &str,
        s: &ProviderSettings,
        api_key: Option<SecretString>,
        client: reqwest::Client,
    ) -> Result<Self, crate::SetupError> {
        let bad = |field: &str, reason: &str| crate::SetupError::setting(format!("providers.{name}.{field}"), reason);
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        if let Some(key) = &api_key {
            let (hname, value) = match s.kind {
                ProviderKind::Openai => (AUTHORIZATION, format!("Bearer {}", key.expose_secret())),
                ProviderKind::Azure => (HeaderName::from_static("api-key"), key.expose_secret().to_string()),
            };
            let mut v = HeaderValue::from_str(&value)
                .map_err(|_| bad("api_key", "contains characters not allowed in a header"))?;
            v.set_sensitive(true);
            headers.insert(hname, v);
        }
        if !s.organization.is_empty() {
            let v = HeaderValue::from_str(&s.organization)
                .map_err(|_| bad("organization", "is not a valid header value"))?;
            headers.insert(HeaderName::from_static("openai-organization"), v);
        }
        for (k, v) in &s.headers {
            let hn = HeaderName::from_bytes(k.as_bytes())
                .map_err(|_| bad("headers", &format!("{k:?} is not a header name")))?;
            let hv = HeaderValue::from_str(v)
                .map_err(|_| bad(&format!("headers.{k}"), "value is not a valid header value"))?;
            headers.insert(hn, hv);
        }
        let base_url = s.base_url.trim_end_matches('/').to_string();
        let parse = |op: &str| -> Result<Option<reqwest::Url>, crate::SetupError> {
            match s.kind {
                ProviderKind::Openai => reqwest::Url::parse(&format!("{base_url}/{op}"))
                    .map(Some)
                    .map_err(|e| bad("base_url", &e.to_string())),
                ProviderKind::Azure => Ok(None),
            }
        };
        Ok(Self {
            name: name.to_string(),
            chat_url: parse("chat/completions")?,
            embed_url: parse("embeddings")?,
            base_url,
            api_version: s.api_version.clone(),
            headers,
            has_key: api_key.is_some(),
            timeout: Duration::from_millis(s.timeout_ms),
            client,
        })
    }

    fn url(&self, upstream_model: &str, op: &str) -> Result<reqwest::Url, ProviderError> {
        let pre = if op == "embeddings" { &self.embed_url } else { &self.chat_url };
        if let Some(u) = pre {
            return Ok(u.clone());
        }
        let raw =
            format!("{}/openai/deployments/{upstream_model}/{op}?api-version={}", self.base_url, self.api_version);
        reqwest::Url::parse(&raw).map_err(|e| ProviderError::Connect(format!("bad upstream URL {raw}: {e}")))
    }

    async fn send(&self, url: reqwest::Url, body: Bytes) -> Result<reqwest::Response, ProviderError> {
        let fut = self.client.post(url).headers(self.headers.clone()).body(body).send();
        let resp =
            tokio::time::timeout(self.timeout, fut).await.map_err(|_| ProviderError::Timeout)?.map_err(map_err)?;
        let status = resp.status().as_u16();
        if !(200..300).contains(&status) {
            let retry_after = retry_after(resp.headers());
            let body =
                tokio::time::timeout(self.timeout, resp.bytes()).await.ok().and_then(|r| r.ok()).unwrap_or_default();
            return Err(ProviderError::Http { status, body, retry_after });
        }
        Ok(resp)
    }

    async fn unary(&self, url: reqwest::Url, body: Bytes) -> Result<Bytes, ProviderError> {
        let started = tokio::time::Instant::now();
        let resp = self.send(url, body).await?;
        let left = self.timeout.saturating_sub(started.elapsed());
        tokio::time::timeout(left, resp.bytes()).await.map_err(|_| ProviderError::Timeout)?.map_err(map_err)
    }
}

/// `retry-after-ms` (OpenAI, Azure) or `Retry-After` in seconds; HTTP dates are ignored.
fn retry_after(h: &HeaderMap) -> Option<Duration> {
    let num =
        |name: &str| h.get(name)?.to_str().ok()?.trim().parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0);
    if let Some(ms) = num("retry-after-ms") {
        return Some(Duration::from_secs_f64(ms.min(3_600_000.0) / 1000.0));
    }
    num("retry-after").map(|s| Duration::from_secs_f64(s.min(3600.0)))
}

fn map_err(e: reqwest::Error) -> ProviderError {
    if e.is_timeout() {
        ProviderError::Timeout
    } else if e.is_connect() {
        ProviderError::Connect(e.to_string())
    } else if e.is_body() || e.is_decode() {
        ProviderError::Body(e.to_string())
    } else {
        ProviderError::Connect(e.to_string())
    }
}

#[async_trait::async_trait]
impl Provider for OpenAiProvider {
    fn name(&self) -> &str {
        &self.name
    }

    async fn chat(&self, upstream_model: &str, body: Bytes) -> Result<Bytes, ProviderError> {
        self.unary(self.url(upstream_model, "chat/completions")?, body).await
    }

    async fn chat_stream(&self, upstream_model: &str, body: Bytes) -> Result<ByteStream, ProviderError> {
        let resp = self.send(self.url(upstream_model, "chat/completions")?, body).await?;
        let idle = self.timeout;
        // Each chunk must arrive within the timeout; a silent upstream counts as a cut stream.
        let stream = futures::stream::unfold(resp, move |mut resp| async move {
            match tokio::time::timeout(idle, resp.chunk()).await {
                Err(_) => Some((Err(ProviderError::Timeout), resp)),
                Ok(Ok(Some(b))) => Some((Ok(b), resp)),
                Ok(Ok(None)) => None,
                Ok(Err(e)) => Some((Err(ProviderError::Body(e.to_string())), resp)),
            }
        });
        // Stop after the first error.
        let stream = stream.scan(false, |failed, item| {
            let out = if *failed {
                None
            } else {
                *failed = item.is_err();
                Some(item)
            };
            futures::future::ready(out)
        });
        Ok(Box::pin(stream))
    }

    async fn embed(&self, upstream_model: &str, body: Bytes) -> Result<Bytes, ProviderError> {
        self.unary(self.url(upstream_model, "embeddings")?, body).await
    }

    fn ready(&self) -> bool {
        self.has_key || self.base_url.starts_with("http://")
    }
}
