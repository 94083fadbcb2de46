//! Dollar budgets per user and per service, per UTC day and calendar month, enforced by
//! reservation: before a call goes upstream it reserves its largest possible cost; a call is
//! admitted only while spent + reserved is below the budget, so whatever the concurrency the
//! total charged exceeds a budget by at most one reservation. The real cost settles the
//! reservation; a call that fails releases it. Counters live in this process and are seeded from
//! the ledger at start-up, so a restart forgets nothing already billed. With `budgets.store =
//! "redis"` the counters live in Redis and one budget holds across replicas.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use quantai_core::config::{BudgetSettings, CounterStore};
use quantai_core::money::Cost;
use rust_decimal::Decimal;
use secrecy::{ExposeSecret, SecretString};
use time::OffsetDateTime;

use crate::lease::AlertFn;
use crate::metrics::{AlertLabels, Metrics};
use crate::shared::Shared;

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
    /// Redis, when the budgets are shared by replicas.
    remote: Option<Arc<Shared>>,
    alerts: Alerts,
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
    /// Swapped whole when an admin changes a budget; read once per call.
    limits: arc_swap::ArcSwap<Vec<(Scope, Period, i128)>>,
    state: Arc<State>,
}

/// One budget a reservation holds: scope, period, name, window and the budget's limit.
struct Held {
    scope: Scope,
    period: Period,
    name: String,
    window: i64,
    limit: i128,
}

/// An amount held against every budget of one call; settle it with the real cost, or drop it to
/// release it.
pub struct Reservation {
    state: Arc<State>,
    held: Vec<Held>,
    amount: i128,
    settled: bool,
}

fn picos(usd: Decimal) -> i128 {
    quantai_core::money::Cost::from_usd(usd).picos()
}

fn scope_name(s: Scope) -> &'static str {
    if s == Scope::User {
        "user"
    } else {
        "service"
    }
}

fn period_name(p: Period) -> &'static str {
    if p == Period::Day {
        "daily"
    } else {
        "monthly"
    }
}

/// How long Redis keeps a window's counters: past its end, so late settlements still land.
fn window_ttl(p: Period) -> u64 {
    if p == Period::Day {
        2 * 86_400
    } else {
        35 * 86_400
    }
}

fn redis_key(r: &Shared, scope: Scope, period: Period, window: i64, name: &str) -> String {
    let s = if scope == Scope::User { "u" } else { "s" };
    let p = if period == Period::Day { "d" } else { "m" };
    r.key(&format!("b:{s}{p}:{window}:{name}"))
}

impl Budgets {
    /// An in-process book whose alerts go to the log and `metrics`.
    pub fn new(cfg: &BudgetSettings) -> Self {
        Self::with_parts(cfg, None, Alerts::new(&cfg.alert_thresholds, None, Arc::new(Metrics::new()), None))
    }

    /// A book in Redis when `cfg.store` says redis (and `shared` is connected), else in memory.
    pub fn with_parts(cfg: &BudgetSettings, shared: Option<Arc<Shared>>, alerts: Alerts) -> Self {
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
        let remote = if cfg.store == CounterStore::Redis { shared } else { None };
        let mut alerts = alerts;
        alerts.shared = remote.clone();
        Self {
            limits: arc_swap::ArcSwap::from_pointee(limits),
            state: Arc::new(State { counters: Mutex::new([HashMap::new(), HashMap::new()]), remote, alerts }),
        }
    }

    pub fn enabled(&self) -> bool {
        !self.limits.load().is_empty()
    }

    /// Adds cost already in the ledger for the current window (start-up). In Redis, only a
    /// window Redis does not know is seeded, so replicas never count the ledger twice.
    pub async fn seed(&self, scope: Scope, period: Period, name: &str, spent: Cost, now: OffsetDateTime) {
        let w = window_id(period, now);
        if let Some(r) = &self.state.remote {
            if let Err(e) = r.seed(&redis_key(r, scope, period, w, name), spent.picos(), window_ttl(period)).await {
                tracing::warn!(error = %e, "budget not seeded from the ledger");
            }
            return;
        }
        if let Ok(mut map) = self.state.counters.lock() {
            let c = entry(&mut map, scope, name).get(period);
            if c.window != w {
                *c = Counter { window: w, ..Default::default() };
            }
            c.spent += spent.picos();
        }
    }

