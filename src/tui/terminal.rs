//! The terminal's lifecycle: raw mode and the alternate screen, handing it to a
//! pager or editor, suspending. The only module besides the loop that touches crossterm.

use std::io;
use std::path::Path;

use ratatui::DefaultTerminal;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// The terminal newsdesk draws on.
pub type Tui = DefaultTerminal;

/// Takes the terminal: raw mode, alternate screen, and a panic hook that gives it back.
pub fn take() -> io::Result<Tui> {
    ratatui::try_init()
}

/// Gives the terminal back as it was.
pub fn give_back() {
    ratatui::restore();
}

fn leave() -> io::Result<()> {
    execute!(io::stdout(), LeaveAlternateScreen)?;
    disable_raw_mode()
}

fn enter(term: &mut Tui) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    term.clear()
}

/// Runs `program FILE` (a pager or editor; words after the first are its
/// arguments) on the real screen, then takes the terminal back.
pub fn hand_over(term: &mut Tui, program: &str, path: &Path) -> io::Result<()> {
    let mut words = program.split_whitespace();
    let name = words.next().unwrap_or("less");
    leave()?;
    let status = std::process::Command::new(name)
        .args(words)
        .arg(path)
        .status();
    enter(term)?;
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(io::Error::other(format!("exited with {s}"))),
        Err(e) => Err(e),
    }
}

/// Stops newsdesk like any job (Ctrl-Z); `fg` brings it back redrawn.
pub fn suspend(term: &mut Tui) -> io::Result<()> {
    leave()?;
    rustix::process::kill_current_process_group(rustix::process::Signal::TSTP)?;
    enter(term)
}
