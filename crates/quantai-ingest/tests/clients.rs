//! The KIS and Alpha Vantage clients against a local mock server built from the documented
//! shapes (`../shared/reference/kis-alphavantage.md`): no test reaches a real host.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::routing::{get, post};
use axum::{Json, Router};
use quantai_core::config::{AlphaVantageSettings, KisSettings};
use quantai_ingest::alphavantage::{AlphaVantageClient, AvError, Format};
use quantai_ingest::archive::Archive;
use quantai_ingest::kis::{KisClient, KisError};
use serde_json::{json, Value};
use time::{Date, Duration, Weekday};

#[derive(Default)]
struct Mock {
    issued: AtomicUsize,
    /// The token the mock accepts now.
    token: Mutex<String>,
    expire_next: AtomicBool,
    limit_next: AtomicUsize,
    chart_calls: AtomicUsize,
    av_limit_next: AtomicUsize,
    tr_ids: Mutex<Vec<String>>,
}

fn days() -> Vec<Date> {
    let mut d = Date::from_calendar_date(2024, time::Month::January, 2).unwrap();
    let mut out = Vec::new();
    while out.len() < 250 {
        if !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
            out.push(d);
        }
        d += Duration::days(1);
    }
    out
}

fn ymd(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), u8::from(d.month()), d.day())
}

fn close_of(i: usize) -> u32 {
    70_000 + (i as u32 * 37) % 900
}

async fn token(State(m): State<Arc<Mock>>, Json(body): Json<Value>) -> Json<Value> {
    assert_eq!(body["grant_type"], "client_credentials");
    if body["appkey"] != "test-app-key" || body["appsecret"] != "test-app-secret" {
        return Json(json!({"error_code": "EGW00103", "error_description": "유효하지 않은 AppKey입니다."}));
    }
    let n = m.issued.fetch_add(1, Ordering::SeqCst) + 1;
    let t = format!("tok-{n}");
    *m.token.lock().unwrap() = t.clone();
    Json(
        json!({"access_token": t, "token_type": "Bearer", "expires_in": 86400, "access_token_token_expired": "2099-01-01 00:00:00"}),
    )
}

/// Checks the KIS headers; an error body when they are wrong or the mock says so.
fn gate(m: &Mock, h: &HeaderMap) -> Option<Value> {
    let tr = h.get("tr_id").and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    m.tr_ids.lock().unwrap().push(tr);
    assert_eq!(h.get("appkey").unwrap(), "test-app-key");
    assert_eq!(h.get("appsecret").unwrap(), "test-app-secret");
    assert_eq!(h.get("custtype").unwrap(), "P");
    if m.expire_next.swap(false, Ordering::SeqCst) {
        *m.token.lock().unwrap() = "expired".into();
    }
    let want = format!("Bearer {}", m.token.lock().unwrap());
    if h.get("authorization").and_then(|v| v.to_str().ok()) != Some(want.as_str()) {
        return Some(json!({"rt_cd": "1", "msg_cd": "EGW00123", "msg1": "기간이 만료된 token 입니다."}));
    }
    if m.limit_next.load(Ordering::SeqCst) > 0 {
        m.limit_next.fetch_sub(1, Ordering::SeqCst);
        return Some(json!({"rt_cd": "1", "msg_cd": "EGW00201", "msg1": "초당 거래건수를 초과하였습니다."}));
    }
    None
}

async fn price(State(m): State<Arc<Mock>>, h: HeaderMap, Query(q): Query<Vec<(String, String)>>) -> Json<Value> {
    if let Some(e) = gate(&m, &h) {
        return Json(e);
    }
    let code = q.iter().find(|(k, _)| k == "FID_INPUT_ISCD").map(|(_, v)| v.clone()).unwrap_or_default();
    let p = if code == "BADFLD" { "12,3a" } else { "128500" };
    Json(
        json!({"output": {"stck_prpr": p, "prdy_vrss": "-500", "prdy_vrss_sign": "5", "prdy_ctrt": "-0.39", "acml_vol": "2669075",
        "stck_oprc": "128500", "stck_hgpr": "130000", "stck_lwpr": "128000"}, "rt_cd": "0", "msg_cd": "MCA00000", "msg1": "정상처리 되었습니다."}),
    )
}

