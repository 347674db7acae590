//! Warnings beyond validity: blurry pictures, stale guides, unused pictures.
//!
//! These look at the project as a whole or at laid-out pages, so they live
//! after the model: a picture's resolution depends on its printed size, a
//! guide's age on the newest guide of the collection.

use crate::i18n::Arg;
use crate::msg;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::fs::list_files;
use crate::layout::{Document, Item};
use crate::model::source::read_source;
use crate::model::{Date, Diagnostic, Figure, Guide, Loaded};

/// Least resolution, in dots per inch at the printed size, of a sharp picture.
pub const MIN_DPI: f32 = 150.0;

/// A guide older than this many years (relative to the newest guide) is stale.
pub const STALE_YEARS: u16 = 3;

/// Every figure of `guide` in reading order, with the JSON path of its `src`.
pub fn figures(guide: &Guide) -> Vec<(&Figure, String)> {
    guide.figures()
}

/// `low-resolution` warnings for the pictures of `guide` as laid out in `doc`.
///
/// The printed width is read from the page description (`rect.w` points for
/// `image.width` pixels), so it accounts for `width`, shrinking to fit and
/// the height limit. Pictures are matched to figures in reading order.
pub fn low_resolution(guide: &Guide, doc: &Document) -> Vec<Diagnostic> {
    let figures = figures(guide);
    let mut next = 0;
    let mut out = Vec::new();
    for item in doc.pages.iter().flat_map(|p| &p.items) {
        let Item::Image { rect, image } = &item.item else { continue };
        let Some((_, path)) = figures.get(next).filter(|(f, _)| f.image.src == image.src)
        else {
            continue; // not a figure (e.g. a logo)
        };
        next += 1;
        if rect.w <= 0.0 {
            continue;
        }
        let dpi = image.width as f32 / (rect.w / 72.0);
        if dpi + 0.5 >= MIN_DPI {
            continue;
        }
        let cm = rect.w / 72.0 * 2.54;
        let needed = (rect.w / 72.0 * MIN_DPI).ceil() as u32;
        let message = msg!(
            "low-resolution",
            src = &image.src,
            dpi = dpi.round() as i64,
            pixels = image.width,
            cm = format!("{cm:.1}"),
            min = MIN_DPI as i64
        );
        let help = msg!("low-resolution-help", needed = needed);
        out.push(
            Diagnostic::warning("low-resolution", &guide.file, message)
                .at(path)
                .help(help),
        );
    }
    out
}

/// The date a guide was last touched: `updated`, else `published`.
pub fn guide_date(guide: &Guide) -> Option<(Date, &'static str)> {
    guide.updated.map(|d| (d, "updated")).or(guide.published.map(|d| (d, "published")))
}

/// `stale-guide` warnings: guides last updated more than [`STALE_YEARS`]
/// years before the newest guide of the collection.
///
/// The reference is the newest `updated` (else `published`) date of the
/// collection, not the clock, so the same sources always give the same
/// warnings. Guides without any date are not judged.
///
/// A draft (a guide still holding the starter's placeholder text, see
/// [`placeholders`]) is neither judged nor the reference: the guide `new`
/// just wrote, dated today, does not make the others stale.
pub fn stale_guides(guides: &[&Guide]) -> Vec<Diagnostic> {
    let dated: Vec<Dated> = guides
        .iter()
        .filter(|g| placeholders(&g.file).is_empty())
        .filter_map(|g| guide_date(g).map(|d| (g.file.clone(), d)))
        .collect();
    stale_dates(&dated)
}

/// Text of the starter guide (`guidepress new`) that is there to be
/// replaced, in French and English: a guide holding any is a draft.
pub const PLACEHOLDERS: &[&str] = &[
    "Titre de la fiche",
    "Une ou deux phrases",
    "Expliquez ici ce qu’il faut savoir",
    "adresse-a-remplacer@example.org",
    "Title of the sheet",
    "One or two sentences",
    "Say here what readers need to know",
    "address-to-replace@example.org",
];

/// `placeholder` warnings: each string of the guide file `file` that still
/// holds text of the starter guide.
pub fn placeholders(file: &Path) -> Vec<Diagnostic> {
    let Ok(source) = read_source(file) else { return Vec::new() };
    let mut out = Vec::new();
    let mut visit = |path: &str, s: &str| {
        if let Some(p) = PLACEHOLDERS.iter().find(|p| s.contains(*p)) {
            out.push(
                Diagnostic::warning("placeholder", file, msg!("placeholder", text = *p))
                    .at(path)
                    .help(msg!("placeholder-help")),
            );
        }
    };
    walk_strings(&source.value, "", &mut visit);
    out
}

/// Calls `f` with the path and text of every string in `v`.
fn walk_strings(v: &Value, path: &str, f: &mut impl FnMut(&str, &str)) {
    use crate::model::spans::{join_index, join_key};
    match v {
        Value::String(s) => f(path, s),
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk_strings(v, &join_index(path, i), f);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                walk_strings(v, &join_key(path, k), f);
            }
        }
        _ => {}
    }
}

