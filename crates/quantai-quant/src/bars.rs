//! Daily OHLCV bars and their validation. A file is read whole and every row is checked: dates
//! parse and ascend with no duplicate, prices are finite and positive, high ≥ max(open, close),
//! low ≤ min(open, close), volume ≥ 0. Each bad row is reported with its line number and reason.

use std::fmt;

use serde::{Deserialize, Serialize};
use time::Date;

use crate::{date, Market};

/// One daily bar.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Bar {
    #[serde(with = "crate::date::serde_iso")]
    #[schema(value_type = String, format = Date)]
    pub date: Date,
    pub open: f64,
    pub high: f64,
    pub low: f64,
    pub close: f64,
    pub volume: f64,
    /// Split- and dividend-adjusted close, when the source knows it.
    pub adj_close: Option<f64>,
}

/// The bars of one symbol, as columns (what indicators and the backtest engine read).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Series {
    pub symbol: String,
    pub market: Option<Market>,
    pub dates: Vec<Date>,
    pub open: Vec<f64>,
    pub high: Vec<f64>,
    pub low: Vec<f64>,
    pub close: Vec<f64>,
    pub volume: Vec<f64>,
    pub adj_close: Vec<Option<f64>>,
}

impl Series {
    pub fn from_bars(symbol: &str, market: Option<Market>, bars: &[Bar]) -> Self {
        let mut s = Series { symbol: symbol.to_string(), market, ..Default::default() };
        for b in bars {
            s.dates.push(b.date);
            s.open.push(b.open);
            s.high.push(b.high);
            s.low.push(b.low);
            s.close.push(b.close);
            s.volume.push(b.volume);
            s.adj_close.push(b.adj_close);
        }
        s
    }

    pub fn len(&self) -> usize {
        self.dates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }

    pub fn bar(&self, i: usize) -> Bar {
        Bar {
            date: self.dates[i],
            open: self.open[i],
            high: self.high[i],
            low: self.low[i],
            close: self.close[i],
            volume: self.volume[i],
            adj_close: self.adj_close[i],
        }
    }

    /// The bars dated within `[from, to]` (either bound open).
    pub fn slice(&self, from: Option<Date>, to: Option<Date>) -> Series {
        let lo = from.map_or(0, |f| self.dates.partition_point(|d| *d < f));
        let hi = to.map_or(self.len(), |t| self.dates.partition_point(|d| *d <= t));
        let hi = hi.max(lo);
        Series {
            symbol: self.symbol.clone(),
            market: self.market,
            dates: self.dates[lo..hi].to_vec(),
            open: self.open[lo..hi].to_vec(),
            high: self.high[lo..hi].to_vec(),
            low: self.low[lo..hi].to_vec(),
            close: self.close[lo..hi].to_vec(),
            volume: self.volume[lo..hi].to_vec(),
            adj_close: self.adj_close[lo..hi].to_vec(),
        }
    }
}

/// A row that failed validation.
#[derive(Clone, Debug, PartialEq, Serialize, utoipa::ToSchema)]
pub struct BadRow {
    /// 1-based line number in the file (the header is line 1).
    pub line: usize,
    pub reason: String,
    /// The row as it was in the file.
    pub text: String,
}

impl fmt::Display for BadRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.reason)
    }
}

/// A file that cannot be read as OHLCV at all (its header), or whose rows failed.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum CsvError {
    #[error("the file is empty: expected a header line with date,open,high,low,close,volume")]
    Empty,
    #[error("the header lacks column {0:?} (needs date, open, high, low, close, volume; adj_close optional)")]
    MissingColumn(&'static str),
    #[error("the header names column {0:?} twice")]
    DuplicateColumn(String),
}

