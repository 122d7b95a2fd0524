//! Every word a page shows comes from the reader's catalogue or from the
//! data. Each demo person reads the portal in Chinese (and the customers
//! in German too); the test walks the links of each person's area from its
//! first page, renders every kind of page on the server, and looks for
//! Latin words that are neither in that language's catalogue nor in the
//! database: a text written into the code, or a key the catalogue lacks
//! (shown as the key itself), is such a word.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use app::i18n::Locale;
use integration_tests::{SpawnOptions, TestApp, get_in_language, spawn_app_with};
use sea_orm::{ConnectionTrait, DatabaseBackend, Statement};
use server::seed::DEMO_PASSWORD;

/// How many pages of one shape (the path with its numbers blanked) are read.
const PER_SHAPE: usize = 2;
/// How many pages one person's walk reads at most.
const PER_PERSON: usize = 60;

/// The Latin words of a catalogue's texts: not its keys, comments,
/// placeholders (`{ $name }`) or variant names (`[one]`).
fn catalogue_words(source: &str) -> BTreeSet<String> {
    let mut words = BTreeSet::new();
    for line in source.lines() {
        if line.trim_start().starts_with('#') {
            continue;
        }
        let text = if line.starts_with([' ', '\t']) {
            line
        } else {
            match line.split_once(" =") {
                Some((_, value)) => value,
                None => continue,
            }
        };
        let text = strip_between(&strip_between(text, '{', '}'), '[', ']');
        words.extend(latin_words(&text));
    }
    words
}

fn strip_between(text: &str, open: char, close: char) -> String {
    let mut out = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        if c == open {
            depth += 1;
        } else if c == close && depth > 0 {
            depth -= 1;
        } else if depth == 0 {
            out.push(c);
        }
    }
    out
}

/// Runs of two or more ASCII letters.
fn latin_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 2)
        .map(str::to_string)
        .collect()
}

/// Every word stored in a text column of the database.
async fn data_words(app: &TestApp) -> BTreeSet<String> {
    let backend = app.db.get_database_backend();
    let columns_sql = match backend {
        DatabaseBackend::Sqlite => {
            "SELECT m.name AS t, p.name AS c FROM sqlite_master m \
             JOIN pragma_table_info(m.name) p \
             WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' \
             AND (upper(p.type) LIKE '%TEXT%' OR upper(p.type) LIKE '%CHAR%')"
        }
        _ => {
            "SELECT table_name::text AS t, column_name::text AS c FROM information_schema.columns \
             WHERE table_schema = 'public' AND data_type IN ('text', 'character varying')"
        }
    };
    let columns = app
        .db
        .query_all_raw(Statement::from_string(backend, columns_sql))
        .await
        .unwrap();
    let mut words = BTreeSet::new();
    for column in columns {
        let table: String = column.try_get("", "t").unwrap();
        let name: String = column.try_get("", "c").unwrap();
        let sql = format!("SELECT \"{name}\" AS v FROM \"{table}\"");
        for row in app
            .db
            .query_all_raw(Statement::from_string(backend, sql))
            .await
            .unwrap()
        {
            if let Ok(Some(value)) = row.try_get::<Option<String>>("", "v") {
                words.extend(latin_words(&value));
            }
        }
    }
    words
}

fn decode_entities(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

/// Removes every `<tag ...>...</tag>` of `tag` (scripts, styles) and comments.
fn without_blocks(html: &str) -> String {
    let mut out = html.to_string();
    for (open, close) in [
        ("<script", "</script>"),
        ("<style", "</style>"),
        ("<!--", "-->"),
    ] {
        let mut kept = String::new();
        let mut rest = out.as_str();
        while let Some(start) = rest.find(open) {
            kept.push_str(&rest[..start]);
            match rest[start..].find(close) {
                Some(end) => rest = &rest[start + end + close.len()..],
                None => {
                    rest = "";
                    break;
                }
            }
        }
        kept.push_str(rest);
        out = kept;
    }
    out
}

/// What a reader sees of a page: the text between tags and the texts of
/// the attributes a browser shows (placeholders, titles, labels, alt texts,
/// button values).
fn visible_text(html: &str) -> String {
    let html = without_blocks(html);
    let mut text = String::new();
    let mut rest = html.as_str();
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open..open + close];
        for attribute in ["placeholder", "title", "aria-label", "alt"] {
            let needle = format!(" {attribute}=\"");
            if let Some(at) = tag.find(&needle) {
                let value = &tag[at + needle.len()..];
                text.push_str(value.split('"').next().unwrap_or_default());
                text.push(' ');
            }
        }
        let button = tag.contains("type=\"submit\"") || tag.contains("type=\"button\"");
        if tag.starts_with("<input")
            && button
            && let Some(at) = tag.find(" value=\"")
        {
            text.push_str(tag[at + 8..].split('"').next().unwrap_or_default());
            text.push(' ');
        }
        rest = &rest[open + close + 1..];
    }
    text.push_str(rest);
    decode_entities(&text)
}

