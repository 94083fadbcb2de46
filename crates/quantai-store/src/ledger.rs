//! The `llm_usage` ledger: one row per upstream call, with the prices it was charged at.

use serde::Serialize;
use sqlx::Row;

use crate::{get_i64, Dialect, Error, Result, Store};

/// One upstream call, as stored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct UsageRecord {
    pub request_id: String,
    /// 1 for the first attempt; retries and fallbacks count on.
    pub attempt: i64,
    /// True for the attempt whose outcome the client received.
    pub is_final: bool,
    pub ts_ms: i64,
    pub user_id: String,
    pub service: String,
    pub model: String,
    pub provider: String,
    pub upstream_model: String,
    /// `chat` or `embeddings`.
    pub endpoint: String,
    pub streamed: bool,
    pub prompt_tokens: i64,
    pub cached_tokens: i64,
    pub completion_tokens: i64,
    /// True when quantai counted the tokens itself because the upstream reported none.
    pub tokens_estimated: bool,
    pub input_price_micros: i64,
    pub cached_price_micros: i64,
    pub output_price_micros: i64,
    pub cost_picos: i64,
    pub latency_ms: i64,
    /// `ok`, `error`, `stream_cut` or `client_disconnected`.
    pub status: String,
    pub http_status: i64,
    pub error_class: Option<String>,
    pub cache_hit: bool,
    /// On a cache hit: what the call would have cost upstream.
    pub saved_cost_picos: i64,
    /// The prompt template the request was rendered from, if any.
    pub template_name: Option<String>,
    pub template_version: Option<i64>,
    /// `EXPERIMENT_ID/ARM` when the call was part of an experiment.
    pub experiment_arm: Option<String>,
}

const COLUMNS: [&str; 29] = [
    "request_id",
    "attempt",
    "is_final",
    "ts_ms",
    "day",
    "user_id",
    "service",
    "model",
    "provider",
    "upstream_model",
    "endpoint",
    "streamed",
    "prompt_tokens",
    "cached_tokens",
    "completion_tokens",
    "tokens_estimated",
    "input_price_micros",
    "cached_price_micros",
    "output_price_micros",
    "cost_picos",
    "latency_ms",
    "status",
    "http_status",
    "error_class",
    "cache_hit",
    "saved_cost_picos",
    "template_name",
    "template_version",
    "experiment_arm",
];

/// Rows per INSERT statement (keeps bind counts under every engine's limit).
const ROWS_PER_STATEMENT: usize = 200;

/// What to aggregate usage by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum GroupBy {
    Day,
    Model,
    Service,
    User,
}

impl GroupBy {
    fn column(self) -> &'static str {
        match self {
            GroupBy::Day => "day",
            GroupBy::Model => "model",
            GroupBy::Service => "service",
            GroupBy::User => "user_id",
        }
    }
}

impl std::str::FromStr for GroupBy {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "day" => Ok(GroupBy::Day),
            "model" => Ok(GroupBy::Model),
            "service" => Ok(GroupBy::Service),
            "user" => Ok(GroupBy::User),
            other => Err(Error::Invalid(format!("group_by {other:?} is not one of day, model, service, user"))),
        }
    }
}

/// Filters of a usage query; `None` means no filter. `from_ms` is inclusive, `to_ms` exclusive.
#[derive(Clone, Debug, Default)]
pub struct UsageFilter {
    pub from_ms: Option<i64>,
    pub to_ms: Option<i64>,
    pub user_id: Option<String>,
    pub service: Option<String>,
    pub model: Option<String>,
}

/// One group of a usage report. Cost is exact integer pico-USD.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, utoipa::ToSchema)]
pub struct UsageGroup {
    pub key: String,
    /// Client requests: final attempts only.
    pub requests: i64,
    /// Upstream calls, retries and fallbacks included.
    pub attempts: i64,
    pub errors: i64,
    pub prompt_tokens: i64,
    pub cached_tokens: i64,
    pub completion_tokens: i64,
    pub cost_picos: i64,
}

impl UsageGroup {
    /// The `total` group of a report: every field summed (saturating).
    pub fn total(groups: &[UsageGroup]) -> UsageGroup {
        let sum = |f: fn(&UsageGroup) -> i64| groups.iter().fold(0i64, |a, g| a.saturating_add(f(g)));
        UsageGroup {
            key: "total".into(),
            requests: sum(|g| g.requests),
            attempts: sum(|g| g.attempts),
            errors: sum(|g| g.errors),
            prompt_tokens: sum(|g| g.prompt_tokens),
            cached_tokens: sum(|g| g.cached_tokens),
            completion_tokens: sum(|g| g.completion_tokens),
            cost_picos: sum(|g| g.cost_picos),
        }
    }
}

