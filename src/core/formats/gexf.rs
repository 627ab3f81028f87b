//! GEXF, Gephi's own format: 1.3 by default, 1.2draft for networkx (which
//! reads only 1.1draft/1.2draft). Reads 1.1draft, 1.2draft and 1.3 alike.
//!
//! Keeps: ids, labels, weights, direction (per edge `type` too), typed node and
//! edge attributes (`<attributes>` with `<attvalues>`, defaults applied),
//! metrics when the caller includes them, `kind` (plus `bipartite` 0/1 on
//! two-mode exports), and viz: node attributes `x`, `y` (position), `size`
//! and `color` (`#rrggbb`, or `#rrggbbaa` when not opaque) become
//! `<viz:position>`, `<viz:size>`, `<viz:color>` so Gephi opens the file laid
//! out and coloured.
//! Loses: graph-level attributes (GEXF has none; only meta), dynamics
//! (spells, start/end: ignored and reported), hierarchy (nested nodes), edge
//! ids and edge viz.
//!
//! Edges naming undeclared nodes create them, as networkx's reader does.

use super::attrs::{self, AttrType};
use super::builder::{self, Builder, BIPARTITE_ATTR};
use super::report::{ImportReport, IssueKind};
use super::text::{self, xml_escape};
use super::xml::{self, attr, Ev, XmlReader};
use super::ImportError;
use crate::core::network::{AttrValue, Attrs, Network};
use std::collections::HashMap;
use std::fmt::Write;

/// True when node attribute `k` travels as a GEXF viz element rather than an
/// attvalue: `x` and `y` when both are
/// finite numbers, `size` when it is a finite number of at least 0, `color`
/// when it is `#rrggbb` or `#rrggbbaa`. Any other value (a CSV column
/// "size" holding "large", say) stays an ordinary attribute, so nothing is
/// lost and the viz elements keep to the ranges the viz module allows.
fn travels_as_viz(a: &Attrs, k: &str) -> bool {
    let num = |k: &str| {
        a.get(k)
            .and_then(AttrValue::as_f64)
            .filter(|v| v.is_finite())
    };
    match k {
        "x" | "y" => num("x").is_some() && num("y").is_some(),
        "size" => num("size").is_some_and(|s| s >= 0.0),
        "color" => a
            .get(k)
            .and_then(AttrValue::as_str)
            .and_then(parse_hex)
            .is_some(),
        _ => false,
    }
}

/// Which GEXF dialect to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Version {
    /// Gephi 0.9+ and the current spec.
    #[default]
    V1_3,
    /// What networkx's `read_gexf` understands.
    V1_2Draft,
}

impl Version {
    fn namespaces(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Version::V1_3 => ("http://gexf.net/1.3", "http://gexf.net/1.3/viz", "1.3"),
            Version::V1_2Draft => (
                "http://www.gexf.net/1.2draft",
                "http://www.gexf.net/1.2draft/viz",
                "1.2",
            ),
        }
    }
}

struct AttrDecl {
    title: String,
    ty: AttrType,
    default: Option<AttrValue>,
}

struct PendingEdge {
    source: String,
    target: String,
    weight: Option<String>,
    attrs: Attrs,
    line: usize,
}

#[derive(Default)]
struct Declarations {
    node: HashMap<String, AttrDecl>,
    edge: HashMap<String, AttrDecl>,
}

