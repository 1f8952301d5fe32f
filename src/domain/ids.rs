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
