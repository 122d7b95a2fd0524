//! The factory's area, built for a phone: its open purchase-order lines (late
//! ones first) as cards, a per-line page to post progress with its history
//! and its QC photos and reports, and a bulk step for several lines of one
//! PO. Texts follow the person's language (English or Chinese). Staff see the
//! same lines read-only.

use crate::components::data::load;
use crate::components::form_action::{FormAction, PostForm};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::auth::SetLocale;
use crate::api::messages::get_messages;
use crate::api::progress::{
    BulkProgress, LIST_LIMIT, LIST_PAGE, PoLineView, PostProgress, ProgressEntry, get_po_line,
    list_po_lines,
};
use crate::api::shipping::{ShareFile, po_line_files};
use crate::components::forms::{FieldMessage, FormMessage, go_to, latest_error};
use crate::components::guard::{AreaGuard, use_locale};
use crate::components::later::later;
use crate::components::live::use_live_nudges;
use crate::components::local_time::LocalTime;
use crate::components::messages::{MessageThread, thread_data};
use crate::domain::messages::ThreadKind;
use crate::domain::policy::Area;
use crate::domain::progress::Milestone;
use crate::i18n::Locale;
use crate::pages::changes::FactoryChanges;
use crate::pages::shipping::LineFiles;
use crate::pages::workspace::OwnScorecard;

fn milestone_text(locale: Locale, milestone: Milestone) -> String {
    locale.t(&format!("milestone-{}", milestone.as_str()))
}

#[component]
pub fn SupplierHome() -> impl IntoView {
    let locale = use_locale();
    view! {
        <Title text=locale.get_untracked().t("supplier-title") />
        <AreaGuard area=Some(Area::Supplier)>
            <section class="panel supplier-area">
                <div class="heading-row">
                    <h1>{move || locale.get().t("supplier-title")}</h1>
                    <LanguageSwitch />
                </div>
                <p class="lead">{move || locale.get().t("supplier-intro")}</p>
                <FactoryChangesIsland />
                <OwnScorecard />
                <FactoryLines />
            </section>
        </AreaGuard>
    }
}

#[component]
pub fn StaffProductionPage() -> impl IntoView {
    let locale = use_locale();
    view! {
        <Title text=locale.get_untracked().t("supplier-production-page") />
        <AreaGuard area=Some(Area::Staff)>
            <section class="panel">
                <h1>{move || locale.get().t("supplier-production-title")}</h1>
                <LineList base="/staff/po-lines" can_report=false />
            </section>
        </AreaGuard>
    }
}

/// The change requests the factory is asked to acknowledge, as an island.
#[cfg_attr(factory_islands, island)]
#[cfg_attr(not(factory_islands), component)]
fn FactoryChangesIsland() -> impl IntoView {
    view! { <FactoryChanges /> }
}

/// The factory's own lines, as an island.
#[cfg_attr(factory_islands, island)]
#[cfg_attr(not(factory_islands), component)]
fn FactoryLines() -> impl IntoView {
    view! { <LineList base="/supplier/lines" can_report=true /> }
}

/// English | 中文: saves the choice with the person and reloads the page.
#[cfg_attr(factory_islands, island)]
#[cfg_attr(not(factory_islands), component)]
fn LanguageSwitch() -> impl IntoView {
    let locale = use_locale();
    let set = ServerAction::<SetLocale>::new();
    Effect::new(move |_| {
        if let Some(Ok(())) = set.value().get() {
            go_to(&window_path());
        }
    });
    view! {
        <div class="language-switch" role="group" aria-label=move || locale.get().t("supplier-language")>
            {Locale::ALL.into_iter().map(|l| view! {
                <button
                    type="button"
                    class="button secondary"
                    data-locale=l.as_str()
                    aria-pressed=move || (locale.get() == l).to_string()
                    on:click=move |_| { set.dispatch(SetLocale { locale: l.as_str().to_string() }); }
                >
                    {l.name()}
                </button>
            }).collect_view()}
        </div>
    }
}

fn window_path() -> String {
    #[cfg(feature = "hydrate")]
    {
        window()
            .location()
            .pathname()
            .unwrap_or_else(|_| "/".into())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        "/".into()
    }
}

