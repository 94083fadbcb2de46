//! The one error type of quantai-core.

/// Errors raised while loading or validating configuration, catalogs and policies.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A configuration value was missing, unknown or invalid; the message names the key.
    #[error("configuration error: {0}")]
    Config(String),
    /// The model catalog file could not be parsed or failed validation.
    #[error("model catalog error: {0}")]
    Catalog(String),
    /// The service policy file could not be parsed or failed validation.
    #[error("service policy error: {0}")]
    Policy(String),
    /// A price or cost was out of range or had too many decimal places.
    #[error("price error: {0}")]
    Price(String),
    /// Reading a file failed.
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Result alias for quantai-core.
pub type Result<T, E = Error> = std::result::Result<T, E>;
