//! Two-factor sign-in: who must use it, what a person may type as the
//! second factor (a 6-digit code from an authenticator app, or one of their
//! recovery codes), and the rule that a code is accepted once.
//!
//! Codes are time-based one-time passwords (RFC 6238: HMAC-SHA-1, 6 digits,
//! 30-second steps, one step of clock drift either way). Which step a code
//! belongs to is computed on the server; the rules about it are here.

use chrono::Duration;

use super::account::Role;

/// The house rule (a JSON `true` or `false`) that requires two-factor
/// sign-in of the house's staff and administrators.
pub const HOUSE_RULE: &str = "require_staff_2fa";

/// Digits of a code from an authenticator app.
pub const CODE_DIGITS: usize = 6;

/// Recovery codes issued at once; each works once.
pub const RECOVERY_CODES: usize = 10;

/// Characters of a recovery code (without its dashes): 16 characters of 5
/// bits, 80 random bits, so its unsalted SHA-256 cannot be reversed by
/// trying every code.
pub const RECOVERY_CODE_CHARS: usize = 16;

/// What a second factor field may hold at most. Anything longer is no code
/// and is refused before any work (a hash, a throttle row) is made of it.
pub const MAX_CODE_INPUT: usize = 64;

/// Crockford's base-32 letters: no `i`, `l`, `o` or `u`, so a code read off
/// paper is not mistaken (`o` is read as `0`, `i` and `l` as `1`).
const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// Whether `role` must sign in with a second factor: the house's own people
/// when the house requires it. Customers and factories choose for
/// themselves.
pub fn required_of(role: Role, house_requires: bool) -> bool {
    house_requires && matches!(role, Role::Staff | Role::Admin)
}

/// What a correct password leads to before there is a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecondStep {
    /// The person has two-factor sign-in on: a code is asked for.
    Code,
    /// The house requires it and the person has not set it up: they set it
    /// up now, and only then get a session.
    Enrol,
}

impl SecondStep {
    pub const ALL: [SecondStep; 2] = [SecondStep::Code, SecondStep::Enrol];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Code => "code",
            Self::Enrol => "enrol",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == raw)
    }

    /// How long the step may wait: typing a code takes moments; installing
    /// an authenticator app and adding the portal to it takes longer.
    pub fn lifetime(self) -> Duration {
        match self {
            Self::Code => Duration::minutes(5),
            Self::Enrol => Duration::minutes(15),
        }
    }

    /// The step after a correct password, if any: `None` means a session
    /// straight away.
    pub fn after_password(role: Role, house_requires: bool, enabled: bool) -> Option<Self> {
        if enabled {
            Some(Self::Code)
        } else if required_of(role, house_requires) {
            Some(Self::Enrol)
        } else {
            None
        }
    }
}

/// Whether a person may turn two-factor sign-in off: not while the house
/// requires it of them.
pub fn may_turn_off(role: Role, house_requires: bool) -> bool {
    !required_of(role, house_requires)
}

/// What a person typed as their second factor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeInput {
    /// Six digits from the authenticator app.
    Totp(String),
    /// A recovery code, normalised (see `normalise_recovery_code`).
    Recovery(String),
}

impl CodeInput {
    /// Reads a code as people type it: spaces and dashes anywhere, any case.
    /// Six digits are an app's code; sixteen code letters a recovery code;
    /// anything else is no code.
    pub fn parse(raw: &str) -> Option<CodeInput> {
        if raw.len() > MAX_CODE_INPUT {
            return None;
        }
        let bare: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .collect();
        if bare.len() == CODE_DIGITS && bare.bytes().all(|b| b.is_ascii_digit()) {
            return Some(CodeInput::Totp(bare));
        }
        normalise_recovery_code(&bare).map(CodeInput::Recovery)
    }
}

