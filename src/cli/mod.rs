//! Non-interactive commands for set-up and scripts. Each change is an audited event; PINs are
//! read from the terminal without echo, or as one line of standard input, never from an
//! argument or the environment.

/// Print a line on standard output. A reader that went away (`intake … | head`) is not an
/// error worth a message; the program ends quietly (see `main`).
/// A line to standard output; what it quotes from records or files shown, never acted on by
/// the terminal (control characters escaped; line breaks and tabs kept).
macro_rules! put {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let line = crate::domain::text::visible(&format!($($arg)*));
        let _ = writeln!(std::io::stdout().lock(), "{line}");
    }};
}

mod agency;
mod args;
mod client_export;
pub mod combine;
mod disclosures;
mod import;
mod lifecycle;
pub mod money;
pub mod records;
mod release;
pub mod report;
mod report_cmd;
pub mod report_html;
mod ssh;
mod ssh_check;
mod staff;
pub mod voca;

pub use args::{
    AgencyCommand, AuditCommand, Cli, ClientCommand, Command, Format, KeyCommand, ResourcesCommand,
    RetentionCommand, ScreeningCommand, SshCommand, UserCommand,
};
pub use staff::user_command;

use std::process::ExitCode;

use jiff::Timestamp;

use crate::auth::Actor;
use crate::auth::accounts;
use crate::auth::pin;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::store::{Store, check};

