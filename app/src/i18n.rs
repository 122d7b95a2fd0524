//! The portal's languages. Texts live in Fluent files (`app/locales/<lang>/
//! portal.ftl`), one per language with the same keys. The server has every
//! catalogue compiled in. The browser bundle has none: a page names its
//! reader's catalogue (`Locale::catalogue_path`, a file of the static site),
//! and the browser fetches that one and [`install`]s it before the page
//! hydrates, so a reader downloads one language, not all of them. A page
//! asks for `locale.t("key")`; the server uses the same catalogue for
//! messages it sends back (field errors), so a person reads one language
//! throughout. On the server English is the fallback.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One of the languages with a catalogue. The languages are the folders
/// under `app/locales/` (the build finds them), so adding one is adding
/// its `portal.ftl`; each has a constant named after its code
/// (`Locale::En`, `Locale::Zh`, …) and `Locale::ALL` lists them, English
/// first.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Locale(u8);

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

impl Default for Locale {
    fn default() -> Self {
        Locale::En
    }
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Locale {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Locale {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Locale::parse(&code)
            .ok_or_else(|| serde::de::Error::custom(format!("unknown language {code:?}")))
    }
}

type Bundle = FluentBundle<FluentResource>;

fn build(lang: &str, source: String) -> Result<Bundle, String> {
    let resource = FluentResource::try_new(source)
        .map_err(|(_, errors)| format!("{lang}/portal.ftl does not parse: {errors:?}"))?;
    let id = lang.parse().map_err(|e| format!("{lang}: {e}"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Unicode isolation marks would show up in inputs, titles and tests.
    bundle.set_use_isolating(false);
    bundle
        .add_resource(resource)
        .map_err(|errors| format!("{lang}/portal.ftl repeats keys: {errors:?}"))?;
    Ok(bundle)
}

#[cfg(feature = "ssr")]
fn bundle(locale: Locale) -> Option<&'static Bundle> {
    static BUNDLES: OnceLock<Vec<Bundle>> = OnceLock::new();
    let bundles = BUNDLES.get_or_init(|| {
        Locale::ALL
            .into_iter()
            .map(|l| build(l.as_str(), l.catalogue().to_string()).unwrap_or_else(|e| panic!("{e}")))
            .collect()
    });
    bundles.get(usize::from(locale.0))
}

#[cfg(feature = "ssr")]
mod plain;
#[cfg(feature = "ssr")]
use plain::padded;

/// The one catalogue a browser has: its page's reader's, once installed.
#[cfg(not(feature = "ssr"))]
static INSTALLED: OnceLock<(Locale, Bundle)> = OnceLock::new();

#[cfg(not(feature = "ssr"))]
fn bundle(locale: Locale) -> Option<&'static Bundle> {
    INSTALLED
        .get()
        .filter(|(installed, _)| *installed == locale)
        .map(|(_, bundle)| bundle)
}

/// Takes `source` as the browser's catalogue for `locale`, the language of
/// its page; a second catalogue is refused, as is one that does not parse.
#[cfg(not(feature = "ssr"))]
pub fn install(locale: Locale, source: String) -> Result<(), String> {
    let bundle = build(locale.as_str(), source)?;
    INSTALLED
        .set((locale, bundle))
        .map_err(|_| "a catalogue is installed already".to_string())
}

impl Locale {
    /// The code stored with a user and used in `lang` attributes.
    pub fn as_str(self) -> &'static str {
        CODES[usize::from(self.0)]
    }

