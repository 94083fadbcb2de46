//! Narrative reports of stored backtests (service `narrative_report`).
//!
//! [`facts_of`] builds the facts table from a stored result; [`template`] writes the
//! deterministic Korean or English report from it; [`Narrator::narrate`] asks the LLM through
//! the gateway when one is configured, checks every number of its answer
//! ([`crate::factcheck::check`]), gives it one repair round listing the errors, and otherwise
//! answers with the template — never with an unchecked number. Each report is stored as the
//! backtest's next version and written to bucket `reports`.

use std::sync::Arc;

use object_store::path::Path;
use object_store::{ObjectStore, PutPayload};
use quantai_core::money::{Cost, TokenUsage};
use quantai_gateway::{CallContext, Gateway, Reply};
use quantai_quant::service::{Engine, StoredBacktest};
use quantai_quant::strategy::Kind;
use quantai_store::ai::NarrativeRow;
use quantai_store::Store;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::factcheck::{check, Finding};
use crate::facts::Facts;
use crate::{AiError, GeneratedBy};

/// The service name narratives are billed and governed under.
pub const SERVICE: &str = "narrative_report";
/// The fewest checked numbers an LLM report must state to be used.
pub const MIN_NUMBERS: usize = 4;
/// Bumped whenever [`template`] changes what it writes.
pub const TEMPLATE_VERSION: &str = "narrative-template-1";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    Ko,
    En,
}

impl Language {
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Ko => "ko",
            Language::En => "en",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    #[default]
    Retail,
    Pro,
}

impl Audience {
    pub fn as_str(self) -> &'static str {
        match self {
            Audience::Retail => "retail",
            Audience::Pro => "pro",
        }
    }
}

/// `POST /api/v1/ai/narratives`.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NarrativeRequest {
    pub backtest_id: String,
    #[serde(default)]
    pub language: Language,
    #[serde(default)]
    pub audience: Audience,
}

/// One LLM attempt and what the fact check found in it.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Attempt {
    pub model: String,
    #[schema(value_type = Vec<Object>)]
    pub findings: Vec<Finding>,
    pub passed: bool,
}

/// A narrative report with its grounding.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Narrative {
    pub id: String,
    pub backtest_id: String,
    pub version: i64,
    pub language: Language,
    pub audience: Audience,
    pub text: String,
    pub generated_by: GeneratedBy,
    /// The model whose text was returned (`None` for the template).
    pub model: Option<String>,
    /// What the LLM calls cost, in USD (decimal string).
    pub cost_usd: String,
    pub template_version: String,
    #[schema(value_type = Object)]
    pub facts: Facts,
    /// The check of the returned text: always empty (a text with findings is never returned).
    #[schema(value_type = Vec<Object>)]
    pub findings: Vec<Finding>,
    /// The LLM's attempts, in order, with their findings.
    pub attempts: Vec<Attempt>,
    /// Caveats the report states (few trades, data-check findings, no costs).
    pub caveats: Vec<String>,
    pub created_ms: i64,
}

fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

/// The facts table of a stored backtest.
pub fn facts_of(b: &StoredBacktest, name: Option<String>) -> Facts {
    let k = &b.kpis;
    let date = |s: &str| time::Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok();
    Facts {
        symbol: Some(b.symbol.clone()),
        name,
        strategy: Some(b.strategy.kind.name().to_string()),
        params: b.strategy.kind.params().iter().map(|(n, _)| (n.to_string(), b.strategy.param(n))).collect(),
        start: date(&b.from),
        end: date(&b.to),
        initial_cash: finite(b.strategy.initial_cash),
        final_equity: finite(k.final_equity),
        total_return: finite(k.total_return),
        cagr: finite(k.cagr),
        sharpe: finite(k.sharpe),
        sortino: finite(k.sortino),
        max_drawdown: finite(k.max_drawdown),
        volatility: finite(k.volatility_ann),
        win_rate: finite(k.win_rate),
        trades: Some(k.n_trades as f64),
        profit_factor: finite(k.profit_factor),
        exposure: finite(k.exposure),
        buy_hold_return: if b.strategy.kind == Kind::BuyAndHold { None } else { finite(k.buy_and_hold_return) },
    }
}

