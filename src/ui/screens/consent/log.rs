//! A person's disclosure log.
