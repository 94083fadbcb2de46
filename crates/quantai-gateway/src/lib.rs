//! quantai-gateway: the one way quantai calls a model. It owns the live [`Registry`]
//! (catalog + service policies, hot-reloadable), the providers (one HTTP client for the
//! process), request validation, usage metering (including streams that are cut or abandoned),
//! the usage [`ledger`] writer and the Prometheus [`metrics`]. Entry points:
//! [`Gateway::new`], [`Gateway::chat`], [`Gateway::embeddings`], [`Gateway::reload`].

pub mod budgets;
pub mod cache;
pub mod guard;
pub mod lease;
pub mod ledger;
pub mod limits;
pub mod metrics;
pub mod provider;
pub mod providers;
pub mod reqlog;
pub mod savings;
pub mod shared;
mod stream;
pub mod tokens;
mod validate;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use arc_swap::ArcSwap;
use bytes::Bytes;
use quantai_core::catalog::{ModelKind, ModelSpec, Tokenizer};
use quantai_core::config::{RetrySettings, Settings};
use quantai_core::money::{Cost, PriceSheet, TokenUsage};
use quantai_core::policy::Refusal;
use quantai_core::registry::Registry;
use quantai_store::ledger::UsageRecord;
use serde::Deserialize;
use serde_json::{Map, Value};

pub use crate::ledger::Ledger;
pub use crate::metrics::Metrics;
pub use crate::provider::{Provider, ProviderError};
pub use crate::stream::MeteredStream;

/// Everything that can stop a model call.
#[derive(Debug, thiserror::Error)]
pub enum GatewayError {
    /// The request body is malformed; `param` names the offending field.
    #[error("{message}")]
    InvalidRequest { message: String, param: Option<String>, code: quantai_core::ErrorCode },
    /// The service's policy refuses the model.
    #[error("{0}")]
    Refused(Refusal),
    /// The upstream failed.
    #[error("{0}")]
    Upstream(ProviderError),
    /// A dollar budget is used up until `resets_at`.
    #[error("{what}; it resets at {resets_at}")]
    BudgetExceeded { what: String, resets_at: time::OffsetDateTime },
    /// A rate limit or a model's daily token quota refuses the request.
    #[error("rate limit reached: {}; retry after {:.3} s", .0.what, .0.retry_after.as_secs_f64())]
    RateLimited(limits::Limited),
    /// A store the request needs (the shared Redis) is unavailable.
    #[error("{0}")]
    Unavailable(String),
    /// A catalog model maps to a provider that does not exist (should be caught at load).
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<Refusal> for GatewayError {
    fn from(r: Refusal) -> Self {
        GatewayError::Refused(r)
    }
}

/// Who is calling and for which service.
#[derive(Clone, Debug)]
pub struct CallContext {
    pub request_id: String,
    pub user_id: String,
    pub service: String,
    /// What the caller asked of the response cache.
    pub cache: cache::CacheDirective,
    /// The prompt template (name, version) the request was rendered from.
    pub template: Option<(String, i64)>,
}

impl CallContext {
    pub fn new(request_id: String, user_id: String, service: String) -> Self {
        Self { request_id, user_id, service, cache: cache::CacheDirective::Default, template: None }
    }
}

/// A successful call's answer.
pub enum Reply {
    /// A complete JSON body, passed through from the upstream.
    Json { body: Bytes, upstream: Duration },
    /// An SSE stream; usage is recorded when it ends, however it ends.
    Stream { stream: Box<MeteredStream>, upstream: Duration },
    /// An answer from the response cache: JSON, or a replayed SSE stream when `sse`.
    Cached { body: Bytes, sse: bool },
}

/// What [`Gateway::gate`] decided before the upstream call.
struct Gated {
    rate: limits::RateInfo,
    hit: Option<cache::Hit>,
    reservation: Option<budgets::Reservation>,
}

/// The shared state behind a [`Gateway`].
pub(crate) struct Inner {
    registry: ArcSwap<Registry>,
    providers: HashMap<String, Arc<dyn Provider>>,
    ledger: Ledger,
    metrics: Arc<Metrics>,
    catalog_path: Option<PathBuf>,
    policies_path: Option<PathBuf>,
    retry: RetrySettings,
    fallbacks: BTreeMap<String, Vec<String>>,
    limits: limits::RateLimiter,
    budgets: budgets::Budgets,
    cache: cache::ResponseCache,
    guard: guard::Guard,
    reqlog: reqlog::RequestLog,
    /// The Redis connection, when some control keeps its state there.
    shared: Option<Arc<shared::Shared>>,
}

/// The LLM gateway. Cheap to clone.
#[derive(Clone)]
pub struct Gateway {
    inner: Arc<Inner>,
}

/// The process-wide HTTP client: one connection pool for every provider.
pub fn http_client(settings: &Settings) -> Result<reqwest::Client, String> {
    let connect = settings.providers.values().map(|p| p.connect_timeout_ms).max().unwrap_or(5_000);
    reqwest::Client::builder()
        .connect_timeout(Duration::from_millis(connect))
        .pool_max_idle_per_host(1024)
        .pool_idle_timeout(Duration::from_secs(90))
        .tcp_nodelay(true)
        .build()
        .map_err(|e| format!("cannot build the HTTP client: {e}"))
}

impl Gateway {
    /// Builds providers from settings (secrets resolved with `env`), loads and validates the
    /// catalog and policies.
    pub fn new(
        settings: &Settings,
        ledger: Ledger,
        metrics: Arc<Metrics>,
        env: impl Fn(&str) -> Option<String>,
        shared: Option<Arc<shared::Shared>>,
    ) -> Result<Self, String> {
        let client = http_client(settings)?;
        let webhook = if settings.budgets.slack_webhook.is_empty() {
            None
        } else {
            let hook = &settings.budgets.slack_webhook;
            match hook.resolve(&env) {
                Some(url) => Some(url),
                None => {
                    let var = hook.var().unwrap_or("(literal)");
                    return Err(format!("budgets.slack_webhook: environment variable {var} is not set"));
                }
            }
        };
        let alerts =
            budgets::Alerts::new(&settings.budgets.alert_thresholds, webhook, metrics.clone(), Some(client.clone()));
        let mut providers: HashMap<String, Arc<dyn Provider>> = HashMap::new();
        for (name, p) in &settings.providers {
            let key = p.api_key.resolve(&env);
            let prov = providers::openai::OpenAiProvider::new(name, p, key, client.clone())?;
            providers.insert(name.clone(), Arc::new(prov));
        }
        let names: Vec<&str> = settings.providers.keys().map(String::as_str).collect();
        let registry =
            Registry::from_sources(settings.models.catalog.as_deref(), settings.models.policies.as_deref(), &names)
                .map_err(|e| e.to_string())?;
        Ok(Self {
            inner: Arc::new(Inner {
                registry: ArcSwap::from_pointee(registry),
                providers,
                ledger,
                metrics,
                catalog_path: settings.models.catalog.clone(),
                policies_path: settings.models.policies.clone(),
                retry: settings.retry.clone(),
                fallbacks: settings.models.fallbacks.clone(),
                limits: limits::RateLimiter::with_store(settings.limits.clone(), shared.clone()),
                budgets: budgets::Budgets::with_parts(&settings.budgets, shared.clone(), alerts),
                cache: cache::ResponseCache::new(settings.cache.clone(), shared.clone()),
                guard: guard::Guard::new(&settings.guard)?,
                reqlog: reqlog::RequestLog::spawn(&settings.request_log)?,
                shared,
            }),
        })
    }

