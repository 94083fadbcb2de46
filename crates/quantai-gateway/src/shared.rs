//! Counters shared by every gateway replica, in Redis. Each decision is one Lua script, so it is
//! atomic on the Redis server whatever the number of replicas. Before the upstream call one
//! script ([`Shared::gate`]) refills, checks and debits the rate-limit buckets, looks the
//! response cache up and reserves on every budget (all or none): one round trip on the request
//! path. Settlement, token debits and cache writes happen after the answer, off the path. Time
//! comes from the Redis server (`TIME`), so replicas with skewed clocks still share one bucket.
//! Reservations are held per replica (hash field `r:ID`) and count only while the replica's
//! liveness key lives (refreshed every 10 s, 30 s TTL): a crashed replica's in-flight
//! reservations stop blocking the budget within 30 s. The scripts read those liveness keys
//! without declaring them, so a single Redis (or a replicated primary) is required, not a cluster.

use std::time::Duration;

use quantai_core::config::RedisSettings;
use redis::aio::ConnectionManager;
use redis::{FromRedisValue, Script};
use secrecy::ExposeSecret;

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
    debit: Script,
    settle: Script,
    seed: Script,
    model_admit: Script,
}

/// What one call asks of [`Shared::gate`]: rate-limit buckets `(key, capacity per minute, is a
/// request bucket)`, budget windows `(key, limit in picodollars, lifetime in seconds)`, the
/// amount to reserve on them, and the cache key to look up.
pub struct Gate<'a> {
    pub buckets: &'a [(String, u32, bool)],
    pub windows: &'a [(String, i128, u64)],
    pub amount: i128,
    pub cache: Option<&'a str>,
}

/// [`Shared::gate`]'s answer: `admission` is {refused bucket index or 0, wait ms, then level and
/// reset ms per bucket}; `budget_refused` the 1-based index of the refusing window or 0;
/// `cached` the cached value when there was one (then nothing was reserved).
#[derive(Debug)]
pub struct GateAnswer {
    pub admission: Vec<i64>,
    pub budget_refused: usize,
    pub cached: Option<Vec<u8>>,
}

/// A Redis failure, with the operation it broke.
#[derive(Debug, thiserror::Error)]
#[error("shared counter store (redis) failed during {op}: {reason}")]
pub struct SharedError {
    pub op: &'static str,
    pub reason: String,
}

