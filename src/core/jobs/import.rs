//! The import job: a file in, what it would import out (the preview of
//! [`crate::core::exchange::import_plan`]), so parsing a big file never
//! blocks the page, and the parsers need not be in the page's wasm at all.
//! Worker messages are JSON strings, so the file travels as text: decoded
//! (UTF-8 or UTF-16) when it is text, and otherwise byte for byte as
//! Latin-1 characters, which the worker turns back into the same bytes (so
//! a refusal still names the line and column of the bad byte, and an XML
//! file declaring ISO-8859-1 still reads). The page encodes that text as a
//! JSON string a few megabytes at a time ([`TextEncoding`], yielding to the
//! browser between pieces): encoding 50 MB in one go held the page for a
//! second. The worker parses and turns a bare network into an event in one
//! step: parsers are not resumable, and nothing else waits on its import
//! lane.

use super::{Emit, Output, Progress, Stage, Task};
use crate::core::exchange::import_plan::{read_incoming, ImportFailure, Incoming, Origin};
use crate::core::formats::text;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::borrow::Cow;

/// How much of the file's text [`TextEncoding::step`] encodes at a time.
pub const ENCODE_CHUNK_BYTES: usize = 4 << 20;

/// The import job's input: the file, and where the event comes from.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ImportJob {
    /// The file's text as an encoded JSON string (see [`TextEncoding`]);
    /// see `latin1`.
    pub text: Box<RawValue>,
    /// `text` holds the file's bytes one per character (U+0000..U+00FF),
    /// because they are not UTF-8 or UTF-16 text.
    #[serde(default)]
    pub latin1: bool,
    pub origin: Origin,
}

impl PartialEq for ImportJob {
    fn eq(&self, other: &Self) -> bool {
        self.text.get() == other.text.get()
            && self.latin1 == other.latin1
            && self.origin == other.origin
    }
}

/// A file's text being encoded as a JSON string, piece by piece, so a page
/// can paint between pieces. Equivalent to `serde_json::to_string(text)`.
pub struct TextEncoding {
    text: String,
    latin1: bool,
    done: usize,
    json: String,
}

impl TextEncoding {
    /// Starts encoding a file's bytes (decoding them first, in one go).
    pub fn new(bytes: &[u8]) -> Self {
        let (text, latin1) = match text::decode(bytes) {
            Ok(t) => (t.into_owned(), false),
            Err(_) => (text::latin1(bytes), true),
        };
        let mut json = String::with_capacity(text.len() + text.len() / 16 + 2);
        json.push('"');
        Self {
            text,
            latin1,
            done: 0,
            json,
        }
    }

    /// Encodes the next piece; false once everything is encoded.
    pub fn step(&mut self) -> bool {
        let mut end = (self.done + ENCODE_CHUNK_BYTES).min(self.text.len());
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        let piece = &self.text[self.done..end];
        // A str always encodes; each piece is a quoted string.
        let quoted = serde_json::to_string(piece).unwrap_or_else(|_| "\"\"".into());
        self.json.push_str(&quoted[1..quoted.len() - 1]);
        self.done = end;
        self.done < self.text.len()
    }

    /// The job, once every piece is encoded (encodes what is left).
    pub fn finish(mut self, origin: Origin) -> ImportJob {
        while self.step() {}
        self.json.push('"');
        // Valid JSON by construction; were it not, the worker reads nothing.
        let text = RawValue::from_string(self.json).unwrap_or_default();
        ImportJob {
            text,
            latin1: self.latin1,
            origin,
        }
    }
}

impl ImportJob {
    /// The job for a file's bytes.
    pub fn from_bytes(bytes: &[u8], origin: Origin) -> Self {
        TextEncoding::new(bytes).finish(origin)
    }

    /// The bytes the parsers read: the text's UTF-8, or the original bytes.
    pub fn bytes(&self) -> Cow<'static, [u8]> {
        // The page encoded it; a string that does not decode reads as empty.
        let text: String = serde_json::from_str(self.text.get()).unwrap_or_default();
        if self.latin1 {
            Cow::Owned(text.chars().map(|c| u32::from(c).min(255) as u8).collect())
        } else {
            Cow::Owned(text.into_bytes())
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
        let size = job.text.get().len() as u64;
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
    fn text_encoded_piece_by_piece_is_the_json_string_of_the_whole() {
        // Over two pieces of multi-byte characters, quotes and controls, so
        // piece ends fall inside characters and next to escapes.
        let text = "Zoë \"Ann\"\n\u{1}€𝄞\\".repeat(2 * ENCODE_CHUNK_BYTES / 17 + 7);
        let origin = Origin {
            file_name: "t.csv".into(),
            event_id: EventId::new("e"),
            date: "2026-12-01".into(),
            now: Timestamp(0),
        };
        let mut encoding = TextEncoding::new(text.as_bytes());
        let mut pieces = 1;
        while encoding.step() {
            pieces += 1;
        }
        assert!(pieces >= 3, "{pieces} pieces");
        let job = encoding.finish(origin);
        assert_eq!(job.text.get(), serde_json::to_string(&text).unwrap());
        assert!(!job.latin1);
        assert_eq!(&*job.bytes(), text.as_bytes());
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
