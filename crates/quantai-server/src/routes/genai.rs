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

pub(super) fn query<T>(q: Result<Query<T>, QueryRejection>) -> Result<T, ApiError> {
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
    let models = reg
        .policies
        .available(&reg.catalog, &service, t)
        .map_err(|r| ApiError::bad(r.to_string(), None, r.code().code()))?;
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
    let filter = usage_filter(&p, &q)?;
    let group_by: GroupBy = q
        .group_by
        .as_deref()
        .unwrap_or("day")
        .parse()
        .map_err(|e: quantai_store::Error| ApiError::bad(e.to_string(), Some("group_by"), "invalid_group_by"))?;
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

/// The filter of a usage query: times parsed, and a user key held to its own usage.
fn usage_filter(p: &crate::auth::Principal, q: &UsageQuery) -> Result<UsageFilter, ApiError> {
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
    let user_id = match (p.role, q.user.clone()) {
        (Role::Admin, u) => u,
        (Role::User, Some(u)) if u != p.user_id => {
            return Err(ApiError::Forbidden(format!("a user key may only read its own usage, not {u:?}")))
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
/// saved, by service and day (seed 002 sprint 1.4's cost-savings verification).
pub(crate) async fn savings(
    State(state): State<AppState>,
    headers: HeaderMap,
    q: Result<Query<SavingsQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    let q = query(q)?;
    let baseline_id = q.baseline.clone().filter(|b| !b.is_empty()).unwrap_or_else(|| "gpt-4-turbo".into());
    let reg = state.gateway.registry();
    let baseline = reg.catalog.get(&baseline_id).ok_or_else(|| {
        ApiError::bad(
            format!("baseline model {baseline_id:?} is not in the catalog"),
            Some("baseline"),
            "unknown_model",
        )
    })?;
    let uq = UsageQuery {
        from: q.from.clone(),
        to: q.to.clone(),
        user: q.user.clone(),
        service: q.service.clone(),
        model: None,
        group_by: None,
    };
    let filter = usage_filter(&p, &uq)?;
    let groups = state.store.spend_by_service_day(&filter).await?;
    let usd = |picos: i128| Cost::from_picos(picos);
    let mut total = [0i128; 4];
    let rows: Vec<Value> = groups
        .iter()
        .map(|g| {
            let tokens = quantai_core::money::TokenUsage {
                prompt_tokens: u64::try_from(g.prompt_tokens).unwrap_or(0),
                cached_tokens: u64::try_from(g.cached_tokens).unwrap_or(0),
                completion_tokens: u64::try_from(g.completion_tokens).unwrap_or(0),
            };
            let at_baseline = baseline.price.cost(&tokens).picos();
            let (actual, saved) = (i128::from(g.cost_picos), i128::from(g.saved_cost_picos));
            for (t, v) in total.iter_mut().zip([actual, at_baseline, at_baseline - actual, saved]) {
                *t += v;
            }
            json!({
                "service": g.service, "day": g.day, "requests": g.requests, "cache_hits": g.cache_hits,
                "prompt_tokens": g.prompt_tokens, "cached_tokens": g.cached_tokens,
                "completion_tokens": g.completion_tokens,
                "actual_usd": usd(actual), "baseline_usd": usd(at_baseline),
                "saved_vs_baseline_usd": usd(at_baseline - actual), "cache_saved_usd": usd(saved),
            })
        })
        .collect();
    let pct = if total[1] > 0 { (total[2] * 10_000 / total[1]) as f64 / 100.0 } else { 0.0 };
    Ok(Json(json!({
        "baseline_model": baseline.id,
        "filters": {"from": q.from, "to": q.to, "user": filter.user_id, "service": filter.service},
        "groups": rows,
        "total": {
            "actual_usd": usd(total[0]), "baseline_usd": usd(total[1]),
            "saved_vs_baseline_usd": usd(total[2]), "saved_vs_baseline_pct": pct,
            "cache_saved_usd": usd(total[3]),
        },
    })))
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
    headers: HeaderMap,
    body: Result<Json<NewTemplate>, axum::extract::rejection::JsonRejection>,
) -> Result<(axum::http::StatusCode, Json<Value>), ApiError> {
    let p = state.keys.authenticate(&state.store, &headers).await?;
    if p.role != Role::Admin {
        return Err(ApiError::Forbidden("only an admin key may store prompt templates".into()));
    }
    let Json(t) = body.map_err(|e| ApiError::bad(e.body_text(), None, "invalid_json"))?;
    let now = quantai_gateway::now_ms();
    let saved = state.store.create_template(&t.name, &t.body, now).await.map_err(|e| match e {
        quantai_store::Error::Invalid(m) => ApiError::bad(m, Some("body"), "invalid_template"),
        other => ApiError::Store(other),
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
    headers: HeaderMap,
    Path(name): Path<String>,
    q: Result<Query<VersionQuery>, QueryRejection>,
) -> Result<Json<Value>, ApiError> {
    state.keys.authenticate(&state.store, &headers).await?;
    let v = query(q)?.version;
    let t = state.store.template(&name, v).await?.ok_or_else(|| {
        ApiError::NotFound(
            format!("no template {name:?}{}", v.map(|v| format!(" version {v}")).unwrap_or_default()),
            "template_not_found",
        )
    })?;
    Ok(Json(template_json(&t)))
}
