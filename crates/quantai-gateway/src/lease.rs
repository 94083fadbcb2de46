//! Per-replica leases on the Redis counters, so that most calls decide admission and budget
//! reservation without a Redis round trip while every limit still holds across replicas.
//!
//! - **Request buckets**: a call that goes to Redis takes its one request plus up to `want`
//!   more from the global bucket (never more than a quarter of what is left, so near the limit
//!   leases shrink to nothing and the last requests are decided one by one). Leased requests
//!   are taken from the global bucket, so leases never admit more than the limit; one left
//!   unused for [`LIFE`] goes back to the bucket.
//! - **Token buckets** (tokens per minute, debited after the call): admitted locally while the
//!   level read from Redis less this replica's own debits since, refilled, is positive and the
//!   reading is younger than [`LIFE`].
//! - **Budget windows**: a replica holds a slice of each budget in its reservation field
//!   (`r:ID`); calls reserve locally within the slice's spare; a call that does not fit asks
//!   Redis for the rest, counting its own spare as free, so a replica never strands what it
//!   holds. The grant beyond the call's own reservation is at most a quarter of the budget left,
//!   so the total charged still exceeds a budget by at most one reservation. Settled costs are
//!   batched to Redis every [`FLUSH_EVERY`] (with the alerts they cross); a slice unused for
//!   [`LIFE`] is given back.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Leased requests and token-bucket readings are trusted this long; an unused budget slice is
/// given back after it.
pub const LIFE: Duration = Duration::from_secs(1);
/// Settled costs reach Redis at this period.
pub const FLUSH_EVERY: Duration = Duration::from_millis(100);
/// Entries idle this long with nothing held are forgotten.
const FORGET: Duration = Duration::from_secs(60);

/// Called with a budget window's spent before and after a flush (alerts).
pub type AlertFn = Arc<dyn Fn(i128, i128) + Send + Sync>;

struct BucketLease {
    cap: f64,
    requests: bool,
    /// Requests leased and not used yet (request buckets).
    tokens: u32,
    /// Tokens used by finished calls and not debited in Redis yet (token buckets).
    debt: u64,
    granted: Instant,
    /// The global level read at `seen`, less this replica's debits since.
    level: f64,
    seen: Instant,
}

impl BucketLease {
    fn level_at(&self, now: Instant) -> f64 {
        (self.level + self.cap / 60.0 * now.saturating_duration_since(self.seen).as_secs_f64()).min(self.cap)
    }

    /// `(remaining, reset ms)` for the rate-limit headers.
    fn info(&self, now: Instant) -> (i64, i64) {
        let level = self.level_at(now) + f64::from(self.tokens);
        let level = level.min(self.cap);
        (level.max(0.0).floor() as i64, ((self.cap - level) / (self.cap / 60_000.0)).ceil().max(0.0) as i64)
    }
}

struct WindowLease {
    /// What this replica's field holds in Redis, as far as it knows.
    held: i128,
    /// Reservations of calls in flight.
    inflight: i128,
    /// Real costs settled here and not flushed yet (covered by `held`).
    settled: i128,
    /// Real costs landing here from a reservation held in another window (the window rolled
    /// over during the call): not covered by `held`.
    foreign: i128,
    used: Instant,
    ttl: u64,
    limit: i128,
    /// A flush found the window's spent at its limit (costs beyond their reservations): the
    /// slice is not used any more and its spare goes back; Redis decides each call again.
    exhausted: bool,
    alert: Option<AlertFn>,
}

impl WindowLease {
    fn new(now: Instant, ttl: u64, limit: i128, alert: Option<AlertFn>) -> Self {
        Self { held: 0, inflight: 0, settled: 0, foreign: 0, used: now, ttl, limit, exhausted: false, alert }
    }

    fn spare(&self) -> i128 {
        self.held - self.inflight - self.settled
    }

    fn empty(&self) -> bool {
        self.held == 0 && self.inflight == 0 && self.settled == 0 && self.foreign == 0
    }
}

