//! Admission: what is decided before the upstream call — rate limits (in process or in Redis),
//! the response-cache lookup, budget reservations and the models' daily token quotas. The Redis
//! round trip's outcome is a [`RemoteOutcome`], read in one place.

use super::*;

/// What [`Gateway::gate`] decided before the upstream call.
pub(crate) struct Gated {
    pub(crate) rate: limits::RateInfo,
    pub(crate) hit: Option<cache::Hit>,
    pub(crate) reservation: Option<budgets::Reservation>,
}

/// What the shared (Redis) side of admission decided, in one round trip (two when a cached
/// entry turns out unreadable and the budget still has to be reserved).
pub(crate) enum RemoteOutcome {
    /// Redis answered: the rate-limit admission to read, a cache hit if any, and the budget:
    /// `None` when nothing was reserved, `Some(0)` reserved, `Some(i)` refused by window `i`.
    Admitted { admission: Vec<i64>, hit: Option<cache::Hit>, refused: Option<usize> },
    /// Redis failed, but only the cache was asked: a miss, call upstream.
    CacheUnreadable,
    /// Redis failed and `redis.fail_open` lets the call through unlimited.
    FailedOpen,
}

/// One admission round trip to Redis, its answer read into a [`RemoteOutcome`].
async fn admit_shared(
    r: &shared::Shared,
    ask: &shared::Gate<'_>,
    alert: impl Fn(usize) -> Option<lease::AlertFn>,
) -> Result<RemoteOutcome, GatewayError> {
    let unavailable = |e: shared::SharedError| GatewayError::Unavailable(e.to_string());
    let ans = match r.admit(ask, &alert).await {
        Ok(ans) => ans,
        Err(e) if ask.buckets.is_empty() && ask.windows.is_empty() => {
            tracing::warn!(error = %e, "cache read failed; calling upstream");
            return Ok(RemoteOutcome::CacheUnreadable);
        }
        Err(e) if r.fail_open() => {
            tracing::warn!(error = %e, "rate limits and budgets not enforced: redis unavailable (redis.fail_open)");
            return Ok(RemoteOutcome::FailedOpen);
        }
        Err(e) => return Err(unavailable(e)),
    };
    // A call the rate limits refused reserves nothing further.
    let rate_refused = ans.admission.first().is_some_and(|&i| i > 0);
    let (hit, refused) = match ans.cached.as_deref().map(cache::ResponseCache::decode_shared) {
        // Admitted on the leases: the reservation is made, and released by the caller.
        Some(Some(hit)) => (Some(hit), (ans.local && !ask.windows.is_empty()).then_some(0)),
        _ if ask.windows.is_empty() => (None, None),
        // An unreadable entry is a miss, and a miss reserves (the script did not, unless the
        // leases admitted the call).
        Some(None) if !ans.local && !rate_refused => {
            let again = shared::Gate { buckets: &[], windows: ask.windows, amount: ask.amount, cache: None };
            (None, Some(r.admit(&again, &alert).await.map_err(unavailable)?.budget_refused))
        }
        _ => (None, Some(ans.budget_refused)),
    };
    Ok(RemoteOutcome::Admitted { admission: ans.admission, hit, refused })
}

