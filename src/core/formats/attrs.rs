//! Typed attribute columns for the typed formats (GraphML keys, GEXF
//! attribute declarations): which type a named attribute gets when its values
//! disagree, and how each value is written and read under that type.

use super::text;
use crate::core::network::{AttrValue, Attrs};
use std::collections::BTreeMap;

/// The declared type of an attribute column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttrType {
    Bool,
    Int,
    Float,
    Str,
}

impl AttrType {
    fn of(v: &AttrValue) -> Self {
        match v {
            AttrValue::Bool(_) => AttrType::Bool,
            AttrValue::Int(_) => AttrType::Int,
            AttrValue::Float(_) => AttrType::Float,
            AttrValue::Str(_) => AttrType::Str,
        }
    }

    /// The narrowest type both fit: int and float widen to float, anything
    /// else mixed widens to text.
    fn join(self, other: Self) -> Self {
        use AttrType::*;
        match (self, other) {
            (a, b) if a == b => a,
            (Int, Float) | (Float, Int) => Float,
            _ => Str,
        }
    }
}

/// Every attribute name over `maps` (sorted) with the type that holds all its
/// values, leaving out the names in `skip`.
pub fn columns<'a>(
    maps: impl Iterator<Item = &'a Attrs>,
    skip: &[&str],
) -> Vec<(String, AttrType)> {
    columns_where(maps, |_, k| !skip.contains(&k))
}

/// Like [`columns`], counting only the entries `keep(map, name)` accepts,
/// for formats where whether a value is a column depends on its map.
pub fn columns_where<'a>(
    maps: impl Iterator<Item = &'a Attrs>,
    keep: impl Fn(&Attrs, &str) -> bool,
) -> Vec<(String, AttrType)> {
    let mut cols: BTreeMap<&'a str, AttrType> = BTreeMap::new();
    for attrs in maps {
        for (k, v) in attrs {
            if !keep(attrs, k) {
                continue;
            }
            let t = AttrType::of(v);
            cols.entry(k.as_str())
                .and_modify(|c| *c = c.join(t))
                .or_insert(t);
        }
    }
    cols.into_iter().map(|(k, t)| (k.to_owned(), t)).collect()
}

/// A value as text under its column type (ints in a float column get a
/// decimal point, so they read back as the float they now are).
pub fn to_text(v: &AttrValue, ty: AttrType) -> String {
    match (v, ty) {
        (AttrValue::Int(i), AttrType::Float) => text::float(*i as f64),
        (AttrValue::Bool(b), _) => b.to_string(),
        (AttrValue::Int(i), _) => i.to_string(),
        (AttrValue::Float(f), _) => text::float(*f),
        (AttrValue::Str(s), _) => s.clone(),
    }
}

/// Reads text under a declared type; `None` when it does not fit.
pub fn from_text(s: &str, ty: AttrType) -> Option<AttrValue> {
    let t = s.trim();
    match ty {
        AttrType::Str => Some(AttrValue::Str(s.to_owned())),
        AttrType::Int => t.parse().ok().map(AttrValue::Int),
        AttrType::Float => t.parse().ok().map(AttrValue::Float),
        AttrType::Bool => match t.to_ascii_lowercase().as_str() {
            "true" | "1" => Some(AttrValue::Bool(true)),
            "false" | "0" => Some(AttrValue::Bool(false)),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mixed_columns_widen() {
        let mut a = Attrs::new();
        a.insert("x".into(), AttrValue::Int(1));
        a.insert("y".into(), AttrValue::Int(1));
        let mut b = Attrs::new();
        b.insert("x".into(), AttrValue::Float(0.5));
        b.insert("y".into(), AttrValue::Str("s".into()));
        let cols = columns([&a, &b].into_iter(), &[]);
        assert_eq!(
            cols,
            vec![("x".into(), AttrType::Float), ("y".into(), AttrType::Str)]
        );
        assert_eq!(to_text(&AttrValue::Int(1), AttrType::Float), "1.0");
        assert_eq!(
            from_text("INF", AttrType::Float),
            Some(AttrValue::Float(f64::INFINITY))
        );
        assert_eq!(
            from_text("True", AttrType::Bool),
            Some(AttrValue::Bool(true))
        );
    }
}
