//! The typography corpus (`tests/typography/`): guides written to meet
//! every typesetting rule at its hardest (long addresses with hyphens and
//! queries, codes, e-mails, names, two-line headings, narrow tables, links
//! that would spill onto a last page), checked on the page description of
//! every edition: sheets on A4 and A5, web PDFs, every pack layout, each in
//! large print too. `.ci/typography-check.sh` checks the same rules on the
//! text `pdftotext` reads back from the PDFs.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use guidepress::layout::pack::{layout_pack_pages, PackLayout, PackOptions};
use guidepress::layout::style::Theme;
use guidepress::layout::{
    layout_guide, Document, GuideLinks, Item, LayoutOptions, Mark, Role, TextRun,
};
use guidepress::model::{
    load, Block, Diagnostic, Guide, Inline, LoadOptions, Loaded, Paper,
};

/// The guide whose tables cannot fit the narrow editions by the rules: its
/// words are cut without a hyphen, and reported.
const LAST_RESORT: &str = "dernier-recours";

/// Addresses the corpus prints (in text, in links, in the link lists).
const ADDRESSES: &[&str] = &[
    "https://ent.ac-poitiers.fr/cas/login?service=https%3A%2F%2Fent.ac-poitiers.fr%2Fportail%2Faccueil&lang=fr-FR&selection=EDUCONNECT",
    "https://educonnect.education.gouv.fr/idp/profile/SAML2/Redirect/SSO?execution=e1s1",
    "secretariat-vie-scolaire.college-typographie@ac-poitiers.fr",
    "secretariat-vie-scolaire@example.org",
    "https://www.education.gouv.fr/educonnect-un-compte-unique-pour-suivre-et-accompagner-la-scolarite-de-mon-enfant-7361",
    "https://ent.ac-poitiers.fr/sg.do?PROC=PAGE_ACCUEIL&ACTION=VALIDER&ETAB=0860012A&CODE=A1B2-C3D4-E5F6-G7H8",
    "https://etab.ac-poitiers.fr/college-typographie-saint-jean-d-angely/spip.php?article1234&lang=fr",
    "https://etab.ac-poitiers.fr/college-typographie-saint-jean-d-angely/fiches/",
    "https://www.ac-poitiers.fr/les-centres-d-information-et-d-orientation-cio-121563",
    "https://www.internet-signalement.gouv.fr/",
    "https://educonnect.education.gouv.fr/educt-aide/aide/",
    "https://teleservices.education.gouv.fr/",
    "https://ent.ac-poitiers.fr/aide",
    "referent@ac-poitiers.fr",
    "intendance@example.org",
    "it-support@example.org",
    "secretariat@example.org",
    "ent.ac-poitiers.fr",
    "C:\\Users\\eleve\\AppData\\Roaming\\Mozilla\\Firefox\\Profiles",
];

/// Codes short enough for a line in every edition: never split at all.
const CODES: &[&str] =
    &["A1B2-C3D4-E5F6-G7H8", "Z9Y8-X7W6-V5U4", "about:preferences#privacy", "482-913"];

/// Names: never hyphenated.
const NAMES: &[&str] = &[
    "Firefox",
    "Pronote",
    "EduConnect",
    "FranceConnect",
    "Thunderbird",
    "Chrome",
    "Safari",
];

/// The fewest lines of content a page holds (its header, footer and the
/// disclaimer aside).
const MIN_LINES: usize = 4;

fn corpus() -> Loaded {
    let root = common::root().join("tests/typography");
    load(&LoadOptions {
        guides_dir: root.join("guides"),
        images_dir: root.join("images"),
    })
    .unwrap_or_else(|d| panic!("the typography corpus does not load: {d:?}"))
}

fn guides(l: &Loaded) -> Vec<&Guide> {
    common::bundled_guides(l)
}