    fn exceeded(&self, i: usize, user: &str, service: &str, now: OffsetDateTime) -> Exceeded {
        let Some(&(scope, period, limit)) = self.limits.load().get(i) else {
            return Exceeded { what: "a budget is used up".into(), resets_at: window_end(Period::Day, now) };
        };
        let name = if scope == Scope::User { user } else { service };
        self.state.alerts.exhausted(scope, period, name, window_id(period, now), limit);
        Exceeded {
            what: format!(
                "{} budget of {} {name:?} (${}) is used up",
                period_name(period),
                scope_name(scope),
                Cost::from_picos(limit)
            ),
            resets_at: window_end(period, now),
        }
    }

    fn held(&self, user: &str, service: &str, now: OffsetDateTime) -> Vec<Held> {
        self.limits
            .load()
            .iter()
            .map(|&(scope, period, limit)| Held {
                scope,
                period,
                name: if scope == Scope::User { user } else { service }.to_string(),
                window: window_id(period, now),
                limit,
            })
            .collect()
    }

    /// Whether the book lives in Redis.
    pub(crate) fn shared(&self) -> bool {
        self.state.remote.is_some()
    }

    /// The Redis windows `(key, limit, lifetime)` a call of `user` for `service` reserves on,
    /// for [`crate::shared::Shared::gate`] (empty in memory).
    pub(crate) fn shared_windows(&self, user: &str, service: &str, now: OffsetDateTime) -> Vec<(String, i128, u64)> {
        let Some(r) = &self.state.remote else { return Vec::new() };
        self.held(user, service, now)
            .iter()
            .map(|h| (redis_key(r, h.scope, h.period, h.window, &h.name), h.limit, window_ttl(h.period)))
            .collect()
    }

    /// The alert hook of window `i` of [`Budgets::shared_windows`]: called with the window's
    /// spent before and after each flush of this replica's settled costs.
    pub(crate) fn alert_hook(&self, user: &str, service: &str, now: OffsetDateTime, i: usize) -> Option<AlertFn> {
        let &(scope, period, limit) = self.limits.load().get(i)?;
        let name = if scope == Scope::User { user } else { service }.to_string();
        let (state, w) = (Arc::downgrade(&self.state), window_id(period, now));
        Some(Arc::new(move |old, new| {
            if let Some(s) = state.upgrade() {
                s.alerts.crossed(scope, period, &name, w, limit, old, new);
            }
        }))
    }

    /// The outcome of a Redis reservation of `amount`: `refused` is the 1-based index of the
    /// refusing window, or 0 when `amount` is now held on every window.
    pub(crate) fn shared_outcome(
        &self,
        user: &str,
        service: &str,
        amount: Cost,
        now: OffsetDateTime,
        refused: usize,
    ) -> Result<Reservation, Exceeded> {
        if let Some(i) = refused.checked_sub(1) {
            return Err(self.exceeded(i, user, service, now));
        }
        let held = self.held(user, service, now);
        Ok(Reservation { state: self.state.clone(), held, amount: amount.picos(), settled: false })
    }

    /// A reservation that holds nothing (budgets not enforced).
    pub(crate) fn nothing_held(&self) -> Reservation {
        Reservation { state: self.state.clone(), held: Vec::new(), amount: 0, settled: false }
    }

