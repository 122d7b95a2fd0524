//! View pieces shared by several pages.

pub mod chart;
pub mod data;
pub mod errors;
pub mod form_action;
pub mod forms;
pub mod guard;
pub mod house_part;
pub mod islands;
pub mod later;
pub mod layout;
pub mod live;
pub mod local_time;
pub mod messages;
pub mod params;
pub mod password;
pub mod server_parts;
pub mod stage_timeline;
