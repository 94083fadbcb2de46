//! OpenAI-compatible routes: chat completions (plain and SSE), embeddings, models.

use std::time::Instant;

use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use quantai_gateway::cache::CacheDirective;
use quantai_gateway::{CallContext, Reply};
use serde_json::{json, Map, Value};

use quantai_core::ErrorCode;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::extract::Auth;
use crate::AppState;

/// Header naming the calling service (default: the key's service).
pub const SERVICE_HEADER: &str = "x-quantai-service";

/// Turns a body extraction result into a JSON object or an OpenAI-shaped error.
pub(crate) fn json_object(body: Result<Bytes, BytesRejection>) -> Result<Map<String, Value>, ApiError> {
    let bytes = body?;
    if bytes.is_empty() {
        return Err(ApiError::new(ErrorCode::InvalidJson, "the request body is empty; send a JSON object"));
    }
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(other) => Err(ApiError::new(
            ErrorCode::InvalidJson,
            format!(
                "the request body must be a JSON object, got {}",
                if other.is_array() { "an array" } else { "a scalar" }
            ),
        )),
        Err(e) => Err(ApiError::new(ErrorCode::InvalidJson, format!("the request body is not valid JSON: {e}"))),
    }
}

pub(crate) fn context(p: Principal, headers: &HeaderMap) -> Result<(Principal, CallContext), ApiError> {
    let service = match headers.get(SERVICE_HEADER) {
        Some(v) => {
            v.to_str().ok().filter(|s| !s.is_empty() && s.len() <= 128).map(str::to_string).ok_or_else(|| {
                ApiError::new(ErrorCode::InvalidService, "X-Quantai-Service is not a valid service name")
            })?
        }
        None => p.service.clone().ok_or_else(|| {
            ApiError::new(
                ErrorCode::MissingService,
                "no service: send the X-Quantai-Service header or use a key created with --service",
            )
        })?,
    };
    let id = crate::error::request_id().unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let mut ctx = CallContext::new(id, p.user_id.clone(), service);
    ctx.cache = cache_directive(headers);
    Ok((p, ctx))
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplateRef {
    name: String,
    version: Option<i64>,
    #[serde(default)]
    variables: Option<std::collections::BTreeMap<String, Value>>,
    /// `system` (prepended) or `user` (appended, the default).
    #[serde(default)]
    role: Option<String>,
}

/// Renders `quantai_template` into a message of the request; returns (name, version) for the
/// ledger.
async fn apply_template(
    state: &AppState,
    body: &mut Map<String, Value>,
    t: Value,
    arm_version: Option<i64>,
) -> Result<(String, i64), ApiError> {
    let bad = |m: String| ApiError::new(ErrorCode::InvalidTemplate, m).param("quantai_template");
    let mut t: TemplateRef = serde_json::from_value(t).map_err(|e| bad(format!("quantai_template: {e}")))?;
    // an experiment on template versions picks the caller's arm's version, unless one is named
    if t.version.is_none() {
        t.version = arm_version;
    }
    let tpl = state
        .store
        .serving_template(&t.name, t.version)
        .await
        .map_err(|e| match e {
            quantai_store::Error::Invalid(m) => bad(m),
            other => other.into(),
        })?
        .ok_or_else(|| ApiError::new(ErrorCode::TemplateNotFound, format!("no prompt template {:?}", t.name)))?;
    let values = t
        .variables
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| match v {
            Value::String(s) => (k, s),
            other => (k, other.to_string()),
        })
        .collect();
    let text = quantai_store::templates::render(&tpl, &values).map_err(|e| bad(e.to_string()))?;
    let role = t.role.unwrap_or_else(|| "user".into());
    if role != "user" && role != "system" {
        return Err(bad(format!("quantai_template.role {role:?} is not system or user")));
    }
    let msg = json!({"role": role, "content": text});
    match body.entry("messages").or_insert_with(|| Value::Array(Vec::new())) {
        Value::Array(a) if role == "system" => a.insert(0, msg),
        Value::Array(a) => a.push(msg),
        _ => return Err(ApiError::new(ErrorCode::InvalidType, "'messages' must be an array").param("messages")),
    }
    Ok((tpl.name, tpl.version))
}

/// `Cache-Control: no-store` / `no-cache`, or `X-Quantai-Cache: on` to cache a sampled request.
fn cache_directive(headers: &HeaderMap) -> CacheDirective {
    let cc = headers.get(header::CACHE_CONTROL).and_then(|v| v.to_str().ok()).unwrap_or("").to_ascii_lowercase();
    if cc.contains("no-store") {
        return CacheDirective::NoStore;
    }
    if cc.contains("no-cache") {
        return CacheDirective::NoCache;
    }
    match headers.get("x-quantai-cache").and_then(|v| v.to_str().ok()) {
        Some(v) if v.eq_ignore_ascii_case("on") || v.eq_ignore_ascii_case("true") => CacheDirective::OptIn,
        _ => CacheDirective::Default,
    }
}

