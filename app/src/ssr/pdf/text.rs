//! The built-in Helvetica of a trade document: the two fonts' names, the
//! WinAnsi encoding (Windows-1252) they print, how wide a text is set, and
//! where a text breaks to fit a width.

use pdf_writer::Name;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Font {
    Regular,
    Bold,
}

impl Font {
    pub(super) fn name(self) -> Name<'static> {
        match self {
            Self::Regular => Name(b"F1"),
            Self::Bold => Name(b"F2"),
        }
    }
}

/// `text` in the WinAnsi encoding (Windows-1252) of the built-in fonts;
/// characters it lacks become `?`, line breaks and tabs spaces.
pub(super) fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            ' '..='~' => c as u8,
            '\u{a0}'..='\u{ff}' => c as u32 as u8,
            '\t' | '\n' | '\r' => b' ',
            other => windows_1252_extra(other).unwrap_or(b'?'),
        })
        .collect()
}

/// The characters Windows-1252 puts at 0x80–0x9F, where Latin-1 has
/// control codes.
fn windows_1252_extra(c: char) -> Option<u8> {
    Some(match c {
        '€' => 0x80,
        '‚' => 0x82,
        'ƒ' => 0x83,
        '„' => 0x84,
        '…' => 0x85,
        '†' => 0x86,
        '‡' => 0x87,
        'ˆ' => 0x88,
        '‰' => 0x89,
        'Š' => 0x8a,
        '‹' => 0x8b,
        'Œ' => 0x8c,
        'Ž' => 0x8e,
        '‘' => 0x91,
        '’' => 0x92,
        '“' => 0x93,
        '”' => 0x94,
        '•' => 0x95,
        '–' => 0x96,
        '—' => 0x97,
        '˜' => 0x98,
        '™' => 0x99,
        'š' => 0x9a,
        '›' => 0x9b,
        'œ' => 0x9c,
        'ž' => 0x9e,
        'Ÿ' => 0x9f,
        _ => return None,
    })
}

/// The advance of `c` in thousandths of the font size. Exact where it
/// matters most, for the figures right-aligned in the table (every digit is
/// 556 in both Helvetica weights); elsewhere an average by kind of
/// character, on the wide side so that wrapped text never runs over.
fn glyph_width(c: char, font: Font) -> f32 {
    match (c, font) {
        ('0'..='9', _) => 556.0,
        ('.' | ',' | ' ', _) => 278.0,
        ('-', _) => 333.0,
        ('A'..='Z', Font::Regular) => 690.0,
        ('A'..='Z', Font::Bold) => 730.0,
        ('a'..='z', Font::Regular) => 520.0,
        ('a'..='z', Font::Bold) => 570.0,
        (_, Font::Regular) => 580.0,
        (_, Font::Bold) => 620.0,
    }
}

pub(super) fn text_width(text: &str, font: Font, size: f32) -> f32 {
    text.chars().map(|c| glyph_width(c, font)).sum::<f32>() * size / 1000.0
}

/// `text` broken at spaces into lines no wider than `width`; a word wider
/// than a whole line is broken between characters. Runs of spaces become
/// one. Always at least one line, maybe empty.
pub(super) fn wrap(text: &str, font: Font, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if text_width(&candidate, font, size) <= width {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        for c in word.chars() {
            current.push(c);
            if current.chars().count() > 1 && text_width(&current, font, size) > width {
                current.pop();
                lines.push(std::mem::replace(&mut current, c.to_string()));
            }
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}
