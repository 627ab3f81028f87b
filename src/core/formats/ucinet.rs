//! UCINET DL: `format = fullmatrix | edgelist1 | nodelist1`, one-mode (`n=`)
//! and two-mode (`nr= nc=`), labels given (`labels:`, `row labels:`,
//! `col labels:`) or embedded (`labels embedded`), then `data:`.
//!
//! Keeps: the network, weights, two-mode `kind` (rows are people, columns
//! places), labels as ids. A full matrix reads as undirected when symmetric,
//! directed otherwise; edge lists read as directed (UCINET and igraph do).
//! Loses: attributes, parallel edges (a matrix sums them), direction of a
//! symmetric directed network. The writer uses a full matrix up to
//! [`MATRIX_LIMIT`] nodes and an edge list beyond (lists read back directed).

use super::builder::Builder;
use super::report::{ImportReport, IssueKind};
use super::text;
use super::ImportError;
use crate::core::network::{AttrValue, Attrs, Network, KIND_ATTR, KIND_PERSON, KIND_PLACE};
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// Networks larger than this are written as an edge list, not an n×n matrix.
pub const MATRIX_LIMIT: usize = 1000;
const MAX_NODES: usize = 10_000_000;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Layout {
    FullMatrix,
    EdgeList,
    NodeList,
}

#[derive(Debug)]
struct Header {
    n: Option<usize>,
    nr: Option<usize>,
    nc: Option<usize>,
    layout: Layout,
    embedded: bool,
    labels: Vec<String>,
    row_labels: Vec<String>,
    col_labels: Vec<String>,
    /// The line of each label above, in the same order (for the report).
    label_lines: [Vec<usize>; 3],
}

impl Header {
    /// The labels rows (or columns) are named by, and their lines: one-mode
    /// files use `labels:`, or `row labels:` when that is all they give.
    fn names_for(&self, two_mode: bool, rows: bool) -> (&[String], &[usize]) {
        if two_mode {
            if rows {
                (&self.row_labels, &self.label_lines[1])
            } else {
                (&self.col_labels, &self.label_lines[2])
            }
        } else if self.labels.is_empty() {
            (&self.row_labels, &self.label_lines[1])
        } else {
            (&self.labels, &self.label_lines[0])
        }
    }
}

/// A token with the line it came from.
type Tok = (usize, String);

/// Splits text into tokens separated by whitespace or commas; double-quoted
/// tokens keep their spaces; `=` is a token of its own; a trailing `:` too.
fn tokenize(text: &str, first_line: usize) -> Vec<Tok> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let ln = first_line + i;
        let mut cur = String::new();
        let mut quoted = false;
        let flush = |cur: &mut String, out: &mut Vec<Tok>| {
            if !cur.is_empty() {
                if cur.len() > 1 && cur.ends_with(':') {
                    cur.pop();
                    out.push((ln, std::mem::take(cur)));
                    out.push((ln, ":".into()));
                } else {
                    out.push((ln, std::mem::take(cur)));
                }
            }
        };
        for c in line.chars() {
            match c {
                '"' => {
                    if quoted {
                        out.push((ln, std::mem::take(&mut cur)));
                    } else {
                        flush(&mut cur, &mut out);
                    }
                    quoted = !quoted;
                }
                _ if quoted => cur.push(c),
                c if c.is_whitespace() || c == ',' => flush(&mut cur, &mut out),
                '=' => {
                    flush(&mut cur, &mut out);
                    out.push((ln, "=".into()));
                }
                c => cur.push(c),
            }
        }
        if quoted {
            out.push((ln, cur));
        } else {
            flush(&mut cur, &mut out);
        }
    }
    out
}

fn at(line: usize, message: impl Into<String>) -> ImportError {
    ImportError::At {
        line,
        column: 1,
        message: message.into(),
    }
}

fn is(tok: Option<&Tok>, word: &str) -> bool {
    tok.is_some_and(|(_, t)| t.eq_ignore_ascii_case(word))
}

