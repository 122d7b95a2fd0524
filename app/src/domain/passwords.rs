//! What makes a new password a poor choice beyond its length: being on a
//! list of common and breached passwords (shipped with the portal, so the
//! check needs no outside service and sends the password nowhere), holding
//! what the person is known by, or being a run or a repeat that guessing
//! tools try first. And a rough strength hint for the person choosing one.
//! Guessing tools start from exactly such lists and patterns; a password
//! that passes the length rule but is on them falls in seconds.

use std::collections::HashSet;
use std::sync::OnceLock;

/// Common and breached passwords, lower case, one a line; lines starting
/// with `#` are comments.
const COMMON: &str = include_str!("../../data/common-passwords.txt");

/// The fewest characters of a word left when the digits and signs around it
/// are taken off for it to be looked up: shorter cores (`ab` of `ab2024!!`)
/// are on the list by chance, not as the password's idea.
const MIN_CORE_CHARS: usize = 4;

/// Fewer characters than this that the one before does not predict make a
/// run or a repeat (`123456789012`, `qwertyuiopas`).
const MIN_SURPRISES: usize = 5;

/// Why a new password is refused; each has its message in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// On the list of common and breached passwords, as it is, with digits
    /// and signs around a listed word, or as a listed one repeated.
    Common,
    /// Holds the person's name or the name part of their e-mail address.
    Personal,
    /// A run or a repeat: `aaaa…`, `1234…`, `qwerty…`, `abcabc…`.
    Repetitive,
}

impl PasswordProblem {
    /// The message-catalogue key.
    pub fn key(self) -> &'static str {
        match self {
            Self::Common => "password-common",
            Self::Personal => "password-personal",
            Self::Repetitive => "password-repetitive",
        }
    }
}

/// What the person is known by, which their password must not hold.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    pub email: &'a str,
    pub name: &'a str,
}

/// Whether `password` may be someone's new password as far as these rules
/// go (its length is `account::NewPassword`'s to check). Compared in lower
/// case throughout.
pub fn check(password: &str, known: Known<'_>) -> Result<(), PasswordProblem> {
    if is_common(password) {
        return Err(PasswordProblem::Common);
    }
    if holds_personal(password, known) {
        return Err(PasswordProblem::Personal);
    }
    if is_repetitive(password) {
        return Err(PasswordProblem::Repetitive);
    }
    Ok(())
}

fn common_list() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        COMMON
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            .collect()
    })
}

/// Whether `password` is a common one: on the list as it is; or once the
/// digits and signs people put around a word are taken off (`Password2024!`
/// is `password`, `P@ssw0rd1` is `password` too); or a listed one repeated
/// (`qwertyqwerty`).
pub fn is_common(password: &str) -> bool {
    let lower = password.to_lowercase();
    let list = common_list();
    if list.contains(lower.as_str()) {
        return true;
    }
    let core = lower.trim_matches(|c: char| {
        c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_whitespace()
    });
    if core.chars().count() >= MIN_CORE_CHARS
        && (list.contains(core) || list.contains(plain_letters(core).as_str()))
    {
        return true;
    }
    repeated_unit(&lower).is_some_and(|unit| list.contains(unit))
}

/// `text` with the digits and signs that stand in for letters read as the
/// letters (`p@ssw0rd` as `password`).
fn plain_letters(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '@' | '4' => 'a',
            '0' => 'o',
            '1' | '!' => 'i',
            '3' => 'e',
            '$' | '5' => 's',
            '7' => 't',
            other => other,
        })
        .collect()
}

/// The pieces of a name or an address a password must not hold: the whole
/// of each, and each word or part of it. Pieces shorter than four letters
/// (`li`, `wei`, `x`) would refuse passwords by chance; a name in Chinese
/// characters carries more in each, so two are enough.
fn personal_pieces(known: Known<'_>) -> Vec<String> {
    let local = known
        .email
        .split('@')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let name = known.name.to_lowercase();
    let mut pieces = vec![local.clone(), name.split_whitespace().collect::<String>()];
    pieces.extend(local.split(['.', '_', '-', '+']).map(str::to_string));
    pieces.extend(name.split_whitespace().map(str::to_string));
    pieces.retain(|piece| {
        let chars = piece.chars().count();
        if piece.is_ascii() {
            chars >= 4
        } else {
            chars >= 2
        }
    });
    pieces
}

