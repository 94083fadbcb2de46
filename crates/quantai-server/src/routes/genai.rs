//! The model-selection and usage API (seed sprint 1.3).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use quantai_core::catalog::{Capability, ModelKind, ModelSpec, Tier};
use quantai_core::money::Cost;
use quantai_core::ErrorCode;
use quantai_store::keys::Role;
use quantai_store::ledger::{GroupBy, UsageFilter, UsageGroup};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;
use crate::extract::{Admin, ApiJson, ApiPath, ApiQuery, Auth};
use crate::AppState;

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct TierQuery {
    /// Only models of this tier.
    tier: Option<Tier>,
}

/// Prices in USD per 1M tokens, as exact decimal strings.
#[derive(Serialize, ToSchema)]
pub(crate) struct PriceView {
    #[schema(value_type = String, example = "0.15")]
    input: quantai_core::money::Price,
    #[schema(value_type = String)]
    cached_input: quantai_core::money::Price,
    #[schema(value_type = String)]
    output: quantai_core::money::Price,
}

/// A catalog model.
#[derive(Serialize, ToSchema)]
pub(crate) struct ModelView {
    model_id: String,
    kind: ModelKind,
    tier: Tier,
    capabilities: Vec<Capability>,
    price_per_1m: PriceView,
    context_window: u32,
    max_output_tokens: u32,
    /// Embedding models only.
    dimensions: Option<u32>,
    supports_rag: bool,
    provider: String,
    description: String,
}

impl From<&ModelSpec> for ModelView {
    fn from(m: &ModelSpec) -> Self {
        ModelView {
            model_id: m.id.clone(),
            kind: m.kind,
            tier: m.tier,
            capabilities: m.capabilities.clone(),
            price_per_1m: PriceView {
                input: m.price.input,
                cached_input: m.price.cached_input,
                output: m.price.output,
            },
            context_window: m.context_window,
            max_output_tokens: m.max_output_tokens,
            dimensions: m.dimensions,
            supports_rag: m.supports_rag,
            provider: m.provider.clone(),
            description: m.description.clone(),
        }
    }
}

/// Catalog models, cheapest first.
#[derive(Serialize, ToSchema)]
pub(crate) struct ModelList {
    models: Vec<ModelView>,
}

/// The models the catalog lists, cheapest first.
#[utoipa::path(get, path = "/api/v1/gen-ai/models", operation_id = "listCatalogModels", tag = "gen-ai",
    params(TierQuery), security(("bearer" = [])),
    responses((status = 200, description = "Catalog models, cheapest first", body = ModelList)))]
pub(crate) async fn models(
    State(state): State<AppState>,
    _: Auth,
    ApiQuery(q): ApiQuery<TierQuery>,
) -> Result<Json<ModelList>, ApiError> {
    let reg = state.gateway.registry();
    let mut models: Vec<&ModelSpec> = reg.catalog.models().filter(|m| q.tier.is_none_or(|t| m.tier == t)).collect();
    models.sort_by(|a, b| (a.price.input, &a.id).cmp(&(b.price.input, &b.id)));
    Ok(Json(ModelList { models: models.into_iter().map(ModelView::from).collect() }))
}

/// What a service may use.
#[derive(Serialize, ToSchema)]
pub(crate) struct ServiceModels {
    service: String,
    default_model: String,
    allowed_tiers: Vec<Tier>,
    required_capabilities: Vec<Capability>,
    /// Models the policy allows, cheapest first.
    models: Vec<ModelView>,
}

/// The models a service's policy allows, cheapest first.
#[utoipa::path(get, path = "/api/v1/gen-ai/models/{service_name}", operation_id = "listServiceModels", tag = "gen-ai",
    params(("service_name" = String, Path, description = "A service with a policy, e.g. narrative_report"), TierQuery),
    security(("bearer" = [])),
    responses((status = 200, description = "The service's policy and models", body = ServiceModels),
        (status = 404, description = "No such service", body = crate::error::ErrorBody)))]
