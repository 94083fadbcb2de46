//! Ledger and key storage against every backend available: SQLite always, PostgreSQL and
//! MySQL/MariaDB when `.ci/run` exports their URLs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::too_many_arguments)]

use quantai_store::keys::{hash_key, Role};
use quantai_store::ledger::{GroupBy, UsageFilter, UsageRecord};
use quantai_store::testing::all_backends;

fn rec(
    id: &str,
    ts_ms: i64,
    user: &str,
    service: &str,
    model: &str,
    p: i64,
    c: i64,
    cost: i64,
    status: &str,
) -> UsageRecord {
    UsageRecord {
        request_id: id.into(),
        attempt: 1,
        is_final: true,
        ts_ms,
        user_id: user.into(),
        service: service.into(),
        model: model.into(),
        provider: "openai".into(),
        upstream_model: model.into(),
        endpoint: "chat".into(),
        streamed: false,
        prompt_tokens: p,
        cached_tokens: 0,
        completion_tokens: c,
        tokens_estimated: false,
        input_price_micros: 150_000,
        cached_price_micros: 75_000,
        output_price_micros: 600_000,
        cost_picos: cost,
        latency_ms: 12,
        status: status.into(),
        http_status: if status == "ok" { 200 } else { 502 },
        error_class: (status != "ok").then(|| "upstream_5xx".to_string()),
        cache_hit: false,
        saved_cost_picos: 0,
        template_name: None,
        template_version: None,
        experiment_arm: None,
    }
}

const DAY: i64 = 86_400_000;
const T0: i64 = 1_795_219_200_000; // 2026-11-21T00:00:00Z

#[tokio::test]
async fn ledger_round_trip_and_reports_on_every_backend() {
    let dir = tempfile::tempdir().unwrap();
    let dbs = all_backends(dir.path()).await.unwrap();
    if std::env::var("CI").is_ok() {
        assert_eq!(dbs.len(), 3, "CI must test SQLite, PostgreSQL and MySQL");
    }
    for db in dbs {
        let s = &db.store;
        let rows = vec![
            rec("r1", T0 + 1000, "alice", "narrative_report", "gpt-4o-mini", 12, 5, 4_800_000, "ok"),
            rec("r2", T0 + 2000, "alice", "narrative_report", "gpt-4o", 100, 10, 350_000_000, "ok"),
            rec("r3", T0 + DAY + 5, "bob", "chatops_advanced", "gpt-4o-mini", 7, 0, 1_050_000, "error"),
            rec("r4", T0 - 1, "bob", "strategy_builder", "gpt-4o", 1, 1, 12_500_000, "ok"),
        ];
        s.insert_usage(&rows).await.unwrap();

        let all = s.list_usage(&UsageFilter::default(), 100).await.unwrap();
        assert_eq!(all.len(), 4, "{}", db.label);
        assert_eq!(all[0], rows[2], "{}: newest first, every field round-trips", db.label);

        let by_user = s.usage_report(&UsageFilter::default(), GroupBy::User).await.unwrap();
        assert_eq!(by_user.len(), 2);
        assert_eq!((by_user[0].key.as_str(), by_user[0].requests, by_user[0].cost_picos), ("alice", 2, 354_800_000));
        assert_eq!((by_user[1].key.as_str(), by_user[1].errors, by_user[1].prompt_tokens), ("bob", 1, 8));

        let by_day = s.usage_report(&UsageFilter::default(), GroupBy::Day).await.unwrap();
        let days: Vec<(&str, i64)> = by_day.iter().map(|g| (g.key.as_str(), g.requests)).collect();
        assert_eq!(days, [("2026-11-20", 1), ("2026-11-21", 2), ("2026-11-22", 1)], "{}", db.label);

        let f = UsageFilter {
            from_ms: Some(T0),
            to_ms: Some(T0 + DAY),
            model: Some("gpt-4o".into()),
            ..Default::default()
        };
        let by_model = s.usage_report(&f, GroupBy::Model).await.unwrap();
        assert_eq!(by_model.len(), 1);
        assert_eq!((by_model[0].requests, by_model[0].completion_tokens), (1, 10));

        let f = UsageFilter { service: Some("nope".into()), ..Default::default() };
        assert!(s.usage_report(&f, GroupBy::Service).await.unwrap().is_empty());

        // A batch with a duplicate id fails whole: nothing of it is half-written.
        let bad =
            vec![rec("r5", T0, "carol", "x", "m", 1, 1, 1, "ok"), rec("r1", T0, "carol", "x", "m", 1, 1, 1, "ok")];
        assert!(s.insert_usage(&bad).await.is_err(), "{}", db.label);
        let carol = UsageFilter { user_id: Some("carol".into()), ..Default::default() };
        assert!(s.list_usage(&carol, 10).await.unwrap().is_empty(), "{}", db.label);
        assert_eq!(s.list_usage(&UsageFilter::default(), 100).await.unwrap().len(), 4);

        // A retried request: another attempt of r1, not final, failed. Requests count final
        // attempts only; attempts count every upstream call; only final failures are errors.
        let mut retry = rec("r1", T0 + 1500, "alice", "narrative_report", "gpt-4o-mini", 0, 0, 0, "error");
        retry.attempt = 2;
        retry.is_final = false;
        s.insert_usage(&[retry]).await.unwrap();
        let by_user = s.usage_report(&UsageFilter::default(), GroupBy::User).await.unwrap();
        assert_eq!((by_user[0].requests, by_user[0].attempts, by_user[0].errors), (2, 3, 0), "{}", db.label);

        // Large batches span several INSERT statements.
        let many: Vec<UsageRecord> =
            (0..450).map(|i| rec(&format!("m{i}"), T0 + i, "dave", "s", "gpt-4o-mini", 1, 2, 3, "ok")).collect();
        s.insert_usage(&many).await.unwrap();
        let dave = UsageFilter { user_id: Some("dave".into()), ..Default::default() };
        let g = s.usage_report(&dave, GroupBy::User).await.unwrap();
        assert_eq!((g[0].requests, g[0].completion_tokens, g[0].cost_picos), (450, 900, 1350), "{}", db.label);
        db.drop_db().await.unwrap();
    }
}

