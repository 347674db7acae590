//! Layout invariants on the page description of every bundled guide.

mod common;

use guidepress::layout::{Item, Mark, Role};

#[test]
fn body_content_stays_inside_the_content_box() {
    let l = common::bundled();
    for g in common::bundled_guides(&l) {
        let laid = common::sheet(&l, g);
        for (n, page) in laid.document.pages.iter().enumerate() {
            for p in &page.items {
                if p.mark == Mark::Artifact {
                    continue; // footers live in the margin by design
                }
                let b = p.item.bbox();
                assert!(
                    page.content_box.contains(&b),
                    "{} page {}: {:?} outside the content box {:?}",
                    g.id,
                    n + 1,
                    b,
                    page.content_box
                );
            }
        }
    }
}

#[test]
fn text_runs_do_not_overlap() {
    let l = common::bundled();
    for g in common::bundled_guides(&l) {
        let laid = common::sheet(&l, g);
        for (n, page) in laid.document.pages.iter().enumerate() {
            let boxes: Vec<_> = page
                .items
                .iter()
                .filter_map(|p| match &p.item {
                    Item::Text(t) if !t.text.trim().is_empty() => {
                        Some((t.text.clone(), p.item.bbox()))
                    }
                    _ => None,
                })
                .collect();
            for (i, (ta, a)) in boxes.iter().enumerate() {
                for (tb, b) in &boxes[i + 1..] {
                    // Shrink slightly: adjacent runs on one line touch.
                    let a2 = guidepress::layout::Rect {
                        x: a.x + 0.5,
                        y: a.y + 1.0,
                        w: (a.w - 1.0).max(0.0),
                        h: (a.h - 2.0).max(0.0),
                    };
                    assert!(
                        !a2.overlaps(b),
                        "{} page {}: {ta:?} overlaps {tb:?}",
                        g.id,
                        n + 1
                    );
                }
            }
        }
    }
}

#[test]
fn every_page_is_numbered() {
    let l = common::bundled();
    for g in common::bundled_guides(&l) {
        let laid = common::sheet(&l, g);
        let total = laid.document.pages.len();
        for (n, page) in laid.document.pages.iter().enumerate() {
            let want = format!("page {} / {total}", n + 1);
            let found = page
                .items
                .iter()
                .any(|p| matches!(&p.item, Item::Text(t) if t.text.contains(&want)));
            assert!(found, "{}: page {} lacks {want:?}", g.id, n + 1);
        }
    }
}

#[test]
fn no_heading_ends_a_page() {
    let l = common::bundled();
    for g in common::bundled_guides(&l) {
        let laid = common::sheet(&l, g);
        let tree = &laid.document.structure;
        for (n, page) in laid.document.pages.iter().enumerate() {
            let last = page.items.iter().rev().find_map(|p| match p.mark {
                Mark::Node(id) => Some(id),
                Mark::Artifact => None,
            });
            if let Some(id) = last {
                let mut node = Some(id);
                while let Some(i) = node {
                    assert!(
                        !matches!(tree.nodes[i].role, Role::Heading(_)),
                        "{}: page {} ends with a heading",
                        g.id,
                        n + 1
                    );
                    node = tree.nodes[i].parent;
                }
            }
        }
    }
}

#[test]
fn bundled_guides_fit_in_a_few_pages_and_have_bookmarks() {
    let l = common::bundled();
    for g in common::bundled_guides(&l) {
        let laid = common::sheet(&l, g);
        let pages = laid.document.pages.len();
        assert!((1..=4).contains(&pages), "{} has {pages} pages", g.id);
        assert!(!laid.document.outline.is_empty(), "{} has no bookmarks", g.id);
        assert!(laid.warnings.is_empty(), "{}: {:?}", g.id, laid.warnings);
    }
}

#[test]
fn images_keep_their_proportions() {
    let l = common::bundled();
    for g in common::bundled_guides(&l) {
        for page in &common::sheet(&l, g).document.pages {
            for p in &page.items {
                if let Item::Image { rect, image } = &p.item {
                    let want = image.width as f32 / image.height as f32;
                    assert!(
                        (rect.w / rect.h - want).abs() < 0.01,
                        "{}: {}",
                        g.id,
                        image.src
                    );
                }
            }
        }
    }
}

#[test]
fn layout_is_deterministic() {
    let l = common::bundled();
    for g in common::bundled_guides(&l) {
        assert_eq!(common::sheet(&l, g).document, common::sheet(&l, g).document);
    }
}
