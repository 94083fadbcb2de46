//! Saved strategies: each is stored for its owner (the caller's key) and indexed into their
//! `user_strategies` RAG collection as it is saved, so the next question can cite it.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use quantai_core::ErrorCode;
use quantai_quant::service::NewStrategy;
use quantai_store::strategies::StrategyRow;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, Auth};
use crate::AppState;

pub(crate) async fn save(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiJson(req): ApiJson<NewStrategy>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
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
    Ok((StatusCode::CREATED, Json(json!({"strategy": view(&saved)?, "indexed": indexed}))))
}

fn view(r: &StrategyRow) -> Result<Value, ApiError> {
    let spec = serde_json::from_str::<Value>(&r.spec)
        .map_err(|e| ApiError::internal(format_args!("stored strategy {}: {e}", r.id)))?;
    Ok(json!({
        "id": r.id, "name": r.name, "description": r.description, "spec": spec,
        "created_ms": r.created_ms, "updated_ms": r.updated_ms,
    }))
}

pub(crate) async fn list(State(state): State<AppState>, Auth(p): Auth) -> Result<Json<Value>, ApiError> {
    let rows = state.store.strategies(Some(&p.user_id)).await?;
    let list = rows.iter().map(view).collect::<Result<Vec<_>, _>>()?;
    Ok(Json(json!({"strategies": list})))
}

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
