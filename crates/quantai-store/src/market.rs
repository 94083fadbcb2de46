//! Table `market_prices`: daily OHLCV bars keyed by (symbol, market, ISO date). Imports are
//! upserts in one transaction — all rows or none — and only rows that differ are written, so
//! importing the same file twice changes nothing and says so.

use std::collections::HashMap;

use serde::Serialize;
use sqlx::Row;

use crate::{Error, Result, Store};

/// One stored bar.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PriceRow {
    /// `YYYY-MM-DD`.
    pub date: String,
    pub open: f64,
    pub high: f64,
    pub low: f64,
    pub close: f64,
    pub volume: f64,
    pub adj_close: Option<f64>,
}

/// What an upsert did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct UpsertCounts {
    pub inserted: u64,
    pub updated: u64,
    pub unchanged: u64,
}

/// A stored symbol: how many bars, first and last date.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SymbolInfo {
    pub symbol: String,
    pub market: String,
    pub bars: i64,
    pub first: String,
    pub last: String,
}

const ROWS_PER_INSERT: usize = 500;

fn check_key(symbol: &str, market: &str) -> Result<()> {
    if symbol.is_empty()
        || symbol.len() > 32
        || !symbol.bytes().all(|b| b.is_ascii_alphanumeric() || b".-_^".contains(&b))
    {
        return Err(Error::Invalid(format!("symbol {symbol:?}: 1–32 letters, digits or . - _ ^")));
    }
    if market.is_empty() || market.len() > 8 {
        return Err(Error::Invalid(format!("market {market:?}: 1–8 characters")));
    }
    Ok(())
}

impl Store {
    /// Inserts new bars and updates changed ones of `symbol` on `market`, in one transaction.
    pub async fn upsert_prices(&self, symbol: &str, market: &str, rows: &[PriceRow]) -> Result<UpsertCounts> {
        check_key(symbol, market)?;
        let mut counts = UpsertCounts::default();
        if rows.is_empty() {
            return Ok(counts);
        }
        let d = self.dialect;
        let mut tx = self.begin_write().await?;
        let (lo, hi) = rows.iter().fold((rows[0].date.as_str(), rows[0].date.as_str()), |(lo, hi), r| {
            (lo.min(r.date.as_str()), hi.max(r.date.as_str()))
        });
        let sql = format!(
            "SELECT date, open, high, low, close, volume, adj_close FROM market_prices \
             WHERE symbol = {} AND market = {} AND date >= {} AND date <= {}",
            d.ph(1),
            d.ph(2),
            d.ph(3),
            d.ph(4)
        );
        let existing: HashMap<String, PriceRow> = sqlx::query(&sql)
            .bind(symbol)
            .bind(market)
            .bind(lo)
            .bind(hi)
            .fetch_all(&mut *tx)
            .await?
            .iter()
            .map(decode)
            .collect::<Result<Vec<_>>>()?
            .into_iter()
            .map(|r| (r.date.clone(), r))
            .collect();
        let mut new = Vec::new();
        for r in rows {
            match existing.get(&r.date) {
                None => new.push(r),
                Some(old) if old == r => counts.unchanged += 1,
                Some(_) => {
                    let sql = format!(
                        "UPDATE market_prices SET open = {}, high = {}, low = {}, close = {}, volume = {}, adj_close = {} \
                         WHERE symbol = {} AND market = {} AND date = {}",
                        d.ph(1),
                        d.ph(2),
                        d.ph(3),
                        d.ph(4),
                        d.ph(5),
                        d.ph(6),
                        d.ph(7),
                        d.ph(8),
                        d.ph(9)
                    );
                    sqlx::query(&sql)
                        .bind(r.open)
                        .bind(r.high)
                        .bind(r.low)
                        .bind(r.close)
                        .bind(r.volume)
                        .bind(r.adj_close)
                        .bind(symbol)
                        .bind(market)
                        .bind(r.date.as_str())
                        .execute(&mut *tx)
                        .await?;
                    counts.updated += 1;
                }
            }
        }
        for chunk in new.chunks(ROWS_PER_INSERT) {
            let mut sql = String::from(
                "INSERT INTO market_prices (symbol, market, date, open, high, low, close, volume, adj_close) VALUES ",
            );
            for i in 0..chunk.len() {
                if i > 0 {
                    sql.push_str(", ");
                }
                let p: Vec<String> = (1..=9).map(|j| d.ph(i * 9 + j)).collect();
                sql.push('(');
                sql.push_str(&p.join(", "));
                sql.push(')');
            }
            let mut q = sqlx::query(&sql);
            for r in chunk {
                q = q
                    .bind(symbol)
                    .bind(market)
                    .bind(r.date.as_str())
                    .bind(r.open)
                    .bind(r.high)
                    .bind(r.low)
                    .bind(r.close)
                    .bind(r.volume)
                    .bind(r.adj_close);
            }
            q.execute(&mut *tx).await?;
            counts.inserted += chunk.len() as u64;
        }
        tx.commit().await?;
        Ok(counts)
    }