    /// The catalog and policies in force.
    pub fn registry(&self) -> Arc<Registry> {
        self.inner.registry.load_full()
    }

    /// Re-reads the catalog and policy files. A bad file is refused and the old ones stay.
    pub fn reload(&self) -> Result<Arc<Registry>, String> {
        let names: Vec<&str> = self.inner.providers.keys().map(String::as_str).collect();
        let fresh =
            Registry::from_sources(self.inner.catalog_path.as_deref(), self.inner.policies_path.as_deref(), &names)
                .map_err(|e| e.to_string())?;
        let fresh = Arc::new(fresh);
        self.inner.registry.store(fresh.clone());
        Ok(fresh)
    }

    /// Hands this replica's leases back to Redis: settled costs, budget slices and leased
    /// requests (shutdown, after the last call).
    pub async fn release_leases(&self) {
        if let Some(s) = &self.inner.shared {
            s.flush(true).await;
        }
    }

    pub fn metrics(&self) -> &Arc<Metrics> {
        &self.inner.metrics
    }

    pub fn ledger(&self) -> &Ledger {
        &self.inner.ledger
    }

    /// Providers without the credentials they need.
    pub fn providers_not_ready(&self) -> Vec<String> {
        let mut v: Vec<String> =
            self.inner.providers.values().filter(|p| !p.ready()).map(|p| p.name().to_string()).collect();
        v.sort();
        v
    }

    fn provider(&self, spec: &ModelSpec) -> Result<Arc<dyn Provider>, GatewayError> {
        self.inner.providers.get(&spec.provider).cloned().ok_or_else(|| {
            GatewayError::Internal(format!("model {} maps to unknown provider {}", spec.id, spec.provider))
        })
    }

