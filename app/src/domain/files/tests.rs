use super::*;
use proptest::prelude::*;

#[test]
fn names_fit_to_keep() {
    assert_eq!(
        sanitise_name("C:\\Users\\li\\Desktop\\报价单 (2).pdf"),
        "报价单 (2).pdf"
    );
    assert_eq!(
        sanitise_name("/home/ann/invoice-2027_03.PDF"),
        "invoice-2027_03.PDF"
    );
    assert_eq!(
        sanitise_name("  my\tfile\n\nname .txt  "),
        "my file name .txt"
    );
    assert_eq!(sanitise_name("...hidden"), "hidden");
    assert_eq!(sanitise_name("../../etc/passwd"), "passwd");
    assert_eq!(sanitise_name("a<b>c:d\"e|f?g*h.png"), "abcdefgh.png");
    assert_eq!(sanitise_name("rock\u{0}\u{1b}[31m.gif"), "rock31m.gif");
    assert_eq!(sanitise_name("Müller & Söhne.docx"), "Müller Söhne.docx");
    assert_eq!(sanitise_name(""), "file");
    assert_eq!(sanitise_name("dir/"), "file");
    assert_eq!(sanitise_name("***"), "file");
    assert_eq!(sanitise_name(". . ."), "file");
}

#[test]
fn long_names_keep_their_extension() {
    let long = format!("{}.xlsx", "a".repeat(200));
    let kept = sanitise_name(&long);
    assert_eq!(kept.chars().count(), MAX_NAME_CHARS);
    assert!(kept.ends_with("a.xlsx"));
    let chinese = format!("{}.pdf", "订".repeat(150));
    let kept = sanitise_name(&chinese);
    assert_eq!(kept.chars().count(), MAX_NAME_CHARS);
    assert!(kept.ends_with("订.pdf"));
    let no_extension = "b".repeat(130);
    assert_eq!(sanitise_name(&no_extension), "b".repeat(120));
}

#[test]
fn content_decides_the_type() {
    use FileType::*;
    assert_eq!(
        FileType::from_sniffed(Some("application/pdf"), "x.exe"),
        Some(Pdf)
    );
    assert_eq!(
        FileType::from_sniffed(Some("IMAGE/JPEG"), "photo"),
        Some(Jpeg)
    );
    assert_eq!(FileType::from_sniffed(Some(XLSX), "sheet.xlsx"), Some(Xlsx));
    assert_eq!(FileType::from_sniffed(Some(DOCX), "spec.docx"), Some(Docx));
    assert_eq!(
        FileType::from_sniffed(Some("application/zip"), "sheet.xlsx"),
        None
    );
    assert_eq!(
        FileType::from_sniffed(Some("application/x-msdownload"), "list.csv"),
        None
    );
    assert_eq!(FileType::from_sniffed(None, "list.CSV"), Some(Csv));
    assert_eq!(FileType::from_sniffed(None, "notes.txt"), Some(PlainText));
    assert_eq!(
        FileType::from_sniffed(Some("text/plain; charset=utf-8"), "notes.txt"),
        Some(PlainText)
    );
    assert_eq!(FileType::from_sniffed(None, "notes.md"), None);
    assert_eq!(FileType::from_sniffed(None, "csv"), None);
    for kind in FileType::ALL {
        assert_eq!(FileType::parse(kind.as_str()), Some(kind));
        assert!(kind.takes_extension(kind.extension()));
    }
    assert!(Jpeg.takes_extension("jpeg"));
    assert_eq!(Csv.content_type(), "text/csv; charset=utf-8");
}

#[test]
fn uploads_within_the_limits() {
    let limits = FileLimits::default();
    assert_eq!(limits, FileLimits::DEFAULT);
    let ok = |name: &str, mime: &str| check_upload(name, Some(mime), 1_000, 0, limits);
    assert_eq!(
        ok("invoice.pdf", "application/pdf"),
        Ok(Accepted {
            name: "invoice.pdf".to_string(),
            kind: FileType::Pdf
        })
    );
    assert_eq!(
        ok("invoice.pdf", "image/png").unwrap().name,
        "invoice.pdf.png"
    );
    assert_eq!(ok("photo.JPEG", "image/jpeg").unwrap().name, "photo.JPEG");
    assert_eq!(ok("photo", "image/jpeg").unwrap().name, "photo.jpg");
    assert_eq!(ok("", "image/gif").unwrap().name, "file.gif");
    let long = format!("{}.pdf", "a".repeat(116));
    let renamed = ok(long.as_str(), "image/webp").unwrap().name;
    assert_eq!(renamed.chars().count(), MAX_NAME_CHARS);
    assert!(renamed.ends_with(".webp"));

    assert_eq!(
        check_upload("a.pdf", Some("application/pdf"), 0, 0, limits),
        Err(UploadError::Empty)
    );
    assert_eq!(
        check_upload(
            "a.pdf",
            Some("application/pdf"),
            10 * 1024 * 1024 + 1,
            0,
            limits
        ),
        Err(UploadError::TooLarge {
            max_bytes: 10 * 1024 * 1024
        })
    );
    assert!(
        check_upload(
            "a.pdf",
            Some("application/pdf"),
            10 * 1024 * 1024,
            19,
            limits
        )
        .is_ok()
    );
    assert_eq!(
        check_upload("a.pdf", Some("application/pdf"), 100, 20, limits),
        Err(UploadError::TooMany { max: 20 })
    );
    assert_eq!(
        check_upload("run.exe", Some("application/x-msdownload"), 100, 0, limits),
        Err(UploadError::TypeNotAccepted)
    );
    assert_eq!(
        UploadError::TypeNotAccepted.key(),
        "upload-type-not-accepted"
    );
}

