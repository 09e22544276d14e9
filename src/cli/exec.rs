//! Running a rule's command: an argv (no shell), fields in `NEWSDESK_*`, a timeout that
//! kills the command's whole process group, and what became of it.

use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How a command ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finished {
    /// It exited with this status (0 is success).
    Exited(i32),
    /// A signal ended it.
    Signalled(i32),
    /// It ran past the timeout and was killed.
    TimedOut(Duration),
    /// It could not be started (no such program, not executable…).
    NotStarted(String),
}

impl Finished {
    /// Whether the command succeeded.
    pub fn ok(&self) -> bool {
        *self == Finished::Exited(0)
    }

    /// The exit status, when it exited.
    pub fn status(&self) -> Option<i32> {
        match self {
            Finished::Exited(code) => Some(*code),
            _ => None,
        }
    }

    /// Why it failed, in words; `None` on success.
    pub fn error(&self) -> Option<String> {
        match self {
            Finished::Exited(0) => None,
            Finished::Exited(code) => Some(format!("exit status {code}")),
            Finished::Signalled(signal) => Some(format!("killed by signal {signal}")),
            Finished::TimedOut(after) => Some(format!(
                "timed out after {after:?} and was killed (exec_timeout_secs)"
            )),
            Finished::NotStarted(why) => Some(why.clone()),
        }
    }
}

/// Runs `argv` with `env` added, waiting at most `timeout`. Its stdin is empty and its
/// stdout goes to newsdesk's stderr, so it cannot break the JSON lines on stdout.
pub fn run(argv: &[String], env: &[(String, String)], timeout: Duration) -> Finished {
    let Some((program, args)) = argv.split_first() else {
        return Finished::NotStarted("no program".into());
    };
    let mut command = Command::new(program);
    command
        .args(args)
        .envs(env.iter().map(|(k, v)| (k, v)))
        .stdin(Stdio::null())
        .stdout(Stdio::from(std::io::stderr()))
        // Its own process group, so a timeout kills what it started too.
        .process_group(0);
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(e) => return Finished::NotStarted(format!("cannot run {program}: {e}")),
    };
    let deadline = Instant::now() + timeout;
    let mut pause = Duration::from_millis(1);
    loop {
        match child.try_wait() {
            Ok(Some(status)) => {
                return match (status.code(), status.signal()) {
                    (Some(code), _) => Finished::Exited(code),
                    (None, Some(signal)) => Finished::Signalled(signal),
                    (None, None) => Finished::NotStarted("ended without a status".into()),
                };
            }
            Ok(None) => {}
            Err(e) => return Finished::NotStarted(format!("cannot wait for {program}: {e}")),
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            kill(&mut child);
            return Finished::TimedOut(timeout);
        }
        std::thread::sleep(pause.min(left));
        pause = (pause * 2).min(Duration::from_millis(50));
    }
}

/// Kills the child's process group (the child leads it), then reaps the child.
fn kill(child: &mut std::process::Child) {
    let group = i32::try_from(child.id())
        .ok()
        .and_then(rustix::process::Pid::from_raw);
    let killed = group.is_some_and(|pid| {
        rustix::process::kill_process_group(pid, rustix::process::Signal::KILL).is_ok()
    });
    if !killed {
        let _ = child.kill();
    }
    let _ = child.wait();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str) -> Vec<String> {
        vec!["sh".into(), "-c".into(), script.into()]
    }

    #[test]
    fn exit_statuses_signals_and_missing_programs() {
        let second = Duration::from_secs(5);
        assert!(run(&sh("exit 0"), &[], second).ok());
        assert_eq!(run(&sh("exit 3"), &[], second), Finished::Exited(3));
        assert_eq!(run(&sh("kill -9 $$"), &[], second), Finished::Signalled(9));
        let missing = run(&["/no/such/program".to_string()], &[], second);
        assert!(matches!(missing, Finished::NotStarted(_)), "{missing:?}");
        let env = [("NEWSDESK_X".to_string(), "a b".to_string())];
        assert!(run(&sh("test \"$NEWSDESK_X\" = 'a b'"), &env, second).ok());
    }

    #[test]
    fn a_command_past_its_timeout_is_killed_with_its_children() {
        let started = Instant::now();
        let finished = run(&sh("sleep 30 & sleep 30"), &[], Duration::from_millis(200));
        assert_eq!(finished, Finished::TimedOut(Duration::from_millis(200)));
        assert!(started.elapsed() < Duration::from_secs(10));
    }
}
