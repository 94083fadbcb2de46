//! Layered configuration: compiled-in defaults → a TOML file (`--config FILE`) → environment
//! variables `QUANTAI__SECTION__KEY`. Unknown keys and invalid values stop start-up with a
//! message naming the key. Secrets are written as `env::VAR` and resolved from the
//! environment; they are held as [`SecretString`] and never printed.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use figment::providers::{Format, Serialized, Toml};
use figment::Figment;
use serde::{Deserialize, Serialize};

use crate::secret::SecretRef;

use crate::{Error, Result};

/// Environment prefix of configuration overrides.
pub const ENV_PREFIX: &str = "QUANTAI__";

/// All of quantai's settings.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    pub ledger: LedgerSettings,
    pub retry: RetrySettings,
    pub limits: LimitSettings,
    pub budgets: BudgetSettings,
    pub cache: CacheSettings,
    pub guard: GuardSettings,
    pub request_log: RequestLogSettings,
    pub redis: RedisSettings,
    pub market_data: MarketDataSettings,
    pub rag: RagSettings,
    pub ai: AiSettings,
    pub jobs: JobsSettings,
    pub models: ModelSettings,
    pub log: LogSettings,
    /// Upstream providers by name; catalog models refer to these names.
    pub providers: BTreeMap<String, ProviderSettings>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServerSettings {
    /// Address `quantai serve` listens on.
    pub bind: String,
    /// Largest accepted request body, in bytes.
    pub max_body_bytes: usize,
    /// Seconds to wait for in-flight requests on shutdown.
    pub shutdown_grace_secs: u64,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatabaseSettings {
    /// `sqlite://FILE`, `postgres://…` or `mysql://…`.
    pub url: String,
    pub max_connections: u32,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LedgerSettings {
    /// Usage rows buffered in memory before requests wait for the writer.
    pub queue_capacity: usize,
    /// Rows written per database transaction at most.
    pub batch_size: usize,
    /// Longest a row waits before it is written, in milliseconds.
    pub flush_interval_ms: u64,
}

/// Retries of failed upstream calls (429, 5xx, timeouts, connection errors).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetrySettings {
    /// Attempts per model, the first included; 1 disables retries.
    pub max_attempts: u32,
    /// Backoff before the second attempt; doubles each time, with full jitter.
    pub initial_backoff_ms: u64,
    pub max_backoff_ms: u64,
    /// No retry or fallback starts after this long; a running attempt is bounded by its
    /// provider's `timeout_ms`, so a call ends within max_total_ms + one provider timeout.
    pub max_total_ms: u64,
}

/// Requests and tokens per minute, per user and per service; 0 means unlimited. `users` and
/// `services` override the defaults for one name.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LimitSettings {
    /// Where the counters live: `memory` (this process) or `redis` (global across replicas).
    #[serde(default)]
    pub store: CounterStore,
    pub user_rpm: u32,
    pub user_tpm: u32,
    pub service_rpm: u32,
    pub service_tpm: u32,
    #[serde(default)]
    pub users: BTreeMap<String, RateLimit>,
    #[serde(default)]
    pub services: BTreeMap<String, RateLimit>,
    /// Tokens (prompt + completion) per model per UTC day, all callers together; a model
    /// without an entry is unlimited. In the environment:
    /// `QUANTAI__LIMITS__MODEL_DAILY_TOKENS="gpt-4o=2000000,gpt-4o-mini=10000000"`.
    #[serde(default, deserialize_with = "map_or_pairs")]
    pub model_daily_tokens: BTreeMap<String, u64>,
}

/// Where shared counters (rate limits, budgets, cache) live.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CounterStore {
    /// In this process (budgets are seeded from the ledger at start-up).
    #[default]
    Memory,
    /// In Redis (`redis.url`), shared by every replica, updated by atomic scripts.
    Redis,
}

/// The Redis that replicas share, when any store is `redis`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedisSettings {
    /// `redis://[:password@]host:port[/db]`, or `env::VAR` holding it. Never logged.
    pub url: SecretRef,
    /// Prefix of every key quantai writes, so several deployments can share one Redis.
    pub key_prefix: String,
    /// When Redis cannot be reached: `false` refuses requests (503) rather than run without
    /// limits and budgets; `true` lets them through with a warning.
    pub fail_open: bool,
    /// Longest wait for one Redis operation.
    pub timeout_ms: u64,
}

/// The response cache: exact match over a normalised request.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CacheSettings {
    pub enabled: bool,
    #[serde(default)]
    pub store: CounterStore,
    /// Seconds an answer stays servable.
    pub ttl_secs: u64,
    /// Entries kept in memory at most (memory store); least recently used go first.
    pub max_entries: usize,
    /// Answers larger than this are not cached.
    pub max_entry_bytes: usize,
}

