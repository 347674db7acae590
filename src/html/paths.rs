//! Where every file of the web site lives, relative to the site folder.
//! Pages link to each other with these relative paths only, so the folder
//! works wherever it is copied, opened from the disk or served.

use crate::model::{ImageData, ImageFormat};

/// The index page.
pub const INDEX: &str = "index.html";

/// The stylesheet every page shares.
pub const STYLE: &str = "style.css";

/// The sitemap (written only when the site has a base URL).
pub const SITEMAP: &str = "sitemap.xml";

/// The folder of the web copies of pictures.
pub const IMAGES_DIR: &str = "images";

/// `<id>.html`: a guide's page, beside `index.html` (which is why the id
/// `index` is reserved).
pub fn page(id: &str) -> String {
    format!("{id}.html")
}

/// `pdf/<id>.pdf`: a guide's screen PDF.
pub fn pdf(id: &str) -> String {
    format!("pdf/{id}.pdf")
}

/// `thumbs/<id>.png`: the first page of a guide's PDF, as a picture.
pub fn thumb(id: &str) -> String {
    format!("thumbs/{id}.png")
}

/// `images/<src without extension>-<width>.<extension>`: the copy of a
/// picture `width` pixels wide. Every copy carries its width, so two sources
/// never share a name; the extension is the source's (its encoding is kept).
pub fn picture(image: &ImageData, width: u32) -> String {
    let ext = match image.format {
        ImageFormat::Png => "png",
        ImageFormat::Jpeg => "jpg",
    };
    let (folder, name) = match image.src.rsplit_once('/') {
        Some((folder, name)) => (format!("{folder}/"), name),
        None => (String::new(), image.src.as_str()),
    };
    let (stem, written) = match name.rsplit_once('.') {
        Some((stem, e)) if !stem.is_empty() => (stem, e),
        _ => (name, ext),
    };
    format!("{IMAGES_DIR}/{folder}{stem}-{width}.{written}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn pictures_keep_their_folder_name_and_extension_with_their_width() {
        let image = |src: &str, format| ImageData {
            src: src.into(),
            bytes: Arc::new(Vec::new()),
            format,
            width: 900,
            height: 500,
        };
        let table = [
            ("firefox-menu.png", ImageFormat::Png, "images/firefox-menu-480.png"),
            ("firefox/menu.PNG", ImageFormat::Png, "images/firefox/menu-480.PNG"),
            ("photo.jpeg", ImageFormat::Jpeg, "images/photo-480.jpeg"),
            ("sans-extension", ImageFormat::Jpeg, "images/sans-extension-480.jpg"),
            (".png", ImageFormat::Png, "images/.png-480.png"),
        ];
        for (src, format, want) in table {
            assert_eq!(picture(&image(src, format), 480), want, "{src}");
        }
        assert_eq!(
            (page("vider-cache"), pdf("a"), thumb("a")),
            (
                "vider-cache.html".to_string(),
                "pdf/a.pdf".to_string(),
                "thumbs/a.png".to_string()
            )
        );
    }
}
