//! Files: uploads are checked (size, type from the content, a clean name)
//! and land where the form came from; downloads are attachments that never
//! render, and each person gets only the files of records they may see. A
//! complaint's photos go to the house, to the factory once the complaint is
//! passed to it, and never carry the other side's name.

use app::domain::order_status::OrderStatus;
use integration_tests::people::{PASSWORD, create_cast, create_order};
use integration_tests::{TestApp, spawn_app};
use sea_orm::{ConnectionTrait, Statement};

pub(crate) use integration_tests::PNG;

/// Posts the upload form; returns the status and where it sends the browser.
pub(crate) async fn upload(
    app: &TestApp,
    client: &reqwest::Client,
    owner: (&str, i32),
    name: &str,
    bytes: Vec<u8>,
    shared: bool,
) -> (u16, String) {
    let mut form = reqwest::multipart::Form::new()
        .text("owner_kind", owner.0.to_string())
        .text("owner_id", owner.1.to_string())
        .text("return_to", format!("/staff/orders/{}", owner.1));
    if shared {
        form = form.text("shared_with_customer", "on");
    }
    let form = form.part(
        "file",
        reqwest::multipart::Part::bytes(bytes).file_name(name.to_string()),
    );
    let response = client
        .post(app.url("/files"))
        .header("Origin", &app.address)
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get("location")
        .map(|l| l.to_str().unwrap().to_string())
        .unwrap_or_default();
    (status, location)
}

