//! The scale-out store: PostgreSQL with pgvector (≥ 0.8). One table per vector size
//! (`quantai_rag_documents_384`), an HNSW index on cosine distance, and a B-tree on
//! (collection, user, id). Searches filter by collection, user, model and metadata inside the
//! database; iterative index scans (`hnsw.iterative_scan = relaxed_order`, pgvector 0.8) keep
//! reading the graph until the filtered query has its full LIMIT, and an outer query restores
//! the exact distance order.

use async_trait::async_trait;
use quantai_store::rag::{RagCollectionStats, RagDocRow};
use sqlx::postgres::{PgPool, PgPoolOptions, PgRow};
use sqlx::{Executor, Row};

use crate::filter::SqlArg;
use crate::store::{DocStore, VectorQuery};
use crate::RagError;

/// Documents and vectors in PostgreSQL + pgvector.
pub struct PgVector {
    pool: PgPool,
    dims: usize,
    table: String,
}

fn db(e: sqlx::Error) -> RagError {
    RagError::Store(format!("pgvector: {e}"))
}

/// `[x,y,…]`, pgvector's text form; Rust prints the shortest decimal that reads back as the same
/// f32, so vectors round-trip exactly.
fn literal(v: &[f32]) -> String {
    let mut s = String::with_capacity(v.len() * 12 + 2);
    s.push('[');
    for (i, x) in v.iter().enumerate() {
        if i > 0 {
            s.push(',');
        }
        s.push_str(&x.to_string());
    }
    s.push(']');
    s
}

fn parse_literal(s: &str) -> Result<Vec<f32>, RagError> {
    let inner = s.trim().trim_start_matches('[').trim_end_matches(']');
    if inner.is_empty() {
        return Ok(Vec::new());
    }
    inner
        .split(',')
        .map(|x| x.trim().parse::<f32>().map_err(|e| RagError::Store(format!("pgvector returned {x:?}: {e}"))))
        .collect()
}

const DOC_COLS: &str = "collection, user_id, id, text, metadata::text AS metadata, created_ms, model";

/// A row read with or without its vector (`embedding` empty then).
fn row(r: &PgRow) -> Result<RagDocRow, RagError> {
    let embedding = match r.try_get::<String, _>("embedding") {
        Ok(e) => crate::service::encode(&parse_literal(&e)?),
        Err(sqlx::Error::ColumnNotFound(_)) => String::new(),
        Err(e) => return Err(db(e)),
    };
    Ok(RagDocRow {
        collection: r.try_get("collection").map_err(db)?,
        user_id: r.try_get("user_id").map_err(db)?,
        id: r.try_get("id").map_err(db)?,
        text: r.try_get("text").map_err(db)?,
        metadata: r.try_get("metadata").map_err(db)?,
        created_ms: r.try_get("created_ms").map_err(db)?,
        model: r.try_get("model").map_err(db)?,
        embedding,
    })
}

impl PgVector {
    /// Connects to `url`, creates the extension, table and indexes if missing (under an advisory
    /// lock, so replicas starting together do not race).
    pub async fn connect(url: &str, dims: usize, max_connections: u32) -> Result<Self, RagError> {
        if dims == 0 || dims > 16_000 {
            return Err(RagError::Invalid(format!("pgvector: {dims} dimensions is outside 1..=16000")));
        }
        let pool = PgPoolOptions::new()
            .max_connections(max_connections)
            .connect(url)
            .await
            .map_err(|e| RagError::Store(format!("pgvector: cannot connect (rag.pgvector_url): {e}")))?;
        let table = format!("quantai_rag_documents_{dims}");
        let mut tx = pool.begin().await.map_err(db)?;
        tx.execute("SELECT pg_advisory_xact_lock(hashtext('quantai_rag_setup'))").await.map_err(db)?;
        tx.execute("CREATE EXTENSION IF NOT EXISTS vector").await.map_err(|e| {
            RagError::Store(format!(
                "pgvector: the server cannot create extension `vector` (is pgvector ≥ 0.8 installed?): {e}"
            ))
        })?;
        let ddl = format!(
            "CREATE TABLE IF NOT EXISTS {table} (
                collection TEXT NOT NULL, user_id TEXT NOT NULL, id TEXT NOT NULL,
                text TEXT NOT NULL, metadata JSONB NOT NULL, created_ms BIGINT NOT NULL,
                model TEXT NOT NULL, embedding vector({dims}) NOT NULL,
                PRIMARY KEY (collection, user_id, id));
             CREATE INDEX IF NOT EXISTS {table}_hnsw ON {table} USING hnsw (embedding vector_cosine_ops);
             CREATE INDEX IF NOT EXISTS {table}_user ON {table} (user_id);
             CREATE INDEX IF NOT EXISTS {table}_created ON {table} (collection, created_ms);"
        );
        sqlx::raw_sql(&ddl).execute(&mut *tx).await.map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(Self { pool, dims, table })
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// The pgvector version the server runs.
    pub async fn version(&self) -> Result<String, RagError> {
        sqlx::query_scalar("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
            .fetch_one(&self.pool)
            .await
            .map_err(db)
    }
}

#[async_trait]
impl DocStore for PgVector {
    fn kind(&self) -> &'static str {
        "pgvector"
    }

