-- The durable job queue (issue 16): one row per job. A worker leases a job (owner, token,
-- expiry) and renews the lease while it runs; a lease that expires (the worker was killed)
-- makes the job claimable again. Completion is conditional on the token, in the same
-- transaction as the job's entry in job_effects, so a re-run has no duplicate effect.
CREATE TABLE jobs (
    id VARCHAR(36) NOT NULL PRIMARY KEY,
    queue VARCHAR(64) NOT NULL,
    kind VARCHAR(64) NOT NULL,
    payload TEXT NOT NULL,
    idempotency_key VARCHAR(200) NOT NULL,
    state VARCHAR(16) NOT NULL,
    priority BIGINT NOT NULL,
    run_at_ms BIGINT NOT NULL,
    attempts BIGINT NOT NULL,
    max_attempts BIGINT NOT NULL,
    lease_owner VARCHAR(128),
    lease_token VARCHAR(36),
    lease_expires_ms BIGINT,
    last_error TEXT,
    result TEXT,
    created_ms BIGINT NOT NULL,
    started_ms BIGINT,
    finished_ms BIGINT
);
CREATE UNIQUE INDEX jobs_idempotency ON jobs (kind, idempotency_key);
CREATE INDEX jobs_claim ON jobs (queue, state, run_at_ms);
-- Effects of finished jobs, keyed by kind and idempotency key: written with the completion.
CREATE TABLE job_effects (
    effect_key VARCHAR(270) NOT NULL PRIMARY KEY,
    job_id VARCHAR(36) NOT NULL,
    created_ms BIGINT NOT NULL
);
-- Workers by unique name, with their last heartbeat.
CREATE TABLE job_workers (
    name VARCHAR(128) NOT NULL PRIMARY KEY,
    host VARCHAR(128) NOT NULL,
    pid BIGINT NOT NULL,
    started_ms BIGINT NOT NULL,
    last_seen_ms BIGINT NOT NULL
);
