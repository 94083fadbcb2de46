//! The catalog and the policies, validated together: the unit that is swapped on reload.

use std::path::Path;

use crate::catalog::Catalog;
use crate::policy::Policies;
use crate::{Error, Result};

/// A catalog and the policies that refer to it, checked for consistency.
#[derive(Clone, Debug, PartialEq)]
pub struct Registry {
    pub catalog: Catalog,
    pub policies: Policies,
}

impl Registry {
    /// Validates a catalog and policies together; `providers` are the configured provider names
    /// every model must map to.
    pub fn new(catalog: Catalog, policies: Policies, providers: &[&str]) -> Result<Self> {
        for m in catalog.models() {
            if !providers.contains(&m.provider.as_str()) {
                return Err(Error::Catalog(format!(
                    "model {:?} maps to provider {:?}, which is not configured (configured: {})",
                    m.id,
                    m.provider,
                    providers.join(", ")
                )));
            }
        }
        policies.check_against(&catalog)?;
        Ok(Self { catalog, policies })
    }

    /// Checks that every model named in fallback chains is in the catalog.
    pub fn check_fallbacks(&self, fallbacks: &std::collections::BTreeMap<String, Vec<String>>) -> Result<()> {
        for (model, chain) in fallbacks {
            for m in std::iter::once(model).chain(chain) {
                if self.catalog.get(m).is_none() {
                    return Err(Error::Config(format!("models.fallbacks.{model}: model {m:?} is not in the catalog")));
                }
            }
        }
        Ok(())
    }

    /// Loads from files when given, else the compiled-in defaults.
    pub fn from_sources(catalog: Option<&Path>, policies: Option<&Path>, providers: &[&str]) -> Result<Self> {
        let catalog = match catalog {
            Some(p) => Catalog::from_toml(&read(p)?).map_err(|e| prefix(p, e))?,
            None => Catalog::builtin()?,
        };
        let policies = match policies {
            Some(p) => Policies::from_toml(&read(p)?).map_err(|e| prefix(p, e))?,
            None => Policies::builtin()?,
        };
        Self::new(catalog, policies, providers)
    }
}

fn read(p: &Path) -> Result<String> {
    std::fs::read_to_string(p).map_err(|source| Error::Io { path: p.display().to_string(), source })
}

fn prefix(p: &Path, e: Error) -> Error {
    match e {
        Error::Catalog(m) => Error::Catalog(format!("{}: {m}", p.display())),
        Error::Policy(m) => Error::Policy(format!("{}: {m}", p.display())),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_provider_is_refused() {
        let err = Registry::from_sources(None, None, &["azure"]).unwrap_err().to_string();
        assert!(err.contains("\"openai\""), "{err}");
        Registry::from_sources(None, None, &["openai"]).unwrap();
    }

    #[test]
    fn bad_file_names_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("cat.toml");
        std::fs::write(&p, "[[models]]\nid = 3\n").unwrap();
        let err = Registry::from_sources(Some(&p), None, &["openai"]).unwrap_err().to_string();
        assert!(err.contains("cat.toml"), "{err}");
    }
}