    /// Reserves `amount` against every budget of `user` and `service` (memory store).
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
        let limits = self.limits.load();
        for (i, &(scope, period, limit)) in limits.iter().enumerate() {
            let name = if scope == Scope::User { user } else { service };
            let w = if period == Period::Day { day } else { month };
            let c = entry(&mut map, scope, name).get(period);
            if c.window != w {
                *c = Counter { window: w, ..Default::default() };
            }
            if c.spent + c.reserved >= limit {
                drop(map);
                return Err(self.exceeded(i, user, service, now));
            }
        }
        let held = self.held(user, service, now);
        for h in &held {
            entry(&mut map, h.scope, &h.name).get(h.period).reserved += amount.picos();
        }
        Ok(Reservation { state: self.state.clone(), held, amount: amount.picos(), settled: false })
    }

    /// Sets (or, with zero, removes) the budget of every name of `scope` over `period`, in
    /// USD; takes effect for the next call.
    pub fn set_limit(&self, scope: Scope, period: Period, usd: Decimal) {
        let mut next: Vec<(Scope, Period, i128)> =
            self.limits.load().iter().copied().filter(|(s, p, _)| !(*s == scope && *p == period)).collect();
        if usd > Decimal::ZERO {
            next.push((scope, period, picos(usd)));
        }
        self.limits.store(Arc::new(next));
    }

    /// The budgets in force: (scope, period, limit in USD).
    pub fn limits(&self) -> Vec<(Scope, Period, Cost)> {
        self.limits.load().iter().map(|&(s, p, l)| (s, p, Cost::from_picos(l))).collect()
    }

    /// Spent in the current window (tests, reports; memory store).
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
        if self.settled || self.held.is_empty() {
            return;
        }
        self.settled = true;
        let now = OffsetDateTime::now_utc();
        if let Some(r) = &self.state.remote {
            // Settled on this replica's lease; the cost reaches Redis with the next flush, which
            // fires the alerts it crosses.
            let held: Vec<String> =
                self.held.iter().map(|h| redis_key(r, h.scope, h.period, h.window, &h.name)).collect();
            // A window that rolled over while the call ran: the cost lands in the new one.
            let landing: Vec<(String, u64)> = self
                .held
                .iter()
                .map(|h| (redis_key(r, h.scope, h.period, window_id(h.period, now), &h.name), window_ttl(h.period)))
                .collect();
            r.leases().settle(&held, &landing, self.amount, actual);
            return;
        }
        let Ok(mut map) = self.state.counters.lock() else { return };
        let mut crossings = Vec::new();
        for h in &self.held {
            if let Some(cs) = map[h.scope as usize].get_mut(h.name.as_str()) {
                let c = cs.get(h.period);
                // A window that rolled over while the call ran starts fresh: the cost lands in it.
                if c.window == h.window {
                    c.reserved -= self.amount;
                }
                let old = c.spent;
                c.spent += actual;
                crossings.push((h.scope, h.period, c.window, h.limit, old, c.spent));
            }
        }
        drop(map);
        for (h, (scope, period, w, limit, old, new)) in self.held.iter().zip(crossings) {
            self.state.alerts.crossed(scope, period, &h.name, w, limit, old, new);
        }
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        self.finish(0);
    }
}

/// Scope, period, name, window and threshold of an alert that fired.
type AlertKey = (Scope, Period, String, i64, u8);

/// Budget alerts: each threshold fires once per budget window, as a `budget_alert` log event,
/// a metric, and a Slack message when a webhook is configured.
pub struct Alerts {
    thresholds: Vec<u8>,
    webhook: Option<(reqwest::Client, SecretString)>,
    metrics: Arc<Metrics>,
    fired: Mutex<HashSet<AlertKey>>,
    /// With budgets in Redis, an alert fires once across replicas (`SET NX` on its key).
    shared: Option<Arc<Shared>>,
}

impl Alerts {
    pub fn new(
        thresholds: &[u8],
        webhook: Option<SecretString>,
        metrics: Arc<Metrics>,
        client: Option<reqwest::Client>,
    ) -> Self {
        let mut thresholds = thresholds.to_vec();
        thresholds.sort_unstable();
        thresholds.dedup();
        Self {
            thresholds,
            webhook: webhook.zip(client).map(|(w, c)| (c, w)),
            metrics,
            fired: Mutex::new(HashSet::new()),
            shared: None,
        }
    }

    /// Spent went from `old` to `new`: fires every threshold in between.
    #[allow(clippy::too_many_arguments)]
    fn crossed(&self, scope: Scope, period: Period, name: &str, window: i64, limit: i128, old: i128, new: i128) {
        for &t in &self.thresholds {
            let line = limit * i128::from(t) / 100;
            if old < line && new >= line {
                self.fire(scope, period, name, window, limit, new, t);
            }
        }
    }

