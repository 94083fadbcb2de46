//! `quantai models pull` and `quantai rag …`: the same RAG service the server runs, over the
//! configured database and embedder.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use quantai_core::config::Settings;
use quantai_rag::service::{Mode, SearchRequest};
use quantai_rag::Document;
use serde_json::Value;

#[derive(Subcommand)]
pub enum RagCmd {
    /// Index every stored backtest not indexed yet (all of them with --all).
    Backfill {
        #[arg(long)]
        all: bool,
    },
    /// Search one user's documents.
    Search(SearchArgs),
    /// Build the prompt the API would build for a question.
    Prompt {
        #[command(flatten)]
        search: SearchArgs,
        /// Token budget (default rag.prompt_budget).
        #[arg(long)]
        budget: Option<usize>,
        /// The model the prompt is for (its context window caps the budget).
        #[arg(long, default_value = "gpt-4o-mini")]
        model: String,
    },
    /// Add documents from a JSON-lines file ({"id", "text", "metadata"} per line).
    Add {
        #[arg(long)]
        user: String,
        #[arg(long)]
        collection: String,
        file: PathBuf,
        /// Documents per transaction.
        #[arg(long, default_value_t = 64)]
        batch: usize,
    },
    /// Delete one document.
    Delete {
        #[arg(long)]
        user: String,
        #[arg(long)]
        collection: String,
        id: String,
    },
    /// Delete every document of a user (the right to be forgotten).
    Forget {
        #[arg(long)]
        user: String,
    },
    /// Delete documents older than their collection's retention (rag.ttl_days).
    Purge {
        /// Only this collection (default: every collection).
        #[arg(long)]
        collection: Option<String>,
    },
    /// Documents per collection.
    Stats,
    /// Write every document (with its vector) as JSON lines to a file or to object storage
    /// (`s3://BUCKET/KEY`, with the `AWS_*` environment variables).
    Backup { target: String },
    /// Restore documents from a backup file or object (checked whole before anything is written).
    Restore { target: String },
    /// Re-embed documents stored by another model (after changing rag.embedder).
    Rebuild {
        #[arg(long)]
        reembed: bool,
    },
    /// Recall@1/3/5 and MRR per query type and language on a labelled set (default: the shipped
    /// held-out set, `crates/quantai-rag/eval/domain/heldout`).
    Eval {
        /// A directory with documents.jsonl ({id, user_id, collection, text, metadata}) and
        /// queries.jsonl ({id, user_id, query, relevant, type}); or a JSON file of the earlier
        /// shape ({"backtests": [...], "queries": [...]}).
        #[arg(long)]
        set: Option<PathBuf>,
        /// Print the eval as JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct SearchArgs {
    #[arg(long)]
    user: String,
    /// Collections to search (default user_backtests and user_strategies).
    #[arg(long = "collection")]
    collections: Vec<String>,
    #[arg(long, default_value_t = 5)]
    k: usize,
    /// Metadata filter, JSON (e.g. '{"sharpe": {"gte": 1}}').
    #[arg(long)]
    filter: Option<String>,
    #[arg(long)]
    threshold: Option<f32>,
    #[arg(long, value_enum, default_value = "hybrid")]
    mode: ModeArg,
    query: String,
}

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ModeArg {
    Hybrid,
    Vector,
    Keyword,
}

impl SearchArgs {
    fn request(&self) -> Result<(Vec<String>, SearchRequest)> {
        let filter = match &self.filter {
            Some(f) => serde_json::from_str(f).context("--filter is not JSON")?,
            None => Value::Null,
        };
        let cols = if self.collections.is_empty() {
            vec![quantai_rag::backtest_doc::COLLECTION.to_string(), "user_strategies".to_string()]
        } else {
            self.collections.clone()
        };
        let mode = match self.mode {
            ModeArg::Hybrid => Mode::Hybrid,
            ModeArg::Vector => Mode::Vector,
            ModeArg::Keyword => Mode::Keyword,
        };
        Ok((cols, SearchRequest { query: self.query.clone(), k: self.k, filter, threshold: self.threshold, mode }))
    }
}

/// `quantai models pull [--from DIR]`: installs the model in `rag.model_dir`.
pub fn models_pull(settings: &Settings, from: Option<PathBuf>, python: &str) -> Result<()> {
    let target = PathBuf::from(&settings.rag.model_dir);
    quantai_rag::models::pull(&target, from.as_deref(), python).map_err(anyhow::Error::msg)?;
    println!("{} installed in {} (sha256 checked)", quantai_rag::minilm::MODEL, target.display());
    Ok(())
}

/// What a `quantai rag` command works on: the store and the RAG service, and only with
/// `rag.embedder = "gateway"` the whole app (its gateway embeds, and its ledger must drain).
struct Tool {
    store: quantai_store::Store,
    registry: std::sync::Arc<quantai_core::registry::Registry>,
    app: Option<quantai_server::App>,
}

pub async fn rag(settings: Settings, cmd: RagCmd) -> Result<()> {
    let ttl = (settings.rag.ttl_days, settings.rag.ttl_days_by_collection.clone());
    let prompt_cfg = (settings.rag.prompt_budget, settings.rag.answer_reserve);
    let (tool, rag) = if settings.rag.embedder == quantai_core::config::EmbedderKind::Gateway {
        let app = quantai_server::App::build(settings, crate::env_var).await?;
        let rag = app.state.rag.clone().context("rag.enabled is false")?;
        let (store, registry) = (app.state.store.clone(), app.state.gateway.registry());
        (Tool { store, registry, app: Some(app) }, rag)
    } else {
        let store = crate::store(&settings).await?;
        let registry = std::sync::Arc::new(crate::registry(&settings)?);
        let rag = quantai_server::rag::build(&settings.rag, &store, &settings.database.url, None, crate::env_var)
            .await?
            .context("rag.enabled is false")?;
        (Tool { store, registry, app: None }, rag)
    };
    let out = run(&tool, &rag, cmd, ttl, prompt_cfg).await;
    drop(rag);
    match tool.app {
        Some(app) => app.close().await,
        None => tool.store.close().await,
    }
    out
}

async fn run(
    app: &Tool,
    rag: &quantai_rag::service::Rag,
    cmd: RagCmd,
    ttl: (u32, std::collections::BTreeMap<String, u32>),
    prompt_cfg: (usize, usize),
) -> Result<()> {
    let e = anyhow::Error::msg;
    match cmd {
        RagCmd::Backfill { all } => {
            let n = quantai_rag::indexing::backfill(rag, &app.store, all).await.map_err(|x| e(x.to_string()))?;
            println!("indexed {n} backtests");
        }
        RagCmd::Search(a) => {
            let (cols, req) = a.request()?;
            for h in rag.search(&a.user, &cols, &req).await.map_err(|x| e(x.to_string()))? {
                let first = h.text.lines().next().unwrap_or("");
                println!(
                    "{:.4}  {}/{}  sim={}  {first}",
                    h.score,
                    h.collection,
                    h.id,
                    h.similarity.map(|s| format!("{s:.3}")).unwrap_or("-".into())
                );
            }
        }
        RagCmd::Prompt { search, budget, model } => {
            let (cols, req) = search.request()?;
            let window = app.registry.catalog.get(&model).map(|m| m.context_window as usize);
            let window = window.with_context(|| format!("--model {model:?} is not in the catalog"))?;
            let hits = rag.search(&search.user, &cols, &req).await.map_err(|x| e(x.to_string()))?;
            let p = quantai_rag::prompt::build(&req.query, &hits, budget.unwrap_or(prompt_cfg.0), window, prompt_cfg.1);
            println!("{}", p.prompt);
            eprintln!("-- {} tokens of {} ({} contexts, {})", p.tokens, p.budget, p.contexts.len(), p.language);
        }
        RagCmd::Add { user, collection, file, batch } => {
            let text = std::fs::read_to_string(&file).with_context(|| format!("reading {}", file.display()))?;
            let mut docs = Vec::new();
            for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
                let d: Document = serde_json::from_str(line)
                    .with_context(|| format!("{} line {}: not a document", file.display(), i + 1))?;
                docs.push(d);
            }
            let mut n = 0;
            for chunk in docs.chunks(batch.max(1)) {
                n += rag.upsert(&collection, &user, chunk.to_vec()).await.map_err(|x| e(x.to_string()))?;
            }
            println!("added {n} documents to {collection} of {user}");
        }
        RagCmd::Delete { user, collection, id } => {
            if !rag.delete(&collection, &user, &id).await.map_err(|x| e(x.to_string()))? {
                bail!("no document {id:?} in {collection} of {user}");
            }
            println!("deleted {collection}/{id} of {user}");
        }
        RagCmd::Forget { user } => {
            let n = rag.delete_user(&user).await.map_err(|x| e(x.to_string()))?;
            println!("deleted {n} documents of {user}");
        }
        RagCmd::Purge { collection } => {
            let cols: Vec<String> = match collection {
                Some(c) => vec![c],
                None => {
                    rag.stats(None).await.map_err(|x| e(x.to_string()))?.into_iter().map(|s| s.collection).collect()
                }
            };
            for c in cols {
                let days = ttl.1.get(&c).copied().unwrap_or(ttl.0);
                let n = rag.purge(&c, days).await.map_err(|x| e(x.to_string()))?;
                println!("{c}: deleted {n} documents older than {days} days");
            }
        }
        RagCmd::Stats => {
            println!("{:<24} {:>10} {:>7}", "collection", "documents", "users");
            for s in rag.stats(None).await.map_err(|x| e(x.to_string()))? {
                println!("{:<24} {:>10} {:>7}", s.collection, s.documents, s.users);
            }
        }
        RagCmd::Backup { target } => {
            let t = quantai_rag::backup::Target::parse(&target).map_err(|x| e(x.to_string()))?;
            let n = quantai_rag::backup::save(rag, &t).await.map_err(|x| e(x.to_string()))?;
            println!("backed up {n} documents to {}", t.describe());
        }
        RagCmd::Restore { target } => {
            let t = quantai_rag::backup::Target::parse(&target).map_err(|x| e(x.to_string()))?;
            let n = quantai_rag::backup::load(rag, &t).await.map_err(|x| e(x.to_string()))?;
            println!("restored {n} documents from {}", t.describe());
        }
        RagCmd::Rebuild { reembed } => {
            if reembed {
                let n = rag.reembed().await.map_err(|x| e(x.to_string()))?;
                println!("re-embedded {n} documents with {}", rag.embedder().model());
            }
            rag.rebuild();
            println!("indexes rebuilt from the stored documents on next use");
        }
        RagCmd::Eval { set, json } => {
            // A directory is a set in JSON lines; a file, the earlier JSON shape; nothing, the
            // shipped held-out set.
            let legacy = set.as_ref().filter(|p| p.is_file());
            if let Some(p) = legacy {
                let text = std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
                let set: quantai_rag::eval::LabelledSet =
                    serde_json::from_str(&text).context("the labelled set is not valid")?;
                let report =
                    quantai_rag::eval::run(rag.embedder().clone(), &set).await.map_err(|x| e(x.to_string()))?;
                if json {
                    println!("{}", serde_json::to_string_pretty(&report)?);
                } else {
                    print!("{}", report.table());
                }
                return Ok(());
            }
            let set = match &set {
                Some(dir) => quantai_rag::eval::DomainSet::load(dir),
                None => quantai_rag::eval::DomainSet::heldout(),
            }
            .map_err(|x| e(x.to_string()))?;
            let report = quantai_rag::eval::run_domain(rag.embedder().clone(), rag.lexicon(), &set)
                .await
                .map_err(|x| e(x.to_string()))?;
            if json {
                println!("{}", serde_json::to_string_pretty(&report)?);
            } else {
                print!("{}", report.table());
            }
        }
    }
    Ok(())
}
