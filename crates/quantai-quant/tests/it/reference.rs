//! quantai against independent tools: TA-Lib 0.8.1's indicator values and backtesting.py
//! 0.6.6's backtests (files in `tests/reference/`, produced outside this project).

use quantai_quant::backtest;
use quantai_quant::bars::{parse_csv, Series};
use quantai_quant::date;
use quantai_quant::indicators as ta;
use quantai_quant::strategy::{Kind, StrategySpec};
use serde_json::Value;

const SYMBOLS: [&str; 2] = ["AAPL", "GOOG"];

pub fn series(symbol: &str) -> Series {
    let path = format!("{}/data/ohlcv/{symbol}.csv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap();
    let p = parse_csv(&text).unwrap();
    assert!(p.bad.is_empty(), "{path}: {:?}", p.bad);
    Series::from_bars(symbol, None, &p.bars)
}

fn reference_columns(symbol: &str) -> (Vec<String>, Vec<Vec<f64>>) {
    let path = format!("{}/tests/reference/indicators_{symbol}.csv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let mut lines = text.lines();
    let names: Vec<String> = lines.next().unwrap().split(',').map(str::to_string).collect();
    let mut cols = vec![Vec::new(); names.len()];
    for line in lines {
        for (i, f) in line.split(',').enumerate() {
            cols[i].push(if f.is_empty() || i == 0 { f64::NAN } else { f.parse().unwrap() });
        }
    }
    (names, cols)
}

/// Same warm-up (first finite index) and every value within 1e-9 relative.
fn assert_matches(symbol: &str, name: &str, ours: &[f64], theirs: &[f64]) {
    assert_eq!(ours.len(), theirs.len(), "{symbol} {name}: length");
    let first = |v: &[f64]| v.iter().position(|x| x.is_finite());
    assert_eq!(first(ours), first(theirs), "{symbol} {name}: warm-up differs");
    let mut worst = (0.0f64, 0usize);
    for (i, (a, b)) in ours.iter().zip(theirs).enumerate() {
        assert_eq!(a.is_finite(), b.is_finite(), "{symbol} {name}: row {i}: {a} vs {b}");
        if b.is_finite() {
            let err = if *b == 0.0 { a.abs() } else { ((a - b) / b).abs() };
            if err > worst.0 {
                worst = (err, i);
            }
        }
    }
    assert!(worst.0 <= 1e-9, "{symbol} {name}: relative error {:e} at row {}", worst.0, worst.1);
}

#[test]
fn indicators_equal_ta_lib() {
    for symbol in SYMBOLS {
        let s = series(symbol);
        let (names, cols) = reference_columns(symbol);
        let col = |n: &str| &cols[names.iter().position(|x| x == n).unwrap_or_else(|| panic!("column {n}"))];
        let (h, l, c, v) = (&s.high, &s.low, &s.close, &s.volume);
        let macd = ta::macd(c, 12, 26, 9);
        let bb = ta::bbands(c, 20, 2.0, 2.0);
        let st = ta::stoch(h, l, c, 14, 3, 3);
        let ours: Vec<(&str, Vec<f64>)> = vec![
            ("sma_30", ta::sma(c, 30)),
            ("ema_20", ta::ema(c, 20)),
            ("wma_20", ta::wma(c, 20)),
            ("rsi_14", ta::rsi(c, 14)),
            ("macd_12_26_9", macd.macd),
            ("macd_signal", macd.signal),
            ("macd_hist", macd.hist),
            ("bb_upper_20_2", bb.upper),
            ("bb_middle_20_2", bb.middle),
            ("bb_lower_20_2", bb.lower),
            ("atr_14", ta::atr(h, l, c, 14)),
            ("stoch_k_14_3_3", st.k),
            ("stoch_d_14_3_3", st.d),
            ("obv", ta::obv(c, v)),
            ("roc_10", ta::roc(c, 10)),
            ("adx_14", ta::adx(h, l, c, 14)),
            ("cci_20", ta::cci(h, l, c, 20)),
            ("mfi_14", ta::mfi(h, l, c, v, 14)),
        ];
        assert_eq!(ours.len(), names.len() - 1, "every reference column is checked");
        for (name, values) in &ours {
            assert_matches(symbol, name, values, col(name));
        }
    }
}

fn close_rel(a: f64, b: f64) -> bool {
    if b == 0.0 {
        a.abs() <= 1e-9
    } else {
        ((a - b) / b).abs() <= 1e-9
    }
}

#[test]
fn backtests_equal_backtesting_py() {
    let mut cases = 0;
    for symbol in SYMBOLS {
        let s = series(symbol);
        let path = format!("{}/tests/reference/backtests_{symbol}.json", env!("CARGO_MANIFEST_DIR"));
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        for case in doc["results"].as_array().unwrap() {
            let kind: Kind = case["strategy"].as_str().unwrap().parse().unwrap();
            let mut spec = StrategySpec::new(kind);
            for (k, v) in case["params"].as_object().unwrap() {
                spec = spec.with(k, v.as_f64().unwrap());
            }
            spec.costs.commission = case["commission"].as_f64().unwrap();
            spec.initial_cash = case["initial_cash"].as_f64().unwrap();
            let label = format!("{symbol} {} {:?} c={}", kind.name(), spec.params, spec.costs.commission);
            let r = backtest::run(&spec, &s).unwrap();
            let trades = case["trades"].as_array().unwrap();
            assert_eq!(r.trades.len(), trades.len(), "{label}: trade count");
            for (ours, t) in r.trades.iter().zip(trades) {
                assert_eq!(date::iso(ours.entry_date), t["entry_date"].as_str().unwrap(), "{label}");
                assert_eq!(date::iso(ours.exit_date), t["exit_date"].as_str().unwrap(), "{label}");
                assert_eq!(ours.size, t["size"].as_f64().unwrap(), "{label}");
                for (a, key) in [
                    (ours.entry_price, "entry_price"),
                    (ours.exit_price, "exit_price"),
                    (ours.pnl, "pnl"),
                    (ours.commission, "commission"),
                ] {
                    assert!(close_rel(a, t[key].as_f64().unwrap()), "{label}: {key} {a} vs {}", t[key]);
                }
            }
            let eq = case["equity"].as_array().unwrap();
            assert_eq!(r.equity.len(), eq.len(), "{label}: equity length");
            for (ours, e) in r.equity.iter().zip(eq) {
                assert_eq!(date::iso(ours.date), e["date"].as_str().unwrap());
                assert!(close_rel(ours.equity, e["equity"].as_f64().unwrap()), "{label}: equity on {}", e["date"]);
            }
            let k = &case["kpis"];
            for (a, key) in [
                (r.kpis.final_equity, "final_equity"),
                (r.kpis.total_return, "total_return"),
                (r.kpis.max_drawdown, "max_drawdown"),
                (r.kpis.sharpe, "sharpe"),
                (r.kpis.sortino, "sortino"),
                (r.kpis.volatility_ann, "volatility_ann"),
                (r.kpis.win_rate, "win_rate_closed"),
            ] {
                assert!(close_rel(a, k[key].as_f64().unwrap()), "{label}: {key} {a} vs {}", k[key]);
            }
            assert_eq!(r.kpis.n_trades as u64, k["n_closed_trades"].as_u64().unwrap(), "{label}");
            cases += 1;
        }
    }
    assert_eq!(cases, 12);
}
