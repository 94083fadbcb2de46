//! An in-memory BM25 index (Okapi, k1 = 1.2, b = 0.75) over one partition's documents,
//! updated in place on upsert and delete.

use std::collections::HashMap;

use crate::text;

const K1: f32 = 1.2;
const B: f32 = 0.75;

/// BM25 over documents identified by their slot in the partition.
#[derive(Default)]
pub struct Bm25 {
    /// term → (slot, term frequency)
    postings: HashMap<String, Vec<(u32, u32)>>,
    /// Length in tokens per slot (0: empty slot).
    lengths: Vec<u32>,
    total_len: u64,
    docs: u32,
}

impl Bm25 {
    /// Indexes `text` under `slot` (which must not be indexed already).
    pub fn add(&mut self, slot: u32, text: &str) {
        let toks = text::tokens(text);
        let mut tf: HashMap<&str, u32> = HashMap::new();
        for t in &toks {
            *tf.entry(t.as_str()).or_default() += 1;
        }
        for (t, n) in tf {
            self.postings.entry(t.to_string()).or_default().push((slot, n));
        }
        let i = slot as usize;
        if self.lengths.len() <= i {
            self.lengths.resize(i + 1, 0);
        }
        self.lengths[i] = toks.len() as u32;
        self.total_len += toks.len() as u64;
        self.docs += 1;
    }

    /// Removes `slot`, indexed with `text`.
    pub fn remove(&mut self, slot: u32, text: &str) {
        let mut toks = text::tokens(text);
        toks.sort_unstable();
        toks.dedup();
        for t in toks {
            if let Some(p) = self.postings.get_mut(&t) {
                p.retain(|(s, _)| *s != slot);
                if p.is_empty() {
                    self.postings.remove(&t);
                }
            }
        }
        if let Some(l) = self.lengths.get_mut(slot as usize) {
            self.total_len -= u64::from(*l);
            *l = 0;
            self.docs = self.docs.saturating_sub(1);
        }
    }

    /// Scores of the slots matching any token of `query` (those `keep` accepts), unordered.
    pub fn scores(&self, query: &str, keep: impl Fn(u32) -> bool) -> Vec<(u32, f32)> {
        if self.docs == 0 {
            return Vec::new();
        }
        let mut q = text::tokens(query);
        q.sort_unstable();
        q.dedup();
        let n = self.docs as f32;
        let avg = self.total_len as f32 / n;
        // Dense per-slot sums (a partition's slots are few and contiguous): no hashing per
        // posting; `touched` lists the slots to read back.
        let mut sums = vec![0f32; self.lengths.len()];
        let mut touched: Vec<u32> = Vec::new();
        for t in &q {
            let Some(p) = self.postings.get(t) else { continue };
            let df = p.len() as f32;
            let idf = ((n - df + 0.5) / (df + 0.5) + 1.0).ln();
            for &(slot, tf) in p {
                let tf = tf as f32;
                let len = self.lengths[slot as usize] as f32;
                let s = idf * tf * (K1 + 1.0) / (tf + K1 * (1.0 - B + B * len / avg));
                let sum = &mut sums[slot as usize];
                if *sum == 0.0 {
                    touched.push(slot);
                }
                // BM25 terms are positive (idf > 0 with the +1), so 0 means untouched.
                *sum += s.max(f32::MIN_POSITIVE);
            }
        }
        touched.into_iter().filter(|s| keep(*s)).map(|s| (s, sums[s as usize])).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Best first, ties to the smaller slot (the partition orders by score, then id).
    fn ranked(ix: &Bm25, query: &str, keep: impl Fn(u32) -> bool) -> Vec<(u32, f32)> {
        let mut r = ix.scores(query, keep);
        r.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        r
    }

    #[test]
    fn ranks_by_bm25() {
        let mut ix = Bm25::default();
        ix.add(0, "SMA cross on AAPL, Sharpe 1.1");
        ix.add(1, "RSI reversion on 삼성전자, 샤프 0.8");
        ix.add(2, "SMA cross on MSFT; SMA cross again");
        let r = ranked(&ix, "sma cross", |_| true);
        assert_eq!(r.iter().map(|x| x.0).collect::<Vec<_>>(), vec![2, 0], "{r:?}");
        // Hand-computed for slot 0: N = 3, df(sma) = 2, idf = ln((3-2+0.5)/(2+0.5)+1) = ln(1.6);
        // lengths 6, 8 (삼성전자 is three bigrams), 7: avg 7; tf 1 → 2.2 / (1 + 1.2·(0.25 + 0.75·6/7)).
        let one = 1.6f32.ln() * 2.2 / (1.0 + 1.2 * (0.25 + 0.75 * 6.0 / 7.0));
        assert!((r[1].1 - 2.0 * one).abs() < 1e-5, "{} vs {}", r[1].1, 2.0 * one);
        assert_eq!(ranked(&ix, "삼성전자 RSI", |_| true)[0].0, 1);
        assert_eq!(ranked(&ix, "삼성 전략", |_| true)[0].0, 1, "a bigram of the name is enough");
        assert!(ranked(&ix, "sma", |s| s == 1).is_empty(), "the filter applies");
    }

    #[test]
    fn removal_forgets_a_document() {
        let mut ix = Bm25::default();
        ix.add(0, "alpha beta");
        ix.add(1, "beta gamma");
        ix.remove(0, "alpha beta");
        assert!(ranked(&ix, "alpha", |_| true).is_empty());
        assert_eq!(ranked(&ix, "beta", |_| true).len(), 1);
        ix.add(0, "alpha");
        assert_eq!(ranked(&ix, "alpha", |_| true)[0].0, 0);
    }
}