    /// The language's name in itself (its `language-name`), which the
    /// browser knows for every language, not only its reader's.
    pub fn name(self) -> &'static str {
        NAMES[usize::from(self.0)]
    }

    /// The language's catalogue source, as shipped.
    #[cfg(feature = "ssr")]
    pub fn catalogue(self) -> &'static str {
        CATALOGUES[usize::from(self.0)]
    }

    /// Where the browser fetches the catalogue: a file of the static site
    /// (`scripts/lib.sh` copies it there), named with its content's hash so
    /// that no browser keeps an old one after an upgrade.
    #[cfg(feature = "ssr")]
    pub fn catalogue_path(self) -> &'static str {
        static PATHS: OnceLock<Vec<String>> = OnceLock::new();
        let paths = PATHS.get_or_init(|| {
            Locale::ALL
                .into_iter()
                .map(|l| {
                    use std::hash::{DefaultHasher, Hash, Hasher};
                    let mut hasher = DefaultHasher::new();
                    l.catalogue().hash(&mut hasher);
                    format!(
                        "/pkg/messages/{}.ftl?v={:016x}",
                        l.as_str(),
                        hasher.finish()
                    )
                })
                .collect()
        });
        &paths[usize::from(self.0)]
    }

    /// `en`, `zh`, and regional forms such as `zh-CN` or `en_GB`.
    pub fn parse(raw: &str) -> Option<Locale> {
        let lang = raw.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Self::ALL.into_iter().find(|l| l.as_str() == lang)
    }

    /// A day as this language writes it (`format-date`).
    pub fn date(self, day: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        // Dozens to a page: the digits go straight into the text.
        #[cfg(feature = "ssr")]
        if let Some(text) = self.plain_written("format-date", |name, text| {
            match name {
                "year" => padded(text, day.year(), 4),
                "month" => padded(text, day.month() as i32, 2),
                "day" => padded(text, day.day() as i32, 2),
                _ => return None,
            }
            Some(())
        }) {
            return text;
        }
        self.t_with(
            "format-date",
            &[
                ("year", format!("{:04}", day.year()).into()),
                ("month", format!("{:02}", day.month()).into()),
                ("day", format!("{:02}", day.day()).into()),
            ],
        )
    }

    /// A day, or a dash where there is none.
    pub fn date_or_dash(self, day: Option<chrono::NaiveDate>) -> String {
        day.map_or_else(|| "—".to_string(), |d| self.date(d))
    }

    /// A local date and time (`format-date-time`), to the minute.
    pub fn date_time(self, at: chrono::NaiveDateTime) -> String {
        use chrono::Timelike;
        // Written by hand, as `date` is: chrono's pattern formatter (its
        // `format("%H:%M")`) weighs some 20 KB in the browser's bundles.
        let time = format!("{:02}:{:02}", at.hour(), at.minute());
        self.t_with(
            "format-date-time",
            &[("date", self.date(at.date()).into()), ("time", time.into())],
        )
    }

    /// A plain decimal (`-12345.50`) with this language's thousands and
    /// decimal marks.
    pub fn number(self, plain: &str) -> String {
        crate::domain::numbers::localize(
            plain,
            &self.t("format-group-separator"),
            &self.t("format-decimal-separator"),
        )
    }

    /// An amount in a currency, as this language writes it (`format-money`).
    pub fn money(self, plain: &str, currency: &str) -> String {
        self.t_with(
            "format-money",
            &[
                ("amount", self.number(plain).into()),
                ("currency", currency.to_string().into()),
            ],
        )
    }

    /// The first supported language of an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Locale {
        let mut offered: Vec<(f32, Locale)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let locale = Locale::parse(pieces.next()?)?;
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse().ok())
                    .unwrap_or(1.0);
                Some((quality, locale))
            })
            .collect();
        offered.sort_by(|a, b| b.0.total_cmp(&a.0));
        offered.first().map(|(_, l)| *l).unwrap_or_default()
    }

    pub fn t(self, key: &str) -> String {
        #[cfg(feature = "ssr")]
        if let Some(text) = self.plain(key, &[]) {
            return text;
        }
        self.format(key, None)
    }

    /// A message with arguments, e.g. `("count", 3.into())`.
    pub fn t_with(self, key: &str, args: &[(&str, FluentValue<'_>)]) -> String {
        #[cfg(feature = "ssr")]
        if let Some(text) = self.plain(key, args) {
            return text;
        }
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(*name, value.clone());
        }
        self.format(key, Some(&fluent_args))
    }

    fn format(self, key: &str, args: Option<&FluentArgs<'_>>) -> String {
        for locale in [self, Locale::En] {
            let Some(bundle) = bundle(locale) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        // Visible but harmless; the catalog test keeps this from shipping.
        key.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(source: &str) -> Vec<String> {
        let mut keys: Vec<String> = source
            .lines()
            .filter(|l| !l.starts_with([' ', '#', '*', '[']) && l.contains(" ="))
            .map(|l| l.split(" =").next().unwrap().trim().to_string())
            .collect();
        keys.sort();
        keys
    }

    #[test]
    fn every_language_has_every_key() {
        let en = keys(Locale::En.catalogue());
        assert!(en.len() > 40, "{en:?}");
        assert!(Locale::ALL.len() >= 3, "{:?}", Locale::ALL);
        for locale in Locale::ALL {
            assert_eq!(en, keys(locale.catalogue()), "{locale:?}");
        }
    }

    /// Every Rust source file under `dir`, with its text.
    fn rust_sources(dir: &std::path::Path, found: &mut Vec<(std::path::PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).unwrap().filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                rust_sources(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let source = std::fs::read_to_string(&path).unwrap();
                found.push((path, source));
            }
        }
    }

    /// The string literal `text` starts with, if it does.
    fn literal_at(text: &str) -> Option<&str> {
        let literal = text.trim_start().strip_prefix('"')?;
        literal.split('"').next()
    }

    /// Every key the code names literally (`.t("key")`, `.t_with("key", …)`).
    fn keys_in_code(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
        let mut sources = Vec::new();
        rust_sources(dir, &mut sources);
        // i18n.rs names keys only in its notes and examples.
        for (path, source) in sources.iter().filter(|(p, _)| !p.ends_with("i18n.rs")) {
            for call in [".t(", ".t_with("] {
                for (at, _) in source.match_indices(call) {
                    let Some(key) = literal_at(&source[at + call.len()..]) else {
                        continue;
                    };
                    if !key.is_empty() && !key.contains(['{', ' ']) {
                        found.push((path.display().to_string(), key.to_string()));
                    }
                }
            }
        }
    }

    #[test]
    fn every_key_the_code_names_is_in_the_catalogue() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = Vec::new();
        keys_in_code(&root, &mut found);
        assert!(found.len() > 500, "{}", found.len());
        let en = keys(Locale::En.catalogue());
        let missing: Vec<_> = found
            .iter()
            .filter(|(_, key)| en.binary_search(key).is_err())
            .collect();
        assert!(
            missing.is_empty(),
            "keys missing from the catalogue: {missing:?}"
        );
    }

    /// Texts written into the code as a refusal's message (`ApiError::invalid`'s
    /// second argument, a `message:` field) outside the tests: a text, not a
    /// key, starts with a capital letter.
    fn written_texts(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
        let mut sources = Vec::new();
        rust_sources(dir, &mut sources);
        for (path, source) in sources.iter().filter(|(p, _)| !p.ends_with("tests.rs")) {
            let source = source.split("#[cfg(test)]").next().unwrap_or_default();
            let mut texts = Vec::new();
            for (at, call) in source.match_indices("ApiError::invalid(") {
                if let Some((_, second)) = source[at + call.len()..].split_once(',') {
                    texts.push(second);
                }
            }
            for (at, field) in source.match_indices("message:") {
                texts.push(&source[at + field.len()..]);
            }
            for literal in texts.into_iter().filter_map(literal_at) {
                if literal.starts_with(|c: char| c.is_uppercase()) {
                    found.push((path.display().to_string(), literal.to_string()));
                }
            }
        }
    }

    #[test]
    fn no_refusal_carries_a_text_written_into_the_code() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = Vec::new();
        written_texts(&root, &mut found);
        assert!(found.is_empty(), "texts not from a catalogue: {found:?}");
        // The scan finds what it looks for.
        let dir = std::env::temp_dir().join(format!("written-texts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("sample.rs"),
            "fn f() { ApiError::invalid(\"to\", \"Too late.\"); ApiError::invalid(\"a\", locale.t(\"k\")); }",
        )
        .unwrap();
        let mut sample = Vec::new();
        written_texts(&dir, &mut sample);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(sample.len(), 1, "{sample:?}");
        assert_eq!(sample[0].1, "Too late.");
    }

    #[test]
    fn every_message_formats_without_errors_in_every_language() {
        let mut args = FluentArgs::new();
        let trade = "amount chapter code credit date digits document document_code \
            document_qty document_text expected invoice latest left max order_code \
            order_text quantity shipment_qty shipping size sum total";
        let complaints = "hours min minutes status";
        let news = "no unit";
        let glance = "vessel";
        let zones = "zone";
        let pages = "balance currency email milestone note paid percent points reason reference \
            score share";
        let formats = "year month day time";
        let changes = "address order_line supplier what";
        let input = "what given choices so_far step current";
        let staff = "action answer asked axis currency email hits late lines median ms note p90 \
            limit percent shown";
        for name in [
            "line", "days", "count", "ordered", "was", "problem", "done", "name", "from", "to",
            "po", "product", "number", "revision",
        ]
        .into_iter()
        .chain(trade.split_whitespace())
        .chain(complaints.split_whitespace())
        .chain(news.split_whitespace())
        .chain(glance.split_whitespace())
        .chain(zones.split_whitespace())
        .chain(pages.split_whitespace())
        .chain(staff.split_whitespace())
        .chain(formats.split_whitespace())
        .chain(changes.split_whitespace())
        .chain(input.split_whitespace())
        {
            args.set(name, FluentValue::from(2));
        }
        for locale in Locale::ALL {
            let bundle = bundle(locale).unwrap();
            for key in keys(Locale::En.catalogue()) {
                let message = bundle.get_message(&key).unwrap_or_else(|| panic!("{key}"));
                let mut errors = Vec::new();
                let text =
                    bundle.format_pattern(message.value().unwrap(), Some(&args), &mut errors);
                assert!(errors.is_empty(), "{locale:?} {key}: {errors:?}");
                assert!(!text.trim().is_empty(), "{locale:?} {key}");
            }
        }
    }

    #[test]
    fn texts_in_both_languages_with_arguments_and_plurals() {
        assert_eq!(Locale::Zh.t("milestone-qc_passed"), "质检通过");
        assert_eq!(Locale::En.t("milestone-qc_passed"), "QC passed");
        assert_eq!(
            Locale::En.t_with("supplier-bulk-done", &[("count", 1.into())]),
            "One line updated."
        );
        assert_eq!(
            Locale::En.t_with("supplier-bulk-done", &[("count", 3.into())]),
            "3 lines updated."
        );
        assert_eq!(
            Locale::Zh.t_with("supplier-stale", &[("days", 9.into())]),
            "已 9 天未更新"
        );
        assert_eq!(Locale::Zh.t("no-such-key"), "no-such-key");
    }

    proptest::proptest! {
        /// The time written by hand reads as chrono's `%H:%M` would.
        #[test]
        fn a_date_time_reads_as_the_pattern_would(
            days in 0i64..200_000,
            seconds in 0u32..86_400,
        ) {
            let day = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap()
                + chrono::Duration::days(days);
            let at = day.and_time(
                chrono::NaiveTime::from_num_seconds_from_midnight_opt(seconds, 0).unwrap(),
            );
            proptest::prop_assert_eq!(
                Locale::En.date_time(at),
                at.format("%Y-%m-%d %H:%M").to_string()
            );
        }
    }

    #[test]
    fn dates_and_amounts_in_each_language() {
        let day = chrono::NaiveDate::from_ymd_opt(2027, 3, 4).unwrap();
        assert_eq!(Locale::En.date(day), "2027-03-04");
        assert_eq!(Locale::De.date(day), "04.03.2027");
        assert_eq!(Locale::Zh.date(day), "2027-03-04");
        let at = day.and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(Locale::De.date_time(at), "04.03.2027, 09:05");
        assert_eq!(Locale::En.date_time(at), "2027-03-04 09:05");
        assert_eq!(Locale::En.money("12345.50", "USD"), "12,345.50 USD");
        assert_eq!(Locale::De.money("12345.50", "EUR"), "12.345,50 EUR");
        assert_eq!(Locale::Zh.money("-1000.00", "CNY"), "-1,000.00 CNY");
        assert_eq!(Locale::De.date_or_dash(None), "—");
    }

    #[test]
    fn each_language_is_named_in_itself_and_its_catalogue_has_a_path() {
        for locale in Locale::ALL {
            assert_eq!(locale.name(), locale.t("language-name"));
        }
        assert_eq!(Locale::Zh.name(), "中文");
        let zh = Locale::Zh.catalogue_path();
        assert!(zh.starts_with("/pkg/messages/zh.ftl?v="), "{zh}");
        let paths = Locale::ALL.map(Locale::catalogue_path);
        assert!(
            paths
                .iter()
                .all(|p| p.len() == "/pkg/messages/xx.ftl?v=".len() + 16)
        );
        let mut distinct = paths.to_vec();
        distinct.dedup();
        assert_eq!(distinct.len(), paths.len(), "{paths:?}");
    }

    #[test]
    fn languages_from_codes_and_headers() {
        assert_eq!(Locale::parse("zh-CN"), Some(Locale::Zh));
        assert_eq!(Locale::parse("EN_gb"), Some(Locale::En));
        assert_eq!(Locale::parse("de-AT"), Some(Locale::De));
        assert_eq!(Locale::parse("xx"), None);
        assert_eq!(Locale::from_accept_language("de-DE,en;q=0.5"), Locale::De);
        assert_eq!(
            Locale::from_accept_language("fr-FR,zh-CN;q=0.8,en;q=0.5"),
            Locale::Zh
        );
        assert_eq!(Locale::from_accept_language("en-US,zh;q=0.9"), Locale::En);
        assert_eq!(Locale::from_accept_language("fr"), Locale::En);
        assert_eq!(Locale::from_accept_language(""), Locale::En);
    }
}
