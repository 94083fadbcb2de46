//! Scores a labelled set in JSON lines (documents.jsonl, queries.jsonl) with MiniLM (when
//! `QUANTAI_TEST_MINILM_DIR` names it) or the hashing embedder, and prints the table: the tool
//! used while tuning on the development part.
//!
//!   cargo run --release -p quantai-rag --example domain_eval -- crates/quantai-rag/eval/domain/dev
//!
//! With `QUANTAI_EVAL_NO_LEXICON=1` the search runs without the domain language (an empty
//! lexicon): retrieval as it was before issue 14, on the same set.
#![allow(clippy::unwrap_used, clippy::print_stdout)]

use std::sync::Arc;

use quantai_rag::embed::{Embedder, HashEmbedder, LocalEmbedder};
use quantai_rag::eval::{run_domain, DomainSet};

#[tokio::main]
async fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "crates/quantai-rag/eval/domain/dev".into());
    let set = DomainSet::load(std::path::Path::new(&dir)).unwrap();
    let embedder: Arc<dyn Embedder> = match std::env::var("QUANTAI_TEST_MINILM_DIR") {
        Ok(m) => Arc::new(LocalEmbedder::new(quantai_rag::minilm::MiniLm::load(std::path::Path::new(&m)).unwrap())),
        Err(_) => Arc::new(HashEmbedder { dims: 384 }),
    };
    let lx = if std::env::var("QUANTAI_EVAL_NO_LEXICON").is_ok_and(|v| v == "1") {
        Arc::new(quantai_lang::Lexicon::empty())
    } else {
        quantai_lang::Lexicon::shared()
    };
    let report = run_domain(embedder, lx, &set).await.unwrap();
    print!("{}", report.table());
}
