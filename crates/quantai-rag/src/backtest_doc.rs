//! A finished backtest as a RAG document: seed 000's summary (strategy, parameters, period,
//! total return, Sharpe, max drawdown, trades, win rate) written in Korean and in English in one
//! text, so a query in either language finds it, with the KPIs as metadata for filters. Well-known
//! symbols carry their company names in both languages (`005930` → 삼성전자 / Samsung Electronics).

use quantai_quant::kpi::Kpis;
use quantai_quant::strategy::{Kind, StrategySpec};
use quantai_quant::Market;
use serde_json::{json, Value};

use crate::Document;

/// The collection finished backtests are indexed in.
pub const COLLECTION: &str = "user_backtests";

/// Korean and English names of a strategy kind.
pub fn kind_names(k: Kind) -> (&'static str, &'static str) {
    match k {
        Kind::SmaCross => ("이동평균 교차 (SMA)", "SMA crossover"),
        Kind::EmaCross => ("지수이동평균 교차 (EMA)", "EMA crossover"),
        Kind::RsiReversion => {
            ("RSI 역추세 (과매도 매수, 과매수 매도)", "RSI mean reversion (buy oversold, sell overbought)")
        }
        Kind::BollingerBreakout => ("볼린저 밴드 돌파", "Bollinger band breakout"),
        Kind::BollingerReversion => ("볼린저 밴드 회귀", "Bollinger band mean reversion"),
        Kind::MacdCross => ("MACD 교차", "MACD crossover"),
        Kind::BuyAndHold => ("매수 후 보유", "Buy and hold"),
    }
}

/// Korean and English company names of well-known symbols.
pub fn symbol_names(symbol: &str) -> Option<(&'static str, &'static str)> {
    Some(match symbol.to_ascii_uppercase().as_str() {
        "005930" => ("삼성전자", "Samsung Electronics"),
        "000660" => ("SK하이닉스", "SK Hynix"),
        "035420" => ("네이버", "NAVER"),
        "035720" => ("카카오", "Kakao"),
        "005380" => ("현대차", "Hyundai Motor"),
        "051910" => ("LG화학", "LG Chem"),
        "006400" => ("삼성SDI", "Samsung SDI"),
        "068270" => ("셀트리온", "Celltrion"),
        "207940" => ("삼성바이오로직스", "Samsung Biologics"),
        "005490" => ("포스코홀딩스", "POSCO Holdings"),
        "000270" => ("기아", "Kia"),
        "105560" => ("KB금융", "KB Financial"),
        "AAPL" => ("애플", "Apple"),
        "MSFT" => ("마이크로소프트", "Microsoft"),
        "GOOG" | "GOOGL" => ("알파벳 구글", "Alphabet Google"),
        "AMZN" => ("아마존", "Amazon"),
        "TSLA" => ("테슬라", "Tesla"),
        "NVDA" => ("엔비디아", "NVIDIA"),
        "META" => ("메타", "Meta Platforms"),
        "SPY" => ("S&P500 ETF", "S&P 500 ETF"),
        "QQQ" => ("나스닥100 ETF", "Nasdaq-100 ETF"),
        _ => return None,
    })
}

fn pct(x: f64) -> String {
    if x.is_finite() {
        format!("{:.2}%", x * 100.0)
    } else {
        "N/A".into()
    }
}

fn num(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.2}")
    } else {
        "N/A".into()
    }
}

pub(crate) fn params(spec: &StrategySpec) -> String {
    spec.kind
        .params()
        .iter()
        .map(|(name, _)| {
            let v = spec.param(name);
            if v.fract() == 0.0 {
                format!("{name}={v:.0}")
            } else {
                format!("{name}={v}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn finite(x: f64) -> Value {
    if x.is_finite() {
        json!(x)
    } else {
        Value::Null
    }
}

/// One finished backtest.
pub struct BacktestSummary<'a> {
    pub id: &'a str,
    pub symbol: &'a str,
    pub market: Market,
    pub spec: &'a StrategySpec,
    pub from: &'a str,
    pub to: &'a str,
    pub kpis: &'a Kpis,
    pub created_ms: i64,
}

/// The document of a backtest: Korean block, then English block; KPIs as metadata.
pub fn document(b: &BacktestSummary<'_>) -> Document {
    let (ko_kind, en_kind) = kind_names(b.spec.kind);
    let kind = b.spec.kind.name();
    let p = params(b.spec);
    let p = if p.is_empty() { String::new() } else { format!(" {p}") };
    let (ko_sym, en_sym) = match symbol_names(b.symbol) {
        Some((ko, en)) => (format!("{ko} {}", b.symbol), format!("{en} {}", b.symbol)),
        None => (b.symbol.to_string(), b.symbol.to_string()),
    };
    let k = b.kpis;
    let text = format!(
        "전략명: {ko_kind} [{kind}]{p}\n종목: {ko_sym} ({market})\n기간: {from} ~ {to}\n총 수익률: {ret}\n\
         샤프 비율: {sharpe}\n최대 낙폭: {mdd}\n총 거래 횟수: {trades}\n승률: {win}\n\n\
         Strategy: {en_kind} [{kind}]{p}\nSymbol: {en_sym} ({market})\nPeriod: {from} to {to}\nTotal return: {ret}\n\
         Sharpe ratio: {sharpe}\nMax drawdown: {mdd}\nTrades: {trades}\nWin rate: {win}",
        market = b.market.as_str(),
        from = b.from,
        to = b.to,
        ret = pct(k.total_return),
        sharpe = num(k.sharpe),
        mdd = pct(k.max_drawdown),
        trades = k.n_trades,
        win = pct(k.win_rate),
    );
    let mut metadata = json!({
        "backtest_id": b.id,
        "kind": kind,
        "symbol": b.symbol,
        "market": b.market.as_str(),
        "from": b.from,
        "to": b.to,
        "total_return": finite(k.total_return),
        "cagr": finite(k.cagr),
        "sharpe": finite(k.sharpe),
        "max_drawdown": finite(k.max_drawdown),
        "n_trades": k.n_trades,
        "win_rate": finite(k.win_rate),
    });
    if let Some(m) = metadata.as_object_mut() {
        for (name, _) in b.spec.kind.params() {
            m.insert(format!("param_{name}"), json!(b.spec.param(name)));
        }
    }
    Document { id: b.id.to_string(), text, metadata, created_ms: Some(b.created_ms) }
}

/// The document of a stored backtest row (backfill).
pub fn from_row(r: &quantai_store::backtests::BacktestRow) -> Result<Document, crate::RagError> {
    let bad = |what: &str, e: String| crate::RagError::Invalid(format!("backtest {}: {what}: {e}", r.id));
    let spec: StrategySpec = serde_json::from_str(&r.spec).map_err(|e| bad("spec", e.to_string()))?;
    let kpis: Kpis = serde_json::from_str(&r.kpis).map_err(|e| bad("kpis", e.to_string()))?;
    let market: Market = r.market.parse().map_err(|e: String| bad("market", e))?;
    Ok(document(&BacktestSummary {
        id: &r.id,
        symbol: &r.symbol,
        market,
        spec: &spec,
        from: &r.from_date,
        to: &r.to_date,
        kpis: &kpis,
        created_ms: r.created_ms,
    }))
}
