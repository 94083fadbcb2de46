//! The durable job queue on the database (`jobs`, `job_effects`, `job_workers`): SQLite by
//! default, PostgreSQL or MySQL by the URL. Delivery is at least once: a worker leases jobs
//! ([`Store::claim_jobs`]), renews the lease while it works ([`Store::renew_lease`]), and a
//! lease that runs out (the worker was killed) makes the job claimable again. Effects are
//! exactly once: [`Store::complete_job`] records the job's effect key in `job_effects` and
//! marks the job done in one transaction, conditional on the lease token, so a job that ran
//! twice commits once.

use crate::{get_i64, get_text, Dialect, Error, Result, Store};

/// A job's life: `ready` (waiting for `run_at_ms`), `running` (leased), `done`, `dead` (out
/// of attempts; inspect, requeue or discard it).
pub const STATES: [&str; 4] = ["ready", "running", "done", "dead"];

/// A job to enqueue.
#[derive(Clone, Debug)]
pub struct NewJob {
    pub queue: String,
    pub kind: String,
    /// JSON.
    pub payload: String,
    /// With `kind`, unique: enqueueing the same key again returns the existing job.
    pub idempotency_key: String,
    pub priority: i64,
    pub run_at_ms: i64,
    pub max_attempts: i64,
    /// The user who asked for it (an API key's user id), if a user did.
    pub owner: Option<String>,
}

/// A stored job.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct JobRow {
    pub id: String,
    pub queue: String,
    pub kind: String,
    /// JSON.
    pub payload: String,
    pub idempotency_key: String,
    pub state: String,
    pub priority: i64,
    pub run_at_ms: i64,
    pub attempts: i64,
    pub max_attempts: i64,
    pub lease_owner: Option<String>,
    #[serde(skip)]
    pub lease_token: Option<String>,
    pub lease_expires_ms: Option<i64>,
    pub last_error: Option<String>,
    /// JSON, once done.
    pub result: Option<String>,
    pub created_ms: i64,
    pub started_ms: Option<i64>,
    pub finished_ms: Option<i64>,
    pub owner: Option<String>,
}

const COLS: &str = "id, queue, kind, payload, idempotency_key, state, priority, run_at_ms, attempts, max_attempts, \
                    lease_owner, lease_token, lease_expires_ms, last_error, result, created_ms, started_ms, finished_ms, owner";

use crate::get_opt_text as opt_text;

fn opt_i64(r: &sqlx::any::AnyRow, col: &str) -> Result<Option<i64>> {
    use sqlx::Row;
    Ok(r.try_get::<Option<i64>, _>(col)?)
}

fn decode(r: &sqlx::any::AnyRow) -> Result<JobRow> {
    Ok(JobRow {
        id: get_text(r, "id")?,
        queue: get_text(r, "queue")?,
        kind: get_text(r, "kind")?,
        payload: get_text(r, "payload")?,
        idempotency_key: get_text(r, "idempotency_key")?,
        state: get_text(r, "state")?,
        priority: get_i64(r, "priority")?,
        run_at_ms: get_i64(r, "run_at_ms")?,
        attempts: get_i64(r, "attempts")?,
        max_attempts: get_i64(r, "max_attempts")?,
        lease_owner: opt_text(r, "lease_owner")?,
        lease_token: opt_text(r, "lease_token")?,
        lease_expires_ms: opt_i64(r, "lease_expires_ms")?,
        last_error: opt_text(r, "last_error")?,
        result: opt_text(r, "result")?,
        created_ms: get_i64(r, "created_ms")?,
        started_ms: opt_i64(r, "started_ms")?,
        finished_ms: opt_i64(r, "finished_ms")?,
        owner: opt_text(r, "owner")?,
    })
}

/// A leased job: what a worker needs to renew, complete, fail or hand it back.
#[derive(Clone, Debug, PartialEq)]
pub struct Lease {
    pub job: JobRow,
    pub token: String,
}

