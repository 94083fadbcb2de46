use std::str::FromStr;

use quantai_core::config::BudgetSettings;
use rust_decimal::Decimal;
use serde_json::json;

use crate::helpers::*;

/// 1,000 concurrent requests against a budget that fits about twenty: the total charged stays
/// within the budget plus one reservation, and every refusal is a 429 `budget_exceeded`.
#[tokio::test]
async fn concurrent_requests_cannot_overrun_a_budget() {
    let budget = Decimal::from_str("0.0001").unwrap(); // 100,000,000 pico-USD
    let app = spawn_with(Options {
        budgets: BudgetSettings { user_daily_usd: budget, ..Default::default() },
        ..Default::default()
    })
    .await;
    let body = json!({"max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]});
    let mut tasks = Vec::new();
    for _ in 0..1000 {
        let req = app.post("/v1/chat/completions", &app.key).json(&body);
        tasks.push(tokio::spawn(async move {
            let r = req.send().await.unwrap();
            let status = r.status().as_u16();
            let retry_after = r.headers().get("retry-after").is_some();
            let v: serde_json::Value = r.json().await.unwrap();
            (status, retry_after, v)
        }));
    }
    let mut ok = 0;
    for t in tasks {
        let (status, retry_after, v) = t.await.unwrap();
        if status == 200 {
            ok += 1;
        } else {
            assert_eq!(status, 429, "{v}");
            assert_eq!(v["error"]["code"], "budget_exceeded", "{v}");
            assert!(v["error"]["message"].as_str().unwrap().contains("daily budget of user \"alice\""), "{v}");
            assert!(retry_after);
        }
    }
    assert!(ok >= 1, "some requests fit the budget");
    // Then one at a time until the budget refuses: with nothing in flight, the book is exact.
    for _ in 0..40 {
        let r = app.post("/v1/chat/completions", &app.key).json(&body).send().await.unwrap();
        if r.status() == 429 {
            break;
        }
        assert_eq!(r.status(), 200);
        ok += 1;
    }
    let rows = app.rows(ok).await;
    app.assert_rows_stay(ok).await;
    let charged: i64 = rows.iter().map(|r| r.cost_picos).sum();
    // One reservation. A short prompt reserves a byte bound: 3 priming + 3 per message + the bytes
    // of "user" and "hi" plus one each = 14 tokens × $0.15/1M; plus 10 output tokens × $0.60/1M.
    let one_reservation = 14 * 150_000 + 10 * 600_000;
    assert!(charged <= 100_000_000 + one_reservation, "charged {charged} pico-USD");
    // Refused only once the budget was really spent.
    assert!(charged >= 100_000_000, "charged only {charged}");
    assert_eq!(app.upstream_requests(), ok as u64, "refused requests never reached the upstream");
}
