//! Draws the items of one page on a krilla surface, each inside its tag.
//!
//! Tagging goes through [`Canvas::tagged`], which opens a tag, hands the
//! closure a [`Painter`] (which can draw but cannot open tags), then closes it:
//! mis-nested `start_tagged`/`end_tagged` calls, which make krilla panic,
//! cannot be written. Likewise every `push_transform` is paired with its `pop`
//! inside a single painter method.

use std::sync::Arc;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect as KRect, Size, Transform};
use krilla::image::Image;
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::surface::{Location, Surface};
use krilla::tagging::{Artifact, ArtifactType, ContentTag, Identifier, SpanTag};
use krilla::text::{Font, GlyphId, KrillaGlyph};

use crate::layout::{Item, Mark, Page, PathEl, Pen, Rect, Rgb, TextRun};
use crate::model::{ImageData, ImageFormat};

use super::error::{PdfError, Result};
use super::explain::Loc;
use super::fonts;
use super::tags::TagCollector;

/// One krilla image per picture used in a document.
#[derive(Default)]
pub(crate) struct ImageCache {
    entries: Vec<(String, Arc<Vec<u8>>, Image)>,
}

/// A krilla image, made once: the first thread to need it makes it, the
/// others wait for it.
type Slot = Arc<std::sync::OnceLock<std::result::Result<Image, String>>>;

/// Process-wide krilla images, by picture bytes. Making one decodes and
/// compresses the picture (most of the cost of a small sheet); a krilla
/// `Image` is a cheap `Arc` afterwards, so every document of a build shares
/// the work. [`prepare`] makes them ahead of time on another thread.
static SHARED: std::sync::OnceLock<std::sync::Mutex<Vec<Shared>>> =
    std::sync::OnceLock::new();

/// A picture's bytes and its krilla image.
type Shared = (Arc<Vec<u8>>, Slot);

/// At most this many pictures are kept process-wide (bounded memory).
const SHARED_MAX: usize = 256;

/// The slot of `data`'s picture, added if new.
fn slot(data: &ImageData) -> Slot {
    let shared = SHARED.get_or_init(Default::default);
    // A poisoned lock only means another thread panicked; the list is still sound.
    let mut list = shared.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, slot)) =
        list.iter().find(|(b, _)| Arc::ptr_eq(b, &data.bytes) || **b == *data.bytes)
    {
        return slot.clone();
    }
    if list.len() >= SHARED_MAX {
        list.remove(0);
    }
    let slot = Slot::default();
    list.push((data.bytes.clone(), slot.clone()));
    slot
}

fn make_image(data: &ImageData) -> std::result::Result<Image, String> {
    let bytes = krilla::Data::from(data.bytes.clone());
    // No interpolation: PDF/A forbids it, and screenshots stay crisp.
    match data.format {
        ImageFormat::Png => Image::from_png(bytes, false),
        ImageFormat::Jpeg => Image::from_jpeg(bytes, false),
    }
}

/// Picture threads running now.
static PREPARING: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Starts making `data`'s krilla image on a thread of its own, unless it is
/// made or being made already, or the current rayon pool has only one
/// thread (the user asked for one), or as many picture threads as the pool
/// has threads minus one are running (bounded memory; then the writer makes
/// it when it needs it). Not a rayon job: a sleeping rayon worker sometimes
/// takes milliseconds to notice one, and this work is the longest path of a
/// small build.
pub(crate) fn prepare(data: &ImageData) {
    use std::sync::atomic::Ordering;
    let slot = slot(data);
    if slot.get().is_some() {
        return;
    }
    let max = rayon::current_num_threads().saturating_sub(1);
    if PREPARING.fetch_add(1, Ordering::SeqCst) >= max {
        PREPARING.fetch_sub(1, Ordering::SeqCst);
        return;
    }
    /// Counts the thread as ended when it ends, however it ends.
    struct Running;
    impl Drop for Running {
        fn drop(&mut self) {
            PREPARING.fetch_sub(1, Ordering::SeqCst);
        }
    }
    let running = Running;
    let data = data.clone();
    let _ = std::thread::Builder::new().name("picture".into()).spawn(move || {
        let _running = running;
        slot.get_or_init(|| make_image(&data));
    });
}

/// The krilla image of `data`: made here unless another thread made it or
/// is making it (then this waits for it).
fn shared_image(data: &ImageData) -> Result<Image> {
    slot(data)
        .get_or_init(|| make_image(data))
        .clone()
        .map_err(|reason| PdfError::Image { src: data.src.clone(), reason })
}

