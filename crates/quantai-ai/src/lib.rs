//! quantai-ai: the AI services built on the gateway, the quant engine and RAG.
//!
//! - [`factcheck`]: the numeric fact check that every narrative passes before it is returned
//!   ([`factcheck::check`]), over the numbers [`numbers::scan`] finds and the [`facts::Facts`]
//!   of a backtest; [`eval::factcheck_eval`] scores it on a labelled set.
//! - [`builder`]: the strategy builder's deterministic parser ([`builder::parse`]) from a Korean
//!   or English request to a draft strategy, a decline or one question;
//!   [`eval::builder_eval`] scores it.

pub mod build_service;
pub mod builder;
pub mod chatops;
pub mod eval;
pub mod experiments;
pub mod factcheck;
pub mod facts;
pub mod governance;
pub mod narrative;
pub mod numbers;

/// Errors reading evaluation sets.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}:{line}: {reason}")]
    EvalLine { path: String, line: usize, reason: String },
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
}

pub type Result<T> = std::result::Result<T, Error>;

/// Errors of the AI services; the server maps them to HTTP statuses.
#[derive(Debug, thiserror::Error)]
pub enum AiError {
    /// The caller's input is wrong: the field and what is wrong with it.
    #[error("{field}: {message}")]
    Invalid { field: &'static str, message: String },
    #[error("{0}")]
    NotFound(String),
    /// The LLM call failed (the services fall back; this reaches callers only where no
    /// deterministic answer exists).
    #[error("LLM: {0}")]
    Llm(String),
    /// A setting cannot be used.
    #[error("{0}")]
    Setup(String),
    #[error(transparent)]
    Store(#[from] quantai_store::Error),
    #[error(transparent)]
    Engine(quantai_quant::service::EngineError),
}

impl AiError {
    pub(crate) fn from_engine(e: quantai_quant::service::EngineError) -> Self {
        match e {
            quantai_quant::service::EngineError::NotFound(m) => AiError::NotFound(m),
            other => AiError::Engine(other),
        }
    }
}

/// Which path produced an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum GeneratedBy {
    Llm,
    Template,
    Parser,
    Cache,
}

impl GeneratedBy {
    pub fn as_str(self) -> &'static str {
        match self {
            GeneratedBy::Llm => "llm",
            GeneratedBy::Template => "template",
            GeneratedBy::Parser => "parser",
            GeneratedBy::Cache => "cache",
        }
    }
}

/// The AI services, built once per process.
#[derive(Clone)]
pub struct Services {
    pub narrator: narrative::Narrator,
    pub builder: build_service::Builder,
    pub chatops: chatops::ChatOps,
    pub experiments: experiments::Experiments,
}

impl Services {
    pub fn new(
        settings: &quantai_core::config::Settings,
        gateway: quantai_gateway::Gateway,
        engine: quantai_quant::service::Engine,
        store: quantai_store::Store,
        rag: Option<std::sync::Arc<quantai_rag::service::Rag>>,
    ) -> std::result::Result<Self, AiError> {
        let lexicon = quantai_lang::Lexicon::shared();
        let experiments = experiments::Experiments { store: store.clone(), gateway: gateway.clone() };
        let narrator = narrative::Narrator {
            experiments: experiments.clone(),
            gateway: gateway.clone(),
            engine: engine.clone(),
            store: store.clone(),
            reports: narrative::Reports::open(&settings.ai.reports_url)?,
            max_tokens: settings.ai.narrative_max_tokens,
            lexicon: lexicon.clone(),
        };
        let builder = build_service::Builder {
            experiments: experiments.clone(),
            gateway: gateway.clone(),
            engine: engine.clone(),
            store: store.clone(),
            narrator: narrator.clone(),
            lexicon,
            rag: rag.clone(),
        };
        let chatops = chatops::ChatOps {
            gateway,
            engine,
            store,
            rag,
            builder: builder.clone(),
            settings: std::sync::Arc::new(settings.clone()),
            max_steps: settings.ai.chatops_max_steps,
            max_cost: quantai_core::money::Cost::from_usd(settings.ai.chatops_max_cost_usd),
        };
        Ok(Self { narrator, builder, chatops, experiments })
    }
}
