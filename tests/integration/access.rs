//! The access matrix: every endpoint that reads or writes tenant data, tried by
//! every role against records it must not touch. Each refusal must be a 401,
//! 403 or 404 and must not contain the other tenant's data. To cover a new
//! endpoint, add one `Probe` line to `probes()` (records the cast does not
//! create go into `World`). The plain routes (downloads, the live stream)
//! are tried in `access_routes`.

use app::domain::account::Role;
use integration_tests::people::{Cast, PASSWORD, create_cast};
use integration_tests::{TestApp, new_client, spawn_app};

/// The cast, plus the records of another tenant that the cast does not
/// create: a change request of customer B's, and a change supplier B is asked
/// to acknowledge. Probes read the cast's fields through it.
pub(crate) struct World {
    cast: Cast,
    /// Customer B's open change request on its order.
    change_b: i32,
    /// A change to supplier B's PO line (PO-B-1), not yet acknowledged.
    po_change_b: i32,
    /// Customer B's inquiry, and the quotation sent for it (made by
    /// supplier B).
    inquiry_b: i32,
    quote_b: i32,
    /// A file on customer B's order, shared with customer B.
    pub(crate) file_b: i32,
    /// Customer B's complaint about its order, passed to supplier B.
    complaint_b: i32,
    /// The purchase orders of supplier A's line (PO-A-1, filling order A)
    /// and supplier B's (PO-B-1); each has a message from the house, as
    /// has customer B's order.
    po_a: i32,
    po_b: i32,
    /// Customer B's buyer's notification of the house's message.
    notice_b: i32,
    /// The session customer B's buyer signed in with.
    session_b: i32,
}

impl std::ops::Deref for World {
    type Target = Cast;

    fn deref(&self) -> &Cast {
        &self.cast
    }
}

