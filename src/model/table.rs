//! Tables: header, rows of one length, and the columns' widths and alignment.

use serde_json::Value;

use super::check::Checker;
use super::raw::{from_value, json_kind, kind_msg, RawColumn, COLUMN_FIELDS};
use super::spans::{join_index, join_key};
use super::types::{Align, Block, Column, Inline};
use super::values::suggest;
use crate::msg;

/// The values of a column's `align`.
pub const ALIGNS: &[&str] = &["left", "center", "right"];

/// Tolerance when adding up column widths (written with a few decimals).
const EPS: f64 = 1e-6;

/// Most columns a table may have: each still holds about three characters
/// a line in the narrowest edition (large print on A5 pages).
pub const MAX_TABLE_COLUMNS: usize = 12;

/// A table: optional header, rows all of one length.
pub fn table(
    c: &mut Checker<'_>,
    path: &str,
    header: Option<&Vec<String>>,
    rows: Option<&Vec<Vec<String>>>,
    columns: Option<&Vec<Value>>,
) -> Option<Block> {
    let header_path = join_key(path, "header");
    let rows_path = join_key(path, "rows");
    let header: Option<Vec<Inline>> = header.map(|h| {
        if h.is_empty() {
            let help = Some(msg!("table-empty-header-help"));
            c.fail("table-shape", &header_path, msg!("table-empty-header"), help);
        }
        cells(c, &header_path, h)
    });
    let Some(rows) = rows else {
        c.missing(path, "rows", &msg!("what-block", block = "table"));
        return None;
    };
    if rows.is_empty() {
        c.fail("empty", &rows_path, msg!("table-no-rows"), None);
        return None;
    }
    let (width, from) = match &header {
        Some(h) => (h.len(), msg!("table-the-header")),
        None => (rows[0].len(), msg!("table-row-one")),
    };
    if width > MAX_TABLE_COLUMNS {
        let at = if header.is_some() { header_path } else { join_index(&rows_path, 0) };
        let message = msg!("too-many-columns", width = width, max = MAX_TABLE_COLUMNS);
        let help = msg!("too-many-columns-help");
        c.fail("too-many-columns", &at, message, Some(help));
        return None;
    }
    let mut out = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let row_path = join_index(&rows_path, i);
        if row.is_empty() {
            c.fail("table-shape", &row_path, msg!("table-row-empty", row = i + 1), None);
        } else if row.len() != width && width > 0 {
            let message = msg!(
                "table-row-width",
                row = i + 1,
                cells = row.len(),
                from = from.clone(),
                width = width
            );
            let help = Some(msg!("table-row-width-help"));
            c.fail("table-shape", &row_path, message, help);
        }
        out.push(cells(c, &row_path, row));
    }
    let columns = match columns {
        Some(list) => self::columns(c, &join_key(path, "columns"), list, width),
        None => Vec::new(),
    };
    Some(Block::Table { header, rows: out, columns })
}

fn cells(c: &mut Checker<'_>, path: &str, cells: &[String]) -> Vec<Inline> {
    cells
        .iter()
        .enumerate()
        .map(|(i, cell)| {
            c.inline_or_empty(&join_index(path, i), cell).unwrap_or_default()
        })
        .collect()
}

/// The `columns` at `path` of a table of `count` columns.
fn columns(
    c: &mut Checker<'_>,
    path: &str,
    values: &[Value],
    count: usize,
) -> Vec<Column> {
    if values.len() != count {
        let message = msg!("columns-count", given = values.len(), count = count);
        let help = Some(msg!("columns-count-help"));
        c.fail("table-shape", path, message, help);
    }
    let mut out = Vec::new();
    for (i, v) in values.iter().enumerate() {
        let at = join_index(path, i);
        if !v.is_object() {
            let message = msg!("column-type", found = kind_msg(json_kind(v)));
            c.fail("wrong-type", &at, message, None);
            continue;
        }
        let (raw, problems) = from_value::<RawColumn>(v, &at);
        for p in &problems {
            c.report.raw_problem(p, COLUMN_FIELDS);
        }
        let Some(raw) = raw else { continue };
        let width = raw.width.as_ref().and_then(|n| {
            let w = n.as_f64().unwrap_or(f64::NAN);
            if w > 0.0 && w <= 1.0 {
                return Some(w as f32);
            }
            let message = msg!("column-width-range", width = n.to_string());
            let help = Some(msg!("column-width-range-help"));
            c.fail("out-of-range", &join_key(&at, "width"), message, help);
            None
        });
        let align = match raw.align.as_deref() {
            None | Some("left") => Align::Left,
            Some("center") => Align::Center,
            Some("right") => Align::Right,
            Some(a) => {
                let message = msg!("column-align-unknown", align = a);
                c.fail(
                    "bad-value",
                    &join_key(&at, "align"),
                    message,
                    Some(suggest(a, ALIGNS)),
                );
                Align::Left
            }
        };
        out.push(Column { width, align });
    }
    let given: Vec<f64> = values
        .iter()
        .filter_map(|v| v.get("width").and_then(Value::as_f64))
        .filter(|w| *w > 0.0 && *w <= 1.0)
        .collect();
    let sum: f64 = given.iter().sum();
    let open = out.iter().filter(|col| col.width.is_none()).count();
    if sum > 1.0 + EPS {
        let message = msg!("column-widths-over", sum = round(sum));
        let help = Some(msg!("column-widths-over-help"));
        c.fail("column-widths", path, message, help);
    } else if sum > 1.0 - EPS && open > 0 {
        let message = msg!("column-widths-full", open = open);
        let help = Some(msg!("column-widths-full-help"));
        c.fail("column-widths", path, message, help);
    }
    out
}