/// One laid-out document of an edition, with where each guide starts.
struct Laid {
    /// e.g. "2up large print".
    edition: String,
    document: Document,
    /// Each guide's id and the index of its first page; pages before the
    /// first are front matter.
    starts: Vec<(String, usize)>,
    warnings: Vec<Diagnostic>,
    /// Body line height of the edition, in points.
    line: f32,
}

/// Every edition of the corpus: sheets (A4, A5, web), packs in every
/// layout, each also in large print.
fn editions(l: &Loaded) -> Vec<Laid> {
    let gs = guides(l);
    let c = &l.collection;
    let mut out = Vec::new();
    let sheets: [(&str, Paper, GuideLinks); 3] = [
        ("A4 sheet", Paper::A4, GuideLinks::Relative),
        ("A5 sheet", Paper::A5, GuideLinks::Relative),
        ("web PDF", Paper::A4, GuideLinks::Base(c.base_url.clone().unwrap_or_default())),
    ];
    for (name, paper, links) in sheets {
        for g in &gs {
            let opts = LayoutOptions {
                paper,
                guide_links: links.clone(),
                ..LayoutOptions::for_collection(c)
            };
            let laid = layout_guide(g, c, &opts);
            out.push(Laid {
                edition: format!("{name} {}", g.id),
                document: laid.document,
                starts: vec![(g.id.clone(), 0)],
                warnings: laid.warnings,
                line: Theme::new(paper, 1.0).body.line_height,
            });
        }
    }
    for layout in PackLayout::ALL {
        for large_print in [false, true] {
            let opts = PackOptions { layout, large_print, ..PackOptions::default() };
            let sets: Vec<Vec<&Guide>> = if layout == PackLayout::Handout {
                gs.iter().map(|g| vec![*g]).collect()
            } else {
                vec![gs.clone()]
            };
            for set in sets {
                let pack =
                    layout_pack_pages(&set, c, Path::new("collection.json"), &opts)
                        .unwrap_or_else(|e| panic!("{layout:?}: {e}"));
                let lp = if large_print { " large print" } else { "" };
                let one = if set.len() == 1 {
                    format!(" {}", set[0].id)
                } else {
                    String::new()
                };
                out.push(Laid {
                    edition: format!("{}{lp}{one}", layout.name()),
                    line: Theme::new(layout.paper(c), pack.scale).body.line_height,
                    starts: pack
                        .starts
                        .iter()
                        .map(|(id, n)| (id.clone(), n - 1))
                        .collect(),
                    document: pack.document,
                    warnings: pack.warnings,
                });
            }
        }
    }
    out
}

/// A line of text as printed: its runs, left to right.
struct Line<'a> {
    page: usize,
    runs: Vec<(&'a TextRun, Mark)>,
}

impl Line<'_> {
    fn text(&self) -> String {
        self.runs.iter().map(|(r, _)| r.text.as_str()).collect()
    }
    fn y(&self) -> f32 {
        self.runs[0].0.y
    }
    fn x(&self) -> f32 {
        self.runs[0].0.x
    }
}

/// The lines of a document in reading order (artifacts left out: footers,
/// repeated table headers, the copies of imposition).
fn lines(doc: &Document) -> Vec<Line<'_>> {
    let mut out: Vec<Line> = Vec::new();
    for (n, page) in doc.pages.iter().enumerate() {
        for p in &page.items {
            let Item::Text(run) = &p.item else { continue };
            if p.mark == Mark::Artifact {
                continue;
            }
            match out.last_mut() {
                Some(l)
                    if l.page == n
                        && (l.y() - run.y).abs() < 0.5
                        && run.x >= l.runs.last().unwrap().0.x - 0.01
                        && block_of(doc, l.runs[0].1) == block_of(doc, p.mark) =>
                {
                    l.runs.push((run, p.mark));
                }
                _ => out.push(Line { page: n, runs: vec![(run, p.mark)] }),
            }
        }
    }
    out
}

