//! The job queue inside `serve`: the workers `serve` starts run what the API enqueues; users
//! see only their own jobs; state changes are for admins; the schedule is the shipped one.

use std::time::Duration;

use serde_json::{json, Value};

use crate::helpers::{openai_error, spawn_app, TestApp};

async fn wait_state(app: &TestApp, id: &str, want: &str) -> Value {
    for _ in 0..300 {
        let job: Value =
            app.get(&format!("/api/v1/jobs/{id}"), &app.admin_key).send().await.unwrap().json().await.unwrap();
        if job["state"] == want {
            return job;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("job {id} never reached {want}");
}

#[tokio::test]
async fn serve_runs_enqueued_jobs_and_keeps_state_changes_for_admins() {
    let app = spawn_app().await;
    // a user may look but not enqueue
    let list: Value = app.get("/api/v1/jobs", &app.key).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["jobs"], json!([]));
    let body = json!({"kind": "sleep", "payload": {"ms": 1}, "idempotency_key": "k1"});
    openai_error(app.post("/api/v1/jobs", &app.key).json(&body).send().await.unwrap(), 403).await;

    // an admin enqueues; the same key again returns the first job
    let resp = app.post("/api/v1/jobs", &app.admin_key).json(&body).send().await.unwrap();
    assert_eq!(resp.status(), 201);
    let first: Value = resp.json().await.unwrap();
    assert_eq!(first["created"], true);
    let resp = app.post("/api/v1/jobs", &app.admin_key).json(&body).send().await.unwrap();
    assert_eq!(resp.status(), 200);
    let again: Value = resp.json().await.unwrap();
    assert_eq!((again["id"].clone(), again["created"].clone()), (first["id"].clone(), json!(false)));

    // serve's own worker runs it
    let id = first["id"].as_str().unwrap();
    let done = wait_state(&app, id, "done").await;
    assert_eq!(done["result"], json!({"slept_ms": 1}));
    assert_eq!(done["attempts"], 1);
    assert_eq!(done["owner"], "root");
    // not the user's job: hidden from them
    openai_error(app.get(&format!("/api/v1/jobs/{id}"), &app.key).send().await.unwrap(), 404).await;
    let mine: Value = app.get("/api/v1/jobs", &app.key).send().await.unwrap().json().await.unwrap();
    assert_eq!(mine["jobs"], json!([]));
    let all: Value = app.get("/api/v1/jobs?state=done", &app.admin_key).send().await.unwrap().json().await.unwrap();
    assert_eq!(all["jobs"].as_array().unwrap().len(), 1);

    // bad input names what is wrong
    let e = openai_error(app.get("/api/v1/jobs?state=finished", &app.admin_key).send().await.unwrap(), 400).await;
    assert!(e["message"].as_str().unwrap().contains("finished"), "{e}");
    let e = openai_error(
        app.post("/api/v1/jobs", &app.admin_key).json(&json!({"kind": "reboot"})).send().await.unwrap(),
        400,
    )
    .await;
    let m = e["message"].as_str().unwrap();
    assert!(m.contains("reboot") && m.contains("health_check"), "{m}");

    // a permanent failure goes to the dead letters; requeue and purge are admin-only
    let resp = app.post("/api/v1/jobs", &app.admin_key).json(&json!({"kind": "sleep"})).send().await.unwrap();
    let bad: Value = resp.json().await.unwrap();
    let bad_id = bad["id"].as_str().unwrap().to_string();
    let dead = wait_state(&app, &bad_id, "dead").await;
    assert!(dead["last_error"].as_str().unwrap().contains("ms"), "{dead}");
    let retry = format!("/api/v1/jobs/{bad_id}/retry");
    openai_error(app.post(&retry, &app.key).send().await.unwrap(), 403).await;
    let e =
        openai_error(app.post(&format!("/api/v1/jobs/{id}/retry"), &app.admin_key).send().await.unwrap(), 400).await;
    assert!(e["message"].as_str().unwrap().contains("done, not dead"), "{e}");
    let r: Value = app.post(&retry, &app.admin_key).send().await.unwrap().json().await.unwrap();
    assert_eq!(r["changed"], 1);
    wait_state(&app, &bad_id, "dead").await;
    openai_error(app.post("/api/v1/jobs/purge", &app.admin_key).json(&json!({})).send().await.unwrap(), 400).await;
    openai_error(app.post("/api/v1/jobs/purge", &app.key).json(&json!({"all": true})).send().await.unwrap(), 403).await;
    let r: Value = app
        .post("/api/v1/jobs/purge", &app.admin_key)
        .json(&json!({"kind": "sleep"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(r["changed"], 1);
    openai_error(app.get(&format!("/api/v1/jobs/{bad_id}"), &app.admin_key).send().await.unwrap(), 404).await;

    // counts and live workers
    let stats: Value = app.get("/api/v1/jobs/stats", &app.key).send().await.unwrap().json().await.unwrap();
    let sleep = stats["kinds"].as_array().unwrap().iter().find(|k| k["kind"] == "sleep").unwrap().clone();
    assert_eq!((sleep["done"].clone(), sleep["dead"].clone()), (json!(1), json!(0)));
    assert_eq!(stats["effects"], 1);
    assert_eq!(stats["live_workers"].as_array().unwrap().len(), 1, "{stats}");
    app.stop().await;
}

#[tokio::test]
async fn the_health_check_task_reports_every_check_and_the_schedule_is_served_and_reloaded() {
    let app = spawn_app().await;
    let resp = app.post("/api/v1/jobs", &app.admin_key).json(&json!({"kind": "health_check"})).send().await.unwrap();
    let id = resp.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let done = wait_state(&app, &id, "done").await;
    let checks = done["result"]["checks"].as_array().unwrap();
    let status = |name: &str| checks.iter().find(|c| c["name"] == name).map(|c| c["status"].clone());
    assert_eq!(status("database"), Some(json!("ok")), "{checks:?}");
    assert_eq!(status("builder"), Some(json!("ok")), "{checks:?}");
    assert_eq!(status("workers"), Some(json!("ok")), "{checks:?}");
    assert!(status("queue").is_some() && status("llm_providers").is_some() && status("market_data").is_some());
    assert_eq!(done["result"]["ok"], true, "{done}");

    let s: Value = app.get("/api/v1/jobs/schedule", &app.key).send().await.unwrap().json().await.unwrap();
    let health = s["jobs"].as_array().unwrap().iter().find(|j| j["name"] == "hourly_health_check").unwrap().clone();
    assert_eq!(health["task"], "health_check");
    let next = health["next"].as_array().unwrap();
    assert_eq!(next.len(), 3);
    assert!(next.iter().all(|t| t.as_str().unwrap().contains(":05:00")), "{next:?}");
    let r: Value = app.post("/api/v1/admin/reload", &app.admin_key).send().await.unwrap().json().await.unwrap();
    assert_eq!(r["scheduled_jobs"], s["jobs"].as_array().unwrap().len());
    app.stop().await;
}