    /// A request was refused: the budget is exhausted (the 100 % alert, if configured).
    fn exhausted(&self, scope: Scope, period: Period, name: &str, window: i64, limit: i128) {
        if self.thresholds.contains(&100) {
            self.fire(scope, period, name, window, limit, limit, 100);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn fire(&self, scope: Scope, period: Period, name: &str, window: i64, limit: i128, spent: i128, t: u8) {
        let Ok(mut fired) = self.fired.lock() else { return };
        if !fired.insert((scope, period, name.to_string(), window, t)) {
            return;
        }
        // Past windows of this budget can never fire again.
        fired.retain(|(s, p, n, w, _)| !(*s == scope && *p == period && n == name && *w < window));
        drop(fired);
        let Some(r) = self.shared.clone() else {
            emit(&self.metrics, self.webhook.as_ref(), scope, period, name, limit, spent, t);
            return;
        };
        // Another replica may have fired it already: the first to set the key emits.
        let s = if scope == Scope::User { "u" } else { "s" };
        let key = r.key(&format!("alert:{s}{}:{window}:{name}:{t}", if period == Period::Day { "d" } else { "m" }));
        let (metrics, webhook, name) = (self.metrics.clone(), self.webhook.clone(), name.to_string());
        let Ok(h) = tokio::runtime::Handle::try_current() else { return };
        h.spawn(async move {
            match r.set_nx(&key, window_ttl(period)).await {
                Ok(true) => emit(&metrics, webhook.as_ref(), scope, period, &name, limit, spent, t),
                Ok(false) => {}
                Err(e) => {
                    tracing::warn!(error = %e, "alert de-duplication unavailable: alerting from this replica");
                    emit(&metrics, webhook.as_ref(), scope, period, &name, limit, spent, t);
                }
            }
        });
    }
}

/// Logs, counts and (with a webhook) posts one alert.
#[allow(clippy::too_many_arguments)]
fn emit(
    metrics: &Metrics,
    webhook: Option<&(reqwest::Client, SecretString)>,
    scope: Scope,
    period: Period,
    name: &str,
    limit: i128,
    spent: i128,
    t: u8,
) {
    {
        let (scope_s, period_s) = (scope_name(scope), period_name(period));
        let (spent_usd, limit_usd) = (Cost::from_picos(spent).to_string(), Cost::from_picos(limit).to_string());
        tracing::warn!(event = "budget_alert", scope = scope_s, period = period_s, name, threshold = t,
            spent_usd = %spent_usd, limit_usd = %limit_usd, "budget alert: {t}% of the {period_s} budget of {scope_s} {name:?} used");
        metrics.budget_alerts.get_or_create(&AlertLabels { scope: scope_s, period: period_s, threshold: t }).inc();
        if let Some((client, url)) = webhook {
            let text = format!(
                "quantai budget alert: {t}% of the {period_s} budget of {scope_s} `{name}` used (${spent_usd} of ${limit_usd})"
            );
            let req = client.post(url.expose_secret()).json(&serde_json::json!({ "text": text }));
            if let Ok(h) = tokio::runtime::Handle::try_current() {
                h.spawn(async move {
                    // The webhook URL is a secret: errors are logged without it.
                    match req.send().await {
                        Ok(r) if r.status().is_success() => {}
                        Ok(r) => tracing::warn!(status = r.status().as_u16(), "slack webhook refused the alert"),
                        Err(e) => tracing::warn!(error = %e.without_url(), "slack webhook unreachable"),
                    }
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn cfg(user_daily: &str) -> BudgetSettings {
        BudgetSettings { user_daily_usd: Decimal::from_str(user_daily).unwrap(), ..Default::default() }
    }

    #[tokio::test]
    async fn admits_while_below_and_settles_real_cost() {
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
        b.seed(Scope::User, Period::Day, "w", Cost::from_picos(10_000_000), now).await;
        assert!(b.reserve("w", "s", Cost::from_picos(1), now).is_err());
        assert!(b.reserve("w", "s", Cost::from_picos(1), now + time::Duration::days(1)).is_ok());
    }

    /// A Redis budget book of 10,000,000 picos a day per user.
    fn redis_book(shared: &Arc<Shared>, alerts: Alerts) -> Budgets {
        let mut cfg = cfg("0.00001");
        cfg.store = CounterStore::Redis;
        Budgets::with_parts(&cfg, Some(shared.clone()), alerts)
    }

    /// Reserves `amount` for user "u" as the gateway does (the one gate script).
    async fn reserve_on(
        b: &Budgets,
        shared: &Shared,
        amount: i128,
        now: OffsetDateTime,
    ) -> Result<Reservation, Exceeded> {
        let windows = b.shared_windows("u", "s", now);
        let ask = crate::shared::Gate { buckets: &[], windows: &windows, amount, cache: None };
        let ans = shared.admit(&ask, |i| b.alert_hook("u", "s", now, i)).await.unwrap();
        b.shared_outcome("u", "s", Cost::from_picos(amount), now, ans.budget_refused)
    }

    /// Two replicas on one Redis: an alert fires once in all, not once per replica.
    #[tokio::test]
    async fn alerts_fire_once_across_replicas() {
        let Some(settings) = crate::shared::test_redis("alerts") else { return };
        let shared = Shared::connect(&settings, |_| None).await.unwrap().unwrap();
        let replica = || {
            let m = Arc::new(Metrics::new());
            (redis_book(&shared, Alerts::new(&[50, 80, 100], None, m.clone(), None)), m)
        };
        let ((a, ma), (b, mb)) = (replica(), replica());
        let now = OffsetDateTime::now_utc();
        let count = |m: &Metrics, t: u8| {
            m.budget_alerts.get_or_create(&AlertLabels { scope: "user", period: "daily", threshold: t }).get()
        };
        reserve_on(&a, &shared, 1, now).await.unwrap().settle(Cost::from_picos(10_000_000));
        // Settlement is asynchronous in Redis mode: wait for it, then replica b is refused and
        // would say 100 % again.
        let mut refused = false;
        for _ in 0..100 {
            match reserve_on(&b, &shared, 1, now).await {
                Err(_) => {
                    refused = true;
                    break;
                }
                Ok(r) => drop(r),
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert!(refused);
        for _ in 0..100 {
            if count(&ma, 100) + count(&mb, 100) >= 1 && count(&ma, 50) + count(&mb, 50) >= 1 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        for t in [50, 80, 100] {
            assert_eq!(count(&ma, t) + count(&mb, t), 1, "threshold {t} fired once across replicas");
        }
    }

    /// A replica that crashes while holding a reservation stops blocking the others once its
    /// liveness key is gone; while it lives, its reservation counts.
    #[tokio::test]
    async fn a_crashed_replicas_reservation_is_released() {
        let Some(settings) = crate::shared::test_redis("crash") else { return };
        let (sa, sb) = (
            Shared::connect(&settings, |_| None).await.unwrap().unwrap(),
            Shared::connect(&settings, |_| None).await.unwrap().unwrap(),
        );
        assert_ne!(sa.replica(), sb.replica());
        let metrics = Arc::new(Metrics::new());
        let a = redis_book(&sa, Alerts::new(&[], None, metrics.clone(), None));
        let b = redis_book(&sb, Alerts::new(&[], None, metrics, None));
        let now = OffsetDateTime::now_utc();
        // A reservation held as if its call were running (never settled, never released).
        let hold = |r: Result<Reservation, Exceeded>| r.map(std::mem::forget).is_ok();
        assert!(hold(reserve_on(&a, &sa, 10_000_000, now).await), "a holds the whole budget");
        assert!(!hold(reserve_on(&b, &sb, 1, now).await), "b is refused while a lives");
        // a crashes: its liveness key expires (deleted here rather than waited for).
        let client = redis::Client::open(&*settings.url).unwrap();
        let mut conn = client.get_multiplexed_async_connection().await.unwrap();
        let live = format!("{}:live:{}", settings.key_prefix, sa.replica());
        let removed: i64 = redis::cmd("DEL").arg(&live).query_async(&mut conn).await.unwrap();
        assert_eq!(removed, 1);
        assert!(hold(reserve_on(&b, &sb, 1, now).await), "a's reservation no longer counts");
    }

    #[test]
    fn alerts_fire_once_per_threshold_and_window() {
        let metrics = Arc::new(Metrics::new());
        let cfg = cfg("0.00001"); // 10,000,000 picos; thresholds 50/80/100
        let b = Budgets::with_parts(&cfg, None, Alerts::new(&cfg.alert_thresholds, None, metrics.clone(), None));
        let now = OffsetDateTime::now_utc();
        let count = |t: u8| {
            metrics.budget_alerts.get_or_create(&AlertLabels { scope: "user", period: "daily", threshold: t }).get()
        };
        b.reserve("u", "s", Cost::from_picos(1), now).unwrap().settle(Cost::from_picos(4_000_000));
        assert_eq!((count(50), count(80), count(100)), (0, 0, 0));
        // 4M → 8.5M crosses 50 % and 80 % at once.
        b.reserve("u", "s", Cost::from_picos(1), now).unwrap().settle(Cost::from_picos(4_500_000));
        assert_eq!((count(50), count(80), count(100)), (1, 1, 0));
        b.reserve("u", "s", Cost::from_picos(1), now).unwrap().settle(Cost::from_picos(1_000_000));
        assert_eq!((count(50), count(80), count(100)), (1, 1, 0));
        // Refusals say 100 % once, however many there are.
        b.reserve("u", "s", Cost::from_picos(1), now).unwrap().settle(Cost::from_picos(600_000));
        assert!(b.reserve("u", "s", Cost::from_picos(1), now).is_err());
        assert!(b.reserve("u", "s", Cost::from_picos(1), now).is_err());
        assert_eq!((count(50), count(80), count(100)), (1, 1, 1));
        assert!(metrics
            .render()
            .contains("quantai_budget_alerts_total{scope=\"user\",period=\"daily\",threshold=\"80\"} 1"));
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
