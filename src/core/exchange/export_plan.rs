//! What the export menu produces: the facilitator's choices (which network,
//! which format, metrics, pseudonyms) turned into named files. Pure: no yew,
//! no browser, so the component only downloads what this returns.
//!
//! Which choices apply where:
//! - the Weave backup is the whole event (every response, the merge log), so
//!   the network, metric and pseudonym choices do not apply to it;
//! - the survey CSV is one row per resident and never holds names, so only
//!   the format choice matters for it;
//! - every other format writes the chosen network, with the analysis metrics
//!   attached as node attributes when asked, pseudonymised when asked.

use crate::core::analysis::two_mode::Mode;
use crate::core::analysis::{people_network, people_places_network, projection};
use crate::core::analysis::{AnalysisReport, NodeMetrics};
use crate::core::formats::{self, csv_list, pajek, survey, weave_json, Format, WriteOptions};
use crate::core::model::Community;
use crate::core::network::{AttrValue, Network};

/// Which network an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NetworkChoice {
    People,
    PeoplePlaces,
    PeopleProjection,
    PlacesProjection,
}

impl NetworkChoice {
    pub const ALL: [NetworkChoice; 4] = [
        NetworkChoice::People,
        NetworkChoice::PeoplePlaces,
        NetworkChoice::PeopleProjection,
        NetworkChoice::PlacesProjection,
    ];

    /// The stable value used in the menu and in file names.
    pub fn slug(self) -> &'static str {
        match self {
            NetworkChoice::People => "people",
            NetworkChoice::PeoplePlaces => "people-places",
            NetworkChoice::PeopleProjection => "people-projection",
            NetworkChoice::PlacesProjection => "places-projection",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// The message id of its name in the menu.
    pub fn i18n_key(self) -> &'static str {
        match self {
            NetworkChoice::People => "exchange-network-people",
            NetworkChoice::PeoplePlaces => "exchange-network-people-places",
            NetworkChoice::PeopleProjection => "exchange-network-people-projection",
            NetworkChoice::PlacesProjection => "exchange-network-places-projection",
        }
    }

    /// The network this choice exports (what the metrics are computed on).
    pub fn build(self, c: &Community) -> Network {
        match self {
            NetworkChoice::People => people_network(c),
            NetworkChoice::PeoplePlaces => people_places_network(c),
            NetworkChoice::PeopleProjection => projection(c, Mode::People),
            NetworkChoice::PlacesProjection => projection(c, Mode::Places),
        }
    }
}

/// Which file format an export writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Backup,
    CsvLists,
    Adjacency,
    Survey,
    Gexf,
    GraphMl,
    Pajek,
    UcinetDl,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 8] = [
        ExportFormat::Backup,
        ExportFormat::CsvLists,
        ExportFormat::Adjacency,
        ExportFormat::Survey,
        ExportFormat::Gexf,
        ExportFormat::GraphMl,
        ExportFormat::Pajek,
        ExportFormat::UcinetDl,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            ExportFormat::Backup => "backup",
            ExportFormat::CsvLists => "csv",
            ExportFormat::Adjacency => "adjacency",
            ExportFormat::Survey => "survey",
            ExportFormat::Gexf => "gexf",
            ExportFormat::GraphMl => "graphml",
            ExportFormat::Pajek => "pajek",
            ExportFormat::UcinetDl => "ucinet",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.slug() == slug)
    }

    pub fn i18n_key(self) -> &'static str {
        match self {
            ExportFormat::Backup => "exchange-format-backup",
            ExportFormat::CsvLists => "exchange-format-csv",
            ExportFormat::Adjacency => "exchange-format-adjacency",
            ExportFormat::Survey => "exchange-format-survey",
            ExportFormat::Gexf => "exchange-format-gexf",
            ExportFormat::GraphMl => "exchange-format-graphml",
            ExportFormat::Pajek => "exchange-format-pajek",
            ExportFormat::UcinetDl => "exchange-format-ucinet",
        }
    }

    /// True when the network, metric and pseudonym choices apply.
    pub fn writes_network(self) -> bool {
        !matches!(self, ExportFormat::Backup | ExportFormat::Survey)
    }
}

/// Everything the facilitator chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportRequest {
    pub network: NetworkChoice,
    pub format: ExportFormat,
    pub metrics: bool,
    /// The secret for stable pseudonyms; `None` keeps names.
    pub pseudonymise: Option<u64>,
}

/// One file to download.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportFile {
    pub name: String,
    pub mime: &'static str,
    pub bytes: Vec<u8>,
}

