//! Parameter search over a strategy's parameters: grid, random and TPE (a tree-structured
//! Parzen estimator, as Optuna's default sampler), on all cores; an objective (Sharpe by
//! default, total return or Calmar) with a minimum number of trades; and walk-forward splits
//! that report in-sample against out-of-sample KPIs so overfitting shows.

use std::collections::{BTreeMap, HashSet};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde::{Deserialize, Serialize};

use crate::backtest;
use crate::bars::Series;
use crate::kpi::Kpis;
use crate::strategy::StrategySpec;

/// The values one parameter may take: `lo..=hi` by `step`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub lo: f64,
    pub hi: f64,
    #[serde(default = "one")]
    pub step: f64,
}

fn one() -> f64 {
    1.0
}

impl Range {
    fn values(&self) -> Vec<f64> {
        let n = ((self.hi - self.lo) / self.step).floor() as i64;
        (0..=n.max(0)).map(|i| self.lo + i as f64 * self.step).collect()
    }

    fn snap(&self, x: f64) -> f64 {
        let i = ((x - self.lo) / self.step).round().max(0.0);
        (self.lo + i * self.step).min(self.hi)
    }
}

/// What to maximise.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    #[default]
    Sharpe,
    TotalReturn,
    Calmar,
}

impl Objective {
    pub fn of(self, k: &Kpis) -> f64 {
        match self {
            Objective::Sharpe => k.sharpe,
            Objective::TotalReturn => k.total_return,
            Objective::Calmar => k.calmar,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Grid,
    Random,
    Tpe,
}

/// A search: the base strategy, the space, how to search it and what counts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchSpec {
    pub strategy: StrategySpec,
    /// Parameters of the strategy's kind to search (at least one), each over a range.
    pub space: BTreeMap<String, Range>,
    pub method: Method,
    /// Trials for random and TPE (grid tries every point).
    #[serde(default = "default_trials")]
    #[schema(minimum = 1, maximum = 100000)]
    pub trials: usize,
    #[serde(default)]
    pub objective: Objective,
    /// Trials with fewer closed trades do not count.
    #[serde(default)]
    pub min_trades: usize,
    #[serde(default = "default_seed")]
    pub seed: u64,
}

fn default_trials() -> usize {
    100
}

fn default_seed() -> u64 {
    42
}

/// One evaluated parameter set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Trial {
    pub params: BTreeMap<String, f64>,
    /// The objective; `None` when the trial made too few trades or the objective is undefined.
    pub score: Option<f64>,
    pub kpis: Kpis,
}

/// A search's trials, best first (unscored last).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Leaderboard {
    pub trials: Vec<Trial>,
}

impl Leaderboard {
    pub fn best(&self) -> Option<&Trial> {
        self.trials.first().filter(|t| t.score.is_some())
    }
}

/// A search that cannot run, naming what is wrong.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{0}")]
pub struct SearchError(pub String);

impl SearchSpec {
    pub fn validate(&self) -> Result<(), SearchError> {
        self.strategy.validate().map_err(|e| SearchError(format!("strategy.{e}")))?;
        if self.space.is_empty() {
            return Err(SearchError("space: name at least one parameter to search".into()));
        }
        let known = self.strategy.kind.params();
        for (name, r) in &self.space {
            if !known.iter().any(|(n, _)| n == name) {
                return Err(SearchError(format!("space.{name}: {} has no such parameter", self.strategy.kind.name())));
            }
            if !(r.lo.is_finite() && r.hi.is_finite() && r.step.is_finite() && r.step > 0.0 && r.lo <= r.hi) {
                return Err(SearchError(format!("space.{name}: need finite lo ≤ hi and step > 0")));
            }
        }
        let points: f64 = self.space.values().map(|r| r.values().len() as f64).product();
        if self.method == Method::Grid && points > 1_000_000.0 {
            return Err(SearchError(format!("space: a grid of {points} points is too large (at most 1,000,000)")));
        }
        if self.method != Method::Grid && !(1..=100_000).contains(&self.trials) {
            return Err(SearchError("trials: 1..=100000".into()));
        }
        Ok(())
    }

    fn with(&self, params: &BTreeMap<String, f64>) -> StrategySpec {
        let mut s = self.strategy.clone();
        for (k, v) in params {
            s.params.insert(k.clone(), *v);
        }
        s
    }

    fn valid(&self, params: &BTreeMap<String, f64>) -> bool {
        self.with(params).validate().is_ok()
    }
}

/// Every valid point of the space, in order.
pub fn grid_points(spec: &SearchSpec) -> Vec<BTreeMap<String, f64>> {
    let mut out = vec![BTreeMap::new()];
    for (name, r) in &spec.space {
        let vals = r.values();
        out = out
            .into_iter()
            .flat_map(|p| {
                vals.iter().map(move |v| {
                    let mut q = p.clone();
                    q.insert(name.clone(), *v);
                    q
                })
            })
            .collect();
    }
    out.retain(|p| spec.valid(p));
    out
}