async fn chart(State(m): State<Arc<Mock>>, h: HeaderMap, Query(q): Query<Vec<(String, String)>>) -> Json<Value> {
    if let Some(e) = gate(&m, &h) {
        return Json(e);
    }
    m.chart_calls.fetch_add(1, Ordering::SeqCst);
    let arg = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    let (from, to, code) = (arg("FID_INPUT_DATE_1"), arg("FID_INPUT_DATE_2"), arg("FID_INPUT_ISCD"));
    let mut rows: Vec<Value> = days()
        .iter()
        .enumerate()
        .filter(|(_, d)| ymd(**d) >= from && ymd(**d) <= to)
        .map(|(i, d)| {
            let c = close_of(i);
            let close = if code == "BADFLD" && i == 3 { "7,780".to_string() } else { c.to_string() };
            json!({"stck_bsop_date": ymd(*d), "stck_clpr": close, "stck_oprc": (c - 100).to_string(),
                   "stck_hgpr": (c + 300).to_string(), "stck_lwpr": (c - 400).to_string(), "acml_vol": (1000 + i).to_string(),
                   "acml_tr_pbmn": "935475490", "flng_cls_code": "00", "prtt_rate": "0.00", "mod_yn": "N",
                   "prdy_vrss_sign": "2", "prdy_vrss": "110", "revl_issu_reas": ""})
        })
        .collect();
    rows.reverse(); // newest first
    rows.truncate(100);
    Json(
        json!({"output1": {"hts_kor_isnm": "삼성전자"}, "output2": rows, "rt_cd": "0", "msg_cd": "MCA00000", "msg1": "정상처리 되었습니다."}),
    )
}

async fn av(State(m): State<Arc<Mock>>, Query(q): Query<Vec<(String, String)>>) -> String {
    let arg = |k: &str| q.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone()).unwrap_or_default();
    assert_eq!(arg("apikey"), "test-av-key");
    assert_eq!(arg("function"), "TIME_SERIES_DAILY");
    if m.av_limit_next.load(Ordering::SeqCst) > 0 {
        m.av_limit_next.fetch_sub(1, Ordering::SeqCst);
        return json!({"Note": "Thank you for using Alpha Vantage! Our standard API call frequency is 5 calls per minute and 500 calls per day."}).to_string();
    }
    if arg("symbol") == "NOPE" {
        return json!({"Error Message": "Invalid API call. Please retry or visit the documentation (https://www.alphavantage.co/documentation/) for TIME_SERIES_DAILY."}).to_string();
    }
    let n = if arg("outputsize") == "full" { 250 } else { 100 };
    let ds = days();
    let picked: Vec<(usize, Date)> = ds.iter().copied().enumerate().rev().take(n).collect(); // newest first
    if arg("datatype") == "csv" {
        let mut s = String::from("timestamp,open,high,low,close,volume\r\n");
        for (i, d) in &picked {
            let c = f64::from(close_of(*i)) / 1000.0;
            s.push_str(&format!(
                "{},{:.4},{:.4},{:.4},{:.4},{}\r\n",
                quantai_quant::date::iso(*d),
                c - 0.1,
                c + 0.3,
                c - 0.4,
                c,
                1000 + i
            ));
        }
        return s;
    }
    let mut series = serde_json::Map::new();
    for (i, d) in &picked {
        let c = f64::from(close_of(*i)) / 1000.0;
        series.insert(
            quantai_quant::date::iso(*d),
            json!({"1. open": format!("{:.4}", c - 0.1), "2. high": format!("{:.4}", c + 0.3), "3. low": format!("{:.4}", c - 0.4),
                   "4. close": format!("{c:.4}"), "5. volume": (1000 + i).to_string()}),
        );
    }
    json!({"Meta Data": {"1. Information": "Daily Prices (open, high, low, close) and Volumes", "2. Symbol": arg("symbol")},
           "Time Series (Daily)": series})
    .to_string()
}