/// The files an export request makes (two for CSV node and edge lists;
/// with metrics, a Pajek `.net` comes with its `.clu` and `.vec`).
///
/// `stem` starts every file name (e.g. `weave-murton-2026-11-22`).
/// `metrics` is the analysis of `request.network.build(c)` (the analysis
/// worker computes it), attached when `request.metrics` asks for it.
///
/// # Errors
/// A format that cannot hold the network (see [`formats::ExportError`]), in
/// its own words.
pub fn export_files(
    c: &Community,
    request: &ExportRequest,
    stem: &str,
    metrics: Option<&AnalysisReport>,
) -> Result<Vec<ExportFile>, String> {
    let file = |suffix: &str, mime, text: String| ExportFile {
        name: format!("{stem}{suffix}"),
        mime,
        bytes: text.into_bytes(),
    };
    match request.format {
        ExportFormat::Backup => {
            return Ok(vec![file(
                ".json",
                "application/json",
                weave_json::write_community(c),
            )])
        }
        ExportFormat::Survey => {
            return Ok(vec![file(
                "-survey.csv",
                "text/csv",
                survey::write_survey(c),
            )])
        }
        _ => {}
    }
    let mut net = request.network.build(c);
    if let Some(report) = metrics.filter(|_| request.metrics) {
        attach_metrics(&mut net, report);
    }
    let options = WriteOptions {
        include_metrics: request.metrics,
        pseudonymise: request.pseudonymise,
    };
    let base = format!("{stem}-{}", request.network.slug());
    let one = |format: Format, mime: &'static str| -> Result<Vec<ExportFile>, String> {
        let bytes = formats::write(format, &net, &options).map_err(|e| e.to_string())?;
        Ok(vec![ExportFile {
            name: format!("{base}.{}", format.extension()),
            mime,
            bytes,
        }])
    };
    match request.format {
        ExportFormat::CsvLists => {
            let prepared = formats::prepare(&net, &options);
            Ok(vec![
                file(
                    &format!("-{}.nodes.csv", request.network.slug()),
                    "text/csv",
                    csv_list::write_nodes(&prepared),
                ),
                file(
                    &format!("-{}.edges.csv", request.network.slug()),
                    "text/csv",
                    csv_list::write_edges(&prepared),
                ),
            ])
        }
        ExportFormat::Adjacency => {
            let mut files = one(Format::CsvAdjacency, "text/csv")?;
            for f in &mut files {
                f.name = format!("{base}.matrix.csv");
            }
            Ok(files)
        }
        ExportFormat::Gexf => one(Format::Gexf, "application/gexf+xml"),
        ExportFormat::GraphMl => one(Format::GraphMl, "application/graphml+xml"),
        ExportFormat::Pajek => {
            let mut files = one(Format::Pajek, "text/plain")?;
            if request.metrics {
                // Pajek keeps attributes beside the network, in the `.net`
                // vertex order: communities as a partition, the broker
                // metric as a vector.
                let prepared = formats::prepare(&net, &options);
                files.push(ExportFile {
                    name: format!("{base}.community.clu"),
                    mime: "text/plain",
                    bytes: pajek::write_clu(&prepared, "community").into_bytes(),
                });
                files.push(ExportFile {
                    name: format!("{base}.betweenness.vec"),
                    mime: "text/plain",
                    bytes: pajek::write_vec(&prepared, "betweenness").into_bytes(),
                });
            }
            Ok(files)
        }
        ExportFormat::UcinetDl => one(Format::UcinetDl, "text/plain"),
        ExportFormat::Backup | ExportFormat::Survey => Ok(Vec::new()),
    }
}

/// Stores each node's metrics from `report` (matched by node id) as
/// attributes named as [`formats::METRIC_ATTRS`] lists them, so exporters
/// keep or drop them. Undefined values (no path metrics, no neighbours) are
/// left out.
pub fn attach_metrics(net: &mut Network, report: &AnalysisReport) {
    let by_id: std::collections::HashMap<&str, &NodeMetrics> =
        report.nodes.iter().map(|m| (m.id.as_str(), m)).collect();
    for node in &mut net.nodes {
        let Some(m) = by_id.get(node.id.as_str()) else {
            continue;
        };
        for (name, value) in metric_values(m) {
            node.attrs.insert(name.to_string(), value);
        }
    }
}

fn metric_values(m: &NodeMetrics) -> Vec<(&'static str, AttrValue)> {
    let f = AttrValue::Float;
    let mut out = vec![
        ("degree", f(m.degree)),
        ("in_degree", f(m.in_degree)),
        ("out_degree", f(m.out_degree)),
        ("weighted_degree", f(m.weighted_degree)),
        ("pagerank", f(m.pagerank)),
        ("eigenvector", f(m.eigenvector)),
        ("core", AttrValue::Int(i64::from(m.core))),
        ("clustering", f(m.clustering)),
        ("component", AttrValue::Int(i64::from(m.component))),
        ("community", AttrValue::Int(i64::from(m.community))),
        ("articulation", AttrValue::Bool(m.articulation)),
    ];
    let optional = [
        ("betweenness", m.betweenness),
        ("closeness", m.closeness),
        ("harmonic", m.harmonic),
        ("constraint", m.constraint),
        ("effective_size", m.effective_size),
    ];
    out.extend(
        optional
            .into_iter()
            .filter_map(|(k, v)| v.filter(|x| x.is_finite()).map(|x| (k, f(x)))),
    );
    out
}
