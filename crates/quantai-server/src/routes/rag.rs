//! RAG API. The user is always the caller's key: no request can name another user's partition.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use quantai_core::ErrorCode;
use quantai_rag::service::{Mode, Rag, SearchRequest};
use quantai_rag::{Document, RagError};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::extract::{ApiJson, ApiPath, Auth};
use crate::AppState;

fn rag(state: &AppState) -> Result<std::sync::Arc<Rag>, ApiError> {
    state.rag.clone().ok_or_else(|| ApiError::new(ErrorCode::Unavailable, "RAG is disabled (rag.enabled = false)"))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Upsert {
    documents: Vec<Document>,
}

pub(crate) async fn upsert(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiPath(collection): ApiPath<String>,
    ApiJson(req): ApiJson<Upsert>,
) -> Result<(StatusCode, Json<Value>), ApiError> {
    let rag = rag(&state)?;
    if req.documents.len() > 256 {
        return Err(ApiError::new(
            ErrorCode::TooManyDocuments,
            format!("{} documents in one request; at most 256", req.documents.len()),
        )
        .param("documents"));
    }
    let n = rag.upsert(&collection, &p.user_id, req.documents).await?;
    Ok((StatusCode::OK, Json(json!({"collection": collection, "upserted": n}))))
}

pub(crate) async fn delete(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiPath((collection, id)): ApiPath<(String, String)>,
) -> Result<StatusCode, ApiError> {
    if rag(&state)?.delete(&collection, &p.user_id, &id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(RagError::NotFound(format!("document {id:?} in {collection:?}")).into())
    }
}

pub(crate) async fn search(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiPath(collection): ApiPath<String>,
    ApiJson(req): ApiJson<SearchRequest>,
) -> Result<Json<Value>, ApiError> {
    let hits = rag(&state)?.search(&p.user_id, &[collection], &req).await?;
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
    Auth(p): Auth,
    ApiJson(req): ApiJson<PromptRequest>,
) -> Result<Json<Value>, ApiError> {
    let rag = rag(&state)?;
    let model = req.model.unwrap_or_else(|| "gpt-4o-mini".into());
    let window = state.gateway.registry().catalog.get(&model).map(|m| m.context_window as usize).ok_or_else(|| {
        ApiError::new(ErrorCode::UnknownModel, format!("model {model:?} is not in the catalog")).param("model")
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

pub(crate) async fn collections(State(state): State<AppState>, caller: Auth) -> Result<Json<Value>, ApiError> {
    // An admin sees every user's counts; anyone else their own.
    let stats = rag(&state)?.stats(caller.owner()).await?;
    Ok(Json(json!({"collections": stats})))
}
