//! The `jobs.yaml` scheduler: periodic jobs declared in one file, each a task with arguments,
//! a cron expression read in its own time zone, a jitter, a misfire policy and an enabled flag.
//!
//! - [`Schedule::parse`] validates a file completely before anything runs; every error names
//!   the line it is on.
//! - [`Scheduler::tick`] enqueues the jobs whose slot has come. A slot's job carries the
//!   idempotency key `sched:{name}:{slot_ms}`, unique with its kind in the queue, so however
//!   many schedulers run over one database, each slot enqueues exactly one job.
//! - A slot noticed more than [`ON_TIME`] late was missed (the process was down): `skip`
//!   drops missed slots; `run_once` runs the newest of them once.
//! - [`Scheduler::reload`] re-reads the file; a file that does not validate leaves the
//!   previous schedule in force.

use std::collections::{BTreeMap, HashSet};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use chrono_tz::Tz;
use croner::Cron;
use serde::Deserialize;
use serde_json::Value;
use tokio::sync::watch;

use crate::{JobError, Jobs, DEFAULT_QUEUE};

/// The schedule that ships with the binary (`examples/jobs.yaml`).
pub const DEFAULT_SCHEDULE: &str = include_str!("../../../examples/jobs.yaml");

/// A slot noticed at most this late runs on time; later, the misfire policy decides.
pub const ON_TIME: Duration = Duration::from_secs(60);

/// What to do with slots missed while no scheduler ran.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Misfire {
    /// Drop them.
    #[default]
    Skip,
    /// Run the newest missed slot once.
    RunOnce,
}

impl Misfire {
    pub fn as_str(self) -> &'static str {
        match self {
            Misfire::Skip => "skip",
            Misfire::RunOnce => "run_once",
        }
    }
}

/// One entry of `jobs.yaml` as written.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    name: String,
    task: String,
    #[serde(default)]
    args: Option<serde_norway::Value>,
    cron: String,
    #[serde(default)]
    timezone: Option<String>,
    #[serde(default)]
    jitter_secs: u64,
    #[serde(default)]
    misfire: Misfire,
    #[serde(default = "yes")]
    enabled: bool,
    #[serde(default)]
    queue: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    jobs: Vec<RawEntry>,
}

/// A validated scheduled job.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Entry {
    pub name: String,
    pub task: String,
    pub args: Value,
    pub cron: String,
    pub timezone: String,
    pub jitter_secs: u64,
    pub misfire: Misfire,
    pub enabled: bool,
    pub queue: String,
    /// The line of the entry in its file.
    pub line: usize,
    #[serde(skip)]
    parsed: Option<(Cron, Tz)>,
}

impl Entry {
    fn cron(&self) -> Option<&(Cron, Tz)> {
        self.parsed.as_ref()
    }

    /// The newest slot at or before `at`.
    pub fn slot_at_or_before(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let (cron, tz) = self.cron()?;
        cron.find_previous_occurrence(&at.with_timezone(tz), true).ok().map(|t| t.with_timezone(&Utc))
    }

    /// The first slot after `at`.
    pub fn next_slot_after(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let (cron, tz) = self.cron()?;
        cron.find_next_occurrence(&at.with_timezone(tz), false).ok().map(|t| t.with_timezone(&Utc))
    }

    /// The next `n` slots after `from`; none when disabled.
    pub fn next_slots(&self, from: DateTime<Utc>, n: usize) -> Vec<DateTime<Utc>> {
        let mut out = Vec::new();
        let mut at = from;
        while self.enabled && out.len() < n {
            let Some(t) = self.next_slot_after(at) else { break };
            out.push(t);
            at = t;
        }
        out
    }

    /// This slot's jitter: the same in every scheduler, so racing schedulers enqueue the same job.
    fn jitter_ms(&self, slot_ms: i64) -> i64 {
        if self.jitter_secs == 0 {
            return 0;
        }
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (self.name.as_str(), slot_ms).hash(&mut h);
        let span = self.jitter_secs.saturating_mul(1000).saturating_add(1);
        i64::try_from(h.finish() % span).unwrap_or(0)
    }
}