/// A guide file and the date it was last touched (see [`guide_date`]).
pub type Dated = (PathBuf, (Date, &'static str));

/// [`stale_guides`] from the dates alone (a build keeps no guide in memory).
pub fn stale_dates(dated: &[Dated]) -> Vec<Diagnostic> {
    let Some(newest) = dated.iter().map(|(_, (d, _))| *d).max() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (file, (date, field)) in dated {
        let (date, field) = (*date, *field);
        let limit = Date { year: date.year.saturating_add(STALE_YEARS), ..date };
        if limit >= newest {
            continue;
        }
        let message = msg!(
            "stale-guide",
            date = Arg::Date(date.iso()),
            years = STALE_YEARS,
            newest = Arg::Date(newest.iso())
        );
        let help = msg!("stale-guide-help");
        out.push(Diagnostic::warning("stale-guide", file, message).at(field).help(help));
    }
    out
}

/// `unused-image` warnings: files in `images_dir` (hidden ones aside) that no
/// guide and not the collection's logo uses. Guides that failed to validate
/// count too: every `"src"` string in their JSON is taken as used; when one of
/// them cannot be read at all, nothing is reported (its pictures are unknown).
pub fn unused_images(loaded: &Loaded, images_dir: &Path) -> Vec<Diagnostic> {
    let mut srcs: Vec<String> = Vec::new();
    for outcome in &loaded.guides {
        match pictures_of(&outcome.file, outcome.result.as_ref().ok()) {
            Some(s) => srcs.extend(s),
            None => return Vec::new(),
        }
    }
    let logo = loaded.collection.logo.as_ref().map(|l| l.src.as_str());
    unused_among(srcs.iter().map(String::as_str).chain(logo), images_dir)
}

/// The pictures a guide uses: those of `guide` when it is valid, else every
/// `"src"` string of its JSON; `None` when the file cannot be read at all.
pub fn pictures_of(file: &Path, guide: Option<&Guide>) -> Option<Vec<String>> {
    let mut out = Vec::new();
    match guide {
        Some(g) => figures(g).iter().for_each(|(f, _)| out.push(f.image.src.clone())),
        None => {
            json_srcs(&read_source(file).ok()?.value, &mut |s| out.push(s.to_string()))
        }
    }
    Some(out)
}

/// `unused-image` warnings for the files of `images_dir` that are not in `used`.
pub fn unused_among<'a>(
    used: impl Iterator<Item = &'a str>,
    images_dir: &Path,
) -> Vec<Diagnostic> {
    let used: HashSet<PathBuf> =
        used.filter_map(|src| images_dir.join(src).canonicalize().ok()).collect();
    let mut files = Vec::new();
    list_files(images_dir, &mut files);
    files.sort();
    files
        .into_iter()
        .filter(|f| f.canonicalize().map(|c| !used.contains(&c)).unwrap_or(false))
        .map(|f| {
            Diagnostic::warning("unused-image", f, msg!("unused-image"))
                .help(msg!("unused-image-help"))
        })
        .collect()
}

/// Calls `f` on every string value of a `"src"` member, at any depth.
fn json_srcs(v: &Value, f: &mut impl FnMut(&str)) {
    match v {
        Value::Object(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    ("src", Value::String(s)) => f(s),
                    _ => json_srcs(v, f),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| json_srcs(v, f)),
        _ => {}
    }
}

/// Fills in line and column from the file's JSON for diagnostics that have a
/// path but no position yet.
pub fn locate(diags: &mut [Diagnostic]) {
    let mut cache: Vec<(PathBuf, Option<crate::model::source::Source>)> = Vec::new();
    for d in diags.iter_mut().filter(|d| d.line.is_none() && !d.path.is_empty()) {
        let i = match cache.iter().position(|(f, _)| *f == d.file) {
            Some(i) => i,
            None => {
                cache.push((d.file.clone(), read_source(&d.file).ok()));
                cache.len() - 1
            }
        };
        if let Some(pos) = cache[i].1.as_ref().and_then(|s| s.spans.nearest(&d.path)) {
            d.line = Some(pos.line);
            d.column = Some(pos.column);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        crate::model::values::parse_date(s).unwrap()
    }

    fn guide(id: &str, updated: Option<&str>, published: Option<&str>) -> Guide {
        Guide {
            id: id.into(),
            file: format!("guides/{id}.json").into(),
            title: crate::model::Inline::plain("T"),
            description: None,
            lang: Default::default(),
            published: published.map(date),
            updated: updated.map(date),
            author: None,
            source_url: None,
            breadcrumb: vec![],
            audience: vec![],
            keywords: vec![],
            body: vec![],
        }
    }

    #[test]
    fn stale_is_relative_to_the_newest_guide() {
        // (id, updated, published, stale?)
        let table = [
            ("newest", Some("2024-06-01"), None, false),
            ("exactly-three-years", Some("2021-06-01"), None, false),
            ("one-day-more", Some("2021-05-31"), None, true),
            ("published-only", None, Some("2020-01-01"), true),
            ("no-date", None, None, false),
        ];
        let guides: Vec<Guide> =
            table.iter().map(|(id, u, p, _)| guide(id, *u, *p)).collect();
        let refs: Vec<&Guide> = guides.iter().collect();
        let stale: Vec<(String, String)> = stale_guides(&refs)
            .into_iter()
            .map(|d| (d.file.display().to_string(), d.path))
            .collect();
        let expect: Vec<(String, String)> = table
            .iter()
            .filter(|t| t.3)
            .map(|(id, u, _, _)| {
                let field = if u.is_some() { "updated" } else { "published" };
                (format!("guides/{id}.json"), field.to_string())
            })
            .collect();
        assert_eq!(stale, expect);
    }
}
