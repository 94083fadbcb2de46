//! The OpenAPI 3.1 document, generated from the handlers' `#[utoipa::path]` annotations and
//! their request and response types (utoipa; see ARCHITECTURE.md for the choice). The route
//! table itself is built from the same annotations ([`crate::routes`]), so a route cannot be
//! served undocumented or documented unserved. [`finish`] adds what every operation of a kind
//! can answer (401 without a key, 400/413/415 for a body, 400 for parameters, 500) so no
//! handler has to restate it.

use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::openapi::{ContentBuilder, OpenApi, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, ToSchema};

use crate::error::ErrorBody;

#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "quantai",
        description = "AI backend for quant-trading platforms: an LLM gateway with an OpenAI-compatible API, \
                       the quant engine (market data, backtests, parameter search) and RAG over each user's \
                       backtests and strategies. Errors have OpenAI's shape; codes are listed in docs/errors.md.",
        license(name = "Apache-2.0")
    ),
    components(schemas(ErrorBody, DateOrTime, EmbeddingsInput, quantai_rag::filter::MetadataFilter, CollectionName)),
    modifiers(&Bearer),
    tags(
        (name = "openai", description = "OpenAI-compatible routes"),
        (name = "gen-ai", description = "Model selection, usage, savings, prompt templates"),
        (name = "quant", description = "Market data, backtests, parameter search"),
        (name = "strategies", description = "Saved strategies"),
        (name = "rag", description = "Retrieval over the caller's documents"),
        (name = "ai", description = "Narrative reports, the strategy builder"),
        (name = "ops", description = "Health, readiness, metrics, reload"),
    )
)]
pub(crate) struct ApiDoc;

struct Bearer;

impl Modify for Bearer {
    fn modify(&self, api: &mut OpenApi) {
        let scheme = HttpBuilder::new()
            .scheme(HttpAuthScheme::Bearer)
            .description(Some("A quantai API key: `quantai keys create --user NAME [--role admin]`."))
            .build();
        api.components.get_or_insert_with(Default::default).add_security_scheme("bearer", SecurityScheme::Http(scheme));
    }
}

/// The document built from the route table (once).
fn base() -> &'static OpenApi {
    static DOC: LazyLock<OpenApi> = LazyLock::new(|| {
        let (_, mut api) = crate::routes::api().split_for_parts();
        finish(&mut api);
        api
    });
    &DOC
}