    /// An OpenAI chat completion under `ctx.service`'s policy. The body's unknown fields,
    /// tools and `response_format` pass through untouched.
    pub async fn chat(
        &self,
        ctx: CallContext,
        mut body: Map<String, Value>,
    ) -> Result<(Reply, limits::RateInfo), GatewayError> {
        validate::chat(&body)?;
        let registry = self.registry();
        let model_id = match body.get("model").and_then(Value::as_str) {
            Some(m) => m.to_string(),
            None => registry.policies.default_model(&ctx.service)?.to_string(),
        };
        let spec = registry.policies.validate(&registry.catalog, &ctx.service, &model_id)?.clone();
        for field in ["max_tokens", "max_completion_tokens"] {
            if let Some(n) = body.get(field).and_then(Value::as_u64) {
                if n > u64::from(spec.max_output_tokens) {
                    return Err(GatewayError::InvalidRequest {
                        message: format!(
                            "'{field}' is {n}, above model {}'s maximum output of {} tokens",
                            spec.id, spec.max_output_tokens
                        ),
                        param: Some(field.to_string()),
                        code: quantai_core::ErrorCode::InvalidValue,
                    });
                }
            }
        }
        let streamed = body.get("stream").and_then(Value::as_bool) == Some(true);
        // Nothing leaves, is cached or is logged before banned words and personal data are handled.
        let masked = self.inner.guard.apply(&ctx.service, &mut body, &self.inner.metrics)?;
        let cache_key = self.inner.cache.key(&ctx.service, &spec.id, &body, ctx.cache);
        let plan = self.plan(&spec, |m| registry.policies.validate(&registry.catalog, &ctx.service, m).ok().cloned());
        let plan = self.within_quota(plan).await?;
        let gated = self
            .gate(&ctx, cache_key.as_ref(), || {
                let messages = body.get("messages").unwrap_or(&Value::Null);
                let prompt = tokens::reserve_messages(spec.tokenizer, messages);
                let max_out = ["max_completion_tokens", "max_tokens"]
                    .iter()
                    .find_map(|f| body.get(*f).and_then(Value::as_u64))
                    .unwrap_or(u64::from(spec.max_output_tokens));
                // The largest cost any model of the plan could charge.
                plan.iter()
                    .map(|m| {
                        m.price.input.cost(prompt)
                            + m.price.output.cost(max_out.min(u64::from(m.max_output_tokens).max(1)))
                    })
                    .max()
                    .unwrap_or_default()
            })
            .await?;
        let rate = gated.rate;
        match (&cache_key, ctx.cache, gated.hit) {
            (Some(_), cache::CacheDirective::NoCache, _) => self.count_cache("bypass"),
            (Some(_), _, Some(hit)) => {
                self.log_request(&ctx, &spec.id, true, &body, Some(hit.body.clone()));
                return Ok((self.serve_hit(ctx, &spec, hit, streamed, &body, &masked), rate));
            }
            (Some(_), _, None) => self.count_cache("miss"),
            (None, _, _) => {}
        }
        let reservation = gated.reservation;

        if streamed {
            let wants_usage = wants_usage(&body);
            let opts = body.entry("stream_options").or_insert(Value::Null);
            if !opts.is_object() {
                *opts = Value::Object(Map::new());
            }
            if let Value::Object(o) = opts {
                o.insert("include_usage".into(), Value::Bool(true));
            }
            let (mut draft, spec, ok, upstream) = self.run(&ctx, &plan, Op::Stream, &mut body).await?;
            draft.reservation = reservation;
            // Logged when the stream ends, with the answer as it streamed.
            let log = self.log_entry(&ctx, &spec.id, false, &body, None);
            let Attempt::Stream(inner, first) = ok else {
                return Err(GatewayError::Internal("a streamed call returned a unary answer".into()));
            };
            let messages = body.remove("messages").unwrap_or(Value::Null);
            let restore = (masked.restore && !masked.vault.is_empty()).then(|| masked.vault.clone());
            let stream = Box::new(
                MeteredStream::new(inner, first, self.inner.clone(), draft, spec.tokenizer, messages, wants_usage)
                    .with_restore(restore)
                    .with_log(log)
                    // Only the asked model's answer is cached, as for unary calls.
                    .with_cache_fill(cache_key.filter(|_| spec.id == plan[0].id).map(|k| (k, spec.id.clone()))),
            );
            Ok((Reply::Stream { stream, upstream }, rate))
        } else {
            let (mut draft, spec, ok, upstream) = self.run(&ctx, &plan, Op::Chat, &mut body).await?;
            draft.reservation = reservation;
            let (reply, usage) = self.finish_ok(draft, ok, upstream, |resp| {
                let parsed: Value = serde_json::from_slice(resp).unwrap_or(Value::Null);
                let messages = body.get("messages").cloned().unwrap_or(Value::Null);
                estimate_chat(spec.tokenizer, &messages, &parsed)
            });
            // A fallback's answer is not the asked model's answer: only the primary's is cached.
            if let Reply::Json { body: resp, .. } = &reply {
                self.log_request(&ctx, &spec.id, false, &body, Some(resp.clone()));
            }
            if let (Some(k), Reply::Json { body, .. }) = (cache_key, &reply) {
                if spec.id == plan[0].id {
                    self.inner.cache.put(k, cache::Hit { body: body.clone(), usage });
                }
            }
            let reply = match reply {
                Reply::Json { body, upstream } => Reply::Json { body: masked.restore_json(body), upstream },
                other => other,
            };
            Ok((reply, rate))
        }
    }

