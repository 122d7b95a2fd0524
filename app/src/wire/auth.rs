//! Who is signed in, as the browser may know it, what an invitation shows
//! before it is accepted, and where sign-in may lead.

use serde::{Deserialize, Serialize};

use crate::domain::account::Role;
use crate::domain::policy::Actor;

/// The signed-in person as the browser may know them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub user_id: i32,
    pub company_id: i32,
    pub company_name: String,
    pub role: Role,
    pub display_name: String,
    pub email: String,
    pub locale: crate::i18n::Locale,
    /// The IANA zone times are shown in, so the browser writes them as the
    /// server did.
    pub time_zone: String,
}

impl SessionUser {
    pub fn actor(&self) -> Actor {
        Actor {
            user_id: self.user_id,
            company_id: self.company_id,
            role: self.role,
        }
    }
}

/// What the invitation page shows before the invitee sets a password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationView {
    pub email: String,
    pub display_name: String,
    pub company_name: String,
    pub role: Role,
}

/// Only paths on this site, never `//host` or a full URL, may follow sign-in.
pub fn safe_next_path(next: Option<&str>, role: Role) -> String {
    match next {
        Some(path)
            if path.starts_with('/')
                && !path.starts_with("//")
                && !path.contains('\\')
                && (path.starts_with(role.home_path()) || path.starts_with("/account")) =>
        {
            path.to_string()
        }
        _ => role.home_path().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_in_the_role_area_follow_sign_in() {
        assert_eq!(
            safe_next_path(Some("/customer/orders"), Role::Customer),
            "/customer/orders"
        );
        assert_eq!(safe_next_path(Some("/account"), Role::Supplier), "/account");
        for bad in [
            "//evil.example",
            "https://evil.example",
            "/\\evil",
            "/admin",
            "customer",
        ] {
            assert_eq!(
                safe_next_path(Some(bad), Role::Customer),
                "/customer",
                "{bad}"
            );
        }
        assert_eq!(safe_next_path(None, Role::Admin), "/admin");
    }
}
