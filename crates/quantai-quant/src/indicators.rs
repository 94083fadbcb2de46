//! Technical indicators equal to TA-Lib (0.8.1, default unstable periods): same formulas, same
//! seeding, same warm-up. Each returns one value per input bar, `NaN` during the warm-up, so
//! outputs line up with the bars. Tested against TA-Lib's own output in `tests/it/reference.rs`.

// The formulas read several series at i, i − 1 and i − period: indexes say that best.
#![allow(clippy::needless_range_loop)]

/// TA-Lib's `TA_IS_ZERO`.
fn is_zero(v: f64) -> bool {
    -0.000_000_01 < v && v < 0.000_000_01
}

fn nans(n: usize) -> Vec<f64> {
    vec![f64::NAN; n]
}

/// Simple moving average; first value at index `period - 1`.
pub fn sma(x: &[f64], period: usize) -> Vec<f64> {
    let mut out = nans(x.len());
    if period == 0 || x.len() < period {
        return out;
    }
    let mut sum: f64 = x[..period - 1].iter().sum();
    for i in period - 1..x.len() {
        sum += x[i];
        out[i] = sum / period as f64;
        sum -= x[i + 1 - period];
    }
    out
}

/// The mean of the last `period` values, each window summed left to right: what
/// `sum(x[i-n+1..=i]) / n` gives, and what backtesting.py's examples compute. It differs from
/// [`sma`]'s running sum only in the last bits — but those decide a crossover on a day where
/// two averages are equal in exact arithmetic (AAPL 2003-02-07, SMA 10 = SMA 30 = 14.426).
pub fn sma_windowed(x: &[f64], period: usize) -> Vec<f64> {
    let mut out = nans(x.len());
    if period == 0 || x.len() < period {
        return out;
    }
    for i in period - 1..x.len() {
        out[i] = x[i + 1 - period..=i].iter().sum::<f64>() / period as f64;
    }
    out
}

/// EMA with factor `k` seeded by the SMA of the `period` values ending at `start`; the first
/// value is at `start`.
fn ema_from(x: &[f64], period: usize, k: f64, start: usize, out: &mut [f64]) {
    if period == 0 || start + 1 < period || start >= x.len() {
        return;
    }
    let mut prev: f64 = x[start + 1 - period..=start].iter().sum::<f64>() / period as f64;
    out[start] = prev;
    for i in start + 1..x.len() {
        prev = (x[i] - prev) * k + prev;
        out[i] = prev;
    }
}

/// Exponential moving average, k = 2 / (period + 1), seeded by the SMA of the first `period`
/// values; first value at index `period - 1`.
pub fn ema(x: &[f64], period: usize) -> Vec<f64> {
    let mut out = nans(x.len());
    if period > 0 {
        ema_from(x, period, 2.0 / (period as f64 + 1.0), period - 1, &mut out);
    }
    out
}

/// Linearly weighted moving average (weights 1..=period, newest heaviest).
pub fn wma(x: &[f64], period: usize) -> Vec<f64> {
    let mut out = nans(x.len());
    if period == 0 || x.len() < period {
        return out;
    }
    let divider = (period * (period + 1)) as f64 / 2.0;
    let mut period_sum = 0.0;
    let mut period_sub = 0.0;
    for (i, v) in x[..period - 1].iter().enumerate() {
        period_sub += v;
        period_sum += v * (i + 1) as f64;
    }
    for (trailing, i) in (period - 1..x.len()).enumerate() {
        let v = x[i];
        period_sub += v;
        period_sum += v * period as f64;
        out[i] = period_sum / divider;
        period_sum -= period_sub;
        period_sub -= x[trailing];
    }
    out
}

