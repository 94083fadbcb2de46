//! Property tests: masking then restoring gives the text back, and no detected value
//! survives masking.
use proptest::prelude::*;
use quantai_guard::{Detector, PiiKind, Vault};

/// (kind, text before the value, value). Fictitious; check digits computed by hand.
const SAMPLES: &[(PiiKind, &str, &str)] = &[
    (PiiKind::Email, "", "kim.trader@example.com"),
    (PiiKind::Email, "mail ", "ops+alerts@quant.example.org"),
    (PiiKind::Phone, "", "010-8765-4321"),
    (PiiKind::Phone, "폰 ", "01024681357"),
    (PiiKind::Phone, "", "+82 10-2468-1357"),
    (PiiKind::Phone, "", "02-987-6543"),
    (PiiKind::Phone, "", "(646) 555-0111"),
    (PiiKind::Phone, "", "+1 212 555 0187"),
    (PiiKind::Rrn, "", "850315-2345678"),
    (PiiKind::Rrn, "", "9602292233443"),
    (PiiKind::Card, "", "4111 1111 1111 1111"),
    (PiiKind::Card, "", "5555-5555-5555-4444"),
    (PiiKind::Card, "", "378282246310005"),
    (PiiKind::BankAccount, "계좌 ", "110-987-654321"),
    (PiiKind::BankAccount, "카카오뱅크 ", "3333-02-7654321"),
];

const FILLER: &[&str] = &[
    "삼성전자(005930) 2024-01-15 종가 72,300원",
    "Sharpe 1.23, CAGR 12.5%, MDD -23.4%",
    "주문번호 20240115-000123",
    "ORD-2024-000123",
    "BTC 0.0123",
    "정규장 09:00-15:30",
    "52주 범위 52,000-61,500",
    "ID 9001011234567",
    "4111111111111112",
    "카카오(035720.KS)",
    "100주",
    "1.5e-3",
    "2024-01-15T09:30:00+09:00",
    "",
    "수익률",
];

#[derive(Clone, Debug)]
enum Part {
    Sample(usize),
    Filler(usize),
    Free(String),
}

fn parts() -> impl Strategy<Value = Vec<Part>> {
    let part = prop_oneof![
        (0..SAMPLES.len()).prop_map(Part::Sample),
        (0..FILLER.len()).prop_map(Part::Filler),
        "[a-zA-Z가-힣 .,!?]{0,12}".prop_map(Part::Free),
    ];
    prop::collection::vec(part, 0..12)
}

/// Joins the parts with ", " and returns the text and where each sample value sits.
fn build(parts: &[Part]) -> (String, Vec<(PiiKind, usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        match p {
            Part::Sample(s) => {
                let (kind, prefix, value) = SAMPLES[*s];
                text.push_str(prefix);
                spans.push((kind, text.len(), text.len() + value.len()));
                text.push_str(value);
            }
            Part::Filler(f) => text.push_str(FILLER[*f]),
            Part::Free(s) => text.push_str(s),
        }
    }
    (text, spans)
}

#[test]
fn samples_do_not_occur_in_filler() {
    for (_, _, value) in SAMPLES {
        assert!(!FILLER.iter().any(|f| f.contains(value)), "{value}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn mask_then_restore_is_identity_and_hides_every_value(parts in parts()) {
        let (text, spans) = build(&parts);
        let d = Detector::new();
        let findings = d.find(&text);
        // Every inserted sample is found, exactly, with its kind.
        for &(kind, start, end) in &spans {
            prop_assert!(
                findings.iter().any(|f| f.kind == kind && f.start == start && f.end == end),
                "{:?} not found in {:?}: {:?}", &text[start..end], text, findings
            );
        }
        prop_assert_eq!(d.contains_pii(&text), !findings.is_empty());
        let mut vault = Vault::default();
        match d.mask(&text, &mut vault) {
            None => prop_assert!(findings.is_empty()),
            Some(masked) => {
                for f in &findings {
                    let original = &text[f.start..f.end];
                    prop_assert!(!masked.contains(original), "{:?} in {:?}", original, masked);
                }
                prop_assert_eq!(vault.restore(&masked), Some(text.clone()));
            }
        }
    }

    /// Digit-heavy noise with every separator the rules look at: no panic (char
    /// boundaries, short candidates), findings sorted and disjoint, and a faithful round trip.
    #[test]
    fn arbitrary_text_round_trips(text in "[0-9a-zA-Z@.+()\\-:/,# 가-힣]{0,80}") {
        let d = Detector::new();
        let findings = d.find(&text);
        for w in findings.windows(2) {
            prop_assert!(w[0].end <= w[1].start, "{:?}", findings);
        }
        prop_assert_eq!(d.contains_pii(&text), !findings.is_empty());
        let mut vault = Vault::default();
        let restored = d.mask(&text, &mut vault).map(|m| vault.restore(&m));
        match restored {
            None => prop_assert!(findings.is_empty()),
            Some(r) => prop_assert_eq!(r, Some(text.clone())),
        }
    }
}