/// What [`Leases::prepare`] asked for, to be applied or undone with the answer.
#[derive(Debug, Default)]
pub struct Prepared {
    /// Extra requests wanted per bucket.
    pub wants: Vec<u32>,
    /// Own spare claimed per window (counted as free by the script).
    pub claims: Vec<i128>,
    /// Extra slice wanted per window.
    pub extra: Vec<i128>,
}

/// One window's flush: costs settled under its slice and landing from elsewhere, the idle
/// spare given back, and the key's lifetime.
pub struct WindowFlush {
    pub key: String,
    settled: i128,
    foreign: i128,
    spare: i128,
    pub ttl: u64,
    alert: Option<AlertFn>,
}

/// What one flush sends: windows, and bucket changes `(key, capacity, delta)`: leased requests
/// going back (positive), tokens used (negative).
#[derive(Default)]
pub struct Flush {
    pub windows: Vec<WindowFlush>,
    pub buckets: Vec<(String, u32, i64)>,
}

impl Flush {
    pub fn is_empty(&self) -> bool {
        self.windows.is_empty() && self.buckets.is_empty()
    }
}

/// The leases of one replica.
#[derive(Default)]
pub struct Leases {
    buckets: Mutex<HashMap<String, BucketLease>>,
    windows: Mutex<HashMap<String, WindowLease>>,
}

/// A bucket `(key, capacity per minute, is a request bucket)`.
pub type BucketKey = (String, u32, bool);
/// A budget window `(key, limit, lifetime in seconds)`.
pub type WindowKey = (String, i128, u64);

fn bucket_want(cap: u32) -> u32 {
    (cap / 64).min(1_000)
}

impl Leases {
    /// Admits a call on leases alone: every request bucket has a leased request, every token
    /// bucket a fresh positive reading, every window spare for `amount`. All or nothing; on
    /// success the answer has [`crate::shared::GateAnswer::admission`]'s shape (nothing refused).
    pub fn try_local(&self, buckets: &[BucketKey], windows: &[WindowKey], amount: i128) -> Option<Vec<i64>> {
        let now = Instant::now();
        let mut bmap = self.buckets.lock().ok()?;
        for (key, _, requests) in buckets {
            let b = bmap.get(key)?;
            let fresh = now.saturating_duration_since(if *requests { b.granted } else { b.seen }) < LIFE;
            let ok = if *requests { b.tokens >= 1 } else { b.level_at(now) > 0.0 };
            if !fresh || !ok {
                return None;
            }
        }
        let mut wmap = self.windows.lock().ok()?;
        for (key, ..) in windows {
            if wmap.get(key).is_none_or(|w| w.exhausted || w.spare() < amount) {
                return None;
            }
        }
        let mut out = Vec::with_capacity(2 + 2 * buckets.len());
        out.extend([0, 0]);
        for (key, _, requests) in buckets {
            if let Some(b) = bmap.get_mut(key) {
                if *requests {
                    b.tokens -= 1;
                }
                let (level, reset) = b.info(now);
                out.extend([level, reset]);
            }
        }
        for (key, ..) in windows {
            if let Some(w) = wmap.get_mut(key) {
                w.inflight += amount;
                w.used = now;
            }
        }
        Some(out)
    }

    /// Before a Redis gate: claims each window's spare (up to `amount`) so no other call takes
    /// it meanwhile, and says how much more to lease. `alert` makes a new window's alert hook.
    pub fn prepare(
        &self,
        buckets: &[BucketKey],
        windows: &[WindowKey],
        amount: i128,
        alert: impl Fn(usize) -> Option<AlertFn>,
    ) -> Prepared {
        let now = Instant::now();
        let wants = buckets.iter().map(|(_, cap, requests)| if *requests { bucket_want(*cap) } else { 0 }).collect();
        let mut p = Prepared { wants, claims: Vec::with_capacity(windows.len()), extra: Vec::new() };
        let Ok(mut wmap) = self.windows.lock() else { return p };
        for (i, (key, limit, ttl)) in windows.iter().enumerate() {
            let w = wmap.entry(key.clone()).or_insert_with(|| WindowLease::new(now, *ttl, *limit, alert(i)));
            w.limit = *limit;
            let claim = w.spare().clamp(0, amount.max(0));
            w.inflight += claim;
            w.used = now;
            p.claims.push(claim);
            p.extra.push((*limit / 64).max(4 * amount));
        }
        p
    }

