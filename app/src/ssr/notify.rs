//! Every mail the portal sends, composed one way. Each kind is a folder under
//! `app/mail/` with one file per language (`en.txt`, `zh.txt`, …; the build
//! finds them, and a language without its own falls back to English)
//! holding the subject line, the plain text and, after `--- html ---`, the
//! HTML part.
//! `{{name}}` placeholders are filled from values: as they are in the text,
//! escaped in the HTML, and with line breaks removed in the subject, so no
//! value can start a header of its own. A new mail is a new folder and one
//! line in `mails!` below.

use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, DbErr};

use crate::domain::slip::AlertKind;
use crate::i18n::Locale;
use crate::ssr::entities::user;
use crate::ssr::outbox::{OutgoingMail, enqueue};
use crate::ssr::repo::notifications;

macro_rules! mails {
    ($($(#[$doc:meta])* $kind:ident => $folder:literal,)+) => {
        /// Every kind of mail, each a folder of templates.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Mail {
            $($(#[$doc])* $kind,)+
        }

        impl Mail {
            pub const ALL: &[Mail] = &[$(Mail::$kind,)+];

            /// The folder name, also the outbox's `kind` column.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Mail::$kind => $folder,)+
                }
            }

            /// The template in `locale`, or in English where that
            /// language has none for this kind.
            fn source(self, locale: Locale) -> &'static str {
                template(self.as_str(), locale.as_str())
                    .or_else(|| template(self.as_str(), Locale::En.as_str()))
                    .unwrap_or_else(|| panic!("mail/{}/en.txt is missing", self.as_str()))
            }
        }
    };
}

include!(concat!(env!("OUT_DIR"), "/mail_templates.rs"));

/// The template `mail/<kind>/<language>.txt`, if there is one.
fn template(kind: &str, language: &str) -> Option<&'static str> {
    MAIL_TEMPLATES
        .iter()
        .find(|(k, l, _)| *k == kind && *l == language)
        .map(|(_, _, text)| *text)
}

mails! {
    /// To the house: a factory line is late.
    SupplierSlip => "supplier_slip",
    /// To the customer and its sales owner: an order line is late.
    CustomerSlip => "customer_slip",
    /// To those told of a slip: the line is on time again.
    BackOnTrack => "back_on_track",
    /// To the sales owner: a committed date passed with the goods not ready.
    Overdue => "overdue",
    /// To a factory: its line has had no report for too long.
    StaleReminder => "stale_reminder",
    /// To the house: a customer asks for a change.
    ChangeRequested => "change_requested",
    /// To the customer: the request was decided (or countered).
    ChangeDecided => "change_decided",
    /// To a factory: its purchase order changed.
    ChangeToAcknowledge => "change_to_acknowledge",
    /// To the house: the customer withdrew a request still waiting.
    ChangeWithdrawn => "change_withdrawn",
    /// To the house: the customer declined its counter-proposal.
    CounterDeclined => "counter_declined",
    /// To a new person: the link that sets the first password.
    Invitation => "invitation",
    /// To a person who asked: the link that sets a new password.
    PasswordReset => "password_reset",
    /// To a customer's or factory's people: someone new was invited into
    /// their company, by whom; they are the ones who would know a stranger.
    ColleagueInvited => "colleague_invited",
    /// To the owner of an account whose password was changed or reset:
    /// when, and what to do if it was not them. No link that signs in.
    PasswordChanged => "password_changed",
    /// Once a day, to people who read alerts together: the day's alerts.
    Digest => "digest",
    /// To sales: a customer asks for a quotation.
    InquiryReceived => "inquiry_received",
    /// To the approvers of a level: a quotation waits for them.
    ApprovalWaiting => "approval_waiting",
    /// To the approvers of a level: the step took longer than its target.
    ApprovalReminder => "approval_reminder",
    /// To the commercial director and administrators: twice the target.
    ApprovalEscalated => "approval_escalated",
    /// To the customer's buyers: a quotation to accept or decline.
    QuotationSent => "quotation_sent",
    /// To the quotation's owner: the customer accepted or declined.
    QuotationAnswered => "quotation_answered",
    /// To the quotation's owner: an approver sent it back.
    QuotationReturned => "quotation_returned",
    /// To the customer's buyers: a shipment's arrival date moved.
    EtaChanged => "eta_changed",
    /// To the customer's buyers: an instalment is due soon or overdue.
    PaymentReminder => "payment_reminder",
    /// To sales (and, when long overdue, the sales managers): an instalment
    /// is overdue.
    PaymentOverdue => "payment_overdue",
    /// To sales: the latest shipment date of a letter of credit is at risk.
    LcAtRisk => "lc_at_risk",
    /// To the complaint's owner (else sales): a customer complains.
    ComplaintFiled => "complaint_filed",
    /// To the customer's buyers: the house answered, proposed or closed.
    ComplaintAnswered => "complaint_answered",
    /// To the factory's people: a complaint about their goods.
    ComplaintPassed => "complaint_passed",
    /// To the owner: the customer or the factory answered.
    ComplaintUpdated => "complaint_updated",
    /// To the owner: a complaint's clock comes due.
    ComplaintClockReminder => "complaint_clock_reminder",
    /// To the sales managers: a complaint's clock ran out.
    ComplaintClockBreached => "complaint_clock_breached",
    /// To the other side of a conversation: a new message on an order or a
    /// purchase order.
    MessageReceived => "message_received",
    /// To the factory's people: a purchase order placed with them.
    PoPlaced => "po_placed",
    /// To the factory's people: their purchase order changed outside a
    /// change request (the order it fills was cancelled).
    PoChanged => "po_changed",
    /// To the customer's people: their order is confirmed, with its dates.
    OrderConfirmed => "order_confirmed",
    /// To the customer's people: a shipment left port (vessel, ETA).
    OrderShipped => "order_shipped",
    /// To the customer's people: a shipment arrived.
    OrderArrived => "order_arrived",
    /// To the customer's people: a payment of theirs was recorded.
    PaymentRecorded => "payment_recorded",
}

