//! Validation of OpenAI-shaped request bodies before anything is sent upstream (so a refused
//! request is never billed). Known fields are type-checked; unknown fields pass through
//! untouched, so new OpenAI parameters keep working.

use serde_json::{Map, Value};

use crate::GatewayError;

fn invalid(param: &str, message: String) -> GatewayError {
    GatewayError::InvalidRequest {
        message,
        param: Some(param.to_string()),
        code: quantai_core::ErrorCode::InvalidValue,
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

enum Want {
    Str,
    Bool,
    Num,
    PosInt,
    Int,
    Arr,
    Obj,
    StrOrObj,
    StrOrArr,
}

fn check(body: &Map<String, Value>, field: &str, want: Want) -> Result<(), GatewayError> {
    let Some(v) = body.get(field) else { return Ok(()) };
    if v.is_null() {
        return Ok(());
    }
    let ok = match want {
        Want::Str => v.is_string(),
        Want::Bool => v.is_boolean(),
        Want::Num => v.is_number(),
        Want::PosInt => v.as_u64().is_some_and(|n| n >= 1),
        Want::Int => v.is_i64() || v.is_u64(),
        Want::Arr => v.is_array(),
        Want::Obj => v.is_object(),
        Want::StrOrObj => v.is_string() || v.is_object(),
        Want::StrOrArr => v.is_string() || v.is_array(),
    };
    if ok {
        return Ok(());
    }
    let expected = match want {
        Want::Str => "a string",
        Want::Bool => "a boolean",
        Want::Num => "a number",
        Want::PosInt => "a positive integer",
        Want::Int => "an integer",
        Want::Arr => "an array",
        Want::Obj => "an object",
        Want::StrOrObj => "a string or an object",
        Want::StrOrArr => "a string or an array",
    };
    Err(invalid(field, format!("'{field}' must be {expected}, got {} {}", kind(v), short(v))))
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.len() > 40 {
        format!("{}…", &s[..s.char_indices().nth(40).map(|(i, _)| i).unwrap_or(s.len())])
    } else {
        s
    }
}

const ROLES: [&str; 6] = ["system", "developer", "user", "assistant", "tool", "function"];

/// Checks a chat completion body.
pub fn chat(body: &Map<String, Value>) -> Result<(), GatewayError> {
    check(body, "model", Want::Str)?;
    match body.get("messages") {
        None => {
            return Err(GatewayError::InvalidRequest {
                message: "'messages' is required".into(),
                param: Some("messages".into()),
                code: quantai_core::ErrorCode::MissingRequiredParameter,
            })
        }
        Some(Value::Array(list)) if list.is_empty() => {
            return Err(invalid("messages", "'messages' must contain at least one message".into()))
        }
        Some(Value::Array(list)) => {
            for (i, m) in list.iter().enumerate() {
                let Some(obj) = m.as_object() else {
                    return Err(invalid(&format!("messages[{i}]"), format!("messages[{i}] must be an object")));
                };
                match obj.get("role") {
                    Some(Value::String(r)) if ROLES.contains(&r.as_str()) => {}
                    Some(other) => {
                        return Err(invalid(
                            &format!("messages[{i}].role"),
                            format!("messages[{i}].role {} is not one of {}", short(other), ROLES.join(", ")),
                        ))
                    }
                    None => {
                        return Err(invalid(&format!("messages[{i}].role"), format!("messages[{i}] has no 'role'")))
                    }
                }
                if let Some(c) = obj.get("content") {
                    if !(c.is_string() || c.is_array() || c.is_null()) {
                        return Err(invalid(
                            &format!("messages[{i}].content"),
                            format!("messages[{i}].content must be a string or an array of parts, got {}", kind(c)),
                        ));
                    }
                }
            }
        }
        Some(other) => return Err(invalid("messages", format!("'messages' must be an array, got {}", kind(other)))),
    }
    check(body, "stream", Want::Bool)?;
    check(body, "stream_options", Want::Obj)?;
    check(body, "temperature", Want::Num)?;
    check(body, "top_p", Want::Num)?;
    check(body, "presence_penalty", Want::Num)?;
    check(body, "frequency_penalty", Want::Num)?;
    check(body, "n", Want::PosInt)?;
    check(body, "max_tokens", Want::PosInt)?;
    check(body, "max_completion_tokens", Want::PosInt)?;
    check(body, "seed", Want::Int)?;
    check(body, "tools", Want::Arr)?;
    check(body, "tool_choice", Want::StrOrObj)?;
    check(body, "response_format", Want::Obj)?;
    check(body, "stop", Want::StrOrArr)?;
    check(body, "user", Want::Str)?;
    check(body, "logprobs", Want::Bool)?;
    check(body, "parallel_tool_calls", Want::Bool)?;
    Ok(())
}

/// One item of an embeddings input array: a non-empty text, a token id, or a non-empty array
/// of token ids (OpenAI's forms).
fn input_item(v: &Value) -> bool {
    match v {
        Value::String(s) => !s.is_empty(),
        Value::Number(n) => n.is_u64(),
        Value::Array(t) => !t.is_empty() && t.iter().all(|x| x.is_u64()),
        _ => false,
    }
}

/// Checks an embeddings body.
pub fn embeddings(body: &Map<String, Value>) -> Result<(), GatewayError> {
    check(body, "model", Want::Str)?;
    match body.get("input") {
        None => Err(GatewayError::InvalidRequest {
            message: "'input' is required".into(),
            param: Some("input".into()),
            code: quantai_core::ErrorCode::MissingRequiredParameter,
        }),
        Some(Value::String(s)) if s.is_empty() => Err(invalid("input", "'input' must not be empty".into())),
        Some(Value::String(_)) => Ok(()),
        Some(Value::Array(a)) if a.is_empty() => Err(invalid("input", "'input' must not be an empty array".into())),
        Some(Value::Array(a)) if !a.iter().all(input_item) => Err(invalid(
            "input",
            "'input' items must be non-empty texts, token ids, or non-empty arrays of token ids".into(),
        )),
        Some(Value::Array(_)) => Ok(()),
        Some(other) => Err(invalid("input", format!("'input' must be a string or an array, got {}", kind(other)))),
    }?;
    check(body, "dimensions", Want::PosInt)?;
    check(body, "encoding_format", Want::Str)?;
    check(body, "user", Want::Str)
}
