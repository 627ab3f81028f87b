//! The import job: a file's text in, what it would import out (the preview
//! of [`crate::core::exchange::import_plan`]), so parsing a big file never
//! blocks the page. The page decodes the bytes first (UTF-8 or UTF-16;
//! decoding is fast and its errors name a line and column at once) and
//! sends the text; the worker parses it and turns a bare network into an
//! event, in one step: parsers are not resumable, and nothing else waits
//! on this worker's import lane.

use super::{Emit, Output, Progress, Stage, Task};
use crate::core::exchange::import_plan::{read_incoming, ImportFailure, Incoming, Origin};
use serde::{Deserialize, Serialize};

/// The import job's input: the file as text, and where the event comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportJob {
    pub text: String,
    pub origin: Origin,
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
        let outcome = match read_incoming(job.text.as_bytes(), &job.origin) {
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
        let origin = Origin {
            file_name: name.into(),
            event_id: EventId::new("e"),
            date: "2026-12-01".into(),
            now: Timestamp(0),
        };
        let job = Job::Import(ImportJob {
            text: text.into(),
            origin,
        });
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
}
