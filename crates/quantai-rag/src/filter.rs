//! Metadata filters: `{"kind": "sma_cross", "symbol": ["AAPL", "MSFT"], "sharpe": {"gte": 1}}`
//! — a scalar is equality, an array is membership, an object is a range (`gt`, `gte`, `lt`,
//! `lte`, `eq`). Every condition must hold; a document without the field fails it.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::RagError;

#[derive(Clone, Debug, PartialEq)]
enum Cond {
    Eq(Value),
    In(Vec<Value>),
    Range { gt: Option<f64>, gte: Option<f64>, lt: Option<f64>, lte: Option<f64> },
}

/// A parsed filter; the empty filter keeps everything.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter(BTreeMap<String, Cond>);

fn num(field: &str, op: &str, v: &Value) -> Result<f64, RagError> {
    v.as_f64().ok_or_else(|| RagError::Invalid(format!("filter {field:?}: {op:?} needs a number, got {v}")))
}

impl Filter {
    /// Parses a JSON object of conditions (`null` is the empty filter).
    pub fn parse(v: &Value) -> Result<Self, RagError> {
        let obj = match v {
            Value::Null => return Ok(Self::default()),
            Value::Object(o) => o,
            other => return Err(RagError::Invalid(format!("filter must be a JSON object, got {other}"))),
        };
        let mut out = BTreeMap::new();
        for (field, c) in obj {
            let cond = match c {
                Value::Array(a) => Cond::In(a.clone()),
                Value::Object(o) => {
                    let (mut gt, mut gte, mut lt, mut lte) = (None, None, None, None);
                    let mut eq = None;
                    for (op, x) in o {
                        match op.as_str() {
                            "gt" => gt = Some(num(field, op, x)?),
                            "gte" => gte = Some(num(field, op, x)?),
                            "lt" => lt = Some(num(field, op, x)?),
                            "lte" => lte = Some(num(field, op, x)?),
                            "eq" => eq = Some(x.clone()),
                            _ => {
                                return Err(RagError::Invalid(format!(
                                    "filter {field:?}: unknown operator {op:?} (use gt, gte, lt, lte or eq)"
                                )))
                            }
                        }
                    }
                    match eq {
                        Some(x) if o.len() == 1 => Cond::Eq(x),
                        Some(_) => {
                            return Err(RagError::Invalid(format!(
                                "filter {field:?}: eq cannot be combined with a range"
                            )))
                        }
                        None => Cond::Range { gt, gte, lt, lte },
                    }
                }
                scalar => Cond::Eq(scalar.clone()),
            };
            out.insert(field.clone(), cond);
        }
        Ok(Self(out))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether `metadata` satisfies every condition.
    pub fn matches(&self, metadata: &Value) -> bool {
        self.0.iter().all(|(field, cond)| {
            let Some(v) = metadata.get(field) else { return false };
            match cond {
                Cond::Eq(x) => same(v, x),
                Cond::In(xs) => xs.iter().any(|x| same(v, x)),
                Cond::Range { gt, gte, lt, lte } => {
                    let Some(n) = v.as_f64() else { return false };
                    gt.is_none_or(|b| n > b)
                        && gte.is_none_or(|b| n >= b)
                        && lt.is_none_or(|b| n < b)
                        && lte.is_none_or(|b| n <= b)
                }
            }
        })
    }
}

/// Equality that treats 1 and 1.0 alike and compares strings case-insensitively.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::String(x), Value::String(y)) => x.eq_ignore_ascii_case(y),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn equality_membership_and_ranges() {
        let f = Filter::parse(&json!({"kind": "sma_cross", "symbol": ["AAPL", "msft"], "sharpe": {"gte": 1, "lt": 2}}))
            .unwrap();
        assert!(f.matches(&json!({"kind": "sma_cross", "symbol": "MSFT", "sharpe": 1.0})));
        assert!(!f.matches(&json!({"kind": "sma_cross", "symbol": "MSFT", "sharpe": 2.0})));
        assert!(!f.matches(&json!({"kind": "rsi_reversion", "symbol": "AAPL", "sharpe": 1.5})));
        assert!(!f.matches(&json!({"kind": "sma_cross", "sharpe": 1.5})), "a missing field fails");
        assert!(Filter::parse(&Value::Null).unwrap().matches(&json!({})));
    }

    #[test]
    fn bad_filters_name_the_problem() {
        let e = Filter::parse(&json!({"sharpe": {"above": 1}})).unwrap_err().to_string();
        assert!(e.contains("\"sharpe\"") && e.contains("\"above\""), "{e}");
        let e = Filter::parse(&json!({"sharpe": {"gte": "high"}})).unwrap_err().to_string();
        assert!(e.contains("needs a number"), "{e}");
        assert!(Filter::parse(&json!([1])).is_err());
    }
}