/// Reads a GEXF file of any version Gephi or networkx writes.
pub fn parse(bytes: &[u8]) -> Result<(Network, ImportReport), ImportError> {
    let text = xml::decode(bytes)?;
    let mut r = XmlReader::new(&text);
    r.expect_root("gexf", "GEXF")?;
    let mut b = Builder::new(false);
    let mut decls = Declarations::default();
    let mut edges = Vec::new();
    let mut seen_graph = false;
    loop {
        match r.next()? {
            Ev::Open {
                name,
                attrs: a,
                empty,
                pos,
            } => {
                let line = r.line(pos);
                match name.as_str() {
                    "graph" if !seen_graph => {
                        seen_graph = true;
                        b.set_directed(attr(&a, "defaultedgetype") == Some("directed"));
                        if attr(&a, "mode") == Some("dynamic") {
                            b.note(
                                IssueKind::Ignored,
                                line,
                                "dynamic graph: time intervals ignored",
                            );
                        }
                    }
                    "attributes" if !empty => read_declarations(&mut r, &a, &mut decls)?,
                    "node" => read_node(&mut r, &mut b, &decls.node, &a, empty, line)?,
                    "edge" => {
                        let data = if empty {
                            Attrs::new()
                        } else {
                            read_attvalues(&mut r, &mut b, &decls.edge, false)?
                        };
                        match (attr(&a, "source"), attr(&a, "target")) {
                            (Some(s), Some(t)) => {
                                let mut data = data;
                                if let Some(l) = attr(&a, "label") {
                                    data.insert("label".into(), AttrValue::Str(l.into()));
                                }
                                if let Some(kind) = attr(&a, "type") {
                                    let directed = kind == "directed";
                                    if directed != b.directed() {
                                        b.note(IssueKind::MixedDirection, line, kind);
                                    }
                                }
                                edges.push(PendingEdge {
                                    source: s.into(),
                                    target: t.into(),
                                    weight: attr(&a, "weight").map(str::to_owned),
                                    attrs: data,
                                    line,
                                });
                            }
                            _ => b.note(
                                IssueKind::BadRecord,
                                line,
                                "<edge> without source or target",
                            ),
                        }
                    }
                    "gexf" | "nodes" | "edges" => {}
                    "graph" | "meta" => {
                        if name == "graph" {
                            b.note(IssueKind::Ignored, line, "a second <graph>");
                        }
                        if !empty {
                            r.skip()?;
                        }
                    }
                    other => {
                        b.note(IssueKind::Ignored, line, format!("<{other}>"));
                        if !empty {
                            r.skip()?;
                        }
                    }
                }
            }
            Ev::Close(_) | Ev::Text(_) => {}
            Ev::Eof => break,
        }
    }
    if !seen_graph {
        return Err(ImportError::Invalid(
            "the GEXF file has no <graph> element".into(),
        ));
    }
    add_edges(&mut b, &decls.edge, edges);
    for i in 0..b.node_count() {
        if let Some(node) = b.node_mut(i) {
            fill_defaults(&mut node.attrs, &decls.node);
        }
    }
    Ok(b.finish())
}

fn gexf_type(t: &str) -> AttrType {
    match t {
        "integer" | "long" | "short" | "byte" => AttrType::Int,
        "float" | "double" => AttrType::Float,
        "boolean" => AttrType::Bool,
        _ => AttrType::Str,
    }
}

fn read_declarations(
    r: &mut XmlReader<'_>,
    a: &[(String, String)],
    decls: &mut Declarations,
) -> Result<(), ImportError> {
    let class_is_edge = attr(a, "class") == Some("edge");
    loop {
        match r.next()? {
            Ev::Open {
                name,
                attrs: a,
                empty,
                ..
            } if name == "attribute" => {
                let id = attr(&a, "id").unwrap_or_default().to_owned();
                let ty = gexf_type(attr(&a, "type").unwrap_or("string"));
                let mut default = None;
                if !empty {
                    loop {
                        match r.next()? {
                            Ev::Open {
                                name, empty: false, ..
                            } if name == "default" => {
                                default = attrs::from_text(&r.text_until_close()?, ty);
                            }
                            Ev::Open { empty: false, .. } => r.skip()?,
                            Ev::Close(_) | Ev::Eof => break,
                            _ => {}
                        }
                    }
                }
                let title = attr(&a, "title").unwrap_or(&id).to_owned();
                let decl = AttrDecl { title, ty, default };
                if class_is_edge {
                    decls.edge.insert(id, decl);
                } else {
                    decls.node.insert(id, decl);
                }
            }
            Ev::Open { empty: false, .. } => r.skip()?,
            Ev::Close(_) | Ev::Eof => return Ok(()),
            _ => {}
        }
    }
}

