//! The backtest engine. Conventions (those of backtesting.py, so results can be checked against
//! it trade for trade):
//! - signals are computed on bar t's close; orders fill at bar t+1's open (or, with
//!   `fill = same_close`, at bar t's close); a signal on the last bar never fills;
//! - an entry buys whole shares `floor(cash·fraction / (price·(1 + commission)))` (or that many
//!   fractional units); commission = max(rate·|size|·price + fixed, minimum), on entry and on
//!   exit; slippage moves the fill price against the trade; the sell tax is charged on every
//!   sell's value; a trade's `pnl` is net of all of them;
//! - equity at each bar = cash + position × close; a position still open at the end is marked
//!   to market, not closed, and is not in `trades`;
//! - a position whose equity falls to zero or below is closed at that bar's close and the
//!   account trades no more (a short can lose more than the account).

use serde::{Deserialize, Serialize};
use time::Date;

use crate::bars::Series;
use crate::kpi::{self, Kpis};
use crate::strategy::{Direction, Fill, SpecError, StrategySpec};

/// One closed trade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Trade {
    #[serde(with = "crate::date::serde_iso")]
    #[schema(value_type = String, format = Date)]
    pub entry_date: Date,
    #[serde(with = "crate::date::serde_iso")]
    #[schema(value_type = String, format = Date)]
    pub exit_date: Date,
    /// Positive for a long trade, negative for a short one.
    pub size: f64,
    pub entry_price: f64,
    pub exit_price: f64,
    /// Net of commissions and taxes.
    pub pnl: f64,
    /// Commissions and taxes of both fills.
    pub commission: f64,
    /// pnl over the entry value.
    pub return_pct: f64,
    /// Bars held, entry bar to exit bar.
    pub bars: usize,
}

/// One point of the equity curve.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct EquityPoint {
    #[serde(with = "crate::date::serde_iso")]
    #[schema(value_type = String, format = Date)]
    pub date: Date,
    pub equity: f64,
    /// The position held at the bar's close (shares; negative when short).
    pub position: f64,
}

/// What a backtest produced.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct BacktestResult {
    pub spec: StrategySpec,
    pub symbol: String,
    #[serde(with = "crate::date::serde_iso")]
    #[schema(value_type = String, format = Date)]
    pub from: Date,
    #[serde(with = "crate::date::serde_iso")]
    #[schema(value_type = String, format = Date)]
    pub to: Date,
    pub bars: usize,
    pub kpis: Kpis,
    pub trades: Vec<Trade>,
    pub equity: Vec<EquityPoint>,
}

/// Why a backtest could not run.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum BacktestError {
    #[error("invalid strategy: {0}")]
    Spec(#[from] SpecError),
    #[error("no bars to backtest (symbol {0:?}, in the range asked)")]
    NoBars(String),
}

struct Open {
    bar: usize,
    size: f64,
    price: f64,
    cost: f64,
}

/// Runs `spec` over `s`.
pub fn run(spec: &StrategySpec, s: &Series) -> Result<BacktestResult, BacktestError> {
    spec.validate()?;
    let n = s.len();
    if n == 0 {
        return Err(BacktestError::NoBars(s.symbol.clone()));
    }
    let sig = spec.signals(s);
    let (trades, equity) = simulate(spec, s, &sig.entry, &sig.exit);
    let kpis = kpi::compute(&equity, &trades, &s.close);
    Ok(BacktestResult {
        spec: spec.clone(),
        symbol: s.symbol.clone(),
        from: s.dates[0],
        to: s.dates[n - 1],
        bars: n,
        kpis,
        trades,
        equity,
    })
}

