//! Data-quality checks of one symbol's bars: price jumps beyond k·σ, split-like moves (2:1,
//! 3:1, 1:2 …), gaps against the market's calendar and bars on closed days, stale or zero
//! prices, and volume spikes. Findings are reported, never "fixed": an unadjusted split is real
//! data that a backtest must not trade on blindly.

use serde::Serialize;
use time::Date;

use crate::bars::Series;
use crate::calendar::Calendar;
use crate::date;

/// Thresholds of [`check`].
#[derive(Clone, Debug)]
pub struct CheckOptions {
    /// A close-to-close log return beyond `sigma_k` robust standard deviations is a jump.
    pub sigma_k: f64,
    /// Relative tolerance around a split ratio.
    pub split_tolerance: f64,
    /// This many bars in a row with the same close are stale.
    pub stale_bars: usize,
    /// A volume above `volume_spike` × the median of the previous 20 bars is a spike.
    pub volume_spike: f64,
}

impl Default for CheckOptions {
    fn default() -> Self {
        Self { sigma_k: 8.0, split_tolerance: 0.03, stale_bars: 5, volume_spike: 10.0 }
    }
}

/// What a data check found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A jump by a split ratio (an unadjusted split).
    SplitLike,
    PriceJump,
    /// Trading days missing from the data.
    Gap,
    /// A bar on a day the exchange was closed.
    ClosedDay,
    StalePrice,
    ZeroPrice,
    VolumeSpike,
}

impl FindingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::SplitLike => "split_like",
            FindingKind::PriceJump => "price_jump",
            FindingKind::Gap => "gap",
            FindingKind::ClosedDay => "closed_day",
            FindingKind::StalePrice => "stale_price",
            FindingKind::ZeroPrice => "zero_price",
            FindingKind::VolumeSpike => "volume_spike",
        }
    }
}

impl std::fmt::Display for FindingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    #[serde(with = "crate::date::serde_iso")]
    pub date: Date,
    pub kind: FindingKind,
    pub detail: String,
}

/// Split ratios looked for: (factor, label). A factor f means prices divided by f (2:1 split).
const SPLITS: [(f64, &str); 9] = [
    (2.0, "2:1"),
    (3.0, "3:1"),
    (4.0, "4:1"),
    (5.0, "5:1"),
    (10.0, "10:1"),
    (1.5, "3:2"),
    (0.5, "1:2"),
    (1.0 / 3.0, "1:3"),
    (0.1, "1:10"),
];

fn split_ratio(factor: f64, tol: f64) -> Option<&'static str> {
    SPLITS.iter().find(|(f, _)| (factor / f - 1.0).abs() <= tol).map(|(_, l)| *l)
}

/// Median of a non-empty slice (copied and sorted).
fn median(v: &[f64]) -> f64 {
    let mut s: Vec<f64> = v.iter().copied().filter(|x| x.is_finite()).collect();
    if s.is_empty() {
        return f64::NAN;
    }
    s.sort_by(f64::total_cmp);
    let n = s.len();
    if n % 2 == 1 {
        s[n / 2]
    } else {
        (s[n / 2 - 1] + s[n / 2]) / 2.0
    }
}

