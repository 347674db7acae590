//! The checker: shared helpers that validate one field and report what is wrong.

use crate::i18n::Msg;
use crate::msg;

use super::diag::Diagnostic;
use super::images::ImageCache;
use super::inline::{guide_refs, parse_inline_warned};
use super::paths::{PathError, Root};
use super::report::Report;
use super::types::{ImageData, Inline};
use super::values::check_url;

/// The narrowest `width` of a picture: a twentieth of the text width (about
/// 8 mm on A4); less cannot be seen, and `1e-300` is a mistake, not a size.
pub const MIN_WIDTH: f64 = 0.05;

/// What every guide of a load shares: the folders and the image cache.
pub struct Env<'a> {
    /// The images folder.
    pub images: &'a Root,
    /// The project folder (attachments are relative to it).
    pub project: &'a Root,
    /// Pictures already read.
    pub cache: &'a ImageCache,
}

/// A `guide:` link, checked against the collection once every guide is read.
#[derive(Debug, Clone)]
pub struct GuideRef {
    /// The id linked to.
    pub id: String,
    /// The error to give, located at the link, if no guide has the id
    /// (its message and help are filled in then).
    pub error: Diagnostic,
}

/// Validates the fields of one file, collecting problems and `guide:` links.
pub struct Checker<'a> {
    /// The problems found.
    pub report: Report<'a>,
    /// Shared folders and cache.
    pub env: &'a Env<'a>,
    /// `guide:` links seen so far.
    pub refs: Vec<GuideRef>,
}

impl<'a> Checker<'a> {
    /// A checker reporting into `report`.
    pub fn new(report: Report<'a>, env: &'a Env<'a>) -> Self {
        Checker { report, env, refs: Vec::new() }
    }

    /// Reports an error at `path` with an optional suggestion.
    pub fn fail(
        &mut self,
        code: &'static str,
        path: &str,
        message: Msg,
        help: Option<Msg>,
    ) {
        let mut d = self.report.error(code, path, message);
        d.suggestion = help;
        self.report.push(d);
    }

    /// Reports a missing required field `field` of the object at `owner`.
    pub fn missing(&mut self, owner: &str, field: &str, what: &Msg) {
        let path = super::spans::join_key(owner, field);
        let message = if self.report.exists(&path) {
            msg!("field-null", field = field)
        } else {
            msg!("field-missing", field = field)
        };
        let d = self.report.error("missing-field", &path, message).help(msg!(
            "field-missing-help",
            what = what.clone(),
            field = field
        ));
        self.report.push(d);
    }

    /// Parses inline text at `path`; `None` (and an error) if empty or malformed.
    pub fn inline(&mut self, path: &str, text: &str) -> Option<Inline> {
        if text.trim().is_empty() {
            self.fail(
                "empty-text",
                path,
                msg!("text-empty"),
                Some(msg!("text-empty-optional-help")),
            );
            return None;
        }
        self.inline_or_empty(path, text)
    }

    /// Parses inline text that may be empty (a table cell).
    pub fn inline_or_empty(&mut self, path: &str, text: &str) -> Option<Inline> {
        match parse_inline_warned(text) {
            Ok((inline, warnings)) => {
                for w in &warnings {
                    self.report.inline_warning(path, w);
                }
                for id in guide_refs(&inline) {
                    let needle = format!("guide:{id}");
                    let offset =
                        text.find(&needle).map_or(0, |b| text[..b].chars().count());
                    let error = self.report.error_in_string(
                        "unknown-guide",
                        path,
                        offset,
                        msg!("unknown-guide", id = id),
                    );
                    self.refs.push(GuideRef { id: id.to_string(), error });
                }
                Some(inline)
            }
            Err(e) => {
                self.report.inline_problem(path, &e);
                None
            }
        }
    }

    /// An optional inline field.
    pub fn opt_inline(&mut self, path: &str, text: Option<&String>) -> Option<Inline> {
        text.and_then(|t| self.inline(path, t))
    }

    /// A required inline field `field` of the object at `owner`.
    pub fn req_inline(
        &mut self,
        owner: &str,
        field: &str,
        text: Option<&String>,
        what: &Msg,
    ) -> Option<Inline> {
        let path = super::spans::join_key(owner, field);
        match text {
            Some(t) => self.inline(&path, t),
            None => {
                self.missing(owner, field, what);
                None
            }
        }
    }

    /// An optional plain string that must not be blank when present.
    pub fn opt_plain(&mut self, path: &str, text: Option<&String>) -> Option<String> {
        let text = text?;
        if text.trim().is_empty() {
            self.fail(
                "empty-text",
                path,
                msg!("text-empty"),
                Some(msg!("text-empty-help")),
            );
            return None;
        }
        Some(text.clone())
    }

    /// A list of non-blank strings (breadcrumb, audience, keywords).
    pub fn plain_list(
        &mut self,
        path: &str,
        items: Option<&Vec<String>>,
    ) -> Option<Vec<String>> {
        let items = items?;
        let mut out = Vec::new();
        for (i, item) in items.iter().enumerate() {
            if let Some(s) =
                self.opt_plain(&super::spans::join_index(path, i), Some(item))
            {
                out.push(s);
            }
        }
        Some(out)
    }

    /// A URL field whose scheme must be one of `allowed`.
    pub fn url(&mut self, path: &str, url: &str, allowed: &[&str]) -> Option<String> {
        match check_url(url, allowed) {
            Ok(()) => Some(url.to_string()),
            Err((message, help)) => {
                self.fail("bad-url", path, message, Some(help));
                None
            }
        }
    }

    /// Reports a path problem at `path`.
    pub fn path_error(&mut self, path: &str, e: PathError) {
        self.fail(e.code, path, e.message, e.suggestion);
    }

    /// Resolves and reads the picture `src` (relative to the images folder).
    pub fn image(&mut self, path: &str, src: &str) -> Option<ImageData> {
        let canonical = match self.env.images.resolve(src, "image") {
            Ok(c) => c,
            Err(e) => {
                self.path_error(path, e);
                return None;
            }
        };
        match self.env.cache.get(&canonical, src) {
            Ok(data) => Some(data),
            Err(e) => {
                let help = match e.code {
                    "image-too-large" => msg!("image-too-large-help"),
                    _ => msg!("image-unreadable-help"),
                };
                self.fail(
                    e.code,
                    path,
                    msg!("image-problem", src = src, problem = e.message),
                    Some(help),
                );
                None
            }
        }
    }
}
