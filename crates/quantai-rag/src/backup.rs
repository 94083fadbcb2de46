//! Where backups go: one local file, or one object in S3-compatible storage
//! (`s3://BUCKET/KEY`, configured by the usual `AWS_*` environment variables, e.g.
//! `AWS_ENDPOINT` and `AWS_ALLOW_HTTP` for MinIO).
//!
//! A backup is never seen half-written: a file is written beside its target and renamed over
//! it; an object is uploaded (in parts when large) and appears only when the upload completes.
//! A restore reads the whole backup before the service checks and stores it. Backup files are
//! created readable by their owner only (0600 on Unix): they hold users' documents.

use std::io::{Seek, Write};
use std::sync::Arc;

use futures::StreamExt;
use object_store::path::Path as ObjectPath;
use object_store::ObjectStore;
use tokio::io::AsyncWriteExt;

use crate::service::Rag;
use crate::RagError;

/// Part size of multipart uploads (S3's minimum part is 5 MiB).
const PART: usize = 8 << 20;

/// A backup's place.
pub enum Target {
    /// A local file.
    File(std::path::PathBuf),
    /// An object: the store, the key, and the URL it was named by (for messages).
    Object { store: Arc<dyn ObjectStore>, key: ObjectPath, url: String },
}

impl Target {
    /// `s3://BUCKET/KEY` or a file path (`file:PATH` also accepted).
    pub fn parse(s: &str) -> Result<Self, RagError> {
        let Some(rest) = s.strip_prefix("s3://") else {
            let path = s.strip_prefix("file:").unwrap_or(s);
            if path.is_empty() {
                return Err(RagError::Invalid("the backup target is empty".into()));
            }
            return Ok(Self::File(path.into()));
        };
        let (bucket, key) = rest
            .split_once('/')
            .filter(|(b, k)| !b.is_empty() && !k.trim_matches('/').is_empty())
            .ok_or_else(|| RagError::Invalid(format!("{s:?} is not s3://BUCKET/KEY")))?;
        let key = ObjectPath::parse(key.trim_matches('/'))
            .map_err(|e| RagError::Invalid(format!("{s:?}: the key is not a valid object path: {e}")))?;
        let store = object_store::aws::AmazonS3Builder::from_env()
            .with_bucket_name(bucket)
            .build()
            .map_err(|e| RagError::Invalid(format!("{s:?}: {e}")))?;
        Ok(Self::Object { store: Arc::new(store), key, url: s.to_string() })
    }

    /// The target as the user named it.
    pub fn describe(&self) -> String {
        match self {
            Self::File(p) => p.display().to_string(),
            Self::Object { url, .. } => url.clone(),
        }
    }
}

fn io(what: String) -> impl Fn(std::io::Error) -> RagError {
    move |e| RagError::Store(format!("{what}: {e}"))
}

/// Writes every document of `rag` to `target`; the number of documents.
pub async fn save(rag: &Rag, target: &Target) -> Result<usize, RagError> {
    match target {
        Target::File(path) => {
            let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
            let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io(format!("writing in {}", dir.display())))?;
            let n = rag.backup(std::io::BufWriter::new(tmp.as_file_mut())).await?;
            tmp.as_file().sync_all().map_err(io(format!("writing {}", path.display())))?;
            tmp.persist(path).map_err(|e| io(format!("writing {}", path.display()))(e.error))?;
            Ok(n)
        }
        Target::Object { store, key, url } => {
            let mut tmp = tempfile::tempfile().map_err(io("creating a temporary file".into()))?;
            let n = rag.backup(std::io::BufWriter::new(&mut tmp)).await?;
            tmp.rewind().map_err(io("reading the temporary file".into()))?;
            let mut file = tokio::fs::File::from_std(tmp);
            let mut up = object_store::buffered::BufWriter::with_capacity(store.clone(), key.clone(), PART);
            // Either way the object, if it existed, is unchanged. A failed copy aborts the upload;
            // a failed completion may leave uploaded parts behind (a bucket lifecycle rule for
            // incomplete multipart uploads removes them).
            if let Err(e) = tokio::io::copy(&mut file, &mut up).await {
                let _ = up.abort().await;
                return Err(RagError::Store(format!("uploading {url}: {e}")));
            }
            up.shutdown().await.map_err(|e| RagError::Store(format!("uploading {url}: {e}")))?;
            Ok(n)
        }
    }
}

/// Restores the backup at `target` into `rag` (checked whole before anything is stored); the
/// number of documents.
pub async fn load(rag: &Rag, target: &Target) -> Result<usize, RagError> {
    match target {
        Target::File(path) => {
            let f = std::fs::File::open(path).map_err(io(format!("opening {}", path.display())))?;
            rag.restore(std::io::BufReader::new(f)).await
        }
        Target::Object { store, key, url } => {
            let got = store.get(key).await.map_err(|e| RagError::Invalid(format!("reading {url}: {e}")))?;
            let mut tmp = tempfile::tempfile().map_err(io("creating a temporary file".into()))?;
            let mut chunks = got.into_stream();
            while let Some(chunk) = chunks.next().await {
                let chunk = chunk.map_err(|e| RagError::Store(format!("reading {url}: {e}")))?;
                tmp.write_all(&chunk).map_err(io("writing the temporary file".into()))?;
            }
            tmp.rewind().map_err(io("reading the temporary file".into()))?;
            rag.restore(std::io::BufReader::new(tmp)).await
        }
    }
}
