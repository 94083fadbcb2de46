//! quantai-server: the HTTP face of quantai (axum). Thin handlers: extract, call the gateway
//! or store, map the error ([`error::ApiError`], OpenAI's error shape everywhere). It owns
//! authentication ([`auth`]), the OpenAI-compatible routes, the model-selection and usage API,
//! the quant engine's market-data and backtest API,
//! health/readiness/metrics, the OpenAPI document, and start-up/shutdown ([`App`]).

pub mod auth;
pub mod checks;
pub mod error;
pub mod extract;
pub mod openapi;
pub mod rag;
mod routes;
pub mod runtime;
pub mod slack;

use std::future::{Future, IntoFuture};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use axum::Router;
use futures::{Stream, StreamExt};
use quantai_core::config::Settings;
use quantai_gateway::{Gateway, Metrics};
use quantai_store::Store;
use tokio::net::TcpListener;
use tokio::task::JoinHandle;

use crate::auth::KeyCache;
pub use crate::error::StartError;

/// Shared state of every handler.
#[derive(Clone)]
pub struct AppState {
    pub gateway: Gateway,
    /// The quant engine: market data and backtests.
    pub engine: quantai_quant::service::Engine,
    /// Retrieval over each user's documents (`None` when `rag.enabled` is false).
    pub rag: Option<Arc<quantai_rag::service::Rag>>,
    pub store: Store,
    /// The AI services: narratives, the strategy builder.
    pub ai: quantai_ai::Services,
    /// Slack's signing secret, when Slack commands are on.
    pub slack_secret: Option<Arc<secrecy::SecretString>>,
    /// Outgoing HTTP (Slack's delayed responses).
    pub http: reqwest::Client,
    pub keys: Arc<KeyCache>,
    pub settings: Arc<Settings>,
    /// The job queue and the task kinds this binary runs.
    pub jobs: quantai_jobs::Jobs,
    /// The `jobs.yaml` schedule (validated at start; run by `serve` when `jobs.scheduler`).
    pub scheduler: Arc<quantai_jobs::schedule::Scheduler>,
}

/// A built application: state plus the ledger writer task.
pub struct App {
    pub state: AppState,
    ledger_task: JoinHandle<()>,
}

