//! Where documents and their vectors live. Two stores:
//! - [`Embedded`] (the default): table `rag_documents` of quantai's own database (SQLite,
//!   PostgreSQL or MySQL); vectors are searched in memory, one exact partition per user.
//! - [`crate::pgvector::PgVector`]: PostgreSQL with pgvector; vectors are searched there (HNSW
//!   with iterative scans), so replicas share one index and hold no vectors in memory.
//!
//! Every read and delete names the collection and the user, except the operator's own
//! whole-store operations (backup, purge, stats, rebuild).

use async_trait::async_trait;
use quantai_store::rag::{RagCollectionStats, RagDocRow};
use quantai_store::Store;

use crate::filter::Filter;
use crate::RagError;

/// A vector query the store answers itself.
pub struct VectorQuery<'a> {
    pub collection: &'a str,
    pub user: &'a str,
    /// Only vectors of this model are compared.
    pub model: &'a str,
    pub vector: &'a [f32],
    pub k: usize,
    pub filter: &'a Filter,
    /// Minimum cosine similarity.
    pub threshold: Option<f32>,
}

/// A document store.
#[async_trait]
pub trait DocStore: Send + Sync {
    /// `embedded` or `pgvector`.
    fn kind(&self) -> &'static str;
    /// Inserts or replaces `rows` (by collection, user and id), all in one transaction.
    async fn upsert(&self, rows: &[RagDocRow]) -> Result<(), RagError>;
    /// Deletes one document of `user`; whether it existed.
    async fn delete(&self, collection: &str, user: &str, id: &str) -> Result<bool, RagError>;
    /// Deletes every document of `user` in every collection; how many.
    async fn delete_user(&self, user: &str) -> Result<u64, RagError>;
    /// Deletes the documents of `collection` created before `before_ms`; their (user, id).
    async fn purge(&self, collection: &str, before_ms: i64) -> Result<Vec<(String, String)>, RagError>;
    /// The documents of `user` in `collection`; a store that searches vectors itself may leave
    /// `embedding` empty (memory holds no vectors then).
    async fn partition(&self, collection: &str, user: &str) -> Result<Vec<RagDocRow>, RagError>;
    /// The (user, id) keys of a collection's documents.
    async fn keys(&self, collection: &str) -> Result<Vec<(String, String)>, RagError>;
    /// Every document, or those of one collection, in key order.
    async fn all(&self, collection: Option<&str>) -> Result<Vec<RagDocRow>, RagError>;
    /// Per collection counts, of one user when `user` is set.
    async fn stats(&self, user: Option<&str>) -> Result<Vec<RagCollectionStats>, RagError>;
    /// The `k` nearest (id, cosine), best first, for a store that searches vectors itself
    /// ([`DocStore::searches_vectors`]); the in-memory partitions search the others'.
    async fn nearest(&self, _q: &VectorQuery<'_>) -> Result<Vec<(String, f32)>, RagError> {
        Err(RagError::Store(format!("the {} store does not search vectors", self.kind())))
    }
    /// Whether vectors are searched by the store (the partitions in memory then hold none).
    fn searches_vectors(&self) -> bool {
        false
    }
}

/// Documents in quantai's own database; vectors searched in memory.
pub struct Embedded(pub Store);

#[async_trait]
impl DocStore for Embedded {
    fn kind(&self) -> &'static str {
        "embedded"
    }
    async fn upsert(&self, rows: &[RagDocRow]) -> Result<(), RagError> {
        Ok(self.0.rag_upsert(rows).await?)
    }
    async fn delete(&self, collection: &str, user: &str, id: &str) -> Result<bool, RagError> {
        Ok(self.0.rag_delete(collection, user, id).await?)
    }
    async fn delete_user(&self, user: &str) -> Result<u64, RagError> {
        Ok(self.0.rag_delete_user(user).await?)
    }
    async fn purge(&self, collection: &str, before_ms: i64) -> Result<Vec<(String, String)>, RagError> {
        Ok(self.0.rag_purge(collection, before_ms).await?)
    }
    async fn partition(&self, collection: &str, user: &str) -> Result<Vec<RagDocRow>, RagError> {
        Ok(self.0.rag_partition(collection, user).await?)
    }
    async fn keys(&self, collection: &str) -> Result<Vec<(String, String)>, RagError> {
        Ok(self.0.rag_keys(collection).await?)
    }
    async fn all(&self, collection: Option<&str>) -> Result<Vec<RagDocRow>, RagError> {
        Ok(self.0.rag_all(collection).await?)
    }
    async fn stats(&self, user: Option<&str>) -> Result<Vec<RagCollectionStats>, RagError> {
        Ok(self.0.rag_stats(user).await?)
    }
}
