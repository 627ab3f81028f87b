//! A network as it crosses from the page to the analysis worker, for
//! serde's `with`: ties as columns of packed numbers ([`crate::core::packed`])
//! and attributes as one column per key, each value written once. As
//! objects, 2,000 people and 6,000 ties were 0.5 MB of JSON (a
//! `{"source":…,"target":…,"weight":…,"attrs":{"type":"work"}}` per tie)
//! whose writing cost the page's thread ~17 ms, a dropped frame just after
//! the play-back opened. Exact: what goes in comes out, and ties that point
//! past the last person are refused. The network's own serde form is left
//! as it is.

use crate::core::network::{AttrValue, Attrs, Edge, Network, Node};
use crate::core::packed;
use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

#[derive(Serialize, Deserialize)]
struct Wire {
    directed: bool,
    ids: Vec<String>,
    labels: Vec<Option<String>>,
    node_attrs: Vec<Column>,
    #[serde(with = "packed")]
    source: Vec<u32>,
    #[serde(with = "packed")]
    target: Vec<u32>,
    #[serde(with = "packed")]
    weight: Vec<f64>,
    edge_attrs: Vec<Column>,
    attrs: Attrs,
}

/// One attribute key across all rows: its distinct values, and for each
/// row the index of its value ([`NONE`] where the row has none).
#[derive(Serialize, Deserialize)]
struct Column {
    key: String,
    values: Vec<AttrValue>,
    #[serde(with = "packed")]
    rows: Vec<u32>,
}

/// The row has no value for the key.
const NONE: u32 = u32::MAX;

/// An attribute value as a map key (floats by their bits: exact).
#[derive(PartialEq, Eq, Hash)]
enum Same {
    Bool(bool),
    Int(i64),
    Float(u64),
    Str(String),
}

fn same(v: &AttrValue) -> Same {
    match v {
        AttrValue::Bool(b) => Same::Bool(*b),
        AttrValue::Int(i) => Same::Int(*i),
        AttrValue::Float(f) => Same::Float(f.to_bits()),
        AttrValue::Str(s) => Same::Str(s.clone()),
    }
}

/// The columns of every key any row has, keys in order.
fn columns<'a>(rows: impl ExactSizeIterator<Item = &'a Attrs>) -> Vec<Column> {
    let n = rows.len();
    let mut keys: BTreeMap<&str, (Column, HashMap<Same, u32>)> = BTreeMap::new();
    for (i, attrs) in rows.enumerate() {
        for (key, value) in attrs {
            let (column, seen) = keys.entry(key.as_str()).or_insert_with(|| {
                let column = Column {
                    key: key.clone(),
                    values: Vec::new(),
                    rows: vec![NONE; n],
                };
                (column, HashMap::new())
            });
            let index = *seen.entry(same(value)).or_insert_with(|| {
                column.values.push(value.clone());
                (column.values.len() - 1) as u32
            });
            column.rows[i] = index;
        }
    }
    keys.into_values().map(|(column, _)| column).collect()
}

/// Each row's attributes back from `columns`, or why not.
fn rows(columns: Vec<Column>, n: usize, what: &str) -> Result<Vec<Attrs>, String> {
    let mut out = vec![Attrs::new(); n];
    for column in columns {
        if column.rows.len() != n {
            return Err(format!(
                "{what} {}: {} rows for {n}",
                column.key,
                column.rows.len()
            ));
        }
        for (attrs, &index) in out.iter_mut().zip(&column.rows) {
            if index == NONE {
                continue;
            }
            let value = column
                .values
                .get(index as usize)
                .ok_or_else(|| format!("{what} {}: no value {index}", column.key))?;
            attrs.insert(column.key.clone(), value.clone());
        }
    }
    Ok(out)
}

fn index(i: usize) -> Result<u32, String> {
    u32::try_from(i).map_err(|_| format!("node {i} is past what a job can carry"))
}

fn to_wire(net: &Network) -> Result<Wire, String> {
    let mut source = Vec::with_capacity(net.edges.len());
    let mut target = Vec::with_capacity(net.edges.len());
    for e in &net.edges {
        source.push(index(e.source)?);
        target.push(index(e.target)?);
    }
    Ok(Wire {
        directed: net.directed,
        ids: net.nodes.iter().map(|n| n.id.clone()).collect(),
        labels: net.nodes.iter().map(|n| n.label.clone()).collect(),
        node_attrs: columns(net.nodes.iter().map(|n| &n.attrs)),
        source,
        target,
        weight: net.edges.iter().map(|e| e.weight).collect(),
        edge_attrs: columns(net.edges.iter().map(|e| &e.attrs)),
        attrs: net.attrs.clone(),
    })
}