/// The paragraph, cell, heading or caption a piece of text belongs to.
fn block_of(doc: &Document, mark: Mark) -> Option<usize> {
    let Mark::Node(mut id) = mark else { return None };
    loop {
        let node = &doc.structure.nodes[id];
        if matches!(
            node.role,
            Role::Paragraph
                | Role::TableCell
                | Role::TableHeader
                | Role::Heading(_)
                | Role::Caption
                | Role::ListBody
        ) {
            return Some(id);
        }
        id = node.parent?;
    }
}

/// Whether the text or picture marked `mark` lies inside node `node`.
fn within(doc: &Document, mark: Mark, node: usize) -> bool {
    let Mark::Node(mut id) = mark else { return false };
    loop {
        if id == node {
            return true;
        }
        match doc.structure.nodes[id].parent {
            Some(p) => id = p,
            None => return false,
        }
    }
}

/// Whether node `id` is (inside) a node whose role matches.
fn inside(doc: &Document, mark: Mark, f: impl Fn(&Role) -> bool) -> bool {
    let Mark::Node(mut id) = mark else { return false };
    loop {
        let node = &doc.structure.nodes[id];
        if f(&node.role) {
            return true;
        }
        match node.parent {
            Some(p) => id = p,
            None => return false,
        }
    }
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '\u{ad}').collect()
}

fn letters_at_end(s: &str) -> String {
    let mut v: Vec<char> = s.chars().rev().take_while(|c| c.is_alphabetic()).collect();
    v.reverse();
    v.into_iter().collect()
}

/// The start of the word a hyphenated line ends with: its letters on this
/// line and on the lines before that end inside it.
fn letters_at_start_of_word(lines: &[Line]) -> String {
    let mut out = String::new();
    for (k, l) in lines.iter().enumerate().rev() {
        let t = l.text();
        let t = t.trim_end_matches('\u{ad}');
        let piece = letters_at_end(t);
        out.insert_str(0, &piece);
        let only_this_word = piece.chars().count() == t.trim_start().chars().count();
        if !only_this_word || k == 0 || !lines[k - 1].text().ends_with('\u{ad}') {
            break;
        }
    }
    out
}

fn letters_at_start(s: &str) -> String {
    s.chars().take_while(|c| c.is_alphabetic()).collect()
}