    /// Applies a Redis gate's answer: bucket readings and leased requests, and either the
    /// budget grants (`grants` is `Some` when `amount` is now held on every window) or the
    /// release of the claims.
    pub fn apply(
        &self,
        buckets: &[BucketKey],
        levels: &[(i64, i64)],
        windows: &[WindowKey],
        amount: i128,
        p: &Prepared,
        grants: Option<&[i128]>,
    ) {
        let now = Instant::now();
        if let Ok(mut bmap) = self.buckets.lock() {
            for (i, (key, cap, requests)) in buckets.iter().enumerate() {
                let Some(&(level, grant)) = levels.get(i) else { continue };
                let b = bmap.entry(key.clone()).or_insert_with(|| BucketLease {
                    cap: f64::from(*cap),
                    requests: *requests,
                    tokens: 0,
                    debt: 0,
                    granted: now,
                    level: 0.0,
                    seen: now,
                });
                b.cap = f64::from(*cap);
                b.level = level as f64;
                b.seen = now;
                if grant > 0 {
                    b.tokens = b.tokens.saturating_add(u32::try_from(grant).unwrap_or(u32::MAX));
                    b.granted = now;
                }
            }
        }
        let Ok(mut wmap) = self.windows.lock() else { return };
        for (i, (key, ..)) in windows.iter().enumerate() {
            let Some(w) = wmap.get_mut(key) else { continue };
            let claim = p.claims.get(i).copied().unwrap_or(0);
            match grants {
                Some(g) => {
                    w.exhausted = false;
                    let need = amount - claim;
                    w.held += need + g.get(i).copied().unwrap_or(0);
                    w.inflight += need;
                }
                None => w.inflight -= claim,
            }
        }
    }

    /// Undoes [`Leases::prepare`]'s claims (the gate failed).
    pub fn undo(&self, windows: &[WindowKey], p: &Prepared) {
        self.apply(&[], &[], windows, 0, p, None);
    }

    /// A call that reserved `amount` on `held` (window keys) finished and cost `actual`, landing
    /// on `landing` (the same keys unless a window rolled over).
    pub fn settle(&self, held: &[String], landing: &[(String, u64)], amount: i128, actual: i128) {
        let Ok(mut wmap) = self.windows.lock() else { return };
        let now = Instant::now();
        for (h, (l, ttl)) in held.iter().zip(landing) {
            // The cost is settled under the slice as far as its spare goes (the reservation
            // freed at least `amount`), so a cost beyond the reservation (a pricier fallback)
            // uses the slice up first; the rest, and costs landing in another window, are not
            // covered by the slice.
            if let Some(w) = wmap.get_mut(h) {
                w.inflight -= amount;
                w.used = now;
                if h == l {
                    let covered = actual.min(w.spare().max(0));
                    w.settled += covered;
                    w.foreign += actual - covered;
                    continue;
                }
            }
            if actual != 0 {
                let w = wmap.entry(l.clone()).or_insert_with(|| WindowLease::new(now, *ttl, i128::MAX, None));
                w.foreign += actual;
            }
        }
    }

    /// Tokens a finished call used: debited from this replica's readings of `buckets` now, and
    /// from the buckets in Redis with the next flush.
    pub fn debit(&self, buckets: &[(String, u32)], tokens: u64) {
        let Ok(mut bmap) = self.buckets.lock() else { return };
        let now = Instant::now();
        for (key, cap) in buckets {
            let b = bmap.entry(key.clone()).or_insert_with(|| BucketLease {
                cap: f64::from(*cap),
                requests: false,
                tokens: 0,
                debt: 0,
                granted: now,
                level: 0.0,
                // Never read as fresh: a reading comes only from Redis.
                seen: now.checked_sub(LIFE).unwrap_or(now),
            });
            b.level -= tokens as f64;
            b.debt = b.debt.saturating_add(tokens);
        }
    }

