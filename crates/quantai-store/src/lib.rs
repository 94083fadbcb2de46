//! quantai-store: persistence through sqlx on SQLite (the embedded default), PostgreSQL or
//! MySQL/MariaDB, chosen by the database URL alone. The same migrations run on all three.
//! It owns the `llm_usage` ledger table ([`ledger`]), hashed API keys ([`keys`]), prompt
//! templates ([`templates`]) and daily market prices ([`market`]).
//! Entry points: [`Store::connect`], [`Store::migrate`].

pub mod ai;
pub mod backtests;
pub mod jobs;
pub mod keys;
pub mod ledger;
pub mod market;
pub mod rag;
pub mod strategies;
pub mod templates;

use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Executor};

/// Errors of the store.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database error: {0}")]
    Db(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("invalid input: {0}")]
    Invalid(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The database refused the statement itself (a constraint, a value out of range): retrying
    /// the same rows cannot succeed. Connection and pool errors are not permanent.
    pub fn is_permanent(&self) -> bool {
        matches!(self, Error::Db(sqlx::Error::Database(_)) | Error::Invalid(_))
    }

    /// A primary-key or unique violation: for an insert, the row is already stored.
    pub fn is_duplicate(&self) -> bool {
        matches!(self, Error::Db(sqlx::Error::Database(e)) if e.is_unique_violation())
    }
}

/// Which SQL engine the URL points at; placeholders and casts differ slightly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
    Mysql,
}

impl Dialect {
    pub fn from_url(url: &str) -> Result<Self> {
        if url.starts_with("sqlite:") {
            Ok(Dialect::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Dialect::Postgres)
        } else if url.starts_with("mysql://") || url.starts_with("mariadb://") {
            Ok(Dialect::Mysql)
        } else {
            Err(Error::Invalid("database.url must start with sqlite:, postgres:// or mysql://".into()))
        }
    }

    /// The n-th (1-based) bind placeholder.
    pub(crate) fn ph(self, n: usize) -> String {
        match self {
            Dialect::Postgres => format!("${n}"),
            _ => "?".to_string(),
        }
    }

    /// `SUM(expr)` cast back to a 64-bit integer (PostgreSQL and MySQL widen sums to NUMERIC).
    pub(crate) fn sum_i64(self, expr: &str) -> String {
        match self {
            Dialect::Sqlite => format!("COALESCE(SUM({expr}), 0)"),
            Dialect::Postgres => format!("CAST(COALESCE(SUM({expr}), 0) AS BIGINT)"),
            Dialect::Mysql => format!("CAST(COALESCE(SUM({expr}), 0) AS SIGNED)"),
        }
    }

    /// Statements run after the portable migrations (idempotent): MySQL's TEXT holds 64 KiB,
    /// too little for a backtest's equity curve or a leaderboard, so those columns become LONGTEXT there.
    pub(crate) fn after_migrations(self) -> &'static [&'static str] {
        match self {
            Dialect::Mysql => &[
                "ALTER TABLE backtests MODIFY equity LONGTEXT NOT NULL, MODIFY trades LONGTEXT NOT NULL",
                "ALTER TABLE optimizations MODIFY result LONGTEXT",
            ],
            _ => &[],
        }
    }

    /// `COUNT(*)` as a 64-bit integer.
    pub(crate) fn count(self) -> &'static str {
        match self {
            Dialect::Mysql => "CAST(COUNT(*) AS SIGNED)",
            _ => "COUNT(*)",
        }
    }
}

/// A connection pool plus its dialect.
#[derive(Clone, Debug)]
pub struct Store {
    pool: AnyPool,
    dialect: Dialect,
}

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

