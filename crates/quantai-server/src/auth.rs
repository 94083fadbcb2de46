//! Bearer-key authentication with a short-lived in-memory cache of key hashes, so the hot path
//! does one SHA-256 and a map lookup, and a revoked key stops working within the TTL.

use std::collections::HashMap;
use std::sync::RwLock;
use std::time::{Duration, Instant};

use axum::http::HeaderMap;
use quantai_store::keys::{hash_key, ApiKey, Role};
use quantai_store::Store;

use quantai_core::ErrorCode;

use crate::error::ApiError;

/// The caller behind a request.
#[derive(Clone, Debug)]
pub struct Principal {
    pub key_id: String,
    pub user_id: String,
    pub role: Role,
    pub service: Option<String>,
}

impl From<ApiKey> for Principal {
    fn from(k: ApiKey) -> Self {
        Self { key_id: k.id, user_id: k.user_id, role: k.role, service: k.service }
    }
}

/// Cache of key hash → principal.
pub struct KeyCache {
    ttl: Duration,
    map: RwLock<HashMap<String, (Principal, Instant)>>,
}

impl KeyCache {
    pub fn new(ttl: Duration) -> Self {
        Self { ttl, map: RwLock::new(HashMap::new()) }
    }

    /// Authenticates the `Authorization: Bearer` header.
    pub async fn authenticate(&self, store: &Store, headers: &HeaderMap) -> Result<Principal, ApiError> {
        let raw = headers.get(axum::http::header::AUTHORIZATION).ok_or_else(|| {
            ApiError::new(
                ErrorCode::InvalidApiKey,
                "missing Authorization header: send 'Authorization: Bearer <quantai API key>'",
            )
        })?;
        let raw = raw
            .to_str()
            .map_err(|_| ApiError::new(ErrorCode::InvalidApiKey, "Authorization header is not valid text"))?;
        let key = raw
            .strip_prefix("Bearer ")
            .or_else(|| raw.strip_prefix("bearer "))
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .ok_or_else(|| {
                ApiError::new(ErrorCode::InvalidApiKey, "Authorization header must be 'Bearer <quantai API key>'")
            })?;
        let hash = hash_key(key);
        if let Ok(map) = self.map.read() {
            if let Some((p, at)) = map.get(&hash) {
                if at.elapsed() < self.ttl {
                    return Ok(p.clone());
                }
            }
        }
        // Never echo the key: only a recognisable prefix would be safe, and even that is omitted.
        let found = store
            .find_key_by_hash(&hash)
            .await?
            .ok_or_else(|| ApiError::new(ErrorCode::InvalidApiKey, "invalid API key"))?;
        let p = Principal::from(found);
        if let Ok(mut map) = self.map.write() {
            if map.len() > 100_000 {
                map.clear();
            }
            map.insert(hash, (p.clone(), Instant::now()));
        }
        Ok(p)
    }
}
