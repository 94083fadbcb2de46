//! ChatOps (service `chatops_advanced`): questions about the running system answered from live
//! state through tools — usage and cost, budgets, rate limits, the catalog and policies, the
//! caller's backtests and strategies, market data and data checks, RAG search, running a
//! backtest — and admin tools (change a budget, reload the catalog, revoke a key) that are
//! refused for non-admins **when executed**, whoever asked for them. Every tool call is audited.
//!
//! With an LLM configured, the model chooses tools through OpenAI tool calling (bounded steps);
//! without one, [`route`] maps the common Korean and English questions to a tool and
//! [`ChatOps::ask`] writes the answer itself.

use std::sync::Arc;

use quantai_core::money::{Cost, TokenUsage};
use quantai_gateway::budgets::{Period, Scope};
use quantai_gateway::{CallContext, Gateway, Reply};
use quantai_quant::service::Engine;
use quantai_store::ai::AuditRow;
use quantai_store::ledger::{GroupBy, UsageFilter, UsageGroup};
use quantai_store::Store;
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use crate::{AiError, GeneratedBy};

pub const SERVICE: &str = "chatops_advanced";
/// Messages of a conversation kept for the next question (user and assistant turns).
const HISTORY_MESSAGES: usize = 12;

/// Who is asking.
#[derive(Clone, Debug)]
pub struct Caller {
    pub user: String,
    pub admin: bool,
}

/// `POST /api/v1/ai/chatops`.
#[derive(Clone, Debug, Deserialize, Serialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChatOpsRequest {
    #[schema(min_length = 1, max_length = 2000)]
    pub message: String,
    #[serde(default)]
    pub conversation_id: Option<String>,
}

/// One tool call and its outcome.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ToolCall {
    pub tool: String,
    #[schema(value_type = Object)]
    pub arguments: Value,
    /// `ok`, `refused` (admin-only) or `error`.
    pub status: String,
    #[schema(value_type = Object)]
    pub result: Value,
}

/// The answer.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ChatOpsReply {
    pub conversation_id: String,
    pub answer: String,
    pub generated_by: GeneratedBy,
    pub tool_calls: Vec<ToolCall>,
    pub model: Option<String>,
    pub cost_usd: String,
}

/// A tool: name, description, JSON-schema parameters, and whether only admins may run it.
pub struct Tool {
    pub name: &'static str,
    pub description: &'static str,
    pub admin_only: bool,
    pub parameters: fn() -> Value,
}

fn no_params() -> Value {
    json!({"type": "object", "properties": {}, "additionalProperties": false})
}

fn usage_params() -> Value {
    json!({"type": "object", "properties": {
        "group_by": {"type": "string", "enum": ["day", "model", "service", "user"]},
        "period": {"type": "string", "enum": ["today", "month", "all"]}
    }, "additionalProperties": false})
}

fn service_params() -> Value {
    json!({"type": "object", "properties": {"service": {"type": "string"}}, "additionalProperties": false})
}

fn backtest_list_params() -> Value {
    json!({"type": "object", "properties": {
        "symbol": {"type": "string"},
        "sort_by": {"type": "string", "enum": ["sharpe", "total_return", "cagr", "max_drawdown", "win_rate", "created"]},
        "limit": {"type": "integer", "minimum": 1, "maximum": 50}
    }, "additionalProperties": false})
}

fn symbol_params() -> Value {
    json!({"type": "object", "properties": {"symbol": {"type": "string"}}, "required": ["symbol"], "additionalProperties": false})
}

fn query_params() -> Value {
    json!({"type": "object", "properties": {"query": {"type": "string"}}, "required": ["query"], "additionalProperties": false})
}

fn backtest_params() -> Value {
    json!({"type": "object", "properties": {"request": {"type": "string", "description": "the strategy in words, e.g. 'AAPL 20/60 SMA cross from 2010'"}}, "required": ["request"], "additionalProperties": false})
}

fn budget_params() -> Value {
    json!({"type": "object", "properties": {
        "scope": {"type": "string", "enum": ["user", "service"]},
        "period": {"type": "string", "enum": ["daily", "monthly"]},
        "usd": {"type": "number", "minimum": 0}
    }, "required": ["scope", "period", "usd"], "additionalProperties": false})
}

fn key_params() -> Value {
    json!({"type": "object", "properties": {"key_id": {"type": "string"}}, "required": ["key_id"], "additionalProperties": false})
}