/// Checks every hyphenated line of `laid`; returns what breaks a rule.
fn hyphenation_faults(
    laid: &Laid,
    exceptions: &BTreeMap<String, Vec<usize>>,
) -> Vec<String> {
    let doc = &laid.document;
    let all = lines(doc);
    let mut faults = Vec::new();
    for (i, line) in all.iter().enumerate() {
        if page_owner(laid, line.page).is_some_and(|(id, _)| id == LAST_RESORT) {
            continue; // its words are cut where nothing else fits
        }
        let text = line.text();
        let Some(body) = text.strip_suffix('\u{ad}') else {
            assert!(
                !text.contains('\u{ad}'),
                "{}: soft hyphen inside {text:?}",
                laid.edition
            );
            continue;
        };
        let Some(next) = all.get(i + 1) else {
            faults.push(format!("{text:?} ends the document with a hyphen"));
            continue;
        };
        let next_text = next.text();
        let (before, after) =
            (letters_at_end(body), letters_at_start(next_text.trim_start()));
        // The whole word, over every line it is hyphenated across.
        let mut whole = format!("{}{after}", letters_at_start_of_word(&all[..=i]));
        let mut k = i + 1;
        while all[k].text().ends_with('\u{ad}')
            && all[k].text().trim_end_matches('\u{ad}').chars().all(char::is_alphabetic)
            && k + 1 < all.len()
        {
            k += 1;
            whole.push_str(&letters_at_start(all[k].text().trim_start()));
        }
        let word = format!("{before}{after}");
        let mut fault =
            |why: &str| faults.push(format!("{before}-{after} ({why}): {text:?}"));
        let (_, mark) = *line.runs.last().unwrap();
        if inside(doc, mark, |r| matches!(r, Role::Heading(_))) {
            fault("in a heading or title");
        }
        if before.chars().count() < 2 || after.chars().count() < 3 {
            fault("fewer than 2 letters before or 3 after");
        }
        if word.chars().count() < 6 {
            fault("word under 6 letters");
        }
        // The whole token: no digit, no address character.
        let token_start = body.rsplit(char::is_whitespace).next().unwrap_or("");
        let token_end =
            next_text.trim_start().split(char::is_whitespace).next().unwrap_or("");
        let token = format!("{token_start}{token_end}");
        let token = token.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '»']);
        if token.chars().any(|c| c.is_ascii_digit() || "@/\\:=?&%#_".contains(c))
            || token.contains('.')
        {
            fault("in a code, an address or a word with digits");
        }
        if word.chars().skip(1).any(char::is_uppercase) {
            fault("a name written with capitals");
        } else if word.chars().next().is_some_and(char::is_uppercase) {
            // Only at the start of a sentence.
            let before_word = &body[..body.len() - before.len()];
            let first_of_block = before_word.trim().is_empty()
                && (i == 0
                    || block_of(doc, all[i - 1].runs[0].1)
                        != block_of(doc, line.runs[0].1));
            let mut prev =
                all[..i].iter().map(|l| l.text()).collect::<Vec<_>>().join(" ");
            prev.push(' ');
            prev.push_str(before_word);
            let last = prev
                .trim_end()
                .trim_end_matches(['«', '(', ' ', '\u{a0}'])
                .chars()
                .last();
            if !first_of_block
                && !last.is_some_and(|c| ".!?…•–◦".contains(c) || c.is_ascii_digit())
            {
                fault("a capitalised word inside a sentence");
            }
        }
        if NAMES.iter().any(|n| n.eq_ignore_ascii_case(&word)) {
            fault("a name");
        }
        if let Some(points) = exceptions.get(&word.to_lowercase()) {
            if !points.contains(&before.chars().count()) {
                fault("not where the collection's list allows");
            }
        }
        // In a table cell, only a word wider than its column.
        if inside(doc, mark, |r| matches!(r, Role::TableCell | Role::TableHeader)) {
            let (run, _) = line.runs.last().unwrap();
            let w = guidepress::layout::shape::measure(&whole, run.font, run.size);
            let room = column_room(doc, &all, line);
            if w <= room {
                fault(&format!("in a cell {room:.1} pt wide, {whole:?} is {w:.1} pt"));
            }
        }
    }
    faults
}

/// The text width of the table column a line lies in: from its left edge
/// to the next column's (the smallest padding taken off), on that page.
fn column_room(doc: &Document, all: &[Line], line: &Line) -> f32 {
    let page = &doc.pages[line.page];
    let size = line.runs[0].0.size;
    let mut edges: Vec<f32> = all
        .iter()
        .filter(|l| l.page == line.page)
        .filter(|l| {
            inside(doc, l.runs[0].1, |r| matches!(r, Role::TableCell | Role::TableHeader))
        })
        .map(|l| l.x())
        .collect();
    edges.sort_by(f32::total_cmp);
    let right = page.content_box.x + page.content_box.w + size * 0.45;
    let next = edges.iter().copied().find(|&e| e > line.x() + 1.0).unwrap_or(right);
    next - line.x() - 2.0 * size * 0.45
}