pub(crate) async fn world(app: &TestApp) -> World {
    let cast = create_cast(app).await;
    let buyer_b = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    let (status, body) = app
        .call(
            &buyer_b,
            "changes/request",
            &[
                ("order_id", &cast.order_b.to_string()),
                ("version", "1"),
                ("ship_to", "Another warehouse of customer B"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let change_b = body.as_i64().expect("a change request id") as i32;
    // Customer A has line 2 of order A re-specified; supplier B makes it.
    let buyer_a = app.client_for(&cast.customer.email, PASSWORD).await;
    let order_id = cast.order_a.to_string();
    let (status, order_a) = app.call(&buyer_a, "orders/get", &[("id", &order_id)]).await;
    assert_eq!(status, 200, "{order_a}");
    let line_2 = &order_a["lines"][1];
    let (status, body) = app
        .call(
            &buyer_a,
            "changes/request",
            &[
                ("order_id", &order_id),
                ("version", &order_a["version"].to_string()),
                ("ship_to", order_a["ship_to"].as_str().unwrap()),
                ("lines[0][line_no]", "2"),
                ("lines[0][quantity]", &line_2["quantity"].to_string()),
                ("lines[0][description]", "Test product, blue glaze"),
                ("lines[0][requested]", line_2["requested"].as_str().unwrap()),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let (status, body) = app
        .call(
            &staff,
            "changes/decide",
            &[("id", &body.to_string()), ("decision", "approve")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let factory_b = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;
    let (status, changes) = app.call(&factory_b, "changes/factory", &[]).await;
    assert_eq!(status, 200, "{changes}");
    let po_change_b = changes[0]["id"].as_i64().expect("a change for supplier B") as i32;
    let (inquiry_b, quote_b) = quotation_of_b(app, &cast, &buyer_b, &staff).await;
    let file_b = crate::glance::shared_file(
        app,
        (cast.customer_b, cast.order_b),
        "SECRET-B-CONTRACT.pdf",
        app.state.now(),
    )
    .await;
    let complaint_b = complaint_of_b(app, &cast).await;
    let (po_a, po_b) = conversations(app, &cast, &staff).await;
    let notice_b = notice_of(app, cast.customer_b_user.id).await;
    let session_b = session_of(app, cast.customer_b_user.id).await;
    World {
        cast,
        change_b,
        po_change_b,
        inquiry_b,
        quote_b,
        file_b,
        complaint_b,
        po_a,
        po_b,
        notice_b,
        session_b,
    }
}

/// The newest session of one person.
async fn session_of(app: &TestApp, user_id: i32) -> i32 {
    use app::ssr::entities::session;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    session::Entity::find()
        .filter(session::Column::UserId.eq(user_id))
        .order_by_desc(session::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .expect("customer B's buyer is signed in")
        .id
}

/// The newest notification of one person.
async fn notice_of(app: &TestApp, user_id: i32) -> i32 {
    use app::ssr::entities::notification;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    notification::Entity::find()
        .filter(notification::Column::UserId.eq(user_id))
        .one(&app.db)
        .await
        .unwrap()
        .expect("customer B's buyer was told of the house's message")
        .id
}

/// The purchase orders of supplier A's and supplier B's lines; the house
/// writes on customer B's order and on supplier B's purchase order.
async fn conversations(app: &TestApp, cast: &Cast, staff: &reqwest::Client) -> (i32, i32) {
    use app::ssr::entities::po_line;
    use sea_orm::EntityTrait;
    let po_of = async |line: i32| {
        po_line::Entity::find_by_id(line)
            .one(&app.db)
            .await
            .unwrap()
            .expect("the cast's line")
            .purchase_order_id
    };
    let (po_a, po_b) = (po_of(cast.po_line_a).await, po_of(cast.po_line_b).await);
    for (kind, id, body) in [
        ("order", cast.order_b, "About SO-B-1: the secret glaze"),
        ("purchase_order", po_b, "About PO-B-1: the secret price"),
    ] {
        let (status, answer) = app
            .call(
                staff,
                "messages/post",
                &[("kind", kind), ("id", &id.to_string()), ("body", body)],
            )
            .await;
        assert_eq!(status, 200, "{answer}");
    }
    (po_a, po_b)
}

/// Customer B asks, sales quote with supplier B, an admin approves, and the
/// quotation is sent.
async fn quotation_of_b(
    app: &TestApp,
    cast: &Cast,
    buyer_b: &reqwest::Client,
    staff: &reqwest::Client,
) -> (i32, i32) {
    use integration_tests::quotes;
    let inquiry = quotes::inquire(app, buyer_b, "Customer B's secret mug").await;
    let quote = quotes::cost(app, staff, inquiry, cast.supplier_b, "8.00", "10.00", "30").await;
    assert_eq!(quotes::step(app, staff, quote, "submit").await.0, 200);
    let admin = app.client_for(&cast.admin.email, PASSWORD).await;
    assert_eq!(quotes::decide(app, &admin, quote, 1, true, "").await.0, 200);
    assert_eq!(quotes::step(app, staff, quote, "send").await.0, 200);
    (inquiry, quote)
}

/// One attempt: a server function with fields, built from the world.
pub(crate) struct Probe {
    name: &'static str,
    pub(crate) endpoint: &'static str,
    fields: fn(&World) -> Vec<(&'static str, String)>,
    /// The roles that may legitimately do this.
    allowed: &'static [Role],
}

/// Customer B's complaint (set up directly: what matters is who may act on
/// it), passed to supplier B.
async fn complaint_of_b(app: &TestApp, cast: &Cast) -> i32 {
    use sea_orm::{ActiveModelTrait, Set};
    let now = chrono::Utc::now();
    let buyer_b = app::ssr::repo::users::find_by_email(
        &app.db,
        &app::domain::account::Email::parse(&cast.customer_b_user.email).unwrap(),
    )
    .await
    .unwrap()
    .unwrap();
    app::ssr::entities::complaint::ActiveModel {
        number: Set("C-SECRET-B".into()),
        order_id: Set(cast.order_b),
        order_line_id: Set(None),
        customer_company_id: Set(cast.customer_b),
        filed_by: Set(buyer_b.id),
        owner_id: Set(None),
        category: Set("quality".into()),
        description: Set("Customer B's secret mug is cracked.".into()),
        quantity_affected: Set(1),
        remedy_asked: Set("replacement".into()),
        amount_asked_minor: Set(None),
        currency: Set("EUR".into()),
        status: Set("investigating".into()),
        factory_company_id: Set(Some(cast.supplier_b)),
        passed_at: Set(Some(now)),
        first_answer_due: Set(now),
        first_answered_at: Set(Some(now)),
        remedy_due: Set(now),
        first_notice: Set(0),
        remedy_notice: Set(0),
        reopened: Set(0),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap()
    .id
}

pub(crate) fn probes() -> Vec<Probe> {
    vec![
        Probe {
            name: "list one's own sessions",
            endpoint: "sessions/list",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "end another person's session",
            endpoint: "sessions/end",
            fields: |c| vec![("id", c.session_b.to_string())],
            allowed: &[],
        },
        Probe {
            name: "end one's own other sessions",
            endpoint: "sessions/end-others",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "list new outside accounts",
            endpoint: "admin/new-accounts",
            fields: |_| vec![],
            allowed: &[Role::Admin],
        },
        Probe {
            name: "read the audit log",
            endpoint: "admin/audit-log",
            fields: |_| vec![("kind", "login_succeeded".into())],
            allowed: &[Role::Admin],
        },
        Probe {
            name: "open another person's notification",
            endpoint: "notifications/open",
            fields: |c| vec![("id", c.notice_b.to_string())],
            allowed: &[],
        },
        Probe {
            name: "list one's own notifications",
            endpoint: "notifications/list",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "count one's own unread notifications",
            endpoint: "notifications/unread",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "mark one's own notifications read",
            endpoint: "notifications/read-all",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "list people",
            endpoint: "admin/people",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "invite into another customer",
            endpoint: "admin/invite",
            fields: |c| {
                vec![
                    ("company_id", c.customer_b.to_string()),
                    ("email", "probe@b.test".into()),
                    ("display_name", "Probe".into()),
                    ("role", "customer".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "invite into another supplier",
            endpoint: "admin/invite",
            fields: |c| {
                vec![
                    ("company_id", c.supplier_b.to_string()),
                    ("email", "probe2@b.test".into()),
                    ("display_name", "Probe".into()),
                    ("role", "supplier".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "invite staff into the house",
            endpoint: "admin/invite",
            fields: |c| {
                vec![
                    ("company_id", c.house.to_string()),
                    ("email", "probe3@house.test".into()),
                    ("display_name", "Probe".into()),
                    ("role", "staff".into()),
                ]
            },
            allowed: &[Role::Admin],
        },
        Probe {
            name: "deactivate another customer's user",
            endpoint: "admin/deactivate",
            fields: |c| vec![("user_id", c.customer_b_user.id.to_string())],
            allowed: &[Role::Admin],
        },
        Probe {
            name: "deactivate another supplier's user",
            endpoint: "admin/deactivate",
            fields: |c| vec![("user_id", c.supplier_b_user.id.to_string())],
            allowed: &[Role::Admin],
        },
        Probe {
            name: "read another customer's order",
            endpoint: "orders/get",
            fields: |c| vec![("id", c.order_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "read the timeline of another customer's order",
            endpoint: "orders/timeline",
            fields: |c| vec![("id", c.order_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "read the timeline of company A's order",
            endpoint: "orders/timeline",
            fields: |c| vec![("id", c.order_a.to_string())],
            allowed: &[Role::Admin, Role::Staff, Role::Customer],
        },
        Probe {
            name: "move another customer's order",
            endpoint: "orders/move",
            fields: |c| {
                vec![
                    ("id", c.order_b.to_string()),
                    ("to", "cancelled".into()),
                    ("version", "1".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "list orders",
            endpoint: "orders/list",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Customer],
        },
        // The glance sums up the customer's own company; the house has its
        // at-risk board and order book instead, and factories see no sales
        // orders: both are refused.
        Probe {
            name: "customer's glance",
            endpoint: "orders/glance",
            fields: |_| vec![],
            allowed: &[Role::Customer],
        },
        Probe {
            name: "list customers",
            endpoint: "orders/customers",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "edit another customer's order",
            endpoint: "orders/update",
            fields: |c| {
                vec![
                    ("id", c.order_b.to_string()),
                    ("version", "1".into()),
                    ("currency", "EUR".into()),
                    ("incoterm", "FOB".into()),
                    ("payment_terms", "60 days".into()),
                    ("ship_to", "Elsewhere".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "place a purchase order",
            endpoint: "orders/place-po",
            fields: |c| {
                vec![
                    ("order_id", c.order_b.to_string()),
                    ("version", "1".into()),
                    ("supplier_id", c.supplier_b.to_string()),
                    ("ready_by", "2099-01-01".into()),
                    ("line_nos[0]", "1".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "read another customer's shipments, documents and schedule",
            endpoint: "shipping/get",
            fields: |c| vec![("order_id", c.order_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "plan a shipment",
            endpoint: "shipping/plan",
            fields: |c| {
                vec![
                    ("order_id", c.order_b.to_string()),
                    ("version", "1".into()),
                    ("shipment[carrier]", "Carrier".into()),
                    ("shipment[vessel]", "Vessel".into()),
                    ("shipment[etd]", "2027-01-01".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "change a shipment",
            endpoint: "shipping/update",
            fields: |c| {
                vec![
                    ("order_id", c.order_b.to_string()),
                    ("version", "1".into()),
                    ("shipment_id", "1".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "move a shipment through customs",
            endpoint: "shipping/customs",
            fields: |c| {
                vec![
                    ("order_id", c.order_b.to_string()),
                    ("version", "1".into()),
                    ("shipment_id", "1".into()),
                    ("status", "declared".into()),
                    ("on", "2026-01-01".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "mark a shipment departed",
            endpoint: "shipping/depart",
            fields: |c| {
                vec![
                    ("order_id", c.order_b.to_string()),
                    ("version", "1".into()),
                    ("shipment_id", "1".into()),
                    ("atd", "2026-01-01".into()),
                    ("override_reason", "because".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "mark a shipment arrived",
            endpoint: "shipping/arrive",
            fields: |c| {
                vec![
                    ("order_id", c.order_b.to_string()),
                    ("version", "1".into()),
                    ("shipment_id", "1".into()),
                    ("ata", "2026-01-01".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "make a document",
            endpoint: "shipping/generate",
            fields: |c| {
                vec![
                    ("order_id", c.order_b.to_string()),
                    ("version", "1".into()),
                    ("kind", "proforma_invoice".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "move a document of the checklist",
            endpoint: "shipping/document",
            fields: |c| {
                vec![
                    ("order_id", c.order_b.to_string()),
                    ("version", "99".into()),
                    ("document_id", "1".into()),
                    ("state", "sent".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "share another customer's file",
            endpoint: "files/share",
            fields: |c| {
                vec![
                    ("file_id", c.file_b.to_string()),
                    ("shared", "false".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "list the files of another factory's line",
            endpoint: "files/po-line",
            fields: |c| vec![("po_line_id", c.po_line_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "record a letter of credit",
            endpoint: "shipping/lc",
            fields: |c| {
                vec![
                    ("order_id", c.order_b.to_string()),
                    ("version", "1".into()),
                    ("lc[number]", "LC-1".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "record a presentation to the bank",
            endpoint: "shipping/presented",
            fields: |c| {
                vec![
                    ("order_id", c.order_b.to_string()),
                    ("version", "99".into()),
                    ("presented_on", "2026-01-01".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "file a complaint about another customer's order",
            endpoint: "complaints/file",
            fields: |c| {
                vec![
                    ("order_id", c.order_b.to_string()),
                    ("complaint[category]", "quality".into()),
                    ("complaint[description]", "Something is wrong here.".into()),
                    ("complaint[quantity]", "1".into()),
                    ("complaint[remedy]", "replacement".into()),
                ]
            },
            allowed: &[],
        },
        Probe {
            // Each side sees its own complaints on it (tested below).
            name: "list complaints",
            endpoint: "complaints/list",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "page on from another customer's complaint",
            endpoint: "complaints/list",
            fields: |c| vec![("before", c.complaint_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "read another customer's complaint",
            endpoint: "complaints/get",
            fields: |c| vec![("id", c.complaint_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "act on another customer's complaint",
            endpoint: "complaints/step",
            fields: |c| {
                vec![
                    ("id", c.complaint_b.to_string()),
                    ("version", "1".into()),
                    ("step", "propose".into()),
                    ("remedy", "replacement".into()),
                    ("message", "A new mug.".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "record a payment",
            endpoint: "orders/pay",
            fields: |c| {
                vec![
                    ("order_id", c.order_b.to_string()),
                    ("version", "1".into()),
                    ("received_on", "2027-01-01".into()),
                    ("amount", "10.00".into()),
                    ("reference", "REF".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "list PO lines",
            endpoint: "progress/lines",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Supplier],
        },
        Probe {
            name: "read another factory's PO line",
            endpoint: "progress/line",
            fields: |c| vec![("id", c.po_line_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "report on another factory's PO line",
            endpoint: "progress/post",
            fields: |c| {
                vec![
                    ("id", c.po_line_b.to_string()),
                    ("version", "1".into()),
                    ("milestone", "packed".into()),
                    ("quantity_done", "20".into()),
                ]
            },
            allowed: &[],
        },
        Probe {
            name: "bulk report on another factory's PO line",
            endpoint: "progress/bulk",
            fields: |c| {
                vec![
                    ("line_ids[0]", c.po_line_b.to_string()),
                    ("milestone", "packed".into()),
                ]
            },
            allowed: &[],
        },
        Probe {
            name: "choose a language",
            endpoint: "auth/locale",
            fields: |_| vec![("locale", "zh".into())],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "choose a time zone",
            endpoint: "auth/time-zone",
            fields: |_| vec![("time_zone", "Asia/Shanghai".into())],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "facts about the installation",
            endpoint: "portal/overview",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "enter an order for a customer",
            endpoint: "orders/create",
            fields: |c| {
                vec![
                    ("customer_id", c.customer_b.to_string()),
                    ("currency", "EUR".into()),
                    ("incoterm", "FOB".into()),
                    ("payment_terms", "30% deposit".into()),
                    ("ship_to", "Probe street 1".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "choose one's own alerts",
            endpoint: "alerts/choose",
            fields: |_| vec![("digest", String::new())],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "change one's own password",
            endpoint: "auth/change-password",
            fields: |_| {
                vec![
                    ("current_password", "not the password at all".into()),
                    ("new_password", "a new password of enough length".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        // Two-factor sign-in: one's own, and the house's rule. No probe
        // turns it on (the codes are never right), so sign-ins stay one step.
        Probe {
            name: "see one's own two-factor sign-in",
            endpoint: "two-factor/status",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "start setting up one's own two-factor sign-in",
            endpoint: "two-factor/start",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "confirm one's own two-factor sign-in",
            endpoint: "two-factor/confirm",
            fields: |_| vec![("code", "not a code".into())],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "turn one's own two-factor sign-in off",
            endpoint: "two-factor/disable",
            fields: |_| {
                vec![
                    ("password", "not the password at all".into()),
                    ("code", "not a code".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "new recovery codes of one's own",
            endpoint: "two-factor/recovery-codes",
            fields: |_| vec![("code", "not a code".into())],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "read the house's two-factor rule",
            endpoint: "two-factor/house-rule",
            fields: |_| vec![],
            allowed: &[Role::Admin],
        },
        Probe {
            name: "set the house's two-factor rule",
            endpoint: "two-factor/set-house-rule",
            // Off: requiring it would send every later sign-in of the
            // house's people to the second step.
            fields: |_| vec![("required", String::new())],
            allowed: &[Role::Admin],
        },
        Probe {
            name: "dead letters",
            endpoint: "mail/dead",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "retry a dead letter",
            endpoint: "mail/retry",
            fields: |_| vec![("id", "no-such-mail".into())],
            allowed: &[],
        },
        Probe {
            name: "mute another customer's order",
            endpoint: "alerts/mute",
            fields: |c| {
                vec![
                    ("order_id", c.order_b.to_string()),
                    ("muted", "true".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "alert choices",
            endpoint: "alerts/choices",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Customer, Role::Supplier],
        },
        Probe {
            name: "ask for a change to another customer's order",
            endpoint: "changes/request",
            fields: |c| {
                vec![
                    ("order_id", c.order_b.to_string()),
                    ("version", "1".into()),
                    ("ship_to", "Elsewhere".into()),
                ]
            },
            allowed: &[],
        },
        Probe {
            name: "read another customer's change request",
            endpoint: "changes/get",
            fields: |c| vec![("id", c.change_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "change request inbox",
            endpoint: "changes/inbox",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "decide another customer's change request",
            endpoint: "changes/decide",
            fields: |c| {
                vec![
                    ("id", c.change_b.to_string()),
                    ("decision", "reject".into()),
                    ("answer", "Probe".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "answer another customer's counter-proposal",
            endpoint: "changes/answer",
            fields: |c| vec![("id", c.change_b.to_string()), ("accept", "false".into())],
            allowed: &[],
        },
        Probe {
            name: "withdraw another customer's change request",
            endpoint: "changes/withdraw",
            fields: |c| vec![("id", c.change_b.to_string())],
            allowed: &[],
        },
        Probe {
            name: "list factory changes to acknowledge",
            endpoint: "changes/factory",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Supplier],
        },
        Probe {
            name: "acknowledge another factory's change",
            endpoint: "changes/acknowledge",
            fields: |c| vec![("id", c.po_change_b.to_string())],
            allowed: &[],
        },
        Probe {
            name: "KPIs",
            endpoint: "workspace/kpis",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "at-risk board",
            endpoint: "workspace/board",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            // A factory reads its own; the house must name one (404 without).
            name: "own scorecard",
            endpoint: "workspace/scorecard",
            fields: |_| vec![],
            allowed: &[Role::Supplier],
        },
        Probe {
            name: "read another factory's scorecard",
            endpoint: "workspace/scorecard",
            fields: |c| vec![("supplier_id", c.supplier_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "start an inquiry for one's own company",
            endpoint: "inquiries/create",
            fields: |_| {
                vec![
                    ("destination", "Hamburg".into()),
                    ("incoterm", "FOB".into()),
                    ("currency", "EUR".into()),
                    ("lines[0][description]", "Probe mug".into()),
                    ("lines[0][quantity]", "10".into()),
                    ("lines[0][unit]", "pcs".into()),
                ]
            },
            allowed: &[Role::Customer],
        },
        Probe {
            name: "products one's company ordered before",
            endpoint: "inquiries/products",
            fields: |_| vec![],
            allowed: &[Role::Customer],
        },
        Probe {
            name: "list inquiries",
            endpoint: "inquiries/list",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Customer],
        },
        Probe {
            name: "read another customer's inquiry",
            endpoint: "inquiries/get",
            fields: |c| vec![("id", c.inquiry_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "quote another customer's inquiry",
            endpoint: "quotations/start",
            fields: |c| vec![("inquiry_id", c.inquiry_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "read a quotation with its costs",
            endpoint: "quotations/get",
            fields: |c| vec![("id", c.quote_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "read another customer's quotation",
            endpoint: "quotations/mine",
            fields: |c| vec![("id", c.quote_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "list quotations",
            endpoint: "quotations/list",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff, Role::Customer],
        },
        Probe {
            name: "save another customer's quotation",
            endpoint: "quotations/save",
            fields: |c| vec![("id", c.quote_b.to_string()), ("version", "1".into())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "submit another customer's quotation",
            endpoint: "quotations/submit",
            fields: |c| vec![("id", c.quote_b.to_string()), ("version", "1".into())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "decide an approval of another customer's quotation",
            endpoint: "quotations/decide",
            fields: |c| {
                vec![
                    ("id", c.quote_b.to_string()),
                    ("position", "1".into()),
                    ("approve", "true".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "send another customer's quotation",
            endpoint: "quotations/send",
            fields: |c| vec![("id", c.quote_b.to_string()), ("version", "1".into())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "revise another customer's quotation",
            endpoint: "quotations/revise",
            fields: |c| vec![("id", c.quote_b.to_string()), ("version", "1".into())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "withdraw another customer's quotation",
            endpoint: "quotations/withdraw",
            fields: |c| vec![("id", c.quote_b.to_string()), ("version", "1".into())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "answer another customer's quotation",
            endpoint: "quotations/respond",
            fields: |c| {
                vec![
                    ("id", c.quote_b.to_string()),
                    ("revision", "1".into()),
                    ("accept", "false".into()),
                ]
            },
            allowed: &[],
        },
        Probe {
            name: "read another customer's credit standing",
            endpoint: "credit/get",
            fields: |c| vec![("customer_id", c.customer_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "set another customer's credit score",
            endpoint: "credit/set",
            fields: |c| {
                vec![
                    ("customer_id", c.customer_b.to_string()),
                    ("score", "10".into()),
                ]
            },
            allowed: &[Role::Admin],
        },
        Probe {
            name: "set a staff level",
            endpoint: "admin/staff-level",
            fields: |c| {
                vec![
                    ("user_id", c.staff.id.to_string()),
                    ("level", "sales_manager".into()),
                ]
            },
            allowed: &[Role::Admin],
        },
        Probe {
            name: "read the house's rules",
            endpoint: "rules/get",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "change the house's rules",
            endpoint: "rules/set",
            fields: |_| {
                vec![
                    ("form[manager_always]", "on".into()),
                    ("form[step_target_hours]", "4".into()),
                    ("form[credit_threshold]", "60".into()),
                    ("form[normal_deposit]", "30".into()),
                    ("form[low_credit_deposit]", "50".into()),
                ]
            },
            allowed: &[Role::Admin],
        },
        Probe {
            name: "read the complaint settings",
            endpoint: "complaints/settings",
            fields: |_| vec![],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "change the complaint clocks",
            endpoint: "complaints/save-settings",
            fields: |_| {
                vec![
                    ("first_answer", "2".into()),
                    ("remedy", "8".into()),
                    ("zone_offset", "+08:00".into()),
                    ("start", "09:00".into()),
                    ("end", "18:00".into()),
                    ("days[0]", "mon".into()),
                    ("days[1]", "fri".into()),
                ]
            },
            allowed: &[Role::Admin],
        },
        Probe {
            name: "add a root cause",
            endpoint: "complaints/add-root-cause",
            fields: |_| vec![("label", "Probe cause".into())],
            allowed: &[Role::Admin],
        },
        Probe {
            name: "read another customer's order conversation",
            endpoint: "messages/get",
            fields: |c| vec![("kind", "order".into()), ("id", c.order_b.to_string())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "write in another customer's order conversation",
            endpoint: "messages/post",
            fields: |c| {
                vec![
                    ("kind", "order".into()),
                    ("id", c.order_b.to_string()),
                    ("body", "Probe".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "read another factory's purchase-order conversation",
            endpoint: "messages/get",
            fields: |c| {
                vec![
                    ("kind", "purchase_order".into()),
                    ("id", c.po_b.to_string()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "write in another factory's purchase-order conversation",
            endpoint: "messages/post",
            fields: |c| {
                vec![
                    ("kind", "purchase_order".into()),
                    ("id", c.po_b.to_string()),
                    ("body", "Probe".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            // The customer's own order is filled by it, yet it is the
            // factory's conversation with the house.
            name: "read the factory's conversation about one's order",
            endpoint: "messages/get",
            fields: |c| {
                vec![
                    ("kind", "purchase_order".into()),
                    ("id", c.po_a.to_string()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff, Role::Supplier],
        },
        Probe {
            name: "write in the factory's conversation about one's order",
            endpoint: "messages/post",
            fields: |c| {
                vec![
                    ("kind", "purchase_order".into()),
                    ("id", c.po_a.to_string()),
                    ("body", "Probe".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff, Role::Supplier],
        },
        Probe {
            // The factory fills this order, yet it is the customer's
            // conversation with the house.
            name: "read the customer's conversation about an order one fills",
            endpoint: "messages/get",
            fields: |c| vec![("kind", "order".into()), ("id", c.order_a.to_string())],
            allowed: &[Role::Admin, Role::Staff, Role::Customer],
        },
        Probe {
            name: "write in the customer's conversation about an order one fills",
            endpoint: "messages/post",
            fields: |c| {
                vec![
                    ("kind", "order".into()),
                    ("id", c.order_a.to_string()),
                    ("body", "Probe".into()),
                ]
            },
            allowed: &[Role::Admin, Role::Staff, Role::Customer],
        },
        Probe {
            name: "customer area",
            endpoint: "areas/home",
            fields: |_| vec![("area", "customer".into())],
            allowed: &[Role::Customer],
        },
        Probe {
            name: "supplier area",
            endpoint: "areas/home",
            fields: |_| vec![("area", "supplier".into())],
            allowed: &[Role::Supplier],
        },
        Probe {
            name: "staff area",
            endpoint: "areas/home",
            fields: |_| vec![("area", "staff".into())],
            allowed: &[Role::Admin, Role::Staff],
        },
        Probe {
            name: "admin area",
            endpoint: "areas/home",
            fields: |_| vec![("area", "admin".into())],
            allowed: &[Role::Admin],
        },
    ]
}

/// Text of company B that must never appear in an answer to someone refused.
pub(crate) const FOREIGN_MARKERS: &[&str] = &[
    "Customer B",
    "Supplier B",
    "buyer@customer-b.test",
    "factory@supplier-b.test",
    "SO-B-1",
    "PO-B-1",
    "Customer B's secret mug",
    "SECRET-B-CONTRACT",
    "C-SECRET-B",
    "the secret glaze",
    "the secret price",
];

async fn attempt(
    app: &TestApp,
    client: &reqwest::Client,
    probe: &Probe,
    world: &World,
) -> (u16, String) {
    let fields = (probe.fields)(world);
    let pairs: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (status, body) = app.call(client, probe.endpoint, &pairs).await;
    (status, body.to_string())
}

#[tokio::test]
async fn every_role_is_refused_what_it_may_not_do_and_nothing_leaks() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let mut failures = Vec::new();
    for role in Role::ALL {
        let client = app.client_for(&world.by_role(role).email, PASSWORD).await;
        for probe in probes().iter().filter(|p| !p.allowed.contains(&role)) {
            let (status, body) = attempt(&app, &client, probe, &world).await;
            if ![403, 404].contains(&status) {
                failures.push(format!(
                    "{role:?} / {}: status {status}: {body}",
                    probe.name
                ));
            }
            if let Some(marker) = FOREIGN_MARKERS.iter().find(|m| body.contains(**m)) {
                failures.push(format!("{role:?} / {}: leaked {marker:?}", probe.name));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "access matrix failures:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn anonymous_callers_are_refused_everywhere() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let anonymous = new_client();
    for probe in probes() {
        let (status, body) = attempt(&app, &anonymous, &probe, &world).await;
        assert_eq!(status, 401, "{}: {body}", probe.name);
    }
}

#[tokio::test]
async fn allowed_roles_really_are_allowed() {
    // Guards against a matrix that passes because everything is refused.
    let app = spawn_app().await;
    let world = world(&app).await;
    for probe in probes() {
        for role in probe.allowed {
            let client = app.client_for(&world.by_role(*role).email, PASSWORD).await;
            let (status, body) = attempt(&app, &client, &probe, &world).await;
            // A repeated invitation of the same address is a 422, and a second
            // move of the same order version (or decision on the same change
            // request) a 409: answers, not refusals.
            assert!(
                [200, 409, 422].contains(&status),
                "{role:?} / {}: {status} {body}",
                probe.name
            );
        }
    }
}

#[tokio::test]
async fn staff_see_people_but_outside_users_never_see_other_tenants() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let (status, body) = app.call(&staff, "admin/people", &[]).await;
    assert_eq!(status, 200);
    let text = body.to_string();
    assert!(text.contains("buyer@customer-b.test") && text.contains("factory@supplier-a.test"));
    assert_eq!(body["can_deactivate"], false);
    assert_eq!(
        body["invitable_roles"],
        serde_json::json!(["customer", "supplier"])
    );
}

#[tokio::test]
async fn area_pages_answer_403_to_other_roles_and_send_strangers_to_sign_in() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let pages = [
        ("/customer", vec![Role::Customer]),
        ("/supplier", vec![Role::Supplier]),
        ("/staff", vec![Role::Staff, Role::Admin]),
        ("/staff/people", vec![Role::Staff, Role::Admin]),
        ("/admin", vec![Role::Admin]),
    ];
    for role in Role::ALL {
        let client = app.client_for(&cast.by_role(role).email, PASSWORD).await;
        for (path, allowed) in &pages {
            let response = integration_tests::get_with(&client, &app.url(path)).await;
            let status = response.status().as_u16();
            let html = response.text().await.unwrap();
            if allowed.contains(&role) {
                assert_eq!(status, 200, "{role:?} {path}");
                assert!(!html.contains("Not allowed"), "{role:?} {path}");
            } else {
                assert_eq!(status, 403, "{role:?} {path}");
                assert!(html.contains("Not allowed"));
                for marker in FOREIGN_MARKERS {
                    assert!(!html.contains(marker), "{role:?} {path} leaked {marker}");
                }
            }
        }
    }
    // As a browser asks for it (a page request accepts HTML).
    let response = app
        .client
        .get(app.url("/customer"))
        .header("accept", "text/html,application/xhtml+xml")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 302);
    assert_eq!(response.headers()["location"], "/login?next=/customer");
}

#[tokio::test]
async fn record_pages_of_others_answer_404_and_show_nothing_of_them() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let supplier = app.client_for(&cast.supplier.email, PASSWORD).await;
    let own_and_foreign = [
        (
            &customer,
            format!("/customer/orders/{}", cast.order_a),
            format!("/customer/orders/{}", cast.order_b),
        ),
        (
            &supplier,
            format!("/supplier/lines/{}", cast.po_line_a),
            format!("/supplier/lines/{}", cast.po_line_b),
        ),
    ];
    for (client, own, foreign) in own_and_foreign {
        let response = integration_tests::get_with(client, &app.url(&own)).await;
        assert_eq!(response.status(), 200, "{own}");
        for path in [foreign, format!("{own}999")] {
            let response = integration_tests::get_with(client, &app.url(&path)).await;
            assert_eq!(response.status(), 404, "{path}");
            let html = response.text().await.unwrap();
            assert!(html.contains("Not found."), "{path}");
            for marker in FOREIGN_MARKERS {
                assert!(!html.contains(marker), "{path} leaked {marker}");
            }
        }
    }
}

#[tokio::test]
async fn the_complaint_list_holds_only_what_each_side_may_see() {
    let app = spawn_app().await;
    let world = world(&app).await;
    for role in Role::ALL {
        let client = app.client_for(&world.by_role(role).email, PASSWORD).await;
        let (status, body) = app.call(&client, "complaints/list", &[]).await;
        assert_eq!(status, 200, "{role:?}: {body}");
        let listed = body.to_string().contains("C-SECRET-B");
        // The house sees customer B's complaint; company A's people never do.
        assert_eq!(
            listed,
            matches!(role, Role::Admin | Role::Staff),
            "{role:?}: {body}"
        );
    }
    let (status, _) = app.call(&new_client(), "complaints/list", &[]).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn the_notification_list_holds_only_the_readers_own() {
    let app = spawn_app().await;
    let world = world(&app).await;
    for role in Role::ALL {
        let client = app.client_for(&world.by_role(role).email, PASSWORD).await;
        let (status, body) = app.call(&client, "notifications/list", &[]).await;
        assert_eq!(status, 200, "{role:?}: {body}");
        // Customer B's buyer heard of the house's message on SO-B-1 (and
        // the house of customer B's requests); company A's outside people
        // have none of it on their lists.
        if matches!(role, Role::Customer | Role::Supplier) {
            let text = body.to_string();
            for marker in ["SO-B-1", "Customer B", "secret"] {
                assert!(!text.contains(marker), "{role:?}: {text}");
            }
        }
    }
    let (status, _) = app.call(&new_client(), "notifications/list", &[]).await;
    assert_eq!(status, 401);
}

#[tokio::test]
async fn uploads_onto_records_of_others_are_not_found() {
    // Uploads are plain form posts, not server functions: the matrix above
    // does not reach them.
    let app = spawn_app().await;
    let world = world(&app).await;
    let targets = [
        ("order", world.order_b),
        ("po_line", world.po_line_b),
        ("complaint", world.complaint_b),
    ];
    for role in Role::ALL {
        let client = app.client_for(&world.by_role(role).email, PASSWORD).await;
        let house = matches!(role, Role::Admin | Role::Staff);
        for (kind, id) in targets {
            let file = reqwest::multipart::Part::bytes(b"%PDF-1.4\n%%EOF\n".to_vec())
                .file_name("probe.pdf");
            let form = reqwest::multipart::Form::new()
                .text("owner_kind", kind)
                .text("owner_id", id.to_string())
                .text("return_to", "/")
                .part("file", file);
            let response = client
                .post(app.url("/files"))
                .header("Origin", &app.address)
                .multipart(form)
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            let body = response.text().await.unwrap();
            let expected = if house { 303 } else { 404 };
            assert_eq!(status, expected, "{role:?} / {kind}: {body}");
            for marker in FOREIGN_MARKERS {
                assert!(!body.contains(marker), "{role:?} / {kind} leaked {marker}");
            }
        }
    }
}

/// The two steps of a waiting two-factor sign-in are public server
/// functions, so they stand outside the role matrix: they answer only this
/// browser's waiting sign-in. Without one, anonymous visitors and every
/// signed-in role alike get 401 and nothing else, a code included.
#[tokio::test]
async fn the_second_sign_in_step_answers_only_a_waiting_sign_in() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let mut clients = vec![("anonymous".to_string(), new_client())];
    for person in [&cast.admin, &cast.staff, &cast.customer, &cast.supplier] {
        clients.push((
            person.email.clone(),
            app.client_for(&person.email, PASSWORD).await,
        ));
    }
    for (who, client) in &clients {
        for (endpoint, fields) in [
            ("auth/two-factor-step", vec![]),
            ("auth/two-factor", vec![("code", "123456")]),
        ] {
            let (status, body) = app.call(client, endpoint, &fields).await;
            assert_eq!(status, 401, "{who} / {endpoint}: {body}");
            assert!(!body.to_string().contains("secret"), "{who}: {body}");
        }
    }
    // The signed-in people are still who they were.
    for (who, client) in clients.iter().skip(1) {
        assert_eq!(app.whoami(client).await["email"], who.as_str());
    }
}
