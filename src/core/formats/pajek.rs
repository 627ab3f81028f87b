//! Pajek `.net`: `*Vertices N` (or `*Vertices N M` for two-mode, the first M
//! vertices being the first mode), quoted labels, `*Arcs`/`*Edges` with
//! weights, `*Arcslist`/`*Edgeslist`; plus writers for a `.clu` partition and a
//! `.vec` vector of a node attribute.
//!
//! Keeps: the network, weights, direction, two-mode `kind` (from `N M`),
//! vertex labels as ids (networkx's rule: a vertex's label is its id; when
//! labels repeat, the vertex number is the id and the label the label),
//! coordinates as `x`/`y` on import.
//! Loses: every other attribute (export them with [`write_clu`] and
//! [`write_vec`]), labels distinct from ids (the writer writes the label when
//! labels are unique, otherwise the id). Vertex numbers beyond N are refused by
//! Pajek itself, so such edges are skipped and reported.

use super::builder::Builder;
use super::report::{ImportReport, IssueKind};
use super::text;
use super::ImportError;
use crate::core::network::{AttrValue, Attrs, Network, KIND_ATTR, KIND_PERSON, KIND_PLACE};
use std::collections::{BTreeSet, HashSet};
use std::fmt::Write;

/// More vertices than this in a `*Vertices` line is refused: it would only
/// allocate memory for nodes no line describes.
const MAX_VERTICES: usize = 10_000_000;

#[derive(Clone, Copy, PartialEq)]
enum Section {
    None,
    Vertices,
    Arcs,
    Edges,
    ArcsList,
    EdgesList,
    Other,
}

/// Splits a line into tokens; double-quoted tokens may hold spaces.
fn tokens(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line.trim_start();
    while !rest.is_empty() {
        if let Some(q) = rest.strip_prefix('"') {
            let end = q.find('"').unwrap_or(q.len());
            out.push(&q[..end]);
            rest = q.get(end + 1..).unwrap_or("").trim_start();
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push(&rest[..end]);
            rest = rest[end..].trim_start();
        }
    }
    out
}

struct Vertex {
    label: String,
    coords: Option<(f64, f64)>,
}

struct PajekEdge {
    s: usize,
    t: usize,
    w: f64,
    line: usize,
    undirected_in_directed: bool,
}

/// Reads a Pajek `.net` file.
pub fn parse(bytes: &[u8]) -> Result<(Network, ImportReport), ImportError> {
    let text = text::decode(bytes)?;
    let mut b = Builder::new(false);
    let mut section = Section::None;
    let mut n = 0usize;
    let mut first_mode: Option<usize> = None;
    let mut vertices: Vec<Option<Vertex>> = Vec::new();
    let mut edges: Vec<PajekEdge> = Vec::new();
    let mut any_arcs = false;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('%') {
            continue;
        }
        if line.starts_with('*') {
            let t = tokens(line);
            let head = t[0].to_ascii_lowercase();
            section = match head.as_str() {
                "*vertices" => {
                    if !vertices.is_empty() || n > 0 {
                        return Err(at(
                            line_no,
                            "a second *Vertices section; Weave reads one network per file",
                        ));
                    }
                    n = count(t.get(1), line_no, bytes.len())?;
                    first_mode = t
                        .get(2)
                        .map(|m| count(Some(m), line_no, bytes.len()))
                        .transpose()?;
                    if first_mode.is_some_and(|m| m > n) {
                        return Err(at(
                            line_no,
                            "the first mode has more vertices than the network",
                        ));
                    }
                    vertices.resize_with(n, || None);
                    Section::Vertices
                }
                "*arcs" => Section::Arcs,
                "*edges" => Section::Edges,
                "*arcslist" => Section::ArcsList,
                "*edgeslist" => Section::EdgesList,
                "*network" => Section::None,
                _ => {
                    b.note(IssueKind::Ignored, line_no, t[0]);
                    Section::Other
                }
            };
            any_arcs |= matches!(section, Section::Arcs | Section::ArcsList);
            continue;
        }
        match section {
            Section::Vertices => read_vertex(&mut b, &mut vertices, line, line_no),
            Section::Arcs | Section::Edges => read_pair(
                &mut b,
                &mut edges,
                line,
                line_no,
                n,
                section == Section::Edges,
            ),
            Section::ArcsList | Section::EdgesList => read_list(
                &mut b,
                &mut edges,
                line,
                line_no,
                n,
                section == Section::EdgesList,
            ),
            Section::None => b.note(IssueKind::BadRecord, line_no, "text before *Vertices"),
            Section::Other => {}
        }
    }
    if n == 0
        && vertices.is_empty()
        && edges.is_empty()
        && !text.to_ascii_lowercase().contains("*vertices")
    {
        return Err(ImportError::Invalid(
            "this is not a Pajek .net file: it has no *Vertices line".into(),
        ));
    }
    b.set_directed(any_arcs);
    add_vertices(&mut b, vertices, first_mode);
    for e in edges {
        if any_arcs && e.undirected_in_directed {
            b.note(IssueKind::MixedDirection, e.line, "");
        }
        b.add_edge(e.s, e.t, e.w, Attrs::new(), e.line);
    }
    Ok(b.finish())
}

