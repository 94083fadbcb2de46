//! A BERT encoder's forward pass on the CPU, written for sentence embedding, over plain `f32`
//! buffers and the `gemm` crate's matrix products.
//!
//! What makes it faster than a general tensor library on this job:
//! - no padding: a batch is its sentences' tokens end to end (one row per real token), so the
//!   dense layers multiply only real tokens and attention runs per sentence at its own length
//!   (no mask, no wasted scores);
//! - Q, K and V come from one product against their weights side by side;
//! - bias, GELU, residual and layer norm are one pass each over the product they follow, with
//!   polynomial `exp` and `erf` the compiler vectorises (pulp picks AVX2 at run time);
//! - attention is a register-blocked kernel (blocks of queries × keys), not small matrix
//!   products;
//! - buffers are reused across layers and passes; a pass either spreads its work over rayon's
//!   threads (one sentence: lowest latency) or runs on one thread while other threads run other
//!   passes (many sentences: no thread waits for another).

use rayon::prelude::*;

/// What went wrong loading or running the encoder, each naming the file, tensor or sequence
/// at fault.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum BertError {
    /// `config.json` is unreadable or asks for what this forward pass does not compute.
    #[error("config.json: {0}")]
    Config(String),
    /// A weight tensor is missing, of another type, or of the wrong shape.
    #[error("{0}")]
    Weights(String),
    /// An input sequence is empty, too long, or holds a token id outside the vocabulary.
    #[error("{0}")]
    Input(String),
}

/// The encoder's shape, from the model's `config.json`.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub hidden: usize,
    pub layers: usize,
    pub heads: usize,
    pub intermediate: usize,
    pub max_positions: usize,
    pub vocab: usize,
    pub eps: f32,
}

#[derive(serde::Deserialize)]
struct RawConfig {
    hidden_size: usize,
    num_hidden_layers: usize,
    num_attention_heads: usize,
    intermediate_size: usize,
    max_position_embeddings: usize,
    vocab_size: usize,
    #[serde(default = "default_eps")]
    layer_norm_eps: f64,
    #[serde(default = "default_act")]
    hidden_act: String,
    #[serde(default)]
    position_embedding_type: Option<String>,
}

fn default_eps() -> f64 {
    1e-12
}

fn default_act() -> String {
    "gelu".into()
}

impl Config {
    /// Reads a Hugging Face BERT `config.json`; refuses what this forward pass does not compute.
    pub fn from_json(bytes: &[u8]) -> Result<Self, BertError> {
        let r: RawConfig = serde_json::from_slice(bytes).map_err(|e| BertError::Config(e.to_string()))?;
        if r.hidden_act != "gelu" {
            return Err(BertError::Config(format!("hidden_act {:?} is not supported (only \"gelu\")", r.hidden_act)));
        }
        if let Some(p) = r.position_embedding_type.filter(|p| p != "absolute") {
            return Err(BertError::Config(format!(
                "position_embedding_type {p:?} is not supported (only \"absolute\")"
            )));
        }
        if r.num_attention_heads == 0 || !r.hidden_size.is_multiple_of(r.num_attention_heads) {
            return Err(BertError::Config(format!(
                "hidden_size {} is not a multiple of num_attention_heads {}",
                r.hidden_size, r.num_attention_heads
            )));
        }
        Ok(Self {
            hidden: r.hidden_size,
            layers: r.num_hidden_layers,
            heads: r.num_attention_heads,
            intermediate: r.intermediate_size,
            max_positions: r.max_position_embeddings,
            vocab: r.vocab_size,
            eps: r.layer_norm_eps as f32,
        })
    }
}

/// A dense layer: weights transposed to `inputs × outputs` (row-major), and the bias.
struct Linear {
    wt: Vec<f32>,
    bias: Vec<f32>,
    inputs: usize,
    outputs: usize,
}

impl Linear {
    /// From weights stored as PyTorch does (`outputs × inputs`), one or more stacked by outputs.
    fn new(parts: &[(Vec<f32>, Vec<f32>)], inputs: usize) -> Self {
        let outputs: usize = parts.iter().map(|(_, b)| b.len()).sum();
        let mut wt = vec![0.0; inputs * outputs];
        let mut bias = Vec::with_capacity(outputs);
        let mut col = 0;
        for (w, b) in parts {
            for o in 0..b.len() {
                for i in 0..inputs {
                    wt[i * outputs + col + o] = w[o * inputs + i];
                }
            }
            bias.extend_from_slice(b);
            col += b.len();
        }
        Self { wt, bias, inputs, outputs }
    }

