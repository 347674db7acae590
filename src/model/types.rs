//! The validated guide model: what the layout reads, independent of JSON.

use std::path::PathBuf;
use std::sync::Arc;

/// A language the renderer knows labels and typographic rules for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub enum Lang {
    /// French: the default.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The BCP 47 code, as written in PDF metadata and HTML.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// A page size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Paper {
    /// 210 × 297 mm.
    #[default]
    A4,
    /// 148 × 210 mm.
    A5,
    /// 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in PostScript points.
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::A5 => (419.528, 595.276),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// A calendar date (validated `YYYY-MM-DD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, e.g. 2022.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31.
    pub day: u8,
}

impl Date {
    /// `YYYY-MM-DD`, as guides write it.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The calendar date `days` days after 1970-01-01 (Howard Hinnant's algorithm).
    pub fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }
}

/// Emphasis and font choice of a piece of inline text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct TextStyle {
    /// `**bold**`.
    pub bold: bool,
    /// `*italic*`.
    pub italic: bool,
    /// `` `code` ``: monospace, never hyphenated.
    pub code: bool,
}

/// Where an inline link goes.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LinkTarget {
    /// An `http` or `https` URL.
    Url(String),
    /// A `mailto:` URL (kept whole, with the scheme).
    Mail(String),
    /// Another guide of the collection, by id.
    Guide(String),
}

/// A run of inline text with one style and at most one link.
/// A `'\n'` inside `text` is a forced line break.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Span {
    /// The text, markup removed.
    pub text: String,
    /// Emphasis.
    pub style: TextStyle,
    /// The link this text belongs to, if any.
    pub link: Option<LinkTarget>,
}

/// Parsed inline text: a sequence of styled spans.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Inline {
    /// The spans, in reading order; adjacent spans differ in style or link.
    pub spans: Vec<Span>,
}

impl Inline {
    /// A single plain span.
    pub fn plain(text: impl Into<String>) -> Self {
        Inline {
            spans: vec![Span {
                text: text.into(),
                style: TextStyle::default(),
                link: None,
            }],
        }
    }

    /// The text without markup, as a reader (or `pdftotext`) sees it.
    pub fn plain_text(&self) -> String {
        self.spans.iter().map(|s| s.text.as_str()).collect()
    }
}

/// A decoded-on-demand picture: its bytes, format and pixel size.
#[derive(Debug, Clone, PartialEq)]
pub struct ImageData {
    /// Path relative to the images folder, with `/` separators (as written in the guide).
    pub src: String,
    /// The file's bytes, shared by every use of this image.
    pub bytes: Arc<Vec<u8>>,
    /// Encoding of the bytes.
    pub format: ImageFormat,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// Encodings guidepress accepts for pictures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    /// PNG, any bit depth, with or without alpha.
    Png,
    /// Baseline or progressive JPEG.
    Jpeg,
}

/// A figure: a picture with its alternative text.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The picture.
    pub image: ImageData,
    /// Alternative text for screen readers (non-empty).
    pub alt: String,
    /// Optional caption shown under the picture.
    pub caption: Option<Inline>,
    /// Fraction of the text width, in (0, 1]; `None` means natural size at 150 dpi.
    pub width: Option<f32>,
}

/// An item of a list, possibly with a nested list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListItem {
    /// The item's text.
    pub text: Inline,
    /// Nested items (the nested list has the same `ordered` as its parent).
    pub items: Vec<ListItem>,
}

/// One numbered step.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// What to do.
    pub text: Inline,
    /// A picture that illustrates the step; kept on the same page as the step.
    pub image: Option<Figure>,
    /// A remark under the step.
    pub note: Option<Inline>,
}

/// The kind of a callout box.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CalloutKind {
    /// Extra information.
    Note,
    /// A helpful hint.
    Tip,
    /// Something that can go wrong.
    Warning,
    /// Something the reader must not miss.
    Important,
}

