//! Effects: the I/O that `update` asks for, described as data; the shell runs them.

use std::path::PathBuf;

use crate::cluster::Signature;
use crate::desk::Entry;

/// Where a move sends items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    Category(String),
    Skip,
}

/// A piece of I/O for the shell to carry out.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Move these items now; several at once form one batch for undo. Their body
    /// signatures (in the same order) are journaled with filings.
    Move {
        items: Vec<Entry>,
        to: Destination,
        signatures: Vec<Option<Signature>>,
    },
    /// Undo the last move this user made.
    Undo,
    /// Scan the inbox again.
    Rescan,
    /// Use a reloaded config's categories and skip folder for moves.
    UseConfig(Box<crate::config::Config>),
    /// Say who moved these items out of the inbox (from the journal).
    ExplainGone(Vec<String>),
    /// Extract these items in the background.
    Extract(Vec<Entry>),
    /// Read one item in full for the reader.
    LoadBody(PathBuf),
    /// Hand the terminal to $PAGER or $EDITOR on this file.
    OpenExternal { editor: bool, path: PathBuf },
    /// Read the journal and inbox for statistics.
    LoadStats,
    /// Read the journal for the items filed lately (to say an item is like one).
    LoadFiled,
    /// Put text on the clipboard with OSC 52.
    Copy(String),
    /// Stop the process until `fg`.
    Suspend,
    /// Clear and repaint the terminal.
    Redraw,
}