/// Wilder's RSI; first value at index `period`.
pub fn rsi(x: &[f64], period: usize) -> Vec<f64> {
    let mut out = nans(x.len());
    if period == 0 || x.len() <= period {
        return out;
    }
    let p = period as f64;
    let (mut gain, mut loss) = (0.0, 0.0);
    for i in 1..=period {
        let d = x[i] - x[i - 1];
        if d < 0.0 {
            loss -= d;
        } else {
            gain += d;
        }
    }
    gain /= p;
    loss /= p;
    let value = |g: f64, l: f64| if is_zero(g + l) { 0.0 } else { 100.0 * (g / (g + l)) };
    out[period] = value(gain, loss);
    for i in period + 1..x.len() {
        let d = x[i] - x[i - 1];
        gain *= p - 1.0;
        loss *= p - 1.0;
        if d < 0.0 {
            loss -= d;
        } else {
            gain += d;
        }
        gain /= p;
        loss /= p;
        out[i] = value(gain, loss);
    }
    out
}

/// MACD line, signal line and histogram.
#[derive(Clone, Debug, PartialEq)]
pub struct Macd {
    pub macd: Vec<f64>,
    pub signal: Vec<f64>,
    pub hist: Vec<f64>,
}

/// MACD(fast, slow, signal) as TA-Lib computes it: both EMAs start at the slow EMA's first
/// bar, the fast one seeded by the SMA of the `fast` values ending there; the signal is an EMA
/// of the MACD line; all three outputs start at `slow + signal - 2`.
pub fn macd(x: &[f64], fast: usize, slow: usize, signal: usize) -> Macd {
    let n = x.len();
    let (fast, slow) = if slow < fast { (slow, fast) } else { (fast, slow) };
    let mut out = Macd { macd: nans(n), signal: nans(n), hist: nans(n) };
    if fast == 0 || signal == 0 || n < slow + signal - 1 {
        return out;
    }
    let start = slow - 1;
    let mut f = nans(n);
    let mut s = nans(n);
    ema_from(x, fast, 2.0 / (fast as f64 + 1.0), start, &mut f);
    ema_from(x, slow, 2.0 / (slow as f64 + 1.0), start, &mut s);
    let line: Vec<f64> = (0..n).map(|i| if i >= start { f[i] - s[i] } else { f64::NAN }).collect();
    let mut sig = nans(n);
    let first = start + signal - 1;
    ema_from(&line, signal, 2.0 / (signal as f64 + 1.0), first, &mut sig);
    for i in first..n {
        out.macd[i] = line[i];
        out.signal[i] = sig[i];
        out.hist[i] = line[i] - sig[i];
    }
    out
}

/// Bollinger bands.
#[derive(Clone, Debug, PartialEq)]
pub struct Bands {
    pub upper: Vec<f64>,
    pub middle: Vec<f64>,
    pub lower: Vec<f64>,
}

/// Bollinger bands over an SMA with the population standard deviation.
pub fn bbands(x: &[f64], period: usize, k_up: f64, k_down: f64) -> Bands {
    let n = x.len();
    let middle = sma(x, period);
    let mut b = Bands { upper: nans(n), middle: middle.clone(), lower: nans(n) };
    if period == 0 || n < period {
        return b;
    }
    let mut sum_sq: f64 = x[..period - 1].iter().map(|v| v * v).sum();
    for i in period - 1..n {
        sum_sq += x[i] * x[i];
        let mean = middle[i];
        let var = sum_sq / period as f64 - mean * mean;
        let sd = if var > 0.0 { var.sqrt() } else { 0.0 };
        b.upper[i] = mean + k_up * sd;
        b.lower[i] = mean - k_down * sd;
        sum_sq -= x[i + 1 - period] * x[i + 1 - period];
    }
    b
}

fn true_range(h: &[f64], l: &[f64], c: &[f64], i: usize) -> f64 {
    let (hi, lo, pc) = (h[i], l[i], c[i - 1]);
    let mut tr = hi - lo;
    let a = (hi - pc).abs();
    if a > tr {
        tr = a;
    }
    let b = (lo - pc).abs();
    if b > tr {
        tr = b;
    }
    tr
}

/// Average true range (Wilder); first value at index `period`.
pub fn atr(h: &[f64], l: &[f64], c: &[f64], period: usize) -> Vec<f64> {
    let n = c.len();
    let mut out = nans(n);
    if period == 0 || n <= period {
        return out;
    }
    let p = period as f64;
    let mut prev: f64 = (1..=period).map(|i| true_range(h, l, c, i)).sum::<f64>() / p;
    out[period] = prev;
    for i in period + 1..n {
        prev = (prev * (p - 1.0) + true_range(h, l, c, i)) / p;
        out[i] = prev;
    }
    out
}