    /// OpenAI embeddings. The model must be an embedding model of the catalog; without one the
    /// cheapest embedding model is used.
    pub async fn embeddings(
        &self,
        ctx: CallContext,
        mut body: Map<String, Value>,
    ) -> Result<(Reply, limits::RateInfo), GatewayError> {
        validate::embeddings(&body)?;
        self.inner.guard.apply(&ctx.service, &mut body, &self.inner.metrics)?;
        let registry = self.registry();
        if registry.policies.get(&ctx.service).is_none() {
            return Err(Refusal::UnknownService { service: ctx.service.clone() }.into());
        }
        let spec = match body.get("model").and_then(Value::as_str) {
            Some(m) => registry.catalog.get(m).ok_or_else(|| Refusal::UnknownModel { model: m.to_string() })?,
            None => registry
                .catalog
                .models()
                .filter(|m| m.kind == ModelKind::Embedding)
                .min_by_key(|m| (m.price.input, m.id.clone()))
                .ok_or_else(|| GatewayError::Internal("the catalog has no embedding model".into()))?,
        }
        .clone();
        if spec.kind != ModelKind::Embedding {
            return Err(GatewayError::InvalidRequest {
                message: format!("model {:?} is a chat model; /v1/embeddings needs an embedding model", spec.id),
                param: Some("model".into()),
                code: quantai_core::ErrorCode::ModelNotEmbedding,
            });
        }
        // `dimensions` shortens a vector; it cannot lengthen one.
        if let (Some(asked), Some(has)) = (body.get("dimensions").and_then(Value::as_u64), spec.dimensions) {
            if asked > u64::from(has) {
                return Err(GatewayError::InvalidRequest {
                    message: format!("'dimensions' {asked} is more than {:?} has ({has})", spec.id),
                    param: Some("dimensions".into()),
                    code: quantai_core::ErrorCode::InvalidValue,
                });
            }
        }
        // An embedding fallback must produce vectors of the same size, or it would corrupt an index.
        let plan = self.plan(&spec, |m| {
            registry
                .catalog
                .get(m)
                .filter(|s| s.kind == ModelKind::Embedding && s.dimensions == spec.dimensions)
                .cloned()
        });
        let plan = self.within_quota(plan).await?;
        let gated = self
            .gate(&ctx, None, || {
                let n = tokens::count_embedding_input(spec.tokenizer, body.get("input").unwrap_or(&Value::Null));
                plan.iter().map(|m| m.price.input.cost(n)).max().unwrap_or_default()
            })
            .await?;
        let (mut draft, spec, ok, upstream) = self.run(&ctx, &plan, Op::Embed, &mut body).await?;
        draft.reservation = gated.reservation;
        let (reply, _) = self.finish_ok(draft, ok, upstream, |_| {
            let n = tokens::count_embedding_input(spec.tokenizer, body.get("input").unwrap_or(&Value::Null));
            TokenUsage { prompt_tokens: n, cached_tokens: 0, completion_tokens: 0 }
        });
        if let Reply::Json { body: resp, .. } = &reply {
            if self.inner.reqlog.enabled() {
                self.log_request(&ctx, &spec.id, false, &body, Some(embedding_summary(resp)));
            }
        }
        Ok((reply, gated.rate))
    }

    /// Admission under the rate limits, the response-cache lookup (`key`) and the budget
    /// reservation of `amount()` (the most the call may cost), in that order: a refused call
    /// consumes nothing further, a cache hit reserves nothing. Whatever lives in Redis is
    /// decided in one round trip ([`shared::Shared::gate`]).
    async fn gate(
        &self,
        ctx: &CallContext,
        key: Option<&cache::Key>,
        amount: impl FnOnce() -> Cost,
    ) -> Result<Gated, GatewayError> {
        let inner = &self.inner;
        let (user, service) = (ctx.user_id.as_str(), ctx.service.as_str());
        let now = time::OffsetDateTime::now_utc();
        let over_budget = |e: budgets::Exceeded| GatewayError::BudgetExceeded { what: e.what, resets_at: e.resets_at };
        let mut amount = Some(amount);
        let mut cost = || amount.take().map(|f| f()).unwrap_or_default();
        let mut gated = Gated { rate: limits::RateInfo::default(), hit: None, reservation: None };
        if inner.limits.enabled() && !inner.limits.shared() {
            gated.rate = inner.limits.admit(user, service).map_err(GatewayError::RateLimited)?;
        }
        let key = key.filter(|_| ctx.cache != cache::CacheDirective::NoCache);
        let buckets = if inner.limits.enabled() {
            inner.limits.shared_buckets(user, service)
        } else {
            limits::RateLimiter::no_buckets()
        };
        let budgets_shared = inner.budgets.enabled() && inner.budgets.shared();
        let windows = if budgets_shared { inner.budgets.shared_windows(user, service, now) } else { Vec::new() };
        let cache_key = key.and_then(|k| inner.cache.shared_key(k));
        let remote =
            inner.shared.as_ref().filter(|_| !buckets.keys.is_empty() || !windows.is_empty() || cache_key.is_some());
        if let Some(r) = remote {
            let reserve = if windows.is_empty() { Cost::ZERO } else { cost() };
            let ask = shared::Gate {
                buckets: &buckets.keys,
                windows: &windows,
                amount: reserve.picos(),
                cache: cache_key.as_deref(),
            };
            let alert = |i| inner.budgets.alert_hook(user, service, now, i);
            match r.admit(&ask, alert).await {
                Ok(ans) => {
                    gated.rate = inner
                        .limits
                        .read_admission(&buckets, &ans.admission, user, service)
                        .map_err(GatewayError::RateLimited)?;
                    // Which window refused the reservation (0: none); `None` when nothing was reserved.
                    let refused = match ans.cached.as_deref().map(cache::ResponseCache::decode_shared) {
                        Some(Some(hit)) => {
                            gated.hit = Some(hit);
                            // Admitted on the leases: the reservation is made, and released below.
                            (ans.local && !windows.is_empty()).then_some(0)
                        }
                        _ if windows.is_empty() => None,
                        // An unreadable entry is a miss, and a miss reserves (the script did not,
                        // unless the leases admitted the call).
                        Some(None) if !ans.local => {
                            let again =
                                shared::Gate { buckets: &[], windows: &windows, amount: reserve.picos(), cache: None };
                            let ans =
                                r.admit(&again, alert).await.map_err(|e| GatewayError::Unavailable(e.to_string()))?;
                            Some(ans.budget_refused)
                        }
                        _ => Some(ans.budget_refused),
                    };
                    if let Some(i) = refused {
                        gated.reservation =
                            Some(inner.budgets.shared_outcome(user, service, reserve, now, i).map_err(over_budget)?);
                    }
                }
                Err(e) if buckets.keys.is_empty() && windows.is_empty() => {
                    tracing::warn!(error = %e, "cache read failed; calling upstream");
                }
                Err(e) if r.fail_open() => {
                    tracing::warn!(error = %e, "rate limits and budgets not enforced: redis unavailable (redis.fail_open)");
                    if !windows.is_empty() {
                        gated.reservation = Some(inner.budgets.nothing_held());
                    }
                }
                Err(e) => return Err(GatewayError::Unavailable(e.to_string())),
            }
        }
        if gated.hit.is_none() {
            if let Some(k) = key.filter(|_| cache_key.is_none()) {
                gated.hit = inner.cache.get(k);
            }
        }
        if gated.hit.is_some() {
            // Dropping a reservation releases it.
            gated.reservation = None;
        } else if inner.budgets.enabled() && !budgets_shared {
            gated.reservation = Some(inner.budgets.reserve(user, service, cost(), now).map_err(over_budget)?);
        }
        Ok(gated)
    }

