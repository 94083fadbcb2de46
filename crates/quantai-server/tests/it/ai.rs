//! The AI services through the API, with a scripted upstream: narratives whose numbers are
//! checked (repair round, template and cache fallbacks), and the strategy builder's
//! conversation (question, decline, run, history, the LLM path under a JSON schema).

use quantai_mock::Scripted;
use serde_json::{json, Value};

use crate::helpers::*;

async fn body(r: reqwest::Response, status: u16) -> Value {
    let got = r.status().as_u16();
    let v: Value = r.json().await.unwrap();
    assert_eq!(got, status, "{v}");
    v
}

async fn backtest(app: &TestApp) -> Value {
    let req = json!({"symbol": "GOOG", "strategy": {"kind": "sma_cross", "params": {"fast": 10, "slow": 30}}});
    body(app.post("/api/v1/backtests", &app.key).json(&req).send().await.unwrap(), 201).await
}

/// A report of the backtest's KPIs, with its Sharpe ratio shifted by `sharpe_off`.
fn report(bt: &Value, sharpe_off: f64) -> String {
    let k = &bt["kpis"];
    let f = |n: &str| k[n].as_f64().unwrap();
    format!(
        "GOOG with a 10/30-day SMA crossover returned {:+.1}% in total, {:.1}% a year. The maximum drawdown was {:.1}% \
         and the Sharpe ratio {:.2}. It made {} trades.",
        f("total_return") * 100.0,
        f("cagr") * 100.0,
        f("max_drawdown").abs() * 100.0,
        f("sharpe") + sharpe_off,
        k["n_trades"].as_u64().unwrap()
    )
}

#[tokio::test]
async fn a_checked_llm_narrative_is_returned_with_its_model_and_cost() {
    let app = spawn_app().await;
    let bt = backtest(&app).await;
    let id = bt["id"].as_str().unwrap();
    let good = report(&bt, 0.0);
    app.mock.state.script([Scripted::Content(good.clone())]);
    let req = json!({"backtest_id": id, "language": "en", "audience": "pro"});
    let n = body(app.post("/api/v1/ai/narratives", &app.key).json(&req).send().await.unwrap(), 200).await;
    assert_eq!(n["generated_by"], "llm", "{n}");
    assert_eq!(n["text"], good.as_str());
    assert_eq!(n["model"], "gpt-4o-mini");
    assert!(n["cost_usd"].as_str().unwrap().parse::<f64>().unwrap() > 0.0, "{n}");
    assert_eq!(n["attempts"].as_array().unwrap().len(), 1);
    assert_eq!(n["findings"], json!([]));
    assert_eq!(n["version"], 1);
    assert_eq!(n["facts"]["sharpe"], bt["kpis"]["sharpe"]);
    // the prompt carried the facts, under the narrative_report service's model
    let sent = &app.mock.state.scripted()[0];
    assert_eq!(sent["model"], "gpt-4o-mini");
    assert!(sent["messages"][1]["content"].as_str().unwrap().contains("\"sharpe\""));
    // stored and written to bucket reports
    let rows = app.store.narratives(id, Some("en")).await.unwrap();
    assert_eq!((rows.len(), rows[0].generated_by.as_str()), (1, "llm"));
    let file = app.dir.path().join(format!("reports/alice/{id}/v1-en.json"));
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(saved["text"], good.as_str());
}