impl Store {
    /// Writes rows in one transaction: all or none.
    pub async fn insert_usage(&self, rows: &[UsageRecord]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin_write().await?;
        for chunk in rows.chunks(ROWS_PER_STATEMENT) {
            let sql = insert_sql(self.dialect, chunk.len());
            let mut q = sqlx::query(&sql);
            for r in chunk {
                q = q
                    .bind(r.request_id.clone())
                    .bind(r.attempt)
                    .bind(i64::from(r.is_final))
                    .bind(r.ts_ms)
                    .bind(crate::day_of(r.ts_ms))
                    .bind(r.user_id.clone())
                    .bind(r.service.clone())
                    .bind(r.model.clone())
                    .bind(r.provider.clone())
                    .bind(r.upstream_model.clone())
                    .bind(r.endpoint.clone())
                    .bind(i64::from(r.streamed))
                    .bind(r.prompt_tokens)
                    .bind(r.cached_tokens)
                    .bind(r.completion_tokens)
                    .bind(i64::from(r.tokens_estimated))
                    .bind(r.input_price_micros)
                    .bind(r.cached_price_micros)
                    .bind(r.output_price_micros)
                    .bind(r.cost_picos)
                    .bind(r.latency_ms)
                    .bind(r.status.clone())
                    .bind(r.http_status)
                    .bind(r.error_class.clone())
                    .bind(i64::from(r.cache_hit))
                    .bind(r.saved_cost_picos)
                    .bind(r.template_name.clone())
                    .bind(r.template_version)
                    .bind(r.experiment_arm.clone());
            }
            q.execute(&mut *tx).await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Rows matching `filter`, newest first, at most `limit`.
    pub async fn list_usage(&self, filter: &UsageFilter, limit: i64) -> Result<Vec<UsageRecord>> {
        let (wh, binds) = where_clause(self.dialect, filter);
        let sql = format!(
            "SELECT {} FROM llm_usage{wh} ORDER BY ts_ms DESC, request_id, attempt DESC LIMIT {}",
            COLUMNS.join(", "),
            limit.clamp(1, 100_000)
        );
        let rows = self.fetch(&sql, binds).await?;
        rows.iter().map(decode_record).collect()
    }

    /// Aggregates usage by one dimension, ordered by key.
    pub async fn usage_report(&self, filter: &UsageFilter, group_by: GroupBy) -> Result<Vec<UsageGroup>> {
        let d = self.dialect;
        let (wh, binds) = where_clause(d, filter);
        let col = group_by.column();
        let sql = format!(
            "SELECT {col} AS k, {} AS requests, {} AS attempts, {} AS errors, {} AS p, {} AS c, {} AS o, {} AS cost \
             FROM llm_usage{wh} GROUP BY {col} ORDER BY {col}",
            d.sum_i64("is_final"),
            d.count(),
            d.sum_i64("CASE WHEN is_final = 1 AND status <> 'ok' THEN 1 ELSE 0 END"),
            d.sum_i64("prompt_tokens"),
            d.sum_i64("cached_tokens"),
            d.sum_i64("completion_tokens"),
            d.sum_i64("cost_picos"),
        );
        let rows = self.fetch(&sql, binds).await?;
        rows.iter()
            .map(|r| {
                Ok(UsageGroup {
                    key: r.try_get::<String, _>("k")?,
                    requests: get_i64(r, "requests")?,
                    attempts: get_i64(r, "attempts")?,
                    errors: get_i64(r, "errors")?,
                    prompt_tokens: get_i64(r, "p")?,
                    cached_tokens: get_i64(r, "c")?,
                    completion_tokens: get_i64(r, "o")?,
                    cost_picos: get_i64(r, "cost")?,
                })
            })
            .collect()
    }
}

/// Tokens and spend of one service on one day, for the savings report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpendGroup {
    pub service: String,
    pub day: String,
    pub requests: i64,
    pub cache_hits: i64,
    pub prompt_tokens: i64,
    pub cached_tokens: i64,
    pub completion_tokens: i64,
    pub cost_picos: i64,
    pub saved_cost_picos: i64,
}

impl Store {
    /// Chat spend by service and day (final attempts and failed ones alike: every billed token).
    pub async fn spend_by_service_day(&self, filter: &UsageFilter) -> Result<Vec<SpendGroup>> {
        let d = self.dialect;
        let (wh, binds) = where_clause(d, filter);
        let wh =
            if wh.is_empty() { " WHERE endpoint = 'chat'".to_string() } else { format!("{wh} AND endpoint = 'chat'") };
        let sql = format!(
            "SELECT service, day, {} AS requests, {} AS hits, {} AS p, {} AS c, {} AS o, {} AS cost, {} AS saved \
             FROM llm_usage{wh} GROUP BY service, day ORDER BY service, day",
            d.sum_i64("is_final"),
            d.sum_i64("cache_hit"),
            d.sum_i64("prompt_tokens"),
            d.sum_i64("cached_tokens"),
            d.sum_i64("completion_tokens"),
            d.sum_i64("cost_picos"),
            d.sum_i64("saved_cost_picos"),
        );
        let rows = self.fetch(&sql, binds).await?;
        rows.iter()
            .map(|r| {
                Ok(SpendGroup {
                    service: r.try_get("service")?,
                    day: r.try_get("day")?,
                    requests: get_i64(r, "requests")?,
                    cache_hits: get_i64(r, "hits")?,
                    prompt_tokens: get_i64(r, "p")?,
                    cached_tokens: get_i64(r, "c")?,
                    completion_tokens: get_i64(r, "o")?,
                    cost_picos: get_i64(r, "cost")?,
                    saved_cost_picos: get_i64(r, "saved")?,
                })
            })
            .collect()
    }
}

impl Store {
    /// Runs a query with its bound filter values.
    async fn fetch(&self, sql: &str, binds: Vec<Bind>) -> Result<Vec<sqlx::any::AnyRow>> {
        let mut q = sqlx::query(sql);
        for b in binds {
            q = b.bind(q);
        }
        Ok(q.fetch_all(&self.pool).await?)
    }
}

fn insert_sql(d: Dialect, rows: usize) -> String {
    let mut sql = format!("INSERT INTO llm_usage ({}) VALUES ", COLUMNS.join(", "));
    let mut n = 0;
    for i in 0..rows {
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for j in 0..COLUMNS.len() {
            if j > 0 {
                sql.push_str(", ");
            }
            n += 1;
            sql.push_str(&d.ph(n));
        }
        sql.push(')');
    }
    sql
}

enum Bind {
    I(i64),
    S(String),
}

impl Bind {
    fn bind<'q>(
        self,
        q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>> {
        match self {
            Bind::I(i) => q.bind(i),
            Bind::S(s) => q.bind(s),
        }
    }
}

fn where_clause(d: Dialect, f: &UsageFilter) -> (String, Vec<Bind>) {
    let mut parts = Vec::new();
    let mut binds = Vec::new();
    let mut add = |cond: &str, b: Bind| {
        binds.push(b);
        parts.push(format!("{cond} {}", d.ph(binds.len())));
    };
    if let Some(v) = f.from_ms {
        add("ts_ms >=", Bind::I(v));
    }
    if let Some(v) = f.to_ms {
        add("ts_ms <", Bind::I(v));
    }
    if let Some(v) = &f.user_id {
        add("user_id =", Bind::S(v.clone()));
    }
    if let Some(v) = &f.service {
        add("service =", Bind::S(v.clone()));
    }
    if let Some(v) = &f.model {
        add("model =", Bind::S(v.clone()));
    }
    let wh = if parts.is_empty() { String::new() } else { format!(" WHERE {}", parts.join(" AND ")) };
    (wh, binds)
}

fn decode_record(r: &sqlx::any::AnyRow) -> Result<UsageRecord> {
    Ok(UsageRecord {
        request_id: r.try_get("request_id")?,
        attempt: get_i64(r, "attempt")?,
        is_final: get_i64(r, "is_final")? != 0,
        ts_ms: get_i64(r, "ts_ms")?,
        user_id: r.try_get("user_id")?,
        service: r.try_get("service")?,
        model: r.try_get("model")?,
        provider: r.try_get("provider")?,
        upstream_model: r.try_get("upstream_model")?,
        endpoint: r.try_get("endpoint")?,
        streamed: get_i64(r, "streamed")? != 0,
        prompt_tokens: get_i64(r, "prompt_tokens")?,
        cached_tokens: get_i64(r, "cached_tokens")?,
        completion_tokens: get_i64(r, "completion_tokens")?,
        tokens_estimated: get_i64(r, "tokens_estimated")? != 0,
        input_price_micros: get_i64(r, "input_price_micros")?,
        cached_price_micros: get_i64(r, "cached_price_micros")?,
        output_price_micros: get_i64(r, "output_price_micros")?,
        cost_picos: get_i64(r, "cost_picos")?,
        latency_ms: get_i64(r, "latency_ms")?,
        status: r.try_get("status")?,
        http_status: get_i64(r, "http_status")?,
        error_class: r.try_get("error_class")?,
        cache_hit: get_i64(r, "cache_hit")? != 0,
        saved_cost_picos: get_i64(r, "saved_cost_picos")?,
        template_name: r.try_get("template_name")?,
        template_version: r.try_get::<Option<i64>, _>("template_version")?,
        experiment_arm: r.try_get::<Option<String>, _>("experiment_arm").ok().flatten(),
    })
}
