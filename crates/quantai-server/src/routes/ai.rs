//! The AI services: narrative reports of backtests and the strategy builder. Handlers extract,
//! call the service in `quantai-ai`, and map its error.

use axum::extract::State;
use axum::Json;
use quantai_ai::build_service::{BuildReply, BuildRequest};
use quantai_ai::narrative::{Narrative, NarrativeRequest};
use quantai_store::keys::Role;

use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, Auth};
use crate::AppState;

/// A readable report of one of the caller's backtests, every number checked against its
/// facts: the LLM's when one is configured and its text passes the check (one repair round),
/// otherwise the deterministic template. `generated_by` says which.
#[utoipa::path(post, path = "/api/v1/ai/narratives", operation_id = "createNarrative", tag = "ai",
    request_body = NarrativeRequest, security(("bearer" = [])),
    responses(
        (status = 200, description = "The report with its facts, the check's findings, the model and cost", body = Narrative),
        (status = 400, description = "A field is wrong", body = ErrorBody),
        (status = 404, description = "No such backtest of the caller's", body = ErrorBody)))]
pub(crate) async fn narrate(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiJson(req): ApiJson<NarrativeRequest>,
) -> Result<Json<Narrative>, ApiError> {
    Ok(Json(state.ai.narrator.narrate(&p.user_id, p.role == Role::Admin, &req).await?))
}

/// One message of a strategy-builder conversation: the spec so far, one question when
/// something required is missing, or a decline with the closest supported alternative; with
/// `run`, the backtest's KPIs and narrative.
#[utoipa::path(post, path = "/api/v1/ai/strategy-builder", operation_id = "buildStrategy", tag = "ai",
    request_body = BuildRequest, security(("bearer" = [])),
    responses(
        (status = 200, description = "The builder's answer", body = BuildReply),
        (status = 400, description = "A field is wrong", body = ErrorBody),
        (status = 404, description = "No such conversation of the caller's", body = ErrorBody)))]
pub(crate) async fn build(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiJson(req): ApiJson<BuildRequest>,
) -> Result<Json<BuildReply>, ApiError> {
    Ok(Json(state.ai.builder.converse(&p.user_id, p.role == Role::Admin, &req).await?))
}