/// Every tool.
pub const TOOLS: &[Tool] = &[
    Tool { name: "usage_summary", description: "LLM usage and cost from the ledger (the caller's own unless admin), grouped by day, model, service or user, for today, this month or all time.", admin_only: false, parameters: usage_params },
    Tool { name: "budget_status", description: "Budgets in force and what was spent against them today and this month.", admin_only: false, parameters: no_params },
    Tool { name: "rate_limits", description: "Rate limits (requests and tokens per minute) of users and services.", admin_only: false, parameters: no_params },
    Tool { name: "catalog", description: "Models with prices and tiers; with a service, its allowed models and default.", admin_only: false, parameters: service_params },
    Tool { name: "list_backtests", description: "The caller's backtests, best first by a KPI.", admin_only: false, parameters: backtest_list_params },
    Tool { name: "list_strategies", description: "The caller's saved strategies.", admin_only: false, parameters: no_params },
    Tool { name: "market_data", description: "The last bars of a symbol and its data-check findings.", admin_only: false, parameters: symbol_params },
    Tool { name: "rag_search", description: "Search the caller's backtests and strategies in words.", admin_only: false, parameters: query_params },
    Tool { name: "run_backtest", description: "Run a backtest described in words (the strategy builder parses it).", admin_only: false, parameters: backtest_params },
    Tool { name: "set_budget", description: "Admin: set a daily or monthly USD budget for every user or every service (0 removes it).", admin_only: true, parameters: budget_params },
    Tool { name: "reload_catalog", description: "Admin: reload the model catalog and service policies from their files.", admin_only: true, parameters: no_params },
    Tool { name: "revoke_key", description: "Admin: revoke an API key by its id.", admin_only: true, parameters: key_params },
];

pub fn tool(name: &str) -> Option<&'static Tool> {
    TOOLS.iter().find(|t| t.name == name)
}

/// The OpenAI `tools` array.
pub fn openai_tools() -> Value {
    Value::Array(
        TOOLS
            .iter()
            .map(|t| json!({"type": "function", "function": {"name": t.name, "description": t.description, "parameters": (t.parameters)()}}))
            .collect(),
    )
}

/// The service.
#[derive(Clone)]
pub struct ChatOps {
    pub gateway: Gateway,
    pub engine: Engine,
    pub store: Store,
    pub rag: Option<Arc<quantai_rag::service::Rag>>,
    pub builder: crate::build_service::Builder,
    pub settings: Arc<quantai_core::config::Settings>,
    pub max_steps: u32,
    /// Most one question may spend on LLM calls.
    pub max_cost: Cost,
}

fn day_start_ms(now_ms: i64) -> i64 {
    now_ms - now_ms.rem_euclid(86_400_000)
}

fn month_start_ms(now_ms: i64) -> i64 {
    let Ok(t) = time::OffsetDateTime::from_unix_timestamp(now_ms / 1000) else { return 0 };
    let Ok(d) = time::Date::from_calendar_date(t.year(), t.month(), 1) else { return 0 };
    d.midnight().assume_utc().unix_timestamp() * 1000
}

fn usd(picos: i64) -> String {
    Cost::from_picos(i128::from(picos)).as_decimal().round_dp(6).normalize().to_string()
}

fn group_json(g: &UsageGroup) -> Value {
    json!({"key": g.key, "requests": g.requests, "errors": g.errors, "prompt_tokens": g.prompt_tokens,
           "completion_tokens": g.completion_tokens, "cost_usd": usd(g.cost_picos)})
}

/// Questions people ask an ops chat, for the routing benchmark (not an evaluation set).
pub const SAMPLE_QUESTIONS: &[&str] = &[
    "오늘 비용 얼마야?",
    "이번 달 모델별 사용량 보여줘",
    "how much did we spend today?",
    "usage by service this month",
    "which model does strategy_builder use?",
    "narrative_report는 어떤 모델 써?",
    "예산 얼마나 남았어?",
    "budget status",
    "what are the rate limits?",
    "레이트 리밋 알려줘",
    "my best backtest by Sharpe",
    "수익률 제일 좋은 백테스트",
    "내 전략 목록",
    "show my saved strategies",
    "AAPL 데이터 점검 결과",
    "price of GOOG",
    "삼성전자 RSI 전략 찾아줘",
    "find my bollinger tests",
    "backtest AAPL 20/60 SMA cross from 2005",
    "reload the catalog",
    "set budget to 5 dollars daily",
    "revoke key 123e4567",
    "안녕",
    "what can you do?",
];

