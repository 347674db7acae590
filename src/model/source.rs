//! Reading a JSON file: size, encoding (UTF-8, BOM, CRLF), syntax, span index.

use crate::i18n::Msg;
use crate::msg;
use std::path::Path;

use serde_json::Value;

use super::diag::Diagnostic;
use super::images::lower_first;
use super::input::{read_input, InputError};
use super::report::Report;
use super::spans::SpanIndex;

/// Largest JSON file accepted, in bytes.
pub const MAX_JSON: u64 = 10 * 1024 * 1024;

/// A JSON file read and parsed, with the positions of its values.
#[derive(Debug)]
pub struct Source {
    /// The text, BOM removed.
    pub text: String,
    /// The parsed document.
    pub value: Value,
    /// Where each path's value starts.
    pub spans: SpanIndex,
}

/// Reads and parses the JSON file at `file`.
pub fn read_source(file: &Path) -> Result<Source, Box<Diagnostic>> {
    let unreadable = |e: std::io::Error| {
        let d = Diagnostic::error(
            "unreadable",
            file,
            msg!("file-unreadable", reason = lower_first(&e.to_string())),
        );
        Box::new(match e.kind() {
            std::io::ErrorKind::NotFound => d.help(msg!("file-gone-help")),
            _ => d,
        })
    };
    let bytes = match read_input(file, MAX_JSON) {
        Ok(bytes) => bytes,
        Err(InputError::TooLarge(size)) => {
            return Err(Box::new(
                Diagnostic::error(
                    "file-too-large",
                    file,
                    msg!("file-too-large", size = size, limit = MAX_JSON),
                )
                .help(msg!("file-too-large-help")),
            ))
        }
        Err(InputError::NotAFile(kind)) => {
            return Err(Box::new(
                Diagnostic::error(
                    "unreadable",
                    file,
                    msg!("file-not-a-file", kind = super::input::kind_msg(kind)),
                )
                .help(msg!("file-not-a-file-help")),
            ))
        }
        Err(InputError::Io(e)) => return Err(unreadable(e)),
    };
    let text = decode_text(file, bytes)?;
    parse_json(file, text)
}

/// Checks that `bytes` are UTF-8 and strips a byte-order mark.
pub fn decode_text(file: &Path, mut bytes: Vec<u8>) -> Result<String, Box<Diagnostic>> {
    let help = msg!("not-utf8-help");
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let d = Diagnostic::error("not-utf8", file, msg!("utf16"));
        return Err(Box::new(d.pos(1, 1).help(help)));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|e| {
        let bytes = e.as_bytes();
        let at = e.utf8_error().valid_up_to();
        // The prefix is valid UTF-8 by definition of `valid_up_to`.
        let before = std::str::from_utf8(&bytes[..at]).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let byte = bytes.get(at).copied().unwrap_or(0);
        let guess = if bytes.contains(&0) {
            "utf16"
        } else if byte >= 0x80 {
            "latin1"
        } else {
            "none"
        };
        let message = msg!(
            "not-utf8",
            byte = format!("{byte:02X}"),
            line = line,
            column = column,
            guess = guess
        );
        Box::new(
            Diagnostic::error("not-utf8", file, message).pos(line, column).help(help),
        )
    })
}

/// Parses JSON text, explaining syntax errors in plain words.
pub fn parse_json(file: &Path, text: String) -> Result<Source, Box<Diagnostic>> {
    match serde_json::from_str::<Value>(&text) {
        Ok(value) => {
            let spans = SpanIndex::build(&text);
            Ok(Source { text, value, spans })
        }
        Err(e) => Err(Box::new(syntax_error(file, &text, &e))),
    }
}

/// Records an error for every key written twice in one object.
pub fn report_duplicates(r: &mut Report<'_>, spans: &SpanIndex) {
    for (path, _) in spans.duplicates() {
        let key = path.rsplit('.').next().unwrap_or(path);
        let d = r
            .key_error("duplicate-field", path, msg!("duplicate-field", key = key))
            .help(msg!("duplicate-field-help"));
        r.push(d);
    }
}

