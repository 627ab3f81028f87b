//! A thin, safe layer over quick-xml's streaming reader for the GraphML and
//! GEXF parsers: simplified events with namespace prefixes removed, errors
//! with line and column (quick-xml gives byte offsets), DOCTYPE refused
//! outright so no entity can ever expand, and truncated files caught.

use super::text::{self, LineIndex};
use super::ImportError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;

/// One simplified XML event.
#[derive(Debug, PartialEq)]
pub enum Ev {
    /// A start tag (`empty` for `<x/>`), with its byte offset.
    Open {
        name: String,
        attrs: Vec<(String, String)>,
        empty: bool,
        pos: usize,
    },
    Close(String),
    Text(String),
    Eof,
}

/// Decodes an XML file: BOMs and UTF-16 as any text, plus ISO-8859-1 /
/// Windows-1252 when the XML declaration names it (older Pajek/UCINET
/// exports do). Anything else must be UTF-8.
pub fn decode(bytes: &[u8]) -> Result<Cow<'_, str>, ImportError> {
    let head = &bytes[..bytes.len().min(200)];
    let decl_end = head.windows(2).position(|w| w == b"?>").unwrap_or(0);
    let decl = String::from_utf8_lossy(&head[..decl_end]).to_ascii_lowercase();
    let latin = [
        "iso-8859-1",
        "latin1",
        "latin-1",
        "windows-1252",
        "cp1252",
        "iso8859-1",
    ];
    if decl.starts_with("<?xml")
        && latin.iter().any(|l| {
            decl.contains(&format!("encoding=\"{l}\"")) || decl.contains(&format!("encoding='{l}'"))
        })
    {
        return Ok(Cow::Owned(text::latin1(bytes)));
    }
    text::decode(bytes)
}

pub struct XmlReader<'a> {
    reader: Reader<&'a [u8]>,
    lines: LineIndex<'a>,
    open: Vec<String>,
}

impl<'a> XmlReader<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut reader = Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        Self {
            reader,
            lines: LineIndex::new(text),
            open: Vec::new(),
        }
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, pos: usize) -> usize {
        self.lines.line(pos)
    }

    /// An error at a byte offset, with line and column.
    /// Reads up to the root element and checks it is `<element>`: the same
    /// first step for every XML format, with the format's name in the message.
    pub fn expect_root(&mut self, element: &str, format: &str) -> Result<(), ImportError> {
        loop {
            match self.next()? {
                Ev::Open {
                    name, empty: false, ..
                } if name == element => return Ok(()),
                Ev::Open { name, pos, .. } => {
                    return Err(self.error_at(
                        pos,
                        format!(
                            "this is not {format}: the root element is <{name}>, not <{element}>"
                        ),
                    ))
                }
                Ev::Text(t) if t.trim().is_empty() => {}
                Ev::Text(_) | Ev::Close(_) => {
                    return Err(ImportError::Invalid(format!(
                        "this is not {format}: text before the root element"
                    )))
                }
                Ev::Eof => {
                    return Err(ImportError::Invalid(format!(
                        "the file is empty: no <{element}> element"
                    )))
                }
            }
        }
    }

    pub fn error_at(&self, pos: usize, message: impl Into<String>) -> ImportError {
        let (line, column) = self.lines.line_col(pos);
        ImportError::At {
            line,
            column,
            message: message.into(),
        }
    }

    /// The next event. Text comes in pieces (around entity references);
    /// whitespace between elements is returned too and callers ignore it.
    pub fn next(&mut self) -> Result<Ev, ImportError> {
        loop {
            let pos = self.reader.buffer_position() as usize;
            let event = match self.reader.read_event() {
                Ok(e) => e,
                Err(e) => {
                    let at = self.reader.error_position() as usize;
                    return Err(self.error_at(at, format!("the XML is not well-formed: {e}")));
                }
            };
            match event {
                Event::Start(s) => {
                    let (name, attrs) = self.start(&s, pos)?;
                    self.open.push(name.clone());
                    return Ok(Ev::Open { name, attrs, empty: false, pos });
                }
                Event::Empty(s) => {
                    let (name, attrs) = self.start(&s, pos)?;
                    return Ok(Ev::Open { name, attrs, empty: true, pos });
                }
                Event::End(e) => {
                    self.open.pop();
                    return Ok(Ev::Close(local(&String::from_utf8_lossy(e.name().as_ref()))));
                }
                Event::Text(t) => {
                    let s = t.xml_content().map_err(|e| self.error_at(pos, e.to_string()))?;
                    self.legal(&s, pos)?;
                    return Ok(Ev::Text(s.into_owned()));
                }
                Event::CData(t) => {
                    let s = t.decode().map_err(|e| self.error_at(pos, e.to_string()))?;
                    self.legal(&s, pos)?;
                    return Ok(Ev::Text(s.into_owned()));
                }
                Event::GeneralRef(r) => return self.reference(&r, pos).map(Ev::Text),
                Event::DocType(_) => {
                    return Err(self.error_at(
                        pos,
                        "the file has a DOCTYPE declaration, which Weave refuses so that no entity can expand (a \"billion laughs\" file would exhaust memory); remove the <!DOCTYPE ...> line and import again",
                    ))
                }
                Event::Eof => {
                    if let Some(name) = self.open.last() {
                        return Err(self.error_at(pos, format!("the file ends before <{name}> is closed; it may be truncated")));
                    }
                    return Ok(Ev::Eof);
                }
                Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            }
        }
    }

    fn reference(
        &self,
        r: &quick_xml::events::BytesRef<'_>,
        pos: usize,
    ) -> Result<String, ImportError> {
        if let Some(c) = r
            .resolve_char_ref()
            .map_err(|e| self.error_at(pos, e.to_string()))?
        {
            let c = c.to_string();
            self.legal(&c, pos)?;
            return Ok(c);
        }
        let name = String::from_utf8_lossy(r.as_ref()).into_owned();
        quick_xml::escape::resolve_predefined_entity(&name)
            .map(str::to_owned)
            .ok_or_else(|| {
                self.error_at(
                    pos,
                    format!("unknown entity &{name}; (only the five XML entities are allowed)"),
                )
            })
    }

    fn start(
        &self,
        s: &BytesStart<'_>,
        pos: usize,
    ) -> Result<(String, Vec<(String, String)>), ImportError> {
        let name = local(&String::from_utf8_lossy(s.name().as_ref()));
        let mut attrs = Vec::new();
        for a in s.attributes() {
            let a = a.map_err(|e| self.error_at(pos, format!("bad attribute in <{name}>: {e}")))?;
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            let value = a
                .unescape_value()
                .map_err(|e| self.error_at(pos, format!("bad value of {key} in <{name}>: {e}")))?;
            self.legal(&value, pos)?;
            attrs.push((key, value.into_owned()));
        }
        Ok((name, attrs))
    }

    /// Refuses characters XML 1.0 does not allow (control characters other
    /// than tab and line breaks, lone surrogates, U+FFFE/FFFF), raw or as a
    /// character reference such as `&#7;`, as every conforming parser
    /// (libxml2, expat: so igraph and networkx) does. The position is the
    /// start of the text or tag that holds it.
    fn legal(&self, s: &str, pos: usize) -> Result<(), ImportError> {
        match s.chars().find(|&c| !text::is_xml_char(c)) {
            None => Ok(()),
            Some(c) => Err(self.error_at(
                pos,
                format!(
                    "the file contains the control character U+{:04X}, which XML does not allow; remove it (or save the file again from the program that made it) and import again",
                    u32::from(c)
                ),
            )),
        }
    }

    /// All text inside the element just opened (nested elements included),
    /// consuming its close tag. Call only after a non-empty `Open`.
    pub fn text_until_close(&mut self) -> Result<String, ImportError> {
        let mut out = String::new();
        let mut depth = 1usize;
        loop {
            match self.next()? {
                Ev::Open { empty: false, .. } => depth += 1,
                Ev::Open { .. } => {}
                Ev::Close(_) => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(out);
                    }
                }
                Ev::Text(t) => out.push_str(&t),
                Ev::Eof => return Ok(out),
            }
        }
    }

    /// Skips the element just opened, consuming its close tag.
    pub fn skip(&mut self) -> Result<(), ImportError> {
        self.text_until_close().map(drop)
    }
}