/// The fill loop, shared with parameter searches that compute signals themselves.
pub fn simulate(spec: &StrategySpec, s: &Series, entry: &[bool], exit: &[bool]) -> (Vec<Trade>, Vec<EquityPoint>) {
    let n = s.len();
    let c = &spec.costs;
    let ex = &spec.execution;
    let slip = c.slippage_bps / 10_000.0;
    let commission =
        |size: f64, price: f64| (c.commission * size.abs() * price + c.commission_fixed).max(c.commission_min);
    let mut cash = spec.initial_cash;
    let mut open: Option<Open> = None;
    let mut trades = Vec::new();
    let mut equity = Vec::with_capacity(n);
    // The order decided at the previous bar's close, filled at this bar's open: +1 go long, -1
    // go short / exit, 0 nothing.
    let mut pending: i8 = 0;
    let mut act = |t: usize, want: i8, price_raw: f64, cash: &mut f64, open: &mut Option<Open>, may_enter: bool| {
        // Close an opposite position first.
        if let Some(o) = open.as_ref() {
            let closing = (o.size > 0.0 && want < 0) || (o.size < 0.0 && want > 0);
            if closing {
                let sell = o.size > 0.0;
                let price = if sell { price_raw * (1.0 - slip) } else { price_raw * (1.0 + slip) };
                let mut fee = commission(o.size, price);
                if sell {
                    fee += c.sell_tax * o.size.abs() * price;
                }
                *cash += o.size * price - fee;
                let total = o.cost + fee;
                let pnl = o.size * (price - o.price) - total;
                trades.push(Trade {
                    entry_date: s.dates[o.bar],
                    exit_date: s.dates[t],
                    size: o.size,
                    entry_price: o.price,
                    exit_price: price,
                    pnl,
                    commission: total,
                    return_pct: pnl / (o.size.abs() * o.price),
                    bars: t - o.bar,
                });
                *open = None;
            }
        }
        let enter = may_enter && open.is_none() && (want > 0 || (want < 0 && spec.direction == Direction::LongShort));
        if enter {
            let buy = want > 0;
            let price = if buy { price_raw * (1.0 + slip) } else { price_raw * (1.0 - slip) };
            let budget = (*cash * ex.fraction - c.commission_fixed).max(0.0);
            let per_unit = price * (1.0 + c.commission + if buy { 0.0 } else { c.sell_tax });
            let mut units = budget / per_unit;
            if !ex.fractional {
                units = units.floor();
            }
            if units > 0.0 && price > 0.0 {
                let size = if buy { units } else { -units };
                let mut fee = commission(size, price);
                if !buy {
                    fee += c.sell_tax * units * price;
                }
                *cash -= size * price + fee;
                *open = Some(Open { bar: t, size, price, cost: fee });
            }
        }
    };
    let mut bankrupt = false;
    for t in 0..n {
        if bankrupt {
            equity.push(EquityPoint { date: s.dates[t], equity: cash, position: 0.0 });
            continue;
        }
        if pending != 0 {
            act(t, pending, s.open[t], &mut cash, &mut open, true);
            pending = 0;
        }
        let want: i8 = if entry[t] {
            1
        } else if exit[t] {
            -1
        } else {
            0
        };
        let relevant = match (want, open.as_ref().map(|o| o.size > 0.0)) {
            (1, Some(true)) | (0, _) => false,
            (-1, None) => spec.direction == Direction::LongShort,
            (-1, Some(false)) => false,
            _ => true,
        };
        if relevant {
            match ex.fill {
                Fill::NextOpen => pending = want,
                Fill::SameClose => act(t, want, s.close[t], &mut cash, &mut open, true),
            }
        }
        let mut pos = open.as_ref().map_or(0.0, |o| o.size);
        let mut value = cash + pos * s.close[t];
        if value <= 0.0 && pos != 0.0 {
            // Bankrupt (a short that lost everything, a long at zero): closed at this close,
            // and no further trade.
            act(t, if pos > 0.0 { -1 } else { 1 }, s.close[t], &mut cash, &mut open, false);
            bankrupt = true;
            pos = 0.0;
            value = cash;
        }
        equity.push(EquityPoint { date: s.dates[t], equity: value, position: pos });
    }
    (trades, equity)
}
