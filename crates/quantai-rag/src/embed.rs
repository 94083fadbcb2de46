//! Embedders: all-MiniLM-L6-v2 in process ([`LocalEmbedder`]), a remote model through the
//! gateway (implemented where the gateway lives, `quantai-server`), and for tests a
//! deterministic hashing embedder. Vectors are unit length.

use std::sync::Arc;

use async_trait::async_trait;

use crate::minilm::MiniLm;
use crate::RagError;

/// Turns texts into unit vectors.
#[async_trait]
pub trait Embedder: Send + Sync {
    /// The model's name, recorded with every stored vector and in the embedding cache.
    fn model(&self) -> &str;
    /// The vectors' size.
    fn dims(&self) -> usize;
    /// Whether the model understands Korean (multilingual remote models do; MiniLM does not).
    fn reads_korean(&self) -> bool {
        false
    }
    /// Embeds `texts` (in order) on behalf of `user` (whose usage a remote model is billed to).
    async fn embed(&self, texts: &[String], user: &str) -> Result<Vec<Vec<f32>>, RagError>;
}

/// MiniLM in process, run on the blocking pool.
pub struct LocalEmbedder {
    model: Arc<MiniLm>,
}

impl LocalEmbedder {
    pub fn new(model: MiniLm) -> Self {
        Self { model: Arc::new(model) }
    }
}

#[async_trait]
impl Embedder for LocalEmbedder {
    fn model(&self) -> &str {
        crate::minilm::MODEL
    }

    fn dims(&self) -> usize {
        crate::minilm::DIMS
    }

    async fn embed(&self, texts: &[String], _user: &str) -> Result<Vec<Vec<f32>>, RagError> {
        let (model, texts) = (self.model.clone(), texts.to_vec());
        tokio::task::spawn_blocking(move || {
            let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
            model.embed(&refs)
        })
        .await
        .map_err(|e| RagError::Model(format!("embedding task failed: {e}")))?
    }
}

/// Feature hashing of the keyword tokens into `dims` buckets, unit length: texts sharing words
/// are similar. Not a language model: for tests and for machines without the model, where the
/// hybrid search still has its keyword half.
pub struct HashEmbedder {
    pub dims: usize,
}

#[async_trait]
impl Embedder for HashEmbedder {
    fn model(&self) -> &str {
        "hash-embedder"
    }

    fn dims(&self) -> usize {
        self.dims
    }

    async fn embed(&self, texts: &[String], _user: &str) -> Result<Vec<Vec<f32>>, RagError> {
        use sha2::{Digest, Sha256};
        Ok(texts
            .iter()
            .map(|t| {
                let mut v = vec![0f32; self.dims];
                for tok in crate::text::tokens(t) {
                    let h = Sha256::digest(tok.as_bytes());
                    let i = u32::from_le_bytes([h[0], h[1], h[2], h[3]]) as usize % self.dims;
                    v[i] += if h[4] & 1 == 0 { 1.0 } else { -1.0 };
                }
                if v.iter().all(|x| *x == 0.0) {
                    v[0] = 1.0;
                }
                crate::minilm::normalize(v)
            })
            .collect())
    }
}