#[tokio::test]
async fn a_wrong_number_gets_one_repair_round_then_the_template() {
    let app = spawn_app().await;
    let bt = backtest(&app).await;
    let id = bt["id"].as_str().unwrap();
    let (bad, good) = (report(&bt, 0.5), report(&bt, 0.0));
    // repaired in the second round
    app.mock.state.script([Scripted::Content(bad.clone()), Scripted::Content(good.clone())]);
    let req = json!({"backtest_id": id, "language": "en"});
    let n = body(app.post("/api/v1/ai/narratives", &app.key).json(&req).send().await.unwrap(), 200).await;
    assert_eq!((n["generated_by"].as_str(), n["text"].as_str()), (Some("llm"), Some(good.as_str())), "{n}");
    let attempts = n["attempts"].as_array().unwrap();
    assert_eq!(attempts.len(), 2);
    assert_eq!(attempts[0]["passed"], false);
    assert_eq!(attempts[0]["findings"][0]["claimed"], "sharpe");
    let repair = app.mock.state.scripted()[1]["messages"].as_array().unwrap().last().unwrap()["content"].clone();
    assert!(repair.as_str().unwrap().contains("sharpe"), "{repair}");

    // wrong twice: the template, never the unchecked text
    app.mock.state.script([Scripted::Content(bad.clone()), Scripted::Content(bad.replace("trades", "trades."))]);
    let n = body(app.post("/api/v1/ai/narratives", &app.key).json(&req).send().await.unwrap(), 200).await;
    assert_eq!(n["generated_by"], "template", "{n}");
    assert_ne!(n["text"], bad.as_str());
    assert_eq!(n["attempts"].as_array().unwrap().len(), 2);
    assert_eq!(n["findings"], json!([]));
    assert_eq!(n["model"], Value::Null);
    assert_eq!(n["version"], 2);
    let text = n["text"].as_str().unwrap();
    let sharpe = format!("{:.2}", bt["kpis"]["sharpe"].as_f64().unwrap());
    assert!(text.contains(&sharpe), "{text}");
}

#[tokio::test]
async fn a_failed_llm_call_answers_with_the_latest_report_or_the_template() {
    let app = spawn_app().await;
    let bt = backtest(&app).await;
    let id = bt["id"].as_str().unwrap();
    let req = json!({"backtest_id": id, "language": "ko"});
    app.mock.state.script([Scripted::Status(500)]);
    let first = body(app.post("/api/v1/ai/narratives", &app.key).json(&req).send().await.unwrap(), 200).await;
    assert_eq!(first["generated_by"], "template", "{first}");
    assert!(first["text"].as_str().unwrap().contains("샤프"));
    app.mock.state.script([Scripted::Raw("{not json".into())]);
    let second = body(app.post("/api/v1/ai/narratives", &app.key).json(&req).send().await.unwrap(), 200).await;
    assert_eq!(second["generated_by"], "cache", "{second}");
    assert_eq!(second["text"], first["text"]);
    assert_eq!(app.mock.state.script_left(), 0);
}

#[tokio::test]
async fn narratives_are_for_the_backtest_owner_and_name_bad_fields() {
    let app = spawn_app().await;
    let bt = backtest(&app).await;
    let id = bt["id"].as_str().unwrap();
    let (bob, _) = app.store.create_key("bob", quantai_store::keys::Role::User, None, 0).await.unwrap();
    openai_error(app.post("/api/v1/ai/narratives", &bob).json(&json!({"backtest_id": id})).send().await.unwrap(), 404)
        .await;
    let e = openai_error(
        app.post("/api/v1/ai/narratives", &app.key)
            .json(&json!({"backtest_id": id, "language": "fr"}))
            .send()
            .await
            .unwrap(),
        400,
    )
    .await;
    assert!(e["message"].as_str().unwrap().contains("language"), "{e}");
}

