//! The daily digest: the alerts held for people who chose one, sent as one
//! mail each.

use chrono::{DateTime, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter};

use crate::domain::time_zone::Zone;
use crate::i18n::Locale;
use crate::ssr::entities::{digest_item, user};
use crate::ssr::notify::{Mail, to_address};
use crate::ssr::outbox::enqueue;

/// Once a day, from `hour` in each person's own time zone (a digest at
/// seven in the morning should arrive at seven where its reader lives): one
/// mail per person holding digest alerts, listing them; the alerts it lists
/// are removed in the same transaction. A second run the same local day
/// finds the day's digest queued and sends nothing (what arrived since
/// waits for tomorrow). Returns mails queued.
pub async fn send_digests(
    db: &impl ConnectionTrait,
    now: DateTime<Utc>,
    hour: u32,
) -> Result<usize, DbErr> {
    let items = digest_item::Entity::find()
        .filter(digest_item::Column::CreatedAt.lte(now))
        .all(db)
        .await?;
    let mut people: Vec<i32> = items.iter().map(|i| i.user_id).collect();
    people.sort_unstable();
    people.dedup();
    let mut queued = 0;
    for person in people {
        let Some(to) = user::Entity::find_by_id(person).one(db).await? else {
            continue;
        };
        let zone = Zone::parse_or_utc(&to.time_zone);
        if zone.hour_of(now) < hour {
            continue;
        }
        let mine: Vec<&digest_item::Model> = items.iter().filter(|i| i.user_id == person).collect();
        let locale = Locale::parse(&to.locale).unwrap_or_default();
        let heading = locale.t_with("digest-subject", &[("count", mine.len().into())]);
        let intro = locale.t_with("digest-intro", &[("name", to.display_name.clone().into())]);
        let items = mine
            .iter()
            .map(|item| format!("== {} ==\n{}", item.subject, item.body_text.trim()))
            .collect::<Vec<_>>()
            .join("\n\n");
        let mail = to_address(
            Mail::Digest,
            locale,
            &to.email,
            format!("digest:{}:{}", to.id, zone.date_of(now)),
            &[("heading", heading), ("intro", intro), ("items", items)],
        );
        let sent = enqueue(db, mail, now).await?;
        if sent {
            digest_item::Entity::delete_many()
                .filter(digest_item::Column::Id.is_in(mine.iter().map(|i| i.id)))
                .exec(db)
                .await?;
            queued += 1;
        }
    }
    Ok(queued)
}
