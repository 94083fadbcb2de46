//! Parameter search against brute force.

use std::collections::BTreeMap;

use quantai_quant::backtest;
use quantai_quant::strategy::{Kind, StrategySpec};
use quantai_quant::sweep::{self, Method, Objective, Range, SearchSpec};

use crate::reference::series;

fn spec(method: Method, trials: usize) -> SearchSpec {
    SearchSpec {
        strategy: StrategySpec::new(Kind::SmaCross),
        space: BTreeMap::from([
            ("fast".to_string(), Range { lo: 5.0, hi: 30.0, step: 1.0 }),
            ("slow".to_string(), Range { lo: 20.0, hi: 80.0, step: 2.0 }),
        ]),
        method,
        trials,
        objective: Objective::Sharpe,
        min_trades: 5,
        seed: 7,
    }
}

#[test]
fn grid_search_agrees_with_brute_force() {
    let s = series("GOOG");
    let sp = spec(Method::Grid, 0);
    let board = sweep::search(&sp, &s, &|_, _| {}).unwrap();
    // Brute force, one backtest at a time, fast < slow only.
    let mut expected = Vec::new();
    for f in 5..=30 {
        for sl in (20..=80).step_by(2) {
            if f < sl {
                let st = StrategySpec::new(Kind::SmaCross).with("fast", f as f64).with("slow", sl as f64);
                let k = backtest::run(&st, &s).unwrap().kpis;
                if k.n_trades >= 5 && k.sharpe.is_finite() {
                    expected.push((k.sharpe, f, sl));
                }
            }
        }
    }
    let points = (5..=30).map(|f| (20..=80).step_by(2).filter(|sl| f < *sl).count()).sum::<usize>();
    assert_eq!(board.trials.len(), points);
    expected.sort_by(|a, b| b.0.total_cmp(&a.0));
    let best = board.best().unwrap();
    assert_eq!(best.score, Some(expected[0].0));
    assert_eq!((best.params["fast"], best.params["slow"]), (expected[0].1 as f64, expected[0].2 as f64));
    let scored = board.trials.iter().filter(|t| t.score.is_some()).count();
    assert_eq!(scored, expected.len(), "min_trades and undefined objectives leave the board unscored");
    assert!(board.trials.windows(2).all(|w| match (w[0].score, w[1].score) {
        (Some(a), Some(b)) => a >= b,
        (None, Some(_)) => false,
        _ => true,
    }));
}

#[test]
fn random_and_tpe_are_seeded_distinct_and_tpe_finds_good_points() {
    let s = series("GOOG");
    let grid = sweep::search(&spec(Method::Grid, 0), &s, &|_, _| {}).unwrap();
    let scores: Vec<f64> = grid.trials.iter().filter_map(|t| t.score).collect();
    let top_decile = scores[scores.len() / 10];
    for method in [Method::Random, Method::Tpe] {
        let a = sweep::search(&spec(method, 60), &s, &|_, _| {}).unwrap();
        let b = sweep::search(&spec(method, 60), &s, &|_, _| {}).unwrap();
        assert_eq!(a, b, "{method:?}: same seed, same search");
        assert_eq!(a.trials.len(), 60);
        let mut keys: Vec<(u64, u64)> =
            a.trials.iter().map(|t| (t.params["fast"].to_bits(), t.params["slow"].to_bits())).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), 60, "{method:?}: no point twice");
        assert!(a.trials.iter().all(|t| t.params["fast"] < t.params["slow"]));
        if method == Method::Tpe {
            let best = a.best().unwrap().score.unwrap();
            assert!(best >= top_decile, "TPE's best {best} is below the grid's top decile {top_decile}");
        }
    }
    let bad = SearchSpec {
        space: BTreeMap::from([("period".to_string(), Range { lo: 1.0, hi: 5.0, step: 1.0 })]),
        ..spec(Method::Grid, 0)
    };
    assert!(sweep::search(&bad, &s, &|_, _| {}).unwrap_err().to_string().contains("space.period"));
}

#[test]
fn walk_forward_reports_in_and_out_of_sample() {
    let s = series("GOOG");
    let folds = sweep::walk_forward(&spec(Method::Grid, 0), &s, 3, 0.7).unwrap();
    assert_eq!(folds.len(), 3);
    for w in folds.windows(2) {
        assert!(w[0].out_of_sample.1 < w[1].in_sample.0, "folds do not overlap");
    }
    for f in &folds {
        assert!(f.in_sample.1 < f.out_of_sample.0);
        // The out-of-sample KPIs are those of the in-sample winner on the later bars.
        let from = quantai_quant::date::parse(&f.out_of_sample.0).unwrap();
        let to = quantai_quant::date::parse(&f.out_of_sample.1).unwrap();
        let mut st = StrategySpec::new(Kind::SmaCross);
        st.params = f.params.clone();
        let k = backtest::run(&st, &s.slice(Some(from), Some(to))).unwrap().kpis;
        assert_eq!(k.total_return, f.out_of_sample_kpis.total_return);
    }
    assert!(sweep::walk_forward(&spec(Method::Grid, 0), &s, 100, 0.7).is_err());
}
