//! QR codes in and out, as plain pixel grids: `qrcode` makes the module
//! matrix, `rqrr` finds and reads codes in a greyscale camera frame. Both are
//! pure Rust, so an encode -> picture -> decode round trip is a native test.

use qrcode::{EcLevel, QrCode};

/// A QR code as a square of modules, `true` = dark, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrMatrix {
    pub width: usize,
    pub dark: Vec<bool>,
}

impl QrMatrix {
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark.get(y * self.width + x).copied().unwrap_or(false)
    }
}

/// The QR code for `text` at error-correction level M (15% damage), which
/// survives glare on a phone screen; `None` when the text is too long.
pub fn encode(text: &str) -> Option<QrMatrix> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(QrMatrix {
        width: code.width(),
        dark: code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect(),
    })
}

/// The QR version (1..=40) `encode` picks for `text`.
pub fn version(text: &str) -> Option<i16> {
    match QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .ok()?
        .version()
    {
        qrcode::Version::Normal(v) => Some(v),
        qrcode::Version::Micro(_) => None,
    }
}

/// Every QR code readable in a greyscale frame (0 = black, 255 = white), as
/// text. Codes that are found but cannot be read are skipped.
pub fn decode_luma(width: usize, height: usize, luma: &[u8]) -> Vec<String> {
    if width == 0 || height == 0 || luma.len() < width * height {
        return Vec::new();
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| luma[y * width + x]);
    image
        .detect_grids()
        .into_iter()
        .filter_map(|grid| {
            let mut bytes = Vec::new();
            grid.decode_to(&mut bytes).ok()?;
            String::from_utf8(bytes).ok()
        })
        .collect()
}

/// Draws `matrix` as a greyscale picture with `scale` pixels per module and
/// the four-module quiet zone the standard asks for.
pub fn render_luma(matrix: &QrMatrix, scale: usize) -> (usize, Vec<u8>) {
    let side = (matrix.width + 8) * scale;
    let mut pixels = vec![255u8; side * side];
    for y in 0..matrix.width {
        for x in 0..matrix.width {
            if matrix.is_dark(x, y) {
                for dy in 0..scale {
                    let row = (y + 4) * scale + dy;
                    let start = row * side + (x + 4) * scale;
                    pixels[start..start + scale].fill(0);
                }
            }
        }
    }
    (side, pixels)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::handover::frames::{split, Kind, CHUNK_BYTES};

    #[test]
    fn a_frame_round_trips_through_a_picture() {
        let frames = split(Kind::Response, &[42u8; CHUNK_BYTES * 2]);
        let matrix = encode(&frames[0]).unwrap();
        let (side, pixels) = render_luma(&matrix, 4);
        assert_eq!(decode_luma(side, side, &pixels), vec![frames[0].clone()]);
    }

    #[test]
    fn a_full_frame_stays_small_enough_for_a_phone_camera() {
        let frames = split(Kind::Response, &[0xa5u8; CHUNK_BYTES * 3]);
        for f in &frames {
            assert!(version(f).unwrap() <= 13, "{}", version(f).unwrap());
        }
    }

    #[test]
    fn a_blank_or_noisy_frame_reads_nothing() {
        assert!(decode_luma(64, 64, &[255; 64 * 64]).is_empty());
        let noise: Vec<u8> = (0..128 * 128).map(|i| ((i * 7919) % 256) as u8).collect();
        assert!(decode_luma(128, 128, &noise).is_empty());
        assert!(decode_luma(10, 10, &[0; 5]).is_empty());
    }
}
