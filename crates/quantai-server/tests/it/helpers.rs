use std::time::Duration;

use quantai_core::config::Settings;
use quantai_mock::Mock;
use quantai_server::App;
use quantai_store::keys::Role;
use quantai_store::ledger::{UsageFilter, UsageRecord};
use quantai_store::Store;
use serde_json::Value;
use tokio::sync::oneshot;

pub struct TestApp {
    pub base: String,
    pub store: Store,
    pub mock: Mock,
    pub backup: Option<Mock>,
    pub http: reqwest::Client,
    /// A user key whose default service is narrative_report.
    pub key: String,
    pub admin_key: String,
    pub dir: tempfile::TempDir,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<tokio::task::JoinHandle<std::io::Result<()>>>,
}

pub struct Options {
    pub max_body_bytes: usize,
    pub flush_interval_ms: u64,
    pub catalog: Option<String>,
    pub timeout_ms: u64,
    /// Route the `openai` provider through Azure's dialect, with an extra header.
    pub azure: bool,
    /// retry.max_attempts (1: no retries, so error tests see one row per call).
    pub max_attempts: u32,
    pub fallbacks: Vec<(&'static str, Vec<&'static str>)>,
    /// A second mock as provider `backup`, serving gpt-4o.
    pub backup: bool,
    pub limits: quantai_core::config::LimitSettings,
    pub budgets: quantai_core::config::BudgetSettings,
    pub cache: quantai_core::config::CacheSettings,
    /// `redis.url` and `redis.key_prefix`, for shared stores.
    pub redis: Option<(String, String)>,
    pub guard: quantai_core::config::GuardSettings,
    /// `ai.chatops_max_cost_usd`, when not the default.
    pub chatops_max_cost_usd: Option<rust_decimal::Decimal>,
    /// No LLM configured: the provider has no key and an https address.
    pub no_llm: bool,
    /// `ai.slack_signing_secret` (set through the environment variable it names).
    pub slack_secret: Option<&'static str>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_body_bytes: 64 * 1024,
            flush_interval_ms: 20,
            catalog: None,
            timeout_ms: 5_000,
            azure: false,
            max_attempts: 1,
            fallbacks: vec![],
            backup: false,
            limits: Default::default(),
            budgets: Default::default(),
            cache: Settings::default().cache,
            redis: None,
            guard: Settings::default().guard,
            no_llm: false,
            slack_secret: None,
            chatops_max_cost_usd: None,
        }
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_with(Options::default()).await
}

