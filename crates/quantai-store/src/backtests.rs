//! Tables `backtests` (one row per finished backtest) and `optimizations` (parameter searches). The spec, KPIs, equity curve and trades are
//! JSON documents written by the quant engine; listings read only the small columns.

use serde::Serialize;

use crate::{get_i64, get_text, Error, Result, Store};

/// A stored backtest (without its equity curve and trades, which [`Store::backtest_part`] reads).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BacktestRow {
    pub id: String,
    pub user_id: String,
    pub symbol: String,
    pub market: String,
    pub kind: String,
    /// JSON.
    pub spec: String,
    pub from_date: String,
    pub to_date: String,
    /// JSON.
    pub kpis: String,
    pub created_ms: i64,
}

/// The large parts of a backtest.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Equity,
    Trades,
}

const SUMMARY: &str = "id, user_id, symbol, market, kind, spec, from_date, to_date, kpis, created_ms";

fn decode(r: &sqlx::any::AnyRow) -> Result<BacktestRow> {
    Ok(BacktestRow {
        id: get_text(r, "id")?,
        user_id: get_text(r, "user_id")?,
        symbol: get_text(r, "symbol")?,
        market: get_text(r, "market")?,
        kind: get_text(r, "kind")?,
        spec: get_text(r, "spec")?,
        from_date: get_text(r, "from_date")?,
        to_date: get_text(r, "to_date")?,
        kpis: get_text(r, "kpis")?,
        created_ms: get_i64(r, "created_ms")?,
    })
}

impl Store {
    /// Stores a finished backtest with its equity curve and trades (JSON), in one statement.
    pub async fn insert_backtest(&self, row: &BacktestRow, equity: &str, trades: &str) -> Result<()> {
        if row.id.is_empty() || row.id.len() > 36 {
            return Err(Error::Invalid(format!("backtest id {:?} must be 1–36 characters", row.id)));
        }
        let d = self.dialect;
        let ph: Vec<String> = (1..=12).map(|i| d.ph(i)).collect();
        let sql = format!("INSERT INTO backtests ({SUMMARY}, equity, trades) VALUES ({})", ph.join(", "));
        sqlx::query(&sql)
            .bind(row.id.as_str())
            .bind(row.user_id.as_str())
            .bind(row.symbol.as_str())
            .bind(row.market.as_str())
            .bind(row.kind.as_str())
            .bind(row.spec.as_str())
            .bind(row.from_date.as_str())
            .bind(row.to_date.as_str())
            .bind(row.kpis.as_str())
            .bind(row.created_ms)
            .bind(equity)
            .bind(trades)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// One backtest's summary.
    pub async fn backtest(&self, id: &str) -> Result<Option<BacktestRow>> {
        let sql = format!("SELECT {SUMMARY} FROM backtests WHERE id = {}", self.dialect.ph(1));
        let row = sqlx::query(&sql).bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(decode).transpose()
    }

    /// A backtest's equity curve or trades (JSON), if the backtest exists.
    pub async fn backtest_part(&self, id: &str, part: Part) -> Result<Option<String>> {
        let col = match part {
            Part::Equity => "equity",
            Part::Trades => "trades",
        };
        let sql = format!("SELECT {col} FROM backtests WHERE id = {}", self.dialect.ph(1));
        let row = sqlx::query(&sql).bind(id).fetch_optional(&self.pool).await?;
        row.as_ref().map(|r| get_text(r, col)).transpose()
    }

    /// Backtests of `user` (all users when `None`), newest first.
    pub async fn list_backtests(&self, user: Option<&str>, limit: i64) -> Result<Vec<BacktestRow>> {
        let limit = limit.clamp(1, 10_000);
        let rows = match user {
            Some(u) => {
                let sql = format!(
                    "SELECT {SUMMARY} FROM backtests WHERE user_id = {} ORDER BY created_ms DESC, id LIMIT {limit}",
                    self.dialect.ph(1)
                );
                sqlx::query(&sql).bind(u).fetch_all(&self.pool).await?
            }
            None => {
                let sql = format!("SELECT {SUMMARY} FROM backtests ORDER BY created_ms DESC, id LIMIT {limit}");
                sqlx::query(&sql).fetch_all(&self.pool).await?
            }
        };
        rows.iter().map(decode).collect()
    }
}

impl Store {
    /// Every user's backtests after `(created_ms, id)` in ascending order, at most `limit`:
    /// pages through all of them however many there are (RAG backfill).
    pub async fn backtests_after(&self, after: Option<(i64, &str)>, limit: i64) -> Result<Vec<BacktestRow>> {
        let limit = limit.clamp(1, 10_000);
        let d = self.dialect;
        let rows = match after {
            Some((ms, id)) => {
                let sql = format!(
                    "SELECT {SUMMARY} FROM backtests WHERE created_ms > {} OR (created_ms = {} AND id > {}) \
                     ORDER BY created_ms, id LIMIT {limit}",
                    d.ph(1),
                    d.ph(2),
                    d.ph(3)
                );
                sqlx::query(&sql).bind(ms).bind(ms).bind(id).fetch_all(&self.pool).await?
            }
            None => {
                let sql = format!("SELECT {SUMMARY} FROM backtests ORDER BY created_ms, id LIMIT {limit}");
                sqlx::query(&sql).fetch_all(&self.pool).await?
            }
        };
        rows.iter().map(decode).collect()
    }
}

/// Where a background job (a parameter search) stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum JobStatus {
    Running,
    Done,
    Failed,
}

