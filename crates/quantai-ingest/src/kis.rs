//! Korea Investment & Securities open-trading-api: current price (`FHKST01010100`) and daily
//! bars (`FHKST03010100`, at most 100 rows a call, so a range is walked backwards page by page).
//!
//! The access token lives a day and may be issued about once a minute, so it is cached in memory
//! and in a file shared by every process of the machine (written atomically, under a file lock,
//! mode 0600), and re-issued when it expires or a call answers `EGW00123`. `EGW00201` (the
//! per-second limit) backs off and retries. Every value arrives as a string; a value that does
//! not parse is an error naming its field.

use std::path::PathBuf;
use std::time::Duration;

use bytes::Bytes;
use quantai_core::config::KisSettings;
use quantai_quant::bars::Bar;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use time::Date;

use crate::archive::Archive;
use crate::{excerpt, Pacer};

/// What can go wrong.
#[derive(Debug, thiserror::Error)]
pub enum KisError {
    #[error("KIS credentials missing: set {0} (market_data.kis.app_key / app_secret)")]
    Credentials(&'static str),
    #[error("KIS request failed: {0}")]
    Transport(String),
    #[error("KIS answered HTTP {status}: {body}")]
    Http { status: u16, body: String },
    /// `rt_cd` was not "0".
    #[error("KIS error {msg_cd}: {msg}")]
    Api { msg_cd: String, msg: String },
    #[error("KIS field {field:?}: {reason}")]
    Field { field: String, reason: String },
    #[error("KIS token cache {path}: {reason}")]
    TokenCache { path: String, reason: String },
    #[error("KIS kept answering EGW00201 (per-second call limit) after {0} retries")]
    RateLimited(u32),
}

pub type Result<T, E = KisError> = std::result::Result<T, E>;

/// A cached access token.
#[derive(Clone, Serialize, Deserialize)]
struct Token {
    access_token: String,
    /// Unix seconds.
    expires_at: i64,
}

/// The current quote of a stock.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Quote {
    pub code: String,
    pub price: f64,
    pub change: f64,
    pub change_pct: f64,
    pub volume: f64,
    pub open: f64,
    pub high: f64,
    pub low: f64,
}

/// The client; one per process is enough (it paces its own calls).
pub struct KisClient {
    http: reqwest::Client,
    base: String,
    mock: bool,
    app_key: SecretString,
    app_secret: SecretString,
    custtype: String,
    token_file: PathBuf,
    token: tokio::sync::Mutex<Option<Token>>,
    pacer: Pacer,
    backoff: Duration,
    archive: Option<Archive>,
}

const RETRIES: u32 = 5;
/// A token is renewed this long before it expires.
const MARGIN_SECS: i64 = 300;

fn now_secs() -> i64 {
    time::OffsetDateTime::now_utc().unix_timestamp()
}

/// A string field of `obj` as a number.
fn num(obj: &Map<String, Value>, field: &str) -> Result<f64> {
    let bad = |reason: String| KisError::Field { field: field.to_string(), reason };
    let v = obj.get(field).ok_or_else(|| bad("missing".into()))?;
    let s = v.as_str().ok_or_else(|| bad(format!("expected a string, got {v}")))?;
    let t = s.trim();
    if t.is_empty() {
        return Err(bad("empty".into()));
    }
    let x: f64 = t.parse().map_err(|_| bad(format!("{s:?} is not a number")))?;
    if !x.is_finite() {
        return Err(bad(format!("{s:?} is not finite")));
    }
    Ok(x)
}

fn ymd(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), u8::from(d.month()), d.day())
}

fn parse_ymd(obj: &Map<String, Value>, field: &str) -> Result<Date> {
    let bad = |reason: String| KisError::Field { field: field.to_string(), reason };
    let s = obj.get(field).and_then(Value::as_str).ok_or_else(|| bad("missing or not a string".into()))?;
    let fmt = time::macros::format_description!("[year][month][day]");
    Date::parse(s, fmt).map_err(|_| bad(format!("{s:?} is not YYYYMMDD")))
}