impl App {
    /// Connects the database, migrates, starts the ledger writer and builds the gateway.
    /// `env` resolves secret references such as `env::OPENAI_API_KEY`.
    pub async fn build(settings: Settings, env: impl Fn(&str) -> Option<String>) -> Result<Self, StartError> {
        let store = Store::connect(&settings.database.url, settings.database.max_connections)
            .await
            .map_err(StartError::Connect)?;
        store.migrate().await.map_err(StartError::Migrate)?;
        let metrics = Arc::new(Metrics::new());
        let (ledger, ledger_task) = quantai_gateway::ledger::spawn(store.clone(), &settings.ledger, metrics.clone());
        let wants_redis = [settings.limits.store, settings.budgets.store, settings.cache.store]
            .contains(&quantai_core::config::CounterStore::Redis);
        let shared = if wants_redis {
            quantai_gateway::shared::Shared::connect(&settings.redis, &env).await.map_err(StartError::Redis)?
        } else {
            None
        };
        let gateway = Gateway::new(&settings, ledger, metrics, &env, shared)?;
        gateway.seed_budgets(&store).await?;
        let engine = quantai_quant::service::Engine::new(store.clone());
        // The samples load in the background: start-up stays fast; market-data reads wait for it.
        let loader = engine.clone();
        tokio::spawn(async move {
            if let Err(e) = loader.ensure_samples().await {
                tracing::error!(error = %e, "loading the sample market data failed");
            }
        });
        let rag = rag::build(&settings.rag, &store, &settings.database.url, Some(&gateway), &env).await?;
        if let Some(r) = &rag {
            quantai_rag::indexing::spawn_indexer(r.clone(), &engine);
        }
        let ai = quantai_ai::Services::new(&settings, gateway.clone(), engine.clone(), store.clone(), rag.clone())
            .map_err(|e| StartError::Setting { setting: "ai", reason: e.to_string() })?;
        if let Err(e) = ai.experiments.sync().await {
            tracing::error!(error = %e, "experiments not loaded; none runs");
        }
        let slack_secret = if settings.ai.slack_signing_secret.is_empty() {
            None
        } else {
            match settings.ai.slack_signing_secret.resolve(&env) {
                Some(s) => Some(Arc::new(s)),
                None => {
                    return Err(StartError::Setting {
                        setting: "ai.slack_signing_secret",
                        reason: format!(
                            "environment variable {} is not set",
                            settings.ai.slack_signing_secret.var().unwrap_or("(literal)")
                        ),
                    })
                }
            }
        };
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| StartError::Setting { setting: "ai", reason: e.to_string() })?;
        let jobs = quantai_jobs::Jobs { store: store.clone(), registry: Arc::new(runtime::registry(&store, &gateway)) };
        let source = if settings.jobs.schedule.is_empty() {
            quantai_jobs::schedule::Source::Default
        } else {
            quantai_jobs::schedule::Source::File(settings.jobs.schedule.clone().into())
        };
        let scheduler = quantai_jobs::schedule::Scheduler::new(jobs.clone(), source)
            .map_err(|e| StartError::Setting { setting: "jobs.schedule", reason: e.to_string() })?;
        let state = AppState {
            jobs,
            scheduler: Arc::new(scheduler),
            ai,
            slack_secret,
            http,
            engine,
            rag,
            gateway,
            store,
            keys: Arc::new(KeyCache::new(Duration::from_secs(30))),
            settings: Arc::new(settings),
        };
        Ok(Self { state, ledger_task })
    }

    /// Ends an application that was built but not served (CLI commands): drops its handles and
    /// waits for the usage ledger to drain.
    pub async fn close(self) {
        let store = self.state.store.clone();
        self.state.gateway.release_leases().await;
        drop(self.state);
        let grace = Duration::from_secs(30);
        if tokio::time::timeout(grace, self.ledger_task).await.is_err() {
            tracing::error!("the usage ledger did not drain within 30 s");
        }
        store.close().await;
    }

    /// The router with every route.
    pub fn router(&self) -> Router {
        router(self.state.clone())
    }

    /// Serves until `shutdown` resolves, reloading the catalog and policies on each item of
    /// `reload`; then finishes in-flight requests and drains the usage ledger.
    pub async fn run(
        self,
        listener: TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
        reload: impl Stream<Item = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let app = self.router();
        let gw = self.state.gateway.clone();
        let scheduler = self.state.scheduler.clone();
        let reloader = tokio::spawn(async move {
            let mut reload = std::pin::pin!(reload);
            while reload.next().await.is_some() {
                match gw.reload() {
                    Ok(r) => tracing::info!(models = r.catalog.models().count(), "catalog and policies reloaded"),
                    Err(e) => {
                        tracing::error!(error = %e, "reload refused; the previous catalog and policies stay in force")
                    }
                }
                match scheduler.reload() {
                    Ok(s) => tracing::info!(jobs = s.entries.len(), "schedule reloaded"),
                    Err(e) => {
                        tracing::error!(error = %e, "schedule reload refused; the previous schedule stays in force")
                    }
                }
            }
        });
        let store = self.state.store.clone();
        let gateway = self.state.gateway.clone();
        let grace = Duration::from_secs(self.state.settings.server.shutdown_grace_secs.max(1));
        let running = runtime::start(&self.state.jobs, &self.state.scheduler, &self.state.settings.jobs, grace);
        drop(self.state);
        // Graceful shutdown, bounded: connections still open `grace` after the signal (a long
        // stream, a client that stopped reading) are dropped; their usage rows are still queued.
        let signalled = Arc::new(tokio::sync::Notify::new());
        let notify = signalled.clone();
        let shutdown = async move {
            shutdown.await;
            notify.notify_one();
        };
        let serve = axum::serve(listener, app).with_graceful_shutdown(shutdown).into_future();
        let served = tokio::select! {
            r = serve => r,
            _ = async { signalled.notified().await; tokio::time::sleep(grace).await } => {
                tracing::warn!(secs = grace.as_secs(), "connections still open after server.shutdown_grace_secs; closing them");
                Ok(())
            }
        };
        reloader.abort();
        let _ = reloader.await;
        tracing::info!("stopping the workers and the scheduler");
        running.stop().await;
        gateway.release_leases().await;
        // The ledger drains once the last handle to the gateway (its sender) is gone.
        drop(gateway);
        tracing::info!("draining the usage ledger");
        if tokio::time::timeout(grace, self.ledger_task).await.is_err() {
            tracing::error!(secs = grace.as_secs(), "the usage ledger did not drain within server.shutdown_grace_secs");
        }
        store.close().await;
        served
    }
}

/// All routes over `state`.
pub fn router(state: AppState) -> Router {
    let limit = state.settings.server.max_body_bytes;
    routes::routes()
        .layer(axum::middleware::from_fn_with_state(state.clone(), observe))
        .layer(DefaultBodyLimit::max(limit))
        .with_state(state)
}

/// Gives every request an id (the client's `X-Request-Id` when it is a sane token, else a new
/// UUID), visible to handlers and errors while it is served and echoed in `x-request-id`; and
/// counts and times every request by route. One middleware: each layer costs a boxed service
/// clone per request.
async fn observe(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let route =
        req.extensions().get::<MatchedPath>().map(|m| m.as_str().to_string()).unwrap_or_else(|| "unmatched".into());
    let id = req
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty() && v.len() <= 128 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        })
        .map_or_else(|| uuid::Uuid::new_v4().to_string(), str::to_string);
    let header = axum::http::HeaderValue::from_str(&id);
    let started = Instant::now();
    let mut resp = error::REQUEST_ID.scope(id, next.run(req)).await;
    if let Ok(v) = header {
        resp.headers_mut().entry("x-request-id").or_insert(v);
    }
    let m = state.gateway.metrics();
    m.http_latency
        .get_or_create(&quantai_gateway::metrics::RouteOnly { route: route.clone() })
        .observe(started.elapsed().as_secs_f64());
    m.http_requests
        .get_or_create(&quantai_gateway::metrics::RouteLabels { route, status: resp.status().as_u16() })
        .inc();
    resp
}
