//! The quant engine as a service over the store: importing and reading market data, data checks,
//! running and persisting backtests, and the completion event other parts subscribe to (RAG
//! indexes each finished backtest). The CLI and the HTTP API both call this; it is the one
//! module of this crate that does I/O.

use serde::{Deserialize, Serialize};
use time::Date;
use tokio::sync::broadcast;

use quantai_store::backtests::{BacktestRow, Part};
use quantai_store::market::{PriceRow, UpsertCounts};
use quantai_store::Store;

use crate::backtest::{self, BacktestResult};
use crate::bars::{parse_csv, BadRow, Bar, Series};
use crate::calendar::Calendar;
use crate::check::{self, CheckOptions, Finding};
use crate::kpi::Kpis;
use crate::strategy::StrategySpec;
use crate::sweep::{self, Fold, Method, SearchSpec, Trial};
use crate::{date, Market};

/// Errors of the engine service; the server maps them to 400 / 404 / 500.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// The caller's input is wrong; the message names what.
    #[error("{0}")]
    Invalid(String),
    /// One field of the caller's input is wrong: its name, the stable code and what is wrong.
    #[error("{message}")]
    Field { field: &'static str, code: quantai_core::ErrorCode, message: String },
    #[error("{0}")]
    NotFound(String),
    /// A fault inside quantai (a stored document that does not decode, a task that died): never
    /// the caller's fault, answered as 500 with the detail kept in the log.
    #[error("{0}")]
    Internal(String),
    #[error(transparent)]
    Store(#[from] quantai_store::Error),
}

pub type Result<T, E = EngineError> = std::result::Result<T, E>;

/// What an import did.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ImportReport {
    pub symbol: String,
    pub market: Market,
    /// Data rows in the file.
    pub rows: usize,
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
    /// Rows skipped (only with `skip_bad_rows`).
    pub rejected: Vec<BadRow>,
}

/// Sample daily bars shipped in the binary, so a fresh machine has data to work on.
pub const SAMPLES: [(&str, Market, &str); 2] = [
    ("AAPL", Market::Us, include_str!("../data/ohlcv/AAPL.csv")),
    ("GOOG", Market::Us, include_str!("../data/ohlcv/GOOG.csv")),
];

/// A finished backtest, as broadcast to subscribers.
#[derive(Clone, Debug, Serialize)]
pub struct BacktestDone {
    pub id: String,
    pub user_id: String,
    pub symbol: String,
    pub market: Market,
    pub spec: StrategySpec,
    #[serde(with = "crate::date::serde_iso")]
    pub from: Date,
    #[serde(with = "crate::date::serde_iso")]
    pub to: Date,
    pub kpis: Kpis,
}

/// A backtest request: the data and the strategy.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BacktestRequest {
    #[schema(min_length = 1)]
    pub symbol: String,
    #[serde(default)]
    pub market: Option<Market>,
    #[serde(default, with = "opt_date")]
    #[schema(value_type = Option<String>, format = Date)]
    pub from: Option<Date>,
    #[serde(default, with = "opt_date")]
    #[schema(value_type = Option<String>, format = Date)]
    pub to: Option<Date>,
    pub strategy: StrategySpec,
}

mod opt_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&crate::date::iso(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => crate::date::parse(&s)
                .map(Some)
                .map_err(|_| serde::de::Error::custom(format!("date {s:?} is not YYYY-MM-DD"))),
        }
    }
}

/// A parameter search on stored data.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OptimizeRequest {
    #[schema(min_length = 1)]
    pub symbol: String,
    #[serde(default)]
    pub market: Option<Market>,
    #[serde(default, with = "opt_date")]
    #[schema(value_type = Option<String>, format = Date)]
    pub from: Option<Date>,
    #[serde(default, with = "opt_date")]
    #[schema(value_type = Option<String>, format = Date)]
    pub to: Option<Date>,
    pub search: SearchSpec,
    /// Also run a walk-forward: `folds` windows, each searched on its first `train` share.
    #[serde(default)]
    pub walk_forward: Option<WalkForward>,
    /// How many of the best trials the stored leaderboard keeps.
    #[serde(default = "default_keep")]
    #[schema(minimum = 1, maximum = 10000)]
    pub keep: usize,
}

fn default_keep() -> usize {
    50
}

