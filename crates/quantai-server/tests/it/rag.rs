//! The RAG API end to end: a finished backtest is indexed for its owner within a second and
//! found in Korean and English; documents are upserted, searched, filtered and deleted only in
//! the caller's own partition; prompts cite their contexts within the model's budget.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::helpers::*;

async fn body(r: reqwest::Response, status: u16) -> Value {
    let got = r.status().as_u16();
    let v: Value = r.json().await.unwrap_or(Value::Null);
    assert_eq!(got, status, "{v}");
    v
}

fn ids(v: &Value) -> Vec<String> {
    v["hits"].as_array().unwrap().iter().map(|h| h["id"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn backtests_are_indexed_and_searched_per_user() {
    let app = spawn_app().await;
    let (bob, _) = app.store.create_key("bob", quantai_store::keys::Role::User, None, 0).await.unwrap();
    let req = json!({"symbol": "AAPL", "strategy": {"kind": "rsi_reversion"}});
    let started = Instant::now();
    let bt = body(app.post("/api/v1/backtests", &app.key).json(&req).send().await.unwrap(), 201).await;
    let id = bt["id"].as_str().unwrap().to_string();
    // Indexed within a second of finishing.
    let search = json!({"query": "애플 RSI 역추세 전략", "k": 3});
    let found = loop {
        let r = body(app.post("/api/v1/rag/user_backtests/search", &app.key).json(&search).send().await.unwrap(), 200)
            .await;
        if !ids(&r).is_empty() {
            break r;
        }
        assert!(started.elapsed() < Duration::from_secs(1), "not indexed within a second");
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    assert_eq!(ids(&found), std::slice::from_ref(&id));
    let hit = &found["hits"][0];
    assert_eq!(hit["metadata"]["kind"], "rsi_reversion");
    assert_eq!(hit["metadata"]["symbol"], "AAPL");
    let text = hit["text"].as_str().unwrap();
    assert!(text.contains("전략명: RSI 역추세") && text.contains("Strategy: RSI mean reversion"), "{text}");
    assert!(text.contains("샤프 비율:") && text.contains("Win rate:"), "{text}");
    let sharpe = bt["kpis"]["sharpe"].as_f64().unwrap();
    assert!((hit["metadata"]["sharpe"].as_f64().unwrap() - sharpe).abs() < 1e-12);
    // In English, with a KPI filter that keeps it and one that does not.
    let en = json!({"query": "Apple RSI mean reversion", "k": 3, "filter": {"sharpe": {"lte": sharpe + 1.0}}});
    assert_eq!(
        ids(&body(app.post("/api/v1/rag/user_backtests/search", &app.key).json(&en).send().await.unwrap(), 200).await),
        std::slice::from_ref(&id)
    );
    let none = json!({"query": "Apple RSI", "filter": {"sharpe": {"gt": sharpe + 1.0}}});
    assert!(ids(
        &body(app.post("/api/v1/rag/user_backtests/search", &app.key).json(&none).send().await.unwrap(), 200).await
    )
    .is_empty());
    // Bob finds nothing of alice's, whatever he asks.
    let r = body(app.post("/api/v1/rag/user_backtests/search", &bob).json(&search).send().await.unwrap(), 200).await;
    assert!(ids(&r).is_empty());

    // Documents of any collection; the caller's partition only.
    let docs = json!({"documents": [
        {"id": "s1", "text": "Momentum strategy on NVDA with a 200-day trend filter", "metadata": {"kind": "momentum"}},
        {"id": "s2", "text": "삼성전자 볼린저 밴드 돌파 전략 메모", "metadata": {"kind": "bollinger_breakout"}}]});
    let r =
        body(app.post("/api/v1/rag/user_strategies/documents", &app.key).json(&docs).send().await.unwrap(), 200).await;
    assert_eq!(r["upserted"], 2);
    let q = json!({"query": "삼성전자 볼린저", "k": 1});
    assert_eq!(
        ids(&body(app.post("/api/v1/rag/user_strategies/search", &app.key).json(&q).send().await.unwrap(), 200).await),
        ["s2"]
    );
    openai_error(app.delete("/api/v1/rag/user_strategies/documents/s2", &bob).send().await.unwrap(), 404).await;
    let r = app.delete("/api/v1/rag/user_strategies/documents/s2", &app.key).send().await.unwrap();
    assert_eq!(r.status().as_u16(), 204);
    openai_error(app.delete("/api/v1/rag/user_strategies/documents/s2", &app.key).send().await.unwrap(), 404).await;
    let e = openai_error(app.post("/api/v1/rag/Bad%20Name/documents", &app.key).json(&docs).send().await.unwrap(), 400)
        .await;
    assert!(e["message"].as_str().unwrap().contains("collection"), "{e}");
    let e = openai_error(
        app.post("/api/v1/rag/user_strategies/search", &app.key)
            .json(&json!({"query": "x", "user_id": "bob"}))
            .send()
            .await
            .unwrap(),
        400,
    )
    .await;
    assert!(e["message"].as_str().unwrap().contains("user_id"), "a caller cannot name another user: {e}");

    // Collections: alice sees her own counts.
    let c = body(app.get("/api/v1/rag/collections", &app.key).send().await.unwrap(), 200).await;
    let counts: Vec<(String, i64)> = c["collections"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| (x["collection"].as_str().unwrap().to_string(), x["documents"].as_i64().unwrap()))
        .collect();
    assert_eq!(counts, [("user_backtests".to_string(), 1), ("user_strategies".to_string(), 1)]);
    let c = body(app.get("/api/v1/rag/collections", &bob).send().await.unwrap(), 200).await;
    assert!(c["collections"].as_array().unwrap().is_empty());

    // A prompt in the question's language, its contexts cited, within budget.
    let p = json!({"query": "내 RSI 전략 결과를 요약해줘", "budget": 600});
    let r = body(app.post("/api/v1/rag/prompt", &app.key).json(&p).send().await.unwrap(), 200).await;
    assert_eq!(r["language"], "ko");
    let prompt = r["prompt"].as_str().unwrap();
    assert!(
        prompt.starts_with("다음은 사용자의 과거 백테스트 결과입니다") && prompt.contains("[1] (참고: "),
        "{prompt}"
    );
    assert!(r["tokens"].as_u64().unwrap() <= 600);
    assert!(r["contexts"].as_array().unwrap().iter().any(|c| c["id"] == id.as_str()));
    let e = openai_error(
        app.post("/api/v1/rag/prompt", &app.key).json(&json!({"query": "x", "model": "nope"})).send().await.unwrap(),
        404,
    )
    .await;
    assert_eq!(e["param"], "model");
}

#[tokio::test]
async fn strategies_are_indexed_when_saved() {
    let app = spawn_app().await;
    let (bob, _) = app.store.create_key("bob", quantai_store::keys::Role::User, None, 0).await.unwrap();
    let save = json!({"id": "golden", "name": "골든크로스 20/60", "description": "삼성전자 장기 추세 추종",
        "spec": {"kind": "sma_cross", "params": {"fast": 20, "slow": 60}}});
    let r = body(app.post("/api/v1/strategies", &app.key).json(&save).send().await.unwrap(), 201).await;
    assert_eq!(r["indexed"], true);
    assert_eq!(r["strategy"]["spec"]["params"]["slow"], 60.0);
    // Searchable at once, in Korean and in English, by its owner only.
    for q in ["골든크로스 삼성전자", "SMA crossover slow=60"] {
        let s = json!({"query": q, "k": 3});
        let hits =
            body(app.post("/api/v1/rag/user_strategies/search", &app.key).json(&s).send().await.unwrap(), 200).await;
        assert_eq!(ids(&hits), ["golden"], "{q}");
        assert_eq!(hits["hits"][0]["metadata"]["kind"], "sma_cross");
        let theirs =
            body(app.post("/api/v1/rag/user_strategies/search", &bob).json(&s).send().await.unwrap(), 200).await;
        assert!(ids(&theirs).is_empty(), "bob found alice's strategy with {q:?}");
    }
    // Saving again replaces it (same id, first creation time kept) and re-indexes it.
    let mut again = save.clone();
    again["spec"]["params"]["slow"] = json!(120);
    let r2 = body(app.post("/api/v1/strategies", &app.key).json(&again).send().await.unwrap(), 201).await;
    assert_eq!(r2["strategy"]["created_ms"], r["strategy"]["created_ms"]);
    let s = json!({"query": "SMA crossover slow=120", "k": 1});
    let hits = body(app.post("/api/v1/rag/user_strategies/search", &app.key).json(&s).send().await.unwrap(), 200).await;
    assert_eq!(hits["hits"][0]["metadata"]["slow"], 120.0);
    let list = body(app.get("/api/v1/strategies", &app.key).send().await.unwrap(), 200).await;
    assert_eq!(list["strategies"].as_array().unwrap().len(), 1);
    assert!(body(app.get("/api/v1/strategies", &bob).send().await.unwrap(), 200).await["strategies"]
        .as_array()
        .unwrap()
        .is_empty());
    // A bad spec names the field and saves nothing.
    let bad = json!({"name": "x", "spec": {"kind": "sma_cross", "params": {"fastt": 3}}});
    let e = openai_error(app.post("/api/v1/strategies", &app.key).json(&bad).send().await.unwrap(), 400).await;
    assert!(e.to_string().contains("fastt"), "{e}");
    assert_eq!(
        body(app.get("/api/v1/strategies", &app.key).send().await.unwrap(), 200).await["strategies"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // Deleting it removes its document too; bob cannot delete it.
    openai_error(app.delete("/api/v1/strategies/golden", &bob).send().await.unwrap(), 404).await;
    assert_eq!(app.delete("/api/v1/strategies/golden", &app.key).send().await.unwrap().status().as_u16(), 204);
    let hits = body(app.post("/api/v1/rag/user_strategies/search", &app.key).json(&s).send().await.unwrap(), 200).await;
    assert!(ids(&hits).is_empty());
}

/// The domain language through the API: a Korean abbreviation finds an English note, an
/// English name a Korean one, a KPI condition filters, something never tested finds nothing,
/// and the response says what the query was understood to ask for.
#[tokio::test]
async fn queries_are_understood_across_languages_and_say_what_they_recognised() {
    let app = spawn_app().await;
    let docs = json!({"documents": [
        {"id": "n1", "text": "Samsung Electronics 20/60 golden cross: sharpe 1.4, drawdown -12%"},
        {"id": "n2", "text": "하이닉스 볼밴 상단 돌파, 샤프 0.6 — 별로"},
        {"id": "n3", "text": "NVDA RSI 30/70 reversion, Sharpe 0.9"}]});
    body(app.post("/api/v1/rag/user_notes/documents", &app.key).json(&docs).send().await.unwrap(), 200).await;
    let search = |q: &str| {
        let app = &app;
        let q = json!({"query": q, "k": 3});
        async move { body(app.post("/api/v1/rag/user_notes/search", &app.key).json(&q).send().await.unwrap(), 200).await }
    };
    let r = search("샤프 1 이상인 삼전 골크").await;
    assert_eq!(ids(&r), ["n1"]);
    let rec = &r["recognised"];
    let entity = |id: &str| rec["entities"].as_array().unwrap().iter().find(|e| e["id"] == id).cloned();
    let samsung = entity("KRX:005930").unwrap();
    assert_eq!(
        (samsung["kind"].as_str(), samsung["text"].as_str(), samsung["label"].as_str()),
        (Some("instrument"), Some("삼전"), Some("삼성전자"))
    );
    assert_eq!(entity("sma_cross").unwrap()["kind"], "strategy");
    assert_eq!(rec["conditions"][0]["kpi"], "sharpe");
    assert_eq!(rec["conditions"][0]["op"], "gte");
    assert_eq!(ids(&search("SK hynix bollinger breakout").await), ["n2"]);
    assert_eq!(ids(&search("엔비디아 과매도 전략").await), ["n3"]);
    // Never tested: Tesla, or anything with a Sharpe above 2.
    assert!(ids(&search("테슬라 골크 결과").await).is_empty());
    assert!(ids(&search("sharpe above 2").await).is_empty());
}
