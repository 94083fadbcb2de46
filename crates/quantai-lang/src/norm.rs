//! Matching form: lower case, without spaces, hyphens, underscores or middle dots, so "SK 하이닉스",
//! "sk-hynix" and "buy and hold" meet their keys whatever the spacing. Every byte of the matching
//! form remembers the original character it came from, so a match maps back to an exact span.

use std::ops::Range;

/// Characters dropped from the matching form.
pub fn skipped(c: char) -> bool {
    c.is_whitespace() || matches!(c, '-' | '_' | '·' | '\u{200b}')
}

/// The matching form of a key.
pub fn key(s: &str) -> String {
    s.chars().filter(|c| !skipped(*c)).flat_map(char::to_lowercase).collect()
}

/// The strict form of a key: only the dropped characters go, case stays.
pub fn strict_key(s: &str) -> String {
    s.chars().filter(|c| !skipped(*c)).collect()
}

/// A text in matching form, with each byte's source character (start and end in the original).
pub struct Normalised {
    pub text: String,
    pub source: Vec<(u32, u32)>,
}

impl Normalised {
    /// `text` in matching form; the words in `replace` (original ranges, sorted, disjoint) are
    /// put in as the given replacement (typo corrections).
    pub fn new(text: &str, replace: &[(Range<usize>, String)]) -> Self {
        let mut out = String::with_capacity(text.len());
        let mut source = Vec::with_capacity(text.len());
        let mut push = |s: &str, from: usize, to: usize, out: &mut String| {
            for c in s.chars().filter(|c| !skipped(*c)).flat_map(char::to_lowercase) {
                let before = out.len();
                out.push(c);
                for _ in before..out.len() {
                    source.push((from as u32, to as u32));
                }
            }
        };
        let mut r = replace.iter().peekable();
        let mut i = 0;
        while i < text.len() {
            if let Some((range, with)) = r.peek() {
                if range.start == i {
                    push(with, range.start, range.end, &mut out);
                    i = range.end;
                    r.next();
                    continue;
                }
            }
            let Some(c) = text[i..].chars().next() else { break };
            let n = c.len_utf8();
            let mut buf = [0u8; 4];
            push(c.encode_utf8(&mut buf), i, i + n, &mut out);
            i += n;
        }
        Self { text: out, source }
    }

    /// The original span of the matching-form range `r` (non-empty).
    pub fn span(&self, r: Range<usize>) -> Range<usize> {
        self.source[r.start].0 as usize..self.source[r.end - 1].1 as usize
    }
}

/// Whether `c` is a Hangul syllable or jamo.
pub fn hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_map_back_through_spaces_and_case() {
        let t = "See SK 하이닉스, OK";
        let n = Normalised::new(t, &[]);
        assert_eq!(n.text, "seesk하이닉스,ok");
        let at = n.text.find("sk하이닉스").unwrap_or(0);
        let span = n.span(at..at + "sk하이닉스".len());
        assert_eq!(&t[span], "SK 하이닉스");
    }

    #[test]
    fn replacements_keep_the_original_span() {
        let t = "bolinger band";
        let n = Normalised::new(t, &[(0..8, "bollinger".into())]);
        assert_eq!(n.text, "bollingerband");
        assert_eq!(&t[n.span(0..9)], "bolinger");
    }
}
