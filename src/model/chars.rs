//! Invisible characters: control, bidirectional override and non-characters
//! are refused in every string of a file, with where they are.
//!
//! They cannot be printed, break HTML and PDF text (PDF/UA forbids U+0000),
//! and a right-to-left override makes printed text read differently from
//! what reviewers see in the file ("Trojan Source"). They usually come from
//! pasting text copied from another program, so the message says which
//! character it is and where, and to delete it. Tab, line feed and carriage
//! return stay allowed (a line break is part of inline text).

use crate::i18n::Msg;
use crate::msg;
use serde_json::Value;

use super::report::Report;
use super::spans::{join_index, join_key};

/// Why `c` is refused in a guide, or `None` when it is fine.
pub fn forbidden(c: char) -> Option<&'static str> {
    let n = u32::from(c);
    Some(match n {
        0x09 | 0x0A | 0x0D => return None,
        0x00..=0x1F | 0x7F => "control character",
        0x80..=0x9F => "control character",
        0x202A..=0x202E | 0x2066..=0x2069 => "bidirectional control",
        0xFEFF => "byte-order mark",
        0xFDD0..=0xFDEF => "non-character",
        _ if n & 0xFFFE == 0xFFFE => "non-character",
        _ => return None,
    })
}

/// `U+202E RIGHT-TO-LEFT OVERRIDE`-style name of a refused character.
fn describe(c: char) -> String {
    let name = match u32::from(c) {
        0x00 => " (NUL)",
        0x07 => " (bell)",
        0x08 => " (backspace)",
        0x0B => " (vertical tab)",
        0x0C => " (form feed)",
        0x1B => " (escape)",
        0x7F => " (delete)",
        0x85 => " (next line)",
        0x202A => " (left-to-right embedding)",
        0x202B => " (right-to-left embedding)",
        0x202C => " (pop directional formatting)",
        0x202D => " (left-to-right override)",
        0x202E => " (right-to-left override)",
        0x2066 => " (left-to-right isolate)",
        0x2067 => " (right-to-left isolate)",
        0x2068 => " (first strong isolate)",
        0x2069 => " (pop directional isolate)",
        0xFEFF => " (zero-width no-break space)",
        _ => "",
    };
    format!("U+{:04X}{name}", u32::from(c))
}

/// Records an error for the first refused character of every string (and
/// object key) in `value`, found at `path`.
pub fn check_chars(r: &mut Report<'_>, value: &Value, path: &str) {
    match value {
        Value::String(s) => {
            if let Some((at, c, kind, more)) = first_forbidden(s) {
                let message = msg!(
                    "invisible-char",
                    kind = kind_msg(kind),
                    char = describe(c),
                    at = at + 1,
                    more = more
                );
                let d = r.error_in_string("control-character", path, at, message);
                r.push(d.help(help(c)));
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                check_chars(r, v, &join_index(path, i));
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let p = join_key(path, k);
                if let Some((_, c, kind, _)) = first_forbidden(k) {
                    let message = msg!(
                        "invisible-char-key",
                        key = k.escape_debug().to_string(),
                        kind = kind_msg(kind),
                        char = describe(c)
                    );
                    let d = r.key_error("control-character", &p, message);
                    r.push(d.help(help(c)));
                }
                check_chars(r, v, &p);
            }
        }
        _ => {}
    }
}

/// The first refused character of `s`: its index in characters, itself, its
/// kind, and how many more refused characters follow.
fn first_forbidden(s: &str) -> Option<(usize, char, &'static str, usize)> {
    let mut found = None;
    let mut more = 0;
    for (i, c) in s.chars().enumerate() {
        if let Some(kind) = forbidden(c) {
            if found.is_none() {
                found = Some((i, c, kind));
            } else {
                more += 1;
            }
        }
    }
    found.map(|(i, c, kind)| (i, c, kind, more))
}

fn help(c: char) -> Msg {
    match u32::from(c) {
        0x202A..=0x202E | 0x2066..=0x2069 => msg!("invisible-bidi-help"),
        _ => msg!("invisible-char-help"),
    }
}

/// The kind of a refused character, in the reader's language.
fn kind_msg(kind: &str) -> Msg {
    match kind {
        "control character" => msg!("char-control"),
        "bidirectional control" => msg!("char-bidi"),
        "byte-order mark" => msg!("char-bom"),
        _ => msg!("char-non-character"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::spans::SpanIndex;
    use std::path::Path;

    #[test]
    fn classes() {
        let table = [
            ('a', None),
            ('\t', None),
            ('\n', None),
            ('\r', None),
            ('\u{a0}', None),
            ('\u{ad}', None),
            ('\u{200b}', None),
            ('\u{200e}', None),
            ('\u{fffd}', None),
            ('\u{0}', Some("control character")),
            ('\u{7}', Some("control character")),
            ('\u{1f}', Some("control character")),
            ('\u{7f}', Some("control character")),
            ('\u{85}', Some("control character")),
            ('\u{9f}', Some("control character")),
            ('\u{202e}', Some("bidirectional control")),
            ('\u{2067}', Some("bidirectional control")),
            ('\u{feff}', Some("byte-order mark")),
            ('\u{fffe}', Some("non-character")),
            ('\u{ffff}', Some("non-character")),
            ('\u{10ffff}', Some("non-character")),
            ('\u{fdd0}', Some("non-character")),
        ];
        for (c, want) in table {
            assert_eq!(forbidden(c), want, "{:?}", c);
        }
    }

    #[test]
    fn locates_the_first_refused_character_of_each_string() {
        let text =
            "{\"title\": \"ab\\u0007c\\u0007\",\n \"x\": [\"ok\", \"\u{202e}gpj.exe\"]}";
        let value: Value = serde_json::from_str(text).unwrap();
        let spans = SpanIndex::build(text);
        let mut r = Report::new(Path::new("g.json"), text, &spans);
        check_chars(&mut r, &value, "");
        let (errors, _) = r.finish();
        let messages: Vec<String> = errors.iter().map(|d| d.message.en()).collect();
        let got: Vec<_> = errors
            .iter()
            .zip(&messages)
            .map(|(d, m)| (d.path.as_str(), d.line, d.column, m.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "title",
                    Some(1),
                    Some(14),
                    "the text contains the invisible control character U+0007 (bell) at \
                     character 3 (and 1 more in this text)"
                ),
                (
                    "x[1]",
                    Some(2),
                    Some(15),
                    "the text contains the invisible bidirectional control U+202E \
                     (right-to-left override) at character 1"
                ),
            ]
        );
        assert!(errors.iter().all(|d| d.code == "control-character"));
    }
}