    /// `out = x · W` for `rows` rows of `x` (the bias is added by the pass that follows), on
    /// rayon's threads when `parallel`.
    #[allow(unsafe_code)]
    fn product(&self, x: &[f32], rows: usize, out: &mut [f32], parallel: bool) {
        // The raw-pointer product below relies on these sizes.
        assert!(
            x.len() >= rows * self.inputs
                && out.len() >= rows * self.outputs
                && self.wt.len() == self.inputs * self.outputs
        );
        let work = rows * self.inputs * self.outputs;
        let par = if parallel && work >= 1 << 20 {
            gemm::Parallelism::Rayon(rayon::current_num_threads())
        } else {
            gemm::Parallelism::None
        };
        // SAFETY: the three buffers hold at least rows×outputs, rows×inputs and
        // inputs×outputs values, laid out row-major with the strides given.
        unsafe {
            gemm::gemm(
                rows,
                self.outputs,
                self.inputs,
                out.as_mut_ptr(),
                1,
                self.outputs as isize,
                false,
                x.as_ptr(),
                1,
                self.inputs as isize,
                self.wt.as_ptr(),
                1,
                self.outputs as isize,
                0.0,
                1.0,
                false,
                false,
                false,
                par,
            );
        }
    }
}

struct Norm {
    gain: Vec<f32>,
    bias: Vec<f32>,
}

struct Layer {
    qkv: Linear,
    out: Linear,
    norm1: Norm,
    up: Linear,
    down: Linear,
    norm2: Norm,
}

/// The encoder with its weights.
pub struct Bert {
    cfg: Config,
    word: Vec<f32>,
    position: Vec<f32>,
    token_type: Vec<f32>,
    norm: Norm,
    layers: Vec<Layer>,
    /// The widest SIMD this CPU has, for the element-wise passes.
    arch: pulp::Arch,
}

/// Working memory of forward passes, reusable from one pass to the next (a pass grows it to
/// what it needs; reuse saves the page faults of fresh buffers).
#[derive(Default)]
pub struct Scratch {
    qkv: Vec<f32>,
    ctx: Vec<f32>,
    proj: Vec<f32>,
    inter: Vec<f32>,
}

impl Scratch {
    fn fit(&mut self, rows: usize, cfg: &Config) {
        let grow = |v: &mut Vec<f32>, n: usize| {
            if v.len() < n {
                v.resize(n, 0.0);
            }
        };
        grow(&mut self.qkv, rows * 3 * cfg.hidden);
        grow(&mut self.ctx, rows * cfg.hidden);
        grow(&mut self.proj, rows * cfg.hidden);
        grow(&mut self.inter, rows * cfg.intermediate);
    }
}

impl Bert {
    /// Builds the encoder from `config` and a tensor source: `tensor(name, shape)` returns the
    /// named tensor's values (row-major) or an error naming what is wrong with it.
    pub fn new(
        cfg: Config,
        mut source: impl FnMut(&str, &[usize]) -> Result<Vec<f32>, BertError>,
    ) -> Result<Self, BertError> {
        let h = cfg.hidden;
        // Every tensor is checked against its shape here, whatever the source: the products
        // below trust these sizes. A 0 in a shape means "1 or more rows".
        let mut tensor = |name: &str, shape: &[usize]| -> Result<Vec<f32>, BertError> {
            let v = source(name, shape)?;
            let fixed: usize = shape.iter().filter(|&&d| d != 0).product();
            let fits = if shape.contains(&0) {
                fixed > 0 && !v.is_empty() && v.len().is_multiple_of(fixed)
            } else {
                v.len() == fixed
            };
            if !fits {
                return Err(BertError::Weights(format!(
                    "tensor {name} has {} values, expected shape {shape:?}",
                    v.len()
                )));
            }
            Ok(v)
        };
        let mut norm = |p: &str| -> Result<Norm, BertError> {
            Ok(Norm { gain: tensor(&format!("{p}.weight"), &[h])?, bias: tensor(&format!("{p}.bias"), &[h])? })
        };
        let embed_norm = norm("embeddings.LayerNorm")?;
        let mut norms = Vec::new();
        for l in 0..cfg.layers {
            norms.push((
                norm(&format!("encoder.layer.{l}.attention.output.LayerNorm"))?,
                norm(&format!("encoder.layer.{l}.output.LayerNorm"))?,
            ));
        }
        let mut dense = |p: &str, outputs: usize, inputs: usize| -> Result<(Vec<f32>, Vec<f32>), BertError> {
            Ok((tensor(&format!("{p}.weight"), &[outputs, inputs])?, tensor(&format!("{p}.bias"), &[outputs])?))
        };
        let mut layers = Vec::new();
        for (l, (norm1, norm2)) in norms.into_iter().enumerate() {
            let p = format!("encoder.layer.{l}");
            let q = dense(&format!("{p}.attention.self.query"), h, h)?;
            let k = dense(&format!("{p}.attention.self.key"), h, h)?;
            let v = dense(&format!("{p}.attention.self.value"), h, h)?;
            layers.push(Layer {
                qkv: Linear::new(&[q, k, v], h),
                out: Linear::new(&[dense(&format!("{p}.attention.output.dense"), h, h)?], h),
                norm1,
                up: Linear::new(&[dense(&format!("{p}.intermediate.dense"), cfg.intermediate, h)?], h),
                down: Linear::new(&[dense(&format!("{p}.output.dense"), h, cfg.intermediate)?], cfg.intermediate),
                norm2,
            });
        }
        Ok(Self {
            word: tensor("embeddings.word_embeddings.weight", &[cfg.vocab, h])?,
            position: tensor("embeddings.position_embeddings.weight", &[cfg.max_positions, h])?,
            token_type: tensor("embeddings.token_type_embeddings.weight", &[0, h])?,
            norm: embed_norm,
            layers,
            arch: pulp::Arch::new(),
            cfg,
        })
    }

