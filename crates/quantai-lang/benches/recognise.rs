//! `recognise` on queries of about 200 characters, Korean, English and mixed (issue 14's
//! target: ≤ 20 µs), and building the shipped lexicon.
#![allow(clippy::expect_used)]

use criterion::{criterion_group, criterion_main, Criterion};
use quantai_lang::Lexicon;

const QUERIES: [(&str, &str); 3] = [
    (
        "ko",
        "작년에 돌려본 삼전이랑 하닉 골크 20/60 전략 중에 샤프 1 이상이고 MDD 20% 이하인 거 있어? \
         수수료랑 거래세 넣은 버전으로, 많이 빠졌을 때 사서 오르면 파는 RSI 역추세도 같이 보여줘. 2021~2023 기간만.",
    ),
    (
        "en",
        "Show me the SK hynix and NVIDIA backtests where a fast weighted average overtakes a slow one, \
         Sharpe above 1.2 and drawdown under 15%, long/short with commission, 2019 to 2022, not the Bollinger ones",
    ),
    (
        "mixed",
        "AAPL vs 마소 vs 구글 볼밴 상단 돌파 전략 win rate 55% 넘는 것만, slippage 포함. \
         also the buy and hold 벤치마크 for QQQ and KODEX 200, CAGR at least 8%, 트레이더 노트 말고 백테스트만",
    ),
];

fn bench(c: &mut Criterion) {
    let lx = Lexicon::shipped().expect("the shipped lexicon builds");
    let mut g = c.benchmark_group("recognise");
    for (name, q) in QUERIES {
        g.bench_function(format!("{name}_{}chars", q.chars().count()), |b| {
            b.iter(|| lx.recognise(std::hint::black_box(q)))
        });
    }
    g.finish();
    c.bench_function("build_shipped_lexicon", |b| b.iter(|| Lexicon::shipped().expect("builds")));
}

criterion_group!(benches, bench);
criterion_main!(benches);
