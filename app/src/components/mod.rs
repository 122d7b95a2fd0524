//! View pieces shared by several pages.

pub mod layout;
pub mod stage_timeline;