    /// Loads the encoder from `config.json` and `model.safetensors` bytes (F32 tensors, with or
    /// without the `bert.` prefix).
    pub fn from_safetensors(config: &[u8], weights: &[u8]) -> Result<Self, BertError> {
        let cfg = Config::from_json(config)?;
        let st = safetensors::SafeTensors::deserialize(weights)
            .map_err(|e| BertError::Weights(format!("model.safetensors: {e}")))?;
        Self::new(cfg, |name, shape| {
            let t = st
                .tensor(name)
                .or_else(|_| st.tensor(&format!("bert.{name}")))
                .map_err(|_| BertError::Weights(format!("model.safetensors: no tensor {name}")))?;
            if t.dtype() != safetensors::Dtype::F32 {
                return Err(BertError::Weights(format!(
                    "model.safetensors: {name} is {:?}; only F32 weights are read",
                    t.dtype()
                )));
            }
            // A 0 in the expected shape accepts 1 or more there (token types: 1 or 2 rows).
            let fits = t.shape().len() == shape.len()
                && t.shape().iter().zip(shape).all(|(a, b)| if *b == 0 { *a > 0 } else { a == b });
            if !fits {
                return Err(BertError::Weights(format!(
                    "model.safetensors: {name} has shape {:?}, expected {shape:?}",
                    t.shape()
                )));
            }
            Ok(t.data().chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect())
        })
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.cfg
    }

    /// The mean of the last hidden states over each sequence's tokens (token type 0, every
    /// token attended): one vector of `hidden` values per sequence, in order.
    ///
    /// With `parallel`, the pass spreads its work over rayon's threads; without, it runs on the
    /// calling thread alone — faster overall when the caller runs one pass per thread, since
    /// the threads then never wait for each other.
    pub fn mean_pooled(&self, seqs: &[&[u32]], parallel: bool) -> Result<Vec<Vec<f32>>, BertError> {
        self.mean_pooled_in(&mut Scratch::default(), seqs, parallel)
    }

    /// [`Bert::mean_pooled`] with working memory kept by the caller between passes.
    pub fn mean_pooled_in(
        &self,
        buf: &mut Scratch,
        seqs: &[&[u32]],
        parallel: bool,
    ) -> Result<Vec<Vec<f32>>, BertError> {
        let h = self.cfg.hidden;
        for (i, s) in seqs.iter().enumerate() {
            if s.is_empty() || s.len() > self.cfg.max_positions {
                return Err(BertError::Input(format!(
                    "sequence {i} has {} tokens (1 to {} are read)",
                    s.len(),
                    self.cfg.max_positions
                )));
            }
            if let Some(id) = s.iter().find(|&&id| id as usize >= self.cfg.vocab) {
                return Err(BertError::Input(format!(
                    "sequence {i}: token id {id} is outside the vocabulary ({})",
                    self.cfg.vocab
                )));
            }
        }
        let mut starts = Vec::with_capacity(seqs.len() + 1);
        starts.push(0);
        for s in seqs {
            starts.push(starts[starts.len() - 1] + s.len());
        }
        let rows = starts[seqs.len()];
        let mut x = vec![0.0f32; rows * h];
        for (s, seq) in seqs.iter().enumerate() {
            for (p, &id) in seq.iter().enumerate() {
                let row = &mut x[(starts[s] + p) * h..][..h];
                let w = &self.word[id as usize * h..][..h];
                let pos = &self.position[p * h..][..h];
                for (((o, a), b), c) in row.iter_mut().zip(w).zip(pos).zip(&self.token_type[..h]) {
                    *o = a + b + c;
                }
            }
        }
        each_row(&mut x, h, parallel, |row| layer_norm(row, &self.norm, self.cfg.eps));
        buf.fit(rows, &self.cfg);
        for layer in &self.layers {
            self.layer(layer, &mut x, &starts, buf, parallel);
        }
        Ok(starts
            .windows(2)
            .map(|w| {
                let mut sum = vec![0.0f32; h];
                for row in x[w[0] * h..w[1] * h].chunks_exact(h) {
                    sum.iter_mut().zip(row).for_each(|(s, v)| *s += v);
                }
                let n = (w[1] - w[0]) as f32;
                sum.iter_mut().for_each(|s| *s /= n);
                sum
            })
            .collect())
    }

