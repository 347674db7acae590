//! Words and number formats a guide is published with, per language: the
//! PDF sheets (layout) and the web pages (html) share them.

use super::types::{CalloutKind, Collection, Date, Lang};

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as readers of `lang` write it: `15/02/2014` or `15 February 2014`.
pub fn date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("{:02}/{:02}/{}", d.day, d.month, d.year),
        Lang::En => {
            let m = MONTHS_EN.get(usize::from(d.month).saturating_sub(1)).unwrap_or(&"?");
            format!("{} {} {}", d.day, m, d.year)
        }
    }
}

/// The header's date line, e.g. `publié le 15/02/2014 - mis à jour le 13/03/2022`.
pub fn dates_line(
    published: Option<Date>,
    updated: Option<Date>,
    lang: Lang,
) -> Option<String> {
    let (p, u, sep) = match lang {
        Lang::Fr => ("publié le ", "mis à jour le ", " - "),
        Lang::En => ("Published ", "Updated ", " · "),
    };
    let parts: Vec<String> = [
        published.map(|d| format!("{p}{}", date(d, lang))),
        updated
            .filter(|u| Some(*u) != published)
            .map(|d| format!("{u}{}", date(d, lang))),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(sep))
}

/// A byte count as `774,9 ko` / `774.9 KB` (decimal units, one decimal).
pub fn size(bytes: u64, lang: Lang) -> String {
    let (unit_k, unit_m, unit_b, comma) = match lang {
        Lang::Fr => ("ko", "Mo", "octets", true),
        Lang::En => ("KB", "MB", "bytes", false),
    };
    let (value, unit) = if bytes < 1000 {
        return format!("{bytes} {unit_b}");
    } else if bytes < 1_000_000 {
        (bytes as f64 / 1000.0, unit_k)
    } else {
        (bytes as f64 / 1_000_000.0, unit_m)
    };
    let s = format!("{value:.1}");
    let s = if comma { s.replace('.', ",") } else { s };
    format!("{s}\u{a0}{unit}")
}

/// `(PDF de 24,7 ko)` / `(PDF, 24.7 KB)`; a file without an extension
/// is called a file: `(fichier de 5 octets)` / `(file, 5 bytes)`.
pub fn attachment(kind: &str, bytes: u64, lang: Lang) -> String {
    let kind = match (kind.is_empty(), lang) {
        (false, _) => kind,
        (true, Lang::Fr) => "fichier",
        (true, Lang::En) => "file",
    };
    match lang {
        Lang::Fr => format!("({kind} de {})", size(bytes, lang)),
        Lang::En => format!("({kind}, {})", size(bytes, lang)),
    }
}

/// The collection's title, or a plain word when it has none ("Fiches" /
/// "Guides"): the print pack's cover and the web index use it.
pub fn collection_title(collection: &Collection) -> String {
    match collection.title.trim() {
        "" => match collection.lang {
            Lang::Fr => "Fiches".into(),
            Lang::En => "Guides".into(),
        },
        t => t.to_string(),
    }
}

/// "Descriptif" / "Summary".
pub fn summary(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Descriptif",
        Lang::En => "Summary",
    }
}

/// "Auteur" / "Author".
pub fn author(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Auteur",
        Lang::En => "Author",
    }
}

/// "Pour" / "For" (the audience line).
pub fn audience(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Pour",
        Lang::En => "For",
    }
}

/// The colon as typeset in `lang`: ` :` (with a no-break space) or `:`.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "\u{a0}:",
        Lang::En => ":",
    }
}

/// The title of the list of a printed sheet's external links.
pub fn links_title(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Liens de cette fiche",
        Lang::En => "Links in this sheet",
    }
}

/// The alternative text of a QR code: what it leads to.
pub fn qr_alt(url: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("QR code vers {url}"),
        Lang::En => format!("QR code for {url}"),
    }
}