#[test]
fn sizes_for_people() {
    assert_eq!(format_size(10 * 1024 * 1024), "10 MB");
    assert_eq!(format_size(3 * 512 * 1024), "1.5 MB");
    assert_eq!(format_size(512 * 1024), "512 KB");
    assert_eq!(format_size(300), "300 B");
    assert_eq!(format_size(0), "0 B");
    assert!(!format_size(u64::MAX).is_empty());
}

#[test]
fn who_sees_a_file() {
    let order_file = FileScope {
        customer_company_id: Some(7),
        factory_company_id: None,
        shared_with_customer: true,
        shared_with_factory: true,
    };
    assert!(can_see(Viewer::House, &order_file));
    assert!(can_see(Viewer::Customer { company_id: 7 }, &order_file));
    assert!(!can_see(Viewer::Customer { company_id: 8 }, &order_file));
    assert!(!can_see(Viewer::Factory { company_id: 7 }, &order_file));
    let drawing = FileScope {
        factory_company_id: Some(30),
        shared_with_customer: false,
        ..order_file
    };
    assert!(can_see(Viewer::Factory { company_id: 30 }, &drawing));
    assert!(!can_see(Viewer::Factory { company_id: 31 }, &drawing));
    assert!(!can_see(Viewer::Customer { company_id: 7 }, &drawing));
    let kept = FileScope {
        shared_with_factory: false,
        ..drawing
    };
    assert!(!can_see(Viewer::Factory { company_id: 30 }, &kept));
    assert!(can_see(Viewer::House, &kept));
}

fn any_scope() -> impl Strategy<Value = FileScope> {
    (
        proptest::option::of(0i32..4),
        proptest::option::of(0i32..4),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(customer, factory, to_customer, to_factory)| FileScope {
            customer_company_id: customer,
            factory_company_id: factory,
            shared_with_customer: to_customer,
            shared_with_factory: to_factory,
        })
}

proptest! {
    /// Whatever name is sent, the name kept is short, flat, non-empty and
    /// free of control and path characters, and sanitising it again
    /// changes nothing.
    #[test]
    fn names_are_always_safe(raw in "\\PC{0,200}", any_text in any::<String>()) {
        for text in [&raw, &any_text] {
            let name = sanitise_name(text);
            prop_assert!(!name.is_empty());
            prop_assert!(name.chars().count() <= MAX_NAME_CHARS);
            prop_assert!(!name.starts_with('.') && !name.starts_with(' '));
            prop_assert!(!name.contains(['/', '\\']));
            prop_assert!(!name.chars().any(char::is_control));
            prop_assert!(!name.contains("  "));
            prop_assert_eq!(sanitise_name(&name), name.clone());
        }
    }

    /// An accepted upload's name always ends in an extension of its type.
    #[test]
    fn accepted_names_match_their_content(
        raw in "\\PC{0,150}",
        kind in 0usize..9,
        size in 1u64..=FileLimits::DEFAULT.max_bytes,
    ) {
        let kind = FileType::ALL[kind];
        let mime = kind.content_type();
        let name = if matches!(kind, FileType::PlainText | FileType::Csv) {
            // Text is known by its name, so the name must keep its extension.
            let flat: String = raw.chars().filter(|c| !matches!(c, '/' | '\\')).collect();
            format!("x{flat}.{}", kind.extension())
        } else {
            raw
        };
        let accepted = check_upload(&name, Some(mime), size, 0, FileLimits::DEFAULT).unwrap();
        prop_assert_eq!(accepted.kind, kind);
        prop_assert!(accepted.name.chars().count() <= MAX_NAME_CHARS);
        let extension = extension_of(&accepted.name).unwrap();
        prop_assert!(kind.takes_extension(&extension), "{}", accepted.name);
    }

    /// A customer never sees another company's file; a factory never sees a
    /// file that belongs to no purchase-order line, nor another factory's.
    #[test]
    fn nobody_sees_what_is_not_theirs(scope in any_scope(), company in 0i32..4) {
        if scope.customer_company_id != Some(company) {
            prop_assert!(!can_see(Viewer::Customer { company_id: company }, &scope), "rule broken");
        }
        if scope.factory_company_id != Some(company) {
            prop_assert!(!can_see(Viewer::Factory { company_id: company }, &scope), "rule broken");
        }
        if !scope.shared_with_customer {
            prop_assert!(!can_see(Viewer::Customer { company_id: company }, &scope), "rule broken");
        }
        if !scope.shared_with_factory {
            prop_assert!(!can_see(Viewer::Factory { company_id: company }, &scope), "rule broken");
        }
        prop_assert!(can_see(Viewer::House, &scope));
    }
}

