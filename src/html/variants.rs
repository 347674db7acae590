//! Variants on the web: tabs that work without JavaScript. The labels are
//! radio buttons in a `fieldset` (its legend the block's title, or "Choisissez
//! votre cas"); every variant's body is in the page, in a `section` headed
//! by its label one level below the enclosing heading. The stylesheet shows
//! the chosen one where the browser can tell which is chosen (`:has`),
//! every one otherwise, and every one in print, each under its label.

use std::fmt::Write;

use super::blocks::Body;
use super::escape::html;
use super::words;
use crate::model::{Inline, Variant};

impl Body {
    /// A `variants` block.
    pub(super) fn variants(&mut self, title: Option<&Inline>, items: &[Variant]) {
        self.variants += 1;
        let group = format!("v{}", self.variants);
        let legend = match title {
            Some(t) => self.text(t),
            None => html(words::variants(self.lang)),
        };
        let _ = write!(
            self.out,
            "<div class=\"variants\">\n<fieldset>\n<legend>{legend}</legend>\n"
        );
        for (i, v) in items.iter().enumerate() {
            let checked = if i == 0 { " checked" } else { "" };
            let _ = writeln!(
                self.out,
                "<input type=\"radio\" name=\"{group}\" id=\"{group}-{}\"{checked}>\
                 <label for=\"{group}-{}\">{}</label>",
                i + 1,
                i + 1,
                self.text(&v.label)
            );
        }
        self.out.push_str("</fieldset>\n");
        let (heading, floor) = (self.heading, self.floor);
        // The label: one level below the enclosing heading; the body's
        // headings below the label.
        let level = (heading + 1).min(6);
        for v in items {
            let id = self.id(&v.label.plain_text(), "variante");
            let _ = writeln!(
                self.out,
                "<section class=\"panel\" aria-labelledby=\"{id}\">\n\
                 <h{level} class=\"vl\" id=\"{id}\">{}</h{level}>",
                self.text(&v.label)
            );
            self.heading = level;
            self.floor = level;
            self.blocks(&v.body);
            self.out.push_str("</section>\n");
        }
        self.heading = heading;
        self.floor = floor;
        self.out.push_str("</div>\n");
    }
}