/// The intent the deterministic router found: a tool and its arguments.
pub fn route(message: &str) -> Option<(&'static str, Value)> {
    let lower = message.to_lowercase();
    let has = |ws: &[&str]| ws.iter().any(|w| lower.contains(w));
    let services = ["narrative_report", "strategy_builder", "chatops_advanced", "prompt_governance"];
    let service = services.iter().find(|s| lower.contains(*s)).map(|s| s.to_string());
    // admin actions first: they must reach the tool to be refused there
    if has(&["revoke", "폐기", "키 취소", "키 삭제"]) {
        let id = message
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '-');
        return Some(("revoke_key", json!({"key_id": id})));
    }
    if has(&["reload", "리로드", "다시 읽", "카탈로그 갱신"]) {
        return Some(("reload_catalog", json!({})));
    }
    if has(&["set budget", "budget to", "예산을", "예산 변경", "한도를"]) && lower.chars().any(|c| c.is_ascii_digit())
    {
        let scope = if has(&["service", "서비스"]) { "service" } else { "user" };
        let period = if has(&["month", "월", "monthly"]) { "monthly" } else { "daily" };
        let amount: f64 = lower
            .split(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter_map(|t| t.parse().ok())
            .next()
            .unwrap_or(0.0);
        return Some(("set_budget", json!({"scope": scope, "period": period, "usd": amount})));
    }
    if has(&["which model", "what model", "어떤 모델", "무슨 모델", "모델 뭐", "모델은", "model does", "model is"])
    {
        return Some(("catalog", json!({"service": service})));
    }
    if has(&["budget", "예산", "한도"]) {
        return Some(("budget_status", json!({})));
    }
    if has(&["rate limit", "rate-limit", "rpm", "tpm", "레이트", "요청 제한", "headroom"]) {
        return Some(("rate_limits", json!({})));
    }
    if has(&["cost", "spend", "spent", "usage", "비용", "얼마 썼", "사용량", "토큰", "요금", "지출"]) {
        // today unless the month is asked for
        let period = if has(&["month", "이번 달", "이달", "월간"]) { "month" } else { "today" };
        let group_by = if has(&["by model", "모델별"]) {
            "model"
        } else if has(&["by service", "서비스별"]) {
            "service"
        } else if has(&["by user", "사용자별", "유저별"]) {
            "user"
        } else {
            "day"
        };
        return Some(("usage_summary", json!({"period": period, "group_by": group_by})));
    }
    if has(&[
        "best backtest",
        "top backtest",
        "best by",
        "최고",
        "제일 좋은",
        "가장 좋은",
        "가장 높은",
        "베스트",
        "my backtests",
        "내 백테스트",
        "백테스트 목록",
    ]) {
        let sort = if has(&["return", "수익"]) {
            "total_return"
        } else if has(&["cagr", "연평균"]) {
            "cagr"
        } else if has(&["drawdown", "낙폭", "mdd"]) {
            "max_drawdown"
        } else if has(&["win rate", "승률"]) {
            "win_rate"
        } else {
            "sharpe"
        };
        return Some(("list_backtests", json!({"sort_by": sort, "limit": 5})));
    }
    if has(&["my strategies", "saved strategies", "내 전략", "전략 목록", "저장한 전략"]) {
        return Some(("list_strategies", json!({})));
    }
    if has(&["data check", "데이터 점검", "데이터 체크", "시세", "price of", "market data", "주가"]) {
        let symbol = message
            .split(|c: char| !c.is_ascii_alphanumeric())
            .find(|t| {
                (t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()))
                    || (t.len() >= 2 && t.len() <= 5 && t.bytes().all(|b| b.is_ascii_uppercase()))
            })
            .unwrap_or_default();
        return Some(("market_data", json!({"symbol": symbol})));
    }
    if has(&["backtest ", "백테스트 돌려", "돌려줘", "돌려 줘", "run a backtest"]) {
        return Some(("run_backtest", json!({"request": message})));
    }
    if has(&["search", "find", "찾아", "검색"]) {
        return Some(("rag_search", json!({"query": message})));
    }
    None
}

