//! The provider trait: one implementation per upstream API dialect (see `providers/`).

use std::pin::Pin;

use bytes::Bytes;
use futures::Stream;

/// A streamed upstream body.
pub type ByteStream = Pin<Box<dyn Stream<Item = Result<Bytes, ProviderError>> + Send>>;

/// What went wrong talking to an upstream.
#[derive(Clone, Debug, thiserror::Error)]
pub enum ProviderError {
    #[error("upstream timed out")]
    Timeout,
    #[error("cannot reach upstream: {0}")]
    Connect(String),
    /// The upstream answered with a non-2xx status.
    #[error("upstream answered HTTP {status}")]
    Http { status: u16, body: Bytes, retry_after: Option<std::time::Duration> },
    /// The connection broke while reading the body.
    #[error("upstream body interrupted: {0}")]
    Body(String),
}

impl ProviderError {
    /// Whether another attempt may succeed: 429, 5xx, timeouts, broken connections.
    pub fn is_retryable(&self) -> bool {
        match self {
            ProviderError::Http { status, .. } => *status == 429 || *status >= 500,
            ProviderError::Timeout | ProviderError::Connect(_) | ProviderError::Body(_) => true,
        }
    }

    /// The wait the upstream asked for (`Retry-After` / `retry-after-ms`).
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        match self {
            ProviderError::Http { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// A stable class for the ledger and metrics.
    pub fn class(&self) -> &'static str {
        match self {
            ProviderError::Timeout => "timeout",
            ProviderError::Connect(_) => "connect",
            ProviderError::Http { status: 429, .. } => "upstream_429",
            ProviderError::Http { status: 401 | 403, .. } => "upstream_auth",
            ProviderError::Http { status, .. } if *status < 500 => "upstream_4xx",
            ProviderError::Http { .. } => "upstream_5xx",
            ProviderError::Body(_) => "stream_cut",
        }
    }
}

/// An upstream that speaks chat completions and embeddings. Bodies are OpenAI-shaped JSON,
/// already rewritten to the upstream model name; implementations only add transport
/// (URL, auth headers, timeouts).
#[async_trait::async_trait]
pub trait Provider: Send + Sync {
    /// The provider's configured name.
    fn name(&self) -> &str;
    /// A non-streaming chat completion; returns the 2xx body.
    async fn chat(&self, upstream_model: &str, body: Bytes) -> Result<Bytes, ProviderError>;
    /// A streaming chat completion; returns the SSE byte stream once headers arrive.
    async fn chat_stream(&self, upstream_model: &str, body: Bytes) -> Result<ByteStream, ProviderError>;
    /// Embeddings; returns the 2xx body.
    async fn embed(&self, upstream_model: &str, body: Bytes) -> Result<Bytes, ProviderError>;
    /// Whether the provider has the credentials it needs.
    fn ready(&self) -> bool;
}
