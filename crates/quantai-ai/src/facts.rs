//! The facts a narrative may state: a backtest's KPIs, period, money and parameters, plus the
//! numbers derived from them (excess over buy-and-hold, the multiple of capital, net profit,
//! the period's length). Rates are fractions (0.125 = 12.5 %).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Date;

/// One backtest's facts, as the fact check reads them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// The instrument's name as a report writes it; numbers inside it ("KODEX 200") are not
    /// checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub params: BTreeMap<String, f64>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "iso_date")]
    pub start: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none", with = "iso_date")]
    pub end: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub initial_cash: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_equity: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_return: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cagr: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sharpe: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sortino: Option<f64>,
    /// Either sign; a drawdown is compared by magnitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_drawdown: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volatility: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub win_rate: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trades: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profit_factor: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exposure: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buy_hold_return: Option<f64>,
}

/// What a number states: the fact keys and the derived quantities.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kpi {
    TotalReturn,
    Cagr,
    BuyHoldReturn,
    ExcessReturn,
    MaxDrawdown,
    Volatility,
    WinRate,
    Exposure,
    Sharpe,
    Sortino,
    ProfitFactor,
    Trades,
    InitialCash,
    FinalEquity,
    NetProfit,
    EquityMultiple,
    Start,
    End,
    Years,
    Param,
}

impl Kpi {
    pub fn name(self) -> &'static str {
        match self {
            Kpi::TotalReturn => "total_return",
            Kpi::Cagr => "cagr",
            Kpi::BuyHoldReturn => "buy_hold_return",
            Kpi::ExcessReturn => "excess_return",
            Kpi::MaxDrawdown => "max_drawdown",
            Kpi::Volatility => "volatility",
            Kpi::WinRate => "win_rate",
            Kpi::Exposure => "exposure",
            Kpi::Sharpe => "sharpe",
            Kpi::Sortino => "sortino",
            Kpi::ProfitFactor => "profit_factor",
            Kpi::Trades => "trades",
            Kpi::InitialCash => "initial_cash",
            Kpi::FinalEquity => "final_equity",
            Kpi::NetProfit => "net_profit",
            Kpi::EquityMultiple => "equity_multiple",
            Kpi::Start => "start",
            Kpi::End => "end",
            Kpi::Years => "years",
            Kpi::Param => "params",
        }
    }

    /// Rates shown in percent.
    pub fn is_rate(self) -> bool {
        matches!(
            self,
            Kpi::TotalReturn
                | Kpi::Cagr
                | Kpi::BuyHoldReturn
                | Kpi::MaxDrawdown
                | Kpi::Volatility
                | Kpi::WinRate
                | Kpi::Exposure
        )
    }

    /// Ratios shown as plain numbers.
    pub fn is_ratio(self) -> bool {
        matches!(self, Kpi::Sharpe | Kpi::Sortino | Kpi::ProfitFactor)
    }

    pub fn is_money(self) -> bool {
        matches!(self, Kpi::InitialCash | Kpi::FinalEquity | Kpi::NetProfit)
    }

    /// Whose sign a text must carry (as a sign or a direction word).
    pub fn signed(self) -> bool {
        matches!(self, Kpi::TotalReturn | Kpi::Cagr | Kpi::BuyHoldReturn | Kpi::ExcessReturn)
    }
}

impl Facts {
    /// The value of a KPI in fact units, derived where needed.
    pub fn value(&self, kpi: Kpi) -> Option<f64> {
        match kpi {
            Kpi::TotalReturn => self.total_return.or_else(|| Some(self.final_equity? / self.initial_cash? - 1.0)),
            Kpi::Cagr => self.cagr,
            Kpi::BuyHoldReturn => self.buy_hold_return,
            Kpi::ExcessReturn => Some(self.value(Kpi::TotalReturn)? - self.buy_hold_return?),
            Kpi::MaxDrawdown => self.max_drawdown.map(f64::abs),
            Kpi::Volatility => self.volatility,
            Kpi::WinRate => self.win_rate,
            Kpi::Exposure => self.exposure,
            Kpi::Sharpe => self.sharpe,
            Kpi::Sortino => self.sortino,
            Kpi::ProfitFactor => self.profit_factor,
            Kpi::Trades => self.trades,
            Kpi::InitialCash => self.initial_cash,
            Kpi::FinalEquity => self.final_equity.or_else(|| Some(self.initial_cash? * (1.0 + self.total_return?))),
            Kpi::NetProfit => Some(self.value(Kpi::FinalEquity)? - self.initial_cash?),
            Kpi::EquityMultiple => self
                .final_equity
                .zip(self.initial_cash)
                .map(|(f, i)| f / i)
                .or_else(|| self.total_return.map(|r| 1.0 + r)),
            Kpi::Years => {
                let (s, e) = (self.start?, self.end?);
                Some((e - s).whole_days() as f64 / 365.25)
            }
            Kpi::Start | Kpi::End | Kpi::Param => None,
        }
    }

    /// The currency of money amounts: KRW for six-digit KRX codes, USD otherwise.
    pub fn currency(&self) -> &'static str {
        match &self.symbol {
            Some(s) if s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit()) => "KRW",
            _ => "USD",
        }
    }
}

pub(crate) mod iso_date {
    use serde::{Deserialize, Deserializer, Serializer};
    use time::Date;

    const FMT: &[time::format_description::BorrowedFormatItem<'static>] =
        time::macros::format_description!("[year]-[month]-[day]");

    pub fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.serialize_str(&d.format(FMT).map_err(serde::ser::Error::custom)?),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        let s: Option<String> = Option::deserialize(d)?;
        s.map(|s| {
            Date::parse(&s, FMT).map_err(|e| serde::de::Error::custom(format!("date {s:?} is not YYYY-MM-DD: {e}")))
        })
        .transpose()
    }
}
