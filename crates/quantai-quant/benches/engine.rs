//! One backtest and SMA sweeps on GOOG (2,148 bars), the cases issue 4 compares with
//! backtesting.py and vectorbt (`bench/backtest_peers.sh` runs those in the same run).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use quantai_quant::backtest;
use quantai_quant::bars::{parse_csv, Series};
use quantai_quant::indicators as ta;
use quantai_quant::strategy::{Kind, StrategySpec};
use quantai_quant::sweep;

fn goog() -> Series {
    let text = include_str!("../data/ohlcv/GOOG.csv");
    Series::from_bars("GOOG", None, &parse_csv(text).unwrap().bars)
}

fn bench(c: &mut Criterion) {
    let s = goog();
    let spec = StrategySpec::new(Kind::SmaCross).with("fast", 10.0).with("slow", 30.0);
    c.bench_function("backtest sma_cross 10/30 GOOG", |b| b.iter(|| backtest::run(&spec, &s).unwrap()));
    c.bench_function("indicators rsi_14 GOOG", |b| b.iter(|| ta::rsi(&s.close, 14)));
    c.bench_function("signals sma_cross GOOG", |b| b.iter(|| spec.signals(&s)));
    let sig = spec.signals(&s);
    c.bench_function("simulate GOOG", |b| b.iter(|| backtest::simulate(&spec, &s, &sig.entry, &sig.exit)));
    let (trades, equity) = backtest::simulate(&spec, &s, &sig.entry, &sig.exit);
    c.bench_function("kpis GOOG", |b| b.iter(|| quantai_quant::kpi::compute(&equity, &trades, &s.close)));
    let mut g = c.benchmark_group("sweep");
    g.sample_size(10);
    let small = sweep::sma_grid(&(5..15).collect::<Vec<_>>(), &(20..30).collect::<Vec<_>>());
    assert_eq!(small.len(), 100);
    g.bench_function("sma_cross 100 combinations", |b| b.iter(|| sweep::run_sma_grid(&spec, &s, &small)));
    let big = sweep::sma_grid(&(5..=24).collect::<Vec<_>>(), &(30..=228).collect::<Vec<_>>());
    assert_eq!(big.len(), 3_980);
    g.bench_function(format!("sma_cross {} combinations", big.len()), |b| {
        b.iter(|| sweep::run_sma_grid(&spec, &s, &big))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