/// Reads the header up to `data:`; returns it and the index of the first data token.
fn header(toks: &[Tok], limit: usize) -> Result<(Header, usize), ImportError> {
    if !is(toks.first(), "dl") {
        return Err(ImportError::Invalid(
            "this is not a UCINET DL file: it does not start with \"dl\"".into(),
        ));
    }
    let mut h = Header {
        n: None,
        nr: None,
        nc: None,
        layout: Layout::FullMatrix,
        embedded: false,
        labels: Vec::new(),
        row_labels: Vec::new(),
        col_labels: Vec::new(),
        label_lines: [Vec::new(), Vec::new(), Vec::new()],
    };
    // Which label list is being filled: 0 none, 1 labels, 2 rows, 3 columns.
    let mut filling = 0;
    let mut i = 1;
    while i < toks.len() {
        let (line, t) = (&toks[i].0, toks[i].1.to_ascii_lowercase());
        let at_i = i;
        let next_is = |k: usize, w: &str| is(toks.get(at_i + k), w);
        if t == "data" && next_is(1, ":") {
            return Ok((h, i + 2));
        }
        if matches!(t.as_str(), "n" | "nr" | "nc" | "nm" | "format" | "diagonal") && next_is(1, "=")
        {
            let v = toks
                .get(i + 2)
                .map(|(_, v)| v.to_ascii_lowercase())
                .unwrap_or_default();
            let num = || -> Result<usize, ImportError> {
                let n: usize = v
                    .parse()
                    .map_err(|_| at(*line, format!("{t} = must be a number, not \"{v}\"")))?;
                if n > limit {
                    return Err(at(
                        *line,
                        format!("{t} = {n} is far more nodes than this file can describe"),
                    ));
                }
                Ok(n)
            };
            match t.as_str() {
                "n" => h.n = Some(num()?),
                "nr" => h.nr = Some(num()?),
                "nc" => h.nc = Some(num()?),
                "format" => {
                    h.layout = match v.as_str() {
                        "fullmatrix" | "fm" => Layout::FullMatrix,
                        "edgelist1" | "el1" => Layout::EdgeList,
                        "nodelist1" | "nl1" => Layout::NodeList,
                        other => return Err(at(*line, format!("the DL format \"{other}\" is not supported (fullmatrix, edgelist1 and nodelist1 are)"))),
                    }
                }
                _ => {}
            }
            filling = 0;
            i += 3;
            continue;
        }
        if t == "labels" && next_is(1, "embedded") {
            h.embedded = true;
            filling = 0;
            i += if next_is(2, ":") { 3 } else { 2 };
            continue;
        }
        if t == "labels" && next_is(1, ":") {
            filling = 1;
            i += 2;
            continue;
        }
        if matches!(t.as_str(), "row" | "col" | "column") && next_is(1, "labels") {
            filling = if t == "row" { 2 } else { 3 };
            if next_is(2, "embedded") {
                h.embedded = true;
                filling = 0;
                i += 1;
            }
            i += if next_is(2, ":") { 3 } else { 2 };
            continue;
        }
        if (1..=3).contains(&filling) {
            h.label_lines[filling - 1].push(*line);
        }
        match filling {
            1 => h.labels.push(toks[i].1.clone()),
            2 => h.row_labels.push(toks[i].1.clone()),
            3 => h.col_labels.push(toks[i].1.clone()),
            _ => {
                return Err(at(
                    *line,
                    format!("unexpected \"{}\" in the DL header", toks[i].1),
                ))
            }
        }
        i += 1;
    }
    Err(ImportError::Invalid(
        "the DL file has no \"data:\" line".into(),
    ))
}

/// Reads a UCINET DL file.
pub fn parse(bytes: &[u8]) -> Result<(Network, ImportReport), ImportError> {
    let text = text::decode(bytes)?;
    let toks = tokenize(&text, 1);
    let limit = MAX_NODES.min(bytes.len().saturating_mul(100).saturating_add(1000));
    let (h, start) = header(&toks, limit)?;
    let data = &toks[start..];
    let two_mode = h.nr.is_some() || h.nc.is_some();
    let (rows, cols) = if two_mode {
        (h.nr.or(h.n).unwrap_or(0), h.nc.or(h.n).unwrap_or(0))
    } else {
        let n = h
            .n
            .ok_or_else(|| ImportError::Invalid("the DL header gives no size (n = ...)".into()))?;
        (n, n)
    };
    let mut b = Builder::new(true);
    match h.layout {
        Layout::FullMatrix => matrix(&mut b, &h, data, rows, cols, two_mode)?,
        Layout::EdgeList | Layout::NodeList => lists(&mut b, &h, data, rows, cols, two_mode),
    }
    Ok(b.finish())
}

fn kind_attrs(two_mode: bool, row: bool) -> Attrs {
    let mut a = Attrs::new();
    if two_mode {
        let k = if row { KIND_PERSON } else { KIND_PLACE };
        a.insert(KIND_ATTR.into(), AttrValue::Str(k.into()));
    }
    a
}

