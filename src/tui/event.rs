//! Events: everything that happens to the TUI, from keys to finished effects.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use crate::article::Document;
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
    /// The inbox by name alone, for the first screen (sizes and dates follow in
    /// `Scanned`): a big one in batches, the last `complete`.
    Listed {
        entries: Vec<Entry>,
        complete: bool,
    },
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
    Extracted(Vec<crate::cache::Fields>),
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

impl Event {
    /// Whether it reports background work (reading, loading, scanning) rather
    /// than the person or the clock.
    pub fn is_background(&self) -> bool {
        !matches!(
            self,
            Event::Key(_) | Event::Resize(..) | Event::Mouse(_) | Event::Tick(_)
        )
    }
}

/// The most extracted articles merged into one event: fields still fill in steadily,
/// and a key is never kept waiting behind one enormous batch.
pub const MERGED_BATCH: usize = 4096;

/// Everything the background threads have sent so far, in order, with consecutive
/// extraction batches merged (up to [`MERGED_BATCH`]): at 100,000 items, one view
/// refresh and one frame per batch of 256 would be 400 of each.
pub fn drain(rx: &std::sync::mpsc::Receiver<Event>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    while let Ok(event) = rx.try_recv() {
        match (out.last_mut(), event) {
            (Some(Event::Extracted(all)), Event::Extracted(more))
                if all.len() + more.len() <= MERGED_BATCH =>
            {
                all.extend(more)
            }
            (_, event) => out.push(event),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queued_extraction_batches_merge_and_keep_their_place() {
        let (tx, rx) = std::sync::mpsc::channel();
        let batch = |n: usize| {
            Event::Extracted(
                (0..n)
                    .map(|_| crate::article::Article::default().into())
                    .collect(),
            )
        };
        for event in [batch(256), batch(256), Event::Info("x".into()), batch(3)] {
            tx.send(event).expect("send");
        }
        for _ in 0..MERGED_BATCH / 256 + 1 {
            tx.send(batch(256)).expect("send");
        }
        let sizes: Vec<String> = drain(&rx)
            .iter()
            .map(|e| match e {
                Event::Extracted(a) => a.len().to_string(),
                Event::Info(m) => m.clone(),
                _ => "?".into(),
            })
            .collect();
        assert_eq!(sizes, ["512", "x", "3843", "512"].map(String::from));
        assert!(drain(&rx).is_empty());
    }
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