    fn layer(&self, layer: &Layer, x: &mut [f32], starts: &[usize], buf: &mut Scratch, parallel: bool) {
        let (h, rows, eps) = (self.cfg.hidden, starts[starts.len() - 1], self.cfg.eps);
        let arch = self.arch;
        layer.qkv.product(x, rows, &mut buf.qkv, parallel);
        let bias = &layer.qkv.bias;
        each_row(&mut buf.qkv[..rows * 3 * h], 3 * h, parallel, |row| {
            arch.dispatch(|| row.iter_mut().zip(bias).for_each(|(v, b)| *v += b));
        });
        self.attention(&buf.qkv, starts, &mut buf.ctx, parallel);
        layer.out.product(&buf.ctx, rows, &mut buf.proj, parallel);
        add_and_norm(arch, &buf.proj, &layer.out.bias, x, &layer.norm1, eps, parallel);
        layer.up.product(x, rows, &mut buf.inter, parallel);
        let bias = &layer.up.bias;
        each_row(&mut buf.inter[..rows * self.cfg.intermediate], self.cfg.intermediate, parallel, |row| {
            arch.dispatch(|| row.iter_mut().zip(bias).for_each(|(v, b)| *v = gelu(*v + b)));
        });
        layer.down.product(&buf.inter, rows, &mut buf.proj, parallel);
        add_and_norm(arch, &buf.proj, &layer.down.bias, x, &layer.norm2, eps, parallel);
    }

    /// Scaled dot-product attention of every head of every sequence, each at its own length:
    /// `ctx[rows of s, columns of head] = softmax(Q Kᵀ / √d) V`. Sequences run in parallel
    /// when `parallel` (each task owns its sequence's rows of `ctx`).
    fn attention(&self, qkv: &[f32], starts: &[usize], ctx: &mut [f32], parallel: bool) {
        let (h, heads, arch) = (self.cfg.hidden, self.cfg.heads, self.arch);
        let d = h / heads;
        let mut parts: Vec<(&[f32], &mut [f32])> = Vec::with_capacity(starts.len());
        let mut rest = ctx;
        for w in starts.windows(2) {
            let (mine, after) = rest.split_at_mut((w[1] - w[0]) * h);
            parts.push((&qkv[w[0] * 3 * h..w[1] * 3 * h], mine));
            rest = after;
        }
        let work = |s: &mut HeadScratch, (rows, out): &mut (&[f32], &mut [f32])| {
            arch.dispatch(Sequence { rows, out, h, d, heads, s });
        };
        if parallel {
            parts.par_iter_mut().for_each_init(HeadScratch::default, work);
        } else {
            let mut s = HeadScratch::default();
            parts.iter_mut().for_each(|p| work(&mut s, p));
        }
    }
}

/// Every head's attention over one sequence, as a pulp operation: `with_simd` is inlined into
/// pulp's function compiled for the CPU's SIMD level (AVX2 and FMA where present), and with it
/// the kernel, which a closure would not reliably be.
struct Sequence<'a> {
    rows: &'a [f32],
    out: &'a mut [f32],
    h: usize,
    d: usize,
    heads: usize,
    s: &'a mut HeadScratch,
}

impl pulp::WithSimd for Sequence<'_> {
    type Output = ();

    #[inline(always)]
    fn with_simd<S: pulp::Simd>(self, _: S) {
        for head in 0..self.heads {
            head_attention(self.rows, self.out, self.h, self.d, head, self.s);
        }
    }
}

/// Keys (and context columns) handled together in registers: two AVX vectors per query row,
/// so a block has eight independent running sums (enough to hide the adds' latency).
const LANES: usize = 16;
/// Queries handled together.
const ROWS: usize = 4;

/// Working memory of one head's attention: Qᵀ (scaled), Kᵀ and V packed, zero-padded to whole
/// blocks, and one block of scores and of their transpose.
#[derive(Default)]
struct HeadScratch {
    qt: Vec<f32>,
    kt: Vec<f32>,
    v: Vec<f32>,
    p: Vec<f32>,
    pt: Vec<f32>,
}

/// `N` values of `xs` from `at` (zeros past the end, which callers never ask for).
#[inline(always)]
fn block<const N: usize>(xs: &[f32], at: usize) -> [f32; N] {
    xs.get(at..at + N).and_then(|b| <[f32; N]>::try_from(b).ok()).unwrap_or([0.0; N])
}