/// Byte offset of serde_json's (line, byte column) position.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize =
        text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    let offset =
        if column == 0 { line_start.saturating_sub(1) } else { line_start + column - 1 };
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// 1-based line and character column of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn syntax_error(file: &Path, text: &str, e: &serde_json::Error) -> Diagnostic {
    let full = e.to_string();
    let raw = match full.rfind(" at line ") {
        Some(i) => &full[..i],
        None => full.as_str(),
    };
    let mut offset = offset_of(text, e.line(), e.column());
    let at = text.get(offset..).and_then(|s| s.chars().next());
    // The last non-blank character before the error.
    let prev = text.get(..offset).and_then(|s| s.trim_end().char_indices().next_back());
    let prev_on_earlier_line = prev
        .is_some_and(|(i, _)| text.get(i..offset).is_some_and(|gap| gap.contains('\n')));
    let (message, help): (Msg, Option<Msg>) = match raw {
        "trailing comma" => {
            if let Some((i, ',')) = prev {
                offset = i;
            }
            (msg!("json-trailing-comma"), Some(msg!("json-trailing-comma-help")))
        }
        // `"format": 1,,`: the second comma stands where a name or value should.
        "key must be a string" | "expected value" if at == Some(',') => {
            (msg!("json-double-comma"), Some(msg!("json-double-comma-help")))
        }
        "EOF while parsing an object" => {
            (msg!("json-eof-object"), Some(msg!("json-eof-object-help")))
        }
        "EOF while parsing a list" => {
            (msg!("json-eof-list"), Some(msg!("json-eof-list-help")))
        }
        "EOF while parsing a string" => {
            (msg!("json-eof-string"), Some(msg!("json-eof-string-help")))
        }
        "EOF while parsing a value" => (
            if text.trim().is_empty() { msg!("json-empty") } else { msg!("json-eof") },
            Some(msg!("json-eof-help")),
        ),
        "expected `:`" => (msg!("json-colon"), Some(msg!("json-colon-help"))),
        "expected `,` or `}`" | "expected `,` or `]`" => {
            let close = if raw.ends_with("`}`") { "}" } else { "]" };
            let help = if prev_on_earlier_line {
                msg!("json-comma-previous-line-help")
            } else {
                msg!("json-comma-help", close = close)
            };
            (msg!("json-comma", close = close), Some(help))
        }
        "key must be a string" => (
            msg!("json-key-quotes"),
            Some(if at == Some('\'') {
                msg!("json-single-quotes-help")
            } else {
                msg!("json-key-quotes-help")
            }),
        ),
        "expected value" => {
            let help = match at {
                Some('\'') => msg!("json-single-quotes-help"),
                Some(']' | '}') => msg!("json-trailing-comma-help"),
                _ => msg!("json-value-help"),
            };
            (msg!("json-value"), Some(help))
        }
        "expected ident" => (msg!("json-bare-word"), Some(msg!("json-bare-word-help"))),
        "invalid escape" => (msg!("json-escape"), Some(msg!("json-escape-help"))),
        "lone leading surrogate in hex escape" | "unexpected end of hex escape" => {
            // The escape the error is about: one of the last two before it
            // (`\uD800\u0041` is reported after the second).
            let digits_at = |i: usize| text.get(i + 2..i + 6).unwrap_or("");
            let half = |d: &str| {
                u16::from_str_radix(d, 16).is_ok_and(|v| (0xD800..0xE000).contains(&v))
            };
            let before = text.get(..offset).unwrap_or("");
            let mut escapes = before.rmatch_indices("\\u").map(|(i, _)| i).take(2);
            let last = escapes.next();
            let lone = escapes.chain(last).find(|&i| half(digits_at(i))).or(last);
            let digits = lone.map_or("", digits_at);
            if let Some(i) = lone {
                offset = i;
            }
            if half(digits) {
                (
                    msg!("json-lone-surrogate", digits = digits),
                    Some(msg!("json-lone-surrogate-help")),
                )
            } else {
                (msg!("json-short-escape"), Some(msg!("json-short-escape-help")))
            }
        }
        "trailing characters" => {
            (msg!("json-trailing"), Some(msg!("json-trailing-help")))
        }
        "recursion limit exceeded" => (msg!("json-too-deep"), None),
        m if m.starts_with("control character") => {
            match text.get(offset..).and_then(|t| t.chars().next()) {
                Some(c) if !matches!(c, '\n' | '\r' | '\t') => (
                    msg!("json-control-char", code = format!("U+{:04X}", u32::from(c))),
                    Some(msg!("json-control-char-help")),
                ),
                _ => (msg!("json-control"), Some(msg!("json-control-help"))),
            }
        }
        m => (msg!("json-other", reason = m), None),
    };
    let (line, column) = line_col(text, offset);
    let mut d = Diagnostic::error("json-syntax", file, message).pos(line, column);
    d.suggestion = help;
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Result<Source, Box<Diagnostic>> {
        let file = Path::new("g.json");
        let text = decode_text(file, bytes.to_vec())?;
        parse_json(file, text)
    }

    #[test]
    fn accepts_bom_and_crlf() {
        let src = parse(b"\xEF\xBB\xBF{\r\n  \"title\": \"\xC3\xA9t\xC3\xA9\",\r\n  \"n\": 1\r\n}\r\n").unwrap();
        assert_eq!(src.value["title"], "été");
        let pos = src.spans.value("n").unwrap();
        assert_eq!((pos.line, pos.column), (3, 8));
        assert_eq!(src.spans.value("").map(|p| p.column), Some(1));
    }

    #[test]
    fn refuses_latin1() {
        let err = parse(b"{\n  \"title\":\n   \"caf\xE9 cr\xE8me\"\n}").unwrap_err();
        assert_eq!(err.code, "not-utf8");
        assert_eq!(
            err.message.en(),
            "file is not valid UTF-8 (byte 0xE9 at line 3, column 8); it looks like Latin-1/Windows-1252"
        );
        assert_eq!((err.line, err.column), (Some(3), Some(8)));
        assert!(err.suggestion.unwrap().en().contains("save it as UTF-8"));
        let err = parse(b"\xFF\xFE{\0}\0").unwrap_err();
        assert!(err.message.en().contains("UTF-16"), "{}", err.message);
    }

    #[test]
    fn explains_syntax_errors() {
        let table: &[(&str, &str, (usize, usize), &str)] = &[
            (
                "{\"a\": [1, 2,]}",
                "a comma after the last item",
                (1, 12),
                "remove the comma",
            ),
            (
                "{\n \"a\": 1,\n}",
                "a comma after the last item",
                (2, 8),
                "remove the comma",
            ),
            ("{\"a\" 1}", "expected \":\"", (1, 6), "\"name\": value"),
            ("{a: 1}", "must be in double quotes", (1, 2), "\"name\""),
            ("{'a': 1}", "must be in double quotes", (1, 2), "single quotes"),
            ("{\"a\": 'x'}", "expected a value", (1, 7), "single quotes"),
            ("{\"a\": \"x\ny\"}", "raw line break", (1, 9), "\\n"),
            ("{\"a\": \"x\u{0}y\"}", "control character U+0000", (1, 9), "delete it"),
            ("{\"a\": \"C:\\dossier\"}", "invalid backslash escape", (1, 11), "\\\\"),
            ("{\"a\": 1} x", "after the end", (1, 10), "remove what follows"),
            ("{\"a\": 1", "ends before an object is closed", (1, 7), "\"}\""),
            ("", "the file is empty", (1, 1), "JSON object"),
            ("{\"a\": [1 2]}", "expected a comma or \"]\"", (1, 10), "add a comma"),
            (
                "{\n \"a\": 1\n \"b\": 2}",
                "expected a comma or \"}\"",
                (3, 2),
                "end of the previous line",
            ),
            ("{\"é\": tru}", "unknown word", (1, 10), "true, false and null"),
            (
                "{\"a\": \"x\\ud800 y\"}",
                "\"\\ud800\" is half of a character",
                (1, 9),
                "come in pairs",
            ),
            (
                "{\"a\": \"x\\udfff\"}",
                "\"\\udfff\" is half of a character",
                (1, 9),
                "come in pairs",
            ),
            (
                "{\"a\": \"x\\ud800\\u0041\"}",
                "\"\\ud800\" is half of a character",
                (1, 9),
                "come in pairs",
            ),
        ];
        for &(text, msg, (line, column), help) in table {
            let err = parse(text.as_bytes()).unwrap_err();
            assert_eq!(err.code, "json-syntax");
            assert!(err.message.en().contains(msg), "{text:?}: {}", err.message);
            assert_eq!(
                (err.line, err.column),
                (Some(line), Some(column)),
                "{text:?}: {}",
                err.message
            );
            let s = err.suggestion.map(|s| s.en()).unwrap_or_default();
            assert!(s.contains(help), "{text:?}: {s}");
        }
    }
}