fn pct(v: f64) -> String {
    format!("{:.1}%", v * 100.0)
}

fn signed_pct(v: f64) -> String {
    format!("{:+.1}%", v * 100.0)
}

fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Money in the symbol's currency, written the way its readers write it.
pub fn money(v: f64, currency: &str, lang: Language) -> String {
    let v = v.abs();
    if currency == "KRW" {
        if lang == Language::En {
            return if v >= 1e9 {
                format!("KRW {:.2} billion", v / 1e9)
            } else {
                format!("KRW {:.1} million", v / 1e6)
            };
        }
        let man = (v / 1e4).round() as u64;
        let (eok, rest) = (man / 10_000, man % 10_000);
        return match (eok, rest) {
            (0, 0) => format!("{} 원", group(v.round() as u64)),
            (0, r) => format!("{}만 원", group(r)),
            (e, 0) => format!("{}억 원", group(e)),
            (e, r) => format!("{}억 {}만 원", group(e), group(r)),
        };
    }
    format!("${}", group(v.round() as u64))
}

fn strategy_words(kind: &str, lang: Language) -> &'static str {
    match (kind, lang) {
        ("sma_cross", Language::Ko) => "단순이동평균 교차",
        ("ema_cross", Language::Ko) => "지수이동평균 교차",
        ("rsi_reversion", Language::Ko) => "RSI 역추세",
        ("bollinger_breakout", Language::Ko) => "볼린저 밴드 돌파",
        ("bollinger_reversion", Language::Ko) => "볼린저 밴드 평균회귀",
        ("macd_cross", Language::Ko) => "MACD 교차",
        ("buy_and_hold", Language::Ko) => "매수 후 보유",
        ("sma_cross", Language::En) => "SMA crossover",
        ("ema_cross", Language::En) => "EMA crossover",
        ("rsi_reversion", Language::En) => "RSI mean reversion",
        ("bollinger_breakout", Language::En) => "Bollinger band breakout",
        ("bollinger_reversion", Language::En) => "Bollinger band mean reversion",
        ("macd_cross", Language::En) => "MACD crossover",
        ("buy_and_hold", Language::En) => "buy-and-hold",
        (_, Language::Ko) => "전략",
        (_, Language::En) => "strategy",
    }
}

fn params_text(f: &Facts, lang: Language) -> String {
    let p = |n: &str| f.params.get(n).map(|v| format!("{v}"));
    let s = match f.strategy.as_deref() {
        Some("sma_cross" | "ema_cross") => match (p("fast"), p("slow"), lang) {
            (Some(a), Some(b), Language::Ko) => format!("{a}일/{b}일"),
            (Some(a), Some(b), Language::En) => format!("{a}/{b}-day"),
            _ => String::new(),
        },
        Some("rsi_reversion") => match (p("period"), p("lower"), p("upper")) {
            (Some(n), Some(l), Some(u)) => format!("RSI({n}) {l}/{u}"),
            _ => String::new(),
        },
        Some("bollinger_breakout" | "bollinger_reversion") => match (p("period"), p("k"), lang) {
            (Some(n), Some(k), Language::Ko) => format!("{n}일, {k}σ"),
            (Some(n), Some(k), Language::En) => format!("{n}-day, {k}σ"),
            _ => String::new(),
        },
        Some("macd_cross") => match (p("fast"), p("slow"), p("signal")) {
            (Some(a), Some(b), Some(c)) => format!("MACD({a},{b},{c})"),
            _ => String::new(),
        },
        _ => String::new(),
    };
    s
}