/// A recovery code made from 16 random bytes, as shown to the person:
/// four groups of four, like `7k3m-q9xa-2hfd-8rtw`. Each byte gives one
/// letter (256 is a multiple of 32, so every letter is equally likely).
pub fn recovery_code(random: &[u8; RECOVERY_CODE_CHARS]) -> String {
    let letters: Vec<char> = random
        .iter()
        .map(|b| char::from(ALPHABET[usize::from(b & 31)]))
        .collect();
    letters
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// The one spelling of a recovery code that is stored (hashed) and compared:
/// lower case, without spaces or dashes, with the letters people confuse
/// read as the digits they look like. `None` when it cannot be a code.
pub fn normalise_recovery_code(raw: &str) -> Option<String> {
    if raw.len() > MAX_CODE_INPUT {
        return None;
    }
    let mut code = String::with_capacity(RECOVERY_CODE_CHARS);
    for c in raw.chars() {
        let c = match c.to_ascii_lowercase() {
            c if c.is_whitespace() || c == '-' => continue,
            'o' => '0',
            'i' | 'l' => '1',
            c => c,
        };
        if !c.is_ascii() || !ALPHABET.contains(&(c as u8)) {
            return None;
        }
        code.push(c);
    }
    (code.len() == RECOVERY_CODE_CHARS).then_some(code)
}

/// The replay rule: a code is accepted only for a time step later than the
/// last one accepted for the person. A code seen once (by a shoulder, a
/// phishing page, a proxy log) is worthless afterwards, even within the
/// minute or so that it stays valid; and an older code never works after a
/// newer one did.
pub fn step_is_fresh(step: u64, last_used: Option<u64>) -> bool {
    last_used.is_none_or(|last| step > last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn the_house_requires_it_of_its_own_people_only() {
        for role in Role::ALL {
            assert!(!required_of(role, false), "{role:?}");
            let house = matches!(role, Role::Staff | Role::Admin);
            assert_eq!(required_of(role, true), house, "{role:?}");
            assert_eq!(may_turn_off(role, true), !house, "{role:?}");
            assert!(may_turn_off(role, false), "{role:?}");
        }
    }

    #[test]
    fn a_password_leads_to_a_code_to_setting_up_or_to_a_session() {
        for role in Role::ALL {
            for house_requires in [false, true] {
                assert_eq!(
                    SecondStep::after_password(role, house_requires, true),
                    Some(SecondStep::Code)
                );
            }
            assert_eq!(SecondStep::after_password(role, false, false), None);
        }
        assert_eq!(
            SecondStep::after_password(Role::Staff, true, false),
            Some(SecondStep::Enrol)
        );
        assert_eq!(
            SecondStep::after_password(Role::Admin, true, false),
            Some(SecondStep::Enrol)
        );
        assert_eq!(
            SecondStep::after_password(Role::Customer, true, false),
            None
        );
        for step in SecondStep::ALL {
            assert_eq!(SecondStep::parse(step.as_str()), Some(step));
            assert!(step.lifetime() > Duration::zero());
        }
        assert_eq!(SecondStep::parse("session"), None);
    }

    #[test]
    fn codes_are_read_as_people_type_them() {
        assert_eq!(
            CodeInput::parse(" 123 456 "),
            Some(CodeInput::Totp("123456".into()))
        );
        assert_eq!(
            CodeInput::parse("123-456"),
            Some(CodeInput::Totp("123456".into()))
        );
        assert_eq!(CodeInput::parse("12345"), None);
        assert_eq!(CodeInput::parse("1234567"), None);
        assert_eq!(CodeInput::parse("12345x"), None);
        assert_eq!(CodeInput::parse("١٢٣٤٥٦"), None, "only ASCII digits");
        assert_eq!(
            CodeInput::parse("7K3M-Q9XA-2HFD-8RTW"),
            Some(CodeInput::Recovery("7k3mq9xa2hfd8rtw".into()))
        );
        assert_eq!(CodeInput::parse(""), None);
        assert_eq!(CodeInput::parse(&"1".repeat(MAX_CODE_INPUT + 1)), None);
    }

    #[test]
    fn recovery_codes_forgive_the_letters_people_confuse() {
        assert_eq!(
            normalise_recovery_code("oooo-iiii-llll-2222"),
            Some("0000111111112222".into())
        );
        assert_eq!(normalise_recovery_code("uuuu-uuuu-uuuu-uuuu"), None);
        assert_eq!(normalise_recovery_code("abcd-efgh-jkmn-pqr"), None);
        assert_eq!(normalise_recovery_code("abcd-efgh-jkmn-pqrs-t"), None);
        assert_eq!(normalise_recovery_code("abcd-efgh-jkmn-pqr✓"), None);
    }

    #[test]
    fn recovery_codes_are_four_groups_of_four() {
        let code = recovery_code(&[0; RECOVERY_CODE_CHARS]);
        assert_eq!(code, "0000-0000-0000-0000");
        let code = recovery_code(&[31, 32, 255, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 17]);
        assert_eq!(code, "z0za-0000-0000-000h");
    }

    #[test]
    fn a_code_is_accepted_once_and_never_after_a_newer_one() {
        assert!(step_is_fresh(100, None));
        assert!(step_is_fresh(101, Some(100)));
        assert!(!step_is_fresh(100, Some(100)), "the same code again");
        assert!(!step_is_fresh(99, Some(100)), "an older code");
    }

    proptest! {
        #[test]
        fn every_issued_recovery_code_reads_back_in_any_spelling(
            random in proptest::array::uniform16(any::<u8>()),
            upper in any::<bool>(),
            spaced in any::<bool>(),
        ) {
            let shown = recovery_code(&random);
            prop_assert_eq!(shown.len(), RECOVERY_CODE_CHARS + 3);
            let bare = shown.replace('-', "");
            let mut typed = if upper { shown.to_uppercase() } else { shown.clone() };
            if spaced {
                typed = typed.replace('-', " ");
            }
            prop_assert_eq!(normalise_recovery_code(&typed), Some(bare.clone()));
            prop_assert_eq!(CodeInput::parse(&typed), Some(CodeInput::Recovery(bare)));
        }

        #[test]
        fn parsing_any_text_never_panics_and_keeps_within_bounds(raw in "\\PC{0,80}") {
            match CodeInput::parse(&raw) {
                Some(CodeInput::Totp(code)) => {
                    prop_assert_eq!(code.len(), CODE_DIGITS);
                    prop_assert!(code.bytes().all(|b| b.is_ascii_digit()), "{}", code);
                }
                Some(CodeInput::Recovery(code)) => {
                    prop_assert_eq!(code.len(), RECOVERY_CODE_CHARS);
                    prop_assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "{}", code);
                }
                None => {}
            }
        }

        #[test]
        fn a_step_once_used_is_never_fresh_again(last in 0u64..u64::MAX / 2, later in 0u64..1000) {
            prop_assert!(!step_is_fresh(last, Some(last)), "step {} replayed", last);
            prop_assert!(step_is_fresh(last + 1 + later, Some(last)), "step after {}", last);
            prop_assert!(!step_is_fresh(last.saturating_sub(later), Some(last)), "older than {}", last);
        }
    }
}