fn read_node(
    r: &mut XmlReader<'_>,
    b: &mut Builder,
    decls: &HashMap<String, AttrDecl>,
    a: &[(String, String)],
    empty: bool,
    line: usize,
) -> Result<(), ImportError> {
    let data = if empty {
        Attrs::new()
    } else {
        read_attvalues(r, b, decls, true)?
    };
    match attr(a, "id") {
        Some(id) => {
            b.add_node(id, attr(a, "label").map(str::to_owned), data, line);
        }
        None => b.note(IssueKind::BadRecord, line, "<node> without id"),
    }
    Ok(())
}

/// Reads the children of a node or edge: attvalues, and viz for nodes.
fn read_attvalues(
    r: &mut XmlReader<'_>,
    b: &mut Builder,
    decls: &HashMap<String, AttrDecl>,
    viz: bool,
) -> Result<Attrs, ImportError> {
    let mut out = Attrs::new();
    loop {
        match r.next()? {
            Ev::Open {
                name,
                attrs: a,
                empty,
                pos,
            } => {
                let line = r.line(pos);
                match name.as_str() {
                    "attvalues" => {}
                    "attvalue" => {
                        let key = attr(&a, "for")
                            .or_else(|| attr(&a, "id"))
                            .unwrap_or_default();
                        let raw = attr(&a, "value").unwrap_or_default();
                        if attr(&a, "start").is_some() || attr(&a, "end").is_some() {
                            b.note(IssueKind::Ignored, line, "time interval on an attvalue");
                        }
                        match decls.get(key) {
                            Some(d) => {
                                let v = attrs::from_text(raw, d.ty).unwrap_or_else(|| {
                                    b.note(IssueKind::BadValue, line, raw);
                                    AttrValue::Str(raw.to_owned())
                                });
                                out.insert(d.title.clone(), v);
                            }
                            None => b.note(
                                IssueKind::Ignored,
                                line,
                                format!("attvalue for undeclared attribute {key}"),
                            ),
                        }
                    }
                    "position" | "size" | "color" if viz => read_viz(&name, &a, &mut out),
                    "shape" | "thickness" | "position" | "size" | "color" => {}
                    other => {
                        b.note(IssueKind::Ignored, line, format!("<{other}>"));
                    }
                }
                if !empty && !matches!(name.as_str(), "attvalues") {
                    r.skip()?;
                }
            }
            Ev::Close(name) if name == "attvalues" => {}
            Ev::Close(_) | Ev::Eof => return Ok(out),
            Ev::Text(_) => {}
        }
    }
}

fn read_viz(name: &str, a: &[(String, String)], out: &mut Attrs) {
    let num = |k: &str| {
        attr(a, k)
            .and_then(|v| v.trim().parse::<f64>().ok())
            .filter(|f| f.is_finite())
    };
    match name {
        "position" => {
            for k in ["x", "y"] {
                if let Some(v) = num(k) {
                    out.insert(k.into(), AttrValue::Float(v));
                }
            }
        }
        "size" => {
            if let Some(v) = num("value") {
                out.insert("size".into(), AttrValue::Float(v));
            }
        }
        _ => {
            let c = |k: &str| num(k).map(|v| v.clamp(0.0, 255.0) as u8);
            // GEXF 1.3 also allows the colour as one hex attribute.
            let hex = attr(a, "hex").and_then(|h| parse_hex(h.trim()));
            let rgb = match hex {
                Some([r, g, bl, _]) => Some((r, g, bl)),
                None => c("r")
                    .zip(c("g"))
                    .zip(c("b"))
                    .map(|((r, g), bl)| (r, g, bl)),
            };
            if let Some((r, g, bl)) = rgb {
                let alpha = match hex {
                    Some([.., a]) => Some(a),
                    None => num("a").map(|a| (a.clamp(0.0, 1.0) * 255.0).round() as u8),
                };
                let hex = match alpha {
                    Some(a) if a < 255 => format!("#{r:02x}{g:02x}{bl:02x}{a:02x}"),
                    _ => format!("#{r:02x}{g:02x}{bl:02x}"),
                };
                out.insert("color".into(), AttrValue::Str(hex));
            }
        }
    }
}

