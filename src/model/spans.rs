//! The span index: where each JSON path's value (and key) starts in the source text.
//!
//! A small scanner walks text that `serde_json` already accepted and records,
//! for every path (`title`, `body[3].items[1].image.src`, …), the 1-based line
//! and column (in characters) of the value, and of the key for object members.
//! It never panics: on unexpected input it simply stops recording.

use std::collections::HashMap;

/// A position in the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pos {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Byte offset in the text.
    pub offset: usize,
}

/// Positions of values and keys by JSON path, plus the keys written twice.
#[derive(Debug, Clone, Default)]
pub struct SpanIndex {
    values: HashMap<String, Pos>,
    keys: HashMap<String, Pos>,
    duplicates: Vec<(String, Pos)>,
}

/// Deepest nesting the scanner follows (serde_json refuses deeper input anyway).
const MAX_DEPTH: usize = 256;

impl SpanIndex {
    /// Scans `text` (JSON) and records every path it finds.
    pub fn build(text: &str) -> SpanIndex {
        let mut scanner = Scanner {
            text,
            bytes: text.as_bytes(),
            i: 0,
            line: 1,
            column: 1,
            index: SpanIndex::default(),
        };
        scanner.skip_ws();
        // A scanning failure leaves a partial index, which is still useful.
        let _ = scanner.value(String::new(), 0);
        scanner.index
    }

    /// Where the value at `path` starts, if that path exists.
    pub fn value(&self, path: &str) -> Option<Pos> {
        self.values.get(path).copied()
    }

    /// Where the key of the object member at `path` starts, if it exists.
    pub fn key(&self, path: &str) -> Option<Pos> {
        self.keys.get(path).copied()
    }

    /// The position of `path`'s value, or of its nearest existing ancestor
    /// (a missing field is reported where its object starts).
    pub fn nearest(&self, path: &str) -> Option<Pos> {
        let mut p = path;
        loop {
            if let Some(pos) = self.value(p) {
                return Some(pos);
            }
            if p.is_empty() {
                return None;
            }
            p = parent_path(p);
        }
    }

    /// Keys written twice in the same object: the path of the later one and
    /// where its key starts.
    pub fn duplicates(&self) -> &[(String, Pos)] {
        &self.duplicates
    }
}

/// The path of the enclosing value: `body[2].text` → `body[2]` → `body` → ``.
pub fn parent_path(path: &str) -> &str {
    match path.rfind(['.', '[']) {
        Some(i) => &path[..i],
        None => "",
    }
}

