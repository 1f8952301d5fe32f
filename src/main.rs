//! `intake`: start the console, or run a set-up command. See README.md.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = intake::cli::Cli::parse();
    let lang = cli.language();
    match intake::cli::run(cli) {
        Ok(code) => code,
        // The reader of our output went away (`| head`): nothing more to say.
        Err(intake::Error::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("intake: {}", e.message(lang));
            ExitCode::FAILURE
        }
    }
}
