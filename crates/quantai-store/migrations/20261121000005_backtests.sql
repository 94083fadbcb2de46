-- Finished backtests: the spec and KPIs as JSON for listing, the equity curve and the trades as
-- JSON documents read on demand.
CREATE TABLE backtests (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    user_id VARCHAR(128) NOT NULL,
    symbol VARCHAR(32) NOT NULL,
    market VARCHAR(8) NOT NULL,
    kind VARCHAR(32) NOT NULL,
    spec TEXT NOT NULL,
    from_date VARCHAR(10) NOT NULL,
    to_date VARCHAR(10) NOT NULL,
    kpis TEXT NOT NULL,
    equity TEXT NOT NULL,
    trades TEXT NOT NULL,
    created_ms BIGINT NOT NULL
);
CREATE INDEX backtests_user ON backtests (user_id, created_ms);
