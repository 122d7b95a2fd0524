//! The landing page of each role's area.

use serde::{Deserialize, Serialize};

/// What an area's start page shows about the viewer's company.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AreaSummary {
    pub company_name: String,
    pub company_city: String,
    pub colleagues: usize,
}
