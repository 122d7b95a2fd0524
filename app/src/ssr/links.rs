//! Mail that carries a sign-in link (an invitation, a password reset): how
//! it is composed, and what becomes of it when it cannot be delivered.
//!
//! A link in a mail nobody received is a way into an account that only the
//! outbox knows of: whoever reads a copy of the database (a backup, a
//! support dump, a replica) could use it, while the person it was meant for
//! never will. So when such a mail dies (refused for good, out of retries)
//! or outlives its link, its link is revoked and its body replaced with a
//! note; a delivered one keeps only its envelope (the outbox worker sees to
//! that). Nobody is locked out by this: staff who send the dead letter
//! again send a fresh link to the account's address, and a person who asked
//! for a reset can ask again.

use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter,
    TransactionTrait,
};

use crate::domain::session::TokenPurpose;
use crate::i18n::Locale;
use crate::ssr::entities::{account_token, outbox};
use crate::ssr::notify::{self, Mail};
use crate::ssr::outbox::OutgoingMail;
use crate::ssr::repo::{companies, tokens, users};

/// What the body of a link mail that will not be delivered becomes.
pub const VOIDED_BODY: &str = "(not delivered; the link in it was revoked)";

/// The dead letter's error when its link ran out before it was delivered.
pub const LINK_EXPIRED: &str = "the link expired before the mail could be delivered";

fn mail_kind(purpose: TokenPurpose) -> Mail {
    match purpose {
        TokenPurpose::Invitation => Mail::Invitation,
        TokenPurpose::PasswordReset => Mail::PasswordReset,
    }
}

/// The dedupe key of the mail carrying the link of token `token_id`: the
/// worker finds the token again from it.
fn dedupe_key(purpose: TokenPurpose, token_id: i32) -> String {
    format!("{}:{token_id}", mail_kind(purpose).as_str())
}

/// The purpose and token id of the link an outbox row carries, if it is a
/// link mail.
pub fn link_of(kind: &str, dedupe_key: &str) -> Option<(TokenPurpose, i32)> {
    let purpose = TokenPurpose::ALL
        .into_iter()
        .find(|purpose| mail_kind(*purpose).as_str() == kind)?;
    let token_id = dedupe_key
        .strip_prefix(kind)?
        .strip_prefix(':')?
        .parse()
        .ok()?;
    Some((purpose, token_id))
}

/// The mail carrying the link of a token just issued, in the recipient's
/// language; `values` fills the template's other placeholders.
pub fn compose(
    purpose: TokenPurpose,
    (token_id, token): (i32, &str),
    public_url: &str,
    locale: Locale,
    recipient: &str,
    mut values: Vec<(&'static str, String)>,
) -> OutgoingMail {
    values.push(("link", format!("{public_url}{}/{token}", purpose.page())));
    notify::to_address(
        mail_kind(purpose),
        locale,
        recipient,
        dedupe_key(purpose, token_id),
        &values,
    )
}

/// Revokes the links of link mails that will not be delivered and replaces
/// their bodies: dead ones, and waiting ones older than their link, which
/// become dead letters (sending them would only deliver a link that no
/// longer works). Returns how many it voided.
///
/// Each row is voided, and its token revoked in the same transaction, only
/// if the row is still as it was read, so a dead letter sent again
/// meanwhile keeps its fresh link.
pub async fn void_undelivered(db: &DatabaseConnection, now: DateTime<Utc>) -> Result<usize, DbErr> {
    let mut lapsed = Condition::any().add(outbox::Column::Dead.eq(true));
    for purpose in TokenPurpose::ALL {
        lapsed = lapsed.add(
            Condition::all()
                .add(outbox::Column::Kind.eq(mail_kind(purpose).as_str()))
                .add(outbox::Column::CreatedAt.lte(now - purpose.lifetime())),
        );
    }
    let kinds = TokenPurpose::ALL.map(|purpose| mail_kind(purpose).as_str());
    // Undelivered rows are few, and `idx_outbox_due` finds them.
    let rows = outbox::Entity::find()
        .filter(outbox::Column::SentAt.is_null())
        .filter(outbox::Column::Kind.is_in(kinds))
        .filter(outbox::Column::BodyText.ne(VOIDED_BODY))
        .filter(lapsed)
        .all(db)
        .await?;
    let mut voided = 0;
    for row in rows {
        let mut update = outbox::Entity::update_many()
            .col_expr(outbox::Column::BodyText, Expr::value(VOIDED_BODY))
            .col_expr(
                outbox::Column::BodyHtml,
                Expr::value(Option::<String>::None),
            )
            .filter(outbox::Column::Id.eq(row.id.clone()))
            .filter(outbox::Column::DedupeKey.eq(row.dedupe_key.clone()))
            .filter(outbox::Column::SentAt.is_null())
            .filter(outbox::Column::Dead.eq(row.dead));
        if !row.dead {
            // Never under a worker that is delivering it right now.
            update = update
                .col_expr(outbox::Column::Dead, Expr::value(true))
                .col_expr(
                    outbox::Column::LastError,
                    Expr::value(Some(LINK_EXPIRED.to_string())),
                )
                .filter(
                    Condition::any()
                        .add(outbox::Column::ClaimedUntil.is_null())
                        .add(outbox::Column::ClaimedUntil.lt(now)),
                );
        }
        // The mail loses its link and the link stops working together: no
        // one may see the one without the other.
        let tx = db.begin().await?;
        if update.exec(&tx).await?.rows_affected != 1 {
            continue;
        }
        if let Some((_, token_id)) = link_of(&row.kind, &row.dedupe_key) {
            tokens::revoke(&tx, token_id, now).await?;
        }
        tx.commit().await?;
        voided += 1;
    }
    Ok(voided)
}

/// What sending a dead link mail again came to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resent {
    /// Queued again with a fresh link.
    Queued,
    /// The account no longer needs the link: the invitee has set a
    /// password since, or the person was deactivated.
    NotNeeded,
    /// The row is no dead letter (any more).
    NotDead,
}

