//! Strategies are data: a kind, its parameters, costs, sizing and execution options, read from
//! JSON or YAML. Each kind turns bars into entry and exit signals computed on a bar's close.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::bars::Series;
use crate::indicators as ta;

/// A strategy and how it trades.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StrategySpec {
    pub kind: Kind,
    /// Numeric parameters of the kind (defaults filled in by [`StrategySpec::param`]).
    #[serde(default)]
    pub params: BTreeMap<String, f64>,
    #[serde(default)]
    pub direction: Direction,
    #[serde(default)]
    pub costs: Costs,
    #[serde(default)]
    pub execution: Execution,
    #[serde(default = "default_cash")]
    #[schema(exclusive_minimum = 0.0)]
    pub initial_cash: f64,
}

fn default_cash() -> f64 {
    10_000.0
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    SmaCross,
    EmaCross,
    RsiReversion,
    BollingerBreakout,
    BollingerReversion,
    MacdCross,
    BuyAndHold,
}

impl Kind {
    pub const ALL: [Kind; 7] = [
        Kind::SmaCross,
        Kind::EmaCross,
        Kind::RsiReversion,
        Kind::BollingerBreakout,
        Kind::BollingerReversion,
        Kind::MacdCross,
        Kind::BuyAndHold,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::SmaCross => "sma_cross",
            Kind::EmaCross => "ema_cross",
            Kind::RsiReversion => "rsi_reversion",
            Kind::BollingerBreakout => "bollinger_breakout",
            Kind::BollingerReversion => "bollinger_reversion",
            Kind::MacdCross => "macd_cross",
            Kind::BuyAndHold => "buy_and_hold",
        }
    }

    /// Parameters and their defaults; whole-number parameters are periods.
    pub fn params(self) -> &'static [(&'static str, f64)] {
        match self {
            Kind::SmaCross | Kind::EmaCross => &[("fast", 10.0), ("slow", 30.0)],
            Kind::RsiReversion => &[("period", 14.0), ("lower", 30.0), ("upper", 70.0)],
            Kind::BollingerBreakout | Kind::BollingerReversion => &[("period", 20.0), ("k", 2.0)],
            Kind::MacdCross => &[("fast", 12.0), ("slow", 26.0), ("signal", 9.0)],
            Kind::BuyAndHold => &[],
        }
    }
}

impl std::str::FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Kind::ALL.into_iter().find(|k| k.name() == s).ok_or_else(|| {
            let all: Vec<&str> = Kind::ALL.iter().map(|k| k.name()).collect();
            format!("strategy kind {s:?} is unknown; known: {}", all.join(", "))
        })
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Entry signals buy, exit signals close.
    #[default]
    LongOnly,
    /// Entry signals close a short and buy; exit signals close a long and sell short.
    LongShort,
}

/// Trading costs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Costs {
    /// Commission as a fraction of the traded value (0.001 = 0.1 %).
    pub commission: f64,
    /// A fixed commission per fill, in the account currency.
    pub commission_fixed: f64,
    /// The least commission of a fill.
    pub commission_min: f64,
    /// Slippage in basis points: buys fill higher, sells lower.
    pub slippage_bps: f64,
    /// Tax on the value of every sell (the KRX securities transaction tax), as a fraction.
    pub sell_tax: f64,
}

/// When orders fill and in what units.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Execution {
    pub fill: Fill,
    /// Whole shares (default) or fractional units.
    pub fractional: bool,
    /// Share of the available cash an entry uses (0 < f ≤ 1).
    pub fraction: f64,
}