/// A validated `jobs.yaml`.
#[derive(Clone, Debug, Default, serde::Serialize)]
pub struct Schedule {
    pub entries: Vec<Entry>,
}

/// Why a schedule file was refused; `line` is 1-based.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {reason}")]
pub struct ScheduleError {
    pub file: String,
    pub line: usize,
    pub reason: String,
}

impl Schedule {
    /// Reads and validates a schedule file.
    pub fn load(path: &Path, kinds: &[&str]) -> Result<Self, ScheduleError> {
        let text = std::fs::read_to_string(path).map_err(|e| ScheduleError {
            file: path.display().to_string(),
            line: 0,
            reason: format!("cannot read it: {e}"),
        })?;
        Self::parse(&text, &path.display().to_string(), kinds)
    }

    /// Validates `text` (named `file` in errors): the YAML shape, unique names, known tasks,
    /// cron expressions (5 fields, or 6 with seconds first), IANA time zones, queue names.
    pub fn parse(text: &str, file: &str, kinds: &[&str]) -> Result<Self, ScheduleError> {
        let err = |line: usize, reason: String| ScheduleError { file: file.to_string(), line, reason };
        let raw: RawFile = serde_norway::from_str(text).map_err(|e| {
            let line = e.location().map_or(0, |l| l.line());
            err(line, e.to_string())
        })?;
        let starts = entry_lines(text);
        let parser = croner::parser::CronParser::builder().seconds(croner::parser::Seconds::Optional).build();
        let mut seen = HashSet::new();
        let mut entries = Vec::with_capacity(raw.jobs.len());
        for (i, r) in raw.jobs.into_iter().enumerate() {
            let start = starts.get(i).copied().unwrap_or(0);
            let end = starts.get(i + 1).copied().unwrap_or(usize::MAX);
            let at = |field: &str| field_line(text, start, end, field).unwrap_or(start);
            if r.name.is_empty()
                || r.name.len() > 100
                || !r.name.chars().all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c))
            {
                return Err(err(at("name"), format!("name {:?} must be 1 to 100 of A-Z a-z 0-9 _ - .", r.name)));
            }
            if !seen.insert(r.name.clone()) {
                return Err(err(at("name"), format!("name {:?} is used twice", r.name)));
            }
            if !kinds.contains(&r.task.as_str()) {
                return Err(err(at("task"), format!("{}: no task {:?}; known: {}", r.name, r.task, kinds.join(", "))));
            }
            let tz_name = r.timezone.clone().unwrap_or_else(|| "UTC".into());
            let tz: Tz = tz_name.parse().map_err(|_| {
                err(at("timezone"), format!("{}: {tz_name:?} is not an IANA time zone such as Asia/Seoul", r.name))
            })?;
            let fields = r.cron.split_whitespace().count();
            if !(fields == 5 || fields == 6 || r.cron.trim_start().starts_with('@')) {
                return Err(err(
                    at("cron"),
                    format!(
                        "{}: cron {:?} has {fields} fields; use 5 (minute first) or 6 (second first)",
                        r.name, r.cron
                    ),
                ));
            }
            let cron =
                parser.parse(&r.cron).map_err(|e| err(at("cron"), format!("{}: cron {:?}: {e}", r.name, r.cron)))?;
            if r.jitter_secs > 3600 {
                return Err(err(at("jitter_secs"), format!("{}: jitter_secs must be at most 3600", r.name)));
            }
            let queue = r.queue.unwrap_or_else(|| DEFAULT_QUEUE.into());
            if queue.is_empty() || queue.len() > 64 {
                return Err(err(at("queue"), format!("{}: queue must be 1 to 64 characters", r.name)));
            }
            let args = match r.args {
                None => Value::Object(Default::default()),
                Some(v) => serde_json::to_value(v)
                    .map_err(|e| err(at("args"), format!("{}: args are not JSON-like: {e}", r.name)))?,
            };
            if !args.is_object() {
                return Err(err(at("args"), format!("{}: args must be a mapping", r.name)));
            }
            entries.push(Entry {
                name: r.name,
                task: r.task,
                args,
                cron: r.cron,
                timezone: tz_name,
                jitter_secs: r.jitter_secs,
                misfire: r.misfire,
                enabled: r.enabled,
                queue,
                line: start,
                parsed: Some((cron, tz)),
            });
        }
        Ok(Self { entries })
    }
}

