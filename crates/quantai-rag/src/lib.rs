//! RAG over each user's backtests and strategies: embedders (all-MiniLM-L6-v2 in process, or
//! any model through the gateway), an embedding cache, document stores partitioned by user,
//! hybrid keyword + vector search for Korean and English, and prompt building.

pub mod ann;
pub mod backtest_doc;
pub mod backup;
pub mod bm25;
pub mod embed;
pub mod eval;
pub mod filter;
pub mod index;
pub mod indexing;
pub mod lang;
pub mod minilm;
pub mod models;
pub mod pgvector;
pub mod prompt;
pub mod service;
pub mod store;
pub mod strategy_doc;
pub mod text;

/// A document to index: its id (unique per collection and user), text, metadata (a JSON
/// object, for filters) and creation time (now when absent).
#[derive(Clone, Debug, serde::Deserialize, serde::Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    #[schema(min_length = 1, max_length = 191)]
    pub id: String,
    /// 1 to 16,384 characters, not only spaces.
    #[schema(pattern = "\\S", max_length = 16384)]
    pub text: String,
    /// A JSON object: fields to filter on.
    #[serde(default)]
    #[schema(value_type = Option<Object>)]
    pub metadata: serde_json::Value,
    #[serde(default)]
    pub created_ms: Option<i64>,
}

/// What went wrong in RAG, naming the input or resource at fault.
#[derive(Debug, thiserror::Error)]
pub enum RagError {
    /// The embedding model could not be loaded or run.
    #[error("embedding model: {0}")]
    Model(String),
    /// Bad input from the caller.
    #[error("{0}")]
    Invalid(String),
    /// A document, collection or backup that does not exist (for this user).
    #[error("{0} not found")]
    NotFound(String),
    /// The database failed.
    #[error("rag store: {0}")]
    Store(String),
    /// The embedder (e.g. the gateway) failed.
    #[error("embedding failed: {0}")]
    Embed(String),
}

impl From<quantai_store::Error> for RagError {
    fn from(e: quantai_store::Error) -> Self {
        RagError::Store(e.to_string())
    }
}
