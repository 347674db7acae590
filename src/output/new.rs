//! The `new` job: a starter guide, a valid sheet to fill in.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::i18n::Msg;
use crate::model::chars::forbidden;
use crate::model::guide::RESERVED_IDS;
use crate::model::values::{is_slug, name_slug, parse_lang, slugify, MAX_ID_BYTES};
use crate::model::{Date, Lang};
use crate::msg;

/// Why a starter guide was not written.
#[derive(Debug)]
pub enum StarterError {
    /// The id is not one `check` accepts; carries a suggestion when one can
    /// be made.
    BadId {
        /// The id as given.
        id: String,
        /// A slug made from it, if different and non-empty.
        suggestion: Option<String>,
        /// Why it is refused.
        reason: IdProblem,
    },
    /// The title is blank or holds a character `check` refuses.
    BadTitle(Msg),
    /// A file with that name is already there (it is left untouched).
    Exists(PathBuf),
    /// The folder or file could not be written.
    Io(PathBuf, std::io::Error),
}

/// What is wrong with an id given to `new`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    /// Not lowercase letters and digits joined by dashes.
    NotSlug,
    /// A valid id no guide may take (see [`RESERVED_IDS`]).
    Reserved,
    /// `collection`: its file would be read as `collection.json`.
    Collection,
    /// Longer than [`MAX_ID_BYTES`].
    TooLong,
}

impl StarterError {
    /// What to tell the user, in any language.
    pub fn message(&self) -> Msg {
        match self {
            StarterError::BadId { id, reason, .. } => match reason {
                IdProblem::NotSlug => msg!("new-bad-id", id = id.as_str()),
                IdProblem::Reserved => msg!("new-reserved-id", id = id.as_str()),
                IdProblem::Collection => msg!("new-collection-id", id = id.as_str()),
                IdProblem::TooLong => {
                    msg!("new-id-too-long", bytes = id.len(), max = MAX_ID_BYTES)
                }
            },
            StarterError::BadTitle(m) => m.clone(),
            StarterError::Exists(p) => msg!("new-exists", path = p.display().to_string()),
            StarterError::Io(p, e) => {
                msg!("new-write", path = p.display().to_string(), reason = e.to_string())
            }
        }
    }
}

impl fmt::Display for StarterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().en())
    }
}

impl std::error::Error for StarterError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StarterError::Io(_, e) => Some(e),
            _ => None,
        }
    }
}

/// Refuses an id `check` would refuse, or whose file would not be a guide.
fn check_new_id(id: &str) -> Result<(), StarterError> {
    let reason = if !is_slug(id) {
        IdProblem::NotSlug
    } else if RESERVED_IDS.contains(&id) {
        IdProblem::Reserved
    } else if id == "collection" {
        IdProblem::Collection
    } else if id.len() > MAX_ID_BYTES {
        IdProblem::TooLong
    } else {
        return Ok(());
    };
    let suggestion = match reason {
        IdProblem::NotSlug => Some(slugify(id)),
        IdProblem::TooLong => Some(name_slug(id)),
        IdProblem::Reserved | IdProblem::Collection => Some(format!("{id}-fiche")),
    }
    .filter(|s| !s.is_empty() && s != id);
    Err(StarterError::BadId { id: id.to_string(), suggestion, reason })
}

/// Refuses a title `check` would refuse: blank, or holding an invisible
/// character (see [`forbidden`]); a line break is refused too, since a
/// title is one line.
fn check_new_title(title: &str) -> Result<(), StarterError> {
    if title.trim().is_empty() {
        return Err(StarterError::BadTitle(msg!("new-blank-title")));
    }
    let bad = title.chars().find(|&c| forbidden(c).is_some() || c == '\n' || c == '\r');
    match bad {
        Some(c) => Err(StarterError::BadTitle(msg!(
            "new-title-char",
            code = format!("U+{:04X}", u32::from(c))
        ))),
        None => Ok(()),
    }
}

/// The text of a starter guide: every common block once, no picture (so it
/// needs no other file), dated `today`, in `lang`.
pub fn starter_guide(id: &str, title: Option<&str>, lang: Lang, today: Date) -> String {
    let date = today.iso();
    let t = match lang {
        Lang::Fr => [
            "Titre de la fiche",
            "Une ou deux phrases : à qui sert cette fiche et ce qu’elle permet de faire.",
            "Avant de commencer",
            "Expliquez ici ce qu’il faut savoir ou avoir sous la main.",
            "Étapes",
            "Ouvrez **le menu** en haut à droite.",
            "Choisissez *Paramètres*.",
            "Pour ajouter une capture d’écran, placez-la dans `images/` et ajoutez à l’étape \"image\": {\"src\": \"nom.png\", \"alt\": \"ce que montre l’image\"}.",
            "Besoin d’aide ? Écrivez au [secrétariat](mailto:adresse-a-remplacer@example.org).",
        ],
        Lang::En => [
            "Title of the sheet",
            "One or two sentences: who this sheet is for and what it helps them do.",
            "Before you start",
            "Say here what readers need to know or have at hand.",
            "Steps",
            "Open **the menu** at the top right.",
            "Choose *Settings*.",
            "To add a screenshot, put it in `images/` and add to the step \"image\": {\"src\": \"name.png\", \"alt\": \"what the picture shows\"}.",
            "Need help? Write to the [office](mailto:address-to-replace@example.org).",
        ],
    };
    let s = |x: &str| serde_json::to_string(x).expect("a string always serialises");
    format!(
        r#"{{
  "format": 1,
  "id": {id},
  "title": {title},
  "description": {description},
  "lang": "{lang}",
  "published": "{date}",
  "updated": "{date}",
  "body": [
    {{ "type": "heading", "level": 1, "text": {h1} }},
    {{ "type": "paragraph", "text": {p1} }},
    {{ "type": "heading", "level": 1, "text": {h2} }},
    {{ "type": "steps", "items": [
      {{ "text": {s1} }},
      {{ "text": {s2}, "note": {note} }}
    ] }},
    {{ "type": "callout", "kind": "tip", "text": {tip} }}
  ]
}}
"#,
        id = s(id),
        title = s(title.unwrap_or(t[0])),
        description = s(t[1]),
        lang = lang.code(),
        h1 = s(t[2]),
        p1 = s(t[3]),
        h2 = s(t[4]),
        s1 = s(t[5]),
        s2 = s(t[6]),
        note = s(t[7]),
        tip = s(t[8]),
    )
}