    /// Drops the models of a plan whose daily token quota is used up; refuses when none is left.
    async fn within_quota(&self, plan: Vec<ModelSpec>) -> Result<Vec<ModelSpec>, GatewayError> {
        if !self.inner.limits.has_model_quotas() {
            return Ok(plan);
        }
        let now = time::OffsetDateTime::now_utc();
        let day = now.unix_timestamp().div_euclid(86_400);
        let ids: Vec<&str> = plan.iter().map(|m| m.id.as_str()).collect();
        let out = self
            .inner
            .limits
            .models_exhausted(&ids, day)
            .await
            .map_err(|e| GatewayError::Unavailable(e.to_string()))?;
        if out.is_empty() {
            return Ok(plan);
        }
        let first = plan.first().map(|m| m.id.clone()).unwrap_or_default();
        let left: Vec<ModelSpec> = plan.into_iter().filter(|m| !out.contains(&m.id)).collect();
        if !left.is_empty() {
            tracing::info!(model = %first, "daily token quota used up; using the fallback chain");
            return Ok(left);
        }
        let midnight = (now.unix_timestamp().div_euclid(86_400) + 1) * 86_400;
        Err(GatewayError::RateLimited(limits::Limited {
            what: format!("the daily token quota of model {first:?} (limits.model_daily_tokens) is used up"),
            retry_after: Duration::from_secs(u64::try_from(midnight - now.unix_timestamp()).unwrap_or(1).max(1)),
            info: limits::RateInfo::default(),
        }))
    }

    /// Loads what the ledger already charged in the current day and month into the budget book.
    pub async fn seed_budgets(&self, store: &quantai_store::Store) -> Result<(), String> {
        use budgets::{Period, Scope};
        use quantai_store::ledger::{GroupBy, UsageFilter};
        if !self.inner.budgets.enabled() {
            return Ok(());
        }
        let now = time::OffsetDateTime::now_utc();
        let day = now.date().midnight().assume_utc();
        let month = now.date().replace_day(1).unwrap_or(now.date()).midnight().assume_utc();
        for (period, start) in [(Period::Day, day), (Period::Month, month)] {
            let filter =
                UsageFilter { from_ms: Some((start.unix_timestamp_nanos() / 1_000_000) as i64), ..Default::default() };
            for (scope, group) in [(Scope::User, GroupBy::User), (Scope::Service, GroupBy::Service)] {
                let rows = store.usage_report(&filter, group).await.map_err(|e| e.to_string())?;
                for g in rows {
                    let spent = quantai_core::money::Cost::from_picos(i128::from(g.cost_picos));
                    self.inner.budgets.seed(scope, period, &g.key, spent, now).await;
                }
            }
        }
        Ok(())
    }

    /// The primary model followed by its configured fallbacks that `allowed` accepts (for chat:
    /// those the calling service's policy allows, so a fallback never escalates past it).
    fn plan(&self, primary: &ModelSpec, allowed: impl Fn(&str) -> Option<ModelSpec>) -> Vec<ModelSpec> {
        let mut plan = vec![primary.clone()];
        for m in self.inner.fallbacks.get(&primary.id).into_iter().flatten() {
            match allowed(m) {
                Some(spec) if !plan.iter().any(|p| p.id == spec.id) => plan.push(spec),
                Some(_) => {}
                None => tracing::debug!(model = %primary.id, fallback = %m, "fallback skipped: not allowed here"),
            }
        }
        plan
    }