/// What to do with personal data found in a prompt.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PiiAction {
    /// Replace each value with a stable placeholder (`[EMAIL_1]`) before the prompt leaves.
    #[default]
    Mask,
    /// Refuse the request (HTTP 400 `pii_detected`), naming the kinds found.
    Block,
    /// Send it as it is.
    Allow,
}

/// What to do with a banned word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WordAction {
    #[default]
    Block,
    Mask,
}

/// Prompt governance: PII masking and banned words, with per-service overrides.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuardSettings {
    pub pii: PiiAction,
    /// Put the masked values back into the response (unary answers) for the caller.
    pub restore: bool,
    #[serde(default)]
    pub banned_words: Vec<String>,
    #[serde(default)]
    pub banned_action: WordAction,
    #[serde(default)]
    pub services: BTreeMap<String, ServiceGuard>,
}

/// One service's overrides of [`GuardSettings`]; an absent field keeps the default.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceGuard {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pii: Option<PiiAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restore: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banned_words: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub banned_action: Option<WordAction>,
}

/// The AI services (narratives, strategy builder, ChatOps, prompt governance).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AiSettings {
    /// Where narrative reports are written (bucket `reports`): `file:DIR`, `s3://BUCKET`, or
    /// empty to keep them in the database only.
    pub reports_url: String,
    /// Largest answer a narrative may take, in tokens.
    pub narrative_max_tokens: u32,
    /// Most LLM steps (tool rounds) one ChatOps question may take.
    pub chatops_max_steps: u32,
    /// Most one ChatOps question may spend on LLM calls, in USD: once spent, the loop stops
    /// and answers from what the tools found.
    pub chatops_max_cost_usd: rust_decimal::Decimal,
    /// Slack's signing secret for the slash-command endpoint (`env::SLACK_SIGNING_SECRET`);
    /// empty disables the endpoint.
    pub slack_signing_secret: SecretRef,
}

impl Default for AiSettings {
    fn default() -> Self {
        Self {
            reports_url: "file:data/objects".into(),
            narrative_max_tokens: 700,
            chatops_max_steps: 4,
            chatops_max_cost_usd: rust_decimal::Decimal::new(5, 2),
            slack_signing_secret: SecretRef::default(),
        }
    }
}

/// The job runtime (issue 16): workers and the `jobs.yaml` scheduler inside `serve`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobsSettings {
    /// Workers `serve` runs on `queue` (0: none; run `quantai worker` processes instead).
    pub workers: u32,
    /// Whether `serve` runs the scheduler (any number may run: each slot enqueues one job).
    pub scheduler: bool,
    /// The schedule file; empty: the one that ships with the binary (`examples/jobs.yaml`).
    pub schedule: String,
    /// The queue `serve`'s workers take jobs from.
    pub queue: String,
    /// How long a claimed job is held without renewal before another worker may take it.
    pub lease_secs: u64,
}

impl Default for JobsSettings {
    fn default() -> Self {
        Self { workers: 1, scheduler: true, schedule: String::new(), queue: "ai_tasks".into(), lease_secs: 30 }
    }
}

/// A masked copy of every request and response, as JSON objects in bucket `prompts`.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestLogSettings {
    pub enabled: bool,
    /// `file:DIR` (the bucket is DIR/prompts) or `s3://BUCKET` (S3-compatible, configured by
    /// the usual `AWS_*` environment variables, e.g. `AWS_ENDPOINT` for MinIO).
    pub url: String,
    /// Objects older than this are deleted (checked at start-up and every hour).
    pub retention_days: u32,
}

/// Which embedder RAG uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmbedderKind {
    /// all-MiniLM-L6-v2 in process (`quantai models pull` installs it under `rag.model_dir`).
    Local,
    /// `rag.gateway_model` through the gateway, usage and cost in the ledger.
    Gateway,
}

/// Where RAG documents and vectors live.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RagStoreKind {
    /// quantai's own database; vectors searched in memory, one exact partition per user.
    Embedded,
    /// PostgreSQL with pgvector ≥ 0.8 at `rag.pgvector_url` (HNSW, iterative scans).
    Pgvector,
}