    /// Bars of `symbol` (on `market` when given) within `[from, to]`, by date.
    pub async fn prices(
        &self,
        symbol: &str,
        market: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
    ) -> Result<Vec<PriceRow>> {
        let d = self.dialect;
        let mut sql = format!(
            "SELECT date, open, high, low, close, volume, adj_close FROM market_prices WHERE symbol = {}",
            d.ph(1)
        );
        let mut binds = vec![symbol.to_string()];
        for (col, op, v) in [("market", "=", market), ("date", ">=", from), ("date", "<=", to)] {
            if let Some(v) = v {
                binds.push(v.to_string());
                sql.push_str(&format!(" AND {col} {op} {}", d.ph(binds.len())));
            }
        }
        sql.push_str(" ORDER BY date");
        let mut q = sqlx::query(&sql);
        for b in binds {
            q = q.bind(b);
        }
        q.fetch_all(&self.pool).await?.iter().map(decode).collect()
    }

    /// Whether any bar of `symbol` on `market` is stored (one row read, not the series).
    pub async fn has_prices(&self, symbol: &str, market: &str) -> Result<bool> {
        let d = self.dialect;
        let sql = format!("SELECT date FROM market_prices WHERE symbol = {} AND market = {} LIMIT 1", d.ph(1), d.ph(2));
        Ok(sqlx::query(&sql).bind(symbol).bind(market).fetch_optional(&self.pool).await?.is_some())
    }

    /// The markets `symbol` is stored on.
    pub async fn symbol_markets(&self, symbol: &str) -> Result<Vec<String>> {
        let sql =
            format!("SELECT DISTINCT market FROM market_prices WHERE symbol = {} ORDER BY market", self.dialect.ph(1));
        let rows = sqlx::query(&sql).bind(symbol).fetch_all(&self.pool).await?;
        rows.iter().map(|r| crate::get_text(r, "market")).collect()
    }

    /// Every stored symbol.
    pub async fn symbols(&self) -> Result<Vec<SymbolInfo>> {
        let sql = format!(
            "SELECT symbol, market, {} AS n, MIN(date) AS first, MAX(date) AS last FROM market_prices \
             GROUP BY symbol, market ORDER BY symbol, market",
            self.dialect.count()
        );
        let rows = sqlx::query(&sql).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                Ok(SymbolInfo {
                    symbol: crate::get_text(r, "symbol")?,
                    market: crate::get_text(r, "market")?,
                    bars: crate::get_i64(r, "n")?,
                    first: crate::get_text(r, "first")?,
                    last: crate::get_text(r, "last")?,
                })
            })
            .collect()
    }
}

fn decode(r: &sqlx::any::AnyRow) -> Result<PriceRow> {
    Ok(PriceRow {
        date: crate::get_text(r, "date")?,
        open: r.try_get("open")?,
        high: r.try_get("high")?,
        low: r.try_get("low")?,
        close: r.try_get("close")?,
        volume: r.try_get("volume")?,
        adj_close: r.try_get("adj_close")?,
    })
}
