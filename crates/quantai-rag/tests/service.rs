//! The RAG service over a real database (SQLite always; PostgreSQL and MySQL when their test
//! URLs are set; the pgvector store when `QUANTAI_TEST_PGVECTOR_URL` is set) with the hashing
//! embedder: upsert, hybrid search, filters, isolation between users, the embedding cache,
//! deletes, retention, backup and restore.

#![allow(clippy::unwrap_used)]

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use async_trait::async_trait;
use proptest::prelude::*;
use quantai_rag::embed::{Embedder, HashEmbedder};
use quantai_rag::pgvector::PgVector;
use quantai_rag::service::{Mode, Rag, SearchRequest};
use quantai_rag::{Document, RagError};
use quantai_store::testing::{self, TestDb};
use serde_json::json;

/// Counts the texts it is asked to embed.
struct Counting {
    inner: HashEmbedder,
    texts: AtomicUsize,
}

#[async_trait]
impl Embedder for Counting {
    fn model(&self) -> &str {
        self.inner.model()
    }
    fn dims(&self) -> usize {
        self.inner.dims
    }
    async fn embed(&self, texts: &[String], user: &str) -> Result<Vec<Vec<f32>>, RagError> {
        self.texts.fetch_add(texts.len(), Ordering::Relaxed);
        self.inner.embed(texts, user).await
    }
}

/// A document store under test: the embedded store on one database, or pgvector.
struct Backend {
    db: TestDb,
    pg: Option<Arc<PgVector>>,
}

impl Backend {
    fn rag(&self, emb: Arc<dyn Embedder>) -> Rag {
        match &self.pg {
            Some(p) => Rag::with_docs(self.db.store.clone(), p.clone(), emb),
            None => Rag::new(self.db.store.clone(), emb),
        }
    }
    fn label(&self) -> &'static str {
        if self.pg.is_some() {
            "pgvector"
        } else {
            self.db.label
        }
    }
}

/// A pgvector store on a new database of the server at `QUANTAI_TEST_PGVECTOR_URL`.
async fn pgvector(dims: usize) -> Option<Backend> {
    let url = std::env::var("QUANTAI_TEST_PGVECTOR_URL").ok()?;
    let db = testing::server(&url, "postgres").await.unwrap();
    let pg = PgVector::connect(&db.url, dims, 4).await.unwrap();
    Some(Backend { db, pg: Some(Arc::new(pg)) })
}

/// Every store available here.
async fn backends(dir: &std::path::Path, dims: usize) -> Vec<Backend> {
    let mut out: Vec<Backend> =
        testing::all_backends(dir).await.unwrap().into_iter().map(|db| Backend { db, pg: None }).collect();
    out.extend(pgvector(dims).await);
    out
}

fn doc(id: &str, text: &str, meta: serde_json::Value) -> Document {
    Document { id: id.into(), text: text.into(), metadata: meta, created_ms: None }
}

fn ask(q: &str, k: usize) -> SearchRequest {
    SearchRequest { query: q.into(), k, filter: serde_json::Value::Null, threshold: None, mode: Mode::Hybrid }
}

fn ids(hits: &[quantai_rag::service::Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.id.as_str()).collect()
}

fn col(c: &str) -> Vec<String> {
    vec![c.to_string()]
}