/// Retrieval over each user's backtests and strategies.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RagSettings {
    pub enabled: bool,
    pub embedder: EmbedderKind,
    pub store: RagStoreKind,
    /// `postgres://…` of a server with pgvector, or `env::VAR` holding it (never logged); empty
    /// means `database.url` when that is PostgreSQL.
    pub pgvector_url: SecretRef,
    /// The local model's directory (Hugging Face layout).
    pub model_dir: String,
    /// The embedding model used through the gateway (`embedder = "gateway"`).
    pub gateway_model: String,
    /// Days a document is kept, unless its collection has its own entry in `ttl_days_by_collection`.
    pub ttl_days: u32,
    pub ttl_days_by_collection: BTreeMap<String, u32>,
    /// Tokens a built prompt may use unless the request says otherwise.
    pub prompt_budget: usize,
    /// Embedded store: a partition (one user's collection) of at least this many documents gets
    /// an approximate HNSW graph for unfiltered searches, built in the background; 0 keeps
    /// every search exact.
    pub ann_min_documents: usize,
    /// Tokens of the model's context window kept free for the answer.
    pub answer_reserve: usize,
    /// The user's own lexicon files (instruments, aliases, strategy words), in the shape of
    /// quantai-lang's shipped `data/*.toml`, added to the shipped lexicon at start-up.
    pub lexicon_files: Vec<String>,
}

impl Default for RagSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            embedder: EmbedderKind::Local,
            store: RagStoreKind::Embedded,
            pgvector_url: SecretRef::default(),
            model_dir: "data/models/all-MiniLM-L6-v2".into(),
            gateway_model: "text-embedding-3-small".into(),
            ttl_days: 30,
            ttl_days_by_collection: BTreeMap::new(),
            prompt_budget: 2_000,
            ann_min_documents: 50_000,
            answer_reserve: 1_000,
            lexicon_files: Vec::new(),
        }
    }
}

/// Market-data sources (`quantai data fetch`).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketDataSettings {
    /// Where raw API responses are archived (bucket `raw-data`): `file:DIR`, `s3://BUCKET`, or
    /// empty to keep none.
    pub raw_archive_url: String,
    /// Directory of the KIS token cache shared by every quantai process of this machine.
    pub token_dir: String,
    pub kis: KisSettings,
    pub alphavantage: AlphaVantageSettings,
}

/// Korea Investment & Securities open-trading-api.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KisSettings {
    /// Real `https://openapi.koreainvestment.com:9443`; mock trading
    /// `https://openapivts.koreainvestment.com:29443` (set `mock_trading` too).
    pub base_url: String,
    pub mock_trading: bool,
    /// `env::VAR` or a literal; never logged.
    pub app_key: SecretRef,
    pub app_secret: SecretRef,
    /// `P` individual, `B` corporate.
    pub custtype: String,
    /// Least time between two calls (the official samples: 50 ms real, 500 ms mock).
    pub min_interval_ms: u64,
    /// First back-off after `EGW00201` (per-second limit), doubled on each retry.
    pub backoff_ms: u64,
}

/// Alpha Vantage.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AlphaVantageSettings {
    pub base_url: String,
    /// `env::VAR` or a literal; never logged.
    pub api_key: SecretRef,
    pub min_interval_ms: u64,
    /// First back-off after a per-minute rate-limit answer, doubled on each retry.
    pub backoff_ms: u64,
}

/// Accepts a TOML table or, from the environment, `"name=value,name=value"`.
fn map_or_pairs<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<BTreeMap<String, u64>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Either {
        Map(BTreeMap<String, u64>),
        Text(String),
    }
    match Either::deserialize(d)? {
        Either::Map(m) => Ok(m),
        Either::Text(t) => t
            .split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) =
                    p.split_once('=').ok_or_else(|| serde::de::Error::custom(format!("{p:?} is not model=tokens")))?;
                let v = v
                    .trim()
                    .parse::<u64>()
                    .map_err(|_| serde::de::Error::custom(format!("{v:?} in {p:?} is not a whole number")))?;
                Ok((k.trim().to_string(), v))
            })
            .collect(),
    }
}

/// Dollar budgets per UTC day and calendar month, per user and per service; "0" means none.
/// Enforced by reservation: a call reserves its largest possible cost before it goes upstream.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetSettings {
    pub user_daily_usd: rust_decimal::Decimal,
    pub user_monthly_usd: rust_decimal::Decimal,
    pub service_daily_usd: rust_decimal::Decimal,
    pub service_monthly_usd: rust_decimal::Decimal,
    /// Where the counters live: `memory` or `redis` (one budget across replicas).
    #[serde(default)]
    pub store: CounterStore,
    /// Percentages of a budget at which an alert fires once per window (log event `budget_alert`,
    /// metric `quantai_budget_alerts_total`, and the Slack webhook when set).
    pub alert_thresholds: Vec<u8>,
    /// Slack incoming-webhook URL, as `env::VAR` (it is a secret); empty for none.
    #[serde(default)]
    pub slack_webhook: SecretRef,
}

impl Default for BudgetSettings {
    fn default() -> Self {
        let z = rust_decimal::Decimal::ZERO;
        Self {
            user_daily_usd: z,
            user_monthly_usd: z,
            service_daily_usd: z,
            service_monthly_usd: z,
            store: CounterStore::Memory,
            alert_thresholds: vec![50, 80, 100],
            slack_webhook: SecretRef::default(),
        }
    }
}

