//! The pieces screens are made of: forms (state and drawing), paged lists, scrolled views and
//! text wrapped at word boundaries, and the ASCII fold for terminals without line drawing.

pub mod ascii;
pub mod fit;
pub mod form;
pub mod form_view;
pub mod pager;
pub mod scroll;
pub mod wrap;
