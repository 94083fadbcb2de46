//! Indexing glue: every finished backtest into its owner's `user_backtests` as the engine
//! announces it ([`spawn_indexer`]), and whatever is not indexed yet, backtests and saved
//! strategies alike ([`backfill`]). The server and the CLI both call these.

use std::sync::Arc;

use quantai_store::Store;

use crate::backtest_doc::{self, BacktestSummary};
use crate::service::Rag;
use crate::{strategy_doc, RagError};

/// The document of a finished backtest.
pub fn backtest_document(done: &quantai_quant::service::BacktestDone, created_ms: i64) -> crate::Document {
    let (from, to) = (quantai_quant::date::iso(done.from), quantai_quant::date::iso(done.to));
    backtest_doc::document(&BacktestSummary {
        id: &done.id,
        symbol: &done.symbol,
        market: done.market,
        spec: &done.spec,
        from: &from,
        to: &to,
        kpis: &done.kpis,
        created_ms,
    })
}

/// Indexes every finished backtest into its owner's `user_backtests` as it is broadcast. A
/// burst the channel could not hold is logged; `quantai rag backfill` indexes what was missed.
pub fn spawn_indexer(rag: Arc<Rag>, engine: &quantai_quant::service::Engine) -> tokio::task::JoinHandle<()> {
    let mut rx = engine.subscribe();
    tokio::spawn(async move {
        loop {
            match rx.recv().await {
                Ok(done) => {
                    let now = (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64;
                    let doc = backtest_document(&done, now);
                    if let Err(e) = rag.upsert(backtest_doc::COLLECTION, &done.user_id, vec![doc]).await {
                        tracing::error!(error = %e, backtest = %done.id, "backtest not indexed for RAG");
                    }
                }
                Err(tokio::sync::broadcast::error::RecvError::Lagged(n)) => {
                    tracing::warn!(missed = n, "RAG indexer fell behind; run `quantai rag backfill`");
                }
                Err(tokio::sync::broadcast::error::RecvError::Closed) => return,
            }
        }
    })
}

/// Indexes every stored backtest and saved strategy that is not indexed yet (or all with
/// `all`); how many.
pub async fn backfill(rag: &Rag, store: &Store, all: bool) -> Result<usize, RagError> {
    let mut rows = Vec::new();
    loop {
        let after = rows.last().map(|r: &quantai_store::backtests::BacktestRow| (r.created_ms, r.id.clone()));
        let page = store.backtests_after(after.as_ref().map(|(ms, id)| (*ms, id.as_str())), 1_000).await?;
        let done = page.len() < 1_000;
        rows.extend(page);
        if done {
            break;
        }
    }
    let mut n =
        index_missing(rag, backtest_doc::COLLECTION, &rows, |r| (&r.user_id, &r.id), backtest_doc::from_row, all)
            .await?;
    let strategies = store.strategies(None).await?;
    n +=
        index_missing(rag, strategy_doc::COLLECTION, &strategies, |r| (&r.user_id, &r.id), strategy_doc::document, all)
            .await?;
    Ok(n)
}

/// Indexes into `collection` each item whose (user, id) `key` is not there yet (every item with
/// `all`), as the document `doc` makes of it, 64 per transaction; how many. An item that makes
/// no document is skipped with a warning.
async fn index_missing<T>(
    rag: &Rag,
    collection: &str,
    items: &[T],
    key: impl Fn(&T) -> (&String, &String),
    doc: impl Fn(&T) -> Result<crate::Document, RagError>,
    all: bool,
) -> Result<usize, RagError> {
    let have: std::collections::HashSet<(String, String)> =
        if all { Default::default() } else { rag.keys(collection).await?.into_iter().collect() };
    let mut by_user: std::collections::BTreeMap<String, Vec<crate::Document>> = Default::default();
    for item in items {
        let (user, id) = key(item);
        if have.contains(&(user.clone(), id.clone())) {
            continue;
        }
        match doc(item) {
            Ok(d) => by_user.entry(user.clone()).or_default().push(d),
            Err(e) => tracing::warn!(error = %e, collection, "item skipped"),
        }
    }
    let mut n = 0;
    for (user, docs) in by_user {
        for chunk in docs.chunks(64) {
            n += rag.upsert(collection, &user, chunk.to_vec()).await?;
        }
    }
    Ok(n)
}
