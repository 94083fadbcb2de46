use quantai_store::ledger::UsageFilter;
use serde_json::Value;

use crate::helpers::*;

#[tokio::test]
async fn reload_refuses_a_bad_catalog_and_applies_a_good_one_without_rewriting_history() {
    let app =
        spawn_with(Options { catalog: Some(quantai_core::catalog::DEFAULT_CATALOG.to_string()), ..Default::default() })
            .await;
    assert_eq!(app.chat(hello()).await.status(), 200);
    assert_eq!(app.rows(1).await[0].cost_picos, 4_800_000);
    let path = app.dir.path().join("catalog.toml");

    // A user may not reload.
    openai_error(app.post("/api/v1/admin/reload", &app.key).send().await.unwrap(), 403).await;

    // A broken file is refused; the old catalog stays in force.
    std::fs::write(&path, "[[models]]\nid = \"half-written").unwrap();
    let e = openai_error(app.post("/api/v1/admin/reload", &app.admin_key).send().await.unwrap(), 400).await;
    assert!(e["message"].as_str().unwrap().contains("previous configuration stays"), "{e}");
    assert_eq!(app.chat(hello()).await.status(), 200);
    assert_eq!(app.rows(2).await[0].cost_picos, 4_800_000);

    // A new price applies to new calls only.
    let doubled = quantai_core::catalog::DEFAULT_CATALOG.replace(
        "price = { input = \"0.15\", cached_input = \"0.075\", output = \"0.60\" }",
        "price = { input = \"0.30\", cached_input = \"0.15\", output = \"1.20\" }",
    );
    std::fs::write(&path, doubled).unwrap();
    let ok: Value = app.post("/api/v1/admin/reload", &app.admin_key).send().await.unwrap().json().await.unwrap();
    assert_eq!(ok["reloaded"], true);
    assert_eq!(app.chat(hello()).await.status(), 200);
    let rows = app.rows(3).await;
    let mut costs: Vec<(i64, i64)> = rows.iter().map(|r| (r.cost_picos, r.input_price_micros)).collect();
    costs.sort();
    assert_eq!(costs, [(4_800_000, 150_000), (4_800_000, 150_000), (9_600_000, 300_000)]);
}

#[tokio::test]
async fn shutdown_drains_queued_usage_rows() {
    // A long flush interval keeps rows in memory until shutdown forces them out.
    let app = spawn_with(Options { flush_interval_ms: 60_000, ..Default::default() }).await;
    for _ in 0..5 {
        assert_eq!(app.chat(hello()).await.status(), 200);
    }
    let store = app.stop().await;
    let rows = store.list_usage(&UsageFilter::default(), 100).await.unwrap();
    assert_eq!(rows.len(), 5, "every queued row was written on shutdown");
}