impl ImageCache {
    /// The krilla image for `data`, created on first use.
    fn get(&mut self, data: &ImageData) -> Result<Image> {
        let hit = self.entries.iter().find(|(src, bytes, _)| {
            *src == data.src && (Arc::ptr_eq(bytes, &data.bytes) || bytes == &data.bytes)
        });
        if let Some((_, _, image)) = hit {
            return Ok(image.clone());
        }
        let image = shared_image(data)?;
        self.entries.push((data.src.clone(), data.bytes.clone(), image.clone()));
        Ok(image)
    }
}

/// Draws the items of page `index`, recording tagged content in `tags`.
pub(crate) fn draw_page<'a>(
    surface: &mut Surface<'_>,
    index: usize,
    page: &'a Page,
    images: &mut ImageCache,
    tags: &mut TagCollector<'a>,
) -> Result<()> {
    let mut canvas = Canvas { surface };
    let mut glyphs = Vec::new();
    for (i, placed) in page.items.iter().enumerate() {
        let loc = Loc::Item { page: index, item: i }.encode();
        let Some(shape) = Shape::prepare(&placed.item, images, &mut glyphs, loc)? else {
            continue;
        };
        let bbox = placed.item.bbox();
        canvas.surface.set_location(loc);
        match placed.mark {
            Mark::Artifact => {
                let tag =
                    ContentTag::Artifact(Artifact::with_kind(artifact_kind(&bbox, page)));
                canvas.tagged(tag, |p| p.draw(&shape, &glyphs));
            }
            Mark::Node(n) => {
                let (tag, text) = match &placed.item {
                    Item::Text(run) => (
                        ContentTag::Span(SpanTag::empty()),
                        Some((run.text.as_str(), run.y)),
                    ),
                    _ => (ContentTag::Other, None),
                };
                let id = canvas.tagged(tag, |p| p.draw(&shape, &glyphs));
                tags.content(n, id, index, bbox, text);
            }
        }
        canvas.surface.reset_location();
    }
    Ok(())
}

/// Running headers above the body, footers below it, decoration elsewhere.
fn artifact_kind(bbox: &Rect, page: &Page) -> ArtifactType {
    const EPS: f32 = 0.5;
    if bbox.bottom() <= page.content_box.y + EPS {
        ArtifactType::Header
    } else if bbox.y >= page.content_box.bottom() - EPS {
        ArtifactType::Footer
    } else {
        ArtifactType::Layout
    }
}

/// An item converted to krilla's terms, ready to draw infallibly.
enum Shape<'a> {
    Text { run: &'a TextRun, font: Font },
    Fill { path: krilla::geom::Path, color: Rgb },
    Stroke { path: krilla::geom::Path, width: f32, color: Rgb, dash: Option<f32> },
    Image { image: Image, x: f32, y: f32, size: Size },
    Outline { path: krilla::geom::Path, fill: Option<Rgb>, stroke: Option<Pen> },
}

impl<'a> Shape<'a> {
    /// Converts `item`; `None` when there is nothing visible to draw.
    /// Text glyphs go to `glyphs` (a buffer reused across runs).
    fn prepare(
        item: &'a Item,
        images: &mut ImageCache,
        glyphs: &mut Vec<KrillaGlyph>,
        loc: Location,
    ) -> Result<Option<Shape<'a>>> {
        Ok(match item {
            Item::Text(run) => {
                if run.glyphs.is_empty() {
                    return Ok(None);
                }
                // Ours are points at the run's size; krilla's are in ems and
                // y offsets point up in both.
                let inv = 1.0 / run.size;
                glyphs.clear();
                glyphs.extend(run.glyphs.iter().map(|g| {
                    KrillaGlyph::new(
                        GlyphId::new(u32::from(g.id)),
                        g.x_advance * inv,
                        g.x_offset * inv,
                        g.y_offset * inv,
                        0.0,
                        g.range.clone(),
                        Some(loc),
                    )
                }));
                Some(Shape::Text { run, font: fonts::font(run.font)? })
            }
            Item::Fill { rects, color } => {
                let mut pb = PathBuilder::new();
                for r in merge_runs(rects) {
                    if let Some(rect) = krect(&r) {
                        pb.push_rect(rect);
                    }
                }
                pb.finish().map(|path| Shape::Fill { path, color: *color })
            }
            Item::Line { x1, y1, x2, y2, width, color, dash } => {
                let mut pb = PathBuilder::new();
                pb.move_to(*x1, *y1);
                pb.line_to(*x2, *y2);
                pb.finish().map(|path| Shape::Stroke {
                    path,
                    width: *width,
                    color: *color,
                    dash: *dash,
                })
            }
            Item::Frame { rect, width, color, dash } => {
                let mut pb = PathBuilder::new();
                if let Some(r) = krect(rect) {
                    pb.push_rect(r);
                }
                pb.finish().map(|path| Shape::Stroke {
                    path,
                    width: *width,
                    color: *color,
                    dash: *dash,
                })
            }
            Item::Image { rect, image } => match Size::from_wh(rect.w, rect.h) {
                Some(size) => Some(Shape::Image {
                    image: images.get(image)?,
                    x: rect.x,
                    y: rect.y,
                    size,
                }),
                None => None,
            },
            Item::Path { path, fill, stroke } => {
                let mut pb = PathBuilder::new();
                for el in path {
                    match *el {
                        PathEl::Move(x, y) => pb.move_to(x, y),
                        PathEl::Line(x, y) => pb.line_to(x, y),
                        PathEl::Cubic(a, b, c, d, e, f) => pb.cubic_to(a, b, c, d, e, f),
                        PathEl::Close => pb.close(),
                    }
                }
                pb.finish().map(|path| Shape::Outline {
                    path,
                    fill: *fill,
                    stroke: *stroke,
                })
            }
        })
    }
}

