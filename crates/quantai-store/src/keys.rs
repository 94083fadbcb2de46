//! API keys: only a SHA-256 hash of each key is stored; the key itself is shown once.

use rand::RngCore;
use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::Row;

use crate::{get_i64, Error, Result, Store};

/// Prefix of every quantai API key, so leaked keys are easy to recognise and scan for.
pub const KEY_PREFIX: &str = "qai_";

/// What a key may do.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Calls models and sees its own usage.
    User,
    /// Also sees everyone's usage and may reload configuration.
    Admin,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Role::User => "user",
            Role::Admin => "admin",
        }
    }
}

impl std::str::FromStr for Role {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "user" => Ok(Role::User),
            "admin" => Ok(Role::Admin),
            other => Err(Error::Invalid(format!("role {other:?} is not one of user, admin"))),
        }
    }
}

/// A stored key (without the key itself).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ApiKey {
    pub id: String,
    /// The first characters of the key, for recognising it in listings.
    pub key_prefix: String,
    pub user_id: String,
    pub role: Role,
    /// The service used when a request names none.
    pub service: Option<String>,
    pub created_ms: i64,
    pub revoked_ms: Option<i64>,
}

/// SHA-256 of a key, hex-encoded: what is stored and looked up.
pub fn hash_key(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

fn valid_name(s: &str) -> bool {
    !s.is_empty() && s.len() <= 128 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.@".contains(&b))
}

impl Store {
    /// Creates a key and returns it with its stored record. The plaintext is not stored.
    pub async fn create_key(
        &self,
        user: &str,
        role: Role,
        service: Option<&str>,
        now_ms: i64,
    ) -> Result<(String, ApiKey)> {
        // User ids are case-insensitive (MySQL's default collation compares them so anyway):
        // store them lower-case so every engine agrees on who is who.
        let user = &user.to_ascii_lowercase();
        if !valid_name(user) {
            return Err(Error::Invalid(format!(
                "user {user:?} must be 1-128 characters of letters, digits, '-', '_', '.', '@'"
            )));
        }
        if let Some(s) = service {
            if !valid_name(s) {
                return Err(Error::Invalid(format!("service {s:?} is not a valid service name")));
            }
        }
        let mut secret = [0u8; 24];
        rand::rng().fill_bytes(&mut secret);
        let key = format!("{KEY_PREFIX}{}", hex::encode(secret));
        let mut idb = [0u8; 6];
        rand::rng().fill_bytes(&mut idb);
        let rec = ApiKey {
            id: format!("key_{}", hex::encode(idb)),
            key_prefix: key[..12].to_string(),
            user_id: user.to_string(),
            role,
            service: service.map(str::to_string),
            created_ms: now_ms,
            revoked_ms: None,
        };
        let d = self.dialect;
        let sql = format!(
            "INSERT INTO api_keys (id, key_hash, key_prefix, user_id, role, service, created_ms) VALUES ({})",
            (1..=7).map(|i| d.ph(i)).collect::<Vec<_>>().join(", ")
        );
        sqlx::query(&sql)
            .bind(rec.id.clone())
            .bind(hash_key(&key))
            .bind(rec.key_prefix.clone())
            .bind(rec.user_id.clone())
            .bind(role.as_str())
            .bind(rec.service.clone())
            .bind(now_ms)
            .execute(&self.pool)
            .await?;
        Ok((key, rec))
    }

    /// The live (not revoked) key with this hash.
    pub async fn find_key_by_hash(&self, hash: &str) -> Result<Option<ApiKey>> {
        let sql = format!(
            "SELECT id, key_prefix, user_id, role, service, created_ms, revoked_ms FROM api_keys \
             WHERE key_hash = {} AND revoked_ms IS NULL",
            self.dialect.ph(1)
        );
        let row = sqlx::query(&sql).bind(hash.to_string()).fetch_optional(&self.pool).await?;
        row.as_ref().map(decode_key).transpose()
    }

    /// All keys, oldest first.
    pub async fn list_keys(&self) -> Result<Vec<ApiKey>> {
        let rows = sqlx::query(
            "SELECT id, key_prefix, user_id, role, service, created_ms, revoked_ms FROM api_keys ORDER BY created_ms, id",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(decode_key).collect()
    }

    /// Revokes a key by id; false when no live key has that id.
    pub async fn revoke_key(&self, id: &str, now_ms: i64) -> Result<bool> {
        let d = self.dialect;
        let sql = format!("UPDATE api_keys SET revoked_ms = {} WHERE id = {} AND revoked_ms IS NULL", d.ph(1), d.ph(2));
        let done = sqlx::query(&sql).bind(now_ms).bind(id.to_string()).execute(&self.pool).await?;
        Ok(done.rows_affected() > 0)
    }
}

fn decode_key(r: &sqlx::any::AnyRow) -> Result<ApiKey> {
    let role: String = r.try_get("role")?;
    Ok(ApiKey {
        id: r.try_get("id")?,
        key_prefix: r.try_get("key_prefix")?,
        user_id: r.try_get("user_id")?,
        role: role.parse()?,
        service: r.try_get("service")?,
        created_ms: get_i64(r, "created_ms")?,
        revoked_ms: r.try_get::<Option<i64>, _>("revoked_ms")?,
    })
}