#[test]
fn complaints_take_pictures_and_pdf_only() {
    let limits = FileLimits::default();
    let photo = check_upload("crack.jpg", Some("image/jpeg"), 1_000, 0, limits).unwrap();
    assert_eq!(picture_or_pdf(photo.clone()), Ok(photo));
    let report = check_upload("report", Some("application/pdf"), 1_000, 0, limits).unwrap();
    assert!(picture_or_pdf(report).is_ok());
    let sheet = check_upload("count.xlsx", Some(XLSX), 1_000, 0, limits).unwrap();
    assert_eq!(picture_or_pdf(sheet), Err(UploadError::PictureOrPdfOnly));
    let notes = check_upload("notes.txt", None, 1_000, 0, limits).unwrap();
    assert_eq!(picture_or_pdf(notes), Err(UploadError::PictureOrPdfOnly));
    assert_eq!(
        UploadError::PictureOrPdfOnly.key(),
        "upload-picture-or-pdf-only"
    );
    let pictures: Vec<FileType> = FileType::ALL
        .into_iter()
        .filter(|k| k.is_picture_or_pdf())
        .collect();
    assert_eq!(pictures.len(), 5, "{pictures:?}");
}

#[test]
fn who_may_attach_to_a_complaint() {
    let open = ComplaintParties {
        customer_company_id: 7,
        factory_company_id: None,
        closed: false,
    };
    let customer = Viewer::Customer { company_id: 7 };
    let factory = Viewer::Factory { company_id: 30 };
    assert_eq!(may_attach_to_complaint(Viewer::House, &open), Ok(()));
    assert_eq!(may_attach_to_complaint(customer, &open), Ok(()));
    assert_eq!(
        may_attach_to_complaint(Viewer::Customer { company_id: 8 }, &open),
        Err(AttachRefused::NotFound)
    );
    // Not yet passed on: the factory does not know of it.
    assert_eq!(
        may_attach_to_complaint(factory, &open),
        Err(AttachRefused::NotFound)
    );
    let passed = ComplaintParties {
        factory_company_id: Some(30),
        ..open
    };
    assert_eq!(may_attach_to_complaint(factory, &passed), Ok(()));
    assert_eq!(
        may_attach_to_complaint(Viewer::Factory { company_id: 31 }, &passed),
        Err(AttachRefused::NotFound)
    );
    // A company id of a customer means nothing to the factory rule.
    assert_eq!(
        may_attach_to_complaint(Viewer::Factory { company_id: 7 }, &passed),
        Err(AttachRefused::NotFound)
    );
    let closed = ComplaintParties {
        closed: true,
        ..passed
    };
    assert_eq!(
        may_attach_to_complaint(customer, &closed),
        Err(AttachRefused::Closed)
    );
    assert_eq!(
        may_attach_to_complaint(Viewer::Customer { company_id: 8 }, &closed),
        Err(AttachRefused::NotFound)
    );
    assert_eq!(may_attach_to_complaint(Viewer::House, &closed), Ok(()));
    assert_eq!(may_attach_to_complaint(factory, &closed), Ok(()));
}