/// Attention of head `head` over one sequence: `qkv` holds its rows (Q|K|V, 3h values each),
/// `out` its context rows (h values each), of which this writes columns head·d..(head+1)·d.
/// Blocks of `ROWS` queries × `LANES` keys (then × `LANES` context columns) accumulate in
/// fixed-size arrays the compiler keeps in vector registers.
#[inline(always)]
fn head_attention(qkv: &[f32], out: &mut [f32], h: usize, d: usize, head: usize, s: &mut HeadScratch) {
    let len = qkv.len() / (3 * h);
    let (lp, dp, qp) = (len.next_multiple_of(LANES), d.next_multiple_of(LANES), len.next_multiple_of(ROWS));
    let scale = 1.0 / (d as f32).sqrt();
    let fill = |v: &mut Vec<f32>, n: usize| {
        v.clear();
        v.resize(n, 0.0);
    };
    fill(&mut s.qt, d * qp);
    fill(&mut s.kt, d * lp);
    fill(&mut s.v, lp * dp);
    fill(&mut s.p, ROWS * lp);
    fill(&mut s.pt, len * ROWS);
    let HeadScratch { qt, kt, v, p, pt } = s;
    for (j, row) in qkv.chunks_exact(3 * h).enumerate() {
        let (q, k, vr) = (&row[head * d..][..d], &row[h + head * d..][..d], &row[2 * h + head * d..][..d]);
        for c in 0..d {
            qt[c * qp + j] = q[c] * scale;
            kt[c * lp + j] = k[c];
        }
        v[j * dp..j * dp + d].copy_from_slice(vr);
    }
    let (qt, kt, v) = (&qt[..], &kt[..], &v[..]);
    for i0 in (0..len).step_by(ROWS) {
        // Scores: ROWS queries × LANES keys per block.
        for jb in (0..lp).step_by(LANES) {
            let mut acc = [[0.0f32; LANES]; ROWS];
            for c in 0..d {
                let k: [f32; LANES] = block(kt, c * lp + jb);
                let q: [f32; ROWS] = block(qt, c * qp + i0);
                for t in 0..ROWS {
                    for l in 0..LANES {
                        acc[t][l] += q[t] * k[l];
                    }
                }
            }
            for (t, a) in acc.iter().enumerate() {
                p[t * lp + jb..t * lp + jb + LANES].copy_from_slice(a);
            }
        }
        let n = ROWS.min(len - i0);
        // Rows past `n` are padding queries: their context is computed but never written out.
        for t in 0..n {
            softmax(&mut p[t * lp..t * lp + len]);
        }
        for j in 0..len {
            for t in 0..ROWS {
                pt[j * ROWS + t] = p[t * lp + j];
            }
        }
        // Context: ROWS queries × LANES columns per block.
        for cb in (0..dp).step_by(LANES) {
            let mut acc = [[0.0f32; LANES]; ROWS];
            for j in 0..len {
                let vj: [f32; LANES] = block(v, j * dp + cb);
                let pj: [f32; ROWS] = block(pt, j * ROWS);
                for t in 0..ROWS {
                    for l in 0..LANES {
                        acc[t][l] += pj[t] * vj[l];
                    }
                }
            }
            let w = LANES.min(d - cb);
            for (t, a) in acc.iter().enumerate().take(n) {
                out[(i0 + t) * h + head * d + cb..][..w].copy_from_slice(&a[..w]);
            }
        }
    }
}

/// `f` on each `width`-value row of `buf`, spread over rayon's threads when `parallel`.
fn each_row(buf: &mut [f32], width: usize, parallel: bool, f: impl Fn(&mut [f32]) + Send + Sync) {
    if parallel {
        buf.par_chunks_mut(width).with_min_len(16).for_each(f);
    } else {
        buf.chunks_mut(width).for_each(f);
    }
}

/// `x = LayerNorm(x + y + bias)`, row by row.
fn add_and_norm(arch: pulp::Arch, y: &[f32], bias: &[f32], x: &mut [f32], norm: &Norm, eps: f32, parallel: bool) {
    let h = bias.len();
    let rows = x.len() / h;
    let row = |(xr, yr): (&mut [f32], &[f32])| {
        arch.dispatch(|| {
            xr.iter_mut().zip(yr).zip(bias).for_each(|((x, y), b)| *x += y + b);
            layer_norm(xr, norm, eps);
        })
    };
    if parallel {
        x.par_chunks_mut(h).zip(y[..rows * h].par_chunks(h)).with_min_len(16).for_each(row);
    } else {
        x.chunks_mut(h).zip(y.chunks(h)).for_each(row);
    }
}

#[inline(always)]
fn layer_norm(row: &mut [f32], norm: &Norm, eps: f32) {
    let n = row.len() as f32;
    let mean = lanes_sum(row, |v| v) / n;
    let var = lanes_sum(row, |v| (v - mean) * (v - mean)) / n;
    let inv = 1.0 / (var + eps).sqrt();
    for ((v, g), b) in row.iter_mut().zip(&norm.gain).zip(&norm.bias) {
        *v = (*v - mean) * inv * g + b;
    }
}

#[inline(always)]
fn softmax(row: &mut [f32]) {
    let max = lanes_max(row);
    row.iter_mut().for_each(|v| *v = exp(*v - max));
    let inv = 1.0 / lanes_sum(row, |v| v);
    row.iter_mut().for_each(|v| *v *= inv);
}

