//! Experiments: a service's traffic split between models or prompt-template versions by
//! percentage, sticky per user (a user's bucket is a hash of the experiment and the user, the
//! same in every process), so each arm's cost, latency, errors and quality can be compared.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// One arm of an experiment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Arm {
    /// 1 to 64 letters, digits, `.`, `_`, `-`.
    pub name: String,
    /// The model this arm's calls use (the service's policy must allow it).
    #[serde(default)]
    pub model: Option<String>,
    /// The prompt-template version this arm's templated calls use.
    #[serde(default)]
    pub template_version: Option<i64>,
    /// Share of users, in percent; the arms' shares add up to 100.
    pub percent: u32,
}

/// A running or stopped experiment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, utoipa::ToSchema)]
pub struct Experiment {
    pub id: String,
    pub service: String,
    pub name: String,
    pub arms: Vec<Arm>,
    /// `running` or `stopped`.
    pub status: String,
    pub created_ms: i64,
}

impl Experiment {
    /// Checks the arms, naming the first problem.
    pub fn validate(&self) -> Result<(), String> {
        if self.arms.len() < 2 {
            return Err("arms: an experiment needs at least two arms".into());
        }
        let total: u32 = self.arms.iter().map(|a| a.percent).sum();
        if total != 100 {
            return Err(format!("arms: the percents add up to {total}, not 100"));
        }
        for (i, a) in self.arms.iter().enumerate() {
            let ok = !a.name.is_empty()
                && a.name.len() <= 64
                && a.name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
            if !ok {
                return Err(format!("arms[{i}].name: {:?} is not 1 to 64 letters, digits, '.', '_', '-'", a.name));
            }
            if a.model.is_none() && a.template_version.is_none() {
                return Err(format!("arms[{i}]: name a model or a template_version"));
            }
            if self.arms[..i].iter().any(|b| b.name == a.name) {
                return Err(format!("arms[{i}].name: {:?} is used twice", a.name));
            }
        }
        Ok(())
    }

    /// The arm `user` is in: the same every time and in every process.
    pub fn arm_of(&self, user: &str) -> &Arm {
        let mut h = Sha256::new();
        h.update(self.id.as_bytes());
        h.update([0]);
        h.update(user.as_bytes());
        let d = h.finalize();
        let bucket = u32::from_be_bytes([d[0], d[1], d[2], d[3]]) % 100;
        let mut acc = 0;
        for a in &self.arms {
            acc += a.percent;
            if bucket < acc {
                return a;
            }
        }
        &self.arms[self.arms.len() - 1]
    }

    /// The ledger's label of an arm: `ID/ARM`.
    pub fn label(&self, arm: &Arm) -> String {
        format!("{}/{}", self.id, arm.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exp(split: [u32; 2]) -> Experiment {
        Experiment {
            id: "e1".into(),
            service: "narrative_report".into(),
            name: "mini vs 4o".into(),
            arms: vec![
                Arm { name: "a".into(), model: Some("gpt-4o-mini".into()), template_version: None, percent: split[0] },
                Arm { name: "b".into(), model: Some("gpt-4o".into()), template_version: None, percent: split[1] },
            ],
            status: "running".into(),
            created_ms: 0,
        }
    }

    #[test]
    fn users_are_split_by_percent_and_stay_in_their_arm() {
        let e = exp([30, 70]);
        let users: Vec<String> = (0..4000).map(|i| format!("user-{i}")).collect();
        let in_a = users.iter().filter(|u| e.arm_of(u).name == "a").count();
        // 30 % ± 3 points over 4,000 users
        assert!((1080..=1320).contains(&in_a), "{in_a}");
        for u in &users[..50] {
            assert_eq!(e.arm_of(u), e.arm_of(u));
        }
        assert!(exp([30, 60]).validate().unwrap_err().contains("add up to 90"));
        assert!(e.validate().is_ok());
    }
}
