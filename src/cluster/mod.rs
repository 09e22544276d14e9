//! Story clusters: the same story from many sources, found by MinHash + LSH over
//! the extracted body, so a triager files it once.

pub mod index;
pub mod signature;

pub use index::Index;
pub use signature::Signature;

/// Items at or above this estimated similarity are the same story (config can change it).
pub const DEFAULT_THRESHOLD: f32 = 0.5;

/// Clusters of `signatures` (indices into it), each with more than one member.
pub fn clusters(
    signatures: impl IntoIterator<Item = Option<Signature>>,
    threshold: f32,
) -> Vec<Vec<usize>> {
    let mut index = Index::new(threshold);
    for sig in signatures {
        index.insert(sig);
    }
    index.clusters()
}

#[cfg(test)]
mod tests;
