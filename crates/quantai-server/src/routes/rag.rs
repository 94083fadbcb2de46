//! RAG API. The user is always the caller's key: no request can name another user's partition.

use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use quantai_rag::service::{Mode, Rag, SearchRequest};
use quantai_rag::{Document, RagError};
use quantai_store::keys::Role;
use serde::Deserialize;
use serde_json::{json, Value};

use super::quant::body;
use crate::auth::Principal;
use crate::error::ApiError;
use crate::AppState;

impl From<RagError> for ApiError {
    fn from(e: RagError) -> Self {
        match e {
            RagError::Invalid(m) => ApiError::bad(m, None, "invalid_request"),
            RagError::NotFound(m) => ApiError::NotFound(format!("{m} not found"), "resource_not_found"),
            other => {
                tracing::error!(error = %other, "rag failed");
                ApiError::Unavailable(other.to_string())
            }
        }
    }
}

async fn caller(state: &AppState, headers: &HeaderMap) -> Result<(Principal, std::sync::Arc<Rag>), ApiError> {
    let p = state.keys.authenticate(&state.store, headers).await?;
    let rag = state.rag.clone().ok_or_else(|| ApiError::Unavailable("RAG is disabled (rag.enabled = false)".into()))?;
    Ok((p, rag))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Upsert {
    documents: Vec<Document>,
}

pub(crate) async fn upsert(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(collection): Path<String>,
    b: Result<Json<Upsert>, JsonRejection>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let (p, rag) = caller(&state, &headers).await?;
    let req = body(b)?;
    if req.documents.len() > 256 {
        return Err(ApiError::bad(
            format!("{} documents in one request; at most 256", req.documents.len()),
            Some("documents"),
            "too_many_documents",
        ));
    }
    let n = rag.upsert(&collection, &p.user_id, req.documents).await?;
    Ok((StatusCode::OK, Json(json!({"collection": collection, "upserted": n}))))
}

pub(crate) async fn delete(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((collection, id)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    let (p, rag) = caller(&state, &headers).await?;
    if rag.delete(&collection, &p.user_id, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(RagError::NotFound(format!("document {id:?} in {collection:?}")).into())
    }
}

pub(crate) async fn search(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(collection): Path<String>,
    b: Result<Json<SearchRequest>, JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let (p, rag) = caller(&state, &headers).await?;
    let req = body(b)?;
    let hits = rag.search(&p.user_id, &[collection], &req).await?;
    Ok(Json(json!({"hits": hits})))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PromptRequest {
    query: String,
    #[serde(default)]
    collections: Option<Vec<String>>,
    #[serde(default)]
    k: Option<usize>,
    #[serde(default)]
    filter: Value,
    #[serde(default)]
    threshold: Option<f32>,
    /// Token budget of the prompt (default `rag.prompt_budget`).
    #[serde(default)]
    budget: Option<usize>,
    /// The model the prompt is for: its context window caps the budget (default gpt-4o-mini).
    #[serde(default)]
    model: Option<String>,
}

pub(crate) async fn prompt(
    State(state): State<AppState>,
    headers: HeaderMap,
    b: Result<Json<PromptRequest>, JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let (p, rag) = caller(&state, &headers).await?;
    let req = body(b)?;
    let model = req.model.unwrap_or_else(|| "gpt-4o-mini".into());
    let window = state.gateway.registry().catalog.get(&model).map(|m| m.context_window as usize).ok_or_else(|| {
        ApiError::bad(format!("model {model:?} is not in the catalog"), Some("model"), "model_not_found")
    })?;
    let collections =
        req.collections.unwrap_or_else(|| vec![quantai_rag::backtest_doc::COLLECTION.into(), "user_strategies".into()]);
    let search = SearchRequest {
        query: req.query.clone(),
        k: req.k.unwrap_or(5),
        filter: req.filter,
        threshold: req.threshold,
        mode: Mode::Hybrid,
    };
    let hits = rag.search(&p.user_id, &collections, &search).await?;
    let cfg = &state.settings.rag;
    let built = quantai_rag::prompt::build(
        &req.query,
        &hits,
        req.budget.unwrap_or(cfg.prompt_budget),
        window,
        cfg.answer_reserve,
    );
    Ok(Json(json!({"model": model, "prompt": built.prompt, "contexts": built.contexts, "tokens": built.tokens,
        "budget": built.budget, "language": built.language})))
}

pub(crate) async fn collections(State(state): State<AppState>, headers: HeaderMap) -> Result<Json<Value>, ApiError> {
    let (p, rag) = caller(&state, &headers).await?;
    // An admin sees every user's counts; anyone else their own.
    let user = (p.role != Role::Admin).then_some(p.user_id.as_str());
    let stats = rag.stats(user).await?;
    Ok(Json(json!({"collections": stats})))
}
