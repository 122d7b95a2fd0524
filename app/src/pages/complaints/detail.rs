//! One complaint as the viewer may see it: its facts and both clocks, its
//! photos and reports, the remedy the house proposed, the factory's root
//! cause and corrective action, a form for each step the viewer may take
//! now, and the thread. It loads again after each step, after a file is
//! shared, and on the live tick.

use crate::components::form_action::FormAction;
use leptos::prelude::*;

use crate::components::errors::RecordMissing;
use leptos_meta::Title;

use super::photos::ComplaintFiles;
use super::steps::StepsPanel;
use super::{ClockBadge, ComplaintStatus, Viewer};
use crate::api::complaints::{ComplaintStep, get_complaint};
use crate::api::shipping::ShareFile;
use crate::components::data::load;
use crate::components::guard::use_locale;
use crate::components::live::use_live_tick;
use crate::components::local_time::LocalTime;
use crate::i18n::Locale;
use crate::wire::complaints::{ComplaintDetail, ComplaintEntryView};

#[component]
pub(crate) fn ComplaintPage(
    viewer: Viewer,
    id: impl Fn() -> i32 + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let locale = use_locale().get_untracked();
    let tick = use_live_tick(None);
    // Made here, not in the forms: they are rebuilt each time the complaint
    // loads, and an answer must still reach the page.
    let step = FormAction::<ComplaintStep>::new();
    let share = FormAction::<ShareFile>::new();
    // Only a step that went through loads the complaint again, so a refused
    // one keeps what was typed next to its errors.
    let refresh = RwSignal::new(0u64);
    Effect::new(move |_| {
        if matches!(step.value().get(), Some(Ok(()))) {
            refresh.update(|n| *n += 1);
        }
    });
    // The step submitted last: its form alone shows the errors.
    let last_step = RwSignal::new(String::new());
    Effect::new(move |_| {
        if let Some(name) = step.sent_field("step") {
            last_step.set(name);
        }
    });
    let complaint = load(
        move || (id(), tick.get(), refresh.get(), share.version().get()),
        |(id, _, _, _)| get_complaint(id),
    );
    view! {
        <p><a href=viewer.base()>{locale.t("complaint-back")}</a></p>
        <Transition fallback=move || view! { <p class="muted">{locale.t("complaints-loading")}</p> }>
            {move || Suspend::new(async move {
                match complaint.await {
                    Ok(detail) => view! { <ComplaintView detail viewer step share last_step locale /> }.into_any(),
                    Err(e) => {
                        view! { <RecordMissing error=e heading="complaint-not-found" /> }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn ComplaintView(
    detail: ComplaintDetail,
    viewer: Viewer,
    step: FormAction<ComplaintStep>,
    share: FormAction<ShareFile>,
    last_step: RwSignal<String>,
    locale: Locale,
) -> impl IntoView {
    let title = detail.number.clone();
    let remedy_currency = detail.currency.clone();
    let step_currency = detail.currency.clone();
    view! {
        <Title text=title />
        <ComplaintFacts detail=detail.clone() viewer locale />
        <ComplaintFiles
            id=detail.id
            files=detail.files.clone()
            can_attach=detail.can_attach
            viewer
            share
            locale
        />
        <ProposedRemedy
            kind_key=detail.remedy_kind_key.clone()
            text=detail.remedy_text.clone()
            amount=detail.remedy_amount.clone()
            currency=remedy_currency
            locale
        />
        <FactoryAnswer
            root_cause=detail.root_cause_key.clone()
            corrective_action=detail.corrective_action.clone()
            locale
        />
        <StepsPanel
            id=detail.id
            version=detail.version
            steps=detail.steps.clone()
            root_causes=detail.root_causes.clone()
            currency=step_currency
            action=step
            last_step
            locale
        />
        <ComplaintThread entries=detail.entries.clone() locale />
    }
}

/// Number, status, clocks and what the complaint is about.
#[component]
fn ComplaintFacts(detail: ComplaintDetail, viewer: Viewer, locale: Locale) -> impl IntoView {
    let ComplaintDetail {
        id,
        number,
        order_id,
        reference,
        line,
        category_key,
        description,
        quantity_affected,
        remedy_asked_key,
        amount_asked,
        currency,
        status,
        status_key,
        first_answer,
        remedy,
        factory_name,
        ..
    } = detail;
    let heading = locale.t_with("complaint-page-title", &[("number", number.into())]);
    let reference_view = match viewer.order_href(order_id) {
        Some(href) => view! { <a href=href id="complaint-order-link">{reference}</a> }.into_any(),
        None => view! { <span>{reference}</span> }.into_any(),
    };
    let asked = match amount_asked {
        Some(amount) => format!("{} · {amount} {currency}", locale.t(&remedy_asked_key)),
        None => locale.t(&remedy_asked_key),
    };
    let category = locale.t(&category_key);
    let panel_class = if viewer == Viewer::Factory {
        "panel complaint supplier-area"
    } else {
        "panel complaint"
    };
    view! {
        <section class=panel_class data-complaint=id.to_string()>
            <div class="heading-row">
                <h1>{heading}</h1>
                <ComplaintStatus status status_key locale id="complaint-status" />
            </div>
            <dl class="facts clocks">
                <dt>{locale.t("complaint-fact-first-answer")}</dt>
                <dd><ClockBadge clock=first_answer locale which="first_answer" id="first-answer-clock" /></dd>
                <dt>{locale.t("complaint-fact-remedy-clock")}</dt>
                <dd><ClockBadge clock=remedy locale which="remedy" id="remedy-clock" /></dd>
            </dl>
            <dl class="facts">
                <dt>{locale.t(viewer.reference_key())}</dt>
                <dd id="complaint-reference">{reference_view}</dd>
                {line.map(|line| view! {
                    <dt>{locale.t("complaint-fact-line")}</dt>
                    <dd id="complaint-line">{line}</dd>
                })}
                <dt>{locale.t("complaint-fact-category")}</dt>
                <dd id="complaint-category">{category}</dd>
                <dt>{locale.t("complaint-fact-quantity")}</dt>
                <dd id="complaint-quantity">{quantity_affected.to_string()}</dd>
                <dt>{locale.t("complaint-fact-asked")}</dt>
                <dd id="complaint-asked">{asked}</dd>
                {factory_name.map(|name| view! {
                    <dt>{locale.t("complaint-fact-factory")}</dt>
                    <dd id="complaint-factory">{name}</dd>
                })}
            </dl>
            <h2>{locale.t("complaint-fact-description")}</h2>
            <p class="complaint-description" id="complaint-description">{description}</p>
        </section>
    }
}

/// `#proposed-remedy`: what the house offers, once it has.
#[component]
fn ProposedRemedy(
    kind_key: Option<String>,
    text: Option<String>,
    amount: Option<String>,
    currency: String,
    locale: Locale,
) -> impl IntoView {
    let amount = amount.map(|a| format!("{a} {currency}"));
    kind_key.map(move |kind| {
        view! {
            <section class="panel" id="proposed-remedy">
                <h2>{locale.t("complaint-proposed-title")}</h2>
                <p>
                    <strong class="remedy-kind">{locale.t(&kind)}</strong>
                    {amount.map(|a| view! { " · " <span class="remedy-amount">{a}</span> })}
                </p>
                {text.map(|t| view! { <p class="remedy-text">{t}</p> })}
            </section>
        }
    })
}

/// `#root-cause`: the factory's answer, when there is one (the house and
/// the factory only).
#[component]
fn FactoryAnswer(
    root_cause: Option<String>,
    corrective_action: Option<String>,
    locale: Locale,
) -> impl IntoView {
    let shown = root_cause.is_some() || corrective_action.is_some();
    shown.then(move || {
        view! {
            <section class="panel" id="root-cause">
                <h2>{locale.t("complaint-root-cause-title")}</h2>
                <dl class="facts">
                    {root_cause.map(|key| view! {
                        <dt>{locale.t("complaint-fact-root-cause")}</dt>
                        <dd class="root-cause">{locale.t(&key)}</dd>
                    })}
                    {corrective_action.map(|action| view! {
                        <dt>{locale.t("complaint-fact-corrective-action")}</dt>
                        <dd class="corrective-action">{action}</dd>
                    })}
                </dl>
            </section>
        }
    })
}

/// `ol#complaint-thread`: what each side said and did, oldest first.
#[component]
fn ComplaintThread(entries: Vec<ComplaintEntryView>, locale: Locale) -> impl IntoView {
    let empty = entries.is_empty();
    view! {
        <section class="panel">
            <h2>{locale.t("complaint-thread-title")}</h2>
            <ol class="timeline complaint-thread" id="complaint-thread">
                {entries.into_iter().map(|entry| view! { <ThreadEntry entry locale /> }).collect_view()}
            </ol>
            {empty.then(|| view! { <p class="muted">{locale.t("complaint-thread-empty")}</p> })}
        </section>
    }
}

#[component]
fn ThreadEntry(entry: ComplaintEntryView, locale: Locale) -> impl IntoView {
    let ComplaintEntryView {
        side,
        kind_key,
        body,
        at,
        who,
    } = entry;
    let side_label = locale.t(&format!("complaint-thread-side-{side}"));
    let kind = locale.t(&kind_key);
    let body = (!body.is_empty()).then_some(body);
    view! {
        <li data-side=side>
            <LocalTime at=at />
            " " <strong class="entry-kind">{kind}</strong>
            <span class="muted entry-side">{format!(" · {side_label}")}</span>
            {who.map(|who| view! { <span class="muted entry-who">{format!(" · {who}")}</span> })}
            {body.map(|body| view! { <p class="entry-body">{body}</p> })}
        </li>
    }
}