    fn searches_vectors(&self) -> bool {
        true
    }

    async fn upsert(&self, rows: &[RagDocRow]) -> Result<(), RagError> {
        // Every vector is checked before anything is written.
        let mut vecs = Vec::with_capacity(rows.len());
        for r in rows {
            let v = crate::service::decode(&r.embedding, self.dims).ok_or_else(|| {
                RagError::Invalid(format!(
                    "document {:?}: its vector is not {} values (the pgvector table's size; re-embed with `quantai rag rebuild --reembed`)",
                    r.id, self.dims
                ))
            })?;
            vecs.push(literal(&v));
        }
        let sql = format!(
            "INSERT INTO {} (collection, user_id, id, text, metadata, created_ms, model, embedding)
             VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::vector)
             ON CONFLICT (collection, user_id, id) DO UPDATE SET text = EXCLUDED.text, metadata = EXCLUDED.metadata,
               created_ms = EXCLUDED.created_ms, model = EXCLUDED.model, embedding = EXCLUDED.embedding",
            self.table
        );
        let mut tx = self.pool.begin().await.map_err(db)?;
        for (r, v) in rows.iter().zip(&vecs) {
            sqlx::query(&sql)
                .bind(&r.collection)
                .bind(&r.user_id)
                .bind(&r.id)
                .bind(&r.text)
                .bind(&r.metadata)
                .bind(r.created_ms)
                .bind(&r.model)
                .bind(v)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        tx.commit().await.map_err(db)
    }

    async fn delete(&self, collection: &str, user: &str, id: &str) -> Result<bool, RagError> {
        let sql = format!("DELETE FROM {} WHERE collection = $1 AND user_id = $2 AND id = $3", self.table);
        let n = sqlx::query(&sql).bind(collection).bind(user).bind(id).execute(&self.pool).await.map_err(db)?;
        Ok(n.rows_affected() > 0)
    }

    async fn delete_user(&self, user: &str) -> Result<u64, RagError> {
        let sql = format!("DELETE FROM {} WHERE user_id = $1", self.table);
        Ok(sqlx::query(&sql).bind(user).execute(&self.pool).await.map_err(db)?.rows_affected())
    }

    async fn purge(&self, collection: &str, before_ms: i64) -> Result<Vec<(String, String)>, RagError> {
        let sql = format!("DELETE FROM {} WHERE collection = $1 AND created_ms < $2 RETURNING user_id, id", self.table);
        let rows = sqlx::query(&sql).bind(collection).bind(before_ms).fetch_all(&self.pool).await.map_err(db)?;
        rows.iter().map(|r| Ok((r.try_get("user_id").map_err(db)?, r.try_get("id").map_err(db)?))).collect()
    }

    async fn partition(&self, collection: &str, user: &str) -> Result<Vec<RagDocRow>, RagError> {
        // Vectors stay in PostgreSQL: memory holds text and keywords only.
        let sql = format!("SELECT {DOC_COLS} FROM {} WHERE collection = $1 AND user_id = $2 ORDER BY id", self.table);
        let rows = sqlx::query(&sql).bind(collection).bind(user).fetch_all(&self.pool).await.map_err(db)?;
        rows.iter().map(row).collect()
    }

