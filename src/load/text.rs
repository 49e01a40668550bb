//! Characters that do not belong in a cell: control and format characters, which are
//! invisible or change how text prints, and codes not in composed form (NFC), which look
//! the same as another code and compare unequal.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc, UnicodeNormalization};

/// Format characters (general category Cf): zero-width spaces and joiners, bidi controls,
/// the byte order mark, soft hyphen and the other invisible ones.
const FORMAT: &[(u32, u32)] = &[
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180E, 0x180E),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x2066, 0x206F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0001, 0xE0001),
    (0xE0020, 0xE007F),
];

/// The names of the characters most often met, for messages.
const NAMES: &[(u32, &str)] = &[
    (0x00, "NULL"),
    (0x07, "BELL"),
    (0x08, "BACKSPACE"),
    (0x09, "CHARACTER TABULATION"),
    (0x0A, "LINE FEED"),
    (0x0B, "LINE TABULATION"),
    (0x0C, "FORM FEED"),
    (0x1B, "ESCAPE"),
    (0x7F, "DELETE"),
    (0x85, "NEXT LINE"),
    (0x9B, "CONTROL SEQUENCE INTRODUCER"),
    (0xAD, "SOFT HYPHEN"),
    (0x0300, "COMBINING GRAVE ACCENT"),
    (0x0301, "COMBINING ACUTE ACCENT"),
    (0x0308, "COMBINING DIAERESIS"),
    (0x200B, "ZERO WIDTH SPACE"),
    (0x200C, "ZERO WIDTH NON-JOINER"),
    (0x200D, "ZERO WIDTH JOINER"),
    (0x200E, "LEFT-TO-RIGHT MARK"),
    (0x200F, "RIGHT-TO-LEFT MARK"),
    (0x202A, "LEFT-TO-RIGHT EMBEDDING"),
    (0x202B, "RIGHT-TO-LEFT EMBEDDING"),
    (0x202C, "POP DIRECTIONAL FORMATTING"),
    (0x202D, "LEFT-TO-RIGHT OVERRIDE"),
    (0x202E, "RIGHT-TO-LEFT OVERRIDE"),
    (0x0430, "CYRILLIC SMALL LETTER A"),
    (0x0435, "CYRILLIC SMALL LETTER IE"),
    (0x043E, "CYRILLIC SMALL LETTER O"),
    (0x0440, "CYRILLIC SMALL LETTER ER"),
    (0x0441, "CYRILLIC SMALL LETTER ES"),
    (0x03BF, "GREEK SMALL LETTER OMICRON"),
    (0x2060, "WORD JOINER"),
    (0x2066, "LEFT-TO-RIGHT ISOLATE"),
    (0x2067, "RIGHT-TO-LEFT ISOLATE"),
    (0x2068, "FIRST STRONG ISOLATE"),
    (0x2069, "POP DIRECTIONAL ISOLATE"),
    (0x212B, "ANGSTROM SIGN"),
    (0xFEFF, "ZERO WIDTH NO-BREAK SPACE"),
];

/// `U+200B ZERO WIDTH SPACE`, or the category where the name is not listed.
pub(super) fn describe(c: char) -> String {
    let u = c as u32;
    let name = match NAMES.iter().find(|(n, _)| *n == u) {
        Some((_, name)) => name,
        None if u < 0x20 => "a C0 control character",
        None if (0x80..0xA0).contains(&u) => "a C1 control character",
        None if is_format(c) => "a format character",
        None if canonical_combining_class(c) != 0 => "a combining character",
        None => return format!("U+{u:04X}"),
    };
    format!("U+{u:04X} {name}")
}

fn is_format(c: char) -> bool {
    let u = c as u32;
    FORMAT.iter().any(|&(lo, hi)| (lo..=hi).contains(&u))
}

