//! The AI services: narrative reports of backtests and the strategy builder. Handlers extract,
//! call the service in `quantai-ai`, and map its error.

use axum::extract::State;
use axum::Json;
use quantai_ai::build_service::{BuildReply, BuildRequest};
use quantai_ai::narrative::{Narrative, NarrativeRequest};
use quantai_store::keys::Role;

use crate::error::{ApiError, ErrorBody};
use crate::extract::{ApiJson, Auth};
use crate::AppState;

/// A readable report of one of the caller's backtests, every number checked against its
/// facts: the LLM's when one is configured and its text passes the check (one repair round),
/// otherwise the deterministic template. `generated_by` says which.
#[utoipa::path(post, path = "/api/v1/ai/narratives", operation_id = "createNarrative", tag = "ai",
    request_body = NarrativeRequest, security(("bearer" = [])),
    responses(
        (status = 200, description = "The report with its facts, the check's findings, the model and cost", body = Narrative),
        (status = 400, description = "A field is wrong", body = ErrorBody),
        (status = 404, description = "No such backtest of the caller's", body = ErrorBody)))]
pub(crate) async fn narrate(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiJson(req): ApiJson<NarrativeRequest>,
) -> Result<Json<Narrative>, ApiError> {
    Ok(Json(state.ai.narrator.narrate(&p.user_id, p.role == Role::Admin, &req).await?))
}

/// One message of a strategy-builder conversation: the spec so far, one question when
/// something required is missing, or a decline with the closest supported alternative; with
/// `run`, the backtest's KPIs and narrative.
#[utoipa::path(post, path = "/api/v1/ai/strategy-builder", operation_id = "buildStrategy", tag = "ai",
    request_body = BuildRequest, security(("bearer" = [])),
    responses(
        (status = 200, description = "The builder's answer", body = BuildReply),
        (status = 400, description = "A field is wrong", body = ErrorBody),
        (status = 404, description = "No such conversation of the caller's", body = ErrorBody)))]
pub(crate) async fn build(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiJson(req): ApiJson<BuildRequest>,
) -> Result<Json<BuildReply>, ApiError> {
    Ok(Json(state.ai.builder.converse(&p.user_id, p.role == Role::Admin, &req).await?))
}

/// A question about the running system, answered from live state through tools (usage, budgets,
/// limits, catalog, the caller's backtests and strategies, market data, search, running a
/// backtest). Admin tools are refused for non-admins when executed; every tool call is audited.
#[utoipa::path(post, path = "/api/v1/ai/chatops", operation_id = "chatops", tag = "ai",
    request_body = quantai_ai::chatops::ChatOpsRequest, security(("bearer" = [])),
    responses(
        (status = 200, description = "The answer, the tool calls and their outcomes", body = quantai_ai::chatops::ChatOpsReply),
        (status = 400, description = "A field is wrong", body = ErrorBody),
        (status = 404, description = "No such conversation of the caller's", body = ErrorBody)))]
pub(crate) async fn chatops(
    State(state): State<AppState>,
    Auth(p): Auth,
    ApiJson(req): ApiJson<quantai_ai::chatops::ChatOpsRequest>,
) -> Result<Json<quantai_ai::chatops::ChatOpsReply>, ApiError> {
    let caller = quantai_ai::chatops::Caller { user: p.user_id.clone(), admin: p.role == Role::Admin };
    Ok(Json(state.ai.chatops.ask(&caller, &req).await?))
}

/// Slack's slash command (form-encoded). The signature is verified with the signing secret
/// (`ai.slack_signing_secret`) and a timestamp within five minutes; the command is acknowledged
/// at once and answered later at Slack's `response_url`. Slack users act as non-admin users
/// `slack:TEAM:USER`.
#[utoipa::path(post, path = "/api/v1/slack/commands", operation_id = "slackCommand", tag = "ai",
    request_body(content = crate::openapi::SlackCommand, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "Acknowledged; the answer follows at response_url"),
        (status = 401, description = "Missing or wrong signature", body = ErrorBody),
        (status = 404, description = "Slack commands are off (no signing secret configured)", body = ErrorBody)))]
pub(crate) async fn slack(
    State(state): State<AppState>,
    headers: axum::http::HeaderMap,
    body: axum::body::Bytes,
) -> Result<Json<serde_json::Value>, ApiError> {
    use quantai_core::ErrorCode;
    let Some(secret) = state.slack_secret.as_ref() else {
        return Err(ApiError::new(
            ErrorCode::ResourceNotFound,
            "Slack commands are off: set ai.slack_signing_secret to turn them on",
        ));
    };
    let header = |n: &str| headers.get(n).and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    let ts = header("x-slack-request-timestamp");
    let sig = header("x-slack-signature");
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    let fresh = ts.parse::<i64>().is_ok_and(|t| (now - t).abs() <= 300);
    if !fresh || !crate::slack::verify(secret, &ts, &body, &sig) {
        return Err(ApiError::new(ErrorCode::InvalidApiKey, "the Slack signature or timestamp is wrong"));
    }
    let form: std::collections::HashMap<String, String> = serde_urlencoded::from_bytes(&body)
        .map_err(|e| ApiError::new(ErrorCode::InvalidBody, format!("not a form: {e}")))?;
    let get = |k: &str| form.get(k).cloned().unwrap_or_default();
    let text = get("text");
    let response_url = get("response_url");
    let caller =
        quantai_ai::chatops::Caller { user: format!("slack:{}:{}", get("team_id"), get("user_id")), admin: false };
    if text.trim().is_empty() {
        return Ok(Json(
            serde_json::json!({"response_type": "ephemeral", "text": "Ask me about cost, budgets, models, your backtests …"}),
        ));
    }
    let ai = state.ai.clone();
    let http = state.http.clone();
    tokio::spawn(async move {
        let req = quantai_ai::chatops::ChatOpsRequest { message: text, conversation_id: None };
        let answer = match ai.chatops.ask(&caller, &req).await {
            Ok(r) => r.answer,
            Err(e) => format!("Sorry: {e}"),
        };
        if response_url.starts_with("http") {
            let msg = serde_json::json!({"response_type": "ephemeral", "text": answer});
            if let Err(e) = http.post(&response_url).json(&msg).send().await {
                tracing::warn!(error = %e, "Slack delayed response not delivered");
            }
        }
    });
    Ok(Json(serde_json::json!({"response_type": "ephemeral", "text": "Working on it…"})))
}

