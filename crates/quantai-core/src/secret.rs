//! Secret references in settings: a value written as `env::VAR` names an environment variable
//! that holds the secret; anything else is the secret itself (discouraged; validation asks for
//! `env::` where it matters). [`SecretRef`] is the one type for such settings and
//! [`SecretRef::resolve`] the one resolver; its `Debug` never shows a literal secret.

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

/// A setting that holds a secret or names the variable holding it.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SecretRef(String);

impl SecretRef {
    pub fn new(written: impl Into<String>) -> Self {
        Self(written.into())
    }

    /// The variable named by `env::VAR`, if written so.
    pub fn var(&self) -> Option<&str> {
        self.0.strip_prefix("env::")
    }

    /// The secret: the variable's value (via `env`), or the literal; `None` when unset or empty.
    pub fn resolve(&self, env: impl Fn(&str) -> Option<String>) -> Option<SecretString> {
        let v = match self.var() {
            Some(var) => env(var)?,
            None => self.0.clone(),
        };
        (!v.is_empty()).then(|| SecretString::from(v))
    }
}

/// What was written (`env::VAR` or the literal), for validation; never log it.
impl std::ops::Deref for SecretRef {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SecretRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.var() {
            Some(_) => write!(f, "SecretRef({:?})", self.0),
            None if self.0.is_empty() => f.write_str("SecretRef(\"\")"),
            None => f.write_str("SecretRef([literal, redacted])"),
        }
    }
}

impl From<&str> for SecretRef {
    fn from(s: &str) -> Self {
        Self(s.to_string())
    }
}

impl From<String> for SecretRef {
    fn from(s: String) -> Self {
        Self(s)
    }
}

#[cfg(test)]
mod tests {
    use secrecy::ExposeSecret;

    use super::*;

    fn env(var: &str) -> Option<String> {
        match var {
            "SET" => Some("s3cr3t".into()),
            "EMPTY" => Some(String::new()),
            _ => None,
        }
    }

    #[test]
    fn references_resolve_from_the_environment_and_literals_stand() {
        assert_eq!(SecretRef::from("env::SET").resolve(env).unwrap().expose_secret(), "s3cr3t");
        assert!(SecretRef::from("env::EMPTY").resolve(env).is_none());
        assert!(SecretRef::from("env::UNSET").resolve(env).is_none());
        assert!(SecretRef::default().resolve(env).is_none());
        assert_eq!(SecretRef::from("sk-literal").resolve(env).unwrap().expose_secret(), "sk-literal");
    }

    #[test]
    fn debug_never_shows_a_literal() {
        assert_eq!(format!("{:?}", SecretRef::from("env::OPENAI_API_KEY")), "SecretRef(\"env::OPENAI_API_KEY\")");
        let literal = format!("{:?}", SecretRef::from("sk-live-abcdef"));
        assert!(!literal.contains("abcdef"), "{literal}");
    }
}
