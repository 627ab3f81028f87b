//! The local-area map picture: which files are accepted (PNG, JPEG, SVG,
//! told by their bytes, not their name), how big, their pixel size (pins are
//! fractions of it), and the record the bytes are kept in.
//!
//! An SVG is only ever shown as an image (an SVG `<image>` element), where
//! browsers run no script and load nothing; it is never put into the page's
//! DOM. One with a DOCTYPE is refused all the same (entity expansion).

use crate::core::model::MapPicture;
use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// Larger pictures are refused: the bytes are kept in the browser's store and
/// decoded by every kiosk; a phone photo of a printed map is 2–4 MB.
pub const MAX_PICTURE_BYTES: usize = 6 * 1024 * 1024;
/// Larger than this on a side would take hundreds of MB to decode on a phone.
pub const MAX_SIDE_PX: u32 = 10_000;
/// Smaller than this cannot show places apart.
pub const MIN_SIDE_PX: u32 = 100;
/// The size assumed for an SVG that states none.
const SVG_DEFAULT: (u32, u32) = (1000, 750);

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PictureError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Not a PNG, JPEG or SVG file.
    NotAPicture,
    /// Looks like one but its header is broken or cut short.
    Damaged,
    /// An SVG with a DOCTYPE (could expand entities).
    UnsafeSvg,
    TooManyPixels {
        width: u32,
        height: u32,
    },
    TooFewPixels {
        width: u32,
        height: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PictureKind {
    Png,
    Jpeg,
    Svg,
}

impl PictureKind {
    pub fn mime(self) -> &'static str {
        match self {
            PictureKind::Png => "image/png",
            PictureKind::Jpeg => "image/jpeg",
            PictureKind::Svg => "image/svg+xml",
        }
    }
}

/// Checks an uploaded file and describes it.
///
/// # Returns
/// The [`MapPicture`] to keep in the event (its id is derived from the
/// bytes), or why the file cannot be used.
pub fn inspect(bytes: &[u8], file_name: &str) -> Result<MapPicture, PictureError> {
    if bytes.len() > MAX_PICTURE_BYTES {
        return Err(PictureError::TooLarge {
            bytes: bytes.len(),
            limit: MAX_PICTURE_BYTES,
        });
    }
    let (kind, (width, height)) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        (PictureKind::Png, png_size(bytes)?)
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        (PictureKind::Jpeg, jpeg_size(bytes)?)
    } else {
        (PictureKind::Svg, svg_size(bytes)?)
    };
    if width > MAX_SIDE_PX || height > MAX_SIDE_PX {
        return Err(PictureError::TooManyPixels { width, height });
    }
    if width < MIN_SIDE_PX || height < MIN_SIDE_PX {
        return Err(PictureError::TooFewPixels { width, height });
    }
    let digest = Sha256::digest(bytes);
    let id: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    Ok(MapPicture {
        id,
        mime: kind.mime().into(),
        width,
        height,
        file_name: file_name.chars().take(120).collect(),
        bytes: bytes.len() as u64,
    })
}

/// PNG: the IHDR chunk comes first; width and height are its first 8 bytes.
fn png_size(b: &[u8]) -> Result<(u32, u32), PictureError> {
    if b.len() < 24 || &b[12..16] != b"IHDR" {
        return Err(PictureError::Damaged);
    }
    let w = u32::from_be_bytes([b[16], b[17], b[18], b[19]]);
    let h = u32::from_be_bytes([b[20], b[21], b[22], b[23]]);
    Ok((w, h))
}

