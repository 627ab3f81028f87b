//! CSV node and edge lists, in the conventions Gephi, NodeXL, R and pandas
//! share: nodes `Id,Label,...attrs`, edges `Source,Target,Weight,Type,...attrs`
//! (any case), or a plain 2- or 3-column edge list with any header.
//!
//! Keeps: ids, labels, edge weights, per-edge direction (`Type`), node and
//! edge attributes (typed by column inference: int, float, bool, text).
//! Loses: graph attributes; a text attribute that looks like a number reads
//! back as a number; empty strings read back as absent. An edge list alone
//! loses isolated nodes: write the node list too ([`write_nodes`]) and read the
//! pair with [`parse_pair`]. Without a `Type` column edges are undirected
//! (networkx's `from_pandas_edgelist` default).

use super::adjacency;
use super::builder::Builder;
use super::report::{ImportReport, IssueKind};
use super::table::{self, Table};
use super::text;
use super::ImportError;
use crate::core::network::{Attrs, Network};
use std::collections::BTreeSet;

const ID: &[&str] = &["id", "node", "name"];
/// Only an `Id` column marks a node list when the kind of CSV is guessed
/// ("name,friend" is an edge list).
const STRICT_ID: &[&str] = &["id"];
const LABEL: &[&str] = &["label"];
const SOURCE: &[&str] = &["source", "from", "src"];
const TARGET: &[&str] = &["target", "to", "dst"];
const WEIGHT: &[&str] = &["weight", "value"];
const TYPE: &[&str] = &["type"];

/// Reads any CSV network: an edge list (header names Source and Target, or a
/// plain 2/3-column list), an adjacency matrix (empty top-left cell), or a
/// node list (header names Id).
pub fn parse_any(bytes: &[u8]) -> Result<(Network, ImportReport), ImportError> {
    let mut report = ImportReport::default();
    let table = table::read(bytes, &mut report)?;
    let mut b = Builder::new(false);
    b.report = report;
    if table.column(SOURCE).is_some() && table.column(TARGET).is_some() {
        add_edges(&mut b, &table, false)?;
    } else if table.header.first().is_some_and(|h| h.is_empty()) {
        return adjacency::parse(bytes);
    } else if table.column(STRICT_ID).is_some() {
        add_nodes(&mut b, &table)?;
    } else if (2..=3).contains(&table.header.len()) {
        add_edges(&mut b, &table, false)?;
    } else {
        return Err(ImportError::Invalid(format!(
            "the CSV header ({}) names no Source and Target columns, no Id column, and is not a 2- or 3-column edge list",
            table.header.join(", ")
        )));
    }
    Ok(b.finish())
}

/// Reads a node list alone (every node, no edges).
pub fn parse_nodes(bytes: &[u8]) -> Result<(Network, ImportReport), ImportError> {
    let mut report = ImportReport::default();
    let table = table::read(bytes, &mut report)?;
    let mut b = Builder::new(false);
    b.report = report;
    add_nodes(&mut b, &table)?;
    Ok(b.finish())
}

/// Reads a node list and an edge list together (Gephi's two-file import);
/// edges naming nodes missing from the node list create them, reported.
pub fn parse_pair(nodes: &[u8], edges: &[u8]) -> Result<(Network, ImportReport), ImportError> {
    let mut report = ImportReport::default();
    let node_table = table::read(nodes, &mut report)?;
    let edge_table = table::read(edges, &mut report)?;
    let mut b = Builder::new(false);
    b.report = report;
    add_nodes(&mut b, &node_table)?;
    add_edges(&mut b, &edge_table, true)?;
    Ok(b.finish())
}

/// The columns that are neither special nor empty-named, with their types.
fn attr_columns(t: &Table, special: &[usize]) -> Vec<(usize, String, table::ColumnType)> {
    (0..t.header.len())
        .filter(|i| !special.contains(i) && !t.header[*i].is_empty())
        .map(|i| {
            let ty = table::infer(t.rows.iter().map(|(_, r)| r[i].as_str()));
            (i, t.header[i].clone(), ty)
        })
        .collect()
}

fn row_attrs(row: &[String], cols: &[(usize, String, table::ColumnType)]) -> Attrs {
    cols.iter()
        .filter_map(|(i, name, ty)| Some((name.clone(), table::value(&row[*i], *ty)?)))
        .collect()
}

