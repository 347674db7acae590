//! Inline markup: the spec's small Markdown subset, parsed into styled spans.
//!
//! `**bold**`, `*italic*` (nestable), `` `code` ``, `[label](url)`, `<url>`,
//! keys `[[Ctrl]]+[[C]]` and menu paths `{{Menu > Aide}}` (see
//! [`super::inline_ui`]), forced breaks (a newline) and backslash escapes.
//! Anything else is text.
//! A `*` with spaces (or the text's ends) on both sides is a plain asterisk;
//! any other `*` is markup and must be closed, so a forgotten `**` is reported
//! instead of printed.

use super::inline_error::InlineError;
use super::inline_ui::{keys_at, menu_at, opens, unclosed};
use super::types::{Inline, LinkTarget, Span, TextStyle, Ui, UiPart};
use super::values::{check_url, is_slug, scheme_of};
use crate::i18n::Msg;
use crate::msg;

/// Characters a backslash can escape.
const ESCAPABLE: &[char] = &['\\', '*', '`', '[', ']', '(', ')', '<', '>', '{', '}'];

/// What separates the labels of a menu path in the text.
pub const MENU_SEPARATOR: &str = " \u{203a} ";

/// Parses inline text into spans, merging neighbours of equal style and link.
pub fn parse_inline(text: &str) -> Result<Inline, InlineError> {
    parse_inline_warned(text).map(|(inline, _)| inline)
}

/// Parses inline text into spans, with the warnings it deserves (a `[[` or
/// `{{` never closed, printed as plain text).
pub fn parse_inline_warned(
    text: &str,
) -> Result<(Inline, Vec<InlineError>), InlineError> {
    let mut p = Parser {
        chars: text.chars().collect(),
        spans: Vec::new(),
        groups: 0,
        warnings: Vec::new(),
    };
    p.sequence(0, p.chars.len(), TextStyle::default(), None)?;
    Ok((Inline { spans: p.spans }, p.warnings))
}

/// The `guide:` ids an inline text refers to.
pub fn guide_refs(inline: &Inline) -> impl Iterator<Item = &str> {
    let mut last: Option<&LinkTarget> = None;
    inline.spans.iter().filter_map(move |s| {
        let target = s.link.as_ref();
        let fresh = target != last;
        last = target;
        match target {
            Some(LinkTarget::Guide(id)) if fresh => Some(id.as_str()),
            _ => None,
        }
    })
}

/// An emphasis opened and not yet closed.
#[derive(Clone, Copy)]
struct Open {
    bold: bool,
    at: usize,
}

struct Parser {
    chars: Vec<char>,
    spans: Vec<Span>,
    /// Key combinations and menu paths so far.
    groups: u32,
    /// `[[` and `{{` never closed.
    warnings: Vec<InlineError>,
}

fn markup_error(offset: usize, message: Msg, suggestion: Msg) -> InlineError {
    InlineError { code: "inline-markup", message, offset, suggestion: Some(suggestion) }
}

/// The name of an emphasis, in the reader's language.
fn emph(name: &str) -> Msg {
    if name == "bold" {
        msg!("emph-bold")
    } else {
        msg!("emph-italic")
    }
}

fn delim(bold: bool) -> (&'static str, &'static str) {
    if bold {
        ("**", "bold")
    } else {
        ("*", "italic")
    }
}