/// Appends an object key to a path.
pub fn join_key(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Appends an array index to a path.
pub fn join_index(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

/// Where the character number `char_index` (0-based) of the string literal
/// starting at `start` (its opening quote) lies in the source.
///
/// JSON escapes count as the one character they stand for, so the column
/// points at the escape sequence in the file.
pub fn pos_in_string(text: &str, start: Pos, char_index: usize) -> Pos {
    let Some(rest) = text.get(start.offset..) else { return start };
    let mut chars = rest.char_indices().peekable();
    if chars.next().map(|(_, c)| c) != Some('"') {
        return start;
    }
    let mut column = start.column + 1;
    let mut decoded = 0;
    while let Some((at, c)) = chars.next() {
        if decoded == char_index || c == '"' {
            return Pos { line: start.line, column, offset: start.offset + at };
        }
        if c == '\\' {
            let escape = chars.next().map(|(_, e)| e);
            column += 2;
            if escape == Some('u') {
                let mut high = String::new();
                for _ in 0..4 {
                    if let Some((_, h)) = chars.next() {
                        high.push(h);
                        column += 1;
                    }
                }
                let is_high = u16::from_str_radix(&high, 16)
                    .is_ok_and(|v| (0xD800..0xDC00).contains(&v));
                if is_high && chars.peek().map(|&(_, c)| c) == Some('\\') {
                    // A surrogate pair is one character written as two escapes.
                    for _ in 0..6 {
                        if chars.next().is_some() {
                            column += 1;
                        }
                    }
                }
            }
        } else {
            column += 1;
        }
        decoded += 1;
    }
    start
}

struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    i: usize,
    line: usize,
    column: usize,
    index: SpanIndex,
}

/// Marker for input the scanner does not understand.
struct Stop;

impl Scanner<'_> {
    fn pos(&self) -> Pos {
        Pos { line: self.line, column: self.column, offset: self.i }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }

    /// Moves past one character, keeping line and column.
    fn bump(&mut self) {
        let Some(c) = self.text.get(self.i..).and_then(|s| s.chars().next()) else {
            self.i = self.bytes.len();
            return;
        };
        self.i += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.column = 1;
        } else {
            self.column += 1;
        }
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    fn expect(&mut self, b: u8) -> Result<(), Stop> {
        if self.peek() == Some(b) {
            self.bump();
            Ok(())
        } else {
            Err(Stop)
        }
    }

    fn value(&mut self, path: String, depth: usize) -> Result<(), Stop> {
        if depth > MAX_DEPTH {
            return Err(Stop);
        }
        self.index.values.insert(path.clone(), self.pos());
        match self.peek() {
            Some(b'{') => self.object(&path, depth),
            Some(b'[') => self.array(&path, depth),
            Some(b'"') => self.string().map(|_| ()),
            Some(_) => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                        break;
                    }
                    self.bump();
                }
                Ok(())
            }
            None => Err(Stop),
        }
    }

    fn object(&mut self, path: &str, depth: usize) -> Result<(), Stop> {
        self.expect(b'{')?;
        self.skip_ws();
        let mut seen = std::collections::HashSet::new();
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(());
        }
        loop {
            self.skip_ws();
            let key_pos = self.pos();
            let key = self.string()?;
            let member = join_key(path, &key);
            if !seen.insert(key) {
                self.index.duplicates.push((member.clone(), key_pos));
            }
            self.index.keys.insert(member.clone(), key_pos);
            self.skip_ws();
            self.expect(b':')?;
            self.skip_ws();
            self.value(member, depth + 1)?;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b'}') => {
                    self.bump();
                    return Ok(());
                }
                _ => return Err(Stop),
            }
        }
    }

    fn array(&mut self, path: &str, depth: usize) -> Result<(), Stop> {
        self.expect(b'[')?;
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(());
        }
        let mut n = 0;
        loop {
            self.skip_ws();
            self.value(join_index(path, n), depth + 1)?;
            n += 1;
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b']') => {
                    self.bump();
                    return Ok(());
                }
                _ => return Err(Stop),
            }
        }
    }

    /// Reads a string literal and returns its decoded text.
    fn string(&mut self) -> Result<String, Stop> {
        let start = self.i;
        self.expect(b'"')?;
        loop {
            match self.peek() {
                None => return Err(Stop),
                Some(b'"') => {
                    self.bump();
                    break;
                }
                Some(b'\\') => {
                    self.bump();
                    self.bump();
                }
                Some(_) => self.bump(),
            }
        }
        let raw = self.text.get(start..self.i).ok_or(Stop)?;
        serde_json::from_str::<String>(raw).map_err(|_| Stop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_values_and_keys() {
        let text = "{\n  \"title\": \"x\",\n  \"body\": [\n    {\"type\": \"paragraph\", \"text\": \"é\"},\n    [1, {\"a\": true}]\n  ]\n}";
        let idx = SpanIndex::build(text);
        let table: &[(&str, (usize, usize))] = &[
            ("", (1, 1)),
            ("title", (2, 12)),
            ("body", (3, 11)),
            ("body[0]", (4, 5)),
            ("body[0].type", (4, 14)),
            ("body[0].text", (4, 35)),
            ("body[1]", (5, 5)),
            ("body[1][0]", (5, 6)),
            ("body[1][1].a", (5, 15)),
        ];
        for &(path, (line, column)) in table {
            let pos = idx.value(path).unwrap_or_else(|| panic!("no span for {path:?}"));
            assert_eq!((pos.line, pos.column), (line, column), "{path}");
        }
        let key = idx.key("body[0].text").unwrap();
        assert_eq!((key.line, key.column), (4, 27));
    }

    #[test]
    fn columns_count_characters() {
        let idx = SpanIndex::build("{\"é\": \"à\", \"b\": 1}");
        assert_eq!(idx.value("b").map(|p| p.column), Some(17));
    }

    #[test]
    fn finds_duplicate_keys() {
        let idx = SpanIndex::build("{\"a\": 1, \"a\": 2, \"\\u0061\": 3}");
        let dups: Vec<_> =
            idx.duplicates().iter().map(|(p, pos)| (p.as_str(), pos.column)).collect();
        assert_eq!(dups, [("a", 10), ("a", 18)]);
    }

    #[test]
    fn nearest_falls_back_to_ancestors() {
        let idx = SpanIndex::build("{\"body\": [{\"type\": \"x\"}]}");
        assert_eq!(idx.nearest("body[0].text").map(|p| p.column), Some(11));
        assert_eq!(idx.nearest("nothing").map(|p| p.column), Some(1));
    }

    #[test]
    fn positions_inside_strings() {
        let text = r#"{"t": "a\"b\u00e9\ud83d\ude00c"}"#;
        let idx = SpanIndex::build(text);
        let start = idx.value("t").unwrap();
        // decoded: a " b é 😀 c
        let table = [(0, 8), (1, 9), (2, 11), (3, 12), (4, 18), (5, 30)];
        for (ci, col) in table {
            assert_eq!(pos_in_string(text, start, ci).column, col, "char {ci}");
        }
    }

    #[test]
    fn survives_garbage() {
        for text in ["", "{", "[1,", "{\"a\"", "\"abc", "{\"a\":[{]}"] {
            let _ = SpanIndex::build(text);
        }
    }

    #[test]
    fn parent_paths() {
        let table =
            [("body[2].text", "body[2]"), ("body[2]", "body"), ("body", ""), ("", "")];
        for (path, parent) in table {
            assert_eq!(parent_path(path), parent);
        }
    }
}
