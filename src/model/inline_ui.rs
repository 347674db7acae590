//! Keys and menu paths in inline text: `[[Ctrl]]+[[Maj]]+[[Suppr]]` and
//! `{{Menu > Paramètres > Vie privée et sécurité}}`, scanned from a text's
//! characters for the inline parser.
//!
//! Inside the brackets nothing is markup: a backslash before `]`, `}`,
//! `>`, `+` (or any character the parser escapes) stands for that
//! character. An opening `[[` or `{{` that is never closed is left to the
//! parser as plain text, with a warning.

use super::inline_error::InlineError;
use crate::i18n::Msg;
use crate::msg;

/// Characters a backslash escapes inside `[[…]]` and `{{…}}`.
const INNER_ESCAPABLE: &[char] =
    &['\\', '*', '`', '[', ']', '(', ')', '<', '>', '{', '}', '+'];

/// A key combination: each key's name, and the index after the last `]]`.
pub(crate) struct Keys {
    /// The keys' names, trimmed, in order.
    pub names: Vec<String>,
    /// Where the text after the combination starts.
    pub after: usize,
}

/// A menu path: its labels, and the index after `}}`.
pub(crate) struct Menu {
    /// The labels, trimmed, in order (at least one).
    pub labels: Vec<String>,
    /// Where the text after the path starts.
    pub after: usize,
}

/// The text between `start` and the first unescaped doubled `close`
/// (`]]`, `}}`) before `end`, split at unescaped `split` characters; and
/// the index after the closing pair. `None` when it is never closed.
fn bracketed(
    chars: &[char],
    start: usize,
    end: usize,
    close: char,
    split: Option<char>,
) -> Option<(Vec<String>, usize)> {
    let mut parts = vec![String::new()];
    let mut k = start;
    while k < end {
        let c = chars[k];
        let next = chars.get(k + 1).copied().filter(|_| k + 1 < end);
        if c == '\\' && next.is_some_and(|n| INNER_ESCAPABLE.contains(&n)) {
            parts.last_mut()?.extend(next);
            k += 2;
        } else if c == close && next == Some(close) {
            return Some((parts, k + 2));
        } else if Some(c) == split {
            parts.push(String::new());
            k += 1;
        } else {
            // A line break inside a name reads as a space.
            parts.last_mut()?.push(if matches!(c, '\n' | '\r') { ' ' } else { c });
            k += 1;
        }
    }
    None
}

/// Whether `chars[i..]` starts with the two characters `open`, before `end`.
pub(crate) fn opens(chars: &[char], i: usize, end: usize, open: char) -> bool {
    i + 1 < end && chars[i] == open && chars[i + 1] == open
}

fn empty_error(at: usize, message: Msg, suggestion: Msg) -> InlineError {
    InlineError {
        code: "inline-markup",
        message,
        offset: at,
        suggestion: Some(suggestion),
    }
}

/// Reads the key combination starting with the `[[` at `i`. `Ok(None)`: the
/// first key is never closed. Keys joined by a `+` written with no space
/// (`]]+[[`) form one combination.
pub(crate) fn keys_at(
    chars: &[char],
    i: usize,
    end: usize,
) -> Result<Option<Keys>, InlineError> {
    let mut names = Vec::new();
    let mut at = i;
    while let Some((parts, after)) = bracketed(chars, at + 2, end, ']', None) {
        let name = parts.concat().trim().to_string();
        if name.is_empty() {
            return Err(empty_error(
                at,
                msg!("key-empty", at = at + 1),
                msg!("key-empty-help"),
            ));
        }
        names.push(name);
        // `]]+[[`: the combination goes on, if that next key is closed too.
        let plus =
            after < end && chars[after] == '+' && opens(chars, after + 1, end, '[');
        if plus && bracketed(chars, after + 3, end, ']', None).is_some() {
            at = after + 1;
            continue;
        }
        return Ok(Some(Keys { names, after }));
    }
    Ok(None)
}

