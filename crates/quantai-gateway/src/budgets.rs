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

/// The window a moment falls in: days since the epoch, or year × 12 + month.
fn window_id(p: Period, t: OffsetDateTime) -> i64 {
    let d = t.date();
    match p {
        Period::Day => t.unix_timestamp().div_euclid(86_400),
        Period::Month => i64::from(d.year()) * 12 + i64::from(u8::from(d.month())) - 1,
    }
}

/// When the window `t` falls in ends.
fn window_end(p: Period, t: OffsetDateTime) -> OffsetDateTime {
    let d = t.date();
    match p {
        Period::Day => d.next_day().unwrap_or(d).midnight().assume_utc(),
        Period::Month => {
            let (y, m) = (d.year(), d.month());
            let (ny, nm) = if m == time::Month::December { (y + 1, time::Month::January) } else { (y, m.next()) };
            time::Date::from_calendar_date(ny, nm, 1).unwrap_or(d).midnight().assume_utc()
        }
    }
}

#[derive(Default)]
struct Counter {
    window: i64,
    spent: i128,
    reserved: i128,
}

/// A name's day and month counters.
#[derive(Default)]
struct Counters([Counter; 2]);

impl Counters {
    fn get(&mut self, p: Period) -> &mut Counter {
        &mut self.0[p as usize]
    }
}

/// A refusal: which budget, and when it resets.
#[derive(Clone, Debug, PartialEq)]
pub struct Exceeded {
    pub what: String,
    pub resets_at: OffsetDateTime,
}

struct State {
    /// Per scope, by name: looked up by `&str`, so a request allocates no key.
    counters: Mutex<[HashMap<String, Counters>; 2]>,
}

#[allow(clippy::expect_used)] // the key is inserted just above when missing
fn entry<'m>(map: &'m mut [HashMap<String, Counters>; 2], scope: Scope, name: &str) -> &'m mut Counters {
    let m = &mut map[scope as usize];
    if !m.contains_key(name) {
        m.insert(name.to_string(), Counters::default());
    }
    m.get_mut(name).expect("inserted above")
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
    keys: Vec<(Scope, Period, String, i64)>,
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
        Self { limits, state: Arc::new(State { counters: Mutex::new([HashMap::new(), HashMap::new()]) }) }
    }

    pub fn enabled(&self) -> bool {
        !self.limits.is_empty()
    }

    /// Adds cost already in the ledger for the current window (start-up).
    pub fn seed(&self, scope: Scope, period: Period, name: &str, spent: Cost, now: OffsetDateTime) {
        let w = window_id(period, now);
        if let Ok(mut map) = self.state.counters.lock() {
            let c = entry(&mut map, scope, name).get(period);
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
        let day = window_id(Period::Day, now);
        let month = window_id(Period::Month, now);
        for &(scope, period, limit) in &self.limits {
            let name = if scope == Scope::User { user } else { service };
            let w = if period == Period::Day { day } else { month };
            let c = entry(&mut map, scope, name).get(period);
            if c.window != w {
                *c = Counter { window: w, ..Default::default() };
            }
            if c.spent + c.reserved >= limit {
                let what = format!(
                    "{} budget of {} {name:?} (${}) is used up",
                    if period == Period::Day { "daily" } else { "monthly" },
                    if scope == Scope::User { "user" } else { "service" },
                    Cost::from_picos(limit)
                );
                return Err(Exceeded { what, resets_at: window_end(period, now) });
            }
        }
        let mut keys = Vec::with_capacity(self.limits.len());
        for &(scope, period, _) in &self.limits {
            let name = if scope == Scope::User { user } else { service };
            let w = if period == Period::Day { day } else { month };
            entry(&mut map, scope, name).get(period).reserved += amount.picos();
            keys.push((scope, period, name.to_string(), w));
        }
        Ok(Reservation { state: self.state.clone(), keys, amount: amount.picos(), settled: false })
    }

    /// Spent in the current window (tests, reports).
    pub fn spent(&self, scope: Scope, period: Period, name: &str) -> Cost {
        let Ok(map) = self.state.counters.lock() else { return Cost::ZERO };
        Cost::from_picos(map[scope as usize].get(name).map(|c| c.0[period as usize].spent).unwrap_or(0))
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
            for (scope, period, name, w) in &self.keys {
                if let Some(cs) = map[*scope as usize].get_mut(name.as_str()) {
                    let c = cs.get(*period);
                    // A window that rolled over while the call ran starts fresh: the cost lands in it.
                    if c.window == *w {
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
        assert_eq!(window_end(Period::Month, t), time::macros::datetime!(2027-01-01 0:00 UTC));
        assert_eq!(window_end(Period::Day, t), time::macros::datetime!(2027-01-01 0:00 UTC));
        assert_eq!(
            window_id(Period::Month, t) + 1,
            window_id(Period::Month, time::macros::datetime!(2027-01-01 0:00 UTC))
        );
        assert_eq!(window_id(Period::Day, t), window_id(Period::Day, time::macros::datetime!(2026-12-31 0:00 UTC)));
    }
}
