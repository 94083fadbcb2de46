//! Per-service model policies: allowed tiers, a default model, required capabilities.

use std::collections::BTreeMap;
use std::fmt;

use serde::{Deserialize, Serialize};

use crate::catalog::{Capability, Catalog, ModelKind, ModelSpec, Tier};
use crate::{Error, Result};

/// The policies shipped with quantai (the seed's four services).
pub const DEFAULT_POLICIES: &str = include_str!("../defaults/policies.toml");

/// One service's policy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServicePolicy {
    #[serde(skip_deserializing)]
    pub service: String,
    pub allowed_tiers: Vec<Tier>,
    pub default_model: String,
    pub required_capabilities: Vec<Capability>,
    #[serde(default)]
    pub description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PolicyFile {
    services: BTreeMap<String, ServicePolicy>,
}

/// Why a model is refused for a service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    UnknownService { service: String },
    UnknownModel { model: String },
    NotAChatModel { model: String },
    TierNotAllowed { service: String, model: String, tier: Tier, allowed: Vec<Tier> },
    MissingCapabilities { service: String, model: String, missing: Vec<Capability> },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::UnknownService { service } => write!(f, "unknown service {service:?}"),
            Refusal::UnknownModel { model } => write!(f, "unknown model {model:?}: it is not in the model catalog"),
            Refusal::NotAChatModel { model } => write!(f, "model {model:?} is an embedding model, not a chat model"),
            Refusal::TierNotAllowed { service, model, tier, allowed } => {
                let allowed: Vec<&str> = allowed.iter().map(|t| t.as_str()).collect();
                write!(
                    f,
                    "model {model:?} is tier {tier}, which service {service:?} does not allow (allowed tiers: {})",
                    allowed.join(", ")
                )
            }
            Refusal::MissingCapabilities { service, model, missing } => {
                let missing: Vec<&str> = missing.iter().map(|c| c.as_str()).collect();
                write!(
                    f,
                    "model {model:?} lacks capabilities that service {service:?} requires: {}",
                    missing.join(", ")
                )
            }
        }
    }
}

impl Refusal {
    /// The stable code APIs answer with.
    pub fn code(&self) -> crate::ErrorCode {
        use crate::ErrorCode as C;
        match self {
            Refusal::UnknownService { .. } => C::UnknownService,
            Refusal::UnknownModel { .. } => C::ModelNotFound,
            Refusal::NotAChatModel { .. } => C::ModelNotChat,
            Refusal::TierNotAllowed { .. } => C::ModelTierNotAllowed,
            Refusal::MissingCapabilities { .. } => C::ModelCapabilityMissing,
        }
    }
}

/// All service policies, keyed by service name.
#[derive(Clone, Debug, PartialEq)]
pub struct Policies {
    services: BTreeMap<String, ServicePolicy>,
}

impl Policies {
    /// Parses policies from TOML text (not yet checked against a catalog).
    pub fn from_toml(text: &str) -> Result<Self> {
        let file: PolicyFile = toml::from_str(text).map_err(|e| Error::Policy(e.to_string()))?;
        let mut services = BTreeMap::new();
        for (name, mut p) in file.services {
            if p.allowed_tiers.is_empty() {
                return Err(Error::Policy(format!("service {name:?}: allowed_tiers must not be empty")));
            }
            p.service = name.clone();
            services.insert(name, p);
        }
        if services.is_empty() {
            return Err(Error::Policy("the policy file lists no services".into()));
        }
        Ok(Self { services })
    }

    pub fn builtin() -> Result<Self> {
        Self::from_toml(DEFAULT_POLICIES)
    }

    pub fn get(&self, service: &str) -> Option<&ServicePolicy> {
        self.services.get(service)
    }

    pub fn services(&self) -> impl Iterator<Item = &ServicePolicy> {
        self.services.values()
    }

    fn policy(&self, service: &str) -> std::result::Result<&ServicePolicy, Refusal> {
        self.get(service).ok_or_else(|| Refusal::UnknownService { service: service.to_string() })
    }

    /// Checks that `model` may serve chat for `service`, saying why not.
    pub fn validate<'c>(
        &self,
        catalog: &'c Catalog,
        service: &str,
        model: &str,
    ) -> std::result::Result<&'c ModelSpec, Refusal> {
        let policy = self.policy(service)?;
        let spec = catalog.get(model).ok_or_else(|| Refusal::UnknownModel { model: model.to_string() })?;
        check(policy, spec)?;
        Ok(spec)
    }

    /// The chat models a service may use, optionally of one tier only, cheapest first.
    pub fn available<'c>(
        &self,
        catalog: &'c Catalog,
        service: &str,
        preferred_tier: Option<Tier>,
    ) -> std::result::Result<Vec<&'c ModelSpec>, Refusal> {
        let policy = self.policy(service)?;
        let mut out: Vec<&ModelSpec> = catalog
            .models()
            .filter(|m| check(policy, m).is_ok())
            .filter(|m| preferred_tier.is_none_or(|t| m.tier == t))
            .collect();
        out.sort_by(|a, b| (a.price.input, a.price.output, &a.id).cmp(&(b.price.input, b.price.output, &b.id)));
        Ok(out)
    }

    /// The service's default model id.
    pub fn default_model(&self, service: &str) -> std::result::Result<&str, Refusal> {
        Ok(self.policy(service)?.default_model.as_str())
    }

    /// Every policy's default model must pass its own policy.
    pub fn check_against(&self, catalog: &Catalog) -> Result<()> {
        for p in self.services.values() {
            self.validate(catalog, &p.service, &p.default_model).map_err(|r| {
                Error::Policy(format!(
                    "service {:?}: default_model {:?} fails its own policy: {r}",
                    p.service, p.default_model
                ))
            })?;
        }
        Ok(())
    }
}

