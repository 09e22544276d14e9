//! The newsdesk binary: parse arguments, then run the CLI or the TUI.

use std::process::ExitCode;

use clap::Parser;
use newsdesk::cli::{self, Args};
use newsdesk::config;

fn main() -> ExitCode {
    let args = Args::parse();
    let config = match config::load(args.config.as_deref(), args.inbox.as_deref()) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("newsdesk: {e}");
            return ExitCode::FAILURE;
        }
    };
    let result = match args.command {
        Some(command) => cli::run(command, &config),
        None => newsdesk::tui::run(&config).map(|()| ExitCode::SUCCESS),
    };
    result.unwrap_or_else(|e| {
        // `newsdesk list | head` closes the pipe early: that is not a failure.
        let broken_pipe = e.chain().any(|c| {
            c.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
        });
        if broken_pipe {
            return ExitCode::SUCCESS;
        }
        eprintln!("newsdesk: {e:#}");
        ExitCode::FAILURE
    })
}
