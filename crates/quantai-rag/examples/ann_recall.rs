//! The approximate path against exact search on one large partition (a big shared collection):
//! graph build time, recall@10 of the approximate top 10 against the exact top 10, and latency
//! p50/p99 of both, over 500 queries. Vectors: the hashing embedder over generated backtest
//! texts (384 dimensions), as in `search_latency`.
//!
//!     cargo run --release -p quantai-rag --example ann_recall [DOCUMENTS]
#![allow(clippy::print_stdout, clippy::unwrap_used)]

use std::time::Instant;

use quantai_rag::ann::Ann;
use quantai_rag::embed::{Embedder, HashEmbedder};
use quantai_rag::filter::Filter;
use quantai_rag::index::{Entry, Partition};

mod common;
use common::{pct, pick, WORDS};

fn text(seed: &mut u64, i: usize) -> String {
    let words: Vec<&str> = (0..12).map(|_| WORDS[pick(seed, WORDS.len())]).collect();
    format!("backtest {i}: {}", words.join(" "))
}

#[tokio::main]
async fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let emb = HashEmbedder { dims: 384 };
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut part = Partition::new(384);
    let texts: Vec<String> = (0..n).map(|i| text(&mut seed, i)).collect();
    for (c, chunk) in texts.chunks(1000).enumerate() {
        let vecs = emb.embed(chunk, "u").await.unwrap();
        for (j, (t, v)) in chunk.iter().zip(vecs).enumerate() {
            let id = format!("d{}", c * 1000 + j);
            part.upsert(
                Entry {
                    id,
                    text: t.clone(),
                    metadata: serde_json::Value::Null,
                    created_ms: 0,
                    facts: Default::default(),
                },
                &v,
            );
        }
    }
    let t = Instant::now();
    assert!(part.start_build());
    let ann = Ann::build(part.snapshot());
    let build_s = t.elapsed().as_secs_f64();
    let queries: Vec<String> = (0..500)
        .map(|q| {
            let words: Vec<&str> = (0..3).map(|_| WORDS[pick(&mut seed, WORDS.len())]).collect();
            format!("{} {q}", words.join(" "))
        })
        .collect();
    let qvs = emb.embed(&queries, "u").await.unwrap();
    let none = Filter::default();
    let mut exact_ms = Vec::new();
    let mut exact_ids = Vec::new();
    for q in &qvs {
        let t = Instant::now();
        let hits = part.nearest_exact(q, 10, &none, None);
        exact_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        exact_ids.push(hits.iter().map(|(e, _)| e.id.clone()).collect::<Vec<_>>());
    }
    part.install(ann);
    assert!(part.approximate());
    let mut ann_ms = Vec::new();
    let mut recall = 0.0;
    for (q, want) in qvs.iter().zip(&exact_ids) {
        let t = Instant::now();
        let hits = part.nearest(q, 10, &none, None);
        ann_ms.push(t.elapsed().as_secs_f64() * 1000.0);
        recall += hits.iter().filter(|(e, _)| want.contains(&e.id)).count() as f64 / want.len() as f64;
    }
    recall /= qvs.len() as f64;
    println!(
        "RESULT documents={n} build_s={build_s:.1} recall_at_10={recall:.4} exact_p50_ms={:.3} exact_p99_ms={:.3} ann_p50_ms={:.3} ann_p99_ms={:.3}",
        pct(&mut exact_ms, 0.5),
        pct(&mut exact_ms, 0.99),
        pct(&mut ann_ms, 0.5),
        pct(&mut ann_ms, 0.99)
    );
}
