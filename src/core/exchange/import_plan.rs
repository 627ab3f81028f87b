//! What a dropped or picked file would import, worked out before anything
//! changes: the format from the extension, the parse (with its report of
//! skipped and repaired records), and the counts the preview shows. Pure:
//! nothing here touches the app state; the facilitator confirms first.

use super::network_import::network_to_community;
use crate::core::formats::{self, weave_json, Format, ImportError, ImportReport, IssueKind};
use crate::core::model::{Community, EventId, Timestamp};
use serde::{Deserialize, Serialize};

/// What is waiting for the facilitator's confirmation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Incoming {
    /// A Weave event backup: it replaces the event as it is.
    Backup(Box<Community>),
    /// A network from another tool, read as an event (see
    /// [`super::network_import`]); the report says what the parser skipped.
    Network {
        community: Box<Community>,
        format: Format,
        nodes: usize,
        edges: usize,
        report: ImportReport,
    },
}

impl Incoming {
    pub fn community(&self) -> &Community {
        match self {
            Incoming::Backup(c) => c,
            Incoming::Network { community, .. } => community,
        }
    }
}

/// Why a file cannot be imported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ImportFailure {
    /// The extension is none Weave reads.
    UnknownType,
    /// The file could not be parsed at all.
    Parse(ImportError),
}

/// Where the new event comes from, for its id, name and time stamps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Origin {
    pub file_name: String,
    pub event_id: EventId,
    pub date: String,
    pub now: Timestamp,
}

/// Reads a file as Weave would import it.
///
/// # Errors
/// [`ImportFailure`] for unknown extensions and unreadable files; the parse
/// error keeps its line and column.
///
/// # Complexity
/// The parser's, O(file size), plus [`network_to_community`].
pub fn read_incoming(bytes: &[u8], origin: &Origin) -> Result<Incoming, ImportFailure> {
    let format = Format::from_path(&origin.file_name).ok_or(ImportFailure::UnknownType)?;
    let (net, report) = if format == Format::WeaveJson {
        match weave_json::parse_document(bytes).map_err(ImportFailure::Parse)? {
            weave_json::Document::Community(c) => return Ok(Incoming::Backup(c)),
            weave_json::Document::Network(n) => (n, ImportReport::default()),
        }
    } else {
        formats::parse_with_report(format, bytes).map_err(ImportFailure::Parse)?
    };
    let community = network_to_community(
        &net,
        origin.event_id.clone(),
        &origin.file_name,
        &origin.date,
        origin.now,
    );
    Ok(Incoming::Network {
        community: Box::new(community),
        format,
        nodes: net.nodes.len(),
        edges: net.edges.len(),
        report,
    })
}

/// The message id that says one kind of import issue in plain words; its
/// arguments are `count` and `lines` (may be empty).
pub fn issue_key(kind: IssueKind) -> &'static str {
    match kind {
        IssueKind::ImplicitNode => "import-issue-implicit-node",
        IssueKind::EdgeToUnknownNode => "import-issue-unknown-node",
        IssueKind::DuplicateNode => "import-issue-duplicate-node",
        IssueKind::BadWeight => "import-issue-bad-weight",
        IssueKind::BadValue => "import-issue-bad-value",
        IssueKind::BadRecord => "import-issue-bad-record",
        IssueKind::Ignored => "import-issue-ignored",
        IssueKind::MixedDirection => "import-issue-mixed-direction",
    }
}

/// Counts the preview shows for any incoming event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub maps: usize,
    pub named: usize,
    pub places: usize,
    pub merges: usize,
}

pub fn counts(c: &Community) -> Counts {
    Counts {
        maps: c.finished().count(),
        named: c.finished().map(|r| r.alters.len()).sum(),
        places: c.event.places.len(),
        merges: c.merges.len(),
    }
}
