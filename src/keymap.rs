//! Key chords as data: parsing "ctrl-z", "G", "pgdown" and the default bindings.

use std::fmt;

use crate::action::Action;

/// A key without modifiers, independent of any terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Insert,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    F(u8),
}

/// A key with the Ctrl and Alt modifiers (Shift is in the character itself).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chord {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
}

impl Chord {
    /// A plain key.
    pub const fn plain(key: Key) -> Self {
        Chord {
            key,
            ctrl: false,
            alt: false,
        }
    }
}

const NAMED: &[(&str, Key)] = &[
    ("enter", Key::Enter),
    ("return", Key::Enter),
    ("esc", Key::Esc),
    ("escape", Key::Esc),
    ("tab", Key::Tab),
    ("backtab", Key::BackTab),
    ("backspace", Key::Backspace),
    ("delete", Key::Delete),
    ("del", Key::Delete),
    ("insert", Key::Insert),
    ("up", Key::Up),
    ("down", Key::Down),
    ("left", Key::Left),
    ("right", Key::Right),
    ("pageup", Key::PageUp),
    ("pgup", Key::PageUp),
    ("pagedown", Key::PageDown),
    ("pgdown", Key::PageDown),
    ("home", Key::Home),
    ("end", Key::End),
    ("space", Key::Char(' ')),
];

impl std::str::FromStr for Chord {
    type Err = String;

    /// Parses `j`, `G`, `?`, `space`, `enter`, `pgdown`, `ctrl-z`, `alt-x`, `f5`.
    fn from_str(s: &str) -> Result<Self, String> {
        let mut chord = Chord::plain(Key::Esc);
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if let Some(r) = ["ctrl-", "c-"]
                .iter()
                .find_map(|p| lower.strip_prefix(p))
                .filter(|r| !r.is_empty())
            {
                chord.ctrl = true;
                rest = &rest[rest.len() - r.len()..];
            } else if let Some(r) = ["alt-", "a-", "m-"]
                .iter()
                .find_map(|p| lower.strip_prefix(p))
                .filter(|r| !r.is_empty())
            {
                chord.alt = true;
                rest = &rest[rest.len() - r.len()..];
            } else {
                break;
            }
        }
        let lower = rest.to_ascii_lowercase();
        chord.key = if let Some((_, key)) = NAMED.iter().find(|(n, _)| *n == lower) {
            *key
        } else if let Some(n) = lower.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
            Key::F(n)
        } else {
            let mut chars = rest.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if !c.is_control() => Key::Char(if chord.ctrl {
                    c.to_ascii_lowercase()
                } else {
                    c
                }),
                _ => {
                    return Err(format!(
                        "unknown key {s:?}; use a character or one of: ctrl-x, alt-x, f1…f12, {}",
                        names()
                    ));
                }
            }
        };
        Ok(chord)
    }
}

fn names() -> String {
    let names: Vec<&str> = NAMED.iter().map(|(n, _)| *n).collect();
    names.join(", ")
}

impl fmt::Display for Chord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.key {
            Key::Char(' ') => f.write_str("space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::F(n) => write!(f, "f{n}"),
            key => {
                let name = NAMED
                    .iter()
                    .find(|(_, k)| *k == key)
                    .map_or("?", |(n, _)| *n);
                f.write_str(name)
            }
        }
    }
}

/// The bindings newsdesk starts with; config.toml's `[keys]` adds to and overrides them.
pub fn default_bindings() -> Vec<(&'static str, Action)> {
    use Action::*;
    vec![
        ("j", SelectNext),
        ("down", SelectNext),
        ("k", SelectPrev),
        ("up", SelectPrev),
        ("pgdown", PageDown),
        ("ctrl-d", PageDown),
        ("pgup", PageUp),
        ("ctrl-u", PageUp),
        ("g", SelectFirst),
        ("home", SelectFirst),
        ("G", SelectLast),
        ("end", SelectLast),
        ("enter", OpenReader),
        ("l", OpenReader),
        ("esc", Back),
        ("h", Back),
        ("J", ScrollDown),
        ("K", ScrollUp),
        ("n", NextItem),
        ("p", PrevItem),
        ("space", ToggleMark),
        ("M", ClearMarks),
        ("c", GroupClusters),
        ("a", AcceptSuggestion),
        ("x", Skip),
        ("u", Undo),
        ("o", OpenPager),
        ("e", OpenEditor),
        ("/", Search),
        ("s", CycleSort),
        ("tab", NextView),
        ("backtab", PrevView),
        ("?", Help),
        ("S", Stats),
        ("y", CopyTitle),
        ("Y", CopyUrl),
        ("ctrl-y", CopyPath),
        ("ctrl-z", Suspend),
        ("ctrl-l", Redraw),
        ("q", Quit),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_chords() {
        for s in [
            "j", "G", "?", "space", "enter", "pagedown", "ctrl-z", "alt-x", "f5", "1", "ctrl-l",
        ] {
            let chord: Chord = s.parse().expect(s);
            assert_eq!(chord.to_string(), s);
        }
        assert_eq!("C-z".parse::<Chord>(), "ctrl-z".parse::<Chord>());
        assert!("jj".parse::<Chord>().is_err());
        assert!("ctrl-".parse::<Chord>().is_err());
    }

    #[test]
    fn default_bindings_parse() {
        for (key, _) in default_bindings() {
            assert!(key.parse::<Chord>().is_ok(), "{key}");
        }
    }
}