fn at(line: usize, message: &str) -> ImportError {
    ImportError::At {
        line,
        column: 1,
        message: message.to_owned(),
    }
}

fn count(tok: Option<&&str>, line: usize, file_len: usize) -> Result<usize, ImportError> {
    let n: usize = tok
        .and_then(|t| t.parse().ok())
        .ok_or_else(|| at(line, "*Vertices must be followed by the number of vertices"))?;
    if n > MAX_VERTICES.min(file_len.saturating_mul(100).saturating_add(1000)) {
        return Err(at(
            line,
            &format!("*Vertices {n} is far more vertices than this file can describe"),
        ));
    }
    Ok(n)
}

fn read_vertex(b: &mut Builder, vertices: &mut [Option<Vertex>], line: &str, line_no: usize) {
    let t = tokens(line);
    let Some(num) = t
        .first()
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&v| v >= 1 && v <= vertices.len())
    else {
        b.note(
            IssueKind::BadRecord,
            line_no,
            t.first().copied().unwrap_or(""),
        );
        return;
    };
    let label = t
        .get(1)
        .map_or_else(|| num.to_string(), |l| (*l).to_owned());
    let coord = |k: usize| {
        t.get(k)
            .and_then(|v| v.parse::<f64>().ok())
            .filter(|f| f.is_finite())
    };
    let coords = coord(2).zip(coord(3));
    if vertices[num - 1].is_some() {
        b.note(IssueKind::DuplicateNode, line_no, num.to_string());
    }
    vertices[num - 1] = Some(Vertex { label, coords });
}

fn vertex(tok: &str, n: usize) -> Option<usize> {
    tok.parse::<usize>()
        .ok()
        .filter(|&v| v >= 1 && v <= n)
        .map(|v| v - 1)
}

fn read_pair(
    b: &mut Builder,
    edges: &mut Vec<PajekEdge>,
    line: &str,
    line_no: usize,
    n: usize,
    undirected: bool,
) {
    let t = tokens(line);
    if t.len() < 2 {
        b.note(IssueKind::BadRecord, line_no, line);
        return;
    }
    let (Some(s), Some(d)) = (vertex(t[0], n), vertex(t[1], n)) else {
        b.note(
            IssueKind::EdgeToUnknownNode,
            line_no,
            format!("{} {}", t[0], t[1]),
        );
        return;
    };
    let w = match t.get(2).map(|w| w.parse::<f64>()) {
        None => 1.0,
        Some(Ok(w)) => w,
        Some(Err(_)) => {
            b.note(IssueKind::BadWeight, line_no, t[2]);
            return;
        }
    };
    edges.push(PajekEdge {
        s,
        t: d,
        w,
        line: line_no,
        undirected_in_directed: undirected,
    });
}

fn read_list(
    b: &mut Builder,
    edges: &mut Vec<PajekEdge>,
    line: &str,
    line_no: usize,
    n: usize,
    undirected: bool,
) {
    let t = tokens(line);
    let Some(s) = t.first().and_then(|v| vertex(v, n)) else {
        b.note(
            IssueKind::EdgeToUnknownNode,
            line_no,
            t.first().copied().unwrap_or(""),
        );
        return;
    };
    for tok in &t[1..] {
        match vertex(tok, n) {
            Some(d) => edges.push(PajekEdge {
                s,
                t: d,
                w: 1.0,
                line: line_no,
                undirected_in_directed: undirected,
            }),
            None => b.note(IssueKind::EdgeToUnknownNode, line_no, *tok),
        }
    }
}

