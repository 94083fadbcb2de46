//! RAG API. The user is always the caller's key: no request can name another user's partition.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use quantai_core::ErrorCode;
use quantai_rag::prompt::Prompt;
use quantai_rag::service::{Hit, Mode, Rag, SearchRequest};
use quantai_rag::{Document, RagError};
use quantai_store::rag::RagCollectionStats;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;

use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, ApiPath, Auth};
use crate::AppState;

fn rag(state: &AppState) -> Result<std::sync::Arc<Rag>, ApiError> {
    state.rag.clone().ok_or_else(|| ApiError::new(ErrorCode::Unavailable, "RAG is disabled (rag.enabled = false)"))
}

/// Documents to add or replace (by id) in one of the caller's collections.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct Upsert {
    /// At most 256; all stored in one transaction, or none.
    #[schema(max_items = 256)]
    documents: Vec<Document>,
}

/// What an upsert stored.
#[derive(Serialize, ToSchema)]
pub(crate) struct Upserted {
    collection: String,
    upserted: usize,
}

const COLLECTION_PARAM: &str = "Lower-case letters, digits, '_' and '-', e.g. user_backtests";

/// Adds or replaces documents of the caller in a collection.
#[utoipa::path(post, path = "/api/v1/rag/{collection}/documents", operation_id = "upsertDocuments", tag = "rag",
    params(("collection" = String, Path, description = COLLECTION_PARAM, pattern = "^[a-z0-9_-]{1,64}$")),
    request_body = Upsert, security(("bearer" = [])),
    responses((status = 200, description = "Stored", body = Upserted),
        (status = 503, description = "RAG is disabled or the embedder is unavailable", body = ErrorBody)))]
pub(crate) async fn upsert(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiPath(collection): ApiPath<String>,
    ApiJson(req): ApiJson<Upsert>,
) -> Result<(StatusCode, Json<Upserted>), ApiError> {
    let rag = rag(&state)?;
    if req.documents.len() > 256 {
        return Err(ApiError::new(
            ErrorCode::TooManyDocuments,
            format!("{} documents in one request; at most 256", req.documents.len()),
        )
        .param("documents"));
    }
    let upserted = rag.upsert(&collection, &p.user_id, req.documents).await?;
    Ok((StatusCode::OK, Json(Upserted { collection, upserted })))
}

/// Deletes one document of the caller.
#[utoipa::path(delete, path = "/api/v1/rag/{collection}/documents/{id}", operation_id = "deleteDocument", tag = "rag",
    params(("collection" = String, Path, description = COLLECTION_PARAM, pattern = "^[a-z0-9_-]{1,64}$"),
        ("id" = String, Path, description = "The document's id")),
    security(("bearer" = [])),
    responses((status = 204, description = "Deleted"),
        (status = 404, description = "No such document of the caller", body = ErrorBody),
        (status = 503, description = "RAG is disabled", body = ErrorBody)))]
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

/// Search results, best first, and what the query was understood to ask for.
#[derive(Serialize, ToSchema)]
pub(crate) struct Hits {
    hits: Vec<Hit>,
    recognised: Recognised,
}

/// What the query names: instruments, strategies, KPIs and other terms (so a client can show
/// "searching 삼성전자 · sma_cross"), KPI conditions the results meet, and years.
#[derive(Serialize, ToSchema)]
pub(crate) struct Recognised {
    entities: Vec<RecognisedEntity>,
    conditions: Vec<RecognisedCondition>,
    years: Vec<i32>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct RecognisedEntity {
    /// instrument, asset, strategy, param, direction, cost, kpi or comparator.
    #[schema(value_type = String)]
    kind: quantai_lang::EntityKind,
    /// The canonical id (`KRX:005930`, `sma_cross`, `sharpe`).
    id: String,
    /// The words of the query it was found in.
    text: String,
    /// Its name in the query's language.
    label: String,
    #[schema(minimum = 0.0, maximum = 1.0)]
    confidence: f32,
    /// name, alias, behaviour or corrected.
    #[schema(value_type = String)]
    via: quantai_lang::Via,
}

/// A KPI condition, in the KPI's units (fractions for returns, drawdowns and win rates).
#[derive(Serialize, ToSchema)]
pub(crate) struct RecognisedCondition {
    kpi: String,
    /// gt, gte, lt or lte.
    op: String,
    value: f64,
    text: String,
}

impl Recognised {
    fn new(query: &str, r: quantai_lang::Recognition, lx: &quantai_lang::Lexicon) -> Self {
        let korean = quantai_rag::text::is_korean(query);
        let text = |s: &std::ops::Range<usize>| query.get(s.clone()).unwrap_or_default().to_string();
        let entities = r
            .entities
            .iter()
            .map(|e| {
                let label = lx
                    .entry(e.kind, &e.id)
                    .map(|x| if korean && !x.ko.is_empty() { x.ko.clone() } else { x.en.clone() })
                    .filter(|l| !l.is_empty())
                    .unwrap_or_else(|| e.id.clone());
                RecognisedEntity {
                    kind: e.kind,
                    id: e.id.clone(),
                    text: text(&e.span),
                    label,
                    confidence: e.confidence,
                    via: e.via,
                }
            })
            .collect();
        let conditions = r
            .conditions
            .iter()
            .map(|c| RecognisedCondition {
                kpi: c.kpi.clone(),
                op: c.op.as_str().into(),
                value: c.value,
                text: text(&c.span),
            })
            .collect();
        Self { entities, conditions, years: r.years }
    }
}

/// Searches one of the caller's collections (hybrid keyword + vector by default).
#[utoipa::path(post, path = "/api/v1/rag/{collection}/search", operation_id = "searchDocuments", tag = "rag",
    params(("collection" = String, Path, description = COLLECTION_PARAM, pattern = "^[a-z0-9_-]{1,64}$")),
    request_body = SearchRequest, security(("bearer" = [])),
    responses((status = 200, description = "Best first", body = Hits),
        (status = 503, description = "RAG is disabled or the embedder is unavailable", body = ErrorBody)))]
