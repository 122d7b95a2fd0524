//! Portal users: roles, and the values people type in (e-mail, password, name),
//! each parsed once into a type that can only hold an acceptable value.

use serde::{Deserialize, Serialize};
use std::fmt;

use super::company::CompanyKind;
use super::refusal::Refusal;

/// What a user does on the portal. A role belongs to one kind of company:
/// admins and staff work for the trading house, customers for a customer
/// company, suppliers for a supplier factory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Admin,
    Staff,
    Customer,
    Supplier,
}

impl Role {
    pub const ALL: [Role; 4] = [Self::Admin, Self::Staff, Self::Customer, Self::Supplier];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Staff => "staff",
            Self::Customer => "customer",
            Self::Supplier => "supplier",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Admin => "Administrator",
            Self::Staff => "Sales staff",
            Self::Customer => "Customer",
            Self::Supplier => "Supplier",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.as_str() == raw)
    }

    /// The kind of company a user with this role must belong to.
    pub fn company_kind(self) -> CompanyKind {
        match self {
            Self::Admin | Self::Staff => CompanyKind::House,
            Self::Customer => CompanyKind::Customer,
            Self::Supplier => CompanyKind::Supplier,
        }
    }

    /// Where the user lands after signing in.
    pub fn home_path(self) -> &'static str {
        match self {
            Self::Admin => "/admin",
            Self::Staff => "/staff",
            Self::Customer => "/customer",
            Self::Supplier => "/supplier",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An e-mail address, trimmed and lower-cased so that one person has one account.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Email(String);

impl Email {
    /// The longest address, in bytes (RFC 5321 with RFC 3696 errata).
    pub const MAX_LEN: usize = 254;

    pub fn parse(raw: &str) -> Result<Self, Refusal> {
        let value = raw.trim().to_lowercase();
        if value.is_empty() {
            return Err(Refusal::new("input-email-empty"));
        }
        if value.len() > Self::MAX_LEN {
            return Err(Refusal::new("err-email-too-long"));
        }
        let Some((local, domain)) = value.split_once('@') else {
            return Err(Refusal::new("input-email-no-at"));
        };
        let bad_char = |c: char| c.is_whitespace() || c.is_control() || "<>()[],;:\"\\".contains(c);
        if local.is_empty()
            || domain.is_empty()
            || domain.contains('@')
            || !domain.contains('.')
            || domain.starts_with('.')
            || domain.ends_with('.')
            || domain.contains("..")
            || value.chars().any(bad_char)
        {
            return Err(Refusal::new("input-email-malformed"));
        }
        Ok(Self(value))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The longest password a sign-in takes, in bytes. New passwords have at most
/// 128 characters (512 bytes in UTF-8); anything longer cannot be one and is
/// refused before it costs any work.
pub const MAX_PASSWORD_BYTES: usize = 1024;

/// Whether `raw` could be anyone's password: none is longer than
/// `MAX_PASSWORD_BYTES`, so a longer one is a wrong guess, answered before
/// any hashing work.
pub fn could_be_password(raw: &str) -> bool {
    raw.len() <= MAX_PASSWORD_BYTES
}

/// A new password: 12 to 128 characters, anything allowed, no composition
/// rules (ASVS 6.2.1 / 6.2.9). Existing passwords are checked against their
/// hash as typed and never parsed.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

impl NewPassword {
    pub const MIN_CHARS: usize = 12;
    pub const MAX_CHARS: usize = 128;

    pub fn parse(raw: &str) -> Result<Self, Refusal> {
        let chars = raw.chars().count();
        if chars < Self::MIN_CHARS {
            return Err(Refusal::new("input-password-too-short")
                .with("min", Self::MIN_CHARS)
                .with("so_far", chars));
        }
        if chars > Self::MAX_CHARS {
            return Err(Refusal::new("input-password-too-long").with("max", Self::MAX_CHARS));
        }
        Ok(Self(raw.to_string()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NewPassword(***)")
    }
}

/// The name shown to others: 1 to 100 characters after trimming.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayName(String);

impl DisplayName {
    pub const MAX_CHARS: usize = 100;

    pub fn parse(raw: &str) -> Result<Self, Refusal> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(Refusal::new("input-name-empty"));
        }
        if value.chars().count() > Self::MAX_CHARS {
            return Err(Refusal::new("input-name-too-long").with("max", Self::MAX_CHARS));
        }
        if value.chars().any(char::is_control) {
            return Err(Refusal::new("input-name-control"));
        }
        Ok(Self(value.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_overlong_password_is_nobodys() {
        assert!(could_be_password("a short sentence works well"));
        assert!(could_be_password(&"x".repeat(MAX_PASSWORD_BYTES)));
        assert!(!could_be_password(&"x".repeat(MAX_PASSWORD_BYTES + 1)));
        // Bytes, not characters.
        assert!(!could_be_password(
            &"\u{1F600}".repeat(MAX_PASSWORD_BYTES / 4 + 1)
        ));
    }

    #[test]
    fn roles_round_trip_and_belong_to_one_company_kind() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.as_str()), Some(role));
            assert!(role.home_path().starts_with('/'));
        }
        assert_eq!(Role::Admin.company_kind(), CompanyKind::House);
        assert_eq!(Role::Staff.company_kind(), CompanyKind::House);
        assert_eq!(Role::Customer.company_kind(), CompanyKind::Customer);
        assert_eq!(Role::Supplier.company_kind(), CompanyKind::Supplier);
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn emails_are_normalised() {
        assert_eq!(
            Email::parse("  Anna.Schmidt@Nordlicht.DE ")
                .unwrap()
                .as_str(),
            "anna.schmidt@nordlicht.de"
        );
    }

    #[test]
    fn malformed_emails_are_refused() {
        for raw in [
            "",
            "anna",
            "@x.de",
            "anna@",
            "anna@de",
            "anna@@x.de",
            "an na@x.de",
            "a@x..de",
            "a@.x.de",
            "a@x.de.",
            "a<b>@x.de",
            "a@x.de\r\nBcc: evil@x.de",
        ] {
            assert!(Email::parse(raw).is_err(), "{raw:?} was accepted");
        }
        assert_eq!(
            Email::parse(&format!("{}@x.de", "a".repeat(250)))
                .unwrap_err()
                .to_string(),
            "That e-mail address is too long."
        );
        assert_eq!(
            Email::parse("anna").unwrap_err().to_string(),
            "An e-mail address needs an @, like name@example.com."
        );
    }

    #[test]
    fn password_length_is_counted_in_characters() {
        assert_eq!(
            NewPassword::parse("elf chars!!").unwrap_err().to_string(),
            "Use at least 12 characters (11 so far); a short sentence works well."
        );
        assert!(NewPassword::parse("twelve chars").is_ok());
        // Twelve CJK characters are 36 bytes but twelve characters.
        assert!(NewPassword::parse("我们的工厂明天会准时发货").is_ok());
        assert!(NewPassword::parse("我们的工厂明天会准时发").is_err());
        assert!(NewPassword::parse(&"x".repeat(128)).is_ok());
        assert_eq!(
            NewPassword::parse(&"x".repeat(129))
                .unwrap_err()
                .to_string(),
            "Use at most 128 characters."
        );
    }

    #[test]
    fn passwords_never_show_in_debug_output() {
        let p = NewPassword::parse("correct horse battery").unwrap();
        assert!(!format!("{p:?}").contains("horse"));
    }

    #[test]
    fn display_names_are_trimmed_and_bounded() {
        assert_eq!(DisplayName::parse("  Li Wei ").unwrap().as_str(), "Li Wei");
        assert!(DisplayName::parse("   ").is_err());
        assert_eq!(
            DisplayName::parse(&"n".repeat(101))
                .unwrap_err()
                .to_string(),
            "Use at most 100 characters for the name."
        );
        assert!(DisplayName::parse("a\u{7}b").is_err());
    }

    proptest! {
        #[test]
        fn any_password_of_allowed_length_is_accepted(p in "\\PC{12,128}") {
            prop_assert!(NewPassword::parse(&p).is_ok());
        }

        #[test]
        fn parsed_emails_are_stable(local in "[a-z0-9._+-]{1,20}", domain in "[a-z0-9-]{1,20}\\.[a-z]{2,6}") {
            let email = Email::parse(&format!("{local}@{domain}")).unwrap();
            prop_assert_eq!(Email::parse(email.as_str()).unwrap(), email);
        }
    }
}
