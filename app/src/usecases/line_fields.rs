//! Reading the lines of a form (an inquiry's, a quotation's, an order's):
//! which lines were filled in, and each field's value or its problem, noted
//! under `lines[i].field` in the reader's language. What each field must
//! hold is the domain's (`domain::order_input`); which fields a kind of line
//! has, and which may be left empty, is its use case's.

use crate::domain::order_input::required_text;
use crate::domain::refusal::{Localize, Refusal};
use crate::i18n::Locale;
use crate::wire::FieldErrors;

/// The lines that hold anything, at most `max` of them. No line at all is
/// noted under `lines` with the message `none`, more than `max` with
/// `too_many` (which names the `max`).
pub fn filled_lines<L>(
    problems: &mut FieldErrors,
    lines: Vec<L>,
    is_blank: impl Fn(&L) -> bool,
    (max, none, too_many): (usize, &str, &str),
    locale: Locale,
) -> Vec<L> {
    let mut filled: Vec<L> = lines.into_iter().filter(|l| !is_blank(l)).collect();
    if filled.is_empty() {
        problems.add("lines", locale.t(none));
    } else if filled.len() > max {
        problems.add("lines", locale.t_with(too_many, &[("max", max.into())]));
    }
    filled.truncate(max);
    filled
}

/// The fields of line `index` of a form.
pub struct LineFields<'a> {
    problems: &'a mut FieldErrors,
    index: usize,
    locale: Locale,
}

impl<'a> LineFields<'a> {
    pub fn new(problems: &'a mut FieldErrors, index: usize, locale: Locale) -> Self {
        Self {
            problems,
            index,
            locale,
        }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// The value of a field that must hold one, or `None` with its problem
    /// noted.
    pub fn required<T>(&mut self, name: &str, parsed: Result<T, Refusal>) -> Option<T> {
        self.checked(name, parsed.localized(self.locale))
    }

    /// Text that must be given, at most `max` characters; `what` names it
    /// in the message (`domain::order_input::required_text`).
    pub fn text(
        &mut self,
        name: &str,
        raw: &str,
        max: usize,
        what: &'static str,
    ) -> Option<String> {
        self.required(name, required_text(raw, max, what))
    }

    /// The product a line names, both parts required: its code (at most 40
    /// characters) and its description (at most 2,000).
    pub fn product(&mut self, code: &str, description: &str) -> Option<(String, String)> {
        let code = self.text("product_code", code, 40, "input-what-product-code");
        let description = self.text("description", description, 2000, "input-what-description");
        Some((code?, description?))
    }

    /// The unit a line counts in, at most 12 characters.
    pub fn unit(&mut self, raw: &str) -> Option<String> {
        self.text("unit", raw, 12, "input-what-unit")
    }

    /// A field that may be left empty: `Some(None)` when it is, else as
    /// [`Self::required`] of what `parse` makes of it.
    pub fn optional<T>(
        &mut self,
        name: &str,
        raw: &str,
        parse: impl FnOnce(&str) -> Result<T, Refusal>,
    ) -> Option<Option<T>> {
        match raw.trim() {
            "" => Some(None),
            raw => self.required(name, parse(raw)).map(Some),
        }
    }

    /// A field whose check already speaks the reader's language.
    pub fn checked<T>(&mut self, name: &str, result: Result<T, String>) -> Option<T> {
        let field = format!("lines[{}].{name}", self.index);
        self.problems.keep(field, result)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::order_input::parse_quantity;

    /// Each problem noted, as (field, message).
    fn noted(problems: FieldErrors) -> Vec<(String, String)> {
        match problems.into_error() {
            crate::wire::ApiError::Invalid { fields } => {
                fields.into_iter().map(|f| (f.field, f.message)).collect()
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn problems_are_noted_under_the_lines_index_and_field() {
        let mut problems = FieldErrors::default();
        let mut line = LineFields::new(&mut problems, 2, Locale::En);
        assert_eq!(line.required("quantity", parse_quantity("12")), Some(12));
        assert_eq!(line.required("quantity", parse_quantity("none")), None);
        assert_eq!(line.optional("unit_price", " ", parse_quantity), Some(None));
        assert_eq!(
            line.optional("unit_price", "3", parse_quantity),
            Some(Some(3))
        );
        assert_eq!(line.optional("unit_price", "-3", parse_quantity), None);
        let refused = |raw| parse_quantity(raw).unwrap_err().text(Locale::En);
        assert_eq!(
            noted(problems),
            [
                ("lines[2].quantity".to_string(), refused("none")),
                ("lines[2].unit_price".to_string(), refused("-3")),
            ]
        );
    }

    #[test]
    fn a_product_needs_both_its_code_and_its_description() {
        let mut problems = FieldErrors::default();
        let mut line = LineFields::new(&mut problems, 0, Locale::En);
        assert_eq!(
            line.product(" AB-1 ", "Oak chair"),
            Some(("AB-1".to_string(), "Oak chair".to_string()))
        );
        assert_eq!(line.unit("pcs"), Some("pcs".to_string()));
        assert!(problems.is_empty());

        let mut line = LineFields::new(&mut problems, 1, Locale::En);
        assert_eq!(line.product("AB-1", " "), None);
        assert_eq!(line.product(&"X".repeat(41), "Oak chair"), None);
        assert_eq!(line.unit(&"u".repeat(13)), None);
        let fields: Vec<String> = noted(problems).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "lines[1].description",
                "lines[1].product_code",
                "lines[1].unit"
            ]
        );
    }

    #[test]
    fn blank_lines_are_dropped_and_the_count_is_bounded() {
        let keys = (2, "err-quote-no-lines", "err-quote-too-many-lines");
        let blank = |l: &&str| l.trim().is_empty();
        let mut problems = FieldErrors::default();
        let kept = filled_lines(&mut problems, vec!["a", " ", "b"], blank, keys, Locale::En);
        assert_eq!(kept, ["a", "b"]);
        assert!(problems.is_empty());

        let kept = filled_lines(&mut problems, vec!["", " "], blank, keys, Locale::En);
        assert!(kept.is_empty());
        assert_eq!(
            noted(problems),
            [("lines".to_string(), Locale::En.t("err-quote-no-lines"))]
        );

        let mut problems = FieldErrors::default();
        let kept = filled_lines(&mut problems, vec!["a", "b", "c"], blank, keys, Locale::En);
        assert_eq!(kept, ["a", "b"]);
        let too_many = Locale::En.t_with("err-quote-too-many-lines", &[("max", 2.into())]);
        assert_eq!(noted(problems), [("lines".to_string(), too_many)]);
    }
}
