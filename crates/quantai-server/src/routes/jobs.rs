//! The job queue over HTTP: list, inspect and count jobs (a user sees the jobs they asked
//! for, an admin all), the schedule in force; enqueue, requeue and discard (admins only).

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use quantai_core::ErrorCode;
use quantai_jobs::{now_ms, Submit};
use quantai_store::jobs::JobRow;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::{ApiError, ErrorBody};
use crate::extract::{Admin, ApiJson, ApiPath, ApiQuery, Auth};
use crate::AppState;

/// A job.
#[derive(Serialize, ToSchema)]
pub(crate) struct JobView {
    id: String,
    queue: String,
    kind: String,
    /// The task's arguments.
    #[schema(value_type = Object)]
    payload: serde_json::Value,
    idempotency_key: String,
    /// `ready`, `running`, `done` or `dead`.
    state: String,
    run_at_ms: i64,
    attempts: i64,
    max_attempts: i64,
    /// The worker holding it while it runs.
    lease_owner: Option<String>,
    lease_expires_ms: Option<i64>,
    last_error: Option<String>,
    /// What the task returned, once done.
    #[schema(value_type = Option<Object>)]
    result: Option<serde_json::Value>,
    created_ms: i64,
    started_ms: Option<i64>,
    finished_ms: Option<i64>,
    /// The user who asked for it, if a user did.
    owner: Option<String>,
}

fn view(j: JobRow) -> JobView {
    let json = |s: &str| serde_json::from_str(s).unwrap_or_else(|_| serde_json::Value::String(s.to_string()));
    JobView {
        payload: json(&j.payload),
        result: j.result.as_deref().map(json),
        id: j.id,
        queue: j.queue,
        kind: j.kind,
        idempotency_key: j.idempotency_key,
        state: j.state,
        run_at_ms: j.run_at_ms,
        attempts: j.attempts,
        max_attempts: j.max_attempts,
        lease_owner: j.lease_owner,
        lease_expires_ms: j.lease_expires_ms,
        last_error: j.last_error,
        created_ms: j.created_ms,
        started_ms: j.started_ms,
        finished_ms: j.finished_ms,
        owner: j.owner,
    }
}

/// A job's state.
#[derive(Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub(crate) enum JobState {
    Ready,
    Running,
    Done,
    Dead,
}

impl JobState {
    fn as_str(self) -> &'static str {
        match self {
            JobState::Ready => "ready",
            JobState::Running => "running",
            JobState::Done => "done",
            JobState::Dead => "dead",
        }
    }
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub(crate) struct JobsQuery {
    #[param(inline)]
    state: Option<JobState>,
    kind: Option<String>,
    /// At most this many, newest first (default 100).
    #[param(minimum = 1, maximum = 10000)]
    limit: Option<i64>,
}

/// Jobs, newest first.
#[derive(Serialize, ToSchema)]
pub(crate) struct JobList {
    jobs: Vec<JobView>,
}

/// Jobs, newest first: the caller's own (an admin's: all).
#[utoipa::path(get, path = "/api/v1/jobs", operation_id = "listJobs", tag = "jobs",
    params(JobsQuery), security(("bearer" = [])),
    responses((status = 200, description = "Newest first", body = JobList)))]
pub(crate) async fn list(
    State(state): State<AppState>,
    caller: Auth,
    ApiQuery(q): ApiQuery<JobsQuery>,
) -> Result<Json<JobList>, ApiError> {
    let limit = q.limit.unwrap_or(100);
    if !(1..=10_000).contains(&limit) {
        return Err(ApiError::new(ErrorCode::InvalidQuery, format!("limit {limit}: 1 to 10000")).param("limit"));
    }
    let wanted = q.state.map(JobState::as_str);
    let rows = state.store.jobs_of(caller.owner(), wanted, q.kind.as_deref(), limit).await?;
    Ok(Json(JobList { jobs: rows.into_iter().map(view).collect() }))
}

async fn visible(state: &AppState, caller: Option<&str>, id: &str) -> Result<JobRow, ApiError> {
    let missing = || ApiError::new(ErrorCode::ResourceNotFound, format!("no job {id}"));
    let job = state.store.job(id).await?.ok_or_else(missing)?;
    match caller {
        Some(user) if job.owner.as_deref() != Some(user) => Err(missing()),
        _ => Ok(job),
    }
}

