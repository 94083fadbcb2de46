//! Tables of the AI services: `narratives` (every version of a backtest's report),
//! `ai_conversations` (the state of a strategy-builder or ChatOps conversation, JSON) and
//! `ai_audit` (one row per ChatOps tool call: who, which tool, its arguments, the outcome).

use crate::{get_i64, get_text, Result, Store};

/// A stored narrative report.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct NarrativeRow {
    pub id: String,
    pub backtest_id: String,
    pub user_id: String,
    /// 1 for a backtest's first report, then +1 per report (any language).
    pub version: i64,
    pub language: String,
    pub audience: String,
    pub generated_by: String,
    pub model: String,
    /// Cost in picodollars (1e-12 USD).
    pub cost_picos: i64,
    pub template_version: String,
    pub text: String,
    /// JSON.
    pub facts: String,
    /// JSON.
    pub findings: String,
    pub created_ms: i64,
}

const NCOLS: &str = "id, backtest_id, user_id, version, language, audience, generated_by, model, cost_picos, \
                     template_version, text, facts, findings, created_ms";

fn decode_narrative(r: &sqlx::any::AnyRow) -> Result<NarrativeRow> {
    Ok(NarrativeRow {
        id: get_text(r, "id")?,
        backtest_id: get_text(r, "backtest_id")?,
        user_id: get_text(r, "user_id")?,
        version: get_i64(r, "version")?,
        language: get_text(r, "language")?,
        audience: get_text(r, "audience")?,
        generated_by: get_text(r, "generated_by")?,
        model: get_text(r, "model")?,
        cost_picos: get_i64(r, "cost_picos")?,
        template_version: get_text(r, "template_version")?,
        text: get_text(r, "text")?,
        facts: get_text(r, "facts")?,
        findings: get_text(r, "findings")?,
        created_ms: get_i64(r, "created_ms")?,
    })
}

/// One audited tool call.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct AuditRow {
    pub id: String,
    pub ts_ms: i64,
    pub user_id: String,
    pub role: String,
    pub tool: String,
    /// JSON.
    pub arguments: String,
    /// `ok`, `refused` or `error`.
    pub status: String,
    pub detail: String,
}

impl Store {
    /// Stores a narrative as the backtest's next version (in one transaction); returns the row
    /// as stored, with its version.
    pub async fn insert_narrative(&self, row: &NarrativeRow) -> Result<NarrativeRow> {
        let d = self.dialect();
        let mut tx = self.begin_write().await?;
        let sel = format!("SELECT MAX(version) AS v FROM narratives WHERE backtest_id = {}", d.ph(1));
        let r = sqlx::query(&sel).bind(&row.backtest_id).fetch_one(&mut *tx).await?;
        let last: Option<i64> = sqlx::Row::try_get(&r, "v").ok();
        let version = last.unwrap_or(0) + 1;
        let ph: Vec<String> = (1..=14).map(|i| d.ph(i)).collect();
        let ins = format!("INSERT INTO narratives ({NCOLS}) VALUES ({})", ph.join(", "));
        sqlx::query(&ins)
            .bind(&row.id)
            .bind(&row.backtest_id)
            .bind(&row.user_id)
            .bind(version)
            .bind(&row.language)
            .bind(&row.audience)
            .bind(&row.generated_by)
            .bind(&row.model)
            .bind(row.cost_picos)
            .bind(&row.template_version)
            .bind(&row.text)
            .bind(&row.facts)
            .bind(&row.findings)
            .bind(row.created_ms)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(NarrativeRow { version, ..row.clone() })
    }

    /// A backtest's narratives, newest first; with `language`, only those.
    pub async fn narratives(&self, backtest_id: &str, language: Option<&str>) -> Result<Vec<NarrativeRow>> {
        let d = self.dialect();
        let rows = match language {
            Some(l) => {
                let sql = format!(
                    "SELECT {NCOLS} FROM narratives WHERE backtest_id = {} AND language = {} ORDER BY version DESC",
                    d.ph(1),
                    d.ph(2)
                );
                sqlx::query(&sql).bind(backtest_id).bind(l).fetch_all(self.pool()).await?
            }
            None => {
                let sql =
                    format!("SELECT {NCOLS} FROM narratives WHERE backtest_id = {} ORDER BY version DESC", d.ph(1));
                sqlx::query(&sql).bind(backtest_id).fetch_all(self.pool()).await?
            }
        };
        rows.iter().map(decode_narrative).collect()
    }

