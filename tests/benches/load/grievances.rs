//! The book's complaints: about one order in fifty that arrived, filed by
//! its customer's buyer some days after arrival. Recent ones stand at every
//! step, older ones are closed; most were passed to the factory that made
//! the line. The pages measured read them as a running portal would: the
//! customer's first page looks for remedies to answer, a factory's
//! scorecard counts the period's complaints about its goods.

use app::domain::complaints::{ClockNotice, ComplaintStatus};
use app::ssr::entities::{complaint, complaint_entry};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ActiveValue::Set, DatabaseTransaction, EntityTrait};

use super::Days;
use super::Lcg;

/// One order in this many that arrived draws a complaint.
const ONE_IN: u64 = 50;

/// An order that arrived, as a complaint about it needs it.
pub(crate) struct Arrived {
    pub(crate) order: i32,
    pub(crate) first_line: i32,
    pub(crate) customer: i32,
    pub(crate) buyer: i32,
    pub(crate) factory: i32,
    pub(crate) on: NaiveDate,
}

/// The complaints drawn for a batch of orders, written with the batch.
pub(crate) struct Grievances {
    rng: Lcg,
    next_id: i32,
    rows: Vec<complaint::ActiveModel>,
    entries: Vec<complaint_entry::ActiveModel>,
}

impl Grievances {
    /// Draws from its own generator, so the orders and lines stay those of
    /// books generated before complaints were added.
    pub(crate) fn new(seed: u64) -> Self {
        Self {
            rng: Lcg(seed ^ 0xc0ff_ee00),
            next_id: 1,
            rows: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// Perhaps a complaint about the order's first line, filed one to thirty
    /// days after it arrived (none if that day has not come).
    pub(crate) fn draw(&mut self, arrived: &Arrived, now: DateTime<Utc>) {
        if self.rng.next(ONE_IN) != 0 {
            return;
        }
        let filed_on = arrived.on + Days::days(1 + self.rng.next(30) as i64);
        let Some(filed) = filed_on
            .and_hms_opt(8 + self.rng.next(9) as u32, 0, 0)
            .map(|t| t.and_utc())
            .filter(|filed| *filed < now)
        else {
            return;
        };
        let age = (now - filed).num_days();
        use ComplaintStatus::*;
        let status = if age < 2 {
            [Open, Acknowledged, Investigating][self.rng.next(3) as usize]
        } else if age < 30 {
            [Investigating, RemedyProposed, Accepted, Closed, Closed][self.rng.next(5) as usize]
        } else {
            Closed
        };
        let answered = status != Open;
        let passed = answered && self.rng.next(10) < 6;
        let factory_answered = passed && status != Investigating && status != Acknowledged;
        let proposed = matches!(status, RemedyProposed | Accepted | Closed);
        let first_answer_due = filed + Days::hours(1);
        let remedy_due = filed + Days::hours(24);
        // Clocks that ran out were told of long ago.
        let told = |due: DateTime<Utc>, stopped: bool| {
            if !stopped && due < now {
                ClockNotice::Breach.as_i32()
            } else {
                0
            }
        };
        let id = self.next_id;
        self.next_id += 1;
        self.rows.push(complaint::ActiveModel {
            id: Set(id),
            number: Set(format!("C-B-{id:07}")),
            order_id: Set(arrived.order),
            order_line_id: Set(Some(arrived.first_line)),
            customer_company_id: Set(arrived.customer),
            filed_by: Set(arrived.buyer),
            owner_id: Set(None),
            category: Set(
                ["quality", "damage", "short_quantity"][self.rng.next(3) as usize].into(),
            ),
            description: Set("Glaze crazing on part of the cartons.".into()),
            quantity_affected: Set(12 + self.rng.next(200) as i64),
            remedy_asked: Set("credit_note".into()),
            amount_asked_minor: Set(Some(10_000 + self.rng.next(90_000) as i64)),
            currency: Set("EUR".into()),
            status: Set(status.as_str().into()),
            factory_company_id: Set(passed.then_some(arrived.factory)),
            passed_at: Set(passed.then_some(filed + Days::hours(1))),
            root_cause: Set(factory_answered.then(|| "material".into())),
            corrective_action: Set(factory_answered.then(|| "Glaze batch checked.".into())),
            factory_answered_at: Set(factory_answered.then_some(filed + Days::hours(6))),
            remedy_kind: Set(proposed.then(|| "credit_note".into())),
            remedy_text: Set(proposed.then(|| "A credit note for the cartons.".into())),
            remedy_amount_minor: Set(proposed.then_some(20_000)),
            remedy_cost_minor: Set(proposed.then_some(12_000)),
            first_answer_due: Set(first_answer_due),
            first_answered_at: Set(answered.then_some(filed + Days::minutes(40))),
            remedy_due: Set(remedy_due),
            remedy_proposed_at: Set(proposed.then_some(filed + Days::hours(20))),
            first_notice: Set(told(first_answer_due, answered)),
            remedy_notice: Set(told(remedy_due, proposed)),
            reopened: Set(0),
            version: Set(1),
            created_at: Set(filed),
            updated_at: Set(filed),
            closed_at: Set((status == Closed).then_some(filed + Days::days(2))),
        });
        let mut entry = |side: &str, kind: &str, body: &str, at, actor| {
            self.entries.push(complaint_entry::ActiveModel {
                complaint_id: Set(id),
                actor_user_id: Set(actor),
                side: Set(side.into()),
                kind: Set(kind.into()),
                body: Set(body.into()),
                created_at: Set(at),
                ..Default::default()
            });
        };
        let buyer = Some(arrived.buyer);
        entry("customer", "filed", "Glaze crazing.", filed, buyer);
        if answered {
            entry(
                "house",
                "acknowledge",
                "We are on it.",
                filed + Days::minutes(40),
                None,
            );
        }
        if passed {
            entry(
                "house",
                "pass",
                "Please check the batch.",
                filed + Days::hours(1),
                None,
            );
        }
        if factory_answered {
            entry(
                "factory",
                "answer",
                "Glaze batch checked.",
                filed + Days::hours(6),
                None,
            );
        }
        if proposed {
            entry(
                "house",
                "propose",
                "A credit note.",
                filed + Days::hours(20),
                None,
            );
        }
    }

    /// Writes what was drawn since the last write.
    pub(crate) async fn write(&mut self, tx: &DatabaseTransaction) {
        for rows in std::mem::take(&mut self.rows).chunks(100) {
            complaint::Entity::insert_many(rows.to_vec())
                .exec(tx)
                .await
                .unwrap();
        }
        for rows in std::mem::take(&mut self.entries).chunks(300) {
            complaint_entry::Entity::insert_many(rows.to_vec())
                .exec(tx)
                .await
                .unwrap();
        }
    }
}
