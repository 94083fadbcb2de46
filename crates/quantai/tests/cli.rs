//! The `quantai` binary as a user runs it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::process::{Command, Output};

fn quantai(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quantai"))
        .args(args)
        .current_dir(dir)
        .env("QUANTAI__DATABASE__URL", format!("sqlite://{}", dir.join("cli.db").display()))
        .env("QUANTAI__REQUEST_LOG__URL", format!("file:{}", dir.display()))
        .env_remove("OPENAI_API_KEY")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn keys_create_prints_the_key_last_and_stores_only_its_hash() {
    let dir = tempfile::tempdir().unwrap();
    let out =
        quantai(dir.path(), &["keys", "create", "--user", "alice", "--role", "admin", "--service", "narrative_report"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    let key = text.lines().last().unwrap();
    assert!(key.starts_with("qai_") && key.len() == 52, "{text}");
    let db = std::fs::read(dir.path().join("cli.db")).unwrap();
    let needle = &key.as_bytes()[12..];
    assert!(!db.windows(needle.len()).any(|w| w == needle), "the key's secret part must not be stored");
    let list = stdout(&quantai(dir.path(), &["keys", "list"]));
    assert!(list.contains("alice") && list.contains("admin") && !list.contains(&key[12..]), "{list}");

    let bad = quantai(dir.path(), &["keys", "create", "--user", "bob", "--role", "root"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("root"));
    let bad = quantai(dir.path(), &["keys", "create", "--user", "bob", "--service", "astrology"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("astrology"));
}

#[test]
fn config_check_names_the_bad_key() {
    let dir = tempfile::tempdir().unwrap();
    let ok = quantai(dir.path(), &["config", "check"]);
    assert!(ok.status.success());
    assert!(stdout(&ok).contains("configuration OK"));
    let f = dir.path().join("bad.toml");
    std::fs::write(&f, "[ledger]\nbatch_sise = 10\n").unwrap();
    let bad = quantai(dir.path(), &["--config", f.to_str().unwrap(), "config", "check"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("batch_sise"), "{}", String::from_utf8_lossy(&bad.stderr));
    let f = dir.path().join("bad-policy.toml");
    std::fs::write(
        &f,
        "[services.x]\nallowed_tiers = [\"mini\"]\ndefault_model = \"gpt-4o\"\nrequired_capabilities = []\n",
    )
    .unwrap();
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, format!("[models]\npolicies = {:?}\n", f.to_str().unwrap())).unwrap();
    let bad = quantai(dir.path(), &["--config", cfg.to_str().unwrap(), "config", "check"]);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("default_model") && err.contains("gpt-4o"), "{err}");
}

#[test]
fn models_list_filters_by_service_and_tier() {
    let dir = tempfile::tempdir().unwrap();
    let out = stdout(&quantai(dir.path(), &["models", "list", "--service", "strategy_builder"]));
    let models: Vec<&str> = out
        .lines()
        .skip(1)
        .filter(|l| !l.starts_with("default"))
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(models, ["gpt-4o", "gpt-4-turbo"], "{out}");
    assert!(out.contains("default model for strategy_builder: gpt-4o"));
    let out = stdout(&quantai(dir.path(), &["models", "list", "--tier", "premium"]));
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("o1-preview") && out.contains("$15"), "{out}");
}
