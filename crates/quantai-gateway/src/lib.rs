//! quantai-gateway: the one way quantai calls a model. It owns the live [`Registry`]
//! (catalog + service policies, hot-reloadable), the providers (one HTTP client for the
//! process), request validation, and every control a call passes. Entry points:
//! [`Gateway::new`], [`Gateway::chat`], [`Gateway::embeddings`], [`Gateway::reload`],
//! [`Gateway::savings`]. By what each part owns:
//! - `error`: [`GatewayError`], everything that can stop a call (each names its `ErrorCode`).
//! - `admission`: before the upstream call — rate limits ([`limits`]), the response cache
//!   lookup ([`cache`]), budget reservations ([`budgets`]), daily token quotas; in process or
//!   in Redis ([`shared`], with per-replica [`lease`]s), the Redis outcome read as one type.
//! - `attempts`: the plan (a model and its allowed fallbacks), retries with backoff, the calls.
//! - `settlement`: ledger rows and exact costs ([`ledger`]), the request log ([`reqlog`]),
//!   cache hits served, usage read or estimated ([`tokens`]); streams settle in `stream`.
//! - [`guard`] (PII and banned words), [`metrics`], [`providers`], [`savings`].

mod admission;
mod attempts;
pub mod budgets;
pub mod cache;
mod error;
pub mod experiments;
pub mod guard;
pub mod lease;
pub mod ledger;
pub mod limits;
pub mod metrics;
pub mod provider;
pub mod providers;
pub mod reqlog;
pub mod savings;
mod settlement;
pub mod shared;
mod stream;
pub mod tokens;
mod validate;

use crate::attempts::{Attempt, Op};
pub use crate::error::{GatewayError, SetupError};
use crate::settlement::{embedding_summary, estimate_chat, Draft};

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
    /// `EXPERIMENT/ARM` when the call is part of an experiment (set by [`Gateway::chat`]).
    pub arm: Option<String>,
}

impl CallContext {
    pub fn new(request_id: String, user_id: String, service: String) -> Self {
        Self { request_id, user_id, service, cache: cache::CacheDirective::Default, template: None, arm: None }
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
    /// Running experiments (swapped whole when one starts or stops).
    experiments: ArcSwap<Vec<experiments::Experiment>>,
    /// The Redis connection, when some control keeps its state there.
    shared: Option<Arc<shared::Shared>>,
}

/// The LLM gateway. Cheap to clone.
#[derive(Clone)]
pub struct Gateway {
    inner: Arc<Inner>,
}

/// The process-wide HTTP client: one connection pool for every provider.
pub fn http_client(settings: &Settings) -> Result<reqwest::Client, SetupError> {
    let connect = settings.providers.values().map(|p| p.connect_timeout_ms).max().unwrap_or(5_000);
    reqwest::Client::builder()
        .connect_timeout(Duration::from_millis(connect))
        .pool_max_idle_per_host(1024)
        .pool_idle_timeout(Duration::from_secs(90))
        .tcp_nodelay(true)
        .build()
        .map_err(|e| SetupError::setting("providers", format_args!("cannot build the HTTP client: {e}")))
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
    ) -> Result<Self, SetupError> {
        let client = http_client(settings)?;
        let webhook = if settings.budgets.slack_webhook.is_empty() {
            None
        } else {
            let hook = &settings.budgets.slack_webhook;
            match hook.resolve(&env) {
                Some(url) => Some(url),
                None => {
                    let var = hook.var().unwrap_or("(literal)");
                    return Err(SetupError::setting(
                        "budgets.slack_webhook",
                        format_args!("environment variable {var} is not set"),
                    ));
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
            Registry::from_sources(settings.models.catalog.as_deref(), settings.models.policies.as_deref(), &names)?;
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
                experiments: ArcSwap::from_pointee(Vec::new()),
                shared,
            }),
        })
    }

    /// The catalog and policies in force.
    pub fn registry(&self) -> Arc<Registry> {
        self.inner.registry.load_full()
    }

    /// Re-reads the catalog and policy files. A bad file is refused and the old ones stay.
    pub fn reload(&self) -> Result<Arc<Registry>, SetupError> {
        let names: Vec<&str> = self.inner.providers.keys().map(String::as_str).collect();
        let fresh =
            Registry::from_sources(self.inner.catalog_path.as_deref(), self.inner.policies_path.as_deref(), &names)?;
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

    /// Whether `service` can reach an LLM: its default model's provider is configured (a key is
    /// set). Services with deterministic paths skip the call when it cannot.
    pub fn llm_ready(&self, service: &str) -> bool {
        let registry = self.registry();
        let Ok(model) = registry.policies.default_model(service) else { return false };
        let Some(spec) = registry.catalog.get(model) else { return false };
        self.inner.providers.get(&spec.provider).is_some_and(|p| p.ready())
    }

    /// Replaces the running experiments (start-up, and whenever one starts or stops).
    pub fn set_experiments(&self, running: Vec<experiments::Experiment>) {
        self.inner.experiments.store(Arc::new(running));
    }

    /// The arm `user` is in for `service`'s running experiment: (ledger label, arm).
    pub fn arm_for(&self, service: &str, user: &str) -> Option<(String, experiments::Arm)> {
        let all = self.inner.experiments.load();
        let e = all.iter().find(|e| e.service == service && e.status == "running")?;
        let arm = e.arm_of(user).clone();
        Some((e.label(&arm), arm))
    }

    /// The budget book (ChatOps reads and, for admins, changes it).
    pub fn budgets(&self) -> &budgets::Budgets {
        &self.inner.budgets
    }

    /// The price sheet of a catalog model (for the cost of a call made through [`Gateway::chat`]).
    pub fn price(&self, model: &str) -> Option<quantai_core::money::PriceSheet> {
        self.registry().catalog.get(model).map(|m| m.price)
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
        let mut ctx = ctx;
        // an experiment on the service picks the model of the caller's arm, unless the
        // caller named one
        if let Some((label, arm)) = self.arm_for(&ctx.service, &ctx.user_id) {
            if let (Some(m), false) = (&arm.model, body.contains_key("model")) {
                body.insert("model".into(), Value::String(m.clone()));
            }
            ctx.arm = Some(label);
        }
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
}

/// Wall-clock milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_millis() as i64).unwrap_or(0)
}

fn wants_usage(body: &Map<String, Value>) -> bool {
    body.get("stream_options").and_then(|o| o.get("include_usage")).and_then(Value::as_bool).unwrap_or(false)
}

fn to_bytes(body: &Map<String, Value>) -> Result<Bytes, GatewayError> {
    serde_json::to_vec(body).map(Bytes::from).map_err(|e| GatewayError::Internal(e.to_string()))
}