/// Where each corpus address and code is broken in `laid`: faults for
/// breaks a rule forbids.
fn address_faults(laid: &Laid) -> Vec<String> {
    let mut all = lines(&laid.document);
    all.retain(|l| page_owner(laid, l.page).is_none_or(|(id, _)| id != LAST_RESORT));
    let stream: Vec<char> =
        all.iter().map(|l| l.text()).collect::<Vec<_>>().join("\n").chars().collect();
    let mut faults = Vec::new();
    for (list, split_ok) in [(ADDRESSES, true), (CODES, false)] {
        for addr in list.iter() {
            let want: Vec<char> = addr.chars().collect();
            for start in 0..stream.len() {
                if stream[start] != want[0] {
                    continue;
                }
                // A code stands on its own, not inside an address.
                let prev = start.checked_sub(1).map(|i| stream[i]);
                if !split_ok
                    && prev.is_some_and(|c| c.is_alphanumeric() || "=/&?.-_".contains(c))
                {
                    continue;
                }
                // Match, letting a line break (or a soft hyphen) fall anywhere.
                let (mut i, mut k) = (start, 0);
                let mut breaks = Vec::new();
                let mut hyphenated = false;
                while k < want.len() && i < stream.len() {
                    match stream[i] {
                        '\n' if k > 0 => breaks.push(k),
                        '\u{ad}' => hyphenated = true,
                        c if c == want[k] => k += 1,
                        _ => break,
                    }
                    i += 1;
                }
                if k < want.len() {
                    continue;
                }
                if hyphenated {
                    faults.push(format!("{addr} is hyphenated"));
                }
                if !split_ok && !breaks.is_empty() {
                    faults.push(format!("{addr} is split though it fits a line"));
                }
                let mut last = 0;
                for &b in &breaks {
                    let (p, c) = (want[b - 1], want[b]);
                    let visible = (matches!(p, '/' | '\\') && !matches!(c, '/' | '\\'))
                        || ".?&=-_#%".contains(c);
                    if !visible || b - last < 3 || want.len() - b < 3 {
                        let shown: String = want[..b].iter().collect();
                        faults.push(format!("{addr} broken after {shown:?}"));
                    }
                    last = b;
                }
            }
        }
    }
    faults
}

/// The lines of content of each page (pictures count by their height),
/// the disclaimer left out.
fn page_lines(laid: &Laid, disclaimer: &str) -> Vec<usize> {
    let doc = &laid.document;
    let all = lines(doc);
    let disclaimer = squash(disclaimer);
    let mut counts = vec![0; doc.pages.len()];
    for l in &all {
        let t = squash(&l.text());
        if !t.is_empty() && !disclaimer.contains(&t) {
            counts[l.page] += 1;
        }
    }
    for (n, page) in doc.pages.iter().enumerate() {
        for p in &page.items {
            if let Item::Image { rect, .. } = &p.item {
                if p.mark != Mark::Artifact {
                    counts[n] += (rect.h / laid.line) as usize;
                }
            }
        }
    }
    counts
}

/// Each page's first and last: the guide it belongs to and whether it is
/// the guide's first page (`None` for front matter).
fn page_owner(laid: &Laid, page: usize) -> Option<(&str, bool)> {
    let i = laid.starts.iter().rposition(|(_, s)| *s <= page)?;
    Some((laid.starts[i].0.as_str(), laid.starts[i].1 == page))
}

fn page_faults(laid: &Laid, disclaimer: &str) -> Vec<String> {
    let doc = &laid.document;
    let counts = page_lines(laid, disclaimer);
    let mut faults = Vec::new();
    for (n, page) in doc.pages.iter().enumerate() {
        let content: Vec<_> =
            page.items.iter().filter(|p| p.mark != Mark::Artifact).collect();
        if content.is_empty() {
            continue; // a blank page the duplex or booklet layout asks for
        }
        for p in &content {
            let b = p.item.bbox();
            if !page.content_box.contains(&b) {
                faults
                    .push(format!("page {}: {b:?} outside the page's text area", n + 1));
            }
        }
        let Some((id, first)) = page_owner(laid, n) else { continue };
        if !first && counts[n] < MIN_LINES {
            faults.push(format!("page {} ({id}) holds {} lines", n + 1, counts[n]));
        }
        // The last item is not a heading.
        if content
            .last()
            .is_some_and(|p| inside(doc, p.mark, |r| matches!(r, Role::Heading(_))))
        {
            faults.push(format!("page {} ({id}) ends with a heading", n + 1));
        }
        // A guide's first page is not left a third empty, unless what comes
        // next is a picture taller than what was left (even shrunk).
        let next_is_same = n + 1 < doc.pages.len()
            && page_owner(laid, n + 1).is_some_and(|(g, f)| g == id && !f);
        if first && next_is_same {
            let bx = page.content_box;
            let bottom =
                content.iter().map(|p| p.item.bbox().bottom()).fold(bx.y, f32::max);
            let left = bx.bottom() - bottom;
            // The picture's block: from the top of the page to the bottom
            // of its caption, with the picture a fifth smaller.
            let next = &doc.pages[n + 1];
            let tall_picture = next.items.iter().any(|p| match (&p.item, p.mark) {
                (Item::Image { rect, .. }, Mark::Node(fig))
                    if rect.y < next.content_box.y + left =>
                {
                    let block_bottom = next
                        .items
                        .iter()
                        .filter(|q| within(doc, q.mark, fig))
                        .map(|q| q.item.bbox().bottom())
                        .fold(rect.bottom(), f32::max);
                    block_bottom - next.content_box.y - rect.h * 0.2 > left
                }
                _ => false,
            });
            if left > bx.h / 3.0 && !tall_picture {
                faults.push(format!(
                    "page {} ({id}) is {:.0} % empty before its next page",
                    n + 1,
                    left / bx.h * 100.0
                ));
            }
        }
    }
    faults
}

