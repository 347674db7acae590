//! The cover: the collection's title and organisation, the date of the most
//! recent update, the list of guides and a QR code to the web copies.

use std::path::Path;

use super::{chunker, front_pages, latest_update};
use crate::layout::page::{Document, Item, Mark, Meta, Placed, Rect, Role, StructTree};
use crate::layout::paginate::{paginate, Area};
use crate::layout::style::{Theme, ACCENT, MUTED, RULE};
use crate::layout::text::BaseStyle;
use crate::model::labels;
use crate::model::{Block, Collection, Diagnostic, Guide, Inline, Lang, ListItem};

/// Lays out the cover (usually one page; more if the list of guides is long).
pub(super) fn cover(
    collection: &Collection,
    guides: &[&Guide],
    theme: &Theme,
    file: &Path,
) -> (Document, Vec<Diagnostic>) {
    let lang = collection.lang;
    let mut w = chunker(theme, lang, file);
    let (x, width) = theme.text_x();
    let root = StructTree::ROOT;
    let mut chunks = Vec::new();

    if let Some(org) = &collection.organisation {
        let p = w.tree.add(root, Role::Paragraph);
        let style = BaseStyle { bold: true, color: MUTED, ..theme.body };
        let mut c = w.text(&Inline::plain(org.as_str()), &style, x, width, Some(p));
        if let Some(last) = c.last_mut() {
            let y = last.height + theme.small.size * 0.5;
            last.items.push(rule(x, y, width, 0.5, RULE));
            last.height = y + 0.5;
        }
        chunks.extend(c);
    }

    let h1 = w.tree.add(root, Role::Heading(1));
    let t = theme.title;
    let style = BaseStyle { size: t.size * 1.25, line_height: t.line_height * 1.25, ..t };
    let mut title = w.text(
        &Inline::plain(labels::collection_title(collection)),
        &style,
        x,
        width,
        Some(h1),
    );
    if let Some(first) = title.first_mut() {
        first.space_before = theme.page.1 * 0.12;
    }
    if let Some(last) = title.last_mut() {
        let y = last.height + theme.gap * 0.6;
        last.items.push(Placed {
            item: Item::Fill {
                rects: vec![Rect { x, y, w: width * 0.25, h: 3.0 }],
                color: ACCENT,
            },
            mark: Mark::Artifact,
        });
        last.height = y + 3.0;
    }
    chunks.extend(title);

    let p = w.tree.add(root, Role::Paragraph);
    let mut facts = count(guides.len(), lang);
    if let Some(d) = latest_update(guides) {
        facts.push('\n');
        facts.push_str(&updated(labels::date(d, lang), lang));
    }
    let style = BaseStyle {
        size: theme.body.size * 1.15,
        line_height: theme.body.line_height * 1.15,
        color: MUTED,
        ..theme.body
    };
    let mut c = w.text(&Inline::plain(facts), &style, x, width, Some(p));
    if let Some(first) = c.first_mut() {
        first.space_before = theme.gap * 1.5;
    }
    chunks.extend(c);

    let h2 = w.tree.add(root, Role::Heading(2));
    let heading = match lang {
        Lang::Fr => "Dans ce recueil",
        Lang::En => "In this pack",
    };
    let style = theme.headings[1];
    let mut c = w.text(&Inline::plain(heading), &style, x, width, Some(h2));
    for chunk in &mut c {
        chunk.keep_with_next = true;
    }
    if let Some(first) = c.first_mut() {
        first.space_before = theme.gap * 4.0;
    }
    chunks.extend(c);
    let items = guides
        .iter()
        .map(|g| ListItem { text: g.title.clone(), items: Vec::new() })
        .collect();
    chunks.extend(w.block(&Block::List { items, ordered: false }, root, x, width));

    let qr = collection.base_url.as_ref().map(|url| {
        let caption = match lang {
            Lang::Fr => "Ces fiches en ligne, toujours à jour :",
            Lang::En => "These sheets online, always up to date:",
        };
        let block = Block::Qr { url: url.clone(), caption: Some(Inline::plain(caption)) };
        let mut c = w.block(&block, root, x, width);
        if let Some(first) = c.first_mut() {
            first.space_before = theme.gap * 3.0;
        }
        chunks.extend(c);
    });

    let area = Area::of(theme);
    let mut flows = paginate(chunks, &w.headers, area);
    // The QR code sits at the foot of the last page.
    if let (Some(()), Some(slot)) =
        (qr, flows.last_mut().and_then(|f| f.slots.last_mut()))
    {
        let dy = area.bottom - (slot.top + slot.chunk.height);
        if dy > 0.0 {
            slot.chunk.shift(dy);
            slot.top += dy;
        }
    }
    let (pages, outline) = front_pages(flows, theme, None);
    let meta = Meta { lang, ..Meta::default() };
    let warnings = w.finish();
    let doc = Document { pages, structure: w.tree, outline, meta };
    (doc, warnings)
}

/// A horizontal rule, as an artifact.
fn rule(x: f32, y: f32, width: f32, weight: f32, color: crate::layout::Rgb) -> Placed {
    Placed {
        item: Item::Line {
            x1: x,
            y1: y,
            x2: x + width,
            y2: y,
            width: weight,
            color,
            dash: None,
        },
        mark: Mark::Artifact,
    }
}

/// "6 fiches" / "6 sheets".
fn count(n: usize, lang: Lang) -> String {
    let s = if n == 1 { "" } else { "s" };
    match lang {
        Lang::Fr => format!("{n} fiche{s}"),
        Lang::En => format!("{n} sheet{s}"),
    }
}

/// "Dernière mise à jour : 13/03/2022" / "Last updated 13 March 2022".
fn updated(date: String, lang: Lang) -> String {
    match lang {
        Lang::Fr => format!("Dernière mise à jour{} {date}", labels::colon(lang)),
        Lang::En => format!("Last updated {date}"),
    }
}