impl Gateway {
    /// Admission under the rate limits, the response-cache lookup (`key`) and the budget
    /// reservation of `amount()` (the most the call may cost), in that order: a refused call
    /// consumes nothing further, a cache hit reserves nothing. Whatever lives in Redis is
    /// decided in one round trip ([`shared::Shared::gate`]).
    pub(crate) async fn gate(
        &self,
        ctx: &CallContext,
        key: Option<&cache::Key>,
        amount: impl FnOnce() -> Cost,
    ) -> Result<Gated, GatewayError> {
        let inner = &self.inner;
        let (user, service) = (ctx.user_id.as_str(), ctx.service.as_str());
        let now = time::OffsetDateTime::now_utc();
        let over_budget = |e: budgets::Exceeded| GatewayError::BudgetExceeded { what: e.what, resets_at: e.resets_at };
        let mut amount = Some(amount);
        let mut cost = || amount.take().map(|f| f()).unwrap_or_default();
        let mut gated = Gated { rate: limits::RateInfo::default(), hit: None, reservation: None };
        if inner.limits.enabled() && !inner.limits.shared() {
            gated.rate = inner.limits.admit(user, service).map_err(GatewayError::RateLimited)?;
        }
        let key = key.filter(|_| ctx.cache != cache::CacheDirective::NoCache);
        let buckets = if inner.limits.enabled() {
            inner.limits.shared_buckets(user, service)
        } else {
            limits::RateLimiter::no_buckets()
        };
        let budgets_shared = inner.budgets.enabled() && inner.budgets.shared();
        let windows = if budgets_shared { inner.budgets.shared_windows(user, service, now) } else { Vec::new() };
        let cache_key = key.and_then(|k| inner.cache.shared_key(k));
        let remote =
            inner.shared.as_ref().filter(|_| !buckets.keys.is_empty() || !windows.is_empty() || cache_key.is_some());
        if let Some(r) = remote {
            let reserve = if windows.is_empty() { Cost::ZERO } else { cost() };
            let ask = shared::Gate {
                buckets: &buckets.keys,
                windows: &windows,
                amount: reserve.picos(),
                cache: cache_key.as_deref(),
            };
            let alert = |i| inner.budgets.alert_hook(user, service, now, i);
            match admit_shared(r, &ask, alert).await? {
                RemoteOutcome::Admitted { admission, hit, refused } => {
                    gated.rate = inner
                        .limits
                        .read_admission(&buckets, &admission, user, service)
                        .map_err(GatewayError::RateLimited)?;
                    gated.hit = hit;
                    if let Some(i) = refused {
                        gated.reservation =
                            Some(inner.budgets.shared_outcome(user, service, reserve, now, i).map_err(over_budget)?);
                    }
                }
                RemoteOutcome::CacheUnreadable => {}
                RemoteOutcome::FailedOpen if !windows.is_empty() => {
                    gated.reservation = Some(inner.budgets.nothing_held());
                }
                RemoteOutcome::FailedOpen => {}
            }
        }
        if gated.hit.is_none() {
            if let Some(k) = key.filter(|_| cache_key.is_none()) {
                gated.hit = inner.cache.get(k);
            }
        }
        if gated.hit.is_some() {
            // Dropping a reservation releases it.
            gated.reservation = None;
        } else if inner.budgets.enabled() && !budgets_shared {
            gated.reservation = Some(inner.budgets.reserve(user, service, cost(), now).map_err(over_budget)?);
        }
        Ok(gated)
    }

    /// Drops the models of a plan whose daily token quota is used up; refuses when none is left.
    pub(crate) async fn within_quota(&self, plan: Vec<ModelSpec>) -> Result<Vec<ModelSpec>, GatewayError> {
        if !self.inner.limits.has_model_quotas() {
            return Ok(plan);
        }
        let now = time::OffsetDateTime::now_utc();
        let day = now.unix_timestamp().div_euclid(86_400);
        let ids: Vec<&str> = plan.iter().map(|m| m.id.as_str()).collect();
        let out = self
            .inner
            .limits
            .models_exhausted(&ids, day)
            .await
            .map_err(|e| GatewayError::Unavailable(e.to_string()))?;
        if out.is_empty() {
            return Ok(plan);
        }
        let first = plan.first().map(|m| m.id.clone()).unwrap_or_default();
        let left: Vec<ModelSpec> = plan.into_iter().filter(|m| !out.contains(&m.id)).collect();
        if !left.is_empty() {
            tracing::info!(model = %first, "daily token quota used up; using the fallback chain");
            return Ok(left);
        }
        let midnight = (now.unix_timestamp().div_euclid(86_400) + 1) * 86_400;
        Err(GatewayError::RateLimited(limits::Limited {
            what: format!("the daily token quota of model {first:?} (limits.model_daily_tokens) is used up"),
            retry_after: Duration::from_secs(u64::try_from(midnight - now.unix_timestamp()).unwrap_or(1).max(1)),
            info: limits::RateInfo::default(),
        }))
    }

    /// Loads what the ledger already charged in the current day and month into the budget book.
    pub async fn seed_budgets(&self, store: &quantai_store::Store) -> Result<(), SetupError> {
        use budgets::{Period, Scope};
        use quantai_store::ledger::{GroupBy, UsageFilter};
        if !self.inner.budgets.enabled() {
            return Ok(());
        }
        let now = time::OffsetDateTime::now_utc();
        let day = now.date().midnight().assume_utc();
        let month = now.date().replace_day(1).unwrap_or(now.date()).midnight().assume_utc();
        for (period, start) in [(Period::Day, day), (Period::Month, month)] {
            let filter =
                UsageFilter { from_ms: Some((start.unix_timestamp_nanos() / 1_000_000) as i64), ..Default::default() };
            for (scope, group) in [(Scope::User, GroupBy::User), (Scope::Service, GroupBy::Service)] {
                let rows = store.usage_report(&filter, group).await?;
                for g in rows {
                    let spent = quantai_core::money::Cost::from_picos(i128::from(g.cost_picos));
                    self.inner.budgets.seed(scope, period, &g.key, spent, now).await;
                }
            }
        }
        Ok(())
    }
}