/// Running sums (and maxima) of the row reductions: one AVX vector.
const SUMS: usize = 8;

/// Σ f(x) over `xs` in `SUMS` running sums (a single running sum is one long dependency chain
/// the compiler may not reorder, so it would stay scalar).
#[inline(always)]
fn lanes_sum(xs: &[f32], f: impl Fn(f32) -> f32) -> f32 {
    let mut acc = [0.0f32; SUMS];
    let chunks = xs.chunks_exact(SUMS);
    let rest: f32 = chunks.remainder().iter().map(|&x| f(x)).sum();
    for c in chunks {
        for l in 0..SUMS {
            acc[l] += f(c[l]);
        }
    }
    acc.iter().sum::<f32>() + rest
}

/// The largest value of `xs` (−∞ for none), in `SUMS` running maxima.
#[inline(always)]
fn lanes_max(xs: &[f32]) -> f32 {
    let mut acc = [f32::NEG_INFINITY; SUMS];
    let chunks = xs.chunks_exact(SUMS);
    let rest = chunks.remainder().iter().copied().fold(f32::NEG_INFINITY, f32::max);
    for c in chunks {
        for l in 0..SUMS {
            acc[l] = acc[l].max(c[l]);
        }
    }
    acc.iter().copied().fold(rest, f32::max)
}

/// `e^x` within 4e-7 relative (a few ulps) for x in [-87, 88] (clamped outside): x = k·ln2 + r, e^r by its
/// Taylor series to r⁶ (|r| ≤ ln2/2), times 2^k built in the exponent bits. Branch-free and
/// without float-to-int conversions, so loops over it vectorise.
#[inline(always)]
pub fn exp(x: f32) -> f32 {
    const LOG2E: f32 = std::f32::consts::LOG2_E;
    // 1.5·2²³: adding it rounds to an integer, which then sits in the low bits of the sum.
    const ROUND: f32 = 12_582_912.0;
    const LN2_HI: f32 = 0.693_359_4;
    const LN2_LO: f32 = -2.121_944_4e-4;
    let x = x.clamp(-87.0, 88.0);
    let shifted = x * LOG2E + ROUND;
    let k = shifted - ROUND;
    let r = x - k * LN2_HI - k * LN2_LO;
    let p = 1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0))))));
    let ki = shifted.to_bits().wrapping_sub(ROUND.to_bits());
    p * f32::from_bits(ki.wrapping_add(127) << 23)
}

/// The error function to within 1.5e-7 (Abramowitz & Stegun 7.1.26).
#[inline(always)]
pub fn erf(x: f32) -> f32 {
    const P: f32 = 0.327_591_1;
    const A: [f32; 5] = [0.254_829_6, -0.284_496_74, 1.421_413_7, -1.453_152, 1.061_405_4];
    let a = x.abs();
    let t = 1.0 / (1.0 + P * a);
    let poly = t * (A[0] + t * (A[1] + t * (A[2] + t * (A[3] + t * A[4]))));
    (1.0 - poly * exp(-a * a)).copysign(x)
}

