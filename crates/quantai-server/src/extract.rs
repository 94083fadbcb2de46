//! The extractors every handler uses: the authenticated caller ([`Auth`]), an admin caller
//! ([`Admin`]), and JSON bodies, query strings and paths whose rejections come back in OpenAI's
//! error shape ([`ApiJson`], [`ApiQuery`], [`ApiPath`]). A handler reads its input with these,
//! calls one library function and shapes the answer.

use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use quantai_core::ErrorCode;
use quantai_store::keys::Role;
use serde::de::DeserializeOwned;

use crate::auth::Principal;
use crate::error::ApiError;
use crate::AppState;

/// The caller, authenticated by its `Authorization: Bearer` key (401 otherwise).
#[derive(Clone, Debug)]
pub struct Auth(pub Principal);

impl FromRequestParts<AppState> for Auth {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        state.keys.authenticate(&state.store, &parts.headers).await.map(Auth)
    }
}

impl Auth {
    /// Whose data the caller sees: an admin everyone's (`None`), anyone else their own.
    pub fn owner(&self) -> Option<&str> {
        (self.0.role != Role::Admin).then_some(self.0.user_id.as_str())
    }
}

/// An authenticated caller with an admin key (403 for a user key).
#[derive(Clone, Debug)]
pub struct Admin(pub Principal);

impl FromRequestParts<AppState> for Admin {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Auth(p) = Auth::from_request_parts(parts, state).await?;
        if p.role != Role::Admin {
            let what = parts.uri.path();
            return Err(ApiError::new(ErrorCode::Forbidden, format!("{what} needs an admin key")));
        }
        Ok(Admin(p))
    }
}

/// A JSON body: 415 without a JSON content type, 413 over the size limit, 400 `invalid_json`
/// naming the field otherwise. A number with no fraction (`20.0`) is an integer, as JSON
/// Schema has it, so integer fields take it.
#[derive(Debug)]
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        if !json_content_type(req.headers()) {
            return Err(ApiError::new(
                ErrorCode::UnsupportedMediaType,
                "send the body as JSON with 'Content-Type: application/json'",
            ));
        }
        let bytes = axum::body::Bytes::from_request(req, state).await?;
        let mut v: serde_json::Value = serde_json::from_slice(&bytes)
            .map_err(|e| ApiError::new(ErrorCode::InvalidJson, format!("the body is not valid JSON: {e}")))?;
        integral_floats(&mut v);
        serde_path_to_error::deserialize(v).map(ApiJson).map_err(|e| {
            let path = e.path().to_string();
            let err = ApiError::new(ErrorCode::InvalidJson, format!("{path}: {}", e.inner()));
            if path == "." {
                err
            } else {
                err.param(path)
            }
        })
    }
}

/// `application/json` or any `+json` type.
fn json_content_type(h: &axum::http::HeaderMap) -> bool {
    let Some(ct) = h.get(axum::http::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()) else { return false };
    let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
    mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
}

/// Turns every float without a fraction that fits an i64 into an integer.
fn integral_floats(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64() {
                if f.fract() == 0.0 && f.abs() < 9.0e15 {
                    *v = Value::from(f as i64);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(integral_floats),
        Value::Object(o) => o.values_mut().for_each(integral_floats),
        _ => {}
    }
}

/// A query string: 400 `invalid_query` naming the parameter.
#[derive(Debug)]
pub struct ApiQuery<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Query(t)| ApiQuery(t))
            .map_err(ApiError::from)
    }
}

/// Path parameters: 400 `invalid_path`.
#[derive(Debug)]
pub struct ApiPath<T>(pub T);

impl<T: DeserializeOwned + Send, S: Send + Sync> FromRequestParts<S> for ApiPath<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        axum::extract::Path::<T>::from_request_parts(parts, state)
            .await
            .map(|axum::extract::Path(t)| ApiPath(t))
            .map_err(ApiError::from)
    }
}