    /// Runs a call through its plan: retries each model on retryable errors with exponential
    /// backoff and full jitter (honouring `Retry-After`), then falls back to the next model, all
    /// within `retry.max_total_ms`. Every failed attempt is a ledger row; the winning attempt's
    /// draft is returned for the caller to settle.
    async fn run(
        &self,
        ctx: &CallContext,
        plan: &[ModelSpec],
        op: Op,
        body: &mut Map<String, Value>,
    ) -> Result<(Draft, ModelSpec, Attempt, Duration), GatewayError> {
        let cfg = &self.inner.retry;
        // `retry.max_total_ms` bounds the retries and waits: no attempt starts after it.
        let deadline = Instant::now() + Duration::from_millis(cfg.max_total_ms);
        let mut attempt = 0i64;
        let mut last = ProviderError::Timeout;
        for (i, spec) in plan.iter().enumerate() {
            let provider = self.provider(spec)?;
            body.insert("model".into(), Value::String(spec.upstream_model.clone()));
            let payload = to_bytes(body)?;
            for n in 1..=cfg.max_attempts {
                attempt += 1;
                let draft = Draft::new(ctx.clone(), spec, provider.name(), op.endpoint(), op == Op::Stream, attempt);
                let started = Instant::now();
                // The deadline decides whether another attempt starts; a running attempt is bounded
                // by its provider's own timeout, so a long completion is never cut short.
                let mut guard = InFlight { inner: self.inner.clone(), draft: Some(draft) };
                let result = op.call(provider.as_ref(), &spec.upstream_model, payload.clone()).await;
                let Some(mut draft) = guard.draft.take() else {
                    return Err(GatewayError::Internal("attempt draft missing".into()));
                };
                let upstream = started.elapsed();
                self.observe_upstream(provider.name(), upstream);
                let e = match result {
                    Ok(ok) => return Ok((draft, spec.clone(), ok, upstream)),
                    Err(e) => e,
                };
                let wait = backoff(cfg, n, e.retry_after());
                let now = Instant::now();
                let retry_here = e.is_retryable() && n < cfg.max_attempts && now + wait < deadline;
                let fall_back = e.is_retryable() && !retry_here && i + 1 < plan.len() && now < deadline;
                draft.is_final = !(retry_here || fall_back);
                self.record_failure(draft, &e);
                if !e.is_retryable() {
                    return Err(GatewayError::Upstream(e));
                }
                last = e;
                if retry_here {
                    tokio::time::sleep(wait).await;
                } else {
                    break;
                }
            }
            if Instant::now() >= deadline {
                break;
            }
        }
        Err(GatewayError::Upstream(last))
    }

    /// Queues the masked request and the provider's answer for the request log.
    fn log_request(
        &self,
        ctx: &CallContext,
        model: &str,
        cache_hit: bool,
        body: &Map<String, Value>,
        response: Option<Bytes>,
    ) {
        if let Some(e) = self.log_entry(ctx, model, cache_hit, body, response) {
            self.inner.reqlog.record(e);
        }
    }

    /// A request-log entry, when the log is on.
    fn log_entry(
        &self,
        ctx: &CallContext,
        model: &str,
        cache_hit: bool,
        body: &Map<String, Value>,
        response: Option<Bytes>,
    ) -> Option<reqlog::Entry> {
        if !self.inner.reqlog.enabled() {
            return None;
        }
        Some(reqlog::Entry {
            request_id: ctx.request_id.clone(),
            ts_ms: now_ms(),
            user_id: ctx.user_id.clone(),
            service: ctx.service.clone(),
            model: model.to_string(),
            cache_hit,
            request: body.clone(),
            response,
        })
    }

    fn count_cache(&self, outcome: &'static str) {
        self.inner.metrics.cache.get_or_create(&metrics::CacheLabels { outcome }).inc();
    }

    /// Answers from the cache: a ledger row at $0 that records what the call would have cost.
    fn serve_hit(
        &self,
        ctx: CallContext,
        spec: &ModelSpec,
        hit: cache::Hit,
        streamed: bool,
        body: &Map<String, Value>,
        masked: &guard::Masked,
    ) -> Reply {
        self.count_cache("hit");
        let saved = spec.price.cost(&hit.usage);
        self.inner.metrics.cache_saved_usd.inc_by(saved.picos() as f64 / 1e12);
        let mut draft = Draft::new(ctx, spec, "cache", "chat", streamed, 1);
        draft.cache_hit = true;
        draft.saved = saved;
        self.inner.commit(draft, TokenUsage::default(), false, "ok", 200, None);
        if streamed {
            let restored = masked.restore_json(hit.body);
            Reply::Cached { body: cache::as_sse(&restored, &hit.usage, wants_usage(body)), sse: true }
        } else {
            Reply::Cached { body: masked.restore_json(hit.body), sse: false }
        }
    }

    /// Settles a successful unary call: the upstream's usage, or `estimate` when it reported none.
    fn finish_ok(
        &self,
        draft: Draft,
        ok: Attempt,
        upstream: Duration,
        estimate: impl FnOnce(&Bytes) -> TokenUsage,
    ) -> (Reply, TokenUsage) {
        let resp = match ok {
            Attempt::Unary(b) => b,
            // Not reached: unary operations return unary answers.
            Attempt::Stream(..) => Bytes::new(),
        };
        let (usage, estimated) = match parse_usage(&resp) {
            Some(u) => (u, false),
            None => (estimate(&resp), true),
        };
        self.inner.commit(draft, usage, estimated, "ok", 200, None);
        (Reply::Json { body: resp, upstream }, usage)
    }

