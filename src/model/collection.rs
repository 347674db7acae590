//! `collection.json`: the shared settings and pack order, validated.

use crate::msg;
use std::path::Path;

use super::chars::check_chars;
use super::check::{Checker, Env, GuideRef};
use super::diag::Diagnostic;
use super::guide::check_format;
use super::hyphenation::check_hyphenation;
use super::raw::{from_value, json_kind, RawCollection, COLLECTION_FIELDS};
use super::report::Report;
use super::source::{read_source, report_duplicates};
use super::spans::join_index;
use super::types::Collection;
use super::values::{is_slug, parse_lang, parse_paper, suggest};

/// A validated collection with what the cross-guide checks need.
#[derive(Debug)]
pub struct CollectionDraft {
    /// The settings.
    pub collection: Collection,
    /// Warnings about the file.
    pub warnings: Vec<Diagnostic>,
    /// `guide:` links in the disclaimer.
    pub refs: Vec<GuideRef>,
    /// For each `order` entry, a warning located at it, to fill in if needed.
    pub order_sites: Vec<Diagnostic>,
}

/// Reads and validates `collection.json`; any error refuses the whole collection.
pub fn load_collection(
    file: &Path,
    env: &Env<'_>,
) -> Result<CollectionDraft, Vec<Diagnostic>> {
    let source = read_source(file).map_err(|d| vec![*d])?;
    let mut c = Checker::new(Report::new(file, &source.text, &source.spans), env);
    report_duplicates(&mut c.report, &source.spans);
    check_chars(&mut c.report, &source.value, "");
    if !source.value.is_object() {
        let message = msg!(
            "collection-not-object",
            found = crate::model::raw::kind_msg(json_kind(&source.value))
        );
        c.fail("wrong-type", "", message, None);
        return Err(c.report.finish().0);
    }
    let (raw, problems) = from_value::<RawCollection>(&source.value, "");
    for p in &problems {
        c.report.raw_problem(p, COLLECTION_FIELDS);
    }
    let Some(raw) = raw else { return Err(c.report.finish().0) };
    let (collection, order_sites) = check_collection(&mut c, &raw);
    let refs = std::mem::take(&mut c.refs);
    let (errors, warnings) = c.report.finish();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(CollectionDraft { collection, warnings, refs, order_sites })
}

/// The collection, and a warning site for each entry kept in `order`.
fn check_collection(
    c: &mut Checker<'_>,
    raw: &RawCollection,
) -> (Collection, Vec<Diagnostic>) {
    let mut out = Collection::default();
    let mut order_sites = Vec::new();
    check_format(c, raw.format.as_ref(), &msg!("what-collection"));
    match &raw.title {
        Some(t) => out.title = c.opt_plain("title", Some(t)).unwrap_or_default(),
        None => c.missing("", "title", &msg!("what-collection")),
    }
    out.organisation = c.opt_plain("organisation", raw.organisation.as_ref());
    if let Some(l) = raw.lang.as_deref() {
        match parse_lang(l) {
            Some(lang) => out.lang = lang,
            None => c.fail(
                "bad-value",
                "lang",
                msg!("unknown-lang", lang = l),
                Some(suggest(l, &["fr", "en"])),
            ),
        }
    }
    out.author = c.opt_plain("author", raw.author.as_ref());
    out.breadcrumb =
        c.plain_list("breadcrumb", raw.breadcrumb.as_ref()).unwrap_or_default();
    out.base_url = raw
        .base_url
        .as_deref()
        .and_then(|u| c.url("base_url", u, &["https", "http"]))
        .map(|mut u| {
            if !u.ends_with('/') {
                u.push('/');
            }
            u
        });
    out.disclaimer = c.opt_inline("disclaimer", raw.disclaimer.as_ref());
    if let Some(p) = raw.paper.as_deref() {
        match parse_paper(p) {
            Some(paper) => out.paper = paper,
            None => {
                let help = Some(suggest(p, &["A4", "A5", "Letter"]));
                c.fail("bad-value", "paper", msg!("unknown-paper", paper = p), help)
            }
        }
    }
    out.logo = raw.logo.as_deref().and_then(|src| c.image("logo", src));
    if let Some(h) = &raw.hyphenation {
        out.hyphenation = check_hyphenation(c, h);
    }
    if let Some(order) = &raw.order {
        for (i, id) in order.iter().enumerate() {
            let path = join_index("order", i);
            if !is_slug(id) {
                let message = msg!("order-bad-id", id = id);
                c.fail("bad-id", &path, message, None);
            } else if out.order.contains(id) {
                let d = c
                    .report
                    .warning("duplicate-order", &path, msg!("duplicate-order", id = id))
                    .help(msg!("duplicate-order-help"));
                c.report.push(d);
            } else {
                out.order.push(id.clone());
                order_sites.push(c.report.warning(
                    "unknown-guide",
                    &path,
                    msg!("order-unknown", id = id),
                ));
            }
        }
    }
    (out, order_sites)
}
