//! KPIs of a backtest, from its equity curve (daily simple returns r) and its closed trades:
//! `sharpe` = mean(r)/std(r, ddof=1)·√252, `sortino` = mean(r)/√mean(min(r,0)²)·√252,
//! `volatility_ann` = std(r, ddof=1)·√252, `max_drawdown` = max(1 − E_t / max_{s≤t} E_s), its
//! duration in bars (peak to recovery, or to the end), `cagr` over calendar days (365.25 a
//! year), `calmar` = cagr / max_drawdown, trade statistics over closed trades, `exposure` = the
//! share of bars closed with a position, and buy and hold over the same bars.

use serde::{Deserialize, Serialize};

use crate::backtest::{EquityPoint, Trade};

const YEAR: f64 = 252.0;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Kpis {
    #[serde(deserialize_with = "nan_if_null")]
    #[schema(value_type = Option<f64>)]
    pub final_equity: f64,
    #[serde(deserialize_with = "nan_if_null")]
    #[schema(value_type = Option<f64>)]
    pub total_return: f64,
    #[serde(deserialize_with = "nan_if_null")]
    #[schema(value_type = Option<f64>)]
    pub cagr: f64,
    #[serde(deserialize_with = "nan_if_null")]
    #[schema(value_type = Option<f64>)]
    pub volatility_ann: f64,
    #[serde(deserialize_with = "nan_if_null")]
    #[schema(value_type = Option<f64>)]
    pub sharpe: f64,
    #[serde(deserialize_with = "nan_if_null")]
    #[schema(value_type = Option<f64>)]
    pub sortino: f64,
    #[serde(deserialize_with = "nan_if_null")]
    #[schema(value_type = Option<f64>)]
    pub max_drawdown: f64,
    /// Bars from the peak before the deepest drawdown to its recovery (or the last bar).
    pub max_drawdown_bars: usize,
    #[serde(deserialize_with = "nan_if_null")]
    #[schema(value_type = Option<f64>)]
    pub calmar: f64,
    pub n_trades: usize,
    #[serde(deserialize_with = "nan_if_null")]
    #[schema(value_type = Option<f64>)]
    pub win_rate: f64,
    #[serde(deserialize_with = "nan_if_null")]
    #[schema(value_type = Option<f64>)]
    pub profit_factor: f64,
    #[serde(deserialize_with = "nan_if_null")]
    #[schema(value_type = Option<f64>)]
    pub avg_win: f64,
    #[serde(deserialize_with = "nan_if_null")]
    #[schema(value_type = Option<f64>)]
    pub avg_loss: f64,
    #[serde(deserialize_with = "nan_if_null")]
    #[schema(value_type = Option<f64>)]
    pub exposure: f64,
    #[serde(deserialize_with = "nan_if_null")]
    #[schema(value_type = Option<f64>)]
    pub buy_and_hold_return: f64,
}

/// KPIs that are undefined (no trade, no loss) are NaN, written as JSON null; read null back as NaN.
fn nan_if_null<'de, D: serde::Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.unwrap_or(f64::NAN))
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.iter().sum::<f64>() / v.len() as f64
}

/// A ratio that is NaN when the denominator is zero (JSON writes it as null).
fn ratio(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        f64::NAN
    } else {
        a / b
    }
}

