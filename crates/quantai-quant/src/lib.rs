//! quantai-quant: the quant engine's computations, with no I/O — OHLCV validation and data
//! checks, trading calendars (KRX from data, NYSE from its rules), indicators equal to TA-Lib,
//! strategies as data, the backtest engine and its KPIs — pure functions of their inputs — and
//! [`service`], the one I/O module: market data and backtests over `quantai-store`.

pub mod backtest;
pub mod bars;
pub mod calendar;
pub mod chart;
pub mod check;
pub mod date;
pub mod indicators;
pub mod kpi;
pub mod service;
pub mod strategy;
pub mod sweep;

use serde::{Deserialize, Serialize};

/// The exchange a symbol trades on; it decides the calendar (and the KRX sell tax).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, utoipa::ToSchema)]
pub enum Market {
    #[serde(rename = "KRX")]
    Krx,
    #[serde(rename = "US")]
    Us,
}

impl Market {
    /// The market a symbol is taken to trade on when none is named: KRX for six-digit codes
    /// (`005930`), US otherwise. The CLI and the API both default through this.
    pub fn for_symbol(symbol: &str) -> Market {
        if symbol.len() == 6 && symbol.bytes().all(|b| b.is_ascii_digit()) {
            Market::Krx
        } else {
            Market::Us
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Market::Krx => "KRX",
            Market::Us => "US",
        }
    }
}

impl std::str::FromStr for Market {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_uppercase().as_str() {
            "KRX" | "KOSPI" | "KOSDAQ" => Ok(Market::Krx),
            "US" | "NYSE" | "NASDAQ" => Ok(Market::Us),
            _ => Err(format!("market {s:?} is not KRX or US")),
        }
    }
}

#[cfg(test)]
mod market_tests {
    use super::Market;

    #[test]
    fn six_digit_codes_default_to_krx_and_the_rest_to_us() {
        assert_eq!(Market::for_symbol("005930"), Market::Krx);
        assert_eq!(Market::for_symbol("AAPL"), Market::Us);
        assert_eq!(Market::for_symbol("A005930"), Market::Us);
        assert_eq!(Market::for_symbol("12345"), Market::Us);
        assert_eq!(Market::for_symbol("0059300"), Market::Us);
    }
}
