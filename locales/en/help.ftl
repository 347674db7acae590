# The --help texts: help-<command>-about, help-<command>-<argument>.
help-template = {"{"}about-with-newline{"}"}
    Usage: {"{"}usage{"}"}
    {""}
    {"{"}all-args{"}"}{"{"}after-help{"}"}
help-heading-commands = Commands
help-flag-help = Print help
help-flag-version = Print version

## guidepress
help-guidepress-about = Turns JSON guide sheets into print-quality, accessible PDFs.
help-guidepress-ui_lang = Language of messages and help: fr or en [default: from GUIDEPRESS_UI_LANG, else LC_ALL, LC_MESSAGES, LANG]

## build
help-build-about = Build one PDF per guide into <OUT>/pdf/ (the cache goes to <OUT>/.guidepress.cache/).
help-build-guides = Folder of guides (*.json, with an optional collection.json).
help-build-images = Folder of pictures [default: the images/ folder beside GUIDES].
help-build-out = Output folder: PDFs in <OUT>/pdf/, the cache of unchanged work in <OUT>/.guidepress.cache/.
help-build-jobs = Number of worker threads [default: all cores].

## check
help-check-about = Validate every guide (pictures included) without writing anything.
help-check-guides = Folder of guides (*.json, with an optional collection.json).
help-check-images = Folder of pictures [default: the images/ folder beside GUIDES].
help-check-format = How to print problems: human (standard error), json (standard output, see docs/diagnostics.md) or github (workflow annotations on standard output).
help-check-deny_warnings = Fail (exit 1) on warnings too.

## schema
help-schema-about = Print the JSON Schema of guide files (or of collection.json), for editors.
help-schema-of = Which file's schema: a guide, or collection.json.

## new
help-new-about = Write a starter guide <GUIDES>/<ID>.json that `check` accepts.
help-new-id = The new guide's id: lowercase letters and digits joined by dashes, at most 100 characters, e.g. vider-cache.
help-new-guides = Folder of guides.
help-new-title = The guide's title [default: a placeholder to replace].

## watch
help-watch-about = Rebuild the PDFs of what changed each time a file is saved; stop with Ctrl+C.
help-watch-guides = Folder of guides (*.json, with an optional collection.json).
help-watch-images = Folder of pictures [default: the images/ folder beside GUIDES].
help-watch-out = Output folder: PDFs in <OUT>/pdf/, the cache of unchanged work in <OUT>/.guidepress.cache/.
help-watch-jobs = Number of worker threads [default: all cores].
help-watch-debounce_ms = Quiet time after the last change before rebuilding, in milliseconds.
help-watch-poll_ms = How often to look for changes, in milliseconds.
help-watch-exit_after = Stop after this many rebuilds (for tests).

## bundle
help-bundle-about = Validate, then build print sheets, every pack layout and the site into one reproducible zip: <OUT>/bundle/<collection>-<version>.zip.
help-bundle-guides = Folder of guides (*.json, with an optional collection.json).
help-bundle-images = Folder of pictures [default: the images/ folder beside GUIDES].
help-bundle-out = Output folder: the zip goes to <OUT>/bundle/, the cache to <OUT>/.guidepress.cache/.
help-bundle-version = Version in the file name [default: the newest "updated" date of the guides and 8 hex digits of the content hash].
help-bundle-jobs = Number of worker threads [default: all cores].
help-bundle-no_cache = Rebuild everything, ignoring (and not updating) the cache.

## site
help-site-about = Publish a folder for a website: screen PDFs, thumbnails, index.html, manifest.json.
help-site-guides = Folder of guides (*.json, with an optional collection.json).
help-site-images = Folder of pictures [default: the images/ folder beside GUIDES].
help-site-out = The site folder; replaced as a whole, only after a successful build (the cache goes to .guidepress.cache/ beside it).
help-site-base_url = Where the site will live (overrides the collection's base_url).
help-site-relative = Use relative links even if the collection has a base_url.
help-site-pdf_standard = Standards the PDFs must meet: ua-1, a-2b, a-2u, a-2a, or one PDF/A level with ua-1 (e.g. a-2a,ua-1).
help-site-jobs = Number of worker threads [default: all cores].

## pack
help-pack-about = Build the print pack: cover, contents and every guide in one PDF for the office printer.
help-pack-guides = Folder of guides (*.json, with an optional collection.json).
help-pack-images = Folder of pictures [default: the images/ folder beside GUIDES].
help-pack-layout = How pages go onto paper: single, 2up, booklet or handout.
help-pack-duplex = Start every guide on a right-hand (odd) page, for double-sided printing.
help-pack-only = Only these guides (ids separated by commas), in the collection's order.
help-pack-large_print = Large print: body text at least 16 pt, headings larger, re-laid out.
help-pack-fold_marks = Marks in the middle of each sheet where to fold or cut (2up, booklet).
help-pack-out = Output file [default: out/pack/<collection>-<layout>[-duplex][-large].pdf].
help-pack-jobs = Number of worker threads [default: all cores].
