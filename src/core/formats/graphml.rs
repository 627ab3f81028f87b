//! GraphML as networkx, igraph and yEd write and read it: typed keys
//! (boolean, int, long, float, double, string), `edgedefault` and per-edge
//! `directed`, node/edge/graph attributes, `<default>` values, yEd node labels.
//!
//! Keeps: ids, labels (the `label` attribute, as networkx and yEd use it),
//! weights (the `weight` attribute), direction, typed node/edge/graph
//! attributes, `kind` (plus networkx's `bipartite` 0/1 on two-mode exports).
//! Loses: nested graphs, hyperedges and ports (ignored, reported), edge ids,
//! yEd graphics other than labels.
//!
//! Choices where readers differ: edges naming undeclared nodes create them
//! (networkx); `<default>` values are applied to nodes/edges lacking the
//! attribute (the GraphML spec and igraph; networkx only stores them). Ids
//! that are not XML NMTOKENs (spaces, say) are written as `n0, n1...` with the
//! original id in a `weave_id` attribute, which this reader restores, so the
//! file still validates as GraphML (node ids are NMTOKENs).
//!
//! Attribute names: the GraphML schema types `attr.name` as an XML NMTOKEN,
//! and validating readers (JGraphT's importer, say) refuse a file whose key
//! is named "How long". networkx, igraph, Gephi and yEd write such names
//! as they are, and read tokens just as well, so the writer puts a token in
//! `attr.name` (every character a token cannot hold becomes `_`: "How_long",
//! which R and pandas users can also type) and the original name in the key's
//! `<desc>`; this reader takes the name back from that `<desc>`. Names that
//! are already tokens are written unchanged, with no `<desc>`.

use super::attrs::{self, AttrType};
use super::builder::{self, Builder, BIPARTITE_ATTR};
use super::report::{ImportReport, IssueKind};
use super::text::{self, xml_escape};
use super::xml::{self, attr, Ev, XmlReader};
use super::ImportError;
use crate::core::network::{AttrValue, Attrs, Network};
use std::collections::HashMap;
use std::fmt::Write;

/// The attribute that carries an id GraphML could not hold as a node id.
pub const WEAVE_ID: &str = "weave_id";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Graph,
    Node,
    Edge,
    All,
}

struct Key {
    name: String,
    scope: Scope,
    ty: AttrType,
    default: Option<AttrValue>,
    /// yEd's graphics keys carry labels inside nested elements.
    yfiles: bool,
}

struct PendingEdge {
    source: String,
    target: String,
    attrs: Attrs,
    line: usize,
}

/// Reads a GraphML file (the first `<graph>`; further graphs are reported).
pub fn parse(bytes: &[u8]) -> Result<(Network, ImportReport), ImportError> {
    let text = xml::decode(bytes)?;
    let mut r = XmlReader::new(&text);
    r.expect_root("graphml", "GraphML")?;
    let mut keys: HashMap<String, Key> = HashMap::new();
    let mut b: Option<Builder> = None;
    let mut ignored: Vec<(usize, String)> = Vec::new();
    loop {
        match r.next()? {
            Ev::Open {
                name,
                attrs,
                empty,
                pos,
            } => match name.as_str() {
                "key" => {
                    let (id, key) = read_key(&mut r, &attrs, empty)?;
                    keys.insert(id, key);
                }
                "graph" if b.is_none() && !empty => b = Some(read_graph(&mut r, &keys, &attrs)?),
                "graph" if b.is_none() => b = Some(Builder::new(directed_default(&attrs))),
                other => {
                    ignored.push((r.line(pos), format!("<{other}>")));
                    if !empty {
                        r.skip()?;
                    }
                }
            },
            Ev::Close(_) | Ev::Eof => break,
            Ev::Text(_) => {}
        }
    }
    let mut b =
        b.ok_or_else(|| ImportError::Invalid("the GraphML file has no <graph> element".into()))?;
    for (line, what) in ignored {
        b.note(IssueKind::Ignored, line, what);
    }
    Ok(b.finish())
}

