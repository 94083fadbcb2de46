//! Hangul below the syllable: syllables spelt as jamo, so that a typo is measured in the keys a
//! person pressed ("승율" is one key from 승률, "볼링저" one from 볼린저, "하학" one from 화학 —
//! one syllable apart says little about two-syllable words), and the 두벌식 (standard Korean)
//! keyboard both ways, for text typed with the input method in the wrong mode: "tkatjdwjswk" is
//! 삼성전자 typed in English mode, "ㅡㅁㅊㅇ" is MACD typed in Korean mode.

const S_BASE: u32 = 0xAC00;
const S_LAST: u32 = 0xD7A3;
const V_COUNT: u32 = 21;
const T_COUNT: u32 = 28;

/// Initial consonants in Unicode order (compatibility jamo).
const CHO: [char; 19] =
    ['ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ'];
/// Vowels in Unicode order.
const JUNG: [char; 21] = [
    'ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ', 'ㅟ', 'ㅠ', 'ㅡ',
    'ㅢ', 'ㅣ',
];
/// Final consonants in Unicode order (index 0: none).
const JONG: [char; 28] = [
    '\0', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ', 'ㅁ', 'ㅂ', 'ㅄ',
    'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
];

/// The 두벌식 keys, a–z, unshifted.
const KEYS: [char; 26] = [
    'ㅁ', 'ㅠ', 'ㅊ', 'ㅇ', 'ㄷ', 'ㄹ', 'ㅎ', 'ㅗ', 'ㅑ', 'ㅓ', 'ㅏ', 'ㅣ', 'ㅡ', 'ㅜ', 'ㅐ', 'ㅔ', 'ㅂ', 'ㄱ', 'ㄴ',
    'ㅅ', 'ㅕ', 'ㅍ', 'ㅈ', 'ㅌ', 'ㅛ', 'ㅋ',
];

/// Vowels typed as two keys, and consonant clusters that end a syllable.
const VOWEL_PAIRS: [(char, char, char); 7] = [
    ('ㅗ', 'ㅏ', 'ㅘ'),
    ('ㅗ', 'ㅐ', 'ㅙ'),
    ('ㅗ', 'ㅣ', 'ㅚ'),
    ('ㅜ', 'ㅓ', 'ㅝ'),
    ('ㅜ', 'ㅔ', 'ㅞ'),
    ('ㅜ', 'ㅣ', 'ㅟ'),
    ('ㅡ', 'ㅣ', 'ㅢ'),
];
const FINAL_PAIRS: [(char, char, char); 11] = [
    ('ㄱ', 'ㅅ', 'ㄳ'),
    ('ㄴ', 'ㅈ', 'ㄵ'),
    ('ㄴ', 'ㅎ', 'ㄶ'),
    ('ㄹ', 'ㄱ', 'ㄺ'),
    ('ㄹ', 'ㅁ', 'ㄻ'),
    ('ㄹ', 'ㅂ', 'ㄼ'),
    ('ㄹ', 'ㅅ', 'ㄽ'),
    ('ㄹ', 'ㅌ', 'ㄾ'),
    ('ㄹ', 'ㅍ', 'ㄿ'),
    ('ㄹ', 'ㅎ', 'ㅀ'),
    ('ㅂ', 'ㅅ', 'ㅄ'),
];

/// A precomposed Hangul syllable's (initial, vowel, final) indices.
fn parts(c: char) -> Option<(usize, usize, usize)> {
    let u = c as u32;
    if !(S_BASE..=S_LAST).contains(&u) {
        return None;
    }
    let s = u - S_BASE;
    Some(((s / (V_COUNT * T_COUNT)) as usize, ((s % (V_COUNT * T_COUNT)) / T_COUNT) as usize, (s % T_COUNT) as usize))
}

/// `text` with every syllable spelt as its jamo (initial, vowel, final); anything else kept.
pub fn spell(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        match parts(c) {
            Some((l, v, t)) => {
                out.push(CHO[l]);
                out.push(JUNG[v]);
                if t > 0 {
                    out.push(JONG[t]);
                }
            }
            None => out.push(c),
        }
    }
    out
}

/// Whether `c` is a compatibility jamo (a consonant or vowel standing alone).
pub fn lone(c: char) -> bool {
    ('\u{3131}'..='\u{318E}').contains(&c)
}

fn is_vowel(c: char) -> bool {
    JUNG.contains(&c)
}

/// The jamo a key types in Korean mode (shift gives the tense consonants and ㅒ ㅖ).
fn key_jamo(k: char) -> Option<char> {
    Some(match k {
        'Q' => 'ㅃ',
        'W' => 'ㅉ',
        'E' => 'ㄸ',
        'R' => 'ㄲ',
        'T' => 'ㅆ',
        'O' => 'ㅒ',
        'P' => 'ㅖ',
        'a'..='z' => KEYS[(k as u8 - b'a') as usize],
        'A'..='Z' => KEYS[(k.to_ascii_lowercase() as u8 - b'a') as usize],
        _ => return None,
    })
}

