//! Splitting a payload over several QR codes, and putting it back together
//! from whatever the camera catches, in any order, with repeats and gaps.
//!
//! A frame is one line of QR alphanumeric text (the densest text mode), so
//! any scanner reads it and a `.weave` file can hold the same lines:
//! `WV1/<kind>/<transfer>/<index>/<count>/<base45 data>`, with `kind` `E`
//! (an event) or `R` (a sealed response), `transfer` the first four bytes of
//! the payload's SHA-256 in hex (so frames of two transfers never mix, and a
//! wrong reassembly is caught), and `index` counting from 1.

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use thiserror::Error;

const PREFIX: &str = "WV1";
/// Payload bytes per frame: with the header this stays at QR version 13 or
/// below at error-correction level M, which a phone camera reads off a screen
/// at arm's length.
pub const CHUNK_BYTES: usize = 280;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An event offer, shown by the facilitator's device.
    Event,
    /// A sealed response, shown by a phone.
    Response,
}

impl Kind {
    fn letter(self) -> &'static str {
        match self {
            Kind::Event => "E",
            Kind::Response => "R",
        }
    }
}

/// The transfer id of a payload: 8 hex digits.
pub fn transfer_id(payload: &[u8]) -> String {
    super::hex::encode(&Sha256::digest(payload)[..4]).to_uppercase()
}

