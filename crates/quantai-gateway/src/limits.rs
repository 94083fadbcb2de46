//! In-process rate limits: requests and tokens per minute, per user and per service, as token
//! buckets (capacity = the per-minute limit, refilled continuously). Requests are admitted
//! against both buckets of both scopes; tokens are debited after the call with the real usage,
//! so a tokens-per-minute bucket may go negative by the calls in flight and then holds new
//! requests back until it refills.
//!
//! With `limits.store = "redis"` the same buckets live in Redis ([`crate::shared`]) and one
//! limit holds across every replica.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use quantai_core::config::{CounterStore, LimitSettings};

use crate::shared::{Shared, SharedError};

/// What the tightest bucket says, for OpenAI-style `x-ratelimit-*` headers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RateInfo {
    pub requests: Option<BucketInfo>,
    pub tokens: Option<BucketInfo>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BucketInfo {
    pub limit: u32,
    pub remaining: u32,
    /// Until the bucket is full again.
    pub reset: Duration,
}

/// A refusal: which limit, and when to try again.
#[derive(Clone, Debug, PartialEq)]
pub struct Limited {
    pub what: String,
    pub retry_after: Duration,
    pub info: RateInfo,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Scope {
    User,
    Service,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Unit {
    Requests,
    Tokens,
}

struct Bucket {
    capacity: f64,
    level: f64,
    at: Instant,
}

impl Bucket {
    fn refill(&mut self, now: Instant) {
        let rate = self.capacity / 60.0;
        self.level = (self.level + rate * now.duration_since(self.at).as_secs_f64()).min(self.capacity);
        self.at = now;
    }

    fn info(&self) -> BucketInfo {
        let rate = self.capacity / 60.0;
        BucketInfo {
            limit: self.capacity as u32,
            remaining: self.level.max(0.0).floor() as u32,
            reset: Duration::from_secs_f64(((self.capacity - self.level) / rate).max(0.0)),
        }
    }

    /// Time until `need` units are available.
    fn wait_for(&self, need: f64) -> Duration {
        Duration::from_secs_f64(((need - self.level) / (self.capacity / 60.0)).max(0.0))
    }
}

/// The Redis buckets of one request, for [`crate::shared::Shared::gate`].
pub(crate) struct SharedBuckets {
    pub keys: Vec<(String, u32, bool)>,
    what: Vec<(Scope, Unit, u32)>,
}

/// The limiter for one gateway process.
pub struct RateLimiter {
    cfg: LimitSettings,
    /// Redis, when the buckets are shared by replicas.
    remote: Option<Arc<Shared>>,
    /// Tokens used per model in the current UTC day (memory store): (day, used).
    model_days: Mutex<HashMap<String, (i64, u64)>>,
    /// Per scope, by name (looked up by `&str`: no allocation per request), per unit.
    buckets: Mutex<[HashMap<String, [Option<Bucket>; 2]>; 2]>,
}

#[allow(clippy::expect_used)] // the key is inserted just above when missing
fn slot<'m>(
    map: &'m mut [HashMap<String, [Option<Bucket>; 2]>; 2],
    scope: Scope,
    name: &str,
) -> &'m mut [Option<Bucket>; 2] {
    let m = &mut map[scope as usize];
    if !m.contains_key(name) {
        m.insert(name.to_string(), [None, None]);
    }
    m.get_mut(name).expect("inserted above")
}

fn tighter(a: Option<BucketInfo>, b: BucketInfo) -> Option<BucketInfo> {
    match a {
        Some(a) if a.remaining <= b.remaining => Some(a),
        _ => Some(b),
    }
}

impl RateLimiter {
    pub fn new(cfg: LimitSettings) -> Self {
        Self {
            cfg,
            remote: None,
            model_days: Mutex::new(HashMap::new()),
            buckets: Mutex::new([HashMap::new(), HashMap::new()]),
        }
    }

    /// A limiter whose buckets live in `shared` when `cfg.store` says redis.
    pub fn with_store(cfg: LimitSettings, shared: Option<Arc<Shared>>) -> Self {
        let remote = if cfg.store == CounterStore::Redis { shared } else { None };
        Self { remote, ..Self::new(cfg) }
    }