impl Store {
    /// Connects to `url`. SQLite files are created when missing and run in WAL mode.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Self> {
        sqlx::any::install_default_drivers();
        let dialect = Dialect::from_url(url)?;
        let mut url = url.replacen("mariadb://", "mysql://", 1);
        let mut max = max_connections.max(1);
        if dialect == Dialect::Sqlite {
            if url.contains(":memory:") || url.contains("mode=memory") {
                // Every connection to an in-memory database is a new database: keep one.
                max = 1;
            } else if !url.contains("mode=") {
                url.push_str(if url.contains('?') { "&mode=rwc" } else { "?mode=rwc" });
            }
        }
        let opts = AnyPoolOptions::new().max_connections(max).acquire_timeout(Duration::from_secs(10));
        let opts = if dialect == Dialect::Sqlite {
            opts.after_connect(|conn, _| {
                Box::pin(async move {
                    conn.execute("PRAGMA journal_mode=WAL").await?;
                    conn.execute("PRAGMA synchronous=NORMAL").await?;
                    conn.execute("PRAGMA busy_timeout=5000").await?;
                    Ok(())
                })
            })
        } else {
            opts
        };
        let pool = opts.connect(&url).await?;
        Ok(Self { pool, dialect })
    }

    /// Applies pending migrations.
    pub async fn migrate(&self) -> Result<()> {
        MIGRATOR.run(&self.pool).await?;
        for stmt in self.dialect.after_migrations() {
            sqlx::query(stmt).execute(&self.pool).await?;
        }
        Ok(())
    }

    /// A write transaction. On SQLite it takes the write lock at BEGIN (`BEGIN IMMEDIATE`), so a
    /// transaction that reads before it writes waits for another writer (busy_timeout) instead
    /// of failing with SQLITE_BUSY when its read snapshot went stale.
    pub(crate) async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        Ok(match self.dialect {
            Dialect::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            _ => self.pool.begin().await?,
        })
    }

    /// Round-trips a trivial query (readiness).
    pub async fn ping(&self) -> Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    pub fn dialect(&self) -> Dialect {
        self.dialect
    }

    pub fn pool(&self) -> &AnyPool {
        &self.pool
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Reads an `i64` column by name.
pub(crate) fn get_i64(row: &AnyRow, col: &str) -> Result<i64> {
    use sqlx::Row;
    Ok(row.try_get::<i64, _>(col)?)
}

/// A nullable text column; MySQL may hand TEXT back as bytes.
pub(crate) fn get_opt_text(row: &AnyRow, col: &str) -> Result<Option<String>> {
    use sqlx::Row;
    match row.try_get::<Option<String>, _>(col) {
        Ok(v) => Ok(v),
        Err(_) => {
            let b: Option<Vec<u8>> = row.try_get(col)?;
            b.map(|b| String::from_utf8(b).map_err(|_| Error::Invalid(format!("column {col} is not UTF-8"))))
                .transpose()
        }
    }
}

/// A text column; MySQL may hand TEXT back as bytes.
pub(crate) fn get_text(row: &AnyRow, col: &str) -> Result<String> {
    use sqlx::Row;
    match row.try_get::<String, _>(col) {
        Ok(s) => Ok(s),
        Err(_) => {
            let b: Vec<u8> = row.try_get(col)?;
            String::from_utf8(b).map_err(|_| Error::Invalid(format!("column {col} is not UTF-8")))
        }
    }
}

/// Milliseconds since the Unix epoch to the UTC date `YYYY-MM-DD`.
pub fn day_of(ts_ms: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp_nanos(i128::from(ts_ms) * 1_000_000)
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH);
    let d = t.date();
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Parses `YYYY-MM-DD` or an RFC 3339 timestamp to epoch milliseconds.
pub fn parse_time(s: &str) -> Result<i64> {
    use time::format_description::well_known::Rfc3339;
    if let Ok(t) = time::OffsetDateTime::parse(s, &Rfc3339) {
        return Ok((t.unix_timestamp_nanos() / 1_000_000) as i64);
    }
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(s, &fmt)
        .map(|d| d.midnight().assume_utc().unix_timestamp() * 1000)
        .map_err(|_| Error::Invalid(format!("{s:?} is neither a date YYYY-MM-DD nor an RFC 3339 time")))
}

impl FromStr for Dialect {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Dialect::from_url(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_times() {
        assert_eq!(day_of(0), "1970-01-01");
        // 2026-11-21T15:00:00Z
        assert_eq!(day_of(1_795_273_200_000), "2026-11-21");
        assert_eq!(parse_time("2026-11-21").unwrap(), 1_795_219_200_000);
        assert_eq!(parse_time("2026-11-21T15:00:00Z").unwrap(), 1_795_273_200_000);
        assert!(parse_time("21/11/2026").unwrap_err().to_string().contains("21/11/2026"));
    }
}

pub mod testing {
    //! Fresh, isolated databases for tests: SQLite in a temp dir always, PostgreSQL and MySQL
    //! when `QUANTAI_TEST_POSTGRES_URL` / `QUANTAI_TEST_MYSQL_URL` are set. Each call makes
    //! its own database so parallel runs never collide.

    use rand::RngCore;
    use sqlx::{Connection, Executor};

    use crate::{Result, Store};

    /// A store on a new database, plus what is needed to drop it.
    pub struct TestDb {
        pub store: Store,
        pub url: String,
        pub label: &'static str,
        admin_url: Option<String>,
        name: String,
    }

    fn unique(prefix: &str) -> String {
        let mut b = [0u8; 6];
        rand::rng().fill_bytes(&mut b);
        format!("{prefix}_{}_{}", std::process::id(), hex::encode(b))
    }

    fn with_database(url: &str, db: &str) -> String {
        let (base, query) = match url.split_once('?') {
            Some((b, q)) => (b, Some(q)),
            None => (url, None),
        };
        let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
        let host_end = base[scheme_end..].find('/').map(|i| i + scheme_end).unwrap_or(base.len());
        let mut out = format!("{}/{db}", &base[..host_end]);
        if let Some(q) = query {
            out.push('?');
            out.push_str(q);
        }
        out
    }

    /// Every backend available here: SQLite always, others when their env URL is set.
    pub async fn all_backends(dir: &std::path::Path) -> Result<Vec<TestDb>> {
        let mut out = vec![sqlite(dir).await?];
        if let Ok(url) = std::env::var("QUANTAI_TEST_POSTGRES_URL") {
            out.push(server(&url, "postgres").await?);
        }
        if let Ok(url) = std::env::var("QUANTAI_TEST_MYSQL_URL") {
            out.push(server(&url, "mysql").await?);
        }
        Ok(out)
    }

    /// A migrated SQLite database in `dir`.
    pub async fn sqlite(dir: &std::path::Path) -> Result<TestDb> {
        let url = format!("sqlite://{}", dir.join(format!("{}.db", unique("t"))).display());
        let store = Store::connect(&url, 4).await?;
        store.migrate().await?;
        Ok(TestDb { store, url, label: "sqlite", admin_url: None, name: String::new() })
    }

    /// A migrated new database on the server at `admin_url`.
    pub async fn server(admin_url: &str, label: &'static str) -> Result<TestDb> {
        sqlx::any::install_default_drivers();
        let name = unique("quantai_t");
        let mut conn = sqlx::AnyConnection::connect(admin_url).await?;
        conn.execute(format!("CREATE DATABASE {name}").as_str()).await?;
        conn.close().await?;
        let url = with_database(admin_url, &name);
        let store = Store::connect(&url, 4).await?;
        store.migrate().await?;
        Ok(TestDb { store, url, label, admin_url: Some(admin_url.to_string()), name })
    }

    impl TestDb {
        /// Closes the pool and drops a server database.
        pub async fn drop_db(self) -> Result<()> {
            self.store.close().await;
            if let Some(admin) = self.admin_url {
                let mut conn = sqlx::AnyConnection::connect(&admin).await?;
                // PostgreSQL may still see the closing pool's sessions: force them out.
                let force = if self.label == "postgres" { " WITH (FORCE)" } else { "" };
                conn.execute(format!("DROP DATABASE {}{force}", self.name).as_str()).await?;
                conn.close().await?;
            }
            Ok(())
        }
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn swaps_database_name() {
            assert_eq!(super::with_database("postgres://u@h:5432/postgres", "x"), "postgres://u@h:5432/x");
            assert_eq!(
                super::with_database("mysql://root@127.0.0.1:3306/test?ssl-mode=disabled", "y"),
                "mysql://root@127.0.0.1:3306/y?ssl-mode=disabled"
            );
            assert_eq!(super::with_database("postgres://h", "z"), "postgres://h/z");
        }
    }
}
