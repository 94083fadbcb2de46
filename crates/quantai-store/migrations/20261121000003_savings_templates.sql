-- What a cache hit saved, the prompt template a request used, and versioned prompt templates.
ALTER TABLE llm_usage ADD COLUMN saved_cost_picos BIGINT NOT NULL DEFAULT 0;
ALTER TABLE llm_usage ADD COLUMN template_name VARCHAR(128);
ALTER TABLE llm_usage ADD COLUMN template_version BIGINT;

CREATE TABLE prompt_templates (
    name VARCHAR(128) NOT NULL,
    version BIGINT NOT NULL,
    body TEXT NOT NULL,
    variables TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    PRIMARY KEY (name, version)
);