/// Banned words, personal data and prompt-injection patterns in a prompt (before it becomes a
/// template or is sent).
#[utoipa::path(post, path = "/api/v1/ai/governance/check", operation_id = "governanceCheck", tag = "ai",
    request_body = quantai_ai::governance::CheckRequest, security(("bearer" = [])),
    responses(
        (status = 200, description = "What was found; `passed` when nothing", body = quantai_ai::governance::CheckReport),
        (status = 400, description = "A field is wrong", body = ErrorBody)))]
pub(crate) async fn governance_check(
    State(state): State<AppState>,
    Auth(_): Auth,
    ApiJson(req): ApiJson<quantai_ai::governance::CheckRequest>,
) -> Result<Json<quantai_ai::governance::CheckReport>, ApiError> {
    if req.prompt.trim().is_empty() || req.prompt.chars().count() > 65_536 {
        return Err(ApiError::new(quantai_core::ErrorCode::InvalidRequest, "prompt: must be 1 to 65536 characters")
            .param("prompt"));
    }
    let g = &state.settings.guard;
    let mut banned = g.banned_words.clone();
    if let Some(words) = req.service.as_ref().and_then(|s| g.services.get(s)).and_then(|s| s.banned_words.clone()) {
        banned.extend(words);
    }
    Ok(Json(quantai_ai::governance::check(&req.prompt, &banned)))
}

/// Starts an experiment (admins): a service's traffic split between models or template
/// versions, sticky per user.
#[utoipa::path(post, path = "/api/v1/ai/experiments", operation_id = "createExperiment", tag = "ai",
    request_body = quantai_ai::experiments::NewExperiment, security(("bearer" = [])),
    responses(
        (status = 201, description = "Running", body = quantai_gateway::experiments::Experiment),
        (status = 400, description = "An arm is wrong or the service already has one running", body = ErrorBody),
        (status = 403, description = "Not an admin key", body = ErrorBody)))]
pub(crate) async fn create_experiment(
    State(state): State<AppState>,
    _: crate::extract::Admin,
    ApiJson(req): ApiJson<quantai_ai::experiments::NewExperiment>,
) -> Result<(axum::http::StatusCode, Json<quantai_gateway::experiments::Experiment>), ApiError> {
    Ok((axum::http::StatusCode::CREATED, Json(state.ai.experiments.create(req).await?)))
}

/// Every experiment, newest first.
#[derive(serde::Serialize, utoipa::ToSchema)]
pub(crate) struct ExperimentList {
    experiments: Vec<quantai_gateway::experiments::Experiment>,
}

#[utoipa::path(get, path = "/api/v1/ai/experiments", operation_id = "listExperiments", tag = "ai",
    security(("bearer" = [])),
    responses((status = 200, description = "Every experiment", body = ExperimentList)))]
pub(crate) async fn list_experiments(State(state): State<AppState>, _: Auth) -> Result<Json<ExperimentList>, ApiError> {
    Ok(Json(ExperimentList { experiments: state.ai.experiments.list().await? }))
}

/// Each arm's requests, cost, latency, error rate and quality signal.
#[utoipa::path(get, path = "/api/v1/ai/experiments/{id}", operation_id = "experimentReport", tag = "ai",
    params(("id" = String, Path, description = "The experiment")), security(("bearer" = [])),
    responses(
        (status = 200, description = "The report", body = quantai_ai::experiments::ExperimentReport),
        (status = 404, description = "No such experiment", body = ErrorBody)))]
pub(crate) async fn experiment_report(
    State(state): State<AppState>,
    _: Auth,
    crate::extract::ApiPath(id): crate::extract::ApiPath<String>,
) -> Result<Json<quantai_ai::experiments::ExperimentReport>, ApiError> {
    Ok(Json(state.ai.experiments.report(&id).await?))
}

/// Stops an experiment (admins): its service goes back to its policy's default.
#[utoipa::path(post, path = "/api/v1/ai/experiments/{id}/stop", operation_id = "stopExperiment", tag = "ai",
    params(("id" = String, Path, description = "The experiment")), security(("bearer" = [])),
    responses(
        (status = 200, description = "Stopped", body = quantai_gateway::experiments::Experiment),
        (status = 403, description = "Not an admin key", body = ErrorBody),
        (status = 404, description = "No such experiment", body = ErrorBody)))]
pub(crate) async fn stop_experiment(
    State(state): State<AppState>,
    _: crate::extract::Admin,
    crate::extract::ApiPath(id): crate::extract::ApiPath<String>,
) -> Result<Json<quantai_gateway::experiments::Experiment>, ApiError> {
    Ok(Json(state.ai.experiments.stop(&id).await?))
}
