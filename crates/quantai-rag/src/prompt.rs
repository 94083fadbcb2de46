//! Prompts with the user's own documents as numbered, cited contexts (seed 000's template), in
//! the language of the question, within a token budget counted with tiktoken and never beyond
//! the chosen model's context window.

use serde::Serialize;

use crate::service::Hit;
use crate::text::is_korean;

/// A built prompt.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Prompt {
    pub prompt: String,
    /// The contexts used, in citation order (`[1]` is the first).
    pub contexts: Vec<Cited>,
    /// Tokens of `prompt` (cl100k_base).
    pub tokens: usize,
    /// The budget applied: min(asked, context window − reserved for the answer).
    pub budget: usize,
    pub language: &'static str,
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Cited {
    pub n: usize,
    pub collection: String,
    pub id: String,
    pub similarity: Option<f32>,
}

/// Tokens counted as OpenAI's cl100k_base does.
pub fn count_tokens(text: &str) -> usize {
    tiktoken_rs::cl100k_base_singleton().encode_with_special_tokens(text).len()
}

/// Builds the prompt for `query` from `hits` (best first): contexts are added while the whole
/// prompt stays within `budget` tokens, capped at `context_window − answer_reserve`. Contexts
/// that do not fit are left out whole, never cut.
pub fn build(query: &str, hits: &[Hit], budget: usize, context_window: usize, answer_reserve: usize) -> Prompt {
    let ko = is_korean(query);
    let budget = budget.min(context_window.saturating_sub(answer_reserve));
    let (head, ask, tail, none) = if ko {
        (
            "다음은 사용자의 과거 백테스트 결과입니다:\n\n",
            "사용자 요청: ",
            "위 과거 데이터를 참고하여 답변해주세요. 인용할 때는 [번호]로 출처를 밝혀주세요.",
            "",
        )
    } else {
        (
            "Here are the user's past backtest results:\n\n",
            "User request: ",
            "Answer using the data above, citing the contexts you use as [n].",
            "",
        )
    };
    let frame = |ctx: &str| {
        if ctx.is_empty() {
            format!("{none}{query}")
        } else {
            format!("{head}{ctx}\n{ask}{query}\n\n{tail}")
        }
    };
    let mut ctx = String::new();
    let mut contexts = Vec::new();
    for h in hits {
        let label = if ko { "참고" } else { "Context" };
        let block = format!("[{}] ({label}: {}/{})\n{}\n\n", contexts.len() + 1, h.collection, h.id, h.text.trim());
        let candidate = format!("{ctx}{block}");
        if count_tokens(&frame(&candidate)) > budget {
            continue;
        }
        ctx = candidate;
        contexts.push(Cited {
            n: contexts.len() + 1,
            collection: h.collection.clone(),
            id: h.id.clone(),
            similarity: h.similarity,
        });
    }
    let prompt = frame(&ctx);
    let tokens = count_tokens(&prompt);
    Prompt { prompt, contexts, tokens, budget, language: if ko { "ko" } else { "en" } }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn hit(id: &str, words: usize) -> Hit {
        Hit {
            collection: "user_backtests".into(),
            id: id.into(),
            text: vec!["alpha"; words].join(" "),
            metadata: json!({}),
            created_ms: 0,
            score: 1.0,
            similarity: Some(0.5),
            keyword_score: None,
        }
    }

    #[test]
    fn contexts_are_numbered_and_fit_the_budget() {
        let hits = [hit("a", 10), hit("b", 500), hit("c", 10)];
        let p = build("Which SMA backtest did best?", &hits, 300, 128_000, 1_000);
        assert_eq!(p.language, "en");
        // b does not fit: a and c are cited as [1] and [2].
        assert_eq!(p.contexts.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["a", "c"]);
        assert!(
            p.prompt.contains("[1] (Context: user_backtests/a)")
                && p.prompt.contains("[2] (Context: user_backtests/c)")
        );
        assert!(p.tokens <= 300 && p.tokens == count_tokens(&p.prompt));
        // The model's window caps the budget.
        let p = build("Which SMA backtest did best?", &hits, 100_000, 1_100, 1_000);
        assert_eq!(p.budget, 100);
        assert!(p.tokens <= 100);
    }

    #[test]
    fn korean_questions_get_the_korean_template() {
        let p = build("샤프가 가장 높은 전략은?", &[hit("a", 5)], 500, 8_000, 500);
        assert_eq!(p.language, "ko");
        assert!(p.prompt.starts_with("다음은 사용자의 과거 백테스트 결과입니다"));
        assert!(p.prompt.contains("[1] (참고: user_backtests/a)") && p.prompt.contains("사용자 요청: 샤프가"));
        // Nothing fits: the question alone.
        let p = build("샤프가 가장 높은 전략은?", &[hit("a", 5)], 5, 8_000, 500);
        assert!(p.contexts.is_empty());
        assert_eq!(p.prompt, "샤프가 가장 높은 전략은?");
    }
}