#[tokio::test]
async fn api_keys_store_only_hashes_on_every_backend() {
    let dir = tempfile::tempdir().unwrap();
    for db in all_backends(dir.path()).await.unwrap() {
        let s = &db.store;
        let (key, rec) = s.create_key("alice", Role::User, Some("narrative_report"), T0).await.unwrap();
        assert!(key.starts_with("qai_") && key.len() == 52, "{key}");
        let found = s.find_key_by_hash(&hash_key(&key)).await.unwrap().unwrap();
        assert_eq!(found, rec);
        assert_eq!(found.service.as_deref(), Some("narrative_report"));
        assert!(s.find_key_by_hash(&hash_key("qai_wrong")).await.unwrap().is_none());
        let listed = s.list_keys().await.unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].user_id, "alice");
        assert!(!format!("{listed:?}").contains(&key[12..]), "the secret part is never stored or listed");
        assert!(s.create_key("bad user", Role::Admin, None, T0).await.is_err());
        let (_, upper) = s.create_key("Alice", Role::User, None, T0).await.unwrap();
        assert_eq!(upper.user_id, "alice", "user ids are stored lower-case on every engine");
        assert!(s.revoke_key(&rec.id, T0 + 1).await.unwrap());
        assert!(!s.revoke_key(&rec.id, T0 + 2).await.unwrap());
        assert!(s.find_key_by_hash(&hash_key(&key)).await.unwrap().is_none(), "{}", db.label);
        db.drop_db().await.unwrap();
    }
}

#[tokio::test]
async fn templates_version_and_spend_groups_on_every_backend() {
    let dir = tempfile::tempdir().unwrap();
    for db in all_backends(dir.path()).await.unwrap() {
        let s = &db.store;
        let v1 = s.create_template("report.ko", "{{symbol}} 요약", T0).await.unwrap();
        let v2 = s.create_template("report.ko", "{{symbol}} 요약 ({{period}})", T0 + 1).await.unwrap();
        assert_eq!((v1.version, v2.version), (1, 2), "{}", db.label);
        assert_eq!(s.template("report.ko", None).await.unwrap().unwrap().variables, ["symbol", "period"]);
        assert_eq!(s.template("report.ko", Some(1)).await.unwrap().unwrap().body, "{{symbol}} 요약");
        assert!(s.template("report.ko", Some(3)).await.unwrap().is_none());
        assert!(s.create_template("bad name", "x", T0).await.is_err());
        assert!(s.create_template("t", "{{unclosed", T0).await.is_err());
        assert!(s.template("t", None).await.unwrap().is_none(), "a refused template stores nothing");

        // Spend by service and day: a billed call, a cache hit, and an embedding (not chat).
        let mut hit = rec("r2", T0 + 5, "u", "svc", "gpt-4o-mini", 0, 0, 0, "ok");
        hit.cache_hit = true;
        hit.saved_cost_picos = 7_000;
        hit.template_name = Some("report.ko".into());
        hit.template_version = Some(2);
        let mut emb = rec("r3", T0 + 6, "u", "svc", "text-embedding-3-small", 10, 0, 200, "ok");
        emb.endpoint = "embeddings".into();
        let rows = [rec("r1", T0, "u", "svc", "gpt-4o-mini", 100, 20, 27_000, "ok"), hit.clone(), emb];
        s.insert_usage(&rows).await.unwrap();
        let g = s.spend_by_service_day(&UsageFilter::default()).await.unwrap();
        assert_eq!(g.len(), 1, "{}: {g:?}", db.label);
        assert_eq!((g[0].day.as_str(), g[0].requests, g[0].cache_hits), ("2026-11-21", 2, 1));
        assert_eq!(
            (g[0].prompt_tokens, g[0].completion_tokens, g[0].cost_picos, g[0].saved_cost_picos),
            (100, 20, 27_000, 7_000)
        );
        let back = s.list_usage(&UsageFilter::default(), 10).await.unwrap();
        let got = back.iter().find(|r| r.request_id == "r2").unwrap();
        assert_eq!(got, &hit, "{}", db.label);
        db.drop_db().await.unwrap();
    }
}