fn from_wire(w: Wire) -> Result<Network, String> {
    let (n, m) = (w.ids.len(), w.source.len());
    if w.labels.len() != n {
        return Err(format!("{} labels for {n} people", w.labels.len()));
    }
    if w.target.len() != m || w.weight.len() != m {
        return Err("the ties' columns differ in length".to_string());
    }
    if let Some(&past) = w.source.iter().chain(&w.target).find(|&&i| i as usize >= n) {
        return Err(format!("a tie names node {past} of {n}"));
    }
    let node_attrs = rows(w.node_attrs, n, "node attribute")?;
    let edge_attrs = rows(w.edge_attrs, m, "tie attribute")?;
    let nodes = w
        .ids
        .into_iter()
        .zip(w.labels)
        .zip(node_attrs)
        .map(|((id, label), attrs)| Node { id, label, attrs })
        .collect();
    let edges = w
        .source
        .iter()
        .zip(&w.target)
        .zip(&w.weight)
        .zip(edge_attrs)
        .map(|(((&s, &t), &weight), attrs)| Edge {
            source: s as usize,
            target: t as usize,
            weight,
            attrs,
        })
        .collect();
    Ok(Network {
        directed: w.directed,
        nodes,
        edges,
        attrs: w.attrs,
    })
}

// serde's `with` passes the field as it is (an `&Rc`).
#[allow(clippy::ptr_arg)]
pub fn serialize<S: Serializer>(net: &Rc<Network>, s: S) -> Result<S::Ok, S::Error> {
    to_wire(net)
        .map_err(serde::ser::Error::custom)?
        .serialize(s)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Rc<Network>, D::Error> {
    let wire = Wire::deserialize(d)?;
    from_wire(wire).map(Rc::new).map_err(D::Error::custom)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Carried {
        #[serde(with = "super")]
        net: Rc<Network>,
    }

    fn attrs(pairs: &[(&str, AttrValue)]) -> Attrs {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    fn sample() -> Network {
        let mut net = Network::new(true);
        let kinds = ["person", "place"];
        for i in 0..40 {
            let mut a = attrs(&[("kind", AttrValue::Str(kinds[i % 2].into()))]);
            if i % 3 == 0 {
                a.insert("age".into(), AttrValue::Int(20 + i as i64));
            }
            if i % 5 == 0 {
                a.insert("share".into(), AttrValue::Float(i as f64 / 7.0));
                a.insert("single parent".into(), AttrValue::Bool(i % 10 == 0));
            }
            let label = (i % 4 == 0).then(|| format!("<b>Zoë {i}</b> 👋"));
            net.add_node(format!("n:{i}"), label, a);
        }
        for i in 0..120 {
            let a = match i % 3 {
                0 => attrs(&[("type", AttrValue::Str("work".into()))]),
                1 => attrs(&[("type", AttrValue::Str("family".into()))]),
                _ => Attrs::new(),
            };
            net.edges.push(Edge {
                source: i % 40,
                target: (i * 7 + 3) % 40,
                weight: if i % 2 == 0 { 1.0 } else { 0.1 * i as f64 },
                attrs: a,
            });
        }
        net.attrs
            .insert("name".into(), AttrValue::Str("Fair".into()));
        net
    }

    #[test]
    fn a_network_crosses_whole_and_smaller_than_as_objects() {
        let carried = Carried {
            net: Rc::new(sample()),
        };
        let text = serde_json::to_string(&carried).unwrap_or_default();
        let back: Carried = serde_json::from_str(&text).expect("decodes");
        assert_eq!(back, carried);
        let as_objects = serde_json::to_string(&*carried.net).unwrap_or_default();
        assert!(
            text.len() * 3 < as_objects.len() * 2,
            "{} bytes as columns, {} as objects",
            text.len(),
            as_objects.len()
        );
        // An empty network crosses too.
        let empty = Carried {
            net: Rc::new(Network::new(false)),
        };
        let text = serde_json::to_string(&empty).unwrap_or_default();
        assert_eq!(serde_json::from_str::<Carried>(&text).ok(), Some(empty));
    }

    #[test]
    fn ties_past_the_last_person_and_torn_columns_are_refused() {
        let text = serde_json::to_string(&Carried {
            net: Rc::new(sample()),
        })
        .unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&text).expect("json");
        let refused = |edit: &dyn Fn(&mut serde_json::Value), why: &str| {
            let mut v = value.clone();
            edit(&mut v);
            let e = serde_json::from_value::<Carried>(v).expect_err(why);
            assert!(e.to_string().contains(why), "{e}");
        };
        // Every tie to node 1,000 of 40.
        let far: Vec<u8> = (0..120).flat_map(|_| 1000u32.to_le_bytes()).collect();
        let far = base64::engine::general_purpose::STANDARD.encode(far);
        refused(
            &|v| v["net"]["target"] = far.clone().into(),
            "a tie names node",
        );
        refused(
            &|v| v["net"]["labels"] = serde_json::json!([]),
            "labels for",
        );
        refused(&|v| v["net"]["weight"] = "".into(), "differ in length");
        refused(
            &|v| v["net"]["edge_attrs"][0]["values"] = serde_json::json!([]),
            "no value",
        );
        assert!(serde_json::from_value::<Carried>(value).is_ok());
    }
}