impl JobStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            JobStatus::Running => "running",
            JobStatus::Done => "done",
            JobStatus::Failed => "failed",
        }
    }

    fn parse(s: &str) -> Result<Self> {
        match s {
            "running" => Ok(JobStatus::Running),
            "done" => Ok(JobStatus::Done),
            "failed" => Ok(JobStatus::Failed),
            other => Err(Error::Invalid(format!("stored job status {other:?} is not running, done or failed"))),
        }
    }
}

/// A parameter search, as stored.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptimizationRow {
    pub id: String,
    pub user_id: String,
    pub symbol: String,
    /// JSON.
    pub request: String,
    pub status: JobStatus,
    pub done: i64,
    pub total: i64,
    /// JSON leaderboard (when done).
    pub result: Option<String>,
    pub error: Option<String>,
    pub created_ms: i64,
    pub finished_ms: Option<i64>,
}

const OPT_COLUMNS: &str = "id, user_id, symbol, request, status, done, total, result, error, created_ms, finished_ms";

impl Store {
    /// Records a search that starts now.
    pub async fn insert_optimization(&self, r: &OptimizationRow) -> Result<()> {
        let ph: Vec<String> = (1..=11).map(|i| self.dialect.ph(i)).collect();
        let sql = format!("INSERT INTO optimizations ({OPT_COLUMNS}) VALUES ({})", ph.join(", "));
        sqlx::query(&sql)
            .bind(r.id.as_str())
            .bind(r.user_id.as_str())
            .bind(r.symbol.as_str())
            .bind(r.request.as_str())
            .bind(r.status.as_str())
            .bind(r.done)
            .bind(r.total)
            .bind(r.result.clone())
            .bind(r.error.clone())
            .bind(r.created_ms)
            .bind(r.finished_ms)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Progress of a running search.
    pub async fn optimization_progress(&self, id: &str, done: i64, total: i64) -> Result<()> {
        let d = self.dialect;
        let sql = format!(
            "UPDATE optimizations SET done = {}, total = {} WHERE id = {} AND status = 'running'",
            d.ph(1),
            d.ph(2),
            d.ph(3)
        );
        sqlx::query(&sql).bind(done).bind(total).bind(id).execute(&self.pool).await?;
        Ok(())
    }

    /// Ends a search: `done` with its leaderboard, or `failed` with the reason.
    pub async fn finish_optimization(&self, id: &str, outcome: Result<&str, &str>, finished_ms: i64) -> Result<()> {
        let d = self.dialect;
        let (status, result, error) = match outcome {
            Ok(r) => (JobStatus::Done.as_str(), Some(r), None),
            Err(e) => (JobStatus::Failed.as_str(), None, Some(e)),
        };
        let sql = format!(
            "UPDATE optimizations SET status = {}, result = {}, error = {}, finished_ms = {}, done = CASE WHEN {} = 'done' THEN total ELSE done END WHERE id = {}",
            d.ph(1),
            d.ph(2),
            d.ph(3),
            d.ph(4),
            d.ph(5),
            d.ph(6)
        );
        sqlx::query(&sql)
            .bind(status)
            .bind(result)
            .bind(error)
            .bind(finished_ms)
            .bind(status)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn optimization(&self, id: &str) -> Result<Option<OptimizationRow>> {
        let sql = format!("SELECT {OPT_COLUMNS} FROM optimizations WHERE id = {}", self.dialect.ph(1));
        let row = sqlx::query(&sql).bind(id).fetch_optional(&self.pool).await?;
        row.as_ref()
            .map(|r| {
                use sqlx::Row;
                let opt_text = |c: &str| crate::get_opt_text(r, c);
                Ok(OptimizationRow {
                    id: get_text(r, "id")?,
                    user_id: get_text(r, "user_id")?,
                    symbol: get_text(r, "symbol")?,
                    request: get_text(r, "request")?,
                    status: JobStatus::parse(&get_text(r, "status")?)?,
                    done: get_i64(r, "done")?,
                    total: get_i64(r, "total")?,
                    result: opt_text("result")?,
                    error: opt_text("error")?,
                    created_ms: get_i64(r, "created_ms")?,
                    finished_ms: r.try_get::<Option<i64>, _>("finished_ms")?,
                })
            })
            .transpose()
    }
}
