-- The AI services: narrative reports (every version kept), conversations of the strategy
-- builder and ChatOps, and the audit of every ChatOps tool call.
CREATE TABLE narratives (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    backtest_id VARCHAR(36) NOT NULL,
    user_id VARCHAR(128) NOT NULL,
    version BIGINT NOT NULL,
    language VARCHAR(8) NOT NULL,
    audience VARCHAR(8) NOT NULL,
    generated_by VARCHAR(16) NOT NULL,
    model VARCHAR(128) NOT NULL,
    cost_picos BIGINT NOT NULL,
    template_version VARCHAR(32) NOT NULL,
    text TEXT NOT NULL,
    facts TEXT NOT NULL,
    findings TEXT NOT NULL,
    created_ms BIGINT NOT NULL
);
CREATE UNIQUE INDEX narratives_version ON narratives (backtest_id, version);
CREATE TABLE ai_conversations (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    user_id VARCHAR(128) NOT NULL,
    service VARCHAR(32) NOT NULL,
    state TEXT NOT NULL,
    updated_ms BIGINT NOT NULL
);
CREATE TABLE ai_audit (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    ts_ms BIGINT NOT NULL,
    user_id VARCHAR(128) NOT NULL,
    role VARCHAR(16) NOT NULL,
    tool VARCHAR(64) NOT NULL,
    arguments TEXT NOT NULL,
    status VARCHAR(16) NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX ai_audit_user ON ai_audit (user_id, ts_ms);