/// A local attachment file's facts, or `None` for a remote URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalFile {
    /// Path relative to the project folder, `/` separated.
    pub rel_path: String,
    /// Absolute path on disk.
    pub abs_path: PathBuf,
    /// Size in bytes.
    pub bytes: u64,
    /// Kind shown to readers, e.g. "PDF", "DOCX" (upper-cased extension).
    pub kind: String,
}

impl LocalFile {
    /// Where the file is published beside the web copies: `files/<path>`,
    /// without doubling a leading `files/` of the project path.
    pub fn site_path(&self) -> String {
        let rest = self.rel_path.strip_prefix("files/").unwrap_or(&self.rel_path);
        format!("files/{rest}")
    }
}

/// A content block of a guide.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A section heading, level 1–3.
    Heading { text: Inline, level: u8 },
    /// A paragraph.
    Paragraph { text: Inline },
    /// A bullet or numbered list.
    List { items: Vec<ListItem>, ordered: bool },
    /// Numbered steps.
    Steps { items: Vec<Step> },
    /// A framed box.
    Callout { kind: CalloutKind, title: Option<Inline>, text: Inline },
    /// A figure.
    Image(Figure),
    /// A table; every row has the same number of cells as the header (if any).
    Table { header: Option<Vec<Inline>>, rows: Vec<Vec<Inline>> },
    /// A link to a file.
    Attachment { href: String, label: Inline, local: Option<LocalFile> },
    /// A QR code of a URL.
    Qr { url: String, caption: Option<Inline> },
    /// Starts a new page.
    PageBreak,
}

/// A validated block together with the JSON path it came from (e.g. `body[3]`).
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Its JSON path in the source file.
    pub path: String,
}

/// Shared settings of a collection (`collection.json`, or defaults).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Collection {
    /// The collection's name.
    pub title: String,
    /// E.g. the school's name.
    pub organisation: Option<String>,
    /// Default language of guides.
    pub lang: Lang,
    /// Default author.
    pub author: Option<String>,
    /// Default breadcrumb.
    pub breadcrumb: Vec<String>,
    /// Where the web copies live (always ends with `/` once validated).
    pub base_url: Option<String>,
    /// Printed at the end of every sheet.
    pub disclaimer: Option<Inline>,
    /// Page size of a sheet.
    pub paper: Paper,
    /// Small image in each sheet's header.
    pub logo: Option<ImageData>,
    /// Order of guides in the pack and web index.
    pub order: Vec<String>,
    /// Words hyphenated the collection's own way (`hyphenation`): each word
    /// in lowercase, with the character offsets where it may break (none:
    /// never hyphenated).
    pub hyphenation: std::collections::BTreeMap<String, Vec<usize>>,
}

/// A validated guide, with collection defaults already applied.
#[derive(Debug, Clone, PartialEq)]
pub struct Guide {
    /// Unique slug.
    pub id: String,
    /// The file it was read from.
    pub file: PathBuf,
    /// The sheet's title.
    pub title: Inline,
    /// The "Descriptif".
    pub description: Option<Inline>,
    /// Language (guide's, else collection's).
    pub lang: Lang,
    /// First publication.
    pub published: Option<Date>,
    /// Last update.
    pub updated: Option<Date>,
    /// Author (guide's, else collection's).
    pub author: Option<String>,
    /// The online article this sheet reproduces.
    pub source_url: Option<String>,
    /// Breadcrumb (guide's, else collection's).
    pub breadcrumb: Vec<String>,
    /// Who the sheet is for.
    pub audience: Vec<String>,
    /// PDF keywords.
    pub keywords: Vec<String>,
    /// The content.
    pub body: Vec<Located<Block>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        let d = |y, m, day| Date { year: y, month: m, day };
        assert_eq!(Date::from_unix_days(0), d(1970, 1, 1));
        assert_eq!(Date::from_unix_days(19_064), d(2022, 3, 13));
        assert_eq!(Date::from_unix_days(11_016), d(2000, 2, 29));
        assert_eq!(Date::from_unix_days(20_453), d(2025, 12, 31));
        assert_eq!(d(2022, 3, 13).iso(), "2022-03-13");
    }
}