impl Default for Execution {
    fn default() -> Self {
        Self { fill: Fill::NextOpen, fractional: false, fraction: 1.0 }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Fill {
    /// At the next bar's open (no look-ahead; backtesting.py's default).
    #[default]
    NextOpen,
    /// At the signal bar's close.
    SameClose,
}

/// A spec that cannot run, naming the field.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{field}: {reason}")]
pub struct SpecError {
    pub field: String,
    pub reason: String,
}

fn bad(field: &str, reason: impl Into<String>) -> SpecError {
    SpecError { field: field.to_string(), reason: reason.into() }
}

impl StrategySpec {
    /// Reads a spec from JSON (text starting with `{`) or YAML, and validates it.
    pub fn parse(text: &str) -> Result<Self, SpecError> {
        let spec: StrategySpec = if text.trim_start().starts_with('{') {
            serde_json::from_str(text).map_err(|e| bad("strategy (JSON)", e.to_string()))?
        } else {
            serde_norway::from_str(text).map_err(|e| bad("strategy (YAML)", e.to_string()))?
        };
        spec.validate()?;
        Ok(spec)
    }

    pub fn new(kind: Kind) -> Self {
        Self {
            kind,
            params: BTreeMap::new(),
            direction: Direction::default(),
            costs: Costs::default(),
            execution: Execution::default(),
            initial_cash: default_cash(),
        }
    }

    pub fn with(mut self, name: &str, v: f64) -> Self {
        self.params.insert(name.to_string(), v);
        self
    }

    /// A parameter, or its default.
    pub fn param(&self, name: &str) -> f64 {
        self.params
            .get(name)
            .copied()
            .or_else(|| self.kind.params().iter().find(|(n, _)| *n == name).map(|(_, d)| *d))
            .unwrap_or(f64::NAN)
    }

    fn period(&self, name: &str) -> usize {
        self.param(name) as usize
    }

    /// Checks every field; the first problem is named.
    pub fn validate(&self) -> Result<(), SpecError> {
        let known = self.kind.params();
        for (name, v) in &self.params {
            if !known.iter().any(|(n, _)| n == name) {
                let names: Vec<&str> = known.iter().map(|(n, _)| *n).collect();
                return Err(bad(
                    &format!("params.{name}"),
                    format!("{} takes no such parameter (it takes: {})", self.kind.name(), names.join(", ")),
                ));
            }
            if !v.is_finite() {
                return Err(bad(&format!("params.{name}"), "must be a finite number"));
            }
        }
        for (name, _) in known {
            let v = self.param(name);
            let is_period = matches!(*name, "fast" | "slow" | "period" | "signal");
            if is_period && (v < 1.0 || v.fract() != 0.0 || v > 10_000.0) {
                return Err(bad(&format!("params.{name}"), format!("{v} is not a whole number of bars in 1..=10000")));
            }
        }
        match self.kind {
            Kind::SmaCross | Kind::EmaCross | Kind::MacdCross if self.param("fast") >= self.param("slow") => {
                return Err(bad(
                    "params.fast",
                    format!("{} must be below slow {}", self.param("fast"), self.param("slow")),
                ));
            }
            Kind::RsiReversion => {
                let (lo, hi) = (self.param("lower"), self.param("upper"));
                if !(0.0..=100.0).contains(&lo) || !(0.0..=100.0).contains(&hi) || lo >= hi {
                    return Err(bad("params.lower", format!("need 0 ≤ lower {lo} < upper {hi} ≤ 100")));
                }
            }
            Kind::BollingerBreakout | Kind::BollingerReversion if self.param("k") <= 0.0 => {
                return Err(bad("params.k", "must be above 0"));
            }
            _ => {}
        }
        let c = &self.costs;
        for (name, v) in [
            ("costs.commission", c.commission),
            ("costs.commission_fixed", c.commission_fixed),
            ("costs.commission_min", c.commission_min),
            ("costs.slippage_bps", c.slippage_bps),
            ("costs.sell_tax", c.sell_tax),
        ] {
            if !v.is_finite() || v < 0.0 {
                return Err(bad(name, format!("{v} must be a finite number ≥ 0")));
            }
        }
        if c.commission >= 1.0 || c.sell_tax >= 1.0 {
            return Err(bad("costs", "commission and sell_tax are fractions below 1 (0.001 = 0.1 %)"));
        }
        let f = self.execution.fraction;
        if !(f > 0.0 && f <= 1.0) {
            return Err(bad("execution.fraction", format!("{f} must be in (0, 1]")));
        }
        if !(self.initial_cash.is_finite() && self.initial_cash > 0.0) {
            return Err(bad("initial_cash", format!("{} must be above 0", self.initial_cash)));
        }
        Ok(())
    }

    /// Entry and exit signals per bar, computed on each bar's close.
    pub fn signals(&self, s: &Series) -> Signals {
        let n = s.len();
        let c = &s.close;
        match self.kind {
            Kind::SmaCross => sma_cross_signals(c, self.period("fast"), self.period("slow")),
            Kind::EmaCross => crosses(&ta::ema(c, self.period("fast")), &ta::ema(c, self.period("slow"))),
            Kind::MacdCross => {
                let m = ta::macd(c, self.period("fast"), self.period("slow"), self.period("signal"));
                crosses(&m.macd, &m.signal)
            }
            Kind::RsiReversion => {
                let rsi = ta::rsi(c, self.period("period"));
                let (lo, hi) = (self.param("lower"), self.param("upper"));
                let mut sig = Signals::new(n);
                for t in 1..n {
                    // NaN compares false, so the warm-up never signals.
                    sig.entry[t] = rsi[t - 1] > lo && rsi[t] < lo;
                    sig.exit[t] = rsi[t - 1] < hi && rsi[t] > hi;
                }
                sig
            }
            Kind::BollingerBreakout | Kind::BollingerReversion => {
                let b = ta::bbands(c, self.period("period"), self.param("k"), self.param("k"));
                let mut sig = Signals::new(n);
                for t in 1..n {
                    if self.kind == Kind::BollingerBreakout {
                        sig.entry[t] = c[t - 1] <= b.upper[t - 1] && c[t] > b.upper[t];
                        sig.exit[t] = c[t - 1] >= b.middle[t - 1] && c[t] < b.middle[t];
                    } else {
                        sig.entry[t] = c[t - 1] >= b.lower[t - 1] && c[t] < b.lower[t];
                        sig.exit[t] = c[t - 1] <= b.middle[t - 1] && c[t] > b.middle[t];
                    }
                }
                sig
            }
            Kind::BuyAndHold => {
                let mut sig = Signals::new(n);
                if n > 0 {
                    sig.entry[0] = true;
                }
                sig
            }
        }
    }
}

/// Per bar: whether the strategy wants in (entry) or out (exit).
#[derive(Clone, Debug, PartialEq)]
pub struct Signals {
    pub entry: Vec<bool>,
    pub exit: Vec<bool>,
}

impl Signals {
    fn new(n: usize) -> Self {
        Self { entry: vec![false; n], exit: vec![false; n] }
    }
}

/// Entry and exit signals of an SMA cross that orders every bar as [`ta::sma_windowed`] does,
/// in one O(n) pass: running sums, except on bars where the two averages are within 1e-9 of
/// each other (far above a running sum's rounding error, ~1e-13), which are recomputed window
/// by window — only such near-ties can be ordered differently by the two ways of summing.
pub fn sma_cross_signals(c: &[f64], fast: usize, slow: usize) -> Signals {
    let n = c.len();
    let mut sig = Signals::new(n);
    if fast == 0 || slow == 0 || n < fast.max(slow) {
        return sig;
    }
    let (pf, ps) = (fast as f64, slow as f64);
    let (mut sf, mut ss) = (0.0f64, 0.0f64);
    let mut prev: Option<(f64, f64)> = None;
    for t in 0..n {
        sf += c[t];
        ss += c[t];
        if t >= fast {
            sf -= c[t - fast];
        }
        if t >= slow {
            ss -= c[t - slow];
        }
        if t + 1 < fast.max(slow) {
            continue;
        }
        let (mut a, mut b) = (sf / pf, ss / ps);
        if (a - b).abs() <= 1e-9 * a.abs().max(b.abs()) {
            a = c[t + 1 - fast..=t].iter().sum::<f64>() / pf;
            b = c[t + 1 - slow..=t].iter().sum::<f64>() / ps;
        }
        if let Some((pa, pb)) = prev {
            sig.entry[t] = pa < pb && a > b;
            sig.exit[t] = pb < pa && b > a;
        }
        prev = Some((a, b));
    }
    sig
}

/// Entry when `a` crosses above `b` (a[t-1] < b[t-1] and a[t] > b[t], strict), exit when `b`
/// crosses above `a` the same way.
fn crosses(a: &[f64], b: &[f64]) -> Signals {
    let n = a.len();
    let mut sig = Signals::new(n);
    for t in 1..n {
        sig.entry[t] = a[t - 1] < b[t - 1] && a[t] > b[t];
        sig.exit[t] = b[t - 1] < a[t - 1] && b[t] > a[t];
    }
    sig
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two-step reference of [`sma_cross_signals`]: both averages as series, near-ties
    /// recomputed, then [`crosses`].
    fn sma_pair(c: &[f64], fast: usize, slow: usize) -> (Vec<f64>, Vec<f64>) {
        let mut f = ta::sma(c, fast);
        let mut s = ta::sma(c, slow);
        for t in 0..c.len() {
            let (a, b) = (f[t], s[t]);
            if (a - b).abs() <= 1e-9 * a.abs().max(b.abs()) {
                f[t] = c[t + 1 - fast..=t].iter().sum::<f64>() / fast as f64;
                s[t] = c[t + 1 - slow..=t].iter().sum::<f64>() / slow as f64;
            }
        }
        (f, s)
    }

    #[test]
    fn json_and_yaml_specs_read_the_same() {
        let json = r#"{"kind":"rsi_reversion","params":{"period":10,"lower":25},"costs":{"commission":0.001,"sell_tax":0.0018},"direction":"long_short"}"#;
        let yaml = "kind: rsi_reversion\nparams: {period: 10, lower: 25}\ncosts:\n  commission: 0.001\n  sell_tax: 0.0018\ndirection: long_short\n";
        let a = StrategySpec::parse(json).unwrap();
        assert_eq!(a, StrategySpec::parse(yaml).unwrap());
        assert_eq!((a.param("period"), a.param("upper")), (10.0, 70.0), "defaults fill in");
        assert_eq!(a.execution.fill, Fill::NextOpen);
    }

    #[test]
    fn sma_pair_orders_bars_as_the_windowed_sums_do() {
        // Decimal prices make exact ties common; the fast pair must agree with the slow one.
        let mut x = 1234.5f64;
        let closes: Vec<f64> = (0..3000)
            .map(|i| {
                x = (x * 1103515245.0 + 12345.0) % 2147483648.0;
                (100.0 + (x % 400.0) / 100.0 + (i % 7) as f64 * 0.01).round() / 1.0
            })
            .collect();
        for (fast, slow) in [(2, 3), (3, 6), (5, 10), (10, 30)] {
            let (a, b) = sma_pair(&closes, fast, slow);
            let (wa, wb) = (ta::sma_windowed(&closes, fast), ta::sma_windowed(&closes, slow));
            let ties = (0..closes.len()).filter(|&t| wa[t] == wb[t]).count();
            assert!(fast > 3 || ties > 0, "the data must contain exact ties to test anything");
            for t in 0..closes.len() {
                assert_eq!(a[t].partial_cmp(&b[t]), wa[t].partial_cmp(&wb[t]), "bar {t}, {fast}/{slow}");
            }
        }
    }

    #[test]
    fn fused_sma_cross_equals_the_two_step_one() {
        let closes: Vec<f64> =
            (0..2000).map(|i| 100.0 + ((i * 37 % 101) as f64 - 50.0) / 10.0 + (i / 50) as f64).collect();
        for (fast, slow) in [(2, 3), (5, 20), (10, 30), (30, 10), (1, 2)] {
            let (a, b) = sma_pair(&closes, fast, slow);
            assert_eq!(sma_cross_signals(&closes, fast, slow), crosses(&a, &b), "{fast}/{slow}");
        }
    }

    #[test]
    fn bad_specs_name_the_field() {
        let cases = [
            (r#"{"kind":"sma_cross","params":{"fast":30,"slow":10}}"#, "params.fast"),
            (r#"{"kind":"sma_cross","params":{"fats":3}}"#, "params.fats"),
            (r#"{"kind":"sma_cross","params":{"fast":2.5}}"#, "params.fast"),
            (r#"{"kind":"rsi_reversion","params":{"lower":80}}"#, "params.lower"),
            (r#"{"kind":"buy_and_hold","costs":{"commission":-1}}"#, "costs.commission"),
            (r#"{"kind":"buy_and_hold","execution":{"fraction":0}}"#, "execution.fraction"),
            (r#"{"kind":"buy_and_hold","initial_cash":0}"#, "initial_cash"),
            (r#"{"kind":"moon_phase"}"#, "unknown variant"),
            (r#"{"kind":"buy_and_hold","colour":"red"}"#, "colour"),
        ];
        for (text, want) in cases {
            let err = StrategySpec::parse(text).unwrap_err().to_string();
            assert!(err.contains(want), "{text}: {err}");
        }
    }
}