#[tokio::test]
async fn the_builder_asks_declines_remembers_and_runs() {
    let app = spawn_app().await;
    // nothing scripted: the parser answers alone
    let r = body(
        app.post("/api/v1/ai/strategy-builder", &app.key)
            .json(&json!({"message": "MACD 12/26/9 크로스 전략 만들어줘"}))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!((r["outcome"].as_str(), r["generated_by"].as_str()), (Some("question"), Some("parser")), "{r}");
    assert!(r["question"].as_str().unwrap().contains("종목"));
    let conv = r["conversation_id"].as_str().unwrap().to_string();
    let r = body(
        app.post("/api/v1/ai/strategy-builder", &app.key)
            .json(&json!({"message": "구글로, 2010년부터 2012년까지", "conversation_id": conv, "run": true}))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(r["outcome"], "spec", "{r}");
    assert_eq!(r["spec"]["kind"], "macd_cross");
    assert_eq!(r["spec"]["params"], json!({"fast": 12.0, "slow": 26.0, "signal": 9.0}));
    assert_eq!(
        (r["symbol"].as_str(), r["from"].as_str(), r["to"].as_str()),
        (Some("GOOG"), Some("2010-01-01"), Some("2012-12-31"))
    );
    let run = &r["run"];
    assert!(run["kpis"]["n_trades"].as_u64().unwrap() > 0, "{run}");
    assert!(run["narrative"]["text"].as_str().unwrap().contains("MACD"), "{run}");
    // "like my last one but with RSI": the same symbol and period, a new rule
    let r = body(
        app.post("/api/v1/ai/strategy-builder", &app.key)
            .json(&json!({"message": "like my last backtest but with RSI 2 period 10/90"}))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!(r["based_on"], run["backtest_id"], "{r}");
    assert_eq!(
        (r["spec"]["kind"].as_str(), r["symbol"].as_str(), r["from"].as_str()),
        (Some("rsi_reversion"), Some("GOOG"), Some("2010-01-04"))
    );
    // declined with the reason and an alternative
    let r = body(
        app.post("/api/v1/ai/strategy-builder", &app.key)
            .json(&json!({"message": "삼전이랑 하닉 페어 트레이딩"}))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!((r["outcome"].as_str(), r["declined"]["reason"].as_str()), (Some("declined"), Some("pairs")));
    assert!(!r["declined"]["alternative"].as_str().unwrap().is_empty());
    // someone else's conversation is not found
    let (bob, _) = app.store.create_key("bob", quantai_store::keys::Role::User, None, 0).await.unwrap();
    openai_error(
        app.post("/api/v1/ai/strategy-builder", &bob)
            .json(&json!({"message": "애플로", "conversation_id": conv}))
            .send()
            .await
            .unwrap(),
        404,
    )
    .await;
}

#[tokio::test]
async fn the_builder_asks_the_llm_under_a_json_schema_and_repairs_bad_answers() {
    let app = spawn_app().await;
    let good = json!({"kind": "bollinger_reversion", "params": {"period": 20, "k": 2.5}, "symbol": "AAPL",
        "direction": null, "commission": null, "from": null, "to": null, "initial_cash": null, "unsupported": null});
    let unknown_param = json!({"kind": "bollinger_reversion", "params": {"fast": 5}, "symbol": "AAPL",
        "direction": null, "commission": null, "from": null, "to": null, "initial_cash": null, "unsupported": null});
    app.mock.state.script([
        Scripted::Content("{not json".into()),
        Scripted::Content(unknown_param.to_string()),
        Scripted::Content(good.to_string()),
    ]);
    let r = body(
        app.post("/api/v1/ai/strategy-builder", &app.key)
            .json(&json!({"message": "something that fades stretched moves on Apple, you pick the details"}))
            .send()
            .await
            .unwrap(),
        200,
    )
    .await;
    assert_eq!((r["outcome"].as_str(), r["generated_by"].as_str()), (Some("spec"), Some("llm")), "{r}");
    assert_eq!(r["spec"]["kind"], "bollinger_reversion");
    assert_eq!(r["spec"]["params"]["k"], 2.5);
    let sent = app.mock.state.scripted();
    assert_eq!(sent.len(), 3);
    assert_eq!(sent[0]["response_format"]["json_schema"]["strict"], true);
    assert_eq!(sent[0]["model"], "gpt-4o");
    let last = sent[2]["messages"].as_array().unwrap().last().unwrap()["content"].as_str().unwrap().to_string();
    assert!(last.contains("params.fast"), "{last}");
}
