#![allow(clippy::unwrap_used)]

use std::sync::LazyLock;

use super::*;

static LX: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::shipped().unwrap());

fn ids(text: &str, kind: EntityKind) -> Vec<String> {
    LX.recognise(text).ids(kind).into_iter().map(str::to_string).collect()
}

fn spans(text: &str) -> Vec<(EntityKind, String, &str)> {
    LX.recognise(text).entities.into_iter().map(|e| (e.kind, e.id, &text[e.span])).collect()
}

#[test]
fn names_abbreviations_and_both_scripts() {
    assert_eq!(ids("삼전 RSI 전략 결과", EntityKind::Instrument), ["KRX:005930"]);
    assert_eq!(ids("SK hynix backtest", EntityKind::Instrument), ["KRX:000660"]);
    assert_eq!(ids("하닉은 어때", EntityKind::Instrument), ["KRX:000660"]);
    assert_eq!(ids("엔비 볼린저", EntityKind::Instrument), ["US:NVDA"]);
    assert_eq!(ids("마이크로소프트랑 아마존", EntityKind::Instrument), ["US:MSFT", "US:AMZN"]);
    assert_eq!(ids("NAVER and LG Chem", EntityKind::Instrument), ["KRX:035420", "KRX:051910"]);
    assert_eq!(ids("SK 하이닉스 이평", EntityKind::Instrument), ["KRX:000660"]);
}

#[test]
fn spans_are_the_written_text() {
    let t = "SK 하이닉스 골크 20/60";
    let s = spans(t);
    assert!(s.contains(&(EntityKind::Instrument, "KRX:000660".into(), "SK 하이닉스")), "{s:?}");
    assert!(s.contains(&(EntityKind::Strategy, "sma_cross".into(), "골크")), "{s:?}");
}

#[test]
fn short_tickers_and_words_need_their_case() {
    // "MA" is a moving average (either kind) in a strategy question, "ma" nothing.
    assert_eq!(ids("MA 5/20 삼전", EntityKind::Strategy), ["sma_cross", "ema_cross"]);
    assert!(ids("ma 5/20", EntityKind::Strategy).iter().all(|s| s != "ema_cross"));
    assert!(ids("all my low return tests now", EntityKind::Instrument).is_empty());
    assert!(ids("the cost of trading", EntityKind::Instrument).is_empty());
    // A Latin key never starts or ends inside a word.
    assert!(ids("smart money", EntityKind::Strategy).is_empty());
    assert!(ids("amdocs", EntityKind::Instrument).is_empty());
}

#[test]
fn a_short_hangul_key_does_not_start_inside_a_word() {
    assert!(ids("트레이더 노트", EntityKind::Asset).is_empty());
    assert!(ids("메타버스 관련주", EntityKind::Instrument).is_empty());
    assert_eq!(ids("메타 주가", EntityKind::Instrument), ["US:META"]);
}

#[test]
fn behaviour_names_a_strategy() {
    assert_eq!(ids("the one that buys weakness and sells strength", EntityKind::Strategy), ["rsi_reversion"]);
    assert_eq!(ids("when a fast weighted average overtakes a slow one", EntityKind::Strategy), ["ema_cross"]);
    assert_eq!(ids("buying the breakout above the upper band", EntityKind::Strategy), ["bollinger_breakout"]);
    assert_eq!(ids("많이 빠졌을 때 사서 많이 오르면 파는 전략", EntityKind::Strategy), ["rsi_reversion"]);
    assert_eq!(ids("밴드 위로 뚫으면 따라 사는 전략", EntityKind::Strategy), ["bollinger_breakout"]);
    let r = LX.recognise("the one that buys weakness and sells strength");
    assert!(r.entities.iter().all(|e| e.via == Via::Behaviour && e.confidence < 1.0));
}

