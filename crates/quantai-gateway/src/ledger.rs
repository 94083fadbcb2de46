//! The usage ledger writer: requests hand rows to a bounded in-memory queue and go on; one
//! background task writes them in batches. A failed write is retried with the same batch, so
//! nothing is lost while the database is briefly away; closing the queue (shutdown) drains it.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use quantai_core::config::LedgerSettings;
use quantai_store::ledger::UsageRecord;
use quantai_store::Store;
use tokio::sync::{mpsc, oneshot};
use tokio::task::JoinHandle;

use crate::metrics::Metrics;

enum Msg {
    Row(Box<UsageRecord>),
    Flush(oneshot::Sender<()>),
}

/// A cheap, cloneable handle for handing rows to the writer.
#[derive(Clone)]
pub struct Ledger {
    tx: mpsc::Sender<Msg>,
    depth: Arc<AtomicI64>,
    metrics: Arc<Metrics>,
}

/// Starts the writer task. The task ends once every [`Ledger`] handle is dropped and the queue
/// is written out.
pub fn spawn(store: Store, s: &LedgerSettings, metrics: Arc<Metrics>) -> (Ledger, JoinHandle<()>) {
    let (tx, rx) = mpsc::channel(s.queue_capacity);
    let depth = Arc::new(AtomicI64::new(0));
    let worker = Worker {
        store,
        rx,
        batch_size: s.batch_size,
        interval: Duration::from_millis(s.flush_interval_ms),
        depth: depth.clone(),
        metrics: metrics.clone(),
    };
    let handle = tokio::spawn(worker.run());
    (Ledger { tx, depth, metrics }, handle)
}

impl Ledger {
    /// Queues a row without waiting; when the queue is full the row waits in a task of its own
    /// rather than being dropped.
    pub fn record(&self, row: UsageRecord) {
        self.depth.fetch_add(1, Ordering::Relaxed);
        self.metrics.ledger_queue.set(self.depth.load(Ordering::Relaxed));
        match self.tx.try_send(Msg::Row(Box::new(row))) {
            Ok(()) => {}
            Err(mpsc::error::TrySendError::Full(msg)) => {
                let tx = self.tx.clone();
                tokio::spawn(async move {
                    if tx.send(msg).await.is_err() {
                        tracing::error!("usage ledger closed; a usage row was lost");
                    }
                });
            }
            Err(mpsc::error::TrySendError::Closed(_)) => {
                tracing::error!("usage ledger closed; a usage row was lost");
            }
        }
    }

    /// Waits until every row queued before this call is written (tests, admin tools).
    pub async fn flush(&self) {
        let (tx, rx) = oneshot::channel();
        if self.tx.send(Msg::Flush(tx)).await.is_ok() {
            let _ = rx.await;
        }
    }

    /// Rows queued and not yet written.
    pub fn depth(&self) -> i64 {
        self.depth.load(Ordering::Relaxed)
    }
}

struct Worker {
    store: Store,
    rx: mpsc::Receiver<Msg>,
    batch_size: usize,
    interval: Duration,
    depth: Arc<AtomicI64>,
    metrics: Arc<Metrics>,
}

impl Worker {
    async fn run(mut self) {
        let mut batch: Vec<UsageRecord> = Vec::with_capacity(self.batch_size);
        let mut waiters: Vec<oneshot::Sender<()>> = Vec::new();
        loop {
            let first = self.rx.recv().await;
            let closed = first.is_none();
            if let Some(m) = first {
                self.take(m, &mut batch, &mut waiters);
                // Gather more rows for a short while so one transaction carries many.
                let deadline = tokio::time::Instant::now() + self.interval;
                while batch.len() < self.batch_size && waiters.is_empty() {
                    match tokio::time::timeout_at(deadline, self.rx.recv()).await {
                        Ok(Some(m)) => self.take(m, &mut batch, &mut waiters),
                        Ok(None) | Err(_) => break,
                    }
                }
            }
            self.write(&mut batch).await;
            for w in waiters.drain(..) {
                let _ = w.send(());
            }
            if closed {
                tracing::info!("usage ledger drained");
                return;
            }
        }
    }

    fn take(&self, m: Msg, batch: &mut Vec<UsageRecord>, waiters: &mut Vec<oneshot::Sender<()>>) {
        match m {
            Msg::Row(r) => batch.push(*r),
            Msg::Flush(w) => waiters.push(w),
        }
    }

