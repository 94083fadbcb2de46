-- Experiments split a service's traffic between models or template versions (sticky per
-- user); the ledger records each call's arm, and quality signals are kept per arm.
CREATE TABLE experiments (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    service VARCHAR(64) NOT NULL,
    name VARCHAR(128) NOT NULL,
    arms TEXT NOT NULL,
    status VARCHAR(16) NOT NULL,
    created_ms BIGINT NOT NULL
);
ALTER TABLE llm_usage ADD COLUMN experiment_arm VARCHAR(200);
CREATE TABLE ai_quality (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    ts_ms BIGINT NOT NULL,
    service VARCHAR(64) NOT NULL,
    experiment_arm VARCHAR(200),
    ok BIGINT NOT NULL
);
