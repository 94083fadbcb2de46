//! Raw API responses, kept as they came in bucket `raw-data` (local files by default, any
//! S3-compatible store by configuration), so a parse can be replayed and a vendor's data audited.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use object_store::path::Path;
use object_store::{ObjectStore, PutPayload};

/// Why `market_data.raw_archive_url` cannot be opened.
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    #[error("market_data.raw_archive_url: {0:?} is not file:DIR, s3://BUCKET or empty")]
    BadUrl(String),
    #[error("market_data.raw_archive_url: cannot create {path}: {source}")]
    CreateDir { path: String, source: std::io::Error },
    #[error("market_data.raw_archive_url: {0}")]
    Store(#[from] object_store::Error),
}

/// Where raw responses go; cheap to clone.
#[derive(Clone)]
pub struct Archive {
    store: Arc<dyn ObjectStore>,
    seq: Arc<AtomicU64>,
}

impl Archive {
    /// `file:DIR` (the bucket is DIR/raw-data) or `s3://BUCKET`; `None` for an empty URL.
    pub fn open(url: &str) -> Result<Option<Self>, ArchiveError> {
        if url.is_empty() {
            return Ok(None);
        }
        let store: Arc<dyn ObjectStore> = if let Some(dir) = url.strip_prefix("file:") {
            let root = std::path::Path::new(dir).join("raw-data");
            std::fs::create_dir_all(&root)
                .map_err(|source| ArchiveError::CreateDir { path: root.display().to_string(), source })?;
            Arc::new(object_store::local::LocalFileSystem::new_with_prefix(&root)?)
        } else if let Some(bucket) = url.strip_prefix("s3://") {
            Arc::new(
                object_store::aws::AmazonS3Builder::from_env()
                    .with_bucket_name(bucket.trim_end_matches('/'))
                    .build()?,
            )
        } else {
            return Err(ArchiveError::BadUrl(url.to_string()));
        };
        Ok(Some(Self { store, seq: Arc::new(AtomicU64::new(0)) }))
    }

    /// Stores `body` as `SOURCE/YYYY-MM-DD/NAME-MILLIS-SEQ.EXT`; a failure is logged, never fatal.
    pub async fn put(&self, source: crate::Source, name: &str, ext: &str, body: bytes::Bytes) {
        let now = time::OffsetDateTime::now_utc();
        let day = format!("{:04}-{:02}-{:02}", now.year(), u8::from(now.month()), now.day());
        let ms = now.unix_timestamp_nanos() / 1_000_000;
        let seq = self.seq.fetch_add(1, Ordering::Relaxed);
        let safe: String =
            name.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c } else { '_' }).collect();
        let path = Path::from(format!("{source}/{day}/{safe}-{ms}-{seq}.{ext}"));
        if let Err(e) = self.store.put(&path, PutPayload::from(body)).await {
            tracing::warn!(error = %e, "raw response not archived");
        }
    }

    /// Every archived object's path (tests, audits).
    pub async fn list(&self) -> Result<Vec<String>, object_store::Error> {
        use futures::StreamExt;
        let mut out = Vec::new();
        let mut s = self.store.list(None);
        while let Some(m) = s.next().await {
            out.push(m?.location.to_string());
        }
        out.sort();
        Ok(out)
    }
}
