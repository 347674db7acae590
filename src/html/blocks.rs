//! A guide's body as HTML: headings in order (the title is the page's
//! `h1`), paragraphs, lists, steps as an ordered list, callouts as labelled
//! asides, figures, tables with header cells, attachments and addresses.

use std::collections::BTreeSet;
use std::fmt::Write;

use super::escape::{html, path_url};
use super::inline::{destination, inline, prose};
use super::pictures::figure_html;
use super::words;
use crate::model::labels;
use crate::model::values::slugify;
use crate::model::{Block, CalloutKind, Figure, Inline, Lang, ListItem, Located, Step};

/// Writes the blocks of one page, keeping what the page needs across them:
/// the last heading level, the ids in use, how many pictures came before.
pub struct Body {
    out: String,
    lang: Lang,
    /// The HTML level of the last heading (1: the page title).
    heading: u8,
    ids: BTreeSet<String>,
    pictures: usize,
    callouts: usize,
}

/// Pictures after this many are loaded lazily (below the first screen).
const EAGER_PICTURES: usize = 1;

impl Body {
    /// An empty body for a page in `lang`, whose title is its `h1`, where
    /// the page already uses the ids `reserved`.
    pub fn new(lang: Lang, reserved: &[&str]) -> Self {
        Body {
            out: String::new(),
            lang,
            heading: 1,
            ids: reserved.iter().map(|s| s.to_string()).collect(),
            pictures: 0,
            callouts: 0,
        }
    }

    /// The HTML written so far.
    pub fn finish(self) -> String {
        self.out
    }

    /// Writes `blocks` in order.
    pub fn blocks(&mut self, blocks: &[Located<Block>]) {
        for b in blocks {
            self.block(&b.value);
        }
    }

    /// A page-unique id made from `text` (`qu-est-ce-que-le-cache`, then
    /// `-2`, `-3`…); `fallback` when the text has no letter or digit.
    fn id(&mut self, text: &str, fallback: &str) -> String {
        let base = match slugify(text) {
            s if s.is_empty() => fallback.to_string(),
            s => s,
        };
        let mut id = base.clone();
        let mut n = 1;
        while !self.ids.insert(id.clone()) {
            n += 1;
            id = format!("{base}-{n}");
        }
        id
    }