/// Whether `password` holds the person's name or the name part of their
/// address, also when typed with spaces (`anna schmidt` for
/// `anna.schmidt@…`).
pub fn holds_personal(password: &str, known: Known<'_>) -> bool {
    let lower = password.to_lowercase();
    let squeezed: String = lower.split_whitespace().collect();
    personal_pieces(known)
        .iter()
        .any(|piece| lower.contains(piece.as_str()) || squeezed.contains(piece.as_str()))
}

/// Whether `password` is a run or a repeat: few characters that the one
/// before does not predict, fewer than four different ones, or a short
/// piece said three times or more.
pub fn is_repetitive(password: &str) -> bool {
    let lower = password.to_lowercase();
    let distinct: HashSet<char> = lower.chars().collect();
    surprises(&lower) < MIN_SURPRISES
        || distinct.len() < 4
        || repeated_unit(&lower)
            .is_some_and(|unit| unit.chars().count() <= 3 || lower.len() / unit.len() >= 3)
}

/// The shortest piece `text` is two or more copies of, if any.
fn repeated_unit(text: &str) -> Option<&str> {
    let len = text.len();
    (1..=len / 2)
        .filter(|size| len.is_multiple_of(*size) && text.is_char_boundary(*size))
        .map(|size| &text[..size])
        .find(|unit| unit.repeat(len / unit.len()) == text)
}

/// The keyboard's rows, for runs such as `qwerty` and `asdf`.
const KEYBOARD_ROWS: [&str; 4] = ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"];

/// Whether `next` is what a run would put after `previous`: the same
/// character, the letter or digit just before or after it, or its
/// neighbour on a row of the keyboard.
fn follows(previous: char, next: char) -> bool {
    let alphabet_step = previous.is_ascii_alphanumeric()
        && next.is_ascii_alphanumeric()
        && (previous as u32).abs_diff(next as u32) == 1;
    let keyboard_step = KEYBOARD_ROWS.iter().any(|row| {
        row.find(previous)
            .zip(row.find(next))
            .is_some_and(|(a, b)| a.abs_diff(b) == 1)
    });
    previous == next || alphabet_step || keyboard_step
}

/// How many characters of `text` the one before does not predict.
fn surprises(text: &str) -> usize {
    let mut previous: Option<char> = None;
    let mut count = 0;
    for c in text.chars() {
        if !previous.is_some_and(|p| follows(p, c)) {
            count += 1;
        }
        previous = Some(c);
    }
    count
}

/// How hard a password looks to guess, as the hint next to a new-password
/// field says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    Weak,
    Fair,
    Strong,
}

impl Strength {
    /// The message-catalogue key of the hint.
    pub fn key(self) -> &'static str {
        match self {
            Self::Weak => "password-strength-weak",
            Self::Fair => "password-strength-fair",
            Self::Strong => "password-strength-strong",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Weak => "weak",
            Self::Fair => "fair",
            Self::Strong => "strong",
        }
    }
}

/// Estimated bits below which a password is weak, and from which it is
/// strong: twelve random lower-case letters (about 56 bits) are fair,
/// a sentence of four or five words is strong.
const FAIR_FROM_BITS: f64 = 50.0;
const STRONG_FROM_BITS: f64 = 75.0;

/// A rough guess of how hard `password` is to guess, from its shape alone:
/// the characters a run or repeat does not predict, each worth as much as
/// the kinds of character it draws on. It needs no list, so the browser
/// can show it while the person types; the list is the server's to check.
pub fn strength(password: &str) -> Strength {
    let bits = estimated_bits(password);
    if bits < FAIR_FROM_BITS {
        Strength::Weak
    } else if bits < STRONG_FROM_BITS {
        Strength::Fair
    } else {
        Strength::Strong
    }
}

fn estimated_bits(password: &str) -> f64 {
    let lower = password.to_lowercase();
    let unpredicted = match repeated_unit(&lower) {
        Some(unit) => surprises(unit),
        None => surprises(&lower),
    };
    unpredicted as f64 * alphabet(password).log2()
}

/// How many characters the kinds used in `password` offer.
fn alphabet(password: &str) -> f64 {
    let has = |kind: fn(&char) -> bool| password.chars().any(|c| kind(&c));
    let mut size: f64 = 0.0;
    if has(char::is_ascii_lowercase) {
        size += 26.0;
    }
    if has(char::is_ascii_uppercase) {
        size += 26.0;
    }
    if has(char::is_ascii_digit) {
        size += 10.0;
    }
    if password
        .chars()
        .any(|c| c.is_ascii_punctuation() || c.is_whitespace())
    {
        size += 33.0;
    }
    if !password.is_ascii() {
        size += 100.0;
    }
    size.max(2.0)
}

#[cfg(test)]
mod tests;
