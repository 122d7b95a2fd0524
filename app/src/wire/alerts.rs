//! Each person's choice of slippage alerts: which kinds (from those offered
//! to their role) and which orders to hear nothing about.

use serde::{Deserialize, Serialize};

use crate::domain::slip::AlertKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertChoiceView {
    /// What the person's role can receive, in display order.
    pub offered: Vec<AlertKind>,
    pub chosen: Vec<AlertKind>,
    /// Alerts come once a day in one mail instead of at once.
    pub digest: bool,
}