/// Why a row or bar was refused, naming the field and the value at fault.
#[derive(Debug, Clone, thiserror::Error, PartialEq)]
pub enum BarError {
    #[error("{0} is missing")]
    Missing(&'static str),
    #[error("date {0:?} is not a date (YYYY-MM-DD)")]
    NotADate(String),
    #[error("{field} {text:?} is not a number")]
    NotANumber { field: &'static str, text: String },
    #[error("{field} is {value}, not a finite number")]
    NotFinite { field: &'static str, value: String },
    #[error("{field} is negative ({value})")]
    Negative { field: &'static str, value: f64 },
    #[error("high {high} is below max(open {open}, close {close})")]
    HighBelowBody { high: f64, open: f64, close: f64 },
    #[error("low {low} is above min(open {open}, close {close})")]
    LowAboveBody { low: f64, open: f64, close: f64 },
    #[error("duplicate date {0}")]
    DuplicateDate(String),
    #[error("date {date} is before the previous row's {previous}")]
    OutOfOrder { date: String, previous: String },
}

/// What parsing found: the good bars in order, and every bad row.
#[derive(Debug, Default)]
pub struct Parsed {
    pub bars: Vec<Bar>,
    pub bad: Vec<BadRow>,
}

const REQUIRED: [&str; 6] = ["date", "open", "high", "low", "close", "volume"];

/// Parses and validates an OHLCV CSV (`date,open,high,low,close,volume[,adj_close]` in any
/// column order; other columns are ignored). Rows are checked one by one; a row out of order
/// or duplicating a date is judged against the last good row.
pub fn parse_csv(text: &str) -> Result<Parsed, CsvError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let (_, header) = lines.next().ok_or(CsvError::Empty)?;
    let names: Vec<String> = split(header).map(|h| h.to_ascii_lowercase()).collect();
    for (i, n) in names.iter().enumerate() {
        if names[..i].contains(n) {
            return Err(CsvError::DuplicateColumn(n.clone()));
        }
    }
    let col = |name: &'static str| names.iter().position(|n| n == name);
    let mut idx = [0usize; 6];
    for (k, name) in REQUIRED.iter().enumerate() {
        idx[k] = col(name).ok_or(CsvError::MissingColumn(name))?;
    }
    let adj = col("adj_close").or_else(|| col("adj close")).or_else(|| col("adjusted_close"));
    let mut out = Parsed::default();
    for (n, line) in lines {
        let line_no = n + 1;
        match parse_row(line, &idx, adj, out.bars.last()) {
            Ok(bar) => out.bars.push(bar),
            Err(reason) => out.bad.push(BadRow { line: line_no, reason: reason.to_string(), text: line.to_string() }),
        }
    }
    Ok(out)
}

fn split(line: &str) -> impl Iterator<Item = String> + '_ {
    line.split(',').map(|f| f.trim().trim_matches('"').trim().to_string())
}

fn parse_row(line: &str, idx: &[usize; 6], adj: Option<usize>, prev: Option<&Bar>) -> Result<Bar, BarError> {
    let fields: Vec<String> = split(line).collect();
    let get = |i: usize, name: &'static str| -> Result<&str, BarError> {
        fields.get(i).map(String::as_str).filter(|s| !s.is_empty()).ok_or(BarError::Missing(name))
    };
    let d = get(idx[0], "date")?;
    let date = date::parse(d).map_err(|_| BarError::NotADate(d.to_string()))?;
    let num = |i: usize, name: &'static str| -> Result<f64, BarError> {
        let s = get(i, name)?;
        let v: f64 = s.parse().map_err(|_| BarError::NotANumber { field: name, text: s.to_string() })?;
        if !v.is_finite() {
            return Err(BarError::NotFinite { field: name, value: s.to_string() });
        }
        Ok(v)
    };
    let (open, high, low, close, volume) = (
        num(idx[1], "open")?,
        num(idx[2], "high")?,
        num(idx[3], "low")?,
        num(idx[4], "close")?,
        num(idx[5], "volume")?,
    );
    let adj_close = match adj.and_then(|i| fields.get(i)).filter(|s| !s.is_empty()) {
        None => None,
        Some(_) => Some(num(adj.unwrap_or_default(), "adj_close")?),
    };
    let bar = Bar { date, open, high, low, close, volume, adj_close };
    check_bar(&bar, prev)?;
    Ok(bar)
}

