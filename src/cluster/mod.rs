//! Story clusters: the same story from many sources, found by MinHash + LSH over
//! the extracted body, so a triager files it once.

pub mod filed;
pub mod index;
pub mod signature;

pub use filed::{Filed, FiledIndex};
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

/// For each article, its cluster: the id of the cluster's first article and the
/// cluster's size (an article alone is a cluster of one).
pub fn assign(articles: &[crate::article::Article], threshold: f32) -> Vec<(String, usize)> {
    let mut index = Index::new(threshold);
    for a in articles {
        index.insert(a.signature.clone());
    }
    let roots: Vec<usize> = (0..articles.len()).map(|i| index.root(i)).collect();
    let mut sizes = std::collections::HashMap::new();
    for root in &roots {
        *sizes.entry(*root).or_insert(0usize) += 1;
    }
    roots
        .iter()
        .map(|r| (articles[*r].id.clone(), sizes[r]))
        .collect()
}

#[cfg(test)]
mod tests;