    fn observe_upstream(&self, provider: &str, d: Duration) {
        self.inner
            .metrics
            .upstream_latency
            .get_or_create(&metrics::UpstreamLabels { provider: provider.to_string() })
            .observe(d.as_secs_f64());
    }

    fn record_failure(&self, draft: Draft, e: &ProviderError) {
        tracing::warn!(provider = %draft.provider, model = %draft.model, attempt = draft.attempt, error = %e,
            class = e.class(), "upstream call failed");
        let status = match e {
            ProviderError::Http { status, .. } => i64::from(*status),
            ProviderError::Timeout => 504,
            _ => 502,
        };
        self.inner.commit(draft, TokenUsage::default(), false, "error", status, Some(e.class()));
    }
}

impl Inner {
    /// Turns a finished call into a ledger row and metrics.
    pub(crate) fn commit(
        &self,
        mut draft: Draft,
        usage: TokenUsage,
        estimated: bool,
        status: &str,
        http_status: i64,
        error_class: Option<&'static str>,
    ) {
        // An upstream's absurd usage figure must not poison sums: no call uses 100M tokens.
        const MAX_TOKENS: u64 = 100_000_000;
        let usage = TokenUsage {
            prompt_tokens: usage.prompt_tokens.min(MAX_TOKENS),
            cached_tokens: usage.cached_tokens.min(MAX_TOKENS),
            completion_tokens: usage.completion_tokens.min(MAX_TOKENS),
        };
        let cost = draft.price.cost(&usage);
        if let Some(r) = draft.reservation.take() {
            r.settle(cost);
        }
        let used = usage.prompt_tokens + usage.completion_tokens;
        self.limits.debit(&draft.ctx.user_id, &draft.ctx.service, used);
        self.limits.count_model_tokens(&draft.model, used, draft.ts_ms.div_euclid(86_400_000));
        let m = &self.metrics;
        if let Some(class) = error_class {
            m.upstream_errors.get_or_create(&metrics::ErrorLabels { provider: draft.provider.clone(), class }).inc();
        }
        for (kind, n) in
            [("prompt", usage.prompt_tokens), ("cached", usage.cached_tokens), ("completion", usage.completion_tokens)]
        {
            if n > 0 {
                m.tokens.get_or_create(&metrics::TokenLabels { model: draft.model.clone(), kind }).inc_by(n);
            }
        }
        if cost.picos() > 0 {
            m.cost_usd
                .get_or_create(&metrics::ModelLabels { model: draft.model.clone() })
                .inc_by(cost.picos() as f64 / 1e12);
        }
        let (template_name, template_version) = match draft.ctx.template.take() {
            Some((n, v)) => (Some(n), Some(v)),
            None => (None, None),
        };
        let row = UsageRecord {
            request_id: draft.ctx.request_id,
            attempt: draft.attempt,
            is_final: draft.is_final,
            ts_ms: draft.ts_ms,
            user_id: draft.ctx.user_id,
            service: draft.ctx.service,
            model: draft.model,
            provider: draft.provider,
            upstream_model: draft.upstream_model,
            endpoint: draft.endpoint.to_string(),
            streamed: draft.streamed,
            prompt_tokens: clamp(usage.prompt_tokens),
            cached_tokens: clamp(usage.cached_tokens),
            completion_tokens: clamp(usage.completion_tokens),
            tokens_estimated: estimated,
            input_price_micros: draft.price.input.micros_per_million(),
            cached_price_micros: draft.price.cached_input.micros_per_million(),
            output_price_micros: draft.price.output.micros_per_million(),
            cost_picos: cost.picos_i64().unwrap_or(i64::MAX),
            latency_ms: i64::try_from(draft.started.elapsed().as_millis()).unwrap_or(i64::MAX),
            status: status.to_string(),
            http_status,
            error_class: error_class.map(str::to_string),
            cache_hit: draft.cache_hit,
            saved_cost_picos: draft.saved.picos_i64().unwrap_or(i64::MAX),
            template_name,
            template_version,
        };
        self.ledger.record(row);
    }
}

fn clamp(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// A call in flight: what its ledger row needs besides the outcome.
pub(crate) struct Draft {
    ctx: CallContext,
    attempt: i64,
    is_final: bool,
    /// The call's budget reservation, on the attempt that answered.
    reservation: Option<budgets::Reservation>,
    /// Answered from the response cache, saving `saved`.
    cache_hit: bool,
    saved: quantai_core::money::Cost,
    model: String,
    provider: String,
    upstream_model: String,
    endpoint: &'static str,
    streamed: bool,
    price: PriceSheet,
    ts_ms: i64,
    started: Instant,
}

impl Draft {
    fn new(
        ctx: CallContext,
        spec: &ModelSpec,
        provider: &str,
        endpoint: &'static str,
        streamed: bool,
        attempt: i64,
    ) -> Self {
        Self {
            ctx,
            attempt,
            is_final: true,
            reservation: None,
            cache_hit: false,
            saved: quantai_core::money::Cost::ZERO,
            model: spec.id.clone(),
            provider: provider.to_string(),
            upstream_model: spec.upstream_model.clone(),
            endpoint,
            streamed,
            price: spec.price,
            ts_ms: now_ms(),
            started: Instant::now(),
        }
    }
}

/// Wall-clock milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

/// Whether a streamed request asked for the final usage chunk.
/// An embeddings answer for the request log: each vector replaced by its size (vectors are
/// large and say nothing a reader of the log needs).
fn embedding_summary(resp: &Bytes) -> Bytes {
    let Ok(mut v) = serde_json::from_slice::<Value>(resp) else { return resp.clone() };
    if let Some(Value::Array(items)) = v.get_mut("data") {
        for item in items {
            if let Some(obj) = item.as_object_mut() {
                if let Some(e) = obj.remove("embedding") {
                    let dims = match &e {
                        Value::Array(a) => a.len(),
                        // base64: 4 bytes per float, 4 characters per 3 bytes.
                        Value::String(s) => s.len() * 3 / 4 / 4,
                        _ => 0,
                    };
                    obj.insert("embedding_dims".into(), Value::from(dims));
                }
            }
        }
    }
    Bytes::from(v.to_string())
}

fn wants_usage(body: &Map<String, Value>) -> bool {
    body.get("stream_options").and_then(|o| o.get("include_usage")).and_then(Value::as_bool).unwrap_or(false)
}

fn to_bytes(body: &Map<String, Value>) -> Result<Bytes, GatewayError> {
    serde_json::to_vec(body).map(Bytes::from).map_err(|e| GatewayError::Internal(e.to_string()))
}

#[derive(Deserialize)]
pub(crate) struct UsageJson {
    #[serde(default)]
    prompt_tokens: u64,
    #[serde(default)]
    completion_tokens: u64,
    #[serde(default)]
    prompt_tokens_details: Option<PromptDetails>,
}

#[derive(Deserialize)]
struct PromptDetails {
    #[serde(default)]
    cached_tokens: Option<u64>,
}

impl UsageJson {
    pub(crate) fn into_usage(self) -> TokenUsage {
        TokenUsage {
            prompt_tokens: self.prompt_tokens,
            cached_tokens: self.prompt_tokens_details.and_then(|d| d.cached_tokens).unwrap_or(0),
            completion_tokens: self.completion_tokens,
        }
    }
}

fn parse_usage(body: &[u8]) -> Option<TokenUsage> {
    #[derive(Deserialize)]
    struct Resp {
        usage: Option<UsageJson>,
    }
    serde_json::from_slice::<Resp>(body).ok()?.usage.map(UsageJson::into_usage)
}

fn estimate_chat(t: Tokenizer, messages: &Value, response: &Value) -> TokenUsage {
    TokenUsage {
        prompt_tokens: tokens::count_messages(t, messages),
        cached_tokens: 0,
        completion_tokens: tokens::count_completion(t, response),
    }
}

/// Holds an attempt's draft while the upstream call runs. If the request is dropped mid-call
/// (the client went away), the attempt is still recorded, as `client_disconnected`.
struct InFlight {
    inner: Arc<Inner>,
    draft: Option<Draft>,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Some(d) = self.draft.take() {
            self.inner.commit(d, TokenUsage::default(), false, "client_disconnected", 499, Some("client_disconnect"));
        }
    }
}

/// What a call does upstream.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Chat,
    Stream,
    Embed,
}