#[derive(Clone, Copy, Debug, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WalkForward {
    #[schema(minimum = 1, maximum = 50)]
    pub folds: usize,
    /// The in-sample share of each window.
    #[schema(minimum = 0.1, maximum = 0.95)]
    pub train: f64,
}

/// A finished search: the best trials (best first), how many ran, and the walk-forward folds.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
pub struct OptimizeResult {
    pub leaderboard: Vec<Trial>,
    pub trials: usize,
    pub folds: Option<Vec<Fold>>,
    pub elapsed_ms: u64,
}

/// A search as its owner sees it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OptimizationStatus {
    pub id: String,
    pub user_id: String,
    pub symbol: String,
    pub status: quantai_store::backtests::JobStatus,
    pub done: i64,
    pub total: i64,
    #[schema(value_type = Object)]
    pub request: serde_json::Value,
    pub result: Option<OptimizeResult>,
    pub error: Option<String>,
    pub created_ms: i64,
    pub finished_ms: Option<i64>,
}

/// Progress callback of a search: (done, total).
pub type Progress = std::sync::Arc<dyn Fn(usize, usize) + Send + Sync>;

/// A stored backtest's summary.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct StoredBacktest {
    pub id: String,
    pub user_id: String,
    pub symbol: String,
    pub market: String,
    pub strategy: StrategySpec,
    pub from: String,
    pub to: String,
    pub kpis: Kpis,
    pub created_ms: i64,
}

/// The engine: cheap to clone.
#[derive(Clone)]
pub struct Engine {
    store: Store,
    events: broadcast::Sender<BacktestDone>,
    /// Set once the shipped samples are in the store (see [`Engine::ensure_samples`]).
    samples: std::sync::Arc<tokio::sync::OnceCell<()>>,
}

fn to_row(b: &Bar) -> PriceRow {
    PriceRow {
        date: date::iso(b.date),
        open: b.open,
        high: b.high,
        low: b.low,
        close: b.close,
        volume: b.volume,
        adj_close: b.adj_close,
    }
}

fn from_row(r: &PriceRow) -> Result<Bar> {
    Ok(Bar {
        date: date::parse(&r.date)
            .map_err(|_| EngineError::Internal(format!("stored date {:?} is not a date", r.date)))?,
        open: r.open,
        high: r.high,
        low: r.low,
        close: r.close,
        volume: r.volume,
        adj_close: r.adj_close,
    })
}

/// At most this many bad rows are named in an error message.
const NAMED_BAD_ROWS: usize = 20;

impl Engine {
    pub fn new(store: Store) -> Self {
        let (events, _) = broadcast::channel(1024);
        Self { store, events, samples: Default::default() }
    }

    /// Loads the shipped samples once per process (no-op when they are stored); reads of market
    /// data wait for it, so a server can start serving before the first load finishes.
    pub async fn ensure_samples(&self) -> Result<()> {
        self.samples
            .get_or_try_init(|| async {
                for r in self.seed_samples().await? {
                    tracing::info!(symbol = %r.symbol, bars = r.inserted, "sample market data loaded");
                }
                Ok::<(), EngineError>(())
            })
            .await
            .map(|_| ())
    }

