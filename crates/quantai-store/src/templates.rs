//! Versioned prompt templates: a name, a version (1, 2, … per name; never overwritten) and a
//! body with `{{variable}}` placeholders. Rendering refuses a missing or an unexpected variable,
//! naming it, so a template change can never silently send a half-filled prompt.

use std::collections::BTreeMap;

use serde::Serialize;
use sqlx::Row;

use crate::{get_i64, get_text, Error, Result, Store};

/// A stored template version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Template {
    pub name: String,
    pub version: i64,
    pub body: String,
    /// The variables the body uses, in order of first use.
    pub variables: Vec<String>,
    pub created_ms: i64,
    /// `draft`, `approved` or `active`; only approved and active versions serve.
    pub status: String,
    pub approved_by: Option<String>,
}

/// Largest template body accepted.
pub const MAX_BODY: usize = 64 * 1024;
/// Longest template body in characters (so at most [`MAX_BODY`] bytes of UTF-8).
pub const MAX_BODY_CHARS: usize = MAX_BODY / 4;

/// The variables of `body`, in order of first use; an unclosed `{{` or a bad name is an error.
pub fn parse_variables(body: &str) -> Result<Vec<String>> {
    let mut vars: Vec<String> = Vec::new();
    let mut rest = body;
    while let Some(i) = rest.find("{{") {
        let after = &rest[i + 2..];
        let Some(j) = after.find("}}") else {
            return Err(Error::Invalid(format!(
                "template body: '{{{{' at byte {} is never closed",
                body.len() - rest.len() + i
            )));
        };
        let name = after[..j].trim();
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(Error::Invalid(format!(
                "template body: {{{{{name}}}}} is not a variable name (letters, digits, _)"
            )));
        }
        if !vars.iter().any(|v| v == name) {
            vars.push(name.to_string());
        }
        rest = &after[j + 2..];
    }
    Ok(vars)
}

/// Fills `body`'s placeholders from `values`.
pub fn render(t: &Template, values: &BTreeMap<String, String>) -> Result<String> {
    for v in &t.variables {
        if !values.contains_key(v) {
            return Err(Error::Invalid(format!("template {}@{}: variable {v:?} has no value", t.name, t.version)));
        }
    }
    if let Some(extra) = values.keys().find(|k| !t.variables.contains(k)) {
        return Err(Error::Invalid(format!(
            "template {}@{} has no variable {extra:?} (it has: {})",
            t.name,
            t.version,
            t.variables.join(", ")
        )));
    }
    let mut out = String::with_capacity(t.body.len());
    let mut rest = t.body.as_str();
    while let Some(i) = rest.find("{{") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let j = after.find("}}").unwrap_or(after.len());
        let name = after[..j].trim();
        out.push_str(values.get(name).map(String::as_str).unwrap_or_default());
        rest = after.get(j + 2..).unwrap_or_default();
    }
    out.push_str(rest);
    Ok(out)
}

/// A TEXT column: MySQL's arrive through the Any driver as bytes.
fn check_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 128
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    if ok {
        Ok(())
    } else {
        Err(Error::Invalid(format!("template name {name:?} must be 1-128 of letters, digits, _ - .")))
    }
}