fn read_key(
    r: &mut XmlReader<'_>,
    a: &[(String, String)],
    empty: bool,
) -> Result<(String, Key), ImportError> {
    let id = attr(a, "id").unwrap_or_default().to_owned();
    let scope = match attr(a, "for").unwrap_or("all") {
        "graph" => Scope::Graph,
        "node" => Scope::Node,
        "edge" => Scope::Edge,
        _ => Scope::All,
    };
    let ty = match attr(a, "attr.type").unwrap_or("string") {
        "boolean" => AttrType::Bool,
        "int" | "long" => AttrType::Int,
        "float" | "double" => AttrType::Float,
        _ => AttrType::Str,
    };
    let mut default = None;
    let mut desc = None;
    if !empty {
        loop {
            match r.next()? {
                Ev::Open {
                    name, empty: false, ..
                } if name == "default" => {
                    let t = r.text_until_close()?;
                    default = attrs::from_text(&t, ty);
                }
                Ev::Open {
                    name, empty: false, ..
                } if name == "desc" => desc = Some(r.text_until_close()?),
                Ev::Open { empty: false, .. } => r.skip()?,
                Ev::Close(_) | Ev::Eof => break,
                Ev::Open { .. } | Ev::Text(_) => {}
            }
        }
    }
    let written = attr(a, "attr.name").unwrap_or(&id);
    let key = Key {
        name: match desc {
            Some(original) if is_token_of(written, &original) => original,
            _ => written.to_owned(),
        },
        scope,
        ty,
        default,
        yfiles: attr(a, "yfiles.type").is_some(),
    };
    Ok((id, key))
}

fn directed_default(a: &[(String, String)]) -> bool {
    attr(a, "edgedefault") == Some("directed")
}

fn read_graph(
    r: &mut XmlReader<'_>,
    keys: &HashMap<String, Key>,
    a: &[(String, String)],
) -> Result<Builder, ImportError> {
    let directed = directed_default(a);
    let mut b = Builder::new(directed);
    let mut edges = Vec::new();
    let mut mixed = Vec::new();
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
                    "node" => read_node(r, &mut b, keys, &a, empty, line)?,
                    "edge" => {
                        if let Some(d) = attr(&a, "directed") {
                            if (d == "true") != directed {
                                mixed.push(line);
                            }
                        }
                        let data = if empty {
                            Attrs::new()
                        } else {
                            read_data(r, &mut b, keys, Scope::Edge)?
                        };
                        match (attr(&a, "source"), attr(&a, "target")) {
                            (Some(s), Some(t)) => edges.push(PendingEdge {
                                source: s.into(),
                                target: t.into(),
                                attrs: data,
                                line,
                            }),
                            _ => b.note(
                                IssueKind::BadRecord,
                                line,
                                "<edge> without source or target",
                            ),
                        }
                    }
                    "data" if !empty => {
                        if let Some((k, v)) =
                            read_one_data(r, &mut b, keys, &a, Scope::Graph, line)?
                        {
                            b.graph_attrs().insert(k, v);
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
            Ev::Close(_) | Ev::Eof => break,
            Ev::Text(_) => {}
        }
    }
    apply_defaults_and_edges(&mut b, keys, edges, &mixed);
    Ok(b)
}

fn read_node(
    r: &mut XmlReader<'_>,
    b: &mut Builder,
    keys: &HashMap<String, Key>,
    a: &[(String, String)],
    empty: bool,
    line: usize,
) -> Result<(), ImportError> {
    let mut data = if empty {
        Attrs::new()
    } else {
        read_data(r, b, keys, Scope::Node)?
    };
    let Some(id) = attr(a, "id") else {
        b.note(IssueKind::BadRecord, line, "<node> without id");
        return Ok(());
    };
    let label = match data.remove("label") {
        Some(AttrValue::Str(s)) => Some(s),
        Some(other) => {
            data.insert("label".into(), other);
            None
        }
        None => None,
    };
    b.add_node(id, label, data, line);
    Ok(())
}

/// Reads the `<data>` children of a node or edge up to its close tag.
fn read_data(
    r: &mut XmlReader<'_>,
    b: &mut Builder,
    keys: &HashMap<String, Key>,
    scope: Scope,
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
                if name == "data" && !empty {
                    if let Some((k, v)) = read_one_data(r, b, keys, &a, scope, line)? {
                        out.insert(k, v);
                    }
                } else if !empty {
                    b.note(
                        IssueKind::Ignored,
                        line,
                        format!("<{name}> inside a node or edge"),
                    );
                    r.skip()?;
                }
            }
            Ev::Close(_) | Ev::Eof => return Ok(out),
            Ev::Text(_) => {}
        }
    }
}

