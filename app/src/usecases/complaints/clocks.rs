//! The clocks' watch: a first answer or a remedy coming due reminds the
//! complaint's owner; one past due tells the sales managers. Each once per
//! clock, through the outbox, in one unit of work per pass.

use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use super::{clock_rules, mail};
use crate::domain::complaints::{Clock, ClockNotice, ComplaintStatus, clock_state, notice_due};
use crate::ssr::AppState;
use crate::ssr::entities::complaint;
use crate::ssr::notify::{self, Mail};
use crate::ssr::work::UnitOfWork;
use crate::wire::ApiError;

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct ClockSweep {
    pub reminders: usize,
    pub breaches: usize,
}

pub async fn sweep(state: &AppState) -> Result<ClockSweep, ApiError> {
    let now = state.now();
    let rules = clock_rules(&state.db).await?;
    let mut report = ClockSweep::default();
    let work = UnitOfWork::begin(state).await?;
    let open = complaint::Entity::find()
        .filter(complaint::Column::Status.ne(ComplaintStatus::Closed.as_str()))
        .all(&work.tx)
        .await?;
    for row in open {
        let clocks = [
            (
                "first_answer",
                rules.targets.first_answer_minutes,
                row.first_answer_due,
                row.first_answered_at,
                row.first_notice,
            ),
            (
                "remedy",
                rules.targets.remedy_minutes,
                row.remedy_due,
                row.remedy_proposed_at,
                row.remedy_notice,
            ),
        ];
        let mut active: complaint::ActiveModel = row.clone().into();
        let mut changed = false;
        for (which, target_minutes, due, stopped, sent) in clocks {
            let clock_now = clock_state(
                &Clock {
                    due,
                    target_minutes,
                    stopped_at: stopped,
                },
                now,
                &rules.hours,
            );
            let already = ClockNotice::from_i32(sent).unwrap_or_default();
            let Some(notice) = notice_due(clock_now, already) else {
                continue;
            };
            let people = match notice {
                ClockNotice::Breach => mail::managers(&work).await?,
                _ => mail::owners(&work, &row).await?,
            };
            let (kind, counter) = match notice {
                ClockNotice::Breach => (Mail::ComplaintClockBreached, &mut report.breaches),
                _ => (Mail::ComplaintClockReminder, &mut report.reminders),
            };
            *counter += 1;
            for person in &people {
                notify::to_person(
                    &work.tx,
                    &state.settings.public_url,
                    now,
                    kind,
                    person,
                    &format!("{}:{which}:{}", row.number, notice.as_i32()),
                    &format!("/staff/complaints/{}", row.id),
                    vec![
                        ("complaint", row.number.clone()),
                        ("clock", notify::their_words(&format!("mail-clock-{which}"))),
                        ("due", notify::time_for(person, due)),
                    ],
                )
                .await?;
            }
            match which {
                "first_answer" => active.first_notice = Set(notice.as_i32()),
                _ => active.remedy_notice = Set(notice.as_i32()),
            }
            changed = true;
        }
        if changed {
            active.update(&work.tx).await?;
        }
    }
    work.commit(state).await?;
    Ok(report)
}
