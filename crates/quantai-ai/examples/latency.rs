//! p50/p99 of the deterministic paths, per item, over every line of the shipped sets:
//! `cargo run --release -p quantai-ai --example latency`.
#![allow(clippy::print_stdout)]

use std::time::Instant;

fn root(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn pct(mut v: Vec<f64>) -> (f64, f64, usize) {
    v.sort_by(f64::total_cmp);
    let at = |q: f64| v[((v.len() as f64 - 1.0) * q).round() as usize];
    (at(0.5), at(0.99), v.len())
}

/// The median of `runs` timings of `f`, in microseconds.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            std::hint::black_box(f());
            s.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[runs / 2]
}

/// Every labelled file of the shipped sets whose directory starts with `prefix` (eval/factcheck,
/// eval/factcheck2, …), so new sets are timed as they land.
fn sets(prefix: &str) -> Result<Vec<String>, std::io::Error> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root("eval"))? {
        let dir = dir?.path();
        if !dir.file_name().is_some_and(|n| n.to_string_lossy().starts_with(prefix)) {
            continue;
        }
        for f in std::fs::read_dir(&dir)? {
            let f = f?.path();
            if f.extension().is_some_and(|e| e == "jsonl") {
                out.push(f.display().to_string());
            }
        }
    }
    out.sort();
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut fc = Vec::new();
    for set in sets("factcheck")? {
        for l in quantai_ai::eval::read_lines(&set)? {
            fc.push(time(9, || quantai_ai::factcheck::check(&l.text, &l.facts)));
        }
    }
    let lexicon = quantai_lang::Lexicon::shared();
    let mut bp = Vec::new();
    for set in sets("builder")? {
        for l in quantai_ai::eval::read_builder_lines(&set)? {
            bp.push(time(9, || quantai_ai::builder::parse(&lexicon, &l.request)));
        }
    }
    let routes: Vec<f64> =
        quantai_ai::chatops::SAMPLE_QUESTIONS.iter().map(|q| time(9, || quantai_ai::chatops::route(q))).collect();
    for (name, v) in
        [("fact check per narrative", fc), ("builder parse per request", bp), ("ChatOps routing per question", routes)]
    {
        let (p50, p99, n) = pct(v);
        println!("{name:32} n={n:4}  p50 {p50:8.1} µs  p99 {p99:8.1} µs");
    }
    Ok(())
}
