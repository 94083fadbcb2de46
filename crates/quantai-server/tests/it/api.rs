use quantai_store::keys::Role;
use serde_json::Value;

use crate::helpers::*;

async fn json(resp: reqwest::Response) -> Value {
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

fn ids(v: &Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|m| m["model_id"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn model_selection_api() {
    let app = spawn_app().await;
    let all = json(app.get("/api/v1/gen-ai/models", &app.key).send().await.unwrap()).await;
    assert_eq!(all["models"].as_array().unwrap().len(), 6);
    let mini = json(app.get("/api/v1/gen-ai/models?tier=mini", &app.key).send().await.unwrap()).await;
    assert_eq!(ids(&mini["models"]), ["text-embedding-3-small", "gpt-4o-mini"]);
    assert_eq!(mini["models"][1]["price_per_1m"]["input"], "0.15");

    let sb = json(app.get("/api/v1/gen-ai/models/strategy_builder", &app.key).send().await.unwrap()).await;
    assert_eq!(ids(&sb["models"]), ["gpt-4o", "gpt-4-turbo"]);
    assert_eq!(sb["default_model"], "gpt-4o");
    let sb_adv =
        json(app.get("/api/v1/gen-ai/models/strategy_builder?tier=advanced", &app.key).send().await.unwrap()).await;
    assert_eq!(ids(&sb_adv["models"]), ["gpt-4-turbo"]);

    let e = openai_error(app.get("/api/v1/gen-ai/models/astrology", &app.key).send().await.unwrap(), 404).await;
    assert_eq!(e["code"], "resource_not_found");
    assert!(e["message"].as_str().unwrap().contains("astrology"), "{e}");
    let e = openai_error(app.get("/api/v1/gen-ai/models?tier=gold", &app.key).send().await.unwrap(), 400).await;
    assert!(e["message"].as_str().unwrap().contains("gold"));
    let e = openai_error(app.get("/api/v1/gen-ai/models?colour=red", &app.key).send().await.unwrap(), 400).await;
    assert!(e["message"].as_str().unwrap().contains("colour"));
    openai_error(app.get("/api/v1/gen-ai/models", "qai_bad").send().await.unwrap(), 401).await;

    let v1 = json(app.get("/v1/models", &app.key).send().await.unwrap()).await;
    assert_eq!(v1["object"], "list");
    assert_eq!(v1["data"].as_array().unwrap().len(), 6);
}

#[tokio::test]
async fn usage_api_scopes_users_and_groups() {
    let app = spawn_app().await;
    let (bob, _) = app.store.create_key("bob", Role::User, Some("chatops_advanced"), 0).await.unwrap();
    for _ in 0..3 {
        assert_eq!(app.chat(hello()).await.status(), 200);
    }
    let r = app.post("/v1/chat/completions", &bob).json(&hello()).send().await.unwrap();
    assert_eq!(r.status(), 200);
    app.rows(4).await;

    // alice sees only her own usage, whatever she asks.
    let mine = json(app.get("/api/v1/gen-ai/usage?group_by=user", &app.key).send().await.unwrap()).await;
    let groups = mine["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 1);
    assert_eq!((groups[0]["key"].as_str(), groups[0]["requests"].as_i64()), (Some("alice"), Some(3)));
    // 3 × $0.0000048
    assert_eq!(mine["total"]["cost_usd"], "0.0000144");
    let e = openai_error(app.get("/api/v1/gen-ai/usage?user=bob", &app.key).send().await.unwrap(), 403).await;
    assert_eq!(e["type"], "permission_error");

    // The admin sees everyone, grouped any way, filtered by service and time.
    let all = json(app.get("/api/v1/gen-ai/usage?group_by=service", &app.admin_key).send().await.unwrap()).await;
    let keys: Vec<&str> = all["groups"].as_array().unwrap().iter().map(|g| g["key"].as_str().unwrap()).collect();
    assert_eq!(keys, ["chatops_advanced", "narrative_report"]);
    assert_eq!(all["total"]["requests"], 4);
    let svc = json(
        app.get("/api/v1/gen-ai/usage?service=chatops_advanced&group_by=model", &app.admin_key).send().await.unwrap(),
    )
    .await;
    assert_eq!(svc["total"]["requests"], 1);
    let future = json(app.get("/api/v1/gen-ai/usage?from=2999-01-01", &app.admin_key).send().await.unwrap()).await;
    assert_eq!(future["total"]["requests"], 0);
    let by_day = json(app.get("/api/v1/gen-ai/usage?group_by=day", &app.admin_key).send().await.unwrap()).await;
    assert_eq!(by_day["groups"][0]["key"].as_str().unwrap().len(), 10);

    for bad in ["group_by=week", "from=yesterday", "from=2026-02-01&to=2026-01-01", "limit=3"] {
        openai_error(app.get(&format!("/api/v1/gen-ai/usage?{bad}"), &app.admin_key).send().await.unwrap(), 400).await;
    }
}

#[tokio::test]
async fn health_readiness_metrics_and_openapi() {
    let app = spawn_app().await;
    let r = app.http.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!((r.status().as_u16(), r.text().await.unwrap()), (200, "ok".to_string()));
    let ready: Value = app.http.get(app.url("/readyz")).send().await.unwrap().json().await.unwrap();
    assert_eq!(ready["ready"], true);
    assert_eq!(ready["database"], "ok");

    assert_eq!(app.chat(hello()).await.status(), 200);
    app.mock.state.set_mode(quantai_mock::Mode::Status(500));
    assert_eq!(app.chat(hello()).await.status(), 502);
    app.rows(2).await;
    let m = app.http.get(app.url("/metrics")).send().await.unwrap().text().await.unwrap();
    for needle in [
        "quantai_http_requests_total{route=\"/v1/chat/completions\",status=\"200\"} 1",
        "quantai_http_requests_total{route=\"/v1/chat/completions\",status=\"502\"} 1",
        "quantai_gateway_overhead_seconds_bucket",
        "quantai_http_request_duration_seconds_bucket",
        "quantai_tokens_total{model=\"gpt-4o-mini\",kind=\"prompt\"} 12",
        "quantai_tokens_total{model=\"gpt-4o-mini\",kind=\"completion\"} 5",
        "quantai_upstream_errors_total{provider=\"openai\",class=\"upstream_5xx\"} 1",
        "quantai_cost_usd_total{model=\"gpt-4o-mini\"} 0.0000048",
        "quantai_ledger_rows_written_total 2",
    ] {
        assert!(m.contains(needle), "missing {needle} in\n{m}");
    }

    // Every path the OpenAPI document lists is served (none falls through to the 404 fallback).
    let doc: Value = app.http.get(app.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let paths = doc["paths"].as_object().unwrap();
    assert!(paths.len() >= 11);
    for (path, ops) in paths {
        let concrete = path.replace("{service_name}", "narrative_report");
        for method in ops.as_object().unwrap().keys() {
            let req = match method.as_str() {
                "get" => app.get(&concrete, &app.admin_key),
                "post" => app.post(&concrete, &app.admin_key).header("X-Quantai-Service", "narrative_report"),
                "delete" => app.delete(&concrete, &app.admin_key),
                other => panic!("unexpected method {other}"),
            };
            let resp = req.send().await.unwrap();
            let status = resp.status().as_u16().to_string();
            let op = &ops[method];
            // Every status the route answered is one the document lists for it.
            assert!(op["responses"].get(&status).is_some(), "{method} {path} answered {status}, undocumented");
            if status == "404" {
                let v: Value = resp.json().await.unwrap();
                assert_ne!(v["error"]["code"], "not_found", "{method} {path} is documented but not routed");
            }
            // Keyed routes say so, and answer 401 without a key.
            if op.get("security").is_some() {
                assert!(op["responses"].get("401").is_some(), "{method} {path}");
                assert!(op["responses"].get("500").is_some(), "{method} {path}");
            }
        }
        // A method the path does not have: 405, listing those it has.
        let ops = ops.as_object().unwrap();
        let missing = ["get", "post", "delete"].into_iter().find(|m| !ops.contains_key(*m)).unwrap_or("put");
        let resp = app
            .http
            .request(missing.to_uppercase().parse().unwrap(), app.url(&concrete))
            .bearer_auth(&app.admin_key)
            .send()
            .await
            .unwrap();
        assert_eq!(resp.status(), 405, "{missing} {path}");
        let allow = resp.headers()["allow"].to_str().unwrap().to_ascii_lowercase();
        for m in ops.keys() {
            assert!(allow.contains(m.as_str()), "{path}: Allow {allow:?} lacks {m}");
        }
    }
    // A bearer scheme, and links from created resources to the routes that read them.
    assert_eq!(doc["components"]["securitySchemes"]["bearer"]["scheme"], "bearer");
    let created = &doc["paths"]["/api/v1/backtests"]["post"]["responses"]["201"]["links"];
    for (name, op) in [("GetBacktest", "getBacktest"), ("GetBacktestEquity", "getBacktestEquity")] {
        assert_eq!(created[name]["operationId"], op, "{created}");
        assert_eq!(created[name]["parameters"]["id"], "$response.body#/id");
    }
    let poll = &doc["paths"]["/api/v1/backtests/optimize"]["post"]["responses"]["202"]["links"]["GetOptimization"];
    assert_eq!(poll["operationId"], "getOptimization");
    // Every linked operation exists.
    let ids: Vec<&str> = paths
        .values()
        .flat_map(|ops| ops.as_object().unwrap().values())
        .filter_map(|op| op["operationId"].as_str())
        .collect();
    for ops in paths.values() {
        for op in ops.as_object().unwrap().values() {
            for r in op["responses"].as_object().unwrap().values() {
                for l in r.get("links").and_then(Value::as_object).into_iter().flat_map(|l| l.values()) {
                    assert!(ids.contains(&l["operationId"].as_str().unwrap()), "dangling link {l}");
                }
            }
        }
    }
    // The service header lists the live policies' services.
    let header = doc["paths"]["/v1/chat/completions"]["post"]["parameters"][0].clone();
    assert!(header["schema"]["enum"].as_array().unwrap().contains(&Value::from("narrative_report")), "{header}");
}