#[tokio::test]
async fn index_search_filter_delete_and_cache() {
    let dir = tempfile::tempdir().unwrap();
    for db in backends(dir.path(), 64).await {
        let counting = Arc::new(Counting { inner: HashEmbedder { dims: 64 }, texts: AtomicUsize::new(0) });
        let rag = db.rag(counting.clone());
        let docs = vec![
            doc("a", "SMA crossover on AAPL, Sharpe 1.20", json!({"kind": "sma_cross", "sharpe": 1.2})),
            doc("b", "RSI 역추세 전략 삼성전자 005930, 샤프 0.80", json!({"kind": "rsi_reversion", "sharpe": 0.8})),
            doc("c", "MACD crossover on MSFT, Sharpe 0.40", json!({"kind": "macd_cross", "sharpe": 0.4})),
        ];
        assert_eq!(rag.upsert("user_backtests", "alice", docs.clone()).await.unwrap(), 3);
        // The same texts again (another user): embedded once only.
        rag.upsert("user_backtests", "bob", docs[..1].to_vec()).await.unwrap();
        assert_eq!(counting.texts.load(Ordering::Relaxed), 3, "{}: the cache serves repeated texts", db.label());

        let hits = rag.search("alice", &col("user_backtests"), &ask("삼성전자 RSI", 2)).await.unwrap();
        assert_eq!(hits[0].id, "b", "{}: Korean found by its keywords", db.label());
        assert!(hits[0].keyword_score.is_some() && hits[0].similarity.is_some());
        let mut f = ask("crossover", 5);
        f.filter = json!({"sharpe": {"gte": 1.0}});
        assert_eq!(ids(&rag.search("alice", &col("user_backtests"), &f).await.unwrap()), ["a"]);
        // bob sees only his own document.
        let hits = rag.search("bob", &col("user_backtests"), &ask("삼성전자 RSI crossover", 5)).await.unwrap();
        assert!(hits.iter().all(|h| h.id == "a"), "{}: {:?}", db.label(), ids(&hits));

        // Replace and delete.
        rag.upsert("user_backtests", "alice", vec![doc("a", "Bollinger breakout on TSLA", json!({}))]).await.unwrap();
        let hits = rag.search("alice", &col("user_backtests"), &ask("TSLA bollinger", 1)).await.unwrap();
        assert_eq!(ids(&hits), ["a"]);
        assert!(rag.delete("user_backtests", "alice", "a").await.unwrap());
        assert!(!rag.delete("user_backtests", "alice", "a").await.unwrap());
        assert!(!rag.delete("user_backtests", "bob", "b").await.unwrap(), "bob cannot delete alice's document");
        let fresh = db.rag(counting.clone());
        let hits = fresh.search("alice", &col("user_backtests"), &ask("MSFT or 삼성전자", 5)).await.unwrap();
        let mut got = ids(&hits);
        got.sort();
        assert_eq!(got, ["b", "c"], "{}: state after a restart equals the database", db.label());

        // Bad input names what is wrong and stores nothing.
        let e = rag.upsert("User Backtests", "alice", docs.clone()).await.unwrap_err().to_string();
        assert!(e.contains("collection \"User Backtests\""), "{e}");
        let e =
            rag.upsert("user_backtests", "alice", vec![doc("x", "fine", json!({})), doc("", "no id", json!({}))]).await;
        assert!(e.unwrap_err().to_string().contains("document id"));
        let e = rag.search("alice", &col("user_backtests"), &ask("x", 0)).await.unwrap_err().to_string();
        assert!(e.contains("k must be 1 to 100"), "{e}");
        let mut bad = ask("x", 3);
        bad.filter = json!({"sharpe": {"over": 1}});
        assert!(rag.search("alice", &col("user_backtests"), &bad).await.unwrap_err().to_string().contains("over"));

        // The right to be forgotten.
        assert_eq!(rag.delete_user("alice").await.unwrap(), 2);
        assert!(rag.search("alice", &col("user_backtests"), &ask("MACD", 5)).await.unwrap().is_empty());
        assert_eq!(rag.search("bob", &col("user_backtests"), &ask("AAPL", 5)).await.unwrap().len(), 1);
        db.db.drop_db().await.unwrap();
    }
}

