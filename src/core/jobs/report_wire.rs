//! The analysis report as it crosses from the worker to the page, for
//! serde's `with`: its per-person metrics as columns of packed numbers
//! ([`crate::core::packed`]) rather than one object of sixteen decimal
//! fields per person. As objects, 2,000 people's metrics were 0.8 MB of
//! JSON whose reading cost the page's thread ~20 ms, a dropped frame of the
//! play-back just as its findings landed. Bit for bit: what goes in comes
//! out. The report's own serde form (the CLI's JSON) is left as it is.

use crate::core::analysis::groups::AttributeFigures;
use crate::core::analysis::two_mode::PlaceFigures;
use crate::core::analysis::{AnalysisReport, GraphFigures, NodeMetrics, PathMode};
use crate::core::packed;
use serde::{de::Error, Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

/// The report with its people as columns; the rest as it is.
#[derive(Serialize, Deserialize)]
struct Wire<'a> {
    graph: Cow<'a, GraphFigures>,
    nodes: Columns,
    bridges: Cow<'a, [(String, String)]>,
    attributes: Cow<'a, [AttributeFigures]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    places: Option<Cow<'a, [PlaceFigures]>>,
    paths: PathMode,
}

/// An optional metric: its values (0 where there is none) and the rows
/// that have none.
#[derive(Serialize, Deserialize)]
struct Optional {
    #[serde(with = "packed")]
    values: Vec<f64>,
    #[serde(with = "packed")]
    none: Vec<u32>,
}

impl Optional {
    fn of(rows: &[NodeMetrics], get: impl Fn(&NodeMetrics) -> Option<f64>) -> Optional {
        let mut none = Vec::new();
        let values = rows
            .iter()
            .enumerate()
            .map(|(i, r)| {
                get(r).unwrap_or_else(|| {
                    none.push(i as u32);
                    0.0
                })
            })
            .collect();
        Optional { values, none }
    }

    /// One value per row, or why not.
    fn rows(self, n: usize, name: &str) -> Result<Vec<Option<f64>>, String> {
        let mut out: Vec<Option<f64>> =
            whole(self.values, n, name)?.into_iter().map(Some).collect();
        for i in self.none {
            *out.get_mut(i as usize)
                .ok_or_else(|| format!("{name}: row {i} out of range"))? = None;
        }
        Ok(out)
    }
}

/// Every [`NodeMetrics`] field, one column each, rows in report order.
#[derive(Serialize, Deserialize)]
struct Columns {
    id: Vec<String>,
    #[serde(with = "packed")]
    degree: Vec<f64>,
    #[serde(with = "packed")]
    in_degree: Vec<f64>,
    #[serde(with = "packed")]
    out_degree: Vec<f64>,
    #[serde(with = "packed")]
    weighted_degree: Vec<f64>,
    betweenness: Optional,
    closeness: Optional,
    harmonic: Optional,
    #[serde(with = "packed")]
    pagerank: Vec<f64>,
    #[serde(with = "packed")]
    eigenvector: Vec<f64>,
    #[serde(with = "packed")]
    core: Vec<u32>,
    #[serde(with = "packed")]
    clustering: Vec<f64>,
    #[serde(with = "packed")]
    component: Vec<u32>,
    #[serde(with = "packed")]
    community: Vec<u32>,
    articulation: Vec<bool>,
    constraint: Optional,
    effective_size: Optional,
}

fn column<T>(rows: &[NodeMetrics], get: impl Fn(&NodeMetrics) -> T) -> Vec<T> {
    rows.iter().map(get).collect()
}

/// `v` if it has exactly one value per row.
fn whole<T>(v: Vec<T>, n: usize, name: &str) -> Result<Vec<T>, String> {
    if v.len() == n {
        Ok(v)
    } else {
        Err(format!("{name}: {} values for {n} people", v.len()))
    }
}

impl Columns {
    fn of(rows: &[NodeMetrics]) -> Columns {
        Columns {
            id: column(rows, |r| r.id.clone()),
            degree: column(rows, |r| r.degree),
            in_degree: column(rows, |r| r.in_degree),
            out_degree: column(rows, |r| r.out_degree),
            weighted_degree: column(rows, |r| r.weighted_degree),
            betweenness: Optional::of(rows, |r| r.betweenness),
            closeness: Optional::of(rows, |r| r.closeness),
            harmonic: Optional::of(rows, |r| r.harmonic),
            pagerank: column(rows, |r| r.pagerank),
            eigenvector: column(rows, |r| r.eigenvector),
            core: column(rows, |r| r.core),
            clustering: column(rows, |r| r.clustering),
            component: column(rows, |r| r.component),
            community: column(rows, |r| r.community),
            articulation: column(rows, |r| r.articulation),
            constraint: Optional::of(rows, |r| r.constraint),
            effective_size: Optional::of(rows, |r| r.effective_size),
        }
    }