    /// Takes what is due to Redis: settled costs, slices unused for [`LIFE`] (everything when
    /// `all`, at shutdown), leased requests older than [`LIFE`]. Taken amounts leave the local
    /// books now; [`Leases::restore`] puts them back if the flush fails.
    pub fn take_flush(&self, all: bool) -> Flush {
        let now = Instant::now();
        let mut f = Flush::default();
        if let Ok(mut wmap) = self.windows.lock() {
            for (key, w) in wmap.iter_mut() {
                let idle = all || w.exhausted || now.saturating_duration_since(w.used) >= LIFE;
                let spare = if idle { w.spare().max(0) } else { 0 };
                if w.settled == 0 && w.foreign == 0 && spare == 0 {
                    continue;
                }
                let wf = WindowFlush {
                    key: key.clone(),
                    settled: w.settled,
                    foreign: w.foreign,
                    spare,
                    ttl: w.ttl,
                    alert: w.alert.clone(),
                };
                w.held -= wf.release();
                w.settled = 0;
                w.foreign = 0;
                f.windows.push(wf);
            }
            wmap.retain(|_, w| !(w.empty() && now.saturating_duration_since(w.used) >= FORGET));
        }
        if let Ok(mut bmap) = self.buckets.lock() {
            for (key, b) in bmap.iter_mut() {
                if b.requests && b.tokens > 0 && (all || now.saturating_duration_since(b.granted) >= LIFE) {
                    f.buckets.push((key.clone(), b.cap as u32, i64::from(b.tokens)));
                    b.tokens = 0;
                }
                if b.debt > 0 {
                    f.buckets.push((key.clone(), b.cap as u32, -i64::try_from(b.debt).unwrap_or(i64::MAX)));
                    b.debt = 0;
                }
            }
            bmap.retain(|_, b| b.tokens > 0 || b.debt > 0 || now.saturating_duration_since(b.seen) < FORGET);
        }
        f
    }

    /// Puts back what a failed flush took (leased requests are dropped: they only under-admit).
    pub fn restore(&self, f: &Flush) {
        if let Ok(mut bmap) = self.buckets.lock() {
            for (key, _, delta) in &f.buckets {
                if let (Some(b), Ok(debt)) = (bmap.get_mut(key), u64::try_from(-*delta)) {
                    b.debt = b.debt.saturating_add(debt);
                }
            }
        }
        let Ok(mut wmap) = self.windows.lock() else { return };
        for wf in &f.windows {
            if let Some(w) = wmap.get_mut(&wf.key) {
                w.held += wf.release();
                w.settled += wf.settled;
                w.foreign += wf.foreign;
            }
        }
    }

    /// A flush read `spent` on window `key`: at or past its limit, the slice stops admitting.
    pub fn observe(&self, key: &str, spent: i128) {
        if let Ok(mut wmap) = self.windows.lock() {
            if let Some(w) = wmap.get_mut(key) {
                w.exhausted = spent >= w.limit;
            }
        }
    }

    /// This replica's reservations were dropped by Redis (its liveness key expired): nothing
    /// it held counts any more, so it leases afresh.
    pub fn forget_held(&self) {
        if let Ok(mut wmap) = self.windows.lock() {
            for w in wmap.values_mut() {
                w.held = w.inflight + w.settled;
            }
        }
    }
}

impl WindowFlush {
    /// Cost to add to the window's spent.
    pub fn spent(&self) -> i128 {
        self.settled + self.foreign
    }

    /// Amount to take off this replica's reservation field.
    pub fn release(&self) -> i128 {
        self.settled + self.spare
    }

