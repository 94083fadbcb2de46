//! Properties of the engine on random price paths.

use proptest::prelude::*;
use quantai_quant::backtest;
use quantai_quant::bars::{Bar, Series};
use quantai_quant::indicators as ta;
use quantai_quant::strategy::{Direction, Fill, Kind, StrategySpec};

fn path(steps: &[f64]) -> Series {
    let d0 = quantai_quant::date::parse("2020-01-01").unwrap();
    let mut price = 100.0f64;
    let bars: Vec<Bar> = steps
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let open = price;
            price = (price * (1.0 + r)).max(0.01);
            Bar {
                date: d0 + time::Duration::days(i as i64),
                open,
                high: open.max(price) * 1.01,
                low: open.min(price) * 0.99,
                close: price,
                volume: 1000.0,
                adj_close: None,
            }
        })
        .collect();
    Series::from_bars("P", None, &bars)
}

fn kinds() -> impl Strategy<Value = StrategySpec> {
    (0usize..7, 2usize..15, 1usize..20, prop::bool::ANY, prop::bool::ANY, 0.0f64..0.01, 0.0f64..20.0).prop_map(
        |(k, a, b, short, close_fill, commission, slip)| {
            let kind = Kind::ALL[k];
            let mut s = StrategySpec::new(kind);
            match kind {
                Kind::SmaCross | Kind::EmaCross => s = s.with("fast", a as f64).with("slow", (a + b) as f64),
                Kind::MacdCross => s = s.with("fast", a as f64).with("slow", (a + b) as f64).with("signal", 3.0),
                Kind::RsiReversion => s = s.with("period", a as f64),
                Kind::BollingerBreakout | Kind::BollingerReversion => s = s.with("period", a as f64),
                Kind::BuyAndHold => {}
            }
            if short {
                s.direction = Direction::LongShort;
            }
            if close_fill {
                s.execution.fill = Fill::SameClose;
            }
            s.costs.commission = commission;
            s.costs.slippage_bps = slip;
            s
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn sma_equals_the_windowed_mean(xs in prop::collection::vec(1.0f64..1000.0, 1..300), n in 1usize..40) {
        let a = ta::sma(&xs, n);
        let b = ta::sma_windowed(&xs, n);
        for (x, y) in a.iter().zip(&b) {
            prop_assert_eq!(x.is_nan(), y.is_nan());
            if !x.is_nan() {
                prop_assert!((x - y).abs() <= 1e-9 * y.abs());
            }
        }
    }

    #[test]
    fn backtests_keep_their_books(steps in prop::collection::vec(-0.08f64..0.08, 30..400), spec in kinds()) {
        let s = path(&steps);
        let r = backtest::run(&spec, &s).unwrap();
        prop_assert_eq!(r.equity.len(), s.len());
        // Equity starts at the cash, every trade's pnl is net of costs, and the books balance:
        // final equity = cash + closed pnl + the open position's mark-to-market net of its entry cost.
        prop_assert!((r.equity[0].equity - spec.initial_cash).abs() < 1e-9 || r.equity[0].position != 0.0);
        let closed: f64 = r.trades.iter().map(|t| t.pnl).sum();
        let last = r.equity.last().unwrap();
        if last.position == 0.0 {
            prop_assert!((last.equity - (spec.initial_cash + closed)).abs() <= 1e-6 * spec.initial_cash.max(last.equity.abs()));
        }
        for t in &r.trades {
            prop_assert!(t.entry_date < t.exit_date || spec.execution.fill == Fill::SameClose);
            prop_assert!(t.commission >= 0.0);
            prop_assert!(t.size != 0.0);
            if spec.direction == Direction::LongOnly {
                prop_assert!(t.size > 0.0);
            }
        }
        let k = &r.kpis;
        prop_assert!(k.max_drawdown >= 0.0);
        if spec.direction == Direction::LongOnly {
            prop_assert!(k.max_drawdown <= 1.0 + 1e-12, "a long-only account cannot lose more than it has");
        }
        // After equity reaches zero nothing trades.
        if let Some(b) = r.equity.iter().position(|p| p.equity <= 0.0) {
            prop_assert!(r.equity[b..].iter().all(|p| p.position == 0.0));
            prop_assert!(r.trades.iter().all(|t| t.entry_date <= r.equity[b].date));
        }
        prop_assert!(k.exposure >= 0.0 && k.exposure <= 1.0);
        prop_assert_eq!(k.n_trades, r.trades.len());
        if k.n_trades > 0 {
            prop_assert!(k.win_rate >= 0.0 && k.win_rate <= 1.0);
        }
        // Long-only whole-share entries never spend more than the cash.
        if spec.direction == Direction::LongOnly {
            for p in &r.equity {
                let cash = p.equity - p.position * s.close[r.equity.iter().position(|q| q.date == p.date).unwrap()];
                prop_assert!(cash >= -1e-6, "cash {cash} on {:?}", p.date);
            }
        }
    }
}