/// `page 3 / 5`.
pub fn page_of(n: usize, total: usize) -> String {
    format!("page {n} / {total}")
}

/// The word printed at the top of a callout box.
pub fn callout(kind: CalloutKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (CalloutKind::Note, Lang::Fr) => "Remarque",
        (CalloutKind::Tip, Lang::Fr) => "Astuce",
        (CalloutKind::Warning, Lang::Fr) => "Attention",
        (CalloutKind::Important, Lang::Fr) => "Important",
        (CalloutKind::Note, Lang::En) => "Note",
        (CalloutKind::Tip, Lang::En) => "Tip",
        (CalloutKind::Warning, Lang::En) => "Warning",
        (CalloutKind::Important, Lang::En) => "Important",
    }
}

/// The symbol printed before a callout's label: ✎ note, ★ tip, ⚠ warning,
/// ❢ important (a second cue besides the words and the frame).
pub fn callout_icon(kind: CalloutKind) -> &'static str {
    match kind {
        CalloutKind::Note => "\u{270e}",
        CalloutKind::Tip => "\u{2605}",
        CalloutKind::Warning => "\u{26a0}",
        CalloutKind::Important => "\u{2762}",
    }
}

/// Whether a callout's title only repeats its label (an author who wrote
/// "Attention :" as the title of a warning): it is then shown once.
pub fn title_repeats_label(title: &str, kind: CalloutKind, lang: Lang) -> bool {
    let bare = title.trim().trim_end_matches([':', '\u{a0}', ' ']);
    bare.to_lowercase() == callout(kind, lang).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    const D: Date = Date { year: 2014, month: 2, day: 15 };
    const U: Date = Date { year: 2022, month: 3, day: 13 };

    #[test]
    fn labels_table() {
        let cases: &[(String, &str)] = &[
            (date(D, Lang::Fr), "15/02/2014"),
            (date(D, Lang::En), "15 February 2014"),
            (
                dates_line(Some(D), Some(U), Lang::Fr).unwrap(),
                "publié le 15/02/2014 - mis à jour le 13/03/2022",
            ),
            (
                dates_line(Some(D), Some(U), Lang::En).unwrap(),
                "Published 15 February 2014 · Updated 13 March 2022",
            ),
            (dates_line(None, Some(U), Lang::Fr).unwrap(), "mis à jour le 13/03/2022"),
            (size(774_900, Lang::Fr), "774,9\u{a0}ko"),
            (size(774_900, Lang::En), "774.9\u{a0}KB"),
            (size(512, Lang::Fr), "512 octets"),
            (attachment("PDF", 24_700, Lang::Fr), "(PDF de 24,7\u{a0}ko)"),
            (attachment("PDF", 24_700, Lang::En), "(PDF, 24.7\u{a0}KB)"),
            (attachment("", 5, Lang::Fr), "(fichier de 5 octets)"),
            (attachment("", 5, Lang::En), "(file, 5 bytes)"),
            (page_of(2, 3), "page 2 / 3"),
            (qr_alt("https://a.fr/", Lang::Fr), "QR code vers https://a.fr/"),
            (qr_alt("https://a.fr/", Lang::En), "QR code for https://a.fr/"),
            (links_title(Lang::Fr).into(), "Liens de cette fiche"),
            (collection_title(&Collection::default()), "Fiches"),
            (
                title_repeats_label("ATTENTION\u{a0}:", CalloutKind::Warning, Lang::Fr)
                    .to_string(),
                "true",
            ),
            (
                title_repeats_label(
                    "Attention aux cookies",
                    CalloutKind::Warning,
                    Lang::Fr,
                )
                .to_string(),
                "false",
            ),
            (
                collection_title(&Collection { lang: Lang::En, ..Default::default() }),
                "Guides",
            ),
            (
                collection_title(&Collection {
                    title: "Aide".into(),
                    ..Default::default()
                }),
                "Aide",
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got, want);
        }
    }
}
