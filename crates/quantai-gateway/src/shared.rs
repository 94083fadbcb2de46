//! Counters shared by every gateway replica, in Redis. Each decision is one Lua script, so it is
//! atomic on the Redis server whatever the number of replicas. A call is first admitted on this
//! replica's leases ([`crate::lease`]): leased requests and budget slices, no round trip. When
//! they do not cover it, one script ([`GATE`]) refills, checks and debits the rate-limit
//! buckets, looks the response cache up and reserves on every budget (all or none), leasing
//! more on the way. Settled costs and used tokens are batched to Redis every 100 ms ([`FLUSH`]);
//! cache writes happen after the answer, off the path. Time
//! comes from the Redis server (`TIME`), so replicas with skewed clocks still share one bucket.
//! Reservations are held per replica (hash field `r:ID`) and count only while the replica's
//! liveness key lives (refreshed every 10 s, 30 s TTL): a crashed replica's in-flight
//! reservations stop blocking the budget within 30 s. The scripts read those liveness keys
//! without declaring them, so a single Redis (or a replicated primary) is required, not a cluster.

use std::sync::Arc;
use std::time::{Duration, Instant};

use quantai_core::config::RedisSettings;
use redis::aio::ConnectionManager;
use redis::{FromRedisValue, Script};
use secrecy::ExposeSecret;

use crate::lease::{AlertFn, BucketKey, Leases, Prepared, WindowKey};

/// A connection to the shared Redis plus the key prefix of this deployment.
pub struct Shared {
    conn: ConnectionManager,
    prefix: String,
    /// This process's id among the replicas; its reservations are held under it, and live as
    /// long as its liveness key `PREFIX:live:ID` (refreshed every 10 s, expiring after 30 s).
    replica: String,
    timeout: Duration,
    fail_open: bool,
    gate: Script,
    flush: Script,
    seed: Script,
    model_admit: Script,
    leases: Leases,
}

/// What one call asks of [`Shared::admit`]: rate-limit buckets `(key, capacity per minute, is a
/// request bucket)`, budget windows `(key, limit in picodollars, lifetime in seconds)`, the
/// amount to reserve on them, and the cache key to look up.
pub struct Gate<'a> {
    pub buckets: &'a [BucketKey],
    pub windows: &'a [WindowKey],
    pub amount: i128,
    pub cache: Option<&'a str>,
}

/// [`Shared::admit`]'s answer: `admission` is {refused bucket index or 0, wait ms, then level
/// and reset ms per bucket}; `budget_refused` the 1-based index of the refusing window or 0;
/// `cached` the cached value when there was one (then nothing is held: a reservation made on
/// the leases is released by dropping it); `local` whether the leases decided without Redis.
#[derive(Debug)]
pub struct GateAnswer {
    pub admission: Vec<i64>,
    pub budget_refused: usize,
    pub cached: Option<Vec<u8>>,
    pub local: bool,
}

/// A Redis failure, with the operation it broke.
#[derive(Debug, thiserror::Error)]
#[error("shared counter store (redis) failed during {op}: {reason}")]
pub struct SharedError {
    pub op: &'static str,
    pub reason: String,
}

