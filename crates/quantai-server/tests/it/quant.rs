//! The quant engine's API: the sample data served at start-up, imports, backtests that only
//! their owner (or an admin) can read.

use serde_json::{json, Value};

use crate::helpers::*;

async fn body(r: reqwest::Response, status: u16) -> Value {
    assert_eq!(r.status().as_u16(), status);
    r.json().await.unwrap()
}

#[tokio::test]
async fn market_data_and_backtests_end_to_end() {
    let app = spawn_app().await;
    // The shipped sample is there on a fresh database.
    let bars = body(app.get("/api/v1/market-data/GOOG?from=2013-02-25", &app.key).send().await.unwrap(), 200).await;
    let closes: Vec<f64> = bars["bars"].as_array().unwrap().iter().map(|b| b["close"].as_f64().unwrap()).collect();
    assert_eq!(closes.len(), 5);
    assert_eq!(bars["bars"][0]["date"], "2013-02-25");
    assert_eq!(bars["market"], "US");
    let e =
        openai_error(app.get("/api/v1/market-data/GOOG?from=25-02-2013", &app.key).send().await.unwrap(), 400).await;
    assert_eq!(e["param"], "from");
    openai_error(app.get("/api/v1/market-data/NOPE", &app.key).send().await.unwrap(), 404).await;

    // Imports are for admins, all or nothing.
    let csv = "date,open,high,low,close,volume\n2024-01-02,70000,71000,69000,70500,1000\n2024-01-03,70500,70600,70000,70100,900\n";
    let imp = json!({"symbol": "005930", "market": "KRX", "csv": csv});
    openai_error(app.post("/api/v1/market-data/import", &app.key).json(&imp).send().await.unwrap(), 403).await;
    let r = body(app.post("/api/v1/market-data/import", &app.admin_key).json(&imp).send().await.unwrap(), 200).await;
    assert_eq!((r["inserted"].as_u64(), r["market"].as_str()), (Some(2), Some("KRX")));
    let bad = json!({"symbol": "005930", "market": "KRX", "csv": format!("{csv}2024-01-03,1,1,1,1,1\n")});
    let e = openai_error(app.post("/api/v1/market-data/import", &app.admin_key).json(&bad).send().await.unwrap(), 400)
        .await;
    assert!(e["message"].as_str().unwrap().contains("line 4: duplicate date 2024-01-03"), "{e}");

    // A backtest by alice.
    let req = json!({"symbol": "GOOG", "strategy": {"kind": "sma_cross", "params": {"fast": 10, "slow": 30}}});
    let bt = body(app.post("/api/v1/backtests", &app.key).json(&req).send().await.unwrap(), 201).await;
    let id = bt["id"].as_str().unwrap().to_string();
    assert_eq!(bt["user_id"], "alice");
    assert!(bt["trades"].as_array().unwrap().len() > 10);
    let got = body(app.get(&format!("/api/v1/backtests/{id}"), &app.key).send().await.unwrap(), 200).await;
    assert_eq!(got["kpis"], bt["kpis"]);
    let eq = body(app.get(&format!("/api/v1/backtests/{id}/equity"), &app.key).send().await.unwrap(), 200).await;
    assert_eq!(eq.as_array().unwrap().len(), 2148);
    let tr = body(app.get(&format!("/api/v1/backtests/{id}/trades"), &app.key).send().await.unwrap(), 200).await;
    assert_eq!(tr, bt["trades"]);
    let svg = app.get(&format!("/api/v1/backtests/{id}/chart.svg"), &app.key).send().await.unwrap();
    assert_eq!(svg.headers()["content-type"], "image/svg+xml");
    let svg = svg.text().await.unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("GOOG · sma_cross fast=10 slow=30"), "{}", &svg[..300]);
    let png = app.get(&format!("/api/v1/backtests/{id}/chart.png"), &app.key).send().await.unwrap();
    assert_eq!(png.headers()["content-type"], "image/png");
    assert_eq!(&png.bytes().await.unwrap()[..4], b"\x89PNG");
    // Another user cannot see it; an admin can.
    let (bob, _) = app.store.create_key("bob", quantai_store::keys::Role::User, None, 0).await.unwrap();
    openai_error(app.get(&format!("/api/v1/backtests/{id}"), &bob).send().await.unwrap(), 404).await;
    openai_error(app.get(&format!("/api/v1/backtests/{id}/equity"), &bob).send().await.unwrap(), 404).await;
    openai_error(app.get(&format!("/api/v1/backtests/{id}/chart.svg"), &bob).send().await.unwrap(), 404).await;
    let mine = body(app.get("/api/v1/backtests", &bob).send().await.unwrap(), 200).await;
    assert!(mine["backtests"].as_array().unwrap().is_empty());
    let all = body(app.get("/api/v1/backtests", &app.admin_key).send().await.unwrap(), 200).await;
    assert_eq!(all["backtests"].as_array().unwrap().len(), 1);
    body(app.get(&format!("/api/v1/backtests/{id}"), &app.admin_key).send().await.unwrap(), 200).await;

    // A parameter search in the background, polled until done.
    let search = json!({"symbol": "GOOG", "search": {
        "strategy": {"kind": "sma_cross"}, "method": "tpe", "trials": 20, "min_trades": 3,
        "space": {"fast": {"lo": 5, "hi": 20}, "slow": {"lo": 25, "hi": 60, "step": 5}}}});
    let started = body(app.post("/api/v1/backtests/optimize", &app.key).json(&search).send().await.unwrap(), 202).await;
    let oid = started["id"].as_str().unwrap().to_string();
    let done = loop {
        let st = body(app.get(&format!("/api/v1/backtests/optimize/{oid}"), &app.key).send().await.unwrap(), 200).await;
        if st["status"] != "running" {
            break st;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_eq!(done["status"], "done", "{done}");
    assert_eq!(done["result"]["trials"], 20);
    let board = done["result"]["leaderboard"].as_array().unwrap();
    let scores: Vec<f64> = board.iter().filter_map(|t| t["score"].as_f64()).collect();
    assert!(!scores.is_empty() && scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    openai_error(app.get(&format!("/api/v1/backtests/optimize/{oid}"), &bob).send().await.unwrap(), 404).await;
    let bad = json!({"symbol": "GOOG", "search": {"strategy": {"kind": "sma_cross"}, "method": "grid", "space": {"colour": {"lo": 1, "hi": 2}}}});
    let e = openai_error(app.post("/api/v1/backtests/optimize", &app.key).json(&bad).send().await.unwrap(), 400).await;
    assert!(e["message"].as_str().unwrap().contains("space.colour"), "{e}");

    // Bad specs name the field.
    let bad = json!({"symbol": "GOOG", "strategy": {"kind": "sma_cross", "params": {"fast": 30, "slow": 10}}});
    let e = openai_error(app.post("/api/v1/backtests", &app.key).json(&bad).send().await.unwrap(), 400).await;
    assert!(e["message"].as_str().unwrap().contains("params.fast"), "{e}");
    let bad = json!({"symbol": "GOOG", "strategy": {"kind": "astrology"}});
    openai_error(app.post("/api/v1/backtests", &app.key).json(&bad).send().await.unwrap(), 400).await;
    app.stop().await;
}