/// Reads the menu path starting with the `{{` at `i`. `Ok(None)`: it is
/// never closed.
pub(crate) fn menu_at(
    chars: &[char],
    i: usize,
    end: usize,
) -> Result<Option<Menu>, InlineError> {
    let Some((parts, after)) = bracketed(chars, i + 2, end, '}', Some('>')) else {
        return Ok(None);
    };
    let labels: Vec<String> = parts.iter().map(|p| p.trim().to_string()).collect();
    if labels.iter().any(String::is_empty) {
        let message = if labels.len() == 1 {
            msg!("menu-empty", at = i + 1)
        } else {
            msg!("menu-empty-label", at = i + 1)
        };
        return Err(empty_error(i, message, msg!("menu-empty-help")));
    }
    Ok(Some(Menu { labels, after }))
}

/// The warning for a `[[` or `{{` at `i` that is never closed.
pub(crate) fn unclosed(i: usize, key: bool) -> InlineError {
    let (message, help) = if key {
        (msg!("unclosed-key", at = i + 1), msg!("unclosed-key-help"))
    } else {
        (msg!("unclosed-menu", at = i + 1), msg!("unclosed-menu-help"))
    };
    InlineError { code: "unclosed-markup", message, offset: i, suggestion: Some(help) }
}

#[cfg(test)]
mod tests {
    use super::super::inline::parse_inline_warned;
    use super::super::types::{spoken, Lang, LinkTarget, UiPart};

    /// Spans compactly: `K"Ctrl"` key, `+` plus, `L"Aide"` label, `>`
    /// separator, `"x"` text; a group number after each part, `b` for bold
    /// and `→` for a link as in the parser's own tests.
    fn show(text: &str) -> Vec<String> {
        let (inline, warnings) =
            parse_inline_warned(text).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
        assert!(warnings.is_empty(), "{text:?}: {warnings:?}");
        inline
            .spans
            .iter()
            .map(|s| {
                let bold = if s.style.bold { "b" } else { "" };
                let link = match &s.link {
                    Some(LinkTarget::Url(u)) => format!("→{u}"),
                    _ => String::new(),
                };
                match s.ui {
                    None => format!("{bold}{:?}{link}", s.text),
                    Some(u) => {
                        let part = match u.part {
                            UiPart::Key => format!("K{:?}", s.text),
                            UiPart::Plus => "+".to_string(),
                            UiPart::Label => format!("L{:?}", s.text),
                            UiPart::Separator => ">".to_string(),
                        };
                        format!("{bold}{part}{}{link}", u.group)
                    }
                }
            })
            .collect()
    }