fn reply(state: &AppState, r: Reply, started: Instant, request_id: &str) -> Response {
    let (mut resp, upstream) = match r {
        Reply::Cached { body, sse } => {
            let ct = if sse { "text/event-stream" } else { "application/json" };
            let mut resp = (StatusCode::OK, [(header::CONTENT_TYPE, ct)], body).into_response();
            resp.headers_mut().insert("x-quantai-cache", HeaderValue::from_static("hit"));
            (resp, std::time::Duration::ZERO)
        }
        Reply::Json { body, upstream } => {
            ((StatusCode::OK, [(header::CONTENT_TYPE, "application/json")], body).into_response(), upstream)
        }
        Reply::Stream { stream, upstream } => {
            let mut resp = Response::new(Body::from_stream(stream));
            let h = resp.headers_mut();
            h.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/event-stream"));
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            (resp, upstream)
        }
    };
    if let Ok(v) = HeaderValue::from_str(request_id) {
        resp.headers_mut().insert("x-request-id", v);
    }
    let overhead = started.elapsed().saturating_sub(upstream);
    state.gateway.metrics().gateway_overhead.observe(overhead.as_secs_f64());
    resp
}

/// Which OpenAI endpoint a request is for.
#[derive(Clone, Copy)]
enum Endpoint {
    Chat,
    Embeddings,
}

async fn call(
    state: AppState,
    p: Principal,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
    endpoint: Endpoint,
) -> Result<Response, ApiError> {
    let started = Instant::now();
    let (_, mut ctx) = context(p, &headers)?;
    let mut body = json_object(body)?;
    if let Some(t) = body.remove("quantai_template").filter(|t| !t.is_null()) {
        let arm_version = state.gateway.arm_for(&ctx.service, &ctx.user_id).and_then(|(_, a)| a.template_version);
        ctx.template = Some(apply_template(&state, &mut body, t, arm_version).await?);
    }
    let id = ctx.request_id.clone();
    let (r, rate) = match endpoint {
        Endpoint::Chat => state.gateway.chat(ctx, body).await?,
        Endpoint::Embeddings => state.gateway.embeddings(ctx, body).await?,
    };
    let mut resp = reply(&state, r, started, &id);
    crate::error::rate_headers(resp.headers_mut(), &rate);
    Ok(resp)
}

/// A chat completion through the gateway: the caller's service policy picks and limits the model;
/// budgets, rate limits, cache, PII masking and the ledger apply.
#[utoipa::path(post, path = "/v1/chat/completions", operation_id = "createChatCompletion", tag = "openai",
    request_body = crate::openapi::ChatRequest,
    params(("X-Quantai-Service" = Option<String>, Header, description = "The calling service (default: the key's)")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The completion, or a text/event-stream of chunks when `stream`",
            content((crate::openapi::ChatCompletion = "application/json"), (crate::openapi::SseEvent = "text/event-stream"))),
        (status = 404, description = "No such model", body = crate::error::ErrorBody),
        (status = 429, description = "A rate limit, quota or budget", body = crate::error::ErrorBody),
        (status = 502, description = "The provider failed", body = crate::error::ErrorBody),
        (status = 503, description = "A shared store (Redis) is unavailable", body = crate::error::ErrorBody),
        (status = 504, description = "The provider timed out", body = crate::error::ErrorBody)))]
pub(crate) async fn chat(
    State(state): State<AppState>,
    Auth(p): Auth,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    call(state, p, headers, body, Endpoint::Chat).await
}

/// Embeddings through the gateway, ledgered like chat.
#[utoipa::path(post, path = "/v1/embeddings", operation_id = "createEmbeddings", tag = "openai",
    request_body = crate::openapi::EmbeddingsRequest,
    params(("X-Quantai-Service" = Option<String>, Header, description = "The calling service (default: the key's)")),
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The embeddings", body = crate::openapi::EmbeddingsResponse),
        (status = 404, description = "No such model", body = crate::error::ErrorBody),
        (status = 429, description = "A rate limit, quota or budget", body = crate::error::ErrorBody),
        (status = 502, description = "The provider failed", body = crate::error::ErrorBody),
        (status = 503, description = "A shared store (Redis) is unavailable", body = crate::error::ErrorBody),
        (status = 504, description = "The provider timed out", body = crate::error::ErrorBody)))]
pub(crate) async fn embeddings(
    State(state): State<AppState>,
    Auth(p): Auth,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    call(state, p, headers, body, Endpoint::Embeddings).await
}

/// The catalog in OpenAI's model-list shape.
#[utoipa::path(get, path = "/v1/models", operation_id = "listModels", tag = "openai", security(("bearer" = [])),
    responses((status = 200, description = "The models", body = crate::openapi::OpenAiModelList)))]
pub(crate) async fn models(
    State(state): State<AppState>,
    _: Auth,
) -> Result<axum::Json<crate::openapi::OpenAiModelList>, ApiError> {
    let reg = state.gateway.registry();
    let data = reg
        .catalog
        .models()
        .map(|m| crate::openapi::OpenAiModel {
            id: m.id.clone(),
            object: "model".into(),
            created: 0,
            owned_by: m.provider.clone(),
        })
        .collect();
    Ok(axum::Json(crate::openapi::OpenAiModelList { object: "list".into(), data }))
}
