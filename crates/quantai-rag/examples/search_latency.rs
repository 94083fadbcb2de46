//! Search latency at 10,000 documents per user and 100,000 in all (10 users), on the embedded
//! store (SQLite + in-memory partitions): p50/p99 over 1,000 searches per mode, each as a random
//! user, including the query's embedding-cache lookup. Vectors come from the hashing embedder
//! (384 dimensions, dense arrays like MiniLM's) so that indexing 100k documents takes seconds;
//! the search work does not depend on where the vectors came from.
//!
//!     cargo run --release -p quantai-rag --example search_latency [DOCS_PER_USER] [USERS]
//!
//! `QUANTAI_EVAL_NO_LEXICON=1` searches without the domain language (an empty lexicon), as
//! before issue 14, for a same-run comparison.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::Instant;

use quantai_rag::embed::HashEmbedder;
use quantai_rag::service::{Mode, Rag, SearchRequest};
use quantai_rag::Document;

mod common;
use common::{pct, pick, WORDS};

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().collect();
    let per_user: usize = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let users: usize = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(10);
    let dir = std::env::temp_dir().join(format!("quantai-search-latency-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let store = quantai_store::Store::connect(&format!("sqlite://{}", dir.join("s.db").display()), 4).await.unwrap();
    store.migrate().await.unwrap();
    let rag = Rag::new(store.clone(), Arc::new(HashEmbedder { dims: 384 }));
    if std::env::var("QUANTAI_EVAL_NO_LEXICON").is_ok_and(|v| v == "1") {
        rag.set_lexicon(Arc::new(quantai_lang::Lexicon::empty()));
    }
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let t = Instant::now();
    for u in 0..users {
        let docs: Vec<Document> = (0..per_user)
            .map(|i| {
                let words: Vec<&str> = (0..12).map(|_| WORDS[pick(&mut seed, WORDS.len())]).collect();
                Document {
                    id: format!("d{i}"),
                    text: format!("backtest {i} of user {u}: {}", words.join(" ")),
                    metadata: serde_json::json!({"sharpe": (i % 30) as f64 / 10.0}),
                    created_ms: None,
                }
            })
            .collect();
        for chunk in docs.chunks(256) {
            rag.upsert("user_backtests", &format!("user{u}"), chunk.to_vec()).await.unwrap();
        }
    }
    println!(
        "indexed {} documents ({per_user} per user, {users} users) in {:.1} s",
        per_user * users,
        t.elapsed().as_secs_f64()
    );
    let cols = vec!["user_backtests".to_string()];
    // Load every partition once (first use reads it from the database).
    let t = Instant::now();
    for u in 0..users {
        let req = SearchRequest {
            query: "warm".into(),
            k: 5,
            filter: serde_json::Value::Null,
            threshold: None,
            mode: Mode::Keyword,
        };
        rag.search(&format!("user{u}"), &cols, &req).await.unwrap();
    }
    println!("loaded {users} partitions from the database in {:.2} s", t.elapsed().as_secs_f64());
    for (mode, name) in [(Mode::Hybrid, "hybrid"), (Mode::Vector, "vector"), (Mode::Keyword, "keyword")] {
        for filtered in [false, true] {
            let mut lat = Vec::with_capacity(1000);
            for q in 0..1000 {
                let words: Vec<&str> = (0..3).map(|_| WORDS[pick(&mut seed, WORDS.len())]).collect();
                let filter =
                    if filtered { serde_json::json!({"sharpe": {"gte": 1.5}}) } else { serde_json::Value::Null };
                let req =
                    SearchRequest { query: format!("{} {q}", words.join(" ")), k: 5, filter, threshold: None, mode };
                let u = pick(&mut seed, users);
                let t = Instant::now();
                let hits = rag.search(&format!("user{u}"), &cols, &req).await.unwrap();
                lat.push(t.elapsed().as_secs_f64() * 1000.0);
                assert!(hits.len() <= 5);
            }
            let (p50, p99) = (pct(&mut lat, 0.5), pct(&mut lat, 0.99));
            println!("RESULT mode={name} filter={filtered} p50_ms={p50:.3} p99_ms={p99:.3}");
        }
    }
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}
