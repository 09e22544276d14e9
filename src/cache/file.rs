//! The cache file: a header, then one record per item, each a 4-byte
//! little-endian length and its postcard bytes. Reading it keeps only each
//! record's name, size, mtime and place; the record itself is parsed when its
//! fields are asked for ([`super::Stored::fields`]).

use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::Path;
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};
use serde::{Deserialize, Serialize};

use super::store::{Loc, Store};
use super::{Cached, Fields, VERSION};
use crate::article::Article;
use crate::cluster::Signature;
use crate::cluster::signature::HASHES;
use crate::fast_str::Bytes;
use crate::query::FoldedText;

/// What the file begins with, so another file under that name is never misread.
const MAGIC: &str = "newsdesk extraction cache";

/// Bytes read from the file at a time.
const BLOCK: usize = 1 << 20;

#[derive(Serialize, Deserialize)]
struct Header {
    magic: String,
    version: u32,
    newsdesk: String,
}

impl Header {
    fn current() -> Header {
        Header {
            magic: MAGIC.into(),
            version: VERSION,
            newsdesk: env!("CARGO_PKG_VERSION").into(),
        }
    }
}

/// One cached file as stored.
#[derive(Deserialize)]
struct Record {
    #[serde(deserialize_with = "crate::fast_str::string")]
    name: String,
    size: u64,
    mtime_ns: u128,
    article: Article,
    /// The body signature's numbers, little-endian.
    signature: Option<Bytes>,
    folded: Option<FoldedText>,
}

/// The start of a [`Record`]: enough to index it.
#[derive(Deserialize)]
struct Head<'a> {
    #[serde(borrow)]
    name: &'a [u8],
    size: u64,
    mtime_ns: u128,
}

/// A [`Record`] as written, borrowing the cached fields.
#[derive(Serialize)]
struct RecordOut<'a> {
    name: &'a str,
    size: u64,
    mtime_ns: u128,
    article: &'a Article,
    signature: Option<Bytes>,
    folded: Option<&'a FoldedText>,
}

fn invalid(e: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, e)
}

/// Writes every item to `path`, synced, each record copied from `store` (one
/// that cannot be read is left out).
pub(super) fn write(path: &Path, items: &HashMap<String, Cached>, store: &Store) -> io::Result<()> {
    let mut out = BufWriter::new(File::create(path)?);
    frame(&mut out, &Header::current())?;
    for (_, _, at) in items.values() {
        match store.read(*at) {
            Ok(record) => framed(&mut out, &record)?,
            Err(e) => tracing::warn!("a cached record could not be read back: {e}"),
        }
    }
    out.into_inner().map_err(|e| e.into_error())?.sync_all()
}

/// One item's record: an error when it cannot be stored (a path that is not UTF-8).
pub(super) fn record_bytes(
    name: &str,
    size: u64,
    mtime_ns: u128,
    fields: &Fields,
) -> io::Result<Vec<u8>> {
    let record = RecordOut {
        name,
        size,
        mtime_ns,
        article: &fields.article,
        signature: fields.article.signature.as_ref().map(signature_bytes),
        folded: fields.folded.as_deref(),
    };
    postcard::to_allocvec(&record).map_err(invalid)
}

/// Writes one value as a 4-byte little-endian length and its postcard bytes.
fn frame(out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
    framed(out, &postcard::to_allocvec(value).map_err(invalid)?)
}

/// Writes bytes as a 4-byte little-endian length and the bytes.
fn framed(out: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    let len = u32::try_from(bytes.len()).map_err(invalid)?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(bytes)
}

/// Where each item's record is in the file at `path`, which `store` keeps open
/// to read them from; an error when it is damaged, cut short or of another
/// version (a record whose start does not parse is only left out).
pub(super) fn read(path: &Path, store: &Store) -> io::Result<HashMap<String, Cached>> {
    let file = File::open(path)?;
    let total = file.metadata()?.len();
    let mut left = total;
    let mut input = BufReader::with_capacity(BLOCK, file.try_clone()?);
    let mut block = Vec::new();
    let header =
        next_frame(&mut input, &mut left, &mut block)?.ok_or(io::ErrorKind::InvalidData)?;
    match postcard::from_bytes::<Header>(&block[header]) {
        Ok(h)
            if h.magic == MAGIC
                && h.version == VERSION
                && h.newsdesk == env!("CARGO_PKG_VERSION") => {}
        _ => return Err(io::ErrorKind::InvalidData.into()),
    }
    let mut items = HashMap::new();
    loop {
        let offset = total - left + 4;
        block.clear();
        let Some(frame) = next_frame(&mut input, &mut left, &mut block)? else {
            store.set_loaded(file);
            return Ok(items);
        };
        let Ok((head, _)) = postcard::take_from_bytes::<Head>(&block[frame.clone()]) else {
            continue;
        };
        let Ok(name) = std::str::from_utf8(head.name) else {
            continue;
        };
        let len = u32::try_from(frame.len()).map_err(invalid)?;
        items.insert(
            name.to_owned(),
            (head.size, head.mtime_ns, Loc::loaded(offset, len)),
        );
    }
}

