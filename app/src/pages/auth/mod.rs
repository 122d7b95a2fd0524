//! Signing in, invitations, password reset and the account page.

pub mod account;
pub mod invitation;
pub mod login;
pub mod reset;
pub mod sessions;
