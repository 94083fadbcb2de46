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

/// `set` scored with MiniLM and the shipped lexicon, the table printed; `None` (skipped) when
/// `QUANTAI_TEST_MINILM_DIR` is not set.
async fn with_minilm(set: &DomainSet) -> Option<quantai_rag::eval::DomainReport> {
    let Ok(dir) = std::env::var("QUANTAI_TEST_MINILM_DIR") else {
        eprintln!("QUANTAI_TEST_MINILM_DIR not set: skipped");
        return None;
    };
    let model = quantai_rag::minilm::MiniLm::load(std::path::Path::new(&dir)).unwrap();
    let report = run_domain(Arc::new(LocalEmbedder::new(model)), quantai_lang::Lexicon::shared(), set).await.unwrap();
    eprintln!("{}", report.table());
    Some(report)
}

/// Issue 14's targets on the held-out part with all-MiniLM-L6-v2: recall@3 ≥ 0.95 and MRR ≥
/// 0.90 overall, and ≥ 0.90 recall@3 in every query type. (Typos measured 0.82 before typos
/// were measured in keys, 0.90 after; this part's misses had been seen by then, so the fresh
/// typo part below is the honest figure.)
#[tokio::test]
async fn heldout_targets_with_minilm() {
    let Some(report) = with_minilm(&DomainSet::heldout().unwrap()).await else { return };
    assert!(report.all.recall_at_3 >= 0.95, "{}", report.table());
    assert!(report.all.mrr >= 0.90, "{}", report.table());
    for (t, s) in &report.by_type {
        assert!(s.recall_at_3 >= 0.90, "{t}: {}", report.table());
    }
}

/// The typo part written after the first round (misspelt names, tickers, strategy and KPI
/// words, spacing, 한/영 keyboard slips), its held-out half scored once after the typo handling
/// was tuned on the other: recall@3 0.889 / MRR 0.944, then 0.903 / 0.957 after the keyword
/// query dropped gated entities' tokens (chosen on the development part). Held near that level;
/// KPI, strategy and 한/영 typos stay under 0.90 on it.
#[tokio::test]
async fn typo_heldout_with_minilm() {
    let set = DomainSet::typo_heldout().unwrap();
    assert_eq!(set.queries.len(), 48);
    assert!(set.queries.iter().all(|q| !q.relevant.is_empty() && q.kind.starts_with("typo_")));
    let Some(report) = with_minilm(&set).await else { return };
    assert!(report.all.recall_at_3 >= 0.88, "{}", report.table());
    assert!(report.all.mrr >= 0.93, "{}", report.table());
    assert!(report.by_type["typo_name"].recall_at_3 >= 0.95, "{}", report.table());
}