#[test]
fn every_edition_of_the_corpus_meets_the_typography_rules() {
    assert_rules(&corpus());
}

#[test]
fn every_edition_of_the_bundled_guides_meets_the_typography_rules() {
    assert_rules(&common::bundled());
}

fn assert_rules(l: &Loaded) {
    let disclaimer =
        l.collection.disclaimer.as_ref().map(Inline::plain_text).unwrap_or_default();
    let mut faults = Vec::new();
    let all = editions(l);
    for laid in &all {
        let mut found = hyphenation_faults(laid, &l.collection.hyphenation);
        found.extend(address_faults(laid));
        found.extend(
            laid.warnings
                .iter()
                .filter(|w| w.code == "forced-break")
                .filter(|w| !w.file.ends_with(format!("{LAST_RESORT}.json")))
                .map(|w| w.to_string()),
        );
        found.extend(page_faults(laid, &disclaimer));
        for t in lines(&laid.document).iter().map(Line::text) {
            if t.contains("mailto:") {
                found.push(format!("a mailto: URL printed as text: {t:?}"));
            }
        }
        faults.extend(found.into_iter().map(|f| format!("{}: {f}", laid.edition)));
    }
    assert!(faults.is_empty(), "{} faults:\n{}", faults.len(), faults.join("\n"));
    assert!(all.len() > 30, "{} documents", all.len());
}

#[test]
fn the_corpus_hyphenates_where_the_rules_allow() {
    // The rules do not simply turn hyphenation off: running text is
    // hyphenated in narrow editions, listed words as the list says.
    let l = corpus();
    let mut hyphenated = 0;
    let mut listed = 0;
    for laid in editions(&l) {
        for line in lines(&laid.document) {
            let t = line.text();
            if t.ends_with('\u{ad}') {
                hyphenated += 1;
                let w = letters_at_end(t.trim_end_matches('\u{ad}')).to_lowercase();
                listed += usize::from(
                    ["na", "navi", "naviga", "smart", "news", "newslet"]
                        .contains(&w.as_str()),
                );
            }
        }
    }
    assert!(hyphenated > 50, "only {hyphenated} hyphenated lines");
    assert!(listed > 0, "no listed word was hyphenated");
}

#[test]
fn what_cannot_fit_is_cut_and_reported_by_check() {
    let root = common::root().join("tests/typography");
    let report =
        guidepress::output::check::check(&guidepress::output::check::CheckOptions {
            guides_dir: root.join("guides"),
            images_dir: root.join("images"),
            jobs: Some(1),
        });
    let forced: Vec<&Diagnostic> =
        report.diagnostics.iter().filter(|d| d.code == "forced-break").collect();
    assert!(!forced.is_empty(), "no forced-break warning");
    for d in &forced {
        assert!(d.file.ends_with(format!("{LAST_RESORT}.json")), "{d}");
        assert!(d.path.starts_with("body["), "{d}");
        assert!(d.line.is_some(), "{d} has no line");
        assert!(d.message.en().contains('"'), "{d} names no word");
    }
    assert!(
        forced.iter().any(|d| d.message.en().contains("ADMINISTRATEUR")),
        "{forced:?}"
    );
}