/// Creates the nodes: labels are ids when unique (networkx), else numbers are.
fn add_vertices(b: &mut Builder, vertices: Vec<Option<Vertex>>, first_mode: Option<usize>) {
    let labels: Vec<String> = vertices
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.as_ref()
                .map_or_else(|| (i + 1).to_string(), |v| v.label.clone())
        })
        .collect();
    let mut seen = HashSet::new();
    let unique = labels.iter().all(|l| seen.insert(l.as_str()));
    for (i, (v, label)) in vertices.into_iter().zip(labels).enumerate() {
        let mut attrs = Attrs::new();
        if let Some((x, y)) = v.and_then(|v| v.coords) {
            attrs.insert("x".into(), AttrValue::Float(x));
            attrs.insert("y".into(), AttrValue::Float(y));
        }
        if let Some(m) = first_mode {
            let kind = if i < m { KIND_PERSON } else { KIND_PLACE };
            attrs.insert(KIND_ATTR.into(), AttrValue::Str(kind.into()));
        }
        if unique {
            b.add_node(&label, None, attrs, 0);
        } else {
            b.add_node(&(i + 1).to_string(), Some(label), attrs, 0);
        }
    }
}

/// Quotes a label for Pajek: double quotes inside become single quotes
/// (Pajek has no escape), line breaks become spaces.
fn quote(s: &str) -> String {
    let clean: String = s
        .chars()
        .map(|c| match c {
            '"' => '\'',
            c if c.is_control() => ' ',
            c => c,
        })
        .collect();
    format!("\"{clean}\"")
}

/// The order vertices are written in: persons first in a two-mode network,
/// as `*Vertices N M` requires.
fn order(net: &Network) -> (Vec<usize>, Option<usize>) {
    let all: Vec<usize> = (0..net.nodes.len()).collect();
    if !net.is_two_mode() {
        return (all, None);
    }
    let (persons, places): (Vec<usize>, Vec<usize>) = all
        .into_iter()
        .partition(|&i| net.node_kind(i) == Some(KIND_PERSON));
    let m = persons.len();
    (persons.into_iter().chain(places).collect(), Some(m))
}

/// Writes a Pajek `.net` file.
///
/// Complexity: O(n + m).
pub fn write(net: &Network) -> String {
    let (order, first_mode) = order(net);
    let mut number = vec![0usize; net.nodes.len()];
    for (pos, &i) in order.iter().enumerate() {
        number[i] = pos + 1;
    }
    let names: Vec<&str> = net
        .nodes
        .iter()
        .map(|n| n.label.as_deref().unwrap_or(&n.id))
        .collect();
    let unique = names.iter().collect::<BTreeSet<_>>().len() == names.len();
    let mut out = String::with_capacity(24 * (net.nodes.len() + net.edges.len()) + 64);
    let _ = match first_mode {
        Some(m) => writeln!(out, "*Vertices {} {m}", net.nodes.len()),
        None => writeln!(out, "*Vertices {}", net.nodes.len()),
    };
    for (pos, &i) in order.iter().enumerate() {
        let name = if unique { names[i] } else { &net.nodes[i].id };
        let _ = writeln!(out, "{} {}", pos + 1, quote(name));
    }
    out.push_str(if net.directed { "*Arcs\n" } else { "*Edges\n" });
    for e in &net.edges {
        if let (Some(s), Some(t)) = (number.get(e.source), number.get(e.target)) {
            let _ = writeln!(out, "{s} {t} {}", text::float(e.weight));
        }
    }
    out
}

