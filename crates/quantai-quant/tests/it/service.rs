//! The engine service over a real (SQLite) store.

use quantai_quant::service::{BacktestRequest, Engine, EngineError, SAMPLES};
use quantai_quant::strategy::{Kind, StrategySpec};
use quantai_quant::Market;
use quantai_store::backtests::Part;

async fn engine(dir: &std::path::Path) -> Engine {
    Engine::new(quantai_store::testing::sqlite(dir).await.unwrap().store)
}

#[tokio::test]
async fn import_is_all_or_nothing_and_idempotent() {
    let dir = tempfile::tempdir().unwrap();
    let e = engine(dir.path()).await;
    let good = "date,open,high,low,close,volume\n2024-01-02,10,11,9,10.5,100\n2024-01-03,10.5,11,10,10.8,200\n";
    let bad = format!("{good}2024-01-03,10,11,9,10,5\n2024-01-05,10,9,9,10,5\n");
    let err = e.import_csv(&bad, "TEST", Market::Krx, false).await.unwrap_err();
    let msg = err.to_string();
    assert!(matches!(err, EngineError::Invalid(_)));
    assert!(msg.contains("line 4: duplicate date 2024-01-03"), "{msg}");
    assert!(msg.contains("line 5: high 9 is below max(open 10, close 10)"), "{msg}");
    assert!(e.store().prices("TEST", None, None, None).await.unwrap().is_empty(), "nothing written");

    let r = e.import_csv(&bad, "TEST", Market::Krx, true).await.unwrap();
    assert_eq!((r.rows, r.inserted, r.rejected.len()), (4, 2, 2));
    let r = e.import_csv(good, "TEST", Market::Krx, false).await.unwrap();
    assert_eq!((r.inserted, r.updated, r.unchanged), (0, 0, 2), "re-import changes nothing");
    let s = e.series("TEST", None, None, None).await.unwrap();
    assert_eq!((s.len(), s.market), (2, Some(Market::Krx)));
    let missing = e.series("NOPE", None, None, None).await.unwrap_err();
    assert!(matches!(missing, EngineError::NotFound(_)), "{missing}");
}

#[tokio::test]
async fn samples_seed_once_and_backtests_persist_and_announce() {
    let dir = tempfile::tempdir().unwrap();
    let e = engine(dir.path()).await;
    let first = e.seed_samples().await.unwrap();
    assert_eq!(first.len(), SAMPLES.len());
    assert_eq!(first[0].inserted, 3270);
    assert!(e.seed_samples().await.unwrap().is_empty(), "already there");

    let findings = e.check("AAPL", None, &Default::default()).await.unwrap();
    assert_eq!(findings.iter().filter(|f| f.kind == quantai_quant::check::FindingKind::SplitLike).count(), 2);

    let mut events = e.subscribe();
    let req = BacktestRequest {
        symbol: "GOOG".into(),
        market: None,
        from: Some(quantai_quant::date::parse("2005-01-01").unwrap()),
        to: None,
        strategy: StrategySpec::new(Kind::SmaCross).with("fast", 10.0).with("slow", 30.0),
    };
    let (id, result) = e.backtest("alice", &req).await.unwrap();
    assert_eq!(quantai_quant::date::iso(result.from), "2005-01-03");
    let done = events.try_recv().unwrap();
    assert_eq!((done.id.as_str(), done.user_id.as_str()), (id.as_str(), "alice"));
    assert_eq!(done.kpis, result.kpis);

    let stored = e.stored(&id, Some("alice")).await.unwrap();
    assert_eq!(stored.kpis.n_trades, result.trades.len());
    assert!(
        matches!(e.stored(&id, Some("bob")).await, Err(EngineError::NotFound(_))),
        "another user's backtest is hidden"
    );
    assert!(e.stored(&id, None).await.is_ok(), "admins see everything");
    let equity: Vec<serde_json::Value> =
        serde_json::from_str(&e.part(&id, Some("alice"), Part::Equity).await.unwrap()).unwrap();
    assert_eq!(equity.len(), result.bars);
    assert_eq!(e.list(Some("alice"), 10).await.unwrap().len(), 1);
    assert!(e.list(Some("bob"), 10).await.unwrap().is_empty());

    let mut bad = req.clone();
    bad.strategy = bad.strategy.with("slow", 5.0);
    let err = e.backtest("alice", &bad).await.unwrap_err().to_string();
    assert!(err.contains("params.fast"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn searches_run_in_the_background_and_keep_a_leaderboard() {
    use quantai_quant::service::{OptimizeRequest, WalkForward};
    use quantai_quant::sweep::{Method, Objective, Range, SearchSpec};
    use std::collections::BTreeMap;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    let dir = tempfile::tempdir().unwrap();
    let e = engine(dir.path()).await;
    let search = SearchSpec {
        strategy: StrategySpec::new(Kind::SmaCross),
        space: BTreeMap::from([
            ("fast".to_string(), Range { lo: 5.0, hi: 20.0, step: 5.0 }),
            ("slow".to_string(), Range { lo: 30.0, hi: 60.0, step: 10.0 }),
        ]),
        method: Method::Grid,
        trials: 0,
        objective: Objective::Sharpe,
        min_trades: 0,
        seed: 1,
    };
    let req = OptimizeRequest {
        symbol: "GOOG".into(),
        market: None,
        from: None,
        to: None,
        search: search.clone(),
        walk_forward: Some(WalkForward { folds: 2, train: 0.7 }),
        keep: 5,
    };
    let id = e.start_optimize("alice", &req).await.unwrap();
    let status = loop {
        let st = e.optimization(&id, Some("alice")).await.unwrap();
        if st.status != quantai_store::backtests::JobStatus::Running {
            break st;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    };
    assert_eq!(status.status, quantai_store::backtests::JobStatus::Done, "{:?}", status.error);
    assert_eq!((status.done, status.total), (16, 16));
    let result = status.result.unwrap();
    assert_eq!((result.trials, result.leaderboard.len()), (16, 5));
    assert_eq!(result.folds.as_ref().map(Vec::len), Some(2));
    // The stored winner is the direct search's winner.
    let s = e.series("GOOG", None, None, None).await.unwrap();
    let direct = quantai_quant::sweep::search(&search, &s, &|_, _| {}).unwrap();
    assert_eq!(result.leaderboard[0].params, direct.best().unwrap().params);
    assert!(e.optimization(&id, Some("bob")).await.is_err(), "another user's search is hidden");

    // In the foreground, with progress.
    let calls = Arc::new(AtomicUsize::new(0));
    let c2 = calls.clone();
    let (_, r) = e
        .optimize(
            "alice",
            &OptimizeRequest { walk_forward: None, ..req.clone() },
            Arc::new(move |_, _| {
                c2.fetch_add(1, Ordering::Relaxed);
            }),
        )
        .await
        .unwrap();
    assert_eq!(calls.load(Ordering::Relaxed), 16);
    assert_eq!(r.leaderboard[0].params, direct.best().unwrap().params);

    let mut bad = req.clone();
    bad.search.space.insert("signal".into(), Range { lo: 1.0, hi: 2.0, step: 1.0 });
    let err = e.start_optimize("alice", &bad).await.unwrap_err().to_string();
    assert!(err.contains("space.signal"), "{err}");
}
