//! Embedding throughput of all-MiniLM-L6-v2 in process: sentences per second over a file of
//! sentences (one per line), median of `RUNS` runs after a warm-up. `bench/embed_peers.sh` runs
//! it beside sentence-transformers (torch) on the same sentences.
//!
//!     cargo run --release -p quantai-rag --example embed_throughput -- MODEL_DIR bench/embed_sentences.txt
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (dir, file) = (&args[1], &args[2]);
    let runs: usize = std::env::var("RUNS").ok().and_then(|r| r.parse().ok()).unwrap_or(3);
    let model = quantai_rag::minilm::MiniLm::load(std::path::Path::new(dir)).expect("model");
    let text = std::fs::read_to_string(file).expect("sentences");
    let sentences: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    model.embed(&sentences[..64.min(sentences.len())]).unwrap();
    let mut rates = Vec::new();
    for i in 0..runs {
        let t = Instant::now();
        let v = model.embed(&sentences).unwrap();
        let dt = t.elapsed().as_secs_f64();
        assert_eq!(v.len(), sentences.len());
        rates.push(sentences.len() as f64 / dt);
        println!("run {i}: {dt:.2} s {:.1} sentences/s", sentences.len() as f64 / dt);
    }
    rates.sort_by(f64::total_cmp);
    println!("RESULT quantai median {:.1} sentences/s over {} sentences", rates[rates.len() / 2], sentences.len());
}