#[test]
fn who_sees_a_complaint_file() {
    let open = ComplaintParties {
        customer_company_id: 7,
        factory_company_id: None,
        closed: false,
    };
    let customer = Viewer::Customer { company_id: 7 };
    let factory = Viewer::Factory { company_id: 30 };
    let photo = complaint_file_scope(&open, Uploader::Customer, false);
    assert!(can_see(Viewer::House, &photo));
    assert!(can_see(customer, &photo));
    assert!(!can_see(Viewer::Customer { company_id: 8 }, &photo));
    assert!(!can_see(factory, &photo), "not passed yet");
    // Passed on: the factory column is filled, and the photo is its too.
    let passed = FileScope {
        factory_company_id: Some(30),
        ..photo
    };
    assert!(can_see(factory, &passed));
    assert!(!can_see(Viewer::Factory { company_id: 31 }, &passed));

    let passed_to = ComplaintParties {
        factory_company_id: Some(30),
        ..open
    };
    let root_cause = complaint_file_scope(&passed_to, Uploader::Factory, true);
    assert!(can_see(factory, &root_cause));
    assert!(can_see(Viewer::House, &root_cause));
    assert!(
        !can_see(customer, &root_cause),
        "the factory's photo waits for the house"
    );
    let shared = FileScope {
        shared_with_customer: true,
        ..root_cause
    };
    assert!(can_see(customer, &shared));

    let kept = complaint_file_scope(&passed_to, Uploader::House, false);
    assert!(!can_see(customer, &kept));
    assert!(can_see(factory, &kept));
    let told = complaint_file_scope(&passed_to, Uploader::House, true);
    assert!(can_see(customer, &told));
}

#[test]
fn uploaders_are_named_to_the_house_only() {
    let customer = Viewer::Customer { company_id: 7 };
    let factory = Viewer::Factory { company_id: 30 };
    for uploader in [Uploader::House, Uploader::Customer, Uploader::Factory] {
        assert_eq!(uploader_shown(Viewer::House, uploader), UploaderShown::Name);
    }
    assert_eq!(
        uploader_shown(factory, Uploader::Customer),
        UploaderShown::Word("file-uploaded-by-customer")
    );
    assert_eq!(
        uploader_shown(factory, Uploader::Factory),
        UploaderShown::Word("file-uploaded-by-own")
    );
    assert_eq!(
        uploader_shown(factory, Uploader::House),
        UploaderShown::Word("file-uploaded-by-house")
    );
    assert_eq!(
        uploader_shown(customer, Uploader::Customer),
        UploaderShown::Word("file-uploaded-by-own")
    );
    // The customer never reads of a factory: its shared file is the house's.
    assert_eq!(
        uploader_shown(customer, Uploader::Factory),
        UploaderShown::Word("file-uploaded-by-house")
    );
    assert_eq!(Uploader::of(customer), Uploader::Customer);
    assert_eq!(Uploader::of(factory), Uploader::Factory);
    assert_eq!(Uploader::of(Viewer::House), Uploader::House);
}

fn any_parties() -> impl Strategy<Value = ComplaintParties> {
    (0i32..4, proptest::option::of(0i32..4), any::<bool>()).prop_map(
        |(customer, factory, closed)| ComplaintParties {
            customer_company_id: customer,
            factory_company_id: factory,
            closed,
        },
    )
}

fn any_uploader() -> impl Strategy<Value = Uploader> {
    prop_oneof![
        Just(Uploader::House),
        Just(Uploader::Customer),
        Just(Uploader::Factory),
    ]
}

proptest! {
    /// A factory sees and adds to a complaint's files exactly when the
    /// complaint is passed to it; a customer sees only its own complaint's,
    /// and a factory's file only once the house shared it; nobody outside
    /// the house reads who uploaded a file.
    #[test]
    fn complaint_files_stay_with_their_sides(
        parties in any_parties(),
        uploader in any_uploader(),
        house_shares in any::<bool>(),
        company in 0i32..4,
    ) {
        let scope = complaint_file_scope(&parties, uploader, house_shares);
        let passed = parties.factory_company_id == Some(company);
        let factory = Viewer::Factory { company_id: company };
        prop_assert_eq!(can_see(factory, &scope), passed);
        prop_assert_eq!(may_attach_to_complaint(factory, &parties).is_ok(), passed);
        let customer = Viewer::Customer { company_id: company };
        if can_see(customer, &scope) {
            prop_assert!(parties.customer_company_id == company, "another customer's file");
            prop_assert!(uploader != Uploader::Factory, "a factory's file the house kept");
        }
        if parties.customer_company_id != company {
            prop_assert_eq!(
                may_attach_to_complaint(customer, &parties),
                Err(AttachRefused::NotFound)
            );
        }
        prop_assert!(can_see(Viewer::House, &scope), "the house sees every file");
        prop_assert!(may_attach_to_complaint(Viewer::House, &parties).is_ok(), "the house adds to any");
        for outside in [customer, factory] {
            prop_assert!(
                uploader_shown(outside, uploader) != UploaderShown::Name,
                "{:?} read the name of {:?}",
                outside,
                uploader
            );
        }
    }
}