impl Parser {
    fn get(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    /// Appends text with a style and link, merging with the previous span.
    fn emit(&mut self, text: &mut String, style: TextStyle, link: &Option<LinkTarget>) {
        if text.is_empty() {
            return;
        }
        if let Some(last) = self.spans.last_mut() {
            if last.style == style && last.link == *link && last.ui.is_none() {
                last.text.push_str(text);
                text.clear();
                return;
            }
        }
        let text = std::mem::take(text);
        self.spans.push(Span { text, style, link: link.clone(), ui: None });
    }

    /// Appends the parts of one key combination or menu path: `names`
    /// become `part` spans, joined by `joint` spans reading `between`.
    fn emit_group(
        &mut self,
        names: Vec<String>,
        (part, joint, between): (UiPart, UiPart, &str),
        style: TextStyle,
        link: &Option<LinkTarget>,
    ) {
        let group = self.groups;
        self.groups += 1;
        for (k, text) in names.into_iter().enumerate() {
            if k > 0 {
                let ui = Some(Ui { part: joint, group });
                let text = between.to_string();
                self.spans.push(Span { text, style, link: link.clone(), ui });
            }
            let ui = Some(Ui { part, group });
            self.spans.push(Span { text, style, link: link.clone(), ui });
        }
    }

    /// Parses `chars[start..end]` on top of `base` style, inside `link` if any.
    fn sequence(
        &mut self,
        start: usize,
        end: usize,
        base: TextStyle,
        link: Option<LinkTarget>,
    ) -> Result<(), InlineError> {
        let mut stack: Vec<Open> = Vec::new();
        let mut buf = String::new();
        let style_of = |stack: &[Open]| TextStyle {
            bold: base.bold || stack.iter().any(|o| o.bold),
            italic: base.italic || stack.iter().any(|o| !o.bold),
            code: base.code,
        };
        let mut i = start;
        while i < end {
            let c = self.chars[i];
            match c {
                '\\' => {
                    match self.get(i + 1).filter(|n| i + 1 < end && ESCAPABLE.contains(n))
                    {
                        Some(n) => {
                            buf.push(n);
                            i += 2;
                        }
                        None => {
                            buf.push('\\');
                            i += 1;
                        }
                    }
                }
                '\r' => {
                    if self.get(i + 1) != Some('\n') {
                        buf.push('\n');
                    }
                    i += 1;
                }
                '`' => {
                    let Some(close) = (i + 1..end).find(|&j| self.chars[j] == '`') else {
                        return Err(markup_error(
                            i,
                            msg!("inline-unclosed-code", at = i + 1),
                            msg!("inline-unclosed-code-help"),
                        ));
                    };
                    self.emit(&mut buf, style_of(&stack), &link);
                    let mut code: String = self.chars[i + 1..close].iter().collect();
                    code = code.replace("\r\n", "\n").replace('\r', "\n");
                    let style = TextStyle { code: true, ..style_of(&stack) };
                    self.emit(&mut code, style, &link);
                    i = close + 1;
                }
                '*' => {
                    // Text so far has the style before this run.
                    self.emit(&mut buf, style_of(&stack), &link);
                    let run = (i..end).take_while(|&j| self.chars[j] == '*').count();
                    let consumed = self.asterisks(i, run, start, end, &mut stack)?;
                    buf.extend(std::iter::repeat_n('*', run - consumed));
                    i += run;
                }
                '[' if opens(&self.chars, i, end, '[') => {
                    match keys_at(&self.chars, i, end)? {
                        Some(keys) => {
                            self.emit(&mut buf, style_of(&stack), &link);
                            let parts = (UiPart::Key, UiPart::Plus, "+");
                            self.emit_group(keys.names, parts, style_of(&stack), &link);
                            i = keys.after;
                        }
                        None => {
                            self.warnings.push(unclosed(i, true));
                            buf.push_str("[[");
                            i += 2;
                        }
                    }
                }
                '{' if opens(&self.chars, i, end, '{') => {
                    match menu_at(&self.chars, i, end)? {
                        Some(menu) => {
                            self.emit(&mut buf, style_of(&stack), &link);
                            let parts =
                                (UiPart::Label, UiPart::Separator, MENU_SEPARATOR);
                            self.emit_group(menu.labels, parts, style_of(&stack), &link);
                            i = menu.after;
                        }
                        None => {
                            self.warnings.push(unclosed(i, false));
                            buf.push_str("{{");
                            i += 2;
                        }
                    }
                }
                '[' => match self.link_at(i, end)? {
                    Some((label_end, target, after)) => {
                        if link.is_some() {
                            return Err(markup_error(
                                i,
                                msg!("inline-nested-link", at = i + 1),
                                msg!("inline-nested-link-help"),
                            ));
                        }
                        let label: String = self.chars[i + 1..label_end].iter().collect();
                        if label.trim().is_empty() {
                            return Err(markup_error(
                                i,
                                msg!("inline-empty-label", at = i + 1),
                                msg!("inline-empty-label-help"),
                            ));
                        }
                        self.emit(&mut buf, style_of(&stack), &link);
                        self.sequence(i + 1, label_end, style_of(&stack), Some(target))?;
                        i = after;
                    }
                    None => {
                        buf.push('[');
                        i += 1;
                    }
                },
                '<' => match self.autolink_at(i, end)? {
                    Some((url, target, after)) => {
                        if link.is_some() {
                            return Err(markup_error(
                                i,
                                msg!("inline-nested-link", at = i + 1),
                                msg!("inline-nested-link-help"),
                            ));
                        }
                        self.emit(&mut buf, style_of(&stack), &link);
                        let mut text = url;
                        self.emit(&mut text, style_of(&stack), &Some(target));
                        i = after;
                    }
                    None => {
                        buf.push('<');
                        i += 1;
                    }
                },
                _ => {
                    buf.push(c);
                    i += 1;
                }
            }
        }
        if let Some(open) = stack.first() {
            let (d, name) = delim(open.bold);
            return Err(markup_error(
                open.at,
                msg!("inline-unclosed", delim = d, name = emph(name), at = open.at + 1),
                msg!("inline-unclosed-help", delim = d),
            ));
        }
        self.emit(&mut buf, style_of(&stack), &link);
        Ok(())
    }

    /// Handles a run of `run` asterisks at `i`; returns how many were markup.
    fn asterisks(
        &self,
        i: usize,
        run: usize,
        start: usize,
        end: usize,
        stack: &mut Vec<Open>,
    ) -> Result<usize, InlineError> {
        let prev = if i > start { self.get(i - 1) } else { None };
        let next = if i + run < end { self.get(i + run) } else { None };
        let can_open = next.is_some_and(|c| !c.is_whitespace());
        let can_close = prev.is_some_and(|c| !c.is_whitespace());
        if !can_open && !can_close {
            return Ok(0);
        }
        let mut left = run;
        while left > 0 {
            let at = i + (run - left);
            let open_bold = stack.iter().any(|o| o.bold);
            let open_italic = stack.iter().any(|o| !o.bold);
            if can_close {
                if let Some(top) = stack.last().copied() {
                    if top.bold && left >= 2 {
                        stack.pop();
                        left -= 2;
                        continue;
                    }
                    if !top.bold && left != 2 {
                        stack.pop();
                        left -= 1;
                        continue;
                    }
                    // The run would close an outer emphasis before the inner one.
                    let outer_open = if left == 2 { open_bold } else { open_italic };
                    if outer_open {
                        let (d, name) = delim(!top.bold);
                        let (inner_d, inner) = delim(top.bold);
                        return Err(markup_error(
                            at,
                            msg!(
                                "inline-crossed",
                                delim = d,
                                at = at + 1,
                                name = emph(name),
                                inner = emph(inner),
                                inner_delim = inner_d,
                                inner_at = top.at + 1
                            ),
                            msg!("inline-crossed-help", inner_delim = inner_d),
                        ));
                    }
                }
            }
            if can_open {
                if left >= 2 && !open_bold {
                    stack.push(Open { bold: true, at });
                    left -= 2;
                    continue;
                }
                if !open_italic {
                    stack.push(Open { bold: false, at });
                    left -= 1;
                    continue;
                }
                return Err(markup_error(
                    at,
                    msg!("inline-too-many-stars", at = at + 1),
                    msg!("inline-too-many-stars-help"),
                ));
            }
            break;
        }
        Ok(run - left)
    }

    /// Recognises `[label](target)` at `i`: the label's end, the target and the
    /// index after `)`. `None` when this `[` is plain text.
    fn link_at(
        &self,
        i: usize,
        end: usize,
    ) -> Result<Option<(usize, LinkTarget, usize)>, InlineError> {
        let mut depth = 0usize;
        let mut j = i + 1;
        let label_end = loop {
            if j >= end {
                return Ok(None);
            }
            match self.chars[j] {
                '\\' => j += 1,
                '`' => {
                    if let Some(c) = (j + 1..end).find(|&k| self.chars[k] == '`') {
                        j = c;
                    }
                }
                '[' => depth += 1,
                ']' if depth == 0 => break j,
                ']' => depth -= 1,
                _ => {}
            }
            j += 1;
        };
        if label_end + 1 >= end || self.chars[label_end + 1] != '(' {
            return Ok(None);
        }
        let open = label_end + 1;
        let mut depth = 0usize;
        let mut k = open + 1;
        let close = loop {
            if k >= end {
                return Err(markup_error(
                    open,
                    msg!("inline-unclosed-target", at = open + 1),
                    msg!("inline-unclosed-target-help"),
                ));
            }
            match self.chars[k] {
                '(' => depth += 1,
                ')' if depth == 0 => break k,
                ')' => depth -= 1,
                _ => {}
            }
            k += 1;
        };
        let raw: String = self.chars[open + 1..close].iter().collect();
        let target = link_target(raw.trim(), open + 1)?;
        Ok(Some((label_end, target, close + 1)))
    }

    /// Recognises `<scheme:…>` at `i`: the shown text, the target and the index after `>`.
    fn autolink_at(
        &self,
        i: usize,
        end: usize,
    ) -> Result<Option<(String, LinkTarget, usize)>, InlineError> {
        let close = (i + 1..end)
            .take_while(|&j| {
                let c = self.chars[j];
                !c.is_whitespace() && c != '<'
            })
            .find(|&j| self.chars[j] == '>');
        let Some(close) = close else { return Ok(None) };
        let url: String = self.chars[i + 1..close].iter().collect();
        if scheme_of(&url).is_none() {
            return Ok(None);
        }
        let target = link_target(&url, i + 1)?;
        if matches!(target, LinkTarget::Guide(_)) {
            return Err(InlineError {
                code: "bad-link",
                message: msg!("link-guide-needs-label", at = i + 1),
                offset: i,
                suggestion: Some(msg!("link-guide-needs-label-help", url = url)),
            });
        }
        Ok(Some((url, target, close + 1)))
    }
}

/// Checks a link target and says where it goes; `offset` locates errors.
fn link_target(raw: &str, offset: usize) -> Result<LinkTarget, InlineError> {
    let bad = |(message, suggestion): (Msg, Msg)| InlineError {
        code: "bad-link",
        message,
        offset,
        suggestion: Some(suggestion),
    };
    if raw.is_empty() {
        return Err(bad((msg!("link-empty-target"), msg!("link-empty-target-help"))));
    }
    let allowed = ["https", "http", "mailto", "guide"];
    match scheme_of(raw).as_deref() {
        Some("guide") => {
            let id = &raw["guide:".len()..];
            if is_slug(id) {
                Ok(LinkTarget::Guide(id.to_string()))
            } else {
                Err(bad((
                    msg!("link-bad-guide-id", id = id),
                    msg!("link-bad-guide-id-help"),
                )))
            }
        }
        Some("mailto") => {
            check_url(raw, &allowed).map_err(bad)?;
            Ok(LinkTarget::Mail(raw.to_string()))
        }
        _ => {
            check_url(raw, &allowed).map_err(bad)?;
            Ok(LinkTarget::Url(raw.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes spans compactly: `b"x"` bold, `i"x"`, `bi"x"`, `c"x"`, `"x"`→url.
    fn show(inline: &Inline) -> Vec<String> {
        inline
            .spans
            .iter()
            .map(|s| {
                let mut tag = String::new();
                if s.style.bold {
                    tag.push('b');
                }
                if s.style.italic {
                    tag.push('i');
                }
                if s.style.code {
                    tag.push('c');
                }
                let link = match &s.link {
                    None => String::new(),
                    Some(LinkTarget::Url(u)) => format!("→{u}"),
                    Some(LinkTarget::Mail(u)) => format!("→{u}"),
                    Some(LinkTarget::Guide(g)) => format!("→guide {g}"),
                };
                format!("{tag}{:?}{link}", s.text)
            })
            .collect()
    }

    #[test]
    fn parses_the_subset() {
        let table: &[(&str, &[&str])] = &[
            ("plain", &[r#""plain""#]),
            ("**a** b", &[r#"b"a""#, r#"" b""#]),
            ("*a* b", &[r#"i"a""#, r#"" b""#]),
            ("**a *b* c**", &[r#"b"a ""#, r#"bi"b""#, r#"b" c""#]),
            ("*a **b** c*", &[r#"i"a ""#, r#"bi"b""#, r#"i" c""#]),
            ("***ab***", &[r#"bi"ab""#]),
            ("**a** **b**", &[r#"b"a""#, r#"" ""#, r#"b"b""#]),
            ("x `a*b [c](d)` y", &[r#""x ""#, r#"c"a*b [c](d)""#, r#"" y""#]),
            ("**`code`**", &[r#"bc"code""#]),
            ("a\nb", &[r#""a\nb""#]),
            ("a\r\nb\rc", &[r#""a\nb\nc""#]),
            ("5 * 3 = 15", &[r#""5 * 3 = 15""#]),
            ("a* b", &[r#""a* b""#]),
            ("note *", &[r#""note *""#]),
            (r"\*not\* \`x\` \[y\] \<z\> \\", &[r#""*not* `x` [y] <z> \\""#]),
            (r"C:\dossier\_x", &[r#""C:\\dossier\\_x""#]),
            ("1. foo\n# bar\n- baz", &[r#""1. foo\n# bar\n- baz""#]),
            ("<b>html</b> a < b > c", &[r#""<b>html</b> a < b > c""#]),
            ("[x] case", &[r#""[x] case""#]),
            ("a [b] (c)", &[r#""a [b] (c)""#]),
            (
                "see [the **site**](https://example.org/a_(b)) now",
                &[
                    r#""see ""#,
                    r#""the "→https://example.org/a_(b)"#,
                    r#"b"site"→https://example.org/a_(b)"#,
                    r#"" now""#,
                ],
            ),
            ("[mail](mailto:a@b.fr)", &[r#""mail"→mailto:a@b.fr"#]),
            ("[voir](guide:vider-cache)", &[r#""voir"→guide vider-cache"#]),
            (
                "go <https://x.org/p?q=1>.",
                &[r#""go ""#, r#""https://x.org/p?q=1"→https://x.org/p?q=1"#, r#"".""#],
            ),
            ("**[a](http://x.org)**", &[r#"b"a"→http://x.org"#]),
            (
                "[a `b]` c](https://x.org)",
                &[
                    r#""a "→https://x.org"#,
                    r#"c"b]"→https://x.org"#,
                    r#"" c"→https://x.org"#,
                ],
            ),
            ("", &[]),
        ];
        for &(text, expect) in table {
            let got = parse_inline(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
            assert_eq!(show(&got), expect, "{text:?}");
        }
    }

    #[test]
    fn refuses_broken_markup() {
        let table: &[(&str, &str, usize, &str)] = &[
            (
                "abc **bold",
                "inline-markup",
                4,
                "unclosed \"**\" (bold) starting at character 5",
            ),
            ("*italic", "inline-markup", 0, "unclosed \"*\" (italic)"),
            ("**a*", "inline-markup", 0, "unclosed \"**\" (bold)"),
            ("x `code", "inline-markup", 2, "unclosed \"`\" (code)"),
            ("*.txt files", "inline-markup", 0, "unclosed \"*\""),
            ("**a *b** c*", "inline-markup", 6, "closes bold while italic"),
            ("[a](https://x.org", "inline-markup", 3, "not closed"),
            ("[](https://x.org)", "inline-markup", 0, "empty label"),
            (
                "[a [b](https://y.org)](https://x.org)",
                "inline-markup",
                3,
                "link inside a link",
            ),
            (
                "[a](javascript:alert(1))",
                "bad-link",
                4,
                "\"javascript:\" are not allowed",
            ),
            ("[a](file:///etc/passwd)", "bad-link", 4, "\"file:\""),
            ("[a](ftp://x.org)", "bad-link", 4, "\"ftp:\""),
            ("[a](page.html)", "bad-link", 4, "no scheme"),
            ("[a](www.example.org)", "bad-link", 4, "no scheme"),
            ("[a]()", "bad-link", 4, "empty link target"),
            ("[a](https://)", "bad-link", 4, "no host"),
            ("[a](mailto:nobody)", "bad-link", 4, "not a mail address"),
            ("[a](guide:Vider_Cache)", "bad-link", 4, "not a guide id"),
            ("see <javascript:alert(1)>", "bad-link", 5, "not allowed"),
            ("<guide:x>", "bad-link", 0, "needs a label"),
        ];
        for &(text, code, offset, msg) in table {
            let err = parse_inline(text).expect_err(text);
            assert_eq!(err.code, code, "{text:?}: {err:?}");
            assert_eq!(err.offset, offset, "{text:?}: {err:?}");
            assert!(err.message.en().contains(msg), "{text:?}: {}", err.message);
            assert!(err.suggestion.is_some());
        }
    }

    #[test]
    fn merges_and_lists_guide_refs() {
        let inline = parse_inline("[a](guide:x) and [b](guide:y)[c](guide:y)").unwrap();
        let refs: Vec<_> = guide_refs(&inline).collect();
        assert_eq!(refs, ["x", "y"]);
        assert_eq!(inline.spans.len(), 3, "the two adjacent y links merge: {inline:?}");
    }

    #[test]
    fn never_panics_on_odd_input() {
        let odd = [
            "*", "**", "***", "****", "`", "[", "]", "(", "<", ">", "\\", "[](", "[a](",
            "<a:", "*`*`*", "**`", "[`](x)`", "\u{0}", "é*é*",
        ];
        for text in odd {
            let _ = parse_inline(text);
        }
    }
}