impl Store {
    /// Stores `body` as the next version of `name`.
    pub async fn create_template(&self, name: &str, body: &str, now_ms: i64) -> Result<Template> {
        check_name(name)?;
        if body.trim().is_empty() || body.chars().count() > MAX_BODY_CHARS {
            return Err(Error::Invalid(format!(
                "template body must be 1 to {MAX_BODY_CHARS} characters, not only spaces"
            )));
        }
        let variables = parse_variables(body)?;
        let vars_json = serde_json::to_string(&variables).map_err(|e| Error::Invalid(e.to_string()))?;
        let d = self.dialect;
        // Two writers racing for the same version: the primary key refuses one; it tries again.
        for _ in 0..5 {
            let mut tx = self.begin_write().await?;
            let sql = format!("SELECT MAX(version) AS v FROM prompt_templates WHERE name = {}", d.ph(1));
            let row = sqlx::query(&sql).bind(name.to_string()).fetch_one(&mut *tx).await?;
            let version = row.try_get::<Option<i64>, _>("v").ok().flatten().unwrap_or(0) + 1;
            let sql = format!(
                "INSERT INTO prompt_templates (name, version, body, variables, created_ms, status) \
                 VALUES ({}, {}, {}, {}, {}, 'draft')",
                d.ph(1),
                d.ph(2),
                d.ph(3),
                d.ph(4),
                d.ph(5)
            );
            let r = sqlx::query(&sql)
                .bind(name.to_string())
                .bind(version)
                .bind(body.to_string())
                .bind(vars_json.clone())
                .bind(now_ms)
                .execute(&mut *tx)
                .await;
            match r {
                Ok(_) => {
                    tx.commit().await?;
                    return Ok(Template {
                        name: name.to_string(),
                        version,
                        body: body.to_string(),
                        variables,
                        created_ms: now_ms,
                        status: "draft".into(),
                        approved_by: None,
                    });
                }
                Err(e) => {
                    let e = Error::Db(e);
                    if e.is_duplicate() {
                        continue;
                    }
                    return Err(e);
                }
            }
        }
        Err(Error::Invalid(format!("template {name:?}: too many concurrent writers, try again")))
    }

    /// One version of a template, or its latest when `version` is `None`.
    pub async fn template(&self, name: &str, version: Option<i64>) -> Result<Option<Template>> {
        let d = self.dialect;
        let cols = "name, version, body, variables, created_ms, status, approved_by";
        let sql = match version {
            Some(_) => {
                format!("SELECT {cols} FROM prompt_templates WHERE name = {} AND version = {}", d.ph(1), d.ph(2))
            }
            None => {
                format!("SELECT {cols} FROM prompt_templates WHERE name = {} ORDER BY version DESC LIMIT 1", d.ph(1))
            }
        };
        let mut q = sqlx::query(&sql).bind(name.to_string());
        if let Some(v) = version {
            q = q.bind(v);
        }
        let Some(row) = q.fetch_optional(&self.pool).await? else { return Ok(None) };
        let vars = get_text(&row, "variables")?;
        Ok(Some(Template {
            name: row.try_get("name")?,
            version: get_i64(&row, "version")?,
            body: get_text(&row, "body")?,
            variables: serde_json::from_str(&vars).map_err(|e| Error::Invalid(e.to_string()))?,
            created_ms: get_i64(&row, "created_ms")?,
            status: get_text(&row, "status")?,
            approved_by: row.try_get::<Option<String>, _>("approved_by").ok().flatten(),
        }))
    }

    /// Every version of a template, oldest first.
    pub async fn template_versions(&self, name: &str) -> Result<Vec<Template>> {
        let sql = format!("SELECT version FROM prompt_templates WHERE name = {} ORDER BY version", self.dialect.ph(1));
        let rows = sqlx::query(&sql).bind(name.to_string()).fetch_all(&self.pool).await?;
        let mut out = Vec::new();
        for r in rows {
            if let Some(t) = self.template(name, Some(get_i64(&r, "version")?)).await? {
                out.push(t);
            }
        }
        Ok(out)
    }

    /// The version a request without a version number uses: the active one, else the latest
    /// approved one; with a version, that version if it is approved or active. A draft never
    /// serves: the error says an admin must approve it.
    pub async fn serving_template(&self, name: &str, version: Option<i64>) -> Result<Option<Template>> {
        if let Some(v) = version {
            let Some(t) = self.template(name, Some(v)).await? else { return Ok(None) };
            if t.status == "draft" {
                return Err(Error::Invalid(format!(
                    "template {name:?} version {v} is a draft: an admin must approve it before it serves"
                )));
            }
            return Ok(Some(t));
        }
        let all = self.template_versions(name).await?;
        if all.is_empty() {
            return Ok(None);
        }
        let chosen = all
            .iter()
            .rev()
            .find(|t| t.status == "active")
            .or_else(|| all.iter().rev().find(|t| t.status == "approved"))
            .cloned();
        match chosen {
            Some(t) => Ok(Some(t)),
            None => Err(Error::Invalid(format!("template {name:?} has no approved version yet"))),
        }
    }