/// One name's limits; an absent field keeps the default.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateLimit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpm: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tpm: Option<u32>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelSettings {
    /// Catalog file; empty means the compiled-in catalog.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog: Option<PathBuf>,
    /// Policy file; empty means the compiled-in policies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policies: Option<PathBuf>,
    /// Fallback chain per model: when a model's attempts fail, the next model of its chain that
    /// the calling service's policy allows is tried. Models a policy forbids are skipped.
    #[serde(default)]
    pub fallbacks: BTreeMap<String, Vec<String>>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogSettings {
    pub format: LogFormat,
    /// A tracing filter such as `info` or `quantai=debug`.
    pub level: String,
}

/// How log lines are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// The API dialect a provider speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderKind {
    /// OpenAI or any OpenAI-compatible server (vLLM, Ollama, llama.cpp server).
    Openai,
    /// Azure OpenAI: deployment URLs, `api-version` query, `api-key` header.
    Azure,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderSettings {
    pub kind: ProviderKind,
    /// Base URL ending before `/chat/completions`, e.g. `https://api.openai.com/v1`; for Azure
    /// the resource URL `https://NAME.openai.azure.com`.
    pub base_url: String,
    /// A secret reference `env::VAR`; empty for servers that need no key.
    #[serde(default)]
    pub api_key: SecretRef,
    #[serde(default)]
    pub organization: String,
    /// Azure only: the `api-version` query parameter.
    #[serde(default)]
    pub api_version: String,
    pub timeout_ms: u64,
    pub connect_timeout_ms: u64,
    /// Extra headers sent upstream with every call.
    #[serde(default)]
    pub headers: BTreeMap<String, String>,
}

impl Default for Settings {
    fn default() -> Self {
        let mut providers = BTreeMap::new();
        providers.insert(
            "openai".to_string(),
            ProviderSettings {
                kind: ProviderKind::Openai,
                // OPENAI_BASE_URL / OPENAI_ORG_ID are honoured at load time, as the SDKs do.
                base_url: "https://api.openai.com/v1".into(),
                api_key: "env::OPENAI_API_KEY".into(),
                organization: String::new(),
                api_version: String::new(),
                timeout_ms: 120_000,
                connect_timeout_ms: 5_000,
                headers: BTreeMap::new(),
            },
        );
        Self {
            server: ServerSettings {
                bind: "127.0.0.1:8080".into(),
                max_body_bytes: 2 * 1024 * 1024,
                shutdown_grace_secs: 30,
            },
            database: DatabaseSettings { url: "sqlite://quantai.db".into(), max_connections: 8 },
            ledger: LedgerSettings { queue_capacity: 65_536, batch_size: 512, flush_interval_ms: 500 },
            limits: LimitSettings::default(),
            budgets: BudgetSettings::default(),
            cache: CacheSettings {
                enabled: true,
                store: CounterStore::Memory,
                ttl_secs: 3_600,
                max_entries: 10_000,
                max_entry_bytes: 1024 * 1024,
            },
            guard: GuardSettings {
                pii: PiiAction::Mask,
                restore: false,
                banned_words: Vec::new(),
                banned_action: WordAction::Block,
                services: BTreeMap::new(),
            },
            request_log: RequestLogSettings { enabled: true, url: "file:data/objects".into(), retention_days: 30 },
            market_data: MarketDataSettings {
                raw_archive_url: "file:data/objects".into(),
                token_dir: "data".into(),
                kis: KisSettings {
                    base_url: "https://openapi.koreainvestment.com:9443".into(),
                    mock_trading: false,
                    app_key: "env::KIS_APP_KEY".into(),
                    app_secret: "env::KIS_APP_SECRET".into(),
                    custtype: "P".into(),
                    min_interval_ms: 50,
                    backoff_ms: 1_000,
                },
                alphavantage: AlphaVantageSettings {
                    base_url: "https://www.alphavantage.co".into(),
                    api_key: "env::ALPHAVANTAGE_API_KEY".into(),
                    min_interval_ms: 1_000,
                    backoff_ms: 15_000,
                },
            },
            rag: RagSettings::default(),
            ai: AiSettings::default(),
            jobs: JobsSettings::default(),
            redis: RedisSettings {
                url: SecretRef::default(),
                key_prefix: "quantai".into(),
                fail_open: false,
                timeout_ms: 1_000,
            },
            retry: RetrySettings {
                max_attempts: 3,
                initial_backoff_ms: 200,
                max_backoff_ms: 5_000,
                max_total_ms: 30_000,
            },
            models: ModelSettings::default(),
            log: LogSettings { format: LogFormat::Text, level: "info".into() },
            providers,
        }
    }
}

