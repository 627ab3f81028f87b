//! Adjacency matrices as CSV, the way R, Excel and UCINET users pass them
//! around: a header row of column labels after an empty corner cell, then one
//! row per node starting with its label.
//!
//! Keeps: the network and weights; a symmetric square matrix reads as
//! undirected, an asymmetric one as directed; a rectangular matrix (or one
//! whose row labels differ from its column labels) as two-mode, rows being
//! people and columns places. Loses: attributes, labels distinct from ids,
//! parallel edges (summed).

use super::builder::Builder;
use super::report::{ImportReport, IssueKind};
use super::table;
use super::text;
use super::ImportError;
use crate::core::network::{AttrValue, Attrs, Network, KIND_ATTR, KIND_PERSON, KIND_PLACE};

/// Reads an adjacency matrix CSV.
///
/// Complexity: O(r·c) in the matrix size.
pub fn parse(bytes: &[u8]) -> Result<(Network, ImportReport), ImportError> {
    let mut report = ImportReport::default();
    let t = table::read(bytes, &mut report)?;
    let cols: Vec<String> = t.header.iter().skip(1).cloned().collect();
    // Row labels are trimmed as the header's column labels are, so a row
    // " Ann" (a hand-edited file, or a label that began with a tab) still
    // meets its column "Ann" and the matrix stays one-mode.
    let rows: Vec<String> = t
        .rows
        .iter()
        .map(|(_, r)| r.first().map_or("", |c| c.trim()).to_owned())
        .collect();
    if cols.is_empty() {
        return Err(ImportError::Invalid(
            "the adjacency matrix has no columns".into(),
        ));
    }
    let mut values = vec![0.0f64; rows.len() * cols.len()];
    for (r, (line, row)) in t.rows.iter().enumerate() {
        for (c, cell) in row.iter().skip(1).enumerate() {
            let cell = cell.trim();
            values[r * cols.len() + c] = match cell.parse::<f64>() {
                _ if cell.is_empty() => 0.0,
                Ok(v) if v.is_finite() => v,
                _ => {
                    report.note(IssueKind::BadWeight, *line, cell);
                    0.0
                }
            };
        }
    }
    let one_mode = rows == cols;
    let mut b = Builder::new(false);
    b.report = report;
    let kind = |k: &str| -> Attrs {
        let mut a = Attrs::new();
        if !one_mode {
            a.insert(KIND_ATTR.into(), AttrValue::Str(k.into()));
        }
        a
    };
    let ri: Vec<usize> = t
        .rows
        .iter()
        .zip(&rows)
        .map(|((line, _), l)| b.add_node(l, None, kind(KIND_PERSON), *line))
        .collect();
    let ci: Vec<usize> = if one_mode {
        ri.clone()
    } else {
        cols.iter()
            .map(|l| b.add_node(l, None, kind(KIND_PLACE), 1))
            .collect()
    };
    let n = cols.len();
    let symmetric =
        one_mode && (0..rows.len()).all(|r| (0..r).all(|c| values[r * n + c] == values[c * n + r]));
    b.set_directed(one_mode && !symmetric);
    for r in 0..rows.len() {
        let from = if symmetric { r } else { 0 };
        for c in from..n {
            let w = values[r * n + c];
            if w != 0.0 {
                b.add_edge(ri[r], ci[c], w, Attrs::new(), t.rows[r].0);
            }
        }
    }
    Ok(b.finish())
}

/// Writes the adjacency matrix; a two-mode network as people × places.
///
/// Complexity: O(n² + m).
pub fn write(net: &Network) -> String {
    let all: Vec<usize> = (0..net.nodes.len()).collect();
    let (rows, cols) = if net.is_two_mode() {
        all.iter()
            .partition::<Vec<usize>, _>(|&&i| net.node_kind(i) == Some(KIND_PERSON))
    } else {
        (all.clone(), all)
    };
    let mut rpos = vec![None; net.nodes.len()];
    let mut cpos = vec![None; net.nodes.len()];
    rows.iter()
        .enumerate()
        .for_each(|(p, &i)| rpos[i] = Some(p));
    cols.iter()
        .enumerate()
        .for_each(|(p, &i)| cpos[i] = Some(p));
    let mut m = vec![0.0f64; rows.len() * cols.len()];
    let mirror = !net.directed || net.is_two_mode();
    for e in &net.edges {
        for (s, t) in [(e.source, e.target), (e.target, e.source)]
            .into_iter()
            .take(if mirror && e.source != e.target { 2 } else { 1 })
        {
            if let (Some(Some(r)), Some(Some(c))) = (rpos.get(s), cpos.get(t)) {
                m[r * cols.len() + c] += e.weight;
            }
        }
    }
    let header = std::iter::once(String::new()).chain(
        cols.iter()
            .map(|&i| text::csv_safe(&net.nodes[i].id).into_owned()),
    );
    let body = rows.iter().enumerate().map(|(r, &i)| {
        std::iter::once(text::csv_safe(&net.nodes[i].id).into_owned())
            .chain(
                m[r * cols.len()..(r + 1) * cols.len()]
                    .iter()
                    .map(|&v| cell(v)),
            )
            .collect::<Vec<_>>()
    });
    table::write(std::iter::once(header.collect::<Vec<_>>()).chain(body))
}

fn cell(v: f64) -> String {
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
    fn symmetric_square_is_undirected_and_round_trips() {
        let csv = ",a,b,c\na,0,1,0\nb,1,0,2.5\nc,0,2.5,0\n";
        let (g, _) = parse(csv.as_bytes()).unwrap();
        assert!(!g.directed);
        assert_eq!(g.edges.len(), 2);
        assert_eq!(write(&g), csv);
    }

    #[test]
    fn rectangular_is_two_mode() {
        let csv = ",hall,pub\nann,1,0\nbob,1,1\ncy,0,0\n";
        let (g, _) = parse(csv.as_bytes()).unwrap();
        assert!(g.is_two_mode());
        assert_eq!(g.edges.len(), 3);
        assert_eq!(write(&g), csv);
    }

    #[test]
    fn asymmetric_is_directed() {
        let (g, r) = parse(b",a,b\na,0,1\nb,0,x\n").unwrap();
        assert!(g.directed);
        assert_eq!(r.count(IssueKind::BadWeight), 1);
    }

    #[test]
    fn row_labels_are_trimmed_like_column_labels() {
        let (g, _) = parse(b",a,b\n a ,0,1\n\tb,1,0\n").unwrap();
        assert!(!g.is_two_mode());
        assert_eq!(g.nodes.len(), 2);
        assert_eq!(g.nodes[0].id, "a");
        assert_eq!(g.edges.len(), 1);
    }
}