    #[test]
    fn parses_keys_and_menu_paths() {
        let table: &[(&str, &[&str])] = &[
            ("[[Ctrl]]", &[r#"K"Ctrl"0"#]),
            (
                "[[Ctrl]]+[[Maj]]+[[Suppr]]",
                &[r#"K"Ctrl"0"#, "+0", r#"K"Maj"0"#, "+0", r#"K"Suppr"0"#],
            ),
            // A `+` with a space is text: two separate keys.
            ("[[Ctrl]] + [[C]]", &[r#"K"Ctrl"0"#, r#"" + ""#, r#"K"C"1"#]),
            ("[[ Page suivante ]]", &[r#"K"Page suivante"0"#]),
            (r"[[\]]]", &[r#"K"]"0"#]),
            (r"[[Ctrl]]+[[\+]]", &[r#"K"Ctrl"0"#, "+0", r#"K"+"0"#]),
            ("[[+]]", &[r#"K"+"0"#]),
            ("[[A]][[B]]", &[r#"K"A"0"#, r#"K"B"1"#]),
            (
                "{{Menu > Paramètres > Vie privée et sécurité}}",
                &[
                    r#"L"Menu"0"#,
                    ">0",
                    r#"L"Paramètres"0"#,
                    ">0",
                    r#"L"Vie privée et sécurité"0"#,
                ],
            ),
            ("{{Paramètres}}", &[r#"L"Paramètres"0"#]),
            (r"{{a \> b > c\}}}", &[r#"L"a > b"0"#, ">0", r#"L"c}"0"#]),
            (
                "Faites [[Ctrl]]+[[F5]] puis {{Aide}}.",
                &[
                    r#""Faites ""#,
                    r#"K"Ctrl"0"#,
                    "+0",
                    r#"K"F5"0"#,
                    r#"" puis ""#,
                    r#"L"Aide"1"#,
                    r#"".""#,
                ],
            ),
            // Keys and menus come before links, and live inside bold and labels.
            ("**[[Ctrl]]**", &[r#"bK"Ctrl"0"#]),
            (
                "[voir [[F1]]](https://x.org)",
                &[r#""voir "→https://x.org"#, r#"K"F1"0→https://x.org"#],
            ),
            // Inside code, nothing is markup.
            ("`[[x]]`", &[r#""[[x]]""#]),
            // `{` and `}` are escapable everywhere.
            (r"\{\{x\}\}", &[r#""{{x}}""#]),
            ("a {b} }} c", &[r#""a {b} }} c""#]),
            ("[[x\ny]]", &[r#"K"x y"0"#]),
        ];
        for &(text, expect) in table {
            assert_eq!(show(text), expect, "{text:?}");
        }
    }

    #[test]
    fn unclosed_brackets_print_as_text_with_a_warning() {
        let table: &[(&str, &str, usize, &str)] = &[
            ("Appuyez sur [[Ctrl", "Appuyez sur [[Ctrl", 12, "unclosed \"[[\" (key)"),
            ("{{Menu > Aide", "{{Menu > Aide", 0, "unclosed \"{{\" (menu path)"),
            ("[[a] b]", "[[a] b]", 0, "starting at character 1"),
            ("x {{a}", "x {{a}", 2, "prints as plain text"),
            // A `+` before a key that is never closed stays text.
            ("[[A]]+[[B", "A+[[B", 6, "starting at character 7"),
        ];
        for &(text, printed, offset, message) in table {
            let (inline, warnings) = parse_inline_warned(text).expect(text);
            assert_eq!(inline.plain_text(), printed, "{text:?}");
            assert_eq!(warnings.len(), 1, "{text:?}: {warnings:?}");
            let w = &warnings[0];
            assert_eq!((w.code, w.offset), ("unclosed-markup", offset), "{text:?}");
            assert!(w.message.en().contains(message), "{text:?}: {}", w.message);
            assert!(w.suggestion.as_ref().is_some_and(|s| s.en().contains("close it")));
        }
    }

    #[test]
    fn empty_keys_and_labels_are_refused() {
        for (text, offset, message) in [
            ("a [[]] b", 2, "the key at character 3 has no name"),
            ("[[Ctrl]]+[[ ]]", 9, "the key at character 10 has no name"),
            ("{{}}", 0, "the menu path at character 1 is empty"),
            ("{{Menu >  > Aide}}", 0, "has an empty label"),
            ("{{Menu >}}", 0, "has an empty label"),
        ] {
            let err = parse_inline_warned(text).expect_err(text);
            assert_eq!((err.code, err.offset), ("inline-markup", offset), "{text:?}");
            assert!(err.message.en().contains(message), "{text:?}: {}", err.message);
        }
    }

    #[test]
    fn groups_read_aloud_as_keys_and_sentences() {
        let table: &[(&str, Lang, &str)] = &[
            ("[[Ctrl]]+[[Maj]]+[[Suppr]]", Lang::Fr, "Ctrl+Maj+Suppr"),
            (
                "{{Menu > Paramètres > Vie privée et sécurité}}",
                Lang::Fr,
                "Menu, puis Paramètres, puis Vie privée et sécurité",
            ),
            ("{{Menu > Settings}}", Lang::En, "Menu, then Settings"),
        ];
        for &(text, lang, said) in table {
            let (inline, _) = parse_inline_warned(text).unwrap();
            let spans: Vec<_> = inline.spans.iter().collect();
            assert_eq!(spoken(&spans, lang), said);
        }
        let (inline, _) = parse_inline_warned("{{Menu > Aide}}").unwrap();
        assert_eq!(inline.plain_text(), "Menu \u{203a} Aide");
    }
}