impl From<AlertKind> for Mail {
    fn from(kind: AlertKind) -> Self {
        match kind {
            AlertKind::SupplierSlip => Mail::SupplierSlip,
            AlertKind::CustomerSlip => Mail::CustomerSlip,
            AlertKind::BackOnTrack => Mail::BackOnTrack,
            AlertKind::Overdue => Mail::Overdue,
            AlertKind::StaleReminder => Mail::StaleReminder,
            AlertKind::Message => Mail::MessageReceived,
            AlertKind::PoPlaced => Mail::PoPlaced,
            AlertKind::PoChanged => Mail::PoChanged,
            AlertKind::OrderConfirmed => Mail::OrderConfirmed,
            AlertKind::Shipped => Mail::OrderShipped,
            AlertKind::Arrived => Mail::OrderArrived,
            AlertKind::PaymentRecorded => Mail::PaymentRecorded,
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

/// The mail `kind` in `locale` with `values` filled in, those marked by
/// [`their_words`] told in that language.
pub fn render(kind: Mail, locale: Locale, values: &[(&str, String)]) -> RenderedMail {
    let mut told = values.to_vec();
    tell_in(locale, &mut told);
    render_source(kind.source(locale), &told)
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

/// Marks a value to be told in the reader's language (see [`their_words`]).
const THEIR_WORDS: &str = "\u{1}words:";

/// A value told in each reader's own language: the catalogue message `key`,
/// looked up as the mail is rendered in the reader's language (a level, an answer,
/// a clock), so one list of values serves readers of every language.
pub fn their_words(key: &str) -> String {
    format!("{THEIR_WORDS}{key}")
}

/// Puts the values marked by [`their_words`] into `locale`'s words.
fn tell_in(locale: Locale, values: &mut [(&str, String)]) {
    for (_, value) in values {
        if let Some(key) = value.strip_prefix(THEIR_WORDS) {
            *value = locale.t(key);
        }
    }
}

/// A mail to one person, in their language, with their name and a link to
/// `path` filled in; `key` makes it unique per person. The same event goes
/// on the person's in-portal list (`notifications`) when it is queued or
/// held for their digest.
pub struct PersonMail {
    pub dedupe_key: String,
    pub recipient: String,
    pub kind: Mail,
    pub rendered: RenderedMail,
    user_id: i32,
    path: String,
}

impl PersonMail {
    pub fn compose(
        kind: Mail,
        to: &user::Model,
        key: &str,
        public_url: &str,
        path: &str,
        mut values: Vec<(&'static str, String)>,
    ) -> Self {
        values.push(("name", to.display_name.clone()));
        values.push(("link", format!("{public_url}{path}")));
        let locale = Locale::parse(&to.locale).unwrap_or_default();
        Self {
            dedupe_key: format!("{}:{key}:{}", kind.as_str(), to.id),
            recipient: to.email.clone(),
            kind,
            rendered: render(kind, locale, &values),
            user_id: to.id,
            path: path.to_string(),
        }
    }

    /// Puts the event on the person's notification list (once per dedupe
    /// key); false when it was there already.
    pub async fn note(&self, db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<bool, DbErr> {
        notifications::insert(
            db,
            notifications::NewNotification {
                user_id: self.user_id,
                kind: self.kind.as_str(),
                title: &self.rendered.subject,
                path: &self.path,
                dedupe_key: &self.dedupe_key,
            },
            now,
        )
        .await
    }

    /// Queues it in the caller's transaction, with its notification; false
    /// when it was queued before.
    pub async fn queue(self, db: &impl ConnectionTrait, now: DateTime<Utc>) -> Result<bool, DbErr> {
        self.note(db, now).await?;
        enqueue(db, self.into_outgoing(), now).await
    }

    pub fn into_outgoing(self) -> OutgoingMail {
        OutgoingMail {
            dedupe_key: self.dedupe_key,
            kind: self.kind.as_str(),
            recipient: self.recipient,
            subject: self.rendered.subject,
            body_text: self.rendered.text,
            body_html: Some(self.rendered.html),
        }
    }
}

/// An instant as the person reads it: in their own time zone.
pub fn time_for(to: &user::Model, at: DateTime<Utc>) -> String {
    crate::domain::time_zone::Zone::parse_or_utc(&to.time_zone).format(at)
}

/// Queues `kind` to one person with a link into the portal at `path`.
#[allow(clippy::too_many_arguments)]
pub async fn to_person(
    db: &impl ConnectionTrait,
    public_url: &str,
    now: DateTime<Utc>,
    kind: Mail,
    to: &user::Model,
    key: &str,
    path: &str,
    values: Vec<(&'static str, String)>,
) -> Result<bool, DbErr> {
    PersonMail::compose(kind, to, key, public_url, path, values)
        .queue(db, now)
        .await
}

/// A mail to an address that has no account yet, or no name to greet.
pub fn to_address(
    kind: Mail,
    locale: Locale,
    recipient: &str,
    dedupe_key: String,
    values: &[(&str, String)],
) -> OutgoingMail {
    let rendered = render(kind, locale, values);
    OutgoingMail {
        dedupe_key,
        kind: kind.as_str(),
        recipient: recipient.to_string(),
        subject: rendered.subject,
        body_text: rendered.text,
        body_html: Some(rendered.html),
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
        for kind in Mail::ALL {
            // Every mail is written in every language (a new language may
            // fall back to English, but not for long).
            for language in Locale::ALL.map(Locale::as_str) {
                assert!(
                    template(kind.as_str(), language).is_some(),
                    "{kind:?} {language}"
                );
            }
            check_languages(kind.as_str(), |l| kind.source(l));
        }
        for alert in AlertKind::ALL {
            assert_eq!(AlertKind::parse(alert.as_str()), Some(alert));
            assert_eq!(Mail::from(alert).as_str(), alert.as_str());
        }
    }

    #[test]
    fn words_are_told_in_each_readers_language() {
        use crate::domain::approval::StaffLevel;
        let keys = StaffLevel::ALL
            .map(|level| format!("staff-level-{}", level.as_str()))
            .into_iter()
            .chain(["accepted", "declined"].map(|a| format!("mail-answer-{a}")))
            .chain(["first_answer", "remedy"].map(|c| format!("mail-clock-{c}")));
        for key in keys {
            // A key missing from the catalogue would be sent as it is.
            assert_ne!(Locale::En.t(&key), key);
        }
        for (locale, level, answer) in [
            (Locale::En, "Sales manager", "accepted"),
            (Locale::De, "Vertriebsleitung", "angenommen"),
            (Locale::Zh, "销售经理", "已接受"),
        ] {
            let mut values = vec![
                ("level", their_words("staff-level-sales_manager")),
                ("answer", their_words("mail-answer-accepted")),
                ("customer", "Acme words:".to_string()),
            ];
            tell_in(locale, &mut values);
            assert_eq!(
                values,
                [
                    ("level", level.to_string()),
                    ("answer", answer.to_string()),
                    ("customer", "Acme words:".to_string()),
                ]
            );
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
        let mail = render(Mail::SupplierSlip, Locale::En, &values);
        assert!(!mail.subject.contains('\n') && !mail.subject.contains('\r'));
        assert!(mail.subject.starts_with("PO-1  Bcc"), "{}", mail.subject);
        assert!(mail.html.contains("&lt;script&gt;") && !mail.html.contains("<script>"));
        assert!(mail.html.contains("Mug &amp; Cup"));
        assert!(
            mail.text.contains("<script>alert(1)</script>"),
            "plain text stays as is"
        );
        assert!(!mail.text.contains("{{") && !mail.html.contains("{{"));
        let zh = render(Mail::SupplierSlip, Locale::Zh, &values);
        assert!(zh.subject.contains("延误 3 天"), "{}", zh.subject);
    }
}
