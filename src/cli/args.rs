//! The command line: every command and option, as clap reads them.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::error::Result;
use crate::i18n::Lang;
use crate::store::DbPaths;

use super::{money, records};

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
    /// The task force's agencies: add, list, rename, set the kind.
    Agency {
        #[command(subcommand)]
        command: AgencyCommand,
    },
    /// Staff keys for shelters that reach the console over SSH.
    Ssh {
        #[command(subcommand)]
        command: SshCommand,
    },
    /// The console for one staff account, as a key's forced command starts it over SSH.
    #[command(hide = true)]
    SshLogin { username: String, fingerprint: String },
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
    /// Clients: import a case list, or erase one (the console is where clients are read).
    Client {
        #[command(subcommand)]
        command: ClientCommand,
    },
    /// Releases of information: print one for the person to sign; default lengths.
    Release {
        #[command(subcommand)]
        command: super::release::ReleaseCommand,
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
    Report(super::report_cmd::ReportArgs),
    /// The resource directory in Open Referral (HSDS) CSV files.
    Resources {
        #[command(subcommand)]
        command: ResourcesCommand,
    },
    /// Back up the database while consoles work: an encrypted copy, checked, named by the time.
    /// Prints one line; the exit code says whether it worked (for a timer or cron).
    Backup {
        /// Where backups go (default: "backups" beside the database).
        dir: Option<PathBuf>,
        /// Keep only the newest N backups there, removing older ones.
        #[arg(long)]
        keep: Option<usize>,
    },
    /// Restore a backup as the database --db names (a new path), check it, and say what it holds.
    Restore {
        /// The backup file.
        file: PathBuf,
        /// The key file the backup was made under (default: the --key-file of --db).
        #[arg(long)]
        backup_key: Option<PathBuf>,
        /// Replace a database already there (no console may have it open; it is kept, renamed).
        #[arg(long)]
        force: bool,
    },
    /// How long records keep their identifying text: show the policy, or set it for a kind.
    Retention {
        #[command(subcommand)]
        command: RetentionCommand,
    },
    /// Remove the identifying text and narratives the retention policy says are due; coded facts
    /// and every report figure stay. One line of output, for a timer.
    Purge {
        /// Say what would go, by kind and count, and change nothing.
        #[arg(long)]
        dry_run: bool,
    },
    /// The audit log: trim rows older than a year behind a signed checkpoint.
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// Move the database to a new key; the old key is kept, retired, for the older backups.
    Rekey,
    /// The database key, kept apart from the backups: export it for paper or a safe; import it.
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
}

#[derive(Subcommand, Debug)]
pub enum ClientCommand {
    /// Bring in a CSV file: every row valid, or nothing is written.
    Import {
        file: PathBuf,
        /// The staff account the entries are recorded by (and whose agency holds them).
        #[arg(long)]
        user: String,
    },
    /// Everything held about one client, for that person: a readable text file in the
    /// language (--lang) and a JSON file, written 0600 (advocates and supervisors).
    Export {
        /// The client's record number: 12 or #12.
        record: String,
        /// The advocate or supervisor exporting it.
        #[arg(long)]
        user: String,
        /// The folder for the two files (default: the current one).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
    /// Erase one client's identifying text and narratives now, keeping the counts
    /// (supervisors): at the person's request, for their safety, or a record made in error.
    Erase {
        /// The client's record number: 12 or #12.
        record: String,
        /// The supervisor erasing it.
        #[arg(long)]
        user: String,
        /// Why: request (the person asked), safety, or error (made in error).
        #[arg(long)]
        reason: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum AuditCommand {
    /// Remove the rows made before a day at least a year ago; a signed checkpoint keeps the
    /// chain verifiable from the first row kept.
    Trim {
        /// The first day kept, YYYY-MM-DD (America/Denver).
        #[arg(long)]
        before: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum RetentionCommand {
    /// The policy in force, each kind with its time.
    Show,
    /// Set how long a kind keeps its text: contact, tip, case (from closing) or draft, and a time
    /// such as 7y, 18m, 30d.
    Set { kind: String, time: String },
}

#[derive(Subcommand, Debug)]
pub enum KeyCommand {
    /// Print the key as hex digits in groups, with a check line, for paper or a safe.
    Export,
    /// Write the key file (--key-file, or beside --db) from an exported key.
    Import {
        /// The exported key ("-" for standard input).
        file: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
pub enum SshCommand {
    /// Let a staff member's key open the console, for their account only.
    AddKey {
        username: String,
        /// Their public key (an id_*.pub file).
        public_key: PathBuf,
        /// The service account's authorized_keys (default: ~/.ssh/authorized_keys).
        #[arg(long)]
        authorized_keys: Option<PathBuf>,
    },
    /// The keys that open the console, and whose they are.
    ListKeys {
        #[arg(long)]
        authorized_keys: Option<PathBuf>,
    },
    /// Take a key away: by its account (every key of it) or its fingerprint.
    RemoveKey {
        who: String,
        #[arg(long)]
        authorized_keys: Option<PathBuf>,
    },
    /// Check the data's file modes, the keys file and the sshd settings for the account.
    Check {
        #[arg(long)]
        authorized_keys: Option<PathBuf>,
        #[arg(long, default_value = "intake")]
        account: String,
        /// The sshd configuration to read (default: sshd's own).
        #[arg(long)]
        sshd_config: Option<PathBuf>,
    },
    /// The sshd settings for the service account, to put in sshd_config.
    Config {
        #[arg(long, default_value = "intake")]
        account: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum AgencyCommand {
    /// Add an agency (administrators' work; recorded in the audit log).
    Add {
        name: String,
        /// service_provider, law_enforcement or government.
        #[arg(long, default_value = "service_provider")]
        kind: String,
    },
    /// List the agencies, their kind and how many staff each has.
    List {
        #[arg(long, value_enum, default_value = "table")]
        format: Format,
    },
    /// Give an agency a new name.
    Rename { name: String, new_name: String },
    /// Set what kind of agency it is: service_provider, law_enforcement or government.
    SetKind { name: String, kind: String },
}

#[derive(Subcommand, Debug)]
pub enum ResourcesCommand {
    /// Read a folder of HSDS CSV files: every row checked, then all written or nothing.
    Import {
        dir: PathBuf,
        /// The supervisor or administrator recording the change.
        #[arg(long)]
        user: String,
        /// Write every problem to this CSV file (file, row, column, value, problem).
        #[arg(long)]
        report: Option<PathBuf>,
        /// Import the valid rows and list the rest (administrators only).
        #[arg(long)]
        skip_invalid: bool,
    },
    /// Write the directory to a folder as an HSDS 3.0 package with its datapackage.json
    /// (confidential addresses stay out).
    Export { dir: PathBuf },
    /// Map other taxonomies' codes (AIRS / 211 LA) to our categories. Without --file, print
    /// the map and every code in use without one, as CSV (taxonomy, code, category, name,
    /// services) to edit and give back.
    MapTaxonomy {
        /// A CSV file with the columns taxonomy, code, category: the whole new map.
        #[arg(long)]
        file: Option<PathBuf>,
        /// The administrator changing the map.
        #[arg(long)]
        user: String,
    },
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
        /// Create the agency if none has that name (otherwise a name that matches none is
        /// refused, with the close ones).
        #[arg(long)]
        new_agency: bool,
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
