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

impl Scores {
    fn add(&mut self, [r1, r3, r5, rr]: [f64; 4]) {
        self.queries += 1;
        self.recall_at_1 += r1;
        self.recall_at_3 += r3;
        self.recall_at_5 += r5;
        self.mrr += rr;
    }

    fn mean(&mut self) {
        let n = self.queries.max(1) as f64;
        self.recall_at_1 /= n;
        self.recall_at_3 /= n;
        self.recall_at_5 /= n;
        self.mrr /= n;
    }
}

/// Recall@1/3/5 over min(k, relevant) — a query with two relevant documents is answered at 1
/// by either, at 3 only by both — and the reciprocal rank of the first relevant one.
fn ranked(ids: &[&str], relevant: &[String]) -> [f64; 4] {
    let recall = |k: usize| {
        let found = relevant.iter().filter(|r| ids.iter().take(k).any(|i| i == r)).count();
        found as f64 / k.min(relevant.len()) as f64
    };
    let rr = ids.iter().position(|i| relevant.iter().any(|r| r == i)).map(|p| 1.0 / (p as f64 + 1.0)).unwrap_or(0.0);
    [recall(1), recall(3), recall(5), rr]
}

/// The table of scores: a header, one row per label, the misses.
fn table(title: String, first: &str, width: usize, rows: &[(String, &Scores)], misses: &[String]) -> String {
    let mut s = title;
    s.push_str(&format!(
        "{first:<width$} {:>7} {:>9} {:>9} {:>9} {:>7}\n",
        "queries", "recall@1", "recall@3", "recall@5", "MRR"
    ));
    for (l, x) in rows {
        s.push_str(&format!(
            "{l:<width$} {:>7} {:>9.3} {:>9.3} {:>9.3} {:>7.3}\n",
            x.queries, x.recall_at_1, x.recall_at_3, x.recall_at_5, x.mrr
        ));
    }
    for m in misses {
        s.push_str(&format!("miss@3: {m}\n"));
    }
    s
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
        let mut rows: Vec<(String, &Scores)> = self.by_language.iter().map(|(l, x)| (l.clone(), x)).collect();
        rows.push(("all".into(), &self.all));
        table(format!("{} documents, embedder {}\n", self.documents, self.model), "lang", 6, &rows, &self.misses)
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
    let db = Scratch::open("eval").await?;
    let rag = Rag::new(db.store.clone(), embedder.clone());
    let out = score(&rag, set).await;
    db.close().await;
    let (by_language, all, misses) = out?;
    Ok(Report { model: embedder.model().to_string(), documents: set.backtests.len(), by_language, all, misses })
}

/// A throw-away SQLite database for one evaluation run, removed when closed.
struct Scratch {
    store: quantai_store::Store,
    path: std::path::PathBuf,
}

impl Scratch {
    async fn open(name: &str) -> Result<Self, RagError> {
        let path = std::env::temp_dir().join(format!(
            "quantai-rag-{name}-{}-{}.db",
            std::process::id(),
            time::OffsetDateTime::now_utc().unix_timestamp_nanos()
        ));
        let store = quantai_store::Store::connect(&format!("sqlite://{}", path.display()), 2).await?;
        store.migrate().await?;
        Ok(Self { store, path })
    }

    async fn close(self) {
        self.store.close().await;
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.path.display()));
        }
    }
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
        let r = ranked(&ids, &q.relevant);
        if r[1] < 1.0 {
            misses.push(format!("[{}] {} → {:?} (want {:?})", q.user, q.query, &ids[..ids.len().min(3)], q.relevant));
        }
        sums.entry(q.lang.clone()).or_default().add(r);
        all.add(r);
    }
    sums.values_mut().chain(std::iter::once(&mut all)).for_each(Scores::mean);
    Ok((sums, all, misses))
}

