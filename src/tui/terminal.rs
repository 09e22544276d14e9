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

/// Takes the terminal: raw mode, alternate screen, and a panic hook that gives it
/// back; with `bidi_off`, the terminal's own right-to-left reordering is switched
/// off (`CSI 8 l`) so newsdesk's visual order is not reversed a second time.
pub fn take(bidi_off: bool, mouse: bool) -> io::Result<Tui> {
    let term = ratatui::try_init()?;
    if mouse {
        execute!(io::stdout(), ratatui::crossterm::event::EnableMouseCapture)?;
    }
    if bidi_off {
        set_terminal_bidi(false)?;
    }
    Ok(term)
}

/// Gives the terminal back as it was.
pub fn give_back(bidi_off: bool, mouse: bool) {
    if mouse {
        let _ = execute!(io::stdout(), ratatui::crossterm::event::DisableMouseCapture);
    }
    if bidi_off {
        let _ = set_terminal_bidi(true);
    }
    ratatui::restore();
}

/// `CSI 8 h` / `CSI 8 l` (BiDi implicit mode, ECMA-48 BDSM), also wrapped for
/// tmux's passthrough, which otherwise drops it.
fn set_terminal_bidi(on: bool) -> io::Result<()> {
    use std::io::Write;
    let code = if on { "\x1b[8h" } else { "\x1b[8l" };
    let mut out = io::stdout();
    out.write_all(code.as_bytes())?;
    if std::env::var_os("TMUX").is_some() {
        write!(out, "\x1bPtmux;\x1b{code}\x1b\\")?;
    }
    out.flush()
}

fn leave(bidi_off: bool) -> io::Result<()> {
    if bidi_off {
        set_terminal_bidi(true)?;
    }
    execute!(io::stdout(), LeaveAlternateScreen)?;
    disable_raw_mode()
}

fn enter(term: &mut Tui, bidi_off: bool) -> io::Result<()> {
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    if bidi_off {
        set_terminal_bidi(false)?;
    }
    term.clear()
}

/// Runs `program FILE` (a pager or editor; words after the first are its
/// arguments) on the real screen, then takes the terminal back.
pub fn hand_over(term: &mut Tui, bidi_off: bool, program: &str, path: &Path) -> io::Result<()> {
    let mut words = program.split_whitespace();
    let name = words.next().unwrap_or("less");
    leave(bidi_off)?;
    let status = std::process::Command::new(name)
        .args(words)
        .arg(path)
        .status();
    enter(term, bidi_off)?;
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(io::Error::other(format!("exited with {s}"))),
        Err(e) => Err(e),
    }
}

/// The OSC 52 sequence that puts `text` on the clipboard: base64 of the logical text.
/// Terminals honour it over SSH; tmux does with `set -g set-clipboard on`.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    format!(
        "\x1b]52;c;{}\x07",
        base64::engine::general_purpose::STANDARD.encode(text)
    )
}

/// Writes [`osc52`] for `text` to the terminal.
pub fn copy(text: &str) -> io::Result<()> {
    use std::io::Write;
    let mut out = io::stdout();
    out.write_all(osc52(text).as_bytes())?;
    out.flush()
}

/// Stops newsdesk like any job (Ctrl-Z); `fg` brings it back redrawn.
pub fn suspend(term: &mut Tui, bidi_off: bool) -> io::Result<()> {
    leave(bidi_off)?;
    rustix::process::kill_current_process_group(rustix::process::Signal::TSTP)?;
    enter(term, bidi_off)
}

#[cfg(test)]
mod tests {
    #[test]
    fn osc52_carries_base64_of_the_logical_text() {
        assert_eq!(super::osc52("hi"), "\x1b]52;c;aGk=\x07");
        // Arabic goes as its logical UTF-8 bytes, never reordered or shaped.
        assert_eq!(super::osc52("سلام"), "\x1b]52;c;2LPZhNin2YU=\x07");
    }
}
