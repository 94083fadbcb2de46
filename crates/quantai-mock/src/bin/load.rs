//! `quantai-load`: an open-loop, constant-rate HTTP load generator (what wrk2 does; wrk2 is
//! not packaged here). Request i is due at start + i/rate and its latency is measured from
//! that due time, so a stalled server cannot hide its queueing delay (no coordinated omission).
//!
//! usage: quantai-load --url URL --rate N --duration SECS [--key KEY] [--body JSON] [--conns N]
//! Prints `RESULT rate=… sent=… ok=… errors=… p50_ms=… p90_ms=… p99_ms=… p999_ms=… max_ms=…`.
#![allow(clippy::print_stdout)] // a CLI tool: its result goes to stdout

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{Mutex, Semaphore};

const DEFAULT_BODY: &str =
    r#"{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Summarise the backtest of SMA(10,30) on AAPL."}]}"#;

fn pct(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let idx = ((p / 100.0) * (sorted.len() as f64 - 1.0)).round() as usize;
    sorted[idx.min(sorted.len() - 1)]
}

#[tokio::main]
async fn main() {
    let mut url = String::new();
    let mut rate = 1000.0f64;
    let mut secs = 10.0f64;
    let mut key = String::from("sk-mock");
    let mut body = DEFAULT_BODY.to_string();
    let mut conns = 256usize;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next().unwrap_or_default();
        match a.as_str() {
            "--url" => url = v,
            "--rate" => rate = v.parse().unwrap_or(rate),
            "--duration" => secs = v.parse().unwrap_or(secs),
            "--key" => key = v,
            "--body" => body = v,
            "--conns" => conns = v.parse().unwrap_or(conns),
            other => {
                eprintln!("quantai-load: unknown argument {other:?}");
                std::process::exit(2);
            }
        }
    }
    if url.is_empty() || rate <= 0.0 || secs <= 0.0 || secs > 600.0 {
        eprintln!("quantai-load: --url is required; --rate > 0; 0 < --duration <= 600");
        std::process::exit(2);
    }
    let client = match reqwest::Client::builder().pool_max_idle_per_host(conns).tcp_nodelay(true).build() {
        Ok(c) => c,
        Err(e) => {
            eprintln!("quantai-load: {e}");
            std::process::exit(1);
        }
    };
    let total = (rate * secs) as u64;
    let lat = Arc::new(Mutex::new(Vec::<(f64, f64)>::with_capacity(total as usize)));
    let errors = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let limit = Arc::new(Semaphore::new(conns));
    let start = Instant::now() + Duration::from_millis(50);
    let mut tasks = Vec::with_capacity(total as usize);
    for i in 0..total {
        let due = start + Duration::from_secs_f64(i as f64 / rate);
        tokio::time::sleep_until(due.into()).await;
        let (c, u, k, b, lat, errors, limit) =
            (client.clone(), url.clone(), key.clone(), body.clone(), lat.clone(), errors.clone(), limit.clone());
        tasks.push(tokio::spawn(async move {
            let Ok(_permit) = limit.acquire_owned().await else { return };
            let sent = Instant::now();
            let r = c
                .post(&u)
                .header("content-type", "application/json")
                .header("authorization", format!("Bearer {k}"))
                .body(b)
                .timeout(Duration::from_secs(10))
                .send()
                .await;
            let ok = match r {
                Ok(resp) => resp.status().is_success() && resp.bytes().await.is_ok(),
                Err(_) => false,
            };
            // (service time from the actual send, time from the due instant)
            let ms = (sent.elapsed().as_secs_f64() * 1000.0, due.elapsed().as_secs_f64() * 1000.0);
            if ok {
                lat.lock().await.push(ms);
            } else {
                errors.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            }
        }));
    }
    // Requests still unanswered 10 s after the last was due count as errors: the target did not
    // sustain the rate.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    let mut incomplete = 0u64;
    for t in tasks {
        if tokio::time::timeout_at(deadline, t).await.is_err() {
            incomplete += 1;
        }
    }
    errors.fetch_add(incomplete, std::sync::atomic::Ordering::Relaxed);
    let elapsed = start.elapsed().as_secs_f64();
    let pairs = lat.lock().await.clone();
    let mut v: Vec<f64> = pairs.iter().map(|p| p.0).collect();
    v.sort_by(f64::total_cmp);
    let mut due: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    due.sort_by(f64::total_cmp);
    // p*_ms: from the moment a request is sent (microsecond resolution). due_p*_ms: from the
    // moment it was due (tokio timers tick in 1 ms, so these carry up to ~1 ms of scheduling
    // jitter) and include any wait for a free connection: the coordinated-omission-free view.
    println!(
        "RESULT rate={:.1} sent={} ok={} errors={} p50_ms={:.3} p90_ms={:.3} p99_ms={:.3} p999_ms={:.3} max_ms={:.3} due_p50_ms={:.3} due_p99_ms={:.3}",
        total as f64 / elapsed,
        total,
        v.len(),
        errors.load(std::sync::atomic::Ordering::Relaxed),
        pct(&v, 50.0),
        pct(&v, 90.0),
        pct(&v, 99.0),
        pct(&v, 99.9),
        v.last().copied().unwrap_or(f64::NAN),
        pct(&due, 50.0),
        pct(&due, 99.0)
    );
}