/// The collection's language, read leniently from `collection.json` in
/// `guides_dir` (French when absent or unreadable: `check` reports problems).
pub fn collection_lang(guides_dir: &Path) -> Lang {
    std::fs::read_to_string(guides_dir.join("collection.json"))
        .ok()
        .and_then(|t| {
            serde_json::from_str::<serde_json::Value>(t.trim_start_matches('\u{feff}'))
                .ok()
        })
        .and_then(|v| v.get("lang").and_then(|l| l.as_str()).and_then(parse_lang))
        .unwrap_or_default()
}

/// Writes a starter guide to `<guides_dir>/<id>.json`, creating the folder;
/// never overwrites a file. Returns the path written.
pub fn create_guide(
    guides_dir: &Path,
    id: &str,
    title: Option<&str>,
    today: Date,
) -> Result<PathBuf, StarterError> {
    check_new_id(id)?;
    if let Some(title) = title {
        check_new_title(title)?;
    }
    let path = guides_dir.join(format!("{id}.json"));
    std::fs::create_dir_all(guides_dir)
        .map_err(|e| StarterError::Io(guides_dir.to_path_buf(), e))?;
    let text = starter_guide(id, title, collection_lang(guides_dir), today);
    let mut file =
        match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(StarterError::Exists(path))
            }
            Err(e) => return Err(StarterError::Io(path, e)),
        };
    if let Err(e) = file.write_all(text.as_bytes()).and_then(|_| file.sync_all()) {
        drop(file);
        let _ = std::fs::remove_file(&path); // never leave half a guide
        return Err(StarterError::Io(path, e));
    }
    Ok(path)
}

/// Today's date in UTC, from the system clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Date::from_unix_days((secs / 86_400) as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_bad_ids_with_a_suggestion() {
        let dir = crate::temp_project::TempProject::new("starter");
        let today = Date::from_unix_days(0);
        match create_guide(&dir, "Vider le Cache", None, today) {
            Err(StarterError::BadId { suggestion, .. }) => {
                assert_eq!(suggestion.as_deref(), Some("vider-le-cache"))
            }
            other => panic!("{other:?}"),
        }
        assert!(!dir.join("Vider le Cache.json").exists());
        let e = create_guide(&dir, "index", None, today).unwrap_err();
        assert!(e.to_string().contains("\"index\" is reserved"), "{e}");
        assert!(!dir.join("index.json").exists());
    }

    /// Whatever `new` is given, it writes a guide `check` accepts or refuses
    /// with a usage error and writes nothing (issue 13, item 13).
    #[test]
    fn every_guide_new_writes_passes_check() {
        let today = Date::from_unix_days(19_000);
        let long = "a".repeat(MAX_ID_BYTES);
        let too_long = "a".repeat(MAX_ID_BYTES + 1);
        // (id, title, written)
        let table: &[(&str, Option<&str>, bool)] = &[
            ("vider-cache", None, true),
            ("vider-cache", Some("Vider le cache « Firefox » : 2 étapes"), true),
            ("vider-cache", Some("  espaces autour  "), true),
            (&long, None, true),
            (&too_long, None, false),
            ("collection", None, false),
            ("index", None, false),
            ("Vider", None, false),
            ("vider-cache", Some(""), false),
            ("vider-cache", Some("   "), false),
            ("vider-cache", Some("deux\nlignes"), false),
            ("vider-cache", Some("cloche\u{7}"), false),
            ("vider-cache", Some("inversé\u{202E}"), false),
            ("vider-cache", Some("nul\u{0}"), false),
        ];
        for (i, (id, title, written)) in table.iter().enumerate() {
            let dir =
                crate::temp_project::TempProject::new(&format!("starter-check-{i}"));
            std::fs::create_dir_all(dir.join("images")).unwrap();
            let got = create_guide(&dir.join("guides"), id, *title, today);
            assert_eq!(got.is_ok(), *written, "{id:.20} {title:?}: {got:?}");
            let files: Vec<_> = std::fs::read_dir(dir.join("guides"))
                .map(|d| d.flatten().map(|e| e.file_name()).collect())
                .unwrap_or_default();
            if !written {
                assert!(files.is_empty(), "{id:.20} {title:?} wrote {files:?}");
                continue;
            }
            let opts = crate::model::LoadOptions {
                guides_dir: dir.join("guides"),
                images_dir: dir.join("images"),
            };
            let loaded = crate::model::load(&opts).unwrap();
            for g in &loaded.guides {
                let errors = g.result.as_ref().err().cloned().unwrap_or_default();
                assert!(errors.is_empty(), "{id:.20} {title:?}: {errors:?}");
            }
            assert_eq!(loaded.guides.len(), 1);
        }
    }
}
