//! Where a character of a TOML string's value sits in the file: for errors inside `when`.

/// The byte offset, within `literal` (a TOML string as written, quotes included), of
/// byte `at` of the string's value. Knows the four string forms, the newline trimmed
/// after `"""`/`'''`, escapes, and line-ending backslashes; `None` if `literal` is not
/// a string or `at` is past its end.
pub fn value_offset(literal: &str, at: usize) -> Option<usize> {
    let (quote, basic) = if literal.starts_with("\"\"\"") {
        (3, true)
    } else if literal.starts_with("'''") {
        (3, false)
    } else if literal.starts_with('"') {
        (1, true)
    } else if literal.starts_with('\'') {
        (1, false)
    } else {
        return None;
    };
    let mut raw = quote;
    if quote == 3 {
        // A newline right after the opening delimiter is not part of the value.
        if literal[raw..].starts_with("\r\n") {
            raw += 2;
        } else if literal[raw..].starts_with('\n') {
            raw += 1;
        }
    }
    let body_end = literal.len().checked_sub(quote)?;
    let mut value = 0;
    while value < at {
        if raw >= body_end {
            return None;
        }
        let rest = &literal[raw..body_end];
        let (raw_len, value_len) = if basic && rest.starts_with('\\') {
            escape(rest)?
        } else {
            let c = rest.chars().next()?;
            (c.len_utf8(), c.len_utf8())
        };
        if value + value_len > at {
            // `at` falls inside an escape: point at the escape.
            break;
        }
        raw += raw_len;
        value += value_len;
    }
    Some(raw)
}

/// One escape at the start of `rest`: bytes it takes in the file and in the value.
fn escape(rest: &str) -> Option<(usize, usize)> {
    let code = rest[1..].chars().next()?;
    let hex = |digits: usize| {
        let n = u32::from_str_radix(rest.get(2..2 + digits)?, 16).ok()?;
        Some((2 + digits, char::from_u32(n)?.len_utf8()))
    };
    match code {
        'u' => hex(4),
        'U' => hex(8),
        'x' => hex(2),
        ' ' | '\t' | '\r' | '\n' => {
            // A line-ending backslash: it and all whitespace after it vanish.
            let skipped = rest[1..]
                .find(|c: char| !c.is_whitespace())
                .map_or(rest.len(), |i| i + 1);
            Some((skipped, 0))
        }
        _ => Some((1 + code.len_utf8(), 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::value_offset;

    /// The value of `literal` as toml reads it, to check offsets against.
    fn value(literal: &str) -> String {
        let doc: toml::Table = toml::from_str(&format!("v = {literal}")).expect("toml");
        doc["v"].as_str().expect("string").to_string()
    }

    /// Checks that every character of the value maps to the same character in the file.
    fn each_char_maps(literal: &str) {
        let value = value(literal);
        for (at, c) in value.char_indices() {
            let raw = value_offset(literal, at).expect("offset");
            let shown = literal[raw..].chars().next().expect("char");
            if shown != '\\' {
                assert_eq!(shown, c, "{literal} at {at}");
            }
        }
    }

    #[test]
    fn plain_strings_offset_by_their_quotes() {
        assert_eq!(value_offset("'lang:ar (إدلب'", "lang:ar (".len()), Some(10));
        assert_eq!(value_offset("\"abc\"", 2), Some(3));
        assert_eq!(value_offset("'''\nabc'''", 1), Some(5));
        assert_eq!(value_offset("x", 0), None);
        assert_eq!(value_offset("'ab'", 9), None);
    }

    #[test]
    fn escapes_and_multiline_strings_map_back() {
        each_char_maps(r#""title:\"إدلب\" and \u0627 x""#);
        each_char_maps("\"\"\"\nlang:ar \\\n    and (إدلب\"\"\"");
        each_char_maps("'''\r\nlang:ar and (إدلب'''");
        each_char_maps(r#""tab\there""#);
        assert_eq!(value_offset(r#""\u0627x""#, 2), Some(7));
        assert_eq!(value_offset(r#""\u0627x""#, 1), Some(1), "inside an escape");
    }
}