fn add_edges(b: &mut Builder, decls: &HashMap<String, AttrDecl>, edges: Vec<PendingEdge>) {
    if b.report.count(IssueKind::MixedDirection) > 0 {
        b.set_directed(true);
    }
    for mut e in edges {
        fill_defaults(&mut e.attrs, decls);
        let weight = match e.weight.as_deref().map(str::trim) {
            None => 1.0,
            Some(w) => match w.parse::<f64>() {
                Ok(v) => v,
                Err(_) => {
                    b.note(IssueKind::BadWeight, e.line, w);
                    continue;
                }
            },
        };
        if !weight.is_finite() {
            // Checked before the nodes: a skipped edge must not create them.
            b.note(IssueKind::BadWeight, e.line, weight.to_string());
            continue;
        }
        let s = b.node_or_implicit(&e.source, e.line);
        let t = b.node_or_implicit(&e.target, e.line);
        b.add_edge(s, t, weight, e.attrs, e.line);
    }
}

/// Declared defaults fill missing values (the GEXF spec; networkx only
/// records them), for implicit nodes too.
fn fill_defaults(attrs: &mut Attrs, decls: &HashMap<String, AttrDecl>) {
    for d in decls.values() {
        if let Some(v) = &d.default {
            attrs.entry(d.title.clone()).or_insert_with(|| v.clone());
        }
    }
}

fn type_name(t: AttrType) -> &'static str {
    match t {
        AttrType::Bool => "boolean",
        AttrType::Int => "long",
        AttrType::Float => "double",
        AttrType::Str => "string",
    }
}

/// Writes GEXF 1.3 for Gephi.
pub fn write(net: &Network) -> String {
    write_version(net, Version::V1_3)
}

