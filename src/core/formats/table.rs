//! Reading and writing delimited tables: the shared layer under the CSV edge
//! list, node list, adjacency matrix and survey exports. Knows delimiters,
//! line numbers, per-column type inference and spreadsheet-safe cells; knows
//! nothing about networks.

use super::report::{ImportReport, IssueKind};
use super::text::{self, csv_safe};
use super::ImportError;
use crate::core::network::AttrValue;

/// A table as read: the header and each data row with its 1-based line.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<(usize, Vec<String>)>,
}

impl Table {
    /// The index of the first header cell matching one of `names`, ignoring case.
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.header
            .iter()
            .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
    }
}

/// Picks `,`, `;` or tab from the first line: Excel in much of Europe writes
/// `;`. Shared by every CSV reader (networks, the place list).
pub(crate) fn delimiter(first_line: &str) -> u8 {
    let count = |c| first_line.matches(c).count();
    let (commas, semis, tabs) = (count(','), count(';'), count('\t'));
    if tabs > commas && tabs >= semis {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

/// Reads a table with a header row from file bytes.
///
/// Rows longer than the header are skipped (reported); shorter rows are padded
/// with empty cells, as spreadsheets drop trailing empties. Cells an exporter
/// protected against formula injection (`'=...`) get their quote removed.
///
/// Complexity: O(n) in the file size.
pub fn read(bytes: &[u8], report: &mut ImportReport) -> Result<Table, ImportError> {
    let text = text::decode(bytes)?;
    let first = text.lines().next().unwrap_or("");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(first))
        .from_reader(text.as_bytes());
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(&e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cells: Vec<String> = record.iter().map(unprotect).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        match &header {
            None => header = Some(cells.iter().map(|c| c.trim().to_owned()).collect()),
            Some(h)
                if cells.len() > h.len()
                    && cells[h.len()..].iter().any(|c| !c.trim().is_empty()) =>
            {
                report.note(
                    IssueKind::BadRecord,
                    line,
                    format!("{} cells, header has {}", cells.len(), h.len()),
                );
            }
            Some(h) => {
                let mut cells = cells;
                cells.resize(h.len(), String::new());
                rows.push((line, cells));
            }
        }
    }
    let header = header.ok_or_else(|| ImportError::Invalid("the CSV file is empty".into()))?;
    Ok(Table { header, rows })
}

fn csv_error(e: &csv::Error) -> ImportError {
    let message = format!("could not read the CSV file: {e}");
    match e.position() {
        Some(p) => ImportError::At {
            line: p.line() as usize,
            column: 1,
            message,
        },
        None => ImportError::Invalid(message),
    }
}

fn unprotect(cell: &str) -> String {
    match cell.strip_prefix('\'') {
        Some(rest) if text::starts_formula(rest.trim_start_matches('\'')) => rest.to_owned(),
        _ => cell.to_owned(),
    }
}

/// The type a column of cells holds: the narrowest of int, float, bool, text
/// that fits every non-empty cell (Gephi's and pandas' rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    Int,
    Float,
    Bool,
    Str,
}

/// Infers the type of one column from its cells.
pub fn infer<'a>(cells: impl Iterator<Item = &'a str>) -> ColumnType {
    let (mut int, mut float, mut boolean, mut any) = (true, true, true, false);
    for c in cells.map(str::trim).filter(|c| !c.is_empty()) {
        any = true;
        int &= parse_int(c).is_some();
        float &= parse_float(c).is_some();
        boolean &= parse_bool(c).is_some();
        if !(int || float || boolean) {
            return ColumnType::Str;
        }
    }
    match (any, int, float, boolean) {
        (false, ..) => ColumnType::Str,
        (_, true, ..) => ColumnType::Int,
        (_, _, true, _) => ColumnType::Float,
        (_, _, _, true) => ColumnType::Bool,
        _ => ColumnType::Str,
    }
}

/// An integer without leading zeros ("007" is a code, not a number).
pub fn parse_int(s: &str) -> Option<i64> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    if digits.len() > 1 && digits.starts_with('0') {
        return None;
    }
    s.parse().ok()
}

/// A number written with digits ("inf" and "nan" alone are words).
pub fn parse_float(s: &str) -> Option<f64> {
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = s.trim_start_matches(['-', '+']);
    if digits.len() > 1 && digits.starts_with('0') && !digits[1..].starts_with(['.', 'e', 'E']) {
        return None;
    }
    s.parse().ok()
}

pub fn parse_bool(s: &str) -> Option<bool> {
    if s.eq_ignore_ascii_case("true") {
        Some(true)
    } else if s.eq_ignore_ascii_case("false") {
        Some(false)
    } else {
        None
    }
}

/// A cell as a value of its column's type; `None` for an empty cell.
pub fn value(cell: &str, ty: ColumnType) -> Option<AttrValue> {
    let t = cell.trim();
    if t.is_empty() {
        return None;
    }
    Some(match ty {
        ColumnType::Int => parse_int(t).map_or_else(|| AttrValue::Str(cell.into()), AttrValue::Int),
        ColumnType::Float => {
            parse_float(t).map_or_else(|| AttrValue::Str(cell.into()), AttrValue::Float)
        }
        ColumnType::Bool => {
            parse_bool(t).map_or_else(|| AttrValue::Str(cell.into()), AttrValue::Bool)
        }
        ColumnType::Str => AttrValue::Str(cell.into()),
    })
}

/// A value as a spreadsheet-safe cell.
pub fn cell(v: &AttrValue) -> String {
    match v {
        AttrValue::Bool(b) => b.to_string(),
        AttrValue::Int(i) => i.to_string(),
        AttrValue::Float(f) => text::float(*f),
        AttrValue::Str(s) => csv_safe(s).into_owned(),
    }
}

/// Writes rows as RFC 4180 CSV (quoted where needed, `\n` line ends).
pub fn write<I, R, S>(rows: I) -> String
where
    I: IntoIterator<Item = R>,
    R: IntoIterator<Item = S>,
    S: AsRef<[u8]>,
{
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    for row in rows {
        // Writing into a Vec cannot fail.
        let _ = w.write_record(row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn infers_column_types_like_pandas() {
        assert_eq!(infer(["1", "-2", ""].into_iter()), ColumnType::Int);
        assert_eq!(infer(["1", "2.5"].into_iter()), ColumnType::Float);
        assert_eq!(infer(["true", "FALSE"].into_iter()), ColumnType::Bool);
        assert_eq!(infer(["007", "12"].into_iter()), ColumnType::Str);
        assert_eq!(infer(["nan"].into_iter()), ColumnType::Str);
        assert_eq!(infer(["0.5", "1e3"].into_iter()), ColumnType::Float);
    }

    #[test]
    fn reads_semicolon_tables_and_reports_long_rows() {
        let mut r = ImportReport::default();
        let t = read(b"a;b\n1;2\n3;4;5\n6\n", &mut r).unwrap();
        assert_eq!(t.header, ["a", "b"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1], (4, vec!["6".to_string(), String::new()]));
        assert_eq!(r.count(IssueKind::BadRecord), 1);
        assert_eq!(r.issues[0].lines, [3]);
    }

    #[test]
    fn protected_cells_read_back_unprotected() {
        let mut r = ImportReport::default();
        let out = write([
            ["'=x".to_string()],
            [cell(&AttrValue::Str("=SUM(A1)".into()))],
        ]);
        let t = read(out.as_bytes(), &mut r).unwrap();
        assert_eq!(t.rows[0].1, ["=SUM(A1)"]);
    }
}