#[test]
fn typos_one_edit_away_are_corrected() {
    let r = LX.recognise("samsung electrnics bolinger");
    let got: Vec<(&str, Via)> = r.entities.iter().map(|e| (e.id.as_str(), e.via)).collect();
    assert!(got.contains(&("KRX:005930", Via::Corrected)), "{got:?}");
    assert!(r.ids(EntityKind::Strategy).iter().any(|s| s.starts_with("bollinger")), "{got:?}");
    assert_eq!(ids("RSI reversoin AMZN", EntityKind::Strategy), ["rsi_reversion"]);
    assert_eq!(ids("기아 MADC", EntityKind::Strategy), ["macd_cross"]);
    assert_eq!(ids("hyundai moter RSI", EntityKind::Instrument), ["KRX:005380"]);
    assert_eq!(ids("삼셩전자 볼린저", EntityKind::Instrument), ["KRX:005930"]);
    // Everyday five-letter words are not pulled onto names.
    assert!(ids("apply the rules", EntityKind::Instrument).is_empty());
}

fn corrected(text: &str) -> Vec<String> {
    LX.recognise(text).entities.into_iter().filter(|e| e.via == Via::Corrected).map(|e| e.id).collect()
}

#[test]
fn korean_typos_are_measured_in_keys() {
    // Two syllables: a common slip to a name or KPI (ㅓ/ㅕ, ㅏ/ㅑ).
    assert_eq!(corrected("삼젼 RSI"), ["KRX:005930"]);
    assert_eq!(corrected("사프 1 이상"), ["sharpe"]);
    // Three: vowels and finals (볼린줘, 카카어); four and more: any one key.
    assert_eq!(corrected("볼린줘 돌파"), ["bollinger_breakout"]);
    assert_eq!(corrected("카카어 RSI"), ["KRX:035720"]);
    assert_eq!(corrected("셀트리운 MACD"), ["KRX:068270"]);
    // A misspelt longer name that starts with a shorter one (에코프로 in 에코프로비앰).
    assert_eq!(corrected("에코프로비앰 RSI"), ["KRX:247540"]);
    // The Korean part of a mixed name, and a word carrying a particle.
    assert_eq!(corrected("LG젼자 EMA"), ["KRX:066570"]);
    assert_eq!(corrected("삼젼이랑 하닉"), ["KRX:005930"]);
    assert_eq!(ids("볼린줘로 돌린 거", EntityKind::Strategy).len(), 2);
    // Long names worn down by two keys (삼성바이오로직스 less 오).
    assert_eq!(corrected("삼성바이로직스 RSI"), ["KRX:207940"]);
}

#[test]
fn everyday_korean_words_one_key_from_a_term_stay_themselves() {
    // 매수 is one key from 배수 (k), 구간 from 기간, 인하 from 이하, 넣고 from 넘고, 인데 from
    // 린데 (Linde), 현타 from 현차, 테스트 starts like 테슬라.
    for text in [
        "14일 RSI 30 미만 매수",
        "검증 구간: 2020-01-02 ~ 2024-06-28",
        "거래세 인하분 반영해서 다시",
        "수수료 넣고 다시 돌리니까",
        "승률 62.5%인데 MDD가 크다",
        "전략이고 뭐고 현타옴",
        "테스트 기간: 2019-01-02",
        "떨어지는 칼날 잡기였음",
    ] {
        assert!(corrected(text).is_empty(), "{text}: {:?}", corrected(text));
    }
    let r = LX.recognise("14일 RSI 30 미만 매수");
    assert!(r.ids(EntityKind::Param).is_empty(), "{:?}", r.entities);
}

#[test]
fn keyboard_in_the_wrong_mode() {
    // 삼성전자 typed in English mode, MACD in Korean mode.
    assert_eq!(corrected("tkatjdwjswk RSI"), ["KRX:005930"]);
    assert_eq!(corrected("애플 ㅡㅁㅊㅇ"), ["macd_cross"]);
    // English words rarely type Korean syllables, and a syllable that is no term stays.
    assert!(corrected("sma crossover with a filter").is_empty());
}

#[test]
fn latin_typos_that_mean_one_thing() {
    // One edit from NVIDIA and from NVDA: the same instrument.
    assert_eq!(corrected("NVDIA RSI"), ["US:NVDA"]);
    // A swap in a five-letter word, and an abbreviation missing a letter glued to digits.
    assert_eq!(corrected("Tesal RSI"), ["US:TSLA"]);
    assert_eq!(corrected("KODX200 RSI"), ["KRX:069500"]);
    // A key inside a corrected word is not matched on its own ("over" in crossover).
    assert!(ids("QQQ crossvoer", EntityKind::Comparator).is_empty());
}

