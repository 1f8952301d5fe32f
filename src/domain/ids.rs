//! Record ids as their own types, so one kind of id can never be passed where another is meant.
//! The agency id comes first: every record is scoped by it, and a client id given where an
//! agency id belongs would read across agencies. How they are stored is in `store::ids`.

/// An agency (a task force member organisation); every record belongs to one.
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
pub struct AgencyId(pub i64);

impl std::fmt::Display for AgencyId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}
