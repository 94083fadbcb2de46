//! Dollar budgets per user and per service, per UTC day and calendar month, enforced by
//! reservation: before a call goes upstream it reserves its largest possible cost; a call is
//! admitted only while spent + reserved is below the budget, so whatever the concurrency the
//! total charged exceeds a budget by at most one reservation. The real cost settles the
//! reservation; a call that fails releases it. Counters live in this process and are seeded from
//! the ledger at start-up, so a restart forgets nothing already billed.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use quantai_core::config::BudgetSettings;
use quantai_core::money::Cost;
use rust_decimal::Decimal;
use time::OffsetDateTime;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    User,
    Service,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Period {
    Day,
    Month,
}

/// The window a moment falls in, and when it ends.
fn window(p: Period, t: OffsetDateTime) -> (String, OffsetDateTime) {
    let d = t.date();
    match p {
        Period::Day => {
            let next = d.next_day().unwrap_or(d).midnight().assume_utc();
            (format!("{d}"), next)
        }
        Period::Month => {
            let (y, m) = (d.year(), d.month());
            let (ny, nm) = if m == time::Month::December { (y + 1, time::Month::January) } else { (y, m.next()) };
            let next = time::Date::from_calendar_date(ny, nm, 1).unwrap_or(d).midnight().assume_utc();
            (format!("{y:04}-{:02}", u8::from(m)), next)
        }
    }
}

#[derive(Default)]
struct Counter {
    window: String,
    spent: i128,
    reserved: i128,
}

/// A refusal: which budget, and when it resets.
#[derive(Clone, Debug, PartialEq)]
pub struct Exceeded {
    pub what: String,
    pub resets_at: OffsetDateTime,
}

type Key = (Scope, Period, String);

struct State {
    counters: Mutex<HashMap<Key, Counter>>,
}

/// The budget book of one process.
pub struct Budgets {
    limits: Vec<(Scope, Period, i128)>,
    state: Arc<State>,
}

/// An amount held against every budget of one call; settle it with the real cost, or drop it to
/// release it.
pub struct Reservation {
    state: Arc<State>,
    keys: Vec<(Key, String)>,
    amount: i128,
    settled: bool,
}

fn picos(usd: Decimal) -> i128 {
    (usd * Decimal::from(1_000_000_000_000u64)).trunc().mantissa()
}

impl Budgets {
    pub fn new(cfg: &BudgetSettings) -> Self {
        let mut limits = Vec::new();
        for (scope, period, usd) in [
            (Scope::User, Period::Day, cfg.user_daily_usd),
            (Scope::User, Period::Month, cfg.user_monthly_usd),
            (Scope::Service, Period::Day, cfg.service_daily_usd),
            (Scope::Service, Period::Month, cfg.service_monthly_usd),
        ] {
            if usd > Decimal::ZERO {
                limits.push((scope, period, picos(usd)));
            }
        }
        Self { limits, state: Arc::new(State { counters: Mutex::new(HashMap::new()) }) }
    }

    pub fn enabled(&self) -> bool {
        !self.limits.is_empty()
    }

    /// Adds cost already in the ledger for the current window (start-up).
    pub fn seed(&self, scope: Scope, period: Period, name: &str, spent: Cost, now: OffsetDateTime) {
        let (w, _) = window(period, now);
        if let Ok(mut map) = self.state.counters.lock() {
            let c = map.entry((scope, period, name.to_string())).or_default();
            if c.window != w {
                *c = Counter { window: w, ..Default::default() };
            }
            c.spent += spent.picos();
        }
    }

