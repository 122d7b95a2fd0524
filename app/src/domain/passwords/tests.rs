use super::*;
use proptest::prelude::*;

const NOBODY: Known<'static> = Known {
    email: "x@example.com",
    name: "X",
};

#[test]
fn the_list_is_shipped_and_read() {
    let list = common_list();
    assert!(list.len() > 10_000, "{} passwords", list.len());
    for listed in ["123456", "password", "qwerty", "iloveyou", "1q2w3e4r5t6y"] {
        assert!(list.contains(listed), "{listed}");
    }
    assert!(
        list.iter()
            .all(|p| *p == p.to_lowercase() && !p.starts_with('#'))
    );
}

#[test]
fn listed_passwords_are_refused_in_any_case_and_dress() {
    for common in [
        "Password1234",
        "PASSWORD1234",
        "password123!",
        "P@ssw0rd2024!",
        "iloveyou1234",
        "Summer2026!!",
        "!!sunshine2026",
        "monkey123456",
        "qwertyqwerty",
        "1Q2W3E4R5T6Y",
        "passwordpassword",
    ] {
        assert_eq!(
            check(common, NOBODY),
            Err(PasswordProblem::Common),
            "{common}"
        );
    }
}

#[test]
fn runs_and_repeats_are_refused() {
    for run in [
        "aaaaaaaaaaaa",
        "abcabcabcabc",
        "zyxwvutsrqpo",
        "qwertyuiopas",
        "ab12ab12ab12",
        "!!!!!!!!!!!!!",
    ] {
        assert!(check(run, NOBODY).is_err(), "{run}");
        assert!(is_repetitive(run), "{run}");
        assert_eq!(strength(run), Strength::Weak, "{run}");
    }
}

#[test]
fn names_and_addresses_stay_out_of_passwords() {
    let anna = Known {
        email: "Anna.Schmidt@nordlicht.de",
        name: "Anna Schmidt",
    };
    for personal in [
        "schmidt rocks forever",
        "my name is ANNA and i ship",
        "anna schmidt at nordlicht",
        "annaschmidt!!2026",
    ] {
        assert_eq!(
            check(personal, anna),
            Err(PasswordProblem::Personal),
            "{personal}"
        );
    }
    // Short names and address parts would refuse passwords by chance.
    let li = Known {
        email: "li@x.de",
        name: "Li Wei",
    };
    assert_eq!(check("the river flows east to the sea", li), Ok(()));
    let zhang = Known {
        email: "zm@factory.cn",
        name: "张敏",
    };
    assert_eq!(
        check("张敏的工厂明天会准时发货", zhang),
        Err(PasswordProblem::Personal)
    );
    assert_eq!(check("我们的工厂明天会准时发货", zhang), Ok(()));
}

#[test]
fn sentences_of_ones_own_pass() {
    let buyer = Known {
        email: "buyer@customer-a.test",
        name: "Test Person",
    };
    for good in [
        "correct horse battery staple",
        "bamboo lantern river 42",
        "我们的工厂明天会准时发货",
        "twelve chars",
        "a new passphrase for purchasing",
    ] {
        assert_eq!(check(good, buyer), Ok(()), "{good}");
    }
}

#[test]
fn the_hint_grows_with_what_cannot_be_predicted() {
    assert_eq!(strength("password1234"), Strength::Weak);
    assert_eq!(strength("123456789012"), Strength::Weak);
    assert_eq!(strength("twelve chars"), Strength::Fair);
    assert_eq!(strength("correct horse battery staple"), Strength::Strong);
    assert_eq!(strength("bamboo lantern river 42"), Strength::Strong);
    for strength in [Strength::Weak, Strength::Fair, Strength::Strong] {
        assert!(strength.key().starts_with("password-strength-"));
        assert!(strength.key().ends_with(strength.as_str()));
    }
    for problem in [
        PasswordProblem::Common,
        PasswordProblem::Personal,
        PasswordProblem::Repetitive,
    ] {
        assert!(problem.key().starts_with("password-"));
    }
}

/// A password from the list, picked by position.
fn listed(index: usize) -> &'static str {
    let list = common_list();
    let mut sorted: Vec<&'static str> = list.iter().copied().collect();
    sorted.sort_unstable();
    sorted[index % sorted.len()]
}

proptest! {
    /// Whatever is typed, the checks and the hint answer without panicking.
    #[test]
    fn any_text_is_judged(raw in "\\PC{0,140}", email in "\\PC{0,40}", name in "\\PC{0,40}") {
        let _ = check(&raw, Known { email: &email, name: &name });
        let _ = strength(&raw);
    }

    /// Every listed password is refused however its letters are cased.
    #[test]
    fn every_listed_password_is_common(index in 0usize..20_000, flips in any::<u64>()) {
        let password: String = listed(index)
            .chars()
            .enumerate()
            .map(|(i, c)| if (flips >> (i % 64)) & 1 == 1 { c.to_ascii_uppercase() } else { c })
            .collect();
        prop_assert!(is_common(&password), "{:?} passed", password);
        prop_assert!(check(&password, NOBODY).is_err(), "{:?} passed", password);
    }

    /// A listed word of four letters or more with digits and signs around
    /// it is as common as the word.
    #[test]
    fn digits_and_signs_around_a_listed_word_do_not_help(
        index in 0usize..20_000,
        before in "[0-9!?.#*]{0,3}",
        after in "[0-9!?.#*]{1,8}",
    ) {
        let word = listed(index);
        let core = word.trim_matches(|c: char| c.is_ascii_digit() || c.is_ascii_punctuation() || c.is_whitespace());
        prop_assume!(core == word && word.chars().count() >= MIN_CORE_CHARS);
        let dressed = format!("{before}{word}{after}");
        prop_assert!(is_common(&dressed), "{:?} passed", dressed);
    }

    /// A password holding the name part of the person's address, or a
    /// word of their name, is refused, wherever in it that stands.
    #[test]
    fn personal_words_are_found_anywhere(
        local in "[a-z]{4,12}",
        surname in "[A-Z][a-z]{3,10}",
        before in "[a-z ]{0,10}",
        after in "[a-z0-9 ]{0,10}",
        use_name in any::<bool>(),
    ) {
        let email = format!("{local}@example.com");
        let name = format!("Pat {surname}");
        let known = Known { email: &email, name: &name };
        let piece = if use_name { surname.to_uppercase() } else { local.clone() };
        let password = format!("{before}{piece}{after}");
        prop_assert!(holds_personal(&password, known), "{:?} for {:?}", password, known);
        prop_assert!(check(&password, known).is_err(), "{:?} passed", password);
    }

    /// A short piece said over and over is refused and rated weak.
    #[test]
    fn repeats_are_weak(unit in "[a-z0-9]{1,4}", times in 4usize..20) {
        let password = unit.repeat(times);
        prop_assert!(is_repetitive(&password), "{:?} passed", password);
        prop_assert_eq!(strength(&password), Strength::Weak);
    }

    /// Adding characters the last one does not predict never makes the
    /// hint weaker for text without repeats.
    #[test]
    fn more_unpredicted_text_is_never_weaker(base in "[a-z]{12,30}", extra in "[A-Z0-9#]{1,10}") {
        prop_assume!(repeated_unit(&base.to_lowercase()).is_none());
        let longer = format!("{base}{extra}");
        prop_assume!(repeated_unit(&longer.to_lowercase()).is_none());
        prop_assert!(strength(&longer) >= strength(&base), "{:?} vs {:?}", longer, base);
    }
}
