//! Reading strings with a SIMD UTF-8 check, for `#[serde(deserialize_with)]`.
//!
//! Most of a cached start is parsing the extraction cache, and most of that text
//! is Arabic, where the standard library's UTF-8 check runs a byte at a time. The
//! cache's format (postcard) writes a string as its length and bytes, so these
//! helpers ask for bytes and check them with simdutf8 instead. Formats that hand
//! over a string (JSON) still work: a `str` is taken as it is.

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};

/// A `String` field.
pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    d.deserialize_bytes(Checked)
}

/// An `Option<String>` field.
pub fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Ok(Option::<Text>::deserialize(d)?.map(|t| t.0))
}

/// A `Vec<String>` field.
pub fn strings<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(Vec::<Text>::deserialize(d)?
        .into_iter()
        .map(|t| t.0)
        .collect())
}

/// A `(String, String)` field.
pub fn pair<'de, D: Deserializer<'de>>(d: D) -> Result<(String, String), D::Error> {
    let (a, b) = <(Text, Text)>::deserialize(d)?;
    Ok((a.0, b.0))
}

/// A `BTreeMap<String, String>` field.
pub fn map<'de, D: Deserializer<'de>>(d: D) -> Result<BTreeMap<String, String>, D::Error> {
    Ok(BTreeMap::<Text, Text>::deserialize(d)?
        .into_iter()
        .map(|(k, v)| (k.0, v.0))
        .collect())
}

/// A `PathBuf` field (written as a string).
pub fn path<'de, D: Deserializer<'de>>(d: D) -> Result<PathBuf, D::Error> {
    string(d).map(PathBuf::from)
}

/// A string read through [`string`], for the containers above.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Text(String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        string(d).map(Text)
    }
}

/// Takes a string, or bytes that pass the UTF-8 check.
struct Checked;

impl Visitor<'_> for Checked {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a UTF-8 string")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<String, E> {
        Ok(v)
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<String, E> {
        simdutf8::basic::from_utf8(v)
            .map(str::to_owned)
            .map_err(|_| E::invalid_value(Unexpected::Bytes(v), &self))
    }
}

/// Bytes kept as bytes: postcard writes a length and copies them at once,
/// where a `Vec<u8>` would go through serde a number at a time.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bytes(pub Box<[u8]>);

impl serde::Serialize for Bytes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(&self.0)
    }
}

impl<'de> Deserialize<'de> for Bytes {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Bytes, D::Error> {
        d.deserialize_bytes(BytesVisitor)
    }
}

struct BytesVisitor;

impl<'de> Visitor<'de> for BytesVisitor {
    type Value = Bytes;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("bytes")
    }

    fn visit_bytes<E: de::Error>(self, bytes: &[u8]) -> Result<Bytes, E> {
        Ok(Bytes(bytes.into()))
    }

    /// Formats without a bytes type (JSON) write a sequence of numbers.
    fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Bytes, A::Error> {
        let mut bytes = Vec::new();
        while let Some(b) = seq.next_element()? {
            bytes.push(b);
        }
        Ok(Bytes(bytes.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Sample {
        #[serde(deserialize_with = "string")]
        title: String,
        #[serde(deserialize_with = "option")]
        source: Option<String>,
        #[serde(deserialize_with = "strings")]
        keywords: Vec<String>,
        #[serde(deserialize_with = "pair")]
        both: (String, String),
        #[serde(deserialize_with = "map")]
        meta: BTreeMap<String, String>,
        #[serde(deserialize_with = "path")]
        file: PathBuf,
    }

    fn sample() -> Sample {
        Sample {
            title: "أعلنت موسكو 🇸🇾 東京".into(),
            source: Some("Ynet · ידיעות".into()),
            keywords: vec!["إدلب".into(), String::new()],
            both: ("lead".into(), "".into()),
            meta: BTreeMap::from([("feed".into(), "الجزيرة".into())]),
            file: "inbox/ملف.txt".into(),
        }
    }

    #[test]
    fn postcard_and_json_read_back_the_same() {
        let bytes = postcard::to_allocvec(&sample()).expect("postcard");
        assert_eq!(
            postcard::from_bytes::<Sample>(&bytes).expect("read"),
            sample()
        );
        let json = serde_json::to_string(&sample()).expect("json");
        assert_eq!(
            serde_json::from_str::<Sample>(&json).expect("read"),
            sample()
        );
        let none = Sample {
            source: None,
            ..sample()
        };
        let bytes = postcard::to_allocvec(&none).expect("postcard");
        assert_eq!(postcard::from_bytes::<Sample>(&bytes).expect("read"), none);
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused() {
        let mut bytes = postcard::to_allocvec(&sample()).expect("postcard");
        // The title's first byte (after its one-byte length) becomes a lone continuation byte.
        bytes[1] = 0x80;
        assert!(postcard::from_bytes::<Sample>(&bytes).is_err());
    }
}