/// Writes GEXF in the given dialect.
///
/// Complexity: O(n + m) in nodes and edges (plus attributes).
pub fn write_version(net: &Network, version: Version) -> String {
    let (ns, viz_ns, v) = version.namespaces();
    let two_mode = net.is_two_mode();
    let mut node_cols = attrs::columns_where(net.nodes.iter().map(|n| &n.attrs), |a, k| {
        k != "label" && !travels_as_viz(a, k)
    });
    if two_mode && !node_cols.iter().any(|(k, _)| k == BIPARTITE_ATTR) {
        node_cols.push((BIPARTITE_ATTR.into(), AttrType::Int));
    }
    let edge_cols = attrs::columns(net.edges.iter().map(|e| &e.attrs), &["label", "weight"]);
    let mut out = String::with_capacity(160 * (net.nodes.len() + net.edges.len()) + 1024);
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"{ns}\" xmlns:viz=\"{viz_ns}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"{ns} {ns}/gexf.xsd\" version=\"{v}\">\n  <meta>\n    <creator>Weave</creator>\n  </meta>\n"
    );
    let kind = if net.directed {
        "directed"
    } else {
        "undirected"
    };
    let _ = writeln!(out, "  <graph mode=\"static\" defaultedgetype=\"{kind}\">");
    for (class, cols) in [("node", &node_cols), ("edge", &edge_cols)] {
        if cols.is_empty() {
            continue;
        }
        // GEXF 1.3's grammar has no `mode` on <attributes> (static is the
        // default); the 1.2 draft, which networkx reads, declares it.
        let mode = if version == Version::V1_3 {
            ""
        } else {
            " mode=\"static\""
        };
        let _ = writeln!(out, "    <attributes class=\"{class}\"{mode}>");
        for (i, (title, ty)) in cols.iter().enumerate() {
            let _ = writeln!(
                out,
                "      <attribute id=\"{i}\" title=\"{}\" type=\"{}\"/>",
                xml_escape(title),
                type_name(*ty)
            );
        }
        out.push_str("    </attributes>\n");
    }
    out.push_str("    <nodes>\n");
    for n in &net.nodes {
        write_node(&mut out, n, &node_cols, two_mode);
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (i, e) in net.edges.iter().enumerate() {
        let (Some(s), Some(t)) = (net.nodes.get(e.source), net.nodes.get(e.target)) else {
            continue;
        };
        let _ = write!(
            out,
            "      <edge id=\"{i}\" source=\"{}\" target=\"{}\" weight=\"{}\"",
            xml_escape(&s.id),
            xml_escape(&t.id),
            text::float(e.weight)
        );
        if let Some(AttrValue::Str(l)) = e.attrs.get("label") {
            let _ = write!(out, " label=\"{}\"", xml_escape(l));
        }
        if let Some(values) = attvalues(&e.attrs, &edge_cols, "        ") {
            let _ = write!(out, ">\n{values}      </edge>\n");
        } else {
            out.push_str("/>\n");
        }
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

fn write_node(
    out: &mut String,
    n: &crate::core::network::Node,
    cols: &[(String, AttrType)],
    two_mode: bool,
) {
    let _ = write!(out, "      <node id=\"{}\"", xml_escape(&n.id));
    if let Some(l) = &n.label {
        let _ = write!(out, " label=\"{}\"", xml_escape(l));
    }
    out.push_str(">\n");
    let mut values = n.attrs.clone();
    values.retain(|k, _| !travels_as_viz(&n.attrs, k));
    if let (true, Some(bp)) = (two_mode, builder::kind_to_bipartite(&n.attrs)) {
        values
            .entry(BIPARTITE_ATTR.into())
            .or_insert(AttrValue::Int(bp));
    }
    if let Some(v) = attvalues(&values, cols, "        ") {
        out.push_str(&v);
    }
    write_viz(out, &n.attrs);
    out.push_str("      </node>\n");
}

fn attvalues(values: &Attrs, cols: &[(String, AttrType)], indent: &str) -> Option<String> {
    let mut s = String::new();
    for (i, (title, ty)) in cols.iter().enumerate() {
        if let Some(v) = values.get(title) {
            let _ = writeln!(
                s,
                "{indent}  <attvalue for=\"{i}\" value=\"{}\"/>",
                xml_escape(&attrs::to_text(v, *ty))
            );
        }
    }
    (!s.is_empty()).then(|| format!("{indent}<attvalues>\n{s}{indent}</attvalues>\n"))
}

fn write_viz(out: &mut String, a: &Attrs) {
    let f = |k: &str| {
        a.get(k)
            .and_then(AttrValue::as_f64)
            .filter(|_| travels_as_viz(a, k))
    };
    if let Some(rgba) = a
        .get("color")
        .and_then(AttrValue::as_str)
        .and_then(parse_hex)
    {
        let [r, g, b, al] = rgba;
        let alpha = if al == 255 {
            String::new()
        } else {
            format!(" a=\"{}\"", text::float(f64::from(al) / 255.0))
        };
        let _ = writeln!(
            out,
            "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"{alpha}/>"
        );
    }
    if let (Some(x), Some(y)) = (f("x"), f("y")) {
        let _ = writeln!(
            out,
            "        <viz:position x=\"{}\" y=\"{}\" z=\"0.0\"/>",
            text::float(x),
            text::float(y)
        );
    }
    if let Some(s) = f("size") {
        let _ = writeln!(out, "        <viz:size value=\"{}\"/>", text::float(s));
    }
}

/// `#rrggbb` or `#rrggbbaa` to bytes.
fn parse_hex(s: &str) -> Option<[u8; 4]> {
    let h = s.strip_prefix('#')?;
    if !(h.len() == 6 || h.len() == 8) || !h.is_ascii() {
        return None;
    }
    let byte = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some([
        byte(0)?,
        byte(2)?,
        byte(4)?,
        if h.len() == 8 { byte(6)? } else { 255 },
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    const GEPHI: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="0" title="age" type="integer"><default>30</default></attribute>
      <attribute id="1" title="area" type="string"/>
    </attributes>
    <nodes>
      <node id="a" label="Ann"><attvalues><attvalue for="0" value="41"/><attvalue for="1" value="East"/></attvalues>
        <viz:color r="255" g="0" b="16"/><viz:position x="1.5" y="-2.0" z="0.0"/><viz:size value="10"/></node>
      <node id="b" label="Bob"/>
    </nodes>
    <edges>
      <edge id="0" source="a" target="b" weight="2"/>
      <edge id="1" source="b" target="z"/>
    </edges>
  </graph>
</gexf>"#;

    #[test]
    fn reads_gephi_gexf_with_viz() {
        let (net, report) = parse(GEPHI.as_bytes()).unwrap();
        assert!(net.directed);
        assert_eq!(net.nodes[0].label.as_deref(), Some("Ann"));
        assert_eq!(net.nodes[0].attrs.get("age"), Some(&AttrValue::Int(41)));
        assert_eq!(net.nodes[1].attrs.get("age"), Some(&AttrValue::Int(30)));
        assert_eq!(
            net.nodes[0].attrs.get("color"),
            Some(&AttrValue::Str("#ff0010".into()))
        );
        assert_eq!(net.nodes[0].attrs.get("y"), Some(&AttrValue::Float(-2.0)));
        assert_eq!(net.edges[0].weight, 2.0);
        assert_eq!(report.count(IssueKind::ImplicitNode), 1);
    }

    #[test]
    fn round_trips_both_versions() {
        let (net, _) = parse(GEPHI.as_bytes()).unwrap();
        for v in [Version::V1_3, Version::V1_2Draft] {
            let (back, report) = parse(write_version(&net, v).as_bytes()).unwrap();
            assert!(report.is_clean(), "{report}");
            assert_eq!(back, net);
        }
    }

    #[test]
    fn reads_the_hex_colour_of_gexf_1_3() {
        let doc = GEPHI.replace(
            r#"<viz:color r="255" g="0" b="16"/>"#,
            r##"<viz:color hex="#FF0022"/>"##,
        );
        let (net, _) = parse(doc.as_bytes()).unwrap();
        assert_eq!(
            net.nodes[0].attrs.get("color"),
            Some(&AttrValue::Str("#ff0022".into()))
        );
    }

    #[test]
    fn values_the_viz_module_cannot_hold_stay_attributes() {
        let mut net = Network::new(false);
        let mut a = Attrs::new();
        a.insert("size".into(), AttrValue::Float(-3.0));
        a.insert("color".into(), AttrValue::Str("red".into()));
        a.insert("x".into(), AttrValue::Float(1.0));
        net.add_node("a", None, a);
        let mut b = Attrs::new();
        b.insert("size".into(), AttrValue::Float(4.0));
        b.insert("color".into(), AttrValue::Str("#00ff00".into()));
        b.insert("x".into(), AttrValue::Float(1.0));
        b.insert("y".into(), AttrValue::Float(2.0));
        net.add_node("b", None, b);
        let out = write_version(&net, Version::V1_3);
        assert_eq!(out.matches("<viz:size").count(), 1);
        assert!(out.contains(r#"<viz:size value="4.0"/>"#));
        assert!(out.contains(r#"<viz:color r="0" g="255" b="0"/>"#));
        assert_eq!(out.matches("<viz:position").count(), 1);
        assert!(out.contains(r#"title="color" type="string""#));
        let (back, report) = parse(out.as_bytes()).unwrap();
        assert!(report.is_clean(), "{report}");
        assert_eq!(back, net);
    }
}