    /// Approves a draft (admins); approving an approved or active version changes nothing.
    pub async fn approve_template(&self, name: &str, version: i64, by: &str, now_ms: i64) -> Result<Template> {
        let d = self.dialect;
        let t = self
            .template(name, Some(version))
            .await?
            .ok_or_else(|| Error::Invalid(format!("no template {name:?} version {version}")))?;
        if t.status == "draft" {
            let sql = format!(
                "UPDATE prompt_templates SET status = 'approved', approved_by = {}, approved_ms = {} \
                 WHERE name = {} AND version = {} AND status = 'draft'",
                d.ph(1),
                d.ph(2),
                d.ph(3),
                d.ph(4)
            );
            sqlx::query(&sql)
                .bind(by.to_string())
                .bind(now_ms)
                .bind(name.to_string())
                .bind(version)
                .execute(&self.pool)
                .await?;
        }
        self.template(name, Some(version)).await?.ok_or_else(|| Error::Invalid(format!("no template {name:?}")))
    }

    /// Makes an approved version the active one (the previous active version stays approved),
    /// in one transaction.
    pub async fn activate_template(&self, name: &str, version: i64) -> Result<Template> {
        let d = self.dialect;
        let t = self
            .template(name, Some(version))
            .await?
            .ok_or_else(|| Error::Invalid(format!("no template {name:?} version {version}")))?;
        if t.status == "draft" {
            return Err(Error::Invalid(format!(
                "template {name:?} version {version} is a draft: approve it before activating it"
            )));
        }
        let mut tx = self.begin_write().await?;
        let demote =
            format!("UPDATE prompt_templates SET status = 'approved' WHERE name = {} AND status = 'active'", d.ph(1));
        sqlx::query(&demote).bind(name.to_string()).execute(&mut *tx).await?;
        let promote =
            format!("UPDATE prompt_templates SET status = 'active' WHERE name = {} AND version = {}", d.ph(1), d.ph(2));
        sqlx::query(&promote).bind(name.to_string()).bind(version).execute(&mut *tx).await?;
        tx.commit().await?;
        self.template(name, Some(version)).await?.ok_or_else(|| Error::Invalid(format!("no template {name:?}")))
    }
}

/// A line diff of two texts, `-`/`+`/` ` prefixed (longest common subsequence of lines).
pub fn diff(old: &str, new: &str) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] { lcs[i + 1][j + 1] + 1 } else { lcs[i + 1][j].max(lcs[i][j + 1]) };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = String::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push_str(&format!("  {}\n", a[i]));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push_str(&format!("- {}\n", a[i]));
            i += 1;
        } else {
            out.push_str(&format!("+ {}\n", b[j]));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(body: &str) -> Template {
        Template {
            name: "n".into(),
            version: 3,
            body: body.into(),
            variables: parse_variables(body).unwrap(),
            created_ms: 0,
            status: "approved".into(),
            approved_by: None,
        }
    }

    #[test]
    fn diff_marks_removed_added_and_kept_lines() {
        let d = diff("a\nb\nc", "a\nc\nd");
        assert_eq!(d, "  a\n- b\n  c\n+ d\n");
        assert_eq!(diff("x", "x"), "  x\n");
    }

    #[test]
    fn renders_and_names_what_is_wrong() {
        let tpl = t("{{symbol}} 종목의 {{ period }} 백테스트: Sharpe {{sharpe}}; again {{symbol}}");
        assert_eq!(tpl.variables, ["symbol", "period", "sharpe"]);
        let mut v = BTreeMap::new();
        v.insert("symbol".to_string(), "005930".to_string());
        v.insert("period".to_string(), "2020-2024".to_string());
        let err = render(&tpl, &v).unwrap_err().to_string();
        assert!(err.contains("n@3") && err.contains("\"sharpe\""), "{err}");
        v.insert("sharpe".to_string(), "1.23".to_string());
        assert_eq!(render(&tpl, &v).unwrap(), "005930 종목의 2020-2024 백테스트: Sharpe 1.23; again 005930");
        v.insert("extra".to_string(), "x".to_string());
        assert!(render(&tpl, &v).unwrap_err().to_string().contains("no variable \"extra\""));
        assert!(parse_variables("hello {{name").unwrap_err().to_string().contains("never closed"));
        assert!(parse_variables("hello {{na me}}").unwrap_err().to_string().contains("not a variable name"));
    }
}
