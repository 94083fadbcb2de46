//! The labelled corpus in `corpus.toml`: every positive is found exactly (kind and
//! substring, nothing more) and masked away; every near-miss comes back untouched.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use quantai_guard::{Detector, PiiKind, Vault};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Corpus {
    positive: Vec<Positive>,
    near_miss: Vec<NearMiss>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Positive {
    text: String,
    pii: Vec<Pii>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Pii {
    kind: PiiKind,
    value: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NearMiss {
    text: String,
    why: String,
}

fn corpus() -> Corpus {
    toml::from_str(include_str!("corpus.toml")).expect("corpus.toml parses")
}

#[test]
fn corpus_is_large_enough() {
    let c = corpus();
    assert!(c.positive.len() >= 60, "{} positives", c.positive.len());
    assert!(c.near_miss.len() >= 60, "{} near misses", c.near_miss.len());
    for k in PiiKind::ALL {
        let n = c.positive.iter().flat_map(|p| &p.pii).filter(|p| p.kind == k).count();
        assert!(n >= 8, "only {n} samples of {k:?}");
    }
}

#[test]
fn positives_are_found_exactly_and_masked() {
    let d = Detector::new();
    let mut failures = Vec::new();
    for p in corpus().positive {
        let mut found: Vec<(PiiKind, &str)> =
            d.find(&p.text).iter().map(|f| (f.kind, &p.text[f.start..f.end])).collect();
        let mut want: Vec<(PiiKind, &str)> = p.pii.iter().map(|x| (x.kind, x.value.as_str())).collect();
        found.sort();
        want.sort();
        if found != want {
            failures.push(format!("{:?}\n  want {want:?}\n  got  {found:?}", p.text));
            continue;
        }
        assert!(d.contains_pii(&p.text), "{:?}", p.text);
        let mut vault = Vault::default();
        let Some(masked) = d.mask(&p.text, &mut vault) else {
            failures.push(format!("{:?}: mask returned None", p.text));
            continue;
        };
        for x in &p.pii {
            if masked.contains(&x.value) {
                failures.push(format!("{:?}: {:?} survives in {masked:?}", p.text, x.value));
            }
            let label = format!("[{}_", x.kind.label());
            if !masked.contains(&label) {
                failures.push(format!("{:?}: no {label} in {masked:?}", p.text));
            }
        }
        if vault.restore(&masked).as_deref() != Some(p.text.as_str()) {
            failures.push(format!("{:?}: restore of {masked:?} differs", p.text));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn near_misses_are_left_alone() {
    let d = Detector::new();
    let mut failures = Vec::new();
    for n in corpus().near_miss {
        assert!(!n.why.is_empty());
        let mut vault = Vault::default();
        if let Some(masked) = d.mask(&n.text, &mut vault) {
            failures.push(format!("{:?} ({}) -> {masked:?}", n.text, n.why));
        }
        if d.contains_pii(&n.text) {
            failures.push(format!("{:?}: contains_pii", n.text));
        }
        assert!(vault.is_empty());
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
