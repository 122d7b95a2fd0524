//! The steps from a customer's inquiry to a contract that `--outside`
//! sends beside a row's reads.

use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::time::Duration;

use super::outside::{answered, keep_alive};
use super::writers::{Writes, inquiry, paced, quotation_version, read_quotation};

/// How often the quotation row takes its next step; each inquiry, sending
/// and acceptance mails the other side, a few times in the row's seconds.
pub(super) const QUOTE_EVERY: Duration = Duration::from_millis(250);

/// Where the quotation row stands with its current quotation.
#[derive(Debug, Clone, Copy)]
enum Quoting {
    Inquire,
    Start {
        inquiry: i32,
    },
    Save(i32),
    Submit(i32),
    /// Approving each step it needs, then sending it.
    Approve(i32),
    Accept(i32),
}

/// People of the quotation row, each on a connection of their own.
struct QuotingPeople {
    buyer: reqwest::Client,
    sales: reqwest::Client,
    approver: reqwest::Client,
    base: String,
    /// The factory each quotation's line is costed with.
    factory: i32,
}

/// A third customer's inquiry taken to a contract, one step every
/// `QUOTE_EVERY`, until `stop`: its buyer asks, the house's sales person
/// opens, costs (with `factory`), submits and sends the quotation, an administrator
/// approves each step it needs, and the buyer accepts it (the portal makes
/// the contract), then asks again. A refused step starts over with a new
/// inquiry. `accepted` counts the steps the portal accepted.
pub(super) async fn keep_quoting(
    buyer: String,
    sales: String,
    approver: String,
    base: String,
    factory: i32,
    stop: Arc<AtomicBool>,
) -> Writes {
    let people = Arc::new(QuotingPeople {
        buyer: keep_alive(&buyer),
        sales: keep_alive(&sales),
        approver: keep_alive(&approver),
        base,
        factory,
    });
    let at = Arc::new(tokio::sync::Mutex::new(Quoting::Inquire));
    paced(QUOTE_EVERY, stop, |n| {
        let (people, at) = (people.clone(), at.clone());
        async move {
            let mut at = at.lock().await;
            let (next, ok) = people.step(*at, n).await;
            *at = if ok { next } else { Quoting::Inquire };
            ok
        }
    })
    .await
}

impl QuotingPeople {
    /// Takes the step `at` (the row's n-th write); answers the step after it
    /// and whether the portal accepted this one.
    async fn step(&self, at: Quoting, n: usize) -> (Quoting, bool) {
        let base = &self.base;
        match at {
            Quoting::Inquire => {
                let asked = inquiry(&self.buyer, base, &format!("Stoneware mug, contract {n}"));
                match id_of(asked).await {
                    Some(inquiry) => (Quoting::Start { inquiry }, true),
                    None => (at, false),
                }
            }
            Quoting::Start { inquiry } => {
                let start = self
                    .sales
                    .post(format!("{base}/api/quotations/start"))
                    .form(&[("inquiry_id", inquiry.to_string())]);
                match id_of(start).await {
                    Some(quotation) => (Quoting::Save(quotation), true),
                    None => (at, false),
                }
            }
            Quoting::Save(id) => {
                use integration_tests::quotes::{Costed, draft_fields};
                let Some(version) = quotation_version(&self.sales, base, id).await else {
                    return (at, false);
                };
                let costed = Costed {
                    supplier: Some(self.factory),
                    purchase: "8.10",
                    selling: "12.40",
                    deposit: "30",
                };
                let save =
                    self.sales
                        .post(format!("{base}/api/quotations/save"))
                        .form(&draft_fields(
                            chrono::Utc::now().date_naive(),
                            id,
                            &version.to_string(),
                            &costed,
                        ));
                (Quoting::Submit(id), answered(save).await)
            }
            Quoting::Submit(id) => (Quoting::Approve(id), self.house_step(id, "submit").await),
            Quoting::Approve(id) => match self.step_to_decide(id).await {
                Some(position) => {
                    let decide = self
                        .approver
                        .post(format!("{base}/api/quotations/decide"))
                        .form(&[
                            ("id", id.to_string()),
                            ("position", position.to_string()),
                            ("approve", "true".into()),
                        ]);
                    (at, answered(decide).await)
                }
                // Every step approved: this turn sends it.
                None => (Quoting::Accept(id), self.house_step(id, "send").await),
            },
            Quoting::Accept(id) => {
                let accept = self
                    .buyer
                    .post(format!("{base}/api/quotations/respond"))
                    .form(&[
                        ("id", id.to_string()),
                        ("revision", "1".into()),
                        ("accept", "true".into()),
                    ]);
                (Quoting::Inquire, id_of(accept).await.is_some())
            }
        }
    }

    /// The sales person's step `what` (`submit`, `send`) at the quotation's
    /// current version; whether the portal took it.
    async fn house_step(&self, id: i32, what: &str) -> bool {
        let Some(version) = quotation_version(&self.sales, &self.base, id).await else {
            return false;
        };
        let step = self
            .sales
            .post(format!("{}/api/quotations/{what}", self.base))
            .form(&[("id", id.to_string()), ("version", version.to_string())]);
        answered(step).await
    }

    /// The approval step the approver may decide now, if any.
    async fn step_to_decide(&self, id: i32) -> Option<i64> {
        let body = read_quotation(&self.approver, &self.base, id).await?;
        body["approvals"]
            .as_array()?
            .iter()
            .find(|step| step["can_decide"] == true)
            .and_then(|step| step["position"].as_i64())
    }
}

/// Sends a request that answers an id (or an optional one), reading the
/// whole answer; the id when the portal accepted it.
async fn id_of(request: reqwest::RequestBuilder) -> Option<i32> {
    let response = request.send().await.ok()?;
    if !response.status().is_success() {
        let _ = response.bytes().await;
        return None;
    }
    let id: Option<i64> = response.json().await.ok()?;
    id.map(|id| id as i32)
}