/// The Korean a run of Latin letters types in Korean mode, if it types whole syllables only
/// ("tkatjdwjswk" → 삼성전자; "macd" types ㅡ and three lone consonants: `None`).
pub fn from_keys(word: &str) -> Option<String> {
    let j: Vec<char> = word.chars().map(key_jamo).collect::<Option<_>>()?;
    let consonant = |i: usize| j.get(i).is_some_and(|c| !is_vowel(*c));
    let vowel = |i: usize| j.get(i).is_some_and(|c| is_vowel(*c));
    let mut out = String::new();
    let mut i = 0;
    while i < j.len() {
        // A syllable: an initial, a vowel (maybe two keys), a final unless a vowel follows it.
        if !(consonant(i) && vowel(i + 1)) {
            return None;
        }
        let l = CHO.iter().position(|c| *c == j[i])?;
        let mut v = j[i + 1];
        i += 2;
        if vowel(i) {
            if let Some(&(_, _, both)) = VOWEL_PAIRS.iter().find(|p| p.0 == v && p.1 == j[i]) {
                v = both;
                i += 1;
            }
        }
        let v = JUNG.iter().position(|c| *c == v)?;
        let mut t = 0;
        if consonant(i) && !vowel(i + 1) {
            let pair = FINAL_PAIRS.iter().find(|p| p.0 == j[i] && consonant(i + 1) && p.1 == j[i + 1]);
            match pair {
                Some(&(_, _, both)) if !vowel(i + 2) => {
                    t = JONG.iter().position(|c| *c == both)?;
                    i += 2;
                }
                _ => {
                    t = JONG.iter().position(|c| *c == j[i])?;
                    i += 1;
                }
            }
        }
        let code = S_BASE + (l as u32 * V_COUNT + v as u32) * T_COUNT + t as u32;
        out.push(char::from_u32(code)?);
    }
    Some(out)
}

/// The keys that type a Hangul text in Korean mode, as lower-case Latin letters ("ㅡㅁㅊㅇ" →
/// "macd", "메ㅔㅣㄷ" → "apple"); `None` if it holds anything else.
pub fn to_keys(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let push = |j: char, out: &mut String| -> Option<()> {
        if let Some(&(a, b, _)) = VOWEL_PAIRS.iter().chain(&FINAL_PAIRS).find(|p| p.2 == j) {
            out.push(key_of(a)?);
            out.push(key_of(b)?);
        } else {
            out.push(key_of(j)?);
        }
        Some(())
    };
    for c in text.chars() {
        match parts(c) {
            Some((l, v, t)) => {
                push(CHO[l], &mut out)?;
                push(JUNG[v], &mut out)?;
                if t > 0 {
                    push(JONG[t], &mut out)?;
                }
            }
            None if lone(c) => push(c, &mut out)?,
            None => return None,
        }
    }
    Some(out)
}

/// The (lower-case) key that types jamo `j`.
fn key_of(j: char) -> Option<char> {
    let plain = match j {
        'ㅃ' => 'ㅂ',
        'ㅉ' => 'ㅈ',
        'ㄸ' => 'ㄷ',
        'ㄲ' => 'ㄱ',
        'ㅆ' => 'ㅅ',
        'ㅒ' => 'ㅐ',
        'ㅖ' => 'ㅔ',
        other => other,
    };
    KEYS.iter().position(|k| *k == plain).map(|i| (b'a' + i as u8) as char)
}

/// Vowels people type for each other: neighbours on the keyboard and sounds that merged (ㅐ/ㅔ,
/// ㅓ/ㅕ in 볼린져), and a two-key vowel missing a key (ㅘ/ㅏ in 하학).
const VOWEL_SLIPS: [(char, char); 19] = [
    ('ㅐ', 'ㅔ'),
    ('ㅒ', 'ㅖ'),
    ('ㅔ', 'ㅖ'),
    ('ㅐ', 'ㅒ'),
    ('ㅓ', 'ㅕ'),
    ('ㅗ', 'ㅛ'),
    ('ㅜ', 'ㅠ'),
    ('ㅗ', 'ㅓ'),
    ('ㅜ', 'ㅡ'),
    ('ㅗ', 'ㅜ'),
    ('ㅏ', 'ㅑ'),
    ('ㅏ', 'ㅘ'),
    ('ㅓ', 'ㅝ'),
    ('ㅣ', 'ㅟ'),
    ('ㅣ', 'ㅢ'),
    ('ㅡ', 'ㅢ'),
    ('ㅚ', 'ㅙ'),
    ('ㅚ', 'ㅞ'),
    ('ㅙ', 'ㅞ'),
];

