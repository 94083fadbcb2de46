//! Per-request map between placeholders and the values they replaced.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::PiiKind;

/// The placeholders handed out while masking one request, so the same value gets the same
/// placeholder in every message, and the model's answer can be restored.
///
/// Placeholders are numbered per kind from 1: `[EMAIL_1]`, `[EMAIL_2]`, `[PHONE_1]`.
/// Values are compared exactly: `010-1234-5678` and `01012345678` are two values.
/// Text that already holds a literal placeholder such as `[EMAIL_1]` is not escaped, so
/// [`Vault::restore`] would also replace it.
#[derive(Clone, Debug, Default)]
pub struct Vault {
    ids: [HashMap<String, usize>; PiiKind::COUNT],
    originals: [Vec<String>; PiiKind::COUNT],
}

impl Vault {
    /// Whether no value has been masked yet.
    pub fn is_empty(&self) -> bool {
        self.originals.iter().all(Vec::is_empty)
    }

    /// How many distinct values have been masked, over all kinds.
    pub fn len(&self) -> usize {
        self.originals.iter().map(Vec::len).sum()
    }

    /// Distinct values per kind, for kinds with at least one, in [`PiiKind::ALL`] order.
    pub fn counts(&self) -> impl Iterator<Item = (PiiKind, usize)> + '_ {
        PiiKind::ALL.into_iter().map(|k| (k, self.originals[k.index()].len())).filter(|&(_, n)| n > 0)
    }

    /// Replaces every placeholder of this vault in `text` (e.g. the model's answer) with its
    /// original. `None` when no placeholder of this vault occurs.
    pub fn restore(&self, text: &str) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let mut out: Option<String> = None;
        let (mut last, mut pos) = (0, 0);
        while let Some(off) = text[pos..].find('[') {
            let at = pos + off;
            match self.lookup(&text[at + 1..]) {
                Some((original, len)) => {
                    let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 16));
                    o.push_str(&text[last..at]);
                    o.push_str(original);
                    last = at + 1 + len;
                    pos = last;
                }
                None => pos = at + 1,
            }
        }
        let mut out = out?;
        out.push_str(&text[last..]);
        Some(out)
    }

    /// Appends the placeholder for `value` to `out`, handing out a new one if needed.
    pub(crate) fn push_placeholder(&mut self, kind: PiiKind, value: &str, out: &mut String) {
        let k = kind.index();
        let n = match self.ids[k].get(value) {
            Some(&n) => n,
            None => {
                self.originals[k].push(value.to_owned());
                let n = self.originals[k].len();
                self.ids[k].insert(value.to_owned(), n);
                n
            }
        };
        let _ = write!(out, "[{}_{n}]", kind.label());
    }

    /// Parses `LABEL_N]` at the start of `s`; returns the original and the length parsed.
    fn lookup(&self, s: &str) -> Option<(&str, usize)> {
        let kind = PiiKind::ALL.into_iter().find(|k| s.strip_prefix(k.label()).is_some_and(|r| r.starts_with('_')))?;
        let num = &s[kind.label().len() + 1..];
        let len = num.bytes().take_while(u8::is_ascii_digit).count();
        if len == 0 || len > 9 || num.starts_with('0') || num.as_bytes().get(len) != Some(&b']') {
            return None;
        }
        let n: usize = num[..len].parse().ok()?;
        let original = self.originals[kind.index()].get(n - 1)?;
        Some((original, kind.label().len() + 1 + len + 1))
    }
}

/// Restores placeholders in text that arrives in pieces (a streamed answer), where a
/// placeholder may be split across pieces: a piece's tail that could still become a
/// placeholder (`[`, `[EMA`, `[EMAIL_1`) is held back until the next piece or [`flush`].
///
/// [`flush`]: StreamRestore::flush
#[derive(Clone, Debug)]
pub struct StreamRestore {
    vault: Vault,
    carry: String,
}

/// Longest tail held back: `[` + the longest label + `_` + 9 digits.
const HOLD: usize = 32;

impl StreamRestore {
    pub fn new(vault: Vault) -> Self {
        Self { vault, carry: String::new() }
    }

    /// The restored text that can be sent now.
    pub fn push(&mut self, piece: &str) -> String {
        self.carry.push_str(piece);
        let cut = match self.carry.rfind('[') {
            Some(at)
                if self.carry.len() - at <= HOLD
                    && self.carry[at + 1..]
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_') =>
            {
                at
            }
            _ => self.carry.len(),
        };
        let rest = self.carry.split_off(cut);
        let ready = std::mem::replace(&mut self.carry, rest);
        self.vault.restore(&ready).unwrap_or(ready)
    }

    /// Whatever is still held back, restored.
    pub fn flush(&mut self) -> String {
        let rest = std::mem::take(&mut self.carry);
        self.vault.restore(&rest).unwrap_or(rest)
    }
}

#[cfg(test)]
mod stream_tests {
    use super::*;

    #[test]
    fn placeholders_split_anywhere_are_restored() {
        let mut v = Vault::default();
        let mut masked = String::new();
        v.push_placeholder(PiiKind::ALL[0], "kim@example.com", &mut masked);
        let text = format!("메일 {masked} 그리고 [not a placeholder] 끝 [");
        let want = v.restore(&text).unwrap();
        // Every split into two pieces, and one character at a time.
        let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        for &cut in &bounds {
            let mut r = StreamRestore::new(v.clone());
            let mut out = r.push(&text[..cut]);
            out.push_str(&r.push(&text[cut..]));
            out.push_str(&r.flush());
            assert_eq!(out, want, "split at {cut}");
        }
        let mut r = StreamRestore::new(v.clone());
        let mut out = String::new();
        for c in text.chars() {
            out.push_str(&r.push(&c.to_string()));
        }
        out.push_str(&r.flush());
        assert_eq!(out, want);
        assert!(want.contains("kim@example.com") && !want.contains(&masked));
    }
}