/// The 1-based line of each item of the `jobs:` list.
fn entry_lines(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut indent = None;
    let mut in_jobs = false;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let depth = line.len() - trimmed.len();
        if depth == 0 {
            in_jobs = trimmed.starts_with("jobs:");
            continue;
        }
        if in_jobs && trimmed.starts_with('-') && indent.is_none_or(|d| d == depth) {
            indent = Some(depth);
            out.push(i + 1);
        }
    }
    out
}

/// The line of `field:` within the entry spanning lines `start..end`.
fn field_line(text: &str, start: usize, end: usize, field: &str) -> Option<usize> {
    let key = format!("{field}:");
    text.lines().enumerate().skip(start.saturating_sub(1)).take_while(|(i, _)| i + 1 < end).find_map(|(i, l)| {
        let t = l.trim_start().trim_start_matches('-').trim_start();
        t.starts_with(&key).then_some(i + 1)
    })
}

/// What one scheduler pass did.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
pub struct Tick {
    /// Jobs this scheduler enqueued: (name, slot in ms).
    pub enqueued: Vec<(String, i64)>,
    /// Slots another scheduler had enqueued already.
    pub already: Vec<(String, i64)>,
    /// Missed slots dropped by `misfire: skip`.
    pub skipped: Vec<(String, i64)>,
}

/// Runs a schedule against the queue.
pub struct Scheduler {
    jobs: Jobs,
    source: Source,
    schedule: RwLock<Arc<Schedule>>,
    /// The newest slot processed per name, as last read or written.
    marks: tokio::sync::Mutex<BTreeMap<String, i64>>,
}

/// Where a schedule comes from.
#[derive(Clone, Debug)]
pub enum Source {
    /// The schedule that ships with the binary.
    Default,
    File(PathBuf),
    /// Given text (tests).
    Text(String),
}

impl Source {
    fn load(&self, kinds: &[&str]) -> Result<Schedule, ScheduleError> {
        match self {
            Source::Default => Schedule::parse(DEFAULT_SCHEDULE, "(built-in jobs.yaml)", kinds),
            Source::File(p) => Schedule::load(p, kinds),
            Source::Text(t) => Schedule::parse(t, "(text)", kinds),
        }
    }
}

impl Scheduler {
    /// Loads and validates the schedule; refuses to start on a bad file.
    pub fn new(jobs: Jobs, source: Source) -> Result<Self, ScheduleError> {
        let schedule = source.load(&jobs.registry.kinds())?;
        Ok(Self { jobs, source, schedule: RwLock::new(Arc::new(schedule)), marks: Default::default() })
    }

    /// The schedule in force.
    pub fn schedule(&self) -> Arc<Schedule> {
        self.schedule.read().map(|s| s.clone()).unwrap_or_default()
    }

    /// Re-reads the source; on an error the previous schedule stays in force.
    pub fn reload(&self) -> Result<Arc<Schedule>, ScheduleError> {
        let fresh = Arc::new(self.source.load(&self.jobs.registry.kinds())?);
        if let Ok(mut s) = self.schedule.write() {
            *s = fresh.clone();
        }
        Ok(fresh)
    }

