//! The pgvector store against a real PostgreSQL with pgvector (`QUANTAI_TEST_PGVECTOR_URL`;
//! `.ci/run` starts one): a filtered query returns its full LIMIT (pgvector's filtered HNSW
//! returns fewer rows than asked without iterative scans), in exact distance order, close to
//! exact search; thresholds; isolation by user.

#![allow(clippy::unwrap_used)]

use std::sync::Arc;

use quantai_rag::filter::Filter;
use quantai_rag::pgvector::PgVector;
use quantai_rag::store::{DocStore, VectorQuery};
use quantai_store::rag::RagDocRow;
use quantai_store::testing;
use serde_json::json;

const DIMS: usize = 32;
const KINDS: usize = 50;

/// Deterministic unit vectors (xorshift), no RNG dependency.
fn vectors(n: usize, seed: u64) -> Vec<Vec<f32>> {
    let mut s = seed | 1;
    let mut next = move || {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        (s >> 11) as f32 / (1u64 << 53) as f32 - 0.5
    };
    (0..n)
        .map(|_| {
            let v: Vec<f32> = (0..DIMS).map(|_| next()).collect();
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            v.into_iter().map(|x| x / norm).collect()
        })
        .collect()
}

fn encode(v: &[f32]) -> String {
    use base64::Engine as _;
    let b: Vec<u8> = v.iter().flat_map(|x| x.to_le_bytes()).collect();
    base64::engine::general_purpose::STANDARD.encode(b)
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[tokio::test]
async fn filtered_queries_return_their_full_limit_in_order() {
    let Ok(url) = std::env::var("QUANTAI_TEST_PGVECTOR_URL") else {
        eprintln!("QUANTAI_TEST_PGVECTOR_URL unset: pgvector not tested");
        return;
    };
    let db = testing::server(&url, "postgres").await.unwrap();
    let pg = Arc::new(PgVector::connect(&db.url, DIMS, 4).await.unwrap());
    assert!(pg.version().await.unwrap().as_str() >= "0.8", "iterative scans need pgvector 0.8");
    // 8,000 documents of one user, 50 kinds (~160 each), 2,000 of another.
    let vs = vectors(10_000, 7);
    let rows: Vec<RagDocRow> = vs
        .iter()
        .enumerate()
        .map(|(i, v)| RagDocRow {
            collection: "user_backtests".into(),
            user_id: if i < 8_000 { "big".into() } else { "other".into() },
            id: format!("d{i:05}"),
            text: format!("document {i}"),
            metadata: json!({"kind": format!("k{}", i % KINDS), "i": i}).to_string(),
            created_ms: i as i64,
            model: "m".into(),
            embedding: encode(v),
        })
        .collect();
    for chunk in rows.chunks(2_000) {
        pg.upsert(chunk).await.unwrap();
    }
    sqlx::query("ANALYZE").execute(pg.pool()).await.unwrap();
    let queries = vectors(20, 99);
    let k = 40;
    let mut recall_sum = 0.0;
    for (qi, q) in queries.iter().enumerate() {
        let kind = format!("k{}", qi % KINDS);
        let filter = Filter::parse(&json!({"kind": kind})).unwrap();
        let vq = VectorQuery {
            collection: "user_backtests",
            user: "big",
            model: "m",
            vector: q,
            k,
            filter: &filter,
            threshold: None,
        };
        let got = pg.nearest(&vq).await.unwrap();
        assert_eq!(got.len(), k, "query {qi}: a filtered query returns its full LIMIT");
        assert!(got.windows(2).all(|w| w[0].1 >= w[1].1), "query {qi}: best first");
        // Exact answer by brute force over the same rows.
        let mut exact: Vec<(usize, f32)> =
            (0..8_000).filter(|i| i % KINDS == qi % KINDS).map(|i| (i, dot(&vs[i], q))).collect();
        exact.sort_by(|a, b| b.1.total_cmp(&a.1));
        let want: std::collections::HashSet<String> = exact[..k].iter().map(|(i, _)| format!("d{i:05}")).collect();
        for (id, sim) in &got {
            let i: usize = id[1..].parse().unwrap();
            assert!(i < 8_000 && i % KINDS == qi % KINDS, "query {qi}: {id} is another user's or another kind");
            assert!((sim - dot(&vs[i], q)).abs() < 1e-4, "query {qi}: {id} similarity {sim}");
        }
        recall_sum += got.iter().filter(|(id, _)| want.contains(id)).count() as f64 / k as f64;
    }
    let recall = recall_sum / queries.len() as f64;
    eprintln!("pgvector filtered recall@{k} vs exact: {recall:.3}");
    assert!(recall >= 0.9, "filtered recall@{k} {recall:.3} < 0.9");

    // A threshold cuts by similarity; an unknown model or user finds nothing.
    let q = &queries[0];
    let none = Filter::default();
    let mut vq = VectorQuery {
        collection: "user_backtests",
        user: "big",
        model: "m",
        vector: q,
        k: 10,
        filter: &none,
        threshold: Some(0.5),
    };
    let cut = pg.nearest(&vq).await.unwrap();
    assert!(cut.iter().all(|(_, s)| *s >= 0.5));
    vq.threshold = Some(2.0);
    assert!(pg.nearest(&vq).await.unwrap().is_empty());
    vq.threshold = None;
    vq.user = "nobody";
    assert!(pg.nearest(&vq).await.unwrap().is_empty());
    vq.user = "big";
    vq.model = "another-model";
    assert!(pg.nearest(&vq).await.unwrap().is_empty());
    // Ranges and membership are translated with the same meaning as in memory.
    let f = Filter::parse(&json!({"i": {"gte": 100, "lt": 110}, "kind": ["K1", "k3", "k5"]})).unwrap();
    let vq = VectorQuery {
        collection: "user_backtests",
        user: "big",
        model: "m",
        vector: q,
        k: 50,
        filter: &f,
        threshold: None,
    };
    let mut got: Vec<String> = pg.nearest(&vq).await.unwrap().into_iter().map(|(id, _)| id).collect();
    got.sort();
    assert_eq!(got, ["d00101", "d00103", "d00105"]);
    // A vector of the wrong size is refused before anything is written.
    let mut bad = rows[0].clone();
    bad.id = "bad".into();
    bad.embedding = encode(&[1.0, 0.0]);
    let e = pg.upsert(&[rows[1].clone(), bad]).await.unwrap_err().to_string();
    assert!(e.contains("\"bad\"") && e.contains("32 values"), "{e}");
    drop(pg);
    db.drop_db().await.unwrap();
}