fn check(policy: &ServicePolicy, spec: &ModelSpec) -> std::result::Result<(), Refusal> {
    if spec.kind != ModelKind::Chat {
        return Err(Refusal::NotAChatModel { model: spec.id.clone() });
    }
    if !policy.allowed_tiers.contains(&spec.tier) {
        return Err(Refusal::TierNotAllowed {
            service: policy.service.clone(),
            model: spec.id.clone(),
            tier: spec.tier,
            allowed: policy.allowed_tiers.clone(),
        });
    }
    let missing: Vec<Capability> = policy.required_capabilities.iter().copied().filter(|c| !spec.has(*c)).collect();
    if !missing.is_empty() {
        return Err(Refusal::MissingCapabilities { service: policy.service.clone(), model: spec.id.clone(), missing });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin() -> (Catalog, Policies) {
        (Catalog::builtin().unwrap(), Policies::builtin().unwrap())
    }

    /// The seed's policy matrix (seed 000 §1), written out by hand from the seed's tables:
    /// every service × chat model, allowed or refused and why.
    #[test]
    fn seed_policy_matrix() {
        let (c, p) = builtin();
        use Outcome::*;
        #[derive(Debug, PartialEq)]
        enum Outcome {
            Ok,
            Tier,
            Caps(&'static [&'static str]),
        }
        let matrix: &[(&str, &str, Outcome)] = &[
            ("narrative_report", "gpt-4o-mini", Ok),
            ("narrative_report", "gpt-4o", Ok),
            ("narrative_report", "gpt-4-turbo", Tier),
            ("narrative_report", "o1-preview", Tier),
            ("strategy_builder", "gpt-4o-mini", Tier),
            ("strategy_builder", "gpt-4o", Ok),
            ("strategy_builder", "gpt-4-turbo", Ok),
            ("strategy_builder", "o1-preview", Caps(&["function"])),
            ("chatops_advanced", "gpt-4o-mini", Ok),
            ("chatops_advanced", "gpt-4o", Ok),
            ("chatops_advanced", "gpt-4-turbo", Tier),
            ("chatops_advanced", "o1-preview", Tier),
            ("prompt_governance", "gpt-4o-mini", Ok),
            ("prompt_governance", "gpt-4o", Tier),
            ("prompt_governance", "gpt-4-turbo", Tier),
            ("prompt_governance", "o1-preview", Tier),
        ];
        for (svc, model, want) in matrix {
            let got = match p.validate(&c, svc, model) {
                Result::Ok(_) => Ok,
                Err(Refusal::TierNotAllowed { .. }) => Tier,
                Err(Refusal::MissingCapabilities { missing, .. }) => {
                    let names: Vec<&str> = missing.iter().map(|c| c.as_str()).collect();
                    assert_eq!(names, ["function"], "{svc} × {model}");
                    Caps(&["function"])
                }
                Err(other) => panic!("{svc} × {model}: unexpected {other}"),
            };
            assert_eq!(&got, want, "{svc} × {model}");
        }
        assert_eq!(matrix.len(), 16);
    }

    #[test]
    fn refusals_name_the_reason() {
        let (c, p) = builtin();
        let e = p.validate(&c, "narrative_report", "gpt-5").unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::ModelNotFound);
        assert!(e.to_string().contains("gpt-5"));
        let e = p.validate(&c, "nope", "gpt-4o").unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::UnknownService);
        let e = p.validate(&c, "prompt_governance", "gpt-4o").unwrap_err();
        assert!(e.to_string().contains("tier standard"), "{e}");
        let e = p.validate(&c, "narrative_report", "text-embedding-3-small").unwrap_err();
        assert_eq!(e.code(), crate::ErrorCode::ModelNotChat);
    }

    #[test]
    fn available_is_filtered_and_cheapest_first() {
        let (c, p) = builtin();
        let ids = |v: Vec<&ModelSpec>| v.into_iter().map(|m| m.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(p.available(&c, "strategy_builder", None).unwrap()), ["gpt-4o", "gpt-4-turbo"]);
        assert_eq!(ids(p.available(&c, "narrative_report", None).unwrap()), ["gpt-4o-mini", "gpt-4o"]);
        assert_eq!(ids(p.available(&c, "narrative_report", Some(Tier::Standard)).unwrap()), ["gpt-4o"]);
        assert!(p.available(&c, "strategy_builder", Some(Tier::Mini)).unwrap().is_empty());
        assert_eq!(p.default_model("strategy_builder").unwrap(), "gpt-4o");
    }

    #[test]
    fn default_model_failing_its_policy_is_a_config_error() {
        let c = Catalog::builtin().unwrap();
        let bad = DEFAULT_POLICIES.replace(
            "allowed_tiers = [\"mini\"]\ndefault_model = \"gpt-4o-mini\"",
            "allowed_tiers = [\"mini\"]\ndefault_model = \"gpt-4o\"",
        );
        assert_ne!(bad, DEFAULT_POLICIES);
        let err = Policies::from_toml(&bad).unwrap().check_against(&c).unwrap_err().to_string();
        assert!(err.contains("prompt_governance") && err.contains("gpt-4o"), "{err}");
        Policies::builtin().unwrap().check_against(&c).unwrap();
    }
}
