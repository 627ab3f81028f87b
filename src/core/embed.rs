//! Options a partner page passes to an embedded Weave, read from the frame's
//! address (`#/embed?mode=capture&lang=en&accent=0a7d5a&event=events/fair.weave`).
//! Everything is checked here: colours must be hex, the event file must be a
//! plain http(s) or relative address, so the host cannot inject styles or
//! script through an option.

/// What the frame shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedMode {
    /// The resident flow (the default).
    #[default]
    Capture,
    /// The community's sociogram, read-only.
    Sociogram,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedOptions {
    pub mode: EmbedMode,
    pub lang: Option<String>,
    /// CSS custom property name -> `#rrggbb` value.
    pub colours: Vec<(&'static str, String)>,
    /// Address of an event file (an event code file, or a Weave backup for the sociogram).
    pub event_url: Option<String>,
    /// The origin the host page says it has; it must also be on the allowlist.
    pub host: Option<String>,
}

/// Option name -> the theme's custom property.
const COLOURS: [(&str, &str); 4] = [
    ("accent", "--accent"),
    ("background", "--bg"),
    ("surface", "--surface"),
    ("ink", "--ink"),
];

impl EmbedOptions {
    /// Reads the query part of the hash (after `?`); unknown or invalid options are ignored.
    pub fn parse(hash: &str) -> Self {
        let query = hash.split_once('?').map(|(_, q)| q).unwrap_or("");
        let mut o = EmbedOptions::default();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode(value);
            match key {
                "mode" if value == "sociogram" => o.mode = EmbedMode::Sociogram,
                "mode" => o.mode = EmbedMode::Capture,
                "lang" if is_language_tag(&value) => o.lang = Some(value),
                "event" if is_safe_url(&value) => o.event_url = Some(value),
                "host" if is_origin(&value) => o.host = Some(value),
                _ => {
                    if let Some((_, property)) = COLOURS.iter().find(|(name, _)| *name == key) {
                        if let Some(colour) = hex_colour(&value) {
                            o.colours.push((property, colour));
                        }
                    }
                }
            }
        }
        o
    }
}

/// `#abc`, `abc`, `#aabbcc` or `aabbcc` as `#aabbcc`.
pub fn hex_colour(value: &str) -> Option<String> {
    let hex = value.trim_start_matches('#');
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    match hex.len() {
        6 => Some(format!("#{}", hex.to_ascii_lowercase())),
        3 => Some(format!(
            "#{}",
            hex.chars()
                .flat_map(|c| [c, c])
                .collect::<String>()
                .to_ascii_lowercase()
        )),
        _ => None,
    }
}

fn is_language_tag(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= 20
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Relative paths and http(s) addresses only (no `javascript:`, `data:`).
fn is_safe_url(value: &str) -> bool {
    let lower = value.to_ascii_lowercase();
    if value.is_empty() || value.chars().any(|c| c.is_control() || c == '\\') {
        return false;
    }
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') => scheme == "https" || scheme == "http",
        _ => true,
    }
}

/// `scheme://host[:port]` with nothing after it.
pub fn is_origin(value: &str) -> bool {
    let Some((scheme, rest)) = value.split_once("://") else {
        return false;
    };
    (scheme == "https" || scheme == "http")
        && !rest.is_empty()
        && !rest.contains(['/', '?', '#', '@', ' '])
}

fn percent_decode(value: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| Some(hex(bytes[i + 1])? * 16 + hex(bytes[i + 2])?))
            .flatten();
        match (escaped, bytes[i]) {
            (Some(b), _) => {
                out.push(b);
                i += 3;
            }
            (None, b'+') => {
                out.push(b' ');
                i += 1;
            }
            (None, b) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_option() {
        let o = EmbedOptions::parse(
            "#/embed?mode=sociogram&lang=en&accent=%23AA3377&ink=123&event=events%2Ffair.weave&host=https%3A%2F%2Fpartner.example",
        );
        assert_eq!(o.mode, EmbedMode::Sociogram);
        assert_eq!(o.lang.as_deref(), Some("en"));
        assert_eq!(
            o.colours,
            vec![
                ("--accent", "#aa3377".to_string()),
                ("--ink", "#112233".to_string())
            ]
        );
        assert_eq!(o.event_url.as_deref(), Some("events/fair.weave"));
        assert_eq!(o.host.as_deref(), Some("https://partner.example"));
    }

    #[test]
    fn refuses_injection_through_options() {
        let o = EmbedOptions::parse(
            "#/embed?accent=red;background:url(x)&event=javascript%3Aalert(1)&host=https://a.example/path&lang=<b>",
        );
        assert_eq!(o, EmbedOptions::default());
        assert!(EmbedOptions::parse("#/embed?event=data%3Atext%2Fhtml,x")
            .event_url
            .is_none());
        assert_eq!(
            EmbedOptions::parse("#/embed?event=https%3A%2F%2Fx.example%2Fe.weave")
                .event_url
                .as_deref(),
            Some("https://x.example/e.weave")
        );
        assert_eq!(EmbedOptions::parse("#/embed").mode, EmbedMode::Capture);
        assert_eq!(percent_decode("a%2"), "a%2");
        assert_eq!(percent_decode("%zz%41é%"), "%zzAé%");
    }
}
