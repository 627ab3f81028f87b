//! The facilitator's place list as CSV: `name,category,description,x,y`.
//!
//! The header names the columns (any order, any case; `name` and `category`
//! are required, `description`, `x` and `y` optional, other columns are
//! reported as ignored). `x` and `y` are where the place sits on the map
//! picture, as fractions of its width and height (0 = left/top, 1 =
//! right/bottom); both or neither. Excel's `;`-separated files (with decimal
//! commas) and tab-separated files are read too.
//!
//! Parsing never changes anything: it returns the rows for a preview, or
//! every problem found, each with its 1-based line, so the facilitator can
//! fix the file in one go. Problems are data (an enum), worded by the i18n
//! layer.

use crate::core::formats::table::delimiter;
use crate::core::formats::{text, ImportError};
use crate::core::model::{name_key, MapPin, PlaceCategory};
use std::collections::BTreeMap;

/// Files larger than this are refused before parsing (a place list of a
/// thousand places is about 100 KB).
pub const MAX_CSV_BYTES: usize = 4 * 1024 * 1024;
/// More places than this is not a local list; the palette would be unusable.
pub const MAX_PLACES: usize = 1000;
/// Longest name and description kept (characters).
pub const MAX_NAME_CHARS: usize = 120;
pub const MAX_DESCRIPTION_CHARS: usize = 500;
/// Problems listed at most; the rest are counted.
pub const MAX_PROBLEMS: usize = 20;

/// One place as read from the file.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceRow {
    pub line: usize,
    pub name: String,
    pub category: PlaceCategory,
    pub description: String,
    pub pin: Option<MapPin>,
}

/// A file that read cleanly.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceCsv {
    pub rows: Vec<PlaceRow>,
    /// Header cells that are not one of the five columns.
    pub ignored_columns: Vec<String>,
}

/// What is wrong with one line of the file.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file is empty or holds only blank lines.
    Empty,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Not UTF-8 (`latin1` when the byte looks like an accented letter from
    /// an old spreadsheet).
    NotUtf8 {
        byte: u8,
        latin1: bool,
    },
    /// NUL bytes: UTF-16 saved without a byte-order mark, or a binary file.
    NotText,
    /// The CSV itself is broken (an unclosed quote...).
    Malformed {
        detail: String,
    },
    MissingColumn {
        column: &'static str,
        header: String,
    },
    DuplicateColumn {
        column: String,
    },
    TooManyCells {
        found: usize,
        expected: usize,
    },
    EmptyName,
    NameTooLong {
        chars: usize,
    },
    DescriptionTooLong {
        chars: usize,
    },
    EmptyCategory,
    UnknownCategory {
        value: String,
    },
    BadNumber {
        column: &'static str,
        value: String,
    },
    OutOfRange {
        column: &'static str,
        value: String,
    },
    /// `x` given without `y` or the other way round.
    HalfPin {
        missing: &'static str,
    },
    DuplicateName {
        name: String,
        first_line: usize,
    },
    TooManyPlaces {
        limit: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct CsvProblem {
    /// 1-based; 0 when the problem is the whole file (too large).
    pub line: usize,
    pub kind: ProblemKind,
}

/// Every problem found (at most [`MAX_PROBLEMS`]) and how many there were.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvProblems {
    pub problems: Vec<CsvProblem>,
    pub total: usize,
}

impl CsvProblems {
    pub fn one(line: usize, kind: ProblemKind) -> Self {
        Self {
            problems: vec![CsvProblem { line, kind }],
            total: 1,
        }
    }

    fn push(&mut self, line: usize, kind: ProblemKind) {
        self.total += 1;
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(CsvProblem { line, kind });
        }
    }

    /// The first problem (there is always one).
    pub fn first(&self) -> Option<&CsvProblem> {
        self.problems.first()
    }
}

/// Category names a facilitator may write, in English, ignoring case.
fn category(value: &str) -> Option<PlaceCategory> {
    let v = name_key(value).replace(['-', '_'], " ");
    Some(match v.as_str() {
        "venue" | "place" | "places" | "building" => PlaceCategory::Venue,
        "group" | "groups" | "activity" | "activities" | "group or activity" | "club" => {
            PlaceCategory::Group
        }
        "service" | "services" => PlaceCategory::Service,
        "information" | "information source" | "info" | "news" | "news and information" => {
            PlaceCategory::Information
        }
        "online" | "online group" | "website" => PlaceCategory::Online,
        _ => return None,
    })
}