/// GELU as BERT computes it: x·Φ(x) with the exact (erf) normal CDF.
#[inline(always)]
pub fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use std::collections::HashMap;

    #[test]
    fn exp_is_within_a_few_ulps() {
        let mut worst = 0.0f64;
        let mut x = -87.0f32;
        while x <= 88.0 {
            let want = f64::from(x).exp();
            let rel = ((f64::from(exp(x)) - want) / want).abs();
            worst = worst.max(rel);
            x += 0.001_3;
        }
        assert!(worst < 4e-7, "worst relative error {worst}");
        assert_eq!(exp(0.0), 1.0);
        assert!(exp(-1000.0) < 1e-37 && exp(-1000.0) >= 0.0);
    }

    #[test]
    fn erf_matches_tabulated_values() {
        // erf values from mathematical tables.
        for (x, want) in [
            (0.0, 0.0),
            (0.1, 0.112_462_916_018_284_9),
            (0.5, 0.520_499_877_813_046_5),
            (1.0, 0.842_700_792_949_714_9),
            (1.5, 0.966_105_146_475_310_7),
            (2.0, 0.995_322_265_018_952_7),
            (3.0, 0.999_977_909_503_001_4),
            (6.0, 1.0),
        ] {
            for (x, want) in [(x, want), (-x, -want)] {
                assert!((f64::from(erf(x as f32)) - want).abs() < 3e-7, "erf({x}) = {} not {want}", erf(x as f32));
            }
        }
        // GELU's known points: 0, x·Φ(x) at ±1 (Φ(1) = 0.841344746).
        assert_eq!(gelu(0.0), 0.0);
        assert!((f64::from(gelu(1.0)) - 0.841_344_746).abs() < 1e-6);
        assert!((f64::from(gelu(-1.0)) + 0.158_655_254).abs() < 1e-6);
    }

    /// Deterministic pseudo-random weights in [-0.5, 0.5).
    fn weights(seed: &mut u64, n: usize) -> Vec<f32> {
        (0..n)
            .map(|_| {
                *seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                ((*seed >> 40) as f32 / (1u64 << 24) as f32) - 0.5
            })
            .collect()
    }

    /// The textbook forward pass in f64, one sequence at a time, straight from the formulas.
    fn reference(t: &HashMap<String, Vec<f32>>, cfg: &Config, seq: &[u32]) -> Vec<f64> {
        let (h, heads) = (cfg.hidden, cfg.heads);
        let d = h / heads;
        let g = |n: &str| t[n].iter().map(|&v| f64::from(v)).collect::<Vec<f64>>();
        let norm = |x: &mut Vec<Vec<f64>>, p: &str| {
            let (w, b) = (g(&format!("{p}.weight")), g(&format!("{p}.bias")));
            for row in x.iter_mut() {
                let m = row.iter().sum::<f64>() / h as f64;
                let var = row.iter().map(|v| (v - m).powi(2)).sum::<f64>() / h as f64;
                for j in 0..h {
                    row[j] = (row[j] - m) / (var + f64::from(cfg.eps)).sqrt() * w[j] + b[j];
                }
            }
        };
        let dense = |x: &[Vec<f64>], p: &str, outs: usize| -> Vec<Vec<f64>> {
            let (w, b) = (g(&format!("{p}.weight")), g(&format!("{p}.bias")));
            let ins = x[0].len();
            x.iter()
                .map(|r| (0..outs).map(|o| b[o] + (0..ins).map(|i| w[o * ins + i] * r[i]).sum::<f64>()).collect())
                .collect()
        };
        let (we, pe, te) = (
            g("embeddings.word_embeddings.weight"),
            g("embeddings.position_embeddings.weight"),
            g("embeddings.token_type_embeddings.weight"),
        );
        let mut x: Vec<Vec<f64>> = seq
            .iter()
            .enumerate()
            .map(|(p, &id)| (0..h).map(|j| we[id as usize * h + j] + pe[p * h + j] + te[j]).collect())
            .collect();
        norm(&mut x, "embeddings.LayerNorm");
        for l in 0..cfg.layers {
            let p = format!("encoder.layer.{l}");
            let q = dense(&x, &format!("{p}.attention.self.query"), h);
            let k = dense(&x, &format!("{p}.attention.self.key"), h);
            let v = dense(&x, &format!("{p}.attention.self.value"), h);
            let mut ctx = vec![vec![0.0; h]; seq.len()];
            for hd in 0..heads {
                for i in 0..seq.len() {
                    let s: Vec<f64> = (0..seq.len())
                        .map(|j| (0..d).map(|c| q[i][hd * d + c] * k[j][hd * d + c]).sum::<f64>() / (d as f64).sqrt())
                        .collect();
                    let m = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    let e: Vec<f64> = s.iter().map(|v| (v - m).exp()).collect();
                    let z: f64 = e.iter().sum();
                    for c in 0..d {
                        ctx[i][hd * d + c] = (0..seq.len()).map(|j| e[j] / z * v[j][hd * d + c]).sum();
                    }
                }
            }
            let a = dense(&ctx, &format!("{p}.attention.output.dense"), h);
            x.iter_mut().zip(&a).for_each(|(r, a)| r.iter_mut().zip(a).for_each(|(r, a)| *r += a));
            norm(&mut x, &format!("{p}.attention.output.LayerNorm"));
            let mut u = dense(&x, &format!("{p}.intermediate.dense"), cfg.intermediate);
            // GELU with erf as its defining integral, 2/√π ∫₀ᶻ e^(−t²) dt (Simpson's rule).
            let erf = |z: f64| {
                let a = z.abs().min(7.0);
                let n = 2000;
                let step = a / n as f64;
                let f = |t: f64| (-t * t).exp();
                let inner: f64 = (1..n).map(|i| f(i as f64 * step) * if i % 2 == 1 { 4.0 } else { 2.0 }).sum();
                (f(0.0) + inner + f(a)) * step / 3.0 * 2.0 / std::f64::consts::PI.sqrt() * z.signum()
            };
            u.iter_mut().for_each(|r| r.iter_mut().for_each(|v| *v = 0.5 * *v * (1.0 + erf(*v / 2f64.sqrt()))));
            let o = dense(&u, &format!("{p}.output.dense"), h);
            x.iter_mut().zip(&o).for_each(|(r, o)| r.iter_mut().zip(o).for_each(|(r, o)| *r += o));
            norm(&mut x, &format!("{p}.output.LayerNorm"));
        }
        (0..h).map(|j| x.iter().map(|r| r[j]).sum::<f64>() / seq.len() as f64).collect()
    }

    #[test]
    fn equals_the_textbook_forward_pass_on_a_small_random_model() {
        // Head widths 8, 10 and 20: within one block of 16 and across two.
        for (hidden, heads) in [(24, 3), (30, 3), (60, 3)] {
            let cfg = Config { hidden, layers: 2, heads, intermediate: 40, max_positions: 70, vocab: 50, eps: 1e-12 };
            check_random_model(cfg);
        }
    }

    fn check_random_model(cfg: Config) {
        let mut seed = 7u64;
        let mut t: HashMap<String, Vec<f32>> = HashMap::new();
        let built = Bert::new(cfg.clone(), |name, shape| {
            let shape: Vec<usize> = shape.iter().map(|&s| if s == 0 { 2 } else { s }).collect();
            let mut w = weights(&mut seed, shape.iter().product());
            if name.contains("LayerNorm.weight") {
                w.iter_mut().for_each(|v| *v += 1.0);
            }
            t.insert(name.to_string(), w.clone());
            Ok(w)
        })
        .unwrap();
        // Sequences of different lengths in one pass, one of them at the position limit.
        let seqs: Vec<Vec<u32>> =
            [1usize, 5, 17, 70, 33].iter().map(|&n| (0..n).map(|i| ((i * 7 + n) % 50) as u32).collect()).collect();
        let refs: Vec<&[u32]> = seqs.iter().map(|s| s.as_slice()).collect();
        let got = built.mean_pooled(&refs, true).unwrap();
        for (seq, v) in seqs.iter().zip(&got) {
            let want = reference(&t, &cfg, seq);
            let err = v.iter().zip(&want).map(|(a, b)| (f64::from(*a) - b).abs()).fold(0.0, f64::max);
            assert!(err < 2e-4, "{cfg:?} length {}: max error {err}", seq.len());
            // Alone, on the calling thread only, the same sequence gives the same vector.
            let alone = built.mean_pooled(&[seq.as_slice()], false).unwrap();
            let diff = alone[0].iter().zip(v).map(|(a, b)| (a - b).abs()).fold(0.0f32, f32::max);
            assert!(diff < 1e-5, "batching changed length {}: {diff}", seq.len());
        }
        assert!(built.mean_pooled(&[&[3, 50]], true).unwrap_err().to_string().contains("token id 50"));
        assert!(built.mean_pooled(&[&[]], true).unwrap_err().to_string().contains("0 tokens"));
        assert!(built.mean_pooled(&[&[1; 71]], false).unwrap_err().to_string().contains("71 tokens"));
    }

    #[test]
    fn tensors_of_the_wrong_size_are_refused_by_name_whatever_the_source() {
        let cfg = Config { hidden: 8, layers: 1, heads: 2, intermediate: 12, max_positions: 4, vocab: 5, eps: 1e-12 };
        let sized = |shape: &[usize]| vec![0.1f32; shape.iter().map(|&d| d.max(1)).product()];
        assert!(Bert::new(cfg.clone(), |_, shape| Ok(sized(shape))).is_ok());
        // A bias longer than the config says (the products would write past their buffers).
        let long = Bert::new(cfg.clone(), |name, shape| {
            let mut v = sized(shape);
            if name == "encoder.layer.0.intermediate.dense.bias" {
                v.push(0.0);
            }
            Ok(v)
        });
        let err = long.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("encoder.layer.0.intermediate.dense.bias"), "{err}");
        // No token-type rows at all.
        let none = Bert::new(cfg, |name, shape| {
            Ok(if name == "embeddings.token_type_embeddings.weight" { Vec::new() } else { sized(shape) })
        });
        assert!(matches!(none.err(), Some(BertError::Weights(m)) if m.contains("token_type")));
    }

    #[test]
    fn configs_it_cannot_compute_are_refused_by_field() {
        let base = r#""hidden_size": 24, "num_hidden_layers": 1, "num_attention_heads": 3, "intermediate_size": 8,
            "max_position_embeddings": 8, "vocab_size": 10"#;
        assert!(Config::from_json(format!("{{{base}}}").as_bytes()).is_ok());
        let act = Config::from_json(format!("{{{base}, \"hidden_act\": \"relu\"}}").as_bytes()).unwrap_err();
        assert!(matches!(&act, BertError::Config(m) if m.contains("hidden_act")), "{act}");
        let pos = Config::from_json(format!("{{{base}, \"position_embedding_type\": \"relative_key\"}}").as_bytes())
            .unwrap_err();
        assert!(pos.to_string().contains("position_embedding_type"), "{pos}");
        let heads = Config::from_json(
            br#"{"hidden_size": 25, "num_hidden_layers": 1, "num_attention_heads": 3,
            "intermediate_size": 8, "max_position_embeddings": 8, "vocab_size": 10}"#,
        )
        .unwrap_err();
        assert!(heads.to_string().contains("num_attention_heads"), "{heads}");
    }
}