    /// Reserves `amount` against every budget of `user` and `service`.
    pub fn reserve(
        &self,
        user: &str,
        service: &str,
        amount: Cost,
        now: OffsetDateTime,
    ) -> Result<Reservation, Exceeded> {
        let Ok(mut map) = self.state.counters.lock() else {
            return Err(Exceeded { what: "budget book unavailable".into(), resets_at: now });
        };
        let mut keys = Vec::new();
        for &(scope, period, limit) in &self.limits {
            let name = if scope == Scope::User { user } else { service };
            let (w, ends) = window(period, now);
            let key = (scope, period, name.to_string());
            let c = map.entry(key.clone()).or_default();
            if c.window != w {
                *c = Counter { window: w.clone(), ..Default::default() };
            }
            if c.spent + c.reserved >= limit {
                let what = format!(
                    "{} budget of {} {name:?} (${}) is used up",
                    if period == Period::Day { "daily" } else { "monthly" },
                    if scope == Scope::User { "user" } else { "service" },
                    Cost::from_picos(limit)
                );
                return Err(Exceeded { what, resets_at: ends });
            }
            keys.push((key, w));
        }
        for (key, _) in &keys {
            if let Some(c) = map.get_mut(key) {
                c.reserved += amount.picos();
            }
        }
        Ok(Reservation { state: self.state.clone(), keys, amount: amount.picos(), settled: false })
    }

    /// Spent in the current window (tests, reports).
    pub fn spent(&self, scope: Scope, period: Period, name: &str) -> Cost {
        let map = self.state.counters.lock();
        Cost::from_picos(map.ok().and_then(|m| m.get(&(scope, period, name.to_string())).map(|c| c.spent)).unwrap_or(0))
    }
}

impl Reservation {
    /// Replaces the reservation with the real cost.
    pub fn settle(mut self, actual: Cost) {
        self.finish(actual.picos());
    }

    fn finish(&mut self, actual: i128) {
        if self.settled {
            return;
        }
        self.settled = true;
        if let Ok(mut map) = self.state.counters.lock() {
            for (key, w) in &self.keys {
                if let Some(c) = map.get_mut(key) {
                    // A window that rolled over while the call ran starts fresh: the cost lands in it.
                    if &c.window == w {
                        c.reserved -= self.amount;
                    }
                    c.spent += actual;
                }
            }
        }
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        self.finish(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn cfg(user_daily: &str) -> BudgetSettings {
        BudgetSettings { user_daily_usd: Decimal::from_str(user_daily).unwrap(), ..Default::default() }
    }

    #[test]
    fn admits_while_below_and_settles_real_cost() {
        let b = Budgets::new(&cfg("0.00001")); // 10,000,000 picos
        let now = OffsetDateTime::UNIX_EPOCH + time::Duration::days(20_000);
        let r1 = b.reserve("u", "s", Cost::from_picos(6_000_000), now).unwrap();
        let r2 = b.reserve("u", "s", Cost::from_picos(6_000_000), now).unwrap(); // 6M < 10M: admitted
        let e = b.reserve("u", "s", Cost::from_picos(1), now).err().unwrap(); // 12M reserved
        assert!(e.what.contains("daily budget of user \"u\""), "{}", e.what);
        assert_eq!(e.resets_at, (now + time::Duration::days(1)).date().midnight().assume_utc());
        r1.settle(Cost::from_picos(4_000_000));
        drop(r2); // failed call: released
        assert_eq!(b.spent(Scope::User, Period::Day, "u").picos(), 4_000_000);
        assert!(b.reserve("u", "s", Cost::from_picos(1), now).is_ok());
        // Another user is unaffected; a new day starts from zero.
        assert!(b.reserve("v", "s", Cost::from_picos(1), now).is_ok());
        b.seed(Scope::User, Period::Day, "w", Cost::from_picos(10_000_000), now);
        assert!(b.reserve("w", "s", Cost::from_picos(1), now).is_err());
        assert!(b.reserve("w", "s", Cost::from_picos(1), now + time::Duration::days(1)).is_ok());
    }

    #[test]
    fn month_windows() {
        let t = time::macros::datetime!(2026-12-31 23:59 UTC);
        assert_eq!(window(Period::Month, t), ("2026-12".to_string(), time::macros::datetime!(2027-01-01 0:00 UTC)));
        assert_eq!(window(Period::Day, t).1, time::macros::datetime!(2027-01-01 0:00 UTC));
    }
}
