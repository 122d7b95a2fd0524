//! Signing in, invitations, password reset, the account page and
//! two-factor sign-in.

pub mod account;
pub mod invitation;
pub mod login;
pub mod reset;
pub mod sessions;
pub mod time_zone;
pub mod two_factor;
pub mod two_factor_sign_in;