/// How a failed attempt ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Failed {
    /// Back to `ready` at this time (or `dead` when the job is out of attempts).
    RetryAt(i64),
    /// Straight to `dead` (a permanent error).
    Dead,
}

/// Jobs per state (and kind), for health and `quantai jobs`.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct JobCounts {
    pub kind: String,
    pub ready: i64,
    pub running: i64,
    pub done: i64,
    pub dead: i64,
    /// When the oldest ready job became due (ms since the epoch), if any.
    pub oldest_ready_ms: Option<i64>,
}

fn placeholders(d: Dialect, from: usize, n: usize) -> String {
    (from..from + n).map(|i| d.ph(i)).collect::<Vec<_>>().join(", ")
}

impl Store {
    /// Enqueues a job; when `(kind, idempotency_key)` exists already, nothing changes. Returns
    /// the job's id and whether it was created now.
    pub async fn enqueue_job(&self, job: &NewJob, now_ms: i64) -> Result<(String, bool)> {
        if job.kind.is_empty() || job.kind.len() > 64 || job.queue.is_empty() || job.queue.len() > 64 {
            return Err(Error::Invalid("queue and kind must be 1 to 64 characters".into()));
        }
        if job.idempotency_key.is_empty() || job.idempotency_key.len() > 200 {
            return Err(Error::Invalid("idempotency_key must be 1 to 200 characters".into()));
        }
        if job.max_attempts < 1 {
            return Err(Error::Invalid("max_attempts must be at least 1".into()));
        }
        let d = self.dialect();
        let id = uuid::Uuid::new_v4().to_string();
        let sql = format!(
            "INSERT INTO jobs (id, queue, kind, payload, idempotency_key, state, priority, run_at_ms, attempts, \
             max_attempts, created_ms, owner) VALUES ({}, 'ready', {}, {}, 0, {}, {}, {})",
            placeholders(d, 1, 5),
            d.ph(6),
            d.ph(7),
            d.ph(8),
            d.ph(9),
            d.ph(10)
        );
        let inserted = sqlx::query(&sql)
            .bind(&id)
            .bind(&job.queue)
            .bind(&job.kind)
            .bind(&job.payload)
            .bind(&job.idempotency_key)
            .bind(job.priority)
            .bind(job.run_at_ms)
            .bind(job.max_attempts)
            .bind(now_ms)
            .bind(job.owner.as_deref())
            .execute(self.pool())
            .await
            .map_err(Error::from);
        match inserted {
            Ok(_) => Ok((id, true)),
            Err(e) if e.is_duplicate() => {
                let sql = format!("SELECT id FROM jobs WHERE kind = {} AND idempotency_key = {}", d.ph(1), d.ph(2));
                let r = sqlx::query(&sql).bind(&job.kind).bind(&job.idempotency_key).fetch_one(self.pool()).await?;
                Ok((get_text(&r, "id")?, false))
            }
            Err(e) => Err(e),
        }
    }

