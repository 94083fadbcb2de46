//! `quantai data …` and `quantai backtest …`: the quant engine from the command line.

use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use clap::{Args, Subcommand};
use quantai_core::config::Settings;
use quantai_quant::check::CheckOptions;
use quantai_quant::service::{BacktestRequest, Engine};
use quantai_quant::strategy::{Direction, Fill, Kind, StrategySpec};
use quantai_quant::{date, Market};

#[derive(Subcommand)]
pub enum DataCmd {
    /// Validate an OHLCV CSV and upsert it into market_prices (all rows or none).
    Import {
        /// CSV with date,open,high,low,close,volume[,adj_close].
        file: PathBuf,
        #[arg(long)]
        symbol: String,
        /// KRX or US (default: KRX for 6-digit codes, else US).
        #[arg(long)]
        market: Option<Market>,
        /// Import the good rows and write the bad ones to FILE.rejects.csv.
        #[arg(long)]
        skip_bad_rows: bool,
    },
    /// Data-quality checks of a stored symbol: jumps, split-like moves, gaps, stale prices, volume spikes.
    Check {
        symbol: String,
        #[arg(long)]
        market: Option<Market>,
        /// Jump threshold in robust standard deviations.
        #[arg(long, default_value_t = 8.0)]
        sigma: f64,
        #[arg(long)]
        json: bool,
    },
    /// Stored symbols.
    List,
    /// Fetch daily bars from KIS (KRX) or Alpha Vantage (US) and import them.
    Fetch {
        /// kis or alphavantage.
        source: quantai_ingest::Source,
        symbol: String,
        /// First date (YYYY-MM-DD; KIS only — Alpha Vantage returns the last 100 bars, or all with --full).
        #[arg(long)]
        from: Option<String>,
        #[arg(long)]
        to: Option<String>,
        /// Alpha Vantage: the whole history instead of the last 100 bars.
        #[arg(long)]
        full: bool,
        /// Alpha Vantage: ask for CSV instead of JSON.
        #[arg(long)]
        csv: bool,
        /// KIS: split-adjusted prices.
        #[arg(long)]
        adjusted: bool,
    },
}

#[derive(Subcommand)]
pub enum BacktestCmd {
    /// Run a backtest on stored data (the shipped samples AAPL and GOOG are always there).
    Run(RunArgs),
    /// Search a strategy's parameters (grid, random or TPE) on stored data, on all cores.
    Optimize(OptimizeArgs),
    /// Stored backtests, newest first.
    List {
        #[arg(long)]
        user: Option<String>,
        #[arg(long, default_value_t = 20)]
        limit: i64,
    },
}

/// The data a backtest or a search runs on.
#[derive(Args)]
pub struct DataArgs {
    #[arg(long)]
    symbol: String,
    #[arg(long)]
    market: Option<Market>,
    /// First date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Last date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
}

/// A strategy from flags, a spec file, or both (flags override the file).
#[derive(Args)]
pub struct SpecArgs {
    /// sma_cross, ema_cross, rsi_reversion, bollinger_breakout, bollinger_reversion, macd_cross, buy_and_hold.
    #[arg(long, required_unless_present = "spec")]
    strategy: Option<Kind>,
    /// A parameter, k=v (repeatable): --param fast=10 --param slow=30.
    #[arg(long = "param", value_name = "K=V")]
    params: Vec<String>,
    /// A whole strategy spec (JSON or YAML); flags given as well override it.
    #[arg(long, value_name = "FILE")]
    spec: Option<PathBuf>,
    /// Commission as a fraction of traded value (0.001 = 0.1 %).
    #[arg(long)]
    commission: Option<f64>,
    #[arg(long)]
    cash: Option<f64>,
    #[arg(long)]
    slippage_bps: Option<f64>,
    /// Tax on sells as a fraction (the KRX securities transaction tax).
    #[arg(long)]
    sell_tax: Option<f64>,
    /// Fill at the signal bar's close instead of the next bar's open.
    #[arg(long)]
    same_close: bool,
    #[arg(long)]
    long_short: bool,
    #[arg(long)]
    fractional: bool,
}

#[derive(Args)]
pub struct RunArgs {
    #[command(flatten)]
    data: DataArgs,
    #[command(flatten)]
    strategy: SpecArgs,
    /// Owner of the stored result.
    #[arg(long, default_value = "cli")]
    user: String,
    /// Print the result (spec, KPIs, trades) as JSON.
    #[arg(long)]
    json: bool,
    /// Also draw the equity curve and drawdown to FILE (.svg or .png).
    #[arg(long, value_name = "FILE")]
    chart: Option<PathBuf>,
}

