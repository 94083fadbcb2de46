//! The one table of error codes quantai answers with: each [`ErrorCode`] has a stable
//! snake_case code, an HTTP status and an OpenAI error `type`. Library crates name the code of
//! a refusal with this enum (never a string literal); the server maps it to a response, and
//! `docs/errors.md` lists the table (a test keeps the two equal).

use serde::Serialize;

macro_rules! codes {
    ($($variant:ident => ($code:literal, $status:literal, $kind:literal, $doc:literal),)*) => {
        /// A stable error code: see the module docs.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $(#[doc = $doc] $variant,)*
        }

        impl ErrorCode {
            /// Every code, in table order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant,)*];

            /// The code as clients see it: `invalid_json`, `budget_exceeded`, ...
            pub fn code(self) -> &'static str {
                match self { $(ErrorCode::$variant => $code,)* }
            }

            /// The HTTP status it is answered with.
            pub fn status(self) -> u16 {
                match self { $(ErrorCode::$variant => $status,)* }
            }

            /// OpenAI's error `type`: `invalid_request_error`, `rate_limit_error`, ...
            pub fn kind(self) -> &'static str {
                match self { $(ErrorCode::$variant => $kind,)* }
            }

            /// What the code means, for the documented table.
            pub fn meaning(self) -> &'static str {
                match self { $(ErrorCode::$variant => $doc,)* }
            }
        }
    };
}

