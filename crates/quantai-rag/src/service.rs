//! The RAG service: documents persisted in the database (one transaction per batch) and held
//! in memory per (collection, user) partition for search; embeddings cached by (model, text
//! hash); hybrid search fusing exact vector and BM25 rankings (reciprocal rank fusion); prompts
//! with numbered, cited contexts within a token budget; retention, backup and restore.
//!
//! Isolation: every operation takes the caller's user id and only ever opens that user's
//! partition; no query can name another user's documents.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use base64::Engine as _;
use quantai_store::rag::{RagCollectionStats, RagDocRow};
use quantai_store::Store;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};
use tokio::sync::{OnceCell, RwLock};

use quantai_lang::{Lexicon, Recognition};

use crate::embed::Embedder;
use crate::filter::Filter;
use crate::index::{Entry, Partition};
use crate::store::{DocStore, Embedded, VectorQuery};
use crate::{Document, RagError};

/// Reciprocal rank fusion's constant.
const RRF_K: f64 = 60.0;
/// Longest document text accepted, in bytes.
pub const MAX_TEXT: usize = 64 * 1024;
/// Longest document text in characters (so at most [`MAX_TEXT`] bytes of UTF-8).
pub const MAX_TEXT_CHARS: usize = MAX_TEXT / 4;

type Key = (String, String);

/// A candidate's fused score, cosine and BM25 score.
type Scores = (f64, Option<f32>, Option<f32>);

struct Cell {
    part: OnceCell<RwLock<Partition>>,
}

/// How a search ranks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// Vector and keyword rankings fused (reciprocal rank fusion).
    #[default]
    Hybrid,
    Vector,
    Keyword,
}

/// A search over one user's documents.
#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchRequest {
    #[schema(pattern = "\\S")]
    pub query: String,
    #[serde(default = "default_k")]
    #[schema(minimum = 1, maximum = 100)]
    pub k: usize,
    /// Metadata conditions: `{"sharpe": {"gte": 1}}`, `{"symbol": ["AAPL", "MSFT"]}`.
    #[serde(default)]
    #[schema(value_type = Option<crate::filter::MetadataFilter>)]
    pub filter: Value,
    /// Vector candidates below this cosine are dropped (keyword matches still count).
    #[serde(default)]
    #[schema(minimum = -1.0, maximum = 1.0)]
    pub threshold: Option<f32>,
    #[serde(default)]
    pub mode: Mode,
}

fn default_k() -> usize {
    5
}

/// One result.
#[derive(Clone, Debug, Serialize, PartialEq, utoipa::ToSchema)]
pub struct Hit {
    pub collection: String,
    pub id: String,
    pub text: String,
    #[schema(value_type = Object)]
    pub metadata: Value,
    pub created_ms: i64,
    /// The fused score (RRF in hybrid mode, else the ranking's own score).
    pub score: f64,
    /// Cosine similarity to the query.
    pub similarity: Option<f32>,
    /// BM25 score, when the keywords matched.
    pub keyword_score: Option<f32>,
}

/// The RAG service.
pub struct Rag {
    /// quantai's database: the embedding cache.
    store: Store,
    /// The documents and their vectors.
    docs: Arc<dyn DocStore>,
    embedder: Arc<dyn Embedder>,
    parts: Mutex<HashMap<Key, Arc<Cell>>>,
    /// Partitions of at least this many documents get an approximate graph (0: never).
    ann_min: std::sync::atomic::AtomicUsize,
    /// The domain language: document facts and query understanding (`None`: the shipped
    /// lexicon, built on first use).
    lexicon: std::sync::RwLock<Option<Arc<Lexicon>>>,
}

/// Partitions of at least this many documents search approximately unless configured otherwise.
pub const ANN_MIN_DOCUMENTS: usize = 50_000;

fn check_name(what: &str, v: &str, max: usize) -> Result<(), RagError> {
    if v.is_empty() || v.len() > max {
        return Err(RagError::Invalid(format!("{what} must be 1 to {max} bytes, got {}", v.len())));
    }
    Ok(())
}