    fn rows(self) -> Result<Vec<NodeMetrics>, String> {
        let n = self.id.len();
        let mut degree = whole(self.degree, n, "degree")?.into_iter();
        let mut in_degree = whole(self.in_degree, n, "in_degree")?.into_iter();
        let mut out_degree = whole(self.out_degree, n, "out_degree")?.into_iter();
        let mut weighted = whole(self.weighted_degree, n, "weighted_degree")?.into_iter();
        let mut betweenness = self.betweenness.rows(n, "betweenness")?.into_iter();
        let mut closeness = self.closeness.rows(n, "closeness")?.into_iter();
        let mut harmonic = self.harmonic.rows(n, "harmonic")?.into_iter();
        let mut pagerank = whole(self.pagerank, n, "pagerank")?.into_iter();
        let mut eigenvector = whole(self.eigenvector, n, "eigenvector")?.into_iter();
        let mut core = whole(self.core, n, "core")?.into_iter();
        let mut clustering = whole(self.clustering, n, "clustering")?.into_iter();
        let mut component = whole(self.component, n, "component")?.into_iter();
        let mut community = whole(self.community, n, "community")?.into_iter();
        let mut articulation = whole(self.articulation, n, "articulation")?.into_iter();
        let mut constraint = self.constraint.rows(n, "constraint")?.into_iter();
        let mut effective_size = self.effective_size.rows(n, "effective_size")?.into_iter();
        // Every column holds `n` values (checked above): `next()` is `Some`.
        let mut rows = Vec::with_capacity(n);
        for id in self.id {
            rows.push(NodeMetrics {
                id,
                degree: degree.next().unwrap_or_default(),
                in_degree: in_degree.next().unwrap_or_default(),
                out_degree: out_degree.next().unwrap_or_default(),
                weighted_degree: weighted.next().unwrap_or_default(),
                betweenness: betweenness.next().flatten(),
                closeness: closeness.next().flatten(),
                harmonic: harmonic.next().flatten(),
                pagerank: pagerank.next().unwrap_or_default(),
                eigenvector: eigenvector.next().unwrap_or_default(),
                core: core.next().unwrap_or_default(),
                clustering: clustering.next().unwrap_or_default(),
                component: component.next().unwrap_or_default(),
                community: community.next().unwrap_or_default(),
                articulation: articulation.next().unwrap_or_default(),
                constraint: constraint.next().flatten(),
                effective_size: effective_size.next().flatten(),
            });
        }
        Ok(rows)
    }
}

pub fn serialize<S: Serializer>(report: &AnalysisReport, s: S) -> Result<S::Ok, S::Error> {
    Wire {
        graph: Cow::Borrowed(&report.graph),
        nodes: Columns::of(&report.nodes),
        bridges: Cow::Borrowed(&report.bridges),
        attributes: Cow::Borrowed(&report.attributes),
        places: report.places.as_deref().map(Cow::Borrowed),
        paths: report.paths,
    }
    .serialize(s)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<AnalysisReport, D::Error> {
    let wire = Wire::deserialize(d)?;
    Ok(AnalysisReport {
        graph: wire.graph.into_owned(),
        nodes: wire.nodes.rows().map_err(D::Error::custom)?,
        bridges: wire.bridges.into_owned(),
        attributes: wire.attributes.into_owned(),
        places: wire.places.map(Cow::into_owned),
        paths: wire.paths,
    })
}

#[cfg(test)]
mod tests {
    use crate::core::analysis::{analyze, AnalysisOptions, AnalysisReport};
    use crate::core::demo::demo_community;
    use serde::{Deserialize, Serialize};

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Carried {
        #[serde(with = "super")]
        report: AnalysisReport,
    }

    fn demo_report() -> AnalysisReport {
        let people = crate::core::analysis::people_network(&demo_community(7));
        analyze(&people, &AnalysisOptions::default())
    }

    #[test]
    fn a_report_crosses_whole_and_smaller_than_as_objects() {
        let mut report = demo_report();
        assert!(report.nodes.len() > 100);
        // Missing values (isolates have no constraint) stay missing.
        report.nodes[3].constraint = None;
        report.nodes[5].betweenness = None;
        report.nodes[7].closeness = Some(-0.0);
        let carried = Carried { report };
        let text = serde_json::to_string(&carried).unwrap_or_default();
        let back: Carried = serde_json::from_str(&text).expect("decodes");
        assert_eq!(back, carried);
        assert!(back.report.nodes[7]
            .closeness
            .is_some_and(f64::is_sign_negative));
        let as_objects = serde_json::to_string(&carried.report).unwrap_or_default();
        assert!(
            text.len() * 2 < as_objects.len(),
            "{} bytes as columns, {} as objects",
            text.len(),
            as_objects.len()
        );
    }

    #[test]
    fn a_torn_column_is_refused() {
        let text = serde_json::to_string(&Carried {
            report: demo_report(),
        })
        .unwrap_or_default();
        let value: serde_json::Value = serde_json::from_str(&text).expect("json");
        // One person's id dropped: every column is now a value too long.
        let mut short = value.clone();
        if let Some(ids) = short["report"]["nodes"]["id"].as_array_mut() {
            ids.pop();
        }
        let torn = serde_json::from_value::<Carried>(short);
        assert!(torn.is_err_and(|e| e.to_string().contains("values for")));
        // A missing value in row 2,147,483,647.
        let mut far = value.clone();
        far["report"]["nodes"]["betweenness"]["none"] = "////fw==".into();
        let far = serde_json::from_value::<Carried>(far);
        assert!(far.is_err_and(|e| e.to_string().contains("out of range")));
        assert!(serde_json::from_value::<Carried>(value).is_ok());
    }
}