    /// Fires the alerts this flush crossed, given the window's new spent.
    pub fn crossed(&self, new_spent: i128) {
        if let Some(a) = &self.alert {
            a(new_spent - self.spent(), new_spent);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window() -> Vec<WindowKey> {
        vec![("w".to_string(), 1_000, 60)]
    }

    #[test]
    fn local_admission_uses_only_the_spare_it_holds() {
        let l = Leases::default();
        let w = window();
        assert!(l.try_local(&[], &w, 10).is_none(), "nothing held yet");
        let p = l.prepare(&[], &w, 10, |_| None);
        assert_eq!(p.claims, vec![0]);
        assert_eq!(p.extra, vec![40], "four reservations, or 1/64 of the budget when larger");
        l.apply(&[], &[], &w, 10, &p, Some(&[25]));
        // Held 35: 10 in flight, 25 spare: two more calls of 10 fit, the third does not.
        assert!(l.try_local(&[], &w, 10).is_some());
        assert!(l.try_local(&[], &w, 10).is_some());
        assert!(l.try_local(&[], &w, 10).is_none());
        // One call settles at 4: 6 come back, 11 spare; a call of 12 does not fit, one of 8 does.
        l.settle(&["w".into()], &[("w".into(), 60)], 10, 4);
        assert!(l.try_local(&[], &w, 12).is_none());
        assert!(l.try_local(&[], &w, 8).is_some());
        // The next remote call claims the 3 left (35 held − 28 in flight − 4 settled).
        let p = l.prepare(&[], &w, 10, |_| None);
        assert_eq!(p.claims, vec![3]);
        l.undo(&w, &p);
        let p = l.prepare(&[], &w, 10, |_| None);
        assert_eq!(p.claims, vec![3], "an undone claim is spare again");
    }

    #[test]
    fn flush_moves_settled_costs_and_returns_idle_slices() {
        let l = Leases::default();
        let w = window();
        let p = l.prepare(&[], &w, 10, |_| None);
        l.apply(&[], &[], &w, 10, &p, Some(&[30])); // held 40, 10 in flight
        l.settle(&["w".into()], &[("w".into(), 60)], 10, 7);
        let f = l.take_flush(false);
        assert_eq!(f.windows.len(), 1);
        assert_eq!((f.windows[0].spent(), f.windows[0].release()), (7, 7), "a busy slice is kept");
        // A failed flush is put back; then a final flush returns everything.
        l.restore(&f);
        let f = l.take_flush(true);
        assert_eq!((f.windows[0].spent(), f.windows[0].release()), (7, 40));
        assert!(l.take_flush(true).is_empty());
        assert!(l.try_local(&[], &w, 1).is_none(), "nothing held after the final flush");
    }

    #[test]
    fn a_rolled_over_window_gets_the_cost_without_a_slice() {
        let l = Leases::default();
        let w = window();
        let p = l.prepare(&[], &w, 10, |_| None);
        l.apply(&[], &[], &w, 10, &p, Some(&[0]));
        l.settle(&["w".into()], &[("w2".into(), 60)], 10, 3);
        let mut f = l.take_flush(true);
        f.windows.sort_by(|a, b| a.key.cmp(&b.key));
        assert_eq!(f.windows.len(), 2);
        assert_eq!((f.windows[0].key.as_str(), f.windows[0].spent(), f.windows[0].release()), ("w", 0, 10));
        assert_eq!((f.windows[1].key.as_str(), f.windows[1].spent(), f.windows[1].release()), ("w2", 3, 0));
    }

    #[test]
    fn leased_requests_admit_locally_until_used_up() {
        let l = Leases::default();
        let b = vec![("r".to_string(), 600, true), ("t".to_string(), 1_000, false)];
        assert!(l.try_local(&b, &[], 0).is_none());
        let p = l.prepare(&b, &[], 0, |_| None);
        assert_eq!(p.wants, vec![9, 0]);
        l.apply(&b, &[(500, 3), (800, 0)], &[], 0, &p, None);
        for _ in 0..3 {
            let out = l.try_local(&b, &[], 0).unwrap();
            assert_eq!(out[..2], [0, 0]);
            assert!(out[2] >= 500 && out[4] >= 800, "{out:?}");
        }
        assert!(l.try_local(&b, &[], 0).is_none(), "three leased, three used");
        // A token bucket read positive admits until its own debits drain it.
        l.apply(&b, &[(500, 1), (800, 0)], &[], 0, &p, None);
        l.debit(&[("t".into(), 1_000)], 900);
        assert!(l.try_local(&b, &[], 0).is_none());
    }
}
