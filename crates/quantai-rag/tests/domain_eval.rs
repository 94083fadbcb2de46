#![allow(clippy::unwrap_used)]
//! Retrieval on text people write (issue 14): the shipped domain set — documents in four
//! layouts (quantai's summary, other tools' reports, free-form notes, one-line titles), in
//! Korean, English and both, queries as people ask (the other language's names, abbreviations,
//! behaviour instead of a strategy's name, KPI conditions, typos, questions nothing answers) —
//! written independently of the code, its held-out part before any tuning. Fusion and boosts
//! were chosen on the development part only.

use std::collections::BTreeSet;
use std::sync::Arc;

use quantai_rag::embed::{HashEmbedder, LocalEmbedder};
use quantai_rag::eval::{run_domain, DomainSet};

#[test]
fn the_set_is_as_large_and_varied_as_the_issue_asks() {
    let (dev, held) = (DomainSet::dev().unwrap(), DomainSet::heldout().unwrap());
    assert!(dev.documents.len() + held.documents.len() >= 400);
    assert!(dev.queries.len() + held.queries.len() >= 150);
    let users: BTreeSet<&str> = dev.documents.iter().chain(&held.documents).map(|d| d.user_id.as_str()).collect();
    assert!(users.len() >= 8, "{users:?}");
    for part in [&dev, &held] {
        let types: BTreeSet<&str> = part.queries.iter().map(|q| q.kind.as_str()).collect();
        for t in ["cross_lingual", "behaviour", "abbreviation", "kpi_condition", "typo", "no_answer", "plain"] {
            assert!(part.queries.iter().filter(|q| q.kind == t).count() >= 10, "{t}: {types:?}");
        }
        assert!(part.queries.iter().any(|q| q.relevant.is_empty()));
    }
    // The parts share no user and no query.
    let held_users: BTreeSet<&str> = held.documents.iter().map(|d| d.user_id.as_str()).collect();
    assert!(dev.documents.iter().all(|d| !held_users.contains(d.user_id.as_str())));
    let held_q: BTreeSet<&str> = held.queries.iter().map(|q| q.query.as_str()).collect();
    assert!(dev.queries.iter().all(|q| !held_q.contains(q.query.as_str())));
}

#[test]
fn a_label_naming_another_users_document_is_refused() {
    let docs = r#"{"id":"a","user_id":"u1","collection":"user_notes","text":"x","metadata":{}}"#;
    let queries = r#"{"id":"q","user_id":"u2","query":"x","relevant":["a"],"type":"plain"}"#;
    let e = DomainSet::parse(docs, queries).unwrap_err().to_string();
    assert!(e.contains("\"a\"") && e.contains("u2"), "{e}");
}

/// Without a language model the lexicon still carries Korean, abbreviations and typos: the
/// keyword ranking over canonical tokens, gates and boosts.
#[tokio::test]
async fn heldout_without_a_language_model() {
    let report = run_domain(
        Arc::new(HashEmbedder { dims: 384 }),
        quantai_lang::Lexicon::shared(),
        &DomainSet::heldout().unwrap(),
    )
    .await
    .unwrap();
    eprintln!("{}", report.table());
    assert!(report.all.recall_at_3 >= 0.90, "{}", report.table());
    assert!(report.by_type["no_answer"].recall_at_1 >= 0.90, "{}", report.table());
}

/// Issue 14's targets on the held-out part with all-MiniLM-L6-v2: recall@3 ≥ 0.95 and MRR ≥
/// 0.90 overall. Every query type reaches 0.90 recall@3 except typos (0.82 when measured:
/// misspelt Korean names two edits away and a misspelt name plus an abbreviation), which is
/// held at its measured level so it cannot slip further unseen.
#[tokio::test]
async fn heldout_targets_with_minilm() {
    let Ok(dir) = std::env::var("QUANTAI_TEST_MINILM_DIR") else {
        eprintln!("QUANTAI_TEST_MINILM_DIR not set: skipped");
        return;
    };
    let model = quantai_rag::minilm::MiniLm::load(std::path::Path::new(&dir)).unwrap();
    let report = run_domain(
        Arc::new(LocalEmbedder::new(model)),
        quantai_lang::Lexicon::shared(),
        &DomainSet::heldout().unwrap(),
    )
    .await
    .unwrap();
    eprintln!("{}", report.table());
    assert!(report.all.recall_at_3 >= 0.95, "{}", report.table());
    assert!(report.all.mrr >= 0.90, "{}", report.table());
    for (t, s) in &report.by_type {
        let floor = if t == "typo" { 0.80 } else { 0.90 };
        assert!(s.recall_at_3 >= floor, "{t}: {}", report.table());
    }
}
