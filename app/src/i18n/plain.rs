//! Plain messages: text and arguments only, written on the server from
//! their pieces instead of through Fluent's resolver.

use std::sync::OnceLock;

use fluent_bundle::FluentValue;

use super::Locale;

/// A message that is text and plain arguments only (`Hello { $name }`),
/// as its pieces in order: the server writes it from them instead of
/// through Fluent's resolver, which sets up a scope and its arguments for
/// every message (dates, amounts and labels with a line number, dozens a
/// page). Messages with selectors, functions or references to other
/// messages are not among them and go through Fluent.
enum Piece {
    Text(&'static str),
    Argument(&'static str),
}

/// Each language's plain messages as their pieces, by key.
fn plain_messages(locale: Locale) -> &'static rustc_hash::FxHashMap<&'static str, Vec<Piece>> {
    use fluent_syntax::ast::{Entry, Expression, InlineExpression, PatternElement};
    // Keys are the catalogue's own, so a hash made for speed over short
    // strings (as Fluent's own index uses) is enough.
    type Plain = rustc_hash::FxHashMap<&'static str, Vec<Piece>>;
    static PLAIN: OnceLock<Vec<Plain>> = OnceLock::new();
    let all = PLAIN.get_or_init(|| {
        Locale::ALL
            .into_iter()
            .map(|l| {
                // As the bundle reads it; a catalogue that does not parse
                // stops the bundle's build before any message is asked for.
                let resource = fluent_syntax::parser::parse_runtime(l.catalogue())
                    .unwrap_or_else(|(resource, _)| resource);
                resource
                    .body
                    .into_iter()
                    .filter_map(|entry| {
                        let Entry::Message(message) = entry else {
                            return None;
                        };
                        let pieces =
                            message
                                .value?
                                .elements
                                .into_iter()
                                .map(|element| match element {
                                    PatternElement::TextElement { value } => {
                                        Some(Piece::Text(value))
                                    }
                                    PatternElement::Placeable {
                                        expression:
                                            Expression::Inline(InlineExpression::VariableReference {
                                                id,
                                            }),
                                    } => Some(Piece::Argument(id.name)),
                                    PatternElement::Placeable { .. } => None,
                                })
                                .collect::<Option<Vec<Piece>>>()?;
                        Some((message.id.name, pieces))
                    })
                    .collect()
            })
            .collect()
    });
    &all[usize::from(locale.0)]
}

/// `value` with at least `width` digits, as `format!("{value:0width$}")`
/// writes it, without formatting machinery for the days of a page.
pub(super) fn padded(text: &mut String, value: i32, width: usize) {
    if !(0..10_000).contains(&value) || width > 4 {
        text.push_str(&format!("{value:0width$}"));
        return;
    }
    let digits = [value / 1000, value / 100 % 10, value / 10 % 10, value % 10];
    let shown = width.max(match value {
        1000.. => 4,
        100.. => 3,
        10.. => 2,
        _ => 1,
    });
    for digit in &digits[4 - shown..] {
        text.push(char::from(b'0' + *digit as u8));
    }
}

impl Locale {
    /// A plain message ([`plain_messages`]) written from its pieces, or
    /// `None` where Fluent writes it: a message with more than text and
    /// arguments, a key this language lacks, or an argument missing or
    /// neither text nor a number. Arguments are read as Fluent reads them,
    /// the last of a name counting.
    pub(super) fn plain(self, key: &str, args: &[(&str, FluentValue<'_>)]) -> Option<String> {
        self.plain_written(key, |name, text| {
            match &args.iter().rev().find(|(n, _)| *n == name)?.1 {
                FluentValue::String(value) => text.push_str(value),
                FluentValue::Number(number) => text.push_str(&number.as_string()),
                _ => return None,
            }
            Some(())
        })
    }

    /// A plain message with each argument written by `argument` (`None`
    /// for one it cannot write, which leaves the message to Fluent).
    pub(super) fn plain_written(
        self,
        key: &str,
        argument: impl Fn(&str, &mut String) -> Option<()>,
    ) -> Option<String> {
        let pieces = plain_messages(self).get(key)?;
        let mut text = String::with_capacity(48);
        for piece in pieces {
            match piece {
                Piece::Text(part) => text.push_str(part),
                Piece::Argument(name) => argument(name, &mut text)?,
            }
        }
        Some(text)
    }
}

#[cfg(test)]
mod tests {
    use fluent_bundle::{FluentArgs, FluentValue};

    use super::super::bundle;
    use super::*;

    /// Plain messages written from their pieces read exactly as Fluent
    /// writes them, with text and with numbers for their arguments.
    #[test]
    fn plain_messages_read_as_fluent_writes_them() {
        for locale in Locale::ALL {
            let plain = plain_messages(locale);
            assert!(plain.len() > 500, "{locale:?}: {}", plain.len());
            let bundle = bundle(locale).unwrap();
            let mut with_arguments = 0;
            for (key, pieces) in plain {
                let names: Vec<&str> = pieces
                    .iter()
                    .filter_map(|piece| match piece {
                        Piece::Argument(name) => Some(*name),
                        Piece::Text(_) => None,
                    })
                    .collect();
                with_arguments += usize::from(!names.is_empty());
                let values = [
                    FluentValue::from("«a text»"),
                    FluentValue::from(2),
                    FluentValue::from(-1250.5),
                ];
                for value in values {
                    let args: Vec<(&str, FluentValue)> =
                        names.iter().map(|name| (*name, value.clone())).collect();
                    let mut fluent_args = FluentArgs::new();
                    for (name, value) in &args {
                        fluent_args.set(*name, value.clone());
                    }
                    let message = bundle.get_message(key).unwrap().value().unwrap();
                    let mut errors = Vec::new();
                    let fluent = bundle.format_pattern(message, Some(&fluent_args), &mut errors);
                    assert!(errors.is_empty(), "{locale:?} {key}: {errors:?}");
                    assert_eq!(
                        locale.plain(key, &args).as_deref(),
                        Some(fluent.as_ref()),
                        "{locale:?} {key}"
                    );
                }
                if !names.is_empty() {
                    assert_eq!(locale.plain(key, &[]), None, "{locale:?} {key}");
                }
            }
            assert!(with_arguments > 50, "{locale:?}: {with_arguments}");
        }
        // A plural is Fluent's to choose (Chinese writes this one plainly).
        assert!(!plain_messages(Locale::En).contains_key("supplier-bulk-done"));
        assert!(plain_messages(Locale::Zh).contains_key("supplier-bulk-done"));
    }

    proptest::proptest! {
        /// A day written with its digits put in reads as Fluent writes
        /// `format-date`, in every language, for years of any width.
        #[test]
        fn a_day_reads_as_fluent_writes_it(days in -1_000_000i64..3_000_000) {
            use chrono::Datelike;
            let day = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap()
                + chrono::Duration::days(days);
            for locale in Locale::ALL {
                let mut args = FluentArgs::new();
                args.set("year", format!("{:04}", day.year()));
                args.set("month", format!("{:02}", day.month()));
                args.set("day", format!("{:02}", day.day()));
                proptest::prop_assert_eq!(
                    locale.date(day),
                    locale.format("format-date", Some(&args))
                );
            }
        }

        /// Digits padded by hand read as `format!` pads them.
        #[test]
        fn padded_digits_read_as_format_writes_them(value in -20_000i32..20_000, width in 0usize..6) {
            let mut text = String::new();
            padded(&mut text, value, width);
            proptest::prop_assert_eq!(text, format!("{value:0width$}"));
        }
    }
}