async fn serve() -> (String, Arc<Mock>) {
    let m = Arc::new(Mock::default());
    let app = Router::new()
        .route("/oauth2/tokenP", post(token))
        .route("/uapi/domestic-stock/v1/quotations/inquire-price", get(price))
        .route("/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice", get(chart))
        .route("/query", get(av))
        .with_state(m.clone());
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", l.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(l, app).await.unwrap() });
    (base, m)
}

fn kis_cfg(base: &str, mock_trading: bool) -> KisSettings {
    KisSettings {
        base_url: base.to_string(),
        mock_trading,
        app_key: "env::KIS_APP_KEY".into(),
        app_secret: "env::KIS_APP_SECRET".into(),
        custtype: "P".into(),
        min_interval_ms: 0,
        backoff_ms: 5,
    }
}

fn env(v: &str) -> Option<String> {
    match v {
        "KIS_APP_KEY" => Some("test-app-key".into()),
        "KIS_APP_SECRET" => Some("test-app-secret".into()),
        "AV_KEY" => Some("test-av-key".into()),
        _ => None,
    }
}

#[tokio::test]
async fn kis_daily_chart_walks_pages_and_shares_one_token() {
    let (base, m) = serve().await;
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open(&format!("file:{}", dir.path().display())).unwrap();
    let tokens = dir.path().join("tokens");
    let kis = KisClient::new(&kis_cfg(&base, false), tokens.to_str().unwrap(), archive.clone(), env).unwrap();
    let all = days();
    let bars = kis.daily_bars("005930", all[0], all[249], false).await.unwrap();
    assert_eq!(bars.len(), 250);
    assert_eq!(m.chart_calls.load(Ordering::SeqCst), 3, "100 + 100 + 50 rows");
    for (i, b) in bars.iter().enumerate() {
        assert_eq!((b.date, b.close), (all[i], f64::from(close_of(i))));
    }
    // A sub-range, bounds inclusive.
    let some = kis.daily_bars("005930", all[10], all[19], true).await.unwrap();
    assert_eq!(some.iter().map(|b| b.date).collect::<Vec<_>>(), all[10..20].to_vec());
    assert_eq!(m.issued.load(Ordering::SeqCst), 1);
    // Another process (another client on the same token directory) reuses the cached token.
    let other = KisClient::new(&kis_cfg(&base, false), tokens.to_str().unwrap(), None, env).unwrap();
    let q = other.current_price("005930").await.unwrap();
    assert_eq!((q.price, q.change, q.change_pct), (128_500.0, -500.0, -0.39));
    assert_eq!(m.issued.load(Ordering::SeqCst), 1, "the token file is shared");
    let cached = std::fs::read_dir(&tokens)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().into_string().unwrap())
        .collect::<Vec<_>>();
    assert!(cached.iter().all(|n| !n.contains("test-app-key")), "the file name does not hold the key: {cached:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let f = cached.iter().find(|n| n.ends_with(".json")).unwrap();
        assert_eq!(std::fs::metadata(tokens.join(f)).unwrap().permissions().mode() & 0o777, 0o600);
    }
    // Raw responses are archived.
    let objects = archive.unwrap().list().await.unwrap();
    assert_eq!(
        objects.iter().filter(|p| p.starts_with("kis/") && p.contains("FHKST03010100-005930")).count(),
        4,
        "{objects:?}"
    );
}

#[tokio::test]
async fn kis_reissues_on_egw00123_and_backs_off_on_egw00201() {
    let (base, m) = serve().await;
    let dir = tempfile::tempdir().unwrap();
    let kis = KisClient::new(&kis_cfg(&base, false), dir.path().to_str().unwrap(), None, env).unwrap();
    kis.current_price("005930").await.unwrap();
    m.expire_next.store(true, Ordering::SeqCst);
    kis.current_price("005930").await.unwrap();
    assert_eq!(m.issued.load(Ordering::SeqCst), 2, "one re-issue after EGW00123");
    m.limit_next.store(2, Ordering::SeqCst);
    let started = std::time::Instant::now();
    kis.current_price("005930").await.unwrap();
    assert!(started.elapsed() >= std::time::Duration::from_millis(15), "backed off 5 + 10 ms");
    m.limit_next.store(100, Ordering::SeqCst);
    assert!(matches!(kis.current_price("005930").await, Err(KisError::RateLimited(5))));
    m.limit_next.store(0, Ordering::SeqCst);
    // A value that is not a number names its field.
    let e = kis.current_price("BADFLD").await.unwrap_err().to_string();
    assert!(e.contains("stck_prpr") && e.contains("12,3a"), "{e}");
    let e = kis.daily_bars("BADFLD", days()[0], days()[20], false).await.unwrap_err().to_string();
    assert!(e.contains("stck_clpr") && e.contains("output2["), "{e}");
}

