use quantai_guard::{BannedWords, Detector, Finding, PiiKind, Vault, WordAction};
use serde::{Deserialize, Serialize};

fn mask(text: &str, vault: &mut Vault) -> String {
    Detector::new().mask(text, vault).expect("something to mask")
}

#[test]
fn same_value_gets_same_placeholder() {
    let mut v = Vault::default();
    let out = mask("hong@example.com, 다시 hong@example.com", &mut v);
    assert_eq!(out, "[EMAIL_1], 다시 [EMAIL_1]");
    assert_eq!(v.len(), 1);
}

#[test]
fn distinct_values_are_numbered_per_kind() {
    let mut v = Vault::default();
    let out = mask("a@example.com 010-1234-5678 b@example.com 010-9999-8888 a@example.com", &mut v);
    assert_eq!(out, "[EMAIL_1] [PHONE_1] [EMAIL_2] [PHONE_2] [EMAIL_1]");
    assert_eq!(v.len(), 4);
    let counts: Vec<_> = v.counts().collect();
    assert_eq!(counts, vec![(PiiKind::Email, 2), (PiiKind::Phone, 2)]);
}

#[test]
fn vault_reused_across_messages_keeps_numbering() {
    let mut v = Vault::default();
    let first = mask("system: 담당 a@example.com", &mut v);
    let second = mask("user: b@example.com 말고 a@example.com 으로", &mut v);
    assert_eq!(first, "system: 담당 [EMAIL_1]");
    assert_eq!(second, "user: [EMAIL_2] 말고 [EMAIL_1] 으로");
    // The model's answer refers to both; restore brings the originals back.
    let answer = "I will write to [EMAIL_2] and copy [EMAIL_1].";
    assert_eq!(v.restore(answer).as_deref(), Some("I will write to b@example.com and copy a@example.com."));
}

#[test]
fn restore_round_trips_every_kind() {
    let text = "홍길동 hong@example.com, 010-1234-5678, 900101-1234568, \
                4111 1111 1111 1111, 계좌 110-123-456789";
    let mut v = Vault::default();
    let masked = mask(text, &mut v);
    assert_eq!(masked, "홍길동 [EMAIL_1], [PHONE_1], [RRN_1], [CARD_1], 계좌 [ACCOUNT_1]");
    assert_eq!(v.restore(&masked).as_deref(), Some(text));
}

#[test]
fn restore_ignores_unknown_and_malformed_placeholders() {
    let mut v = Vault::default();
    mask("a@example.com", &mut v);
    assert_eq!(v.restore("no placeholder here"), None);
    assert_eq!(v.restore("[EMAIL_2] [PHONE_1] [EMAIL_01] [EMAIL_1 [EMAIL_]"), None);
    assert_eq!(v.restore("[[EMAIL_1]] [EMAIL_1").as_deref(), Some("[a@example.com] [EMAIL_1"));
    assert_eq!(Vault::default().restore("[EMAIL_1]"), None);
}

#[test]
fn nothing_found_means_none_and_an_untouched_vault() {
    let d = Detector::new();
    let mut v = Vault::default();
    assert_eq!(d.mask("삼성전자 72,300원", &mut v), None);
    assert!(v.is_empty());
    assert_eq!(v.len(), 0);
    assert_eq!(v.counts().count(), 0);
    assert!(d.find("").is_empty());
    assert!(!d.contains_pii("AAPL 185.92"));
}

#[test]
fn findings_are_byte_offsets_sorted_by_start() {
    let text = "전화 010-1234-5678, 메일 a@example.com";
    // "전화 " is 7 bytes; the phone is 13; ", 메일 " is 9 more.
    assert_eq!(
        Detector::new().find(text),
        vec![Finding { kind: PiiKind::Phone, start: 7, end: 20 }, Finding { kind: PiiKind::Email, start: 29, end: 42 },]
    );
}

#[test]
fn with_kinds_limits_detection() {
    let text = "a@example.com 010-1234-5678";
    let only_email = Detector::with_kinds(&[PiiKind::Email]);
    let mut v = Vault::default();
    assert_eq!(only_email.mask(text, &mut v).as_deref(), Some("[EMAIL_1] 010-1234-5678"));
    let only_card = Detector::with_kinds(&[PiiKind::Card]);
    assert!(!only_card.contains_pii(text));
    assert!(Detector::with_kinds(&[]).find(text).is_empty());
}

#[test]
fn a_lower_kind_yields_where_it_overlaps() {
    // 031-1234-5678 is account-shaped and has bank context, but a phone wins.
    let f = Detector::new().find("은행 031-1234-5678");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, PiiKind::Phone);
    // With phones off, the same text is an account.
    let f = Detector::with_kinds(&[PiiKind::BankAccount]).find("은행 031-1234-5678");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].kind, PiiKind::BankAccount);
}

#[test]
fn labels_and_serde_names() {
    let labels: Vec<_> = PiiKind::ALL.iter().map(|k| k.label()).collect();
    assert_eq!(labels, ["EMAIL", "PHONE", "RRN", "CARD", "ACCOUNT", "SSN", "LICENSE", "PASSPORT", "IP"]);

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Doc {
        kinds: Vec<PiiKind>,
        action: WordAction,
    }
    let doc = Doc { kinds: PiiKind::ALL.to_vec(), action: WordAction::Mask };
    let s = toml::to_string(&doc).unwrap();
    assert_eq!(
        s,
        concat!(
            "kinds = [\"email\", \"phone\", \"rrn\", \"card\", \"bank_account\", ",
            "\"ssn\", \"driver_license\", \"passport\", \"ipv4\"]\naction = \"mask\"\n"
        )
    );
    let back: Doc = toml::from_str("kinds = [\"bank_account\"]\naction = \"block\"").unwrap();
    assert_eq!(back, Doc { kinds: vec![PiiKind::BankAccount], action: WordAction::Block });
    assert!(toml::from_str::<Doc>("kinds = [\"BankAccount\"]\naction = \"block\"").is_err());
}

#[test]
fn shared_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Detector>();
    check::<Vault>();
    check::<BannedWords>();
}

#[test]
fn bank_context_must_be_within_twenty_characters() {
    let d = Detector::with_kinds(&[PiiKind::BankAccount]);
    // "은행" (2 chars) plus 18 spaces fills the 20-character window exactly; 19 is too far.
    for (gap, found) in [(18, true), (19, false)] {
        let spaces = format!("은행{}123-456-789012", " ".repeat(gap));
        let letters = format!("은행 {} 123-456-789012", "x".repeat(gap - 2));
        assert_eq!(d.contains_pii(&spaces), found, "{spaces:?}");
        assert_eq!(d.contains_pii(&letters), found, "{letters:?}");
    }
}