/// Joins horizontally adjacent rectangles of one row (QR modules) into one:
/// fewer path segments, and no hairline seams in viewers that anti-alias.
fn merge_runs(rects: &[Rect]) -> Vec<Rect> {
    const EPS: f32 = 0.01;
    let mut out: Vec<Rect> = Vec::with_capacity(rects.len());
    for r in rects.iter().filter(|r| r.w > 0.0 && r.h > 0.0) {
        if let Some(last) = out.last_mut() {
            if (last.y - r.y).abs() < EPS
                && (last.h - r.h).abs() < EPS
                && (last.right() - r.x).abs() < EPS
            {
                last.w = r.right() - last.x;
                continue;
            }
        }
        out.push(*r);
    }
    out
}

fn krect(r: &Rect) -> Option<KRect> {
    KRect::from_xywh(r.x, r.y, r.w, r.h)
}

fn color(c: Rgb) -> krilla::color::Color {
    rgb::Color::new(c.0, c.1, c.2).into()
}

/// A surface that can only be drawn on through tagged sections.
struct Canvas<'s, 'p> {
    surface: &'s mut Surface<'p>,
}

impl<'p> Canvas<'_, 'p> {
    /// Opens `tag`, lets `draw` paint, closes the tag; returns the identifier
    /// (a dummy one for artifacts or when tagging is off).
    fn tagged(
        &mut self,
        tag: ContentTag<'_>,
        draw: impl FnOnce(&mut Painter<'_, 'p>),
    ) -> Identifier {
        let id = self.surface.start_tagged(tag);
        draw(&mut Painter { surface: self.surface });
        self.surface.end_tagged();
        id
    }
}

/// Draws shapes; cannot open or close tags.
struct Painter<'s, 'p> {
    surface: &'s mut Surface<'p>,
}

impl Painter<'_, '_> {
    fn draw(&mut self, shape: &Shape<'_>, glyphs: &[KrillaGlyph]) {
        let s = &mut *self.surface;
        match shape {
            Shape::Text { run, font } => {
                s.set_stroke(None);
                s.set_fill(Some(fill(run.color)));
                s.set_actual_text(run.actual.as_deref());
                s.draw_glyphs(
                    Point::from_xy(run.x, run.y),
                    glyphs,
                    font.clone(),
                    &run.text,
                    run.size,
                    false,
                );
                s.set_actual_text(None);
            }
            Shape::Fill { path, color } => {
                s.set_stroke(None);
                s.set_fill(Some(fill(*color)));
                s.draw_path(path);
            }
            Shape::Stroke { path, width, color, dash } => {
                s.set_fill(None);
                s.set_stroke(Some(Stroke {
                    paint: self::color(*color).into(),
                    width: *width,
                    dash: dash
                        .filter(|d| *d > 0.0)
                        .map(|d| StrokeDash { array: vec![d, d], offset: 0.0 }),
                    ..Stroke::default()
                }));
                s.draw_path(path);
                s.set_stroke(None);
            }
            Shape::Image { image, x, y, size } => {
                s.push_transform(&Transform::from_translate(*x, *y));
                s.draw_image(image.clone(), *size);
                s.pop();
            }
            Shape::Outline { path, fill, stroke } => {
                s.set_fill(fill.map(self::fill));
                s.set_stroke(stroke.map(|pen| Stroke {
                    paint: self::color(pen.color).into(),
                    width: pen.width,
                    line_cap: krilla::paint::LineCap::Round,
                    line_join: krilla::paint::LineJoin::Round,
                    ..Stroke::default()
                }));
                s.draw_path(path);
                s.set_stroke(None);
            }
        }
    }
}

fn fill(c: Rgb) -> Fill {
    Fill { paint: color(c).into(), opacity: NormalizedF32::ONE, rule: Default::default() }
}
