//! Facts about this portal installation, shown on the landing page to people
//! who are signed in.

use serde::{Deserialize, Serialize};

/// What a signed-in person may know about the installation: who runs it and
/// how many partners it serves. No names of customers or suppliers, and
/// nothing about how it is deployed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PortalFacts {
    pub house_name: Option<String>,
    pub customer_count: u64,
    pub supplier_count: u64,
}
