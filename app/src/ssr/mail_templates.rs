//! Alert mails from templates: one folder per mail kind under `app/mail/`,
//! one file per language (`en.txt`, `zh.txt`) holding the subject line, the
//! plain text and, after `--- html ---`, the HTML part. `{{name}}`
//! placeholders are filled from values: as they are in the text, escaped in
//! the HTML, and with line breaks removed in the subject, so no value can
//! start a header of its own.

use crate::i18n::Locale;

/// The alert kinds, each a folder of templates.
pub use crate::domain::slip::AlertKind as MailKind;

impl MailKind {
    fn source(self, locale: Locale) -> &'static str {
        macro_rules! pick {
            ($kind:literal) => {
                match locale {
                    Locale::En => include_str!(concat!("../../mail/", $kind, "/en.txt")),
                    Locale::Zh => include_str!(concat!("../../mail/", $kind, "/zh.txt")),
                }
            };
        }
        match self {
            MailKind::SupplierSlip => pick!("supplier_slip"),
            MailKind::CustomerSlip => pick!("customer_slip"),
            MailKind::BackOnTrack => pick!("back_on_track"),
            MailKind::Overdue => pick!("overdue"),
            MailKind::StaleReminder => pick!("stale_reminder"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedMail {
    pub subject: String,
    pub text: String,
    pub html: String,
}

fn escape_html(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// One pass over the template: a value that itself contains `{{name}}`
/// (a customer's note, say) is never filled in again.
fn fill(template: &str, values: &[(&str, String)], escape: impl Fn(&str) -> String) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after
            .split_once("}}")
            .and_then(|(name, tail)| Some((values.iter().find(|(n, _)| *n == name)?, tail)))
        {
            Some(((_, value), tail)) => {
                out.push_str(&escape(value));
                rest = tail;
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Mails of the change-request workflow. They are part of the work itself
/// (a decision to take, a change to acknowledge), so they are always sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeMail {
    /// To the house: a customer asks for a change.
    Requested,
    /// To the customer: the request was decided (or countered).
    Decided,
    /// To a factory: its purchase order changed.
    ToAcknowledge,
    /// To the house: the customer withdrew a request still waiting.
    Withdrawn,
    /// To the house: the customer declined its counter-proposal.
    CounterDeclined,
}

impl ChangeMail {
    pub const ALL: [ChangeMail; 5] = [
        Self::Requested,
        Self::Decided,
        Self::ToAcknowledge,
        Self::Withdrawn,
        Self::CounterDeclined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Requested => "change_requested",
            Self::Decided => "change_decided",
            Self::ToAcknowledge => "change_to_acknowledge",
            Self::Withdrawn => "change_withdrawn",
            Self::CounterDeclined => "counter_declined",
        }
    }

    fn source(self, locale: Locale) -> &'static str {
        macro_rules! pick {
            ($kind:literal) => {
                match locale {
                    Locale::En => include_str!(concat!("../../mail/", $kind, "/en.txt")),
                    Locale::Zh => include_str!(concat!("../../mail/", $kind, "/zh.txt")),
                }
            };
        }
        match self {
            Self::Requested => pick!("change_requested"),
            Self::Decided => pick!("change_decided"),
            Self::ToAcknowledge => pick!("change_to_acknowledge"),
            Self::Withdrawn => pick!("change_withdrawn"),
            Self::CounterDeclined => pick!("counter_declined"),
        }
    }
}

pub fn render(kind: MailKind, locale: Locale, values: &[(&str, String)]) -> RenderedMail {
    render_source(kind.source(locale), values)
}

pub fn render_change(kind: ChangeMail, locale: Locale, values: &[(&str, String)]) -> RenderedMail {
    render_source(kind.source(locale), values)
}

fn render_source(source: &str, values: &[(&str, String)]) -> RenderedMail {
    let (head, html) = source
        .split_once("\n--- html ---\n")
        .unwrap_or((source, ""));
    let (subject_line, text) = head.split_once('\n').unwrap_or((head, ""));
    let subject = subject_line.trim_start_matches("Subject:").trim();
    RenderedMail {
        subject: fill(subject, values, |v| v.replace(['\r', '\n'], " "))
            .chars()
            .take(250)
            .collect(),
        text: fill(text.trim_start_matches('\n'), values, str::to_string),
        html: fill(html, values, escape_html),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn placeholders(text: &str) -> Vec<String> {
        let mut found: Vec<String> = text
            .split("{{")
            .skip(1)
            .filter_map(|rest| rest.split_once("}}").map(|(name, _)| name.to_string()))
            .collect();
        found.sort();
        found.dedup();
        found
    }

    /// Every language of one mail: a subject, an HTML part, and the same
    /// placeholders as the English one.
    fn check_languages(name: &str, source: impl Fn(Locale) -> &'static str) {
        let en = source(Locale::En);
        for locale in Locale::ALL {
            let text = source(locale);
            assert!(text.starts_with("Subject: "), "{name} {locale:?}");
            assert!(text.contains("\n--- html ---\n"), "{name} {locale:?}");
            assert_eq!(placeholders(text), placeholders(en), "{name} {locale:?}");
        }
    }

    #[test]
    fn every_kind_has_every_language_with_the_same_placeholders() {
        for kind in MailKind::ALL {
            assert_eq!(MailKind::parse(kind.as_str()), Some(kind));
            check_languages(kind.as_str(), |l| kind.source(l));
        }
        for kind in ChangeMail::ALL {
            check_languages(kind.as_str(), |l| kind.source(l));
        }
    }

    #[test]
    fn a_value_is_never_filled_in_twice() {
        let values = [
            ("note", "see {{link}} and {{name}}".to_string()),
            ("link", "https://portal.example/x".to_string()),
        ];
        assert_eq!(
            fill("{{note}} / {{link}} / {{unknown}}", &values, str::to_string),
            "see {{link}} and {{name}} / https://portal.example/x / {{unknown}}"
        );
    }

    #[test]
    fn values_are_escaped_in_html_and_cannot_break_the_subject() {
        let values = [
            ("po", "PO-1\r\nBcc: evil@example.com".to_string()),
            ("line", "2".to_string()),
            ("days", "3".to_string()),
            ("supplier", "<script>alert(1)</script>".to_string()),
            ("name", "Ann".to_string()),
            ("product", "Mug & Cup".to_string()),
            ("forecast", "2027-03-04".to_string()),
            ("committed", "2027-03-01".to_string()),
            ("level", "1".to_string()),
            ("reason", "late glaze".to_string()),
            ("orders", "SO-1 line 2".to_string()),
            (
                "link",
                "https://portal.example/staff/po-lines/1".to_string(),
            ),
        ];
        let mail = render(MailKind::SupplierSlip, Locale::En, &values);
        assert!(!mail.subject.contains('\n') && !mail.subject.contains('\r'));
        assert!(mail.subject.starts_with("PO-1  Bcc"), "{}", mail.subject);
        assert!(mail.html.contains("&lt;script&gt;") && !mail.html.contains("<script>"));
        assert!(mail.html.contains("Mug &amp; Cup"));
        assert!(
            mail.text.contains("<script>alert(1)</script>"),
            "plain text stays as is"
        );
        assert!(!mail.text.contains("{{") && !mail.html.contains("{{"));
        let zh = render(MailKind::SupplierSlip, Locale::Zh, &values);
        assert!(zh.subject.contains("延误 3 天"), "{}", zh.subject);
    }
}
