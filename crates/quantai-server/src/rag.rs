//! RAG in the server: the embedder the settings choose (MiniLM in process, or a model through
//! the gateway so its usage and cost are ledgered) and the store (embedded or pgvector). The
//! indexing itself is `quantai_rag::indexing`.

use std::sync::Arc;

use async_trait::async_trait;
use quantai_core::config::{EmbedderKind, RagSettings, RagStoreKind};
use quantai_gateway::{CallContext, Gateway, Reply};
use quantai_rag::embed::{Embedder, HashEmbedder, LocalEmbedder};
use quantai_rag::pgvector::PgVector;
use quantai_rag::service::Rag;
use quantai_rag::RagError;
use quantai_store::Store;

use crate::error::StartError;
use secrecy::ExposeSecret;
use serde_json::{json, Map, Value};

/// Embeddings through the gateway, billed to the user the documents belong to (service `rag`).
pub struct GatewayEmbedder {
    gateway: Gateway,
    model: String,
    dims: usize,
}

impl GatewayEmbedder {
    pub fn new(gateway: Gateway, model: &str) -> Result<Self, StartError> {
        let reg = gateway.registry();
        let bad = |reason: String| StartError::Setting { setting: "rag.gateway_model", reason };
        let spec = reg.catalog.get(model).ok_or_else(|| bad(format!("{model:?} is not in the catalog")))?;
        let dims = spec.dimensions.ok_or_else(|| bad(format!("{model:?} is not an embedding model")))?;
        Ok(Self { gateway: gateway.clone(), model: model.to_string(), dims: dims as usize })
    }
}

#[async_trait]
impl Embedder for GatewayEmbedder {
    fn model(&self) -> &str {
        &self.model
    }

    fn dims(&self) -> usize {
        self.dims
    }

    /// OpenAI's embedding models are multilingual.
    fn reads_korean(&self) -> bool {
        true
    }

    async fn embed(&self, texts: &[String], user: &str) -> Result<Vec<Vec<f32>>, RagError> {
        let ctx = CallContext::new(uuid::Uuid::new_v4().to_string(), user.to_string(), "rag".into());
        let mut body = Map::new();
        body.insert("model".into(), json!(self.model));
        body.insert("input".into(), json!(texts));
        let (reply, _) = self.gateway.embeddings(ctx, body).await.map_err(|e| RagError::Embed(e.to_string()))?;
        let Reply::Json { body, .. } = reply else {
            return Err(RagError::Embed("the gateway answered embeddings with a stream".into()));
        };
        let v: Value = serde_json::from_slice(&body).map_err(|e| RagError::Embed(format!("unreadable answer: {e}")))?;
        let data = v["data"].as_array().ok_or_else(|| RagError::Embed("answer has no data array".into()))?;
        let mut out = vec![Vec::new(); texts.len()];
        for d in data {
            let i = d["index"].as_u64().unwrap_or(u64::MAX) as usize;
            let e = d["embedding"].as_array().ok_or_else(|| RagError::Embed("an item has no embedding".into()))?;
            let vec: Vec<f32> = e.iter().map(|x| x.as_f64().unwrap_or(0.0) as f32).collect();
            let slot = out.get_mut(i).ok_or_else(|| RagError::Embed(format!("index {i} out of range")))?;
            *slot = quantai_rag::minilm::normalize(vec);
        }
        Ok(out)
    }
}

/// The embedder `settings` choose. A missing local model is not fatal: search then ranks by
/// keywords and a hashing stand-in until `quantai models pull` installs it (and `quantai rag
/// rebuild --reembed` re-embeds what was stored meanwhile).
/// `gateway` is needed only for `rag.embedder = "gateway"`.
pub fn embedder(settings: &RagSettings, gateway: Option<&Gateway>) -> Result<Arc<dyn Embedder>, StartError> {
    match settings.embedder {
        EmbedderKind::Gateway => {
            let gateway = gateway.ok_or_else(|| StartError::Setting {
                setting: "rag.embedder",
                reason: "\"gateway\" needs the gateway, which this command does not build".into(),
            })?;
            Ok(Arc::new(GatewayEmbedder::new(gateway.clone(), &settings.gateway_model)?))
        }
        EmbedderKind::Local => {
            let dir = std::path::Path::new(&settings.model_dir);
            match quantai_rag::minilm::MiniLm::load(dir) {
                Ok(m) => Ok(Arc::new(LocalEmbedder::new(m))),
                Err(e) => {
                    tracing::warn!(error = %e, "local embedding model unavailable: RAG ranks by keywords until `quantai models pull` installs it");
                    Ok(Arc::new(HashEmbedder { dims: quantai_rag::minilm::DIMS }))
                }
            }
        }
    }
}

/// The RAG service: documents in `store` (embedded) or in PostgreSQL with pgvector.
/// `database_url` stands in for an empty `rag.pgvector_url`; `env` resolves `env::VAR`.
pub async fn build(
    settings: &RagSettings,
    store: &Store,
    database_url: &str,
    gateway: Option<&Gateway>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Option<Arc<Rag>>, StartError> {
    if !settings.enabled {
        return Ok(None);
    }
    let embedder = embedder(settings, gateway)?;
    let lexicon = Arc::new(lexicon(settings, store).await?);
    match settings.store {
        RagStoreKind::Embedded => {
            let rag = Rag::new(store.clone(), embedder);
            rag.set_ann_min_documents(settings.ann_min_documents);
            rag.set_lexicon(lexicon);
            Ok(Some(Arc::new(rag)))
        }
        RagStoreKind::Pgvector => {
            let url = if settings.pgvector_url.is_empty() {
                secrecy::SecretString::from(database_url.to_string())
            } else {
                settings.pgvector_url.resolve(env).ok_or_else(|| StartError::Setting {
                    setting: "rag.pgvector_url",
                    reason: "the environment variable it names is unset".into(),
                })?
            };
            // The URL may hold a password: errors name the setting, never the URL.
            let docs =
                PgVector::connect(url.expose_secret(), embedder.dims(), 8).await.map_err(StartError::Pgvector)?;
            let rag = Rag::with_docs(store.clone(), Arc::new(docs), embedder);
            rag.set_lexicon(lexicon);
            Ok(Some(Arc::new(rag)))
        }
    }
}

/// The lexicon: the shipped files, the user's `rag.lexicon_files`, and every symbol in the
/// market-data store (known by its ticker). A file that cannot be read or parsed stops
/// start-up, naming it.
pub async fn lexicon(settings: &RagSettings, store: &Store) -> Result<quantai_lang::Lexicon, StartError> {
    let bad = |reason: String| StartError::Setting { setting: "rag.lexicon_files", reason };
    let mut b = quantai_lang::Builder::shipped().map_err(|e| bad(e.to_string()))?;
    for f in &settings.lexicon_files {
        let text = std::fs::read_to_string(f).map_err(|e| bad(format!("{f}: {e}")))?;
        b.add_toml(f, &text).map_err(|e| bad(e.to_string()))?;
    }
    match store.symbols().await {
        Ok(symbols) => {
            for s in symbols {
                b.add_symbol(&s.symbol, &s.market);
            }
        }
        Err(e) => tracing::warn!(error = %e, "the lexicon knows no stored symbols: listing them failed"),
    }
    b.build().map_err(|e| bad(e.to_string()))
}
