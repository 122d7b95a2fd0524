//! After-sales complaints, in each area: the customer files one about a
//! shipped order and follows it, the house answers it within the two clocks,
//! passes it to the factory and proposes a remedy, the factory answers with
//! the root cause. One list and one complaint page serve all three; what the
//! viewer may do comes with the complaint (`steps`).

mod detail;
mod list;
mod photos;
mod steps;

use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::guard::{AreaGuard, use_locale};
use crate::components::local_time::LocalTime;
use crate::components::params::use_route_id;
use crate::domain::policy::Area;
use crate::i18n::Locale;
use crate::wire::complaints::ClockView;

use detail::ComplaintPage;
use list::ComplaintsPage;

/// Who looks at the complaints: it decides the links and the columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Viewer {
    Customer,
    House,
    Factory,
}

impl Viewer {
    /// Where the viewer's complaint pages live.
    pub(crate) fn base(self) -> &'static str {
        match self {
            Viewer::Customer => "/customer/complaints",
            Viewer::House => "/staff/complaints",
            Viewer::Factory => "/supplier/complaints",
        }
    }

    /// The order page a complaint's order links to, if the viewer has one.
    pub(crate) fn order_href(self, order_id: Option<i32>) -> Option<String> {
        let id = order_id?;
        match self {
            Viewer::Customer => Some(format!("/customer/orders/{id}")),
            Viewer::House => Some(format!("/staff/orders/{id}")),
            Viewer::Factory => None,
        }
    }

    /// The label of the reference column: the order, or for a factory its
    /// purchase order.
    pub(crate) fn reference_key(self) -> &'static str {
        match self {
            Viewer::Factory => "complaint-col-purchase-order",
            _ => "complaint-col-order",
        }
    }
}

#[component]
pub fn CustomerComplaintsPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("complaints-title") />
        <AreaGuard area=Some(Area::Customer)>
            <CustomerComplaints />
        </AreaGuard>
    }
}

/// The customer's complaints and the form to file one, as an island.
#[cfg_attr(complaint_islands, island)]
#[cfg_attr(not(complaint_islands), component)]
fn CustomerComplaints() -> impl IntoView {
    view! { <ComplaintsPage viewer=Viewer::Customer /> }
}

#[component]
pub fn StaffComplaintsPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("complaints-title") />
        <AreaGuard area=Some(Area::Staff)>
            <ComplaintsPage viewer=Viewer::House />
        </AreaGuard>
    }
}

#[component]
pub fn SupplierComplaintsPage() -> impl IntoView {
    let locale = use_locale().get_untracked();
    view! {
        <Title text=locale.t("complaints-title") />
        <AreaGuard area=Some(Area::Supplier)>
            <FactoryComplaints />
        </AreaGuard>
    }
}

/// The complaints about the factory's goods, as an island.
#[cfg_attr(complaint_islands, island)]
#[cfg_attr(not(complaint_islands), component)]
fn FactoryComplaints() -> impl IntoView {
    view! { <ComplaintsPage viewer=Viewer::Factory /> }
}

#[component]
pub fn CustomerComplaintPage() -> impl IntoView {
    let id = use_route_id();
    view! {
        <AreaGuard area=Some(Area::Customer)>
            // Anew for each complaint the route names.
            {move || view! { <CustomerComplaint id=id() /> }}
        </AreaGuard>
    }
}

/// One complaint, as an island.
#[cfg_attr(complaint_islands, island)]
#[cfg_attr(not(complaint_islands), component)]
fn CustomerComplaint(id: i32) -> impl IntoView {
    view! { <ComplaintPage viewer=Viewer::Customer id=move || id /> }
}

#[component]
pub fn StaffComplaintPage() -> impl IntoView {
    let id = use_route_id();
    view! {
        <AreaGuard area=Some(Area::Staff)>
            <ComplaintPage viewer=Viewer::House id />
        </AreaGuard>
    }
}

#[component]
pub fn SupplierComplaintPage() -> impl IntoView {
    let id = use_route_id();
    view! {
        <AreaGuard area=Some(Area::Supplier)>
            // Anew for each complaint the route names.
            {move || view! { <FactoryComplaint id=id() /> }}
        </AreaGuard>
    }
}

/// One complaint about the factory's goods, as an island.
#[cfg_attr(complaint_islands, island)]
#[cfg_attr(not(complaint_islands), component)]
fn FactoryComplaint(id: i32) -> impl IntoView {
    view! { <ComplaintPage viewer=Viewer::Factory id=move || id /> }
}

/// One clock: its state (the key takes `$minutes`) and when it is due,
/// styled by its level (running, due_soon, overdue, met, met_late).
#[component]
pub(crate) fn ClockBadge(
    clock: ClockView,
    locale: Locale,
    /// `first_answer` or `remedy`.
    which: &'static str,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    let ClockView {
        due,
        level,
        key,
        minutes,
    } = clock;
    let text = locale.t_with(
        &key,
        &[
            ("hours", (minutes / 60).into()),
            ("minutes", (minutes % 60).into()),
        ],
    );
    let due_label = locale.t("complaint-clock-due");
    view! {
        <span class="clock" id=id data-clock=which data-level=level>
            {text}" · "{due_label}" "<LocalTime at=due />
        </span>
    }
}

/// The complaint's status as a badge: `.complaint-status[data-status]`.
#[component]
pub(crate) fn ComplaintStatus(
    status: String,
    status_key: String,
    locale: Locale,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView {
    let text = locale.t(&status_key);
    view! { <span class="badge complaint-status" id=id data-status=status>{text}</span> }
}