/// Slow stochastic: %K and %D.
#[derive(Clone, Debug, PartialEq)]
pub struct Stoch {
    pub k: Vec<f64>,
    pub d: Vec<f64>,
}

/// STOCH(fastk, slowk SMA, slowd SMA); first values at `fastk + slowk + slowd - 3`.
pub fn stoch(h: &[f64], l: &[f64], c: &[f64], fastk: usize, slowk: usize, slowd: usize) -> Stoch {
    let n = c.len();
    let mut out = Stoch { k: nans(n), d: nans(n) };
    if fastk == 0 || slowk == 0 || slowd == 0 || n < fastk + slowk + slowd - 2 {
        return out;
    }
    let mut fast = nans(n);
    for i in fastk - 1..n {
        let w = i + 1 - fastk;
        let hh = h[w..=i].iter().copied().fold(f64::MIN, f64::max);
        let ll = l[w..=i].iter().copied().fold(f64::MAX, f64::min);
        let range = hh - ll;
        fast[i] = if range != 0.0 { (c[i] - ll) / range * 100.0 } else { 0.0 };
    }
    let k = sma_from(&fast, slowk, fastk - 1);
    let d = sma_from(&k, slowd, fastk + slowk - 2);
    let first = fastk + slowk + slowd - 3;
    out.k[first..].copy_from_slice(&k[first..]);
    out.d[first..].copy_from_slice(&d[first..]);
    out
}

/// SMA of `x` whose values start at `start` (NaN before).
fn sma_from(x: &[f64], period: usize, start: usize) -> Vec<f64> {
    let mut out = nans(x.len());
    if start >= x.len() {
        return out;
    }
    let tail = sma(&x[start..], period);
    out[start..].copy_from_slice(&tail);
    out
}

/// On-balance volume, starting from the first bar's volume.
pub fn obv(c: &[f64], v: &[f64]) -> Vec<f64> {
    let mut out = nans(c.len());
    let Some(&first) = v.first() else { return out };
    let mut acc = first;
    out[0] = acc;
    for i in 1..c.len() {
        if c[i] > c[i - 1] {
            acc += v[i];
        } else if c[i] < c[i - 1] {
            acc -= v[i];
        }
        out[i] = acc;
    }
    out
}

/// Rate of change in percent: (x / x[−period] − 1) · 100; first value at `period`.
pub fn roc(x: &[f64], period: usize) -> Vec<f64> {
    let mut out = nans(x.len());
    for i in period..x.len() {
        let prev = x[i - period];
        out[i] = if prev != 0.0 { (x[i] / prev - 1.0) * 100.0 } else { 0.0 };
    }
    out
}

/// Directional movement of bar `i`: (+DM, −DM).
fn dm(h: &[f64], l: &[f64], i: usize) -> (f64, f64) {
    let up = h[i] - h[i - 1];
    let down = l[i - 1] - l[i];
    if down > 0.0 && up < down {
        (0.0, down)
    } else if up > 0.0 && up > down {
        (up, 0.0)
    } else {
        (0.0, 0.0)
    }
}

/// Average directional index (Wilder); first value at `2·period − 1`.
pub fn adx(h: &[f64], l: &[f64], c: &[f64], period: usize) -> Vec<f64> {
    let n = c.len();
    let mut out = nans(n);
    if period < 2 || n < 2 * period {
        return out;
    }
    let p = period as f64;
    let (mut pdm, mut mdm, mut tr) = (0.0, 0.0, 0.0);
    for i in 1..period {
        let (a, b) = dm(h, l, i);
        pdm += a;
        mdm += b;
        tr += true_range(h, l, c, i);
    }
    let dx = |pdm: f64, mdm: f64, tr: f64| -> Option<f64> {
        if is_zero(tr) {
            return None;
        }
        let (plus, minus) = (100.0 * (pdm / tr), 100.0 * (mdm / tr));
        let sum = plus + minus;
        if is_zero(sum) {
            None
        } else {
            Some(100.0 * ((minus - plus).abs() / sum))
        }
    };
    let step = |i: usize, pdm: &mut f64, mdm: &mut f64, tr: &mut f64| {
        let (a, b) = dm(h, l, i);
        *pdm = *pdm - *pdm / p + a;
        *mdm = *mdm - *mdm / p + b;
        *tr = *tr - *tr / p + true_range(h, l, c, i);
    };
    let mut sum_dx = 0.0;
    for i in period..2 * period {
        step(i, &mut pdm, &mut mdm, &mut tr);
        if let Some(v) = dx(pdm, mdm, tr) {
            sum_dx += v;
        }
    }
    let mut adx = sum_dx / p;
    out[2 * period - 1] = adx;
    for i in 2 * period..n {
        step(i, &mut pdm, &mut mdm, &mut tr);
        if let Some(v) = dx(pdm, mdm, tr) {
            adx = (adx * (p - 1.0) + v) / p;
        }
        out[i] = adx;
    }
    out
}