#[test]
fn mailto_links_print_their_address() {
    let l = corpus();
    let g = guides(&l).into_iter().find(|g| g.id == "adresses").unwrap();
    let opts = PackOptions { layout: PackLayout::Handout, ..PackOptions::default() };
    let pack =
        layout_pack_pages(&[g], &l.collection, Path::new("c.json"), &opts).unwrap();
    let text: String = lines(&pack.document).iter().map(|l| l.text() + "\n").collect();
    assert!(text.contains("secretariat-vie-scolaire@example.org"), "{text}");
    assert!(!text.contains("mailto:") && !text.contains("subject="), "{text}");
    // The QR code keeps the whole URL: its link does.
    let uris: Vec<String> = pack
        .document
        .pages
        .iter()
        .flat_map(|p| &p.links)
        .filter_map(|l| match &l.dest {
            guidepress::layout::LinkDest::Uri(u) => Some(u.clone()),
            _ => None,
        })
        .collect();
    assert!(
        uris.iter().any(|u| u.starts_with("mailto:") && u.contains("subject=")),
        "{uris:?}"
    );
}

/// A guide of one block.
fn one_block(block: Block) -> Guide {
    let l = corpus();
    let mut g = guides(&l)[0].clone();
    g.body = vec![guidepress::model::Located { value: block, path: "body[0]".into() }];
    g.file = PathBuf::from("x.json");
    g
}

#[test]
fn line_layout_time_grows_linearly_with_breaks() {
    // A paragraph of 5000 line breaks took over a minute; the generous
    // bound below holds in a debug build on a loaded machine.
    let l = corpus();
    for text in ["\n".repeat(5000), "\n ".repeat(5000), "mot\n".repeat(5000)] {
        let cases = [
            Block::Paragraph { text: Inline::plain(text.clone()) },
            Block::Table {
                header: None,
                rows: vec![vec![Inline::plain("a"), Inline::plain(text.clone())]],
                columns: Vec::new(),
            },
        ];
        for block in cases {
            let g = one_block(block);
            let t = Instant::now();
            let laid = layout_guide(
                &g,
                &l.collection,
                &LayoutOptions::for_collection(&l.collection),
            );
            assert!(!laid.document.pages.is_empty());
            assert!(t.elapsed() < Duration::from_secs(20), "{:?}", t.elapsed());
        }
    }
}

#[test]
fn a_picture_is_drawn_smaller_rather_than_leave_the_first_page_a_third_empty() {
    // On the A5 handout, the first step's picture would leave the first
    // page 40 % empty; drawn a little smaller, it fits there.
    let l = corpus();
    let g = guides(&l).into_iter().find(|g| g.id == "premiere-page").unwrap();
    let opts = PackOptions { layout: PackLayout::Handout, ..PackOptions::default() };
    let pack =
        layout_pack_pages(&[g], &l.collection, Path::new("c.json"), &opts).unwrap();
    let widths: Vec<(usize, f32)> = pack
        .document
        .pages
        .iter()
        .enumerate()
        .flat_map(|(n, p)| {
            p.items.iter().filter_map(move |i| match &i.item {
                Item::Image { rect, .. } => Some((n, rect.w)),
                _ => None,
            })
        })
        .collect();
    // Both pictures have the same size and width in the guide.
    let [(p1, w1), (_, w2)] = widths[..] else { panic!("{widths:?}") };
    assert_eq!(p1, 0, "the first picture is on the first page");
    assert!(w1 < w2 * 0.99 && w1 >= w2 * 0.8 - 0.01, "{w1} vs {w2}");
}
