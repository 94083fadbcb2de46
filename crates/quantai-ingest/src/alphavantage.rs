//! Alpha Vantage `TIME_SERIES_DAILY`, as JSON or CSV, compact (the last 100 bars) or full.
//! Alpha Vantage answers errors with HTTP 200: `Error Message` (a bad call), `Information` or
//! `Note` (rate limits); each becomes a typed error, and a per-minute limit backs off and retries.

use std::time::Duration;

use bytes::Bytes;
use quantai_core::config::AlphaVantageSettings;
use quantai_quant::bars::Bar;
use secrecy::{ExposeSecret, SecretString};
use serde_json::{Map, Value};

use crate::archive::Archive;
use crate::{excerpt, Pacer};

#[derive(Debug, thiserror::Error)]
pub enum AvError {
    #[error("Alpha Vantage API key missing: set ALPHAVANTAGE_API_KEY (market_data.alphavantage.api_key)")]
    Credentials,
    #[error("Alpha Vantage request failed: {0}")]
    Transport(String),
    #[error("Alpha Vantage answered HTTP {status}: {body}")]
    Http { status: u16, body: String },
    /// `Error Message`: the call itself is wrong (unknown symbol, bad function).
    #[error("Alpha Vantage refused the call: {0}")]
    Invalid(String),
    /// `Information` / `Note` about call limits, still there after the retries (or a daily limit).
    #[error("Alpha Vantage rate limit: {0}")]
    RateLimited(String),
    /// `Information` about anything else (e.g. a premium-only parameter).
    #[error("Alpha Vantage: {0}")]
    Information(String),
    #[error("Alpha Vantage field {field:?}: {reason}")]
    Field { field: String, reason: String },
}

pub type Result<T, E = AvError> = std::result::Result<T, E>;

const RETRIES: u32 = 3;

pub struct AlphaVantageClient {
    http: reqwest::Client,
    base: String,
    api_key: SecretString,
    pacer: Pacer,
    backoff: Duration,
    archive: Option<Archive>,
}

/// JSON or CSV answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
}

/// What an HTTP-200 error body says.
fn classify(obj: &Map<String, Value>) -> Option<AvError> {
    if let Some(m) = obj.get("Error Message").and_then(Value::as_str) {
        return Some(AvError::Invalid(m.to_string()));
    }
    for key in ["Note", "Information"] {
        if let Some(m) = obj.get(key).and_then(Value::as_str) {
            let lower = m.to_ascii_lowercase();
            let limit = ["rate limit", "requests per", "calls per", "call frequency"].iter().any(|k| lower.contains(k));
            return Some(if limit || key == "Note" {
                AvError::RateLimited(m.to_string())
            } else {
                AvError::Information(m.to_string())
            });
        }
    }
    None
}

/// A per-day limit cannot be waited out in seconds.
fn is_daily(msg: &str) -> bool {
    let l = msg.to_ascii_lowercase();
    l.contains("per day") && !l.contains("per minute")
}

fn field_num(obj: &Map<String, Value>, field: &str, ctx: &str) -> Result<f64> {
    let bad = |reason: String| AvError::Field { field: format!("{ctx}.{field}"), reason };
    let s = obj.get(field).and_then(Value::as_str).ok_or_else(|| bad("missing or not a string".into()))?;
    let x: f64 = s.trim().parse().map_err(|_| bad(format!("{s:?} is not a number")))?;
    if !x.is_finite() {
        return Err(bad(format!("{s:?} is not finite")));
    }
    Ok(x)
}

/// Parses a `TIME_SERIES_DAILY` JSON body into bars, oldest first.
pub fn parse_json(body: &str) -> Result<Vec<Bar>> {
    let v: Value =
        serde_json::from_str(body).map_err(|e| AvError::Field { field: "(body)".into(), reason: e.to_string() })?;
    let obj = v.as_object().cloned().unwrap_or_default();
    if let Some(e) = classify(&obj) {
        return Err(e);
    }
    let series = obj
        .get("Time Series (Daily)")
        .and_then(Value::as_object)
        .ok_or_else(|| AvError::Field { field: "Time Series (Daily)".into(), reason: "missing".into() })?;
    let mut bars = Vec::with_capacity(series.len());
    for (day, row) in series {
        let ctx = format!("Time Series (Daily).{day}");
        let date = quantai_quant::date::parse(day)
            .map_err(|_| AvError::Field { field: ctx.clone(), reason: format!("{day:?} is not YYYY-MM-DD") })?;
        let o = row.as_object().ok_or_else(|| AvError::Field { field: ctx.clone(), reason: "not an object".into() })?;
        let adj = o.get("5. adjusted close").map(|_| field_num(o, "5. adjusted close", &ctx)).transpose()?;
        let volume_key = if adj.is_some() { "6. volume" } else { "5. volume" };
        bars.push(Bar {
            date,
            open: field_num(o, "1. open", &ctx)?,
            high: field_num(o, "2. high", &ctx)?,
            low: field_num(o, "3. low", &ctx)?,
            close: field_num(o, "4. close", &ctx)?,
            volume: field_num(o, volume_key, &ctx)?,
            adj_close: adj,
        });
    }
    bars.sort_by_key(|b| b.date);
    Ok(bars)
}

