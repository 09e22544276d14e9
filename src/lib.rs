//! newsdesk: triage a folder of news items.
//!
//! The core — [`article`] (reading an item into fields), [`desk`] (the inbox,
//! categories, filing, the journal), [`config`] — knows nothing of the
//! terminal, nor do [`query`] (the query language) and [`rules`] (ordered rules over it);
//! [`cli`] and `tui` are the two front-ends on top of it.

pub mod action;
pub mod article;
pub mod cache;
pub mod cli;
pub mod cluster;
pub mod config;
pub mod desk;
pub mod fast_str;
pub mod keymap;
pub mod memory;
pub mod query;
pub mod rules;
pub mod stats;
pub mod tui;
pub mod watch;