/// What a reader should keep in mind, without numbers of their own (every number of a report
/// is a fact).
pub fn caveats(
    f: &Facts,
    data_findings: &[quantai_quant::check::Finding],
    commission: f64,
    lang: Language,
) -> Vec<String> {
    use quantai_quant::check::FindingKind;
    let mut out = Vec::new();
    let ko = lang == Language::Ko;
    if f.trades.is_some_and(|t| t < 30.0) && f.strategy.as_deref() != Some("buy_and_hold") {
        out.push(
            if ko {
                "거래 횟수가 적어 결과의 통계적 신뢰도가 낮습니다."
            } else {
                "Too few trades for the result to be statistically reliable."
            }
            .to_string(),
        );
    }
    if f.sharpe.is_some_and(|s| s > 2.0) {
        out.push(
            if ko {
                "위험 대비 성과가 이례적으로 높아 과최적화나 데이터 오류를 먼저 의심해야 합니다."
            } else {
                "Risk-adjusted returns this high suggest overfitting or a data error; check out of sample."
            }
            .to_string(),
        );
    }
    if data_findings.iter().any(|d| d.kind == FindingKind::SplitLike) {
        out.push(
            if ko {
                "데이터 점검에서 주식 분할로 보이는 가격 점프가 발견되어 수정주가가 아닐 수 있습니다."
            } else {
                "The data check found split-like jumps: the prices may not be adjusted."
            }
            .to_string(),
        );
    }
    if data_findings
        .iter()
        .any(|d| matches!(d.kind, FindingKind::Gap | FindingKind::StalePrice | FindingKind::ZeroPrice))
    {
        out.push(
            if ko {
                "데이터 점검에서 누락되거나 멈춘 시세가 발견되었습니다."
            } else {
                "The data check found missing or stale prices."
            }
            .to_string(),
        );
    }
    if commission == 0.0 {
        out.push(
            if ko {
                "수수료와 세금을 반영하지 않은 결과입니다."
            } else {
                "No commissions or taxes were charged."
            }
            .to_string(),
        );
    }
    out
}

fn date_text(d: Option<time::Date>) -> String {
    d.map(|d| format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())).unwrap_or_default()
}

/// The deterministic report: every number in it is a fact or derived from one.
pub fn template(f: &Facts, lang: Language, audience: Audience, caveats: &[String]) -> String {
    let ko = lang == Language::Ko;
    let pro = audience == Audience::Pro;
    let cur = f.currency();
    let symbol = f.symbol.clone().unwrap_or_default();
    // names with digits ("KODEX 200") would read as numbers: the ticker alone then
    let title = match &f.name {
        Some(n) if !n.chars().any(|c| c.is_ascii_digit()) && *n != symbol => format!("{n}({symbol})"),
        _ => symbol.clone(),
    };
    let kind = f.strategy.clone().unwrap_or_default();
    let params = params_text(f, lang);
    let strat = strategy_words(&kind, lang);
    let mut lines = Vec::new();
    let (start, end) = (date_text(f.start), date_text(f.end));
    if ko {
        let p = if params.is_empty() { String::new() } else { format!("({params})") };
        lines.push(format!("{title} {strat}{p} 전략 백테스트, {start} ~ {end}"));
    } else {
        let p = if params.is_empty() { String::new() } else { format!(" ({params})") };
        lines.push(format!("{title}, {strat}{p}, {start} to {end}."));
    }
    if let Some(tr) = f.total_return {
        let cagr = f.cagr.map(|c| {
            if ko {
                format!(", 연평균 {}", signed_pct(c))
            } else {
                format!(", {} a year", signed_pct(c))
            }
        });
        let money_part = match (f.initial_cash, f.value(crate::facts::Kpi::FinalEquity)) {
            (Some(i), Some(fe)) if ko => format!(" {}이 {}이 되었습니다.", money(i, cur, lang), money(fe, cur, lang)),
            (Some(i), Some(fe)) => {
                let verb = if fe >= i { "grew to" } else { "shrank to" };
                format!(" {} {verb} {}.", money(i, cur, lang), money(fe, cur, lang))
            }
            _ => String::new(),
        };
        lines.push(if ko {
            format!("누적 수익률 {}{}.{money_part}", signed_pct(tr), cagr.unwrap_or_default())
        } else {
            format!("Total return {}{}.{money_part}", signed_pct(tr), cagr.unwrap_or_default())
        });
    }
    if let (Some(bh), Some(ex)) = (f.buy_hold_return, f.value(crate::facts::Kpi::ExcessReturn)) {
        let points = format!("{:.1}", (ex * 100.0).abs());
        lines.push(if ko {
            let word = if ex >= 0.0 { "앞섰습니다" } else { "뒤처졌습니다" };
            format!("같은 기간 단순 보유 수익률 {} 대비 {points}%p {word}.", signed_pct(bh))
        } else {
            let word = if ex >= 0.0 { "ahead of" } else { "behind" };
            format!("That is {points} percentage points {word} buy-and-hold ({}).", signed_pct(bh))
        });
    }
    let mut risk = Vec::new();
    if let Some(dd) = f.max_drawdown {
        risk.push(if ko {
            format!("최대 낙폭 {}", pct(dd.abs()))
        } else {
            format!("max drawdown {}", pct(dd.abs()))
        });
    }
    if let Some(v) = f.volatility.filter(|_| pro) {
        risk.push(if ko { format!("변동성 {}", pct(v)) } else { format!("volatility {}", pct(v)) });
    }
    if let Some(s) = f.sharpe {
        risk.push(if ko { format!("샤프 {s:.2}") } else { format!("Sharpe {s:.2}") });
    }
    if let Some(s) = f.sortino.filter(|_| pro) {
        risk.push(if ko { format!("소르티노 {s:.2}") } else { format!("Sortino {s:.2}") });
    }
    if !risk.is_empty() {
        lines.push(if ko { format!("위험: {}.", risk.join(", ")) } else { format!("Risk: {}.", risk.join(", ")) });
    }
    let mut trades = Vec::new();
    if let Some(n) = f.trades {
        trades.push(if ko { format!("거래 {n}회") } else { format!("{n} trades") });
    }
    if let Some(w) = f.win_rate {
        trades.push(if ko { format!("승률 {}", pct(w)) } else { format!("win rate {}", pct(w)) });
    }
    if let Some(p) = f.profit_factor.filter(|_| pro) {
        trades.push(if ko { format!("손익비 {p:.2}") } else { format!("profit factor {p:.2}") });
    }
    if let Some(e) = f.exposure {
        trades.push(if ko { format!("시장 노출 {}", pct(e)) } else { format!("exposure {}", pct(e)) });
    }
    if !trades.is_empty() {
        lines.push(if ko {
            format!("거래: {}.", trades.join(", "))
        } else {
            format!("Trading: {}.", trades.join(", "))
        });
    }
    for c in caveats {
        lines.push(format!("{} {c}", if ko { "유의:" } else { "Note:" }));
    }
    lines.join("\n")
}