/// SMA-cross (fast, slow) pairs with fast < slow (benchmarks and examples).
pub fn sma_grid(fasts: &[usize], slows: &[usize]) -> Vec<(usize, usize)> {
    fasts.iter().flat_map(|f| slows.iter().filter(move |s| f < *s).map(move |s| (*f, *s))).collect()
}

/// Backtests `base` once per (fast, slow) pair on all cores; the KPIs in input order.
pub fn run_sma_grid(base: &StrategySpec, s: &Series, grid: &[(usize, usize)]) -> Vec<Kpis> {
    let points: Vec<BTreeMap<String, f64>> = grid
        .iter()
        .map(|(f, sl)| BTreeMap::from([("fast".to_string(), *f as f64), ("slow".to_string(), *sl as f64)]))
        .collect();
    let spec = SearchSpec {
        strategy: base.clone(),
        space: BTreeMap::new(),
        method: Method::Grid,
        trials: 0,
        objective: Objective::Sharpe,
        min_trades: 0,
        seed: 0,
    };
    evaluate(&spec, s, &points, &|_, _| {}).into_iter().map(|t| t.kpis).collect()
}

/// Evaluates `points` on all cores, in input order; `progress(done, total)` after each.
fn evaluate(
    spec: &SearchSpec,
    s: &Series,
    points: &[BTreeMap<String, f64>],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<Trial> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(points.len().max(1));
    let done = AtomicUsize::new(0);
    let next = AtomicUsize::new(0);
    let mut slots: Vec<Option<Trial>> = vec![None; points.len()];
    let chunks: Vec<Vec<(usize, Trial)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        if i >= points.len() {
                            break;
                        }
                        let p = &points[i];
                        let strategy = spec.with(p);
                        let kpis = backtest::run(&strategy, s).map(|r| r.kpis).unwrap_or_default();
                        let raw = spec.objective.of(&kpis);
                        let score = (kpis.n_trades >= spec.min_trades && raw.is_finite()).then_some(raw);
                        mine.push((i, Trial { params: p.clone(), score, kpis }));
                        progress(done.fetch_add(1, Ordering::Relaxed) + 1, points.len());
                    }
                    mine
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or_default()).collect()
    });
    for (i, t) in chunks.into_iter().flatten() {
        slots[i] = Some(t);
    }
    slots.into_iter().flatten().collect()
}

