//! The approximate path for large partitions: an HNSW graph (instant-distance) over a snapshot
//! of a partition's vectors. The graph is immutable; what changed after its snapshot (upserts,
//! deletes) is tracked by slot and scored exactly at query time, so a search never returns a
//! deleted document or a stale vector, and the graph is rebuilt in the background once the
//! changes pass a tenth of it.

use std::sync::Arc;

use instant_distance::{Builder, HnswMap, Point, Search};

/// Candidates one search reads from the graph (HNSW's `ef`): queries needing more fall back to
/// the exact scan.
pub const EF_SEARCH: usize = 256;
/// Neighbours considered while building.
const EF_CONSTRUCTION: usize = 128;

/// A vector of the snapshot: its offset in the shared array (no copy per point).
#[derive(Clone)]
pub struct Pt {
    base: Arc<[f32]>,
    dims: u32,
    at: u32,
}

impl Point for Pt {
    fn distance(&self, other: &Self) -> f32 {
        1.0 - crate::index::dot(self.slice(), other.slice())
    }
}

impl Pt {
    fn slice(&self) -> &[f32] {
        let d = self.dims as usize;
        let at = self.at as usize * d;
        &self.base[at..at + d]
    }
}

/// The graph over a snapshot, valued by partition slot.
pub struct Ann {
    map: HnswMap<Pt, u32>,
    dims: usize,
    /// The partition's change sequence when the snapshot was taken.
    pub seq: u64,
    /// Documents in the snapshot.
    pub len: usize,
}

/// What a graph is built from: live slots and their vectors, copied out of the partition.
pub struct Snapshot {
    pub slots: Vec<u32>,
    pub vectors: Vec<f32>,
    pub dims: usize,
    pub seq: u64,
}

impl Ann {
    /// Builds the graph (CPU-bound: seconds for 100k vectors; run it off the async runtime).
    pub fn build(s: Snapshot) -> Self {
        let base: Arc<[f32]> = s.vectors.into();
        let points: Vec<Pt> =
            (0..s.slots.len()).map(|i| Pt { base: base.clone(), dims: s.dims as u32, at: i as u32 }).collect();
        let len = s.slots.len();
        let map =
            Builder::default().ef_construction(EF_CONSTRUCTION).ef_search(EF_SEARCH).seed(7).build(points, s.slots);
        Self { map, dims: s.dims, seq: s.seq, len }
    }

    /// Up to [`EF_SEARCH`] (slot, cosine) pairs nearest to `query`, best first.
    pub fn search(&self, query: &[f32]) -> Vec<(u32, f32)> {
        if query.len() != self.dims {
            return Vec::new();
        }
        let q = Pt { base: query.into(), dims: self.dims as u32, at: 0 };
        let mut search = Search::default();
        self.map.search(&q, &mut search).map(|item| (*item.value, 1.0 - item.distance)).collect()
    }
}
