//! Locality-sensitive hashing over MinHash bands: near-duplicates found in
//! near-linear time, joined into clusters with union-find.

use std::collections::HashMap;

use super::signature::{HASHES, Signature};

/// Bands of the signature; a pair sharing any band is compared.
const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;

/// Clusters of near-duplicate items, built incrementally.
#[derive(Debug, Clone)]
pub struct Index {
    threshold: f32,
    buckets: Vec<HashMap<u64, Vec<usize>>>,
    signatures: Vec<Option<Signature>>,
    parent: Vec<usize>,
}

impl Index {
    /// An empty index; items at or above `threshold` estimated similarity cluster.
    pub fn new(threshold: f32) -> Index {
        Index {
            threshold,
            buckets: vec![HashMap::new(); BANDS],
            signatures: Vec::new(),
            parent: Vec::new(),
        }
    }

    /// Adds an item (its number is the count so far) and joins it to every
    /// similar item already in. Items without a signature stand alone.
    pub fn insert(&mut self, signature: Option<Signature>) -> usize {
        let item = self.parent.len();
        self.parent.push(item);
        if let Some(sig) = &signature {
            for (band, bucket) in self.buckets.iter_mut().enumerate() {
                let key = band_key(sig, band);
                let members = bucket.entry(key).or_default();
                let candidates = members.clone();
                members.push(item);
                for other in candidates {
                    let similar = self.signatures[other]
                        .as_ref()
                        .is_some_and(|o| o.similarity(sig) >= self.threshold);
                    if similar {
                        union(&mut self.parent, item, other);
                    }
                }
            }
        }
        self.signatures.push(signature);
        item
    }

    /// Adds an item to the buckets only, joining it to nothing: for an index that is
    /// a lookup table of near-duplicates ([`Index::similar`]), not clusters. No
    /// comparisons, so building one costs the same however many copies it holds.
    pub fn insert_alone(&mut self, signature: Signature) -> usize {
        let item = self.parent.len();
        self.parent.push(item);
        for (band, bucket) in self.buckets.iter_mut().enumerate() {
            bucket
                .entry(band_key(&signature, band))
                .or_default()
                .push(item);
        }
        self.signatures.push(Some(signature));
        item
    }

    /// The item representing an item's cluster.
    pub fn root(&mut self, item: usize) -> usize {
        find(&mut self.parent, item)
    }

    /// Every cluster with more than one member, members in insertion order.
    pub fn clusters(&mut self) -> Vec<Vec<usize>> {
        let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
        for item in 0..self.parent.len() {
            let root = find(&mut self.parent, item);
            groups.entry(root).or_default().push(item);
        }
        let mut out: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
        out.sort_by_key(|g| g[0]);
        out
    }

    /// The signature an item was inserted with.
    pub fn signature(&self, item: usize) -> Option<&Signature> {
        self.signatures.get(item)?.as_ref()
    }

    /// The items already in whose similarity to `signature` reaches the threshold.
    pub fn similar(&self, signature: &Signature) -> Vec<usize> {
        let mut candidates: Vec<usize> = (0..BANDS)
            .filter_map(|band| self.buckets[band].get(&band_key(signature, band)))
            .flatten()
            .copied()
            .collect();
        // A near-duplicate shares many bands: compare it once, not once per band.
        candidates.sort_unstable();
        candidates.dedup();
        candidates.retain(|&i| {
            self.signatures[i]
                .as_ref()
                .is_some_and(|s| s.similarity(signature) >= self.threshold)
        });
        candidates
    }
}

/// Sixteen bits of each band's key: two signatures that share a band share its
/// mark, so an item whose marks meet none of a signature's need not be compared
/// with it (nor its signature read back).
pub type Marks = [u16; BANDS];

/// The band marks of a signature.
pub fn band_marks(sig: &Signature) -> Marks {
    std::array::from_fn(|band| band_key(sig, band) as u16)
}

/// Whether two signatures' marks agree in some band (always, if they share a band).
pub fn marks_meet(a: &Marks, b: &Marks) -> bool {
    a.iter().zip(b).any(|(x, y)| x == y)
}

fn band_key(sig: &Signature, band: usize) -> u64 {
    sig.0[band * ROWS..(band + 1) * ROWS]
        .iter()
        .fold(band as u64, |h, v| {
            h.wrapping_mul(0x0100_0000_01b3) ^ u64::from(*v)
        })
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        // The older item represents the cluster.
        let (keep, join) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[join] = keep;
    }
}