pub(crate) async fn service_models(
    State(state): State<AppState>,
    _: Auth,
    ApiPath(service): ApiPath<String>,
    ApiQuery(q): ApiQuery<TierQuery>,
) -> Result<Json<ServiceModels>, ApiError> {
    let reg = state.gateway.registry();
    let policy = reg
        .policies
        .get(&service)
        .ok_or_else(|| ApiError::new(ErrorCode::ResourceNotFound, format!("unknown service {service:?}")))?;
    let models = reg
        .policies
        .available(&reg.catalog, &service, q.tier)
        .map_err(|r| ApiError::from(quantai_gateway::GatewayError::Refused(r)))?;
    Ok(Json(ServiceModels {
        service: service.clone(),
        default_model: policy.default_model.clone(),
        allowed_tiers: policy.allowed_tiers.clone(),
        required_capabilities: policy.required_capabilities.clone(),
        models: models.into_iter().map(ModelView::from).collect(),
    }))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct UsageQuery {
    /// From this time, inclusive.
    #[param(value_type = Option<crate::openapi::DateOrTime>)]
    from: Option<String>,
    /// Until this time, exclusive.
    #[param(value_type = Option<crate::openapi::DateOrTime>)]
    to: Option<String>,
    /// One user (an admin key; a user key may name only itself).
    user: Option<String>,
    service: Option<String>,
    model: Option<String>,
    /// `day` (default), `model`, `service` or `user`.
    group_by: Option<GroupBy>,
}

/// One group of the usage report; cost exact, as a decimal string of USD.
#[derive(Serialize, ToSchema)]
pub(crate) struct UsageGroupView {
    key: String,
    requests: i64,
    attempts: i64,
    errors: i64,
    prompt_tokens: i64,
    cached_tokens: i64,
    completion_tokens: i64,
    #[schema(value_type = String, example = "0.000123")]
    cost_usd: Cost,
}

impl From<&UsageGroup> for UsageGroupView {
    fn from(g: &UsageGroup) -> Self {
        UsageGroupView {
            key: g.key.clone(),
            requests: g.requests,
            attempts: g.attempts,
            errors: g.errors,
            prompt_tokens: g.prompt_tokens,
            cached_tokens: g.cached_tokens,
            completion_tokens: g.completion_tokens,
            cost_usd: Cost::from_picos(i128::from(g.cost_picos)),
        }
    }
}

/// The filters a report applied (the user a user key is held to included).
#[derive(Serialize, ToSchema)]
pub(crate) struct UsageFilters {
    from: Option<String>,
    to: Option<String>,
    user: Option<String>,
    service: Option<String>,
    model: Option<String>,
}

/// Tokens, requests and exact cost by group.
#[derive(Serialize, ToSchema)]
pub(crate) struct UsageReport {
    group_by: GroupBy,
    filters: UsageFilters,
    groups: Vec<UsageGroupView>,
    total: UsageGroupView,
}

/// Usage and cost from the ledger, grouped.
#[utoipa::path(get, path = "/api/v1/gen-ai/usage", operation_id = "usageReport", tag = "gen-ai",
    params(UsageQuery), security(("bearer" = [])),
    responses((status = 200, description = "The report", body = UsageReport),
        (status = 403, description = "A user key named another user", body = crate::error::ErrorBody)))]
pub(crate) async fn usage(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiQuery(q): ApiQuery<UsageQuery>,
) -> Result<Json<UsageReport>, ApiError> {
    let filter = usage_filter(&p, &q.from, &q.to, &q.user, &q.service, &q.model)?;
    let group_by = q.group_by.unwrap_or(GroupBy::Day);
    let groups = state.store.usage_report(&filter, group_by).await?;
    Ok(Json(UsageReport {
        group_by,
        filters: UsageFilters {
            from: q.from,
            to: q.to,
            user: filter.user_id,
            service: filter.service,
            model: filter.model,
        },
        total: UsageGroupView::from(&UsageGroup::total(&groups)),
        groups: groups.iter().map(UsageGroupView::from).collect(),
    }))
}

/// The filter of a usage query: times parsed, and a user key held to its own usage.
fn usage_filter(
    p: &crate::auth::Principal,
    from: &Option<String>,
    to: &Option<String>,
    user: &Option<String>,
    service: &Option<String>,
    model: &Option<String>,
) -> Result<UsageFilter, ApiError> {
    let time = |s: &Option<String>, name: &str| {
        s.as_deref()
            .map(|s| {
                quantai_store::parse_time(s)
                    .map_err(|e| ApiError::new(ErrorCode::InvalidTime, format!("{name}: {e}")).param(name))
            })
            .transpose()
    };
    let from_ms = time(from, "from")?;
    let to_ms = time(to, "to")?;
    if let (Some(f), Some(t)) = (from_ms, to_ms) {
        if f >= t {
            return Err(ApiError::new(ErrorCode::InvalidTime, "'from' must be before 'to'").param("from"));
        }
    }
    // A user sees only their own usage; an admin sees everyone's.
    let user_id = match (p.role, user.clone()) {
        (Role::Admin, u) => u,
        (Role::User, Some(u)) if u != p.user_id => {
            return Err(ApiError::new(
                ErrorCode::Forbidden,
                format!("a user key may only read its own usage, not {u:?}"),
            ))
        }
        (Role::User, _) => Some(p.user_id.clone()),
    };
    Ok(UsageFilter { from_ms, to_ms, user_id, service: service.clone(), model: model.clone() })
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct SavingsQuery {
    /// From this time, inclusive.
    #[param(value_type = Option<crate::openapi::DateOrTime>)]
    from: Option<String>,
    /// Until this time, exclusive.
    #[param(value_type = Option<crate::openapi::DateOrTime>)]
    to: Option<String>,
    user: Option<String>,
    service: Option<String>,
    /// The model actual spend is compared with; default `gpt-4-turbo`.
    baseline: Option<String>,
}

/// The savings report and the filters it applied.
#[derive(Serialize, ToSchema)]
pub(crate) struct SavingsView {
    #[serde(flatten)]
    #[schema(inline)]
    report: quantai_gateway::savings::SavingsReport,
    filters: UsageFilters,
}

/// Actual chat spend against the same tokens priced at a baseline model, plus what the cache
/// saved, by service and day.
#[utoipa::path(get, path = "/api/v1/gen-ai/usage/savings", operation_id = "savingsReport", tag = "gen-ai",
    params(SavingsQuery), security(("bearer" = [])),
    responses((status = 200, description = "The report", body = SavingsView),
        (status = 404, description = "The baseline model is not in the catalog", body = crate::error::ErrorBody),
        (status = 403, description = "A user key named another user", body = crate::error::ErrorBody)))]
