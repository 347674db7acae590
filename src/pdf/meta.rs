//! Document metadata, bookmarks and link annotations.

use krilla::action::{Action, LinkAction};
use krilla::annotation::{Annotation, LinkAnnotation, Target};
use krilla::destination::{Destination, XyzDestination};
use krilla::geom::{Point, Rect as KRect};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};

use crate::layout::{Link, LinkDest, Meta, OutlineEntry};
use crate::model::values::percent_encode;
use crate::model::Date;

use super::explain::Loc;

/// The producer string written into every PDF.
pub(crate) fn producer() -> String {
    format!("guidepress {}", env!("CARGO_PKG_VERSION"))
}

/// krilla metadata from ours. Dates come from the guide, never from the clock.
///
/// krilla writes one date as both `/CreationDate` and `/ModDate`: we give it
/// the modification date (the one readers care about), else the creation date.
pub(crate) fn metadata(meta: &Meta) -> Metadata {
    let mut m = Metadata::new()
        .language(meta.lang.code().to_string())
        .producer(producer())
        .creator(producer());
    if !meta.title.trim().is_empty() {
        m = m.title(meta.title.clone());
    }
    if let Some(author) = meta.author.as_ref().filter(|a| !a.trim().is_empty()) {
        m = m.authors(vec![author.clone()]);
    }
    if let Some(subject) = meta.subject.as_ref().filter(|s| !s.trim().is_empty()) {
        m = m.description(subject.clone());
    }
    if !meta.keywords.is_empty() {
        m = m.keywords(meta.keywords.clone());
    }
    if let Some(date) = meta.modified.or(meta.created) {
        m = m.creation_date(datetime(date));
    }
    m
}

fn datetime(d: Date) -> DateTime {
    DateTime::new(d.year).month(d.month).day(d.day)
}

/// The bookmark tree: entries nest under the closest previous entry of a
/// lower level (a skipped level nests one step, not two).
pub(crate) fn outline(entries: &[OutlineEntry]) -> Outline {
    // Stack of open nodes with their levels; each is attached to its parent
    // (or the root) when a later entry closes it.
    let mut root = Outline::new();
    let mut stack: Vec<(u8, OutlineNode)> = Vec::new();
    for e in entries {
        while stack.last().is_some_and(|(level, _)| *level >= e.level) {
            close(&mut stack, &mut root);
        }
        let dest = XyzDestination::new(e.page, Point::from_xy(0.0, e.y));
        stack.push((e.level, OutlineNode::new(e.title.clone(), dest)));
    }
    while !stack.is_empty() {
        close(&mut stack, &mut root);
    }
    root
}

fn close(stack: &mut Vec<(u8, OutlineNode)>, root: &mut Outline) {
    if let Some((_, node)) = stack.pop() {
        match stack.last_mut() {
            Some((_, parent)) => parent.push_child(node),
            None => root.push_child(node),
        }
    }
}

/// A link annotation for `link`, the `index`-th link of page `page`;
/// `None` when its area is empty.
pub(crate) fn annotation(link: &Link, page: usize, index: usize) -> Option<Annotation> {
    let r = link.rect;
    let rect = KRect::from_xywh(r.x, r.y, r.w, r.h).filter(|_| r.w > 0.0 && r.h > 0.0)?;
    let target = match &link.dest {
        LinkDest::Uri(uri) => {
            Target::Action(Action::Link(LinkAction::new(ascii_uri(uri))))
        }
        LinkDest::Page { page, y } => Target::Destination(Destination::Xyz(
            XyzDestination::new(*page, Point::from_xy(0.0, *y as f32)),
        )),
    };
    let alt = Some(link.alt.trim()).filter(|a| !a.is_empty()).map(str::to_string);
    let loc = Loc::Link { page, link: index }.encode();
    Some(
        Annotation::new_link(LinkAnnotation::new(rect, target), alt)
            .with_location(Some(loc)),
    )
}

/// PDF URIs are 7-bit ASCII: percent-encodes everything else (and spaces).
fn ascii_uri(uri: &str) -> String {
    percent_encode(uri, |b| b.is_ascii_graphic())
}

#[cfg(test)]
mod tests {
    use super::ascii_uri;

    #[test]
    fn uri_with_accent_is_percent_encoded() {
        assert_eq!(ascii_uri("https://ex.fr/é t"), "https://ex.fr/%C3%A9%20t");
        assert_eq!(ascii_uri("mailto:a@b.fr"), "mailto:a@b.fr");
    }
}
