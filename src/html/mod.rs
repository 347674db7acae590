//! The web edition: each guide as an accessible HTML page and the index of
//! the collection, made from the validated model (never from the PDF's
//! pages). This layer imports only [`crate::model`]; the `site` job writes
//! what it makes, with the files it makes itself (PDFs, thumbnails, the web
//! copies of pictures whose sizes [`pictures`] chooses).
//!
//! Pieces: [`document`] (the shell every page shares), [`guide`] (a guide's
//! page), [`blocks`] (its body), [`inline`] (text and links), [`pictures`]
//! (figures and their copies), [`index`] (the index, its audience filter
//! and search), [`style`] (the one stylesheet), [`sitemap`], [`paths`]
//! (where each file lives), [`words`] (what the pages say) and [`escape`].

pub mod blocks;
pub mod document;
pub mod escape;
pub mod guide;
pub mod index;
pub mod inline;
pub mod paths;
pub mod pictures;
pub mod sitemap;
pub mod style;
pub mod words;

pub use guide::{guide_page, PdfFacts};
pub use index::{audiences, index_page, Audience, Card};
pub use pictures::{copies, PictureCopy};
pub use sitemap::sitemap;
pub use style::stylesheet;
