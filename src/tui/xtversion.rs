//! Asking the terminal its name (XTVERSION, `CSI > 0 q`), for `bidi = "auto"`.
//! DA1 (`CSI c`) follows the question: every terminal answers it, so one that
//! does not know XTVERSION costs no waiting.

use std::time::{Duration, Instant};

use ratatui::crossterm::terminal::{disable_raw_mode, enable_raw_mode};
use rustix::event::{PollFd, PollFlags, Timespec, poll};

/// The terminal's self-description (`XTerm(390)`, `WezTerm 20240203`, `tmux 3.4`…),
/// or `None` when it does not say within `timeout`.
pub fn ask(timeout: Duration) -> Option<String> {
    enable_raw_mode().ok()?;
    let reply = exchange(timeout);
    let _ = disable_raw_mode();
    parse(&reply?)
}

fn exchange(timeout: Duration) -> Option<Vec<u8>> {
    use std::io::Write;
    let mut out = std::io::stdout();
    out.write_all(b"\x1b[>0q\x1b[c").ok()?;
    out.flush().ok()?;
    let stdin = rustix::stdio::stdin();
    let deadline = Instant::now() + timeout;
    let mut reply = Vec::new();
    let mut chunk = [0u8; 256];
    while !answered(&reply) {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let wait = Timespec {
            tv_sec: left.as_secs() as _,
            tv_nsec: left.subsec_nanos() as _,
        };
        let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
        if poll(&mut fds, Some(&wait)).ok()? == 0 {
            break;
        }
        let n = rustix::io::read(stdin, &mut chunk).ok()?;
        if n == 0 {
            break;
        }
        reply.extend_from_slice(&chunk[..n]);
    }
    Some(reply)
}

/// The DA1 reply (`ESC [ ? … c`) closes the exchange.
fn answered(reply: &[u8]) -> bool {
    reply
        .windows(3)
        .position(|w| w == b"\x1b[?")
        .is_some_and(|i| reply[i..].contains(&b'c'))
}

/// The name inside `ESC P > | name ESC \`.
fn parse(reply: &[u8]) -> Option<String> {
    let start = reply.windows(4).position(|w| w == b"\x1bP>|")? + 4;
    let rest = &reply[start..];
    let end = rest
        .iter()
        .position(|&b| b == 0x1b || b == 0x07)
        .unwrap_or(rest.len());
    let name = String::from_utf8_lossy(&rest[..end]).trim().to_string();
    // Only printable text: the reply is shown in the help overlay.
    (!name.is_empty()).then(|| name.chars().filter(|c| !c.is_control()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_name_and_knows_when_the_terminal_is_done() {
        assert_eq!(
            parse(b"\x1bP>|XTerm(390)\x1b\\\x1b[?64;1;2c").as_deref(),
            Some("XTerm(390)")
        );
        assert_eq!(parse(b"\x1b[?62;c"), None, "no XTVERSION support: only DA1");
        assert!(answered(b"\x1bP>|tmux 3.4\x1b\\\x1b[?1;2c"));
        assert!(!answered(b"\x1bP>|tmux 3.4\x1b\\"));
    }
}