/// Where reports are written (bucket `reports`).
#[derive(Clone)]
pub struct Reports {
    store: Arc<dyn ObjectStore>,
}

impl Reports {
    /// `file:DIR` (the bucket is DIR/reports), `s3://BUCKET`, or `None` for an empty URL.
    pub fn open(url: &str) -> Result<Option<Self>, AiError> {
        let bad = |reason: String| AiError::Setup(format!("ai.reports_url: {reason}"));
        if url.is_empty() {
            return Ok(None);
        }
        let store: Arc<dyn ObjectStore> = if let Some(dir) = url.strip_prefix("file:") {
            let root = std::path::Path::new(dir).join("reports");
            std::fs::create_dir_all(&root).map_err(|e| bad(format!("cannot create {}: {e}", root.display())))?;
            Arc::new(object_store::local::LocalFileSystem::new_with_prefix(&root).map_err(|e| bad(e.to_string()))?)
        } else if let Some(bucket) = url.strip_prefix("s3://") {
            Arc::new(
                object_store::aws::AmazonS3Builder::from_env()
                    .with_bucket_name(bucket.trim_end_matches('/'))
                    .build()
                    .map_err(|e| bad(e.to_string()))?,
            )
        } else {
            return Err(bad(format!("{url:?} is not file:DIR, s3://BUCKET or empty")));
        };
        Ok(Some(Self { store }))
    }

    /// Writes `USER/BACKTEST/vN-LANG.json`; a failure is logged (the database row stands).
    pub async fn put(&self, n: &Narrative, user: &str) {
        let safe = |s: &str| {
            s.chars()
                .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' })
                .collect::<String>()
        };
        let path =
            Path::from(format!("{}/{}/v{}-{}.json", safe(user), safe(&n.backtest_id), n.version, n.language.as_str()));
        let body = match serde_json::to_vec_pretty(n) {
            Ok(b) => b,
            Err(e) => {
                tracing::warn!(error = %e, "narrative not serialised for the reports bucket");
                return;
            }
        };
        if let Err(e) = self.store.put(&path, PutPayload::from(body)).await {
            tracing::warn!(error = %e, "narrative not written to the reports bucket");
        }
    }

