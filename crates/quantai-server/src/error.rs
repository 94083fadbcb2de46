//! The one place errors become HTTP responses, always in OpenAI's shape
//! `{"error":{"message","type","param","code"}}`. Every conversion from a library error lives
//! here; the code, status and type come from [`ErrorCode`]'s table. Internal faults are always
//! 500 `internal_error`: the detail goes to the log under the request id, and the message
//! carries only that id.

use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use quantai_core::policy::Refusal;
use quantai_core::ErrorCode;
use quantai_gateway::limits::Limited;
use quantai_gateway::{GatewayError, ProviderError};
use quantai_quant::service::EngineError;
use quantai_rag::RagError;
use serde::Serialize;

/// Why the application could not start, naming the setting or the step at fault. A URL that
/// may hold a password is never part of the message.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("database.url: cannot connect: {0}")]
    Connect(#[source] quantai_store::Error),
    #[error("database migration failed: {0}")]
    Migrate(#[source] quantai_store::Error),
    #[error("redis.url: {0}")]
    Redis(#[source] quantai_gateway::shared::SharedError),
    #[error(transparent)]
    Gateway(#[from] quantai_gateway::SetupError),
    /// A setting's value cannot be used.
    #[error("{setting}: {reason}")]
    Setting { setting: &'static str, reason: String },
    #[error("rag.pgvector_url: {0}")]
    Pgvector(#[source] RagError),
}

tokio::task_local! {
    /// The id of the request being served (set by the request-id middleware).
    pub(crate) static REQUEST_ID: String;
}

/// The current request's id, when inside a request.
pub fn request_id() -> Option<String> {
    REQUEST_ID.try_with(Clone::clone).ok()
}

/// Every error an HTTP route answers with.
#[derive(Debug)]
pub struct ApiError {
    code: ErrorCode,
    message: String,
    param: Option<String>,
    /// A status other than the code's (an upstream's own 4xx, passed on).
    status: Option<StatusCode>,
    /// Boxed: errors travel in `Result`s and most have none.
    extra: Option<Box<Extra>>,
}

/// Headers some errors add.
#[derive(Debug)]
enum Extra {
    RateLimited(Limited),
    BudgetReset(time::OffsetDateTime),
}

/// The body of every error, as documented in the OpenAPI document.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// OpenAI's error object.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// What went wrong, naming the field and value where there is one.
    pub message: String,
    /// OpenAI's error type: `invalid_request_error`, `authentication_error`, ...
    #[serde(rename = "type")]
    pub kind: String,
    /// The offending parameter, if one.
    pub param: Option<String>,
    /// A stable code from the table in `docs/errors.md`.
    pub code: String,
}

impl ApiError {
    /// An error of `code` with a message for the caller.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), param: None, status: None, extra: None }
    }

    /// Names the offending parameter.
    pub fn param(mut self, param: impl Into<String>) -> Self {
        self.param = Some(param.into());
        self
    }

    /// A fault inside quantai: logged in full with the request id; the caller sees only the id.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        let id = request_id().unwrap_or_else(|| "-".into());
        tracing::error!(request_id = %id, error = %detail, "internal error");
        Self::new(ErrorCode::InternalError, format!("internal error; request id {id} (see the server log)"))
    }

    pub fn status(&self) -> StatusCode {
        self.status
            .unwrap_or_else(|| StatusCode::from_u16(self.code.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR))
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl From<GatewayError> for ApiError {
    fn from(e: GatewayError) -> Self {
        use ErrorCode as C;
        match e {
            GatewayError::InvalidRequest { message, param, code } => {
                let mut a = ApiError::new(code, message);
                a.param = param;
                a
            }
            GatewayError::Refused(r) => {
                let param = matches!(
                    r,
                    Refusal::UnknownModel { .. }
                        | Refusal::TierNotAllowed { .. }
                        | Refusal::MissingCapabilities { .. }
                        | Refusal::NotAChatModel { .. }
                );
                let a = ApiError::new(r.code(), r.to_string());
                if param {
                    a.param("model")
                } else {
                    a
                }
            }
            GatewayError::Upstream(p) => upstream(p),
            GatewayError::BudgetExceeded { what, resets_at } => {
                let mut a = ApiError::new(C::BudgetExceeded, format!("{what}; it resets at {resets_at}"));
                a.extra = Some(Box::new(Extra::BudgetReset(resets_at)));
                a
            }
            GatewayError::RateLimited(l) => {
                let mut a = ApiError::new(
                    C::RateLimitExceeded,
                    format!("rate limit reached: {}; retry after {:.3} s", l.what, l.retry_after.as_secs_f64()),
                );
                a.extra = Some(Box::new(Extra::RateLimited(l)));
                a
            }
            GatewayError::Unavailable(m) => {
                tracing::error!(error = %m, "a shared store is unavailable");
                ApiError::new(C::Unavailable, "a shared store (redis) is unavailable; see the server log")
            }
            GatewayError::Internal(m) => ApiError::internal(m),
        }
    }
}

/// The upstream's failure: its own explanation is passed on where it gave one; our credentials
/// and transport details (URLs, addresses) stay in the log.
fn upstream(p: ProviderError) -> ApiError {
    use ErrorCode as C;
    match p {
        ProviderError::Timeout => ApiError::new(C::UpstreamTimeout, "the upstream provider did not answer in time"),
        ProviderError::Connect(e) => {
            tracing::warn!(error = %e, "upstream unreachable");
            ApiError::new(C::UpstreamUnreachable, "cannot reach the upstream provider; see the server log")
        }
        ProviderError::Body(e) => {
            tracing::warn!(error = %e, "upstream answer broke off");
            ApiError::new(C::UpstreamInterrupted, "the upstream connection broke while answering; see the server log")
        }
        ProviderError::Http { status, body, .. } => {
            let theirs = serde_json::from_slice::<serde_json::Value>(&body)
                .ok()
                .and_then(|v| v["error"]["message"].as_str().map(str::to_string));
            match status {
                401 | 403 => ApiError::new(
                    C::UpstreamAuthFailed,
                    format!("upstream answered HTTP {status}: the provider refused quantai's credentials"),
                ),
                _ => {
                    let message = match theirs {
                        Some(m) => format!("upstream answered HTTP {status}: {m}"),
                        None => format!("upstream answered HTTP {status}"),
                    };
                    match status {
                        429 => ApiError::new(C::UpstreamRateLimited, message),
                        400..=499 => {
                            let mut a = ApiError::new(C::UpstreamRejected, message);
                            a.status = StatusCode::from_u16(status).ok();
                            a
                        }
                        _ => ApiError::new(C::UpstreamServerError, message),
                    }
                }
            }
        }
    }
}

impl From<quantai_store::Error> for ApiError {
    fn from(e: quantai_store::Error) -> Self {
        match e {
            quantai_store::Error::Invalid(m) => ApiError::new(ErrorCode::InvalidRequest, m),
            other => ApiError::internal(format_args!("storage: {other}")),
        }
    }
}

impl From<EngineError> for ApiError {
    fn from(e: EngineError) -> Self {
        match e {
            EngineError::Invalid(m) => ApiError::new(ErrorCode::InvalidRequest, m),
            EngineError::Field { field, code, message } => ApiError::new(code, message).param(field),
            EngineError::NotFound(m) => ApiError::new(ErrorCode::ResourceNotFound, m),
            EngineError::Internal(m) => ApiError::internal(m),
            EngineError::Store(e) => e.into(),
        }
    }
}

impl From<quantai_ai::AiError> for ApiError {
    fn from(e: quantai_ai::AiError) -> Self {
        use quantai_ai::AiError as A;
        match e {
            A::Invalid { field, message } => {
                ApiError::new(ErrorCode::InvalidRequest, format!("{field}: {message}")).param(field)
            }
            A::NotFound(m) => ApiError::new(ErrorCode::ResourceNotFound, m),
            A::Llm(m) => {
                tracing::error!(error = %m, "LLM call failed");
                ApiError::new(ErrorCode::Unavailable, "the language model is unavailable; see the server log")
            }
            A::Store(e) => e.into(),
            A::Engine(e) => e.into(),
            A::Setup(m) => ApiError::internal(m),
        }
    }
}

impl From<RagError> for ApiError {
    fn from(e: RagError) -> Self {
        match e {
            RagError::Invalid(m) => ApiError::new(ErrorCode::InvalidRequest, m),
            RagError::NotFound(m) => ApiError::new(ErrorCode::ResourceNotFound, format!("{m} not found")),
            // The embedder (the gateway, when configured) is a dependency that can be down.
            RagError::Embed(m) => {
                tracing::error!(error = %m, "embedding failed");
                ApiError::new(ErrorCode::Unavailable, "the embedding model is unavailable; see the server log")
            }
            other => ApiError::internal(other),
        }
    }
}

impl From<BytesRejection> for ApiError {
    fn from(r: BytesRejection) -> Self {
        if r.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::new(ErrorCode::BodyTooLarge, "request body is over the size limit")
        } else {
            ApiError::new(ErrorCode::InvalidBody, format!("cannot read the request body: {r}"))
        }
    }
}

impl From<QueryRejection> for ApiError {
    fn from(r: QueryRejection) -> Self {
        ApiError::new(ErrorCode::InvalidQuery, format!("invalid query string: {}", r.body_text()))
    }
}

impl From<PathRejection> for ApiError {
    fn from(r: PathRejection) -> Self {
        ApiError::new(ErrorCode::InvalidPath, format!("invalid path: {}", r.body_text()))
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let body = ErrorBody {
            error: ErrorDetail {
                message: self.message,
                kind: self.code.kind().to_string(),
                param: self.param,
                code: self.code.code().to_string(),
            },
        };
        let mut resp = (status, axum::Json(body)).into_response();
        let h = resp.headers_mut();
        match self.extra.map(|e| *e) {
            None => {}
            Some(Extra::BudgetReset(resets_at)) => {
                let secs = (resets_at - time::OffsetDateTime::now_utc()).whole_seconds().max(1);
                insert(h, axum::http::header::RETRY_AFTER, &secs.to_string());
                if let Ok(t) = resets_at.format(&time::format_description::well_known::Rfc3339) {
                    insert(h, HeaderName::from_static("x-quantai-budget-reset"), &t);
                }
            }
            Some(Extra::RateLimited(l)) => {
                rate_headers(h, &l.info);
                let secs = l.retry_after.as_secs_f64().ceil().max(1.0) as u64;
                insert(h, axum::http::header::RETRY_AFTER, &secs.to_string());
            }
        }
        resp
    }
}

fn insert(h: &mut HeaderMap, name: HeaderName, value: &str) {
    if let Ok(v) = HeaderValue::from_str(value) {
        h.insert(name, v);
    }
}

/// OpenAI-style `x-ratelimit-*` headers from the tightest buckets.
pub fn rate_headers(h: &mut HeaderMap, info: &quantai_gateway::limits::RateInfo) {
    for (unit, b) in [("requests", info.requests), ("tokens", info.tokens)] {
        let Some(b) = b else { continue };
        let reset = if b.reset < std::time::Duration::from_secs(1) {
            format!("{}ms", b.reset.as_millis())
        } else {
            format!("{:.3}s", b.reset.as_secs_f64())
        };
        for (name, value) in [
            (format!("x-ratelimit-limit-{unit}"), b.limit.to_string()),
            (format!("x-ratelimit-remaining-{unit}"), b.remaining.to_string()),
            (format!("x-ratelimit-reset-{unit}"), reset),
        ] {
            if let Ok(n) = HeaderName::from_bytes(name.as_bytes()) {
                insert(h, n, &value);
            }
        }
    }
}