#[component]
fn LineList(base: &'static str, can_report: bool) -> impl IntoView {
    let locale = use_locale();
    let show = RwSignal::new("open".to_string());
    let query = RwSignal::new(String::new());
    // How many lines are shown: a page at first, a page more per click;
    // back to one page when the filter or search changes.
    let shown = RwSignal::new(LIST_PAGE);
    let bulk = FormAction::<BulkProgress>::new();
    let bulk_error = latest_error(bulk.value());
    let lines = load(
        move || (show.get(), query.get(), shown.get(), bulk.version().get()),
        |(show, query, shown, _)| list_po_lines(Some(show), Some(query), Some(shown)),
    );
    let shows = ["open", "late", "stale", "done"];
    view! {
        <div class="filters">
            <label>
                {move || locale.get().t("supplier-show")}
                <select id="line-show" on:change=move |ev| {
                    shown.set(LIST_PAGE);
                    show.set(event_target_value(&ev));
                }>
                    {shows.into_iter().map(|s| view! {
                        <option value=s>{move || locale.get().t(&format!("supplier-show-{s}"))}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                {move || locale.get().t("supplier-search")}
                <input type="search" id="line-search" on:input=move |ev| {
                    shown.set(LIST_PAGE);
                    query.set(event_target_value(&ev));
                } />
            </label>
        </div>
        <PostForm action=bulk attr:id="bulk-form">
            <Transition fallback=move || view! { <p class="muted">{locale.get().t("supplier-loading")}</p> }>
                {move || Suspend::new(async move {
                    let locale = locale.get();
                    match lines.await {
                        Ok(list) if list.is_empty() => view! { <p class="muted">{locale.t("supplier-none")}</p> }.into_any(),
                        Ok(list) => {
                            let words = CardWords::new(locale);
                            // A full page may have more behind it.
                            let more = list.len() as u64 == shown.get_untracked()
                                && shown.get_untracked() < LIST_LIMIT;
                            later(move || view! {
                                <ul class="po-lines" id="po-lines" inner_html=line_cards(&list, base, can_report, &words) />
                                {more.then(|| view! {
                                    <button type="button" class="button secondary" id="lines-more"
                                        on:click=move |_| shown.update(|n| *n += LIST_PAGE)>
                                        {locale.t("supplier-more")}
                                    </button>
                                })}
                            }).into_any()
                        }
                        Err(e) => view! { <p class="form-error">{e.text(locale)}</p> }.into_any(),
                    }
                })}
            </Transition>
            {can_report.then(|| view! {
                <fieldset class="bulk">
                    <legend>{move || locale.get().t("supplier-bulk-title")}</legend>
                    <p class="muted">{move || locale.get().t("supplier-bulk-hint")}</p>
                    <label>
                        {move || locale.get().t("supplier-milestone")}
                        <select name="milestone" id="bulk-milestone">
                            {Milestone::ALL.into_iter().map(|m| view! {
                                <option value=m.as_str()>{move || milestone_text(locale.get(), m)}</option>
                            }).collect_view()}
                        </select>
                    </label>
                    <label>
                        {move || locale.get().t("supplier-note")}
                        <input type="text" name="note" />
                    </label>
                    <FieldMessage error=bulk_error field="line_ids" />
                    <FieldMessage error=bulk_error field="milestone" />
                    <FormMessage error=bulk_error fields=&["line_ids", "milestone"] />
                    {move || bulk.value().get().and_then(|r| r.ok()).map(|count| view! {
                        <p class="form-ok" role="status">{locale.get().t_with("supplier-bulk-done", &[("count", count.into())])}</p>
                    })}
                    <button type="submit" class="button">{move || locale.get().t("supplier-bulk-apply")}</button>
                </fieldset>
            })}
        </PostForm>
    }
}

/// The words every card repeats, looked up once per list rather than once
/// per card.
#[derive(Clone)]
struct CardWords {
    locale: Locale,
    late: String,
    factory: String,
    milestone: String,
    done: String,
    ready_by: String,
    forecast: String,
    update: String,
}

impl CardWords {
    fn new(locale: Locale) -> Self {
        Self {
            locale,
            late: locale.t("supplier-late"),
            factory: locale.t("supplier-factory"),
            milestone: locale.t("supplier-milestone"),
            done: locale.t("supplier-done"),
            ready_by: locale.t("supplier-ready-by"),
            forecast: locale.t("supplier-forecast"),
            update: locale.t("supplier-update"),
        }
    }
}

/// The lines as cards, written as markup: the list has nothing to wire up
/// in the browser (its boxes are read by the form, its links by the
/// router), so the island leaves it as the server wrote it and writes it
/// anew when the filter changes. Links are plain anchors.
fn line_cards(lines: &[PoLineView], base: &str, can_report: bool, words: &CardWords) -> String {
    let locale = words.locale;
    maud::html! {
        @for (index, line) in lines.iter().enumerate() {
            @let href = format!("{base}/{}", line.id);
            @let open = can_report && !line.closed;
            li.po-line-card.late[line.late] data-po-line=(line.id) {
                div.card-head {
                    @if open {
                        input type="checkbox" name={ "line_ids[" (index) "]" } value=(line.id)
                            aria-label={ (line.po_number) " " (line.line_no) };
                    }
                    a href=(href) {
                        strong {
                            (line.po_number) " · "
                            (locale.t_with("supplier-line", &[("line", line.line_no.into())]))
                        }
                    }
                    @if line.late {
                        span.badge.badge-late { (words.late) }
                    }
                    @if line.stale {
                        span.badge.badge-warn {
                            (locale.t_with("supplier-stale", &[("days", line.quiet_days.into())]))
                        }
                    }
                }
                p.product {
                    strong { (line.product_code) } " " span.muted { (line.description) }
                }
                @if let Some(name) = &line.supplier_name {
                    p.muted { (words.factory) ": " (name) }
                }
                dl.card-facts {
                    dt { (words.milestone) }
                    dd.milestone { (milestone_text(locale, line.milestone)) }
                    dt { (words.done) }
                    dd { (line.quantity_done) " / " (line.quantity) }
                    dt { (words.ready_by) }
                    dd { (line.committed_ready) }
                    dt { (words.forecast) }
                    dd.forecast { (locale.date_or_dash(line.forecast_ready)) }
                }
                @if open {
                    a.button.secondary.update-link href=(href) { (words.update) }
                }
            }
        }
    }
    .into_string()
}

#[component]
pub fn SupplierLinePage() -> impl IntoView {
    let locale = use_locale();
    let id = crate::components::params::use_route_id();
    let before = crate::components::params::use_query_number("before");
    view! {
        <Title text=locale.get_untracked().t("supplier-post-title") />
        <AreaGuard area=Some(Area::Supplier)>
            // Anew for each line and page of reports the address names.
            {move || view! { <FactoryLine id=id() before=before() /> }}
        </AreaGuard>
    }
}

#[component]
pub fn StaffPoLinePage() -> impl IntoView {
    let locale = use_locale();
    let id = crate::components::params::use_route_id();
    let before = crate::components::params::use_query_number("before");
    view! {
        <Title text=locale.get_untracked().t("supplier-production-line") />
        <AreaGuard area=Some(Area::Staff)>
            <LinePage id before back="/staff/production" lines="/staff/po-lines" can_report=false />
        </AreaGuard>
    }
}

/// The factory's page of one of its lines, as an island.
#[cfg_attr(line_islands, island)]
#[cfg_attr(not(line_islands), component)]
fn FactoryLine(id: i32, before: Option<i32>) -> impl IntoView {
    view! {
        <LinePage id=move || id before=move || before back="/supplier" lines="/supplier/lines" can_report=true />
    }
}

/// A line's page; `before` names where its page of reports starts (none:
/// the newest), `lines` where the pages of lines are.
#[component]
fn LinePage(
    id: impl Fn() -> i32 + Copy + Send + Sync + 'static,
    before: impl Fn() -> Option<i32> + Copy + Send + Sync + 'static,
    back: &'static str,
    lines: &'static str,
    can_report: bool,
) -> impl IntoView {
    let locale = use_locale();
    let post = FormAction::<PostProgress>::new();
    let error = latest_error(post.value());
    let detail = load(
        move || (id(), before(), post.version().get()),
        |(id, before, _)| get_po_line(id, before),
    );
    // The line's QC photos and reports; made here, outside the closure that
    // renders the line, like the line itself.
    let share = FormAction::<ShareFile>::new();
    let house = !can_report;
    let files = load(
        move || (id(), share.version().get()),
        |(id, _)| po_line_files(id),
    );
    // The purchase order's conversation, below the line and outside the
    // closure that renders it. The house's pages hear of a factory's message
    // on their live stream; a factory has no stream, so its page loads the
    // thread again after its own messages and when asked to check.
    // It learns the purchase order from the line the page has loaded.
    let tick = house.then(use_live_nudges);
    let thread = thread_data(id, tick, move |_| async move {
        let po = detail.await?.line.purchase_order_id;
        get_messages(ThreadKind::PurchaseOrder.as_str().to_string(), po).await
    });
    // A report made on a page of older reports shows where the newest are.
    Effect::new(move |_| {
        if before().is_some() && matches!(post.value().get(), Some(Ok(_))) {
            go_to(&format!("{lines}/{}", id()));
        }
    });
    view! {
        <p><a href=back>{move || locale.get().t("supplier-back")}</a></p>
        <Transition fallback=move || view! { <p class="muted">{locale.get().t("supplier-loading")}</p> }>
            {move || Suspend::new(async move {
                let locale = locale.get();
                match detail.await {
                    Err(e) => {
                        crate::components::errors::answer_with(&e);
                        view! { <section class="panel narrow"><p class="form-error">{e.text(locale)}</p></section> }.into_any()
                    }
                    Ok(detail) => {
                        let line = detail.line.clone();
                        view! {
                            <LineSummary line=line.clone() locale />
                            {(can_report && !line.closed).then(|| view! {
                                <section class="panel supplier-area">
                                    <h2>{locale.t("supplier-post-title")}</h2>
                                    <PostForm action=post attr:class="stack-form" attr:id="progress-form">
                                        <input type="hidden" name="id" value=line.id.to_string() />
                                        <input type="hidden" name="version" value=line.version.to_string() />
                                        <label>
                                            {locale.t("supplier-milestone")}
                                            <select name="milestone">
                                                {Milestone::ALL.into_iter().map(|m| view! {
                                                    <option value=m.as_str() selected=m == line.milestone>{milestone_text(locale, m)}</option>
                                                }).collect_view()}
                                            </select>
                                        </label>
                                        <FieldMessage error field="milestone" />
                                        <label>
                                            {locale.t("supplier-quantity-done")}
                                            <input type="number" inputmode="numeric" min="0" name="quantity_done" value=line.quantity_done.to_string() />
                                        </label>
                                        <FieldMessage error field="quantity_done" />
                                        <label>
                                            {locale.t("supplier-lot")}
                                            <input type="number" inputmode="numeric" min="1" name="lot_quantity" />
                                        </label>
                                        <FieldMessage error field="lot_quantity" />
                                        <label>
                                            {locale.t("supplier-new-forecast")}
                                            <input type="date" name="forecast" value=line.forecast_ready.map(|d| d.to_string()).unwrap_or_default() />
                                        </label>
                                        <FieldMessage error field="forecast" />
                                        <label>
                                            {locale.t("supplier-reason")}
                                            <input type="text" name="reason" />
                                        </label>
                                        <FieldMessage error field="reason" />
                                        <label>
                                            {locale.t("supplier-note")}
                                            <textarea name="note" rows="2"></textarea>
                                        </label>
                                        <FieldMessage error field="note" />
                                        <FormMessage error fields=&["milestone", "quantity_done", "lot_quantity", "forecast", "reason", "note"] />
                                        <button type="submit" class="button">{locale.t("supplier-post")}</button>
                                    </PostForm>
                                </section>
                            })}
                            <LineFiles line_id=line.id files share house locale />
                            <ProgressHistory
                                history=detail.history
                                older=detail.older
                                older_page=untrack(before).is_some()
                                path=format!("{lines}/{}", line.id)
                                quantity=line.quantity
                                locale
                            />
                        }.into_any()
                    }
                }
            })}
        </Transition>
        <MessageThread data=thread kind=ThreadKind::PurchaseOrder house live=house />
    }
}

/// The line's facts: product, milestone, quantities and dates.
#[component]
fn LineSummary(line: PoLineView, locale: Locale) -> impl IntoView {
    view! {
        <section class="panel supplier-area" data-po-line=line.id.to_string()>
            <h1>{format!("{} · {}", line.po_number, locale.t_with("supplier-line", &[("line", line.line_no.into())]))}</h1>
            <p class="product"><strong>{line.product_code.clone()}</strong>" " {line.description.clone()}</p>
            <dl class="card-facts">
                <dt>{locale.t("supplier-milestone")}</dt><dd id="line-milestone">{milestone_text(locale, line.milestone)}</dd>
                <dt>{locale.t("supplier-done")}</dt><dd>{format!("{} / {}", line.quantity_done, line.quantity)}</dd>
                <dt>{locale.t("supplier-committed")}</dt><dd>{line.committed_ready.to_string()}</dd>
                <dt>{locale.t("supplier-forecast")}</dt><dd id="line-forecast">{locale.date_or_dash(line.forecast_ready)}</dd>
            </dl>
            {line.closed.then(|| view! { <p class="muted">{locale.t("supplier-closed")}</p> })}
        </section>
    }
}

/// One page of a line's reports, with the way to the older ones and, on an
/// older page, back to the newest; `path` is the line's page.
#[component]
fn ProgressHistory(
    history: Vec<ProgressEntry>,
    older: Option<i32>,
    older_page: bool,
    path: String,
    quantity: i64,
    locale: Locale,
) -> impl IntoView {
    let newest = path.clone();
    view! {
        <section class="panel supplier-area">
            <h2>{locale.t("supplier-history")}</h2>
            {older_page.then(|| view! {
                <p class="muted" id="history-older-page">{locale.t("supplier-history-older-page")}</p>
            })}
            {if history.is_empty() {
                view! { <p class="muted">{locale.t("supplier-history-empty")}</p> }.into_any()
            } else {
                view! {
                    <ol class="timeline" id="progress-history">
                        {history.into_iter().map(|h| view! {
                            <li>
                                <LocalTime at=h.at />
                                " " <strong>{milestone_text(locale, h.milestone)}</strong>
                                {format!(" · {} / {}", h.quantity_done, quantity)}
                                {h.lot_quantity.map(|lot| format!(" · {}", locale.t_with("supplier-history-lot", &[("quantity", lot.into())])))}
                                {h.forecast_ready.map(|d| format!(" · {} {d}", locale.t("supplier-forecast")))}
                                {h.who.map(|who| view! { <span class="muted">" · "{who}</span> })}
                                {h.reason.map(|r| view! { <p class="muted">{r}</p> })}
                                {h.note.map(|n| view! { <p class="muted">{n}</p> })}
                            </li>
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            <p class="history-pages">
                {older.map(|id| view! {
                    <a id="history-older" href=format!("{path}?before={id}")>{locale.t("supplier-history-older")}</a>
                })}
                {older_page.then(|| view! {
                    " " <a id="history-newest" href=newest>{locale.t("supplier-history-newest")}</a>
                })}
            </p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn line(po_number: &str, description: &str, closed: bool) -> PoLineView {
        PoLineView {
            id: 7,
            purchase_order_id: 3,
            po_number: po_number.into(),
            line_no: 2,
            product_code: "MUG-1".into(),
            description: description.into(),
            quantity: 1000,
            quantity_done: 250,
            milestone: Milestone::InProduction,
            committed_ready: NaiveDate::from_ymd_opt(2026, 12, 19).unwrap(),
            forecast_ready: None,
            late: true,
            stale: false,
            quiet_days: 0,
            closed,
            version: 1,
            supplier_name: None,
        }
    }

    #[test]
    fn a_card_writes_what_it_shows_escaped_in_text_and_attributes() {
        let words = CardWords::new(Locale::En);
        let hostile = line("PO-\"1\"", "<img src=x onerror=alert(1)> & more", false);
        let html = line_cards(&[hostile], "/supplier/lines", true, &words);
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt; &amp; more"),
            "{html}"
        );
        assert!(html.contains("aria-label=\"PO-&quot;1&quot; 2\""), "{html}");
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn a_card_offers_its_box_and_update_link_only_while_it_may_be_reported_on() {
        let words = CardWords::new(Locale::En);
        let cards = [line("PO-1", "Mug", false), line("PO-2", "Mug", true)];
        let html = line_cards(&cards, "/supplier/lines", true, &words);
        assert_eq!(html.matches("<li class=\"po-line-card late\"").count(), 2);
        assert_eq!(html.matches("name=\"line_ids[0]\"").count(), 1);
        assert!(!html.contains("line_ids[1]"), "{html}");
        assert_eq!(html.matches("update-link").count(), 1);
        assert!(
            html.contains("<dd>250 / 1000</dd><dt>Ready by</dt><dd>2026-12-19</dd>"),
            "{html}"
        );
        // The house reads the same cards and reports on none.
        let house = line_cards(&cards, "/staff/po-lines", false, &words);
        assert!(
            !house.contains("checkbox") && !house.contains("update-link"),
            "{house}"
        );
        assert!(house.contains("href=\"/staff/po-lines/7\""), "{house}");
    }
}
