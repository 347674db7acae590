//! What inline layout gives: lines of positioned text runs, with the links
//! they belong to and the keycaps to draw around keys.

use super::page::TextRun;
use crate::model::{LinkTarget, Ui};

/// A fragment of a line: one text run, with the link it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Fragment {
    /// The run; `x` is relative to the line start, `y` is 0 (the baseline).
    pub run: TextRun,
    /// Index into [`Lines::links`].
    pub link: Option<usize>,
    /// The key combination or menu path part it sets, if any.
    pub ui: Option<Ui>,
}

/// One laid-out line.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Fragments, left to right.
    pub fragments: Vec<Fragment>,
    /// Visible width (trailing spaces excluded).
    pub width: f32,
    /// The keycaps to draw around keys (`[[Ctrl]]`).
    pub keys: Vec<KeyBox>,
}

/// A paragraph broken into lines.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lines {
    /// The lines, top to bottom.
    pub lines: Vec<Line>,
    /// Link targets, indexed by [`Fragment::link`].
    pub links: Vec<LinkTarget>,
    /// Characters that no bundled font can draw.
    pub missing: Vec<char>,
    /// Words (or addresses, codes) wider than the line that had to be cut
    /// where no rule allows a break, without a hyphen: the last resort.
    pub forced: Vec<String>,
}

/// A keycap on a line: where its frame goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KeyBox {
    /// Left edge of the key's run, from the line's start.
    pub x: f32,
    /// Width of the run (keycap padding included).
    pub w: f32,
    /// Font size of the key.
    pub size: f32,
}
