//! Table `strategies`: each user's saved strategy specs (JSON), keyed by (user, id). Every read
//! and delete names the user.

use crate::{get_i64, get_text, Result, Store};

/// A saved strategy.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct StrategyRow {
    pub user_id: String,
    pub id: String,
    pub name: String,
    pub description: String,
    /// JSON.
    pub spec: String,
    pub created_ms: i64,
    pub updated_ms: i64,
}

const COLS: &str = "user_id, id, name, description, spec, created_ms, updated_ms";

fn decode(r: &sqlx::any::AnyRow) -> Result<StrategyRow> {
    Ok(StrategyRow {
        user_id: get_text(r, "user_id")?,
        id: get_text(r, "id")?,
        name: get_text(r, "name")?,
        description: get_text(r, "description")?,
        spec: get_text(r, "spec")?,
        created_ms: get_i64(r, "created_ms")?,
        updated_ms: get_i64(r, "updated_ms")?,
    })
}

impl Store {
    /// Saves `row` (insert, or replace keeping the first creation time), in one transaction;
    /// returns the stored row.
    pub async fn save_strategy(&self, row: &StrategyRow) -> Result<StrategyRow> {
        let d = self.dialect();
        let mut tx = self.begin_write().await?;
        let sel = format!("SELECT created_ms FROM strategies WHERE user_id = {} AND id = {}", d.ph(1), d.ph(2));
        let created = match sqlx::query(&sel).bind(&row.user_id).bind(&row.id).fetch_optional(&mut *tx).await? {
            Some(r) => get_i64(&r, "created_ms")?,
            None => row.created_ms,
        };
        let del = format!("DELETE FROM strategies WHERE user_id = {} AND id = {}", d.ph(1), d.ph(2));
        sqlx::query(&del).bind(&row.user_id).bind(&row.id).execute(&mut *tx).await?;
        let ph: Vec<String> = (1..=7).map(|i| d.ph(i)).collect();
        let ins = format!("INSERT INTO strategies ({COLS}) VALUES ({})", ph.join(", "));
        sqlx::query(&ins)
            .bind(&row.user_id)
            .bind(&row.id)
            .bind(&row.name)
            .bind(&row.description)
            .bind(&row.spec)
            .bind(created)
            .bind(row.updated_ms)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(StrategyRow { created_ms: created, ..row.clone() })
    }

    /// The strategies of `user`, or of everyone (`None`: backfill), by user then id.
    pub async fn strategies(&self, user: Option<&str>) -> Result<Vec<StrategyRow>> {
        let rows = match user {
            Some(u) => {
                let sql = format!("SELECT {COLS} FROM strategies WHERE user_id = {} ORDER BY id", self.dialect().ph(1));
                sqlx::query(&sql).bind(u).fetch_all(self.pool()).await?
            }
            None => {
                let sql = format!("SELECT {COLS} FROM strategies ORDER BY user_id, id");
                sqlx::query(&sql).fetch_all(self.pool()).await?
            }
        };
        rows.iter().map(decode).collect()
    }

    /// Deletes one strategy of `user`; whether it existed.
    pub async fn delete_strategy(&self, user: &str, id: &str) -> Result<bool> {
        let d = self.dialect();
        let sql = format!("DELETE FROM strategies WHERE user_id = {} AND id = {}", d.ph(1), d.ph(2));
        Ok(sqlx::query(&sql).bind(user).bind(id).execute(self.pool()).await?.rows_affected() > 0)
    }
}