impl Settings {
    /// Loads defaults, then `file` if given, then `QUANTAI__…` from the process environment.
    pub fn load(file: Option<&Path>) -> Result<Self> {
        Self::load_from(file, std::env::vars())
    }

    /// Like [`Settings::load`] with an explicit environment (for tests).
    pub fn load_from(file: Option<&Path>, env: impl IntoIterator<Item = (String, String)>) -> Result<Self> {
        let env: BTreeMap<String, String> = env.into_iter().collect();
        let mut fig = Figment::from(Serialized::defaults(Settings::default()));
        if let Some(path) = file {
            if !path.is_file() {
                return Err(Error::Config(format!("config file {} does not exist", path.display())));
            }
            fig = fig.merge(Toml::file_exact(path));
        }
        // QUANTAI__SECTION__KEY → section.key, read from the given environment so tests can pass their own.
        let overrides: Vec<(String, String)> = env
            .iter()
            .filter_map(|(k, v)| k.strip_prefix(ENV_PREFIX).map(|rest| (rest.to_string(), v.clone())))
            .collect();
        for (key, value) in &overrides {
            let dotted = key.to_ascii_lowercase().replace("__", ".");
            if dotted.is_empty() || dotted.split('.').any(str::is_empty) {
                return Err(Error::Config(format!("environment variable {ENV_PREFIX}{key} does not name a key")));
            }
            fig = fig.merge(Serialized::global(&dotted, parse_env_value(value)));
        }
        let mut s: Settings = fig.extract().map_err(|e| Error::Config(describe(e)))?;
        s.apply_openai_env(&env);
        s.validate()?;
        Ok(s)
    }

    /// The official SDKs read `OPENAI_BASE_URL` and `OPENAI_ORG_ID`; so does the default provider,
    /// unless the config set them explicitly.
    fn apply_openai_env(&mut self, env: &BTreeMap<String, String>) {
        if let Some(p) = self.providers.get_mut("openai") {
            if p.kind == ProviderKind::Openai {
                if let Some(url) = env.get("OPENAI_BASE_URL").filter(|u| !u.is_empty()) {
                    if p.base_url == "https://api.openai.com/v1" {
                        p.base_url = url.trim_end_matches('/').to_string();
                    }
                }
                if let Some(org) = env.get("OPENAI_ORG_ID").filter(|o| !o.is_empty()) {
                    if p.organization.is_empty() {
                        p.organization = org.clone();
                    }
                }
            }
        }
    }