/// JPEG: walk the marker segments to the first start-of-frame.
fn jpeg_size(b: &[u8]) -> Result<(u32, u32), PictureError> {
    let mut i = 2;
    while i + 4 <= b.len() {
        if b[i] != 0xFF {
            return Err(PictureError::Damaged);
        }
        let marker = b[i + 1];
        if marker == 0xFF {
            i += 1; // fill byte
            continue;
        }
        if marker == 0xD8 || (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            i += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        let is_sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if is_sof {
            if i + 9 > b.len() {
                return Err(PictureError::Damaged);
            }
            let h = u16::from_be_bytes([b[i + 5], b[i + 6]]);
            let w = u16::from_be_bytes([b[i + 7], b[i + 8]]);
            return Ok((u32::from(w), u32::from(h)));
        }
        if len < 2 || marker == 0xD9 || marker == 0xDA {
            return Err(PictureError::Damaged);
        }
        i += 2 + len;
    }
    Err(PictureError::Damaged)
}

/// A length in user units: "800", "800px", "800.5"; anything relative ("100%",
/// "20em") gives `None`.
fn svg_length(v: &str) -> Option<f64> {
    let t = v.trim();
    let t = t.strip_suffix("px").unwrap_or(t).trim();
    let n: f64 = t.parse().ok()?;
    (n.is_finite() && n > 0.0).then_some(n)
}

/// SVG: the root element's viewBox, else its width and height.
fn svg_size(b: &[u8]) -> Result<(u32, u32), PictureError> {
    use quick_xml::events::Event;
    let text = std::str::from_utf8(b.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(b))
        .map_err(|_| PictureError::NotAPicture)?;
    let head = text.trim_start();
    if !(head.starts_with('<')) {
        return Err(PictureError::NotAPicture);
    }
    let mut reader = quick_xml::Reader::from_str(text);
    loop {
        match reader.read_event() {
            Ok(Event::DocType(_)) => return Err(PictureError::UnsafeSvg),
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => {
                if e.local_name().as_ref() != b"svg" {
                    return Err(PictureError::NotAPicture);
                }
                let mut view_box = None;
                let (mut w, mut h) = (None, None);
                for a in e.attributes().flatten() {
                    let value = String::from_utf8_lossy(&a.value).to_string();
                    match a.key.local_name().as_ref() {
                        b"viewBox" => view_box = Some(value),
                        b"width" => w = svg_length(&value),
                        b"height" => h = svg_length(&value),
                        _ => {}
                    }
                }
                let from_box = view_box.and_then(|v| {
                    let n: Vec<f64> = v
                        .split([' ', ','])
                        .filter(|s| !s.is_empty())
                        .filter_map(|s| s.parse().ok())
                        .collect();
                    (n.len() == 4 && n[2] > 0.0 && n[3] > 0.0).then(|| (n[2], n[3]))
                });
                let (fw, fh) = match (w, h, from_box) {
                    (Some(w), Some(h), _) => (w, h),
                    (_, _, Some((bw, bh))) => {
                        // Keep the box's shape; bring a tiny or huge box to a
                        // comfortable size (an SVG scales without loss).
                        let range = f64::from(MIN_SIDE_PX)..=f64::from(MAX_SIDE_PX);
                        if range.contains(&bw) && range.contains(&bh) {
                            (bw, bh)
                        } else {
                            let scale = f64::from(SVG_DEFAULT.0) / bw.max(bh);
                            (bw * scale, bh * scale)
                        }
                    }
                    _ => (SVG_DEFAULT.0 as f64, SVG_DEFAULT.1 as f64),
                };
                return Ok((fw.round() as u32, fh.round() as u32));
            }
            Ok(Event::Eof) => return Err(PictureError::NotAPicture),
            Ok(Event::Text(t)) if !t.iter().all(u8::is_ascii_whitespace) => {
                return Err(PictureError::NotAPicture)
            }
            Ok(_) => {}
            Err(_) => return Err(PictureError::NotAPicture),
        }
    }
}

/// How the bytes are kept in the browser store (values there are text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PictureRecord {
    pub mime: String,
    /// Standard base64.
    pub data: String,
}

impl PictureRecord {
    pub fn new(mime: &str, bytes: &[u8]) -> Self {
        Self {
            mime: mime.into(),
            data: base64::engine::general_purpose::STANDARD.encode(bytes),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::json!({ "mime": self.mime, "data": self.data }).to_string()
    }

    /// Reads a stored record back; `None` when it is damaged.
    pub fn from_json(text: &str) -> Option<(String, Vec<u8>)> {
        let r: PictureRecord = serde_json::from_str(text).ok()?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(r.data.as_bytes())
            .ok()?;
        Some((r.mime, bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend(w.to_be_bytes());
        b.extend(h.to_be_bytes());
        b.extend([8, 6, 0, 0, 0]);
        b
    }

    #[test]
    fn png_size_is_read_from_the_header() {
        let p = inspect(&png(800, 600), "map.png").unwrap();
        assert_eq!(
            (p.width, p.height, p.mime.as_str()),
            (800, 600, "image/png")
        );
        assert_eq!(p.id.len(), 16);
        assert_eq!(
            inspect(&png(20_000, 600), "x.png"),
            Err(PictureError::TooManyPixels {
                width: 20_000,
                height: 600
            })
        );
        assert_eq!(
            inspect(&png(800, 600)[..20], "x.png"),
            Err(PictureError::Damaged)
        );
    }

    #[test]
    fn jpeg_size_is_read_from_the_frame() {
        let mut j = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        j.extend([0xFF, 0xC0, 0x00, 0x11, 0x08, 0x02, 0x58, 0x03, 0x20, 0x03]);
        let p = inspect(&j, "map.jpg").unwrap();
        assert_eq!((p.width, p.height), (800, 600));
        assert_eq!(inspect(&j[..9], "x.jpg"), Err(PictureError::Damaged));
    }

    #[test]
    fn svg_size_and_safety() {
        let svg = br#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 800"><rect/></svg>"#;
        let p = inspect(svg, "map.svg").unwrap();
        assert_eq!(
            (p.width, p.height, p.mime.as_str()),
            (1200, 800, "image/svg+xml")
        );
        let sized = br#"<svg width="640px" height="480" viewBox="0 0 1 1"/>"#;
        assert_eq!(
            inspect(sized, "m.svg").map(|p| (p.width, p.height)),
            Ok((640, 480))
        );
        let doctype = br#"<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg>&a;</svg>"#;
        assert_eq!(inspect(doctype, "m.svg"), Err(PictureError::UnsafeSvg));
        assert_eq!(
            inspect(b"<html></html>", "m.svg"),
            Err(PictureError::NotAPicture)
        );
        assert_eq!(
            inspect(b"name,category\n", "m.csv"),
            Err(PictureError::NotAPicture)
        );
        assert_eq!(
            inspect(b"GIF89a....", "m.gif"),
            Err(PictureError::NotAPicture)
        );
    }

    #[test]
    fn too_large_files_are_refused_before_reading() {
        let big = vec![0u8; MAX_PICTURE_BYTES + 1];
        assert!(matches!(
            inspect(&big, "x"),
            Err(PictureError::TooLarge { .. })
        ));
    }

    #[test]
    fn records_round_trip() {
        let bytes = png(300, 200);
        let text = PictureRecord::new("image/png", &bytes).to_json();
        assert_eq!(
            PictureRecord::from_json(&text),
            Some(("image/png".to_string(), bytes))
        );
        assert_eq!(PictureRecord::from_json("{\"mime\":1}"), None);
    }
}