    /// Leases up to `n` due jobs of `queue` whose kind is in `kinds`: ready ones whose time has
    /// come, and running ones whose lease expired (their worker died). Each claim counts an
    /// attempt; a job whose lease expired with no attempts left goes to `dead` instead.
    pub async fn claim_jobs(
        &self,
        queue: &str,
        kinds: &[&str],
        n: usize,
        owner: &str,
        lease_ms: i64,
        now_ms: i64,
    ) -> Result<Vec<Lease>> {
        if kinds.is_empty() || n == 0 {
            return Ok(Vec::new());
        }
        let d = self.dialect();
        let mut tx = self.begin_write().await?;
        let due = format!(
            "((state = 'ready' AND run_at_ms <= {}) OR (state = 'running' AND lease_expires_ms < {}))",
            d.ph(1),
            d.ph(2)
        );
        let lock = match d {
            Dialect::Sqlite => "",
            _ => " FOR UPDATE SKIP LOCKED",
        };
        let sel = format!(
            "SELECT {COLS} FROM jobs WHERE {due} AND queue = {} AND kind IN ({}) \
             ORDER BY priority DESC, run_at_ms, created_ms LIMIT {}{lock}",
            d.ph(3),
            placeholders(d, 4, kinds.len()),
            n.min(1000)
        );
        let mut q = sqlx::query(&sel).bind(now_ms).bind(now_ms).bind(queue);
        for k in kinds {
            q = q.bind(*k);
        }
        let rows = q.fetch_all(&mut *tx).await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let job = decode(r)?;
            if job.state == "running" && job.attempts >= job.max_attempts {
                let sql = format!(
                    "UPDATE jobs SET state = 'dead', lease_owner = NULL, lease_token = NULL, lease_expires_ms = NULL, \
                     last_error = {}, finished_ms = {} WHERE id = {}",
                    d.ph(1),
                    d.ph(2),
                    d.ph(3)
                );
                let why = format!("its worker stopped during each of {} attempts", job.attempts);
                sqlx::query(&sql).bind(why).bind(now_ms).bind(&job.id).execute(&mut *tx).await?;
                continue;
            }
            let token = uuid::Uuid::new_v4().to_string();
            let upd = format!(
                "UPDATE jobs SET state = 'running', lease_owner = {}, lease_token = {}, lease_expires_ms = {}, \
                 attempts = attempts + 1, started_ms = {} WHERE id = {}",
                d.ph(1),
                d.ph(2),
                d.ph(3),
                d.ph(4),
                d.ph(5)
            );
            sqlx::query(&upd)
                .bind(owner)
                .bind(&token)
                .bind(now_ms + lease_ms)
                .bind(now_ms)
                .bind(&job.id)
                .execute(&mut *tx)
                .await?;
            let job = JobRow {
                state: "running".into(),
                attempts: job.attempts + 1,
                lease_owner: Some(owner.to_string()),
                lease_token: Some(token.clone()),
                lease_expires_ms: Some(now_ms + lease_ms),
                started_ms: Some(now_ms),
                ..job
            };
            out.push(Lease { job, token });
        }
        tx.commit().await?;
        Ok(out)
    }

    /// Extends a lease; false when it is no longer this worker's (it expired and the job was
    /// claimed again, or it finished).
    pub async fn renew_lease(&self, job_id: &str, token: &str, until_ms: i64) -> Result<bool> {
        let d = self.dialect();
        let sql = format!(
            "UPDATE jobs SET lease_expires_ms = {} WHERE id = {} AND lease_token = {} AND state = 'running'",
            d.ph(1),
            d.ph(2),
            d.ph(3)
        );
        let n = sqlx::query(&sql).bind(until_ms).bind(job_id).bind(token).execute(self.pool()).await?;
        Ok(n.rows_affected() > 0)
    }

    /// Marks a leased job done with its result and records its effect key, in one transaction.
    /// False (and nothing written) when the lease is no longer this worker's: another attempt
    /// owns the job, and that attempt's completion is the one that counts.
    pub async fn complete_job(&self, lease: &Lease, result: &str, now_ms: i64) -> Result<bool> {
        let d = self.dialect();
        let mut tx = self.begin_write().await?;
        let upd = format!(
            "UPDATE jobs SET state = 'done', result = {}, finished_ms = {}, lease_token = NULL, lease_expires_ms = NULL \
             WHERE id = {} AND lease_token = {} AND state = 'running'",
            d.ph(1),
            d.ph(2),
            d.ph(3),
            d.ph(4)
        );
        let n = sqlx::query(&upd)
            .bind(result)
            .bind(now_ms)
            .bind(&lease.job.id)
            .bind(&lease.token)
            .execute(&mut *tx)
            .await?;
        if n.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        // a job purged and enqueued again under the same key had its effect recorded already
        let key = format!("{}:{}", lease.job.kind, lease.job.idempotency_key);
        let seen = format!("SELECT job_id FROM job_effects WHERE effect_key = {}", d.ph(1));
        if sqlx::query(&seen).bind(&key).fetch_optional(&mut *tx).await?.is_none() {
            let ins = format!(
                "INSERT INTO job_effects (effect_key, job_id, created_ms) VALUES ({}, {}, {})",
                d.ph(1),
                d.ph(2),
                d.ph(3)
            );
            sqlx::query(&ins).bind(&key).bind(&lease.job.id).bind(now_ms).execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Ends a failed attempt: back to `ready` at the given time, or `dead` (when asked, or when
    /// the job has no attempts left). False when the lease is no longer this worker's.
    pub async fn fail_job(&self, lease: &Lease, error: &str, how: Failed, now_ms: i64) -> Result<bool> {
        let d = self.dialect();
        let dead = matches!(how, Failed::Dead) || lease.job.attempts >= lease.job.max_attempts;
        let run_at = match how {
            Failed::RetryAt(t) => t,
            Failed::Dead => now_ms,
        };
        let error: String = error.chars().take(2000).collect();
        let sql = format!(
            "UPDATE jobs SET state = {}, run_at_ms = {}, last_error = {}, lease_owner = NULL, lease_token = NULL, \
             lease_expires_ms = NULL, finished_ms = {} WHERE id = {} AND lease_token = {} AND state = 'running'",
            d.ph(1),
            d.ph(2),
            d.ph(3),
            d.ph(4),
            d.ph(5),
            d.ph(6)
        );
        let n = sqlx::query(&sql)
            .bind(if dead { "dead" } else { "ready" })
            .bind(run_at)
            .bind(error)
            .bind(dead.then_some(now_ms))
            .bind(&lease.job.id)
            .bind(&lease.token)
            .execute(self.pool())
            .await?;
        Ok(n.rows_affected() > 0)
    }

    /// Hands a leased job back unfinished (graceful shutdown): ready at once, the attempt not
    /// counted.
    pub async fn release_job(&self, lease: &Lease) -> Result<bool> {
        let d = self.dialect();
        let sql = format!(
            "UPDATE jobs SET state = 'ready', attempts = attempts - 1, lease_owner = NULL, lease_token = NULL, \
             lease_expires_ms = NULL WHERE id = {} AND lease_token = {} AND state = 'running'",
            d.ph(1),
            d.ph(2)
        );
        let n = sqlx::query(&sql).bind(&lease.job.id).bind(&lease.token).execute(self.pool()).await?;
        Ok(n.rows_affected() > 0)
    }

    /// One job.
    pub async fn job(&self, id: &str) -> Result<Option<JobRow>> {
        let sql = format!("SELECT {COLS} FROM jobs WHERE id = {}", self.dialect().ph(1));
        sqlx::query(&sql).bind(id).fetch_optional(self.pool()).await?.as_ref().map(decode).transpose()
    }

    /// Jobs, newest first, optionally of one state and kind.
    pub async fn jobs(&self, state: Option<&str>, kind: Option<&str>, limit: i64) -> Result<Vec<JobRow>> {
        self.jobs_of(None, state, kind, limit).await
    }

    /// [`Store::jobs`], only those `owner` asked for when it is given.
    pub async fn jobs_of(
        &self,
        owner: Option<&str>,
        state: Option<&str>,
        kind: Option<&str>,
        limit: i64,
    ) -> Result<Vec<JobRow>> {
        if let Some(s) = state.filter(|s| !STATES.contains(s)) {
            return Err(Error::Invalid(format!("state {s:?} is not one of {}", STATES.join(", "))));
        }
        let d = self.dialect();
        let mut conds = Vec::new();
        let mut binds = Vec::new();
        for (col, v) in [("owner", owner), ("state", state), ("kind", kind)] {
            if let Some(v) = v {
                conds.push(format!("{col} = {}", d.ph(conds.len() + 1)));
                binds.push(v);
            }
        }
        let wh = if conds.is_empty() { String::new() } else { format!(" WHERE {}", conds.join(" AND ")) };
        let sql = format!("SELECT {COLS} FROM jobs{wh} ORDER BY created_ms DESC, id LIMIT {}", limit.clamp(1, 10_000));
        let mut q = sqlx::query(&sql);
        for b in binds {
            q = q.bind(b);
        }
        q.fetch_all(self.pool()).await?.iter().map(decode).collect()
    }

    /// Puts a dead job back in the queue with fresh attempts; false unless it was dead.
    pub async fn requeue_job(&self, id: &str, now_ms: i64) -> Result<bool> {
        let d = self.dialect();
        let sql = format!(
            "UPDATE jobs SET state = 'ready', attempts = 0, run_at_ms = {}, finished_ms = NULL WHERE id = {} AND state = 'dead'",
            d.ph(1),
            d.ph(2)
        );
        Ok(sqlx::query(&sql).bind(now_ms).bind(id).execute(self.pool()).await?.rows_affected() > 0)
    }

    /// Discards dead jobs: one by id, or all of them (of one kind); how many.
    pub async fn purge_dead_jobs(&self, id: Option<&str>, kind: Option<&str>) -> Result<u64> {
        let d = self.dialect();
        let (sql, bind) = match (id, kind) {
            (Some(id), _) => (format!("DELETE FROM jobs WHERE state = 'dead' AND id = {}", d.ph(1)), Some(id)),
            (None, Some(k)) => (format!("DELETE FROM jobs WHERE state = 'dead' AND kind = {}", d.ph(1)), Some(k)),
            (None, None) => ("DELETE FROM jobs WHERE state = 'dead'".to_string(), None),
        };
        let mut q = sqlx::query(&sql);
        if let Some(b) = bind {
            q = q.bind(b);
        }
        Ok(q.execute(self.pool()).await?.rows_affected())
    }

    /// Jobs per kind and state.
    pub async fn job_counts(&self) -> Result<Vec<JobCounts>> {
        let d = self.dialect();
        let sql = format!(
            "SELECT kind, state, {} AS n, MIN(run_at_ms) AS oldest FROM jobs GROUP BY kind, state ORDER BY kind",
            d.count()
        );
        let rows = sqlx::query(&sql).fetch_all(self.pool()).await?;
        let mut out: Vec<JobCounts> = Vec::new();
        for r in &rows {
            let kind = get_text(r, "kind")?;
            let state = get_text(r, "state")?;
            let n = get_i64(r, "n")?;
            if out.last().is_none_or(|c| c.kind != kind) {
                out.push(JobCounts { kind: kind.clone(), ..JobCounts::default() });
            }
            let Some(c) = out.last_mut() else { continue };
            match state.as_str() {
                "ready" => {
                    c.ready = n;
                    c.oldest_ready_ms = opt_i64(r, "oldest")?;
                }
                "running" => c.running = n,
                "done" => c.done = n,
                _ => c.dead = n,
            }
        }
        Ok(out)
    }

    /// How many effects are recorded (the kill test's ledger).
    pub async fn job_effect_count(&self) -> Result<i64> {
        let sql = format!("SELECT {} AS n FROM job_effects", self.dialect().count());
        get_i64(&sqlx::query(&sql).fetch_one(self.pool()).await?, "n")
    }

    /// Registers a worker name; refused while another live worker (seen within `stale_ms`) holds it.
    pub async fn register_worker(&self, name: &str, host: &str, pid: i64, now_ms: i64, stale_ms: i64) -> Result<()> {
        let d = self.dialect();
        let mut tx = self.begin_write().await?;
        let sel = format!("SELECT last_seen_ms FROM job_workers WHERE name = {}", d.ph(1));
        if let Some(r) = sqlx::query(&sel).bind(name).fetch_optional(&mut *tx).await? {
            if get_i64(&r, "last_seen_ms")? > now_ms - stale_ms {
                return Err(Error::Invalid(format!("worker name {name:?} is in use by a live worker")));
            }
            let del = format!("DELETE FROM job_workers WHERE name = {}", d.ph(1));
            sqlx::query(&del).bind(name).execute(&mut *tx).await?;
        }
        let ins = format!(
            "INSERT INTO job_workers (name, host, pid, started_ms, last_seen_ms) VALUES ({})",
            placeholders(d, 1, 5)
        );
        sqlx::query(&ins).bind(name).bind(host).bind(pid).bind(now_ms).bind(now_ms).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A worker's heartbeat.
    pub async fn worker_seen(&self, name: &str, now_ms: i64) -> Result<()> {
        let d = self.dialect();
        let sql = format!("UPDATE job_workers SET last_seen_ms = {} WHERE name = {}", d.ph(1), d.ph(2));
        sqlx::query(&sql).bind(now_ms).bind(name).execute(self.pool()).await?;
        Ok(())
    }

    /// The newest slot any scheduler processed for the scheduled job `name`.
    pub async fn schedule_last(&self, name: &str) -> Result<Option<i64>> {
        let sql = format!("SELECT last_slot_ms FROM schedule_runs WHERE name = {}", self.dialect().ph(1));
        sqlx::query(&sql).bind(name).fetch_optional(self.pool()).await?.map(|r| get_i64(&r, "last_slot_ms")).transpose()
    }

    /// Records `slot_ms` as processed for `name`; never moves the mark backwards.
    pub async fn set_schedule_last(&self, name: &str, slot_ms: i64, now_ms: i64) -> Result<()> {
        if name.is_empty() || name.len() > 128 {
            return Err(Error::Invalid("a scheduled job's name must be 1 to 128 characters".into()));
        }
        let d = self.dialect();
        let upd = format!(
            "UPDATE schedule_runs SET last_slot_ms = {}, updated_ms = {} WHERE name = {} AND last_slot_ms < {}",
            d.ph(1),
            d.ph(2),
            d.ph(3),
            d.ph(4)
        );
        let n = sqlx::query(&upd).bind(slot_ms).bind(now_ms).bind(name).bind(slot_ms).execute(self.pool()).await?;
        if n.rows_affected() > 0 {
            return Ok(());
        }
        let ins =
            format!("INSERT INTO schedule_runs (name, last_slot_ms, updated_ms) VALUES ({})", placeholders(d, 1, 3));
        match sqlx::query(&ins).bind(name).bind(slot_ms).bind(now_ms).execute(self.pool()).await.map_err(Error::from) {
            // another scheduler wrote the row meanwhile: move it forward if it is older
            Err(e) if e.is_duplicate() => {
                sqlx::query(&upd).bind(slot_ms).bind(now_ms).bind(name).bind(slot_ms).execute(self.pool()).await?;
                Ok(())
            }
            other => other.map(|_| ()),
        }
    }

    /// Workers seen since `since_ms`: (name, host, last seen).
    pub async fn live_workers(&self, since_ms: i64) -> Result<Vec<(String, String, i64)>> {
        let sql = format!(
            "SELECT name, host, last_seen_ms FROM job_workers WHERE last_seen_ms >= {} ORDER BY name",
            self.dialect().ph(1)
        );
        sqlx::query(&sql)
            .bind(since_ms)
            .fetch_all(self.pool())
            .await?
            .iter()
            .map(|r| Ok((get_text(r, "name")?, get_text(r, "host")?, get_i64(r, "last_seen_ms")?)))
            .collect()
    }

    /// Removes a worker that stopped cleanly.
    pub async fn unregister_worker(&self, name: &str) -> Result<()> {
        let sql = format!("DELETE FROM job_workers WHERE name = {}", self.dialect().ph(1));
        sqlx::query(&sql).bind(name).execute(self.pool()).await?;
        Ok(())
    }
}
