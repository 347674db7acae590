//! The interface's languages: messages live in `locales/<lang>/*.ftl`
//! (Project Fluent), embedded in the binary; code names them by id with
//! typed arguments ([`Msg`]) and renders them here, in English (the stable
//! form of reports and caches) or in the user's language.
//!
//! Below the CLI nothing reads the environment: the CLI resolves the
//! language once ([`UiLang::resolve`]) and passes it down.

mod msg;

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

pub use msg::{Arg, Msg};

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum UiLang {
    /// English: also the form of every machine-readable output.
    #[default]
    En,
    /// French.
    Fr,
}

/// The `.ftl` files of each language, as embedded.
pub const FILES: &[(UiLang, &str, &str)] = &[
    (UiLang::En, "en/diagnostics.ftl", include_str!("../../locales/en/diagnostics.ftl")),
    (UiLang::En, "en/cli.ftl", include_str!("../../locales/en/cli.ftl")),
    (UiLang::En, "en/help.ftl", include_str!("../../locales/en/help.ftl")),
    (UiLang::Fr, "fr/diagnostics.ftl", include_str!("../../locales/fr/diagnostics.ftl")),
    (UiLang::Fr, "fr/cli.ftl", include_str!("../../locales/fr/cli.ftl")),
    (UiLang::Fr, "fr/help.ftl", include_str!("../../locales/fr/help.ftl")),
];

impl UiLang {
    /// Both languages.
    pub const ALL: [UiLang; 2] = [UiLang::En, UiLang::Fr];

    /// `en` or `fr`.
    pub fn code(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Fr => "fr",
        }
    }

    /// Parses `fr`, `en` (or a locale such as `fr_FR.UTF-8`).
    pub fn parse(s: &str) -> Option<UiLang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("fr") {
            Some(UiLang::Fr)
        } else if s.starts_with("en") || s == "c" || s == "posix" {
            Some(UiLang::En)
        } else {
            None
        }
    }

    /// The language to use: the `--ui-lang` flag, else `GUIDEPRESS_UI_LANG`,
    /// else French when the first non-empty of `LC_ALL`, `LC_MESSAGES`,
    /// `LANG` starts with `fr`, else English. Values are given, not read
    /// here, so this is testable; an unknown flag or variable value is
    /// ignored (the flag's own parser refuses it first).
    pub fn resolve(
        flag: Option<&str>,
        var: Option<&str>,
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> UiLang {
        if let Some(l) = flag.and_then(UiLang::parse) {
            return l;
        }
        if let Some(l) = var.filter(|v| !v.is_empty()).and_then(UiLang::parse) {
            return l;
        }
        let locale =
            [lc_all, lc_messages, lang].into_iter().flatten().find(|v| !v.is_empty());
        match locale {
            Some(l) if l.starts_with("fr") => UiLang::Fr,
            _ => UiLang::En,
        }
    }
}

fn bundle(lang: UiLang) -> &'static FluentBundle<FluentResource> {
    static EN: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    static FR: OnceLock<FluentBundle<FluentResource>> = OnceLock::new();
    let cell = match lang {
        UiLang::En => &EN,
        UiLang::Fr => &FR,
    };
    cell.get_or_init(|| {
        let id = lang.code().parse().unwrap_or_default();
        let mut b = FluentBundle::new_concurrent(vec![id]);
        // No U+2068/U+2069 around arguments: output goes to terminals, JSON and files.
        b.set_use_isolating(false);
        for (l, name, text) in FILES {
            if *l == lang {
                let res = FluentResource::try_new(text.to_string())
                    .unwrap_or_else(|(_, e)| panic!("locales/{name}: {e:?}"));
                if let Err(e) = b.add_resource(res) {
                    panic!("locales/{name}: {e:?}");
                }
            }
        }
        b
    })
}

/// A size in bytes as people read it: `812 B`/`812 o`, `61.2 kB`/`61,2 ko`,
/// `3.3 MB`/`3,3 Mo` (1000 bytes = 1 kB, as the site counts).
pub fn size(lang: UiLang, bytes: u64) -> String {
    let (value, unit) = if bytes < 1000 {
        return match lang {
            UiLang::En => format!("{bytes} B"),
            UiLang::Fr => format!("{bytes}\u{a0}o"),
        };
    } else if bytes < 1_000_000 {
        (bytes as f64 / 1000.0, ["kB", "ko"])
    } else {
        (bytes as f64 / 1_000_000.0, ["MB", "Mo"])
    };
    match lang {
        UiLang::En => format!("{value:.1} {}", unit[0]),
        UiLang::Fr => {
            format!("{}\u{a0}{}", format!("{value:.1}").replace('.', ","), unit[1])
        }
    }
}

/// A `YYYY-MM-DD` date as prose writes it: as it is in English, JJ/MM/AAAA in French.
pub fn date(lang: UiLang, iso: &str) -> String {
    let b = iso.as_bytes();
    let iso_shaped = b.len() == 10 && b[4] == b'-' && b[7] == b'-';
    match lang {
        UiLang::Fr if iso_shaped => {
            format!("{}/{}/{}", &iso[8..10], &iso[5..7], &iso[0..4])
        }
        _ => iso.to_string(),
    }
}

/// Renders `msg` in `lang`; a message missing in `lang` falls back to English,
/// one missing everywhere shows its id (the key tests prevent both).
pub fn render(lang: UiLang, msg: &Msg) -> String {
    let b = bundle(lang);
    let Some(pattern) = b.get_message(&msg.id).and_then(|m| m.value()) else {
        return if lang == UiLang::En {
            msg.id.to_string()
        } else {
            render(UiLang::En, msg)
        };
    };
    let mut args = FluentArgs::new();
    for (name, value) in &msg.args {
        let v: FluentValue = match value {
            Arg::Text(s) => s.clone().into(),
            Arg::Count(n) => (*n).into(),
            Arg::Size(n) => size(lang, *n).into(),
            Arg::Date(d) => date(lang, d).into(),
            Arg::Msg(m) => render(lang, m).into(),
        };
        args.set(name.clone(), v);
    }
    let mut errors = Vec::new();
    b.format_pattern(pattern, Some(&args), &mut errors).into_owned()
}

/// Whether `id` is a message in the English files (every message is).
pub fn has_message(id: &str) -> bool {
    bundle(UiLang::En).has_message(id)
}

/// Renders the message `id` without arguments (labels, headings).
pub fn text(lang: UiLang, id: &'static str) -> String {
    render(lang, &Msg::new(id))
}

#[cfg(test)]
mod tests;
