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