    /// Every object's path (tests, audits).
    pub async fn list(&self) -> Result<Vec<String>, AiError> {
        use futures::StreamExt;
        let mut out = Vec::new();
        let mut s = self.store.list(None);
        while let Some(m) = s.next().await {
            out.push(m.map_err(|e| AiError::Setup(e.to_string()))?.location.to_string());
        }
        out.sort();
        Ok(out)
    }
}

/// The narrative service.
#[derive(Clone)]
pub struct Narrator {
    pub experiments: crate::experiments::Experiments,
    pub gateway: Gateway,
    pub engine: Engine,
    pub store: Store,
    pub reports: Option<Reports>,
    pub max_tokens: u32,
    pub lexicon: Arc<quantai_lang::Lexicon>,
}

const SYSTEM_EN: &str = "You write short, plain reports of trading-strategy backtests for investors. \
Use only the numbers in FACTS, written as given (you may round to fewer digits or state the difference to \
buy-and-hold in percentage points). Never invent a number, a date or a parameter. Attach each number to the \
metric it belongs to. Write in LANGUAGE, 5 to 8 sentences, no headings, no markdown tables. Cover: what the \
strategy did, return against buy-and-hold, risk (drawdown, volatility, Sharpe), trading behaviour, and the \
caveats listed.";

/// What an LLM call returned: its text, model and cost; `cached` when the gateway's cache
/// answered.
struct Answer {
    text: String,
    model: String,
    cost: Cost,
    cached: bool,
}

fn display_facts(f: &Facts, lang: Language) -> Value {
    let mut m = Map::new();
    let cur = f.currency();
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            m.insert(k.to_string(), Value::String(v));
        }
    };
    put("symbol", f.symbol.clone());
    put("name", f.name.clone());
    put("strategy", f.strategy.clone());
    put("parameters", Some(params_text(f, lang)).filter(|s| !s.is_empty()));
    put("period", Some(format!("{} to {}", date_text(f.start), date_text(f.end))));
    put("initial_cash", f.initial_cash.map(|v| money(v, cur, lang)));
    put("final_equity", f.value(crate::facts::Kpi::FinalEquity).map(|v| money(v, cur, lang)));
    put("total_return", f.total_return.map(signed_pct));
    put("cagr", f.cagr.map(signed_pct));
    put("buy_and_hold_return", f.buy_hold_return.map(signed_pct));
    put("excess_over_buy_and_hold_pp", f.value(crate::facts::Kpi::ExcessReturn).map(|e| format!("{:+.1}", e * 100.0)));
    put("max_drawdown", f.max_drawdown.map(|d| pct(d.abs())));
    put("volatility", f.volatility.map(pct));
    put("sharpe", f.sharpe.map(|s| format!("{s:.2}")));
    put("sortino", f.sortino.map(|s| format!("{s:.2}")));
    put("trades", f.trades.map(|t| format!("{t}")));
    put("win_rate", f.win_rate.map(pct));
    put("profit_factor", f.profit_factor.map(|p| format!("{p:.2}")));
    put("exposure", f.exposure.map(pct));
    Value::Object(m)
}

/// The prompt template that, once approved, replaces the compiled-in system prompt; it may use
/// `{{language}}` and `{{audience}}`.
pub const SYSTEM_TEMPLATE: &str = "narrative_report.system";

