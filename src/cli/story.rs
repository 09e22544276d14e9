//! What clustering says of inbox items, for `--query`, rules and `show --json`:
//! the size of each item's story cluster and the filed item it is a copy of.

use std::collections::HashMap;

use crate::article::Article;
use crate::cache::Cache;
use crate::cluster::{self, Filed, FiledIndex, Signature};
use crate::desk::{Desk, Entry, Record};
use crate::query::{Field, Subject};

/// Each item's story, worked out only as far as something reads it.
#[derive(Debug, Default)]
pub struct Stories {
    /// Cluster sizes by item id; `None` when not worked out.
    sizes: Option<HashMap<String, usize>>,
    /// The desk's filed items; `None` when not worked out.
    filed: Option<FiledIndex>,
}

impl Stories {
    /// Works out what `reads` says is read (`Field::Cluster`, `Field::Dup`).
    pub fn work_out(desk: &Desk, articles: &[Article], reads: impl Fn(Field) -> bool) -> Stories {
        Stories {
            sizes: reads(Field::Cluster).then(|| sizes(articles)),
            filed: reads(Field::Dup).then(|| FiledIndex::load(&desk.journal)),
        }
    }

    /// The size of an article's cluster (1 when not worked out).
    pub fn size(&self, article: &Article) -> usize {
        let size = self.sizes.as_ref().and_then(|s| s.get(&article.id));
        size.copied().unwrap_or(1)
    }

    /// The filed item an article copies, if worked out and found.
    pub fn filed(&self, article: &Article) -> Option<Filed> {
        self.filed.as_ref()?.find(article.signature.as_ref()?)
    }

    /// Adds a filing made meanwhile, so later items see it (`apply` filing in turn).
    pub fn add(&mut self, record: &Record) {
        if let Some(filed) = self.filed.as_mut() {
            filed.add(record);
        }
    }

    /// Works out again what is worked out, for the desk as it is now (`watch`: items
    /// arrived, others filed meanwhile).
    pub fn refresh(&mut self, desk: &Desk) -> anyhow::Result<()> {
        if self.sizes.is_some() {
            let entries = desk.scan()?;
            self.sizes = Some(sizes(&super::extract_cached(desk, &entries)));
        }
        if self.filed.is_some() {
            self.filed = Some(FiledIndex::load(&desk.journal));
        }
        Ok(())
    }
}

/// The size of each article's story cluster, by id.
fn sizes(articles: &[Article]) -> HashMap<String, usize> {
    let assigned = cluster::assign(articles, cluster::DEFAULT_THRESHOLD);
    let ids = articles.iter().map(|a| a.id.clone());
    ids.zip(assigned.into_iter().map(|(_, size)| size))
        .collect()
}

/// An article's subject with its story: cluster size and filed category.
pub fn subject<'a>(article: &'a Article, size: usize, filed: Option<&'a Filed>) -> Subject<'a> {
    Subject::from(article).with_story(size, filed.map(|f| f.category.as_str()))
}

/// `also_filed` of `show --json`: `{category, when, name, similarity}`, or null.
pub fn filed_json(filed: Option<&Filed>) -> serde_json::Value {
    match filed {
        Some(f) => serde_json::json!({
            "category": f.category,
            "when": f.time,
            "name": f.name,
            "similarity": (f64::from(f.similarity) * 100.0).round() / 100.0,
        }),
        None => serde_json::Value::Null,
    }
}

/// The story of one item (`rules test`, `rules explain`, `show`): its cluster in the
/// inbox (1 when it is not an inbox item) and the filed item it copies.
pub fn of_one(
    desk: &Desk,
    article: &Article,
    reads: impl Fn(Field) -> bool,
) -> anyhow::Result<(usize, Option<Filed>)> {
    let mut stories = Stories {
        sizes: reads(Field::Cluster).then(HashMap::new),
        filed: reads(Field::Dup).then(FiledIndex::default),
    };
    stories.refresh(desk)?;
    Ok((stories.size(article), stories.filed(article)))
}

/// The body signature of an item about to be filed: from the extraction cache, else read.
pub fn signature_of(cache: &Cache, entry: &Entry) -> Option<Signature> {
    match cache.get(entry) {
        Some(fields) => fields.article.signature.clone(),
        None => crate::article::read(&entry.path).article.signature,
    }
}
