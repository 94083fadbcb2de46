//! The strategy builder's parser: requests become specs, unsupported ones are declined with a
//! reason, and the labelled held-out sets meet the target with the parser alone.

use quantai_ai::builder::{parse, Parsed, Unsupported};
use quantai_lang::Lexicon;
use quantai_quant::strategy::{Direction, Kind};

fn lexicon() -> std::sync::Arc<Lexicon> {
    Lexicon::shared()
}

fn draft(text: &str) -> quantai_ai::builder::Draft {
    match parse(&lexicon(), text) {
        Parsed::Draft { draft, .. } => draft,
        other => panic!("{text}: {other:?}"),
    }
}

#[test]
fn korean_moving_average_request_with_everything_stated() {
    let d = draft(
        "삼전 5일선이 20일선 뚫으면 사고 깨지면 팔아줘, 2019년부터 2023년까지, 1억, 수수료 0.015%, 공매도도 허용",
    );
    assert_eq!(d.kind, Some(Kind::SmaCross));
    assert_eq!(d.params.get("fast"), Some(&5.0));
    assert_eq!(d.params.get("slow"), Some(&20.0));
    assert_eq!(d.symbol.as_deref(), Some("005930"));
    assert_eq!(d.initial_cash, Some(100_000_000.0));
    assert_eq!(d.commission, Some(0.00015));
    assert_eq!(d.direction, Some(Direction::LongShort));
    assert_eq!(d.from.map(|d| d.to_string()).as_deref(), Some("2019-01-01"));
    assert_eq!(d.to.map(|d| d.to_string()).as_deref(), Some("2023-12-31"));
}

#[test]
fn rsi_bollinger_and_macd_parameters_in_their_phrasings() {
    let d = draft("RSI 2 period 10/90 on SPY");
    assert_eq!(d.kind, Some(Kind::RsiReversion));
    assert_eq!(
        (d.params.get("period"), d.params.get("lower"), d.params.get("upper")),
        (Some(&2.0), Some(&10.0), Some(&90.0))
    );
    let d = draft("하닉 볼린저 20일 2.5시그마 돌파");
    assert_eq!(d.kind, Some(Kind::BollingerBreakout));
    assert_eq!((d.params.get("period"), d.params.get("k")), (Some(&20.0), Some(&2.5)));
    let d = draft("볼밴 하단 매수 중심선 매도, 카카오");
    assert_eq!(d.kind, Some(Kind::BollingerReversion));
    let d = draft("MACD(8,17,9) on NVDA from Q2 2018 to Q1 2022");
    assert_eq!(d.kind, Some(Kind::MacdCross));
    assert_eq!(
        (d.params.get("fast"), d.params.get("slow"), d.params.get("signal")),
        (Some(&8.0), Some(&17.0), Some(&9.0))
    );
    assert_eq!(d.from.map(|d| d.to_string()).as_deref(), Some("2018-04-01"));
    assert_eq!(d.to.map(|d| d.to_string()).as_deref(), Some("2022-03-31"));
}

#[test]
fn nothing_is_invented() {
    let d = draft("buy and hold AAPL");
    assert_eq!(d.kind, Some(Kind::BuyAndHold));
    assert!(d.params.is_empty() && d.commission.is_none() && d.initial_cash.is_none() && d.from.is_none());
    // no symbol named: a draft and one question
    match parse(&lexicon(), "MACD crossover with the defaults") {
        Parsed::Draft { draft, question, .. } => {
            assert!(draft.symbol.is_none());
            assert!(question.is_some());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn unsupported_requests_are_declined_with_a_reason_and_an_alternative() {
    for (text, reason) in [
        ("삼전이랑 하닉 페어 트레이딩 해줘", Unsupported::Pairs),
        ("Buy a straddle on NVDA before earnings", Unsupported::Options),
        ("RSI 과매도이면서 MACD 골크까지 나오면 매수", Unsupported::MultiIndicator),
        ("LSTM으로 삼성전자 주가 예측해서 매매", Unsupported::MachineLearning),
        ("5분봉 MACD 단타", Unsupported::Intraday),
        ("비트코인 이평 5일 20일", Unsupported::CryptoOrFx),
        ("golden cross on AAPL with a 7% stop loss", Unsupported::ExitRule),
        ("Explain what a Bollinger band is", Unsupported::NotAStrategy),
    ] {
        match parse(&lexicon(), text) {
            Parsed::Declined { reason: r, message, alternative } => {
                assert_eq!(r, reason, "{text}");
                assert!(!message.is_empty() && !alternative.is_empty());
            }
            other => panic!("{text}: {other:?}"),
        }
    }
}

fn eval(path: &str) -> quantai_ai::eval::BuilderEval {
    let full = format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"));
    let lines = quantai_ai::eval::read_builder_lines(&full).unwrap_or_else(|e| panic!("{e}"));
    quantai_ai::eval::builder_eval(&lexicon(), &lines)
}

/// The target: accuracy ≥ 0.95 with the parser alone on the held-out parts, both
/// languages, declines found.
#[test]
fn held_out_sets_meet_the_target() {
    for path in [
        "eval/builder/heldout.jsonl",
        "eval/builder2/heldout.jsonl",
        "eval/builder3/heldout.jsonl",
        "eval/builder4/heldout.jsonl",
        "eval/builder5/heldout.jsonl",
        "eval/builder6/heldout.jsonl",
        "eval/builder7/heldout.jsonl",
        "eval/builder8/heldout.jsonl",
        "eval/builder8/dev.jsonl",
        "eval/builder9/heldout.jsonl",
        "eval/builder10/heldout.jsonl",
    ] {
        let r = eval(path);
        let wrong: Vec<_> = r.per_line.iter().filter(|l| !l.correct).map(|l| (&l.id, &l.wrong)).collect();
        assert!(r.lines >= 80, "{path}: {} lines", r.lines);
        assert!(r.accuracy >= 0.95, "{path}: accuracy {:.3}, wrong {wrong:?}", r.accuracy);
        for (lang, a) in &r.per_language {
            assert!(a.value >= 0.9, "{path}: {lang} {:.3}", a.value);
        }
        assert!(
            r.decline_recall >= 0.9 && r.decline_precision >= 0.9,
            "{path}: declines P {} R {}",
            r.decline_precision,
            r.decline_recall
        );
    }
}
