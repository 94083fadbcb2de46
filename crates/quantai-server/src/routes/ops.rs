//! Operations: health, readiness, metrics, the OpenAPI document, configuration reload.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use quantai_core::ErrorCode;
use serde_json::json;

use crate::error::ApiError;
use crate::extract::Admin;
use crate::AppState;

/// The OpenAPI 3.1 document, kept as data beside the code; a test checks it lists every route.
pub const OPENAPI: &str = include_str!("../../openapi.json");

pub(crate) async fn healthz() -> &'static str {
    "ok"
}

pub(crate) async fn readyz(State(state): State<AppState>) -> Response {
    let db = state.store.ping().await;
    let not_ready = state.gateway.providers_not_ready();
    let ok = db.is_ok() && not_ready.is_empty();
    let body = json!({
        "ready": ok,
        "database": if db.is_ok() { "ok".to_string() } else { "unreachable".to_string() },
        "providers_without_credentials": not_ready,
        "ledger_queue": state.gateway.ledger().depth(),
    });
    let status = if ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, Json(body)).into_response()
}

pub(crate) async fn metrics(State(state): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")],
        state.gateway.metrics().render(),
    )
        .into_response()
}

pub(crate) async fn openapi() -> Response {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI).into_response()
}

pub(crate) async fn reload(State(state): State<AppState>, _: Admin) -> Result<Json<serde_json::Value>, ApiError> {
    let reg = state.gateway.reload().map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidConfig,
            format!("reload refused, the previous configuration stays in force: {e}"),
        )
    })?;
    Ok(Json(json!({
        "reloaded": true,
        "models": reg.catalog.models().count(),
        "services": reg.policies.services().count(),
    })))
}