/// One job with its payload, attempts, last error and result.
#[utoipa::path(get, path = "/api/v1/jobs/{id}", operation_id = "getJob", tag = "jobs",
    params(("id" = String, Path, description = "A job id")), security(("bearer" = [])),
    responses((status = 200, description = "The job", body = JobView),
        (status = 404, description = "No such job (of the caller)", body = ErrorBody)))]
pub(crate) async fn get(
    State(state): State<AppState>,
    caller: Auth,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<JobView>, ApiError> {
    Ok(Json(view(visible(&state, caller.owner(), &id).await?)))
}

/// Jobs per kind and state.
#[derive(Serialize, ToSchema)]
pub(crate) struct JobStats {
    kinds: Vec<KindCounts>,
    /// Effects recorded by completed jobs (each once).
    effects: i64,
    /// Workers seen in the last minute.
    live_workers: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub(crate) struct KindCounts {
    kind: String,
    ready: i64,
    running: i64,
    done: i64,
    dead: i64,
    /// When the oldest ready job became due (ms since the epoch).
    oldest_ready_ms: Option<i64>,
}

/// Queue counts per kind, effects and live workers.
#[utoipa::path(get, path = "/api/v1/jobs/stats", operation_id = "jobStats", tag = "jobs",
    security(("bearer" = [])),
    responses((status = 200, description = "Counts", body = JobStats)))]
pub(crate) async fn stats(State(state): State<AppState>, _: Auth) -> Result<Json<JobStats>, ApiError> {
    let kinds = state
        .store
        .job_counts()
        .await?
        .into_iter()
        .map(|c| KindCounts {
            kind: c.kind,
            ready: c.ready,
            running: c.running,
            done: c.done,
            dead: c.dead,
            oldest_ready_ms: c.oldest_ready_ms,
        })
        .collect();
    let live_workers = state
        .store
        .live_workers(now_ms() - crate::checks::WORKER_STALE_MS)
        .await?
        .into_iter()
        .map(|(name, _, _)| name)
        .collect();
    Ok(Json(JobStats { kinds, effects: state.store.job_effect_count().await?, live_workers }))
}

/// A job to enqueue.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct NewJobRequest {
    /// A task kind this server runs (`noop`, `sleep`, `health_check`, …).
    kind: String,
    /// The task's arguments.
    #[serde(default)]
    #[schema(value_type = Object)]
    payload: Option<serde_json::Value>,
    /// The same (kind, key) is enqueued once; absent: a fresh key.
    idempotency_key: Option<String>,
    /// Start no sooner than this many milliseconds from now.
    #[serde(default)]
    #[schema(minimum = 0, maximum = 31536000000_i64)]
    delay_ms: u64,
    /// Default `ai_tasks`.
    queue: Option<String>,
}

/// An enqueued job, and whether this request created it.
#[derive(Serialize, ToSchema)]
pub(crate) struct Enqueued {
    id: String,
    /// False when the (kind, idempotency key) was enqueued before: the first job is returned.
    created: bool,
}

/// Enqueues a job (admins).
#[utoipa::path(post, path = "/api/v1/jobs", operation_id = "enqueueJob", tag = "jobs",
    request_body = NewJobRequest, security(("bearer" = [])),
    responses((status = 201, description = "Enqueued", body = Enqueued),
        (status = 200, description = "Enqueued before under this key", body = Enqueued),
        (status = 403, description = "Not an admin key", body = ErrorBody)))]
pub(crate) async fn enqueue(
    State(state): State<AppState>,
    Admin(p): Admin,
    ApiJson(req): ApiJson<NewJobRequest>,
) -> Result<(StatusCode, Json<Enqueued>), ApiError> {
    if req.delay_ms > 31_536_000_000 {
        return Err(ApiError::new(ErrorCode::InvalidRequest, "delay_ms: at most a year").param("delay_ms"));
    }
    let payload = req.payload.unwrap_or_else(|| serde_json::json!({}));
    if !payload.is_object() {
        return Err(ApiError::new(ErrorCode::InvalidRequest, "payload must be an object").param("payload"));
    }
    let queue = req.queue.unwrap_or_else(|| state.settings.jobs.queue.clone());
    let run_at_ms = now_ms() + i64::try_from(req.delay_ms).unwrap_or(0);
    let submit = Submit {
        queue: &queue,
        kind: &req.kind,
        payload: &payload,
        idempotency_key: req.idempotency_key.as_deref(),
        run_at_ms,
        owner: Some(&p.user_id),
    };
    let (id, created) = state.jobs.submit(submit).await.map_err(|e| match e {
        quantai_jobs::JobError::Invalid(m) => ApiError::new(ErrorCode::InvalidRequest, m).param("kind"),
        quantai_jobs::JobError::Store(e) => e.into(),
    })?;
    let status = if created { StatusCode::CREATED } else { StatusCode::OK };
    Ok((status, Json(Enqueued { id, created })))
}