/// Appends the next frame's bytes to `block` and returns where they are; `None`
/// at the end of the file.
fn next_frame(
    input: &mut impl Read,
    left: &mut u64,
    block: &mut Vec<u8>,
) -> io::Result<Option<std::ops::Range<usize>>> {
    if *left == 0 {
        return Ok(None);
    }
    let mut len = [0u8; 4];
    input.read_exact(&mut len)?;
    let len = u64::from(u32::from_le_bytes(len));
    // A damaged length must not make us allocate what the file does not hold.
    *left = left
        .checked_sub(4 + len)
        .ok_or(io::ErrorKind::UnexpectedEof)?;
    let start = block.len();
    let len = usize::try_from(len).map_err(invalid)?;
    block.resize(start + len, 0);
    input.read_exact(&mut block[start..])?;
    Ok(Some(start..start + len))
}

fn signature_bytes(signature: &Signature) -> Bytes {
    Bytes(signature.0.iter().flat_map(|n| n.to_le_bytes()).collect())
}

fn signature_of(bytes: &[u8]) -> Option<Signature> {
    let mut numbers = [0; HASHES];
    (bytes.len() == 4 * HASHES).then_some(())?;
    for (n, b) in numbers.iter_mut().zip(bytes.chunks_exact(4)) {
        *n = u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
    }
    Some(Signature(numbers))
}

/// The name, size, mtime and fields in a record's bytes.
pub(super) fn record(bytes: &[u8]) -> Option<(String, u64, u128, Fields)> {
    let r = postcard::from_bytes::<Record>(bytes).ok()?;
    let mut article = r.article;
    article.signature = r.signature.and_then(|b| signature_of(&b.0));
    let fields = Fields {
        article: Arc::new(article),
        folded: r.folded.map(Arc::new),
        stored: None,
    };
    Some((r.name, r.size, r.mtime_ns, fields))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cache::Cache;
    use crate::desk::Entry;
    use std::fs;

    fn entry(name: &str, size: u64) -> Entry {
        crate::cache::tests::entry(name, size, size)
    }

    fn one_item(path: &Path) -> Vec<u8> {
        let mut cache = Cache::load(Some(path.to_path_buf()));
        cache.put(&entry("a.txt", 1), &Fields::from(Article::default()));
        cache.save().expect("save");
        fs::read(path).expect("read")
    }

    fn read_len(path: &Path) -> io::Result<usize> {
        read(path, &Store::default()).map(|items| items.len())
    }

    #[test]
    fn damaged_cut_short_or_old_files_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.bin");
        fs::write(&path, "not a cache\n").expect("write");
        assert!(read_len(&path).is_err(), "not a cache");
        let good = one_item(&path);
        assert_eq!(read_len(&path).expect("read"), 1);
        fs::write(&path, &good[..good.len() - 1]).expect("write");
        assert!(read_len(&path).is_err(), "cut short");
        let mut huge = good.clone();
        let header = 4 + u32::from_le_bytes(good[..4].try_into().expect("4 bytes")) as usize;
        huge[header..header + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        fs::write(&path, &huge).expect("write");
        assert!(read_len(&path).is_err(), "a length past the end");
        let mut old = Vec::new();
        let header_old = Header {
            version: VERSION - 1,
            ..Header::current()
        };
        frame(&mut old, &header_old).expect("frame");
        old.extend_from_slice(&good[header..]);
        fs::write(&path, &old).expect("write");
        assert!(read_len(&path).is_err(), "another version");
    }

    #[test]
    fn many_items_span_several_blocks_and_read_back_where_they_are() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("c.bin");
        let lead = "أعلنت موسكو اليوم ".repeat(2_000);
        let mut cache = Cache::load(Some(path.clone()));
        let items: Vec<(Entry, Fields)> = (0..60)
            .map(|i| {
                let article = Article {
                    title: format!("item {i}"),
                    lead: lead.clone(),
                    path: format!("{i}.txt").into(),
                    ..Article::default()
                };
                // A few folded, so both kinds of record cross block ends.
                let fields = if i % 10 == 0 {
                    Fields::folded(article)
                } else {
                    Fields::from(article)
                };
                (entry(&format!("{i}.txt"), i), fields)
            })
            .collect();
        for (e, fields) in &items {
            cache.put(e, fields);
        }
        cache.save().expect("save");
        assert!(fs::metadata(&path).expect("meta").len() > 2 * BLOCK as u64);
        let back = Cache::load(Some(path));
        assert_eq!(back.len(), 60);
        for (e, fields) in &items {
            let got = back.get(e).expect("cached");
            assert_eq!(
                (&got.article, &got.folded),
                (&fields.article, &fields.folded),
                "{}",
                e.name
            );
        }
    }
}