struct Columns {
    name: usize,
    category: usize,
    description: Option<usize>,
    x: Option<usize>,
    y: Option<usize>,
    width: usize,
    ignored: Vec<String>,
}

fn columns(header: &[String], problems: &mut CsvProblems) -> Option<Columns> {
    let mut found: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut ignored = Vec::new();
    for (i, cell) in header.iter().enumerate() {
        let key = match name_key(cell).as_str() {
            "name" | "place" => "name",
            "category" | "type" | "kind" => "category",
            "description" => "description",
            "x" => "x",
            "y" => "y",
            _ => {
                if !cell.trim().is_empty() {
                    ignored.push(cell.trim().to_string());
                }
                continue;
            }
        };
        if found.insert(key, i).is_some() {
            problems.push(
                1,
                ProblemKind::DuplicateColumn {
                    column: cell.trim().to_string(),
                },
            );
        }
    }
    for required in ["name", "category"] {
        if !found.contains_key(required) {
            problems.push(
                1,
                ProblemKind::MissingColumn {
                    column: required,
                    header: header.join(","),
                },
            );
        }
    }
    if found.contains_key("x") != found.contains_key("y") {
        let missing = if found.contains_key("x") { "y" } else { "x" };
        problems.push(
            1,
            ProblemKind::MissingColumn {
                column: missing,
                header: header.join(","),
            },
        );
    }
    Some(Columns {
        name: *found.get("name")?,
        category: *found.get("category")?,
        description: found.get("description").copied(),
        x: found.get("x").copied(),
        y: found.get("y").copied(),
        width: header.len(),
        ignored,
    })
}

fn fraction(
    cell: &str,
    column: &'static str,
    decimal_comma: bool,
) -> Result<Option<f64>, ProblemKind> {
    let t = cell.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let normalised = if decimal_comma {
        t.replace(',', ".")
    } else {
        t.to_string()
    };
    let v: f64 = normalised.parse().map_err(|_| ProblemKind::BadNumber {
        column,
        value: t.to_string(),
    })?;
    if !v.is_finite() || !(0.0..=1.0).contains(&v) {
        return Err(ProblemKind::OutOfRange {
            column,
            value: t.to_string(),
        });
    }
    Ok(Some(v))
}

fn row(
    line: usize,
    cells: &[String],
    cols: &Columns,
    decimal_comma: bool,
) -> Result<PlaceRow, Vec<ProblemKind>> {
    let mut problems = Vec::new();
    let cell = |i: Option<usize>| i.and_then(|i| cells.get(i)).map_or("", |c| c.trim());
    let name = cell(Some(cols.name)).split_whitespace().collect::<Vec<_>>();
    let name = name.join(" ");
    let chars = name.chars().count();
    if name.is_empty() {
        problems.push(ProblemKind::EmptyName);
    } else if chars > MAX_NAME_CHARS {
        problems.push(ProblemKind::NameTooLong { chars });
    }
    let cat_text = cell(Some(cols.category));
    let category = if cat_text.is_empty() {
        problems.push(ProblemKind::EmptyCategory);
        None
    } else {
        let c = category(cat_text);
        if c.is_none() {
            problems.push(ProblemKind::UnknownCategory {
                value: cat_text.chars().take(40).collect(),
            });
        }
        c
    };
    let description = cell(cols.description).to_string();
    let dchars = description.chars().count();
    if dchars > MAX_DESCRIPTION_CHARS {
        problems.push(ProblemKind::DescriptionTooLong { chars: dchars });
    }
    let mut coord = |i: Option<usize>, column| match fraction(cell(i), column, decimal_comma) {
        Ok(v) => v,
        Err(p) => {
            problems.push(p);
            None
        }
    };
    let (x, y) = (coord(cols.x, "x"), coord(cols.y, "y"));
    let pin = match (x, y, cell(cols.x).is_empty(), cell(cols.y).is_empty()) {
        (Some(x), Some(y), _, _) => Some(MapPin { x, y }),
        (Some(_), None, _, true) => {
            problems.push(ProblemKind::HalfPin { missing: "y" });
            None
        }
        (None, Some(_), true, _) => {
            problems.push(ProblemKind::HalfPin { missing: "x" });
            None
        }
        _ => None,
    };
    match (problems.is_empty(), category) {
        (true, Some(category)) => Ok(PlaceRow {
            line,
            name,
            category,
            description,
            pin,
        }),
        _ => Err(problems),
    }
}

