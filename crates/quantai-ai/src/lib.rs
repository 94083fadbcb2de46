//! quantai-ai: the AI services built on the gateway, the quant engine and RAG.
//!
//! - [`factcheck`]: the numeric fact check that every narrative passes before it is returned
//!   ([`factcheck::check`]), over the numbers [`numbers::scan`] finds and the [`facts::Facts`]
//!   of a backtest; [`eval::factcheck_eval`] scores it on a labelled set.
//! - [`builder`]: the strategy builder's deterministic parser ([`builder::parse`]) from a Korean
//!   or English request to a draft strategy, a decline or one question;
//!   [`eval::builder_eval`] scores it.

pub mod builder;
pub mod eval;
pub mod factcheck;
pub mod facts;
pub mod numbers;

/// Errors of the AI services.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}:{line}: {reason}")]
    EvalLine { path: String, line: usize, reason: String },
    #[error("{path}: {source}")]
    Io { path: String, source: std::io::Error },
}

pub type Result<T> = std::result::Result<T, Error>;