    async fn write(&self, batch: &mut Vec<UsageRecord>) {
        if batch.is_empty() {
            return;
        }
        let mut delay = Duration::from_millis(50);
        loop {
            match self.store.insert_usage(batch).await {
                Ok(()) => {
                    self.done(batch.len());
                    batch.clear();
                    return;
                }
                Err(e) if e.is_permanent() => {
                    // One bad row must not hold the others back: write them one by one.
                    tracing::warn!(error = %e, rows = batch.len(), "usage batch refused; writing rows one by one");
                    self.write_each(batch).await;
                    if batch.is_empty() {
                        return;
                    }
                }
                Err(e) => {
                    self.metrics.ledger_errors.inc();
                    tracing::warn!(error = %e, rows = batch.len(), "usage ledger write failed; retrying");
                }
            }
            tokio::time::sleep(delay).await;
            delay = (delay * 2).min(Duration::from_secs(5));
        }
    }

    /// Writes rows singly. Rows already stored (a duplicate key, e.g. after a commit whose
    /// acknowledgement was lost) count as written; rows the database refuses are logged and
    /// dropped; rows that hit a transient error stay in `batch` for the next try.
    async fn write_each(&self, batch: &mut Vec<UsageRecord>) {
        let rows = std::mem::take(batch);
        for row in rows {
            match self.store.insert_usage(std::slice::from_ref(&row)).await {
                Ok(()) => self.done(1),
                Err(e) if e.is_duplicate() => self.done(1),
                Err(e) if e.is_permanent() => {
                    self.metrics.ledger_errors.inc();
                    self.depth.fetch_sub(1, Ordering::Relaxed);
                    tracing::error!(error = %e, request_id = %row.request_id, attempt = row.attempt,
                        "usage row refused by the database and dropped");
                }
                Err(_) => batch.push(row),
            }
        }
    }

    fn done(&self, n: usize) {
        let n = n as i64;
        self.depth.fetch_sub(n, Ordering::Relaxed);
        self.metrics.ledger_queue.set(self.depth.load(Ordering::Relaxed));
        self.metrics.ledger_rows.inc_by(n as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use quantai_store::ledger::UsageFilter;

    fn row(id: &str) -> UsageRecord {
        UsageRecord {
            request_id: id.into(),
            attempt: 1,
            is_final: true,
            ts_ms: 1_795_219_200_000,
            user_id: "u".into(),
            service: "s".into(),
            model: "m".into(),
            provider: "p".into(),
            upstream_model: "m".into(),
            endpoint: "chat".into(),
            streamed: false,
            prompt_tokens: 1,
            cached_tokens: 0,
            completion_tokens: 1,
            tokens_estimated: false,
            input_price_micros: 1,
            cached_price_micros: 1,
            output_price_micros: 1,
            cost_picos: 2,
            latency_ms: 1,
            status: "ok".into(),
            http_status: 200,
            error_class: None,
            cache_hit: false,
            saved_cost_picos: 0,
            template_name: None,
            template_version: None,
            experiment_arm: None,
        }
    }

    #[tokio::test]
    async fn a_row_already_stored_does_not_block_the_batch() {
        let dir = tempfile::tempdir().unwrap();
        let db = quantai_store::testing::sqlite(dir.path()).await.unwrap();
        // As after a commit whose acknowledgement was lost: the row is stored, and queued again.
        db.store.insert_usage(&[row("dup")]).await.unwrap();
        let s = LedgerSettings { queue_capacity: 100, batch_size: 100, flush_interval_ms: 20 };
        let metrics = Arc::new(Metrics::new());
        let (ledger, task) = spawn(db.store.clone(), &s, metrics.clone());
        for id in ["a", "dup", "b"] {
            ledger.record(row(id));
        }
        tokio::time::timeout(Duration::from_secs(10), ledger.flush()).await.expect("the writer is not stuck");
        let mut ids: Vec<String> =
            db.store.list_usage(&UsageFilter::default(), 10).await.unwrap().into_iter().map(|r| r.request_id).collect();
        ids.sort();
        assert_eq!(ids, ["a", "b", "dup"]);
        assert_eq!(ledger.depth(), 0);
        assert!(metrics.render().contains("quantai_ledger_rows_written_total 3"));
        drop(ledger);
        tokio::time::timeout(Duration::from_secs(10), task).await.unwrap().unwrap();
    }
}
