//! YAML-style front matter (`---` … `---`) with a few flat `key: value` fields.

use std::collections::BTreeMap;

/// Splits leading front matter from the body; keys are lower-cased.
pub fn split(text: &str) -> (BTreeMap<String, String>, &str) {
    let mut fields = BTreeMap::new();
    let Some(rest) = text.strip_prefix("---\n") else {
        return (fields, text);
    };
    let Some(end) = rest.find("\n---") else {
        return (fields, text);
    };
    for line in rest[..end].lines() {
        if let Some((key, value)) = line.split_once(':') {
            let value = value.trim().trim_matches(['"', '\'']).trim();
            if !value.is_empty() && !key.starts_with([' ', '-']) {
                fields.insert(key.trim().to_lowercase(), value.to_string());
            }
        }
    }
    let body = &rest[end + 4..];
    (fields, body.split_once('\n').map_or("", |(_, b)| b))
}

#[cfg(test)]
mod tests {
    use super::split;

    #[test]
    fn reads_flat_fields_and_returns_the_body() {
        let (f, body) = split(
            "---\ntitle: \"Budget: passed\"\nDate: 2026-11-29\ntags:\n  - x\n---\nBody text\n",
        );
        assert_eq!(f.get("title").map(String::as_str), Some("Budget: passed"));
        assert_eq!(f.get("date").map(String::as_str), Some("2026-11-29"));
        assert_eq!(body, "Body text\n");
    }

    #[test]
    fn no_front_matter_leaves_text_alone() {
        assert!(split("---\nno end").0.is_empty());
        assert_eq!(split("Plain").1, "Plain");
    }
}