/// The internal links of a page worth following: pages, not files, exports,
/// server functions or anything that signs out.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(decode_entities)
        .filter(|href| href.starts_with('/') && !href.starts_with("//"))
        .map(|href| href.split('#').next().unwrap_or_default().to_string())
        .filter(|href| {
            ![
                "/files",
                "/exports",
                "/api",
                "/pkg",
                "/logout",
                "/documents",
            ]
            .iter()
            .any(|p| href.starts_with(p))
        })
        .collect()
}

/// The path with its numbers blanked and its query's values dropped.
fn shape(path: &str) -> String {
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let blank: String = path
        .split('/')
        .map(|part| {
            if part.chars().any(|c| c.is_ascii_digit()) {
                "N"
            } else {
                part
            }
        })
        .collect::<Vec<_>>()
        .join("/");
    let names: Vec<&str> = query
        .split('&')
        .filter_map(|pair| pair.split('=').next())
        .filter(|name| !name.is_empty())
        .collect();
    format!("{blank}?{}", names.join("&"))
}

/// Whether `word` is allowed, or the start of an allowed word of which a
/// chart or a narrow cell shows only the beginning.
fn known(allowed: &BTreeSet<String>, word: &str) -> bool {
    allowed.contains(word)
        || (word.len() >= 4
            && allowed
                .range(word.to_string()..)
                .next()
                .is_some_and(|next| next.starts_with(word)))
}

/// The words on the pages `client` reaches from `start` that `allowed`
/// does not hold, by page.
async fn stray_words(
    app: &TestApp,
    client: &reqwest::Client,
    start: &[&str],
    accept_language: &str,
    allowed: &BTreeSet<String>,
) -> (usize, BTreeMap<String, BTreeSet<String>>) {
    let mut queue: VecDeque<String> = start.iter().map(|s| s.to_string()).collect();
    let mut seen = BTreeSet::new();
    let mut shapes: BTreeMap<String, usize> = BTreeMap::new();
    let mut strays = BTreeMap::new();
    let mut read = 0;
    while let Some(path) = queue.pop_front() {
        if read >= PER_PERSON || !seen.insert(path.clone()) {
            continue;
        }
        let count = shapes.entry(shape(&path)).or_default();
        if *count >= PER_SHAPE {
            continue;
        }
        *count += 1;
        let response = get_in_language(client, &app.url(&path), Some(accept_language)).await;
        let status = response.status().as_u16();
        let html = response.text().await.unwrap();
        if !(200..300).contains(&status) && status != 404 {
            continue;
        }
        read += 1;
        let found: BTreeSet<String> = latin_words(&visible_text(&html))
            .into_iter()
            .filter(|w| !known(allowed, w))
            .collect();
        if !found.is_empty() {
            strays.insert(path.clone(), found);
        }
        queue.extend(links(&html));
    }
    (read, strays)
}

async fn demo() -> TestApp {
    spawn_app_with(SpawnOptions {
        demo_data: true,
        ..Default::default()
    })
    .await
}

/// Words that are neither English nor the reader's: the data, the other
/// languages' names in the language menu, and time-zone names.
async fn allowed_for(app: &TestApp, locale: Locale) -> BTreeSet<String> {
    let mut allowed = catalogue_words(locale.catalogue());
    allowed.extend(data_words(app).await);
    for other in Locale::ALL {
        allowed.extend(latin_words(&other.t("language-name")));
    }
    for zone in app::domain::time_zone::choices() {
        allowed.extend(latin_words(zone));
    }
    // Codes the forms offer as they are (ISO currencies, Incoterms).
    let codes = app::domain::order_input::CURRENCIES
        .iter()
        .chain(app::domain::order_input::INCOTERMS);
    allowed.extend(codes.map(|code| code.to_string()));
    allowed
}