pub(crate) async fn search(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiPath(collection): ApiPath<String>,
    ApiJson(req): ApiJson<SearchRequest>,
) -> Result<Json<Hits>, ApiError> {
    let rag = rag(&state)?;
    let (hits, r) = rag.search_understood(&p.user_id, &[collection], &req).await?;
    let recognised = Recognised::new(&req.query, r, &rag.lexicon());
    Ok(Json(Hits { hits, recognised }))
}

/// A question to build a cited prompt for, from the caller's documents.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PromptRequest {
    #[schema(pattern = "\\S")]
    query: String,
    /// Default: user_backtests and user_strategies.
    #[serde(default)]
    #[schema(value_type = Option<Vec<crate::openapi::CollectionName>>, min_items = 1)]
    collections: Option<Vec<String>>,
    /// How many documents to consider (default 5).
    #[serde(default)]
    #[schema(minimum = 1, maximum = 100)]
    k: Option<usize>,
    /// Metadata conditions, as in a search.
    #[serde(default)]
    #[schema(value_type = Option<quantai_rag::filter::MetadataFilter>)]
    filter: Value,
    /// Vector candidates below this cosine are dropped.
    #[serde(default)]
    #[schema(minimum = -1.0, maximum = 1.0)]
    threshold: Option<f32>,
    /// Token budget of the prompt (default `rag.prompt_budget`).
    #[serde(default)]
    budget: Option<usize>,
    /// The model the prompt is for: its context window caps the budget (default gpt-4o-mini).
    #[serde(default)]
    model: Option<String>,
}

/// A prompt with numbered contexts, within the budget.
#[derive(Serialize, ToSchema)]
pub(crate) struct PromptView {
    model: String,
    #[serde(flatten)]
    #[schema(inline)]
    built: Prompt,
}

/// Builds a prompt from the caller's documents with numbered `[n]` citations.
#[utoipa::path(post, path = "/api/v1/rag/prompt", operation_id = "buildPrompt", tag = "rag",
    request_body = PromptRequest, security(("bearer" = [])),
    responses((status = 200, description = "The prompt", body = PromptView),
        (status = 404, description = "The model is not in the catalog", body = ErrorBody),
        (status = 503, description = "RAG is disabled or the embedder is unavailable", body = ErrorBody)))]
pub(crate) async fn prompt(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiJson(req): ApiJson<PromptRequest>,
) -> Result<Json<PromptView>, ApiError> {
    let rag = rag(&state)?;
    let model = req.model.unwrap_or_else(|| "gpt-4o-mini".into());
    let window = state.gateway.registry().catalog.get(&model).map(|m| m.context_window as usize).ok_or_else(|| {
        ApiError::new(ErrorCode::ModelNotFound, format!("model {model:?} is not in the catalog")).param("model")
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
    Ok(Json(PromptView { model, built }))
}

/// Documents per collection.
#[derive(Serialize, ToSchema)]
pub(crate) struct Collections {
    collections: Vec<RagCollectionStats>,
}

/// The caller's collections (an admin's: everyone's) with document counts.
#[utoipa::path(get, path = "/api/v1/rag/collections", operation_id = "listCollections", tag = "rag",
    security(("bearer" = [])),
    responses((status = 200, description = "Counts per collection", body = Collections),
        (status = 503, description = "RAG is disabled", body = ErrorBody)))]
pub(crate) async fn collections(State(state): State<AppState>, caller: Auth) -> Result<Json<Collections>, ApiError> {
    Ok(Json(Collections { collections: rag(&state)?.stats(caller.owner()).await? }))
}
