//! The people directory: who works on the portal for which company, and
//! what the viewer may do about it.

use serde::{Deserialize, Serialize};

use crate::domain::account::Role;
use crate::domain::approval::StaffLevel;
use crate::domain::company::CompanyKind;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeopleDirectory {
    pub companies: Vec<CompanyPeople>,
    /// What the viewer may do, so the page offers only that.
    pub can_deactivate: bool,
    pub invitable_roles: Vec<Role>,
    /// The viewer may set the house people's staff levels.
    pub can_set_levels: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanyPeople {
    pub id: i32,
    pub name: String,
    pub kind: CompanyKind,
    pub people: Vec<Person>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    pub id: i32,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub status: PersonStatus,
    /// For the house's people: the approvals they give.
    pub staff_level: Option<StaffLevel>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PersonStatus {
    Active,
    /// Invited, no password set yet.
    Invited,
    Deactivated,
}

impl PersonStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::Active => "Active",
            Self::Invited => "Invited",
            Self::Deactivated => "Deactivated",
        }
    }
}