/// The frames that carry `payload`, in order.
pub fn split(kind: Kind, payload: &[u8]) -> Vec<String> {
    let id = transfer_id(payload);
    let chunks: Vec<&[u8]> = if payload.is_empty() {
        vec![&[]]
    } else {
        payload.chunks(CHUNK_BYTES).collect()
    };
    let count = chunks.len();
    chunks
        .iter()
        .enumerate()
        .map(|(i, chunk)| {
            format!(
                "{PREFIX}/{}/{id}/{}/{count}/{}",
                kind.letter(),
                i + 1,
                base45::encode(chunk)
            )
        })
        .collect()
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FrameError {
    #[error("this code is not from Weave")]
    NotWeave,
    #[error("this code is from Weave but is damaged")]
    Damaged,
    /// An event code where a response was expected, or the other way round.
    #[error("this is a Weave code of the other kind")]
    WrongKind { found: Kind },
    /// All frames arrived but do not add up to what was sent.
    #[error("the codes did not fit together; scan them again")]
    Mismatch,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Frame {
    kind: Kind,
    transfer: String,
    index: usize,
    count: usize,
    data: Vec<u8>,
}

fn parse(text: &str) -> Result<Frame, FrameError> {
    let text = text.trim();
    let mut parts = text.splitn(6, '/');
    if parts.next() != Some(PREFIX) {
        return Err(FrameError::NotWeave);
    }
    let kind = match parts.next() {
        Some("E") => Kind::Event,
        Some("R") => Kind::Response,
        _ => return Err(FrameError::Damaged),
    };
    let transfer = parts.next().ok_or(FrameError::Damaged)?;
    let mut number = || -> Result<usize, FrameError> {
        parts
            .next()
            .and_then(|n| n.parse().ok())
            .ok_or(FrameError::Damaged)
    };
    let index = number()?;
    let count = number()?;
    let data = parts
        .next()
        .and_then(|d| base45::decode(d).ok())
        .ok_or(FrameError::Damaged)?;
    let valid_id = transfer.len() == 8 && transfer.bytes().all(|b| b.is_ascii_hexdigit());
    if !valid_id || index == 0 || index > count || count > 10_000 {
        return Err(FrameError::Damaged);
    }
    Ok(Frame {
        kind,
        transfer: transfer.to_string(),
        index,
        count,
        data,
    })
}

/// How far a scan has got.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// `have` of `count` frames of transfer `transfer` read so far.
    Collecting {
        transfer: String,
        have: usize,
        count: usize,
        /// The frame numbers still missing, from 1.
        missing: Vec<usize>,
    },
    /// Every frame is in: the payload, checked against its transfer id.
    Complete { transfer: String, payload: Vec<u8> },
    /// A frame of a transfer this collector already completed.
    AlreadyComplete { transfer: String },
}

#[derive(Debug)]
struct Partial {
    count: usize,
    parts: BTreeMap<usize, Vec<u8>>,
}

/// Collects frames of one kind. Frames of several transfers may interleave
/// (two phones held up at once); each is assembled on its own.
#[derive(Debug)]
pub struct Collector {
    kind: Kind,
    partial: BTreeMap<String, Partial>,
    done: Vec<String>,
}

impl Collector {
    pub fn new(kind: Kind) -> Self {
        Self {
            kind,
            partial: BTreeMap::new(),
            done: Vec::new(),
        }
    }

    /// Takes one decoded QR text. Errors leave what was collected untouched.
    pub fn push(&mut self, text: &str) -> Result<Progress, FrameError> {
        let frame = parse(text)?;
        if frame.kind != self.kind {
            return Err(FrameError::WrongKind { found: frame.kind });
        }
        if self.done.contains(&frame.transfer) {
            return Ok(Progress::AlreadyComplete {
                transfer: frame.transfer,
            });
        }
        let partial = self
            .partial
            .entry(frame.transfer.clone())
            .or_insert_with(|| Partial {
                count: frame.count,
                parts: BTreeMap::new(),
            });
        if partial.count != frame.count {
            return Err(FrameError::Damaged);
        }
        partial.parts.insert(frame.index, frame.data);
        if partial.parts.len() < partial.count {
            let missing = (1..=partial.count)
                .filter(|i| !partial.parts.contains_key(i))
                .collect();
            return Ok(Progress::Collecting {
                transfer: frame.transfer,
                have: partial.parts.len(),
                count: partial.count,
                missing,
            });
        }
        let Some(partial) = self.partial.remove(&frame.transfer) else {
            return Err(FrameError::Mismatch);
        };
        let payload: Vec<u8> = partial.parts.into_values().flatten().collect();
        if transfer_id(&payload) != frame.transfer.to_uppercase() {
            return Err(FrameError::Mismatch);
        }
        self.done.push(frame.transfer.clone());
        Ok(Progress::Complete {
            transfer: frame.transfer,
            payload,
        })
    }

    /// Forgets a completed transfer, so scanning it again is processed again
    /// (the receiver then reports it as a duplicate).
    pub fn forget(&mut self, transfer: &str) {
        self.done.retain(|t| t != transfer);
    }

    /// Every line of `text` that is a frame (a `.weave` file), pushed in turn;
    /// the last progress, or the first error when no line was a frame.
    pub fn push_lines(&mut self, text: &str) -> Result<Progress, FrameError> {
        let mut last = Err(FrameError::NotWeave);
        for line in text.lines().filter(|l| l.trim_start().starts_with(PREFIX)) {
            last = self.push(line);
            if matches!(last, Ok(Progress::Complete { .. }) | Err(_)) {
                break;
            }
        }
        last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payload(n: usize) -> Vec<u8> {
        (0..n).map(|i| (i * 31 % 251) as u8).collect()
    }

    #[test]
    fn frames_are_qr_alphanumeric_text() {
        for frame in split(Kind::Response, &payload(1000)) {
            assert!(frame
                .chars()
                .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase() || " $%*+-./:".contains(c)));
        }
    }

    #[test]
    fn reassembles_in_any_order_with_repeats() {
        let data = payload(2000);
        let mut frames = split(Kind::Response, &data);
        assert_eq!(frames.len(), 2000usize.div_ceil(CHUNK_BYTES));
        frames.reverse();
        let mut c = Collector::new(Kind::Response);
        let mut result = None;
        for (i, f) in frames.iter().chain(frames.iter()).enumerate() {
            match c.push(f).unwrap() {
                Progress::Collecting { have, count, .. } => {
                    assert_eq!(count, frames.len());
                    assert!(have <= i + 1);
                }
                Progress::Complete { payload, .. } => result = Some(payload),
                Progress::AlreadyComplete { .. } => assert!(result.is_some()),
            }
        }
        assert_eq!(result, Some(data));
    }

    #[test]
    fn missing_frames_are_named() {
        let frames = split(Kind::Event, &payload(1000));
        let mut c = Collector::new(Kind::Event);
        c.push(&frames[0]).unwrap();
        let p = c.push(&frames[2]).unwrap();
        assert_eq!(
            p,
            Progress::Collecting {
                transfer: transfer_id(&payload(1000)),
                have: 2,
                count: 4,
                missing: vec![2, 4],
            }
        );
    }

    #[test]
    fn two_transfers_interleave() {
        let (a, b) = (payload(700), payload(900));
        let (fa, fb) = (split(Kind::Response, &a), split(Kind::Response, &b));
        let mut c = Collector::new(Kind::Response);
        let mut done = vec![];
        for i in 0..fa.len().max(fb.len()) {
            for f in [fa.get(i), fb.get(i)].into_iter().flatten() {
                if let Progress::Complete { payload, .. } = c.push(f).unwrap() {
                    done.push(payload);
                }
            }
        }
        assert_eq!(done, vec![a, b]);
    }

    #[test]
    fn bad_frames_are_refused_without_losing_progress() {
        let frames = split(Kind::Response, &payload(600));
        let mut c = Collector::new(Kind::Response);
        c.push(&frames[0]).unwrap();
        assert_eq!(c.push("https://example.org"), Err(FrameError::NotWeave));
        assert_eq!(c.push("WV1/R/ZZZZ/1/2/AB"), Err(FrameError::Damaged));
        assert_eq!(c.push("WV1/R/0A0B0C0D/3/2/00"), Err(FrameError::Damaged));
        assert_eq!(
            c.push(&split(Kind::Event, b"event")[0]),
            Err(FrameError::WrongKind { found: Kind::Event })
        );
        // A frame whose data was swapped but still decodes: caught at the end.
        let id = transfer_id(&payload(600));
        let swapped = format!("WV1/R/{id}/2/3/{}", base45::encode([7u8; CHUNK_BYTES]));
        c.push(&swapped).unwrap();
        assert_eq!(c.push(&frames[2]), Err(FrameError::Mismatch));
        let mut fresh = Collector::new(Kind::Response);
        for f in &frames[..2] {
            fresh.push(f).unwrap();
        }
        assert!(matches!(
            fresh.push(&frames[2]),
            Ok(Progress::Complete { .. })
        ));
    }

    #[test]
    fn a_file_of_lines_is_one_transfer() {
        let data = payload(900);
        let text = format!(
            "Weave response\n{}\n",
            split(Kind::Response, &data).join("\n")
        );
        let mut c = Collector::new(Kind::Response);
        assert!(matches!(
            c.push_lines(&text),
            Ok(Progress::Complete { payload, .. }) if payload == data
        ));
        assert_eq!(
            Collector::new(Kind::Response).push_lines("hello"),
            Err(FrameError::NotWeave)
        );
    }
}
