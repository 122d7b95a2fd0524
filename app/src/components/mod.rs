//! View pieces shared by several pages.

pub mod forms;
pub mod guard;
pub mod layout;
pub mod stage_timeline;