/// Collection names: lower-case letters, digits, `_` and `-`, at most 64.
pub fn check_collection(c: &str) -> Result<(), RagError> {
    check_name("collection", c, 64)?;
    if !c.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-') {
        return Err(RagError::Invalid(format!("collection {c:?}: use lower-case letters, digits, '_' and '-'")));
    }
    Ok(())
}

pub(crate) fn encode(v: &[f32]) -> String {
    let bytes: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

pub(crate) fn decode(s: &str, dims: usize) -> Option<Vec<f32>> {
    let b = base64::engine::general_purpose::STANDARD.decode(s).ok()?;
    if b.len() != dims * 4 {
        return None;
    }
    Some(b.chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
}

/// The embedding cache's key for a text (with the model's name).
pub fn cache_key(t: &str) -> String {
    hex::encode(Sha256::digest(t.as_bytes()))
}

fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

impl Rag {
    /// RAG on the embedded store (documents in `store`, vectors searched in memory).
    pub fn new(store: Store, embedder: Arc<dyn Embedder>) -> Self {
        let docs = Arc::new(Embedded(store.clone()));
        Self::with_docs(store, docs, embedder)
    }

    /// RAG on another document store (e.g. pgvector); `store` keeps the embedding cache.
    pub fn with_docs(store: Store, docs: Arc<dyn DocStore>, embedder: Arc<dyn Embedder>) -> Self {
        Self {
            store,
            docs,
            embedder,
            parts: Mutex::new(HashMap::new()),
            ann_min: std::sync::atomic::AtomicUsize::new(ANN_MIN_DOCUMENTS),
            lexicon: std::sync::RwLock::new(None),
        }
    }

    /// Uses `lexicon` (the shipped one and the user's files and symbols) from now on; the
    /// partitions in memory are rebuilt with it on next use.
    pub fn set_lexicon(&self, lexicon: Arc<Lexicon>) {
        *self.lexicon.write().unwrap_or_else(|p| p.into_inner()) = Some(lexicon);
        self.rebuild();
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> Arc<Lexicon> {
        self.lexicon.read().unwrap_or_else(|p| p.into_inner()).clone().unwrap_or_else(Lexicon::shared)
    }

    /// Partitions of at least `n` documents get an approximate graph, built in the background
    /// after a search finds them without one (0: always exact).
    pub fn set_ann_min_documents(&self, n: usize) {
        self.ann_min.store(n, std::sync::atomic::Ordering::Relaxed);
    }

    /// Whether unfiltered vector searches of `user` in `collection` are approximate now.
    pub async fn approximate(&self, collection: &str, user: &str) -> Result<bool, RagError> {
        let cell = self.partition(collection, user).await?;
        Ok(match cell.part.get() {
            Some(lock) => lock.read().await.approximate(),
            None => false,
        })
    }

    /// Builds the approximate graph of a partition in the background if it still needs one.
    fn maybe_build_ann(cell: Arc<Cell>, min: usize) {
        tokio::spawn(async move {
            let Some(lock) = cell.part.get() else { return };
            let snap = {
                let p = lock.read().await;
                if !p.needs_ann(min) || !p.start_build() {
                    return;
                }
                p.snapshot()
            };
            let n = snap.slots.len();
            let started = std::time::Instant::now();
            let built = tokio::task::spawn_blocking(move || crate::ann::Ann::build(snap)).await;
            let mut p = lock.write().await;
            match built {
                Ok(ann) => {
                    p.install(ann);
                    tracing::info!(documents = n, ms = started.elapsed().as_millis() as u64, "approximate index built");
                }
                Err(e) => {
                    p.build_failed();
                    tracing::error!(error = %e, "building the approximate index failed");
                }
            }
        });
    }

    /// The document store.
    pub fn docs(&self) -> &Arc<dyn DocStore> {
        &self.docs
    }

    /// The (user, id) keys of a collection's documents.
    pub async fn keys(&self, collection: &str) -> Result<Vec<(String, String)>, RagError> {
        self.docs.keys(collection).await
    }

    pub fn embedder(&self) -> &Arc<dyn Embedder> {
        &self.embedder
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    fn cell(&self, collection: &str, user: &str) -> Arc<Cell> {
        let mut map = self.parts.lock().unwrap_or_else(|p| p.into_inner());
        map.entry((collection.to_string(), user.to_string()))
            .or_insert_with(|| Arc::new(Cell { part: OnceCell::new() }))
            .clone()
    }

    /// The partition of `user` in `collection`, loaded from the database on first use.
    async fn partition(&self, collection: &str, user: &str) -> Result<Arc<Cell>, RagError> {
        let cell = self.cell(collection, user);
        let dims = self.embedder.dims();
        // A store that searches vectors itself leaves only text and keywords to memory.
        let held = if self.docs.searches_vectors() { 0 } else { dims };
        cell.part
            .get_or_try_init(|| async {
                let model = self.embedder.model();
                let lx = self.lexicon();
                let rows = self.docs.partition(collection, user).await?;
                let mut p = Partition::new(held);
                let mut stale = 0usize;
                for r in rows {
                    // Vectors are decoded only where memory holds them.
                    let v = if r.model != model {
                        None
                    } else if held == 0 {
                        Some(Vec::new())
                    } else {
                        decode(&r.embedding, dims)
                    };
                    match v {
                        Some(v) => p.upsert(entry_of(&r, &lx)?, &v),
                        // Still found by its keywords; no vector similarity until re-embedded.
                        None => {
                            stale += 1;
                            p.upsert(entry_of(&r, &lx)?, &vec![0.0; held]);
                        }
                    }
                }
                if stale > 0 {
                    tracing::warn!(collection, stale, model = %model, "documents embedded by another model are found by keywords only: run `quantai rag rebuild --reembed`");
                }
                Ok::<_, RagError>(RwLock::new(p))
            })
            .await?;
        Ok(cell)
    }

    /// Embeddings of `texts`, from the cache where it has them; the rest are embedded once and
    /// cached.
    pub async fn embed_cached(&self, texts: &[String], user: &str) -> Result<Vec<Vec<f32>>, RagError> {
        self.embed_through_cache(texts, user, false).await
    }

    /// [`Rag::embed_cached`]; with `write_behind`, new vectors are stored in the cache after the
    /// call returns (a search does not wait for a database write it does not need).
    async fn embed_through_cache(
        &self,
        texts: &[String],
        user: &str,
        write_behind: bool,
    ) -> Result<Vec<Vec<f32>>, RagError> {
        let model = self.embedder.model().to_string();
        let dims = self.embedder.dims();
        let hashes: Vec<String> = texts.iter().map(|t| cache_key(t)).collect();
        let mut uniq = hashes.clone();
        uniq.sort();
        uniq.dedup();
        let cached: HashMap<String, Vec<f32>> = self
            .store
            .rag_cached_embeddings(&model, &uniq)
            .await?
            .into_iter()
            .filter_map(|(h, v)| decode(&v, dims).map(|v| (h, v)))
            .collect();
        let mut missing: Vec<(String, String)> = Vec::new();
        let mut queued = std::collections::HashSet::new();
        for (t, h) in texts.iter().zip(&hashes) {
            if !cached.contains_key(h) && queued.insert(h) {
                missing.push((h.clone(), t.clone()));
            }
        }
        let mut fresh: HashMap<String, Vec<f32>> = HashMap::new();
        if !missing.is_empty() {
            let to_embed: Vec<String> = missing.iter().map(|(_, t)| t.clone()).collect();
            let vecs = self.embedder.embed(&to_embed, user).await?;
            if vecs.len() != to_embed.len() || vecs.iter().any(|v| v.len() != dims) {
                return Err(RagError::Embed(format!(
                    "{model} returned {} vectors for {} texts (expected {dims} values each)",
                    vecs.len(),
                    to_embed.len()
                )));
            }
            let rows: Vec<(String, String)> =
                missing.iter().zip(&vecs).map(|((h, _), v)| (h.clone(), encode(v))).collect();
            if write_behind {
                let store = self.store.clone();
                let model = model.clone();
                tokio::spawn(async move {
                    if let Err(e) = store.rag_cache_embeddings(&model, &rows, now_ms()).await {
                        tracing::warn!(error = %e, "storing a query embedding in the cache failed");
                    }
                });
            } else {
                self.store.rag_cache_embeddings(&model, &rows, now_ms()).await?;
            }
            fresh = missing.into_iter().map(|(h, _)| h).zip(vecs).collect();
        }
        Ok(hashes.iter().map(|h| cached.get(h).or_else(|| fresh.get(h)).cloned().unwrap_or_default()).collect())
    }

    /// Adds or replaces `docs` of `user` in `collection`: all stored in one transaction, or none.
    pub async fn upsert(&self, collection: &str, user: &str, docs: Vec<Document>) -> Result<usize, RagError> {
        check_collection(collection)?;
        check_name("user id", user, 128)?;
        for d in &docs {
            check_name("document id", &d.id, 191)?;
            let chars = d.text.chars().count();
            if d.text.trim().is_empty() || chars > MAX_TEXT_CHARS {
                return Err(RagError::Invalid(format!(
                    "document {:?}: text must be 1 to {MAX_TEXT_CHARS} characters, not only spaces; got {chars}",
                    d.id
                )));
            }
            if !(d.metadata.is_object() || d.metadata.is_null()) {
                return Err(RagError::Invalid(format!("document {:?}: metadata must be a JSON object", d.id)));
            }
        }
        if docs.is_empty() {
            return Ok(0);
        }
        let texts: Vec<String> = docs.iter().map(|d| d.text.clone()).collect();
        let vecs = self.embed_cached(&texts, user).await?;
        let model = self.embedder.model().to_string();
        let now = now_ms();
        let rows: Vec<RagDocRow> = docs
            .iter()
            .zip(&vecs)
            .map(|(d, v)| RagDocRow {
                collection: collection.to_string(),
                user_id: user.to_string(),
                id: d.id.clone(),
                text: d.text.clone(),
                metadata: if d.metadata.is_null() { "{}".into() } else { d.metadata.to_string() },
                created_ms: d.created_ms.unwrap_or(now),
                model: model.clone(),
                embedding: encode(v),
            })
            .collect();
        let cell = self.partition(collection, user).await?;
        let Some(lock) = cell.part.get() else { return Err(RagError::Store("partition not loaded".into())) };
        // The partition stays locked from the commit until memory agrees with it.
        let mut part = lock.write().await;
        self.docs.upsert(&rows).await?;
        let held = part.dims();
        let lx = self.lexicon();
        for (r, v) in rows.iter().zip(&vecs) {
            part.upsert(entry_of(r, &lx)?, &v[..held.min(v.len())]);
        }
        Ok(rows.len())
    }

    /// Deletes one document of `user`; whether it existed.
    pub async fn delete(&self, collection: &str, user: &str, id: &str) -> Result<bool, RagError> {
        check_collection(collection)?;
        let cell = self.partition(collection, user).await?;
        let Some(lock) = cell.part.get() else { return Ok(false) };
        let mut part = lock.write().await;
        let gone = self.docs.delete(collection, user, id).await?;
        part.remove(id);
        Ok(gone)
    }

    /// Deletes every document of `user` in every collection (the right to be forgotten).
    pub async fn delete_user(&self, user: &str) -> Result<u64, RagError> {
        let n = self.docs.delete_user(user).await?;
        let mut map = self.parts.lock().unwrap_or_else(|p| p.into_inner());
        map.retain(|(_, u), _| u != user);
        Ok(n)
    }

    /// Deletes documents of `collection` older than `ttl_days`; how many.
    pub async fn purge(&self, collection: &str, ttl_days: u32) -> Result<usize, RagError> {
        check_collection(collection)?;
        let before = now_ms() - i64::from(ttl_days) * 86_400_000;
        let keys = self.docs.purge(collection, before).await?;
        let mut users: Vec<&str> = keys.iter().map(|(u, _)| u.as_str()).collect();
        users.sort_unstable();
        users.dedup();
        let mut map = self.parts.lock().unwrap_or_else(|p| p.into_inner());
        for u in users {
            map.remove(&(collection.to_string(), u.to_string()));
        }
        Ok(keys.len())
    }

    /// Forgets every partition in memory: they are rebuilt from the stored documents on next use.
    pub fn rebuild(&self) {
        self.parts.lock().unwrap_or_else(|p| p.into_inner()).clear();
    }

    /// Documents per collection: every user's, or one user's.
    pub async fn stats(&self, user: Option<&str>) -> Result<Vec<RagCollectionStats>, RagError> {
        self.docs.stats(user).await
    }

    /// Re-embeds every stored document with the current embedder (after a model change).
    pub async fn reembed(&self) -> Result<usize, RagError> {
        let rows = self.docs.all(None).await?;
        let mut by_part: HashMap<Key, Vec<Document>> = HashMap::new();
        for r in rows.into_iter().filter(|r| r.model != self.embedder.model()) {
            let metadata = serde_json::from_str(&r.metadata).unwrap_or(Value::Null);
            by_part.entry((r.collection, r.user_id)).or_default().push(Document {
                id: r.id,
                text: r.text,
                metadata,
                created_ms: Some(r.created_ms),
            });
        }
        let mut n = 0;
        for ((c, u), docs) in by_part {
            for chunk in docs.chunks(64) {
                n += self.upsert(&c, &u, chunk.to_vec()).await?;
            }
        }
        self.rebuild();
        Ok(n)
    }

    /// The best `req.k` documents of `user` across `collections`.
    pub async fn search(&self, user: &str, collections: &[String], req: &SearchRequest) -> Result<Vec<Hit>, RagError> {
        Ok(self.search_understood(user, collections, req).await?.0)
    }

    /// [`Rag::search`], with what the query was understood to ask for. Instruments and assets
    /// the query names, a strategy it names and KPI conditions it states restrict the results
    /// (a question about something the user never tested finds nothing); a strategy it
    /// describes and years it names raise matching documents.
    pub async fn search_understood(
        &self,
        user: &str,
        collections: &[String],
        req: &SearchRequest,
    ) -> Result<(Vec<Hit>, Recognition), RagError> {
        if req.query.trim().is_empty() {
            return Err(RagError::Invalid("query is empty".into()));
        }
        if req.threshold.is_some_and(|t| !(-1.0..=1.0).contains(&t)) {
            return Err(RagError::Invalid("threshold: a cosine similarity in -1..=1".into()));
        }
        if req.k == 0 || req.k > 100 {
            return Err(RagError::Invalid(format!("k must be 1 to 100, got {}", req.k)));
        }
        if collections.is_empty() {
            return Err(RagError::Invalid("no collection to search".into()));
        }
        let filter = Filter::parse(&req.filter)?;
        let lx = self.lexicon();
        let understood = crate::lang::understand(&lx, &req.query);
        // An embedder that reads no Korean gets the query's entities in English.
        let vector_text = if self.embedder.reads_korean() || understood.english.trim().is_empty() {
            req.query.clone()
        } else {
            understood.english.clone()
        };
        let qv = if req.mode == Mode::Keyword {
            Vec::new()
        } else {
            self.embed_through_cache(std::slice::from_ref(&vector_text), user, true).await?.remove(0)
        };
        let depth = (req.k * 4).max(50);
        let vector_weight = self.vector_weight(&vector_text);
        let admits = |e: &Entry| understood.admits(&e.facts);
        let gate: crate::index::Gate<'_> = if understood.gates() { Some(&admits) } else { None };
        // Every partition stays read-locked until the hits are built from it.
        let mut cells = Vec::with_capacity(collections.len());
        for c in collections {
            check_collection(c)?;
            cells.push(self.partition(c, user).await?);
        }
        let mut parts = Vec::with_capacity(cells.len());
        for cell in &cells {
            if let Some(lock) = cell.part.get() {
                parts.push(Some(lock.read().await));
            } else {
                parts.push(None);
            }
        }
        // Scores by (collection index, id): the fused score, cosine, BM25. Hybrid adds each
        // ranking's weight / (RRF_K + rank) as it is read.
        let mut fused: HashMap<(usize, &str), Scores> = HashMap::new();
        for (ci, part) in parts.iter().enumerate() {
            let Some(part) = part else { continue };
            if req.mode != Mode::Keyword {
                let near = if self.docs.searches_vectors() {
                    let q = VectorQuery {
                        collection: &collections[ci],
                        user,
                        model: self.embedder.model(),
                        vector: &qv,
                        k: depth,
                        filter: &filter,
                        threshold: req.threshold,
                    };
                    // A document another replica added since this partition loaded has no
                    // entry here yet: it is found after the next rebuild.
                    let found = self.docs.nearest(&q).await?;
                    found
                        .into_iter()
                        .filter_map(|(id, s)| part.get(&id).map(|e| (e, s)))
                        .filter(|(e, _)| gate.is_none_or(|g| g(e)))
                        .collect()
                } else {
                    part.nearest_where(&qv, depth, &filter, gate, req.threshold)
                };
                for (rank, (e, s)) in near.into_iter().enumerate() {
                    let f = fused.entry((ci, e.id.as_str())).or_default();
                    f.1 = Some(s);
                    f.0 += match req.mode {
                        Mode::Hybrid => vector_weight / (RRF_K + rank as f64 + 1.0),
                        _ => f64::from(s),
                    };
                }
            }
            if req.mode != Mode::Vector {
                let keyword = part.keyword_where(&understood.keyword_query, depth, &filter, gate);
                for (rank, (e, s)) in keyword.into_iter().enumerate() {
                    let f = fused.entry((ci, e.id.as_str())).or_default();
                    f.2 = Some(s);
                    f.0 += match req.mode {
                        Mode::Hybrid => 1.0 / (RRF_K + rank as f64 + 1.0),
                        _ => f64::from(s),
                    };
                }
            }
        }
        if req.mode == Mode::Hybrid {
            for ((ci, id), f) in fused.iter_mut() {
                if let Some(e) = parts[*ci].as_ref().and_then(|p| p.get(id)) {
                    f.0 += understood.boost(&e.facts);
                }
            }
        }
        let mut ranked: Vec<((usize, &str), Scores)> = fused.into_iter().collect();
        ranked.sort_by(|a, b| {
            b.1 .0.total_cmp(&a.1 .0).then_with(|| (&collections[a.0 .0], a.0 .1).cmp(&(&collections[b.0 .0], b.0 .1)))
        });
        ranked.truncate(req.k);
        // Only the k results are copied out.
        let mut hits = Vec::with_capacity(ranked.len());
        for ((ci, id), (score, similarity, keyword_score)) in ranked {
            let Some(part) = &parts[ci] else { continue };
            let Some(e) = part.get(id) else { continue };
            let similarity = similarity.or_else(|| (!qv.is_empty()).then(|| part.similarity(id, &qv)).flatten());
            hits.push(Hit {
                collection: collections[ci].clone(),
                id: e.id.clone(),
                text: e.text.clone(),
                metadata: e.metadata.clone(),
                created_ms: e.created_ms,
                score,
                similarity,
                keyword_score,
            });
        }
        let min = self.ann_min.load(std::sync::atomic::Ordering::Relaxed);
        let want: Vec<bool> = parts.iter().map(|p| p.as_ref().is_some_and(|p| p.needs_ann(min))).collect();
        drop(parts);
        for (cell, want) in cells.into_iter().zip(want) {
            if want {
                Self::maybe_build_ann(cell, min);
            }
        }
        Ok((hits, understood.recognition))
    }

    /// The weight of the vector ranking in the fusion for `query`: 1 when the embedder reads the
    /// query's script, falling to 0 as Hangul takes over a query for an embedder that cannot
    /// read it (MiniLM splits Hangul into jamo and unknown tokens: its ranking is noise there,
    /// and Korean is found by the keyword half).
    fn vector_weight(&self, query: &str) -> f64 {
        if self.embedder.reads_korean() {
            return 1.0;
        }
        f64::from((1.0 - 2.0 * crate::text::hangul_share(query)).max(0.0))
    }

    /// Every stored document, as backup lines (JSON, one per line), in key order.
    pub async fn backup(&self, mut out: impl std::io::Write) -> Result<usize, RagError> {
        let rows = self.docs.all(None).await?;
        for r in &rows {
            let line = BackupLine {
                collection: r.collection.clone(),
                user_id: r.user_id.clone(),
                id: r.id.clone(),
                text: r.text.clone(),
                metadata: serde_json::from_str(&r.metadata).unwrap_or(Value::Null),
                created_ms: r.created_ms,
                model: r.model.clone(),
                embedding: r.embedding.clone(),
            };
            let s = serde_json::to_string(&line).map_err(|e| RagError::Store(e.to_string()))?;
            writeln!(out, "{s}").map_err(|e| RagError::Store(format!("writing the backup: {e}")))?;
        }
        out.flush().map_err(|e| RagError::Store(format!("writing the backup: {e}")))?;
        Ok(rows.len())
    }

    /// Restores a backup written by [`Rag::backup`]: every line is checked before anything is
    /// written; then all documents are stored in one transaction per (collection, user).
    pub async fn restore(&self, input: impl std::io::BufRead) -> Result<usize, RagError> {
        let mut by_part: HashMap<Key, Vec<RagDocRow>> = HashMap::new();
        let mut n = 0;
        for (i, line) in input.lines().enumerate() {
            let line = line.map_err(|e| RagError::Invalid(format!("backup line {}: {e}", i + 1)))?;
            if line.trim().is_empty() {
                continue;
            }
            let b: BackupLine =
                serde_json::from_str(&line).map_err(|e| RagError::Invalid(format!("backup line {}: {e}", i + 1)))?;
            check_collection(&b.collection)?;
            if decode(&b.embedding, self.embedder.dims()).is_none() && b.model == self.embedder.model() {
                return Err(RagError::Invalid(format!(
                    "backup line {}: the vector is not {} values",
                    i + 1,
                    self.embedder.dims()
                )));
            }
            by_part.entry((b.collection.clone(), b.user_id.clone())).or_default().push(RagDocRow {
                collection: b.collection,
                user_id: b.user_id,
                id: b.id,
                text: b.text,
                metadata: b.metadata.to_string(),
                created_ms: b.created_ms,
                model: b.model,
                embedding: b.embedding,
            });
            n += 1;
        }
        for rows in by_part.values() {
            self.docs.upsert(rows).await?;
        }
        self.rebuild();
        Ok(n)
    }
}

fn entry_of(r: &RagDocRow, lx: &Lexicon) -> Result<Entry, RagError> {
    let metadata: Value = serde_json::from_str(&r.metadata)
        .map_err(|e| RagError::Store(format!("document {:?}: stored metadata is not JSON: {e}", r.id)))?;
    let facts = crate::lang::facts(lx, &r.text, &metadata);
    Ok(Entry { id: r.id.clone(), text: r.text.clone(), metadata, created_ms: r.created_ms, facts })
}

/// One line of a backup file.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct BackupLine {
    collection: String,
    user_id: String,
    id: String,
    text: String,
    metadata: Value,
    created_ms: i64,
    model: String,
    embedding: String,
}
