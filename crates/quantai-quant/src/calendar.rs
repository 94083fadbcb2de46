//! Trading calendars. KRX is data: the weekday holidays 2000–2030 in `data/xkrx_holidays.csv`
//! (from exchange-calendars). NYSE follows its published rules (New Year, Martin Luther King
//! Jr. Day, Washington's Birthday, Good Friday, Memorial Day, Juneteenth from 2022,
//! Independence Day, Labor Day, Thanksgiving, Christmas, with weekend observance) plus the
//! unscheduled closures since 1994. A trading day is a weekday that is not a holiday.

use std::collections::HashSet;
use std::sync::OnceLock;

use time::{Date, Duration, Month, Weekday};

use crate::{date, Market};

const KRX_HOLIDAYS: &str = include_str!("../data/xkrx_holidays.csv");

/// Unscheduled NYSE closures (national days of mourning, 9/11, Hurricane Sandy).
const NYSE_SPECIAL: [&str; 11] = [
    "1994-04-27",
    "2001-09-11",
    "2001-09-12",
    "2001-09-13",
    "2001-09-14",
    "2004-06-11",
    "2007-01-02",
    "2012-10-29",
    "2012-10-30",
    "2018-12-05",
    "2025-01-09",
];

/// The years the KRX list covers; outside them only weekends are known.
pub const KRX_YEARS: (i32, i32) = (2000, 2030);

fn krx() -> &'static HashSet<Date> {
    static SET: OnceLock<HashSet<Date>> = OnceLock::new();
    SET.get_or_init(|| KRX_HOLIDAYS.lines().skip(1).filter_map(|l| date::parse(l).ok()).collect())
}

/// A market's calendar.
#[derive(Clone, Copy, Debug)]
pub struct Calendar {
    market: Market,
}

impl Calendar {
    pub fn new(market: Market) -> Self {
        Self { market }
    }

    pub fn is_holiday(&self, d: Date) -> bool {
        match self.market {
            Market::Krx => krx().contains(&d),
            Market::Us => nyse_holiday(d),
        }
    }

    pub fn is_trading_day(&self, d: Date) -> bool {
        !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) && !self.is_holiday(d)
    }

    /// Trading days in `[from, to]`.
    pub fn trading_days(&self, from: Date, to: Date) -> Vec<Date> {
        let mut out = Vec::new();
        let mut d = from;
        while d <= to {
            if self.is_trading_day(d) {
                out.push(d);
            }
            d += Duration::days(1);
        }
        out
    }
}

fn nth_weekday(year: i32, month: Month, weekday: Weekday, n: u8) -> Option<Date> {
    let first = Date::from_calendar_date(year, month, 1).ok()?;
    let offset = (7 + weekday.number_days_from_monday() as i64 - first.weekday().number_days_from_monday() as i64) % 7;
    Some(first + Duration::days(offset + 7 * (i64::from(n) - 1)))
}

fn last_weekday(year: i32, month: Month, weekday: Weekday) -> Option<Date> {
    let next = if month == Month::December {
        Date::from_calendar_date(year + 1, Month::January, 1).ok()?
    } else {
        Date::from_calendar_date(year, month.next(), 1).ok()?
    };
    let last = next - Duration::days(1);
    let back = (7 + last.weekday().number_days_from_monday() as i64 - weekday.number_days_from_monday() as i64) % 7;
    Some(last - Duration::days(back))
}

/// Easter Sunday (Gregorian; the anonymous algorithm).
fn easter(year: i32) -> Option<Date> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::from_calendar_date(year, Month::try_from(month as u8).ok()?, day as u8).ok()
}

/// A fixed-date holiday observed on Friday when on Saturday and Monday when on Sunday.
fn observed(year: i32, month: Month, day: u8) -> Option<Date> {
    let d = Date::from_calendar_date(year, month, day).ok()?;
    Some(match d.weekday() {
        Weekday::Saturday => d - Duration::days(1),
        Weekday::Sunday => d + Duration::days(1),
        _ => d,
    })
}

fn nyse_holiday(d: Date) -> bool {
    let y = d.year();
    // New Year's Day: a Saturday New Year is not observed on the Friday before.
    if let Ok(ny) = Date::from_calendar_date(y, Month::January, 1) {
        let obs = if ny.weekday() == Weekday::Sunday { ny + Duration::days(1) } else { ny };
        if d == obs && obs.weekday() != Weekday::Saturday {
            return true;
        }
    }
    let mut days = vec![
        nth_weekday(y, Month::February, Weekday::Monday, 3),
        easter(y).map(|e| e - Duration::days(2)),
        last_weekday(y, Month::May, Weekday::Monday),
        observed(y, Month::July, 4),
        nth_weekday(y, Month::September, Weekday::Monday, 1),
        nth_weekday(y, Month::November, Weekday::Thursday, 4),
        observed(y, Month::December, 25),
    ];
    if y >= 1998 {
        days.push(nth_weekday(y, Month::January, Weekday::Monday, 3));
    }
    if y >= 2022 {
        days.push(observed(y, Month::June, 19));
    }
    if days.into_iter().flatten().any(|h| h == d) {
        return true;
    }
    NYSE_SPECIAL.iter().any(|s| date::parse(s).ok() == Some(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        date::parse(s).unwrap()
    }

    #[test]
    fn nyse_known_holidays_and_trading_days() {
        let c = Calendar::new(Market::Us);
        for h in [
            "2024-01-01",
            "2024-01-15",
            "2024-02-19",
            "2024-03-29",
            "2024-05-27",
            "2024-06-19",
            "2024-07-04",
            "2024-09-02",
            "2024-11-28",
            "2024-12-25",
            "2021-12-24", // Christmas on a Saturday
            "2022-06-20", // Juneteenth on a Sunday
            "2012-10-29",
            "2001-09-11",
        ] {
            assert!(!c.is_trading_day(d(h)), "{h} should be closed");
        }
        for t in ["2021-12-31", "2024-12-24", "2021-06-18", "2024-11-29", "2011-12-30"] {
            assert!(c.is_trading_day(d(t)), "{t} should be open");
        }
        assert_eq!(easter(2024), Some(d("2024-03-31")));
        assert_eq!(easter(2000), Some(d("2000-04-23")));
    }

    #[test]
    fn krx_holidays_come_from_the_data_file() {
        let c = Calendar::new(Market::Krx);
        assert_eq!(krx().len(), 449);
        assert!(!c.is_trading_day(d("2000-02-04")));
        assert!(c.is_trading_day(d("2000-02-07")));
        assert!(!c.is_trading_day(d("2000-02-05")), "Saturday");
        assert_eq!(c.trading_days(d("2000-02-03"), d("2000-02-08")).len(), 3);
    }
}
