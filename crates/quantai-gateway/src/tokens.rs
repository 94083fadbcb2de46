//! Counting tokens ourselves when the upstream reports no usage (a cut stream, a client that
//! went away, a server that ignores `stream_options`). Uses OpenAI's BPEs via tiktoken-rs and
//! OpenAI's published chat-format overheads: 3 tokens per message, 1 more per `name`, and 3
//! priming the reply.

use quantai_core::catalog::Tokenizer;
use serde_json::Value;

const TOKENS_PER_MESSAGE: u64 = 3;
const TOKENS_PER_NAME: u64 = 1;
const REPLY_PRIMING: u64 = 3;

fn bpe(t: Tokenizer) -> &'static tiktoken_rs::CoreBPE {
    match t {
        Tokenizer::O200kBase => tiktoken_rs::o200k_base_singleton(),
        Tokenizer::Cl100kBase => tiktoken_rs::cl100k_base_singleton(),
    }
}

/// Tokens in a piece of text.
/// Texts longer than this are estimated at 4 bytes a token: BPE merging is quadratic in the
/// length of a run without spaces, so an exact count of a hostile text could pin a core.
pub const EXACT_COUNT_LIMIT: usize = 64 * 1024;

pub fn count_text(t: Tokenizer, text: &str) -> u64 {
    if text.is_empty() {
        return 0;
    }
    if text.len() > EXACT_COUNT_LIMIT {
        return text.len().div_ceil(4) as u64;
    }
    bpe(t).encode_with_special_tokens(text).len() as u64
}

/// Prompt tokens of a chat request's `messages`, the way OpenAI bills them.
pub fn count_messages(t: Tokenizer, messages: &Value) -> u64 {
    let Some(list) = messages.as_array() else { return 0 };
    let mut n = REPLY_PRIMING;
    for m in list {
        n += TOKENS_PER_MESSAGE;
        let Some(obj) = m.as_object() else { continue };
        for (k, v) in obj {
            match (k.as_str(), v) {
                ("name", Value::String(s)) => n += TOKENS_PER_NAME + count_text(t, s),
                (_, Value::String(s)) => n += count_text(t, s),
                ("content", Value::Array(parts)) => {
                    for p in parts {
                        if let Some(s) = p.get("text").and_then(Value::as_str) {
                            n += count_text(t, s);
                        }
                    }
                }
                ("tool_calls", Value::Array(calls)) => n += count_tool_calls(t, calls),
                _ => {}
            }
        }
    }
    n
}

fn count_tool_calls(t: Tokenizer, calls: &[Value]) -> u64 {
    calls
        .iter()
        .map(|c| {
            let f = c.get("function");
            let name = f.and_then(|f| f.get("name")).and_then(Value::as_str).unwrap_or("");
            let args = f.and_then(|f| f.get("arguments")).and_then(Value::as_str).unwrap_or("");
            count_text(t, name) + count_text(t, args)
        })
        .sum()
}

/// Prompt tokens for a budget reservation: never below the exact count. Short prompts take a
/// byte bound (every token covers at least one byte) instead of running the BPE, which cost ~8 %
/// of the gateway's CPU at 1,000 req/s; long prompts, where the bound would over-reserve, are
/// counted exactly.
pub fn reserve_messages(t: Tokenizer, messages: &Value) -> u64 {
    const BYTE_BOUND_LIMIT: u64 = 2048;
    let Some(list) = messages.as_array() else { return 0 };
    let mut bytes = 0u64;
    for m in list {
        let Some(obj) = m.as_object() else { continue };
        for (k, v) in obj {
            match (k.as_str(), v) {
                (_, Value::String(s)) => bytes += s.len() as u64 + 1,
                ("content", Value::Array(_)) | ("tool_calls", Value::Array(_)) => bytes += v.to_string().len() as u64,
                _ => {}
            }
        }
    }
    if bytes <= BYTE_BOUND_LIMIT {
        REPLY_PRIMING + TOKENS_PER_MESSAGE * list.len() as u64 + bytes
    } else {
        count_messages(t, messages)
    }
}

/// Completion tokens of a non-streamed response body's choices.
pub fn count_completion(t: Tokenizer, response: &Value) -> u64 {
    let Some(choices) = response.get("choices").and_then(Value::as_array) else { return 0 };
    choices
        .iter()
        .map(|c| {
            let m = c.get("message");
            let content = m.and_then(|m| m.get("content")).and_then(Value::as_str).unwrap_or("");
            let calls = m.and_then(|m| m.get("tool_calls")).and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
            count_text(t, content) + count_tool_calls(t, calls)
        })
        .sum()
}

/// Tokens of an embeddings `input`: a string, an array of strings, or token arrays.
pub fn count_embedding_input(t: Tokenizer, input: &Value) -> u64 {
    match input {
        Value::String(s) => count_text(t, s),
        Value::Array(items) => items
            .iter()
            .map(|i| match i {
                Value::String(s) => count_text(t, s),
                Value::Array(tokens) => tokens.len() as u64,
                Value::Number(_) => 1,
                _ => 0,
            })
            .sum(),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn known_counts() {
        // "hello world" is 2 tokens in both cl100k_base and o200k_base (tiktoken reference).
        assert_eq!(count_text(Tokenizer::Cl100kBase, "hello world"), 2);
        assert_eq!(count_text(Tokenizer::O200kBase, "hello world"), 2);
        assert_eq!(count_text(Tokenizer::O200kBase, ""), 0);
        // Over the limit: bytes / 4, without running the BPE.
        let long = "a".repeat(EXACT_COUNT_LIMIT + 4);
        assert_eq!(count_text(Tokenizer::O200kBase, &long), (EXACT_COUNT_LIMIT as u64 + 4) / 4);
    }

    #[test]
    fn chat_format_overheads() {
        // OpenAI cookbook recipe: each message 3 + content tokens, +1 for a name, +3 reply priming.
        let msgs = json!([{"role": "user", "content": "hello world"}]);
        // role "user" = 1 token, content 2 tokens.
        assert_eq!(count_messages(Tokenizer::O200kBase, &msgs), 3 + 3 + 1 + 2);
        let named = json!([{"role": "user", "name": "bob", "content": "hello world"}]);
        assert_eq!(count_messages(Tokenizer::O200kBase, &named), 3 + 3 + 1 + 2 + 1 + 1);
    }

    #[test]
    fn reservation_count_is_never_below_the_exact_count() {
        for text in
            ["hi", "Summarise the backtest of SMA(10,30) on AAPL.", "삼성전자 20일 이동평균 돌파 전략을 만들어 줘", "a"]
        {
            for t in [Tokenizer::O200kBase, Tokenizer::Cl100kBase] {
                let m = json!([{"role": "system", "content": "You are a quant."}, {"role": "user", "name": "kim", "content": text}]);
                assert!(reserve_messages(t, &m) >= count_messages(t, &m), "{text}");
            }
        }
        let long = json!([{"role": "user", "content": "word ".repeat(1000)}]);
        assert_eq!(reserve_messages(Tokenizer::O200kBase, &long), count_messages(Tokenizer::O200kBase, &long));
    }

    #[test]
    fn completion_and_embedding_inputs() {
        let r = json!({"choices": [{"message": {"content": "hello world"}}, {"message": {"content": null,
            "tool_calls": [{"function": {"name": "get", "arguments": "{}"}}]}}]});
        assert!(count_completion(Tokenizer::O200kBase, &r) >= 4);
        assert_eq!(count_embedding_input(Tokenizer::Cl100kBase, &json!(["hello world", [1, 2, 3]])), 5);
    }
}
