//! The collection's logo, in each sheet's header and on the pack cover:
//! fitted into a box, tagged as a figure named after the organisation when
//! the collection has one, else as decoration.

use super::chunk::Chunker;
use super::page::{Item, Mark, NodeId, Placed, Rect, Role};
use crate::model::labels;
use crate::model::ImageData;

/// Most room the logo takes in a sheet's header: width, height.
pub const HEADER_LOGO: (f32, f32) = (40.0 * super::style::MM, 14.0 * super::style::MM);

/// Most room the logo takes on the pack cover: width, height.
pub const COVER_LOGO: (f32, f32) = (70.0 * super::style::MM, 28.0 * super::style::MM);

/// The size of `logo` drawn within `max` (width, height): as large as
/// fits, never above its size at 150 dpi.
pub fn logo_size(logo: &ImageData, max: (f32, f32)) -> (f32, f32) {
    let (pw, ph) = (logo.width.max(1) as f32, logo.height.max(1) as f32);
    let natural = pw / 150.0 * 72.0;
    let w = natural.min(max.0).min(max.1 * pw / ph);
    (w, w * ph / pw)
}

impl Chunker<'_> {
    /// The logo placed at (`x`, `y`) within `max`, under `parent` in the
    /// structure when `organisation` names it; its area.
    pub fn logo(
        &mut self,
        logo: &ImageData,
        organisation: Option<&str>,
        parent: NodeId,
        (x, y): (f32, f32),
        max: (f32, f32),
    ) -> (Placed, Rect) {
        let (w, h) = logo_size(logo, max);
        let rect = Rect { x, y, w, h };
        // A logo says whose sheet it is: named after the organisation; with
        // no name to give it, it is decoration.
        let mark = match organisation {
            Some(org) => {
                let alt = format!("Logo{} {org}", labels::colon(self.lang));
                Mark::Node(self.tree.add(parent, Role::Figure { alt }))
            }
            None => Mark::Artifact,
        };
        (Placed { item: Item::Image { rect, image: logo.clone() }, mark }, rect)
    }
}
