//! The message files: the same keys in every language, every key used, every
//! used key present, French typography, no bidi isolation marks.

use std::collections::BTreeSet;
use std::path::Path;

use super::*;

/// The message ids defined in one `.ftl` text (messages start a line).
fn ids(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
        .collect()
}

fn ids_of(lang: UiLang) -> BTreeSet<String> {
    FILES.iter().filter(|(l, ..)| *l == lang).flat_map(|(_, _, t)| ids(t)).collect()
}

/// Every `.rs` file under `dir`, with its text.
fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
        }
    }
}

/// The ids code names: `msg!("id"`, `Msg::new("id"` and `text(lang, "id"`.
fn used_ids(src: &str) -> Vec<String> {
    let code: String = src
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n");
    let src = code.as_str();
    let mut found = Vec::new();
    for pat in ["msg!(", "Msg::new(", "text(lang,"] {
        let mut rest = src;
        while let Some(i) = rest.find(pat) {
            rest = rest[i + pat.len()..].trim_start();
            if let Some(quoted) = rest.strip_prefix('"') {
                if let Some(end) = quoted.find('"') {
                    found.push(quoted[..end].to_string());
                }
            }
        }
    }
    found
}

#[test]
fn every_key_is_in_both_languages() {
    let (en, fr) = (ids_of(UiLang::En), ids_of(UiLang::Fr));
    let only_en: Vec<_> = en.difference(&fr).collect();
    let only_fr: Vec<_> = fr.difference(&en).collect();
    assert!(only_en.is_empty(), "missing in French: {only_en:?}");
    assert!(only_fr.is_empty(), "missing in English: {only_fr:?}");
    for (_, name, text) in FILES {
        assert!(
            FluentResource::try_new(text.to_string()).is_ok(),
            "{name} does not parse"
        );
    }
}

#[test]
fn every_key_used_in_code_exists_and_every_key_is_used() {
    let mut files = Vec::new();
    sources(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")), &mut files);
    let known = ids_of(UiLang::En);
    let mut used = BTreeSet::new();
    for (name, text) in &files {
        if name.ends_with("i18n/tests.rs") {
            continue;
        }
        for id in used_ids(text) {
            assert!(
                known.contains(&id),
                "{name} uses \"{id}\", which no .ftl file defines"
            );
            used.insert(id);
        }
    }
    // `help-…` keys (the --help texts) are checked against the commands by
    // the CLI's own test; `verbatim` by the unit tests' Msg::verbatim.
    let unused: Vec<_> = known
        .iter()
        .filter(|id| !id.starts_with("help-") && !used.contains(*id))
        .collect();
    assert!(unused.is_empty(), "keys no code uses: {unused:?}");
}

#[test]
fn french_typography() {
    for (lang, name, text) in FILES {
        assert!(!text.contains(['\u{2068}', '\u{2069}']), "{name}: bidi isolation mark");
        if *lang != UiLang::Fr {
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            if line.starts_with('#') {
                continue;
            }
            let value = line.split_once(" = ").map_or(line, |(_, v)| v);
            for p in [" :", " ;", " !", " ?", "« ", " »"] {
                assert!(
                    !value.contains(p),
                    "{name}:{}: use a no-break space in {p:?}: {line}",
                    n + 1
                );
            }
            for p in [":", ";", "!", "?"] {
                for (i, _) in value.match_indices(p) {
                    let before = value[..i].chars().last();
                    let after = value[i + 1..].chars().next();
                    // Typographic colons need a (narrow) no-break space;
                    // "https:", "mailto:", "{ $n ->" variants are not prose.
                    let prose = matches!(after, Some(' ') | None)
                        && before
                            .is_some_and(|c| c.is_alphanumeric() || c == '»' || c == '}');
                    assert!(
                        !prose,
                        "{name}:{}: no-break space before {p:?}: {line}",
                        n + 1
                    );
                }
            }
        }
    }
}

#[test]
fn renders_typed_arguments_per_language() {
    let m = Msg::new("summary-check")
        .arg("guides", 2usize)
        .arg("ok", 1usize)
        .arg("failed", 1usize)
        .arg("warnings", 1usize);
    assert_eq!(m.en(), "2 guides checked: 1 ok, 1 with errors, 1 warning");
    assert_eq!(
        m.in_lang(UiLang::Fr),
        "2\u{a0}fiches vérifiées\u{a0}: 1\u{a0}correcte, 1\u{a0}avec des erreurs, 1\u{a0}avertissement"
    );
    assert_eq!(size(UiLang::Fr, 61_234), "61,2\u{a0}ko");
    assert_eq!(size(UiLang::En, 61_234), "61.2 kB");
    assert_eq!(date(UiLang::Fr, "2024-02-29"), "29/02/2024");
    let nested = Msg::verbatim("x").arg("unused", Msg::verbatim("y"));
    assert_eq!(nested.in_lang(UiLang::Fr), "x");
}

#[test]
fn language_comes_from_flag_then_variable_then_locale() {
    use UiLang::*;
    let r = UiLang::resolve;
    assert_eq!(r(Some("en"), Some("fr"), Some("fr_FR.UTF-8"), None, None), En);
    assert_eq!(r(None, Some("fr"), None, None, Some("en_GB.UTF-8")), Fr);
    assert_eq!(r(None, Some(""), Some(""), Some("fr_CA"), Some("en_US")), Fr);
    assert_eq!(r(None, None, Some("C"), Some("fr_FR"), None), En);
    assert_eq!(r(None, None, None, None, Some("fr_BE.UTF-8")), Fr);
    assert_eq!(r(None, None, None, None, None), En);
}

#[test]
fn messages_once_english_only_have_both_languages() {
    let forced = |count: usize, words: &str, more: usize, mm: &str| {
        crate::msg!("forced-break", count = count, words = words, more = more, mm = mm)
    };
    let one = forced(1, "\"ab\"", 0, "12");
    assert_eq!(
        one.en(),
        "\"ab\" does not fit in its line (12 mm) and is cut without a hyphen"
    );
    assert_eq!(
        one.in_lang(UiLang::Fr),
        "\"ab\" ne tient pas dans sa ligne (12\u{a0}mm) et est coupé sans trait d’union"
    );
    let six = forced(6, "\"a\", \"b\"", 2, "9");
    assert!(six.en().ends_with("without a hyphen: \"a\", \"b\", 2 more"), "{}", six.en());
    assert!(six.in_lang(UiLang::Fr).starts_with("6\u{a0}mots ne tiennent pas"));
    assert!(six.in_lang(UiLang::Fr).ends_with("\"a\", \"b\" et 2\u{a0}autres"));
    let h = crate::msg!(
        "hyphen-near-end",
        pattern = "n-avigateur",
        before = 2usize,
        after = 3usize
    );
    assert_eq!(
        h.in_lang(UiLang::Fr),
        "un trait d’union de \"n-avigateur\" laisse moins de 2\u{a0}lettres avant lui ou \
         3\u{a0}après lui\u{a0}: le mot n’est jamais coupé à cet endroit"
    );
    let gif = crate::msg!("image-not-png-jpeg", what = crate::msg!("magic-gif"));
    assert_eq!(gif.en(), "not a PNG or JPEG (it is a GIF)");
    assert_eq!(gif.in_lang(UiLang::Fr), "ni PNG ni JPEG (c’est un GIF)");
    let e = crate::msg!("out-overlaps-input", out = "guides/out", input = "guides");
    assert!(e.in_lang(UiLang::Fr).ends_with("\u{202f}; choisissez un autre --out"));
}