impl Narrator {
    async fn system_prompt(&self, user: &str, language: &str, audience: &str) -> Option<(String, String, i64)> {
        let arm = self.gateway.arm_for(SERVICE, user).and_then(|(_, a)| a.template_version);
        let t = match self.store.serving_template(SYSTEM_TEMPLATE, arm).await {
            Ok(Some(t)) => t,
            Ok(None) => return None,
            Err(e) => {
                tracing::warn!(error = %e, "narrative system template not used");
                return None;
            }
        };
        let mut values = std::collections::BTreeMap::new();
        for v in &t.variables {
            match v.as_str() {
                "language" => values.insert(v.clone(), language.to_string()),
                "audience" => values.insert(v.clone(), audience.to_string()),
                other => {
                    tracing::warn!(variable = other, "narrative system template uses an unknown variable; not used");
                    return None;
                }
            };
        }
        let text = quantai_store::templates::render(&t, &values).ok()?;
        Some((text, t.name, t.version))
    }

    async fn ask(&self, user: &str, messages: Vec<Value>, template: Option<(String, i64)>) -> Result<Answer, AiError> {
        let mut ctx = CallContext::new(uuid::Uuid::new_v4().to_string(), user.to_string(), SERVICE.to_string());
        ctx.template = template;
        let mut body = Map::new();
        body.insert("messages".into(), Value::Array(messages));
        body.insert("max_tokens".into(), json!(self.max_tokens));
        body.insert("temperature".into(), json!(0.2));
        let (reply, _) = self.gateway.chat(ctx, body).await.map_err(|e| AiError::Llm(e.to_string()))?;
        let (bytes, cached) = match reply {
            Reply::Json { body, .. } => (body, false),
            Reply::Cached { body, .. } => (body, true),
            Reply::Stream { .. } => return Err(AiError::Llm("a stream where a JSON answer was asked".into())),
        };
        let v: Value =
            serde_json::from_slice(&bytes).map_err(|e| AiError::Llm(format!("the answer is not JSON: {e}")))?;
        let text = v["choices"][0]["message"]["content"].as_str().unwrap_or_default().trim().to_string();
        let model = v["model"].as_str().unwrap_or_default().to_string();
        let usage = TokenUsage {
            prompt_tokens: v["usage"]["prompt_tokens"].as_u64().unwrap_or(0),
            cached_tokens: v["usage"]["prompt_tokens_details"]["cached_tokens"].as_u64().unwrap_or(0),
            completion_tokens: v["usage"]["completion_tokens"].as_u64().unwrap_or(0),
        };
        let cost =
            if cached { Cost::ZERO } else { self.gateway.price(&model).map(|p| p.cost(&usage)).unwrap_or(Cost::ZERO) };
        if text.is_empty() {
            return Err(AiError::Llm("the answer has no text".into()));
        }
        Ok(Answer { text, model, cost, cached })
    }

