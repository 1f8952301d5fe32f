//! Staff roles and agency kinds.

use crate::i18n::Msg;

/// Every fifth consecutive failed login locks the name for ten minutes.
pub const LOCK_EVERY: i64 = 5;
pub const LOCK_FOR: jiff::SignedDuration = jiff::SignedDuration::from_mins(10);
/// After ten consecutive failed logins only an administrator can unlock the account.
pub const DISABLE_AFTER: i64 = 10;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Supervisor,
    Advocate,
    Intake,
    LawEnforcement,
}

impl Role {
    pub const ALL: [Role; 5] =
        [Role::Admin, Role::Supervisor, Role::Advocate, Role::Intake, Role::LawEnforcement];

    /// The stored identifier.
    pub fn id(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Supervisor => "supervisor",
            Role::Advocate => "advocate",
            Role::Intake => "intake",
            Role::LawEnforcement => "law_enforcement",
        }
    }

    /// Accepts the stored identifier, with '-' for '_' (as typed on the command line).
    pub fn parse(s: &str) -> Option<Role> {
        let s = s.trim().to_ascii_lowercase().replace('-', "_");
        Role::ALL.into_iter().find(|r| r.id() == s)
    }

    // ---- Who may do what: the whole role policy, here and nowhere else. ----

    /// Administrators: staff accounts, agencies, settings, imports of past payments.
    pub fn administers(self) -> bool {
        self == Role::Admin
    }

    /// Supervisors and administrators: funds (approving and voiding payments) and reports.
    pub fn manages_funds(self) -> bool {
        matches!(self, Role::Admin | Role::Supervisor)
    }

    /// Those doing casework ask for payments from a fund.
    pub fn requests_payments(self) -> bool {
        matches!(self, Role::Admin | Role::Supervisor | Role::Advocate)
    }

    /// Reports for funders: the same people who manage funds.
    pub fn sees_reports(self) -> bool {
        self.manages_funds()
    }

    /// Changing or removing a training or outreach event someone else logged (anyone logs
    /// one, and changes their own).
    pub fn corrects_outreach_log(self) -> bool {
        matches!(self, Role::Admin | Role::Supervisor)
    }

    /// Only supervisors and administrators change the resource directory.
    pub fn edits_directory(self) -> bool {
        matches!(self, Role::Admin | Role::Supervisor)
    }

    /// Erasing a client's record before the retention schedule (at the person's request, for
    /// their safety, or a record made in error): supervisors only.
    pub fn erases_clients(self) -> bool {
        self == Role::Supervisor
    }

    /// Offering a case to another agency, and accepting or declining an offer: casework roles
    /// and law enforcement (an offer reaches it only under a release naming it).
    pub fn handles_transfers(self) -> bool {
        matches!(self, Role::Advocate | Role::Supervisor | Role::LawEnforcement)
    }

    /// The fields that identify a client (legal name, phone, address): casework roles only.
    pub fn sees_identity(self) -> bool {
        matches!(self, Role::Advocate | Role::Supervisor)
    }

    pub fn label(self) -> Msg {
        match self {
            Role::Admin => Msg::RoleAdmin,
            Role::Supervisor => Msg::RoleSupervisor,
            Role::Advocate => Msg::RoleAdvocate,
            Role::Intake => Msg::RoleIntake,
            Role::LawEnforcement => Msg::RoleLawEnforcement,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    ServiceProvider,
    LawEnforcement,
    Government,
}

impl AgencyKind {
    pub const ALL: [AgencyKind; 3] =
        [AgencyKind::ServiceProvider, AgencyKind::LawEnforcement, AgencyKind::Government];

    pub fn id(self) -> &'static str {
        match self {
            AgencyKind::ServiceProvider => "service_provider",
            AgencyKind::LawEnforcement => "law_enforcement",
            AgencyKind::Government => "government",
        }
    }

    pub fn parse(s: &str) -> Option<AgencyKind> {
        let s = s.trim().to_ascii_lowercase().replace('-', "_");
        AgencyKind::ALL.into_iter().find(|k| k.id() == s)
    }

    pub fn label(self) -> Msg {
        match self {
            AgencyKind::ServiceProvider => Msg::KindServiceProvider,
            AgencyKind::LawEnforcement => Msg::KindLawEnforcement,
            AgencyKind::Government => Msg::KindGovernment,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_parse_from_their_ids_and_cli_spelling() {
        for r in Role::ALL {
            assert_eq!(Role::parse(r.id()), Some(r));
        }
        assert_eq!(Role::parse("Law-Enforcement"), Some(Role::LawEnforcement));
        assert_eq!(Role::parse("boss"), None);
        assert_eq!(AgencyKind::parse("government"), Some(AgencyKind::Government));
    }
}