fn bar(date: &str, close: f64, adj: Option<f64>) -> quantai_store::market::PriceRow {
    quantai_store::market::PriceRow {
        date: date.into(),
        open: close - 1.0,
        high: close + 1.5,
        low: close - 2.0,
        close,
        volume: 1_234_567.0,
        adj_close: adj,
    }
}

#[tokio::test]
async fn market_prices_upsert_idempotently_on_every_backend() {
    let dir = tempfile::tempdir().unwrap();
    for db in all_backends(dir.path()).await.unwrap() {
        let s = &db.store;
        let rows = vec![bar("2024-01-02", 100.25, Some(99.5)), bar("2024-01-03", 101.0, None)];
        let c = s.upsert_prices("005930", "KRX", &rows).await.unwrap();
        assert_eq!((c.inserted, c.updated, c.unchanged), (2, 0, 0), "{}", db.label);
        // The same rows again change nothing.
        let c = s.upsert_prices("005930", "KRX", &rows).await.unwrap();
        assert_eq!((c.inserted, c.updated, c.unchanged), (0, 0, 2), "{}", db.label);
        // One changed, one new.
        let more = vec![bar("2024-01-03", 102.0, None), bar("2024-01-04", 103.0, Some(102.0))];
        let c = s.upsert_prices("005930", "KRX", &more).await.unwrap();
        assert_eq!((c.inserted, c.updated, c.unchanged), (1, 1, 0), "{}", db.label);
        let got = s.prices("005930", Some("KRX"), None, None).await.unwrap();
        assert_eq!(got, vec![rows[0].clone(), more[0].clone(), more[1].clone()], "{}", db.label);
        let got = s.prices("005930", None, Some("2024-01-03"), Some("2024-01-03")).await.unwrap();
        assert_eq!(got.len(), 1, "{}", db.label);
        assert!(s.prices("AAPL", None, None, None).await.unwrap().is_empty());
        assert!(s.has_prices("005930", "KRX").await.unwrap());
        assert!(!s.has_prices("005930", "US").await.unwrap());
        let syms = s.symbols().await.unwrap();
        assert_eq!(syms.len(), 1);
        assert_eq!((syms[0].bars, syms[0].first.as_str(), syms[0].last.as_str()), (3, "2024-01-02", "2024-01-04"));
        assert_eq!(s.symbol_markets("005930").await.unwrap(), vec!["KRX".to_string()]);
        let err = s.upsert_prices("bad symbol!", "KRX", &rows).await.unwrap_err();
        assert!(err.to_string().contains("bad symbol!"), "{err}");
        db.drop_db().await.unwrap();
    }
}

