# Diagnostics: what is wrong (lowercase, no final period) and the hints
# ("-help" suffix). Arguments are named; see CONTRIBUTING.md.

verbatim = { $text }
label-error = error
label-warning = warning
label-help = help

## Inline markup and links
emph-bold = bold
emph-italic = italic
inline-unclosed-code = unclosed "`" (code) starting at character { $at }
inline-unclosed-code-help = close it with another "`", or write \` for a literal backquote
inline-nested-link = a link inside a link at character { $at }
inline-nested-link-help = links cannot be nested; keep only one
inline-empty-label = the link at character { $at } has an empty label
inline-empty-label-help = write the text to click between "[" and "]"
inline-unclosed = unclosed "{ $delim }" ({ $name }) starting at character { $at }
inline-unclosed-help = close it with "{ $delim }", or write \* for a literal asterisk
inline-crossed = "{ $delim }" at character { $at } closes { $name } while { $inner } ("{ $inner_delim }" at character { $inner_at }) is still open
inline-crossed-help = close the inner "{ $inner_delim }" first
inline-too-many-stars = too many "*" at character { $at }: emphasis is already open
inline-too-many-stars-help = write \* for a literal asterisk
inline-unclosed-target = the link target starting at character { $at } is not closed
inline-unclosed-target-help = close it with ")"
link-empty-target = empty link target
link-empty-target-help = write the address between "(" and ")"
link-bad-guide-id = "{ $id }" is not a guide id
link-bad-guide-id-help = a guide id is lowercase letters, digits and dashes, e.g. guide:vider-cache
link-guide-needs-label = a guide link needs a label (character { $at })
link-guide-needs-label-help = write it as [label]({ $url })

## Values: dates, addresses, choices
date-not-iso = "{ $value }" is not a date in the form YYYY-MM-DD
date-no-year-zero = "{ $value }": there is no year 0000
date-no-such-month = "{ $value }": there is no month { $month }
date-no-such-day = "{ $value }": month { $month } of { $year } has { $days } days
url-no-scheme = "{ $url }" is not a full address (it has no scheme such as https:)
url-no-scheme-help = write the full address, e.g. "{ $example }"
url-scheme-not-allowed = links with the scheme "{ $scheme }:" are not allowed here
url-scheme-not-allowed-help = use one of: { $allowed }
url-space = the address "{ $url }" contains a space
url-space-help = write spaces in addresses as %20
url-no-slashes = "{ $url }" lacks "//" after "{ $scheme }:"
url-no-slashes-help = write it as "{ $scheme }://…"
url-no-host = the address "{ $url }" has no host name
url-no-host-help = write it as "{ $scheme }://example.org/…"
url-not-mail = "{ $url }" is not a mail address
url-not-mail-help = write it as "mailto:name@example.org"
did-you-mean = did you mean "{ $value }"?
expected-one-of = expected one of: { $list }

## Fields, texts, paths and pictures
noun-image = image
noun-attachment = attachment
noun-images-folder = images folder
noun-project-folder = project folder
what-image = an image
what-block = a "{ $block }" block
what-list-item = a list item
what-step = a step
what-guide = a guide
what-collection = collection.json
field-null = field "{ $field }" is null
field-missing = missing field "{ $field }"
field-missing-help = { $what } needs "{ $field }"
text-empty = the text is empty
text-empty-help = write some text, or remove the field
text-empty-optional-help = write some text, or remove the field if it is optional
unknown-guide = no guide has the id "{ $id }"
path-empty = the { $what } path is empty
path-backslash = the { $what } path "{ $path }" uses "\" between folders
path-backslash-help = write "{ $path }"
path-absolute = the { $what } path "{ $path }" is absolute: it leaves the { $folder }
path-absolute-help = write the path relative to the { $folder } ({ $dir })
path-parent = the { $what } path "{ $path }" leaves the { $folder } (it uses "..")
path-parent-help = put the file inside { $dir } and write its path from there
path-no-folder = the { $folder } { $dir } does not exist, so "{ $path }" cannot be found
path-no-folder-help = create { $dir } and put the file there
path-not-found = { $what } "{ $path }" not found in the { $folder } ({ $dir })
path-not-found-help = check the name; it must be in { $dir }
path-dangling-link = { $what } "{ $path }" is a link to { $target }, which does not exist
path-dangling-link-help = point the link at an existing file, or put the file itself in its place
path-other-encoding-help = a file "{ $file }" exists, but its name writes the same letters with other Unicode characters (an accent added to its letter, as macOS does): rename the file, typing its name again
path-unreadable = cannot open { $what } "{ $path }": { $reason }
path-link-escapes = the { $what } path "{ $path }" leaves the { $folder } (through a link to { $target })
path-link-escapes-help = copy the file into { $dir } instead of linking to it
path-not-a-file = { $what } "{ $path }" is { $kind }, not a file
image-problem = "{ $src }": { $problem }
image-too-large-help = scale the picture down (a sheet needs at most about 2000 pixels across)
image-unreadable-help = export the picture again as PNG or JPEG
png-no-palette = the PNG file uses indexed colours but has no palette (PLTE chunk), so its colours are unknown
png-chunks-too-large = the PNG file's extra data (text, colour profile) needs more than { $max } to read, the limit of the PDF writer
alt-empty = the alternative text is empty
alt-missing = the image has no alternative text ("alt")
alt-missing-help = describe what the picture shows, for readers who cannot see it: "alt": "…"
width-out-of-range = width { $width } is not between { $min } and 1
width-help = width is a fraction of the text width, e.g. 0.5 for half

## Across guides
no-guides = no guide files (*.json) in { $dir }
changed-during-run = the file changed while guidepress was running: its id was "{ $was }" and is now "{ $now }"
changed-during-run-help = run the command again once the file is saved
duplicate-id = id "{ $id }" is also used by { $others }
duplicate-id-help = give each guide its own id (its file name, or an "id" field)
unknown-guide-help = a guide's id is its file name without .json, unless it sets "id"

## JSON structure
kind-null = null
kind-bool = true or false
kind-number = a number
kind-string = a string
kind-list = a list
kind-list-brackets = a list [ … ]
kind-object = an object
kind-object-braces = an object {"{"} … {"}"}
kind-value = a value
kind-the-value = the value { $value }
unknown-field = unknown field "{ $key }"
wrong-type = expected { $expected }, found { $found }

## Reading a file
file-unreadable = cannot read the file: { $reason }
file-gone-help = it was deleted or moved while guidepress was reading the folder, or it is a link to a file that is gone
file-too-large = file too large: { $size } bytes, the limit is { $limit } bytes
file-too-large-help = split the guide into several sheets
utf16 = file is saved as UTF-16, not UTF-8
not-utf8 = file is not valid UTF-8 (byte 0x{ $byte } at line { $line }, column { $column }){ $guess ->
    [utf16] ; it looks like UTF-16
    [latin1] ; it looks like Latin-1/Windows-1252
   *[none] {""}
}
not-utf8-help = save it as UTF-8 in your editor (e.g. "Save with encoding → UTF-8")
duplicate-field = field "{ $key }" is written twice
duplicate-field-help = keep only one; the last one would silently win
json-trailing-comma = a comma after the last item
json-trailing-comma-help = remove the comma after the last item
json-double-comma = two commas in a row
json-double-comma-help = remove the extra comma
json-eof-object = the file ends before an object is closed
json-eof-object-help = add the missing "{"}"}"
json-eof-list = the file ends before a list is closed
json-eof-list-help = add the missing "]"
json-eof-string = the file ends inside a string
json-eof-string-help = close the string with "
json-empty = the file is empty
json-eof = the file ends too early
json-eof-help = a guide is a JSON object: {"{"} "format": 1, … {"}"}
json-colon = expected ":" after the field name
json-colon-help = write fields as "name": value
json-comma = expected a comma or "{ $close }"
json-comma-help = add a comma between the two items, or close with "{ $close }"
json-comma-previous-line-help = a comma is probably missing at the end of the previous line
json-key-quotes = a field name must be in double quotes
json-key-quotes-help = write it as "name": value
json-single-quotes-help = use double quotes " instead of single quotes '
json-value = expected a value
json-value-help = a value is a "string", a number, true, false, null, a [list] or an {"{"}object{"}"}
json-bare-word = unknown word
json-bare-word-help = write text in double quotes; the only bare words are true, false and null
json-escape = invalid backslash escape in a string
json-escape-help = write \\ for a backslash (e.g. "C:\\dossier"), \n for a line break
json-lone-surrogate = "\u{ $digits }" is half of a character (a lone surrogate)
json-lone-surrogate-help = escapes \uD800 to \uDFFF come in pairs (e.g. \uD83D\uDE00); better, type the character itself
json-short-escape = a \u escape needs four hexadecimal digits
json-short-escape-help = write e.g. \u00E9, or type the character itself
json-trailing = unexpected text after the end of the JSON document
json-trailing-help = the file must hold one object; remove what follows its closing "{"}"}"
json-too-deep = the file is nested too deeply
json-control = a string contains a raw line break or tab
json-control-help = close the string on the same line; write \n for a line break, \t for a tab
json-control-char = a string contains the invisible control character { $code }
json-control-char-help = delete it: it usually comes from text pasted from another program

## Blocks
block-not-object = a block must be an object {"{"} "type": … {"}"}, found { $found }
block-no-type = the block has no "type"
block-no-type-help = add "type": one of { $list }
unknown-block-type = unknown block type "{ $name }"
block-no-other-fields = a "{ $block }" block has no other fields
block-takes = a "{ $block }" block takes { $list }
field-not-in-block = field "{ $key }" does not belong to a "{ $block }" block
heading-level = heading level { $level } does not exist
heading-level-help = use 1, 2 or 3
unknown-callout-kind = unknown callout kind "{ $kind }"
list-empty = the list has no items
list-too-deep = lists nest at most { $max } levels deep
list-too-deep-help = flatten this list, or split it into several
list-item-type = expected text or an object {"{"} "text": …, "items": [ … ] {"}"}, found { $found }
step-type = expected a step {"{"} "text": … {"}"}, found { $found }
step-type-help = write the step as {"{"} "text": "…" {"}"}
step-image-type = expected an image {"{"} "src": …, "alt": … {"}"}, found { $found }
table-empty-header = the header has no cells
table-empty-header-help = list the column titles, or remove "header"
table-no-rows = the table has no rows
table-the-header = the header
table-row-one = row 1
table-row-empty = row { $row } has no cells
table-row-width = row { $row } has { $cells } cells but { $from } has { $width }
table-row-width-help = give every row the same number of cells (use "" for an empty one)
attachment-no-href = the attachment has no href
attachment-no-href-help = write a file path like "files/charte.pdf" or an https:// address
attachment-unreadable = cannot read attachment "{ $href }": { $reason }

## Guides and the collection
char-control = control character
char-bidi = bidirectional control
char-bom = byte-order mark
char-non-character = non-character
invisible-char = the text contains the invisible { $kind } { $char } at character { $at }{ $more ->
    [0] {""}
    [one] {" "}(and 1 more in this text)
   *[other] {" "}(and { $more } more in this text)
}
invisible-char-key = the field name "{ $key }" contains the invisible { $kind } { $char }
invisible-bidi-help = delete it: it changes the order in which the following text is shown, so the printed sheet would not read like the file
invisible-char-help = delete it (it often comes with text pasted from another program); write \n for a line break
collection-not-object = collection.json must be a JSON object {"{"} "format": 1, "title": … {"}"}, found { $found }
guide-not-object = a guide must be a JSON object {"{"} "format": 1, … {"}"}, found { $found }
unknown-lang = unknown language "{ $lang }"
unknown-paper = unknown paper size "{ $paper }"
order-bad-id = "{ $id }" is not a guide id (lowercase letters, digits and dashes)
duplicate-order = "{ $id }" is listed twice in "order"
duplicate-order-help = remove the second one; the first position counts
format-missing-help = { $what } starts with "format": 1
unsupported-format = format { $format } is not supported; this guidepress reads format 1
unsupported-format-help = write "format": 1, or update guidepress
bad-id = id "{ $id }" is not valid: use lowercase letters, digits and dashes
bad-file-name = the file name "{ $stem }.json" is not a valid guide id (lowercase letters, digits and dashes)
bad-file-name-help = rename the file, e.g. "vider-cache.json", or add an "id"
bad-file-name-slug-help = rename the file to "{ $slug }.json", or add "id": "{ $slug }"
id-too-long = the id is { $bytes } characters long; ids are at most { $max }
id-too-long-help = shorten it to { $max } characters at most: it names the guide's files
file-name-too-long = the file name gives an id of { $bytes } characters; ids are at most { $max }
file-name-too-long-help = rename the file to { $max } characters at most before ".json", or add a shorter "id"
for-example = e.g. "{ $example }"
date-help = write dates as YYYY-MM-DD, e.g. 2022-03-13
date-order = "updated" ({ $updated }) is before "published" ({ $published })
date-order-help = check both dates; an update comes after the first publication
body-empty = the body has no blocks
body-empty-help = add at least one block, e.g. {"{"} "type": "paragraph", "text": "…" {"}"}
no-guides-folder = cannot read the guides folder { $dir }: { $reason }
no-guides-folder-help = pass the folder that holds collection.json and the guide .json files
order-unknown = "order" lists "{ $id }", but no guide has that id
order-unknown-help = remove it, or add the guide file
not-in-order = guide "{ $id }" is not in "order"; it comes after the listed ones
not-in-order-help = add "{ $id }" to "order" where it belongs

## Outputs
missing-glyph = no bundled font has the character { $char } ({ $code })
missing-glyph-help = use another character, or write it out in words
too-long = guide "{ $id }" would need { $pages } pages; the limit is { $max }
too-long-help = split it into several guides, or look for text pasted twice or page breaks after every line
write-pdf = cannot write the PDF: { $reason }
write-help = check that the output folder is writable and the disk is not full
write-name-too-long-help = the system refused a file name as too long: keep ids to { $max } characters and the output folder's path short
write-bundle = cannot write the bundle: { $reason }
write-bundle-help = check that the output folder is writable and the disk is not full; an older bundle, if any, is unchanged
create-out-dir = cannot create the output folder: { $reason }
bug-help = this is probably a bug in guidepress; please report it with the guides attached
interrupted = interrupted (Ctrl+C); { $kept }
interrupted-help = run the command again to finish
kept-pack = no pack written, an older one is left as it was
kept-bundle = no bundle written, an older one is left as it was
kept-site = the site was left as it was
kept-pdfs = { $written } of { $total } PDFs written, the others left as they were
low-resolution = picture "{ $src }" prints at { $dpi } dpi ({ $pixels } pixels over { $cm } cm); below { $min } dpi it looks blurred on paper
low-resolution-help = use a picture at least { $needed } pixels wide, or set a smaller "width"
stale-guide = last updated on { $date }, more than { $years } years before the newest guide ({ $newest })
stale-guide-help = check that the guide is still right, then set "updated" to today's date
unused-image = no guide uses this picture
unused-image-help = remove the file, or show it in a guide with an "image" block
pdf-standard = guide "{ $id }" cannot be published as { $standards }: { $reason }
pdf-standard-help = fix the content named above, or choose another --pdf-standard
pdf-standard-options-help = use --pdf-standard with one PDF/A level, optionally with ua-1
guide-problem = guide "{ $id }": { $problem }
no-guide-to-pack = there is no guide to pack
no-guide-to-pack-help = add guide files (*.json) to the guides folder
bad-version = version "{ $version }" cannot be used in a file name
bad-version-help = use letters, digits, dots, dashes, underscores and +, e.g. 2024-09 or v1.2
placeholder = the starter text "{ $text }" is still here
placeholder-help = replace it with the guide's own text; until then the guide is a draft, not counted when judging stale guides

## Inputs
entry-folder = a folder
entry-pipe = a named pipe
entry-device = a device
entry-socket = a socket
entry-other = not a regular file
file-not-a-file = cannot read the file: it is { $kind }, not a file
file-not-a-file-help = guides are JSON files: move or rename this entry so that its name does not end in .json
url-too-long = this address is { $bytes } bytes long; a printed link gets a QR code, and a QR code holds at most { $max } bytes
url-too-long-help = shorten the address (e.g. the page's short address, or a redirect on the school's own site)
kept-check = the check did not finish; nothing was written
in-edition = in { $edition }, { $message }

## The format's additions: keys, menu paths, sub-steps, pictures side by side, variants, annotations, table columns
key-empty = the key at character { $at } has no name
key-empty-help = write the key's name between "[[" and "]]", e.g. [[Ctrl]]
menu-empty = the menu path at character { $at } is empty
menu-empty-label = the menu path at character { $at } has an empty label
menu-empty-help = write the labels between "{"{{"}" and "{"}}"}", separated by ">", e.g. {"{{"}Menu > Aide{"}}"}
unclosed-key = unclosed "[[" (key) starting at character { $at }: it prints as plain text
unclosed-key-help = close it with "]]", or write \[\[ to print the brackets without this warning
unclosed-menu = unclosed "{"{{"}" (menu path) starting at character { $at }: it prints as plain text
unclosed-menu-help = close it with "{"}}"}", or write \{"{"}\{"{"} to print the brackets without this warning
substeps-empty = the list has no sub-steps
substeps-empty-help = list the sub-steps, or remove "substeps"
step-image-and-images = a step has either "image" or "images", not both
step-image-and-images-help = move the picture of "image" into the list "images"
pictures-empty = the list has no pictures
pictures-empty-help = list one to three pictures {"{"} "src": …, "alt": … {"}"}
pictures-too-many = { $n } pictures side by side; at most { $max } fit in a row
pictures-too-many-help = split them into several steps or "images" blocks of up to three
what-variant = a variant
variants-empty = the block has no variants
variants-example = list the variants, e.g. {"{"} "label": "Firefox", "body": [ … ] {"}"}
variants-count = { $n ->
    [one] { $n } variant
   *[other] { $n } variants
}: a "variants" block has { $min } to { $max }
variants-too-few-help = with one variant, write its blocks directly in the body
variants-too-many-help = keep the main cases, or split them into two blocks under their own headings
variants-duplicate-label = two variants are labelled "{ $label }"
variants-duplicate-label-help = give each variant its own label (the other is { $first })
variant-type = expected a variant {"{"} "label": …, "body": [ … ] {"}"}, found { $found }
variant-empty = the variant has no blocks
variant-empty-help = add the variant's blocks, e.g. {"{"} "type": "paragraph", … {"}"}
variant-nested = a variant cannot hold another "variants" block
variant-nested-help = write the inner cases as a list or a table, or split the variants
variant-page-break = a variant cannot hold a page break
variant-page-break-help = put the page break before or after the "variants" block
what-annotation = a "{ $name }" annotation
annotation-type = expected an annotation {"{"} "type": "marker", … {"}"}, found { $found }
annotation-no-type = the annotation has no "type"
annotation-no-type-help = add "type": one of { $list }
annotation-unknown-type = unknown annotation type "{ $name }"
annotation-field = field "{ $key }" does not belong to a "{ $name }"
annotation-takes = a "{ $name }" takes { $list }
marker-number = marker number { $n } is not a whole number from 1 to { $max }
marker-number-help = number the markers 1, 2, 3… as the text refers to them
marker-twice = marker { $n } is used twice on this picture
marker-twice-help = number each marker once; { $n } is already at { $first }
box-no-area = a box of { $w }×{ $h } pixels has no area
box-no-area-help = give the box a width and a height, e.g. [120, 40]
box-outside = the box from { $from } to { $to } goes past the { $w }×{ $h } picture
box-outside-help = make it smaller or move it: its far corner must be within ({ $w }, { $h })
arrow-no-length = the arrow from { $from } to { $to } has no length
arrow-no-length-help = point "to" somewhere else than "from"
point-negative = { $point } is outside the picture: pixels count from 0
point-negative-help = coordinates are pixels from the top left corner (0, 0)
point-type = expected two numbers [x, y], found { $n }
point-type-help = write the point in the picture's pixels, e.g. [120, 45]
point-outside = { $point } is outside the { $w }×{ $h } picture
point-outside-help = coordinates are the picture's pixels, from (0, 0) at the top left to ({ $w }, { $h })
columns-count = "columns" describes { $given } columns but the table has { $count }
columns-count-help = give one entry per column, in order; {"{}"} is a column with no settings
column-type = expected a column {"{"} "width": …, "align": … {"}"}, found { $found }
column-width-range = width { $width } is not between 0 (excluded) and 1
column-width-range-help = a column's width is a fraction of the table's, e.g. 0.25 for a quarter
column-align-unknown = unknown alignment "{ $align }"
column-widths-over = the column widths add up to { $sum }, more than the whole table (1)
column-widths-over-help = lower them so that they add up to 1 at most
column-widths-full = the column widths add up to 1 and leave nothing for the { $open ->
    [one] { $open } column
   *[other] { $open } columns
} without one
column-widths-full-help = give every column a width, or lower the others

## Hyphenation (collection.json)
hyphenation-not-object = "hyphenation" must be an object of words and their hyphenation, found { $found }
hyphenation-not-object-help = e.g. {"{"} "cookies": "cookies", "navigateur": "na-vi-ga-teur" {"}"}
hyphenation-not-word = "{ $word }" is not a word: list single words made of letters
hyphenation-not-word-help = one entry per word, without spaces, digits, apostrophes or hyphens
hyphenation-not-string = the hyphenation of "{ $word }" must be a string such as "{ $word }", found { $found }
hyphenation-twice = "{ $word }" is listed twice (words are compared in lowercase)
hyphenation-twice-help = keep one entry for the word
hyphenation-pattern-help = write the letters of "{ $word }" in order, with a hyphen where it may break (e.g. "na-vi-ga-teur"), or the word alone to keep it whole
hyphenation-bad-chars = "{ $pattern }" may hold only the letters of "{ $word }" and hyphens
hyphenation-hyphen-place = each hyphen in "{ $pattern }" must stand between two letters
hyphenation-spells = "{ $pattern }" spells "{ $letters }", not "{ $word }"
hyphen-short-word = "{ $pattern }" has fewer than { $min } letters: words that short are never hyphenated
hyphen-near-end = a hyphen in "{ $pattern }" leaves fewer than { $before } letters before it or { $after } after it: the word never breaks there
hyphen-ignored-help = remove the hyphens that cannot be used

## Ids, JSON and limits
reserved-id = id "{ $id }" is reserved: the web site's index page is { $id }.html
reserved-id-help = choose another id, e.g. "{ $id }-fiche"
reserved-file-name = the file name "{ $id }.json" gives the id "{ $id }", which is reserved: the web site's index page is { $id }.html
reserved-file-name-help = rename the file, e.g. "{ $id }-fiche.json", or add another "id"
json-other = { $reason }
value-invalid = { $reason }
kind-other = { $kind }
noun-file = file
too-many-columns = the table has { $width } columns; a table has at most { $max }, the most that stay readable on a large-print A5 page
too-many-columns-help = split it into several tables, or swap rows and columns
attachment-too-large = attachment "{ $href }" is too large: { $bytes } bytes, the limit is { $limit } bytes
attachment-too-large-help = link to the file on a web site instead (an https address)
forced-break = { $count ->
    [one] { $words } does not fit in its line ({ $mm } mm) and is cut without a hyphen
   *[other] { $count } words do not fit in their lines (down to { $mm } mm) and are cut without a hyphen: { $words }{ $more ->
        [0] {""}
       *[other] , { $more } more
    }
}
forced-break-help = names, codes, addresses and headings are never hyphenated: shorten the text, or give the table fewer columns

## Output folders, site and packs
out-overlaps-input = output folder { $out } overlaps the input folder { $input }; choose another --out
out-not-folder = { $path } exists and is not a folder
out-not-site = { $path } is not empty and holds no { $marker }, so it does not look like a site made by guidepress; choose a new or empty folder with --out
staging-create = cannot create the staging folder { $path }: { $reason }
site-move = cannot move the new site into { $path }: { $reason }; the old site is unchanged
folder-create = cannot create { $path }: { $reason }
file-write = cannot write { $path }: { $reason }
attachments-clash = attachments { $first } and { $second } would both be published as { $path }; rename one of them
pictures-clash = two different pictures would both be published as { $path }; rename one
unknown-standard = unknown PDF standard "{ $name }"; valid: { $valid } (combine one PDF/A level with ua-1, e.g. a-2a,ua-1)
one-pdfa-level = choose one PDF/A level, not { $levels }; ua-1 can be added to it
base-url-bad = --base-url: { $problem }; { $help }
unknown-only = unknown guide "{ $id }" in --only; { $hint }
guides-are = the guides are: { $list }
handout-one-guide = a handout prints exactly one guide, but { $selected } are selected; choose one with --only, e.g. --only { $example }
pack-no-guides = the pack has no guide to print
pack-handout-count = a handout prints exactly one guide, not { $count }
pack-unsettled = page numbers did not settle after { $passes } layout passes (page counts { $counts }); this is a bug in guidepress, please report it with the guides attached
pdf-options = invalid PDF options: { $reason }
internal-error = internal error: { $reason }
image-processing = cannot prepare a picture for the web: { $reason }
new-reserved-id = "{ $id }" is reserved: the web site's index page is { $id }.html; choose another id
new-bad-id = "{ $id }" is not a valid guide id: use lowercase letters and digits joined by single dashes
new-exists = { $path } already exists

## Pictures that cannot be used
image-unreadable = cannot read the image: { $reason }
image-file-too-large = image file too large: { $size }, the limit is { $limit } MB
image-not-a-file = cannot read the image: it is { $kind }, not a file
image-not-png-jpeg = not a PNG or JPEG ({ $what })
magic-empty = the file is empty
magic-gif = it is a GIF
magic-webp = it is a WebP
magic-svg = it is an SVG or other XML
magic-pdf = it is a PDF
magic-bmp = it is a BMP
magic-tiff = it is a TIFF
magic-heic = it looks like HEIC/AVIF
magic-unknown = unknown format
image-too-many-pixels = image too large: { $width }×{ $height } pixels, the limit is { $max }×{ $max }
image-no-pixels = the { $format } image has no pixels ({ $width }×{ $height })
image-jpeg-cut = the JPEG file is cut short: its picture data has no end marker (it was not fully copied or downloaded)
image-over-memory = image too large to decode within { $mib } MiB of memory
image-damaged = the { $format } file is damaged or incomplete: { $reason }
output-file-overlaps = output file { $out } would replace or lie inside the input folder { $input }; choose another --out