/// Parses a `TIME_SERIES_DAILY` CSV body (newest first; an error comes as JSON) into bars,
/// oldest first. Rows are validated by the OHLCV importer's rules; the first bad row is named.
pub fn parse_csv(body: &str) -> Result<Vec<Bar>> {
    let t = body.trim_start();
    if t.starts_with('{') {
        return parse_json(t)
            .and_then(|_| Err(AvError::Field { field: "(body)".into(), reason: "JSON where CSV was asked".into() }));
    }
    // Alpha Vantage's header says `timestamp`; newest first.
    let mut lines: Vec<&str> = t.lines().filter(|l| !l.trim().is_empty()).collect();
    let Some(header) = lines.first().map(|h| h.replacen("timestamp", "date", 1)) else {
        return Err(AvError::Field { field: "(body)".into(), reason: "empty".into() });
    };
    lines.remove(0);
    lines.reverse();
    let text = std::iter::once(header.as_str()).chain(lines).collect::<Vec<_>>().join("\n");
    let parsed = quantai_quant::bars::parse_csv(&text)
        .map_err(|e| AvError::Field { field: "(header)".into(), reason: e.to_string() })?;
    if let Some(b) = parsed.bad.first() {
        return Err(AvError::Field { field: format!("row {}", b.text), reason: b.reason.clone() });
    }
    Ok(parsed.bars)
}

impl AlphaVantageClient {
    pub fn new(
        cfg: &AlphaVantageSettings,
        archive: Option<Archive>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self> {
        let api_key = cfg.api_key.resolve(env).ok_or(AvError::Credentials)?;
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(60))
            .build()
            .map_err(|e| AvError::Transport(e.to_string()))?;
        Ok(Self {
            http,
            base: cfg.base_url.trim_end_matches('/').to_string(),
            api_key,
            pacer: Pacer::new(Duration::from_millis(cfg.min_interval_ms)),
            backoff: Duration::from_millis(cfg.backoff_ms),
            archive,
        })
    }

    /// Daily bars of `symbol`, oldest first: the last 100 (`full = false`) or the whole history.
    pub async fn daily(&self, symbol: &str, full: bool, format: Format) -> Result<Vec<Bar>> {
        let mut retries = 0;
        loop {
            self.pacer.wait().await;
            let q = [
                ("function", "TIME_SERIES_DAILY"),
                ("symbol", symbol),
                ("outputsize", if full { "full" } else { "compact" }),
                ("datatype", if format == Format::Csv { "csv" } else { "json" }),
                ("apikey", self.api_key.expose_secret()),
            ];
            let resp = self
                .http
                .get(format!("{}/query", self.base))
                .query(&q)
                .send()
                .await
                // The URL holds the API key: never in an error.
                .map_err(|e| AvError::Transport(e.without_url().to_string()))?;
            let status = resp.status().as_u16();
            let bytes = resp.bytes().await.map_err(|e| AvError::Transport(e.without_url().to_string()))?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            if !(200..300).contains(&status) {
                return Err(AvError::Http { status, body: excerpt(&text, 200) });
            }
            if let Some(a) = &self.archive {
                let ext = if text.trim_start().starts_with('{') { "json" } else { "csv" };
                a.put(crate::Source::AlphaVantage, &format!("TIME_SERIES_DAILY-{symbol}"), ext, Bytes::clone(&bytes))
                    .await;
            }
            let parsed = if format == Format::Csv { parse_csv(&text) } else { parse_json(&text) };
            match parsed {
                Err(AvError::RateLimited(m)) if retries < RETRIES && !is_daily(&m) => {
                    tokio::time::sleep(self.backoff * 2u32.pow(retries)).await;
                    retries += 1;
                }
                other => return other,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_200_errors_are_typed() {
        let e =
            parse_json(r#"{"Error Message":"Invalid API call. Please retry or visit the documentation"}"#).unwrap_err();
        assert!(matches!(e, AvError::Invalid(_)), "{e}");
        let e = parse_json(r#"{"Note":"Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute and 500 calls per day."}"#).unwrap_err();
        assert!(matches!(e, AvError::RateLimited(_)), "{e}");
        let e = parse_json(r#"{"Information":"We have detected your API key as XYZ and our standard API rate limit is 25 requests per day."}"#).unwrap_err();
        assert!(matches!(e, AvError::RateLimited(ref m) if is_daily(m)), "{e}");
        let e = parse_json(r#"{"Information":"This is a premium endpoint."}"#).unwrap_err();
        assert!(matches!(e, AvError::Information(_)), "{e}");
        let e = parse_csv(r#"{"Error Message":"Invalid API call."}"#).unwrap_err();
        assert!(matches!(e, AvError::Invalid(_)), "an error in a CSV request comes as JSON: {e}");
    }

    #[test]
    fn bad_fields_are_named() {
        let body = r#"{"Meta Data":{},"Time Series (Daily)":{"2020-08-31":{"1. open":"125.25","2. high":"x","3. low":"123.03","4. close":"123.31","5. volume":"4827879"}}}"#;
        let e = parse_json(body).unwrap_err().to_string();
        assert!(e.contains("Time Series (Daily).2020-08-31.2. high") && e.contains("\"x\""), "{e}");
        let csv = "timestamp,open,high,low,close,volume\n2020-08-31,125.25,125.25,123.03,123.31,4827879\n2020-08-28,126,120,124,125,1\n";
        let e = parse_csv(csv).unwrap_err().to_string();
        assert!(e.contains("high 120 is below"), "{e}");
    }
}