#[derive(Args)]
pub struct OptimizeArgs {
    #[command(flatten)]
    data: DataArgs,
    /// The base strategy; `--param` fixes a parameter that is not searched.
    #[command(flatten)]
    strategy: SpecArgs,
    /// A searched parameter: name=lo:hi[:step] (repeatable), e.g. --space fast=5:30 --space slow=20:100:5.
    #[arg(long = "space", value_name = "K=LO:HI[:STEP]", required = true)]
    space: Vec<String>,
    /// grid, random or tpe.
    #[arg(long, default_value = "grid")]
    method: String,
    /// Trials for random and TPE.
    #[arg(long, default_value_t = 100)]
    trials: usize,
    /// sharpe, total_return or calmar.
    #[arg(long, default_value = "sharpe")]
    objective: String,
    #[arg(long, default_value_t = 0)]
    min_trades: usize,
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Walk-forward folds (in-sample 70 %, out-of-sample 30 % of each).
    #[arg(long)]
    walk_forward: Option<usize>,
    /// Rows of the leaderboard to print and keep.
    #[arg(long, default_value_t = 10)]
    top: usize,
    #[arg(long, default_value = "cli")]
    user: String,
    #[arg(long)]
    json: bool,
    /// No progress bar.
    #[arg(long)]
    quiet: bool,
}

/// `--FLAG YYYY-MM-DD`, when given.
fn day(s: &Option<String>, flag: &str) -> Result<Option<time::Date>> {
    s.as_deref().map(|d| date::parse(d).map_err(|_| anyhow::anyhow!("--{flag} {d:?} is not YYYY-MM-DD"))).transpose()
}

fn parse_range(s: &str) -> Result<(String, quantai_quant::sweep::Range)> {
    let Some((k, v)) = s.split_once('=') else { bail!("--space {s:?}: expected K=LO:HI[:STEP]") };
    let parts: Vec<&str> = v.split(':').collect();
    let num = |x: &str| x.trim().parse::<f64>().with_context(|| format!("--space {s:?}: {x:?} is not a number"));
    let (lo, hi, step) = match parts.as_slice() {
        [lo, hi] => (num(lo)?, num(hi)?, 1.0),
        [lo, hi, step] => (num(lo)?, num(hi)?, num(step)?),
        _ => bail!("--space {s:?}: expected K=LO:HI[:STEP]"),
    };
    Ok((k.trim().to_string(), quantai_quant::sweep::Range { lo, hi, step }))
}

async fn engine(settings: &Settings) -> Result<Engine> {
    let store = crate::store(settings).await?;
    let engine = Engine::new(store);
    engine.ensure_samples().await.context("loading the sample market data")?;
    Ok(engine)
}

pub async fn data(settings: &Settings, cmd: DataCmd) -> Result<()> {
    let e = engine(settings).await?;
    match cmd {
        DataCmd::Import { file, symbol, market, skip_bad_rows } => {
            let text = std::fs::read_to_string(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let market = market.unwrap_or_else(|| Market::for_symbol(&symbol));
            let r = e.import_csv(&text, &symbol, market, skip_bad_rows).await.map_err(anyhow::Error::msg)?;
            println!(
                "{symbol} ({}): {} rows, {} inserted, {} updated, {} unchanged, {} rejected",
                market.as_str(),
                r.rows,
                r.inserted,
                r.updated,
                r.unchanged,
                r.rejected.len()
            );
            if !r.rejected.is_empty() {
                let mut out = String::from("line,reason,row\n");
                for b in &r.rejected {
                    out.push_str(&format!(
                        "{},\"{}\",\"{}\"\n",
                        b.line,
                        b.reason.replace('"', "'"),
                        b.text.replace('"', "'")
                    ));
                }
                let path = PathBuf::from(format!("{}.rejects.csv", file.display()));
                std::fs::write(&path, out).with_context(|| format!("cannot write {}", path.display()))?;
                println!("rejected rows: {}", path.display());
            }
        }
        DataCmd::Check { symbol, market, sigma, json } => {
            if !(sigma.is_finite() && sigma > 0.0) {
                bail!("--sigma must be above 0");
            }
            let opts = CheckOptions { sigma_k: sigma, ..Default::default() };
            let findings = e.check(&symbol, market, &opts).await.map_err(anyhow::Error::msg)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&findings)?);
            } else {
                for f in &findings {
                    println!("{}  {:<12}  {}", date::iso(f.date), f.kind, f.detail);
                }
                println!("{} finding(s) for {symbol}", findings.len());
            }
        }
        DataCmd::Fetch { source, symbol, from, to, full, csv, adjusted } => {
            let md = &settings.market_data;
            let archive = quantai_ingest::archive::Archive::open(&md.raw_archive_url)?;
            let env = |v: &str| std::env::var(v).ok();
            let (market, bars) = match source {
                quantai_ingest::Source::Kis => {
                    let today = time::OffsetDateTime::now_utc().date();
                    let to = day(&to, "to")?.unwrap_or(today);
                    let from = day(&from, "from")?.unwrap_or(to - time::Duration::days(365));
                    if from > to {
                        bail!("--from {} is after --to {}", date::iso(from), date::iso(to));
                    }
                    let kis = quantai_ingest::kis::KisClient::new(&md.kis, &md.token_dir, archive, env)?;
                    (Market::Krx, kis.daily_bars(&symbol, from, to, adjusted).await?)
                }
                quantai_ingest::Source::AlphaVantage => {
                    let av = quantai_ingest::alphavantage::AlphaVantageClient::new(&md.alphavantage, archive, env)?;
                    let format = if csv {
                        quantai_ingest::alphavantage::Format::Csv
                    } else {
                        quantai_ingest::alphavantage::Format::Json
                    };
                    let mut bars = av.daily(&symbol, full, format).await?;
                    let (from, to) = (day(&from, "from")?, day(&to, "to")?);
                    bars.retain(|b| from.is_none_or(|f| b.date >= f) && to.is_none_or(|t| b.date <= t));
                    (Market::Us, bars)
                }
            };
            if bars.is_empty() {
                bail!("{source} returned no bars for {symbol} in the range asked");
            }
            let r = e.import_bars(&symbol, market, &bars).await.map_err(anyhow::Error::msg)?;
            println!(
                "{symbol} ({}) from {source}: {} bars {} … {}, {} inserted, {} updated, {} unchanged",
                market.as_str(),
                r.rows,
                date::iso(bars[0].date),
                date::iso(bars[bars.len() - 1].date),
                r.inserted,
                r.updated,
                r.unchanged
            );
        }
        DataCmd::List => {
            for s in e.store().symbols().await? {
                println!("{:<10} {:<4} {:>6} bars  {} … {}", s.symbol, s.market, s.bars, s.first, s.last);
            }
        }
    }
    Ok(())
}

