//! Saved strategies: each is stored for its owner (the caller's key) and indexed into their
//! `user_strategies` RAG collection as it is saved, so the next question can cite it.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use quantai_quant::strategy::StrategySpec;
use quantai_rag::strategy_doc;
use quantai_store::strategies::StrategyRow;
use serde::Deserialize;
use serde_json::{json, Value};

use super::quant::body;
use crate::error::ApiError;
use crate::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Save {
    /// Given: replaces the caller's strategy of that id; absent: a new id.
    id: Option<String>,
    name: String,
    #[serde(default)]
    description: String,
    spec: Value,
}

fn now_ms() -> i64 {
    (time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000) as i64
}

fn store_err(e: quantai_store::Error) -> ApiError {
    tracing::error!(error = %e, "strategies store failed");
    ApiError::Unavailable("the strategies store failed".into())
}

pub(crate) async fn save(
    State(state): State<AppState>,
    headers: HeaderMap,
    b: Result<Json<Save>, JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    let req = body(b)?;
    let id = req.id.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    if id.is_empty() || id.len() > 64 || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Err(ApiError::bad("id: 1 to 64 letters, digits, '-' or '_'", Some("id"), "invalid_id"));
    }
    let name = req.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(ApiError::bad("name: 1 to 200 characters", Some("name"), "invalid_name"));
    }
    if req.description.chars().count() > 4_000 {
        return Err(ApiError::bad("description: at most 4,000 characters", Some("description"), "invalid_description"));
    }
    let spec = StrategySpec::parse(&req.spec.to_string())
        .map_err(|e| ApiError::bad(format!("spec: {e}"), Some("spec"), "invalid_strategy"))?;
    let spec = serde_json::to_string(&spec).map_err(|e| ApiError::Unavailable(e.to_string()))?;
    let now = now_ms();
    let row = StrategyRow {
        user_id: p.user_id.clone(),
        id,
        name: name.to_string(),
        description: req.description.trim().to_string(),
        spec,
        created_ms: now,
        updated_ms: now,
    };
    let saved = state.store.save_strategy(&row).await.map_err(store_err)?;
    // Indexed as it is saved; a failure leaves the strategy saved (`quantai rag backfill` indexes it).
    let indexed = match (&state.rag, strategy_doc::document(&saved)) {
        (Some(rag), Ok(doc)) => match rag.upsert(strategy_doc::COLLECTION, &p.user_id, vec![doc]).await {
            Ok(_) => true,
            Err(e) => {
                tracing::error!(error = %e, strategy = %saved.id, "strategy not indexed for RAG");
                false
            }
        },
        _ => false,
    };
    Ok((StatusCode::CREATED, Json(json!({"strategy": view(&saved), "indexed": indexed}))))
}

fn view(r: &StrategyRow) -> Value {
    json!({
        "id": r.id, "name": r.name, "description": r.description,
        "spec": serde_json::from_str::<Value>(&r.spec).unwrap_or(Value::Null),
        "created_ms": r.created_ms, "updated_ms": r.updated_ms,
    })
}

pub(crate) async fn list(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    let rows = state.store.strategies(Some(&p.user_id)).await.map_err(store_err)?;
    Ok(Json(json!({"strategies": rows.iter().map(view).collect::<Vec<_>>()})))
}

pub(crate) async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    if !state.store.delete_strategy(&p.user_id, &id).await.map_err(store_err)? {
        return Err(ApiError::NotFound(format!("strategy {id:?} not found"), "resource_not_found"));
    }
    if let Some(rag) = &state.rag {
        rag.delete(strategy_doc::COLLECTION, &p.user_id, &id).await?;
    }
    Ok(StatusCode::NO_CONTENT)
}
