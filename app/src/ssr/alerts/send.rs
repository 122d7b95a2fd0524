//! One alert to one person: queued now, or held for the daily digest if the
//! person chose one.

use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};

use super::AlertContext;
use crate::domain::slip::AlertKind;
use crate::ssr::entities::{digest_item, user};
use crate::ssr::notify::{Mail, PersonMail};

pub(super) async fn send(
    db: &impl ConnectionTrait,
    ctx: &AlertContext,
    kind: AlertKind,
    to: &user::Model,
    key: &str,
    path: &str,
    values: Vec<(&'static str, String)>,
) -> Result<bool, DbErr> {
    let mail = PersonMail::compose(Mail::from(kind), to, key, &ctx.public_url, path, values);
    if to.alert_digest {
        // The list shows it now; only the mail waits for the digest.
        mail.note(db, ctx.now).await?;
        return hold_for_digest(db, ctx, kind, to, mail).await;
    }
    mail.queue(db, ctx.now).await
}

async fn hold_for_digest(
    db: &impl ConnectionTrait,
    ctx: &AlertContext,
    kind: AlertKind,
    to: &user::Model,
    mail: PersonMail,
) -> Result<bool, DbErr> {
    let held = digest_item::Entity::insert(digest_item::ActiveModel {
        user_id: Set(to.id),
        dedupe_key: Set(mail.dedupe_key),
        kind: Set(kind.as_str().to_string()),
        subject: Set(mail.rendered.subject),
        body_text: Set(mail.rendered.text),
        created_at: Set(ctx.now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::column(digest_item::Column::DedupeKey)
            .do_nothing()
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Ok(held == 1)
}