impl ChatOps {
    /// Runs one tool for `caller`, refusing admin tools to non-admins here, and audits it.
    pub async fn call_tool(&self, caller: &Caller, name: &str, args: &Value) -> ToolCall {
        let (status, result) = match tool(name) {
            None => ("error", json!({"error": format!("no tool {name:?}")})),
            Some(t) if t.admin_only && !caller.admin => {
                ("refused", json!({"error": format!("{name} is for admins; {} is not one", caller.user)}))
            }
            Some(_) => match self.run_tool(caller, name, args).await {
                Ok(v) => ("ok", v),
                Err(e) => ("error", json!({"error": e.to_string()})),
            },
        };
        let row = AuditRow {
            id: uuid::Uuid::new_v4().to_string(),
            ts_ms: quantai_gateway::now_ms(),
            user_id: caller.user.clone(),
            role: if caller.admin { "admin" } else { "user" }.to_string(),
            tool: name.chars().take(64).collect(),
            arguments: args.to_string(),
            status: status.to_string(),
            detail: if status == "ok" {
                String::new()
            } else {
                result["error"].as_str().unwrap_or_default().to_string()
            },
        };
        if let Err(e) = self.store.audit(&row).await {
            tracing::error!(error = %e, tool = name, "tool call not audited");
        }
        ToolCall { tool: name.to_string(), arguments: args.clone(), status: status.to_string(), result }
    }

