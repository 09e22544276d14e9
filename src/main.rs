//! The newsdesk binary: parse arguments, then run the CLI or the TUI.

use std::path::Path;
use std::process::ExitCode;

use clap::Parser;
use newsdesk::cli::{self, Args};
use newsdesk::config;

fn main() -> ExitCode {
    let args = Args::parse();
    if let Err(e) = cli::shell::start_logging(args.log.as_deref()) {
        eprintln!("newsdesk: {e:#}");
        return ExitCode::FAILURE;
    }
    let Args {
        config,
        inbox,
        command,
        ..
    } = args;
    let result = match command {
        // Shell integration works even where the config is broken or absent.
        Some(cli::Command::Setup(setup)) => cli::run_setup(setup),
        command => run(command, config.as_deref(), inbox.as_deref()),
    };
    exit(result)
}

fn run(
    command: Option<cli::Command>,
    config: Option<&Path>,
    inbox: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let config = match config::load(config, inbox) {
        Ok(config) => config,
        Err(e) => {
            eprintln!("newsdesk: {e}");
            return Ok(ExitCode::FAILURE);
        }
    };
    match command {
        Some(command) => cli::run(command, &config),
        None => newsdesk::tui::run(&config).map(|()| ExitCode::SUCCESS),
    }
}

fn exit(result: anyhow::Result<ExitCode>) -> ExitCode {
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
