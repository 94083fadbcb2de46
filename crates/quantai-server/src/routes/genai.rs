//! The model-selection and usage API (seed sprint 1.3).

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::Json;
use quantai_core::catalog::{ModelSpec, Tier};
use quantai_core::money::Cost;
use quantai_store::keys::Role;
use quantai_store::ledger::{GroupBy, UsageFilter, UsageGroup};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::ApiError;
use crate::AppState;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct TierQuery {
    tier: Option<String>,
}

fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
    q.map(|Query(t)| t)
        .map_err(|e| ApiError::bad(format!("invalid query string: {}", e.body_text()), None, "invalid_query"))
}

fn tier(t: Option<String>) -> Result<Option<Tier>, ApiError> {
    t.filter(|s| !s.is_empty())
        .map(|s| s.parse::<Tier>().map_err(|e| ApiError::bad(e.to_string(), Some("tier"), "invalid_tier")))
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
    headers: HeaderMap,
    q: Result<Query<TierQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    state.keys.authenticate(&state.store, &headers).await?;
    let t = tier(query(q)?.tier)?;
    let reg = state.gateway.registry();
    let mut models: Vec<&ModelSpec> = reg.catalog.models().filter(|m| t.is_none_or(|t| m.tier == t)).collect();
    models.sort_by(|a, b| (a.price.input, &a.id).cmp(&(b.price.input, &b.id)));
    Ok(Json(json!({"models": models.into_iter().map(model_json).collect::<Vec<_>>()})))
}

pub(crate) async fn service_models(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(service): Path<String>,
    q: Result<Query<TierQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    state.keys.authenticate(&state.store, &headers).await?;
    let t = tier(query(q)?.tier)?;
    let reg = state.gateway.registry();
    let policy = reg
        .policies
        .get(&service)
        .ok_or_else(|| ApiError::NotFound(format!("unknown service {service:?}"), "unknown_service"))?;
    let models =
        reg.policies.available(&reg.catalog, &service, t).map_err(|r| ApiError::bad(r.to_string(), None, r.code()))?;
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
    headers: HeaderMap,
    q: Result<Query<UsageQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    let q = query(q)?;
    let time = |s: &Option<String>, name: &str| {
        s.as_deref()
            .filter(|s| !s.is_empty())
            .map(|s| {
                quantai_store::parse_time(s)
                    .map_err(|e| ApiError::bad(format!("{name}: {e}"), Some(name), "invalid_time"))
            })
            .transpose()
    };
    let from_ms = time(&q.from, "from")?;
    let to_ms = time(&q.to, "to")?;
    if let (Some(f), Some(t)) = (from_ms, to_ms) {
        if f >= t {
            return Err(ApiError::bad("'from' must be before 'to'", Some("from"), "invalid_time"));
        }
    }
    // A user sees only their own usage; an admin sees everyone's.
    let user_id = match (p.role, q.user) {
        (Role::Admin, u) => u,
        (Role::User, Some(u)) if u != p.user_id => {
            return Err(ApiError::Forbidden(format!("a user key may only read its own usage, not {u:?}")))
        }
        (Role::User, _) => Some(p.user_id.clone()),
    };
    let group_by: GroupBy = q
        .group_by
        .as_deref()
        .unwrap_or("day")
        .parse()
        .map_err(|e: quantai_store::Error| ApiError::bad(e.to_string(), Some("group_by"), "invalid_group_by"))?;
    let filter = UsageFilter { from_ms, to_ms, user_id, service: q.service, model: q.model };
    let groups = state.store.usage_report(&filter, group_by).await?;
    let total = UsageGroup {
        key: "total".into(),
        requests: groups.iter().fold(0i64, |a, g| a.saturating_add(g.requests)),
        attempts: groups.iter().fold(0i64, |a, g| a.saturating_add(g.attempts)),
        errors: groups.iter().fold(0i64, |a, g| a.saturating_add(g.errors)),
        prompt_tokens: groups.iter().fold(0i64, |a, g| a.saturating_add(g.prompt_tokens)),
        cached_tokens: groups.iter().fold(0i64, |a, g| a.saturating_add(g.cached_tokens)),
        completion_tokens: groups.iter().fold(0i64, |a, g| a.saturating_add(g.completion_tokens)),
        cost_picos: groups.iter().fold(0i64, |a, g| a.saturating_add(g.cost_picos)),
    };
    Ok(Json(json!({
        "group_by": group_by,
        "filters": {"from": q.from, "to": q.to, "user": filter.user_id, "service": filter.service, "model": filter.model},
        "groups": groups.iter().map(group_json).collect::<Vec<_>>(),
        "total": group_json(&total),
    })))
}