pub async fn spawn_with(o: Options) -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let mock = quantai_mock::spawn("127.0.0.1:0", true).await.unwrap();
    let mut s = Settings::default();
    s.database.url = format!("sqlite://{}", dir.path().join("q.db").display());
    s.server.max_body_bytes = o.max_body_bytes;
    s.ledger.flush_interval_ms = o.flush_interval_ms;
    let p = s.providers.get_mut("openai").unwrap();
    p.base_url = mock.base_url();
    p.timeout_ms = o.timeout_ms;
    if o.azure {
        p.kind = quantai_core::config::ProviderKind::Azure;
        p.base_url = format!("http://{}", mock.addr);
        p.api_version = "2024-10-21".into();
        p.headers.insert("x-tenant".into(), "quant".into());
    }
    s.retry.max_attempts = o.max_attempts;
    s.limits = o.limits.clone();
    s.budgets = o.budgets.clone();
    s.cache = o.cache.clone();
    s.guard = o.guard.clone();
    if let Some(c) = o.chatops_max_cost_usd {
        s.ai.chatops_max_cost_usd = c;
    }
    s.request_log.url = format!("file:{}", dir.path().display());
    s.ai.reports_url = format!("file:{}", dir.path().display());
    // The real embedding model when the machine has it, else RAG's keyword-only stand-in.
    s.rag.model_dir =
        std::env::var("QUANTAI_TEST_MINILM_DIR").unwrap_or_else(|_| dir.path().join("no-model").display().to_string());
    if let Some((url, prefix)) = &o.redis {
        s.redis.url = url.clone().into();
        s.redis.key_prefix = prefix.clone();
    }
    s.retry.initial_backoff_ms = 10;
    s.retry.max_backoff_ms = 50;
    for (m, chain) in &o.fallbacks {
        s.models.fallbacks.insert(m.to_string(), chain.iter().map(|c| c.to_string()).collect());
    }
    let mut catalog = o.catalog.clone();
    let backup = if o.backup {
        let b = quantai_mock::spawn("127.0.0.1:0", true).await.unwrap();
        let mut p = s.providers["openai"].clone();
        p.base_url = b.base_url();
        p.api_key = Default::default();
        s.providers.insert("backup".into(), p);
        let text = catalog.unwrap_or_else(|| quantai_core::catalog::DEFAULT_CATALOG.to_string());
        let moved = text.replace(
            "provider = \"openai\"\nupstream_model = \"gpt-4o\"\n",
            "provider = \"backup\"\nupstream_model = \"gpt-4o\"\n",
        );
        assert_ne!(moved, text);
        catalog = Some(moved);
        Some(b)
    } else {
        None
    };
    if let Some(text) = &catalog {
        let path = dir.path().join("catalog.toml");
        std::fs::write(&path, text).unwrap();
        s.models.catalog = Some(path);
    }
    if o.no_llm {
        let p = s.providers.get_mut("openai").unwrap();
        p.base_url = "https://127.0.0.1:9/v1".into();
    }
    if o.slack_secret.is_some() {
        s.ai.slack_signing_secret = "env::TEST_SLACK_SECRET".into();
    }
    let (no_llm, slack) = (o.no_llm, o.slack_secret);
    let app = App::build(s, move |v| match v {
        "OPENAI_API_KEY" if !no_llm => Some("sk-upstream-secret".to_string()),
        "TEST_SLACK_SECRET" => slack.map(str::to_string),
        _ => None,
    })
    .await
    .unwrap();
    let store = app.state.store.clone();
    let (key, _) = store.create_key("alice", Role::User, Some("narrative_report"), 0).await.unwrap();
    let (admin_key, _) = store.create_key("root", Role::Admin, None, 0).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(app.run(
        listener,
        async move {
            let _ = rx.await;
        },
        futures::stream::pending(),
    ));
    TestApp {
        base,
        store,
        mock,
        backup,
        http: reqwest::Client::new(),
        key,
        admin_key,
        dir,
        shutdown: Some(tx),
        task: Some(task),
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn post(&self, path: &str, key: &str) -> reqwest::RequestBuilder {
        self.http.post(self.url(path)).bearer_auth(key)
    }

    pub fn delete(&self, path: &str, key: &str) -> reqwest::RequestBuilder {
        self.http.delete(self.url(path)).bearer_auth(key)
    }

    pub fn get(&self, path: &str, key: &str) -> reqwest::RequestBuilder {
        self.http.get(self.url(path)).bearer_auth(key)
    }

    pub async fn chat(&self, body: Value) -> reqwest::Response {
        self.post("/v1/chat/completions", &self.key).json(&body).send().await.unwrap()
    }

    /// Waits until the ledger holds `n` rows, then returns them newest first.
    pub async fn rows(&self, n: usize) -> Vec<UsageRecord> {
        for _ in 0..500 {
            let rows = self.store.list_usage(&UsageFilter::default(), 100_000).await.unwrap();
            if rows.len() >= n {
                return rows;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        let rows = self.store.list_usage(&UsageFilter::default(), 100_000).await.unwrap();
        panic!("expected {n} ledger rows, found {}: {rows:?}", rows.len());
    }

    /// Asserts the ledger stays at `n` rows (nothing billed) for a moment.
    pub async fn assert_rows_stay(&self, n: usize) {
        tokio::time::sleep(Duration::from_millis(150)).await;
        let rows = self.store.list_usage(&UsageFilter::default(), 100_000).await.unwrap();
        assert_eq!(rows.len(), n, "ledger rows: {rows:?}");
    }

    /// The request log's bucket directory.
    pub fn request_log_dir(&self) -> std::path::PathBuf {
        self.dir.path().join("prompts")
    }

    /// The last body the upstream received.
    pub fn upstream_body(&self) -> Value {
        self.mock.state.last_body.lock().unwrap().clone().unwrap_or(Value::Null)
    }

    pub fn upstream_requests(&self) -> u64 {
        self.mock.state.requests.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Stops the server gracefully and waits for the ledger to drain.
    pub async fn stop(mut self) -> Store {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.task.take() {
            tokio::time::timeout(Duration::from_secs(30), t).await.unwrap().unwrap().unwrap();
        }
        // The app closed its pool; reopen the same database to inspect it.
        let url = format!("sqlite://{}", self.dir.path().join("q.db").display());
        let store = Store::connect(&url, 1).await.unwrap();
        std::mem::forget(self.dir);
        store
    }
}

/// Asserts an OpenAI-shaped error and returns its `error` object.
pub async fn openai_error(resp: reqwest::Response, status: u16) -> Value {
    assert_eq!(resp.status().as_u16(), status);
    let v: Value = resp.json().await.unwrap();
    let e = v["error"].clone();
    assert!(e["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
    assert!(e["type"].is_string() && e["code"].is_string(), "{v}");
    e
}

pub fn hello() -> Value {
    serde_json::json!({"messages": [{"role": "user", "content": "hi"}]})
}
