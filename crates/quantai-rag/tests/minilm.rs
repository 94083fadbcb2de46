//! all-MiniLM-L6-v2 in process equals sentence-transformers 6.2 (torch) on the recorded
//! fixture: the same token ids, cosine ≥ 0.9999 per sentence (English, Korean, mixed, long
//! texts truncated at 256 tokens). Needs the model: `QUANTAI_TEST_MINILM_DIR` (set by `.ci/run`
//! after `quantai models pull`); skipped without it.

use quantai_rag::minilm::{MiniLm, DIMS};

#[derive(serde::Deserialize)]
struct Fixture {
    max_seq_length: usize,
    items: Vec<Item>,
}

#[derive(serde::Deserialize)]
struct Item {
    text: String,
    input_ids: Vec<u32>,
    embedding: Vec<f32>,
}

fn cosine(a: &[f32], b: &[f32]) -> f64 {
    let dot: f64 = a.iter().zip(b).map(|(x, y)| f64::from(*x) * f64::from(*y)).sum();
    let na: f64 = a.iter().map(|x| f64::from(*x).powi(2)).sum::<f64>().sqrt();
    let nb: f64 = b.iter().map(|x| f64::from(*x).powi(2)).sum::<f64>().sqrt();
    dot / (na * nb)
}

#[test]
fn equals_sentence_transformers() {
    let Ok(dir) = std::env::var("QUANTAI_TEST_MINILM_DIR") else {
        eprintln!("QUANTAI_TEST_MINILM_DIR not set: skipped");
        return;
    };
    let model = MiniLm::load(std::path::Path::new(&dir)).unwrap();
    let fixture: Fixture = serde_json::from_str(include_str!("fixtures/minilm_reference.json")).unwrap();
    assert_eq!(fixture.max_seq_length, 256);
    assert!(fixture.items.iter().any(|i| i.input_ids.len() == 256), "the fixture has a truncated text");
    for item in &fixture.items {
        assert_eq!(model.token_ids(&item.text).unwrap(), item.input_ids, "token ids of {:?}", item.text);
    }
    // All texts in one call (passes of several sentences) and each text alone give the same vectors.
    let texts: Vec<&str> = fixture.items.iter().map(|i| i.text.as_str()).collect();
    let batched = model.embed(&texts).unwrap();
    for (item, v) in fixture.items.iter().zip(&batched) {
        assert_eq!(v.len(), DIMS);
        let c = cosine(v, &item.embedding);
        assert!(c >= 0.9999, "cosine {c} for {:?}", item.text);
        let norm: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
        assert!((norm - 1.0).abs() < 1e-5);
        let alone = model.embed(&[item.text.as_str()]).unwrap();
        assert!(cosine(&alone[0], v) >= 0.99999, "padding changed {:?}", item.text);
    }
}