/// Admission, cache lookup and budget reservation of one call in one round trip. KEYS are the
/// `n` rate-limit buckets, then the `m` budget windows, then the cache key when ARGV[3] is `1`.
/// ARGV: n, m, cache flag, the buckets' capacities per minute, their kinds (`r`: a request
/// bucket needs 1 and consumes 1; `t`: a token bucket needs > 0 and consumes nothing here), the
/// amount to reserve, the windows' limits, their lifetimes in seconds, this replica's id and the
/// prefix of the replicas' liveness keys.
///
/// In that order: a refused admission consumes nothing and stops; a cached answer stops (no
/// reservation); else the amount is reserved on every window or on none. Returns {refused
/// bucket index or 0, wait ms, level_1, reset_ms_1, ..., refusing window index or 0, cached
/// value or nil}.
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
    if refused == 0 and ARGV[3 + n + i] == 'r' then levels[i] = levels[i] - 1 end
    redis.call('HSET', KEYS[i], 'l', tostring(levels[i]), 't', now)
    redis.call('PEXPIRE', KEYS[i], 180000)
    out[#out + 1] = math.floor(math.max(0, levels[i]))
    out[#out + 1] = math.ceil((cap - levels[i]) / (cap / 60000))
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
local amount = ARGV[4 + 2 * n]
-- Reservations are per replica (field r:ID); a replica whose liveness key expired (it crashed)
-- no longer holds anything, and its fields are dropped.
local rid = ARGV[5 + 2 * n + 2 * m]
local live = ARGV[6 + 2 * n + 2 * m]
for i = 1, m do
  local h = redis.call('HGETALL', KEYS[n + i])
  local used = 0
  for j = 1, #h, 2 do
    local f, v = h[j], tonumber(h[j + 1]) or 0
    if f == 'spent' then
      used = used + v
    elseif string.sub(f, 1, 2) == 'r:' then
      local owner = string.sub(f, 3)
      if owner == rid or redis.call('EXISTS', live .. owner) == 1 then
        used = used + v
      else
        redis.call('HDEL', KEYS[n + i], f)
      end
    end
  end
  if used >= tonumber(ARGV[4 + 2 * n + i]) then
    out[#out + 1] = i
    out[#out + 1] = false
    return out
  end
end
for i = 1, m do
  redis.call('HINCRBY', KEYS[n + i], 'r:' .. rid, amount)
  redis.call('EXPIRE', KEYS[n + i], ARGV[4 + 2 * n + m + i])
end
out[#out + 1] = 0
out[#out + 1] = false
return out
";

/// Debits ARGV[n+1] tokens from token buckets KEYS (capacities ARGV[1..n]), at most one
/// minute's worth into debt.
const DEBIT: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local n = #KEYS
local used = tonumber(ARGV[n + 1])
for i = 1, n do
  local cap = tonumber(ARGV[i])
  local h = redis.call('HMGET', KEYS[i], 'l', 't')
  local l = tonumber(h[1]) or cap
  local at = tonumber(h[2]) or now
  l = math.min(cap, l + math.max(0, now - at) * cap / 60000)
  l = math.max(-cap, l - used)
  redis.call('HSET', KEYS[i], 'l', tostring(l), 't', now)
  redis.call('PEXPIRE', KEYS[i], 180000)
end
return 0
";

/// Settles a reservation: KEYS[1..n] held ARGV[1] (released from this replica's field),
/// KEYS[n+1..2n] are the windows the real cost ARGV[2] lands in (the same keys unless a window
/// rolled over), ARGV[3..2+n] their lifetimes, ARGV[3+n] this replica's id. Returns the new spent of each landing key, for alerts.
const SETTLE: &str = r"
local n = #KEYS / 2
local out = {}
local field = 'r:' .. ARGV[3 + n]
for i = 1, n do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    if redis.call('HINCRBY', KEYS[i], field, -tonumber(ARGV[1])) <= 0 then
      redis.call('HDEL', KEYS[i], field)
    end
  end
  out[i] = redis.call('HINCRBY', KEYS[n + i], 'spent', ARGV[2])
  redis.call('EXPIRE', KEYS[n + i], ARGV[2 + i])
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
    /// Connects when `settings.url` is set; `None` otherwise.
    pub async fn connect(
        settings: &RedisSettings,
        env: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<Self>, SharedError> {
        let Some(url) = settings.resolve_url(env) else { return Ok(None) };
        let err = |reason: String| SharedError { op: "connect", reason };
        // The URL may hold a password: errors name the failure, never the URL.
        let client = redis::Client::open(url.expose_secret()).map_err(|e| err(format!("invalid redis.url ({e})")))?;
        let timeout = Duration::from_millis(settings.timeout_ms);
        let cfg = redis::aio::ConnectionManagerConfig::new()
            .set_response_timeout(Some(timeout))
            .set_connection_timeout(Some(timeout));
        let conn = ConnectionManager::new_with_config(client, cfg).await.map_err(|e| err(e.to_string()))?;
        let replica = format!("{:016x}", rand::random::<u64>());
        let live = format!("{}:live:{replica}", settings.key_prefix);
        // Alive before the first reservation, then refreshed while the process runs.
        let mut c = conn.clone();
        let mut beat = redis::cmd("SET");
        beat.arg(&live).arg(1).arg("EX").arg(LIVE_SECS);
        beat.query_async::<()>(&mut c).await.map_err(|e| err(e.to_string()))?;
        if let Ok(h) = tokio::runtime::Handle::try_current() {
            let weak = c.clone();
            h.spawn(async move {
                let mut conn = weak;
                loop {
                    tokio::time::sleep(Duration::from_secs(LIVE_SECS / 3)).await;
                    if let Err(e) = beat.query_async::<()>(&mut conn).await {
                        tracing::warn!(error = %e, "replica liveness not refreshed in redis");
                    }
                }
            });
        }
        Ok(Some(Self {
            conn,
            replica,
            prefix: settings.key_prefix.clone(),
            timeout,
            fail_open: settings.fail_open,
            gate: Script::new(GATE),
            debit: Script::new(DEBIT),
            settle: Script::new(SETTLE),
            seed: Script::new(SEED),
            model_admit: Script::new(MODEL_ADMIT),
        }))
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

    /// Admission, cache lookup and reservation in one round trip; see [`GATE`].
    pub async fn gate(&self, g: &Gate<'_>) -> Result<GateAnswer, SharedError> {
        let (n, m) = (g.buckets.len(), g.windows.len());
        let mut inv = self.gate.prepare_invoke();
        let mut args: Vec<String> = Vec::with_capacity(4 + 2 * n + 2 * m);
        args.extend([n.to_string(), m.to_string(), if g.cache.is_some() { "1" } else { "0" }.to_string()]);
        for b in g.buckets {
            inv.key(&b.0);
            args.push(b.1.to_string());
        }
        args.extend(g.buckets.iter().map(|b| if b.2 { "r" } else { "t" }.to_string()));
        args.push(g.amount.to_string());
        for w in g.windows {
            inv.key(&w.0);
            args.push(w.1.to_string());
        }
        args.extend(g.windows.iter().map(|w| w.2.to_string()));
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
        if raw.len() != 4 + 2 * n {
            return Err(malformed());
        }
        let mut ints = Vec::with_capacity(3 + 2 * n);
        for v in &raw[..3 + 2 * n] {
            match v {
                redis::Value::Int(i) => ints.push(*i),
                _ => return Err(malformed()),
            }
        }
        let cached = match &raw[3 + 2 * n] {
            redis::Value::BulkString(b) => Some(b.clone()),
            redis::Value::Nil => None,
            _ => return Err(malformed()),
        };
        let budget_refused = usize::try_from(ints.pop().unwrap_or(0)).unwrap_or(0);
        Ok(GateAnswer { admission: ints, budget_refused, cached })
    }

    /// Debits used tokens from token buckets; see [`DEBIT`].
    pub async fn debit(&self, buckets: &[(String, u32)], tokens: u64) -> Result<(), SharedError> {
        let keys: Vec<String> = buckets.iter().map(|b| b.0.clone()).collect();
        let mut args: Vec<String> = buckets.iter().map(|b| b.1.to_string()).collect();
        args.push(tokens.to_string());
        self.run::<i64>("token debit", &self.debit, &keys, &args).await.map(|_| ())
    }

    /// Releases `reserved` on `held` and adds `actual` to `landing` (same length); returns the
    /// new spent of each landing window.
    pub async fn settle(
        &self,
        held: &[String],
        landing: &[(String, u64)],
        reserved: i128,
        actual: i128,
    ) -> Result<Vec<i64>, SharedError> {
        let mut keys: Vec<String> = held.to_vec();
        keys.extend(landing.iter().map(|l| l.0.clone()));
        let mut args = vec![reserved.to_string(), actual.to_string()];
        args.extend(landing.iter().map(|l| l.1.to_string()));
        args.push(self.replica.clone());
        self.run("budget settlement", &self.settle, &keys, &args).await
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
