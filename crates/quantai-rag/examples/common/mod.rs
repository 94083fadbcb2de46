//! Shared by the examples: generated backtest words, a xorshift pick and percentiles.
#![allow(dead_code)]

pub const WORDS: [&str; 24] = [
    "SMA",
    "crossover",
    "RSI",
    "reversion",
    "MACD",
    "Bollinger",
    "breakout",
    "AAPL",
    "TSLA",
    "NVDA",
    "삼성전자",
    "SK하이닉스",
    "카카오",
    "네이버",
    "샤프",
    "낙폭",
    "승률",
    "momentum",
    "volatility",
    "2015",
    "2018",
    "2020",
    "drawdown",
    "trend",
];

pub fn pick(seed: &mut u64, n: usize) -> usize {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    (*seed % n as u64) as usize
}

pub fn pct(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(f64::total_cmp);
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}