    async fn keys(&self, collection: &str) -> Result<Vec<(String, String)>, RagError> {
        let sql = format!("SELECT user_id, id FROM {} WHERE collection = $1", self.table);
        let rows = sqlx::query(&sql).bind(collection).fetch_all(&self.pool).await.map_err(db)?;
        rows.iter().map(|r| Ok((r.try_get("user_id").map_err(db)?, r.try_get("id").map_err(db)?))).collect()
    }

    async fn all(&self, collection: Option<&str>) -> Result<Vec<RagDocRow>, RagError> {
        let sql = format!(
            "SELECT {DOC_COLS}, embedding::text AS embedding FROM {}
             WHERE ($1::text IS NULL OR collection = $1) ORDER BY collection, user_id, id",
            self.table
        );
        let rows = sqlx::query(&sql).bind(collection).fetch_all(&self.pool).await.map_err(db)?;
        rows.iter().map(row).collect()
    }

    async fn stats(&self, user: Option<&str>) -> Result<Vec<RagCollectionStats>, RagError> {
        let sql = format!(
            "SELECT collection, COUNT(*)::bigint AS documents, COUNT(DISTINCT user_id)::bigint AS users,
                    MIN(created_ms) AS oldest, MAX(created_ms) AS newest
             FROM {} WHERE ($1::text IS NULL OR user_id = $1) GROUP BY collection ORDER BY collection",
            self.table
        );
        let rows = sqlx::query(&sql).bind(user).fetch_all(&self.pool).await.map_err(db)?;
        rows.iter()
            .map(|r| {
                Ok(RagCollectionStats {
                    collection: r.try_get("collection").map_err(db)?,
                    documents: r.try_get("documents").map_err(db)?,
                    users: r.try_get("users").map_err(db)?,
                    oldest_ms: r.try_get("oldest").map_err(db)?,
                    newest_ms: r.try_get("newest").map_err(db)?,
                })
            })
            .collect()
    }

    async fn nearest(&self, q: &VectorQuery<'_>) -> Result<Vec<(String, f32)>, RagError> {
        if q.vector.len() != self.dims {
            return Err(RagError::Invalid(format!(
                "query vector has {} values, expected {}",
                q.vector.len(),
                self.dims
            )));
        }
        let mut args = Vec::new();
        let cond = q.filter.to_pg("metadata", &mut args, 6);
        let sql = format!(
            "WITH c AS MATERIALIZED (
                SELECT id, embedding <=> $1::vector AS d FROM {}
                WHERE collection = $2 AND user_id = $3 AND model = $4 AND {cond}
                ORDER BY embedding <=> $1::vector LIMIT $5)
             SELECT id, d FROM c ORDER BY d, id",
            self.table
        );
        let mut query =
            sqlx::query(&sql).bind(literal(q.vector)).bind(q.collection).bind(q.user).bind(q.model).bind(q.k as i64);
        for a in args {
            query = match a {
                SqlArg::Text(s) => query.bind(s),
                SqlArg::Float(f) => query.bind(f),
                SqlArg::Json(j) => query.bind(j),
            };
        }
        let mut tx = self.pool.begin().await.map_err(db)?;
        // Iterative scans: a filtered query keeps reading the graph until it has its LIMIT. Both
        // settings (local to the transaction) in one round trip.
        let ef = q.k.clamp(40, 1000);
        sqlx::query(
            "SELECT set_config('hnsw.iterative_scan', 'relaxed_order', true), set_config('hnsw.ef_search', $1, true)",
        )
        .bind(ef.to_string())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let rows = query.fetch_all(&mut *tx).await.map_err(db)?;
        tx.commit().await.map_err(db)?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let d: f64 = r.try_get("d").map_err(db)?;
            let sim = (1.0 - d) as f32;
            if q.threshold.is_some_and(|t| sim < t) {
                break;
            }
            out.push((r.try_get("id").map_err(db)?, sim));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vector_literals_round_trip_exactly() {
        let v: Vec<f32> = (0..97).map(|i| ((i as f32) * 0.731).sin() / 7.0).chain([1e-30, -0.0, 3.4e38]).collect();
        let back = parse_literal(&literal(&v)).unwrap();
        assert_eq!(v.len(), back.len());
        for (a, b) in v.iter().zip(&back) {
            assert_eq!(a.to_bits() & 0x7fff_ffff, b.to_bits() & 0x7fff_ffff, "{a} vs {b}");
        }
        assert!(parse_literal("[1,x]").is_err());
    }
}
