//! Authentication on the server: password hashing, random tokens, database
//! sessions behind an HttpOnly cookie, and the signed-in user of a request.

pub mod current;
pub mod password;
pub mod pending;
pub mod session;
pub mod token;
pub mod totp;

pub use token::fresh_nonce;

pub use current::{
    ClientAddr, CurrentUser, client_addr, current_user, locale_of, request_locale, require_user,
};