/// The strategy the flags and spec file describe (not validated: a search validates its own).
fn spec_from(a: &SpecArgs) -> Result<StrategySpec> {
    let mut spec = match &a.spec {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
            StrategySpec::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
        }
        None => StrategySpec::new(a.strategy.unwrap_or(Kind::BuyAndHold)),
    };
    if let Some(k) = a.strategy {
        spec.kind = k;
    }
    for p in &a.params {
        let Some((k, v)) = p.split_once('=') else { bail!("--param {p:?}: expected K=V") };
        let v: f64 = v.trim().parse().with_context(|| format!("--param {p:?}: {v:?} is not a number"))?;
        spec.params.insert(k.trim().to_string(), v);
    }
    if let Some(c) = a.commission {
        spec.costs.commission = c;
    }
    if let Some(c) = a.cash {
        spec.initial_cash = c;
    }
    if let Some(s) = a.slippage_bps {
        spec.costs.slippage_bps = s;
    }
    if let Some(t) = a.sell_tax {
        spec.costs.sell_tax = t;
    }
    if a.same_close {
        spec.execution.fill = Fill::SameClose;
    }
    if a.long_short {
        spec.direction = Direction::LongShort;
    }
    if a.fractional {
        spec.execution.fractional = true;
    }
    Ok(spec)
}

pub async fn backtest(settings: &Settings, cmd: BacktestCmd) -> Result<()> {
    let e = engine(settings).await?;
    match cmd {
        BacktestCmd::Run(a) => {
            let strategy = spec_from(&a.strategy)?;
            strategy.validate().map_err(|e| anyhow::anyhow!("strategy: {e}"))?;
            let req = BacktestRequest {
                symbol: a.data.symbol.clone(),
                market: a.data.market,
                from: day(&a.data.from, "from")?,
                to: day(&a.data.to, "to")?,
                strategy,
            };
            let (id, r) = e.backtest(&a.user, &req).await.map_err(anyhow::Error::msg)?;
            if let Some(path) = &a.chart {
                let png = path.extension().is_some_and(|x| x.eq_ignore_ascii_case("png"));
                let bytes = e.chart(&id, None, png).await.map_err(anyhow::Error::msg)?;
                std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
                eprintln!("chart: {}", path.display());
            }
            if a.json {
                let doc = serde_json::json!({
                    "id": id, "symbol": r.symbol, "from": date::iso(r.from), "to": date::iso(r.to), "bars": r.bars,
                    "spec": r.spec, "kpis": r.kpis, "trades": r.trades,
                });
                println!("{}", serde_json::to_string_pretty(&doc)?);
            } else {
                let k = &r.kpis;
                println!("backtest {id}: {} {} … {} ({} bars)", r.symbol, date::iso(r.from), date::iso(r.to), r.bars);
                println!("  strategy       {} {:?}", r.spec.kind.name(), r.spec.params);
                println!(
                    "  total return   {:>9.2} %   (buy and hold {:.2} %)",
                    k.total_return * 100.0,
                    k.buy_and_hold_return * 100.0
                );
                println!("  CAGR           {:>9.2} %", k.cagr * 100.0);
                println!("  Sharpe         {:>9.3}     Sortino {:.3}   Calmar {:.3}", k.sharpe, k.sortino, k.calmar);
                println!("  max drawdown   {:>9.2} %   over {} bars", k.max_drawdown * 100.0, k.max_drawdown_bars);
                println!(
                    "  trades         {:>9}       win rate {:.1} %   profit factor {:.2}",
                    k.n_trades,
                    k.win_rate * 100.0,
                    k.profit_factor
                );
                println!("  exposure       {:>9.1} %", k.exposure * 100.0);
            }
        }
        BacktestCmd::Optimize(a) => optimize(&e, a).await?,
        BacktestCmd::List { user, limit } => {
            for b in e.list(user.as_deref(), limit).await.map_err(anyhow::Error::msg)? {
                println!(
                    "{}  {:<8} {:<6} {:<20} {} … {}  return {:>8.2} %  sharpe {:.3}",
                    b.id,
                    b.user_id,
                    b.symbol,
                    b.strategy.kind.name(),
                    b.from,
                    b.to,
                    b.kpis.total_return * 100.0,
                    b.kpis.sharpe
                );
            }
        }
    }
    Ok(())
}