/// Initials people type for each other: plain and tense (코카꼴라), and ㄹ/ㅇ after the first
/// syllable (승율).
const INITIAL_SLIPS: [(char, char); 6] =
    [('ㄱ', 'ㄲ'), ('ㄷ', 'ㄸ'), ('ㅂ', 'ㅃ'), ('ㅅ', 'ㅆ'), ('ㅈ', 'ㅉ'), ('ㄹ', 'ㅇ')];

/// Whether `typed` is a common slip for `word` (same number of syllables, one jamo apart): a
/// vowel from [`VOWEL_SLIPS`], an initial from [`INITIAL_SLIPS`], or a final added or dropped
/// (or, with `final_changes`, changed). Short words need this much: any one key apart, "매수" is
/// 배수 and "구간" 기간.
pub fn slip(typed: &str, word: &str, final_changes: bool) -> bool {
    let (t, w): (Vec<char>, Vec<char>) = (typed.chars().collect(), word.chars().collect());
    if t.len() != w.len() {
        return false;
    }
    let differ: Vec<usize> = (0..t.len()).filter(|&i| t[i] != w[i]).collect();
    let [i] = differ[..] else { return false };
    let (Some(a), Some(b)) = (parts(t[i]), parts(w[i])) else { return false };
    let pair =
        |list: &[(char, char)], x: char, y: char| list.iter().any(|&(p, q)| (p, q) == (x, y) || (q, p) == (x, y));
    match (a.0 == b.0, a.1 == b.1, a.2 == b.2) {
        (true, false, true) => pair(&VOWEL_SLIPS, JUNG[a.1], JUNG[b.1]),
        (false, true, true) => {
            let (x, y) = (CHO[a.0], CHO[b.0]);
            pair(&INITIAL_SLIPS[..5], x, y) || (i > 0 && pair(&INITIAL_SLIPS[5..], x, y))
        }
        (true, true, false) => final_changes || a.2 == 0 || b.2 == 0,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_are_spelt_as_the_keys_typed() {
        assert_eq!(spell("승률"), "ㅅㅡㅇㄹㅠㄹ");
        assert_eq!(spell("화학 ETF"), "ㅎㅘㅎㅏㄱ ETF");
        assert_eq!(spell("삶"), "ㅅㅏㄻ");
    }

    #[test]
    fn english_mode_keys_compose_whole_syllables_only() {
        assert_eq!(from_keys("tkatjdwjswk").as_deref(), Some("삼성전자"));
        assert_eq!(from_keys("dkswjdgks").as_deref(), Some("안정한"));
        // Two-key vowels, a cluster final, and a final that goes to the next syllable.
        assert_eq!(from_keys("rhkswjs").as_deref(), Some("관전"));
        assert_eq!(from_keys("tkfa").as_deref(), Some("삶"));
        assert_eq!(from_keys("dlfrdj").as_deref(), Some("읽어"));
        // Shift types the tense consonants.
        assert_eq!(from_keys("Rk").as_deref(), Some("까"));
        // English words type lone jamo.
        assert_eq!(from_keys("macd"), None);
        assert_eq!(from_keys("rsi"), None);
        // Some do type a syllable ("sma" is 늠): only a result that is a lexicon word counts.
        assert_eq!(from_keys("sma").as_deref(), Some("늠"));
        assert_eq!(from_keys("ab1"), None);
    }

    #[test]
    fn slips_are_the_common_ones_only() {
        assert!(slip("에플", "애플", false));
        assert!(slip("하학", "화학", false));
        assert!(slip("승율", "승률", false));
        assert!(slip("승류", "승률", false));
        assert!(slip("돌팍", "돌파", false));
        assert!(!slip("코카꼴라", "코카콜라", false), "ㄲ/ㅋ is no slip");
        assert!(slip("볼링저", "볼린저", true));
        assert!(!slip("볼링저", "볼린저", false));
        // Other keys next to each other make other words.
        assert!(!slip("매수", "배수", true));
        assert!(!slip("구간", "기간", true));
        assert!(!slip("인데", "린데", true), "ㄹ/ㅇ only after the first syllable");
        assert!(!slip("현타", "현차", true));
        assert!(!slip("애플", "애플", true));
        assert!(!slip("에플스", "애플", true));
    }

    #[test]
    fn korean_mode_text_gives_back_its_keys() {
        assert_eq!(to_keys("ㅡㅁㅊㅇ").as_deref(), Some("macd"));
        assert_eq!(to_keys("메ㅔㅣㄷ").as_deref(), Some("apple"));
        assert_eq!(to_keys("삼성전자").as_deref(), Some("tkatjdwjswk"));
        assert_eq!(to_keys("관"), Some("rhks".into()));
        assert_eq!(to_keys("ㅡㅁ1"), None);
        for w in ["tkatjdwjswk", "rhkswjs", "dlfrdj", "qhfflswj"] {
            let ko = from_keys(w).unwrap_or_default();
            assert_eq!(to_keys(&ko).as_deref(), Some(w), "{w} → {ko}");
        }
    }
}
