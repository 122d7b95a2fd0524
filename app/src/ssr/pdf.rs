//! Trade documents as PDF: an A4 portrait page set in Helvetica, from the
//! content `domain::trade_documents` decided. This module only places it:
//! letterhead, title with number and date, the seller and buyer blocks, the
//! facts, the table (its header repeated on every page it runs onto,
//! numbers right-aligned), the totals, the footer and "Page N of M".
//!
//! The fonts are the built-in Helvetica and Helvetica-Bold (every PDF reader
//! has them, so nothing is embedded and a document weighs a few kilobytes)
//! with the WinAnsi encoding: Latin letters with the accents of western
//! European languages, and a few signs (€, –, “ ”). Any other character
//! (Chinese, Cyrillic, Polish ł, ...) prints as `?`; a document in such a
//! script needs an embedded font instead.
//!
//! Text is drawn in reading order, each printed line one text object, so a
//! text extractor reads the document as [`TradeDocument::text_lines`] lists
//! it (plus the page furniture). Content streams are left uncompressed.

use pdf_writer::{Content, Name, Pdf, Rect, Ref, Str, TextStr};

use crate::domain::trade_documents::{Align, Column, TradeDocument, page_label};

mod text;
use text::{Font, text_width, win_ansi, wrap};

const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 40.0;
const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const RIGHT_EDGE: f32 = PAGE_WIDTH - MARGIN;
const TOP: f32 = PAGE_HEIGHT - MARGIN;
/// Nothing but the page number goes below this.
const BOTTOM: f32 = 56.0;
const PAGE_NUMBER_BASELINE: f32 = 30.0;
/// Between a table cell's edge and its text.
const CELL_PADDING: f32 = 3.0;
/// Between the two party blocks, and between the two columns of facts.
const GUTTER: f32 = 20.0;
/// The width of a fact's label; its value starts after it.
const FACT_LABEL_WIDTH: f32 = 88.0;

const TEXT_SIZE: f32 = 9.0;
const TABLE_SIZE: f32 = 8.0;
const HEADER_SIZE: f32 = 7.5;
const FACT_SIZE: f32 = 8.5;
const SMALL_SIZE: f32 = 8.0;
const TITLE_SIZE: f32 = 15.0;

/// The document as a PDF file.
pub fn render(document: &TradeDocument) -> Vec<u8> {
    let pages = Layout::new(document).run();
    write_pdf(document, pages)
}

fn write_pdf(document: &TradeDocument, pages: Vec<Content>) -> Vec<u8> {
    let catalog_id = Ref::new(1);
    let tree_id = Ref::new(2);
    let regular_id = Ref::new(3);
    let bold_id = Ref::new(4);
    let info_id = Ref::new(5);
    let first_page = 6;
    // Each page is two objects: the page and its content stream.
    let page_id = |index: usize| Ref::new(first_page + 2 * index as i32);
    let content_id = |index: usize| Ref::new(first_page + 2 * index as i32 + 1);

    let mut pdf = Pdf::new();
    pdf.catalog(catalog_id).pages(tree_id);
    pdf.pages(tree_id)
        .kids((0..pages.len()).map(page_id))
        .count(pages.len() as i32);
    for (index, content) in pages.into_iter().enumerate() {
        {
            let mut page = pdf.page(page_id(index));
            page.media_box(Rect::new(0.0, 0.0, PAGE_WIDTH, PAGE_HEIGHT));
            page.parent(tree_id);
            page.contents(content_id(index));
            let mut resources = page.resources();
            let mut fonts = resources.fonts();
            fonts.pair(Font::Regular.name(), regular_id);
            fonts.pair(Font::Bold.name(), bold_id);
        }
        pdf.stream(content_id(index), &content.finish());
    }
    pdf.type1_font(regular_id)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold_id)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    let title = format!("{} {}", document.kind.title(), document.number);
    pdf.document_info(info_id)
        .title(TextStr(&title))
        .producer(TextStr("Trade Portal"));
    pdf.finish()
}

/// A piece of text on a line: where it starts, in which font.
struct Run<'t> {
    font: Font,
    size: f32,
    x: f32,
    text: &'t str,
}

impl<'t> Run<'t> {
    fn at(font: Font, size: f32, x: f32, text: &'t str) -> Self {
        Self {
            font,
            size,
            x,
            text,
        }
    }

