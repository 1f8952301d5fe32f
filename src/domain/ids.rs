//! Record ids as their own types, so one kind of id can never be passed where another is meant.
//! The agency id comes first: every record is scoped by it, and a client id given where an
//! agency id belongs would read across agencies. How they are stored is in `store::ids`.

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(
            Clone,
            Copy,
            Debug,
            Default,
            PartialEq,
            Eq,
            Hash,
            PartialOrd,
            Ord,
            serde::Serialize,
            serde::Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.parse().map($name)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    };
}

id_type!(
    /// An agency (a task force member organisation); every record belongs to one.
    AgencyId
);
id_type!(
    /// A client of an agency: the person a case is about.
    ClientId
);
id_type!(
    /// A staff account.
    UserId
);
id_type!(
    /// One login of one staff member, from login to logout or quit.
    SessionId
);
id_type!(
    /// A hotline contact (a call, text or walk-in).
    ContactId
);
id_type!(
    /// A tip passed to law enforcement.
    TipId
);
id_type!(
    /// A fund (a grant or donation) that client payments come out of.
    FundId
);
id_type!(
    /// A payment from a fund for a client.
    PaymentId
);
id_type!(
    /// A service in the resource directory.
    ServiceId
);
id_type!(
    /// A referral of a client or a caller to a directory service.
    ReferralId
);
id_type!(
    /// A screening of a client or a caller with one tool.
    ScreeningId
);
