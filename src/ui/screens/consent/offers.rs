//! Cases offered to this agency.