fn read_one_data(
    r: &mut XmlReader<'_>,
    b: &mut Builder,
    keys: &HashMap<String, Key>,
    a: &[(String, String)],
    scope: Scope,
    line: usize,
) -> Result<Option<(String, AttrValue)>, ImportError> {
    let raw = r.text_until_close()?;
    let key_id = attr(a, "key").unwrap_or_default();
    let Some(key) = keys.get(key_id) else {
        b.note(
            IssueKind::Ignored,
            line,
            format!("data for undeclared key {key_id}"),
        );
        return Ok(None);
    };
    if key.yfiles {
        let label = raw.trim();
        return Ok((scope == Scope::Node && !label.is_empty())
            .then(|| ("label".to_owned(), AttrValue::Str(label.to_owned()))));
    }
    let value = attrs::from_text(&raw, key.ty).unwrap_or_else(|| {
        b.note(IssueKind::BadValue, line, raw.clone());
        AttrValue::Str(raw.clone())
    });
    Ok(Some((key.name.clone(), value)))
}

/// Applies key defaults, adds the buffered edges (so nodes declared after
/// their edges are still declared nodes, as in networkx), restores `weave_id`.
fn apply_defaults_and_edges(
    b: &mut Builder,
    keys: &HashMap<String, Key>,
    edges: Vec<PendingEdge>,
    mixed: &[usize],
) {
    let defaults = |scope: Scope| -> Vec<(String, AttrValue)> {
        keys.values()
            .filter(|k| k.scope == scope || k.scope == Scope::All)
            .filter_map(|k| Some((k.name.clone(), k.default.clone()?)))
            .collect()
    };
    let (node_defaults, edge_defaults) = (defaults(Scope::Node), defaults(Scope::Edge));
    for i in 0..b.node_count() {
        if let Some(node) = b.node_mut(i) {
            fill(&mut node.attrs, &node_defaults);
            if node.label.is_none() {
                if let Some(AttrValue::Str(l)) = node.attrs.remove("label") {
                    node.label = Some(l);
                }
            }
        }
    }
    if !mixed.is_empty() {
        b.set_directed(true);
        for &line in mixed {
            b.note(IssueKind::MixedDirection, line, "");
        }
    }
    for mut e in edges {
        fill(&mut e.attrs, &edge_defaults);
        let weight = match e.attrs.remove("weight") {
            None => 1.0,
            Some(v) => match v
                .as_f64()
                .or_else(|| v.as_str().and_then(|s| s.trim().parse().ok()))
            {
                Some(w) => w,
                None => {
                    b.note(IssueKind::BadWeight, e.line, format!("{v:?}"));
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
    restore_weave_ids(b);
}

fn fill(attrs: &mut Attrs, defaults: &[(String, AttrValue)]) {
    for (k, v) in defaults {
        attrs.entry(k.clone()).or_insert_with(|| v.clone());
    }
}

/// Puts back ids the writer had to replace; skipped if they would clash.
fn restore_weave_ids(b: &mut Builder) {
    let mut seen = std::collections::HashSet::new();
    let mut ok = true;
    for i in 0..b.node_count() {
        if let Some(AttrValue::Str(id)) = b.node_mut(i).and_then(|n| n.attrs.get(WEAVE_ID).cloned())
        {
            ok &= seen.insert(id);
        }
    }
    if seen.is_empty() || !ok {
        return;
    }
    for i in 0..b.node_count() {
        if let Some(node) = b.node_mut(i) {
            if let Some(AttrValue::Str(id)) = node.attrs.remove(WEAVE_ID) {
                node.id = id;
            }
        }
    }
}

/// True for a valid XML NMTOKEN, which GraphML requires of node ids and
/// `attr.name`.
fn is_nmtoken(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_name_char)
}

/// A character of an XML `Nmtoken` (XML 1.0, production 7), kept to the
/// letters and digits every edition of XML agrees on: ASCII letters, digits,
/// `. - _ :`, the middle dot, and above U+00BF the Unicode letters and digits
/// in the name ranges of XML 1.0 fifth edition (production 4a). Combining
/// marks and rarer symbols a validator might refuse are left out.
fn is_name_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ':');
    }
    let in_name_ranges = matches!(c as u32,
        0xC0..=0xD6 | 0xD8..=0xF6 | 0xF8..=0x2FF | 0x370..=0x37D | 0x37F..=0x1FFF
        | 0x2070..=0x218F | 0x2C00..=0x2FEF | 0x3001..=0xD7FF | 0xF900..=0xFDCF
        | 0xFDF0..=0xFFFD | 0x10000..=0xEFFFF);
    c == '\u{B7}' || (in_name_ranges && c.is_alphanumeric())
}