    /// No Redis buckets (limits off).
    pub(crate) fn no_buckets() -> SharedBuckets {
        SharedBuckets { keys: Vec::new(), what: Vec::new() }
    }

    /// Whether the buckets live in Redis.
    pub(crate) fn shared(&self) -> bool {
        self.remote.is_some()
    }

    /// The Redis buckets a request of `user` for `service` is admitted against (empty when the
    /// limiter is in memory or sets no limit).
    pub(crate) fn shared_buckets(&self, user: &str, service: &str) -> SharedBuckets {
        let mut b = Self::no_buckets();
        let Some(r) = &self.remote else { return b };
        for (scope, name) in [(Scope::User, user), (Scope::Service, service)] {
            for unit in [Unit::Requests, Unit::Tokens] {
                let limit = self.limit(scope, unit, name);
                if limit > 0 {
                    b.keys.push((bucket_key(r, scope, unit, name), limit, unit == Unit::Requests));
                    b.what.push((scope, unit, limit));
                }
            }
        }
        b
    }

    /// Reads the admission part of [`crate::shared::Shared::gate`]'s answer: `out` is {refused
    /// bucket index or 0, wait ms, then level and reset ms per bucket of `b`}.
    pub(crate) fn read_admission(
        &self,
        b: &SharedBuckets,
        out: &[i64],
        user: &str,
        service: &str,
    ) -> Result<RateInfo, Limited> {
        let mut info = RateInfo::default();
        if out.len() != 2 + 2 * b.what.len() {
            return Ok(info);
        }
        for (i, (_, unit, limit)) in b.what.iter().enumerate() {
            let bucket = BucketInfo {
                limit: *limit,
                remaining: u32::try_from(out[2 + 2 * i].max(0)).unwrap_or(u32::MAX),
                reset: Duration::from_millis(u64::try_from(out[3 + 2 * i].max(0)).unwrap_or(0)),
            };
            match unit {
                Unit::Requests => info.requests = tighter(info.requests, bucket),
                Unit::Tokens => info.tokens = tighter(info.tokens, bucket),
            }
        }
        let refused = usize::try_from(out[0]).unwrap_or(0);
        let Some(&(scope, unit, limit)) = refused.checked_sub(1).and_then(|i| b.what.get(i)) else {
            return Ok(info);
        };
        let name = if scope == Scope::User { user } else { service };
        Err(Limited {
            what: describe(scope, unit, name, limit),
            retry_after: Duration::from_millis(u64::try_from(out[1].max(1)).unwrap_or(1)),
            info,
        })
    }

    /// Debits tokens (see [`RateLimiter::debit_tokens`]); in Redis when shared, with the next
    /// lease flush.
    pub fn debit(&self, user: &str, service: &str, tokens: u64) {
        let Some(r) = &self.remote else { return self.debit_tokens(user, service, tokens) };
        if tokens == 0 {
            return;
        }
        let mut buckets = Vec::with_capacity(2);
        for (scope, name) in [(Scope::User, user), (Scope::Service, service)] {
            let limit = self.limit(scope, Unit::Tokens, name);
            if limit > 0 {
                buckets.push((bucket_key(r, scope, Unit::Tokens, name), limit));
            }
        }
        if buckets.is_empty() {
            return;
        }
        r.leases().debit(&buckets, tokens);
    }

    /// The models of `candidates` whose daily token quota is used up (`limits.model_daily_tokens`).
    pub async fn models_exhausted(&self, candidates: &[&str], day: i64) -> Result<Vec<String>, SharedError> {
        let limited: Vec<(&str, u64)> =
            candidates.iter().filter_map(|m| self.cfg.model_daily_tokens.get(*m).map(|l| (*m, *l))).collect();
        if limited.is_empty() {
            return Ok(Vec::new());
        }
        if let Some(r) = &self.remote {
            let counters: Vec<(String, u64)> =
                limited.iter().map(|(m, limit)| (r.key(&format!("mt:{day}:{m}")), *limit)).collect();
            let flags = r.used_up(&counters).await?;
            return Ok(limited.iter().zip(flags).filter(|(_, up)| *up).map(|((m, _), _)| m.to_string()).collect());
        }
        let Ok(map) = self.model_days.lock() else { return Ok(Vec::new()) };
        Ok(limited
            .into_iter()
            .filter(|(m, limit)| map.get(*m).is_some_and(|(d, used)| *d == day && used >= limit))
            .map(|(m, _)| m.to_string())
            .collect())
    }

