//! Operations: health, readiness, metrics, the OpenAPI document, configuration reload.

use axum::extract::State;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use quantai_core::ErrorCode;

use crate::error::ApiError;
use crate::extract::Admin;
use crate::AppState;

/// Liveness: the process answers.
#[utoipa::path(get, path = "/healthz", operation_id = "healthz", tag = "ops",
    responses((status = 200, description = "Alive", content_type = "text/plain", body = String)))]
pub(crate) async fn healthz() -> &'static str {
    "ok"
}

/// Readiness of the database and providers.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub(crate) struct Readiness {
    ready: bool,
    /// `ok` or `unreachable`.
    database: String,
    providers_without_credentials: Vec<String>,
    ledger_queue: i64,
}

/// Readiness: the database answers and every provider has credentials.
#[utoipa::path(get, path = "/readyz", operation_id = "readyz", tag = "ops",
    responses((status = 200, description = "Ready", body = Readiness),
        (status = 503, description = "Not ready", body = Readiness)))]
pub(crate) async fn readyz(State(state): State<AppState>) -> Response {
    let db = state.store.ping().await;
    let not_ready = state.gateway.providers_not_ready();
    let ok = db.is_ok() && not_ready.is_empty();
    let body = Readiness {
        ready: ok,
        database: if db.is_ok() { "ok" } else { "unreachable" }.to_string(),
        providers_without_credentials: not_ready,
        ledger_queue: state.gateway.ledger().depth(),
    };
    let status = if ok { StatusCode::OK } else { StatusCode::SERVICE_UNAVAILABLE };
    (status, Json(body)).into_response()
}

/// Prometheus metrics (OpenMetrics text).
#[utoipa::path(get, path = "/metrics", operation_id = "metrics", tag = "ops",
    responses((status = 200, description = "Metrics", content_type = "application/openmetrics-text", body = String)))]
pub(crate) async fn metrics(State(state): State<AppState>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")],
        state.gateway.metrics().render(),
    )
        .into_response()
}

/// This document, generated from the handlers.
#[utoipa::path(get, path = "/api/openapi.json", operation_id = "openapi", tag = "ops",
    responses((status = 200, description = "The OpenAPI 3.1 document", body = Object)))]
pub(crate) async fn openapi(State(state): State<AppState>) -> Response {
    let doc = crate::openapi::document(&state.gateway.registry());
    ([(header::CONTENT_TYPE, "application/json")], doc).into_response()
}

/// What a reload loaded.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub(crate) struct Reloaded {
    reloaded: bool,
    models: usize,
    services: usize,
    /// Jobs in the reloaded `jobs.yaml` schedule.
    scheduled_jobs: usize,
}

/// Reloads the catalog, the policies and the `jobs.yaml` schedule (admins); a bad file is
/// refused and the old configuration stays.
#[utoipa::path(post, path = "/api/v1/admin/reload", operation_id = "reload", tag = "ops", security(("bearer" = [])),
    responses((status = 200, description = "Reloaded", body = Reloaded),
        (status = 400, description = "A file was refused; the previous configuration stays in force", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin key", body = crate::error::ErrorBody)))]
pub(crate) async fn reload(State(state): State<AppState>, _: Admin) -> Result<Json<Reloaded>, ApiError> {
    let reg = state.gateway.reload().map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidConfig,
            format!("reload refused, the previous configuration stays in force: {e}"),
        )
    })?;
    let schedule = state.scheduler.reload().map_err(|e| {
        ApiError::new(
            ErrorCode::InvalidConfig,
            format!("schedule reload refused, the previous schedule stays in force: {e}"),
        )
    })?;
    Ok(Json(Reloaded {
        reloaded: true,
        models: reg.catalog.models().count(),
        services: reg.policies.services().count(),
        scheduled_jobs: schedule.entries.len(),
    }))
}