codes! {
    // 400: the request is wrong; the message names the field.
    InvalidJson => ("invalid_json", 400, "invalid_request_error", "The body is not JSON, not an object, or does not match the operation's schema."),
    InvalidBody => ("invalid_body", 400, "invalid_request_error", "The body could not be read."),
    InvalidQuery => ("invalid_query", 400, "invalid_request_error", "The query string does not match the operation's parameters (an unknown tier, market or group_by included); the message names the parameter."),
    InvalidPath => ("invalid_path", 400, "invalid_request_error", "A path segment is not valid."),
    InvalidRequest => ("invalid_request", 400, "invalid_request_error", "A value is out of range or inconsistent with another; the message says which."),
    InvalidValue => ("invalid_value", 400, "invalid_request_error", "A chat or embeddings parameter has a wrong type or value."),
    InvalidType => ("invalid_type", 400, "invalid_request_error", "A field has the wrong JSON type."),
    MissingRequiredParameter => ("missing_required_parameter", 400, "invalid_request_error", "A required parameter is missing."),
    InvalidDate => ("invalid_date", 400, "invalid_request_error", "A date is not YYYY-MM-DD."),
    InvalidTime => ("invalid_time", 400, "invalid_request_error", "A time is not RFC 3339 or YYYY-MM-DD, or `from` is not before `to`."),
    InvalidId => ("invalid_id", 400, "invalid_request_error", "An id is not 1 to 64 letters, digits, `-` or `_`."),
    InvalidName => ("invalid_name", 400, "invalid_request_error", "A name is empty or too long."),
    InvalidDescription => ("invalid_description", 400, "invalid_request_error", "A description is too long."),
    InvalidStrategy => ("invalid_strategy", 400, "invalid_request_error", "A strategy spec is not valid; the message names the field."),
    InvalidTemplate => ("invalid_template", 400, "invalid_request_error", "A prompt template or its variables are not valid."),
    UnknownService => ("unknown_service", 400, "invalid_request_error", "The service named (header, key or path) has no policy."),
    InvalidService => ("invalid_service", 400, "invalid_request_error", "The X-Quantai-Service header is not a valid service name."),
    MissingService => ("missing_service", 400, "invalid_request_error", "No service: neither the header nor the key names one."),
    InvalidConfig => ("invalid_config", 400, "invalid_request_error", "A reload was refused; the previous configuration stays in force."),
    TooManyDocuments => ("too_many_documents", 400, "invalid_request_error", "More documents in one request than allowed."),
    ModelNotChat => ("model_not_chat", 400, "invalid_request_error", "The model is not a chat model."),
    ModelNotEmbedding => ("model_not_embedding", 400, "invalid_request_error", "The model is not an embedding model."),
    ModelTierNotAllowed => ("model_tier_not_allowed", 400, "invalid_request_error", "The service's policy does not allow the model's tier."),
    ModelCapabilityMissing => ("model_capability_missing", 400, "invalid_request_error", "The model lacks a capability the service requires."),
    PiiDetected => ("pii_detected", 400, "invalid_request_error", "Personal data found and the service blocks it."),
    BannedWord => ("banned_word", 400, "invalid_request_error", "A banned word found and the service blocks it."),
    UpstreamRejected => ("upstream_rejected", 400, "invalid_request_error", "The provider refused the request as invalid; its own 4xx status and message are passed on."),
    // 401, 403
    InvalidApiKey => ("invalid_api_key", 401, "authentication_error", "No, a malformed or an unknown API key."),
    Forbidden => ("forbidden", 403, "permission_error", "The key may not do this (an admin key is needed, or another user's data)."),
    // 404
    NotFound => ("not_found", 404, "invalid_request_error", "No such route."),
    ResourceNotFound => ("resource_not_found", 404, "invalid_request_error", "No such backtest, optimisation, strategy, document, service or market data (for this user)."),
    ModelNotFound => ("model_not_found", 404, "invalid_request_error", "No such model in the catalog (as `model`, a baseline or a prompt's model)."),
    TemplateNotFound => ("template_not_found", 404, "invalid_request_error", "No such prompt template or version."),
    // 405, 413, 415
    MethodNotAllowed => ("method_not_allowed", 405, "invalid_request_error", "The path exists but not with this method; `Allow` lists the methods it has."),
    BodyTooLarge => ("body_too_large", 413, "invalid_request_error", "The body is over `server.max_body_bytes`."),
    UnsupportedMediaType => ("unsupported_media_type", 415, "invalid_request_error", "The body is not sent as `Content-Type: application/json`."),
    // 429
    RateLimitExceeded => ("rate_limit_exceeded", 429, "rate_limit_error", "A request or token rate limit, or a model's daily token quota; see Retry-After."),
    BudgetExceeded => ("budget_exceeded", 429, "insufficient_quota", "A dollar budget is used up until the reset in `x-quantai-budget-reset`."),
    UpstreamRateLimited => ("upstream_rate_limited", 429, "rate_limit_error", "The provider rate-limited quantai after all retries."),
    // 5xx: never the caller's fault; messages carry the request id, details stay in the log.
    InternalError => ("internal_error", 500, "server_error", "A fault inside quantai; the message carries the request id to find it in the log."),

    UpstreamAuthFailed => ("upstream_auth_failed", 502, "upstream_error", "The provider refused quantai's credentials."),
    UpstreamServerError => ("upstream_server_error", 502, "upstream_error", "The provider failed (5xx) after all retries and fallbacks."),
    UpstreamUnreachable => ("upstream_unreachable", 502, "upstream_error", "The provider could not be reached."),
    UpstreamInterrupted => ("upstream_interrupted", 502, "upstream_error", "The provider's answer broke off."),
    Unavailable => ("unavailable", 503, "server_error", "A dependency (Redis, RAG when disabled) is unavailable."),
    UpstreamTimeout => ("upstream_timeout", 504, "upstream_error", "The provider did not answer in time."),
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_snake_case_and_statuses_are_errors() {
        let mut seen = std::collections::BTreeSet::new();
        for &c in ErrorCode::ALL {
            assert!(seen.insert(c.code()), "{} twice", c.code());
            assert!(c.code().bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "{}", c.code());
            assert!((400..600).contains(&c.status()), "{c:?}");
            // Serde's name is the code, so JSON bodies and the table agree.
            assert_eq!(serde_json::to_value(c).ok(), Some(serde_json::Value::from(c.code())));
            // 5xx are server_error or upstream_error, never the caller's kind.
            if c.status() >= 500 {
                assert!(matches!(c.kind(), "server_error" | "upstream_error"), "{c:?}");
            }
        }
    }
}

#[cfg(test)]
mod doc_tests {
    use super::ErrorCode;

    /// `docs/errors.md` lists exactly the table, in order, with the same status, type and meaning.
    #[test]
    fn the_documented_table_is_the_table() {
        let doc = include_str!("../../../docs/errors.md");
        let rows: Vec<Vec<String>> = doc
            .lines()
            .filter(|l| l.starts_with("| `"))
            .map(|l| {
                let cells = l.trim_matches('|').split(" | ").map(str::trim);
                // Code and type are in backticks; a meaning keeps its own.
                cells.enumerate().map(|(i, c)| if i < 3 { c.trim_matches('`') } else { c }.to_string()).collect()
            })
            .collect();
        assert_eq!(rows.len(), ErrorCode::ALL.len(), "docs/errors.md rows");
        for (row, c) in rows.iter().zip(ErrorCode::ALL) {
            let want = [c.code().to_string(), c.status().to_string(), c.kind().to_string(), c.meaning().to_string()];
            assert_eq!(row[..], want[..], "docs/errors.md row for {c:?}");
        }
    }
}