/// The NMTOKEN written for an attribute name: each character a token cannot
/// hold becomes `_` ("How long" -> "How_long"; "" -> "_"), except characters
/// XML cannot carry at all, which are dropped as they are from the `<desc>`.
fn attr_token(name: &str) -> String {
    let t: String = name
        .chars()
        .filter(|&c| text::is_xml_char(c))
        .map(|c| if is_name_char(c) { c } else { '_' })
        .collect();
    if t.is_empty() {
        "_".into()
    } else {
        t
    }
}

/// True when `written` is what the writer makes of `original`: its token, or
/// the token with a `_N` suffix that tells two clashing names apart.
fn is_token_of(written: &str, original: &str) -> bool {
    let token = attr_token(original);
    written == token
        || written
            .strip_prefix(token.as_str())
            .and_then(|rest| rest.strip_prefix('_'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The `attr.name` of each column: the name itself when it is a token, else
/// its token, numbered where two names of one scope would meet.
fn attr_names(cols: &[(String, AttrType)]) -> Vec<String> {
    let mut taken: std::collections::HashSet<String> = cols
        .iter()
        .filter(|(n, _)| is_nmtoken(n))
        .map(|(n, _)| n.clone())
        .collect();
    cols.iter()
        .map(|(name, _)| {
            if is_nmtoken(name) {
                return name.clone();
            }
            let token = attr_token(name);
            let mut candidate = token.clone();
            let mut n = 2;
            while !taken.insert(candidate.clone()) {
                candidate = format!("{token}_{n}");
                n += 1;
            }
            candidate
        })
        .collect()
}

fn type_name(t: AttrType) -> &'static str {
    match t {
        AttrType::Bool => "boolean",
        AttrType::Int => "long",
        AttrType::Float => "double",
        AttrType::Str => "string",
    }
}

/// Writes GraphML 1.0 that networkx, igraph, yEd and Gephi read, and that
/// validates as GraphML 1.0 (tests/fixtures/formats/schemas/).
///
/// Complexity: O(n + m) in nodes and edges (plus attributes).
pub fn write(net: &Network) -> String {
    let ids_ok = net.nodes.iter().all(|n| is_nmtoken(&n.id)) && {
        let mut s = std::collections::HashSet::new();
        net.nodes.iter().all(|n| s.insert(n.id.as_str()))
    };
    let two_mode = net.is_two_mode();
    let graph_cols = attrs::columns(std::iter::once(&net.attrs), &[]);
    let mut node_cols = attrs::columns(net.nodes.iter().map(|n| &n.attrs), &["label", WEAVE_ID]);
    if net.nodes.iter().any(|n| n.label.is_some()) {
        node_cols.push(("label".into(), AttrType::Str));
    }
    if !ids_ok {
        node_cols.push((WEAVE_ID.into(), AttrType::Str));
    }
    if two_mode && !node_cols.iter().any(|(k, _)| k == BIPARTITE_ATTR) {
        node_cols.push((BIPARTITE_ATTR.into(), AttrType::Int));
    }
    let mut edge_cols = attrs::columns(net.edges.iter().map(|e| &e.attrs), &["weight"]);
    edge_cols.push(("weight".into(), AttrType::Float));

    let mut out = String::with_capacity(128 * (net.nodes.len() + net.edges.len()) + 1024);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    let key_ids = |prefix: char, cols: &[(String, AttrType)]| -> Vec<String> {
        (0..cols.len()).map(|i| format!("{prefix}{i}")).collect()
    };
    let (gk, nk, ek) = (
        key_ids('g', &graph_cols),
        key_ids('n', &node_cols),
        key_ids('e', &edge_cols),
    );
    for (scope, cols, ids) in [
        ("graph", &graph_cols, &gk),
        ("node", &node_cols, &nk),
        ("edge", &edge_cols, &ek),
    ] {
        for (((name, ty), id), token) in cols.iter().zip(ids).zip(attr_names(cols)) {
            let _ = write!(
                out,
                "  <key id=\"{id}\" for=\"{scope}\" attr.name=\"{}\" attr.type=\"{}\"",
                xml_escape(&token),
                type_name(*ty)
            );
            if token == *name {
                out.push_str("/>\n");
            } else {
                let _ = writeln!(out, "><desc>{}</desc></key>", xml_escape(name));
            }
        }
    }
    let dir = if net.directed {
        "directed"
    } else {
        "undirected"
    };
    let _ = writeln!(out, "  <graph id=\"G\" edgedefault=\"{dir}\">");
    write_data(&mut out, "    ", &net.attrs, &graph_cols, &gk);
    let file_id = |i: usize| -> String {
        if ids_ok {
            net.nodes[i].id.clone()
        } else {
            format!("n{i}")
        }
    };
    for (i, n) in net.nodes.iter().enumerate() {
        let _ = writeln!(out, "    <node id=\"{}\">", xml_escape(&file_id(i)));
        let mut extra = n.attrs.clone();
        if let Some(l) = &n.label {
            extra.insert("label".into(), AttrValue::Str(l.clone()));
        }
        if !ids_ok {
            extra.insert(WEAVE_ID.into(), AttrValue::Str(n.id.clone()));
        }
        if let (true, Some(bp)) = (two_mode, builder::kind_to_bipartite(&n.attrs)) {
            extra
                .entry(BIPARTITE_ATTR.into())
                .or_insert(AttrValue::Int(bp));
        }
        write_data(&mut out, "      ", &extra, &node_cols, &nk);
        out.push_str("    </node>\n");
    }
    for e in &net.edges {
        if e.source >= net.nodes.len() || e.target >= net.nodes.len() {
            continue;
        }
        let _ = writeln!(
            out,
            "    <edge source=\"{}\" target=\"{}\">",
            xml_escape(&file_id(e.source)),
            xml_escape(&file_id(e.target))
        );
        let mut extra = e.attrs.clone();
        extra.insert("weight".into(), AttrValue::Float(e.weight));
        write_data(&mut out, "      ", &extra, &edge_cols, &ek);
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn write_data(
    out: &mut String,
    indent: &str,
    values: &Attrs,
    cols: &[(String, AttrType)],
    ids: &[String],
) {
    for ((name, ty), id) in cols.iter().zip(ids) {
        if let Some(v) = values.get(name) {
            let _ = writeln!(
                out,
                "{indent}<data key=\"{id}\">{}</data>",
                xml_escape(&attrs::to_text(v, *ty))
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NX: &str = r#"<?xml version='1.0' encoding='utf-8'?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="age" attr.type="long"><default>30</default></key>
  <key id="d1" for="node" attr.name="label" attr.type="string"/>
  <key id="d2" for="edge" attr.name="weight" attr.type="double"/>
  <key id="d3" for="graph" attr.name="name" attr.type="string"/>
  <graph edgedefault="undirected">
    <data key="d3">demo</data>
    <edge source="a" target="b"><data key="d2">2.5</data></edge>
    <node id="a"><data key="d0">41</data><data key="d1">Ann &amp; Co</data></node>
    <node id="b"/>
    <edge source="b" target="c"/>
  </graph>
</graphml>"#;

    #[test]
    fn reads_networkx_style_graphml() {
        let (net, report) = parse(NX.as_bytes()).unwrap();
        assert!(!net.directed);
        let ids: Vec<&str> = net.nodes.iter().map(|n| n.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        assert_eq!(net.nodes[0].label.as_deref(), Some("Ann & Co"));
        assert_eq!(net.nodes[0].attrs.get("age"), Some(&AttrValue::Int(41)));
        assert_eq!(net.nodes[1].attrs.get("age"), Some(&AttrValue::Int(30)));
        assert_eq!(net.edges[0].weight, 2.5);
        assert_eq!(net.edges[1].weight, 1.0);
        assert_eq!(net.attrs.get("name"), Some(&AttrValue::Str("demo".into())));
        assert_eq!(report.count(IssueKind::ImplicitNode), 1);
    }

    #[test]
    fn round_trips_odd_ids_and_control_characters() {
        let mut net = Network::new(true);
        let mut a = Attrs::new();
        a.insert("kind".into(), AttrValue::Str("person".into()));
        a.insert("note".into(), AttrValue::Str("line1\nline2 <b>".into()));
        net.add_node("p 1", Some("Zoë".into()), a);
        let mut b = Attrs::new();
        b.insert("kind".into(), AttrValue::Str("place".into()));
        b.insert("open".into(), AttrValue::Bool(true));
        net.add_node("place:hall", None, b);
        net.add_edge(0, 1, 3.0, Attrs::new());
        let out = write(&net);
        let (back, report) = parse(out.as_bytes()).unwrap();
        assert!(report.is_clean(), "{report}");
        assert_eq!(back, net);
        net.nodes[0].label = Some("bell\u{7}".into());
        let (back, _) = parse(write(&net).as_bytes()).unwrap();
        assert_eq!(back.nodes[0].label.as_deref(), Some("bell"));
    }

    #[test]
    fn attribute_names_that_are_not_tokens_are_written_as_tokens_and_kept_in_desc() {
        let mut net = Network::new(false);
        let mut a = Attrs::new();
        a.insert("How long".into(), AttrValue::Str("years".into()));
        a.insert("How_long".into(), AttrValue::Int(3));
        a.insert("Zoë's café".into(), AttrValue::Bool(true));
        a.insert("age".into(), AttrValue::Int(41));
        net.add_node("a", None, a);
        net.add_node("b", None, Attrs::new());
        let mut e = Attrs::new();
        e.insert("met at".into(), AttrValue::Str("school".into()));
        net.add_edge(0, 1, 1.0, e);
        let out = write(&net);
        assert!(out
            .contains(r#"attr.name="How_long_2" attr.type="string"><desc>How long</desc></key>"#));
        assert!(out.contains(r#"attr.name="How_long" attr.type="long"/>"#));
        assert!(out.contains(
            r#"attr.name="Zoë_s_café" attr.type="boolean"><desc>Zoë&apos;s café</desc>"#
        ));
        assert!(out.contains(r#"attr.name="met_at""#));
        assert!(out.contains(r#"attr.name="age" attr.type="long"/>"#));
        for name in out.split("attr.name=\"").skip(1) {
            let token = &name[..name.find('"').unwrap_or(0)];
            assert!(is_nmtoken(token), "{token}");
        }
        let (back, report) = parse(out.as_bytes()).unwrap();
        assert!(report.is_clean(), "{report}");
        assert_eq!(back, net);
    }

    #[test]
    fn foreign_names_with_spaces_are_read_as_written() {
        // networkx and Gephi write column titles with spaces as they are.
        let doc = r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="How long" attr.type="string"/>
  <key id="d1" for="node" attr.name="age_2" attr.type="long"><desc>Age in years</desc></key>
  <graph edgedefault="undirected"><node id="a"><data key="d0">ages</data><data key="d1">7</data></node></graph>
</graphml>"#;
        let (net, _) = parse(doc.as_bytes()).unwrap();
        let attrs = &net.nodes[0].attrs;
        assert_eq!(attrs.get("How long"), Some(&AttrValue::Str("ages".into())));
        // A desc that is not the name it was made from stays a description.
        assert_eq!(attrs.get("age_2"), Some(&AttrValue::Int(7)));
    }

    #[test]
    fn name_tokens_follow_the_xml_name_rules() {
        assert_eq!(attr_token("How long"), "How_long");
        assert_eq!(attr_token(""), "_");
        assert_eq!(attr_token("bell\u{7}"), "bell");
        assert_eq!(attr_token("a/b=c?"), "a_b_c_");
        // Letters below U+00C0 that are no XML name characters.
        assert_eq!(attr_token("ª²µ"), "___");
        assert!(is_nmtoken("Zoë-名前.1:x_y\u{B7}"));
        assert!(!is_nmtoken("emoji 👩"));
        assert!(is_token_of("How_long_12", "How long"));
        assert!(!is_token_of("How_long_", "How long"));
        assert!(!is_token_of("Howlong", "How long"));
    }

    #[test]
    fn rejects_other_xml_and_truncation() {
        assert!(parse(b"<gexf></gexf>")
            .unwrap_err()
            .to_string()
            .contains("not GraphML"));
        let cut = &NX.as_bytes()[..NX.len() / 2];
        assert!(parse(cut).is_err());
    }
}