fn rank(mut trials: Vec<Trial>) -> Leaderboard {
    trials.sort_by(|a, b| match (a.score, b.score) {
        (Some(x), Some(y)) => y.total_cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    Leaderboard { trials }
}

/// A small, seeded generator (SplitMix64): searches are reproducible.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn normal(&mut self) -> f64 {
        let (u, v) = (self.unit().max(1e-300), self.unit());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

fn random_point(spec: &SearchSpec, rng: &mut Rng) -> BTreeMap<String, f64> {
    spec.space
        .iter()
        .map(|(k, r)| {
            let vals = r.values();
            (k.clone(), vals[(rng.unit() * vals.len() as f64) as usize % vals.len()])
        })
        .collect()
}

/// Up to `n` distinct valid random points (fewer when the space is smaller).
fn random_points(
    spec: &SearchSpec,
    n: usize,
    rng: &mut Rng,
    seen: &mut HashSet<Vec<u64>>,
) -> Vec<BTreeMap<String, f64>> {
    let mut out = Vec::new();
    let mut tries = 0;
    while out.len() < n && tries < 50 * n + 1000 {
        tries += 1;
        let p = random_point(spec, rng);
        if spec.valid(&p) && seen.insert(key(&p)) {
            out.push(p);
        }
    }
    out
}

fn key(p: &BTreeMap<String, f64>) -> Vec<u64> {
    p.values().map(|v| v.to_bits()).collect()
}

/// Runs a search over `s`; `progress(done, total)` as trials finish.
pub fn search(
    spec: &SearchSpec,
    s: &Series,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Result<Leaderboard, SearchError> {
    spec.validate()?;
    let mut rng = Rng(spec.seed);
    let mut seen = HashSet::new();
    match spec.method {
        Method::Grid => Ok(rank(evaluate(spec, s, &grid_points(spec), progress))),
        Method::Random => {
            let points = random_points(spec, spec.trials, &mut rng, &mut seen);
            Ok(rank(evaluate(spec, s, &points, progress)))
        }
        Method::Tpe => Ok(rank(tpe(spec, s, &mut rng, &mut seen, progress))),
    }
}

/// TPE: after `startup` random trials, each batch proposes the candidates that maximise
/// l(x)/g(x), where l and g are Parzen (Gaussian kernel) densities of each parameter over the
/// best quarter of the trials so far and over the rest, the parameters taken independently.
fn tpe(
    spec: &SearchSpec,
    s: &Series,
    rng: &mut Rng,
    seen: &mut HashSet<Vec<u64>>,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Vec<Trial> {
    let total = spec.trials;
    let startup = (total / 5).clamp(5, 20).min(total);
    let batch = std::thread::available_parallelism().map_or(1, |n| n.get()).max(1);
    let report = |done: usize| progress(done, total);
    let mut trials = evaluate(spec, s, &random_points(spec, startup, rng, seen), &|d, _| report(d));
    while trials.len() < total {
        let mut scored: Vec<&Trial> = trials.iter().filter(|t| t.score.is_some()).collect();
        let want = batch.min(total - trials.len());
        let points = if scored.len() < 2 {
            random_points(spec, want, rng, seen)
        } else {
            scored.sort_by(|a, b| b.score.unwrap_or(f64::MIN).total_cmp(&a.score.unwrap_or(f64::MIN)));
            let n_good = ((scored.len() as f64 * 0.25).ceil() as usize).clamp(1, scored.len() - 1);
            let (good, bad) = scored.split_at(n_good);
            let mut out = Vec::new();
            let mut attempts = 0;
            while out.len() < want && attempts < 200 {
                attempts += 1;
                let mut best: Option<(f64, BTreeMap<String, f64>)> = None;
                for _ in 0..24 {
                    let mut p = BTreeMap::new();
                    let mut ratio = 0.0;
                    for (name, r) in &spec.space {
                        let gx: Vec<f64> = good.iter().map(|t| t.params[name]).collect();
                        let bx: Vec<f64> = bad.iter().map(|t| t.params[name]).collect();
                        let bw = parzen_bandwidth(r, gx.len());
                        // Sample from l: a good point plus Gaussian noise, snapped to the lattice.
                        let centre = gx[(rng.unit() * gx.len() as f64) as usize % gx.len()];
                        let x = r.snap((centre + bw * rng.normal()).clamp(r.lo, r.hi));
                        ratio += (density(x, &gx, bw, r) + 1e-12).ln()
                            - (density(x, &bx, parzen_bandwidth(r, bx.len()), r) + 1e-12).ln();
                        p.insert(name.clone(), x);
                    }
                    if spec.valid(&p) && !seen.contains(&key(&p)) && best.as_ref().is_none_or(|(b, _)| ratio > *b) {
                        best = Some((ratio, p));
                    }
                }
                if let Some((_, p)) = best {
                    if seen.insert(key(&p)) {
                        out.push(p);
                    }
                }
            }
            if out.len() < want {
                out.extend(random_points(spec, want - out.len(), rng, seen));
            }
            out
        };
        if points.is_empty() {
            break; // the space is exhausted
        }
        let before = trials.len();
        trials.extend(evaluate(spec, s, &points, &|d, _| report(before + d)));
    }
    trials
}

/// Scott-like bandwidth over the parameter's range, never below one step.
fn parzen_bandwidth(r: &Range, n: usize) -> f64 {
    let width = (r.hi - r.lo).max(r.step);
    (width / (n.max(1) as f64).powf(0.2) / 4.0).max(r.step)
}

fn density(x: f64, centres: &[f64], bw: f64, r: &Range) -> f64 {
    if centres.is_empty() {
        return 1.0 / (r.hi - r.lo + r.step);
    }
    centres.iter().map(|c| (-0.5 * ((x - c) / bw).powi(2)).exp()).sum::<f64>() / (centres.len() as f64 * bw)
}

/// One walk-forward fold: the best parameters in-sample and how they did out of sample.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Fold {
    pub in_sample: (String, String),
    pub out_of_sample: (String, String),
    pub params: BTreeMap<String, f64>,
    pub in_sample_kpis: Kpis,
    pub out_of_sample_kpis: Kpis,
}

/// Walk-forward: `folds` consecutive windows, each searched on its first `train` share of bars
/// and tested on the rest with the in-sample winner.
pub fn walk_forward(spec: &SearchSpec, s: &Series, folds: usize, train: f64) -> Result<Vec<Fold>, SearchError> {
    spec.validate()?;
    if folds == 0 || !(0.1..=0.95).contains(&train) {
        return Err(SearchError("walk-forward: folds ≥ 1 and train share in 0.1..=0.95".into()));
    }
    let n = s.len();
    let window = n / folds;
    if window < 60 {
        return Err(SearchError(format!(
            "walk-forward: {n} bars in {folds} folds leave {window} bars a fold (need 60)"
        )));
    }
    let mut out = Vec::new();
    for f in 0..folds {
        let start = f * window;
        let split = start + (window as f64 * train) as usize;
        let end = if f + 1 == folds { n } else { start + window };
        let is = s.slice(Some(s.dates[start]), Some(s.dates[split - 1]));
        let oos = s.slice(Some(s.dates[split]), Some(s.dates[end - 1]));
        let board = search(spec, &is, &|_, _| {})?;
        let Some(best) = board.best() else { continue };
        let strategy = spec.with(&best.params);
        let oos_kpis = backtest::run(&strategy, &oos).map(|r| r.kpis).unwrap_or_default();
        out.push(Fold {
            in_sample: (crate::date::iso(is.dates[0]), crate::date::iso(is.dates[is.len() - 1])),
            out_of_sample: (crate::date::iso(oos.dates[0]), crate::date::iso(oos.dates[oos.len() - 1])),
            params: best.params.clone(),
            in_sample_kpis: best.kpis.clone(),
            out_of_sample_kpis: oos_kpis,
        });
    }
    Ok(out)
}