pub(crate) async fn savings(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiQuery(q): ApiQuery<SavingsQuery>,
) -> Result<Json<SavingsView>, ApiError> {
    let filter = usage_filter(&p, &q.from, &q.to, &q.user, &q.service, &None)?;
    let report = state.gateway.savings(&state.store, &filter, q.baseline.as_deref()).await?;
    let filters = UsageFilters { from: q.from, to: q.to, user: filter.user_id, service: filter.service, model: None };
    Ok(Json(SavingsView { report, filters }))
}

/// A new version of a prompt template.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewTemplate {
    /// 1 to 128 letters, digits, `.`, `_`, `-`.
    #[schema(pattern = "^[A-Za-z0-9._-]{1,128}$")]
    name: String,
    /// The text, with `{{variable}}` placeholders: 1 to 16,384 characters, not only spaces.
    #[schema(pattern = "\\S", max_length = 16384)]
    body: String,
}

/// A stored template version.
#[derive(Serialize, ToSchema)]
pub(crate) struct TemplateView {
    name: String,
    version: i64,
    body: String,
    /// The variables the body uses, in order of first use.
    variables: Vec<String>,
    created_ms: i64,
    /// `draft` (new versions), `approved` (by an admin) or `active`; drafts never serve.
    status: String,
    approved_by: Option<String>,
}

impl From<quantai_store::templates::Template> for TemplateView {
    fn from(t: quantai_store::templates::Template) -> Self {
        TemplateView {
            name: t.name,
            version: t.version,
            body: t.body,
            variables: t.variables,
            created_ms: t.created_ms,
            status: t.status,
            approved_by: t.approved_by,
        }
    }
}

/// Stores a new version of a prompt template (admins).
#[utoipa::path(post, path = "/api/v1/gen-ai/templates", operation_id = "createTemplate", tag = "gen-ai",
    request_body = NewTemplate, security(("bearer" = [])),
    responses((status = 201, description = "Stored as the next version", body = TemplateView,
            links(("GetTemplate" = (operation_id = "getTemplate", parameters(("name" = "$response.body#/name")))))),
        (status = 403, description = "Not an admin key", body = crate::error::ErrorBody)))]
pub(crate) async fn create_template(
    State(state): State<AppState>,
    _: Admin,
    ApiJson(t): ApiJson<NewTemplate>,
) -> Result<(StatusCode, Json<TemplateView>), ApiError> {
    let now = quantai_gateway::now_ms();
    let saved = state.store.create_template(&t.name, &t.body, now).await.map_err(|e| match e {
        quantai_store::Error::Invalid(m) => ApiError::new(ErrorCode::InvalidTemplate, m).param("body"),
        other => other.into(),
    })?;
    Ok((StatusCode::CREATED, Json(saved.into())))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct VersionQuery {
    /// A version; the latest when absent.
    #[param(minimum = 1)]
    version: Option<i64>,
}

/// A template's latest version, or `?version=N`.
#[utoipa::path(get, path = "/api/v1/gen-ai/templates/{name}", operation_id = "getTemplate", tag = "gen-ai",
    params(("name" = String, Path, description = "The template's name"), VersionQuery), security(("bearer" = [])),
    responses((status = 200, description = "The template", body = TemplateView),
        (status = 404, description = "No such template or version", body = crate::error::ErrorBody)))]