    fn text(&self, t: &Inline) -> String {
        inline(t, self.lang)
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading { text, level } => self.heading(text, *level),
            Block::Paragraph { text } => {
                let p = self.text(text);
                let _ = writeln!(self.out, "<p>{p}</p>");
            }
            Block::List { items, ordered } => self.list(items, *ordered, 0),
            Block::Steps { items } => self.steps(items),
            Block::Callout { kind, title, text } => {
                self.callout(*kind, title.as_ref(), text)
            }
            Block::Image(f) => self.figure(f),
            Block::Table { header, rows } => self.table(header.as_deref(), rows),
            Block::Attachment { href, label, local } => {
                let (url, after) = match local {
                    Some(f) => (
                        path_url(&f.site_path()),
                        Some(labels::attachment(&f.kind, f.bytes, self.lang)),
                    ),
                    None => {
                        let target = crate::model::LinkTarget::Url(href.clone());
                        let to = destination(&target, &label.plain_text(), self.lang);
                        (href.clone(), to.map(|h| format!("({h})")))
                    }
                };
                let _ = write!(
                    self.out,
                    "<p class=\"attachment\"><span class=\"icon\" aria-hidden=\"true\">\u{2b07}\u{fe0e}</span> <a href=\"{}\">{}",
                    html(&url),
                    self.text(label)
                );
                if let Some(a) = after {
                    let _ = write!(self.out, " <span class=\"to\">{}</span>", html(&a));
                }
                self.out.push_str("</a></p>\n");
            }
            Block::Qr { url, caption } => {
                let _ = write!(self.out, "<p class=\"address\">");
                if let Some(c) = caption {
                    let _ = write!(self.out, "{}<br>", self.text(c));
                }
                let _ = writeln!(
                    self.out,
                    "<a href=\"{}\">{}</a></p>",
                    html(url),
                    prose(url.strip_prefix("mailto:").unwrap_or(url))
                );
            }
            // Pages are a matter of paper.
            Block::PageBreak => {}
        }
    }

    /// A heading: guide level 1 is `h2` (the title is `h1`); a heading that
    /// skips a level is one below the previous one, as in the PDF's tags.
    fn heading(&mut self, text: &Inline, level: u8) {
        let h = (level.clamp(1, 3) + 1).min(self.heading + 1);
        self.heading = h;
        let id = self.id(&text.plain_text(), "section");
        let t = self.text(text);
        let _ = writeln!(self.out, "<h{h} id=\"{id}\">{t}</h{h}>");
    }

    fn list(&mut self, items: &[ListItem], ordered: bool, depth: usize) {
        let tag = if ordered { "ol" } else { "ul" };
        // Numbers as the sheets print them: 1. then a. then i.
        let kind = match (ordered, depth) {
            (true, 1) => " type=\"a\"",
            (true, d) if d >= 2 => " type=\"i\"",
            _ => "",
        };
        let _ = writeln!(self.out, "<{tag}{kind}>");
        for item in items {
            let t = self.text(&item.text);
            let _ = write!(self.out, "<li>{t}");
            if !item.items.is_empty() {
                self.out.push('\n');
                self.list(&item.items, ordered, depth + 1);
            }
            self.out.push_str("</li>\n");
        }
        let _ = writeln!(self.out, "</{tag}>");
    }

    fn steps(&mut self, items: &[Step]) {
        self.out.push_str("<ol class=\"steps\">\n");
        for step in items {
            let t = self.text(&step.text);
            let _ = writeln!(self.out, "<li>\n<p>{t}</p>");
            if let Some(n) = &step.note {
                let n = self.text(n);
                let _ = writeln!(self.out, "<p class=\"step-note\">{n}</p>");
            }
            if let Some(f) = &step.image {
                self.figure(f);
            }
            self.out.push_str("</li>\n");
        }
        self.out.push_str("</ol>\n");
    }

    /// A callout: an aside named by its visible label, which differs by
    /// words, symbol and border, not by colour alone.
    fn callout(&mut self, kind: CalloutKind, title: Option<&Inline>, text: &Inline) {
        self.callouts += 1;
        let id = self.id(&format!("callout {}", self.callouts), "callout");
        let class = match kind {
            CalloutKind::Note => "is-note",
            CalloutKind::Tip => "is-tip",
            CalloutKind::Warning => "is-warning",
            CalloutKind::Important => "is-important",
        };
        let label = labels::callout(kind, self.lang);
        let _ = write!(
            self.out,
            "<aside class=\"callout {class}\" aria-labelledby=\"{id}\">\n\
             <p class=\"label\" id=\"{id}\"><span class=\"icon\" aria-hidden=\"true\">{}\u{fe0e}</span> {}",
            labels::callout_icon(kind),
            html(label)
        );
        if let Some(t) = title
            .filter(|t| !labels::title_repeats_label(&t.plain_text(), kind, self.lang))
        {
            let t = self.text(t);
            let _ = write!(
                self.out,
                "{} <span class=\"title\">{t}</span>",
                labels::colon(self.lang)
            );
        }
        let t = self.text(text);
        let _ = writeln!(self.out, "</p>\n<p>{t}</p>\n</aside>");
    }

    fn figure(&mut self, figure: &Figure) {
        let lazy = self.pictures >= EAGER_PICTURES;
        self.pictures += 1;
        self.out.push_str(&figure_html(figure, lazy, self.lang));
    }

    /// A table in a region that scrolls sideways on its own when it is wider
    /// than the screen (the page never does), named by its header row.
    fn table(&mut self, header: Option<&[Inline]>, rows: &[Vec<Inline>]) {
        let name = match header {
            Some(h) => format!(
                "{}{} {}",
                words::table(self.lang),
                labels::colon(self.lang),
                h.iter().map(|c| c.plain_text()).collect::<Vec<_>>().join(", ")
            ),
            None => words::table(self.lang).to_string(),
        };
        let _ = writeln!(
            self.out,
            "<div class=\"table\" role=\"region\" tabindex=\"0\" aria-label=\"{}\">\n<table>",
            html(&name)
        );
        if let Some(h) = header {
            self.out.push_str("<thead>\n<tr>");
            for cell in h {
                let _ = write!(self.out, "<th scope=\"col\">{}</th>", self.text(cell));
            }
            self.out.push_str("</tr>\n</thead>\n");
        }
        self.out.push_str("<tbody>\n");
        for row in rows {
            self.out.push_str("<tr>");
            for cell in row {
                let _ = write!(self.out, "<td>{}</td>", self.text(cell));
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n</div>\n");
    }
}
