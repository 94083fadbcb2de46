//! Tokenisation for keyword search (BM25), for Korean and English alike: text is lower-cased
//! and split into runs of letters and digits; a run of Hangul or Han characters becomes its
//! overlapping bigrams (a lone character stays a unigram), so "삼성전자의" yields 삼성, 성전, 전자,
//! 자의 and matches a query for 삼성전자 with no dictionary. Latin words and numbers stay whole;
//! a decimal point between digits and a hyphen inside a word (e.g. `-18.4`, `buy-and-hold`)
//! keep the number or word whole, and the word's parts are added too.

/// Whether `c` is written without spaces between words (Hangul syllables and jamo, Han).
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{AC00}'..='\u{D7A3}'   // Hangul syllables
        | '\u{1100}'..='\u{11FF}' // Hangul jamo
        | '\u{3130}'..='\u{318F}' // Hangul compatibility jamo
        | '\u{4E00}'..='\u{9FFF}' // CJK unified ideographs
        | '\u{3400}'..='\u{4DBF}'
        | '\u{3040}'..='\u{30FF}') // kana
}

/// Appends the tokens of `text` to `out`.
pub fn tokens_into(text: &str, out: &mut Vec<String>) {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_cjk(c) {
            let start = i;
            while i < chars.len() && is_cjk(chars[i]) {
                i += 1;
            }
            let run = &chars[start..i];
            if run.len() == 1 {
                out.push(run[0].to_string());
            } else {
                out.extend(run.windows(2).map(|w| w.iter().collect::<String>()));
            }
        } else if c.is_alphanumeric() {
            let start = i;
            let mut parts = 1;
            while i < chars.len() {
                let d = chars[i];
                let joins = (d == '.' || d == '-' || d == '_')
                    && i > start
                    && i + 1 < chars.len()
                    && chars[i + 1].is_alphanumeric()
                    && !is_cjk(chars[i + 1])
                    && (d != '.' || (chars[i - 1].is_ascii_digit() && chars[i + 1].is_ascii_digit()));
                if joins {
                    parts += 1;
                } else if !d.is_alphanumeric() || is_cjk(d) {
                    break;
                }
                i += 1;
            }
            let word: String = chars[start..i].iter().flat_map(|c| c.to_lowercase()).collect();
            if parts > 1 && word.contains(['-', '_']) {
                out.extend(word.split(['-', '_']).filter(|p| !p.is_empty()).map(str::to_string));
            }
            out.push(word);
        } else {
            i += 1;
        }
    }
}

/// The tokens of `text`.
pub fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    tokens_into(text, &mut out);
    out
}

/// Hangul syllables, Latin letters and other letters or digits in `text`.
fn script_counts(text: &str) -> (usize, usize, usize) {
    let (mut ko, mut latin, mut other) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        if ('\u{AC00}'..='\u{D7A3}').contains(&c) {
            ko += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        } else if c.is_alphanumeric() {
            other += 1;
        }
    }
    (ko, latin, other)
}

/// The share of Hangul among the letters and digits of `text` (0 when it has none).
pub fn hangul_share(text: &str) -> f32 {
    let (ko, latin, other) = script_counts(text);
    let all = ko + latin + other;
    if all == 0 {
        0.0
    } else {
        ko as f32 / all as f32
    }
}

/// Whether the question is written in Korean (the answer language of a prompt): Hangul is at
/// least a quarter as frequent as Latin letters (tickers and KPI names are often Latin).
pub fn is_korean(text: &str) -> bool {
    let (ko, latin, _) = script_counts(text);
    ko > 0 && ko * 2 >= latin / 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn korean_runs_become_bigrams() {
        assert_eq!(tokens("삼성전자의 RSI"), ["삼성", "성전", "전자", "자의", "rsi"]);
        assert_eq!(tokens("샤프 비율"), ["샤프", "비율"]);
        assert_eq!(tokens("낙 폭"), ["낙", "폭"]);
    }

    #[test]
    fn numbers_and_compound_words_stay_whole() {
        assert_eq!(tokens("Sharpe 1.12, max drawdown -18.4%"), ["sharpe", "1.12", "max", "drawdown", "18.4"]);
        assert_eq!(tokens("buy-and-hold AAPL."), ["buy", "and", "hold", "buy-and-hold", "aapl"]);
        assert_eq!(tokens("sma_cross 10/30"), ["sma", "cross", "sma_cross", "10", "30"]);
        assert_eq!(tokens("005930.KS"), ["005930", "ks"]);
        assert_eq!(tokens("2015-01-02"), ["2015", "01", "02", "2015-01-02"]);
    }

    #[test]
    fn mixed_scripts_split_at_the_boundary() {
        assert_eq!(tokens("AAPL전략"), ["aapl", "전략"]);
        assert_eq!(tokens("전략AAPL"), ["전략", "aapl"]);
    }

    #[test]
    fn language() {
        assert!(is_korean("삼성전자 RSI 전략 결과 보여줘"));
        assert!(!is_korean("Show my best AAPL backtest"));
        assert!(!is_korean(""));
    }
}