/// The document as the running server answers it: the `X-Quantai-Service` header lists the
/// services the live policies know (they reload without a restart).
pub fn document(registry: &quantai_core::registry::Registry) -> String {
    use utoipa::openapi::path::ParameterIn;
    use utoipa::openapi::schema::{ObjectBuilder, Type};
    let mut api = base().clone();
    let services: Vec<String> = registry.policies.services().map(|p| p.service.clone()).collect();
    for item in api.paths.paths.values_mut() {
        for op in [item.get.as_mut(), item.post.as_mut(), item.delete.as_mut()].into_iter().flatten() {
            for p in op.parameters.iter_mut().flatten() {
                let RefOr::T(p) = p else { continue };
                if p.parameter_in == ParameterIn::Header && p.name.eq_ignore_ascii_case(crate::routes::SERVICE_HEADER) {
                    let schema = ObjectBuilder::new().schema_type(Type::String).enum_values(Some(services.clone()));
                    p.schema = Some(RefOr::T(schema.into()));
                }
            }
        }
    }
    // An embeddings request names one of the catalog's embedding models.
    let max_dims = registry.catalog.models().filter_map(|m| m.dimensions).max().unwrap_or(1);
    let embedding_models: Vec<String> = registry
        .catalog
        .models()
        .filter(|m| m.kind == quantai_core::catalog::ModelKind::Embedding)
        .map(|m| m.id.clone())
        .collect();
    if let Some(RefOr::T(utoipa::openapi::schema::Schema::Object(o))) =
        api.components.as_mut().and_then(|c| c.schemas.get_mut("EmbeddingsRequest"))
    {
        if let Some(RefOr::T(utoipa::openapi::schema::Schema::Object(m))) = o.properties.get_mut("model") {
            m.enum_values = Some(embedding_models.into_iter().map(serde_json::Value::from).collect());
        }
        // At most the largest vector any of them makes (each model's own size is its limit).
        if let Some(RefOr::T(utoipa::openapi::schema::Schema::Object(d))) = o.properties.get_mut("dimensions") {
            d.maximum = Some(f64::from(max_dims).into());
        }
    }
    api.to_json().unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// Adds the statuses every operation of a kind can answer, each with the error body.
pub(crate) fn finish(api: &mut OpenApi) {
    for item in api.paths.paths.values_mut() {
        let ops = [item.get.as_mut(), item.post.as_mut(), item.put.as_mut(), item.delete.as_mut(), item.patch.as_mut()];
        for op in ops.into_iter().flatten() {
            let secured = op.security.as_ref().is_some_and(|s| !s.is_empty());
            let body = op.request_body.is_some();
            let params = op.parameters.as_ref().is_some_and(|p| !p.is_empty());
            if secured {
                add(op, "401", "No, a malformed or an unknown API key");
                add(op, "500", "A fault inside quantai; the message carries the request id");
            }
            if body {
                add(op, "400", "The body does not match the schema; the message names the field");
                add(op, "413", "The body is over server.max_body_bytes");
                add(op, "415", "The body is not sent as application/json");
            }
            if params {
                add(op, "400", "A parameter is not valid; the message names it");
            }
        }
    }
}

fn add(op: &mut Operation, status: &str, description: &str) {
    if op.responses.responses.contains_key(status) {
        return;
    }
    let content = ContentBuilder::new().schema(Some(RefOr::Ref(utoipa::openapi::Ref::from_schema_name("ErrorBody"))));
    let resp: Response =
        ResponseBuilder::new().description(description).content("application/json", content.build()).build();
    op.responses.responses.insert(status.to_string(), RefOr::T(resp));
}

/// A time parameter: a day (`YYYY-MM-DD`, UTC midnight) or an RFC 3339 time.
pub(crate) struct DateOrTime;

impl utoipa::PartialSchema for DateOrTime {
    fn schema() -> RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, OneOfBuilder, SchemaFormat, Type};
        let of = |f| ObjectBuilder::new().schema_type(Type::String).format(Some(SchemaFormat::KnownFormat(f)));
        OneOfBuilder::new()
            .item(of(KnownFormat::Date))
            .item(of(KnownFormat::DateTime))
            .description(Some("A day (YYYY-MM-DD, from UTC midnight) or an RFC 3339 time"))
            .into()
    }
}

impl ToSchema for DateOrTime {}

/// A collection name.
pub(crate) struct CollectionName;

impl utoipa::PartialSchema for CollectionName {
    fn schema() -> RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new().schema_type(Type::String).pattern(Some("^[a-z0-9_-]{1,64}$")).into()
    }
}

impl ToSchema for CollectionName {}

// ---------------------------------------------------------------------------------------------
// Documentation types of the OpenAI-compatible routes: these bodies pass through as JSON (the
// gateway validates and forwards what it does not know), so the types describe, not parse.

/// A chat message.
#[derive(Serialize, Deserialize, ToSchema)]
pub(crate) struct ChatMessage {
    #[schema(value_type = String, pattern = "^(system|developer|user|assistant|tool|function)$")]
    role: String,
    /// Text, or an array of content parts.
    #[schema(value_type = Option<String>)]
    content: Option<Value>,
}

/// A chat completion request (OpenAI's schema; other OpenAI fields pass through).
#[derive(Serialize, Deserialize, ToSchema)]
pub(crate) struct ChatRequest {
    /// A catalog model the service may use; the service's default when absent.
    model: Option<String>,
    #[schema(min_items = 1)]
    messages: Vec<ChatMessage>,
    stream: Option<bool>,
    /// `{"include_usage": true}` adds a usage chunk to a stream.
    #[schema(value_type = Option<Object>)]
    stream_options: Option<Value>,
    temperature: Option<f64>,
    top_p: Option<f64>,
    #[schema(minimum = 1, maximum = 4096)]
    max_tokens: Option<u32>,
    #[schema(minimum = 1, maximum = 4096)]
    max_completion_tokens: Option<u32>,
    #[schema(minimum = 1, maximum = 1)]
    n: Option<u32>,
    seed: Option<i64>,
    user: Option<String>,
    /// Render a stored prompt template into the messages.
    quantai_template: Option<TemplateRef>,
}