fn line_of(bytes: &[u8], offset: usize) -> usize {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

fn utf8(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, CsvProblems> {
    std::str::from_utf8(bytes)
        .map(std::borrow::Cow::Borrowed)
        .map_err(|e| {
            let at = e.valid_up_to();
            let byte = bytes.get(at).copied().unwrap_or(0);
            CsvProblems::one(
                line_of(bytes, at),
                ProblemKind::NotUtf8 {
                    byte,
                    latin1: byte >= 0x80,
                },
            )
        })
}

fn decode(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, CsvProblems> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    // UTF-16 with a byte-order mark is what Excel's "Unicode text" writes:
    // read it.
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return text::decode(bytes).map_err(|e| {
            let line = match &e {
                ImportError::At { line, .. } => *line,
                _ => 1,
            };
            CsvProblems::one(
                line,
                ProblemKind::Malformed {
                    detail: e.to_string(),
                },
            )
        });
    }
    // Without a mark, NULs give UTF-16 away (so do binary files).
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(CsvProblems::one(line_of(bytes, at), ProblemKind::NotText));
    }
    utf8(bytes)
}

/// Reads a place list.
///
/// # Returns
/// The places in file order, or every problem found (each naming its line);
/// nothing is half-read: one bad row means no rows.
///
/// # Complexity
/// O(n) in the file size.
pub fn parse_places(bytes: &[u8]) -> Result<PlaceCsv, CsvProblems> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(CsvProblems::one(
            0,
            ProblemKind::TooLarge {
                bytes: bytes.len(),
                limit: MAX_CSV_BYTES,
            },
        ));
    }
    let text = decode(bytes)?;
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delim = delimiter(first);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(text.as_bytes());
    let mut problems = CsvProblems {
        problems: Vec::new(),
        total: 0,
    };
    let mut cols: Option<Columns> = None;
    let mut rows: Vec<PlaceRow> = Vec::new();
    let mut names: BTreeMap<String, usize> = BTreeMap::new();
    let mut data_rows = 0usize;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(1, |p| p.line() as usize);
                problems.push(
                    line,
                    ProblemKind::Malformed {
                        detail: e.to_string(),
                    },
                );
                break;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        let cells: Vec<String> = record.iter().map(|c| c.to_string()).collect();
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let Some(c) = &cols else {
            match columns(&cells, &mut problems) {
                Some(c) if problems.total == 0 => cols = Some(c),
                _ => return Err(problems),
            }
            continue;
        };
        data_rows += 1;
        if data_rows > MAX_PLACES {
            problems.push(line, ProblemKind::TooManyPlaces { limit: MAX_PLACES });
            break;
        }
        if cells.len() > c.width && cells[c.width..].iter().any(|x| !x.trim().is_empty()) {
            problems.push(
                line,
                ProblemKind::TooManyCells {
                    found: cells.len(),
                    expected: c.width,
                },
            );
            continue;
        }
        match row(line, &cells, c, delim == b';') {
            Ok(r) => {
                let key = name_key(&r.name);
                if let Some(&first_line) = names.get(&key) {
                    problems.push(
                        line,
                        ProblemKind::DuplicateName {
                            name: r.name.clone(),
                            first_line,
                        },
                    );
                } else {
                    names.insert(key, line);
                    rows.push(r);
                }
            }
            Err(kinds) => {
                for k in kinds {
                    problems.push(line, k);
                }
            }
        }
    }
    let Some(cols) = cols else {
        return Err(CsvProblems::one(1, ProblemKind::Empty));
    };
    if problems.total > 0 {
        return Err(problems);
    }
    if rows.is_empty() {
        return Err(CsvProblems::one(2, ProblemKind::Empty));
    }
    Ok(PlaceCsv {
        rows,
        ignored_columns: cols.ignored,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(bytes: &[u8]) -> Vec<(usize, ProblemKind)> {
        parse_places(bytes)
            .unwrap_err()
            .problems
            .into_iter()
            .map(|p| (p.line, p.kind))
            .collect()
    }

    #[test]
    fn reads_every_column_and_optional_pins() {
        let csv = "name,category,description,x,y\n\
                   Murton Library,information,Books and notices,0.25,0.5\n\
                   \"Knit, Natter\",Group,,,\n";
        let out = parse_places(csv.as_bytes()).unwrap();
        assert_eq!(out.rows.len(), 2);
        assert_eq!(out.rows[0].pin, Some(MapPin { x: 0.25, y: 0.5 }));
        assert_eq!(out.rows[0].category, PlaceCategory::Information);
        assert_eq!(out.rows[1].name, "Knit, Natter");
        assert_eq!(out.rows[1].pin, None);
        assert_eq!(out.rows[1].line, 3);
    }

    #[test]
    fn columns_in_any_order_and_excel_semicolons() {
        let csv = "Category;Name;X;Y;Notes\nvenue;Park;0,5;0,75;ignored\n";
        let out = parse_places(csv.as_bytes()).unwrap();
        assert_eq!(out.rows[0].pin, Some(MapPin { x: 0.5, y: 0.75 }));
        assert_eq!(out.ignored_columns, vec!["Notes".to_string()]);
    }

    #[test]
    fn missing_column_names_line_one() {
        assert_eq!(
            kinds(b"name,description\nPark,nice\n"),
            vec![(
                1,
                ProblemKind::MissingColumn {
                    column: "category",
                    header: "name,description".into()
                }
            )]
        );
    }

    #[test]
    fn every_bad_row_is_listed_with_its_line() {
        let csv = "name,category,description,x,y\nPark,venue,,0.1,0.2\nPub,bar,,abc,0.3\n,venue,,,\nHall,venue,,1.5,\n";
        assert_eq!(
            kinds(csv.as_bytes()),
            vec![
                (
                    3,
                    ProblemKind::UnknownCategory {
                        value: "bar".into()
                    }
                ),
                (
                    3,
                    ProblemKind::BadNumber {
                        column: "x",
                        value: "abc".into()
                    }
                ),
                (4, ProblemKind::EmptyName),
                (
                    5,
                    ProblemKind::OutOfRange {
                        column: "x",
                        value: "1.5".into()
                    }
                ),
            ]
        );
    }

    #[test]
    fn half_a_pin_and_duplicates_are_refused() {
        let csv = "name,category,x,y\nPark,venue,0.5,\nHall,venue,,\nhall ,venue,,\n";
        assert_eq!(
            kinds(csv.as_bytes()),
            vec![
                (2, ProblemKind::HalfPin { missing: "y" }),
                (
                    4,
                    ProblemKind::DuplicateName {
                        name: "hall".into(),
                        first_line: 3
                    }
                ),
            ]
        );
    }

    #[test]
    fn latin1_names_its_line() {
        assert_eq!(
            kinds(b"name,category\nPark,venue\nCaf\xE9,venue\n"),
            vec![(
                3,
                ProblemKind::NotUtf8 {
                    byte: 0xE9,
                    latin1: true
                }
            )]
        );
    }

    #[test]
    fn utf16_without_a_mark_is_not_text_but_with_one_is_read() {
        let text = "name,category\nPark,venue\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(kinds(&le), vec![(1, ProblemKind::NotText)]);
        let with_bom: Vec<u8> = [0xFF, 0xFE].into_iter().chain(le).collect();
        assert_eq!(parse_places(&with_bom).unwrap().rows[0].name, "Park");
    }

    #[test]
    fn junk_and_empty_files_are_refused() {
        let junk: Vec<u8> = (0..2_000_000u32)
            .map(|i| b"qz,;\"x\n "[(i.wrapping_mul(2_654_435_761) >> 29) as usize % 8])
            .collect();
        let err = parse_places(&junk).unwrap_err();
        assert!(err.first().is_some_and(|p| p.line >= 1), "{err:?}");
        assert_eq!(kinds(b""), vec![(1, ProblemKind::Empty)]);
        assert_eq!(kinds(b"name,category\n\n"), vec![(2, ProblemKind::Empty)]);
        let big = vec![b'a'; MAX_CSV_BYTES + 1];
        assert!(matches!(kinds(&big)[0], (0, ProblemKind::TooLarge { .. })));
    }

    #[test]
    fn unclosed_quote_is_malformed_not_a_panic() {
        let out = parse_places(b"name,category\n\"Park,venue\nHall,venue\n");
        // The csv crate reads the quote to the end of the file: one field,
        // so the row lacks a category.
        assert!(out.is_err());
    }
}
