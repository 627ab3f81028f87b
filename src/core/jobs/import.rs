//! The import job: a file in, what it would import out (the preview of
//! [`crate::core::exchange::import_plan`]), so parsing a big file never
//! blocks the page, and the parsers need not be in the page's wasm at all.
//! Worker messages are JSON strings, so the file travels as text: decoded
//! (UTF-8 or UTF-16) when it is text, and otherwise byte for byte as
//! Latin-1 characters, which the worker turns back into the same bytes (so
//! a refusal still names the line and column of the bad byte, and an XML
//! file declaring ISO-8859-1 still reads). The worker parses and turns a
//! bare network into an event in one step: parsers are not resumable, and
//! nothing else waits on its import lane.

use super::{Emit, Output, Progress, Stage, Task};
use crate::core::exchange::import_plan::{read_incoming, ImportFailure, Incoming, Origin};
use crate::core::formats::text;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The import job's input: the file, and where the event comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportJob {
    /// The file as text; see `latin1`.
    pub text: String,
    /// `text` holds the file's bytes one per character (U+0000..U+00FF),
    /// because they are not UTF-8 or UTF-16 text.
    #[serde(default)]
    pub latin1: bool,
    pub origin: Origin,
}

impl ImportJob {
    /// The job for a file's bytes.
    pub fn from_bytes(bytes: &[u8], origin: Origin) -> Self {
        match text::decode(bytes) {
            Ok(t) => Self {
                text: t.into_owned(),
                latin1: false,
                origin,
            },
            Err(_) => Self {
                text: text::latin1(bytes),
                latin1: true,
                origin,
            },
        }
    }

    /// The bytes the parsers read: the text's UTF-8, or the original bytes.
    pub fn bytes(&self) -> Cow<'_, [u8]> {
        if self.latin1 {
            Cow::Owned(
                self.text
                    .chars()
                    .map(|c| u32::from(c).min(255) as u8)
                    .collect(),
            )
        } else {
            Cow::Borrowed(self.text.as_bytes())
        }
    }
}

/// What the file would import, or why it cannot be.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    Ready(Box<Incoming>),
    Refused(ImportFailure),
}

/// Reads the file in its first step.
pub struct ImportTask {
    job: Option<ImportJob>,
}

impl ImportTask {
    pub fn new(job: ImportJob) -> Self {
        Self { job: Some(job) }
    }
}

impl Task for ImportTask {
    fn step(&mut self, out: &mut Vec<Emit>) -> bool {
        let Some(job) = self.job.take() else {
            return false;
        };
        let size = job.text.len() as u64;
        out.push(Emit::Progress(Progress {
            stage: Stage::Preparing,
            done: 0,
            total: size,
        }));
        let outcome = match read_incoming(&job.bytes(), &job.origin) {
            Ok(incoming) => ImportOutcome::Ready(Box::new(incoming)),
            Err(failure) => ImportOutcome::Refused(failure),
        };
        out.push(Emit::Output {
            output: Output::Import(Box::new(outcome)),
            last: true,
        });
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::formats::ImportError;
    use crate::core::jobs::{Job, JobId, Lane, Reply, Request, Runner};
    use crate::core::model::{EventId, Timestamp};

    fn run(name: &str, text: &str) -> ImportOutcome {
        run_bytes(name, text.as_bytes())
    }

    fn run_bytes(name: &str, bytes: &[u8]) -> ImportOutcome {
        let origin = Origin {
            file_name: name.into(),
            event_id: EventId::new("e"),
            date: "2026-12-01".into(),
            now: Timestamp(0),
        };
        let job = Job::Import(ImportJob::from_bytes(bytes, origin));
        // Through JSON both ways, as the worker's messages travel.
        let job: Job = serde_json::from_str(&serde_json::to_string(&job).unwrap()).unwrap();
        let mut runner = Runner::default();
        runner.handle(Request::Start {
            id: JobId(1),
            lane: Lane::new("import"),
            job: Box::new(job),
        });
        let mut last = None;
        while !runner.is_idle() {
            for r in runner.step() {
                let r: Reply = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
                if let Reply::Output {
                    output: Output::Import(o),
                    last: true,
                    ..
                } = r
                {
                    last = Some(*o);
                }
            }
        }
        last.expect("the job ends with its outcome")
    }

    #[test]
    fn a_good_file_comes_back_as_its_preview_and_a_bad_one_with_its_line() {
        match run("ties.csv", "Source,Target\nAnn,Bob\nBob,Cy\n") {
            ImportOutcome::Ready(incoming) => {
                assert!(matches!(
                    *incoming,
                    Incoming::Network {
                        nodes: 3,
                        edges: 2,
                        ..
                    }
                ))
            }
            other => panic!("{other:?}"),
        }
        match run("x.graphml", "<graphml>\n<graph>\n<node id=\"a\">\n") {
            ImportOutcome::Refused(ImportFailure::Parse(ImportError::At { line, .. })) => {
                assert!(line >= 3)
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            run("a.docx", ""),
            ImportOutcome::Refused(ImportFailure::UnknownType)
        );
    }

    #[test]
    fn bytes_that_are_not_text_travel_unchanged() {
        // A Latin-1 CSV is refused at the byte's line and column, as on the page.
        match run_bytes("n.csv", b"Source,Target\nZo\xEB,Ann\n") {
            ImportOutcome::Refused(ImportFailure::Parse(ImportError::At {
                line,
                column,
                message,
            })) => {
                assert_eq!((line, column), (2, 3));
                assert!(message.contains("Latin-1"));
            }
            other => panic!("{other:?}"),
        }
        // An XML file that declares ISO-8859-1 is read as such.
        let xml = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<graphml><graph edgedefault=\"undirected\"><node id=\"Zo\xEB\"/></graph></graphml>";
        match run_bytes("l.graphml", xml) {
            ImportOutcome::Ready(incoming) => {
                assert!(matches!(*incoming, Incoming::Network { nodes: 1, .. }))
            }
            other => panic!("{other:?}"),
        }
        let all: Vec<u8> = (0..=255).collect();
        let origin = Origin {
            file_name: "x.csv".into(),
            event_id: EventId::new("e"),
            date: String::new(),
            now: Timestamp(0),
        };
        assert_eq!(&*ImportJob::from_bytes(&all, origin).bytes(), &all[..]);
    }
}