/// The element name without its namespace prefix (`y:ShapeNode` -> `ShapeNode`).
pub fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or(name).to_owned()
}

/// The value of an attribute by exact key.
pub fn attr<'v>(attrs: &'v [(String, String)], key: &str) -> Option<&'v str> {
    attrs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Result<Vec<Ev>, ImportError> {
        let mut r = XmlReader::new(text);
        let mut out = Vec::new();
        loop {
            match r.next()? {
                Ev::Eof => return Ok(out),
                e => out.push(e),
            }
        }
    }

    #[test]
    fn refuses_doctype_before_any_expansion() {
        let lol = r#"<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
<graphml>&lol2;</graphml>"#;
        match all(lol) {
            Err(ImportError::At {
                line: 2, message, ..
            }) => assert!(message.contains("DOCTYPE")),
            other => panic!("expected a DOCTYPE refusal, got {other:?}"),
        }
    }

    #[test]
    fn truncated_file_is_an_error_with_position() {
        let err = all("<a>\n<b x=\"1\">\n").unwrap_err();
        assert!(err.to_string().contains("truncated"), "{err}");
    }

    #[test]
    fn mismatched_tags_name_the_line() {
        let err = all("<a>\n<b>\n</c></a>").unwrap_err();
        assert!(matches!(err, ImportError::At { line: 3, .. }), "{err}");
    }

    #[test]
    fn entities_and_prefixes() {
        let evs = all("<y:a k=\"&lt;&#65;\">x &amp; y</y:a>").unwrap();
        assert_eq!(
            evs[0],
            Ev::Open {
                name: "a".into(),
                attrs: vec![("k".into(), "<A".into())],
                empty: false,
                pos: 0
            }
        );
        let text: String = evs
            .iter()
            .filter_map(|e| {
                if let Ev::Text(t) = e {
                    Some(t.as_str())
                } else {
                    None
                }
            })
            .collect();
        assert_eq!(text, "x & y");
        assert!(all("<a>&bogus;</a>").is_err());
    }

    #[test]
    fn latin1_declared_files_decode() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>Ren\xE9e</a>";
        assert!(decode(bytes).unwrap().contains("Renée"));
    }
}
