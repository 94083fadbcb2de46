-- Every attempt of a call (retries, fallbacks) is its own ledger row: the key becomes
-- (request_id, attempt). Rebuilt portably: create, copy, drop, rename.
CREATE TABLE llm_usage_v2 (
    request_id VARCHAR(64) NOT NULL,
    attempt BIGINT NOT NULL,
    is_final BIGINT NOT NULL,
    ts_ms BIGINT NOT NULL,
    day VARCHAR(10) NOT NULL,
    user_id VARCHAR(128) NOT NULL,
    service VARCHAR(128) NOT NULL,
    model VARCHAR(128) NOT NULL,
    provider VARCHAR(128) NOT NULL,
    upstream_model VARCHAR(256) NOT NULL,
    endpoint VARCHAR(32) NOT NULL,
    streamed BIGINT NOT NULL,
    prompt_tokens BIGINT NOT NULL,
    cached_tokens BIGINT NOT NULL,
    completion_tokens BIGINT NOT NULL,
    tokens_estimated BIGINT NOT NULL,
    input_price_micros BIGINT NOT NULL,
    cached_price_micros BIGINT NOT NULL,
    output_price_micros BIGINT NOT NULL,
    cost_picos BIGINT NOT NULL,
    latency_ms BIGINT NOT NULL,
    status VARCHAR(32) NOT NULL,
    http_status BIGINT NOT NULL,
    error_class VARCHAR(64),
    cache_hit BIGINT NOT NULL,
    PRIMARY KEY (request_id, attempt)
);
INSERT INTO llm_usage_v2 (request_id, attempt, is_final, ts_ms, day, user_id, service, model, provider, upstream_model,
    endpoint, streamed, prompt_tokens, cached_tokens, completion_tokens, tokens_estimated, input_price_micros,
    cached_price_micros, output_price_micros, cost_picos, latency_ms, status, http_status, error_class, cache_hit)
SELECT request_id, 1, 1, ts_ms, day, user_id, service, model, provider, upstream_model,
    endpoint, streamed, prompt_tokens, cached_tokens, completion_tokens, tokens_estimated, input_price_micros,
    cached_price_micros, output_price_micros, cost_picos, latency_ms, status, http_status, error_class, cache_hit
FROM llm_usage;
DROP TABLE llm_usage;
ALTER TABLE llm_usage_v2 RENAME TO llm_usage;
CREATE INDEX llm_usage_ts ON llm_usage (ts_ms);
CREATE INDEX llm_usage_user_ts ON llm_usage (user_id, ts_ms);
