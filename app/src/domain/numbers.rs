//! Numbers as a reader's language writes them. The portal computes amounts
//! and quantities as plain decimals (`-12345.50`: an optional minus, digits,
//! an optional point and more digits); each catalogue says which marks
//! group the thousands and which separates the decimals.

/// `plain` with `group` between each three digits of its whole part and
/// `decimal` in place of its point. Text that is not a plain decimal is
/// returned as it is.
pub fn localize(plain: &str, group: &str, decimal: &str) -> String {
    let (sign, unsigned) = match plain.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", plain),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (unsigned, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || fraction.is_some_and(|f| !digits(f)) {
        return plain.to_string();
    }
    let mut out = String::with_capacity(plain.len() + whole.len() / 3 * group.len());
    out.push_str(sign);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push_str(group);
        }
        out.push(digit);
    }
    if let Some(fraction) = fraction {
        out.push_str(decimal);
        out.push_str(fraction);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::localize;
    use crate::domain::order_input::format_minor;
    use proptest::prelude::*;

    #[test]
    fn thousands_and_decimals_in_each_convention() {
        assert_eq!(localize("1234567.50", ",", "."), "1,234,567.50");
        assert_eq!(localize("1234567.50", ".", ","), "1.234.567,50");
        assert_eq!(localize("-1000", ",", "."), "-1,000");
        assert_eq!(localize("999.99", ".", ","), "999,99");
        assert_eq!(localize("0.05", ",", "."), "0.05");
        assert_eq!(localize("12", "\u{202f}", ","), "12");
    }

    #[test]
    fn anything_else_is_left_alone() {
        for odd in ["", "-", "1.2.3", "12a", "1,000", ".5", "5.", "—", "--1"] {
            assert_eq!(localize(odd, ".", ","), odd);
        }
    }

    proptest! {
        #[test]
        fn removing_the_marks_gives_the_number_back(minor in any::<i64>()) {
            let plain = format_minor(minor);
            let english = localize(&plain, ",", ".");
            prop_assert_eq!(english.replace(',', ""), plain.clone());
            let german = localize(&plain, ".", ",");
            prop_assert_eq!(german.replace('.', "").replace(',', "."), plain);
        }

        #[test]
        fn groups_hold_three_digits(whole in 0u64..u64::MAX) {
            let text = localize(&whole.to_string(), " ", ".");
            let groups: Vec<&str> = text.split(' ').collect();
            prop_assert!(!groups[0].is_empty() && groups[0].len() <= 3);
            prop_assert!(groups[1..].iter().all(|g| g.len() == 3));
        }

        #[test]
        fn any_text_is_safe(text in ".{0,40}") {
            let _ = localize(&text, ",", ".");
        }
    }
}
