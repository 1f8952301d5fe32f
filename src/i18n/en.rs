//! English.

use super::Msg::{self, *};

pub fn text(m: Msg) -> &'static str {
    match m {
        AppName => "intake",
        TaskForce => "New Mexico Human Trafficking Task Force",
        TooSmall => {
            "The terminal is too small: intake needs {0}x{1}, this one is {2}x{3}. Make the window larger."
        }
        // Actions (help bar, help overlay, menus)
        ActAddAgency => "Add agency",
        ActAddUser => "Add user",
        ActBack => "Back",
        ActCancel => "Cancel",
        ActClose => "Close",
        ActCycleKind => "Change kind",
        ActDisableEnable => "Disable/enable",
        ActDown => "Down",
        ActEditUser => "Role and agency",
        ActHelp => "Help",
        ActHide => "Hide",
        ActLanguage => "Español",
        ActNextField => "Next field",
        ActNextOrLogin => "Next / log in",
        ActNextOrSave => "Next / save",
        ActOpen => "Open",
        ActPageDown => "Next page",
        ActPageUp => "Previous page",
        ActPrevField => "Previous field",
        ActQuit => "Quit",
        ActRename => "Rename",
        ActResetPin => "Reset PIN",
        ActUnlock => "Unlock",
        ActUp => "Up",
        MenuAgencies => "Agencies",
        MenuChangePin => "Change my PIN",
        MenuLanguage => "Español (change language)",
        MenuLock => "Lock the screen",
        MenuLogout => "Log out",
        MenuQuit => "Quit",
        MenuSettings => "Settings",
        MenuStaff => "Staff accounts",
        // Titles
        TitleAddAgency => "Add an agency",
        TitleAddUser => "Add a staff account",
        TitleAgencies => "Agencies",
        TitleChangePin => "Change PIN",
        TitleConfirm => "Please confirm",
        TitleEditUser => "Role and agency",
        TitleFirstRun => "First start: create the administrator",
        TitleHelp => "Keys",
        TitleHome => "Home",
        TitleLocked => "Locked",
        TitleLogin => "Log in",
        TitleRenameAgency => "Edit agency",
        TitleResetPin => "Set a temporary PIN",
        TitleSettings => "Settings",
        TitleStaff => "Staff accounts",
        HomeYou => "Logged in",
        HomeActions => "What would you like to do?",
        // Fields
        FieldAgency => "Agency",
        FieldCurrentPin => "Current PIN",
        FieldDisplayName => "Name",
        FieldIdleMinutes => "Lock after (minutes)",
        FieldKind => "Kind",
        FieldLanguage => "Language",
        FieldNewPin => "New PIN",
        FieldPin => "PIN",
        FieldPinAgain => "New PIN again",
        FieldRole => "Role",
        FieldStaffCount => "Staff",
        FieldStatus => "Status",
        FieldUsername => "User name",
        LanguageName => "English",
        // Roles, kinds, statuses
        RoleAdmin => "Administrator",
        RoleAdvocate => "Advocate",
        RoleIntake => "Intake / hotline",
        RoleLawEnforcement => "Law enforcement",
        RoleSupervisor => "Supervisor",
        KindGovernment => "Government",
        KindLawEnforcement => "Law enforcement",
        KindServiceProvider => "Service provider",
        StatusActive => "active",
        StatusDisabled => "disabled",
        StatusLocked => "locked",
        StatusTemporaryPin => "new PIN due",
        ListEmpty => "Nothing to show yet.",
        PageRows => "from row",
        // Texts on screens
        FirstRunIntro => {
            "This database is new. Create the first administrator account; it can then add staff."
        }
        PinRule => {
            "A PIN is 6 to 12 digits, not easy to guess (no runs, repeats, years or digits from your name)."
        }
        LockedIntro => {
            "The session is locked. Enter your PIN to go on, or log in as another user (that ends this session)."
        }
        HintHide => "{0} hides the screen at once, from anywhere.",
        HintLanguage => "F2: English / Español",
        HelpClose => "Esc, F1 or ? closes this help.",
        IdleHelp => {
            "The console locks itself after this many minutes without a key press (1 to {0})."
        }
        AddUserIntro => {
            "The PIN you set is temporary: the person chooses their own at first login."
        }
        ConfirmQuit => "Something you typed is not saved. Quit anyway?",
        ConfirmDiscard => "Discard the changes on this form?",
        ConfirmDisable => "Disable this account? The person can no longer log in.",
        ConfirmEnable => "Enable this account again?",
        ConfirmKeys => "y = yes    n = no",
        // Outcomes
        AdminCreated => "Administrator created. Log in with your PIN.",
        AgencyAdded => "Agency added.",
        AgencyUpdated => "Agency updated.",
        LanguageChanged => "Language changed.",
        LoggedOut => "Logged out.",
        MustChangePin => "Your PIN was set by an administrator. Choose your own PIN now.",
        PinChanged => "Your PIN was changed.",
        PinReset => "Temporary PIN set: it must be changed at the next login.",
        SettingsSaved => "Settings saved.",
        UserAdded => "Account added.",
        UserDisabled => "Account disabled.",
        UserEnabled => "Account enabled.",
        UserUnlocked => "Account unlocked.",
        UserUpdated => "Account updated.",
        CliUserAdded => "Account {0} added.",
        PromptPin => "PIN",
        PromptPinAgain => "PIN again",
        // Login
        LoginFailed => "The user name or PIN is not right.",
        LoginLocked => {
            "Too many wrong PINs: this account is locked for 10 minutes. After 10 in a row only an administrator can unlock it."
        }
        LoginDisabled => "This account is disabled. Ask an administrator.",
        // PIN policy
        PinAllSame => "The PIN is one digit repeated: choose one that is harder to guess.",
        PinCommon => "That PIN is one of the most used: choose another.",
        PinLength => "A PIN has 6 to 12 digits.",
        PinMismatch => "The two PINs are not the same.",
        PinNotDigits => "A PIN has digits only.",
        PinOwnDigits => "The PIN holds digits from your name or user name: choose another.",
        PinRepeats => "The PIN repeats a short pattern: choose one that is harder to guess.",
        PinSequence => {
            "The PIN is a run of digits (like 123456): choose one that is harder to guess."
        }
        PinYearLike => "The PIN looks like a year or a date: choose one that is harder to guess.",
        // Errors
        ErrAdminOnly => "Only an administrator can do that.",
        ErrAgencyExists => "An agency named {0} already exists.",
        ErrAgencyRequired => "Name the agency with --agency.",
        ErrAlreadySetUp => "This database already has accounts: log in instead.",
        ErrBusy => "The database is busy: please try again in a moment. Nothing was lost.",
        ErrCancelled => "Cancelled.",
        ErrCurrentPinWrong => "The current PIN is not right.",
        ErrDamaged => {
            "The database file is damaged or is not an intake database. Run `intake check` and restore from a backup."
        }
        ErrDatabase => "A database error stopped this ({0}). Nothing was changed.",
        ErrDbMissing => "There is no database at {0}.",
        ErrDbNewer => {
            "This database was made by a newer intake (schema {0}; this program knows up to {1}). Update intake."
        }
        ErrDigitsOnly => "{0}: digits only.",
        ErrFirstMustBeAdmin => {
            "The first account on a new database must be an administrator (--role admin)."
        }
        ErrIdleRange => "The lock time is 1 to {0} minutes.",
        ErrIo => "A file could not be read or written ({0}).",
        ErrKeyFileInvalid => "The key file {0} does not hold a key (64 hexadecimal digits).",
        ErrKeyFileMissing => "The key file {0} is missing or cannot be read.",
        ErrKeyFilePermissions => {
            "The key file {0} can be read by other users. Fix it with: chmod 600 {1}"
        }
        ErrLastAdmin => "This is the last active administrator: add another first.",
        ErrNoDataDir => "No data directory was found for this user: give one with --db.",
        ErrNoRandomness => "The system gave no random bytes for a new key.",
        ErrNoSuchUser => "That account does not exist.",
        ErrNoSuchUserNamed => "There is no account named {0}.",
        ErrNoWal => "The database could not be put in WAL mode (is it on a network file system?).",
        ErrNotTerminal => {
            "intake's console needs a terminal. Run it in a terminal window or over ssh -t; use the subcommands (intake --help) in scripts."
        }
        ErrPinUnchanged => "The new PIN is the same as the old one.",
        ErrRequired => "{0} is required.",
        ErrRequiredShort => "required",
        ErrTooLong => "{0}: at most {1} characters.",
        ErrUnknownRole => {
            "Unknown role {0}: use admin, supervisor, advocate, intake or law-enforcement."
        }
        ErrUsernameForm => "A user name has 2 to 32 letters a-z, digits, '.', '_' or '-'.",
        ErrUsernameTaken => "The user name {0} is taken.",
        ErrWrongKey => {
            "The database {0} cannot be opened with the key in {1}: the key does not match, or the file is damaged."
        }
        // intake check
        CheckAuditBroken => "the chain breaks at row {0}",
        CheckAuditChain => "Audit log chain",
        CheckAuditTriggers => "Audit log is append-only",
        CheckCipher => "Encryption (cipher)",
        CheckFailed => "FAILED",
        CheckForeignKeys => "Foreign keys",
        CheckIntegrity => "Database integrity",
        CheckKeyFile => "Key file permissions",
        CheckOk => "ok",
        CheckProblems => "{0}",
        CheckTriggersMissing => "the triggers that refuse changes are missing",
    }
}