#[test]
fn kpi_conditions_in_both_orders_and_units() {
    let c = |t: &str| LX.recognise(t).conditions;
    let one = c("샤프 1 이상인 삼전 전략");
    assert_eq!(one.len(), 1, "{one:?}");
    assert_eq!((one[0].kpi.as_str(), one[0].op, one[0].value), ("sharpe", Op::Gte, 1.0));
    let dd = c("drawdown under 20%");
    assert_eq!((dd[0].kpi.as_str(), dd[0].op), ("max_drawdown", Op::Gt));
    assert!((dd[0].value + 0.2).abs() < 1e-12);
    assert!(dd[0].holds(-0.15) && !dd[0].holds(-0.25));
    let win = c("승률 60% 넘는 엔비디아 백테스트");
    assert_eq!((win[0].kpi.as_str(), win[0].op), ("win_rate", Op::Gt));
    assert!((win[0].value - 0.6).abs() < 1e-12);
    let mdd = c("MDD 30% 넘게 빠진 거");
    assert!(mdd[0].holds(-0.35) && !mdd[0].holds(-0.25), "{mdd:?}");
    let neg = c("backtests with negative return on TSLA");
    assert_eq!((neg[0].kpi.as_str(), neg[0].op, neg[0].value), ("total_return", Op::Lt, 0.0));
    let gt = c("Sharpe > 1.5 only");
    assert_eq!((gt[0].op, gt[0].value), (Op::Gt, 1.5));
    // A KPI with a year and no comparison is no condition.
    assert!(c("sharpe in 2022").is_empty());
}

#[test]
fn years_and_ranges() {
    assert_eq!(LX.recognise("2019~2021 삼전").years, [2019, 2020, 2021]);
    assert_eq!(LX.recognise("22년 하닉").years, [2022]);
    assert_eq!(LX.recognise("in 2020 and 2023").years, [2020, 2023]);
    assert!(LX.recognise("005930.KS 1234").years.is_empty());
}

#[test]
fn user_files_and_store_symbols_extend_the_lexicon() {
    let mut b = Builder::shipped().unwrap();
    b.add_toml(
        "mine.toml",
        "[[instrument]]\nticker = \"005930\"\nmarket = \"KRX\"\naliases = [\"갤럭시회사\"]\n\
         [[instrument]]\nticker = \"042700\"\nmarket = \"KRX\"\nko = \"한미반도체\"\naliases = [\"한미반\"]\n",
    )
    .unwrap();
    b.add_symbol("ZZZZ", "US");
    let lx = b.build().unwrap();
    let ids = |t: &str| lx.recognise(t).ids(EntityKind::Instrument).into_iter().map(str::to_string).collect::<Vec<_>>();
    assert_eq!(ids("갤럭시회사 이평"), ["KRX:005930"]);
    assert_eq!(ids("한미반 RSI"), ["KRX:042700"]);
    assert_eq!(ids("zzzz backtest"), ["US:ZZZZ"]);
    assert_eq!(ids("삼성전자"), ["KRX:005930"], "the shipped names stay");
    assert_eq!(lx.instruments_of("005930.KS"), ["KRX:005930"]);
}

#[test]
fn bad_files_are_refused_by_name() {
    let mut b = Builder::new();
    let e = b.add_toml("x.toml", "[[instrument]]\nticker = \"A\"\nmarket = \"JP\"\n").err().unwrap();
    assert!(e.to_string().contains("x.toml") && e.to_string().contains("JP"), "{e}");
    let e = b.add_toml("y.toml", "[[strategy]]\nid = \"s\"\ncues = [{ text = \"a\", weight = 2.0 }]\n").err().unwrap();
    assert!(e.to_string().contains("weight"), "{e}");
    let e = b.add_toml("z.toml", "nonsense = 1\n").err().unwrap();
    assert!(e.to_string().contains("z.toml"), "{e}");
}

#[test]
fn tokens_survive_a_keyword_tokenizer() {
    assert_eq!(Lexicon::token(EntityKind::Instrument, "KRX:005930"), "zqikrx005930");
    assert_eq!(Lexicon::token(EntityKind::Strategy, "sma_cross"), "zqssmacross");
}