    /// A report of backtest `req.backtest_id`, which `user` must own (admins read any).
    pub async fn narrate(&self, user: &str, admin: bool, req: &NarrativeRequest) -> Result<Narrative, AiError> {
        let b = self.engine.stored(&req.backtest_id, (!admin).then_some(user)).await.map_err(AiError::from_engine)?;
        let name = self
            .lexicon
            .instruments_of(&b.symbol)
            .first()
            .and_then(|id| self.lexicon.entry(quantai_lang::EntityKind::Instrument, id))
            .map(|e| if req.language == Language::Ko && !e.ko.is_empty() { e.ko.clone() } else { e.en.clone() });
        let facts = facts_of(&b, name);
        let market = quantai_quant::Market::for_symbol(&b.symbol);
        let data = self
            .engine
            .check(&b.symbol, Some(market), &quantai_quant::check::CheckOptions::default())
            .await
            .unwrap_or_default();
        let caveats = caveats(&facts, &data, b.strategy.costs.commission, req.language);
        let lang = req.language;

        let mut attempts = Vec::new();
        let mut cost = Cost::ZERO;
        let mut chosen: Option<(String, String, GeneratedBy)> = None;
        let mut llm_failed = false;
        if self.gateway.llm_ready(SERVICE) {
            let language = if lang == Language::Ko { "Korean" } else { "English" };
            let audience = if req.audience == Audience::Pro { "professional quants" } else { "retail investors" };
            // the governed system prompt when an admin approved one (the experiment's arm picks
            // the version); the compiled-in prompt otherwise
            let (system, template) = match self.system_prompt(user, language, audience).await {
                Some((text, name, version)) => (text, Some((name, version))),
                None => (SYSTEM_EN.replace("LANGUAGE", language), None),
            };
            let user_msg = format!(
                "FACTS:\n{}\n\nCAVEATS:\n{}\n\nAUDIENCE: {}",
                serde_json::to_string_pretty(&display_facts(&facts, lang)).unwrap_or_default(),
                caveats.join("\n"),
                audience
            );
            let mut messages =
                vec![json!({"role": "system", "content": system}), json!({"role": "user", "content": user_msg})];
            for round in 0..2 {
                match self.ask(user, messages.clone(), template.clone()).await {
                    Ok(a) => {
                        cost = cost + a.cost;
                        let report = check(&a.text, &facts);
                        // a report must also say something: the return, the risk, the trades
                        let thin = report.numbers < MIN_NUMBERS;
                        let passed = report.passed() && !thin;
                        // the service's quality signal, per experiment arm
                        self.experiments.record(SERVICE, user, passed).await;
                        attempts.push(Attempt { model: a.model.clone(), findings: report.findings.clone(), passed });
                        if passed {
                            let by = if a.cached { GeneratedBy::Cache } else { GeneratedBy::Llm };
                            chosen = Some((a.text, a.model, by));
                            break;
                        }
                        if round == 0 {
                            let mut errors: Vec<String> = report
                                .findings
                                .iter()
                                .map(|f| match (f.claimed, f.expected) {
                                    (Some(k), Some(e)) => {
                                        format!("- \"{}\" is stated as {k}, whose value is {e:.4}", f.text)
                                    }
                                    _ => format!("- \"{}\" matches no fact", f.text),
                                })
                                .collect();
                            if thin {
                                errors.push(format!("- the report states fewer than {MIN_NUMBERS} of the facts"));
                            }
                            messages.push(json!({"role": "assistant", "content": a.text}));
                            messages.push(json!({"role": "user", "content": format!(
                                "These numbers are wrong or not in FACTS:\n{}\nRewrite the report using only the numbers in FACTS.",
                                errors.join("\n")
                            )}));
                        }
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, backtest = %req.backtest_id, "narrative LLM call failed");
                        llm_failed = true;
                        break;
                    }
                }
            }
        }
        let (text, model, generated_by) = match chosen {
            Some((t, m, by)) => (t, Some(m), by),
            None => {
                // a failed call answers with the latest stored report when there is one
                let cached = if llm_failed {
                    self.store.narratives(&req.backtest_id, Some(lang.as_str())).await?.into_iter().next()
                } else {
                    None
                };
                match cached {
                    Some(row) => (row.text, Some(row.model).filter(|m| !m.is_empty()), GeneratedBy::Cache),
                    None => (template(&facts, lang, req.audience, &caveats), None, GeneratedBy::Template),
                }
            }
        };
        let findings = check(&text, &facts).findings;
        let row = NarrativeRow {
            id: uuid::Uuid::new_v4().to_string(),
            backtest_id: b.id.clone(),
            user_id: b.user_id.clone(),
            version: 0,
            language: lang.as_str().to_string(),
            audience: req.audience.as_str().to_string(),
            generated_by: generated_by.as_str().to_string(),
            model: model.clone().unwrap_or_default(),
            cost_picos: cost.picos_i64().unwrap_or(i64::MAX),
            template_version: TEMPLATE_VERSION.to_string(),
            text: text.clone(),
            facts: serde_json::to_string(&facts).unwrap_or_default(),
            findings: serde_json::to_string(&attempts).unwrap_or_default(),
            created_ms: quantai_gateway::now_ms(),
        };
        let stored = self.store.insert_narrative(&row).await?;
        let n = Narrative {
            id: stored.id,
            backtest_id: stored.backtest_id,
            version: stored.version,
            language: lang,
            audience: req.audience,
            text,
            generated_by,
            model,
            cost_usd: cost.as_decimal().normalize().to_string(),
            template_version: TEMPLATE_VERSION.to_string(),
            facts,
            findings,
            attempts,
            caveats,
            created_ms: stored.created_ms,
        };
        if let Some(r) = &self.reports {
            r.put(&n, &b.user_id).await;
        }
        Ok(n)
    }
}