/// A successful attempt.
enum Attempt {
    Unary(Bytes),
    /// The stream and its first chunk, already received: a stream that breaks before its first
    /// byte is retried like any failed call.
    Stream(provider::ByteStream, Option<Bytes>),
}

impl Op {
    fn endpoint(self) -> &'static str {
        match self {
            Op::Chat | Op::Stream => "chat",
            Op::Embed => "embeddings",
        }
    }

    async fn call(self, p: &dyn Provider, upstream_model: &str, payload: Bytes) -> Result<Attempt, ProviderError> {
        use futures::StreamExt;
        match self {
            Op::Chat => p.chat(upstream_model, payload).await.map(Attempt::Unary),
            Op::Embed => p.embed(upstream_model, payload).await.map(Attempt::Unary),
            Op::Stream => {
                let mut s = p.chat_stream(upstream_model, payload).await?;
                match s.next().await {
                    Some(Ok(first)) => Ok(Attempt::Stream(s, Some(first))),
                    Some(Err(e)) => Err(e),
                    None => Ok(Attempt::Stream(s, None)),
                }
            }
        }
    }
}

/// Exponential backoff with full jitter, never shorter than the upstream's `Retry-After`.
fn backoff(cfg: &RetrySettings, attempt: u32, retry_after: Option<Duration>) -> Duration {
    use rand::Rng;
    let cap = cfg.initial_backoff_ms.saturating_mul(1u64 << attempt.saturating_sub(1).min(20)).min(cfg.max_backoff_ms);
    let jittered = Duration::from_millis(rand::rng().random_range(0..=cap));
    retry_after.map_or(jittered, |ra| ra.max(jittered))
}