pub fn compute(equity: &[EquityPoint], trades: &[Trade], close: &[f64]) -> Kpis {
    let mut k = Kpis::default();
    let (Some(first), Some(last)) = (equity.first(), equity.last()) else { return k };
    k.final_equity = last.equity;
    k.total_return = last.equity / first.equity - 1.0;
    let days = (last.date - first.date).whole_days() as f64;
    k.cagr =
        if days > 0.0 && last.equity > 0.0 { (last.equity / first.equity).powf(365.25 / days) - 1.0 } else { f64::NAN };
    // One pass: return moments (r_t = E_t / E_{t-1} − 1) and the deepest drawdown.
    let (mut s1, mut s2, mut down2) = (0.0f64, 0.0f64, 0.0f64);
    let mut peak = f64::MIN;
    let mut peak_at = 0;
    let mut worst = (0.0, 0usize, 0usize);
    let mut prev = first.equity;
    for (i, p) in equity.iter().enumerate() {
        if i > 0 {
            let r = p.equity / prev - 1.0;
            s1 += r;
            s2 += r * r;
            if r < 0.0 {
                down2 += r * r;
            }
            prev = p.equity;
        }
        if p.equity > peak {
            peak = p.equity;
            peak_at = i;
        }
        let dd = 1.0 - p.equity / peak;
        if dd > worst.0 {
            worst = (dd, peak_at, i);
        }
    }
    let n = (equity.len() - 1) as f64;
    let mean_r = if n > 0.0 { s1 / n } else { f64::NAN };
    let sd = if n > 1.0 { ((s2 - s1 * mean_r) / (n - 1.0)).max(0.0).sqrt() } else { f64::NAN };
    k.volatility_ann = sd * YEAR.sqrt();
    k.sharpe = ratio(mean_r, sd) * YEAR.sqrt();
    k.sortino = ratio(mean_r, (down2 / n).sqrt()) * YEAR.sqrt();
    k.max_drawdown = worst.0;
    if worst.0 > 0.0 {
        let (_, from, trough) = worst;
        let top = equity[from].equity;
        let back = equity[trough..].iter().position(|p| p.equity >= top).map_or(equity.len() - 1, |j| trough + j);
        k.max_drawdown_bars = back - from;
    }
    k.calmar = ratio(k.cagr, k.max_drawdown);
    k.n_trades = trades.len();
    let wins: Vec<f64> = trades.iter().map(|t| t.pnl).filter(|p| *p > 0.0).collect();
    let losses: Vec<f64> = trades.iter().map(|t| t.pnl).filter(|p| *p < 0.0).collect();
    k.win_rate = ratio(wins.len() as f64, trades.len() as f64);
    k.profit_factor = ratio(wins.iter().sum(), -losses.iter().sum::<f64>());
    k.avg_win = mean(&wins);
    k.avg_loss = mean(&losses);
    k.exposure = equity.iter().filter(|p| p.position != 0.0).count() as f64 / equity.len() as f64;
    k.buy_and_hold_return = match (close.first(), close.last()) {
        (Some(a), Some(b)) if *a > 0.0 => b / a - 1.0,
        _ => f64::NAN,
    };
    k
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date;

    fn curve(values: &[f64]) -> Vec<EquityPoint> {
        let d0 = date::parse("2024-01-01").unwrap();
        values
            .iter()
            .enumerate()
            .map(|(i, v)| EquityPoint { date: d0 + time::Duration::days(i as i64), equity: *v, position: 0.0 })
            .collect()
    }

    #[test]
    fn undefined_kpis_survive_json() {
        let k = compute(&curve(&[100.0, 100.0]), &[], &[]);
        assert!(k.win_rate.is_nan() && k.sharpe.is_nan());
        let json = serde_json::to_string(&k).unwrap();
        assert!(json.contains("\"win_rate\":null"), "{json}");
        let back: Kpis = serde_json::from_str(&json).unwrap();
        assert!(back.win_rate.is_nan());
        assert_eq!(back.final_equity, 100.0);
    }

    #[test]
    fn drawdown_and_its_duration_by_hand() {
        // Peak 120 at bar 1, trough 90 at bar 3 (25 %), back to 120 at bar 5.
        let k = compute(&curve(&[100.0, 120.0, 100.0, 90.0, 110.0, 120.0, 130.0]), &[], &[1.0, 2.0]);
        assert!((k.max_drawdown - 0.25).abs() < 1e-15);
        assert_eq!(k.max_drawdown_bars, 4);
        assert!((k.total_return - 0.3).abs() < 1e-15);
        assert!((k.buy_and_hold_return - 1.0).abs() < 1e-15);
    }

    #[test]
    fn sharpe_and_sortino_by_hand() {
        // Returns +10 %, −10 %, +10 %: mean 1/30, sd (ddof 1) = 0.11547005383792516.
        let k = compute(&curve(&[100.0, 110.0, 99.0, 108.9]), &[], &[]);
        let sd = 0.115_470_053_837_925_16_f64;
        assert!((k.sharpe - (0.1 / 3.0) / sd * 252f64.sqrt()).abs() < 1e-12, "{}", k.sharpe);
        // Downside: mean(0, 0.01, 0) = 1/300.
        assert!((k.sortino - (0.1 / 3.0) / (1.0f64 / 300.0).sqrt() * 252f64.sqrt()).abs() < 1e-12);
    }
}