/// Runs every check; findings in date order. Without a calendar, gaps are not checked.
pub fn check(s: &Series, calendar: Option<Calendar>, o: &CheckOptions) -> Vec<Finding> {
    let mut out = Vec::new();
    let n = s.len();
    for i in 0..n {
        if [s.open[i], s.high[i], s.low[i], s.close[i]].iter().any(|p| *p <= 0.0) {
            out.push(Finding {
                date: s.dates[i],
                kind: FindingKind::ZeroPrice,
                detail: "a price is zero or negative".into(),
            });
        }
    }
    // Robust σ of log returns: 1.4826 × the median absolute deviation.
    let lr: Vec<f64> = (1..n)
        .map(|i| if s.close[i] > 0.0 && s.close[i - 1] > 0.0 { (s.close[i] / s.close[i - 1]).ln() } else { f64::NAN })
        .collect();
    let med = median(&lr);
    let dev: Vec<f64> = lr.iter().map(|x| (x - med).abs()).collect();
    let sigma = 1.4826 * median(&dev);
    for i in 1..n {
        let r = lr[i - 1];
        if !r.is_finite() {
            continue;
        }
        let raw = s.close[i] / s.close[i - 1];
        // With adjusted closes, a split shows as the adjusted move differing from the raw one by
        // the split factor; without, as an overnight gap of the split ratio on a jump day.
        let split = match (s.adj_close[i - 1], s.adj_close[i]) {
            (Some(a0), Some(a1)) if a0 > 0.0 && a1 > 0.0 => split_ratio((a1 / a0) / raw, o.split_tolerance),
            _ if sigma > 0.0 && r.abs() > o.sigma_k * sigma && s.open[i] > 0.0 => {
                split_ratio(s.close[i - 1] / s.open[i], o.split_tolerance)
            }
            _ => None,
        };
        if let Some(label) = split {
            out.push(Finding {
                date: s.dates[i],
                kind: FindingKind::SplitLike,
                detail: format!(
                    "{label} split-like move: close {} → {} ({:+.1} %) with no matching adjustment",
                    s.close[i - 1],
                    s.close[i],
                    (raw - 1.0) * 100.0
                ),
            });
        } else if sigma > 0.0 && r.abs() > o.sigma_k * sigma {
            out.push(Finding {
                date: s.dates[i],
                kind: FindingKind::PriceJump,
                detail: format!(
                    "close {} → {} ({:+.1} %), {:.1} σ (σ = {:.2} % a day)",
                    s.close[i - 1],
                    s.close[i],
                    (raw - 1.0) * 100.0,
                    r.abs() / sigma,
                    sigma * 100.0
                ),
            });
        }
    }
    // Stale: runs of identical closes.
    let mut run = 1;
    for i in 1..=n {
        if i < n && s.close[i] == s.close[i - 1] {
            run += 1;
            continue;
        }
        if run >= o.stale_bars {
            out.push(Finding {
                date: s.dates[i - run],
                kind: FindingKind::StalePrice,
                detail: format!(
                    "close {} unchanged for {run} bars, until {}",
                    s.close[i - 1],
                    date::iso(s.dates[i - 1])
                ),
            });
        }
        run = 1;
    }
    for i in 20..n {
        let m = median(&s.volume[i - 20..i]);
        if m > 0.0 && s.volume[i] > o.volume_spike * m {
            out.push(Finding {
                date: s.dates[i],
                kind: FindingKind::VolumeSpike,
                detail: format!("volume {} is {:.1}× the 20-bar median {m}", s.volume[i], s.volume[i] / m),
            });
        }
    }
    if let (Some(cal), Some(first), Some(last)) = (calendar, s.dates.first(), s.dates.last()) {
        let have: std::collections::HashSet<Date> = s.dates.iter().copied().collect();
        let mut missing = cal.trading_days(*first, *last).into_iter().filter(|d| !have.contains(d)).peekable();
        while let Some(start) = missing.next() {
            let mut end = start;
            let mut count = 1;
            while let Some(next) = missing.peek() {
                // Consecutive missing trading days form one gap.
                if cal.trading_days(end, *next).len() == 2 {
                    end = *next;
                    count += 1;
                    missing.next();
                } else {
                    break;
                }
            }
            let detail = if count == 1 {
                "trading day missing".to_string()
            } else {
                format!("{count} trading days missing, until {}", date::iso(end))
            };
            out.push(Finding { date: start, kind: FindingKind::Gap, detail });
        }
        for d in &s.dates {
            if !cal.is_trading_day(*d) {
                out.push(Finding {
                    date: *d,
                    kind: FindingKind::ClosedDay,
                    detail: "a bar on a day the market was closed".into(),
                });
            }
        }
    }
    out.sort_by_key(|f| f.date);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bars::Bar;

    fn series(closes: &[f64], volumes: &[f64]) -> Series {
        let start = date::parse("2024-01-01").unwrap();
        let bars: Vec<Bar> = closes
            .iter()
            .zip(volumes)
            .enumerate()
            .map(|(i, (c, v))| Bar {
                date: start + time::Duration::days(i as i64),
                open: *c,
                high: *c,
                low: *c,
                close: *c,
                volume: *v,
                adj_close: None,
            })
            .collect();
        Series::from_bars("T", None, &bars)
    }

    #[test]
    fn stale_zero_and_volume_spike() {
        let mut closes: Vec<f64> = (0..40).map(|i| 100.0 + (i % 3) as f64).collect();
        for c in closes.iter_mut().skip(10).take(6) {
            *c = 50.0;
        }
        closes[30] = 0.0;
        let mut vols = vec![1000.0; 40];
        vols[25] = 50_000.0;
        let f = check(&series(&closes, &vols), None, &CheckOptions::default());
        let kinds: Vec<(&str, usize)> = f.iter().map(|x| (x.kind.as_str(), (x.date.day() - 1) as usize)).collect();
        assert!(kinds.contains(&("stale_price", 10)), "{kinds:?}");
        assert!(kinds.contains(&("zero_price", 30)), "{kinds:?}");
        assert!(kinds.contains(&("volume_spike", 25)), "{kinds:?}");
        assert!(!kinds.iter().any(|(k, d)| *k == "volume_spike" && *d != 25), "{kinds:?}");
    }

    #[test]
    fn split_ratio_matches_within_tolerance() {
        assert_eq!(split_ratio(2.04, 0.03), Some("2:1"));
        assert_eq!(split_ratio(0.49, 0.03), Some("1:2"));
        assert_eq!(split_ratio(2.2, 0.03), None);
        assert_eq!(split_ratio(1.0, 0.03), None);
    }
}
