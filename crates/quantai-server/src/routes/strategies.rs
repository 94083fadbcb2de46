//! Saved strategies: each is stored for its owner (the caller's key) and indexed into their
//! `user_strategies` RAG collection as it is saved, so the next question can cite it.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use quantai_core::ErrorCode;
use quantai_quant::service::NewStrategy;
use quantai_quant::strategy::StrategySpec;
use quantai_store::strategies::StrategyRow;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, Auth};
use crate::AppState;

/// A saved strategy.
#[derive(Serialize, ToSchema)]
pub(crate) struct StrategyView {
    id: String,
    name: String,
    description: String,
    spec: StrategySpec,
    created_ms: i64,
    updated_ms: i64,
}

/// A strategy just saved, and whether RAG indexed it.
#[derive(Serialize, ToSchema)]
pub(crate) struct Saved {
    strategy: StrategyView,
    /// False when RAG is off or indexing failed (`quantai rag backfill` indexes it later).
    indexed: bool,
}

/// Saves a strategy for the caller (a new id, or replacing one of theirs) and indexes it for RAG.
#[utoipa::path(post, path = "/api/v1/strategies", operation_id = "saveStrategy", tag = "strategies",
    request_body = NewStrategy, security(("bearer" = [])),
    responses((status = 201, description = "Saved", body = Saved, links(
        ("DeleteStrategy" = (operation_id = "deleteStrategy", parameters(("id" = "$response.body#/strategy/id")))),
    ))))]
pub(crate) async fn save(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiJson(req): ApiJson<NewStrategy>,
) -> Result<(StatusCode, Json<Saved>), ApiError> {
    let saved = state.engine.save_strategy(&p.user_id, req).await?;
    // Indexed as it is saved; a failure leaves the strategy saved (`quantai rag backfill` indexes it).
    let indexed = match &state.rag {
        Some(rag) => match rag.index_strategy(&saved).await {
            Ok(_) => true,
            Err(e) => {
                tracing::error!(error = %e, strategy = %saved.id, "strategy not indexed for RAG");
                false
            }
        },
        None => false,
    };
    Ok((StatusCode::CREATED, Json(Saved { strategy: view(&saved)?, indexed })))
}

fn view(r: &StrategyRow) -> Result<StrategyView, ApiError> {
    let spec =
        StrategySpec::parse(&r.spec).map_err(|e| ApiError::internal(format_args!("stored strategy {}: {e}", r.id)))?;
    Ok(StrategyView {
        id: r.id.clone(),
        name: r.name.clone(),
        description: r.description.clone(),
        spec,
        created_ms: r.created_ms,
        updated_ms: r.updated_ms,
    })
}

/// The caller's strategies.
#[derive(Serialize, ToSchema)]
pub(crate) struct StrategyList {
    strategies: Vec<StrategyView>,
}

/// The caller's saved strategies.
#[utoipa::path(get, path = "/api/v1/strategies", operation_id = "listStrategies", tag = "strategies",
    security(("bearer" = [])), responses((status = 200, description = "The caller's strategies", body = StrategyList)))]
pub(crate) async fn list(State(state): State<AppState>, Auth(p): Auth) -> Result<Json<StrategyList>, ApiError> {
    let rows = state.store.strategies(Some(&p.user_id)).await?;
    Ok(Json(StrategyList { strategies: rows.iter().map(view).collect::<Result<Vec<_>, _>>()? }))
}

/// Deletes one of the caller's strategies (and its RAG document).
#[utoipa::path(delete, path = "/api/v1/strategies/{id}", operation_id = "deleteStrategy", tag = "strategies",
    params(("id" = String, Path, description = "A strategy id")), security(("bearer" = [])),
    responses((status = 204, description = "Deleted"),
        (status = 404, description = "No such strategy of the caller", body = ErrorBody)))]
pub(crate) async fn delete(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<StatusCode, ApiError> {
    if !state.store.delete_strategy(&p.user_id, &id).await? {
        return Err(ApiError::new(ErrorCode::ResourceNotFound, format!("strategy {id:?} not found")));
    }
    if let Some(rag) = &state.rag {
        rag.unindex_strategy(&p.user_id, &id).await?;
    }
    Ok(StatusCode::NO_CONTENT)
}
