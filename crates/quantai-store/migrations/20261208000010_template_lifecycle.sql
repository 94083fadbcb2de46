-- Prompt templates gain a lifecycle: draft → approved (by an admin) → active (one per name).
-- Versions stored before the lifecycle existed were already serving: they count as approved.
ALTER TABLE prompt_templates ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'approved';
ALTER TABLE prompt_templates ADD COLUMN approved_by VARCHAR(128);
ALTER TABLE prompt_templates ADD COLUMN approved_ms BIGINT;
