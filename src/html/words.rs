//! What the web pages say that the printed sheets do not, per language.
//! The words both say (dates, sizes, "Descriptif", callout labels) are in
//! [`crate::model::labels`].

use crate::model::labels;
use crate::model::Lang;

/// `2 pages` / `1 page` (the same in both languages).
pub fn pages(n: usize) -> String {
    format!("{n}\u{a0}page{}", if n > 1 { "s" } else { "" })
}

/// The download link's words: `Télécharger la fiche PDF`.
pub fn download(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Télécharger la fiche PDF",
        Lang::En => "Download the PDF sheet",
    }
}

/// What the PDF weighs and holds: `74,2 ko, 2 pages`.
pub fn pdf_facts(bytes: u64, pages_count: usize, lang: Lang) -> String {
    format!("{}, {}", labels::size(bytes, lang), pages(pages_count))
}

/// The index card's PDF link: `Fiche PDF`.
pub fn pdf_link(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Fiche PDF",
        Lang::En => "PDF sheet",
    }
}

/// The link that skips to the content.
pub fn skip(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Aller au contenu",
        Lang::En => "Skip to content",
    }
}

/// The link back to the index.
pub fn all_guides(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Toutes les fiches",
        Lang::En => "All guides",
    }
}

/// The name of the breadcrumb's navigation landmark.
pub fn breadcrumb(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Fil d’Ariane",
        Lang::En => "Breadcrumb",
    }
}

/// Before the link to the article a sheet reproduces.
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Article d’origine",
        Lang::En => "Original article",
    }
}

/// The name of a table's scrolling region when it has no caption.
pub fn table(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Tableau",
        Lang::En => "Table",
    }
}

/// The index page's line under the title.
pub fn guides_intro(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Fr, 0) => "Aucune fiche pour le moment.".into(),
        (Lang::Fr, 1) => "Une fiche d’aide, à lire ici ou à télécharger en PDF.".into(),
        (Lang::Fr, n) => {
            format!("{n} fiches d’aide, à lire ici ou à télécharger en PDF.")
        }
        (Lang::En, 0) => "No guides yet.".into(),
        (Lang::En, 1) => "One help guide, to read here or download as a PDF.".into(),
        (Lang::En, n) => format!("{n} help guides, to read here or download as PDFs."),
    }
}

/// `n` guides, as the audience filter and the search count them.
pub fn guide_count(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Fr, 0) => "Aucune fiche".into(),
        (Lang::Fr, 1) => "1 fiche".into(),
        (Lang::Fr, n) => format!("{n} fiches"),
        (Lang::En, 0) => "No guides".into(),
        (Lang::En, 1) => "1 guide".into(),
        (Lang::En, n) => format!("{n} guides"),
    }
}

/// The name of the audience filter's navigation landmark.
pub fn by_audience(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Fiches par public",
        Lang::En => "Guides by audience",
    }
}

/// The line shown when the list is narrowed to one audience.
pub fn for_audience(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Fiches pour",
        Lang::En => "Guides for",
    }
}

/// The search box's label.
pub fn search(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Chercher une fiche",
        Lang::En => "Find a guide",
    }
}

/// The search box's hint, under it.
pub fn search_hint(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Par exemple «\u{a0}mot de passe\u{a0}» ou «\u{a0}cache\u{a0}».",
        Lang::En => "For example “password” or “cache”.",
    }
}

/// The words the search script says after a search, with `{n}` for the
/// count: one, several, none.
pub fn search_results(lang: Lang) -> [&'static str; 3] {
    match lang {
        Lang::Fr => [
            "1 fiche trouvée",
            "{n} fiches trouvées",
            "Aucune fiche ne contient ces mots.",
        ],
        Lang::En => {
            ["1 guide found", "{n} guides found", "No guide contains these words."]
        }
    }
}

/// The name given to a group of variants that has no title.
pub fn variants(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Choisissez votre cas",
        Lang::En => "Choose yours",
    }
}

/// What a picture's annotations show, for screen readers: `Sur l’image :
/// repères 1 et 2, un cadre, une flèche.`
pub fn annotations(markers: &[u8], boxes: usize, arrows: usize, lang: Lang) -> String {
    let (fr, and) = (lang == Lang::Fr, if lang == Lang::Fr { "et" } else { "and" });
    let mut parts = Vec::new();
    if let Some((last, first)) = markers.split_last() {
        let list = match first {
            [] => last.to_string(),
            _ => {
                let head: Vec<String> = first.iter().map(|m| m.to_string()).collect();
                format!("{} {and} {last}", head.join(", "))
            }
        };
        let word = match (fr, markers.len()) {
            (true, 1) => "repère",
            (true, _) => "repères",
            (false, 1) => "marker",
            (false, _) => "markers",
        };
        parts.push(if fr {
            format!("{word}\u{a0}{list}")
        } else {
            format!("{word} {list}")
        });
    }
    let count = |k: usize, one: &str, many: &str| match k {
        0 => None,
        1 => Some(one.to_string()),
        k => Some(format!("{k} {many}")),
    };
    let (frame, arrow) = if fr {
        (count(boxes, "un cadre", "cadres"), count(arrows, "une flèche", "flèches"))
    } else {
        (count(boxes, "a frame", "frames"), count(arrows, "an arrow", "arrows"))
    };
    parts.extend(frame);
    parts.extend(arrow);
    let lead = if fr { "Sur l’image\u{a0}:" } else { "On the picture:" };
    format!("{lead} {}.", parts.join(", "))
}

/// The footer's credit.
pub fn generated(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "Page générée par",
        Lang::En => "Page generated by",
    }
}

/// An address to write to, after a mail link whose words do not show it.
pub fn mail_to(address: &str, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("courriel à {address}"),
        Lang::En => format!("e-mail to {address}"),
    }
}
