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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Market {
    #[serde(rename = "KRX")]
    Krx,
    #[serde(rename = "US")]
    Us,
}

impl Market {
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
