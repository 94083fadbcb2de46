//! The model-selection and usage API (seed sprint 1.3).

use axum::extract::State;
use axum::Json;
use quantai_core::catalog::{ModelSpec, Tier};
use quantai_core::money::Cost;
use quantai_core::ErrorCode;
use quantai_store::keys::Role;
use quantai_store::ledger::{GroupBy, UsageFilter, UsageGroup};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::extract::{Admin, ApiJson, ApiPath, ApiQuery, Auth};
use crate::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TierQuery {
    tier: Option<String>,
}

fn tier(t: Option<String>) -> Result<Option<Tier>, ApiError> {
    t.filter(|s| !s.is_empty())
        .map(|s| s.parse::<Tier>().map_err(|e| ApiError::new(ErrorCode::InvalidTier, e.to_string()).param("tier")))
        .transpose()
}

fn model_json(m: &ModelSpec) -> Value {
    json!({
        "model_id": m.id, "kind": m.kind, "tier": m.tier, "capabilities": m.capabilities,
        "price_per_1m": {"input": m.price.input, "cached_input": m.price.cached_input, "output": m.price.output},
        "context_window": m.context_window, "max_output_tokens": m.max_output_tokens,
        "dimensions": m.dimensions, "supports_rag": m.supports_rag, "provider": m.provider,
        "description": m.description,
    })
}

pub(crate) async fn models(
    State(state): State<AppState>,
    _: Auth,
    ApiQuery(q): ApiQuery<TierQuery>,
) -> Result<Json<Value>, ApiError> {
    let t = tier(q.tier)?;
    let reg = state.gateway.registry();
    let mut models: Vec<&ModelSpec> = reg.catalog.models().filter(|m| t.is_none_or(|t| m.tier == t)).collect();
    models.sort_by(|a, b| (a.price.input, &a.id).cmp(&(b.price.input, &b.id)));
    Ok(Json(json!({"models": models.into_iter().map(model_json).collect::<Vec<_>>()})))
}

