//! Finds the portal's languages and mail templates on disk, so that a new
//! language is a new folder (`locales/<code>/portal.ftl`, and any mails
//! under `mail/<kind>/<code>.txt`) and nothing else.
//!
//! Writes `$OUT_DIR/languages.rs`: the language codes and names, the
//! catalogues (English first, the rest by code) and one `Locale` constant
//! per language; and
//! `$OUT_DIR/mail_templates.rs`: every mail kind's template per language.
//!
//! Sets the cfg `factory_islands`, `line_islands`, `complaint_islands`,
//! `customer_islands`, `order_islands`, `quote_islands` and `account_islands`
//! where that bundle's pages have their islands (`domain::bundles`): in
//! every build but the islands' bundles, and in each of those for its own
//! pages alone. Elsewhere those islands are plain components.
//!
//! Sets the cfg `server_parts` in the browser build of the order page's
//! bundle, which leaves the page's read-only parts to the server
//! (`components::server_parts`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets the manifest dir"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let locales = root.join("locales");
    let mail = root.join("mail");
    println!("cargo:rerun-if-changed={}", locales.display());
    println!("cargo:rerun-if-changed={}", mail.display());
    island_cfgs();

    let languages = languages(&locales);
    fs::write(
        out.join("languages.rs"),
        languages_source(&locales, &languages),
    )
    .expect("write languages.rs");
    fs::write(
        out.join("mail_templates.rs"),
        mail_source(&mail, &languages),
    )
    .expect("write mail_templates.rs");
}

/// The islands' cfg for each islands' bundle (see the module notes).
fn island_cfgs() {
    let bundles = [
        "factory",
        "line",
        "complaint",
        "customer",
        "order",
        "quote",
        "account",
    ];
    let only = |bundle: &str| {
        env::var_os(format!(
            "CARGO_FEATURE_{}_ISLANDS_ONLY",
            bundle.to_uppercase()
        ))
        .is_some()
    };
    let any_only = bundles.iter().any(|bundle| only(bundle));
    for bundle in bundles {
        println!("cargo::rustc-check-cfg=cfg({bundle}_islands)");
        if !any_only || only(bundle) {
            println!("cargo::rustc-cfg={bundle}_islands");
        }
    }
    // The bundle of the customer's order page leaves the page's read-only
    // parts to the server (`components::server_parts`).
    println!("cargo::rustc-check-cfg=cfg(server_parts)");
    if only("order") && env::var_os("CARGO_FEATURE_HYDRATE").is_some() {
        println!("cargo::rustc-cfg=server_parts");
    }
}

/// The language codes with a catalogue: English first, then by code.
fn languages(locales: &Path) -> Vec<String> {
    let mut codes: Vec<String> = fs::read_dir(locales)
        .expect("the locales folder")
        .filter_map(Result::ok)
        .filter(|entry| entry.path().join("portal.ftl").is_file())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    for code in &codes {
        assert!(
            code.len() >= 2 && code.chars().all(|c| c.is_ascii_lowercase()),
            "locales/{code}: a language folder is a lowercase ISO 639 code such as de"
        );
    }
    codes.sort_by_key(|code| (code != "en", code.clone()));
    assert_eq!(
        codes.first().map(String::as_str),
        Some("en"),
        "locales/en/portal.ftl is the fallback and must exist"
    );
    codes
}

/// `de` → `De`: the name of the language's constant.
fn constant(code: &str) -> String {
    let mut chars = code.chars();
    let first = chars.next().expect("a non-empty code").to_ascii_uppercase();
    std::iter::once(first).chain(chars).collect()
}

fn languages_source(locales: &Path, codes: &[String]) -> String {
    let mut source = String::new();
    writeln!(source, "/// Every language's code, English first.").unwrap();
    writeln!(source, "const CODES: [&str; {}] = {codes:?};", codes.len()).unwrap();
    let names: Vec<String> = codes
        .iter()
        .map(|code| language_name(&locales.join(code).join("portal.ftl")))
        .collect();
    writeln!(
        source,
        "/// Every language's name in itself (`language-name`)."
    )
    .unwrap();
    writeln!(source, "const NAMES: [&str; {}] = {names:?};", codes.len()).unwrap();
    writeln!(
        source,
        "/// Every language's catalogue, English first: the server's. The\n\
         /// browser loads its reader's alone (`i18n::install`)."
    )
    .unwrap();
    writeln!(source, "#[cfg(feature = \"ssr\")]").unwrap();
    writeln!(source, "const CATALOGUES: [&str; {}] = [", codes.len()).unwrap();
    for code in codes {
        let file = locales.join(code).join("portal.ftl");
        writeln!(
            source,
            "    include_str!({:?}),",
            file.display().to_string()
        )
        .unwrap();
    }
    writeln!(source, "];").unwrap();
    writeln!(source, "#[allow(non_upper_case_globals)]").unwrap();
    writeln!(source, "impl Locale {{").unwrap();
    for (index, code) in codes.iter().enumerate() {
        writeln!(
            source,
            "    pub const {}: Locale = Locale({index});",
            constant(code)
        )
        .unwrap();
    }
    writeln!(source, "    /// Every language, English first.").unwrap();
    let all: Vec<String> = codes
        .iter()
        .map(|code| format!("Locale::{}", constant(code)))
        .collect();
    writeln!(
        source,
        "    pub const ALL: [Locale; {}] = [{}];",
        codes.len(),
        all.join(", ")
    )
    .unwrap();
    writeln!(source, "}}").unwrap();
    source
}

/// The `language-name = …` message of a catalogue: the language's name in
/// itself, which the language switch shows without the catalogue.
fn language_name(file: &Path) -> String {
    let source = fs::read_to_string(file).expect("a catalogue");
    source
        .lines()
        .find_map(|line| line.strip_prefix("language-name ="))
        .map(|name| name.trim().to_string())
        .unwrap_or_else(|| panic!("{}: no `language-name = …`", file.display()))
}

/// `(kind, language, template)` for every `mail/<kind>/<language>.txt`.
fn mail_source(mail: &Path, codes: &[String]) -> String {
    let mut kinds: Vec<PathBuf> = fs::read_dir(mail)
        .expect("the mail folder")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_dir())
        .collect();
    kinds.sort();
    let mut rows = Vec::new();
    for kind in kinds {
        let name = kind.file_name().unwrap().to_string_lossy().into_owned();
        for code in codes {
            let file = kind.join(format!("{code}.txt"));
            if file.is_file() {
                rows.push(format!(
                    "    ({name:?}, {code:?}, include_str!({:?})),",
                    file.display().to_string()
                ));
            }
        }
    }
    format!(
        "/// Every mail template: its kind (folder), language and text.\n\
         const MAIL_TEMPLATES: [(&str, &str, &str); {}] = [\n{}\n];\n",
        rows.len(),
        rows.join("\n")
    )
}
