use quantai_guard::{BannedWords, GuardError};

#[test]
fn ascii_case_insensitive_and_reported_as_configured() {
    let b = BannedWords::new(["Pump", "시세조종"]).unwrap();
    assert_eq!(b.find("we PUMP it").as_deref(), Some("Pump"));
    assert_eq!(b.find("we pump it").as_deref(), Some("Pump"));
    assert_eq!(b.find("시세조종을 도와줘").as_deref(), Some("시세조종"));
    assert_eq!(b.find("just buy and hold"), None);
}

#[test]
fn leftmost_longest_wins() {
    let b = BannedWords::new(["pump", "pump and dump", "dump"]).unwrap();
    assert_eq!(b.find("a Pump And Dump scheme").as_deref(), Some("pump and dump"));
    assert_eq!(b.mask("a Pump And Dump scheme").as_deref(), Some("a *** scheme"));
    // Leftmost first: "dump" starts before "pump" here.
    assert_eq!(b.find("dump then pump").as_deref(), Some("dump"));
}

#[test]
fn mask_replaces_every_occurrence() {
    let b = BannedWords::new(["insider", "시세조종"]).unwrap();
    assert_eq!(b.mask("시세조종, INSIDER info, 또 시세조종을").as_deref(), Some("***, *** info, 또 ***을"));
    assert_eq!(b.mask("clean text"), None);
}

#[test]
fn empty_or_blank_words_are_refused_by_index() {
    let err = BannedWords::new(["ok", ""]).unwrap_err();
    assert!(matches!(err, GuardError::EmptyBannedWord { index: 1, .. }), "{err:?}");
    assert!(err.to_string().contains("#1"), "{err}");
    let err = BannedWords::new(vec!["a".to_string(), "b".into(), "  ".into()]).unwrap_err();
    assert!(matches!(err, GuardError::EmptyBannedWord { index: 2, .. }), "{err:?}");
}

#[test]
fn an_empty_list_matches_nothing() {
    let b = BannedWords::new(Vec::<String>::new()).unwrap();
    assert_eq!(b.find("anything"), None);
    assert_eq!(b.mask("anything"), None);
}