pub(crate) async fn service_models(
    State(state): State<AppState>,
    _: Auth,
    ApiPath(service): ApiPath<String>,
    ApiQuery(q): ApiQuery<TierQuery>,
) -> Result<Json<Value>, ApiError> {
    let t = tier(q.tier)?;
    let reg = state.gateway.registry();
    let policy = reg
        .policies
        .get(&service)
        .ok_or_else(|| ApiError::new(ErrorCode::ResourceNotFound, format!("unknown service {service:?}")))?;
    let models = reg
        .policies
        .available(&reg.catalog, &service, t)
        .map_err(|r| ApiError::from(quantai_gateway::GatewayError::Refused(r)))?;
    Ok(Json(json!({
        "service": service,
        "default_model": policy.default_model,
        "allowed_tiers": policy.allowed_tiers,
        "required_capabilities": policy.required_capabilities,
        "models": models.into_iter().map(model_json).collect::<Vec<_>>(),
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct UsageQuery {
    from: Option<String>,
    to: Option<String>,
    user: Option<String>,
    service: Option<String>,
    model: Option<String>,
    group_by: Option<String>,
}

fn group_json(g: &UsageGroup) -> Value {
    json!({
        "key": g.key, "requests": g.requests, "attempts": g.attempts, "errors": g.errors,
        "prompt_tokens": g.prompt_tokens, "cached_tokens": g.cached_tokens, "completion_tokens": g.completion_tokens,
        "cost_usd": Cost::from_picos(i128::from(g.cost_picos)),
    })
}

pub(crate) async fn usage(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiQuery(q): ApiQuery<UsageQuery>,
) -> Result<Json<Value>, ApiError> {
    let filter = usage_filter(&p, &q)?;
    let group_by: GroupBy =
        q.group_by.as_deref().unwrap_or("day").parse().map_err(|e: quantai_store::Error| {
            ApiError::new(ErrorCode::InvalidGroupBy, e.to_string()).param("group_by")
        })?;
    let groups = state.store.usage_report(&filter, group_by).await?;
    Ok(Json(json!({
        "group_by": group_by,
        "filters": {"from": q.from, "to": q.to, "user": filter.user_id, "service": filter.service, "model": filter.model},
        "groups": groups.iter().map(group_json).collect::<Vec<_>>(),
        "total": group_json(&UsageGroup::total(&groups)),
    })))
}

/// The filter of a usage query: times parsed, and a user key held to its own usage.
fn usage_filter(p: &crate::auth::Principal, q: &UsageQuery) -> Result<UsageFilter, ApiError> {
    let time = |s: &Option<String>, name: &str| {
        s.as_deref()
            .filter(|s| !s.is_empty())
            .map(|s| {
                quantai_store::parse_time(s)
                    .map_err(|e| ApiError::new(ErrorCode::InvalidTime, format!("{name}: {e}")).param(name))
            })
            .transpose()
    };
    let from_ms = time(&q.from, "from")?;
    let to_ms = time(&q.to, "to")?;
    if let (Some(f), Some(t)) = (from_ms, to_ms) {
        if f >= t {
            return Err(ApiError::new(ErrorCode::InvalidTime, "'from' must be before 'to'").param("from"));
        }
    }
    // A user sees only their own usage; an admin sees everyone's.
    let user_id = match (p.role, q.user.clone()) {
        (Role::Admin, u) => u,
        (Role::User, Some(u)) if u != p.user_id => {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                format!("a user key may only read its own usage, not {u:?}"),
            ))
        }
        (Role::User, _) => Some(p.user_id.clone()),
    };
    Ok(UsageFilter { from_ms, to_ms, user_id, service: q.service.clone(), model: q.model.clone() })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SavingsQuery {
    from: Option<String>,
    to: Option<String>,
    user: Option<String>,
    service: Option<String>,
    /// The model actual spend is compared with; default `gpt-4-turbo`.
    baseline: Option<String>,
}

/// Actual chat spend against the same tokens priced at a baseline model, plus what the cache
/// saved, by service and day.
pub(crate) async fn savings(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiQuery(q): ApiQuery<SavingsQuery>,
) -> Result<Json<Value>, ApiError> {
    let uq = UsageQuery {
        from: q.from.clone(),
        to: q.to.clone(),
        user: q.user.clone(),
        service: q.service.clone(),
        model: None,
        group_by: None,
    };
    let filter = usage_filter(&p, &uq)?;
    let report = state.gateway.savings(&state.store, &filter, q.baseline.as_deref()).await?;
    let mut v = serde_json::to_value(&report).map_err(ApiError::internal)?;
    v["filters"] = json!({"from": q.from, "to": q.to, "user": filter.user_id, "service": filter.service});
    Ok(Json(v))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewTemplate {
    name: String,
    body: String,
}

fn template_json(t: &quantai_store::templates::Template) -> Value {
    json!({"name": t.name, "version": t.version, "body": t.body, "variables": t.variables, "created_ms": t.created_ms})
}

/// Stores a new version of a prompt template (admins).
pub(crate) async fn create_template(
    State(state): State<AppState>,
    _: Admin,
    ApiJson(t): ApiJson<NewTemplate>,
) -> Result<(axum::http::StatusCode, Json<Value>), ApiError> {
    let now = quantai_gateway::now_ms();
    let saved = state.store.create_template(&t.name, &t.body, now).await.map_err(|e| match e {
        quantai_store::Error::Invalid(m) => ApiError::new(ErrorCode::InvalidTemplate, m).param("body"),
        other => other.into(),
    })?;
    Ok((axum::http::StatusCode::CREATED, Json(template_json(&saved))))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct VersionQuery {
    version: Option<i64>,
}

/// A template's latest version, or `?version=N`.
pub(crate) async fn get_template(
    State(state): State<AppState>,
    _: Auth,
    ApiPath(name): ApiPath<String>,
    ApiQuery(q): ApiQuery<VersionQuery>,
) -> Result<Json<Value>, ApiError> {
    let v = q.version;
    let t = state.store.template(&name, v).await?.ok_or_else(|| {
        ApiError::new(
            ErrorCode::TemplateNotFound,
            format!("no template {name:?}{}", v.map(|v| format!(" version {v}")).unwrap_or_default()),
        )
    })?;
    Ok(Json(template_json(&t)))
}