#[tokio::test]
async fn kis_mock_trading_ids_and_bad_credentials() {
    let (base, m) = serve().await;
    let dir = tempfile::tempdir().unwrap();
    let kis = KisClient::new(&kis_cfg(&base, true), dir.path().to_str().unwrap(), None, env).unwrap();
    assert_eq!(kis.tr_id("TTTC0081R"), "VTTC0081R");
    assert_eq!(kis.tr_id("CTSC9215R"), "VTSC9215R");
    assert_eq!(kis.tr_id("FHKST01010100"), "FHKST01010100");
    kis.current_price("005930").await.unwrap();
    assert_eq!(m.tr_ids.lock().unwrap().last().unwrap(), "FHKST01010100");
    assert!(matches!(KisClient::new(&kis_cfg(&base, false), "x", None, |_| None), Err(KisError::Credentials(_))));
    let wrong = |v: &str| if v == "KIS_APP_KEY" { Some("wrong".into()) } else { env(v) };
    let bad = KisClient::new(&kis_cfg(&base, false), dir.path().join("w").to_str().unwrap(), None, wrong).unwrap();
    let e = bad.current_price("005930").await.unwrap_err().to_string();
    assert!(e.contains("EGW00103") && !e.contains("wrong"), "the error names the code, never the key: {e}");
}

fn av_cfg(base: &str) -> AlphaVantageSettings {
    AlphaVantageSettings {
        base_url: base.to_string(),
        api_key: "env::AV_KEY".into(),
        min_interval_ms: 0,
        backoff_ms: 5,
    }
}

#[tokio::test]
async fn alpha_vantage_json_csv_limits_and_errors() {
    let (base, m) = serve().await;
    let dir = tempfile::tempdir().unwrap();
    let archive = Archive::open(&format!("file:{}", dir.path().display())).unwrap();
    let av = AlphaVantageClient::new(&av_cfg(&base), archive.clone(), env).unwrap();
    let compact = av.daily("IBM", false, Format::Json).await.unwrap();
    assert_eq!(compact.len(), 100);
    assert_eq!(compact.last().unwrap().date, days()[249]);
    assert!(compact.windows(2).all(|w| w[0].date < w[1].date), "oldest first");
    let full = av.daily("IBM", true, Format::Csv).await.unwrap();
    assert_eq!(full.len(), 250);
    assert_eq!(full[0].date, days()[0]);
    assert_eq!(full[0].close, f64::from(close_of(0)) / 1000.0);
    let json_full = av.daily("IBM", true, Format::Json).await.unwrap();
    assert_eq!(json_full, full, "JSON and CSV give the same bars");

    m.av_limit_next.store(2, Ordering::SeqCst);
    assert_eq!(av.daily("IBM", false, Format::Json).await.unwrap().len(), 100, "a per-minute Note is waited out");
    m.av_limit_next.store(10, Ordering::SeqCst);
    assert!(matches!(av.daily("IBM", false, Format::Csv).await, Err(AvError::RateLimited(_))));
    m.av_limit_next.store(0, Ordering::SeqCst);
    assert!(matches!(av.daily("NOPE", false, Format::Csv).await, Err(AvError::Invalid(_))));
    assert!(matches!(AlphaVantageClient::new(&av_cfg(&base), None, |_| None), Err(AvError::Credentials)));
    let objects = archive.unwrap().list().await.unwrap();
    assert!(objects.iter().any(|p| p.starts_with("alphavantage/") && p.ends_with(".csv")), "{objects:?}");
    assert!(objects.iter().all(|p| !p.contains("test-av-key")));
}
