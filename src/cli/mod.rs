//! Non-interactive commands for set-up and scripts. Each change is an audited event; PINs are
//! read from the terminal without echo, or as one line of standard input, never from an
//! argument or the environment.

/// Print a line on standard output. A reader that went away (`intake … | head`) is not an
/// error worth a message; the program ends quietly (see `main`).
macro_rules! put {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

pub mod money;
pub mod records;
pub mod report;

use std::io::{self, BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use jiff::Timestamp;
use zeroize::Zeroizing;

use crate::auth::Actor;
use crate::auth::accounts::{self, NewAccount};
use crate::auth::pin::{self, HashCost};
use crate::domain::staff::Role;
use crate::error::{Error, Result};
use crate::i18n::{Lang, Msg, fill};
use crate::store::{DbPaths, Store, check, users};

#[derive(Parser, Debug)]
#[command(
    name = "intake",
    version,
    about = "Console for the New Mexico Human Trafficking Task Force"
)]
pub struct Cli {
    /// The database file (default: in the user's data directory).
    #[arg(long, env = "INTAKE_DB", global = true)]
    pub db: Option<PathBuf>,
    /// The key file (default: beside the database, with ".key" added).
    #[arg(long = "key-file", env = "INTAKE_KEY_FILE", global = true)]
    pub key_file: Option<PathBuf>,
    /// ASCII borders, for terminals without Unicode line drawing.
    #[arg(long, global = true)]
    pub ascii: bool,
    /// Language before login and for command output: en or es.
    #[arg(long, global = true)]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check the database, its encryption, the audit chain and the key file.
    Check,
    /// Manage staff accounts.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// The hotline log: list or import contacts.
    Contact {
        #[command(subcommand)]
        command: records::RecordCommand,
    },
    /// Tips and referrals received: list or import.
    Tip {
        #[command(subcommand)]
        command: records::RecordCommand,
    },
    /// Clients: import a case list (the console is where clients are read).
    Client {
        #[command(subcommand)]
        command: records::ImportCommand,
    },
    /// Screening tools: check a tool file before it is used.
    Screening {
        #[command(subcommand)]
        command: ScreeningCommand,
    },
    /// Services delivered: import, pointing at clients by their external reference.
    Service {
        #[command(subcommand)]
        command: records::ImportCommand,
    },
    /// Assistance funds: add one, list them with what is paid and left.
    Fund {
        #[command(subcommand)]
        command: money::FundCommand,
    },
    /// Payments from funds: import past years'.
    Payment {
        #[command(subcommand)]
        command: money::PaymentCommand,
    },
    /// Figures for funders and partners, for a fiscal year, a quarter or any days.
    Report(money::ReportArgs),
    /// The resource directory in Open Referral (HSDS) CSV files.
    Resources {
        #[command(subcommand)]
        command: ResourcesCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum ResourcesCommand {
    /// Read a folder of HSDS CSV files: every row checked, then all written or nothing.
    Import {
        dir: PathBuf,
        /// The supervisor or administrator recording the change.
        #[arg(long)]
        user: String,
    },
    /// Write the directory to a folder as HSDS CSV files (confidential addresses stay out).
    Export { dir: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum ScreeningCommand {
    /// Check a tool file; every problem is named with its line and field.
    Check { file: PathBuf },
    /// Add a checked tool (or a new version of one); administrators only.
    Import {
        file: PathBuf,
        /// The administrator adding it.
        #[arg(long)]
        user: String,
    },
    /// The tools on offer, newest version of each.
    List,
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    Table,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Add an account; its PIN is read from the terminal or standard input.
    Add {
        username: String,
        #[arg(long)]
        name: String,
        #[arg(long)]
        role: String,
        #[arg(long)]
        agency: Option<String>,
    },
    /// List accounts.
    List {
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    Disable {
        username: String,
    },
    Enable {
        username: String,
    },
    /// Clear a lock left by failed PINs.
    Unlock {
        username: String,
    },
    /// Set a temporary PIN, to be changed at the next login.
    ResetPin {
        username: String,
    },
}

impl Cli {
    pub fn language(&self) -> Lang {
        self.lang.as_deref().and_then(Lang::parse).unwrap_or_else(Lang::from_env)
    }

    pub fn paths(&self) -> Result<DbPaths> {
        DbPaths::resolve(self.db.clone(), self.key_file.clone())
    }
}

/// Run a command (main.rs starts the console when none is given); the exit code says whether
/// it worked.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let lang = cli.language();
    match &cli.command {
        None => Err(crate::Error::user(Msg::ErrNoCommand)),
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
        Some(Command::Client { command }) => {
            let mut store = Store::open(&cli.paths()?, false)?;
            records::run_import(&mut store, "client", command, lang)?;
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
            money::report(&store, args, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Resources { command }) => {
            let mut store = Store::open(&cli.paths()?, false)?;
            resources_command(&mut store, command, lang)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::User { command }) => {
            let mut store = Store::open(&cli.paths()?, true)?;
            user_command(&mut store, command, lang, pin::PRODUCTION)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn resources_command(store: &mut Store, command: &ResourcesCommand, lang: Lang) -> Result<()> {
    match command {
        ResourcesCommand::Import { dir, user } => {
            let u = records::staff(store, user)?;
            let mut bar = records::Progress::new(0);
            let mut checked = 0;
            let ds = crate::service::hsds::read(dir, lang, &mut |done, total| {
                if checked == 0 {
                    bar = records::Progress::new(total * 2);
                }
                checked = total;
                bar.at(done);
            })?;
            let who = crate::service::Who { user: &u, session_id: None };
            let n = crate::service::hsds::write(store, who, &ds, Timestamp::now(), &mut |n| {
                bar.at(checked + n * checked / ds.services.len().max(1))
            })?;
            bar.done();
            put!("{}", fill(Msg::CliImported.text(lang), &[&n.to_string()]));
        }
        ResourcesCommand::Export { dir } => {
            let n = crate::service::hsds::export(store, dir)?;
            let source = store.source().to_string();
            store.write(|tx| {
                crate::store::audit::append(
                    tx,
                    &source,
                    &crate::store::audit::Event::new("directory_export", "ok").record(n),
                )
            })?;
            put!(
                "{}",
                fill(Msg::CliExported.text(lang), &[&n.to_string(), &dir.display().to_string()])
            );
        }
    }
    Ok(())
}

fn screening_command(store: &mut Store, command: &ScreeningCommand, lang: Lang) -> Result<()> {
    use crate::domain::screening;
    use crate::store::{audit, screenings};
    let now = Timestamp::now();
    match command {
        ScreeningCommand::Import { file, user } => {
            let admin = accounts::find_user(store, user)?;
            let actor = Actor { user_id: Some(admin.id), session_id: None };
            accounts::require_admin(store, actor)?;
            let text = std::fs::read_to_string(file)?;
            if check_tool_file(file, lang) != ExitCode::SUCCESS {
                return Err(Error::user(Msg::ErrToolInvalid));
            }
            let source = store.source().to_string();
            store.write(|tx| {
                let id = screenings::ensure_tool(tx, &text, false, Some(admin.id), now)?;
                audit::append(
                    tx,
                    &source,
                    &audit::Event::new("tool_import", "ok").by(Some(admin.id), None).record(id),
                )
            })?;
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

/// `intake screening check FILE`: the tool's summary, or each problem on its own line.
fn check_tool_file(file: &std::path::Path, lang: Lang) -> ExitCode {
    use crate::domain::screening;
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("intake: {}", Error::from(e).message(lang));
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
    let results = check::run(store);
    let mut all_ok = true;
    for r in &results {
        let verdict = if r.ok { Msg::CheckOk } else { Msg::CheckFailed };
        let mut line = format!("{:<28} {}", r.name.text(lang), verdict.text(lang));
        if let Some((msg, args)) = &r.detail {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            line.push_str(": ");
            line.push_str(&fill(msg.text(lang), &args));
        }
        put!("{line}");
        all_ok &= r.ok;
    }
    if all_ok { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

pub fn user_command(
    store: &mut Store,
    command: &UserCommand,
    lang: Lang,
    cost: HashCost,
) -> Result<()> {
    let now = Timestamp::now();
    let actor = Actor::CLI;
    match command {
        UserCommand::Add { username, name, role, agency } => {
            let role = Role::parse(role)
                .ok_or_else(|| Error::user_with(Msg::ErrUnknownRole, &[role.as_str()]))?;
            let agency = match agency {
                Some(a) => a.clone(),
                None => only_agency(store)?,
            };
            let first = users::count_users(store.conn())? == 0;
            let (new_pin, again) = read_pin_twice(lang)?;
            let account = NewAccount {
                username,
                display_name: name,
                role,
                agency: &agency,
                pin: &new_pin,
                pin_again: &again,
                // Someone else will use this account: they choose their own PIN at first login.
                temporary: !first,
                lang,
            };
            accounts::add_user(store, actor, cost, &account, now)?;
            put!(
                "{}",
                fill(
                    Msg::CliUserAdded.text(lang),
                    &[&crate::domain::text::fold_username(username)]
                )
            );
        }
        UserCommand::List { format } => {
            accounts::session_event(store, actor, "user_list")?;
            list_users(store, *format, lang)?
        }
        UserCommand::Disable { username } | UserCommand::Enable { username } => {
            let disable = matches!(command, UserCommand::Disable { .. });
            let user = accounts::find_user(store, username)?;
            accounts::set_disabled(store, actor, user.id, disable, now)?;
            let msg = if disable { Msg::UserDisabled } else { Msg::UserEnabled };
            put!("{}", msg.text(lang));
        }
        UserCommand::Unlock { username } => {
            let user = accounts::find_user(store, username)?;
            accounts::unlock(store, actor, user.id)?;
            put!("{}", Msg::UserUnlocked.text(lang));
        }
        UserCommand::ResetPin { username } => {
            let user = accounts::find_user(store, username)?;
            let (new_pin, again) = read_pin_twice(lang)?;
            accounts::reset_pin(store, actor, cost, user.id, &new_pin, &again, now)?;
            put!("{}", Msg::PinReset.text(lang));
        }
    }
    Ok(())
}

/// With no --agency: the one agency there is, or a message asking for one.
fn only_agency(store: &Store) -> Result<String> {
    let agencies = users::agencies(store.conn(), 0, 2)?;
    match agencies.as_slice() {
        [one] => Ok(one.name.clone()),
        _ => Err(Error::user(Msg::ErrAgencyRequired)),
    }
}

#[derive(serde::Serialize)]
struct UserOut<'a> {
    username: &'a str,
    name: &'a str,
    role: Role,
    agency: &'a str,
    disabled: bool,
    locked: bool,
    temporary_pin: bool,
}

fn list_users(store: &Store, format: Format, lang: Lang) -> Result<()> {
    let mut out = io::stdout().lock();
    let mut offset = 0;
    let mut first = true;
    if matches!(format, Format::Table) {
        writeln!(
            out,
            "{:<16} {:<28} {:<18} {:<24} {}",
            Msg::FieldUsername.text(lang),
            Msg::FieldDisplayName.text(lang),
            Msg::FieldRole.text(lang),
            Msg::FieldAgency.text(lang),
            Msg::FieldStatus.text(lang)
        )?;
    } else {
        write!(out, "[")?;
    }
    // A page at a time, so a long list never sits in memory whole.
    loop {
        let rows = users::list(store.conn(), Timestamp::now(), offset, 200)?;
        if rows.is_empty() {
            break;
        }
        offset += rows.len() as i64;
        for r in &rows {
            let u = &r.user;
            match format {
                Format::Table => {
                    let status = if u.disabled {
                        Msg::StatusDisabled
                    } else if r.locked {
                        Msg::StatusLocked
                    } else if u.pin_temporary {
                        Msg::StatusTemporaryPin
                    } else {
                        Msg::StatusActive
                    };
                    writeln!(
                        out,
                        "{:<16} {:<28} {:<18} {:<24} {}",
                        u.username,
                        u.display_name,
                        u.role.label().text(lang),
                        u.agency_name,
                        status.text(lang)
                    )?;
                }
                Format::Json => {
                    let row = UserOut {
                        username: &u.username,
                        name: &u.display_name,
                        role: u.role,
                        agency: &u.agency_name,
                        disabled: u.disabled,
                        locked: r.locked,
                        temporary_pin: u.pin_temporary,
                    };
                    let json = serde_json::to_string(&row).map_err(|e| Error::Io(e.into()))?;
                    write!(out, "{}{json}", if first { "" } else { "," })?;
                    first = false;
                }
            }
        }
    }
    if matches!(format, Format::Json) {
        writeln!(out, "]")?;
    }
    Ok(())
}

/// The PIN twice from a terminal (no echo), or once from a line of standard input.
fn read_pin_twice(lang: Lang) -> Result<(Zeroizing<String>, Zeroizing<String>)> {
    if io::stdin().is_terminal() {
        let first = read_pin_tty(Msg::PromptPin.text(lang))?;
        let again = read_pin_tty(Msg::PromptPinAgain.text(lang))?;
        Ok((first, again))
    } else {
        let mut line = Zeroizing::new(String::new());
        io::stdin().lock().read_line(&mut line)?;
        let pin = Zeroizing::new(line.trim_end_matches(['\r', '\n']).to_string());
        Ok((pin.clone(), pin))
    }
}

fn read_pin_tty(prompt: &str) -> Result<Zeroizing<String>> {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use ratatui::crossterm::terminal;
    eprint!("{prompt}: ");
    io::stderr().flush()?;
    terminal::enable_raw_mode()?;
    let mut pin = Zeroizing::new(String::new());
    let result = loop {
        match event::read() {
            Ok(Event::Key(k)) if k.kind != KeyEventKind::Release => match k.code {
                KeyCode::Enter => break Ok(()),
                KeyCode::Char('c') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                    break Err(Error::user(Msg::ErrCancelled));
                }
                KeyCode::Char(c) => pin.push(c),
                KeyCode::Backspace => {
                    pin.pop();
                }
                _ => {}
            },
            Ok(_) => {}
            Err(e) => break Err(e.into()),
        }
    };
    let _ = terminal::disable_raw_mode();
    eprintln!();
    result.map(|_| pin)
}