/// The rules every bar obeys, wherever it came from: finite values, non-negative OHLCV,
/// high ≥ max(open, close), low ≤ min(open, close), and a date after `prev`'s.
pub fn check_bar(b: &Bar, prev: Option<&Bar>) -> Result<(), BarError> {
    let fields = [("open", b.open), ("high", b.high), ("low", b.low), ("close", b.close), ("volume", b.volume)];
    for (name, v) in fields.into_iter().chain(b.adj_close.map(|a| ("adj_close", a))) {
        if !v.is_finite() {
            return Err(BarError::NotFinite { field: name, value: v.to_string() });
        }
        if v < 0.0 && name != "adj_close" {
            return Err(BarError::Negative { field: name, value: v });
        }
    }
    let (open, high, low, close) = (b.open, b.high, b.low, b.close);
    if high < open.max(close) {
        return Err(BarError::HighBelowBody { high, open, close });
    }
    if low > open.min(close) {
        return Err(BarError::LowAboveBody { low, open, close });
    }
    if let Some(p) = prev {
        if b.date == p.date {
            return Err(BarError::DuplicateDate(date::iso(b.date)));
        }
        if b.date < p.date {
            return Err(BarError::OutOfOrder { date: date::iso(b.date), previous: date::iso(p.date) });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "date,open,high,low,close,volume,adj_close\n\
        2024-01-02,10,11,9.5,10.5,1000,10.4\n\
        2024-01-03,10.5,10.8,10.1,10.2,0,\n";

    #[test]
    fn good_rows_parse_in_order() {
        let p = parse_csv(GOOD).unwrap();
        assert!(p.bad.is_empty(), "{:?}", p.bad);
        assert_eq!(p.bars.len(), 2);
        assert_eq!(p.bars[0].adj_close, Some(10.4));
        assert_eq!(p.bars[1].adj_close, None);
        assert_eq!(p.bars[1].volume, 0.0);
    }

    #[test]
    fn each_bad_row_is_named_with_its_line() {
        let text = "date,open,high,low,close,volume\n\
            2024-01-02,10,11,9.5,10.5,1000\n\
            2024-01-02,10,11,9.5,10.5,1000\n\
            2024-01-01,10,11,9.5,10.5,1000\n\
            2024-01-04,10,10.2,9.5,10.5,1000\n\
            2024-01-05,10,11,10.1,10.5,1000\n\
            2024-01-06,10,11,9.5,NaN,1000\n\
            2024-01-07,10,11,9.5,inf,1000\n\
            2024-01-08,10,11,9.5,10.5,-1\n\
            2024-13-09,10,11,9.5,10.5,1\n\
            2024-01-10,ten,11,9.5,10.5,1\n\
            2024-01-11,10,11,9.5,10.5\n\
            2024-01-12,10,11,9.5,10.5,5\n";
        let p = parse_csv(text).unwrap();
        let got: Vec<(usize, &str)> = p.bad.iter().map(|b| (b.line, b.reason.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (3, "duplicate date 2024-01-02"),
                (4, "date 2024-01-01 is before the previous row's 2024-01-02"),
                (5, "high 10.2 is below max(open 10, close 10.5)"),
                (6, "low 10.1 is above min(open 10, close 10.5)"),
                (7, "close is NaN, not a finite number"),
                (8, "close is inf, not a finite number"),
                (9, "volume is negative (-1)"),
                (10, "date \"2024-13-09\" is not a date (YYYY-MM-DD)"),
                (11, "open \"ten\" is not a number"),
                (12, "volume is missing"),
            ]
        );
        assert_eq!(p.bars.len(), 2);
        assert_eq!(date::iso(p.bars[1].date), "2024-01-12");
    }

    #[test]
    fn header_problems_are_named() {
        assert_eq!(parse_csv("").unwrap_err(), CsvError::Empty);
        assert_eq!(parse_csv("date,open,high,low,close\n").unwrap_err(), CsvError::MissingColumn("volume"));
        assert_eq!(
            parse_csv("date,open,open,high,low,close,volume\n").unwrap_err(),
            CsvError::DuplicateColumn("open".into())
        );
    }

    #[test]
    fn columns_in_any_order_and_bom_and_crlf() {
        let text = "\u{feff}Close,Date,Volume,Open,High,Low\r\n10.5,2024-01-02,100,10,11,9\r\n";
        let p = parse_csv(text).unwrap();
        assert!(p.bad.is_empty(), "{:?}", p.bad);
        assert_eq!(p.bars[0].close, 10.5);
        assert_eq!(p.bars[0].low, 9.0);
    }

    #[test]
    fn slicing_by_dates() {
        let p = parse_csv(GOOD).unwrap();
        let s = Series::from_bars("X", None, &p.bars);
        let d = date::parse("2024-01-03").unwrap();
        assert_eq!(s.slice(Some(d), None).len(), 1);
        assert_eq!(s.slice(None, Some(d)).len(), 2);
        assert_eq!(s.slice(Some(d), Some(date::parse("2024-01-02").unwrap())).len(), 0);
    }
}
