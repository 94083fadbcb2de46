//! Everything that can stop a model call: [`GatewayError`].

use super::*;

/// Everything that can stop a model call.
#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    /// The request body is malformed; `param` names the offending field.
    #[error("{message}")]
    InvalidRequest { message: String, param: Option<String>, code: quantai_core::ErrorCode },
    /// The service's policy refuses the model.
    #[error("{0}")]
    Refused(Refusal),
    /// The upstream failed.
    #[error("{0}")]
    Upstream(ProviderError),
    /// A dollar budget is used up until `resets_at`.
    #[error("{what}; it resets at {resets_at}")]
    BudgetExceeded { what: String, resets_at: time::OffsetDateTime },
    /// A rate limit or a model's daily token quota refuses the request.
    #[error("rate limit reached: {}; retry after {:.3} s", .0.what, .0.retry_after.as_secs_f64())]
    RateLimited(limits::Limited),
    /// A store the request needs (the shared Redis) is unavailable.
    #[error("{0}")]
    Unavailable(String),
    /// A catalog model maps to a provider that does not exist (should be caught at load).
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<Refusal> for GatewayError {
    fn from(r: Refusal) -> Self {
        GatewayError::Refused(r)
    }
}

/// A gateway that cannot be set up or reloaded: the setting at fault and why.
#[derive(Debug, thiserror::Error)]
pub enum SetupError {
    /// A setting's value cannot be used.
    #[error("{setting}: {reason}")]
    Setting { setting: String, reason: String },
    /// The catalog or the policies do not load or do not agree.
    #[error(transparent)]
    Registry(#[from] quantai_core::Error),
    /// The ledger could not be read to seed the budget counters.
    #[error("loading budget counters from the ledger: {0}")]
    Ledger(#[from] quantai_store::Error),
}

impl SetupError {
    pub(crate) fn setting(setting: impl Into<String>, reason: impl std::fmt::Display) -> Self {
        SetupError::Setting { setting: setting.into(), reason: reason.to_string() }
    }
}