/// A search answers before its query's embedding is stored (write-behind), and the embedding
/// still reaches the cache: the same search later is served from it, on every store.
#[tokio::test]
async fn a_search_caches_its_query_embedding_after_answering() {
    let dir = tempfile::tempdir().unwrap();
    for db in backends(dir.path(), 32).await {
        let counting = Arc::new(Counting { inner: HashEmbedder { dims: 32 }, texts: AtomicUsize::new(0) });
        let rag = db.rag(counting.clone());
        rag.upsert("user_notes", "alice", vec![doc("a", "quarterly notes on costs", json!({}))]).await.unwrap();
        let before = counting.texts.load(Ordering::Relaxed);
        let q = "quarterly notes summary";
        assert_eq!(ids(&rag.search("alice", &col("user_notes"), &ask(q, 3)).await.unwrap()), ["a"]);
        assert_eq!(counting.texts.load(Ordering::Relaxed), before + 1);
        let key = quantai_rag::service::cache_key(q);
        let mut stored = false;
        for _ in 0..200 {
            if !db
                .db
                .store
                .rag_cached_embeddings(counting.model(), std::slice::from_ref(&key))
                .await
                .unwrap()
                .is_empty()
            {
                stored = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        assert!(stored, "{}: the query's embedding never reached the cache", db.label());
        rag.search("alice", &col("user_notes"), &ask(q, 3)).await.unwrap();
        assert_eq!(counting.texts.load(Ordering::Relaxed), before + 1, "{}: served from the cache", db.label());
        db.db.drop_db().await.unwrap();
    }
}

#[tokio::test]
async fn backup_and_restore_give_identical_results() {
    let dir = tempfile::tempdir().unwrap();
    let sqlite = || async { Backend { db: testing::sqlite(dir.path()).await.unwrap(), pg: None } };
    let file = backup_restore(sqlite().await, sqlite().await).await;
    if let (Some(a), Some(b)) = (pgvector(32).await, pgvector(32).await) {
        let from_pg = backup_restore(a, b).await;
        assert!(from_pg == file, "pgvector's backup equals the embedded store's, vector for vector");
    }
    // A damaged backup is refused before anything is written.
    let c = testing::sqlite(dir.path()).await.unwrap();
    let damaged = format!("{}\nnot json\n", String::from_utf8_lossy(&file).lines().next().unwrap());
    let r = Rag::new(c.store.clone(), Arc::new(HashEmbedder { dims: 32 }));
    assert!(r.restore(std::io::Cursor::new(damaged)).await.unwrap_err().to_string().contains("backup line 2"));
    assert!(r.stats(None).await.unwrap().is_empty());
}

/// Backs `a` up, restores into `b` (empty, same kind of store): every search answers the same.
async fn backup_restore(a: Backend, b: Backend) -> Vec<u8> {
    let emb = Arc::new(HashEmbedder { dims: 32 });
    let rag = a.rag(emb.clone());
    for u in ["u1", "u2"] {
        let docs = (0..40)
            .map(|i| {
                let mut d = doc(
                    &format!("d{i}"),
                    &format!("strategy {i} on symbol S{} with sharpe {}", i % 7, i % 5),
                    json!({"i": i}),
                );
                d.created_ms = Some(1_700_000_000_000 + i);
                d
            })
            .collect();
        rag.upsert("user_backtests", u, docs).await.unwrap();
    }
    let mut note = doc("n", "a note about S3", json!({}));
    note.created_ms = Some(1_700_000_000_000);
    rag.upsert("notes", "u1", vec![note]).await.unwrap();
    let mut file = Vec::new();
    assert_eq!(rag.backup(&mut file).await.unwrap(), 81);
    let restored = b.rag(emb);
    assert_eq!(restored.restore(std::io::Cursor::new(&file)).await.unwrap(), 81);
    for (u, q) in [("u1", "symbol S3 sharpe 2"), ("u2", "strategy 17"), ("u1", "note S3")] {
        let cols = vec!["user_backtests".to_string(), "notes".to_string()];
        let x = rag.search(u, &cols, &ask(q, 10)).await.unwrap();
        let y = restored.search(u, &cols, &ask(q, 10)).await.unwrap();
        assert_eq!(x, y, "{}: {u} {q}", a.label());
        assert!(!x.is_empty());
    }
    let mut again = Vec::new();
    restored.backup(&mut again).await.unwrap();
    assert!(again == file, "{}: a backup of the restored store equals the original", a.label());
    a.db.drop_db().await.unwrap();
    b.db.drop_db().await.unwrap();
    file
}

#[tokio::test]
async fn purge_removes_what_outlived_its_ttl() {
    let dir = tempfile::tempdir().unwrap();
    let mut stores = vec![Backend { db: testing::sqlite(dir.path()).await.unwrap(), pg: None }];
    stores.extend(pgvector(16).await);
    for db in stores {
        let rag = db.rag(Arc::new(HashEmbedder { dims: 16 }));
        let now = time::OffsetDateTime::now_utc().unix_timestamp() * 1000;
        let mut old = doc("old", "old backtest", json!({}));
        old.created_ms = Some(now - 31 * 86_400_000);
        let mut new = doc("new", "new backtest", json!({}));
        new.created_ms = Some(now - 29 * 86_400_000);
        rag.upsert("user_backtests", "u", vec![old, new]).await.unwrap();
        assert_eq!(rag.search("u", &col("user_backtests"), &ask("backtest", 5)).await.unwrap().len(), 2);
        assert_eq!(rag.purge("user_backtests", 30).await.unwrap(), 1, "{}", db.label());
        assert_eq!(ids(&rag.search("u", &col("user_backtests"), &ask("backtest", 5)).await.unwrap()), ["new"]);
        assert_eq!(rag.stats(None).await.unwrap()[0].documents, 1);
        db.db.drop_db().await.unwrap();
    }
}

/// One pgvector database for every case of the property test (its URL), when the server is set.
fn shared_pgvector_url() -> Option<String> {
    static URL: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    URL.get_or_init(|| {
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let b = pgvector(16).await?;
            b.db.store.close().await;
            Some(b.db.url.clone())
        })
    })
    .clone()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Random users, documents and queries: a search never returns another user's document.
    #[test]
    fn never_another_users_document(
        docs in prop::collection::vec((0usize..4, 0usize..30, prop::collection::vec(0usize..12, 1..6)), 1..60),
        queries in prop::collection::vec((0usize..4, prop::collection::vec(0usize..12, 1..4), 1usize..20), 1..10),
    ) {
        const WORDS: [&str; 12] = ["sma", "rsi", "삼성전자", "애플", "sharpe", "낙폭", "AAPL", "005930", "macd", "승률", "breakout", "2020"];
        let pg_url = shared_pgvector_url();
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(async {
            let dir = tempfile::tempdir().unwrap();
            let db = testing::sqlite(dir.path()).await.unwrap();
            let mut rags = vec![Rag::new(db.store.clone(), Arc::new(HashEmbedder { dims: 16 }))];
            // pgvector: one database for every case, so documents of earlier cases are there too.
            if let Some(url) = &pg_url {
                let pg = Arc::new(PgVector::connect(url, 16, 2).await.unwrap());
                rags.push(Rag::with_docs(db.store.clone(), pg, Arc::new(HashEmbedder { dims: 16 })));
            }
            for rag in &rags {
            for (user, id, words) in &docs {
                let text: Vec<&str> = words.iter().map(|w| WORDS[*w]).collect();
                let d = doc(&format!("u{user}-d{id}"), &text.join(" "), json!({"owner": user}));
                rag.upsert("user_backtests", &format!("u{user}"), vec![d]).await.unwrap();
            }
            for (user, words, k) in &queries {
                let q: Vec<&str> = words.iter().map(|w| WORDS[*w]).collect();
                for mode in [Mode::Hybrid, Mode::Vector, Mode::Keyword] {
                    let mut req = ask(&q.join(" "), *k);
                    req.mode = mode;
                    let hits = rag.search(&format!("u{user}"), &col("user_backtests"), &req).await.unwrap();
                    for h in hits {
                        assert!(h.id.starts_with(&format!("u{user}-")), "{}: user u{user} got {}", rag.docs().kind(), h.id);
                        assert_eq!(h.metadata["owner"], json!(user));
                    }
                }
            }
            }
        });
    }
}