    /// One pass at `now`: enqueues each enabled entry's due slots.
    pub async fn tick(&self, now: DateTime<Utc>) -> Result<Tick, JobError> {
        let schedule = self.schedule();
        let mut out = Tick::default();
        let mut marks = self.marks.lock().await;
        let now_ms = now.timestamp_millis();
        for e in schedule.entries.iter().filter(|e| e.enabled) {
            let Some(newest) = e.slot_at_or_before(now) else { continue };
            let newest_ms = newest.timestamp_millis();
            let last = match marks.get(&e.name) {
                Some(m) if *m >= newest_ms => continue,
                Some(m) => Some(*m),
                None => self.jobs.store.schedule_last(&e.name).await?,
            };
            let Some(last) = last else {
                // never ran anywhere: start from now; the current slot runs if it is on time
                let due = if now_ms - newest_ms <= on_time_ms() { vec![newest_ms] } else { vec![] };
                self.fire(e, &due, &mut out).await?;
                self.jobs.store.set_schedule_last(&e.name, newest_ms, now_ms).await?;
                marks.insert(e.name.clone(), newest_ms);
                continue;
            };
            if last >= newest_ms {
                marks.insert(e.name.clone(), last);
                continue;
            }
            // the slots after `last`, newest first, until they stop being on time
            let mut on_time = Vec::new();
            let mut cursor = Some(newest);
            while let Some(slot) = cursor {
                let ms = slot.timestamp_millis();
                if ms <= last || now_ms - ms > on_time_ms() {
                    break;
                }
                on_time.push(ms);
                cursor = e.slot_at_or_before(slot - chrono::Duration::milliseconds(1));
            }
            let oldest_on_time = on_time.last().copied().unwrap_or(i64::MAX);
            let missed = cursor.map(|c| c.timestamp_millis()).filter(|&ms| ms > last && ms < oldest_on_time);
            on_time.reverse();
            if let Some(m) = missed {
                match e.misfire {
                    Misfire::RunOnce if on_time.is_empty() => on_time.push(m),
                    _ => {
                        tracing::warn!(job = %e.name, slot = m, policy = ?e.misfire, "missed schedule slots dropped");
                        out.skipped.push((e.name.clone(), m));
                    }
                }
            }
            self.fire(e, &on_time, &mut out).await?;
            self.jobs.store.set_schedule_last(&e.name, newest_ms, now_ms).await?;
            marks.insert(e.name.clone(), newest_ms);
        }
        Ok(out)
    }

    async fn fire(&self, e: &Entry, slots: &[i64], out: &mut Tick) -> Result<(), JobError> {
        for &slot in slots {
            let key = format!("sched:{}:{slot}", e.name);
            let run_at = slot + e.jitter_ms(slot);
            let (_, created) = self.jobs.enqueue_at(&e.queue, &e.task, &e.args, Some(&key), run_at).await?;
            if created {
                tracing::info!(job = %e.name, task = %e.task, slot, "scheduled job enqueued");
                out.enqueued.push((e.name.clone(), slot));
            } else {
                out.already.push((e.name.clone(), slot));
            }
        }
        Ok(())
    }

    /// Ticks until `stop` turns true: at each slot, and at least every `poll`.
    pub async fn run(self: Arc<Self>, mut stop: watch::Receiver<bool>, poll: Duration) {
        tracing::info!(jobs = self.schedule().entries.len(), "scheduler started");
        while !*stop.borrow() {
            if let Err(e) = self.tick(Utc::now()).await {
                tracing::warn!(error = %e, "scheduler pass failed; retrying");
            }
            let next = self
                .schedule()
                .entries
                .iter()
                .filter(|e| e.enabled)
                .filter_map(|e| e.next_slot_after(Utc::now()))
                .min()
                .map(|t| (t - Utc::now()).to_std().unwrap_or_default())
                .unwrap_or(poll);
            tokio::select! {
                _ = tokio::time::sleep(next.min(poll) + Duration::from_millis(5)) => {}
                _ = stop.changed() => {}
            }
        }
        tracing::info!("scheduler stopped");
    }
}

fn on_time_ms() -> i64 {
    i64::try_from(ON_TIME.as_millis()).unwrap_or(60_000)
}

/// A time in ms since the epoch as UTC.
pub fn utc_ms(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}
