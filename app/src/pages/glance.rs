//! The panel at the top of the customer's first page: how many open orders
//! are on track, at risk or late (the order list's badges, so the numbers
//! agree with the list below), what ships next and what waits for the
//! customer, each linking to its page. It loads with the page and does not
//! follow the live stream itself: each stream counts against a person's
//! limit, and the order list below already holds one.

use leptos::prelude::*;

use crate::api::orders::order_glance;
use crate::components::data::load;
use crate::components::guard::use_locale;
use crate::components::later::later;
use crate::domain::dates::LineBadge;
use crate::i18n::Locale;
use crate::pages::orders::badge_class;
use crate::wire::glance::{BadgeCounts, Glance, Sailing, WaitKind, WaitingView};

#[component]
pub fn CustomerGlance() -> impl IntoView {
    let locale = use_locale().get_untracked();
    let glance = load(|| (), |_| order_glance());
    view! {
        <section class="panel glance" id="customer-glance">
            <h2>{locale.t("glance-title")}</h2>
            <Transition fallback=move || view! { <p class="muted">{locale.t("glance-loading")}</p> }>
                {move || Suspend::new(async move {
                    match glance.await {
                        Ok(found) => later(move || view! { <div class="glance-body" inner_html=glance_markup(&found, locale) /> }).into_any(),
                        Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The glance's counts and lists, written as markup: the panel holds
/// nothing to wire up in the browser (its links are plain anchors the
/// router takes), and it is rendered on the server only.
fn glance_markup(glance: &Glance, locale: Locale) -> String {
    let Glance {
        counts,
        sailings,
        waiting,
        waiting_more,
    } = glance;
    maud::html! {
        (counts_markup(counts, locale))
        div.glance-columns {
            div {
                h3 { (locale.t("glance-ships-next")) }
                @if sailings.is_empty() {
                    p.muted #glance-no-sailings { (locale.t("glance-ships-none")) }
                } @else {
                    ul.glance-list #glance-sailings {
                        @for s in sailings { (sailing_item(s, locale)) }
                    }
                }
            }
            div {
                h3 { (locale.t("glance-waiting")) }
                @if waiting.is_empty() {
                    p.muted #glance-nothing-waiting { (locale.t("glance-waiting-none")) }
                } @else {
                    ul.glance-list #glance-waiting {
                        @for w in waiting { (waiting_item(w, locale)) }
                    }
                    @if *waiting_more > 0 {
                        p.muted #glance-waiting-more data-count=(waiting_more) {
                            (locale.t_with("glance-waiting-more", &[("count", (*waiting_more as u64).into())]))
                        }
                    }
                }
            }
        }
    }
    .into_string()
}

/// The open orders per badge. The list below filters only by "slipping or
/// overdue" as a whole, so the counts are not links.
fn counts_markup(counts: &BadgeCounts, locale: Locale) -> maud::Markup {
    let count = |id: &str, badge: LineBadge, n: usize| {
        maud::html! {
            li id=(id) data-count=(n) {
                span class=(badge_class(badge)) {
                    (locale.t_with(id, &[("count", (n as u64).into())]))
                }
            }
        }
    };
    maud::html! {
        ul.glance-counts {
            (count("glance-on-track", LineBadge::OnTrack, counts.on_track))
            (count("glance-at-risk", LineBadge::AtRisk, counts.at_risk))
            (count("glance-late", LineBadge::Late, counts.late))
        }
    }
}

fn sailing_item(sailing: &Sailing, locale: Locale) -> maud::Markup {
    let key = if sailing.departed {
        "glance-arrives"
    } else {
        "glance-departs"
    };
    let vessel = if sailing.vessel.trim().is_empty() {
        "—"
    } else {
        sailing.vessel.as_str()
    };
    let text = locale.t_with(
        key,
        &[
            ("number", sailing.order_number.as_str().into()),
            ("vessel", vessel.into()),
            ("date", locale.date_or_dash(Some(sailing.on)).into()),
        ],
    );
    maud::html! {
        li data-order=(sailing.order_number) {
            a href={ "/customer/orders/" (sailing.order_id) } { (text) }
        }
    }
}

fn waiting_item(item: &WaitingView, locale: Locale) -> maud::Markup {
    let (kind, key) = match item.kind {
        WaitKind::Quotation => ("quotation", "glance-wait-quotation"),
        WaitKind::CounterProposal => ("counter_proposal", "glance-wait-counter"),
        WaitKind::Remedy => ("remedy", "glance-wait-remedy"),
        WaitKind::Instalment => ("instalment", "glance-wait-instalment"),
        WaitKind::Document => ("document", "glance-wait-document"),
    };
    let text = locale.t_with(
        key,
        &[
            ("number", item.number.as_str().into()),
            ("name", item.name.as_deref().unwrap_or_default().into()),
        ],
    );
    let when = item.due.map(|due| {
        let key = if item.overdue {
            "glance-overdue"
        } else {
            "glance-due"
        };
        locale.t_with(key, &[("date", locale.date_or_dash(Some(due)).into())])
    });
    let class = if item.overdue {
        "glance-wait overdue"
    } else {
        "glance-wait"
    };
    maud::html! {
        li class=(class) data-kind=(kind) {
            a href=(item.path) { (text) }
            @if let Some(when) = when {
                " " span.muted.glance-when { (when) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn glance() -> Glance {
        Glance {
            counts: BadgeCounts {
                on_track: 1,
                at_risk: 0,
                late: 3,
            },
            sailings: vec![Sailing {
                order_id: 7,
                order_number: "SO-7".into(),
                vessel: "<b>Ever Given</b>".into(),
                departed: false,
                on: NaiveDate::from_ymd_opt(2026, 12, 9).unwrap(),
            }],
            waiting: vec![WaitingView {
                kind: WaitKind::Document,
                number: "SO-7".into(),
                name: Some("<script>x</script>.pdf".into()),
                due: NaiveDate::from_ymd_opt(2026, 12, 1),
                overdue: true,
                path: "/customer/orders/7?a=1&b=2".into(),
            }],
            waiting_more: 2,
        }
    }

    #[test]
    fn the_glance_counts_each_badge_with_its_own_id() {
        let html = glance_markup(&glance(), Locale::En);
        assert!(html.starts_with("<ul class=\"glance-counts\">"), "{html}");
        assert!(
            html.contains(
                "<li id=\"glance-on-track\" data-count=\"1\"><span class=\"badge badge-ok\">"
            ),
            "{html}"
        );
        assert!(
            html.contains(
                "<li id=\"glance-late\" data-count=\"3\"><span class=\"badge badge-late\">"
            ),
            "{html}"
        );
        assert!(
            html.contains("id=\"glance-waiting-more\" data-count=\"2\""),
            "{html}"
        );
    }

    #[test]
    fn the_glance_links_each_item_and_writes_its_text_escaped() {
        let html = glance_markup(&glance(), Locale::En);
        assert!(
            html.contains("<li data-order=\"SO-7\"><a href=\"/customer/orders/7\">"),
            "{html}"
        );
        assert!(html.contains("&lt;b&gt;Ever Given&lt;/b&gt;"), "{html}");
        assert!(
            html.contains("<li class=\"glance-wait overdue\" data-kind=\"document\"><a href=\"/customer/orders/7?a=1&amp;b=2\">"),
            "{html}"
        );
        assert!(
            html.contains("&lt;script&gt;x&lt;/script&gt;.pdf"),
            "{html}"
        );
        assert!(!html.contains("<script") && !html.contains("<b>"), "{html}");
        assert!(
            html.contains(" <span class=\"muted glance-when\">"),
            "{html}"
        );
    }

    #[test]
    fn an_empty_glance_says_nothing_ships_and_nothing_waits() {
        let html = glance_markup(&Glance::default(), Locale::En);
        assert!(html.contains("id=\"glance-no-sailings\""), "{html}");
        assert!(html.contains("id=\"glance-nothing-waiting\""), "{html}");
        assert!(!html.contains("glance-waiting-more"), "{html}");
    }
}
