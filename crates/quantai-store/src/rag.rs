//! Tables `rag_documents` (RAG documents with their vectors, keyed by collection, user and id)
//! and `rag_embedding_cache`. Every read and delete of documents names the user; writes of a
//! batch are one transaction, so a crash leaves each document whole or absent.

use crate::{get_i64, get_text, Result, Store};

/// One stored document.
#[derive(Clone, Debug, PartialEq)]
pub struct RagDocRow {
    pub collection: String,
    pub user_id: String,
    pub id: String,
    pub text: String,
    /// JSON object.
    pub metadata: String,
    pub created_ms: i64,
    pub model: String,
    /// Little-endian f32, base64.
    pub embedding: String,
}

/// Documents and users of one collection.
#[derive(Clone, Debug, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct RagCollectionStats {
    pub collection: String,
    pub documents: i64,
    pub users: i64,
    pub oldest_ms: Option<i64>,
    pub newest_ms: Option<i64>,
}

const COLS: &str = "collection, user_id, id, text, metadata, created_ms, model, embedding";

fn decode(r: &sqlx::any::AnyRow) -> Result<RagDocRow> {
    Ok(RagDocRow {
        collection: get_text(r, "collection")?,
        user_id: get_text(r, "user_id")?,
        id: get_text(r, "id")?,
        text: get_text(r, "text")?,
        metadata: get_text(r, "metadata")?,
        created_ms: get_i64(r, "created_ms")?,
        model: get_text(r, "model")?,
        embedding: get_text(r, "embedding")?,
    })
}

fn delete_one(d: crate::Dialect) -> String {
    format!("DELETE FROM rag_documents WHERE collection = {} AND user_id = {} AND id = {}", d.ph(1), d.ph(2), d.ph(3))
}

