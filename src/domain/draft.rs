//! The forms whose unsaved input is kept as a draft, each under its own name in the store.

/// A form a draft belongs to (with the record it edits, if any, it names the draft).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DraftForm {
    /// A hotline contact.
    Contact,
    /// A tip.
    Tip,
    /// A client's intake.
    Client,
    /// A service delivered to a client.
    Service,
    /// A case note.
    Note,
    /// A referral for a client.
    Referral,
    /// A referral for a hotline contact (no client record).
    ReferralContact,
    /// A directory service.
    DirService,
}

impl DraftForm {
    pub const ALL: [DraftForm; 8] = [
        DraftForm::Contact,
        DraftForm::Tip,
        DraftForm::Client,
        DraftForm::Service,
        DraftForm::Note,
        DraftForm::Referral,
        DraftForm::ReferralContact,
        DraftForm::DirService,
    ];

    /// The name the draft is stored under (kept as it was, so older drafts come back).
    pub fn id(self) -> &'static str {
        match self {
            DraftForm::Contact => "contact",
            DraftForm::Tip => "tip",
            DraftForm::Client => "client",
            DraftForm::Service => "service",
            DraftForm::Note => "note",
            DraftForm::Referral => "referral",
            DraftForm::ReferralContact => "referral_contact",
            DraftForm::DirService => "dir_service",
        }
    }

    pub fn parse(id: &str) -> Option<DraftForm> {
        DraftForm::ALL.into_iter().find(|f| f.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_reads_back_from_its_stored_name() {
        let names: std::collections::HashSet<&str> =
            DraftForm::ALL.iter().map(|f| f.id()).collect();
        assert_eq!(names.len(), DraftForm::ALL.len());
        for f in DraftForm::ALL {
            assert_eq!(DraftForm::parse(f.id()), Some(f));
        }
        assert_eq!(DraftForm::parse("mystery"), None);
    }
}
