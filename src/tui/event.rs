//! Events: everything that happens to the TUI, from keys to finished effects.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::article::{Article, Document};
use crate::desk::{Entry, Record};
use crate::keymap::{Chord, Key};

/// Something that happened.
#[derive(Debug, Clone)]
pub enum Event {
    Key(Chord),
    /// The terminal's new size in cells.
    Resize(u16, u16),
    /// A mouse click or wheel turn at a cell (only with `mouse = true`).
    Mouse(Mouse),
    /// A second passed: ages move on.
    Tick(std::time::SystemTime),
    /// A scan of the inbox finished.
    Scanned(Vec<Entry>),
    /// The watcher saw files arrive, change or leave.
    InboxChanged(crate::watch::Changes),
    /// config.toml was saved: the new config, or why it was refused.
    ConfigReloaded(Result<Box<crate::config::Config>, String>),
    /// Statistics are ready.
    StatsLoaded(crate::stats::Stats),
    /// The items filed lately, read from the journal.
    FiledLoaded(Box<crate::cluster::FiledIndex>),
    /// Something worth a status line that is not an error.
    Info(String),
    /// Background extraction finished these.
    Extracted(Vec<std::sync::Arc<Article>>),
    /// The reader's document is ready.
    BodyLoaded(Box<Document>),
    /// Moves done (records) and refused (messages, with the names that are gone).
    Moved {
        done: Vec<Record>,
        failed: Vec<String>,
        gone: Vec<String>,
    },
    /// An undo finished.
    Undone(Result<Vec<Record>, String>),
    /// An effect failed in a way worth a status line.
    Failed(String),
}

/// What the mouse did, and where.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

/// The mouse events newsdesk uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    Click,
    WheelUp,
    WheelDown,
}

/// A crossterm mouse event, if it is one newsdesk uses.
pub fn mouse(event: ratatui::crossterm::event::MouseEvent) -> Option<Mouse> {
    use ratatui::crossterm::event::{MouseButton, MouseEventKind};
    let kind = match event.kind {
        MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
        MouseEventKind::ScrollUp => MouseKind::WheelUp,
        MouseEventKind::ScrollDown => MouseKind::WheelDown,
        _ => return None,
    };
    Some(Mouse {
        kind,
        column: event.column,
        row: event.row,
    })
}

/// A key press as a chord; releases and repeats of other kinds are ignored.
pub fn chord(key: KeyEvent) -> Option<Chord> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    let code = match key.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        KeyCode::Insert => Key::Insert,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    };
    Some(Chord {
        key: code,
        ctrl: key.modifiers.contains(KeyModifiers::CONTROL),
        alt: key.modifiers.contains(KeyModifiers::ALT),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    #[test]
    fn only_presses_count() {
        let mut key = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(chord(key), Some("j".parse().expect("chord")));
        key.kind = KeyEventKind::Release;
        assert_eq!(chord(key), None);
        let ctrl_z = KeyEvent {
            code: KeyCode::Char('z'),
            modifiers: KeyModifiers::CONTROL,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        };
        assert_eq!(chord(ctrl_z), Some("ctrl-z".parse().expect("chord")));
    }
}
