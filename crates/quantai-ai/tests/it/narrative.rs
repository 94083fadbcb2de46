//! The template narrative: for any facts, in both languages and for both audiences, every
//! number it writes passes the fact check, and it states the facts it was given.

use proptest::prelude::*;
use quantai_ai::factcheck::check;
use quantai_ai::facts::Facts;
use quantai_ai::narrative::{template, Audience, Language};

fn facts_strategy() -> impl Strategy<Value = (Facts, bool)> {
    (
        prop::bool::ANY,
        0usize..7,
        (1e3f64..5e9, -0.95f64..6.0, -0.9f64..6.0),
        (-3.0f64..5.0, -3.0f64..6.0, 0.0f64..0.95, 0.01f64..1.5),
        (0.0f64..1.0, 0u32..400, 0.05f64..6.0, 0.0f64..1.0),
        (2000i32..2020, 1u32..8),
        prop::bool::ANY,
    )
        .prop_map(
            |(krx, kind, (cash, tr, bh), (sharpe, sortino, dd, vol), (wr, trades, pf, expo), (y, len), krx_name)| {
                let kinds = [
                    "sma_cross",
                    "ema_cross",
                    "rsi_reversion",
                    "bollinger_breakout",
                    "bollinger_reversion",
                    "macd_cross",
                    "buy_and_hold",
                ];
                let params: Vec<(&str, f64)> = match kinds[kind] {
                    "sma_cross" | "ema_cross" => vec![("fast", 5.0), ("slow", 60.0)],
                    "rsi_reversion" => vec![("period", 14.0), ("lower", 25.0), ("upper", 75.0)],
                    "bollinger_breakout" | "bollinger_reversion" => vec![("period", 20.0), ("k", 2.5)],
                    "macd_cross" => vec![("fast", 12.0), ("slow", 26.0), ("signal", 9.0)],
                    _ => vec![],
                };
                let start = time::Date::from_calendar_date(y, time::Month::January, 2).unwrap_or(time::Date::MIN);
                let end = time::Date::from_calendar_date(y + len as i32, time::Month::December, 28)
                    .unwrap_or(time::Date::MIN);
                let years = (end - start).whole_days() as f64 / 365.25;
                let f = Facts {
                    symbol: Some(if krx { "005930".into() } else { "AAPL".into() }),
                    name: Some(if krx_name { "삼성전자".into() } else { "KODEX 200".into() }),
                    strategy: Some(kinds[kind].into()),
                    params: params.into_iter().map(|(n, v)| (n.to_string(), v)).collect(),
                    start: Some(start),
                    end: Some(end),
                    initial_cash: Some(cash.round()),
                    final_equity: Some((cash.round() * (1.0 + tr) * 100.0).round() / 100.0),
                    total_return: Some(tr),
                    cagr: Some((1.0 + tr).powf(1.0 / years) - 1.0),
                    sharpe: Some(sharpe),
                    sortino: Some(sortino),
                    max_drawdown: Some(-dd.max(if tr < 0.0 { -tr } else { 0.0 })),
                    volatility: Some(vol),
                    win_rate: (trades > 0).then_some(wr),
                    trades: Some(f64::from(trades)),
                    profit_factor: (trades > 0).then_some(pf),
                    exposure: Some(expo),
                    buy_hold_return: (kinds[kind] != "buy_and_hold").then_some(bh),
                };
                (f, krx)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]
    #[test]
    fn every_number_of_the_template_is_a_fact((facts, _krx) in facts_strategy(), ko in prop::bool::ANY, pro in prop::bool::ANY) {
        let lang = if ko { Language::Ko } else { Language::En };
        let audience = if pro { Audience::Pro } else { Audience::Retail };
        let text = template(&facts, lang, audience, &[]);
        let r = check(&text, &facts);
        prop_assert!(r.passed(), "{text}\n{:?}", r.findings);
        // it says something: the return, the drawdown and the trades at least
        prop_assert!(r.numbers >= 6, "{} numbers in {text}", r.numbers);
    }
}

#[test]
fn a_wrong_fact_makes_the_template_fail_the_check() {
    // the same text checked against facts that differ in one KPI must be flagged
    let (facts, _) = facts_strategy()
        .new_tree(&mut proptest::test_runner::TestRunner::deterministic())
        .map(|t| proptest::strategy::ValueTree::current(&t))
        .unwrap_or_else(|e| panic!("{e}"));
    let text = template(&facts, Language::Ko, Audience::Pro, &[]);
    let mut other = facts.clone();
    other.sharpe = other.sharpe.map(|s| s + 0.37);
    assert!(!check(&text, &other).passed(), "{text}");
}
