-- The jobs.yaml scheduler (issue 16): per scheduled job, the newest slot any scheduler has
-- processed. A slot's job is enqueued with the idempotency key sched:{name}:{slot_ms}, unique
-- with its kind in jobs, so however many schedulers run, each slot enqueues one job; this row
-- only tells a restarted scheduler which slots it missed (its misfire policy decides).
CREATE TABLE schedule_runs (
    name VARCHAR(128) NOT NULL PRIMARY KEY,
    last_slot_ms BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL
);
-- Who asked for a job (an API key's user id), when a user did: users see their own jobs.
ALTER TABLE jobs ADD COLUMN owner VARCHAR(64);