    /// Checks values that deserialise but make no sense, naming the key.
    pub fn validate(&self) -> Result<()> {
        let bad = |key: &str, msg: String| Err(Error::Config(format!("{key}: {msg}")));
        if self.server.bind.parse::<SocketAddr>().is_err() {
            return bad("server.bind", format!("{:?} is not an address like 127.0.0.1:8080", self.server.bind));
        }
        if self.server.max_body_bytes < 1024 {
            return bad(
                "server.max_body_bytes",
                format!("{} is below the minimum of 1024", self.server.max_body_bytes),
            );
        }
        let md = &self.market_data;
        for (key, url) in [
            ("market_data.kis.base_url", &md.kis.base_url),
            ("market_data.alphavantage.base_url", &md.alphavantage.base_url),
        ] {
            if !(url.starts_with("http://") || url.starts_with("https://")) {
                return bad(key, format!("{url:?} is not an http(s) URL"));
            }
        }
        if !["P", "B"].contains(&md.kis.custtype.as_str()) {
            return bad(
                "market_data.kis.custtype",
                format!("{:?} is not P (individual) or B (corporate)", md.kis.custtype),
            );
        }
        let archive = md.raw_archive_url.as_str();
        if !(archive.is_empty() || archive.starts_with("file:") || archive.starts_with("s3://")) {
            return bad("market_data.raw_archive_url", format!("{archive:?} is not file:DIR, s3://BUCKET or empty"));
        }
        if self.rag.ttl_days == 0 || self.rag.ttl_days_by_collection.values().any(|d| *d == 0) {
            return bad("rag.ttl_days", "a retention of 0 days would delete every document at once".into());
        }
        if self.rag.store == RagStoreKind::Pgvector {
            let own = self.database.url.starts_with("postgres://") || self.database.url.starts_with("postgresql://");
            let u: &str = &self.rag.pgvector_url;
            if u.is_empty() && !own {
                return bad(
                    "rag.pgvector_url",
                    "rag.store = \"pgvector\" needs a PostgreSQL URL (database.url is not PostgreSQL)".into(),
                );
            }
            if !(u.is_empty()
                || u.starts_with("env::")
                || u.starts_with("postgres://")
                || u.starts_with("postgresql://"))
            {
                return bad("rag.pgvector_url", "must start with postgres:// or be env::VAR".into());
            }
        }
        if self.rag.prompt_budget < 100 {
            return bad("rag.prompt_budget", format!("{} tokens is below the minimum of 100", self.rag.prompt_budget));
        }
        let url = self.database.url.as_str();
        if !["sqlite:", "postgres://", "postgresql://", "mysql://", "mariadb://"].iter().any(|p| url.starts_with(p)) {
            return bad("database.url", "must start with sqlite:, postgres://, mysql:// or mariadb://".into());
        }
        if self.database.max_connections == 0 {
            return bad("database.max_connections", "must be at least 1".into());
        }
        if self.ledger.queue_capacity == 0 || self.ledger.batch_size == 0 || self.ledger.flush_interval_ms == 0 {
            return bad("ledger", "queue_capacity, batch_size and flush_interval_ms must be positive".into());
        }
        let b = &self.budgets;
        for (k, v) in [
            ("user_daily_usd", b.user_daily_usd),
            ("user_monthly_usd", b.user_monthly_usd),
            ("service_daily_usd", b.service_daily_usd),
            ("service_monthly_usd", b.service_monthly_usd),
        ] {
            if v.is_sign_negative() && !v.is_zero() {
                return bad(&format!("budgets.{k}"), format!("{v} is negative"));
            }
        }
        for t in &self.budgets.alert_thresholds {
            if *t == 0 || *t > 100 {
                return bad("budgets.alert_thresholds", format!("{t} is not a percentage between 1 and 100"));
            }
        }
        if !self.budgets.slack_webhook.is_empty() && !self.budgets.slack_webhook.starts_with("env::") {
            return bad("budgets.slack_webhook", "write the webhook URL as env::VAR_NAME (it is a secret)".into());
        }
        let redis_needed = [
            ("limits.store", self.limits.store),
            ("budgets.store", self.budgets.store),
            ("cache.store", self.cache.store),
        ];
        for (key, store) in redis_needed {
            if store == CounterStore::Redis && self.redis.url.is_empty() {
                return bad(key, "is redis, but redis.url is empty".into());
            }
        }
        if !self.redis.url.is_empty()
            && !self.redis.url.starts_with("env::")
            && !self.redis.url.starts_with("redis://")
            && !self.redis.url.starts_with("rediss://")
        {
            return bad("redis.url", "must start with redis://, rediss:// or env::".into());
        }
        if self.redis.key_prefix.is_empty() || self.redis.key_prefix.contains(char::is_whitespace) {
            return bad("redis.key_prefix", format!("{:?} must be non-empty without spaces", self.redis.key_prefix));
        }
        if self.redis.timeout_ms == 0 {
            return bad("redis.timeout_ms", "must be positive".into());
        }
        let words = self
            .guard
            .banned_words
            .iter()
            .chain(self.guard.services.values().flat_map(|s| s.banned_words.iter().flatten()));
        if words.clone().any(|w| w.trim().is_empty()) {
            return bad("guard.banned_words", "an entry is empty".into());
        }
        let r = &self.ai.reports_url;
        if !(r.is_empty() || r.starts_with("file:") || r.starts_with("s3://")) {
            return bad("ai.reports_url", format!("{r:?} is not file:DIR, s3://BUCKET or empty"));
        }
        if !(1..=20).contains(&self.ai.chatops_max_steps) {
            return bad("ai.chatops_max_steps", format!("{} is not between 1 and 20", self.ai.chatops_max_steps));
        }
        let c = self.ai.chatops_max_cost_usd;
        if c <= rust_decimal::Decimal::ZERO || c > rust_decimal::Decimal::from(100) {
            return bad("ai.chatops_max_cost_usd", format!("{c} is not above 0 and at most 100"));
        }
        if self.jobs.workers > 64 {
            return bad("jobs.workers", format!("{} is more than 64", self.jobs.workers));
        }
        if self.jobs.queue.is_empty() || self.jobs.queue.len() > 64 {
            return bad("jobs.queue", "must be 1 to 64 characters".into());
        }
        if !(1..=3_600).contains(&self.jobs.lease_secs) {
            return bad("jobs.lease_secs", format!("{} is not between 1 and 3600", self.jobs.lease_secs));
        }
        if !(64..=16_000).contains(&self.ai.narrative_max_tokens) {
            return bad(
                "ai.narrative_max_tokens",
                format!("{} is not between 64 and 16000", self.ai.narrative_max_tokens),
            );
        }
        let u = &self.request_log.url;
        if !(u.starts_with("file:") || u.starts_with("s3://")) {
            return bad("request_log.url", format!("{u:?} is not file:DIR or s3://BUCKET"));
        }
        if self.request_log.retention_days == 0 {
            return bad("request_log.retention_days", "must be at least 1".into());
        }
        if self.cache.ttl_secs == 0 {
            return bad("cache.ttl_secs", "must be positive (disable the cache with cache.enabled = false)".into());
        }
        if !(1..=10).contains(&self.retry.max_attempts) {
            return bad("retry.max_attempts", format!("{} is not between 1 and 10", self.retry.max_attempts));
        }
        if self.retry.initial_backoff_ms > self.retry.max_backoff_ms {
            return bad("retry.initial_backoff_ms", "must not exceed retry.max_backoff_ms".into());
        }
        if self.retry.max_total_ms == 0 {
            return bad("retry.max_total_ms", "must be positive".into());
        }
        for (model, chain) in &self.models.fallbacks {
            if chain.iter().any(|m| m == model) {
                return bad(&format!("models.fallbacks.{model}"), "a model cannot fall back to itself".into());
            }
        }
        if self.providers.is_empty() {
            return bad("providers", "at least one provider is needed".into());
        }
        for (name, p) in &self.providers {
            let key = |k: &str| format!("providers.{name}.{k}");
            if !(p.base_url.starts_with("http://") || p.base_url.starts_with("https://")) {
                return bad(&key("base_url"), format!("{:?} is not an http(s) URL", p.base_url));
            }
            if !p.api_key.is_empty() && !p.api_key.starts_with("env::") && p.api_key.len() < 8 {
                return bad(&key("api_key"), "write secrets as env::VAR_NAME".into());
            }
            if p.kind == ProviderKind::Azure && p.api_version.is_empty() {
                return bad(&key("api_version"), "an azure provider needs an api_version".into());
            }
            if p.timeout_ms == 0 || p.connect_timeout_ms == 0 {
                return bad(&key("timeout_ms"), "timeouts must be positive".into());
            }
            for h in p.headers.keys() {
                if h.is_empty() || !h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
                    return bad(&key("headers"), format!("{h:?} is not a valid header name"));
                }
            }
        }
        Ok(())
    }

    /// The parsed listen address (validated by [`Settings::validate`]).
    pub fn bind_addr(&self) -> Result<SocketAddr> {
        self.server
            .bind
            .parse()
            .map_err(|_| Error::Config(format!("server.bind: {:?} is not an address", self.server.bind)))
    }
}

