//! Banned words: plain substrings, ASCII case-insensitive, leftmost-longest.

use aho_corasick::{AhoCorasick, MatchKind};
use serde::{Deserialize, Serialize};

use crate::{GuardError, Result};

/// What a policy does when a banned word occurs: refuse the request, or mask the word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WordAction {
    Block,
    Mask,
}

/// A compiled list of banned words. Matching is by substring (Korean attaches particles
/// without spaces, so word boundaries would miss `금지어를`), ASCII case-insensitive, and
/// leftmost-longest: with "pump" and "pump and dump", the longer wins where both match.
#[derive(Clone, Debug)]
pub struct BannedWords {
    matcher: AhoCorasick,
    words: Vec<String>,
}

impl BannedWords {
    /// Compiles `words`. An empty or blank word is refused (it would match everywhere).
    pub fn new<I: IntoIterator<Item = S>, S: AsRef<str>>(words: I) -> Result<Self> {
        let words: Vec<String> = words.into_iter().map(|w| w.as_ref().to_owned()).collect();
        if let Some((index, value)) = words.iter().enumerate().find(|(_, w)| w.trim().is_empty()) {
            return Err(GuardError::EmptyBannedWord { index, value: value.clone() });
        }
        let matcher = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&words)
            .map_err(|e| GuardError::Matcher(e.to_string()))?;
        Ok(BannedWords { matcher, words })
    }

    /// The first banned word in `text`, spelled as configured.
    pub fn find(&self, text: &str) -> Option<String> {
        let m = self.matcher.find(text)?;
        Some(self.words[m.pattern().as_usize()].clone())
    }

    /// `text` with each occurrence replaced by `***`; `None` when there is none.
    pub fn mask(&self, text: &str) -> Option<String> {
        let mut out: Option<String> = None;
        let mut last = 0;
        for m in self.matcher.find_iter(text) {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len()));
            o.push_str(&text[last..m.start()]);
            o.push_str("***");
            last = m.end();
        }
        let mut out = out?;
        out.push_str(&text[last..]);
        Some(out)
    }
}