    /// Finished backtests, as they finish.
    pub fn subscribe(&self) -> broadcast::Receiver<BacktestDone> {
        self.events.subscribe()
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Validates `text` (an OHLCV CSV) and upserts its bars: all of them, or — when a row is
    /// bad — none, unless `skip_bad_rows`, which imports the good rows and returns the bad ones.
    pub async fn import_csv(
        &self,
        text: &str,
        symbol: &str,
        market: Market,
        skip_bad_rows: bool,
    ) -> Result<ImportReport> {
        let parsed = parse_csv(text).map_err(|e| EngineError::Invalid(e.to_string()))?;
        self.import_parsed(parsed.bars, parsed.bad, symbol, market, skip_bad_rows).await
    }

    /// Validates and upserts bars from an API client by the same rules as a CSV import (all or
    /// none); a bad bar is named by its position (1-based) and reason.
    pub async fn import_bars(&self, symbol: &str, market: Market, bars: &[Bar]) -> Result<ImportReport> {
        let (mut good, mut bad): (Vec<Bar>, Vec<BadRow>) = (Vec::with_capacity(bars.len()), Vec::new());
        for (i, b) in bars.iter().enumerate() {
            match crate::bars::check_bar(b, good.last()) {
                Ok(()) => good.push(*b),
                Err(reason) => bad.push(BadRow { line: i + 1, reason: reason.to_string(), text: format!("{b:?}") }),
            }
        }
        self.import_parsed(good, bad, symbol, market, false).await
    }

    async fn import_parsed(
        &self,
        bars: Vec<Bar>,
        bad: Vec<BadRow>,
        symbol: &str,
        market: Market,
        skip_bad_rows: bool,
    ) -> Result<ImportReport> {
        let rows = bars.len() + bad.len();
        if !bad.is_empty() && !skip_bad_rows {
            let mut msg = format!(
                "{} of {rows} rows are bad; nothing was imported (--skip-bad-rows imports the rest):",
                bad.len()
            );
            for b in bad.iter().take(NAMED_BAD_ROWS) {
                msg.push_str(&format!("\n  {b}"));
            }
            if bad.len() > NAMED_BAD_ROWS {
                msg.push_str(&format!("\n  … and {} more", bad.len() - NAMED_BAD_ROWS));
            }
            return Err(EngineError::Invalid(msg));
        }
        if bars.is_empty() {
            return Err(EngineError::Invalid("the file has no valid data row".into()));
        }
        let rows_db: Vec<PriceRow> = bars.iter().map(to_row).collect();
        let UpsertCounts { inserted, updated, unchanged } =
            self.store.upsert_prices(symbol, market.as_str(), &rows_db).await.map_err(|e| match e {
                quantai_store::Error::Invalid(m) => EngineError::Invalid(m),
                e => EngineError::Store(e),
            })?;
        Ok(ImportReport { symbol: symbol.to_string(), market, rows, inserted, updated, unchanged, rejected: bad })
    }

    /// Imports the shipped samples that the store does not hold yet.
    pub async fn seed_samples(&self) -> Result<Vec<ImportReport>> {
        let mut out = Vec::new();
        for (symbol, market, text) in SAMPLES {
            if !self.store.has_prices(symbol, market.as_str()).await? {
                out.push(self.import_csv(text, symbol, market, false).await?);
            }
        }
        Ok(out)
    }

    /// Which market `symbol` is on: `market` when given, else the one it is stored on.
    async fn market_of(&self, symbol: &str, market: Option<Market>) -> Result<Market> {
        if let Some(m) = market {
            return Ok(m);
        }
        let markets = self.store.symbol_markets(symbol).await?;
        match markets.as_slice() {
            [] => Err(EngineError::NotFound(format!("no market data for symbol {symbol:?} (import it first)"))),
            [one] => one.parse().map_err(EngineError::Invalid),
            many => Err(EngineError::Invalid(format!(
                "symbol {symbol:?} is stored on several markets ({}); name one",
                many.join(", ")
            ))),
        }
    }

    /// The stored bars of `symbol` within `[from, to]`.
    pub async fn series(
        &self,
        symbol: &str,
        market: Option<Market>,
        from: Option<Date>,
        to: Option<Date>,
    ) -> Result<Series> {
        self.ensure_samples().await?;
        let market = self.market_of(symbol, market).await?;
        let (f, t) = (from.map(date::iso), to.map(date::iso));
        let rows = self.store.prices(symbol, Some(market.as_str()), f.as_deref(), t.as_deref()).await?;
        if rows.is_empty() {
            return Err(EngineError::NotFound(format!(
                "no bars for {symbol:?} on {} between {} and {}",
                market.as_str(),
                f.as_deref().unwrap_or("the start"),
                t.as_deref().unwrap_or("the end")
            )));
        }
        let bars = rows.iter().map(from_row).collect::<Result<Vec<_>>>()?;
        Ok(Series::from_bars(symbol, Some(market), &bars))
    }

    /// Data checks of a stored symbol against its market's calendar.
    pub async fn check(&self, symbol: &str, market: Option<Market>, opts: &CheckOptions) -> Result<Vec<Finding>> {
        let s = self.series(symbol, market, None, None).await?;
        let cal = s.market.map(Calendar::new);
        Ok(check::check(&s, cal, opts))
    }

    /// Runs a backtest on stored data, persists it and announces it.
    pub async fn backtest(&self, user_id: &str, req: &BacktestRequest) -> Result<(String, BacktestResult)> {
        req.strategy.validate().map_err(|e| EngineError::Invalid(format!("strategy.{e}")))?;
        let s = self.series(&req.symbol, req.market, req.from, req.to).await?;
        let market = s.market.unwrap_or_else(|| Market::for_symbol(&req.symbol));
        let result = backtest::run(&req.strategy, &s).map_err(|e| EngineError::Invalid(e.to_string()))?;
        let id = uuid::Uuid::new_v4().to_string();
        let row = BacktestRow {
            id: id.clone(),
            user_id: user_id.to_string(),
            symbol: req.symbol.clone(),
            market: market.as_str().to_string(),
            kind: req.strategy.kind.name().to_string(),
            spec: json(&result.spec)?,
            from_date: date::iso(result.from),
            to_date: date::iso(result.to),
            kpis: json(&result.kpis)?,
            created_ms: now_ms(),
        };
        self.store.insert_backtest(&row, &json(&result.equity)?, &json(&result.trades)?).await?;
        // Nobody listening is fine: the event is for whoever subscribed.
        let _ = self.events.send(BacktestDone {
            id: id.clone(),
            user_id: user_id.to_string(),
            symbol: req.symbol.clone(),
            market,
            spec: result.spec.clone(),
            from: result.from,
            to: result.to,
            kpis: result.kpis.clone(),
        });
        Ok((id, result))
    }

    /// Validates a search and loads its data: errors here are the caller's.
    async fn prepare_search(&self, req: &OptimizeRequest) -> Result<(Series, usize)> {
        req.search.validate().map_err(|e| EngineError::Invalid(format!("search.{e}")))?;
        if let Some(w) = req.walk_forward {
            if w.folds == 0 || w.folds > 50 || !(0.1..=0.95).contains(&w.train) {
                return Err(EngineError::Invalid("walk_forward: folds in 1..=50, train in 0.1..=0.95".into()));
            }
        }
        if !(1..=10_000).contains(&req.keep) {
            return Err(EngineError::Invalid("keep: 1..=10000".into()));
        }
        let s = self.series(&req.symbol, req.market, req.from, req.to).await?;
        let total = match req.search.method {
            Method::Grid => sweep::grid_points(&req.search).len(),
            _ => req.search.trials,
        };
        Ok((s, total))
    }

    /// Runs a search to the end (reporting progress) and stores its leaderboard.
    pub async fn optimize(
        &self,
        user_id: &str,
        req: &OptimizeRequest,
        progress: Progress,
    ) -> Result<(String, OptimizeResult)> {
        let (s, total) = self.prepare_search(req).await?;
        let id = self.record_search(user_id, req, total).await?;
        let result = self.run_search(&id, req.clone(), s, total, progress).await;
        Ok((id, result?))
    }

    /// Starts a search in the background; its id is returned at once, progress and the
    /// leaderboard are read with [`Engine::optimization`].
    pub async fn start_optimize(&self, user_id: &str, req: &OptimizeRequest) -> Result<String> {
        let (s, total) = self.prepare_search(req).await?;
        let id = self.record_search(user_id, req, total).await?;
        let (engine, id2, req) = (self.clone(), id.clone(), req.clone());
        tokio::spawn(async move {
            if let Err(e) = engine.run_search(&id2, req, s, total, std::sync::Arc::new(|_, _| {})).await {
                tracing::warn!(id = %id2, error = %e, "parameter search failed");
            }
        });
        Ok(id)
    }

    async fn record_search(&self, user_id: &str, req: &OptimizeRequest, total: usize) -> Result<String> {
        let id = uuid::Uuid::new_v4().to_string();
        self.store
            .insert_optimization(&quantai_store::backtests::OptimizationRow {
                id: id.clone(),
                user_id: user_id.to_string(),
                symbol: req.symbol.clone(),
                request: json(req)?,
                status: quantai_store::backtests::JobStatus::Running,
                done: 0,
                total: total as i64,
                result: None,
                error: None,
                created_ms: now_ms(),
                finished_ms: None,
            })
            .await?;
        Ok(id)
    }

    /// The search itself, on blocking threads, with its progress written every half second.
    async fn run_search(
        &self,
        id: &str,
        req: OptimizeRequest,
        s: Series,
        total: usize,
        progress: Progress,
    ) -> Result<OptimizeResult> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let done = std::sync::Arc::new(AtomicUsize::new(0));
        let counter = done.clone();
        let started = std::time::Instant::now();
        let mut work = tokio::task::spawn_blocking(move || {
            let report = |d: usize, t: usize| {
                counter.store(d, Ordering::Relaxed);
                progress(d, t);
            };
            let board = sweep::search(&req.search, &s, &report)?;
            let folds = match req.walk_forward {
                Some(w) => Some(sweep::walk_forward(&req.search, &s, w.folds, w.train)?),
                None => None,
            };
            let trials = board.trials.len();
            let leaderboard = board.trials.into_iter().take(req.keep).collect();
            Ok::<_, sweep::SearchError>(OptimizeResult { leaderboard, trials, folds, elapsed_ms: 0 })
        });
        let mut tick = tokio::time::interval(std::time::Duration::from_millis(500));
        let outcome = loop {
            tokio::select! {
                r = &mut work => break r,
                _ = tick.tick() => {
                    let d = done.load(Ordering::Relaxed) as i64;
                    if let Err(e) = self.store.optimization_progress(id, d, total as i64).await {
                        tracing::warn!(error = %e, "search progress not stored");
                    }
                }
            }
        };
        let result = match outcome {
            Ok(Ok(mut r)) => {
                r.elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
                Ok(r)
            }
            Ok(Err(e)) => Err(EngineError::Invalid(e.to_string())),
            Err(e) => Err(EngineError::Internal(format!("the search stopped: {e}"))),
        };
        match &result {
            Ok(r) => self.store.finish_optimization(id, Ok(&json(r)?), now_ms()).await?,
            Err(e) => self.store.finish_optimization(id, Err(&e.to_string()), now_ms()).await?,
        }
        result
    }