    async fn run_tool(&self, caller: &Caller, name: &str, args: &Value) -> Result<Value, AiError> {
        let now = quantai_gateway::now_ms();
        let str_arg = |k: &str| args.get(k).and_then(Value::as_str).filter(|s| !s.is_empty()).map(str::to_string);
        match name {
            "usage_summary" => {
                let from_ms = match str_arg("period").as_deref() {
                    Some("month") => Some(month_start_ms(now)),
                    Some("all") => None,
                    _ => Some(day_start_ms(now)),
                };
                let group_by = match str_arg("group_by").as_deref() {
                    Some("model") => GroupBy::Model,
                    Some("service") => GroupBy::Service,
                    Some("user") if caller.admin => GroupBy::User,
                    _ => GroupBy::Day,
                };
                let filter = UsageFilter {
                    from_ms,
                    to_ms: None,
                    user_id: (!caller.admin).then(|| caller.user.clone()),
                    service: None,
                    model: None,
                };
                let groups = self.store.usage_report(&filter, group_by).await?;
                let total = UsageGroup::total(&groups);
                Ok(json!({"scope": if caller.admin { "everyone" } else { caller.user.as_str() },
                          "groups": groups.iter().map(group_json).collect::<Vec<_>>(), "total": group_json(&total)}))
            }
            "budget_status" => {
                let mut out = Vec::new();
                for (scope, period, limit) in self.gateway.budgets().limits() {
                    let from_ms = if period == Period::Day { day_start_ms(now) } else { month_start_ms(now) };
                    let filter = UsageFilter {
                        from_ms: Some(from_ms),
                        user_id: (scope == Scope::User).then(|| caller.user.clone()),
                        ..UsageFilter::default()
                    };
                    let spent = UsageGroup::total(&self.store.usage_report(&filter, GroupBy::Day).await?).cost_picos;
                    out.push(json!({"scope": if scope == Scope::User { "user" } else { "service" },
                        "period": if period == Period::Day { "daily" } else { "monthly" },
                        "limit_usd": limit.as_decimal().normalize().to_string(), "spent_usd": usd(spent)}));
                }
                Ok(json!({"budgets": out}))
            }
            "rate_limits" => {
                let l = &self.settings.limits;
                Ok(json!({"user_rpm": l.user_rpm, "user_tpm": l.user_tpm, "service_rpm": l.service_rpm,
                          "service_tpm": l.service_tpm, "note": "0 means unlimited"}))
            }
            "catalog" => {
                let reg = self.gateway.registry();
                if let Some(svc) = str_arg("service") {
                    let p = reg
                        .policies
                        .get(&svc)
                        .ok_or_else(|| AiError::NotFound(format!("no service policy {svc:?}")))?;
                    return Ok(json!({"service": svc, "default_model": p.default_model,
                        "allowed_tiers": format!("{:?}", p.allowed_tiers), "description": p.description}));
                }
                let models: Vec<Value> = reg
                    .catalog
                    .models()
                    .map(|m| json!({"id": m.id, "tier": format!("{:?}", m.tier), "input_per_1m": m.price.input.as_decimal().to_string(),
                        "output_per_1m": m.price.output.as_decimal().to_string()}))
                    .collect();
                Ok(json!({"models": models}))
            }
            "list_backtests" => {
                let mut list = self.engine.list(Some(&caller.user), 500).await.map_err(AiError::from_engine)?;
                if let Some(sym) = str_arg("symbol") {
                    list.retain(|b| b.symbol.eq_ignore_ascii_case(&sym));
                }
                let key = str_arg("sort_by").unwrap_or_else(|| "sharpe".into());
                let kpi = |b: &quantai_quant::service::StoredBacktest| -> f64 {
                    let k = &b.kpis;
                    let v = match key.as_str() {
                        "total_return" => k.total_return,
                        "cagr" => k.cagr,
                        "max_drawdown" => -k.max_drawdown.abs(),
                        "win_rate" => k.win_rate,
                        "created" => b.created_ms as f64,
                        _ => k.sharpe,
                    };
                    if v.is_finite() {
                        v
                    } else {
                        f64::NEG_INFINITY
                    }
                };
                list.sort_by(|a, b| kpi(b).total_cmp(&kpi(a)));
                let limit = args.get("limit").and_then(Value::as_u64).unwrap_or(5).clamp(1, 50) as usize;
                let rows: Vec<Value> = list
                    .iter()
                    .take(limit)
                    .map(|b| json!({"id": b.id, "symbol": b.symbol, "kind": b.strategy.kind.name(), "from": b.from, "to": b.to,
                        "sharpe": b.kpis.sharpe, "total_return": b.kpis.total_return, "max_drawdown": b.kpis.max_drawdown,
                        "trades": b.kpis.n_trades}))
                    .collect();
                Ok(json!({"sorted_by": key, "backtests": rows}))
            }
            "list_strategies" => {
                let rows = self.store.strategies(Some(&caller.user)).await?;
                Ok(json!({"strategies": rows.iter().map(|r| json!({"id": r.id, "name": r.name})).collect::<Vec<_>>()}))
            }
            "market_data" => {
                let symbol =
                    str_arg("symbol").ok_or(AiError::Invalid { field: "symbol", message: "name a symbol".into() })?;
                let s = self.engine.series(&symbol, None, None, None).await.map_err(AiError::from_engine)?;
                let findings = self
                    .engine
                    .check(&symbol, s.market, &quantai_quant::check::CheckOptions::default())
                    .await
                    .map_err(AiError::from_engine)?;
                let n = s.dates.len();
                let last: Vec<Value> = (n.saturating_sub(3)..n)
                    .map(|i| json!({"date": quantai_quant::date::iso(s.dates[i]), "close": s.close[i]}))
                    .collect();
                Ok(json!({"symbol": symbol, "bars": n, "last": last, "findings": findings.len(),
                    "finding_kinds": findings.iter().map(|f| f.kind.as_str()).collect::<std::collections::BTreeSet<_>>()}))
            }
            "rag_search" => {
                let rag =
                    self.rag.as_ref().ok_or_else(|| AiError::Setup("RAG is disabled (rag.enabled = false)".into()))?;
                let query = str_arg("query").ok_or(AiError::Invalid { field: "query", message: "empty".into() })?;
                let req = quantai_rag::service::SearchRequest {
                    query,
                    k: 5,
                    filter: Value::Null,
                    threshold: None,
                    mode: Default::default(),
                };
                let cols = vec![
                    quantai_rag::backtest_doc::COLLECTION.to_string(),
                    quantai_rag::strategy_doc::COLLECTION.to_string(),
                ];
                let hits = rag.search(&caller.user, &cols, &req).await.map_err(|e| AiError::Setup(e.to_string()))?;
                Ok(
                    json!({"hits": hits.iter().map(|h| json!({"id": h.id, "collection": h.collection, "text": h.text})).collect::<Vec<_>>()}),
                )
            }
            "run_backtest" => {
                let request =
                    str_arg("request").ok_or(AiError::Invalid { field: "request", message: "empty".into() })?;
                let r = self
                    .builder
                    .converse(
                        &caller.user,
                        caller.admin,
                        &crate::build_service::BuildRequest { message: request, conversation_id: None, run: true },
                    )
                    .await?;
                Ok(json!({"outcome": r.outcome, "question": r.question, "declined": r.declined.map(|d| d.message),
                    "backtest_id": r.run.as_ref().map(|x| x.backtest_id.clone()),
                    "total_return": r.run.as_ref().map(|x| x.kpis.total_return), "sharpe": r.run.as_ref().map(|x| x.kpis.sharpe)}))
            }
            "set_budget" => {
                let scope = if str_arg("scope").as_deref() == Some("service") { Scope::Service } else { Scope::User };
                let period = if str_arg("period").as_deref() == Some("monthly") { Period::Month } else { Period::Day };
                let amount = args
                    .get("usd")
                    .and_then(Value::as_f64)
                    .filter(|v| v.is_finite() && *v >= 0.0)
                    .ok_or(AiError::Invalid { field: "usd", message: "a non-negative number".into() })?;
                let dec = rust_decimal::Decimal::try_from(amount)
                    .map_err(|e| AiError::Invalid { field: "usd", message: e.to_string() })?;
                self.gateway.budgets().set_limit(scope, period, dec);
                Ok(json!({"scope": str_arg("scope"), "period": str_arg("period"), "usd": amount}))
            }
            "reload_catalog" => {
                let reg = self.gateway.reload().map_err(|e| AiError::Setup(e.to_string()))?;
                Ok(json!({"models": reg.catalog.models().count()}))
            }
            "revoke_key" => {
                let id = str_arg("key_id").ok_or(AiError::Invalid { field: "key_id", message: "empty".into() })?;
                let done = self.store.revoke_key(&id, now).await?;
                if !done {
                    return Err(AiError::NotFound(format!("no key {id:?}")));
                }
                Ok(json!({"revoked": id}))
            }
            other => Err(AiError::NotFound(format!("no tool {other:?}"))),
        }
    }

