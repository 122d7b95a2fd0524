//! The house's own pages, as routes apart from the others: the server and
//! the whole bundle know them, the partners' bundle does not
//! (`domain::bundles`). A page of the house's area reached inside the
//! partners' bundle is loaded anew, and comes with the whole bundle.

use leptos::prelude::*;
use leptos_router::any_nested_route::IntoAnyNestedRoute;

use crate::components::errors::NotFound;

#[cfg(feature = "house-pages")]
#[component(transparent)]
pub fn HouseRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    use crate::pages::areas::StaffHome;
    use crate::pages::changes::{ChangeDecisionPage, ChangeInboxPage};
    use crate::pages::complaints::{StaffComplaintPage, StaffComplaintsPage};
    use crate::pages::confirmation::StaffConfirmationPage;
    use crate::pages::mail::DeadLettersPage;
    use crate::pages::order_list::StaffOrdersPage;
    use crate::pages::orders::{NewOrderPage, StaffOrderPage};
    use crate::pages::people::{AdminHome, StaffPeople};
    use crate::pages::quotation::StaffQuotationPage;
    use crate::pages::quote_desk::{ApprovalsPage, StaffInquiriesPage, StaffInquiryPage};
    use crate::pages::supplier::{StaffPoLinePage, StaffProductionPage};
    use crate::pages::timeline::StaffTimelinePage;
    use crate::pages::workspace::{BoardPage, KpiPage};
    use leptos_router::{SsrMode, components::Route, path};
    view! {
        <Route path=path!("/staff/production") view=StaffProductionPage ssr=SsrMode::Async />
        <Route path=path!("/staff/po-lines/:id") view=StaffPoLinePage ssr=SsrMode::Async />
        <Route path=path!("/staff/orders") view=StaffOrdersPage ssr=SsrMode::Async />
        <Route path=path!("/staff/orders/new") view=NewOrderPage ssr=SsrMode::Async />
        <Route path=path!("/staff/orders/:id") view=StaffOrderPage ssr=SsrMode::Async />
        <Route path=path!("/staff/orders/:id/confirmation") view=StaffConfirmationPage ssr=SsrMode::Async />
        <Route path=path!("/staff/orders/:id/timeline") view=StaffTimelinePage ssr=SsrMode::Async />
        <Route path=path!("/staff") view=StaffHome ssr=SsrMode::Async />
        <Route path=path!("/staff/people") view=StaffPeople ssr=SsrMode::Async />
        <Route path=path!("/staff/mail") view=DeadLettersPage ssr=SsrMode::Async />
        <Route path=path!("/staff/changes") view=ChangeInboxPage ssr=SsrMode::Async />
        <Route path=path!("/staff/board") view=BoardPage ssr=SsrMode::Async />
        <Route path=path!("/staff/kpis") view=KpiPage ssr=SsrMode::Async />
        <Route path=path!("/staff/changes/:id") view=ChangeDecisionPage ssr=SsrMode::Async />
        <Route path=path!("/staff/inquiries") view=StaffInquiriesPage ssr=SsrMode::Async />
        <Route path=path!("/staff/inquiries/:id") view=StaffInquiryPage ssr=SsrMode::Async />
        <Route path=path!("/staff/quotations/:id") view=StaffQuotationPage ssr=SsrMode::Async />
        <Route path=path!("/staff/approvals") view=ApprovalsPage ssr=SsrMode::Async />
        <Route path=path!("/staff/complaints") view=StaffComplaintsPage ssr=SsrMode::Async />
        <Route path=path!("/staff/complaints/:id") view=StaffComplaintPage ssr=SsrMode::Async />
        <Route path=path!("/admin") view=AdminHome ssr=SsrMode::Async />
    }
    .into_inner()
    .into_any_nested_route()
}

/// No routes: the partners' bundle leaves the house's pages out.
#[cfg(not(feature = "house-pages"))]
#[component(transparent)]
pub fn HouseRoutes() -> impl leptos_router::MatchNestedRoutes + Clone {
    ().into_any_nested_route()
}

/// What an address no route knows shows. In the partners' bundle a page
/// of the house's area is loaded anew from the server instead, which sends
/// it with the whole bundle.
#[component]
pub fn RouteNotFound() -> impl IntoView {
    #[cfg(all(feature = "hydrate", not(feature = "house-pages")))]
    {
        let location = leptos_router::hooks::use_location();
        let path = location.pathname.get_untracked();
        if crate::domain::bundles::house_area(&path) {
            let search = location.search.get_untracked();
            let query = match search.as_str() {
                "" => String::new(),
                q if q.starts_with('?') => q.to_owned(),
                q => format!("?{q}"),
            };
            crate::components::forms::go_to(&format!("{path}{query}"));
        }
    }
    view! { <NotFound /> }
}