#[tokio::test]
async fn backtests_store_large_documents_on_every_backend() {
    use quantai_store::backtests::{BacktestRow, Part};
    let dir = tempfile::tempdir().unwrap();
    for db in all_backends(dir.path()).await.unwrap() {
        let s = &db.store;
        let row = |id: &str, user: &str, ms: i64| BacktestRow {
            id: id.into(),
            user_id: user.into(),
            symbol: "AAPL".into(),
            market: "US".into(),
            kind: "sma_cross".into(),
            spec: r#"{"kind":"sma_cross"}"#.into(),
            from_date: "2000-03-01".into(),
            to_date: "2013-03-01".into(),
            kpis: r#"{"sharpe":0.6}"#.into(),
            created_ms: ms,
        };
        // An equity curve of 3,270 bars is ~200 KB of JSON: beyond MySQL's TEXT.
        let equity =
            format!("[{}]", vec![r#"{"date":"2000-03-01","equity":10000.123456789,"position":0}"#; 3_500].join(","));
        assert!(equity.len() > 200_000);
        s.insert_backtest(&row("b1", "alice", 1), &equity, "[]").await.unwrap();
        s.insert_backtest(&row("b2", "bob", 2), "[]", "[]").await.unwrap();
        s.insert_backtest(&row("b3", "alice", 3), "[]", "[]").await.unwrap();
        assert_eq!(s.backtest("b1").await.unwrap(), Some(row("b1", "alice", 1)), "{}", db.label);
        assert_eq!(
            s.backtest_part("b1", Part::Equity).await.unwrap().as_deref(),
            Some(equity.as_str()),
            "{}",
            db.label
        );
        assert_eq!(s.backtest_part("nope", Part::Trades).await.unwrap(), None);
        let mine: Vec<String> = s.list_backtests(Some("alice"), 10).await.unwrap().into_iter().map(|r| r.id).collect();
        assert_eq!(mine, vec!["b3", "b1"], "{}", db.label);
        assert_eq!(s.list_backtests(None, 10).await.unwrap().len(), 3);
        assert!(s.insert_backtest(&row("b1", "alice", 4), "[]", "[]").await.unwrap_err().is_duplicate());
        // Paging through everyone's backtests, ties on created_ms included, misses none.
        for i in 0..7 {
            s.insert_backtest(&row(&format!("c{i}"), "carol", 3), "[]", "[]").await.unwrap();
        }
        let mut seen = Vec::new();
        loop {
            let after = seen.last().map(|r: &BacktestRow| (r.created_ms, r.id.clone()));
            let page = s.backtests_after(after.as_ref().map(|(m, id)| (*m, id.as_str())), 3).await.unwrap();
            let done = page.len() < 3;
            seen.extend(page);
            if done {
                break;
            }
        }
        let ids: Vec<&str> = seen.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["b1", "b2", "b3", "c0", "c1", "c2", "c3", "c4", "c5", "c6"], "{}", db.label);
        db.drop_db().await.unwrap();
    }
}

#[tokio::test]
async fn optimizations_run_and_finish_on_every_backend() {
    use quantai_store::backtests::OptimizationRow;
    let dir = tempfile::tempdir().unwrap();
    for db in all_backends(dir.path()).await.unwrap() {
        let s = &db.store;
        let row = OptimizationRow {
            id: "o1".into(),
            user_id: "alice".into(),
            symbol: "GOOG".into(),
            request: "{}".into(),
            status: quantai_store::backtests::JobStatus::Running,
            done: 0,
            total: 10,
            result: None,
            error: None,
            created_ms: 5,
            finished_ms: None,
        };
        s.insert_optimization(&row).await.unwrap();
        s.optimization_progress("o1", 4, 10).await.unwrap();
        assert_eq!(s.optimization("o1").await.unwrap().unwrap().done, 4, "{}", db.label);
        let board = format!("[{}]", vec!["{\"score\":1.5}"; 5_000].join(","));
        s.finish_optimization("o1", Ok(&board), 9).await.unwrap();
        let got = s.optimization("o1").await.unwrap().unwrap();
        assert_eq!((got.status.as_str(), got.done, got.finished_ms), ("done", 10, Some(9)), "{}", db.label);
        assert_eq!(got.result.as_deref(), Some(board.as_str()));
        // Progress after the end changes nothing.
        s.optimization_progress("o1", 3, 10).await.unwrap();
        assert_eq!(s.optimization("o1").await.unwrap().unwrap().done, 10);
        s.insert_optimization(&OptimizationRow { id: "o2".into(), ..row.clone() }).await.unwrap();
        s.finish_optimization("o2", Err("no bars"), 9).await.unwrap();
        let got = s.optimization("o2").await.unwrap().unwrap();
        assert_eq!((got.status.as_str(), got.error.as_deref(), got.result), ("failed", Some("no bars"), None));
        assert!(s.optimization("nope").await.unwrap().is_none());
        db.drop_db().await.unwrap();
    }
}

/// A read-then-write transaction racing other writers must wait, not fail (SQLite's stale
/// snapshot): templates created while market data is being imported.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_writers_wait_instead_of_failing_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let db = quantai_store::testing::sqlite(dir.path()).await.unwrap();
    let s = db.store.clone();
    let importer = tokio::spawn(async move {
        for k in 0..20 {
            let rows: Vec<_> =
                (0..300).map(|i| bar(&format!("20{:02}-01-{:02}", k, i % 28 + 1), 100.0 + i as f64, None)).collect();
            let mut rows = rows;
            rows.sort_by(|a, b| a.date.cmp(&b.date));
            rows.dedup_by(|a, b| a.date == b.date);
            s.upsert_prices(&format!("S{k}"), "US", &rows).await.unwrap();
        }
    });
    for i in 0..40 {
        db.store.create_template("race", &format!("body {i} {{{{x}}}}"), i).await.unwrap();
    }
    importer.await.unwrap();
    assert_eq!(db.store.template("race", None).await.unwrap().unwrap().version, 40);
}
