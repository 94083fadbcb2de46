-- Portable DDL: the same statements run on SQLite, PostgreSQL and MySQL/MariaDB.
-- Integers are BIGINT everywhere; money is integer (prices in micro-USD per 1M tokens,
-- cost in pico-USD) so sums are exact on every engine.
CREATE TABLE llm_usage (
    request_id VARCHAR(64) NOT NULL PRIMARY KEY,
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
    cache_hit BIGINT NOT NULL
);
CREATE INDEX llm_usage_ts ON llm_usage (ts_ms);
CREATE INDEX llm_usage_user_ts ON llm_usage (user_id, ts_ms);

CREATE TABLE api_keys (
    id VARCHAR(32) NOT NULL PRIMARY KEY,
    key_hash VARCHAR(64) NOT NULL UNIQUE,
    key_prefix VARCHAR(16) NOT NULL,
    user_id VARCHAR(128) NOT NULL,
    role VARCHAR(16) NOT NULL,
    service VARCHAR(128),
    created_ms BIGINT NOT NULL,
    revoked_ms BIGINT
);