/// A sum of widths as a reader would write it (no float noise).
fn round(v: f64) -> String {
    let s = format!("{v:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::super::testkit::{
        assert_block_errors, first_error, load_project, test_project, Case, Expected,
    };
    use super::super::types::{Align, Block, Column};

    fn table(columns: &str) -> String {
        format!(
            r#"{{"type": "table", "header": ["a", "b", "c"], "rows": [["1", "2", "3"]], "columns": {columns}}}"#
        )
    }

    #[test]
    fn column_errors_are_located() {
        let blocks: Vec<(String, Expected)> = vec![
            (table(r#"[{"width": 0.5}, {}, {"align": "right"}]"#), vec![]),
            (table(r#"[{"width": 0.5}, {"width": 0.25}, {"width": 0.25}]"#), vec![]),
            (table(r#"[{"width": 0.2}, {"width": 0.3}, {"width": 0.1}]"#), vec![]),
            (table(r#"[{}, {}]"#), vec![("table-shape", "body[0].columns", "[{}")]),
            (table(r#"[]"#), vec![("table-shape", "body[0].columns", "[]")]),
            (
                table(r#"[{"width": 0.7}, {"width": 0.5}, {}]"#),
                vec![("column-widths", "body[0].columns", "[{\"width\": 0.7")],
            ),
            (
                table(r#"[{"width": 0.5}, {"width": 0.5}, {}]"#),
                vec![("column-widths", "body[0].columns", "[{\"width\": 0.5")],
            ),
            (
                table(r#"[{"width": 0}, {}, {}]"#),
                vec![("out-of-range", "body[0].columns[0].width", "0}")],
            ),
            (
                table(r#"[{"width": 1.5}, {}, {}]"#),
                vec![("out-of-range", "body[0].columns[0].width", "1.5")],
            ),
            (
                table(r#"[{"align": "centre"}, {}, {}]"#),
                vec![("bad-value", "body[0].columns[0].align", "\"centre\"")],
            ),
            (
                table(r#"[{"wide": true}, {}, {}]"#),
                vec![("unknown-field", "body[0].columns[0].wide", "\"wide\"")],
            ),
            (
                table(r#"[0.5, {}, {}]"#),
                vec![("wrong-type", "body[0].columns[0]", "0.5")],
            ),
        ];
        let table: Vec<Case> =
            blocks.iter().map(|(b, e)| (b.as_str(), e.as_slice())).collect();
        assert_block_errors("columns", &table);
    }

    #[test]
    fn width_messages_add_up() {
        let (m, _) = first_error(
            "column-messages",
            &table(r#"[{"width": 0.7}, {"width": 0.45}, {}]"#),
            "column-widths",
        );
        assert_eq!(m, "the column widths add up to 1.15, more than the whole table (1)");
        let (m, h) = first_error(
            "column-messages",
            &table(r#"[{"width": 0.5}, {"width": 0.5}, {}]"#),
            "column-widths",
        );
        assert_eq!(m, "the column widths add up to 1 and leave nothing for the 1 column without one");
        assert!(h.unwrap().contains("give every column a width"));
        let (m, h) = first_error(
            "column-messages",
            &table(r#"[{"align": "centre"}, {}, {}]"#),
            "bad-value",
        );
        assert_eq!(
            (m.as_str(), h.as_deref()),
            ("unknown alignment \"centre\"", Some("did you mean \"center\"?"))
        );
    }

    #[test]
    fn builds_columns() {
        let project = test_project("columns-built");
        project.guide("g.json", super::super::testkit::guide_with(&table(r#"[{"width": 0.5}, {"align": "center"}, {"align": "right", "width": null}]"#)));
        let loaded = load_project(&project).expect("loads");
        let guide = loaded.guides[0].result.as_ref().expect("builds");
        let Block::Table { columns, .. } = &guide.body[0].value else { panic!() };
        assert_eq!(
            columns,
            &[
                Column { width: Some(0.5), align: Align::Left },
                Column { width: None, align: Align::Center },
                Column { width: None, align: Align::Right },
            ]
        );
    }
}