/// Node ids for rows and columns; two-mode ids clashing between the modes
/// fall back to `r1.. / c1..` with the names as labels.
fn declare(
    b: &mut Builder,
    h: &Header,
    rows: &[String],
    cols: &[String],
    two_mode: bool,
) -> (Vec<usize>, Vec<usize>) {
    let line = |lines: &[usize], i: usize| lines.get(i).copied().unwrap_or(0);
    let row_lines = h.names_for(two_mode, true).1;
    let col_lines = h.names_for(two_mode, false).1;
    let row_idx: Vec<usize> = rows
        .iter()
        .enumerate()
        .map(|(i, l)| b.add_node(l, None, kind_attrs(two_mode, true), line(row_lines, i)))
        .collect();
    if !two_mode {
        return (row_idx.clone(), row_idx);
    }
    let row_set: HashSet<&String> = rows.iter().collect();
    let clash = cols.iter().any(|c| row_set.contains(c));
    let col_idx = cols
        .iter()
        .enumerate()
        .map(|(j, l)| {
            if clash {
                b.add_node(
                    &format!("c{}", j + 1),
                    Some(l.clone()),
                    kind_attrs(true, false),
                    line(col_lines, j),
                )
            } else {
                b.add_node(l, None, kind_attrs(true, false), line(col_lines, j))
            }
        })
        .collect();
    (row_idx, col_idx)
}

fn names(given: &[String], n: usize) -> Vec<String> {
    (0..n)
        .map(|i| given.get(i).cloned().unwrap_or_else(|| (i + 1).to_string()))
        .collect()
}

fn matrix(
    b: &mut Builder,
    h: &Header,
    data: &[Tok],
    rows: usize,
    cols: usize,
    two_mode: bool,
) -> Result<(), ImportError> {
    let mut it = data.iter();
    let last_line = data.last().map_or(0, |t| t.0);
    let truncated = |what: &str| {
        at(
            last_line,
            format!("the matrix ends early: {what} missing (the file may be truncated)"),
        )
    };
    let (mut row_names, mut col_names) = (
        names(h.names_for(two_mode, true).0, rows),
        names(h.names_for(two_mode, false).0, cols),
    );
    let needed = rows.saturating_mul(cols);
    if needed > data.len() {
        return Err(truncated(&format!(
            "{needed} values declared, {} found",
            data.len()
        )));
    }
    if h.embedded {
        col_names = (0..cols)
            .map(|_| {
                it.next()
                    .map(|t| t.1.clone())
                    .ok_or_else(|| truncated("column labels"))
            })
            .collect::<Result<_, _>>()?;
        if !two_mode {
            row_names = col_names.clone();
        }
    }
    let mut values = vec![0.0f64; needed];
    let mut embedded_rows = Vec::new();
    for r in 0..rows {
        if h.embedded {
            embedded_rows.push(
                it.next()
                    .map(|t| t.1.clone())
                    .ok_or_else(|| truncated("a row label"))?,
            );
        }
        for c in 0..cols {
            let (line, tok) = it
                .next()
                .ok_or_else(|| truncated(&format!("row {}", r + 1)))?;
            values[r * cols + c] = tok.parse::<f64>().unwrap_or_else(|_| {
                b.note(IssueKind::BadValue, *line, tok.clone());
                0.0
            });
        }
    }
    if h.embedded && two_mode {
        row_names = embedded_rows;
    }
    let (ri, ci) = declare(b, h, &row_names, &col_names, two_mode);
    let symmetric = !two_mode
        && (0..rows).all(|r| (0..r).all(|c| values[r * cols + c] == values[c * cols + r]));
    b.set_directed(!two_mode && !symmetric);
    for r in 0..rows {
        let from = if symmetric { r } else { 0 };
        for c in from..cols {
            let w = values[r * cols + c];
            if w != 0.0 {
                b.add_edge(ri[r], ci[c], w, Attrs::new(), 0);
            }
        }
    }
    Ok(())
}

