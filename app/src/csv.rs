//! CSV as spreadsheets read it (RFC 4180): fields with a comma, a quote or a
//! line break are quoted, quotes doubled, lines end in CRLF, and the file
//! starts with a UTF-8 byte-order mark so Excel shows non-ASCII text (Chinese
//! names, umlauts) correctly. A field that would start a formula is prefixed
//! with an apostrophe, so a cell never runs what a customer typed.

/// The byte-order mark every export starts with.
pub const BOM: &str = "\u{feff}";

fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_number(value) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

fn is_number(value: &str) -> bool {
    value.parse::<f64>().is_ok()
}

/// One line of the file, CRLF included.
pub fn line<S: AsRef<str>>(fields: &[S]) -> String {
    let mut out = fields
        .iter()
        .map(|f| field(f.as_ref()))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    out
}

/// A whole file: the mark, the header, the rows.
pub fn document<S: AsRef<str>>(header: &[&str], rows: &[Vec<S>]) -> String {
    let mut out = String::from(BOM);
    out.push_str(&line(header));
    for row in rows {
        out.push_str(&line(row));
    }
    out
}

/// Reads a file written by [`document`] (or any RFC 4180 file) back into
/// rows of fields; the mark is skipped.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                current.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => current.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut current)),
            (false, '\r') if chars.peek() == Some(&'\n') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut current));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => current.push(c),
        }
    }
    if !current.is_empty() || !row.is_empty() {
        row.push(current);
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn awkward_fields_are_quoted() {
        assert_eq!(line(&["a", "b c", ""]), "a,b c,\r\n");
        assert_eq!(
            line(&["Hamburg, Germany", "12\" pan", "two\nlines"]),
            "\"Hamburg, Germany\",\"12\"\" pan\",\"two\nlines\"\r\n"
        );
        assert_eq!(line(&["宁波厨具", "Müller"]), "宁波厨具,Müller\r\n");
    }

    #[test]
    fn formulas_are_defused_but_negative_numbers_stay() {
        assert_eq!(
            line(&["=HYPERLINK(\"x\")"]),
            "\"'=HYPERLINK(\"\"x\"\")\"\r\n"
        );
        assert_eq!(line(&["-12.50", "@SUM"]), "-12.50,'@SUM\r\n");
    }

    #[test]
    fn a_document_starts_with_the_mark_and_a_header() {
        let doc = document(&["No", "Name"], &[vec!["1", "A"]]);
        assert!(doc.starts_with('\u{feff}'));
        assert_eq!(parse(&doc), [["No", "Name"], ["1", "A"]]);
    }

    proptest! {
        #[test]
        fn what_is_written_reads_back(rows in proptest::collection::vec(
            proptest::collection::vec("([a-zA-Z0-9 ,\"\n宁波é][a-zA-Z0-9 ,\"\n\r宁波é]{0,11})?", 1..5), 1..6)
        ) {
            // Every row has the same width, as a table does.
            let width = rows[0].len();
            let rows: Vec<Vec<String>> = rows.into_iter().map(|mut r| { r.resize(width, String::new()); r }).collect();
            let header: Vec<String> = (0..width).map(|i| format!("c{i}")).collect();
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            let doc = document(&header, &rows);
            let back = parse(&doc);
            prop_assert_eq!(&back[1..], &rows[..]);
        }
    }
}
