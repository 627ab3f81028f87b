//! Bytes to text and back: byte-order marks, UTF-16, clear refusals of
//! Latin-1 bytes, byte offsets to line/column, and the two kinds of escaping
//! exporters need (XML 1.0 legality and spreadsheet formula injection).

use super::ImportError;
use std::borrow::Cow;

/// Decodes file bytes as UTF-8, or UTF-16 when a byte-order mark says so.
///
/// A UTF-8 BOM is dropped. Bytes that are not UTF-8 are refused with the line
/// and column of the first bad byte, and a hint when they look like Latin-1 or
/// Windows-1252 (an accented letter saved by an old spreadsheet).
///
/// Complexity: O(n).
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map(Cow::Owned);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map(Cow::Owned);
    }
    utf8(bytes)
}

/// Decodes ISO-8859-1, which maps each byte to the code point of that number.
/// Used only when an XML declaration names that encoding.
pub fn latin1(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| char::from(b)).collect()
}

fn utf8(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(e) => {
            let good = e.valid_up_to();
            let (line, column) = line_col_bytes(bytes, good);
            let byte = bytes.get(good).copied().unwrap_or(0);
            let hint = if byte >= 0x80 {
                " — it looks like Latin-1 or Windows-1252; save the file as UTF-8 and import it again"
            } else {
                ""
            };
            Err(ImportError::At {
                line,
                column,
                message: format!("the file is not valid UTF-8 text (byte 0x{byte:02X}){hint}"),
            })
        }
    }
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    if bytes.len() % 2 != 0 {
        return Err(ImportError::Invalid(
            "the file says it is UTF-16 but has an odd number of bytes (it may be truncated)"
                .into(),
        ));
    }
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    let mut out = String::with_capacity(bytes.len() / 2);
    let mut line = 1;
    for ch in char::decode_utf16(units) {
        match ch {
            Ok(c) => {
                if c == '\n' {
                    line += 1;
                }
                out.push(c);
            }
            Err(_) => {
                return Err(ImportError::At {
                    line,
                    column: 1,
                    message: "the UTF-16 text has a broken surrogate pair".into(),
                })
            }
        }
    }
    Ok(out)
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col_bytes(bytes: &[u8], offset: usize) -> (usize, usize) {
    let head = &bytes[..offset.min(bytes.len())];
    let line = 1 + head.iter().filter(|&&b| b == b'\n').count();
    let start = head.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1);
    let column = 1 + String::from_utf8_lossy(&head[start..]).chars().count();
    (line, column)
}

/// Turns byte offsets into 1-based line/column numbers. Built once per file
/// (O(n)); each lookup is a binary search, so reporting stays linear overall.
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        Self { text, starts }
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// The 1-based line and column (counted in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line(offset);
        let start = self.starts[line - 1];
        let column = 1 + self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line, column)
    }
}

/// True for characters XML 1.0 allows in a document.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Escapes text for XML element content or a double-quoted attribute, and drops
/// characters XML 1.0 forbids (control characters from pasted labels), so the
/// file stays well-formed. Tabs and line breaks become character references so
/// attribute values keep them.
pub fn xml_escape(s: &str) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| matches!(c, '<' | '>' | '&' | '"' | '\'' | '\t' | '\n' | '\r') || !is_xml_char(c))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    Cow::Owned(out)
}

/// Whether a spreadsheet would run `cell` as a formula (by its first character).
pub(crate) fn starts_formula(cell: &str) -> bool {
    matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// Neutralises a spreadsheet cell that Excel or LibreOffice would run as a
/// formula (`=`, `+`, `-`, `@`, tab, CR at the start) by prefixing a single
/// quote, as OWASP recommends. Cells that are plain finite numbers ("-1.5")
/// are left alone so they stay numeric ("-inf" is not one: a spreadsheet
/// reads it as a formula). A cell that already starts with quotes before
/// such a character gets one more, so that reading the file back (which
/// removes one quote, see `table::read`) restores it exactly.
pub fn csv_safe(cell: &str) -> Cow<'_, str> {
    let quoted = cell.starts_with('\'') && starts_formula(cell.trim_start_matches('\''));
    let number = cell.parse::<f64>().is_ok_and(f64::is_finite);
    if quoted || (starts_formula(cell) && !number) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Formats a float so it reads back as the same float and as a float (always
/// with a decimal point or exponent: `2.0`, `0.1`, `1e300`).
pub fn float(f: f64) -> String {
    if f.is_nan() {
        "NaN".into()
    } else if f.is_infinite() {
        if f > 0.0 { "INF" } else { "-INF" }.into()
    } else {
        format!("{f:?}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFa,b").unwrap(), "a,b");
    }

    #[test]
    fn utf16_le_and_be_with_bom_are_decoded() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("é,b".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("é,b".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le).unwrap(), "é,b");
        assert_eq!(decode(&be).unwrap(), "é,b");
        assert!(decode(&le[..le.len() - 1]).is_err());
    }

    #[test]
    fn latin1_bytes_are_refused_naming_the_line() {
        let err = decode(b"Id,Label\n1,Ren\xE9e\n").unwrap_err();
        assert_eq!(
            err,
            ImportError::At {
                line: 2,
                column: 6,
                message: "the file is not valid UTF-8 text (byte 0xE9) — it looks like Latin-1 or Windows-1252; save the file as UTF-8 and import it again".into()
            }
        );
    }

    #[test]
    fn line_index_counts_characters() {
        let idx = LineIndex::new("ab\ncdé\nf");
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(3), (2, 1));
        assert_eq!(idx.line_col(7), (2, 4));
        assert_eq!(idx.line_col(8), (3, 1));
    }

    #[test]
    fn xml_escape_drops_illegal_controls() {
        assert_eq!(xml_escape("a\u{1}b<&\"\n"), "ab&lt;&amp;&quot;&#10;");
        assert_eq!(xml_escape("plain"), "plain");
    }

    #[test]
    fn csv_safe_neutralises_formulas_but_not_numbers() {
        assert_eq!(csv_safe("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_safe("@cmd"), "'@cmd");
        assert_eq!(csv_safe("-1.5"), "-1.5");
        assert_eq!(csv_safe("+44 191"), "'+44 191");
        assert_eq!(csv_safe("Dave"), "Dave");
        assert_eq!(csv_safe("-inf"), "'-inf");
        assert_eq!(csv_safe("'=x"), "''=x");
        assert_eq!(csv_safe("'-1.5"), "''-1.5");
        assert_eq!(csv_safe("'quoted'"), "'quoted'");
    }

    #[test]
    fn floats_always_read_back_as_floats() {
        assert_eq!(float(2.0), "2.0");
        assert_eq!(float(0.1), "0.1");
        assert_eq!(float(1e300), "1e300");
        assert_eq!(float(f64::INFINITY), "INF");
    }
}
