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

        impl $name {
            /// A record number as a person types it: `12` or `#12`, spaces around allowed.
            /// None for anything else, and for zero or less.
            pub fn typed(text: &str) -> Option<$name> {
                let digits = text.trim();
                let digits = digits.strip_prefix('#').unwrap_or(digits).trim();
                digits.parse().ok().filter(|n: &i64| *n > 0).map($name)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_number_reads_as_typed_with_or_without_its_hash() {
        for (text, id) in
            [("12", Some(12)), ("#12", Some(12)), (" #12 ", Some(12)), ("# 7", Some(7))]
        {
            assert_eq!(ClientId::typed(text), id.map(ClientId), "{text:?}");
        }
        for text in ["", "#", "0", "#-3", "12a", "Rosa", "##12"] {
            assert_eq!(ClientId::typed(text), None, "{text:?}");
        }
    }
}
