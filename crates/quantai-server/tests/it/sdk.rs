use crate::helpers::*;

/// The official `openai` Python SDK against a running quantai; then the usage rows and costs.
/// `.ci/run` installs the SDK into a virtualenv and sets QUANTAI_TEST_PYTHON.
#[tokio::test]
async fn official_openai_python_sdk() {
    let Ok(python) = std::env::var("QUANTAI_TEST_PYTHON") else {
        assert!(std::env::var("CI").is_err(), "CI must set QUANTAI_TEST_PYTHON (see .ci/run)");
        eprintln!("skipped: set QUANTAI_TEST_PYTHON to a python with the openai SDK installed");
        return;
    };
    let app = spawn_app().await;
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/sdk/openai_sdk_check.py");
    let out = tokio::process::Command::new(python)
        .arg(script)
        .env("QUANTAI_BASE_URL", &app.base)
        .env("QUANTAI_KEY", &app.key)
        .output()
        .await
        .unwrap();
    assert!(
        out.status.success(),
        "SDK script failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"ok\": true"));

    // chat, stream, embeddings, strategy_builder chat: four billed calls; the refusal and the
    // models list are not billed.
    let mut rows = app.rows(4).await;
    app.assert_rows_stay(4).await;
    rows.sort_by_key(|r| r.ts_ms);
    let got: Vec<(&str, &str, bool, i64, i64, i64)> = rows
        .iter()
        .map(|r| {
            (r.endpoint.as_str(), r.model.as_str(), r.streamed, r.prompt_tokens, r.completion_tokens, r.cost_picos)
        })
        .collect();
    assert_eq!(
        got,
        [
            ("chat", "gpt-4o-mini", false, 12, 5, 4_800_000),
            ("chat", "gpt-4o-mini", true, 12, 5, 4_800_000),
            // 3 words × $0.02 / 1M
            ("embeddings", "text-embedding-3-small", false, 3, 0, 60_000),
            // 12 × $2.50 + 5 × $10.00 per 1M
            ("chat", "gpt-4o", false, 12, 5, 80_000_000),
        ]
    );
    assert!(rows.iter().all(|r| r.status == "ok" && r.user_id == "alice"));
}