async fn files_of(app: &TestApp, client: &reqwest::Client, id: i32) -> serde_json::Value {
    let (status, body) = app
        .call(client, "shipping/get", &[("order_id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{body}");
    body["files"].clone()
}

#[tokio::test]
async fn uploads_are_checked_by_content_and_size_and_downloads_never_render() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let staff = integration_tests::new_client();
    app.sign_in(&staff, &cast.staff.email, PASSWORD).await;
    let customer = app.client_for(&cast.customer.email, PASSWORD).await;
    let id = create_order(&app, cast.customer_a, "SO-FILES", OrderStatus::Ready).await;

    // A page of HTML is no document, whatever its name says.
    let (status, location) = upload(
        &app,
        &staff,
        ("order", id),
        "invoice.pdf",
        b"<html><script>alert(1)</script></html>".to_vec(),
        true,
    )
    .await;
    assert_eq!(status, 303);
    assert!(
        location.contains("file_error=upload-type-not-accepted"),
        "{location}"
    );
    // Too large: refused without keeping it.
    let big = vec![0u8; 10 * 1024 * 1024 + 1];
    let (status, location) = upload(&app, &staff, ("order", id), "big.bin", big, true).await;
    assert_eq!(status, 303);
    assert!(
        location.contains("file_error=files-too-large"),
        "{location}"
    );
    // Empty.
    let (_, location) = upload(&app, &staff, ("order", id), "x.png", Vec::new(), true).await;
    assert!(location.contains("file_error=upload-empty"), "{location}");
    assert_eq!(files_of(&app, &staff, id).await, serde_json::json!([]));

    // A PNG named like a PDF keeps its name and gains its real extension;
    // a path in the name is dropped.
    let (status, location) = upload(
        &app,
        &staff,
        ("order", id),
        "..\\..\\etc/QC photo <1>.pdf",
        PNG.to_vec(),
        false,
    )
    .await;
    assert_eq!(status, 303, "{location}");
    assert!(!location.contains("file_error"), "{location}");
    let files = files_of(&app, &staff, id).await;
    assert_eq!(files[0]["name"], "QC photo 1.pdf.png");
    assert_eq!(files[0]["content_type"], "image/png");
    let url = files[0]["url"].as_str().unwrap().to_string();

    // Not shared: the customer does not know it exists.
    assert!(
        files_of(&app, &customer, id)
            .await
            .as_array()
            .unwrap()
            .is_empty()
    );
    let response = customer.get(app.url(&url)).send().await.unwrap();
    assert_eq!(response.status(), 404);

    // Shared: a download that is never rendered.
    let file_id = files[0]["id"].to_string();
    let (status, body) = app
        .call(
            &staff,
            "files/share",
            &[("file_id", &file_id), ("shared", "true")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let response = customer.get(app.url(&url)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert!(
        headers["cache-control"]
            .to_str()
            .unwrap()
            .contains("no-store")
    );
    assert_eq!(response.bytes().await.unwrap().as_ref(), PNG);

    // Other companies get nothing, shared or not.
    for person in [&cast.customer_b_user, &cast.supplier] {
        let other = app.client_for(&person.email, PASSWORD).await;
        let response = other.get(app.url(&url)).send().await.unwrap();
        assert_eq!(response.status(), 404, "{}", person.email);
    }
    // Nobody signed in: not even that.
    let response = integration_tests::new_client()
        .get(app.url(&url))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 401);
}

#[tokio::test]
async fn a_factory_sees_files_on_its_own_purchase_order_lines_only() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    let factory = integration_tests::new_client();
    app.sign_in(&factory, &cast.supplier.email, PASSWORD).await;
    let (status, location) = upload(
        &app,
        &factory,
        ("po_line", cast.po_line_a),
        "qc.png",
        PNG.to_vec(),
        true,
    )
    .await;
    assert_eq!(status, 303, "{location}");
    assert!(!location.contains("file_error"), "{location}");
    // Not on another factory's line.
    let (status, _) = upload(
        &app,
        &factory,
        ("po_line", cast.po_line_b),
        "qc.png",
        PNG.to_vec(),
        false,
    )
    .await;
    assert_eq!(status, 404);
    // Nor on an order.
    let (status, _) = upload(
        &app,
        &factory,
        ("order", cast.order_a),
        "x.png",
        PNG.to_vec(),
        false,
    )
    .await;
    assert_eq!(status, 404);

    let (status, body) = app
        .call(
            &factory,
            "files/po-line",
            &[("po_line_id", &cast.po_line_a.to_string())],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let url = body[0]["url"].as_str().unwrap().to_string();
    assert!(body[0]["uploaded_by"].is_null(), "only the house sees who");
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    assert_eq!(staff.get(app.url(&url)).send().await.unwrap().status(), 200);
    // The other factory and the customer see neither the list nor the file.
    for person in [&cast.supplier_b_user, &cast.customer] {
        let other = app.client_for(&person.email, PASSWORD).await;
        let (status, _) = app
            .call(
                &other,
                "files/po-line",
                &[("po_line_id", &cast.po_line_a.to_string())],
            )
            .await;
        assert_eq!(status, 404, "{}", person.email);
        assert_eq!(other.get(app.url(&url)).send().await.unwrap().status(), 404);
    }
}

async fn execute(app: &TestApp, sql: String) {
    app.db
        .execute_raw(Statement::from_string(app.db.get_database_backend(), sql))
        .await
        .unwrap();
}

/// The customer complains about line 2 of its shipped order A (made by
/// supplier B); returns the complaint's id.
async fn complaint_on_line_2(app: &TestApp, buyer: &reqwest::Client, order: i32) -> i32 {
    use app::ssr::entities::order_line;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    execute(
        app,
        format!("UPDATE orders SET status = 'shipped' WHERE id = {order}"),
    )
    .await;
    let line = order_line::Entity::find()
        .filter(order_line::Column::OrderId.eq(order))
        .filter(order_line::Column::LineNo.eq(2))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let (status, body) = app
        .call(
            buyer,
            "complaints/file",
            &[
                ("order_id", &order.to_string()),
                ("order_line_id", &line.to_string()),
                ("complaint[category]", "quality"),
                (
                    "complaint[description]",
                    "Twelve mugs arrived with cracked glaze.",
                ),
                ("complaint[quantity]", "12"),
                ("complaint[remedy]", "replacement"),
            ],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    body.as_i64().unwrap() as i32
}

async fn complaint_of(app: &TestApp, client: &reqwest::Client, id: i32) -> serde_json::Value {
    let (status, body) = app
        .call(client, "complaints/get", &[("id", &id.to_string())])
        .await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn complaint_step(app: &TestApp, staff: &reqwest::Client, id: i32, step: &str) {
    let version = complaint_of(app, staff, id).await["version"].to_string();
    let (status, body) = app
        .call(
            staff,
            "complaints/step",
            &[
                ("id", &id.to_string()),
                ("version", &version),
                ("step", step),
                ("message", "Please check the glaze batch."),
            ],
        )
        .await;
    assert_eq!(status, 200, "{step}: {body}");
}

#[tokio::test]
async fn complaint_photos_reach_the_house_and_the_factory_once_passed_without_names() {
    let app = spawn_app().await;
    let cast = create_cast(&app).await;
    // A name to look for where it must not be.
    execute(
        &app,
        format!(
            "UPDATE users SET display_name = 'Ann Secretbuyer' WHERE id = {}",
            cast.customer.id
        ),
    )
    .await;
    let buyer = app.client_for(&cast.customer.email, PASSWORD).await;
    let staff = app.client_for(&cast.staff.email, PASSWORD).await;
    let other_buyer = app.client_for(&cast.customer_b_user.email, PASSWORD).await;
    let factory_a = app.client_for(&cast.supplier.email, PASSWORD).await;
    let factory_b = app.client_for(&cast.supplier_b_user.email, PASSWORD).await;
    let id = complaint_on_line_2(&app, &buyer, cast.order_a).await;
    assert_eq!(complaint_of(&app, &buyer, id).await["can_attach"], true);

    // The customer adds its photo and comes back to its own complaint page,
    // whatever page the form named.
    let (status, location) = upload(
        &app,
        &buyer,
        ("complaint", id),
        "cracked glaze.png",
        PNG.to_vec(),
        false,
    )
    .await;
    assert_eq!(status, 303, "{location}");
    assert_eq!(
        location,
        format!("/customer/complaints/{id}#complaint-files")
    );
    // A photo or a PDF only.
    let (_, location) = upload(
        &app,
        &buyer,
        ("complaint", id),
        "notes.txt",
        b"twelve cracked".to_vec(),
        false,
    )
    .await;
    assert!(
        location.contains("file_error=upload-picture-or-pdf-only"),
        "{location}"
    );

    // The house sees who sent it and downloads it.
    let seen = complaint_of(&app, &staff, id).await;
    let files = seen["files"].as_array().unwrap().clone();
    assert_eq!(files.len(), 1, "{seen}");
    assert_eq!(files[0]["name"], "cracked glaze.png");
    assert_eq!(files[0]["uploaded_by"], "Ann Secretbuyer");
    let url = files[0]["url"].as_str().unwrap().to_string();
    let response = staff.get(app.url(&url)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.bytes().await.unwrap().as_ref(), PNG);
    // The customer sees its own, by side.
    let mine = complaint_of(&app, &buyer, id).await;
    assert_eq!(mine["files"][0]["uploaded_by_key"], "file-uploaded-by-own");

    // Another customer can neither add to it nor fetch its photo.
    let (status, _) = upload(
        &app,
        &other_buyer,
        ("complaint", id),
        "x.png",
        PNG.to_vec(),
        false,
    )
    .await;
    assert_eq!(status, 404);
    let response = other_buyer.get(app.url(&url)).send().await.unwrap();
    assert_eq!(response.status(), 404);
    // Before the house passes it on, no factory knows of it.
    for factory in [&factory_a, &factory_b] {
        let (status, _) = upload(
            &app,
            factory,
            ("complaint", id),
            "cause.png",
            PNG.to_vec(),
            false,
        )
        .await;
        assert_eq!(status, 404);
        let response = factory.get(app.url(&url)).send().await.unwrap();
        assert_eq!(response.status(), 404);
    }

    // Passed to supplier B: the photo is its to see, without the customer.
    for step in ["acknowledge", "investigate", "pass"] {
        complaint_step(&app, &staff, id, step).await;
    }
    let theirs = complaint_of(&app, &factory_b, id).await;
    assert_eq!(theirs["files"][0]["url"], url.as_str(), "{theirs}");
    assert!(theirs["files"][0]["uploaded_by"].is_null(), "{theirs}");
    assert_eq!(
        theirs["files"][0]["uploaded_by_key"],
        "file-uploaded-by-customer"
    );
    assert_eq!(theirs["can_attach"], true);
    let text = theirs.to_string();
    for secret in ["Ann Secretbuyer", "Customer A", "buyer@customer-a.test"] {
        assert!(!text.contains(secret), "the factory read {secret}: {text}");
    }
    let response = factory_b.get(app.url(&url)).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let response = factory_a.get(app.url(&url)).send().await.unwrap();
    assert_eq!(response.status(), 404, "not the factory behind the line");

    // The factory's photo of the cause reaches the customer only when the
    // house shares it, and then as the house's.
    let (status, location) = upload(
        &app,
        &factory_b,
        ("complaint", id),
        "kiln curve.png",
        PNG.to_vec(),
        false,
    )
    .await;
    assert_eq!(status, 303, "{location}");
    assert_eq!(
        location,
        format!("/supplier/complaints/{id}#complaint-files")
    );
    assert_eq!(
        complaint_of(&app, &buyer, id).await["files"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let seen = complaint_of(&app, &staff, id).await;
    let cause = seen["files"][1]["id"].to_string();
    let (status, body) = app
        .call(
            &staff,
            "files/share",
            &[("file_id", &cause), ("shared", "true")],
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let mine = complaint_of(&app, &buyer, id).await;
    assert_eq!(
        mine["files"][1]["uploaded_by_key"], "file-uploaded-by-house",
        "{mine}"
    );
    let text = mine.to_string();
    for secret in [
        "Supplier B",
        "factory@supplier-b.test",
        "shared_with_factory\":true",
    ] {
        assert!(!text.contains(secret), "the customer read {secret}: {text}");
    }

    // Closed, the complaint takes no more photos from the customer.
    execute(
        &app,
        format!("UPDATE complaints SET status = 'closed' WHERE id = {id}"),
    )
    .await;
    assert_eq!(complaint_of(&app, &buyer, id).await["can_attach"], false);
    let (status, location) = upload(
        &app,
        &buyer,
        ("complaint", id),
        "more.png",
        PNG.to_vec(),
        false,
    )
    .await;
    assert_eq!(status, 303);
    assert!(
        location.contains("file_error=complaint-files-closed"),
        "{location}"
    );
}