impl Store {
    /// Inserts or replaces `docs` (by collection, user and id), all in one transaction.
    pub async fn rag_upsert(&self, docs: &[RagDocRow]) -> Result<()> {
        if docs.is_empty() {
            return Ok(());
        }
        let d = self.dialect();
        let del = delete_one(d);
        let marks: Vec<String> = (1..=8).map(|i| d.ph(i)).collect();
        let ins = format!("INSERT INTO rag_documents ({COLS}) VALUES ({})", marks.join(", "));
        let mut tx = self.begin_write().await?;
        for r in docs {
            sqlx::query(&del).bind(&r.collection).bind(&r.user_id).bind(&r.id).execute(&mut *tx).await?;
            sqlx::query(&ins)
                .bind(&r.collection)
                .bind(&r.user_id)
                .bind(&r.id)
                .bind(&r.text)
                .bind(&r.metadata)
                .bind(r.created_ms)
                .bind(&r.model)
                .bind(&r.embedding)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Deletes one document of `user`; whether it existed.
    pub async fn rag_delete(&self, collection: &str, user_id: &str, id: &str) -> Result<bool> {
        let sql = delete_one(self.dialect());
        let n = sqlx::query(&sql).bind(collection).bind(user_id).bind(id).execute(self.pool()).await?;
        Ok(n.rows_affected() > 0)
    }

    /// Deletes every document of `user_id` in every collection; how many.
    pub async fn rag_delete_user(&self, user_id: &str) -> Result<u64> {
        let sql = format!("DELETE FROM rag_documents WHERE user_id = {}", self.dialect().ph(1));
        Ok(sqlx::query(&sql).bind(user_id).execute(self.pool()).await?.rows_affected())
    }

    /// Deletes the documents of `collection` created before `before_ms`; returns their
    /// (user, id) keys.
    pub async fn rag_purge(&self, collection: &str, before_ms: i64) -> Result<Vec<(String, String)>> {
        let d = self.dialect();
        let mut tx = self.begin_write().await?;
        let sel = format!(
            "SELECT user_id, id FROM rag_documents WHERE collection = {} AND created_ms < {}",
            d.ph(1),
            d.ph(2)
        );
        let keys: Vec<(String, String)> = sqlx::query(&sel)
            .bind(collection)
            .bind(before_ms)
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(|r| Ok((get_text(r, "user_id")?, get_text(r, "id")?)))
            .collect::<Result<_>>()?;
        let del = format!("DELETE FROM rag_documents WHERE collection = {} AND created_ms < {}", d.ph(1), d.ph(2));
        sqlx::query(&del).bind(collection).bind(before_ms).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(keys)
    }

    /// The documents of `user_id` in `collection`.
    pub async fn rag_partition(&self, collection: &str, user_id: &str) -> Result<Vec<RagDocRow>> {
        let d = self.dialect();
        let sql = format!(
            "SELECT {COLS} FROM rag_documents WHERE collection = {} AND user_id = {} ORDER BY id",
            d.ph(1),
            d.ph(2)
        );
        sqlx::query(&sql).bind(collection).bind(user_id).fetch_all(self.pool()).await?.iter().map(decode).collect()
    }

    /// The (user, id) keys of a collection's documents.
    pub async fn rag_keys(&self, collection: &str) -> Result<Vec<(String, String)>> {
        let sql = format!("SELECT user_id, id FROM rag_documents WHERE collection = {}", self.dialect().ph(1));
        let rows = sqlx::query(&sql).bind(collection).fetch_all(self.pool()).await?;
        rows.iter().map(|r| Ok((get_text(r, "user_id")?, get_text(r, "id")?))).collect()
    }

    /// Every document, or those of one collection (backups, rebuilds), in key order.
    pub async fn rag_all(&self, collection: Option<&str>) -> Result<Vec<RagDocRow>> {
        let rows = match collection {
            Some(c) => {
                let sql = format!(
                    "SELECT {COLS} FROM rag_documents WHERE collection = {} ORDER BY collection, user_id, id",
                    self.dialect().ph(1)
                );
                sqlx::query(&sql).bind(c).fetch_all(self.pool()).await?
            }
            None => {
                let sql = format!("SELECT {COLS} FROM rag_documents ORDER BY collection, user_id, id");
                sqlx::query(&sql).fetch_all(self.pool()).await?
            }
        };
        rows.iter().map(decode).collect()
    }

    /// Per collection: documents, distinct users, oldest and newest creation time; of one user
    /// only when `user` is set.
    pub async fn rag_stats(&self, user: Option<&str>) -> Result<Vec<RagCollectionStats>> {
        let d = self.dialect();
        let sql = format!(
            "SELECT collection, {} AS documents, CAST(COUNT(DISTINCT user_id) AS {}) AS users, \
             MIN(created_ms) AS oldest, MAX(created_ms) AS newest FROM rag_documents {} GROUP BY collection ORDER BY collection",
            d.count(),
            if d == crate::Dialect::Mysql { "SIGNED" } else { "BIGINT" },
            if user.is_some() { format!("WHERE user_id = {}", d.ph(1)) } else { String::new() }
        );
        let mut q = sqlx::query(&sql);
        if let Some(u) = user {
            q = q.bind(u);
        }
        let rows = q.fetch_all(self.pool()).await?;
        rows.iter()
            .map(|r| {
                Ok(RagCollectionStats {
                    collection: get_text(r, "collection")?,
                    documents: get_i64(r, "documents")?,
                    users: get_i64(r, "users")?,
                    oldest_ms: get_i64(r, "oldest").ok(),
                    newest_ms: get_i64(r, "newest").ok(),
                })
            })
            .collect()
    }

    /// Cached embeddings of `model` for the given text hashes: (hash, base64 vector).
    pub async fn rag_cached_embeddings(&self, model: &str, hashes: &[String]) -> Result<Vec<(String, String)>> {
        let mut out = Vec::new();
        let d = self.dialect();
        for chunk in hashes.chunks(200) {
            let marks: Vec<String> = (0..chunk.len()).map(|i| d.ph(i + 2)).collect();
            let sql = format!(
                "SELECT text_sha256, embedding FROM rag_embedding_cache WHERE model = {} AND text_sha256 IN ({})",
                d.ph(1),
                marks.join(", ")
            );
            let mut q = sqlx::query(&sql).bind(model);
            for h in chunk {
                q = q.bind(h);
            }
            for r in q.fetch_all(self.pool()).await? {
                out.push((get_text(&r, "text_sha256")?, get_text(&r, "embedding")?));
            }
        }
        Ok(out)
    }

    /// Stores embeddings of `model` by text hash (an existing entry is kept).
    pub async fn rag_cache_embeddings(&self, model: &str, items: &[(String, String)], now_ms: i64) -> Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        let d = self.dialect();
        let sel =
            format!("SELECT 1 AS one FROM rag_embedding_cache WHERE model = {} AND text_sha256 = {}", d.ph(1), d.ph(2));
        let ins = format!(
            "INSERT INTO rag_embedding_cache (model, text_sha256, embedding, created_ms) VALUES ({}, {}, {}, {})",
            d.ph(1),
            d.ph(2),
            d.ph(3),
            d.ph(4)
        );
        let mut tx = self.begin_write().await?;
        for (h, v) in items {
            if sqlx::query(&sel).bind(model).bind(h).fetch_optional(&mut *tx).await?.is_none() {
                sqlx::query(&ins).bind(model).bind(h).bind(v).bind(now_ms).execute(&mut *tx).await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }
}