pub(crate) async fn get_template(
    State(state): State<AppState>,
    _: Auth,
    ApiPath(name): ApiPath<String>,
    ApiQuery(q): ApiQuery<VersionQuery>,
) -> Result<Json<TemplateView>, ApiError> {
    let v = q.version;
    let t = state.store.template(&name, v).await?.ok_or_else(|| {
        ApiError::new(
            ErrorCode::TemplateNotFound,
            format!("no template {name:?}{}", v.map(|v| format!(" version {v}")).unwrap_or_default()),
        )
    })?;
    Ok(Json(t.into()))
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct DiffQuery {
    /// The older version.
    #[param(minimum = 1)]
    from: i64,
    /// The newer version.
    #[param(minimum = 1)]
    to: i64,
}

/// The lifecycle step an admin takes on a template version.
fn template_error(e: quantai_store::Error) -> ApiError {
    match e {
        quantai_store::Error::Invalid(m) if m.starts_with("no template") => {
            ApiError::new(ErrorCode::TemplateNotFound, m)
        }
        quantai_store::Error::Invalid(m) => ApiError::new(ErrorCode::InvalidTemplate, m),
        other => other.into(),
    }
}

/// Approves a draft version (admins): it may then serve and be activated.
#[utoipa::path(post, path = "/api/v1/gen-ai/templates/{name}/versions/{version}/approve", operation_id = "approveTemplate", tag = "gen-ai",
    params(("name" = String, Path, description = "The template's name"), ("version" = i64, Path, description = "The version")),
    security(("bearer" = [])),
    responses((status = 200, description = "The version, approved", body = TemplateView),
        (status = 403, description = "Not an admin key", body = crate::error::ErrorBody),
        (status = 404, description = "No such template or version", body = crate::error::ErrorBody)))]
pub(crate) async fn approve_template(
    State(state): State<AppState>,
    Admin(p): Admin,
    ApiPath((name, version)): ApiPath<(String, i64)>,
) -> Result<Json<TemplateView>, ApiError> {
    let t = state
        .store
        .approve_template(&name, version, &p.user_id, quantai_gateway::now_ms())
        .await
        .map_err(template_error)?;
    Ok(Json(t.into()))
}

/// Makes an approved version the one requests without a version use (admins).
#[utoipa::path(post, path = "/api/v1/gen-ai/templates/{name}/versions/{version}/activate", operation_id = "activateTemplate", tag = "gen-ai",
    params(("name" = String, Path, description = "The template's name"), ("version" = i64, Path, description = "The version")),
    security(("bearer" = [])),
    responses((status = 200, description = "The version, active", body = TemplateView),
        (status = 400, description = "The version is a draft", body = crate::error::ErrorBody),
        (status = 403, description = "Not an admin key", body = crate::error::ErrorBody),
        (status = 404, description = "No such template or version", body = crate::error::ErrorBody)))]
pub(crate) async fn activate_template(
    State(state): State<AppState>,
    _: Admin,
    ApiPath((name, version)): ApiPath<(String, i64)>,
) -> Result<Json<TemplateView>, ApiError> {
    let t = state.store.activate_template(&name, version).await.map_err(template_error)?;
    Ok(Json(t.into()))
}

/// The line diff between two versions.
#[derive(Serialize, ToSchema)]
pub(crate) struct TemplateDiff {
    name: String,
    from: i64,
    to: i64,
    /// Lines prefixed `- ` (removed), `+ ` (added) or two spaces (kept).
    diff: String,
}

/// The diff between two versions of a template.
#[utoipa::path(get, path = "/api/v1/gen-ai/templates/{name}/diff", operation_id = "diffTemplate", tag = "gen-ai",
    params(("name" = String, Path, description = "The template's name"), DiffQuery), security(("bearer" = [])),
    responses((status = 200, description = "The diff", body = TemplateDiff),
        (status = 404, description = "No such template or version", body = crate::error::ErrorBody)))]
pub(crate) async fn diff_template(
    State(state): State<AppState>,
    _: Auth,
    ApiPath(name): ApiPath<String>,
    ApiQuery(q): ApiQuery<DiffQuery>,
) -> Result<Json<TemplateDiff>, ApiError> {
    let get =
        |v: i64| {
            let (state, name) = (state.clone(), name.clone());
            async move {
                state.store.template(&name, Some(v)).await?.ok_or_else(|| {
                    ApiError::new(ErrorCode::TemplateNotFound, format!("no template {name:?} version {v}"))
                })
            }
        };
    let (a, b) = (get(q.from).await?, get(q.to).await?);
    Ok(Json(TemplateDiff { name, from: q.from, to: q.to, diff: quantai_store::templates::diff(&a.body, &b.body) }))
}
