#![allow(clippy::unwrap_used)]
//! Retrieval quality on the shipped labelled set (320 backtests of 5 users, 60 queries in
//! Korean and English): recall@3 ≥ 0.95 in each language with all-MiniLM-L6-v2 (when
//! `QUANTAI_TEST_MINILM_DIR` is set), and Korean found by the keyword half alone.

use std::sync::Arc;

use quantai_rag::embed::{HashEmbedder, LocalEmbedder};
use quantai_rag::eval::{run, LabelledSet, SHIPPED};

fn set() -> LabelledSet {
    serde_json::from_str(SHIPPED).unwrap()
}

#[test]
fn the_shipped_set_is_large_enough() {
    let s = set();
    assert!(s.backtests.len() >= 300);
    let users: std::collections::BTreeSet<&str> = s.backtests.iter().map(|b| b.user.as_str()).collect();
    assert!(users.len() >= 3);
    for lang in ["ko", "en"] {
        assert!(s.queries.iter().filter(|q| q.lang == lang).count() >= 30, "{lang}");
    }
    // Every label names a backtest of the query's own user.
    for q in &s.queries {
        for r in &q.relevant {
            assert!(s.backtests.iter().any(|b| &b.id == r && b.user == q.user), "{r} for {}", q.query);
        }
    }
}

#[tokio::test]
async fn korean_is_found_without_a_language_model() {
    let report = run(Arc::new(HashEmbedder { dims: 384 }), &set()).await.unwrap();
    let ko = &report.by_language["ko"];
    assert_eq!(ko.queries, 30);
    assert!(ko.recall_at_3 >= 0.95, "{}", report.table());
}

#[tokio::test]
async fn recall_at_3_with_minilm() {
    let Ok(dir) = std::env::var("QUANTAI_TEST_MINILM_DIR") else {
        eprintln!("QUANTAI_TEST_MINILM_DIR not set: skipped");
        return;
    };
    let model = quantai_rag::minilm::MiniLm::load(std::path::Path::new(&dir)).unwrap();
    let report = run(Arc::new(LocalEmbedder::new(model)), &set()).await.unwrap();
    eprintln!("{}", report.table());
    for lang in ["ko", "en"] {
        let s = &report.by_language[lang];
        assert!(s.recall_at_3 >= 0.95, "{lang}: {}", report.table());
        assert!(s.mrr >= 0.9, "{lang}: {}", report.table());
    }
}
