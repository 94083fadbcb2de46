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
                            "eq" if x.is_object() => {
                                return Err(RagError::Invalid(format!(
                                    "filter {field:?}: eq needs a value or a list, not an object"
                                )))
                            }
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

/// A value bound into a SQL condition built by [`Filter::to_pg`].
#[derive(Clone, Debug, PartialEq)]
pub enum SqlArg {
    Text(String),
    Float(f64),
    Json(String),
}

impl Filter {
    /// The filter as a PostgreSQL condition over the JSONB column `col`, with the same meaning
    /// as [`Filter::matches`]; values (field names too) are bound, appended to `args` and
    /// numbered `$first…`. `TRUE` when empty.
    pub fn to_pg(&self, col: &str, args: &mut Vec<SqlArg>, first: usize) -> String {
        let push = |args: &mut Vec<SqlArg>, a: SqlArg| {
            args.push(a);
            format!("${}", first + args.len() - 1)
        };
        let mut conds = Vec::new();
        for (field, cond) in &self.0 {
            let f = push(args, SqlArg::Text(field.clone()));
            let (value, text) = (format!("{col}->{f}::text"), format!("{col}->>{f}::text"));
            // The field read as `kind`, else NULL: CASE guarantees the cast runs only on that
            // kind (AND does not order evaluation).
            let typed =
                |kind: &str, expr: &str| format!("(CASE WHEN jsonb_typeof({value}) = '{kind}' THEN {expr} END)");
            let num = typed("number", &format!("({text})::float8"));
            let lower = typed("string", &format!("lower({text})"));
            let eq = |args: &mut Vec<SqlArg>, x: &Value| match x {
                Value::Number(n) => {
                    format!("{num} = {}::float8", push(args, SqlArg::Float(n.as_f64().unwrap_or(f64::NAN))))
                }
                Value::String(s) => format!("{lower} = lower({}::text)", push(args, SqlArg::Text(s.clone()))),
                other => format!("{value} = {}::jsonb", push(args, SqlArg::Json(other.to_string()))),
            };
            conds.push(match cond {
                Cond::Eq(x) => eq(args, x),
                Cond::In(xs) if xs.is_empty() => "FALSE".to_string(),
                Cond::In(xs) => format!("({})", xs.iter().map(|x| eq(args, x)).collect::<Vec<_>>().join(" OR ")),
                Cond::Range { gt, gte, lt, lte } => {
                    let mut parts = vec![format!("{num} IS NOT NULL")];
                    for (op, b) in [(">", gt), (">=", gte), ("<", lt), ("<=", lte)] {
                        if let Some(b) = b {
                            parts.push(format!("{num} {op} {}::float8", push(args, SqlArg::Float(*b))));
                        }
                    }
                    parts.join(" AND ")
                }
            });
        }
        if conds.is_empty() {
            "TRUE".to_string()
        } else {
            conds.iter().map(|c| format!("({c})")).collect::<Vec<_>>().join(" AND ")
        }
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

/// A RAG metadata filter: a scalar is equality, an array membership, an object a range
/// (`gt`, `gte`, `lt`, `lte`) or `{"eq": value}`.
pub struct MetadataFilter;

impl utoipa::PartialSchema for MetadataFilter {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{AdditionalProperties, ObjectBuilder, OneOfBuilder, Schema, SchemaType, Type};
        let closed = || Some(AdditionalProperties::<Schema>::FreeForm(false));
        let number = || ObjectBuilder::new().schema_type(Type::Number);
        let scalar = || {
            ObjectBuilder::new().schema_type(SchemaType::from_iter([
                Type::String,
                Type::Number,
                Type::Boolean,
                Type::Null,
                Type::Array,
            ]))
        };
        let range = ObjectBuilder::new()
            .property("gt", number())
            .property("gte", number())
            .property("lt", number())
            .property("lte", number())
            .additional_properties(closed());
        let eq = ObjectBuilder::new().property("eq", scalar()).required("eq").additional_properties(closed());
        let condition = OneOfBuilder::new().item(scalar()).item(range).item(eq);
        ObjectBuilder::new()
            .schema_type(Type::Object)
            .additional_properties(Some(Schema::OneOf(condition.build())))
            .description(Some("Metadata conditions: {\"sharpe\": {\"gte\": 1}}, {\"symbol\": [\"AAPL\", \"MSFT\"]}"))
            .into()
    }
}

impl utoipa::ToSchema for MetadataFilter {}

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