    /// Answers one question.
    pub async fn ask(&self, caller: &Caller, req: &ChatOpsRequest) -> Result<ChatOpsReply, AiError> {
        let message = req.message.trim();
        if message.is_empty() || message.chars().count() > 2000 {
            return Err(AiError::Invalid { field: "message", message: "must be 1 to 2000 characters".into() });
        }
        let conversation_id = match &req.conversation_id {
            Some(c) if c.is_empty() || c.len() > 64 => {
                return Err(AiError::Invalid { field: "conversation_id", message: "must be 1 to 64 characters".into() })
            }
            Some(c) => c.clone(),
            None => uuid::Uuid::new_v4().to_string(),
        };
        // earlier turns of this conversation (the caller's own only)
        let mut history: Vec<Value> = match self.store.conversation(&conversation_id, &caller.user, SERVICE).await? {
            Some(state) => serde_json::from_str(&state).unwrap_or_default(),
            None if req.conversation_id.is_some() => {
                return Err(AiError::NotFound(format!("no conversation {conversation_id:?} of yours")));
            }
            None => Vec::new(),
        };
        let korean = message.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c));
        let mut reply = None;
        if self.gateway.llm_ready(SERVICE) {
            match self.llm_loop(caller, message, korean, &history).await {
                Ok((answer, calls, model, cost)) => {
                    reply = Some(ChatOpsReply {
                        conversation_id: conversation_id.clone(),
                        answer,
                        generated_by: GeneratedBy::Llm,
                        tool_calls: calls,
                        model: Some(model),
                        cost_usd: cost.as_decimal().normalize().to_string(),
                    })
                }
                Err(e) => tracing::warn!(error = %e, "ChatOps LLM failed; the router answers"),
            }
        }
        let reply = match reply {
            Some(r) => r,
            None => {
                let (answer, calls) = match route(message) {
                    Some((name, args)) => {
                        let call = self.call_tool(caller, name, &args).await;
                        (describe(&call, korean), vec![call])
                    }
                    None => (help(korean), Vec::new()),
                };
                ChatOpsReply {
                    conversation_id: conversation_id.clone(),
                    answer,
                    generated_by: GeneratedBy::Template,
                    tool_calls: calls,
                    model: None,
                    cost_usd: "0".into(),
                }
            }
        };
        // the last turns are kept for the next question
        history.push(json!({"role": "user", "content": message}));
        history.push(json!({"role": "assistant", "content": reply.answer}));
        let keep = history.len().saturating_sub(HISTORY_MESSAGES);
        let state = serde_json::to_string(&history[keep..]).unwrap_or_else(|_| "[]".into());
        self.store
            .save_conversation(&conversation_id, &caller.user, SERVICE, &state, quantai_gateway::now_ms())
            .await?;
        Ok(reply)
    }

    async fn llm_loop(
        &self,
        caller: &Caller,
        message: &str,
        korean: bool,
        history: &[Value],
    ) -> Result<(String, Vec<ToolCall>, String, Cost), AiError> {
        let system = format!(
            "You are quantai's operations assistant. Answer from tool results only; never guess figures. Answer in {}. \
             The caller is {} ({}).",
            if korean { "Korean" } else { "English" },
            caller.user,
            if caller.admin { "admin" } else { "user" }
        );
        let mut messages = vec![json!({"role": "system", "content": system})];
        messages.extend(history.iter().cloned());
        messages.push(json!({"role": "user", "content": message}));
        let mut calls = Vec::new();
        let mut cost = Cost::ZERO;
        let mut model = String::new();
        for _step in 0..self.max_steps {
            let ctx = CallContext::new(uuid::Uuid::new_v4().to_string(), caller.user.clone(), SERVICE.to_string());
            let mut body = Map::new();
            body.insert("messages".into(), Value::Array(messages.clone()));
            body.insert("tools".into(), openai_tools());
            let (reply, _) = self.gateway.chat(ctx, body).await.map_err(|e| AiError::Llm(e.to_string()))?;
            let bytes = match reply {
                Reply::Json { body, .. } | Reply::Cached { body, .. } => body,
                Reply::Stream { .. } => return Err(AiError::Llm("a stream".into())),
            };
            let v: Value = serde_json::from_slice(&bytes).map_err(|e| AiError::Llm(format!("not JSON: {e}")))?;
            model = v["model"].as_str().unwrap_or_default().to_string();
            let usage = TokenUsage {
                prompt_tokens: v["usage"]["prompt_tokens"].as_u64().unwrap_or(0),
                cached_tokens: 0,
                completion_tokens: v["usage"]["completion_tokens"].as_u64().unwrap_or(0),
            };
            cost = cost + self.gateway.price(&model).map(|p| p.cost(&usage)).unwrap_or(Cost::ZERO);
            let msg = &v["choices"][0]["message"];
            let tool_calls = msg["tool_calls"].as_array().cloned().unwrap_or_default();
            if tool_calls.is_empty() {
                let text = msg["content"].as_str().unwrap_or_default().trim().to_string();
                if text.is_empty() {
                    return Err(AiError::Llm("an empty answer".into()));
                }
                return Ok((text, calls, model, cost));
            }
            messages.push(msg.clone());
            for tc in tool_calls {
                let name = tc["function"]["name"].as_str().unwrap_or_default().to_string();
                let args: Value =
                    serde_json::from_str(tc["function"]["arguments"].as_str().unwrap_or("{}")).unwrap_or(json!({}));
                let call = self.call_tool(caller, &name, &args).await;
                messages.push(json!({"role": "tool", "tool_call_id": tc["id"], "content": json!({"status": call.status, "result": call.result}).to_string()}));
                calls.push(call);
            }
            if cost >= self.max_cost {
                // another LLM round would pass the question's cost bound
                tracing::info!(cost = %cost, bound = %self.max_cost, "ChatOps question reached its cost bound");
                break;
            }
        }
        // out of steps or money: say what the tools found
        let last = calls.last().map(|c| describe(c, korean)).unwrap_or_else(|| help(korean));
        Ok((last, calls, model, cost))
    }
}

