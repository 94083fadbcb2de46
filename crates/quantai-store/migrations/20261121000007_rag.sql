-- RAG documents, partitioned by (collection, user): the text, its metadata (JSON), the model
-- that embedded it and the vector (little-endian f32, base64). A user's documents are read and
-- searched only under their own user_id.
CREATE TABLE rag_documents (
    collection VARCHAR(64) NOT NULL,
    user_id VARCHAR(128) NOT NULL,
    id VARCHAR(191) NOT NULL,
    text TEXT NOT NULL,
    metadata TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    model VARCHAR(128) NOT NULL,
    embedding TEXT NOT NULL,
    PRIMARY KEY (collection, user_id, id)
);
CREATE INDEX rag_documents_created ON rag_documents (collection, created_ms);
CREATE INDEX rag_documents_user ON rag_documents (user_id);

-- Embeddings by (model, sha256 of the text): the same text is never embedded twice.
CREATE TABLE rag_embedding_cache (
    model VARCHAR(128) NOT NULL,
    text_sha256 VARCHAR(64) NOT NULL,
    embedding TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    PRIMARY KEY (model, text_sha256)
);