/// A labelled set in JSON lines, as people and other tools write: `documents.jsonl`
/// (`{id, user_id, collection, text, metadata}`) and `queries.jsonl` (`{id, user_id, query,
/// relevant, type}`; `relevant: []` for a question nothing answers).
#[derive(Clone, Debug, Default)]
pub struct DomainSet {
    pub documents: Vec<DomainDoc>,
    pub queries: Vec<DomainQuery>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct DomainDoc {
    pub id: String,
    pub user_id: String,
    pub collection: String,
    pub text: String,
    #[serde(default)]
    pub metadata: serde_json::Value,
}

#[derive(Clone, Debug, Deserialize)]
pub struct DomainQuery {
    pub id: String,
    pub user_id: String,
    pub query: String,
    pub relevant: Vec<String>,
    #[serde(rename = "type")]
    pub kind: String,
}

/// The held-out part of the shipped domain set (`eval/domain/heldout`).
pub const HELDOUT_DOCUMENTS: &str = include_str!("../eval/domain/heldout/documents.jsonl");
pub const HELDOUT_QUERIES: &str = include_str!("../eval/domain/heldout/queries.jsonl");
/// The development part (`eval/domain/dev`), on which fusion weights were chosen.
pub const DEV_DOCUMENTS: &str = include_str!("../eval/domain/dev/documents.jsonl");
pub const DEV_QUERIES: &str = include_str!("../eval/domain/dev/queries.jsonl");
/// Typo queries over the held-out documents (`eval/domain/typo_heldout`), written later and
/// independently, before the typo handling was tuned on `typo_dev` (loaded as a directory).
pub const TYPO_HELDOUT_QUERIES: &str = include_str!("../eval/domain/typo_heldout/queries.jsonl");

fn lines<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<Vec<T>, RagError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| serde_json::from_str(l).map_err(|e| RagError::Invalid(format!("{name} line {}: {e}", i + 1))))
        .collect()
}

impl DomainSet {
    /// Parses the two files' contents; every label must name a document of the query's user.
    pub fn parse(documents: &str, queries: &str) -> Result<Self, RagError> {
        let set = Self { documents: lines("documents.jsonl", documents)?, queries: lines("queries.jsonl", queries)? };
        let owner: BTreeMap<&str, &str> = set.documents.iter().map(|d| (d.id.as_str(), d.user_id.as_str())).collect();
        for q in &set.queries {
            for r in &q.relevant {
                if owner.get(r.as_str()) != Some(&q.user_id.as_str()) {
                    return Err(RagError::Invalid(format!(
                        "query {}: relevant {r:?} is not a document of {}",
                        q.id, q.user_id
                    )));
                }
            }
        }
        Ok(set)
    }

    /// Reads `DIR/documents.jsonl` and `DIR/queries.jsonl`.
    pub fn load(dir: &std::path::Path) -> Result<Self, RagError> {
        let read = |f: &str| {
            std::fs::read_to_string(dir.join(f))
                .map_err(|e| RagError::Invalid(format!("{}: {e}", dir.join(f).display())))
        };
        Self::parse(&read("documents.jsonl")?, &read("queries.jsonl")?)
    }

    /// The shipped held-out part.
    pub fn heldout() -> Result<Self, RagError> {
        Self::parse(HELDOUT_DOCUMENTS, HELDOUT_QUERIES)
    }

    /// The shipped development part.
    pub fn dev() -> Result<Self, RagError> {
        Self::parse(DEV_DOCUMENTS, DEV_QUERIES)
    }

    /// The typo queries over the held-out documents.
    pub fn typo_heldout() -> Result<Self, RagError> {
        Self::parse(HELDOUT_DOCUMENTS, TYPO_HELDOUT_QUERIES)
    }
}

/// Scores per query type and per language, and the latency of the searches.
#[derive(Clone, Debug, Serialize)]
pub struct DomainReport {
    pub model: String,
    pub documents: usize,
    pub by_type: BTreeMap<String, Scores>,
    pub by_language: BTreeMap<String, Scores>,
    pub all: Scores,
    pub misses: Vec<String>,
    pub search_p50_us: u64,
    pub search_p99_us: u64,
}

impl DomainReport {
    pub fn table(&self) -> String {
        let mut rows: Vec<(String, &Scores)> = self.by_type.iter().map(|(l, x)| (l.clone(), x)).collect();
        rows.extend(self.by_language.iter().map(|(l, x)| (format!("lang {l}"), x)));
        rows.push(("all".into(), &self.all));
        let title = format!(
            "{} documents, embedder {}; search latency p50 {} µs, p99 {} µs\n",
            self.documents, self.model, self.search_p50_us, self.search_p99_us
        );
        table(title, "", 14, &rows, &self.misses)
    }
}