/// Admission, cache lookup and budget reservation of one call in one round trip, with the
/// leases this replica asks for ([`crate::lease`]). KEYS are the `n` rate-limit buckets, then
/// the `m` budget windows, then the cache key when ARGV[3] is `1`. ARGV: n, m, cache flag; per
/// bucket its capacity per minute, then per bucket its kind (`r`: a request bucket needs 1 and
/// consumes 1; `t`: a token bucket needs > 0 and consumes nothing here), then per bucket the
/// extra requests wanted; per window five values: limit, lifetime in seconds, the spare this
/// replica already holds for the call (counted as free), the rest of the call's reservation,
/// the extra slice wanted; then this replica's id and the prefix of the liveness keys.
///
/// In that order: a refused admission consumes nothing and stops; a cached answer stops (no
/// reservation); else the reservation is made on every window or on none. Extra requests are
/// at most a quarter of a bucket's level, an extra slice at most a quarter of what the window
/// has left after the call. Returns {refused bucket index or 0, wait ms, level_1, reset_ms_1,
/// granted_1, ..., refusing window index or 0, cached value or nil, then per window the slice
/// granted beyond the call (a decimal string) when the reservation was made}.
const GATE: &str = r"
local n, m = tonumber(ARGV[1]), tonumber(ARGV[2])
local out = {0, 0}
if n > 0 then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  local levels = {}
  local refused, wait = 0, 0
  for i = 1, n do
    local cap = tonumber(ARGV[3 + i])
    local h = redis.call('HMGET', KEYS[i], 'l', 't')
    local l = tonumber(h[1]) or cap
    local at = tonumber(h[2]) or now
    local rate = cap / 60000
    l = math.min(cap, l + math.max(0, now - at) * rate)
    levels[i] = l
    local need = (ARGV[3 + n + i] == 'r') and 1 or 1e-9
    if l < need then
      local w = math.ceil((need - l) / rate)
      if w > wait then wait = w; refused = i end
    end
  end
  out[1], out[2] = refused, wait
  for i = 1, n do
    local cap = tonumber(ARGV[3 + i])
    local g = 0
    if refused == 0 and ARGV[3 + n + i] == 'r' then
      levels[i] = levels[i] - 1
      g = math.min(tonumber(ARGV[3 + 2 * n + i]), math.floor(math.max(0, levels[i]) / 4))
      levels[i] = levels[i] - g
    end
    redis.call('HSET', KEYS[i], 'l', tostring(levels[i]), 't', now)
    redis.call('PEXPIRE', KEYS[i], 180000)
    out[#out + 1] = math.floor(math.max(0, levels[i]))
    out[#out + 1] = math.ceil((cap - levels[i]) / (cap / 60000))
    out[#out + 1] = g
  end
  if refused ~= 0 then
    out[#out + 1] = 0
    out[#out + 1] = false
    return out
  end
end
if ARGV[3] == '1' then
  local v = redis.call('GET', KEYS[n + m + 1])
  if v then
    out[#out + 1] = 0
    out[#out + 1] = v
    return out
  end
end
local b = 4 + 3 * n
-- Reservations are per replica (field r:ID); a replica whose liveness key expired (it crashed)
-- no longer holds anything, and its fields are dropped.
local rid = ARGV[b + 5 * m]
local live = ARGV[b + 5 * m + 1]
local used = {}
for i = 1, m do
  local a = b + 5 * (i - 1)
  local h = redis.call('HGETALL', KEYS[n + i])
  local u = 0
  for j = 1, #h, 2 do
    local f, v = h[j], tonumber(h[j + 1]) or 0
    if f == 'spent' then
      u = u + v
    elseif string.sub(f, 1, 2) == 'r:' then
      local owner = string.sub(f, 3)
      if owner == rid or redis.call('EXISTS', live .. owner) == 1 then
        u = u + v
      else
        redis.call('HDEL', KEYS[n + i], f)
      end
    end
  end
  if u - tonumber(ARGV[a + 2]) >= tonumber(ARGV[a]) then
    out[#out + 1] = i
    out[#out + 1] = false
    return out
  end
  used[i] = u
end
out[#out + 1] = 0
out[#out + 1] = false
local field = 'r:' .. rid
for i = 1, m do
  local a = b + 5 * (i - 1)
  local room = tonumber(ARGV[a]) - used[i] - tonumber(ARGV[a + 3])
  local g = string.format('%.0f', math.min(tonumber(ARGV[a + 4]), math.floor(math.max(0, room) / 4)))
  redis.call('HINCRBY', KEYS[n + i], field, ARGV[a + 3])
  if g ~= '0' then
    redis.call('HINCRBY', KEYS[n + i], field, g)
  end
  redis.call('EXPIRE', KEYS[n + i], ARGV[a + 1])
  out[#out + 1] = g
end
return out
";

/// A lease flush ([`crate::lease::Leases::take_flush`]): KEYS are `w` budget windows, then
/// buckets. ARGV: w, this replica's id; per window the cost to add to `spent`, the (negative)
/// change of this replica's field, the key's lifetime; per bucket its capacity and its change:
/// leased requests it gets back (never above its capacity) or tokens used (never more than one
/// minute's worth into debt). Returns each window's new spent.
const FLUSH: &str = r"
local w = tonumber(ARGV[1])
local field = 'r:' .. ARGV[2]
local out = {}
for i = 1, w do
  local a = 2 + 3 * (i - 1)
  if ARGV[a + 2] ~= '0' and redis.call('HEXISTS', KEYS[i], field) == 1 then
    if redis.call('HINCRBY', KEYS[i], field, ARGV[a + 2]) <= 0 then
      redis.call('HDEL', KEYS[i], field)
    end
  end
  out[i] = redis.call('HINCRBY', KEYS[i], 'spent', ARGV[a + 1])
  redis.call('EXPIRE', KEYS[i], ARGV[a + 3])
end
if #KEYS > w then
  local t = redis.call('TIME')
  local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  for j = 1, #KEYS - w do
    local a = 2 + 3 * w + 2 * (j - 1)
    local cap = tonumber(ARGV[a + 1])
    local h = redis.call('HMGET', KEYS[w + j], 'l', 't')
    local l0, at = tonumber(h[1]), tonumber(h[2]) or now
    if l0 or tonumber(ARGV[a + 2]) < 0 then
      local l = math.min(cap, (l0 or cap) + math.max(0, now - at) * cap / 60000)
      l = math.max(-cap, math.min(cap, l + tonumber(ARGV[a + 2])))
      redis.call('HSET', KEYS[w + j], 'l', tostring(l), 't', now)
      redis.call('PEXPIRE', KEYS[w + j], 180000)
    end
  end
end
return out
";

/// Seeds a budget window from the ledger only when Redis has no record of it (after a Redis
/// restart); replicas already counting are never double-counted.
const SEED: &str = r"
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'spent', ARGV[1])
  redis.call('EXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
";

/// Daily tokens per model: KEYS are day counters, ARGV their limits. Returns 1 for each used-up
/// counter, 0 for the others.
const MODEL_ADMIT: &str = r"
local out = {}
for i = 1, #KEYS do
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  out[i] = (used >= tonumber(ARGV[i])) and 1 or 0
end
return out
";

/// A replica's reservations count while its liveness key lives this long after the last refresh.
const LIVE_SECS: u64 = 30;

impl Shared {
    /// Connects when `settings.url` is set; `None` otherwise. Within a Tokio runtime it also
    /// starts this replica's background work: the liveness key and the lease flushes.
    pub async fn connect(
        settings: &RedisSettings,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<Arc<Self>>, SharedError> {
        let Some(url) = settings.url.resolve(env) else { return Ok(None) };
        let err = |reason: String| SharedError { op: "connect", reason };
        // The URL may hold a password: errors name the failure, never the URL.
        let client = redis::Client::open(url.expose_secret()).map_err(|e| err(format!("invalid redis.url ({e})")))?;
        let timeout = Duration::from_millis(settings.timeout_ms);
        let cfg = redis::aio::ConnectionManagerConfig::new()
            .set_response_timeout(Some(timeout))
            .set_connection_timeout(Some(timeout));
        let conn = ConnectionManager::new_with_config(client, cfg).await.map_err(|e| err(e.to_string()))?;
        let shared = Arc::new(Self {
            conn,
            replica: format!("{:016x}", rand::random::<u64>()),
            prefix: settings.key_prefix.clone(),
            timeout,
            fail_open: settings.fail_open,
            gate: Script::new(GATE),
            flush: Script::new(FLUSH),
            seed: Script::new(SEED),
            model_admit: Script::new(MODEL_ADMIT),
            leases: Leases::default(),
        });
        // Alive before the first reservation, then refreshed while the process runs.
        shared.beat().await.map_err(|e| err(e.reason))?;
        if let Ok(h) = tokio::runtime::Handle::try_current() {
            let weak = Arc::downgrade(&shared);
            h.spawn(async move {
                let mut beat = Instant::now();
                loop {
                    tokio::time::sleep(crate::lease::FLUSH_EVERY).await;
                    let Some(s) = weak.upgrade() else { return };
                    if beat.elapsed() >= Duration::from_secs(LIVE_SECS / 3) {
                        beat = Instant::now();
                        if let Err(e) = s.beat().await {
                            tracing::warn!(error = %e, "replica liveness not refreshed in redis");
                        }
                    }
                    s.flush(false).await;
                }
            });
        }
        Ok(Some(shared))
    }

    /// Sets this replica's liveness key. When it had expired (Redis lost it, or this process
    /// stalled past its lifetime) the other replicas may have dropped its reservations: its
    /// leases are forgotten so nothing is admitted on a slice Redis no longer counts.
    async fn beat(&self) -> Result<(), SharedError> {
        let mut conn = self.conn.clone();
        let mut cmd = redis::cmd("SET");
        cmd.arg(self.key(&format!("live:{}", self.replica))).arg(1).arg("EX").arg(LIVE_SECS).arg("GET");
        let old: Option<String> = self.timed("replica liveness", cmd.query_async(&mut conn)).await?;
        if old.is_none() {
            self.leases.forget_held();
        }
        Ok(())
    }

    /// Sends what the leases owe Redis (settled costs, idle slices, unused leased requests; all
    /// of it when `all`, at shutdown) and fires the budget alerts the costs crossed.
    pub async fn flush(&self, all: bool) {
        let f = self.leases.take_flush(all);
        if f.is_empty() {
            return;
        }
        let mut keys: Vec<String> = f.windows.iter().map(|w| w.key.clone()).collect();
        keys.extend(f.buckets.iter().map(|b| b.0.clone()));
        let mut args = vec![f.windows.len().to_string(), self.replica.clone()];
        for w in &f.windows {
            args.extend([w.spent().to_string(), (-w.release()).to_string(), w.ttl.to_string()]);
        }
        for b in &f.buckets {
            args.extend([b.1.to_string(), b.2.to_string()]);
        }
        match self.run::<Vec<i64>>("budget settlement", &self.flush, &keys, &args).await {
            Ok(spent) => {
                for (w, new) in f.windows.iter().zip(spent) {
                    w.crossed(i128::from(new));
                    self.leases.observe(&w.key, i128::from(new));
                }
            }
            Err(e) => {
                tracing::warn!(error = %e, "budget settlement deferred");
                self.leases.restore(&f);
            }
        }
    }

    /// The leases of this replica.
    pub(crate) fn leases(&self) -> &Leases {
        &self.leases
    }

    /// This process's replica id (tests: simulating a crash).
    pub fn replica(&self) -> &str {
        &self.replica
    }

    /// Whether a Redis failure lets requests through.
    pub fn fail_open(&self) -> bool {
        self.fail_open
    }

    /// `prefix:part`.
    pub fn key(&self, part: &str) -> String {
        let mut k = String::with_capacity(self.prefix.len() + 1 + part.len());
        k.push_str(&self.prefix);
        k.push(':');
        k.push_str(part);
        k
    }

    async fn run<T: FromRedisValue>(
        &self,
        op: &'static str,
        script: &Script,
        keys: &[String],
        args: &[String],
    ) -> Result<T, SharedError> {
        let mut inv = script.prepare_invoke();
        for k in keys {
            inv.key(k);
        }
        for a in args {
            inv.arg(a);
        }
        let mut conn = self.conn.clone();
        self.timed(op, inv.invoke_async(&mut conn)).await
    }

    /// Bounds one Redis operation by `redis.timeout_ms`, naming the operation on failure.
    async fn timed<T>(
        &self,
        op: &'static str,
        fut: impl std::future::Future<Output = redis::RedisResult<T>>,
    ) -> Result<T, SharedError> {
        match tokio::time::timeout(self.timeout, fut).await {
            Ok(r) => r.map_err(|e| SharedError { op, reason: e.to_string() }),
            Err(_) => Err(SharedError { op, reason: format!("no answer within {:?}", self.timeout) }),
        }
    }

    /// Admission, cache lookup and reservation: on this replica's leases when they cover the
    /// call (then only a cache lookup, if any, goes to Redis), else in one round trip ([`GATE`])
    /// that also renews the leases. `alert` makes the alert hook of budget window `i`.
    pub async fn admit(
        &self,
        g: &Gate<'_>,
        alert: impl Fn(usize) -> Option<AlertFn>,
    ) -> Result<GateAnswer, SharedError> {
        if let Some(admission) = self.leases.try_local(g.buckets, g.windows, g.amount) {
            let mut cached = None;
            if let Some(c) = g.cache {
                let ask = Gate { buckets: &[], windows: &[], amount: 0, cache: Some(c) };
                match self.gate_remote(&ask, &Prepared::default()).await {
                    Ok((ans, _, _)) => cached = ans.cached,
                    Err(e) => tracing::warn!(error = %e, "cache read failed; calling upstream"),
                }
            }
            return Ok(GateAnswer { admission, budget_refused: 0, cached, local: true });
        }
        let p = self.leases.prepare(g.buckets, g.windows, g.amount, alert);
        match self.gate_remote(g, &p).await {
            Ok((ans, levels, grants)) => {
                let reserved = ans.admission.first() == Some(&0) && ans.cached.is_none() && ans.budget_refused == 0;
                let grants = grants.filter(|_| reserved);
                self.leases.apply(g.buckets, &levels, g.windows, g.amount, &p, grants.as_deref());
                Ok(ans)
            }
            Err(e) => {
                self.leases.undo(g.windows, &p);
                Err(e)
            }
        }
    }

    /// One [`GATE`] call; also returns each bucket's `(level, requests granted)` and, when the
    /// reservation was made, each window's extra slice.
    #[allow(clippy::type_complexity)]
    async fn gate_remote(
        &self,
        g: &Gate<'_>,
        p: &Prepared,
    ) -> Result<(GateAnswer, Vec<(i64, i64)>, Option<Vec<i128>>), SharedError> {
        let (n, m) = (g.buckets.len(), g.windows.len());
        let mut inv = self.gate.prepare_invoke();
        let mut args: Vec<String> = Vec::with_capacity(5 + 3 * n + 5 * m);
        args.extend([n.to_string(), m.to_string(), if g.cache.is_some() { "1" } else { "0" }.to_string()]);
        for b in g.buckets {
            inv.key(&b.0);
            args.push(b.1.to_string());
        }
        args.extend(g.buckets.iter().map(|b| if b.2 { "r" } else { "t" }.to_string()));
        args.extend((0..n).map(|i| p.wants.get(i).copied().unwrap_or(0).to_string()));
        for (i, w) in g.windows.iter().enumerate() {
            inv.key(&w.0);
            let claim = p.claims.get(i).copied().unwrap_or(0);
            let extra = p.extra.get(i).copied().unwrap_or(0);
            args.extend([w.1.to_string(), w.2.to_string(), claim.to_string(), (g.amount - claim).to_string()]);
            args.push(extra.to_string());
        }
        args.push(self.replica.clone());
        args.push(self.key("live:"));
        if let Some(c) = g.cache {
            inv.key(c);
        }
        for a in &args {
            inv.arg(a);
        }
        let mut conn = self.conn.clone();
        let raw: Vec<redis::Value> = self.timed("admission and reservation", inv.invoke_async(&mut conn)).await?;
        let malformed = || SharedError { op: "admission and reservation", reason: "malformed answer".into() };
        let head = 4 + 3 * n;
        if raw.len() != head && raw.len() != head + m {
            return Err(malformed());
        }
        let mut ints = Vec::with_capacity(head - 1);
        for v in &raw[..head - 1] {
            match v {
                redis::Value::Int(i) => ints.push(*i),
                _ => return Err(malformed()),
            }
        }
        let cached = match &raw[head - 1] {
            redis::Value::BulkString(b) => Some(b.clone()),
            redis::Value::Nil => None,
            _ => return Err(malformed()),
        };
        let budget_refused = usize::try_from(ints.pop().unwrap_or(0)).unwrap_or(0);
        // {refused, wait, (level, reset, granted) per bucket} → the admission shape and the leases.
        let mut admission = Vec::with_capacity(2 + 2 * n);
        admission.extend_from_slice(&ints[..2]);
        let mut levels = Vec::with_capacity(n);
        for c in ints[2..].chunks(3) {
            admission.extend_from_slice(&c[..2]);
            levels.push((c[0], c[2]));
        }
        let grants = if raw.len() == head + m && m > 0 {
            let mut v = Vec::with_capacity(m);
            for x in &raw[head..] {
                let redis::Value::BulkString(b) = x else { return Err(malformed()) };
                v.push(std::str::from_utf8(b).ok().and_then(|s| s.parse::<i128>().ok()).ok_or_else(malformed)?);
            }
            Some(v)
        } else {
            None
        };
        Ok((GateAnswer { admission, budget_refused, cached, local: false }, levels, grants))
    }

    /// Seeds a budget window that Redis does not know yet.
    pub async fn seed(&self, key: &str, spent: i128, ttl_secs: u64) -> Result<bool, SharedError> {
        let n: i64 = self
            .run("budget seeding", &self.seed, &[key.to_string()], &[spent.to_string(), ttl_secs.to_string()])
            .await?;
        Ok(n == 1)
    }

    /// For each `(key, limit)`, whether its day counter is used up; one round trip.
    pub async fn used_up(&self, counters: &[(String, u64)]) -> Result<Vec<bool>, SharedError> {
        let keys: Vec<String> = counters.iter().map(|c| c.0.clone()).collect();
        let args: Vec<String> = counters.iter().map(|c| c.1.to_string()).collect();
        let flags: Vec<i64> = self.run("model token quota", &self.model_admit, &keys, &args).await?;
        Ok(flags.into_iter().map(|f| f == 1).collect())
    }

    /// Adds `n` to a counter that expires after `ttl_secs`.
    pub async fn incr(&self, key: &str, n: u64, ttl_secs: u64) -> Result<i64, SharedError> {
        let mut conn = self.conn.clone();
        let mut pipe = redis::pipe();
        pipe.atomic().cmd("INCRBY").arg(key).arg(n).cmd("EXPIRE").arg(key).arg(ttl_secs).ignore();
        let (v,) = self.timed("counter increment", pipe.query_async::<(i64,)>(&mut conn)).await?;
        Ok(v)
    }

    /// Sets `key` only if absent, expiring after `ttl_secs`; whether this call set it.
    pub async fn set_nx(&self, key: &str, ttl_secs: u64) -> Result<bool, SharedError> {
        let mut conn = self.conn.clone();
        let mut cmd = redis::cmd("SET");
        cmd.arg(key).arg(1).arg("NX").arg("EX").arg(ttl_secs.max(1));
        let r: Option<String> = self.timed("alert de-duplication", cmd.query_async(&mut conn)).await?;
        Ok(r.is_some())
    }

    /// Stores a value for `ttl`.
    pub async fn set(&self, key: &str, value: &[u8], ttl: Duration) -> Result<(), SharedError> {
        let mut conn = self.conn.clone();
        let ms = u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1);
        let mut cmd = redis::cmd("SET");
        cmd.arg(key).arg(value).arg("PX").arg(ms);
        self.timed("cache write", cmd.query_async::<()>(&mut conn)).await
    }
}

/// Redis settings with a key prefix of this test alone; `None` without a test Redis.
#[cfg(test)]
pub(crate) fn test_redis(tag: &str) -> Option<RedisSettings> {
    let url = std::env::var("QUANTAI_TEST_REDIS_URL").ok()?;
    let nanos = time::OffsetDateTime::now_utc().unix_timestamp_nanos();
    Some(RedisSettings {
        url: url.into(),
        key_prefix: format!("qtest-{tag}-{}-{nanos}", std::process::id()),
        fail_open: false,
        timeout_ms: 2_000,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};

    async fn replicas(tag: &str) -> Option<(RedisSettings, Arc<Shared>, Arc<Shared>)> {
        let settings = test_redis(tag)?;
        let a = Shared::connect(&settings, |_| None).await.unwrap().unwrap();
        let b = Shared::connect(&settings, |_| None).await.unwrap().unwrap();
        Some((settings, a, b))
    }

    async fn hash(settings: &RedisSettings, key: &str) -> Vec<(String, String)> {
        let client = redis::Client::open(&*settings.url).unwrap();
        let mut conn = client.get_multiplexed_async_connection().await.unwrap();
        redis::cmd("HGETALL").arg(key).query_async(&mut conn).await.unwrap()
    }

    /// Two replicas, 32 workers calling with random real costs until refused against a budget that
    /// fits a few hundred calls: what Redis records is exactly what the calls cost, it exceeds the budget by
    /// at most one reservation, the budget is used up, and most calls never reach Redis.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn leased_budget_slices_hold_one_global_budget() {
        let Some((settings, a, b)) = replicas("lease-budget").await else { return };
        let key = a.key("b:ud:1:u");
        let (limit, amount) = (10_000_000i128, 50_000i128);
        let windows = vec![(key.clone(), limit, 600)];
        let (charged, admitted, local) =
            (Arc::new(AtomicI64::new(0)), Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let next = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for w in 0..32 {
            let r = if w % 2 == 0 { a.clone() } else { b.clone() };
            let (windows, charged, admitted, local, next) =
                (windows.clone(), charged.clone(), admitted.clone(), local.clone(), next.clone());
            tasks.push(tokio::spawn(async move {
                // Until refused 20 times in a row, 5 ms apart: calls still in flight settle
                // below their reservation and free budget, which later calls use.
                let mut refusals = 0;
                while refusals < 20 {
                    let i = next.fetch_add(1, Ordering::Relaxed) as u64;
                    let ask = Gate { buckets: &[], windows: &windows, amount, cache: None };
                    let ans = r.admit(&ask, |_| None).await.unwrap();
                    if ans.budget_refused != 0 {
                        refusals += 1;
                        tokio::time::sleep(Duration::from_millis(5)).await;
                        continue;
                    }
                    refusals = 0;
                    admitted.fetch_add(1, Ordering::Relaxed);
                    if ans.local {
                        local.fetch_add(1, Ordering::Relaxed);
                    }
                    tokio::time::sleep(Duration::from_micros(i % 2_000)).await;
                    let actual = 20_000 + (i as i128 * 7_919) % 30_001;
                    charged.fetch_add(actual as i64, Ordering::Relaxed);
                    let keys = [windows[0].0.clone()];
                    r.leases().settle(&keys, &[(keys[0].clone(), 600)], amount, actual);
                }
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        a.flush(true).await;
        b.flush(true).await;
        let h = hash(&settings, &key).await;
        let spent: i128 = h.iter().find(|(f, _)| f == "spent").map(|(_, v)| v.parse().unwrap()).unwrap();
        let charged = i128::from(charged.load(Ordering::Relaxed));
        let (admitted, local) = (admitted.load(Ordering::Relaxed), local.load(Ordering::Relaxed));
        eprintln!("charged {charged} of {limit}; {local} of {admitted} admitted calls on leases");
        assert_eq!(spent, charged, "Redis records exactly what the calls cost");
        assert!(charged <= limit + amount, "charged {charged} against {limit}");
        assert!(charged >= limit - 2 * amount, "charged {charged}: the budget was not used up");
        assert!(h.iter().all(|(f, _)| f == "spent"), "every slice was handed back: {h:?}");
        assert!(local * 2 > admitted, "{local} of {admitted} admitted calls on leases");
    }

    /// Two replicas draining one 600-a-minute request bucket: leases never admit more than the
    /// bucket holds, and strand less than 1 % of it.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn leased_requests_hold_one_global_limit() {
        let Some((_settings, a, b)) = replicas("lease-rpm").await else { return };
        let buckets = vec![(a.key("rl:ur:u"), 600u32, true)];
        let started = Instant::now();
        let (admitted, local) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let mut tasks = Vec::new();
        for w in 0..16 {
            let r = if w % 2 == 0 { a.clone() } else { b.clone() };
            let (buckets, admitted, local) = (buckets.clone(), admitted.clone(), local.clone());
            tasks.push(tokio::spawn(async move {
                for _ in 0..60 {
                    let ask = Gate { buckets: &buckets, windows: &[], amount: 0, cache: None };
                    let ans = r.admit(&ask, |_| None).await.unwrap();
                    if ans.admission[0] == 0 {
                        admitted.fetch_add(1, Ordering::Relaxed);
                        if ans.local {
                            local.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            }));
        }
        for t in tasks {
            t.await.unwrap();
        }
        let elapsed = started.elapsed().as_secs_f64();
        let admitted = admitted.load(Ordering::Relaxed) as f64;
        eprintln!("admitted {admitted} in {elapsed:.3} s, {} on leases", local.load(Ordering::Relaxed));
        let allowed = 600.0 + 10.0 * elapsed;
        assert!(admitted <= allowed.floor(), "admitted {admitted}, the bucket allows {allowed:.1}");
        assert!(admitted >= 594.0, "admitted {admitted} of 600");
        assert!(local.load(Ordering::Relaxed) > 300, "{} admitted on leases", local.load(Ordering::Relaxed));
    }

    /// Tokens used on one replica reach the shared bucket with the flush: the other replica is
    /// then refused until the debt refills.
    #[tokio::test]
    async fn used_tokens_are_debited_across_replicas() {
        let Some((_settings, a, b)) = replicas("lease-tpm").await else { return };
        let buckets = vec![(a.key("rl:st:s"), 1_000u32, false)];
        let ask = Gate { buckets: &buckets, windows: &[], amount: 0, cache: None };
        assert_eq!(b.admit(&ask, |_| None).await.unwrap().admission[0], 0);
        a.leases().debit(&[(buckets[0].0.clone(), 1_000)], 1_500);
        a.flush(false).await;
        // b's reading is fresh, so it still admits on it; once stale, Redis refuses.
        let mut refused = None;
        for _ in 0..40 {
            let ans = b.admit(&ask, |_| None).await.unwrap();
            if ans.admission[0] != 0 {
                refused = Some(ans.admission[1]);
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        // 500 tokens in debt at 1,000 a minute: about 30 s, less the second b trusted its reading.
        let wait = refused.expect("refused once the debit reached Redis");
        assert!((28_000..=30_100).contains(&wait), "wait {wait} ms");
    }
}