/// What a state change did.
#[derive(Serialize, ToSchema)]
pub(crate) struct Changed {
    /// Jobs changed.
    changed: u64,
}

/// Puts a dead job back in the queue with fresh attempts (admins).
#[utoipa::path(post, path = "/api/v1/jobs/{id}/retry", operation_id = "retryJob", tag = "jobs",
    params(("id" = String, Path, description = "A dead job's id")), security(("bearer" = [])),
    responses((status = 200, description = "Requeued", body = Changed),
        (status = 400, description = "The job is not dead", body = ErrorBody),
        (status = 403, description = "Not an admin key", body = ErrorBody),
        (status = 404, description = "No such job", body = ErrorBody)))]
pub(crate) async fn retry(
    State(state): State<AppState>,
    _: Admin,
    ApiPath(id): ApiPath<String>,
) -> Result<Json<Changed>, ApiError> {
    let job = visible(&state, None, &id).await?;
    if !state.store.requeue_job(&id, now_ms()).await? {
        return Err(ApiError::new(ErrorCode::InvalidRequest, format!("job {id} is {}, not dead", job.state)));
    }
    Ok(Json(Changed { changed: 1 }))
}

/// Which dead jobs to discard.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct PurgeRequest {
    /// One dead job.
    id: Option<String>,
    /// Every dead job of this kind.
    kind: Option<String>,
    /// Every dead job; must be true when neither id nor kind is given.
    #[serde(default)]
    all: bool,
}

/// Discards dead jobs: one, all of a kind, or all (admins).
#[utoipa::path(post, path = "/api/v1/jobs/purge", operation_id = "purgeJobs", tag = "jobs",
    request_body = PurgeRequest, security(("bearer" = [])),
    responses((status = 200, description = "Discarded", body = Changed),
        (status = 403, description = "Not an admin key", body = ErrorBody)))]
pub(crate) async fn purge(
    State(state): State<AppState>,
    _: Admin,
    ApiJson(req): ApiJson<PurgeRequest>,
) -> Result<Json<Changed>, ApiError> {
    if req.id.is_none() && req.kind.is_none() && !req.all {
        return Err(ApiError::new(ErrorCode::InvalidRequest, "name an id or a kind, or set all: true").param("all"));
    }
    let changed = state.store.purge_dead_jobs(req.id.as_deref(), req.kind.as_deref()).await?;
    Ok(Json(Changed { changed }))
}

/// A scheduled job and its next slots.
#[derive(Serialize, ToSchema)]
pub(crate) struct ScheduledView {
    name: String,
    task: String,
    #[schema(value_type = Object)]
    args: serde_json::Value,
    cron: String,
    timezone: String,
    jitter_secs: u64,
    /// `skip` or `run_once`.
    misfire: String,
    enabled: bool,
    queue: String,
    /// The next three slots (RFC 3339, UTC).
    next: Vec<String>,
}

/// The schedule in force.
#[derive(Serialize, ToSchema)]
pub(crate) struct ScheduleView {
    jobs: Vec<ScheduledView>,
}

/// The `jobs.yaml` schedule in force, with each job's next slots.
#[utoipa::path(get, path = "/api/v1/jobs/schedule", operation_id = "jobSchedule", tag = "jobs",
    security(("bearer" = [])),
    responses((status = 200, description = "The schedule", body = ScheduleView)))]
pub(crate) async fn schedule(State(state): State<AppState>, _: Auth) -> Json<ScheduleView> {
    let s = state.scheduler.schedule();
    let now = quantai_jobs::schedule::utc_ms(now_ms());
    let jobs = s
        .entries
        .iter()
        .map(|e| ScheduledView {
            name: e.name.clone(),
            task: e.task.clone(),
            args: e.args.clone(),
            cron: e.cron.clone(),
            timezone: e.timezone.clone(),
            jitter_secs: e.jitter_secs,
            misfire: e.misfire.as_str().to_string(),
            enabled: e.enabled,
            queue: e.queue.clone(),
            next: e.next_slots(now, 3).iter().map(|t| t.to_rfc3339()).collect(),
        })
        .collect();
    Json(ScheduleView { jobs })
}