/// A control character (C0, DEL, C1) or a format character. Tabs and line ends are text in
/// a note, not in a code or a name.
fn unwanted(c: char, free_text: bool) -> bool {
    if free_text && (c == '\t' || c == '\n') {
        return false;
    }
    c.is_control() || is_format(c)
}

/// What is wrong with a cell's characters: the expected text and what was found in it.
pub(super) struct BadText {
    pub(super) expected: String,
    pub(super) hint: String,
}

/// Checks a code (office, segment, program, measure...): no control or format character,
/// and composed (NFC). Only spaces around it are let pass: a NEL (U+0085) is white space to
/// `trim` but a control character here.
pub(super) fn check_code(s: &str) -> Option<BadText> {
    let s = s.trim_matches(|c: char| c.is_ascii_whitespace());
    if s.is_ascii() && !s.bytes().any(|b| b.is_ascii_control()) {
        return None;
    }
    if let Some(bad) = check(s, false, "a code") {
        return Some(bad);
    }
    if is_nfc(s) {
        return None;
    }
    let (i, c) = s
        .chars()
        .enumerate()
        .find(|&(_, c)| canonical_combining_class(c) != 0 || c.to_string().nfc().ne(Some(c)))?;
    Some(BadText {
        expected: format!(
            "a code in composed form, NFC ({} at character {})",
            describe(c),
            i + 1
        ),
        hint: "the code looks like another but is written with other code points; retype it".into(),
    })
}

/// Checks a name or a free-text cell: no control or format character (a tab or line end in
/// free text is allowed).
pub(super) fn check_text(s: &str, free_text: bool) -> Option<BadText> {
    if s.is_ascii()
        && !s
            .bytes()
            .any(|b| b.is_ascii_control() && !(free_text && (b == b'\t' || b == b'\n')))
    {
        return None;
    }
    check(s, free_text, "text")
}

fn check(s: &str, free_text: bool, what: &str) -> Option<BadText> {
    let (i, c) = s
        .chars()
        .enumerate()
        .find(|&(_, c)| unwanted(c, free_text))?;
    Some(BadText {
        expected: format!(
            "{what} without control or invisible characters ({} at character {})",
            describe(c),
            i + 1
        ),
        hint: "such characters hide in pasted text and change how it prints; remove it".into(),
    })
}

/// The form two codes share when they differ only in look-alike letters (Latin `a` and
/// Cyrillic `а`), by the confusable skeleton of Unicode TR39.
pub(super) fn skeleton(code: &str) -> String {
    unicode_security::skeleton(&code.to_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_code_point() {
        assert_eq!(describe('\u{200b}'), "U+200B ZERO WIDTH SPACE");
        assert_eq!(describe('\u{202e}'), "U+202E RIGHT-TO-LEFT OVERRIDE");
        assert_eq!(describe('\0'), "U+0000 NULL");
        assert_eq!(describe('\u{1}'), "U+0001 a C0 control character");
        assert_eq!(describe('\u{90}'), "U+0090 a C1 control character");
    }

    #[test]
    fn codes_and_text() {
        assert!(check_code("bali-denpasar").is_none());
        assert!(check_code("denpasar-é").is_none());
        let bad = check_code("pu\u{200b}").unwrap();
        assert!(bad
            .expected
            .contains("U+200B ZERO WIDTH SPACE at character 3"));
        let bad = check_code("denpasar-e\u{301}").unwrap();
        assert!(bad
            .expected
            .contains("U+0301 COMBINING ACUTE ACCENT at character 11"));
        assert!(check_code("a\u{7f}").is_some());
        assert!(check_text("line one\nline two\tend", true).is_none());
        assert!(check_text("Bali\nDenpasar", false).is_some());
        assert!(check_text("Kantor \u{1b}[31mmerah", true).is_some());
    }

    #[test]
    fn look_alike_codes_share_a_skeleton() {
        assert_eq!(skeleton("bali"), skeleton("b\u{430}li"));
        assert_ne!(skeleton("bali"), skeleton("bale"));
    }
}
