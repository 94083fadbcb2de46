//! Criterion benchmarks of the AI services' deterministic paths: the numeric fact check of one
//! narrative, the strategy builder's parse of one request, ChatOps routing of one question.
//! Inputs are the shipped evaluation sets (every line, in turn). Run:
//! `cargo bench -p quantai-ai --bench ai`.

use criterion::{criterion_group, criterion_main, Criterion};

fn root(path: &str) -> String {
    format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))
}

fn benches(c: &mut Criterion) {
    let facts = quantai_ai::eval::read_lines(&root("eval/factcheck/heldout.jsonl")).unwrap_or_default();
    let mut i = 0;
    c.bench_function("factcheck_one_narrative", |b| {
        b.iter(|| {
            let l = &facts[i % facts.len()];
            i += 1;
            std::hint::black_box(quantai_ai::factcheck::check(&l.text, &l.facts))
        })
    });
    let lexicon = quantai_lang::Lexicon::shared();
    let requests = quantai_ai::eval::read_builder_lines(&root("eval/builder/heldout.jsonl")).unwrap_or_default();
    let mut j = 0;
    c.bench_function("builder_parse_one_request", |b| {
        b.iter(|| {
            let l = &requests[j % requests.len()];
            j += 1;
            std::hint::black_box(quantai_ai::builder::parse(&lexicon, &l.request))
        })
    });
    let questions = quantai_ai::chatops::SAMPLE_QUESTIONS;
    let mut k = 0;
    c.bench_function("chatops_route_one_question", |b| {
        b.iter(|| {
            let q = questions[k % questions.len()];
            k += 1;
            std::hint::black_box(quantai_ai::chatops::route(q))
        })
    });
}

criterion_group!(ai, benches);
criterion_main!(ai);