fn lists(b: &mut Builder, h: &Header, data: &[Tok], rows: usize, cols: usize, two_mode: bool) {
    b.set_directed(!two_mode);
    let mut by_line: Vec<(usize, Vec<&str>)> = Vec::new();
    for (line, t) in data {
        match by_line.last_mut() {
            Some((l, v)) if l == line => v.push(t),
            _ => by_line.push((*line, vec![t])),
        }
    }
    let (ri, ci) = if h.embedded {
        (Vec::new(), Vec::new())
    } else if two_mode {
        declare(
            b,
            h,
            &names(h.names_for(true, true).0, rows),
            &names(h.names_for(true, false).0, cols),
            true,
        )
    } else {
        declare(b, h, &names(h.names_for(false, true).0, rows), &[], false)
    };
    let mut embedded: HashMap<(bool, String), usize> = HashMap::new();
    let mut resolve = |b: &mut Builder, tok: &str, is_row: bool, line: usize| -> Option<usize> {
        if h.embedded {
            let key = (two_mode && is_row, tok.to_owned());
            if let Some(&i) = embedded.get(&key) {
                return Some(i);
            }
            let id = if two_mode && b.lookup(tok).is_some() {
                format!("{}{tok}", if is_row { "r:" } else { "c:" })
            } else {
                tok.to_owned()
            };
            let i = b.add_node(&id, None, kind_attrs(two_mode, is_row), line);
            embedded.insert(key, i);
            return Some(i);
        }
        let idx = if is_row || !two_mode { &ri } else { &ci };
        tok.parse::<usize>()
            .ok()
            .filter(|&k| k >= 1 && k <= idx.len())
            .map(|k| idx[k - 1])
    };
    for (line, toks) in by_line {
        let Some(src) = resolve(b, toks[0], true, line) else {
            b.note(IssueKind::EdgeToUnknownNode, line, toks[0]);
            continue;
        };
        let targets: Vec<(&str, f64)> = match h.layout {
            Layout::EdgeList => {
                let Some(t) = toks.get(1) else {
                    b.note(IssueKind::BadRecord, line, toks[0]);
                    continue;
                };
                let w = match toks.get(2).map(|w| w.parse::<f64>()) {
                    None => 1.0,
                    Some(Ok(w)) => w,
                    Some(Err(_)) => {
                        b.note(IssueKind::BadWeight, line, toks[2]);
                        continue;
                    }
                };
                vec![(t, w)]
            }
            _ => toks[1..].iter().map(|t| (*t, 1.0)).collect(),
        };
        for (t, w) in targets {
            match resolve(b, t, false, line) {
                Some(dst) => {
                    b.add_edge(src, dst, w, Attrs::new(), line);
                }
                None => b.note(IssueKind::EdgeToUnknownNode, line, t),
            }
        }
    }
}

