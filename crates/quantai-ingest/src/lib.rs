//! quantai-ingest: market-data clients. [`kis`] for Korea Investment & Securities'
//! open-trading-api (token cached across processes, daily charts walked 100 rows at a time,
//! `EGW00123` re-issues the token, `EGW00201` backs off), [`alphavantage`] for Alpha Vantage's
//! daily series (JSON or CSV; the errors that arrive with HTTP 200 become typed errors). Every
//! raw response can be archived to object storage ([`archive`], bucket `raw-data`). Secrets are
//! [`secrecy::SecretString`] and never logged; errors name the field that did not parse.

pub mod alphavantage;
pub mod archive;
pub mod kis;

use std::time::{Duration, Instant};

use tokio::sync::Mutex;

/// Where market data comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Korea Investment & Securities' open-trading-api (KRX).
    Kis,
    /// Alpha Vantage (US).
    AlphaVantage,
}

impl Source {
    /// The name in commands and in the raw archive's paths.
    pub fn as_str(self) -> &'static str {
        match self {
            Source::Kis => "kis",
            Source::AlphaVantage => "alphavantage",
        }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Source {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "kis" => Ok(Source::Kis),
            "alphavantage" | "alpha_vantage" => Ok(Source::AlphaVantage),
            other => Err(format!("source {other:?}: kis or alphavantage")),
        }
    }
}

/// Spaces calls at least `min` apart (the providers' per-second limits).
pub(crate) struct Pacer {
    min: Duration,
    last: Mutex<Option<Instant>>,
}

impl Pacer {
    pub(crate) fn new(min: Duration) -> Self {
        Self { min, last: Mutex::new(None) }
    }

    pub(crate) async fn wait(&self) {
        let mut last = self.last.lock().await;
        if let Some(at) = *last {
            let next = at + self.min;
            let now = Instant::now();
            if next > now {
                tokio::time::sleep(next - now).await;
            }
        }
        *last = Some(Instant::now());
    }
}

/// The first `n` characters of a body, for error messages.
pub(crate) fn excerpt(body: &str, n: usize) -> String {
    let mut s: String = body.chars().take(n).collect();
    if body.chars().count() > n {
        s.push('…');
    }
    s
}
