-- Parameter searches: the request, progress while running, and the leaderboard when done.
CREATE TABLE optimizations (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    user_id VARCHAR(128) NOT NULL,
    symbol VARCHAR(32) NOT NULL,
    request TEXT NOT NULL,
    status VARCHAR(16) NOT NULL,
    done BIGINT NOT NULL,
    total BIGINT NOT NULL,
    result TEXT,
    error TEXT,
    created_ms BIGINT NOT NULL,
    finished_ms BIGINT
);
CREATE INDEX optimizations_user ON optimizations (user_id, created_ms);