    /// A search's status and, when done, its leaderboard (its owner, or anyone when `user` is `None`).
    pub async fn optimization(&self, id: &str, user: Option<&str>) -> Result<OptimizationStatus> {
        let missing = || EngineError::NotFound(format!("no parameter search {id:?}"));
        let r = self.store.optimization(id).await?.ok_or_else(missing)?;
        if user.is_some_and(|u| u != r.user_id) {
            return Err(missing());
        }
        let bad = |e: serde_json::Error| EngineError::Internal(format!("stored search {id}: {e}"));
        Ok(OptimizationStatus {
            request: serde_json::from_str(&r.request).map_err(bad)?,
            result: r.result.as_deref().map(serde_json::from_str).transpose().map_err(bad)?,
            id: r.id,
            user_id: r.user_id,
            symbol: r.symbol,
            status: r.status,
            done: r.done,
            total: r.total,
            error: r.error,
            created_ms: r.created_ms,
            finished_ms: r.finished_ms,
        })
    }

    /// A stored backtest, if `user` may see it (its owner, or anyone when `user` is `None`).
    pub async fn stored(&self, id: &str, user: Option<&str>) -> Result<StoredBacktest> {
        let missing = || EngineError::NotFound(format!("no backtest {id:?}"));
        let row = self.store.backtest(id).await?.ok_or_else(missing)?;
        if user.is_some_and(|u| u != row.user_id) {
            return Err(missing());
        }
        decode(row)
    }

