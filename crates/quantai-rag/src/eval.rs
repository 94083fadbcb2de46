//! Retrieval quality on a labelled set: backtests of several users (rendered into documents by
//! the indexer's own formatter) and queries in Korean and English labelled with the backtests
//! they ask for. Reports recall@1/3/5 (over min(k, relevant)) and MRR per language, searching as
//! each query's user.

use std::collections::BTreeMap;
use std::sync::Arc;

use quantai_quant::kpi::Kpis;
use quantai_quant::strategy::{Kind, StrategySpec};
use serde::{Deserialize, Serialize};

use crate::backtest_doc::{self, BacktestSummary};
use crate::embed::Embedder;
use crate::service::{Mode, Rag, SearchRequest};
use crate::RagError;

/// The set shipped in the repository (`eval/labelled_set.json`, made by `eval/make_set.py`).
pub const SHIPPED: &str = include_str!("../eval/labelled_set.json");

#[derive(Clone, Debug, Deserialize)]
pub struct LabelledSet {
    pub backtests: Vec<LabelledBacktest>,
    pub queries: Vec<LabelledQuery>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct LabelledBacktest {
    pub user: String,
    pub id: String,
    pub symbol: String,
    pub market: String,
    pub kind: Kind,
    #[serde(default)]
    pub params: BTreeMap<String, f64>,
    pub from: String,
    pub to: String,
    pub total_return: f64,
    pub sharpe: f64,
    pub max_drawdown: f64,
    pub n_trades: usize,
    pub win_rate: f64,
}

#[derive(Clone, Debug, Deserialize)]
pub struct LabelledQuery {
    pub user: String,
    pub lang: String,
    pub query: String,
    pub relevant: Vec<String>,
}

/// Scores of one language.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Scores {
    pub queries: usize,
    pub recall_at_1: f64,
    pub recall_at_3: f64,
    pub recall_at_5: f64,
    pub mrr: f64,
}

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub model: String,
    pub documents: usize,
    pub by_language: BTreeMap<String, Scores>,
    pub all: Scores,
    /// Queries whose relevant documents were not all in the top 3.
    pub misses: Vec<String>,
}

impl Report {
    pub fn table(&self) -> String {
        let mut s = format!("{} documents, embedder {}\n", self.documents, self.model);
        s.push_str(&format!(
            "{:<6} {:>7} {:>9} {:>9} {:>9} {:>7}\n",
            "lang", "queries", "recall@1", "recall@3", "recall@5", "MRR"
        ));
        let row = |l: &str, x: &Scores| {
            format!(
                "{l:<6} {:>7} {:>9.3} {:>9.3} {:>9.3} {:>7.3}\n",
                x.queries, x.recall_at_1, x.recall_at_3, x.recall_at_5, x.mrr
            )
        };
        for (l, x) in &self.by_language {
            s.push_str(&row(l, x));
        }
        s.push_str(&row("all", &self.all));
        for m in &self.misses {
            s.push_str(&format!("miss@3: {m}\n"));
        }
        s
    }
}

fn document(b: &LabelledBacktest) -> Result<crate::Document, RagError> {
    let spec = StrategySpec { params: b.params.clone(), ..StrategySpec::new(b.kind) };
    let kpis = Kpis {
        total_return: b.total_return,
        sharpe: b.sharpe,
        max_drawdown: b.max_drawdown,
        n_trades: b.n_trades,
        win_rate: b.win_rate,
        ..Kpis::default()
    };
    let market = b.market.parse().map_err(RagError::Invalid)?;
    Ok(backtest_doc::document(&BacktestSummary {
        id: &b.id,
        symbol: &b.symbol,
        market,
        spec: &spec,
        from: &b.from,
        to: &b.to,
        kpis: &kpis,
        created_ms: 0,
    }))
}

/// Indexes the set into a scratch SQLite database with `embedder` and scores every query.
pub async fn run(embedder: Arc<dyn Embedder>, set: &LabelledSet) -> Result<Report, RagError> {
    let path = std::env::temp_dir().join(format!(
        "quantai-rag-eval-{}-{}.db",
        std::process::id(),
        time::OffsetDateTime::now_utc().unix_timestamp_nanos()
    ));
    let url = format!("sqlite://{}", path.display());
    let store = quantai_store::Store::connect(&url, 2).await?;
    store.migrate().await?;
    let rag = Rag::new(store.clone(), embedder.clone());
    let out = score(&rag, set).await;
    store.close().await;
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let (by_language, all, misses) = out?;
    Ok(Report { model: embedder.model().to_string(), documents: set.backtests.len(), by_language, all, misses })
}

type Scored = (BTreeMap<String, Scores>, Scores, Vec<String>);

async fn score(rag: &Rag, set: &LabelledSet) -> Result<Scored, RagError> {
    let mut by_user: BTreeMap<&str, Vec<crate::Document>> = BTreeMap::new();
    for b in &set.backtests {
        by_user.entry(b.user.as_str()).or_default().push(document(b)?);
    }
    for (user, docs) in by_user {
        for chunk in docs.chunks(64) {
            rag.upsert(backtest_doc::COLLECTION, user, chunk.to_vec()).await?;
        }
    }
    let mut sums: BTreeMap<String, Scores> = BTreeMap::new();
    let mut all = Scores::default();
    let mut misses = Vec::new();
    let cols = vec![backtest_doc::COLLECTION.to_string()];
    for q in &set.queries {
        if q.relevant.is_empty() {
            return Err(RagError::Invalid(format!("query {:?} has no relevant document", q.query)));
        }
        let req = SearchRequest {
            query: q.query.clone(),
            k: 5,
            filter: serde_json::Value::Null,
            threshold: None,
            mode: Mode::Hybrid,
        };
        let hits = rag.search(&q.user, &cols, &req).await?;
        let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        // Recall@k over min(k, relevant): a query with two relevant documents is answered at 1
        // by either, at 3 only by both.
        let recall = |k: usize| {
            let found = q.relevant.iter().filter(|r| ids.iter().take(k).any(|i| i == r)).count();
            found as f64 / k.min(q.relevant.len()) as f64
        };
        let rr =
            ids.iter().position(|i| q.relevant.iter().any(|r| r == i)).map(|p| 1.0 / (p as f64 + 1.0)).unwrap_or(0.0);
        let (r1, r3, r5) = (recall(1), recall(3), recall(5));
        if r3 < 1.0 {
            misses.push(format!("[{}] {} → {:?} (want {:?})", q.user, q.query, &ids[..ids.len().min(3)], q.relevant));
        }
        for s in [sums.entry(q.lang.clone()).or_default(), &mut all] {
            s.queries += 1;
            s.recall_at_1 += r1;
            s.recall_at_3 += r3;
            s.recall_at_5 += r5;
            s.mrr += rr;
        }
    }
    for s in sums.values_mut().chain(std::iter::once(&mut all)) {
        let n = s.queries.max(1) as f64;
        s.recall_at_1 /= n;
        s.recall_at_3 /= n;
        s.recall_at_5 /= n;
        s.mrr /= n;
    }
    Ok((sums, all, misses))
}