    /// Counts tokens a model used today, when it has a daily quota.
    pub fn count_model_tokens(&self, model: &str, tokens: u64, day: i64) {
        if tokens == 0 || !self.cfg.model_daily_tokens.contains_key(model) {
            return;
        }
        if let Some(r) = &self.remote {
            let (r, key) = (r.clone(), r.key(&format!("mt:{day}:{model}")));
            if let Ok(h) = tokio::runtime::Handle::try_current() {
                h.spawn(async move {
                    if let Err(e) = r.incr(&key, tokens, 2 * 86_400).await {
                        tracing::warn!(error = %e, "model token count lost");
                    }
                });
            }
            return;
        }
        if let Ok(mut map) = self.model_days.lock() {
            let e = map.entry(model.to_string()).or_insert((day, 0));
            if e.0 != day {
                *e = (day, 0);
            }
            e.1 += tokens;
        }
    }

    /// Whether any model has a daily token quota.
    pub fn has_model_quotas(&self) -> bool {
        !self.cfg.model_daily_tokens.is_empty()
    }

    fn limit(&self, scope: Scope, unit: Unit, name: &str) -> u32 {
        let (over, default) = match scope {
            Scope::User => (self.cfg.users.get(name), (self.cfg.user_rpm, self.cfg.user_tpm)),
            Scope::Service => (self.cfg.services.get(name), (self.cfg.service_rpm, self.cfg.service_tpm)),
        };
        match unit {
            Unit::Requests => over.and_then(|o| o.rpm).unwrap_or(default.0),
            Unit::Tokens => over.and_then(|o| o.tpm).unwrap_or(default.1),
        }
    }

    /// Admits one request of `user` for `service`, or says which limit refuses it. A refused
    /// request consumes nothing.
    pub fn admit(&self, user: &str, service: &str) -> Result<RateInfo, Limited> {
        self.admit_at(user, service, Instant::now())
    }

    pub(crate) fn admit_at(&self, user: &str, service: &str, now: Instant) -> Result<RateInfo, Limited> {
        let keys = [(Scope::User, user), (Scope::Service, service)];
        let Ok(mut map) = self.buckets.lock() else { return Ok(RateInfo::default()) };
        let mut info = RateInfo::default();
        let mut refused: Option<(String, Duration)> = None;
        // First pass: check every bucket without consuming.
        for (scope, name) in keys {
            for unit in [Unit::Requests, Unit::Tokens] {
                let limit = self.limit(scope, unit, name);
                if limit == 0 {
                    continue;
                }
                let b = slot(&mut map, scope, name)[unit as usize].get_or_insert(Bucket {
                    capacity: f64::from(limit),
                    level: f64::from(limit),
                    at: now,
                });
                b.capacity = f64::from(limit);
                b.refill(now);
                let ok = match unit {
                    Unit::Requests => b.level >= 1.0,
                    Unit::Tokens => b.level > 0.0,
                };
                if !ok {
                    let what = describe(scope, unit, name, limit);
                    let wait = b.wait_for(1.0);
                    if refused.as_ref().is_none_or(|(_, w)| wait > *w) {
                        refused = Some((what, wait));
                    }
                }
            }
        }
        // Second pass: consume one request from each request bucket, and report.
        for (scope, name) in keys {
            let Some(slots) = map[scope as usize].get_mut(name) else { continue };
            for unit in [Unit::Requests, Unit::Tokens] {
                if let Some(b) = slots[unit as usize].as_mut() {
                    if unit == Unit::Requests && refused.is_none() {
                        b.level -= 1.0;
                    }
                    match unit {
                        Unit::Requests => info.requests = tighter(info.requests, b.info()),
                        Unit::Tokens => info.tokens = tighter(info.tokens, b.info()),
                    }
                }
            }
        }
        match refused {
            Some((what, wait)) => Err(Limited { what, retry_after: wait.max(Duration::from_millis(1)), info }),
            None => Ok(info),
        }
    }

