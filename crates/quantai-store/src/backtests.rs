//! Table `backtests`: one row per finished backtest. The spec, KPIs, equity curve and trades are
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
