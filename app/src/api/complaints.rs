//! After-sales: customers file complaints about shipped orders; the house
//! answers within the clocks, passes them to the factory behind the line
//! and proposes a remedy; the customer accepts or declines it.

// Server functions take one argument per form field.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::ApiError;
use crate::wire::complaints::{
    ComplaintDetail, ComplaintInput, ComplaintList, ComplaintSettingsView,
};

/// Files a complaint about a shipped order, or one of its lines; returns
/// its id.
#[server(endpoint = "complaints/file", output = crate::wire::compact::Compact)]
pub async fn file_complaint(
    order_id: i32,
    #[server(default)] order_line_id: Option<i32>,
    #[server(default)] complaint: ComplaintInput,
) -> Result<i32, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::complaints::file(&state, &user, order_id, order_line_id, complaint).await
}

/// The complaints the viewer may see, open ones first, then the closed a
/// page at a time (`before`: the last closed one of the page before).
#[server(endpoint = "complaints/list", output = crate::wire::compact::Compact)]
pub async fn list_complaints(
    #[server(default)] before: Option<i32>,
) -> Result<ComplaintList, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::complaints::list(&state, &user, before).await
}

#[server(endpoint = "complaints/get", output = crate::wire::compact::Compact)]
pub async fn get_complaint(id: i32) -> Result<ComplaintDetail, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::complaints::get(&state, &user, id).await
}

/// One step of the complaint (`acknowledge`, `investigate`, `propose`,
/// `accept`, `decline`, `close`, `reopen`, `pass`, `answer`) with what the
/// step needs: a message, the remedy (kind, amount, its cost to the house)
/// or, for the factory, the root cause and corrective action.
#[server(endpoint = "complaints/step", output = crate::wire::compact::Compact)]
pub async fn complaint_step(
    id: i32,
    version: i32,
    step: String,
    #[server(default)] message: String,
    #[server(default)] remedy: String,
    #[server(default)] amount: String,
    #[server(default)] cost: String,
    #[server(default)] root_cause: String,
) -> Result<(), ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::complaints::step(
        &state,
        &user,
        id,
        version,
        crate::usecases::complaints::StepInput {
            step,
            message,
            remedy,
            amount,
            cost,
            root_cause,
        },
    )
    .await
}

/// The clocks' targets, the working hours they count in and the root
/// causes; every house person may read them.
#[server(endpoint = "complaints/settings", output = crate::wire::compact::Compact)]
pub async fn complaint_settings() -> Result<ComplaintSettingsView, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::complaints::settings::get(&state, &user).await
}

/// An administrator sets the targets (whole hours like `4`, or `1:30`) and
/// the working hours: the offset from UTC, the day's start and end, and the
/// working days ticked (`days[i]`, codes `mon` to `sun`).
#[server(endpoint = "complaints/save-settings", output = crate::wire::compact::Compact)]
pub async fn save_complaint_settings(
    #[server(default)] first_answer: String,
    #[server(default)] remedy: String,
    #[server(default)] zone_offset: String,
    #[server(default)] start: String,
    #[server(default)] end: String,
    #[server(default)] days: Vec<String>,
) -> Result<ComplaintSettingsView, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    let form = crate::wire::complaints::ComplaintSettingsForm {
        first_answer,
        remedy,
        zone_offset,
        start,
        end,
        days,
    };
    crate::usecases::complaints::settings::save(&state, &user, form).await
}

/// An administrator adds a root cause of the house's own to the list a
/// factory chooses from.
#[server(endpoint = "complaints/add-root-cause", output = crate::wire::compact::Compact)]
pub async fn add_root_cause(
    #[server(default)] label: String,
) -> Result<ComplaintSettingsView, ApiError> {
    let (state, user) = crate::ssr::signed_in()?;
    crate::usecases::complaints::settings::add_root_cause(&state, &user, label).await
}
