//! Reading QR codes in a camera frame off the main thread, so the viewfinder
//! and the page stay smooth while `rqrr` searches the picture. The frame
//! travels as base45 text (the worker's codec is JSON, where a byte array
//! would be a list of numbers three to four times longer).

use super::{Emit, Output, Task};
use crate::core::handover::qr;
use serde::{Deserialize, Serialize};

/// One greyscale frame (0 = black), row by row, base45-encoded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QrJob {
    pub width: usize,
    pub height: usize,
    pub luma: String,
}

impl QrJob {
    pub fn new(width: usize, height: usize, luma: &[u8]) -> Self {
        Self {
            width,
            height,
            luma: base45::encode(luma),
        }
    }
}

pub struct QrTask {
    job: Option<QrJob>,
}

impl QrTask {
    pub fn new(job: QrJob) -> Self {
        Self { job: Some(job) }
    }
}

impl Task for QrTask {
    /// One step: a frame is small enough to search at once (tens of ms).
    fn step(&mut self, out: &mut Vec<Emit>) -> bool {
        let Some(job) = self.job.take() else {
            return false;
        };
        match base45::decode(&job.luma) {
            Ok(luma) => out.push(Emit::Output {
                output: Output::Qr(qr::decode_luma(job.width, job.height, &luma)),
                last: true,
            }),
            Err(_) => out.push(Emit::Failed("the camera frame was damaged".into())),
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::handover::frames::{split, Kind};

    #[test]
    fn a_frame_is_read_in_one_step() {
        let text = split(Kind::Event, b"an event")[0].clone();
        let (side, pixels) = qr::render_luma(&qr::encode(&text).unwrap(), 3);
        let mut task = QrTask::new(QrJob::new(side, side, &pixels));
        let mut out = Vec::new();
        assert!(!task.step(&mut out));
        assert_eq!(
            out,
            vec![Emit::Output {
                output: Output::Qr(vec![text]),
                last: true
            }]
        );
        let mut bad = QrTask::new(QrJob {
            width: 2,
            height: 2,
            luma: "~~".into(),
        });
        let mut out = Vec::new();
        bad.step(&mut out);
        assert!(matches!(out[0], Emit::Failed(_)));
    }
}
