//! The one place errors become HTTP responses, always in OpenAI's shape
//! `{"error":{"message","type","param","code"}}`.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use quantai_core::policy::Refusal;
use quantai_gateway::{GatewayError, ProviderError};
use serde_json::json;

/// Every error an HTTP route can answer with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("{0}")]
    BadRequest(String, Option<String>, &'static str),
    #[error("{0}")]
    Unauthorized(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String, &'static str),
    #[error("request body is {0}")]
    TooLarge(String),
    #[error(transparent)]
    Gateway(GatewayError),
    #[error("storage error: {0}")]
    Store(#[from] quantai_store::Error),
    #[error("{0}")]
    Unavailable(String),
    #[error("rate limit reached: {}; retry after {:.3} s", .0.what, .0.retry_after.as_secs_f64())]
    RateLimited(quantai_gateway::limits::Limited),
}

impl From<GatewayError> for ApiError {
    fn from(e: GatewayError) -> Self {
        match e {
            GatewayError::RateLimited(l) => ApiError::RateLimited(l),
            GatewayError::Unavailable(m) => {
                tracing::error!(error = %m, "a shared store is unavailable");
                ApiError::Unavailable("a shared store (redis) is unavailable; see the server log".into())
            }
            other => ApiError::Gateway(other),
        }
    }
}

/// Status, OpenAI `type` and `code` of an error. One exhaustive table.
fn classify(e: &ApiError) -> (StatusCode, &'static str, String) {
    use StatusCode as S;
    match e {
        ApiError::BadRequest(_, _, code) => (S::BAD_REQUEST, "invalid_request_error", (*code).to_string()),
        ApiError::Unauthorized(_) => (S::UNAUTHORIZED, "authentication_error", "invalid_api_key".into()),
        ApiError::Forbidden(_) => (S::FORBIDDEN, "permission_error", "forbidden".into()),
        ApiError::NotFound(_, code) => (S::NOT_FOUND, "invalid_request_error", (*code).to_string()),
        ApiError::TooLarge(_) => (S::PAYLOAD_TOO_LARGE, "invalid_request_error", "body_too_large".into()),
        ApiError::Gateway(g) => match g {
            GatewayError::InvalidRequest { code, .. } => (S::BAD_REQUEST, "invalid_request_error", (*code).to_string()),
            GatewayError::Refused(r) => {
                let status = match r {
                    Refusal::UnknownModel { .. } => S::NOT_FOUND,
                    _ => S::BAD_REQUEST,
                };
                (status, "invalid_request_error", r.code().to_string())
            }
            GatewayError::Upstream(p) => match p {
                ProviderError::Timeout => (S::GATEWAY_TIMEOUT, "upstream_error", "upstream_timeout".into()),
                ProviderError::Connect(_) => (S::BAD_GATEWAY, "upstream_error", "upstream_unreachable".into()),
                ProviderError::Body(_) => (S::BAD_GATEWAY, "upstream_error", "upstream_interrupted".into()),
                ProviderError::Http { status: 429, .. } => {
                    (S::TOO_MANY_REQUESTS, "rate_limit_error", "upstream_rate_limited".into())
                }
                // Our credentials upstream are wrong: the caller cannot fix that.
                ProviderError::Http { status: 401 | 403, .. } => {
                    (S::BAD_GATEWAY, "upstream_error", "upstream_auth_failed".into())
                }
                ProviderError::Http { status, .. } if (400..500).contains(status) => (
                    S::from_u16(*status).unwrap_or(S::BAD_REQUEST),
                    "invalid_request_error",
                    "upstream_rejected".into(),
                ),
                ProviderError::Http { .. } => (S::BAD_GATEWAY, "upstream_error", "upstream_server_error".into()),
            },
            GatewayError::BudgetExceeded { .. } => {
                (S::TOO_MANY_REQUESTS, "insufficient_quota", "budget_exceeded".into())
            }
            GatewayError::Internal(_) => (S::INTERNAL_SERVER_ERROR, "server_error", "internal_error".into()),
            GatewayError::RateLimited(_) => (S::TOO_MANY_REQUESTS, "rate_limit_error", "rate_limit_exceeded".into()),
            GatewayError::Unavailable(_) => (S::SERVICE_UNAVAILABLE, "server_error", "unavailable".into()),
        },
        ApiError::Store(_) => (S::INTERNAL_SERVER_ERROR, "server_error", "storage_error".into()),
        ApiError::Unavailable(_) => (S::SERVICE_UNAVAILABLE, "server_error", "unavailable".into()),
        ApiError::RateLimited(_) => (S::TOO_MANY_REQUESTS, "rate_limit_error", "rate_limit_exceeded".into()),
    }
}

fn param(e: &ApiError) -> Option<String> {
    match e {
        ApiError::BadRequest(_, p, _) => p.clone(),
        ApiError::Gateway(GatewayError::InvalidRequest { param, .. }) => param.clone(),
        ApiError::Gateway(GatewayError::Refused(
            Refusal::UnknownModel { .. }
            | Refusal::TierNotAllowed { .. }
            | Refusal::MissingCapabilities { .. }
            | Refusal::NotAChatModel { .. },
        )) => Some("model".into()),
        _ => None,
    }
}

fn message(e: &ApiError) -> String {
    match e {
        // Pass the upstream's own explanation through when it gave one.
        ApiError::Gateway(GatewayError::Upstream(ProviderError::Http { status, body, .. })) => {
            let upstream = serde_json::from_slice::<serde_json::Value>(body)
                .ok()
                .and_then(|v| v["error"]["message"].as_str().map(str::to_string));
            match upstream {
                Some(_) if matches!(status, 401 | 403) => {
                    format!("upstream answered HTTP {status}: the provider refused quantai's credentials")
                }
                Some(m) => format!("upstream answered HTTP {status}: {m}"),
                None => format!("upstream answered HTTP {status}"),
            }
        }
        // Our own credentials upstream, and transport details (URLs, addresses), stay in the log.
        ApiError::Gateway(GatewayError::Upstream(ProviderError::Connect(_))) => {
            "cannot reach the upstream provider; see the server log".into()
        }
        ApiError::Gateway(GatewayError::Upstream(ProviderError::Body(_))) => {
            "the upstream connection broke while answering; see the server log".into()
        }
        ApiError::Store(_) => "a storage error occurred; see the server log".into(),
        other => other.to_string(),
    }
}

impl ApiError {
    pub fn bad(msg: impl Into<String>, param: Option<&str>, code: &'static str) -> Self {
        ApiError::BadRequest(msg.into(), param.map(str::to_string), code)
    }

    pub fn status(&self) -> StatusCode {
        classify(self).0
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, kind, code) = classify(&self);
        if let ApiError::Store(e) = &self {
            tracing::error!(error = %e, "storage error");
        }
        let body = json!({"error": {"message": message(&self), "type": kind, "param": param(&self), "code": code}});
        let mut resp = (status, axum::Json(body)).into_response();
        if let ApiError::Gateway(GatewayError::BudgetExceeded { resets_at, .. }) = &self {
            let secs = (*resets_at - time::OffsetDateTime::now_utc()).whole_seconds().max(1);
            if let Ok(v) = axum::http::HeaderValue::from_str(&secs.to_string()) {
                resp.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
            }
            if let Ok(t) = resets_at.format(&time::format_description::well_known::Rfc3339) {
                if let Ok(v) = axum::http::HeaderValue::from_str(&t) {
                    resp.headers_mut().insert("x-quantai-budget-reset", v);
                }
            }
        }
        if let ApiError::RateLimited(l) = &self {
            rate_headers(resp.headers_mut(), &l.info);
            let secs = l.retry_after.as_secs_f64().ceil().max(1.0) as u64;
            if let Ok(v) = axum::http::HeaderValue::from_str(&secs.to_string()) {
                resp.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
            }
        }
        resp
    }
}

/// OpenAI-style `x-ratelimit-*` headers from the tightest buckets.
pub fn rate_headers(h: &mut axum::http::HeaderMap, info: &quantai_gateway::limits::RateInfo) {
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
            if let (Ok(n), Ok(v)) =
                (axum::http::HeaderName::from_bytes(name.as_bytes()), axum::http::HeaderValue::from_str(&value))
            {
                h.insert(n, v);
            }
        }
    }
}