    /// Ending at `right` rather than starting somewhere.
    fn ending_at(font: Font, size: f32, right: f32, text: &'t str) -> Self {
        Self::at(font, size, right - text_width(text, font, size), text)
    }
}

/// Places the document on pages, top to bottom, opening a page whenever the
/// next piece does not fit.
struct Layout<'d> {
    document: &'d TradeDocument,
    pages: Vec<Content>,
    /// The top of the free space on the current page.
    y: f32,
    /// Left edge and width of each table column, scaled to the page.
    columns: Vec<(f32, f32)>,
}

impl<'d> Layout<'d> {
    fn new(document: &'d TradeDocument) -> Self {
        let total: f32 = document.columns.iter().map(|c| c.width_pt).sum();
        let scale = if total > 0.0 {
            CONTENT_WIDTH / total
        } else {
            1.0
        };
        let mut x = MARGIN;
        let columns = document
            .columns
            .iter()
            .map(|column| {
                let width = column.width_pt * scale;
                let placed = (x, width);
                x += width;
                placed
            })
            .collect();
        Self {
            document,
            pages: vec![Content::new()],
            y: TOP,
            columns,
        }
    }

    fn run(mut self) -> Vec<Content> {
        self.letterhead();
        self.title();
        self.parties();
        self.facts();
        self.table();
        self.totals();
        self.footer();
        let count = self.pages.len();
        for (index, page) in self.pages.iter_mut().enumerate() {
            let label = page_label(index + 1, count);
            let x = (PAGE_WIDTH - text_width(&label, Font::Regular, SMALL_SIZE)) / 2.0;
            show(
                page,
                PAGE_NUMBER_BASELINE,
                &[Run::at(Font::Regular, SMALL_SIZE, x, &label)],
            );
        }
        self.pages
    }

    fn page(&mut self) -> &mut Content {
        self.pages.last_mut().expect("the layout always has a page")
    }

    /// Opens a new page unless `height` more points fit on this one; true
    /// when it did. Pages after the first begin with a caption naming the
    /// document.
    fn make_room(&mut self, height: f32) -> bool {
        if self.y - height >= BOTTOM {
            return false;
        }
        self.pages.push(Content::new());
        self.y = TOP;
        let caption = self.document.continued_caption();
        let baseline = self.y - SMALL_SIZE;
        show(
            self.page(),
            baseline,
            &[Run::at(Font::Bold, SMALL_SIZE, MARGIN, &caption)],
        );
        self.y -= SMALL_SIZE + 10.0;
        true
    }