fn add_nodes(b: &mut Builder, t: &Table) -> Result<(), ImportError> {
    let id = t.column(ID).ok_or_else(|| {
        ImportError::Invalid(format!(
            "the node list has no Id column (header: {})",
            t.header.join(", ")
        ))
    })?;
    let label = t.column(LABEL);
    let special: Vec<usize> = [Some(id), label].into_iter().flatten().collect();
    let cols = attr_columns(t, &special);
    for (line, row) in &t.rows {
        let node_id = row[id].trim();
        if node_id.is_empty() {
            b.note(IssueKind::BadRecord, *line, "empty id");
            continue;
        }
        let lbl = label.map(|l| row[l].clone()).filter(|l| !l.is_empty());
        b.add_node(node_id, lbl, row_attrs(row, &cols), *line);
    }
    Ok(())
}

/// Adds the edge rows; `declared` says a node list came first, so nodes
/// missing from it are reported as created.
fn add_edges(b: &mut Builder, t: &Table, declared: bool) -> Result<(), ImportError> {
    let (source, target) = match (t.column(SOURCE), t.column(TARGET)) {
        (Some(s), Some(t)) => (s, t),
        _ if (2..=3).contains(&t.header.len()) => (0, 1),
        _ => {
            return Err(ImportError::Invalid(format!(
                "the edge list has no Source and Target columns (header: {})",
                t.header.join(", ")
            )))
        }
    };
    let weight = t.column(WEIGHT).or_else(|| {
        let plain = t.column(SOURCE).is_none() && t.header.len() == 3;
        plain.then_some(2)
    });
    let kind = direction_column(t);
    let special: Vec<usize> = [Some(source), Some(target), weight, kind]
        .into_iter()
        .flatten()
        .collect();
    let cols = attr_columns(t, &special);
    let directions = directions(t, kind);
    b.set_directed(directions.directed);
    for (line, row) in &t.rows {
        let (s, d) = (row[source].trim(), row[target].trim());
        if s.is_empty() || d.is_empty() {
            b.note(IssueKind::BadRecord, *line, "empty source or target");
            continue;
        }
        let w = match weight.map(|w| row[w].trim()).filter(|w| !w.is_empty()) {
            None => 1.0,
            Some(w) => match w.parse::<f64>() {
                Ok(v) if v.is_finite() => v,
                _ => {
                    b.note(IssueKind::BadWeight, *line, w);
                    continue;
                }
            },
        };
        if directions.mixed
            && kind.is_some_and(|k| row[k].trim().eq_ignore_ascii_case("undirected"))
        {
            b.note(IssueKind::MixedDirection, *line, "");
        }
        let mut node = |id: &str| {
            if declared {
                b.node_or_implicit(id, *line)
            } else {
                b.node_or_new(id)
            }
        };
        let (si, ti) = (node(s), node(d));
        b.add_edge(si, ti, w, row_attrs(row, &cols), *line);
    }
    Ok(())
}

/// The Gephi `Type` column: the first column named type (any case) whose
/// cells all say directed, undirected or mutual. Any other `type` column (the
/// analysis' relationship type, say) is an ordinary attribute.
fn direction_column(t: &Table) -> Option<usize> {
    (0..t.header.len()).find(|&i| {
        TYPE.iter().any(|n| t.header[i].eq_ignore_ascii_case(n))
            && t.rows.iter().all(|(_, r)| {
                let v = r[i].trim().to_ascii_lowercase();
                matches!(v.as_str(), "" | "directed" | "undirected" | "mutual")
            })
    })
}

struct Directions {
    directed: bool,
    mixed: bool,
}

/// Directed when every edge with a Type says Directed; mixed files read as
/// directed with the undirected rows reported.
fn directions(t: &Table, kind: Option<usize>) -> Directions {
    let Some(k) = kind else {
        return Directions {
            directed: false,
            mixed: false,
        };
    };
    let (mut dir, mut undir) = (false, false);
    for (_, row) in &t.rows {
        let v = row[k].trim();
        dir |= v.eq_ignore_ascii_case("directed");
        undir |= v.eq_ignore_ascii_case("undirected");
    }
    Directions {
        directed: dir,
        mixed: dir && undir,
    }
}

/// Sorted attribute names over a set of attribute maps.
pub(crate) fn attr_names<'a>(maps: impl Iterator<Item = &'a Attrs>) -> Vec<String> {
    let set: BTreeSet<&String> = maps.flat_map(|a| a.keys()).collect();
    set.into_iter().cloned().collect()
}