async fn check_people(
    app: &TestApp,
    locale: Locale,
    people: &[(&str, &[&str])],
) -> BTreeMap<String, BTreeSet<String>> {
    let allowed = allowed_for(app, locale).await;
    let mut all = BTreeMap::new();
    for (email, start) in people {
        let client = app.client_for(email, DEMO_PASSWORD).await;
        let (status, body) = app
            .call(&client, "auth/locale", &[("locale", locale.as_str())])
            .await;
        assert_eq!(status, 200, "{body}");
        let (read, strays) = stray_words(app, &client, start, "en", &allowed).await;
        assert!(read >= 3, "{email} read only {read} pages");
        for (page, words) in strays {
            all.insert(format!("{email} {page}"), words);
        }
    }
    // The portal's jobs write while the walk goes on (a notification's
    // title is its mail's subject, in English where the reader's language
    // has no mail template): what is in the database by the end is data.
    let data_now = data_words(app).await;
    for words in all.values_mut() {
        words.retain(|word| !data_now.contains(word));
    }
    all.retain(|_, words| !words.is_empty());
    all
}

#[tokio::test]
async fn every_area_in_chinese_shows_only_catalogue_words_and_data() {
    let app = demo().await;
    let people: [(&str, &[&str]); 6] = [
        ("admin@harbourbridge.example", &["/admin", "/account"]),
        ("sales@harbourbridge.example", &["/staff", "/notifications"]),
        ("director@harbourbridge.example", &["/staff"]),
        ("einkauf@nordlicht.example", &["/customer", "/account"]),
        ("orders@everbright.example", &["/supplier", "/account"]),
        ("costs@harbourbridge.example", &["/staff"]),
    ];
    let strays = check_people(&app, Locale::Zh, &people).await;
    // Visitors read the language their browser asks for.
    let allowed = allowed_for(&app, Locale::Zh).await;
    let (_, visitor) = stray_words(
        &app,
        &integration_tests::new_client(),
        &["/", "/login", "/reset-password", "/no/such/page"],
        "zh-CN,zh;q=0.9",
        &allowed,
    )
    .await;
    assert!(
        strays.is_empty() && visitor.is_empty(),
        "words from outside the Chinese catalogue:\n{strays:#?}\nvisitors: {visitor:#?}"
    );
}

#[tokio::test]
async fn the_customer_area_in_german_shows_only_catalogue_words_and_data() {
    let app = demo().await;
    let people: [(&str, &[&str]); 2] = [
        ("einkauf@nordlicht.example", &["/customer", "/account"]),
        ("buying@maplepine.example", &["/customer", "/notifications"]),
    ];
    let strays = check_people(&app, Locale::De, &people).await;
    let allowed = allowed_for(&app, Locale::De).await;
    let (_, visitor) = stray_words(
        &app,
        &integration_tests::new_client(),
        &["/", "/login", "/reset-password"],
        "de-DE,de;q=0.9,en;q=0.5",
        &allowed,
    )
    .await;
    assert!(
        strays.is_empty() && visitor.is_empty(),
        "words from outside the German catalogue:\n{strays:#?}\nvisitors: {visitor:#?}"
    );
}

#[test]
fn the_walk_reads_what_a_reader_sees() {
    let html = r#"<html><head><style>p{}</style><script>var x = "Hidden";</script></head>
        <body><!-- a comment --><p class="note">订单 &amp; Stray</p>
        <input placeholder="Typed hint" value="not shown"/><input type="submit" value="Send"/>
        <a href="/customer/orders/12?tab=files">x</a><a href="/files/3">f</a></body></html>"#;
    let words = latin_words(&visible_text(html));
    assert_eq!(
        words,
        ["Stray", "Typed", "hint", "Send", "x", "f"][..4].to_vec()
    );
    assert_eq!(links(html), ["/customer/orders/12?tab=files"]);
    assert_eq!(
        shape("/customer/orders/12?tab=files"),
        "/customer/orders/N?tab"
    );
    let words = catalogue_words(
        "# Comment here\nkey-one = Ein { $count -> [one] Auftrag *[other] Aufträge }\n    weiter\n",
    );
    assert_eq!(
        words,
        ["Ein", "weiter"].into_iter().map(String::from).collect()
    );
}
