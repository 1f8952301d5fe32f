//! `intake`: start the console, or run a set-up command. See README.md.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = intake::cli::Cli::parse();
    let lang = cli.language();
    // No command: the console. The command line and the console are two front ends of the
    // same library; neither starts the other.
    let result = match &cli.command {
        None => cli
            .paths()
            .and_then(|p| intake::ui::event_loop::start(&p, cli.ascii, lang, None))
            .map(|()| ExitCode::SUCCESS),
        // A staff key's forced command over SSH: the console, for that account only.
        Some(intake::cli::Command::SshLogin { username, fingerprint }) => {
            let key = intake::ui::event_loop::KeyLogin {
                username: username.clone(),
                fingerprint: fingerprint.clone(),
            };
            cli.paths()
                .and_then(|p| intake::ui::event_loop::start(&p, cli.ascii, lang, Some(key)))
                .map(|()| ExitCode::SUCCESS)
        }
        Some(_) => intake::cli::run(cli),
    };
    match result {
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