    /// Debits the tokens a finished call used.
    pub fn debit_tokens(&self, user: &str, service: &str, tokens: u64) {
        if tokens == 0 || (self.cfg.user_tpm == 0 && self.cfg.service_tpm == 0 && self.no_tpm_overrides()) {
            return;
        }
        let now = Instant::now();
        let Ok(mut map) = self.buckets.lock() else { return };
        for (scope, name) in [(Scope::User, user), (Scope::Service, service)] {
            let Some(slots) = map[scope as usize].get_mut(name) else { continue };
            if let Some(b) = slots[Unit::Tokens as usize].as_mut() {
                b.refill(now);
                // Never more than one minute's worth in debt.
                b.level = (b.level - tokens as f64).max(-b.capacity);
            }
        }
    }

    fn no_tpm_overrides(&self) -> bool {
        self.cfg.users.values().chain(self.cfg.services.values()).all(|l| l.tpm.is_none())
    }

    /// Whether any limit is configured (skip the lock entirely when none is).
    pub fn enabled(&self) -> bool {
        let c = &self.cfg;
        c.user_rpm > 0
            || c.user_tpm > 0
            || c.service_rpm > 0
            || c.service_tpm > 0
            || !c.users.is_empty()
            || !c.services.is_empty()
    }
}

fn describe(scope: Scope, unit: Unit, name: &str, limit: u32) -> String {
    format!(
        "{} per minute for {} {name:?} ({limit})",
        if unit == Unit::Requests { "requests" } else { "tokens" },
        if scope == Scope::User { "user" } else { "service" }
    )
}

fn bucket_key(r: &Shared, scope: Scope, unit: Unit, name: &str) -> String {
    let s = if scope == Scope::User { "u" } else { "s" };
    let u = if unit == Unit::Requests { "r" } else { "t" };
    r.key(&format!("rl:{s}{u}:{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use quantai_core::config::RateLimit;

    fn limiter(user_rpm: u32, service_tpm: u32) -> RateLimiter {
        RateLimiter::new(LimitSettings { user_rpm, service_tpm, ..Default::default() })
    }

    #[test]
    fn requests_per_minute_refill_continuously() {
        let l = limiter(60, 0); // one request a second
        let t0 = Instant::now();
        for i in 0..60 {
            let info = l.admit_at("u", "s", t0).unwrap();
            assert_eq!(info.requests.unwrap().remaining, 59 - i);
        }
        let e = l.admit_at("u", "s", t0).unwrap_err();
        assert!(e.what.contains("requests per minute for user \"u\" (60)"), "{}", e.what);
        assert!((e.retry_after.as_secs_f64() - 1.0).abs() < 0.01, "{:?}", e.retry_after);
        // A refused request consumes nothing; one second later one more fits.
        assert!(l.admit_at("u", "s", t0 + Duration::from_millis(500)).is_err());
        assert!(l.admit_at("u", "s", t0 + Duration::from_millis(1001)).is_ok());
        // Other users have their own bucket.
        assert!(l.admit_at("v", "s", t0).is_ok());
    }

    #[test]
    fn tokens_are_debited_after_the_call() {
        let l = limiter(0, 100);
        let t0 = Instant::now();
        assert_eq!(l.admit_at("u", "s", t0).unwrap().tokens.unwrap().remaining, 100);
        l.debit_tokens("u", "s", 150);
        let e = l.admit_at("u", "s", Instant::now()).unwrap_err();
        assert!(e.what.contains("tokens per minute for service \"s\""));
        // 50 in debt at 100/min: about 30 s until a request fits again.
        assert!((e.retry_after.as_secs_f64() - 30.6).abs() < 0.5, "{:?}", e.retry_after);
    }

    #[test]
    fn overrides_and_unlimited() {
        let mut cfg = LimitSettings { user_rpm: 1, ..Default::default() };
        cfg.users.insert("vip".into(), RateLimit { rpm: Some(0), tpm: None });
        let l = RateLimiter::new(cfg);
        let t0 = Instant::now();
        for _ in 0..100 {
            assert!(l.admit_at("vip", "s", t0).is_ok());
        }
        assert!(l.admit_at("bob", "s", t0).is_ok());
        assert!(l.admit_at("bob", "s", t0).is_err());
        assert!(!limiter(0, 0).enabled());
    }
}