/// Writes a node attribute as a Pajek partition (`.clu`), in the `.net`
/// file's vertex order. Integers are kept; text categories are numbered 1..k
/// in sorted order with a `%` legend line each; missing values are 0.
pub fn write_clu(net: &Network, attr: &str) -> String {
    let (order, _) = order(net);
    let cats: BTreeSet<&str> = net
        .nodes
        .iter()
        .filter_map(|n| n.attrs.get(attr)?.as_str())
        .collect();
    let cats: Vec<&str> = cats.into_iter().collect();
    let mut out = String::new();
    for (k, c) in cats.iter().enumerate() {
        let _ = writeln!(out, "% {} = {}", k + 1, c.replace(['\n', '\r'], " "));
    }
    let _ = writeln!(out, "*Vertices {}", net.nodes.len());
    for &i in &order {
        let v = match net.nodes[i].attrs.get(attr) {
            Some(AttrValue::Int(v)) => *v,
            Some(AttrValue::Bool(v)) => i64::from(*v),
            Some(AttrValue::Float(f)) if f.is_finite() => f.round() as i64,
            Some(AttrValue::Str(s)) => cats.iter().position(|c| c == s).map_or(0, |p| p as i64 + 1),
            _ => 0,
        };
        let _ = writeln!(out, "{v}");
    }
    out
}

/// Writes a numeric node attribute as a Pajek vector (`.vec`), in the `.net`
/// file's vertex order; missing or non-numeric values are 0.
pub fn write_vec(net: &Network, attr: &str) -> String {
    let (order, _) = order(net);
    let mut out = format!("*Vertices {}\n", net.nodes.len());
    for &i in &order {
        let v = net.nodes[i]
            .attrs
            .get(attr)
            .and_then(AttrValue::as_f64)
            .filter(|f| f.is_finite())
            .unwrap_or(0.0);
        let _ = writeln!(out, "{}", text::float(v));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_arcs_edges_and_lists() {
        let net = "% comment\n*Vertices 4\n1 \"Ann Smith\" 0.1 0.2 0.5\n2 Bob\n3 \"Cy\"\n*Arcs\n1 2 2.5\n1 9\n*Arcslist\n3 1 2\n";
        let (g, report) = parse(net.as_bytes()).unwrap();
        assert!(g.directed);
        let ids: Vec<&str> = g.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["Ann Smith", "Bob", "Cy", "4"]);
        assert_eq!(g.nodes[0].attrs.get("x"), Some(&AttrValue::Float(0.1)));
        assert_eq!(g.edges.len(), 3);
        assert_eq!(g.edges[0].weight, 2.5);
        assert_eq!(report.count(IssueKind::EdgeToUnknownNode), 1);
        assert_eq!(report.issues[0].lines, [8]);
    }

    #[test]
    fn two_mode_marks_kinds_and_round_trips() {
        let src = "*Vertices 3 1\n1 \"Ann\"\n2 \"Hall\"\n3 \"Church\"\n*Edges\n1 2 1.0\n1 3 2.0\n";
        let (g, _) = parse(src.as_bytes()).unwrap();
        assert!(g.is_two_mode());
        assert_eq!(g.node_kind(0), Some(KIND_PERSON));
        assert_eq!(write(&g), src);
        let (back, report) = parse(write(&g).as_bytes()).unwrap();
        assert!(report.is_clean());
        assert_eq!(back, g);
    }

    #[test]
    fn repeated_labels_fall_back_to_numbers() {
        let (g, _) = parse(b"*Vertices 2\n1 \"Dave\"\n2 \"Dave\"\n*Edges\n1 2\n").unwrap();
        assert_eq!(g.nodes[1].id, "2");
        assert_eq!(g.nodes[1].label.as_deref(), Some("Dave"));
    }

    #[test]
    fn absurd_vertex_counts_are_refused() {
        assert!(parse(b"*Vertices 99999999999\n").is_err());
        assert!(parse(b"hello").is_err());
    }

    #[test]
    fn clu_and_vec() {
        let mut g = Network::new(false);
        for (id, area, score) in [("a", "West", 1.5), ("b", "East", 2.0), ("c", "West", 0.0)] {
            let mut at = Attrs::new();
            at.insert("area".into(), AttrValue::Str(area.into()));
            at.insert("score".into(), AttrValue::Float(score));
            g.add_node(id, None, at);
        }
        assert_eq!(
            write_clu(&g, "area"),
            "% 1 = East\n% 2 = West\n*Vertices 3\n2\n1\n2\n"
        );
        assert_eq!(write_vec(&g, "score"), "*Vertices 3\n1.5\n2.0\n0.0\n");
    }
}