    /// A conversation's state (JSON) if it belongs to `user` and `service`.
    pub async fn conversation(&self, id: &str, user: &str, service: &str) -> Result<Option<String>> {
        let d = self.dialect();
        let sql = format!(
            "SELECT state FROM ai_conversations WHERE id = {} AND user_id = {} AND service = {}",
            d.ph(1),
            d.ph(2),
            d.ph(3)
        );
        let r = sqlx::query(&sql).bind(id).bind(user).bind(service).fetch_optional(self.pool()).await?;
        r.map(|r| get_text(&r, "state")).transpose()
    }

    /// Writes a conversation's state (insert or replace), in one transaction.
    pub async fn save_conversation(&self, id: &str, user: &str, service: &str, state: &str, now_ms: i64) -> Result<()> {
        let d = self.dialect();
        let mut tx = self.begin_write().await?;
        let del = format!("DELETE FROM ai_conversations WHERE id = {} AND user_id = {}", d.ph(1), d.ph(2));
        sqlx::query(&del).bind(id).bind(user).execute(&mut *tx).await?;
        let ins = format!(
            "INSERT INTO ai_conversations (id, user_id, service, state, updated_ms) VALUES ({}, {}, {}, {}, {})",
            d.ph(1),
            d.ph(2),
            d.ph(3),
            d.ph(4),
            d.ph(5)
        );
        sqlx::query(&ins).bind(id).bind(user).bind(service).bind(state).bind(now_ms).execute(&mut *tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Appends one audit row.
    pub async fn audit(&self, row: &AuditRow) -> Result<()> {
        let d = self.dialect();
        let ph: Vec<String> = (1..=8).map(|i| d.ph(i)).collect();
        let sql = format!(
            "INSERT INTO ai_audit (id, ts_ms, user_id, role, tool, arguments, status, detail) VALUES ({})",
            ph.join(", ")
        );
        sqlx::query(&sql)
            .bind(&row.id)
            .bind(row.ts_ms)
            .bind(&row.user_id)
            .bind(&row.role)
            .bind(&row.tool)
            .bind(&row.arguments)
            .bind(&row.status)
            .bind(&row.detail)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Audit rows, newest first; with `user`, only that user's.
    pub async fn audit_rows(&self, user: Option<&str>, limit: i64) -> Result<Vec<AuditRow>> {
        let d = self.dialect();
        let cols = "id, ts_ms, user_id, role, tool, arguments, status, detail";
        let rows = match user {
            Some(u) => {
                let sql = format!(
                    "SELECT {cols} FROM ai_audit WHERE user_id = {} ORDER BY ts_ms DESC, id LIMIT {}",
                    d.ph(1),
                    d.ph(2)
                );
                sqlx::query(&sql).bind(u).bind(limit).fetch_all(self.pool()).await?
            }
            None => {
                let sql = format!("SELECT {cols} FROM ai_audit ORDER BY ts_ms DESC, id LIMIT {}", d.ph(1));
                sqlx::query(&sql).bind(limit).fetch_all(self.pool()).await?
            }
        };
        rows.iter()
            .map(|r| {
                Ok(AuditRow {
                    id: get_text(r, "id")?,
                    ts_ms: get_i64(r, "ts_ms")?,
                    user_id: get_text(r, "user_id")?,
                    role: get_text(r, "role")?,
                    tool: get_text(r, "tool")?,
                    arguments: get_text(r, "arguments")?,
                    status: get_text(r, "status")?,
                    detail: get_text(r, "detail")?,
                })
            })
            .collect()
    }
}

/// A stored experiment (its arms as JSON).
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct ExperimentRow {
    pub id: String,
    pub service: String,
    pub name: String,
    /// JSON.
    pub arms: String,
    pub status: String,
    pub created_ms: i64,
}

/// One arm's figures: calls from the ledger (final attempts), quality signals from `ai_quality`.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, utoipa::ToSchema)]
pub struct ArmFigures {
    pub arm: String,
    pub requests: i64,
    pub errors: i64,
    pub cost_picos: i64,
    pub latency_ms_total: i64,
    pub quality_checks: i64,
    pub quality_ok: i64,
}

impl Store {
    pub async fn insert_experiment(&self, r: &ExperimentRow) -> Result<()> {
        let d = self.dialect();
        let ph: Vec<String> = (1..=6).map(|i| d.ph(i)).collect();
        let sql =
            format!("INSERT INTO experiments (id, service, name, arms, status, created_ms) VALUES ({})", ph.join(", "));
        sqlx::query(&sql)
            .bind(&r.id)
            .bind(&r.service)
            .bind(&r.name)
            .bind(&r.arms)
            .bind(&r.status)
            .bind(r.created_ms)
            .execute(self.pool())
            .await?;
        Ok(())
    }

    /// Every experiment, newest first.
    pub async fn experiments(&self) -> Result<Vec<ExperimentRow>> {
        let rows = sqlx::query(
            "SELECT id, service, name, arms, status, created_ms FROM experiments ORDER BY created_ms DESC, id",
        )
        .fetch_all(self.pool())
        .await?;
        rows.iter()
            .map(|r| {
                Ok(ExperimentRow {
                    id: get_text(r, "id")?,
                    service: get_text(r, "service")?,
                    name: get_text(r, "name")?,
                    arms: get_text(r, "arms")?,
                    status: get_text(r, "status")?,
                    created_ms: get_i64(r, "created_ms")?,
                })
            })
            .collect()
    }

    /// Sets an experiment's status; whether it exists.
    pub async fn set_experiment_status(&self, id: &str, status: &str) -> Result<bool> {
        let d = self.dialect();
        let sql = format!("UPDATE experiments SET status = {} WHERE id = {}", d.ph(1), d.ph(2));
        Ok(sqlx::query(&sql).bind(status).bind(id).execute(self.pool()).await?.rows_affected() > 0)
    }

    /// Records one quality signal (a fact check passed, a parse was valid).
    pub async fn insert_quality(&self, id: &str, service: &str, arm: Option<&str>, ok: bool, ts_ms: i64) -> Result<()> {
        let d = self.dialect();
        let ph: Vec<String> = (1..=5).map(|i| d.ph(i)).collect();
        let sql = format!("INSERT INTO ai_quality (id, ts_ms, service, experiment_arm, ok) VALUES ({})", ph.join(", "));
        sqlx::query(&sql).bind(id).bind(ts_ms).bind(service).bind(arm).bind(i64::from(ok)).execute(self.pool()).await?;
        Ok(())
    }

    /// Each arm's figures for experiment `id` (arms labelled `ID/ARM`).
    pub async fn experiment_figures(&self, id: &str) -> Result<Vec<ArmFigures>> {
        let d = self.dialect();
        let like = format!("{id}/%");
        let sql = format!(
            "SELECT experiment_arm AS arm, {} AS requests, {} AS errors, {} AS cost, {} AS latency \
             FROM llm_usage WHERE experiment_arm LIKE {} AND is_final = 1 GROUP BY experiment_arm",
            d.count(),
            d.sum_i64("CASE WHEN status = 'ok' THEN 0 ELSE 1 END"),
            d.sum_i64("cost_picos"),
            d.sum_i64("latency_ms"),
            d.ph(1)
        );
        let mut out: Vec<ArmFigures> = Vec::new();
        for r in sqlx::query(&sql).bind(&like).fetch_all(self.pool()).await? {
            out.push(ArmFigures {
                arm: get_text(&r, "arm")?,
                requests: get_i64(&r, "requests")?,
                errors: get_i64(&r, "errors")?,
                cost_picos: get_i64(&r, "cost")?,
                latency_ms_total: get_i64(&r, "latency")?,
                ..ArmFigures::default()
            });
        }
        let sql = format!(
            "SELECT experiment_arm AS arm, {} AS n, {} AS ok FROM ai_quality WHERE experiment_arm LIKE {} GROUP BY experiment_arm",
            d.count(),
            d.sum_i64("ok"),
            d.ph(1)
        );
        for r in sqlx::query(&sql).bind(&like).fetch_all(self.pool()).await? {
            let arm = get_text(&r, "arm")?;
            let (n, ok) = (get_i64(&r, "n")?, get_i64(&r, "ok")?);
            match out.iter_mut().find(|f| f.arm == arm) {
                Some(f) => {
                    f.quality_checks = n;
                    f.quality_ok = ok;
                }
                None => out.push(ArmFigures { arm, quality_checks: n, quality_ok: ok, ..ArmFigures::default() }),
            }
        }
        out.sort_by(|a, b| a.arm.cmp(&b.arm));
        Ok(out)
    }
}