async fn optimize(e: &Engine, a: OptimizeArgs) -> Result<()> {
    use quantai_quant::service::{OptimizeRequest, WalkForward};
    use quantai_quant::sweep::{Method, Objective, SearchSpec};
    let mut strategy = spec_from(&a.strategy)?;
    let mut space = std::collections::BTreeMap::new();
    for s in &a.space {
        let (k, r) = parse_range(s)?;
        // Searched parameters start from the range's low end so the base spec validates.
        strategy.params.remove(&k);
        space.insert(k, r);
    }
    let method = match a.method.as_str() {
        "grid" => Method::Grid,
        "random" => Method::Random,
        "tpe" => Method::Tpe,
        m => bail!("--method {m:?}: grid, random or tpe"),
    };
    let objective = match a.objective.as_str() {
        "sharpe" => Objective::Sharpe,
        "total_return" => Objective::TotalReturn,
        "calmar" => Objective::Calmar,
        o => bail!("--objective {o:?}: sharpe, total_return or calmar"),
    };
    let req = OptimizeRequest {
        symbol: a.data.symbol.clone(),
        market: a.data.market,
        from: day(&a.data.from, "from")?,
        to: day(&a.data.to, "to")?,
        search: SearchSpec {
            strategy,
            space,
            method,
            trials: a.trials,
            objective,
            min_trades: a.min_trades,
            seed: a.seed,
        },
        walk_forward: a.walk_forward.map(|folds| WalkForward { folds, train: 0.7 }),
        keep: a.top.max(1),
    };
    let bar = if a.quiet || a.json {
        indicatif::ProgressBar::hidden()
    } else {
        let b = indicatif::ProgressBar::new(0);
        b.set_draw_target(indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) =
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} trials  {elapsed_precise} (eta {eta})")
        {
            b.set_style(style);
        }
        b
    };
    let b2 = bar.clone();
    let progress = std::sync::Arc::new(move |done: usize, total: usize| {
        b2.set_length(total as u64);
        b2.set_position(done as u64);
    });
    let (id, r) = e.optimize(&a.user, &req, progress).await.map_err(anyhow::Error::msg)?;
    bar.finish_and_clear();
    if a.json {
        println!("{}", serde_json::to_string_pretty(&serde_json::json!({"id": id, "result": r}))?);
        return Ok(());
    }
    println!("search {id}: {} trials in {} ms, objective {}", r.trials, r.elapsed_ms, a.objective);
    for (i, t) in r.leaderboard.iter().enumerate() {
        let score = t.score.map_or("—".to_string(), |s| format!("{s:.4}"));
        println!(
            "{:>3}. {score:>9}  {:?}  return {:>8.2} %  max dd {:>6.2} %  trades {}",
            i + 1,
            t.params,
            t.kpis.total_return * 100.0,
            t.kpis.max_drawdown * 100.0,
            t.kpis.n_trades
        );
    }
    if let Some(folds) = &r.folds {
        println!("walk-forward (in-sample winner, then out of sample):");
        for f in folds {
            println!(
                "  {}…{} → {}…{}  {:?}  IS {} {:.3}  OOS {} {:.3}",
                f.in_sample.0,
                f.in_sample.1,
                f.out_of_sample.0,
                f.out_of_sample.1,
                f.params,
                a.objective,
                req.search.objective.of(&f.in_sample_kpis),
                a.objective,
                req.search.objective.of(&f.out_of_sample_kpis)
            );
        }
    }
    Ok(())
}