/// `ko` (Hangul only among letters), `en` (no Hangul) or `mixed`.
pub fn language(text: &str) -> &'static str {
    let share = crate::text::hangul_share(text);
    let latin = text.chars().any(|c| c.is_ascii_alphabetic());
    if share == 0.0 {
        "en"
    } else if !latin {
        "ko"
    } else {
        "mixed"
    }
}

/// Loads the set through [`Rag::upsert`] (the API's path) into a scratch SQLite database with
/// `embedder` and `lexicon`, and scores every query searching all of the user's collections
/// (k = 5). A query with no relevant document scores 1 when nothing is returned, else 0.
pub async fn run_domain(
    embedder: Arc<dyn Embedder>,
    lexicon: Arc<quantai_lang::Lexicon>,
    set: &DomainSet,
) -> Result<DomainReport, RagError> {
    let db = Scratch::open("domain").await?;
    let rag = Rag::new(db.store.clone(), embedder.clone());
    rag.set_lexicon(lexicon);
    let out = score_domain(&rag, set).await;
    db.close().await;
    let mut report = out?;
    report.model = embedder.model().to_string();
    Ok(report)
}

async fn score_domain(rag: &Rag, set: &DomainSet) -> Result<DomainReport, RagError> {
    let mut parts: BTreeMap<(&str, &str), Vec<crate::Document>> = BTreeMap::new();
    for d in &set.documents {
        parts.entry((d.collection.as_str(), d.user_id.as_str())).or_default().push(crate::Document {
            id: d.id.clone(),
            text: d.text.clone(),
            metadata: d.metadata.clone(),
            created_ms: Some(0),
        });
    }
    let mut collections: Vec<String> = Vec::new();
    for ((c, u), docs) in &parts {
        if !collections.iter().any(|x| x == c) {
            collections.push(c.to_string());
        }
        for chunk in docs.chunks(64) {
            rag.upsert(c, u, chunk.to_vec()).await?;
        }
    }
    let (mut by_type, mut by_language): (BTreeMap<String, Scores>, BTreeMap<String, Scores>) = Default::default();
    let mut all = Scores::default();
    let mut misses = Vec::new();
    let mut took = Vec::with_capacity(set.queries.len());
    // One search each first, so partitions are loaded and embeddings cached before timing.
    for q in &set.queries {
        let req = SearchRequest {
            query: q.query.clone(),
            k: 5,
            filter: serde_json::Value::Null,
            threshold: None,
            mode: Mode::Hybrid,
        };
        rag.search(&q.user_id, &collections, &req).await?;
    }
    for q in &set.queries {
        let req = SearchRequest {
            query: q.query.clone(),
            k: 5,
            filter: serde_json::Value::Null,
            threshold: None,
            mode: Mode::Hybrid,
        };
        let started = std::time::Instant::now();
        let hits = rag.search(&q.user_id, &collections, &req).await?;
        took.push(started.elapsed().as_micros() as u64);
        let ids: Vec<&str> = hits.iter().map(|h| h.id.as_str()).collect();
        let r =
            if q.relevant.is_empty() { [if ids.is_empty() { 1.0 } else { 0.0 }; 4] } else { ranked(&ids, &q.relevant) };
        if r[1] < 1.0 {
            misses.push(format!(
                "[{} {}] {} → {:?} (want {:?})",
                q.id,
                q.kind,
                q.query,
                &ids[..ids.len().min(3)],
                q.relevant
            ));
        }
        by_type.entry(q.kind.clone()).or_default().add(r);
        by_language.entry(language(&q.query).to_string()).or_default().add(r);
        all.add(r);
    }
    by_type.values_mut().chain(by_language.values_mut()).chain(std::iter::once(&mut all)).for_each(Scores::mean);
    took.sort_unstable();
    let pct = |p: f64| took.get(((took.len() as f64 - 1.0) * p).round() as usize).copied().unwrap_or(0);
    Ok(DomainReport {
        model: String::new(),
        documents: set.documents.len(),
        by_type,
        by_language,
        all,
        misses,
        search_p50_us: pct(0.5),
        search_p99_us: pct(0.99),
    })
}