impl KisClient {
    /// A client from settings; credentials resolved with `env`. `token_dir` holds the shared
    /// token cache.
    pub fn new(
        cfg: &KisSettings,
        token_dir: &str,
        archive: Option<Archive>,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Self> {
        let app_key = cfg.app_key.resolve(&env).ok_or(KisError::Credentials("KIS_APP_KEY"))?;
        let app_secret = cfg.app_secret.resolve(&env).ok_or(KisError::Credentials("KIS_APP_SECRET"))?;
        // One cache file per app key and environment; the key itself is not in the name.
        let tag = fnv(app_key.expose_secret().as_bytes());
        let env_name = if cfg.mock_trading { "mock" } else { "real" };
        let token_file = PathBuf::from(token_dir).join(format!("kis-token-{env_name}-{tag:016x}.json"));
        let http = reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .timeout(Duration::from_secs(30))
            .build()
            .map_err(|e| KisError::Transport(e.to_string()))?;
        Ok(Self {
            http,
            base: cfg.base_url.trim_end_matches('/').to_string(),
            mock: cfg.mock_trading,
            app_key,
            app_secret,
            custtype: cfg.custtype.clone(),
            token_file,
            token: tokio::sync::Mutex::new(None),
            pacer: Pacer::new(Duration::from_millis(cfg.min_interval_ms)),
            backoff: Duration::from_millis(cfg.backoff_ms),
            archive,
        })
    }

    /// On mock trading, transaction ids beginning with T, J or C begin with V instead.
    pub fn tr_id(&self, id: &str) -> String {
        match (self.mock, id.chars().next()) {
            (true, Some('T' | 'J' | 'C')) => format!("V{}", &id[1..]),
            _ => id.to_string(),
        }
    }

    /// A valid access token: from memory, else the shared file, else issued (under the file
    /// lock, so two processes never both issue).
    async fn access_token(&self, force_new: bool) -> Result<String> {
        let mut held = self.token.lock().await;
        if !force_new {
            if let Some(t) = held.as_ref().filter(|t| t.expires_at - MARGIN_SECS > now_secs()) {
                return Ok(t.access_token.clone());
            }
        }
        let path = self.token_file.clone();
        let cache_err = |reason: String| KisError::TokenCache { path: path.display().to_string(), reason };
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| cache_err(e.to_string()))?;
        }
        let lock_path = path.with_extension("lock");
        let lock = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| cache_err(e.to_string()))?;
        let lock = tokio::task::spawn_blocking(move || lock.lock().map(|_| lock))
            .await
            .map_err(|e| cache_err(e.to_string()))?
            .map_err(|e| cache_err(e.to_string()))?;
        let stale = held.as_ref().map(|t| t.access_token.clone());
        let from_file = std::fs::read(&path)
            .ok()
            .and_then(|b| serde_json::from_slice::<Token>(&b).ok())
            .filter(|t| t.expires_at - MARGIN_SECS > now_secs())
            // A forced renewal accepts the file only if another process already renewed it.
            .filter(|t| !force_new || Some(&t.access_token) != stale.as_ref());
        let token = match from_file {
            Some(t) => t,
            None => {
                let t = self.issue().await?;
                let tmp = path.with_extension("tmp");
                let body = serde_json::to_vec(&t).map_err(|e| cache_err(e.to_string()))?;
                write_private(&tmp, &body).map_err(|e| cache_err(e.to_string()))?;
                std::fs::rename(&tmp, &path).map_err(|e| cache_err(e.to_string()))?;
                t
            }
        };
        drop(lock);
        let out = token.access_token.clone();
        *held = Some(token);
        Ok(out)
    }

    async fn issue(&self) -> Result<Token> {
        self.pacer.wait().await;
        let body = serde_json::json!({
            "grant_type": "client_credentials",
            "appkey": self.app_key.expose_secret(),
            "appsecret": self.app_secret.expose_secret(),
        });
        let resp = self
            .http
            .post(format!("{}/oauth2/tokenP", self.base))
            .json(&body)
            .send()
            .await
            .map_err(|e| KisError::Transport(e.without_url().to_string()))?;
        let status = resp.status().as_u16();
        let text = resp.text().await.map_err(|e| KisError::Transport(e.without_url().to_string()))?;
        let v: Value = serde_json::from_str(&text).map_err(|_| KisError::Http { status, body: excerpt(&text, 200) })?;
        let obj = v.as_object().cloned().unwrap_or_default();
        let Some(token) = obj.get("access_token").and_then(Value::as_str) else {
            // Error bodies carry error_code / error_description; never the secret.
            let code = obj.get("error_code").and_then(Value::as_str).unwrap_or("").to_string();
            let msg = obj.get("error_description").and_then(Value::as_str).unwrap_or("no access_token").to_string();
            return Err(KisError::Api { msg_cd: code, msg });
        };
        let expires_in = obj.get("expires_in").and_then(Value::as_i64).unwrap_or(86_400);
        tracing::info!(expires_in, "KIS access token issued");
        Ok(Token { access_token: token.to_string(), expires_at: now_secs() + expires_in })
    }

    /// One GET with the KIS headers; retries `EGW00123` once with a new token and backs off on
    /// `EGW00201`. Returns the parsed body (rt_cd "0") and the response's `tr_cont`.
    async fn get(&self, path: &str, tr_id: &str, query: &[(&str, String)], name: &str) -> Result<(Value, String)> {
        let tr = self.tr_id(tr_id);
        let mut renewed = false;
        let mut backoffs = 0;
        loop {
            let token = self.access_token(false).await?;
            self.pacer.wait().await;
            let resp = self
                .http
                .get(format!("{}{path}", self.base))
                .query(query)
                .header("content-type", "application/json; charset=utf-8")
                .header("authorization", format!("Bearer {token}"))
                .header("appkey", self.app_key.expose_secret())
                .header("appsecret", self.app_secret.expose_secret())
                .header("tr_id", tr.as_str())
                .header("custtype", self.custtype.as_str())
                .header("tr_cont", "")
                .send()
                .await
                .map_err(|e| KisError::Transport(e.without_url().to_string()))?;
            let status = resp.status().as_u16();
            let tr_cont = resp.headers().get("tr_cont").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
            let bytes = resp.bytes().await.map_err(|e| KisError::Transport(e.without_url().to_string()))?;
            if let Some(a) = &self.archive {
                a.put(crate::Source::Kis, &format!("{tr}-{name}"), "json", Bytes::clone(&bytes)).await;
            }
            let text = String::from_utf8_lossy(&bytes);
            let v: Value = match serde_json::from_str(&text) {
                Ok(v) => v,
                Err(_) => return Err(KisError::Http { status, body: excerpt(&text, 200) }),
            };
            let field = |k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
            let (rt_cd, msg_cd) = (field("rt_cd"), field("msg_cd"));
            if msg_cd == "EGW00123" && !renewed {
                tracing::info!("KIS token expired (EGW00123): issuing a new one");
                renewed = true;
                self.access_token(true).await?;
                continue;
            }
            if msg_cd == "EGW00201" {
                if backoffs == RETRIES {
                    return Err(KisError::RateLimited(RETRIES));
                }
                tokio::time::sleep(self.backoff * 2u32.pow(backoffs)).await;
                backoffs += 1;
                continue;
            }
            if rt_cd != "0" || !(200..300).contains(&status) {
                return Err(KisError::Api { msg_cd, msg: field("msg1") });
            }
            return Ok((v, tr_cont));
        }
    }

    /// The current price of a KRX stock (`FID_INPUT_ISCD`, e.g. 005930).
    pub async fn current_price(&self, code: &str) -> Result<Quote> {
        let q = [("FID_COND_MRKT_DIV_CODE", "J".to_string()), ("FID_INPUT_ISCD", code.to_string())];
        let (v, _) = self.get("/uapi/domestic-stock/v1/quotations/inquire-price", "FHKST01010100", &q, code).await?;
        let o = v
            .get("output")
            .and_then(Value::as_object)
            .ok_or_else(|| KisError::Field { field: "output".into(), reason: "missing or not an object".into() })?;
        Ok(Quote {
            code: code.to_string(),
            price: num(o, "stck_prpr")?,
            change: num(o, "prdy_vrss")?,
            change_pct: num(o, "prdy_ctrt")?,
            volume: num(o, "acml_vol")?,
            open: num(o, "stck_oprc")?,
            high: num(o, "stck_hgpr")?,
            low: num(o, "stck_lwpr")?,
        })
    }

    /// Daily bars of `code` from `from` to `to` (inclusive), oldest first; `adjusted` asks for
    /// split-adjusted prices (FID_ORG_ADJ_PRC=0). The range is walked back 100 rows at a time.
    pub async fn daily_bars(&self, code: &str, from: Date, to: Date, adjusted: bool) -> Result<Vec<Bar>> {
        let mut out: Vec<Bar> = Vec::new();
        let mut end = to;
        loop {
            let q = [
                ("FID_COND_MRKT_DIV_CODE", "J".to_string()),
                ("FID_INPUT_ISCD", code.to_string()),
                ("FID_INPUT_DATE_1", ymd(from)),
                ("FID_INPUT_DATE_2", ymd(end)),
                ("FID_PERIOD_DIV_CODE", "D".to_string()),
                ("FID_ORG_ADJ_PRC", if adjusted { "0" } else { "1" }.to_string()),
            ];
            let (v, _) = self
                .get("/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice", "FHKST03010100", &q, code)
                .await?;
            let rows = v.get("output2").and_then(Value::as_array).cloned().unwrap_or_default();
            let mut page = Vec::with_capacity(rows.len());
            for (i, r) in rows.iter().enumerate() {
                let Some(o) = r.as_object() else {
                    return Err(KisError::Field { field: format!("output2[{i}]"), reason: "not an object".into() });
                };
                // Pages past the listing date come back as rows of empty strings.
                if o.get("stck_bsop_date").and_then(Value::as_str).is_none_or(str::is_empty) {
                    continue;
                }
                let at = |e: KisError| match e {
                    KisError::Field { field, reason } => {
                        KisError::Field { field: format!("output2[{i}].{field}"), reason }
                    }
                    other => other,
                };
                page.push(Bar {
                    date: parse_ymd(o, "stck_bsop_date").map_err(at)?,
                    open: num(o, "stck_oprc").map_err(at)?,
                    high: num(o, "stck_hgpr").map_err(at)?,
                    low: num(o, "stck_lwpr").map_err(at)?,
                    close: num(o, "stck_clpr").map_err(at)?,
                    volume: num(o, "acml_vol").map_err(at)?,
                    adj_close: None,
                });
            }
            let oldest = page.iter().map(|b| b.date).min();
            let full = rows.len() >= 100;
            out.extend(page.into_iter().filter(|b| b.date >= from && b.date <= to));
            match oldest {
                Some(d) if full && d > from => end = d.previous_day().unwrap_or(from),
                _ => break,
            }
        }
        out.sort_by_key(|b| b.date);
        out.dedup_by_key(|b| b.date);
        Ok(out)
    }
}

/// FNV-1a, to name the token file by app key without writing the key.
fn fnv(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, x| (h ^ u64::from(*x)).wrapping_mul(0x0000_0100_0000_01b3))
}

fn write_private(path: &std::path::Path, body: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    let mut opts = std::fs::OpenOptions::new();
    opts.create(true).truncate(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        opts.mode(0o600);
    }
    let mut f = opts.open(path)?;
    f.write_all(body)?;
    f.sync_all()
}