    /// A stored backtest's equity curve or trades as JSON (after [`Engine::stored`]'s check).
    pub async fn part(&self, id: &str, user: Option<&str>, part: Part) -> Result<String> {
        self.stored(id, user).await?;
        self.store.backtest_part(id, part).await?.ok_or_else(|| EngineError::NotFound(format!("no backtest {id:?}")))
    }

    /// A stored backtest's equity and drawdown chart: SVG (`png = false`) or PNG bytes.
    pub async fn chart(&self, id: &str, user: Option<&str>, png: bool) -> Result<Vec<u8>> {
        let b = self.stored(id, user).await?;
        let doc = self
            .store
            .backtest_part(id, Part::Equity)
            .await?
            .ok_or_else(|| EngineError::NotFound(format!("no backtest {id:?}")))?;
        let equity: Vec<crate::backtest::EquityPoint> =
            serde_json::from_str(&doc).map_err(|e| EngineError::Internal(format!("stored equity of {id}: {e}")))?;
        let title = chart_title(&b.symbol, &b.strategy, &b.kpis);
        tokio::task::spawn_blocking(move || {
            if png {
                crate::chart::png(&title, &equity)
            } else {
                crate::chart::svg(&title, &equity).map(String::into_bytes)
            }
        })
        .await
        .map_err(|e| EngineError::Internal(format!("chart: {e}")))?
        .map_err(|e| EngineError::Internal(format!("chart: {e}")))
    }