/// Frames a name is written in: alone, in Korean and English sentences, glued to a particle.
const FRAMES: [(&str, &str); 6] = [
    ("", ""),
    ("최근 ", " 전략 결과 보여줘"),
    ("show my ", " backtests"),
    ("(", ")"),
    ("\n", "은 어때?"),
    ("비교: ", ", 그리고"),
];

/// Whether `alias` in matching form is also a key of a better-ranked entry, or strict, or one
/// the shipped data marks as contained in an ignored phrase — the cases where another reading
/// rightly wins.
fn outranked(entry: &Entry, alias: &str) -> bool {
    let k = norm::key(alias);
    LX.entries().iter().any(|o| {
        o.kind.rank() < entry.kind.rank()
            && [o.ko.as_str(), o.en.as_str()]
                .into_iter()
                .chain(o.aliases.iter().map(String::as_str))
                .any(|a| norm::key(a) == k)
    })
}

#[test]
fn every_name_and_alias_is_recognised_with_its_exact_span_in_every_frame() {
    let mut checked = 0;
    let mut failures = Vec::new();
    for e in LX.entries() {
        let names = [e.ko.as_str(), e.en.as_str()].into_iter().chain(e.aliases.iter().map(String::as_str));
        for alias in names.filter(|a| !a.is_empty()) {
            if outranked(e, alias) {
                continue;
            }
            for (pre, post) in FRAMES {
                // A Latin alias glued to a Hangul particle is still a word; a frame that puts
                // letters against a Latin edge is not a frame for it.
                let text = format!("{pre}{alias}{post}");
                let span = pre.len()..pre.len() + alias.len();
                let r = LX.recognise(&text);
                // Found at its span, or inside a longer name of the same entry ("RSI 전략").
                let hit = r
                    .entities
                    .iter()
                    .any(|x| x.id == e.id && x.kind == e.kind && x.span.start <= span.start && span.end <= x.span.end);
                if !hit {
                    failures.push(format!("{:?} {} {alias:?} in {text:?}: {:?}", e.kind, e.id, r.entities));
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 5_000, "only {checked} checks");
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}

#[test]
fn every_instrument_is_found_by_its_ticker_and_both_names() {
    let mut n = 0;
    for e in LX.entries().iter().filter(|e| e.kind == EntityKind::Instrument) {
        let (ticker, _) = e.ticker.clone().unwrap();
        for t in [ticker.as_str(), e.ko.as_str(), e.en.as_str()] {
            // "MA" is a moving average before it is Mastercard.
            if t.is_empty() || outranked(e, t) {
                continue;
            }
            let text = format!("{t} 백테스트 결과");
            assert!(LX.recognise(&text).ids(EntityKind::Instrument).contains(&e.id.as_str()), "{text:?} → {}", e.id);
            n += 1;
        }
        assert!(!e.ko.is_empty() && !e.en.is_empty(), "{} needs both names", e.id);
    }
    assert!(n >= 3 * 180, "{n}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2_000))]

    /// Any text: no panic, spans inside the text on character boundaries, entities ordered.
    #[test]
    fn arbitrary_unicode_never_panics_and_spans_are_valid(text in "\\PC{0,120}") {
        let r = LX.recognise(&text);
        for e in &r.entities {
            proptest::prop_assert!(e.span.start < e.span.end && e.span.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
            proptest::prop_assert!((0.0..=1.0).contains(&e.confidence));
        }
        for w in r.entities.windows(2) {
            proptest::prop_assert!(w[0].span.start <= w[1].span.start);
        }
        for c in &r.conditions {
            proptest::prop_assert!(c.span.end <= text.len() && c.value.is_finite());
        }
    }

    /// Names among random words and Hangul: still found at their span.
    #[test]
    fn names_among_noise_keep_their_span(
        pre in proptest::sample::select(vec!["", "최근에 돌린", "show me the", "결과:", "(1)", "비교 —", "my notes on"]),
        post in proptest::sample::select(vec!["", " 결과 보여줘", " backtests please", "은 어땠어?", ": 샤프 1.2", " / 2021"]),
        pick in 0usize..10_000,
    ) {
        let named: Vec<&Entry> = LX.entries().iter().filter(|e| e.kind == EntityKind::Instrument).collect();
        let e = named[pick % named.len()];
        let name = if pick % 2 == 0 { &e.ko } else { &e.en };
        let text = format!("{pre} {name}{post}");
        let at = pre.len() + 1;
        let r = LX.recognise(&text);
        proptest::prop_assert!(
            // At its span, or inside a longer name of the same entry ("the Home Depot").
            r.entities.iter().any(|x| x.id == e.id && x.span.start <= at && at + name.len() <= x.span.end),
            "{:?} in {:?}: {:?}", e.id, text, r.entities
        );
    }
}

#[test]
fn kpi_values_stated_in_reports_and_summaries() {
    let v = |t: &str| {
        let r = LX.recognise(t);
        LX.kpi_values(t, &r)
    };
    let bt = v("Return [%]   41.2\nSharpe Ratio  1.12\nMax. Drawdown [%]  -22.3\n# Trades 37\nWin Rate [%] 56.8");
    let get = |xs: &[(String, f64)], k: &str| xs.iter().find(|(id, _)| id == k).map(|(_, x)| *x);
    assert!((get(&bt, "total_return").unwrap() - 0.412).abs() < 1e-9, "{bt:?}");
    assert!((get(&bt, "sharpe").unwrap() - 1.12).abs() < 1e-9);
    assert!((get(&bt, "max_drawdown").unwrap() + 0.223).abs() < 1e-9);
    assert_eq!(get(&bt, "n_trades"), Some(37.0));
    assert!((get(&bt, "win_rate").unwrap() - 0.568).abs() < 1e-9);
    let ko = v("샤프 비율: 0.91\n최대 낙폭: 18.40%\n승률: 54.00%");
    assert!((get(&ko, "max_drawdown").unwrap() + 0.184).abs() < 1e-9, "{ko:?}");
    assert!((get(&ko, "win_rate").unwrap() - 0.54).abs() < 1e-9);
    // A KPI named in prose with a number further on is no value.
    assert!(get(&v("the sharpe was fine, about what I expected in 2021"), "sharpe").is_none());
}

#[test]
fn one_edit_is_one_edit() {
    assert!(one_edit("electrnics", "electronics") && one_edit("reversoin", "reversion") && one_edit("appel", "apple"));
    assert!(one_edit("nvida", "nvidia") && one_edit("tezla", "tesla"));
    assert!(!one_edit("electrnics", "electronic") && !one_edit("same", "same") && !one_edit("abc", "abcde"));
}

#[test]
fn window_pairs_in_every_spelling() {
    let p = |t: &str| LX.recognise(t).pairs;
    assert_eq!(p("SDI MA 20/60"), [(20, 60)]);
    assert_eq!(p("SmaCross(n1=5,n2=20)"), [(5, 20)]);
    assert_eq!(p("fast=10, slow=30"), [(10, 30)]);
    assert_eq!(p("buy when the 10-day average crosses above the 30-day"), [(10, 30)]);
    assert_eq!(p("5일선이 20일선 뚫을 때"), [(5, 20)]);
    assert!(p("2019/01/02 ~ 2023/12/28").is_empty(), "dates are no pairs");
    assert!(p("win 3/10 trades? no, 60/40 split").iter().all(|x| *x != (40, 60)), "a larger first is no pair");
    // A written pair points to a moving average.
    assert!(!LX.recognise("Netflix 10/30 crossover").ids(EntityKind::Strategy).is_empty());
}

#[test]
fn a_notes_signed_percentage_is_its_return() {
    let v = |t: &str| {
        let r = LX.recognise(t);
        LX.kpi_values(t, &r).into_iter().find(|(k, _)| k == "total_return").map(|(_, x)| x)
    };
    assert_eq!(v("네이버 MACD -15.8%. 플랫폼주 전체가 하락장"), Some(-0.158));
    assert_eq!(v("Netflix 10/30 crossover lost 21.3% over 2019-2023"), Some(-0.213));
    assert_eq!(v("삼전은 그냥 보유가 제일 나음 (+102.6%)"), Some(1.026));
    // A drawdown's number is the drawdown's, not a return.
    assert_eq!(v("KODEX 레버 EMA 10/30, MDD -42.9%"), None);
    assert_eq!(v("승률 55%"), None);
}