/// Environment values are typed as TOML would read them (numbers, booleans), else strings.
fn parse_env_value(raw: &str) -> figment::value::Value {
    if let Ok(v) = raw.parse::<i64>() {
        return v.into();
    }
    if let Ok(v) = raw.parse::<bool>() {
        return v.into();
    }
    // Arrays such as `[50, 80, 100]`.
    if raw.trim_start().starts_with('[') {
        return raw.parse::<figment::value::Value>().unwrap_or_else(|_| raw.into());
    }
    raw.into()
}

fn describe(e: figment::Error) -> String {
    e.into_iter()
        .map(|e| {
            let key = e.path.join(".");
            let kind = e.kind.to_string();
            if key.is_empty() {
                kind
            } else {
                format!("{key}: {kind}")
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn defaults_load_and_validate() {
        let s = Settings::load_from(None, env(&[])).unwrap();
        assert_eq!(s.server.bind, "127.0.0.1:8080");
        assert!(s.database.url.starts_with("sqlite:"));
        assert_eq!(s.providers["openai"].base_url, "https://api.openai.com/v1");
    }

    #[test]
    fn file_then_env_layering() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("q.toml");
        std::fs::write(&f, "[server]\nbind = \"0.0.0.0:9000\"\nmax_body_bytes = 4096\n").unwrap();
        let s = Settings::load_from(Some(&f), env(&[])).unwrap();
        assert_eq!(s.server.bind, "0.0.0.0:9000");
        assert_eq!(s.server.max_body_bytes, 4096);
        assert_eq!(s.database.max_connections, 8, "untouched keys keep their defaults");
        let s = Settings::load_from(Some(&f), env(&[("QUANTAI__SERVER__BIND", "127.0.0.1:7000")])).unwrap();
        assert_eq!(s.server.bind, "127.0.0.1:7000");
        assert_eq!(s.server.max_body_bytes, 4096);
    }

    #[test]
    fn unknown_keys_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("q.toml");
        std::fs::write(&f, "[server]\nbindd = \"0.0.0.0:9000\"\n").unwrap();
        let err = Settings::load_from(Some(&f), env(&[])).unwrap_err().to_string();
        assert!(err.contains("bindd"), "{err}");
        let err = Settings::load_from(None, env(&[("QUANTAI__DATABASE__URLL", "x")])).unwrap_err().to_string();
        assert!(err.contains("urll"), "{err}");
    }

    #[test]
    fn invalid_values_are_named() {
        let err =
            Settings::load_from(None, env(&[("QUANTAI__SERVER__MAX_BODY_BYTES", "lots")])).unwrap_err().to_string();
        assert!(err.contains("server.max_body_bytes"), "{err}");
        let err = Settings::load_from(None, env(&[("QUANTAI__SERVER__BIND", "localhost")])).unwrap_err().to_string();
        assert!(err.contains("server.bind"), "{err}");
        let err = Settings::load_from(None, env(&[("QUANTAI__DATABASE__URL", "oracle://x")])).unwrap_err().to_string();
        assert!(err.contains("database.url"), "{err}");
        let err = Settings::load_from(None, env(&[("QUANTAI__LOG__FORMAT", "xml")])).unwrap_err().to_string();
        assert!(err.contains("log.format"), "{err}");
        // pgvector needs a PostgreSQL URL: its own, or the database's.
        let err = Settings::load_from(None, env(&[("QUANTAI__RAG__STORE", "pgvector")])).unwrap_err().to_string();
        assert!(err.contains("rag.pgvector_url"), "{err}");
        let pg = [("QUANTAI__RAG__STORE", "pgvector"), ("QUANTAI__DATABASE__URL", "postgres://db/quantai")];
        assert!(Settings::load_from(None, env(&pg)).is_ok());
        let bad = [("QUANTAI__RAG__STORE", "pgvector"), ("QUANTAI__RAG__PGVECTOR_URL", "mysql://x")];
        let err = Settings::load_from(None, env(&bad)).unwrap_err().to_string();
        assert!(err.contains("rag.pgvector_url"), "{err}");
    }

    #[test]
    fn model_daily_tokens_from_file_or_env() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("q.toml");
        std::fs::write(&f, "[limits.model_daily_tokens]\n\"gpt-4o\" = 2000\n").unwrap();
        let s = Settings::load_from(Some(&f), env(&[])).unwrap();
        assert_eq!(s.limits.model_daily_tokens.get("gpt-4o"), Some(&2000));
        let s = Settings::load_from(None, env(&[("QUANTAI__LIMITS__MODEL_DAILY_TOKENS", "gpt-4o=5, gpt-4.1-mini=7")]))
            .unwrap();
        assert_eq!(s.limits.model_daily_tokens.get("gpt-4o"), Some(&5));
        assert_eq!(s.limits.model_daily_tokens.get("gpt-4.1-mini"), Some(&7));
        let err = Settings::load_from(None, env(&[("QUANTAI__LIMITS__MODEL_DAILY_TOKENS", "gpt-4o=lots")]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("model_daily_tokens") && err.contains("lots"), "{err}");
    }

    #[test]
    fn redis_stores_need_a_url() {
        let err = Settings::load_from(None, env(&[("QUANTAI__LIMITS__STORE", "redis")])).unwrap_err().to_string();
        assert!(err.contains("limits.store") && err.contains("redis.url"), "{err}");
        let err = Settings::load_from(None, env(&[("QUANTAI__CACHE__STORE", "mongo")])).unwrap_err().to_string();
        assert!(err.contains("cache.store"), "{err}");
        let s = Settings::load_from(
            None,
            env(&[("QUANTAI__BUDGETS__STORE", "redis"), ("QUANTAI__REDIS__URL", "env::MY_REDIS")]),
        )
        .unwrap();
        let url = s.redis.url.resolve(|v| (v == "MY_REDIS").then(|| "redis://h:1".to_string())).unwrap();
        use secrecy::ExposeSecret;
        assert_eq!(url.expose_secret(), "redis://h:1");
        let err = Settings::load_from(None, env(&[("QUANTAI__BUDGETS__ALERT_THRESHOLDS", "[50, 120]")]))
            .unwrap_err()
            .to_string();
        assert!(err.contains("budgets.alert_thresholds"), "{err}");
    }

    #[test]
    fn openai_env_is_honoured_and_secrets_resolve() {
        let s = Settings::load_from(
            None,
            env(&[("OPENAI_BASE_URL", "http://127.0.0.1:9/v1/"), ("OPENAI_ORG_ID", "org-1")]),
        )
        .unwrap();
        let p = &s.providers["openai"];
        assert_eq!(p.base_url, "http://127.0.0.1:9/v1");
        assert_eq!(p.organization, "org-1");
        use secrecy::ExposeSecret;
        let k = p.api_key.resolve(|v| (v == "OPENAI_API_KEY").then(|| "sk-test".to_string())).unwrap();
        assert_eq!(k.expose_secret(), "sk-test");
        assert!(p.api_key.resolve(|_| None).is_none());
        // Debug output of settings never contains the resolved secret, only the reference.
        assert!(!format!("{s:?}").contains("sk-test"));
    }
}