/// Writes the node list: `Id,Label,attr...`.
pub fn write_nodes(net: &Network) -> String {
    let names: Vec<String> = attr_names(net.nodes.iter().map(|n| &n.attrs))
        .into_iter()
        .filter(|n| !n.eq_ignore_ascii_case("id") && !n.eq_ignore_ascii_case("label"))
        .collect();
    let header: Vec<String> = ["Id", "Label"]
        .iter()
        .map(|s| s.to_string())
        .chain(names.iter().map(|n| text::csv_safe(n).into_owned()))
        .collect();
    let rows = net.nodes.iter().map(|n| {
        let mut row = vec![
            text::csv_safe(&n.id).into_owned(),
            text::csv_safe(n.label.as_deref().unwrap_or("")).into_owned(),
        ];
        row.extend(
            names
                .iter()
                .map(|k| n.attrs.get(k).map(table::cell).unwrap_or_default()),
        );
        row
    });
    table::write(std::iter::once(header).chain(rows))
}

/// Writes the edge list: `Source,Target,Weight,Type,attr...`.
pub fn write_edges(net: &Network) -> String {
    const TAKEN: &[&str] = &["source", "target", "weight"];
    let names: Vec<String> = attr_names(net.edges.iter().map(|e| &e.attrs))
        .into_iter()
        .filter(|n| !TAKEN.contains(&n.to_ascii_lowercase().as_str()) && n != "Type")
        .collect();
    let header: Vec<String> = ["Source", "Target", "Weight", "Type"]
        .iter()
        .map(|s| s.to_string())
        .chain(names.iter().map(|n| text::csv_safe(n).into_owned()))
        .collect();
    let kind = if net.directed {
        "Directed"
    } else {
        "Undirected"
    };
    let rows = net.edges.iter().filter_map(|e| {
        let (s, t) = (net.nodes.get(e.source)?, net.nodes.get(e.target)?);
        let mut row = vec![
            text::csv_safe(&s.id).into_owned(),
            text::csv_safe(&t.id).into_owned(),
            text::float(e.weight),
            kind.to_owned(),
        ];
        row.extend(
            names
                .iter()
                .map(|k| e.attrs.get(k).map(table::cell).unwrap_or_default()),
        );
        Some(row)
    });
    table::write(std::iter::once(header).chain(rows))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::network::AttrValue;

    #[test]
    fn reads_gephi_edge_list_with_attributes() {
        let csv = b"Source,Target,Weight,Type,since\na,b,2,Directed,2019\nb,c,,Directed,\n";
        let (net, report) = parse_any(csv).unwrap();
        assert!(net.directed);
        assert_eq!(net.nodes.len(), 3);
        assert_eq!(net.edges[0].weight, 2.0);
        assert_eq!(net.edges[1].weight, 1.0);
        assert_eq!(net.edges[0].attrs.get("since"), Some(&AttrValue::Int(2019)));
        assert!(!net.edges[1].attrs.contains_key("since"));
        assert!(report.is_clean());
    }

    #[test]
    fn reads_lowercase_and_plain_edge_lists() {
        let (net, _) = parse_any(b"source,target,weight\nx,y,0.5\n").unwrap();
        assert!(!net.directed);
        assert_eq!(net.edges[0].weight, 0.5);
        let (net, _) = parse_any(b"from_person,to_person,strength\nx,y,3\ny,z,1\n").unwrap();
        assert_eq!(net.edges.len(), 2);
        assert_eq!(net.edges[0].weight, 3.0);
    }

    #[test]
    fn bad_weights_are_skipped_and_reported() {
        let (net, report) =
            parse_any(b"Source,Target,Weight\na,b,heavy\na,c,NaN\na,d,1\n").unwrap();
        assert_eq!(net.edges.len(), 1);
        assert_eq!(report.count(IssueKind::BadWeight), 2);
        assert_eq!(
            report
                .issues
                .iter()
                .find(|i| i.kind == IssueKind::BadWeight)
                .unwrap()
                .lines,
            [2, 3]
        );
    }

    #[test]
    fn pair_round_trips_with_isolates() {
        let mut net = Network::new(true);
        let mut a = Attrs::new();
        a.insert("kind".into(), AttrValue::Str("person".into()));
        a.insert("age".into(), AttrValue::Int(40));
        net.add_node("p1", Some("Ann".into()), a);
        net.add_node("p2", Some("=cmd()".into()), Attrs::new());
        net.add_node("iso", None, Attrs::new());
        let mut e = Attrs::new();
        e.insert("score".into(), AttrValue::Float(-1.5));
        e.insert("type".into(), AttrValue::Str("friend".into()));
        net.add_edge(0, 1, 2.5, e);
        let (nodes, edges) = (write_nodes(&net), write_edges(&net));
        assert!(nodes.contains("'=cmd()"));
        assert!(edges.contains("-1.5"));
        let (back, report) = parse_pair(nodes.as_bytes(), edges.as_bytes()).unwrap();
        assert!(report.is_clean(), "{report}");
        assert_eq!(back, net);
    }
}