/// Queues a dead link mail again, in the caller's transaction, with a fresh
/// link in place of the one revoked when it died, and the same other
/// values; the row keeps its id and starts over. `fallback_inviter` names
/// the inviter if the original one is gone.
pub async fn resend(
    db: &impl ConnectionTrait,
    public_url: &str,
    row: &outbox::Model,
    fallback_inviter: &str,
    now: DateTime<Utc>,
) -> Result<Resent, DbErr> {
    let Some((purpose, token_id)) = link_of(&row.kind, &row.dedupe_key) else {
        return Ok(Resent::NotDead);
    };
    let Some(old) = account_token::Entity::find_by_id(token_id).one(db).await? else {
        return Ok(Resent::NotNeeded);
    };
    let Some(person) = users::find(db, old.user_id).await?.filter(|u| u.active) else {
        return Ok(Resent::NotNeeded);
    };
    let has_password = person.password_hash.is_some();
    let values = match purpose {
        TokenPurpose::Invitation if has_password => return Ok(Resent::NotNeeded),
        TokenPurpose::PasswordReset if !has_password => return Ok(Resent::NotNeeded),
        TokenPurpose::Invitation => {
            let inviter = match old.created_by {
                Some(id) => users::find(db, id).await?.map(|u| u.display_name),
                None => None,
            };
            let company = companies::find(db, person.company_id).await?;
            vec![
                (
                    "inviter",
                    inviter.unwrap_or_else(|| fallback_inviter.to_string()),
                ),
                ("company", company.map(|c| c.name).unwrap_or_default()),
            ]
        }
        TokenPurpose::PasswordReset => Vec::new(),
    };
    tokens::revoke(db, token_id, now).await?;
    let (new_id, token) = tokens::issue(db, purpose, person.id, old.created_by, now).await?;
    let mail = compose(
        purpose,
        (new_id, &token),
        public_url,
        Locale::parse(&person.locale).unwrap_or_default(),
        &person.email,
        values,
    );
    // A fresh mail in the old row: composed now, so its age is its link's.
    let revived = outbox::Entity::update_many()
        .col_expr(outbox::Column::DedupeKey, Expr::value(mail.dedupe_key))
        .col_expr(outbox::Column::Recipient, Expr::value(mail.recipient))
        .col_expr(outbox::Column::Subject, Expr::value(mail.subject))
        .col_expr(outbox::Column::BodyText, Expr::value(mail.body_text))
        .col_expr(outbox::Column::BodyHtml, Expr::value(mail.body_html))
        .col_expr(outbox::Column::CreatedAt, Expr::value(now))
        .col_expr(outbox::Column::Dead, Expr::value(false))
        .col_expr(outbox::Column::Attempts, Expr::value(0))
        .col_expr(outbox::Column::NextAttemptAt, Expr::value(now))
        .filter(outbox::Column::Id.eq(row.id.clone()))
        .filter(outbox::Column::Dead.eq(true))
        .exec(db)
        .await?;
    Ok(if revived.rows_affected == 1 {
        Resent::Queued
    } else {
        Resent::NotDead
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_mail_names_its_token() {
        for purpose in TokenPurpose::ALL {
            let key = dedupe_key(purpose, 42);
            assert_eq!(
                link_of(mail_kind(purpose).as_str(), &key),
                Some((purpose, 42))
            );
        }
        assert_eq!(link_of("invitation", "invitation:x"), None);
        assert_eq!(link_of("invitation", "password_reset:7"), None);
        assert_eq!(link_of("digest", "digest:7"), None);
    }
}