    /// One line of text whose top is at the current position; moves below it.
    fn line(&mut self, runs: &[Run<'_>], leading: f32) {
        let size = runs.iter().map(|r| r.size).fold(0.0, f32::max);
        self.make_room(leading);
        let baseline = self.y - size;
        show(self.page(), baseline, runs);
        self.y -= leading;
    }

    fn rule(&mut self, gray: f32, width: f32) {
        let y = self.y;
        let page = self.page();
        page.set_stroke_gray(gray);
        page.set_line_width(width);
        page.move_to(MARGIN, y);
        page.line_to(RIGHT_EDGE, y);
        page.stroke();
    }

    fn letterhead(&mut self) {
        let document = self.document;
        for (index, text) in document.letterhead.iter().enumerate() {
            let (font, size) = if index == 0 {
                (Font::Bold, 14.0)
            } else {
                (Font::Regular, SMALL_SIZE + 0.5)
            };
            for piece in wrap(text, font, size, CONTENT_WIDTH) {
                self.line(&[Run::at(font, size, MARGIN, &piece)], size * 1.3);
            }
        }
        self.y -= 4.0;
        self.rule(0.55, 0.75);
        self.y -= 16.0;
    }

    fn title(&mut self) {
        let document = self.document;
        self.make_room(TITLE_SIZE + 2.0 * 12.0);
        let top = self.y;
        let title = document.kind.title();
        show(
            self.page(),
            top - TITLE_SIZE,
            &[Run::at(Font::Bold, TITLE_SIZE, MARGIN, title)],
        );
        for (index, (label, value)) in document.heading().iter().enumerate() {
            let value_run = Run::ending_at(Font::Regular, TEXT_SIZE, RIGHT_EDGE, value);
            let label_right = value_run.x - text_width(" ", Font::Regular, TEXT_SIZE);
            let label_run = Run::ending_at(Font::Bold, TEXT_SIZE, label_right, label);
            let baseline = top - TEXT_SIZE - 12.0 * index as f32;
            show(self.page(), baseline, &[label_run, value_run]);
        }
        self.y = top - TITLE_SIZE - 2.0 * 12.0;
    }

    fn parties(&mut self) {
        let document = self.document;
        let width = (CONTENT_WIDTH - GUTTER) / 2.0;
        let leading = TEXT_SIZE + 2.5;
        let blocks: Vec<(&str, Vec<(Font, String)>)> = document
            .parties()
            .iter()
            .map(|(label, party)| {
                let mut lines = Vec::new();
                for (index, text) in party.iter().enumerate() {
                    let font = if index == 0 {
                        Font::Bold
                    } else {
                        Font::Regular
                    };
                    for piece in wrap(text, font, TEXT_SIZE, width) {
                        lines.push((font, piece));
                    }
                }
                (*label, lines)
            })
            .collect();
        let tallest = blocks
            .iter()
            .map(|(_, lines)| lines.len())
            .max()
            .unwrap_or(0);
        let height = SMALL_SIZE + 6.0 + tallest as f32 * leading;
        self.make_room(height);
        let top = self.y;
        for (index, (label, lines)) in blocks.iter().enumerate() {
            let x = MARGIN + index as f32 * (width + GUTTER);
            let mut baseline = top - SMALL_SIZE;
            show(
                self.page(),
                baseline,
                &[Run::at(Font::Bold, SMALL_SIZE, x, label)],
            );
            baseline -= 6.0 + TEXT_SIZE;
            for (font, text) in lines {
                show(self.page(), baseline, &[Run::at(*font, TEXT_SIZE, x, text)]);
                baseline -= leading;
            }
        }
        self.y = top - height - 12.0;
    }

    fn facts(&mut self) {
        let document = self.document;
        let facts = &document.facts;
        if facts.is_empty() {
            return;
        }
        let width = (CONTENT_WIDTH - GUTTER) / 2.0;
        let value_width = width - FACT_LABEL_WIDTH;
        let leading = FACT_SIZE + 3.0;
        // The first half down the left column, the rest down the right.
        let (left, right) = facts.split_at(facts.len().div_ceil(2));
        let columns: Vec<Vec<(&str, Vec<String>)>> = [left, right]
            .into_iter()
            .map(|half| {
                half.iter()
                    .map(|(label, value)| {
                        (
                            label.as_str(),
                            wrap(value, Font::Regular, FACT_SIZE, value_width),
                        )
                    })
                    .collect()
            })
            .collect();
        let tallest = columns
            .iter()
            .map(|column| column.iter().map(|(_, lines)| lines.len()).sum::<usize>())
            .max()
            .unwrap_or(0);
        let height = tallest as f32 * leading;
        self.make_room(height);
        let top = self.y;
        for (index, column) in columns.iter().enumerate() {
            let x = MARGIN + index as f32 * (width + GUTTER);
            let mut baseline = top - FACT_SIZE;
            for (label, lines) in column {
                for (line_index, text) in lines.iter().enumerate() {
                    let value = Run::at(Font::Regular, FACT_SIZE, x + FACT_LABEL_WIDTH, text);
                    if line_index == 0 {
                        let label = Run::at(Font::Bold, FACT_SIZE, x, label);
                        show(self.page(), baseline, &[label, value]);
                    } else {
                        show(self.page(), baseline, &[value]);
                    }
                    baseline -= leading;
                }
            }
        }
        self.y = top - height - 12.0;
    }

    fn table(&mut self) {
        let document = self.document;
        if document.columns.is_empty() {
            return;
        }
        let leading = TABLE_SIZE + 2.5;
        let first_row = document
            .rows
            .first()
            .map_or(0.0, |row| self.row_height(&self.wrap_row(row), leading));
        self.make_room(HEADER_HEIGHT + first_row);
        self.table_header();
        for row in &document.rows {
            let cells = self.wrap_row(row);
            let height = self.row_height(&cells, leading);
            if self.make_room(height) {
                self.table_header();
            }
            let top = self.y;
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
            for line in 0..lines {
                let runs: Vec<Run<'_>> = cells
                    .iter()
                    .zip(&document.columns)
                    .zip(&self.columns)
                    .filter_map(|((cell, column), &(x, width))| {
                        let text = cell.get(line)?;
                        Some(cell_run(column, x, width, Font::Regular, TABLE_SIZE, text))
                    })
                    .collect();
                let baseline = top - ROW_PADDING - TABLE_SIZE - line as f32 * leading;
                show(self.page(), baseline, &runs);
            }
            self.y = top - height;
            self.rule(0.85, 0.4);
        }
        self.rule(0.45, 0.75);
        self.y -= 10.0;
    }

    fn table_header(&mut self) {
        let document = self.document;
        let top = self.y;
        let page = self.page();
        page.set_fill_gray(0.9);
        page.rect(MARGIN, top - HEADER_HEIGHT, CONTENT_WIDTH, HEADER_HEIGHT);
        page.fill_nonzero();
        page.set_fill_gray(0.0);
        let runs: Vec<Run<'_>> = document
            .columns
            .iter()
            .zip(&self.columns)
            .map(|(column, &(x, width))| {
                cell_run(column, x, width, Font::Bold, HEADER_SIZE, &column.title)
            })
            .collect();
        let baseline = top - (HEADER_HEIGHT + HEADER_SIZE) / 2.0 + 1.0;
        show(self.page(), baseline, &runs);
        self.y = top - HEADER_HEIGHT;
    }

    /// Each cell's text broken into lines that fit its column.
    fn wrap_row(&self, row: &[String]) -> Vec<Vec<String>> {
        row.iter()
            .zip(&self.columns)
            .map(|(text, &(_, width))| {
                wrap(text, Font::Regular, TABLE_SIZE, width - 2.0 * CELL_PADDING)
            })
            .collect()
    }

    fn row_height(&self, cells: &[Vec<String>], leading: f32) -> f32 {
        let lines = cells.iter().map(Vec::len).max().unwrap_or(1).max(1);
        2.0 * ROW_PADDING + TABLE_SIZE + (lines - 1) as f32 * leading + 2.0
    }

    fn totals(&mut self) {
        let document = self.document;
        let totals = &document.totals;
        if totals.is_empty() {
            return;
        }
        let right = RIGHT_EDGE - CELL_PADDING;
        let widest_value = totals
            .iter()
            .map(|(_, value)| text_width(value, Font::Regular, FACT_SIZE))
            .fold(0.0, f32::max);
        let label_right = right - widest_value - 12.0;
        self.make_room(totals.len() as f32 * (FACT_SIZE + 4.0));
        for (label, value) in totals {
            self.line(
                &[
                    Run::ending_at(Font::Bold, FACT_SIZE, label_right, label),
                    Run::ending_at(Font::Regular, FACT_SIZE, right, value),
                ],
                FACT_SIZE + 4.0,
            );
        }
        self.y -= 14.0;
    }

    fn footer(&mut self) {
        let document = self.document;
        for text in &document.footer {
            for piece in wrap(text, Font::Regular, SMALL_SIZE, CONTENT_WIDTH) {
                self.line(
                    &[Run::at(Font::Regular, SMALL_SIZE, MARGIN, &piece)],
                    SMALL_SIZE + 3.0,
                );
            }
        }
    }
}

const HEADER_HEIGHT: f32 = 15.0;
/// Above and below the text of a table row.
const ROW_PADDING: f32 = 3.0;

/// A cell's text placed in its column, left or right.
fn cell_run<'t>(
    column: &Column,
    x: f32,
    width: f32,
    font: Font,
    size: f32,
    text: &'t str,
) -> Run<'t> {
    match column.align {
        Align::Left => Run::at(font, size, x + CELL_PADDING, text),
        Align::Right => Run::ending_at(font, size, x + width - CELL_PADDING, text),
    }
}

/// One text object at `baseline`. Every run but the last is shown with a
/// trailing space (invisible on the page) so an extractor, which ignores
/// positions, still reads the runs as separate words.
fn show(content: &mut Content, baseline: f32, runs: &[Run<'_>]) {
    let runs: Vec<&Run<'_>> = runs.iter().filter(|run| !run.text.is_empty()).collect();
    if runs.is_empty() {
        return;
    }
    content.begin_text();
    let mut current = None;
    for (index, run) in runs.iter().enumerate() {
        if current != Some((run.font, run.size.to_bits())) {
            content.set_font(run.font.name(), run.size);
            current = Some((run.font, run.size.to_bits()));
        }
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, run.x, baseline]);
        let mut bytes = win_ansi(run.text);
        if index + 1 < runs.len() {
            bytes.push(b' ');
        }
        content.show(Str(&bytes));
    }
    content.end_text();
}

#[cfg(test)]
mod tests;
