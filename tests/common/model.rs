//! Walks a validated guide: every piece of inline text, every link, every figure.

use guidepress::model::{Block, Collection, Figure, Guide, Inline, LinkTarget, ListItem};

/// Every inline text a reader sees in the sheet, with the JSON path it came from.
pub fn texts<'a>(g: &'a Guide, c: &'a Collection) -> Vec<(String, &'a Inline)> {
    let mut out = vec![("title".to_string(), &g.title)];
    if let Some(d) = &g.description {
        out.push(("description".into(), d));
    }
    for b in &g.body {
        block_texts(&b.path, &b.value, &mut out);
    }
    if let Some(d) = &c.disclaimer {
        out.push(("collection.disclaimer".into(), d));
    }
    out
}

fn block_texts<'a>(path: &str, b: &'a Block, out: &mut Vec<(String, &'a Inline)>) {
    if let Block::Variants { title, items } = b {
        if let Some(t) = title {
            out.push((format!("{path}.title"), t));
        }
        for (i, v) in items.iter().enumerate() {
            out.push((format!("{path}.items[{i}].label"), &v.label));
            for inner in &v.body {
                block_texts(&inner.path, &inner.value, out);
            }
        }
        return;
    }
    let mut push = |p: String, t: &'a Inline| out.push((format!("{path}{p}"), t));
    match b {
        Block::Heading { text, .. } | Block::Paragraph { text } => {
            push(".text".into(), text)
        }
        Block::List { items, .. } => {
            let mut all = Vec::new();
            list_texts("", items, &mut all);
            for (p, t) in all {
                push(p, t);
            }
        }
        Block::Steps { items } => {
            for (i, s) in items.iter().enumerate() {
                push(format!(".items[{i}].text"), &s.text);
                if let Some(n) = &s.note {
                    push(format!(".items[{i}].note"), n);
                }
                for (k, sub) in s.substeps.iter().enumerate() {
                    push(format!(".items[{i}].substeps[{k}]"), sub);
                }
                for f in &s.images {
                    if let Some(c) = &f.value.caption {
                        push(format!("{}.caption", &f.path[path.len()..]), c);
                    }
                }
            }
        }
        Block::Callout { title, text, .. } => {
            if let Some(t) = title {
                push(".title".into(), t);
            }
            push(".text".into(), text);
        }
        Block::Image(f) => {
            if let Some(c) = &f.caption {
                push(".caption".into(), c);
            }
        }
        Block::Images { items, caption } => {
            for f in items {
                if let Some(c) = &f.value.caption {
                    push(format!("{}.caption", &f.path[path.len()..]), c);
                }
            }
            if let Some(c) = caption {
                push(".caption".into(), c);
            }
        }
        Block::Variants { .. } => {}
        Block::Table { header, rows, .. } => {
            for (j, cell) in header.iter().flatten().enumerate() {
                push(format!(".header[{j}]"), cell);
            }
            for (i, row) in rows.iter().enumerate() {
                for (j, cell) in row.iter().enumerate() {
                    push(format!(".rows[{i}][{j}]"), cell);
                }
            }
        }
        Block::Attachment { label, .. } => push(".label".into(), label),
        Block::Qr { caption, .. } => {
            if let Some(c) = caption {
                push(".caption".into(), c);
            }
        }
        Block::PageBreak => {}
    }
}

fn list_texts<'a>(
    prefix: &str,
    items: &'a [ListItem],
    out: &mut Vec<(String, &'a Inline)>,
) {
    for (i, item) in items.iter().enumerate() {
        let p = format!("{prefix}.items[{i}]");
        out.push((format!("{p}.text"), &item.text));
        list_texts(&p, &item.items, out);
    }
}

/// The URI every external link of the guide's text must carry in a
/// standalone PDF: URLs and `mailto:` as written, `guide:ID` as
/// `<base_url>ID.pdf` (when the collection has a `base_url`).
pub fn link_uris(g: &Guide, c: &Collection) -> Vec<String> {
    let mut uris: Vec<String> = texts(g, c)
        .into_iter()
        .flat_map(|(_, t)| t.spans.iter())
        .filter_map(|s| match s.link.as_ref()? {
            LinkTarget::Url(u) | LinkTarget::Mail(u) => Some(u.clone()),
            LinkTarget::Guide(id) => {
                c.base_url.as_ref().map(|b| format!("{b}pdf/{id}.pdf"))
            }
        })
        .collect();
    uris.sort();
    uris.dedup();
    uris
}

/// Every figure of the guide: image blocks, rows of pictures and step
/// pictures, those inside variants included, in order.
pub fn figures(g: &Guide) -> Vec<&Figure> {
    g.figures().into_iter().map(|(f, _)| f).collect()
}

/// The bookmarks a sheet should have, with their depth: the level-1
/// headings, and under them the labels of the variants they hold (a
/// variants block before any level-1 heading gives top-level bookmarks).
pub fn expected_bookmarks(g: &Guide) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut depth = 1;
    for b in &g.body {
        match &b.value {
            Block::Heading { text, level: 1 } => {
                out.push((1, text.plain_text()));
                depth = 2;
            }
            Block::Variants { items, .. } => {
                out.extend(items.iter().map(|v| (depth, v.label.plain_text())));
            }
            _ => {}
        }
    }
    out
}

/// Whether any block (inside variants too) satisfies `f`.
pub fn has_block(g: &Guide, f: impl Fn(&Block) -> bool) -> bool {
    g.all_blocks().iter().any(|b| f(&b.value))
}
