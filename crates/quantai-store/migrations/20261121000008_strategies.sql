-- Saved strategies: a user's named strategy specs (JSON), indexed for RAG when saved.
CREATE TABLE strategies (
    user_id VARCHAR(128) NOT NULL,
    id VARCHAR(64) NOT NULL,
    name VARCHAR(200) NOT NULL,
    description TEXT NOT NULL,
    spec TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL,
    PRIMARY KEY (user_id, id)
);