/// A label as DL text: quoted when it has spaces or commas.
fn label(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| {
            if c == '"' {
                '\''
            } else if c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    if clean.is_empty()
        || clean.contains([' ', ',', '=', '\t'])
        || clean.ends_with(':')
        || clean.eq_ignore_ascii_case("data")
    {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

fn name(n: &crate::core::network::Node) -> &str {
    n.label.as_deref().unwrap_or(&n.id)
}

/// Writes a DL file (one header item per line, as igraph's reader
/// requires): a full matrix (two-mode: people by places) up to
/// [`MATRIX_LIMIT`] nodes, an edge list with labels beyond.
///
/// Complexity: O(n² + m) for a matrix, O(n + m) for an edge list.
pub fn write(net: &Network) -> String {
    let names: Vec<&str> = net.nodes.iter().map(name).collect();
    let unique = names.iter().collect::<HashSet<_>>().len() == names.len();
    let ids: Vec<&str> = if unique {
        names
    } else {
        net.nodes.iter().map(|n| n.id.as_str()).collect()
    };
    let join = |idx: &[usize]| {
        idx.iter()
            .map(|&i| label(ids[i]))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let mut out = String::new();
    if net.is_two_mode() {
        let (rows, cols): (Vec<usize>, Vec<usize>) =
            (0..net.nodes.len()).partition(|&i| net.node_kind(i) == Some(KIND_PERSON));
        let _ = write!(
            out,
            "dl nr={} nc={}\nformat = fullmatrix\nrow labels:\n{}\ncol labels:\n{}\ndata:\n",
            rows.len(),
            cols.len(),
            join(&rows),
            join(&cols)
        );
        write_matrix(&mut out, net, &rows, &cols);
        return out;
    }
    let all: Vec<usize> = (0..net.nodes.len()).collect();
    if net.nodes.len() <= MATRIX_LIMIT {
        let _ = write!(
            out,
            "dl n={}\nformat = fullmatrix\nlabels:\n{}\ndata:\n",
            all.len(),
            join(&all)
        );
        write_matrix(&mut out, net, &all, &all);
    } else {
        let _ = write!(
            out,
            "dl n={}\nformat = edgelist1\nlabels:\n{}\ndata:\n",
            all.len(),
            join(&all)
        );
        for e in net
            .edges
            .iter()
            .filter(|e| e.source < ids.len() && e.target < ids.len())
        {
            let _ = writeln!(
                out,
                "{} {} {}",
                e.source + 1,
                e.target + 1,
                text::float(e.weight)
            );
        }
    }
    out
}

fn write_matrix(out: &mut String, net: &Network, rows: &[usize], cols: &[usize]) {
    let mut row_pos = vec![usize::MAX; net.nodes.len()];
    let mut col_pos = vec![usize::MAX; net.nodes.len()];
    rows.iter().enumerate().for_each(|(p, &i)| row_pos[i] = p);
    cols.iter().enumerate().for_each(|(p, &i)| col_pos[i] = p);
    let mut m = vec![0.0f64; rows.len() * cols.len()];
    let mut put = |r: usize, c: usize, w: f64| {
        if let (Some(&r), Some(&c)) = (row_pos.get(r), col_pos.get(c)) {
            if r != usize::MAX && c != usize::MAX {
                m[r * cols.len() + c] += w;
            }
        }
    };
    for e in &net.edges {
        put(e.source, e.target, e.weight);
        let mirror = !net.directed || net.is_two_mode();
        if mirror && e.source != e.target {
            put(e.target, e.source, e.weight);
        }
    }
    for r in 0..rows.len() {
        let row: Vec<String> = m[r * cols.len()..(r + 1) * cols.len()]
            .iter()
            .map(|&v| num(v))
            .collect();
        let _ = writeln!(out, "{}", row.join(" "));
    }
}

/// Matrix cells: integers without a decimal point, to keep matrices readable.
fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        text::float(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_fullmatrix_with_labels() {
        let dl = "DL N = 3\nFORMAT = FULLMATRIX\nLABELS:\nAnn, Bob, \"Cy Li\"\nDATA:\n0 1 0\n1 0 2\n0 2 0\n";
        let (g, _) = parse(dl.as_bytes()).unwrap();
        assert!(!g.directed);
        assert_eq!(g.nodes[2].id, "Cy Li");
        assert_eq!(g.edges.len(), 2);
        assert_eq!(g.edges[1].weight, 2.0);
    }

    #[test]
    fn reads_embedded_edgelist_and_nodelist() {
        let (g, _) =
            parse(b"dl n=3 format=edgelist1\nlabels embedded:\ndata:\nann bob 2\nbob cy\n")
                .unwrap();
        assert!(g.directed);
        assert_eq!(g.nodes.len(), 3);
        assert_eq!(g.edges[0].weight, 2.0);
        let (g, r) = parse(b"dl n=3 format=nodelist1\ndata:\n1 2 3\n2 3 7\n").unwrap();
        assert_eq!(g.edges.len(), 3);
        assert_eq!(r.count(IssueKind::EdgeToUnknownNode), 1);
    }

    #[test]
    fn reads_two_mode_embedded_matrix() {
        let dl = "dl nr=2 nc=3 format=fullmatrix\nlabels embedded\ndata:\nhall church pub\nann 1 0 1\nbob 0 1 0\n";
        let (g, _) = parse(dl.as_bytes()).unwrap();
        assert!(g.is_two_mode());
        assert_eq!(g.nodes.len(), 5);
        assert_eq!(g.nodes[0].id, "ann");
        assert_eq!(g.edges.len(), 3);
    }

    #[test]
    fn truncated_matrix_is_an_error() {
        let err = parse(b"dl n=3\ndata:\n0 1 0\n1 0").unwrap_err();
        assert!(err.to_string().contains("truncated"), "{err}");
        assert!(parse(b"dl n=99999999999\ndata:\n").is_err());
    }

    #[test]
    fn round_trips_one_and_two_mode() {
        let dl = "dl nr=2 nc=2\nformat = fullmatrix\nrow labels:\nann\nbob\ncol labels:\nhall\n\"st mary's\"\ndata:\n1 0\n0 2.5\n";
        let (g, _) = parse(dl.as_bytes()).unwrap();
        assert_eq!(write(&g), dl);
        let (g1, _) = parse(b"dl n=3\nlabels:\na b c\ndata:\n0 1 0\n0 0 1\n0 0 0\n").unwrap();
        assert!(g1.directed);
        let (back, _) = parse(write(&g1).as_bytes()).unwrap();
        assert_eq!(back, g1);
    }
}
