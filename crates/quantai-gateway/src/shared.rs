//! Counters shared by every gateway replica, in Redis. Each decision is one Lua script, so it is
//! atomic on the Redis server whatever the number of replicas: a rate-limit bucket is refilled,
//! checked and debited in one step, and a budget reservation checks and reserves every budget
//! of a call in one step. Time comes from the Redis server (`TIME`), so replicas with skewed
//! clocks still share one bucket.

use std::time::Duration;

use quantai_core::config::RedisSettings;
use redis::aio::ConnectionManager;
use redis::{FromRedisValue, Script};
use secrecy::ExposeSecret;

/// A connection to the shared Redis plus the key prefix of this deployment.
pub struct Shared {
    conn: ConnectionManager,
    prefix: String,
    timeout: Duration,
    fail_open: bool,
    admit: Script,
    debit: Script,
    reserve: Script,
    settle: Script,
    seed: Script,
    model_admit: Script,
}

/// A Redis failure, with the operation it broke.
#[derive(Debug, thiserror::Error)]
#[error("shared counter store (redis) failed during {op}: {reason}")]
pub struct SharedError {
    pub op: &'static str,
    pub reason: String,
}

/// Token buckets: KEYS are buckets; ARGV[i] is bucket i's capacity per minute and ARGV[n+i] is
/// `r` (a request bucket: needs 1, consumes 1) or `t` (a token bucket: needs > 0, consumes
/// nothing here). Returns {refused bucket index or 0, wait ms, level_1, reset_ms_1, ...}.
const ADMIT: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local n = #KEYS
local levels = {}
local refused, wait = 0, 0
for i = 1, n do
  local cap = tonumber(ARGV[i])
  local h = redis.call('HMGET', KEYS[i], 'l', 't')
  local l = tonumber(h[1]) or cap
  local at = tonumber(h[2]) or now
  local rate = cap / 60000
  l = math.min(cap, l + math.max(0, now - at) * rate)
  levels[i] = l
  local need = (ARGV[n + i] == 'r') and 1 or 1e-9
  if l < need then
    local w = math.ceil((need - l) / rate)
    if w > wait then wait = w; refused = i end
  end
end
local out = {refused, wait}
for i = 1, n do
  local cap = tonumber(ARGV[i])
  if refused == 0 and ARGV[n + i] == 'r' then levels[i] = levels[i] - 1 end
  redis.call('HSET', KEYS[i], 'l', tostring(levels[i]), 't', now)
  redis.call('PEXPIRE', KEYS[i], 180000)
  out[#out + 1] = math.floor(math.max(0, levels[i]))
  out[#out + 1] = math.ceil((cap - levels[i]) / (cap / 60000))
end
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

/// Budgets: KEYS are budget windows (hash: spent, reserved in picodollars); ARGV[1] is the
/// amount, ARGV[1+i] key i's limit, ARGV[1+n+i] its lifetime in seconds. Reserves on every key
/// or on none; returns the index of the refusing budget, or 0.
const RESERVE: &str = r"
local n = #KEYS
local amount = ARGV[1]
for i = 1, n do
  local h = redis.call('HMGET', KEYS[i], 'spent', 'reserved')
  local used = (tonumber(h[1]) or 0) + (tonumber(h[2]) or 0)
  if used >= tonumber(ARGV[1 + i]) then return i end
end
for i = 1, n do
  redis.call('HINCRBY', KEYS[i], 'reserved', amount)
  redis.call('EXPIRE', KEYS[i], ARGV[1 + n + i])
end
return 0
";

/// Settles a reservation: KEYS[1..n] held ARGV[1] (released), KEYS[n+1..2n] are the windows
/// the real cost ARGV[2] lands in (the same keys unless a window rolled over), ARGV[3..] their
/// lifetimes. Returns the new spent of each landing key, for alerts.
const SETTLE: &str = r"
local n = #KEYS / 2
local out = {}
for i = 1, n do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    redis.call('HINCRBY', KEYS[i], 'reserved', -tonumber(ARGV[1]))
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
  redis.call('HSET', KEYS[1], 'spent', ARGV[1], 'reserved', 0)
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
        Ok(Some(Self {
            conn,
            prefix: settings.key_prefix.clone(),
            timeout,
            fail_open: settings.fail_open,
            admit: Script::new(ADMIT),
            debit: Script::new(DEBIT),
            reserve: Script::new(RESERVE),
            settle: Script::new(SETTLE),
            seed: Script::new(SEED),
            model_admit: Script::new(MODEL_ADMIT),
        }))
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

    /// Token-bucket admission; see [`ADMIT`].
    pub async fn admit(&self, buckets: &[(String, u32, bool)]) -> Result<Vec<i64>, SharedError> {
        let keys: Vec<String> = buckets.iter().map(|b| b.0.clone()).collect();
        let mut args: Vec<String> = buckets.iter().map(|b| b.1.to_string()).collect();
        args.extend(buckets.iter().map(|b| if b.2 { "r".to_string() } else { "t".to_string() }));
        self.run("rate-limit admission", &self.admit, &keys, &args).await
    }

    /// Debits used tokens from token buckets; see [`DEBIT`].
    pub async fn debit(&self, buckets: &[(String, u32)], tokens: u64) -> Result<(), SharedError> {
        let keys: Vec<String> = buckets.iter().map(|b| b.0.clone()).collect();
        let mut args: Vec<String> = buckets.iter().map(|b| b.1.to_string()).collect();
        args.push(tokens.to_string());
        self.run::<i64>("token debit", &self.debit, &keys, &args).await.map(|_| ())
    }

    /// Reserves `amount` picodollars on every `(key, limit, ttl_secs)`; the refusing index or 0.
    pub async fn reserve(&self, windows: &[(String, i128, u64)], amount: i128) -> Result<usize, SharedError> {
        let keys: Vec<String> = windows.iter().map(|w| w.0.clone()).collect();
        let mut args = vec![amount.to_string()];
        args.extend(windows.iter().map(|w| w.1.to_string()));
        args.extend(windows.iter().map(|w| w.2.to_string()));
        let i: i64 = self.run("budget reservation", &self.reserve, &keys, &args).await?;
        Ok(usize::try_from(i).unwrap_or(0))
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

    /// A cached value, if present.
    pub async fn get(&self, key: &str) -> Result<Option<Vec<u8>>, SharedError> {
        let mut conn = self.conn.clone();
        let mut cmd = redis::cmd("GET");
        cmd.arg(key);
        self.timed("cache read", cmd.query_async::<Option<Vec<u8>>>(&mut conn)).await
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