fn help(korean: bool) -> String {
    if korean {
        "답할 수 있는 질문: 오늘/이번 달 비용, 예산 현황, 요청 한도, 서비스별 모델, 내 백테스트(샤프·수익률 순), 내 전략, 종목 시세와 데이터 점검, 검색, 백테스트 실행. 관리자: 예산 변경, 카탈로그 리로드, 키 폐기.".into()
    } else {
        "I can answer: cost today or this month, budget status, rate limits, which model a service uses, your best backtests by Sharpe or return, your strategies, a symbol's prices and data check, search, and run a backtest. Admins: set a budget, reload the catalog, revoke a key.".into()
    }
}

/// The router's answer from one tool call, in the caller's language.
pub fn describe(call: &ToolCall, korean: bool) -> String {
    let r = &call.result;
    if call.status == "refused" {
        return if korean {
            format!("{}은(는) 관리자만 실행할 수 있습니다. 요청은 기록되었습니다.", call.tool)
        } else {
            format!("{} is for admins only; the request was refused and audited.", call.tool)
        };
    }
    if call.status == "error" {
        let e = r["error"].as_str().unwrap_or_default();
        return if korean { format!("{} 실패: {e}", call.tool) } else { format!("{} failed: {e}", call.tool) };
    }
    match call.tool.as_str() {
        "usage_summary" => {
            let t = &r["total"];
            if korean {
                format!(
                    "비용 ${} · 요청 {}건 · 오류 {}건 (입력 {} / 출력 {} 토큰)",
                    t["cost_usd"].as_str().unwrap_or("0"),
                    t["requests"],
                    t["errors"],
                    t["prompt_tokens"],
                    t["completion_tokens"]
                )
            } else {
                format!(
                    "Cost ${} over {} requests ({} errors; {} prompt / {} completion tokens)",
                    t["cost_usd"].as_str().unwrap_or("0"),
                    t["requests"],
                    t["errors"],
                    t["prompt_tokens"],
                    t["completion_tokens"]
                )
            }
        }
        "budget_status" => {
            let b = r["budgets"].as_array().cloned().unwrap_or_default();
            if b.is_empty() {
                return if korean { "설정된 예산이 없습니다.".into() } else { "No budgets are set.".into() };
            }
            b.iter()
                .map(|x| {
                    format!(
                        "{} {}: ${} / ${}",
                        x["scope"].as_str().unwrap_or(""),
                        x["period"].as_str().unwrap_or(""),
                        x["spent_usd"].as_str().unwrap_or(""),
                        x["limit_usd"].as_str().unwrap_or("")
                    )
                })
                .collect::<Vec<_>>()
                .join("; ")
        }
        "rate_limits" => format!(
            "user {}/min {} tokens/min; service {}/min {} tokens/min (0 = unlimited)",
            r["user_rpm"], r["user_tpm"], r["service_rpm"], r["service_tpm"]
        ),
        "catalog" if r.get("service").is_some() => {
            if korean {
                format!(
                    "{}의 기본 모델은 {}입니다 (허용 등급 {}).",
                    r["service"].as_str().unwrap_or(""),
                    r["default_model"].as_str().unwrap_or(""),
                    r["allowed_tiers"].as_str().unwrap_or("")
                )
            } else {
                format!(
                    "{} uses {} by default (tiers allowed: {}).",
                    r["service"].as_str().unwrap_or(""),
                    r["default_model"].as_str().unwrap_or(""),
                    r["allowed_tiers"].as_str().unwrap_or("")
                )
            }
        }
        "catalog" => format!(
            "{} models: {}",
            r["models"].as_array().map_or(0, Vec::len),
            r["models"]
                .as_array()
                .map(|m| m.iter().filter_map(|x| x["id"].as_str()).collect::<Vec<_>>().join(", "))
                .unwrap_or_default()
        ),
        "list_backtests" => {
            let rows = r["backtests"].as_array().cloned().unwrap_or_default();
            if rows.is_empty() {
                return if korean {
                    "백테스트가 없습니다.".into()
                } else {
                    "You have no backtests yet.".into()
                };
            }
            let lines: Vec<String> = rows
                .iter()
                .map(|b| {
                    format!(
                        "{} {} {}~{}: Sharpe {:.2}, return {:+.1}% ({})",
                        b["symbol"].as_str().unwrap_or(""),
                        b["kind"].as_str().unwrap_or(""),
                        b["from"].as_str().unwrap_or(""),
                        b["to"].as_str().unwrap_or(""),
                        b["sharpe"].as_f64().unwrap_or(f64::NAN),
                        b["total_return"].as_f64().unwrap_or(f64::NAN) * 100.0,
                        b["id"].as_str().unwrap_or("")
                    )
                })
                .collect();
            lines.join("\n")
        }
        "list_strategies" => r["strategies"]
            .as_array()
            .map(|s| s.iter().filter_map(|x| x["name"].as_str()).collect::<Vec<_>>().join(", "))
            .unwrap_or_default(),
        "market_data" => format!(
            "{}: {} bars, last {}; data-check findings {} {}",
            r["symbol"].as_str().unwrap_or(""),
            r["bars"],
            r["last"],
            r["findings"],
            r["finding_kinds"]
        ),
        "rag_search" => r["hits"]
            .as_array()
            .map(|h| {
                h.iter()
                    .filter_map(|x| x["text"].as_str())
                    .map(|t| t.chars().take(160).collect::<String>())
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .unwrap_or_default(),
        _ => r.to_string(),
    }
}