/// A stored prompt template to render into the request.
#[derive(Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct TemplateRef {
    name: String,
    /// The latest when absent.
    version: Option<i64>,
    /// Values of the template's `{{variables}}`.
    #[schema(value_type = Option<Object>)]
    variables: Option<Value>,
    /// Prepended as `system`, or appended as `user` (the default).
    #[schema(value_type = Option<String>, pattern = "^(system|user)$")]
    role: Option<String>,
}

/// A chat completion (OpenAI's shape), or a `text/event-stream` of chunks when `stream`.
#[derive(Serialize, Deserialize, ToSchema)]
pub(crate) struct ChatCompletion {
    id: String,
    object: String,
    created: i64,
    model: String,
    #[schema(value_type = Vec<Object>)]
    choices: Vec<Value>,
    #[schema(value_type = Option<Object>)]
    usage: Option<Value>,
}

/// An embeddings request.
#[derive(Serialize, Deserialize, ToSchema)]
pub(crate) struct EmbeddingsRequest {
    /// An embedding model the service may use; the service's default when absent.
    model: Option<String>,
    #[schema(value_type = EmbeddingsInput)]
    input: Value,
    #[schema(minimum = 1)]
    dimensions: Option<u32>,
    encoding_format: Option<String>,
    user: Option<String>,
}

/// A text, or a non-empty array of texts, token ids or arrays of token ids.
pub(crate) struct EmbeddingsInput;

impl utoipa::PartialSchema for EmbeddingsInput {
    fn schema() -> RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ArrayBuilder, ObjectBuilder, OneOfBuilder, Type};
        let text = || ObjectBuilder::new().schema_type(Type::String).min_length(Some(1));
        let token = || ObjectBuilder::new().schema_type(Type::Integer).minimum(Some(0));
        let tokens = || ArrayBuilder::new().items(token()).min_items(Some(1));
        let item = OneOfBuilder::new().item(text()).item(token()).item(tokens());
        OneOfBuilder::new()
            .item(text())
            .item(ArrayBuilder::new().items(item).min_items(Some(1)))
            .description(Some("A text, or a non-empty array of texts, token ids or arrays of token ids"))
            .into()
    }
}

impl ToSchema for EmbeddingsInput {}

/// Embeddings (OpenAI's shape).
#[derive(Serialize, Deserialize, ToSchema)]
pub(crate) struct EmbeddingsResponse {
    object: String,
    #[schema(value_type = Vec<Object>)]
    data: Vec<Value>,
    model: String,
    #[schema(value_type = Option<Object>)]
    usage: Option<Value>,
}

/// A model in OpenAI's list shape.
#[derive(Serialize, Deserialize, ToSchema)]
pub(crate) struct OpenAiModel {
    pub id: String,
    pub object: String,
    pub created: i64,
    pub owned_by: String,
}

/// OpenAI's model list.
#[derive(Serialize, Deserialize, ToSchema)]
pub(crate) struct OpenAiModelList {
    pub object: String,
    pub data: Vec<OpenAiModel>,
}

/// One server-sent event of a streamed completion: `data` is a JSON chunk
/// (`chat.completion.chunk`), or `[DONE]` at the end.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)] // documentation only: the stream is written by the gateway
pub struct SseEvent {
    pub data: String,
    pub event: Option<String>,
    pub id: Option<String>,
    pub retry: Option<u64>,
}

/// Slack's slash-command form (`application/x-www-form-urlencoded`); Slack sends more fields,
/// which are ignored.
#[derive(utoipa::ToSchema)]
#[allow(dead_code)] // documentation only: the handler reads the form itself to verify its signature
pub struct SlackCommand {
    pub team_id: String,
    pub user_id: String,
    pub command: String,
    pub text: String,
    pub response_url: String,
}