/// Commodity channel index over the typical price; first value at `period − 1`.
pub fn cci(h: &[f64], l: &[f64], c: &[f64], period: usize) -> Vec<f64> {
    let n = c.len();
    let mut out = nans(n);
    if period == 0 || n < period {
        return out;
    }
    let tp: Vec<f64> = (0..n).map(|i| (h[i] + l[i] + c[i]) / 3.0).collect();
    for i in period - 1..n {
        let w = &tp[i + 1 - period..=i];
        let mean = w.iter().sum::<f64>() / period as f64;
        let dev = w.iter().map(|v| (v - mean).abs()).sum::<f64>() / period as f64;
        let num = tp[i] - mean;
        out[i] = if num != 0.0 && dev != 0.0 { num / (0.015 * dev) } else { 0.0 };
    }
    out
}

/// Money flow index; first value at `period`.
pub fn mfi(h: &[f64], l: &[f64], c: &[f64], v: &[f64], period: usize) -> Vec<f64> {
    let n = c.len();
    let mut out = nans(n);
    if period == 0 || n <= period {
        return out;
    }
    let tp: Vec<f64> = (0..n).map(|i| (h[i] + l[i] + c[i]) / 3.0).collect();
    // Positive and negative money flow of each bar from the second on.
    let flow = |i: usize| -> (f64, f64) {
        let mf = tp[i] * v[i];
        if tp[i] > tp[i - 1] {
            (mf, 0.0)
        } else if tp[i] < tp[i - 1] {
            (0.0, mf)
        } else {
            (0.0, 0.0)
        }
    };
    let (mut pos, mut neg) = (0.0, 0.0);
    for i in 1..=period {
        let (a, b) = flow(i);
        pos += a;
        neg += b;
    }
    let value = |pos: f64, neg: f64| {
        let total = pos + neg;
        if total < 1.0 {
            0.0
        } else {
            100.0 * (pos / total)
        }
    };
    out[period] = value(pos, neg);
    for i in period + 1..n {
        let (a, b) = flow(i - period);
        pos -= a;
        neg -= b;
        let (a, b) = flow(i);
        pos += a;
        neg += b;
        out[i] = value(pos, neg);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sma_and_ema_by_hand() {
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        let s = sma(&x, 3);
        assert!(s[1].is_nan());
        assert_eq!(&s[2..], &[2.0, 3.0, 4.0]);
        // k = 0.5: seed 2 at index 2, then (4-2)/2+2 = 3, (5-3)/2+3 = 4.
        assert_eq!(&ema(&x, 3)[2..], &[2.0, 3.0, 4.0]);
        // Weights 1,2,3 over 1,2,3 = 14/6.
        assert!((wma(&x, 3)[2] - 14.0 / 6.0).abs() < 1e-15);
    }

    #[test]
    fn short_inputs_are_all_warm_up() {
        let x = [1.0, 2.0];
        assert!(sma(&x, 3).iter().all(|v| v.is_nan()));
        assert!(rsi(&x, 14).iter().all(|v| v.is_nan()));
        assert!(macd(&x, 12, 26, 9).macd.iter().all(|v| v.is_nan()));
        assert!(adx(&x, &x, &x, 14).iter().all(|v| v.is_nan()));
    }
}