/// Run a command (main.rs starts the console when none is given); the exit code says whether
/// it worked.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let lang = cli.language();
    match &cli.command {
        // The console (plain, or for a staff key over SSH) is main.rs's to start.
        None | Some(Command::SshLogin { .. }) => Err(crate::Error::user(Msg::ErrNoCommand)),
        Some(Command::Check) => {
            let store = Store::open_as_is(&cli.paths()?)?;
            Ok(print_check(&store, lang))
        }
        Some(Command::Contact { command }) => {
            let mut store = Store::open(&cli.paths()?, false)?;
            records::run(&mut store, "contact", command, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Tip { command }) => {
            let mut store = Store::open(&cli.paths()?, false)?;
            records::run(&mut store, "tip", command, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Screening { command: ScreeningCommand::Check { file } }) => {
            Ok(check_tool_file(file, lang))
        }
        Some(Command::Screening { command }) => {
            let mut store = Store::open(&cli.paths()?, false)?;
            screening_command(&mut store, command, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Client { command: ClientCommand::Import { file, user } }) => {
            let mut store = Store::open(&cli.paths()?, false)?;
            let import = records::ImportCommand::Import { file: file.clone(), user: user.clone() };
            records::run_import(&mut store, "client", &import, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Client { command: ClientCommand::Export { record, user, dir } }) => {
            let mut store = Store::open(&cli.paths()?, false)?;
            client_export::run(&mut store, record, user, dir.as_deref(), lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Client { command: ClientCommand::Erase { record, user, reason } }) => {
            let mut store = Store::open(&cli.paths()?, false)?;
            lifecycle::erase(&mut store, record, user, reason, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Release { command }) => {
            let mut store = Store::open(&cli.paths()?, false)?;
            release::run(&mut store, command, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Service { command }) => {
            let mut store = Store::open(&cli.paths()?, false)?;
            records::run_import(&mut store, "service", command, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Fund { command }) => {
            let mut store = Store::open(&cli.paths()?, false)?;
            money::fund(&mut store, command, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Payment { command }) => {
            let mut store = Store::open(&cli.paths()?, false)?;
            money::payment(&mut store, command, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Report(args)) => {
            let store = Store::open(&cli.paths()?, false)?;
            report_cmd::report(&store, args, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Resources { command }) => {
            let mut store = Store::open(&cli.paths()?, false)?;
            resources_command(&mut store, command, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        // The sshd settings need no database.
        Some(Command::Ssh { command: SshCommand::Config { account } }) => {
            put!("{}", ssh::sshd_block(account));
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Ssh { command }) => {
            let paths = cli.paths()?;
            let mut store = Store::open(&paths, false)?;
            ssh::ssh_command(&mut store, &paths, command, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Backup { dir, keep }) => {
            lifecycle::backup(&cli.paths()?, dir.as_deref(), *keep, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Restore { file, backup_key, force }) => {
            lifecycle::restore(&cli.paths()?, file, backup_key.as_deref(), *force, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Retention { command }) => {
            let mut store = Store::open(&cli.paths()?, false)?;
            lifecycle::retention(&mut store, command, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Purge { dry_run }) => {
            let paths = cli.paths()?;
            let mut store = Store::open(&paths, false)?;
            lifecycle::purge(&mut store, *dry_run, lang)?;
            drop(store);
            if !dry_run {
                lifecycle::compact(&paths, lang)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Audit { command: AuditCommand::Trim { before } }) => {
            let paths = cli.paths()?;
            let mut store = Store::open(&paths, false)?;
            lifecycle::audit_trim(&mut store, before, lang)?;
            drop(store);
            lifecycle::compact(&paths, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Rekey) => {
            lifecycle::rekey(&cli.paths()?, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Key { command }) => {
            lifecycle::key(&cli.paths()?, command, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Agency { command }) => {
            let mut store = Store::open_or_create(&cli.paths()?)?;
            agency::agency_command(&mut store, command, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::User { command }) => {
            let mut store = Store::open_or_create(&cli.paths()?)?;
            user_command(&mut store, command, lang, pin::PRODUCTION)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn resources_command(store: &mut Store, command: &ResourcesCommand, lang: Lang) -> Result<()> {
    match command {
        ResourcesCommand::Import { dir, user, report, skip_invalid } => {
            let u = records::staff(store, user)?;
            if *skip_invalid && u.role != crate::domain::staff::Role::Admin {
                return Err(crate::Error::user(Msg::ErrAdminOnly));
            }
            let who = crate::service::Who { user: &u, session_id: None };
            if !u.role.edits_directory() {
                return Err(crate::Error::user(Msg::ErrSupervisorOnly));
            }
            let mut bar = import::Progress::new(0);
            let mut checked = 0;
            let reading =
                crate::service::hsds::read_with(dir, lang, *skip_invalid, &mut |done, total| {
                    if checked == 0 {
                        bar = import::Progress::new(total * 2);
                    }
                    checked = total;
                    bar.at(done);
                })?;
            // The report is written whatever was found (an empty one says nothing was).
            if let Some(path) = report {
                hsds_report(path, &reading.problems)?;
            }
            let say_report = |bar: &import::Progress| {
                bar.done();
                if let (Some(path), false) = (report, reading.problems.is_empty()) {
                    let path = crate::domain::text::escaped(&path.display().to_string());
                    put!("{}", fill(Msg::CliHsdsReport.text(lang), &[&path]));
                }
            };
            let fatal = reading.problems.iter().any(|p| p.row == 0);
            if !reading.problems.is_empty() && (!*skip_invalid || fatal) {
                say_report(&bar);
                return Err(crate::service::hsds::refusal(&reading.problems, lang));
            }
            let ds = &reading.dataset;
            let n = crate::service::hsds::write(store, who, ds, Timestamp::now(), &mut |n| {
                bar.at(checked + n * checked / ds.services.len().max(1))
            })?;
            say_report(&bar);
            if reading.problems.is_empty() {
                put!("{}", fill(Msg::CliHsdsImported.text(lang), &[&n.to_string()]));
            } else {
                for p in reading.problems.iter().take(50) {
                    put!("{}", crate::domain::text::escaped(&p.line(lang)));
                }
                let rows = reading.skipped_rows.to_string();
                put!("{}", fill(Msg::ErrHsdsSkipped.text(lang), &[&rows, &n.to_string()]));
            }
            if !reading.not_kept.is_empty() {
                let files: Vec<String> =
                    reading.not_kept.iter().map(|(f, n)| format!("{f} ({n})")).collect();
                put!("{}", fill(Msg::CliHsdsNotKept.text(lang), &[&files.join(", ")]));
            }
            let (count, first) = crate::store::hsds::uncategorised(store.conn(), 20)?;
            if count > 0 {
                put!("{}", fill(Msg::CliHsdsUnmapped.text(lang), &[&count.to_string()]));
                for (id, name) in first {
                    put!("  {id}  {}", crate::domain::text::escaped(&name));
                }
            }
        }
        ResourcesCommand::MapTaxonomy { file, user } => {
            let u = records::staff(store, user)?;
            if u.role != crate::domain::staff::Role::Admin {
                return Err(crate::Error::user(Msg::ErrAdminOnly));
            }
            match file {
                None => print_term_map(store)?,
                Some(path) => {
                    let who = crate::service::Who { user: &u, session_id: None };
                    let (codes, gained) = crate::service::hsds::map_taxonomy(
                        store,
                        who,
                        path,
                        lang,
                        Timestamp::now(),
                    )?;
                    put!(
                        "{}",
                        fill(
                            Msg::CliTaxonomyMapped.text(lang),
                            &[&codes.to_string(), &gained.to_string()]
                        )
                    );
                }
            }
        }
        ResourcesCommand::Export { dir } => {
            let today = crate::domain::time::local_day(Timestamp::now());
            let mut bar = import::Progress::new(0);
            let n = crate::service::hsds::export(store, dir, today, &mut |done, total| {
                if done == 1 {
                    bar = import::Progress::new(total);
                }
                bar.at(done);
            })?;
            bar.done();
            put!(
                "{}",
                fill(Msg::CliExported.text(lang), &[&n.to_string(), &dir.display().to_string()])
            );
        }
    }
    Ok(())
}

/// Every problem of an import as CSV: file, row, column, value, problem.
fn hsds_report(path: &std::path::Path, problems: &[crate::service::hsds::Problem]) -> Result<()> {
    let mut w = csv::Writer::from_path(path).map_err(|e| {
        crate::Error::user_with(Msg::ErrCsvRead, &[&path.display().to_string(), &e.to_string()])
    })?;
    let io = |e: csv::Error| crate::Error::user_with(Msg::ErrCsvRead, &["-", &e.to_string()]);
    w.write_record(["file", "row", "column", "value", "problem"]).map_err(io)?;
    for p in problems {
        let row = p.row.to_string();
        let cells =
            [p.file.as_str(), row.as_str(), p.column.as_str(), p.value.as_str(), p.what.as_str()];
        w.write_record(cells.iter().map(|c| crate::domain::text::csv_safe(c))).map_err(io)?;
    }
    w.flush()?;
    Ok(())
}

/// The taxonomy map and every code in use without a category, as CSV on standard output.
fn print_term_map(store: &Store) -> Result<()> {
    let map = crate::store::hsds::term_map(store.conn())?;
    let mut w = csv::Writer::from_writer(std::io::stdout());
    let io = |e: csv::Error| crate::Error::user_with(Msg::ErrCsvRead, &["-", &e.to_string()]);
    w.write_record(["taxonomy", "code", "category", "name", "services"]).map_err(io)?;
    for (taxonomy, code, name, _, n) in crate::store::hsds::terms_in_use(store.conn())? {
        let term = crate::store::directory::Term {
            taxonomy: taxonomy.clone(),
            code: code.clone(),
            ..Default::default()
        };
        let category = crate::service::hsds::mapped(&map, &term).unwrap_or("");
        let n = n.to_string();
        let cells = [taxonomy.as_str(), code.as_str(), category, name.as_str(), n.as_str()];
        w.write_record(cells.iter().map(|c| crate::domain::text::csv_safe(c))).map_err(io)?;
    }
    w.flush()?;
    Ok(())
}

fn screening_command(store: &mut Store, command: &ScreeningCommand, lang: Lang) -> Result<()> {
    use crate::domain::screening;
    use crate::store::screenings;
    let now = Timestamp::now();
    match command {
        ScreeningCommand::Import { file, user } => {
            let admin = accounts::find_user(store, user)?;
            let actor = Actor { user_id: Some(admin.id), session_id: None };
            accounts::require_admin(store, actor)?;
            let text = read_tool(file)?;
            if check_tool_file(file, lang) != ExitCode::SUCCESS {
                return Err(Error::user(Msg::ErrToolInvalid));
            }
            let who = crate::service::Who { user: &admin, session_id: None };
            crate::service::casework::import_tool(store, who, &text, now)?;
        }
        ScreeningCommand::List => {
            store.write(|tx| screenings::ensure_shipped(tx, now))?;
            for (id, version, text) in screenings::available(store.conn())? {
                if let Ok(t) = screening::check(&text) {
                    put!(
                        "{id}\t{version}\t{}\t{}\t{}",
                        t.items.len(),
                        t.population,
                        t.title.get(lang)
                    );
                }
            }
        }
        ScreeningCommand::Check { .. } => {}
    }
    Ok(())
}

/// A tool file's text, read no further than a tool may be long; a file that is not UTF-8 is
/// named with the line of its first bad byte.
fn read_tool(file: &std::path::Path) -> Result<String> {
    use std::io::Read as _;
    let limit = crate::domain::screening::MAX_TOOL_BYTES;
    let shown = crate::domain::text::escaped(&file.display().to_string());
    let f = std::fs::File::open(file).map_err(|_| Error::user_with(Msg::ErrToolRead, &[&shown]))?;
    let mut bytes = Vec::new();
    f.take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| Error::user_with(Msg::ErrToolRead, &[&shown]))?;
    if bytes.len() > limit {
        return Err(Error::user_with(
            Msg::ErrToolFileTooBig,
            &[&shown, &(limit / 1024).to_string()],
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
        Error::user_with(Msg::ErrToolNotUtf8, &[&shown, &line.to_string()])
    })
}

/// `intake screening check FILE`: the tool's summary, or each problem on its own line.
fn check_tool_file(file: &std::path::Path, lang: Lang) -> ExitCode {
    use crate::domain::screening;
    let text = match read_tool(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("intake: {}", e.message(lang));
            return ExitCode::FAILURE;
        }
    };
    match screening::check(&text) {
        Ok(tool) => {
            let rule = match tool.rule {
                screening::Rule::AnyYes => "any_yes".to_string(),
                screening::Rule::AtLeast(k) => format!("at_least {k}"),
                screening::Rule::Weighted(b) => format!("weighted, {} bands", b.len()),
            };
            let args =
                [tool.id.as_str(), &tool.version.to_string(), &tool.items.len().to_string(), &rule];
            put!("{}", fill(Msg::ToolOk.text(lang), &args));
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for p in problems {
                let args: Vec<&str> = p.args.iter().map(String::as_str).collect();
                let what = fill(p.msg.text(lang), &args);
                let field =
                    if p.field.is_empty() { String::new() } else { format!(", {}", p.field) };
                put!(
                    "{}",
                    fill(Msg::ToolProblem.text(lang), &[&p.line.to_string(), &field, &what])
                );
            }
            ExitCode::FAILURE
        }
    }
}

fn print_check(store: &Store, lang: Lang) -> ExitCode {
    let anchor = crate::store::anchor::path(store.paths());
    let results = check::run(store, Some(&anchor));
    let mut all_ok = true;
    // The verdicts in one column, after the longest check's name in this language.
    let width = results.iter().map(|r| r.name.text(lang).chars().count()).max().unwrap_or(0);
    for r in &results {
        let verdict = if r.ok { Msg::CheckOk } else { Msg::CheckFailed };
        let mut line = format!("{:<width$} {}", r.name.text(lang), verdict.text(lang));
        if let Some((msg, args)) = &r.detail {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            line.push_str(": ");
            line.push_str(&fill(msg.text(lang), &args));
        }
        put!("{line}");
        all_ok &= r.ok;
    }
    // Damage to the database itself (not a key file's mode, not the report counts, which are
    // worked out again) makes it read-only until a backup is restored or the check passes.
    let paths = store.paths();
    match results.iter().find(|r| !r.ok && r.name.is_damage()) {
        Some(r) => {
            if let Err(e) = crate::store::damage::mark(paths, r.name, Timestamp::now()) {
                put!("{}", e.message(lang));
            }
            put!("{}", fill(Msg::CliMarkedDamaged.text(lang), &[&paths.db.display().to_string()]));
        }
        None if all_ok => crate::store::damage::clear(paths),
        None => {}
    }
    if all_ok { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
