//! What an import did: counts, and every repair or skip with the lines it
//! happened on, so the app can preview an import before the facilitator
//! accepts it ("3 edges to unknown nodes skipped (lines 12, 40, 41)").
//!
//! Policy: a file that cannot be read as its format at all is an
//! [`ImportError`](super::ImportError). Single records that make no sense in an
//! otherwise good file are skipped or repaired and listed here, never silently.

use std::fmt;

/// One kind of thing an import repaired or skipped.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum IssueKind {
    /// An edge named a node the file never declared; the node was created (as
    /// networkx does for GraphML, GEXF and edge lists).
    ImplicitNode,
    /// An edge pointed at a node that cannot exist (a Pajek or UCINET vertex
    /// number beyond the declared count); the edge was skipped.
    EdgeToUnknownNode,
    /// A node id appeared twice; the later attributes were merged into the first.
    DuplicateNode,
    /// An edge weight was not a finite number (NaN, inf, text); the edge was skipped.
    BadWeight,
    /// A value did not fit its declared type; it was kept as text.
    BadValue,
    /// A row or line had the wrong shape; it was skipped.
    BadRecord,
    /// Part of the file Weave does not model (nested graphs, hyperedges,
    /// dynamics, a second graph); it was ignored.
    Ignored,
    /// Edges disagreed about being directed; the network was read as directed.
    MixedDirection,
}

impl IssueKind {
    fn describe(self, n: usize) -> String {
        let s = if n == 1 { "" } else { "s" };
        match self {
            IssueKind::ImplicitNode => format!("{n} node{s} created because edges named them"),
            IssueKind::EdgeToUnknownNode => format!("{n} edge{s} to unknown nodes skipped"),
            IssueKind::DuplicateNode => format!("{n} duplicate node id{s} merged"),
            IssueKind::BadWeight => {
                format!("{n} edge{s} with a weight that is not a finite number skipped")
            }
            IssueKind::BadValue => {
                format!("{n} value{s} that did not fit the declared type kept as text")
            }
            IssueKind::BadRecord => format!("{n} malformed record{s} skipped"),
            IssueKind::Ignored => format!("{n} unsupported part{s} of the file ignored"),
            IssueKind::MixedDirection => {
                format!("{n} edge{s} disagreed with the graph's direction; read as directed")
            }
        }
    }
}

/// All occurrences of one [`IssueKind`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Issue {
    pub kind: IssueKind,
    pub count: usize,
    /// Line numbers (1-based) of the first occurrences; at most [`MAX_LINES`].
    pub lines: Vec<usize>,
    /// The first few ids, values or element names involved, for the preview.
    pub examples: Vec<String>,
}

/// How many line numbers and examples an issue keeps; a 50 MB file with a
/// million bad rows must not make a million-entry report.
pub const MAX_LINES: usize = 10;

/// The outcome of an import besides the network itself.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub struct ImportReport {
    pub nodes: usize,
    pub edges: usize,
    pub issues: Vec<Issue>,
}

impl ImportReport {
    /// Records one occurrence of `kind` at `line` (0 when there is no line).
    pub fn note(&mut self, kind: IssueKind, line: usize, example: impl Into<String>) {
        let idx = match self.issues.iter().position(|i| i.kind == kind) {
            Some(i) => i,
            None => {
                self.issues.push(Issue {
                    kind,
                    count: 0,
                    lines: Vec::new(),
                    examples: Vec::new(),
                });
                self.issues.len() - 1
            }
        };
        let issue = &mut self.issues[idx];
        issue.count += 1;
        if line > 0 && issue.lines.len() < MAX_LINES {
            issue.lines.push(line);
        }
        let example = example.into();
        if !example.is_empty() && issue.examples.len() < MAX_LINES {
            issue.examples.push(example);
        }
    }

    /// The number of occurrences of one kind of issue.
    pub fn count(&self, kind: IssueKind) -> usize {
        self.issues
            .iter()
            .find(|i| i.kind == kind)
            .map_or(0, |i| i.count)
    }

    /// True when nothing was skipped or repaired.
    pub fn is_clean(&self) -> bool {
        self.issues.is_empty()
    }
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.kind.describe(self.count))?;
        if !self.lines.is_empty() {
            let word = if self.lines.len() == 1 {
                "line"
            } else {
                "lines"
            };
            let list: Vec<String> = self.lines.iter().map(usize::to_string).collect();
            let more = if self.count > self.lines.len() {
                ", …"
            } else {
                ""
            };
            write!(f, " ({word} {}{more})", list.join(", "))?;
        }
        Ok(())
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} nodes, {} edges imported", self.nodes, self.edges)?;
        for issue in &self.issues {
            write!(f, "; {issue}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_the_preview_wants() {
        let mut r = ImportReport {
            nodes: 5,
            edges: 7,
            ..Default::default()
        };
        for line in [12, 40, 41] {
            r.note(IssueKind::EdgeToUnknownNode, line, "");
        }
        assert_eq!(
            r.to_string(),
            "5 nodes, 7 edges imported; 3 edges to unknown nodes skipped (lines 12, 40, 41)"
        );
    }

    #[test]
    fn keeps_only_the_first_lines() {
        let mut r = ImportReport::default();
        for line in 1..=1000 {
            r.note(IssueKind::BadRecord, line, format!("row {line}"));
        }
        assert_eq!(r.count(IssueKind::BadRecord), 1000);
        assert_eq!(r.issues[0].lines.len(), MAX_LINES);
        assert!(r.issues[0].to_string().ends_with("10, …)"));
    }
}