    /// Backtests of `user` (everyone's when `None`), newest first.
    pub async fn list(&self, user: Option<&str>, limit: i64) -> Result<Vec<StoredBacktest>> {
        self.store.list_backtests(user, limit).await?.into_iter().map(decode).collect()
    }
}

/// "AAPL · sma_cross fast=10 slow=30 · return 444.3 % · Sharpe 0.58 · max DD 62.0 %".
pub fn chart_title(symbol: &str, spec: &StrategySpec, k: &Kpis) -> String {
    let params: Vec<String> = spec.params.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!(
        "{symbol} · {} {} · return {:.1} % · Sharpe {:.2} · max DD {:.1} %",
        spec.kind.name(),
        params.join(" "),
        k.total_return * 100.0,
        k.sharpe,
        k.max_drawdown * 100.0
    )
}

fn decode(r: BacktestRow) -> Result<StoredBacktest> {
    let bad =
        |what: &str, e: serde_json::Error| EngineError::Internal(format!("stored backtest {}: {what}: {e}", r.id));
    Ok(StoredBacktest {
        strategy: serde_json::from_str(&r.spec).map_err(|e| bad("spec", e))?,
        kpis: serde_json::from_str(&r.kpis).map_err(|e| bad("kpis", e))?,
        id: r.id,
        user_id: r.user_id,
        symbol: r.symbol,
        market: r.market,
        from: r.from_date,
        to: r.to_date,
        created_ms: r.created_ms,
    })
}

/// JSON of a stored document; NaN KPIs (no trade, no drawdown) become null.
fn json(v: &impl Serialize) -> Result<String> {
    serde_json::to_string(v).map_err(|e| EngineError::Internal(format!("cannot serialise: {e}")))
}

fn now_ms() -> i64 {
    let d = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// A strategy to save for a user (`POST /api/v1/strategies`, and any other caller).
#[derive(Clone, Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewStrategy {
    /// Given: replaces the user's strategy of that id; absent: a new id.
    #[schema(pattern = "^[A-Za-z0-9_-]{1,64}$")]
    pub id: Option<String>,
    /// 1 to 200 characters, not only spaces.
    #[schema(pattern = "\\S", max_length = 200)]
    pub name: String,
    #[serde(default)]
    #[schema(max_length = 4000)]
    pub description: String,
    /// A strategy spec (see [`StrategySpec`]), validated before anything is stored.
    #[schema(value_type = StrategySpec)]
    pub spec: serde_json::Value,
}

impl Engine {
    /// Validates and stores a strategy for `user`; every bad field is named.
    pub async fn save_strategy(&self, user: &str, s: NewStrategy) -> Result<quantai_store::strategies::StrategyRow> {
        use quantai_core::ErrorCode as C;
        let field = |field, code, message: &str| EngineError::Field { field, code, message: message.to_string() };
        let id = s.id.unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
        if id.is_empty() || id.len() > 64 || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
            return Err(field("id", C::InvalidId, "id: 1 to 64 letters, digits, '-' or '_'"));
        }
        let name = s.name.trim();
        if name.is_empty() || name.chars().count() > 200 {
            return Err(field("name", C::InvalidName, "name: 1 to 200 characters"));
        }
        if s.description.chars().count() > 4_000 {
            return Err(field("description", C::InvalidDescription, "description: at most 4,000 characters"));
        }
        let spec = StrategySpec::parse(&s.spec.to_string())
            .map_err(|e| field("spec", C::InvalidStrategy, &format!("spec: {e}")))?;
        let now = now_ms();
        let row = quantai_store::strategies::StrategyRow {
            user_id: user.to_string(),
            id,
            name: name.to_string(),
            description: s.description.trim().to_string(),
            spec: json(&spec)?,
            created_ms: now,
            updated_ms: now,
        };
        Ok(self.store.save_strategy(&row).await?)
    }
}
