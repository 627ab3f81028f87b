//! Every user-visible string goes through here: Fluent messages per language,
//! compiled into the app. Pure Rust (no browser), so a native test can check
//! that every key the code uses exists in every language.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use std::rc::Rc;
use unic_langid::LanguageIdentifier;

/// English messages: one Fluent file per area of the app, joined at compile
/// time, so features add their own file instead of editing a shared one.
const EN: &str = concat!(
    include_str!("../i18n/en/weave.ftl"),
    "\n",
    include_str!("../i18n/en/places.ftl"),
    "\n",
    include_str!("../i18n/en/offline.ftl"),
    "\n",
    include_str!("../i18n/en/analysis.ftl"),
    "\n",
    include_str!("../i18n/en/playback.ftl"),
    "\n",
    include_str!("../i18n/en/matching.ftl"),
    "\n",
    include_str!("../i18n/en/compare.ftl"),
);

/// The languages shipped with the app: (BCP 47 tag, native name, messages).
pub const LANGUAGES: &[(&str, &str, &str)] = &[("en", "English", EN)];

pub const DEFAULT_LANGUAGE: &str = "en";

/// A loaded language. Cheap to clone; shared through the app context.
#[derive(Clone)]
pub struct Translator {
    lang: &'static str,
    bundle: Rc<FluentBundle<FluentResource>>,
    fallback: Option<Rc<FluentBundle<FluentResource>>>,
}

impl PartialEq for Translator {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}

impl std::fmt::Debug for Translator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Translator({})", self.lang)
    }
}

fn bundle(lang: &'static str, source: &'static str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![id]);
    // Messages are shipped with the app and checked by tests; a syntax error
    // still yields the messages that did parse.
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(res, _)| res);
    let _ = bundle.add_resource(resource);
    bundle
}

impl Translator {
    /// Loads a language, falling back to English for anything not yet translated.
    pub fn new(lang: &str) -> Self {
        let (tag, source) = LANGUAGES
            .iter()
            .find(|(tag, _, _)| *tag == lang)
            .map(|(tag, _, src)| (*tag, *src))
            .unwrap_or((LANGUAGES[0].0, LANGUAGES[0].2));
        let fallback =
            (tag != DEFAULT_LANGUAGE).then(|| Rc::new(bundle(LANGUAGES[0].0, LANGUAGES[0].2)));
        Self {
            lang: tag,
            bundle: Rc::new(bundle(tag, source)),
            fallback,
        }
    }

    pub fn lang(&self) -> &'static str {
        self.lang
    }

    /// The message for `key`; the key itself if no language has it (visible in
    /// development, caught by the key test before release).
    pub fn t(&self, key: &str) -> String {
        self.format(key, None)
    }

    /// The message for `key` with named arguments.
    pub fn t_with(&self, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fa = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Str(s) => fa.set(*name, FluentValue::from(s.clone())),
                Arg::Num(n) => fa.set(*name, FluentValue::from(*n)),
            }
        }
        self.format(key, Some(&fa))
    }

    fn format(&self, key: &str, args: Option<&FluentArgs>) -> String {
        for b in std::iter::once(&self.bundle).chain(self.fallback.iter()) {
            if let Some(pattern) = b.get_message(key).and_then(|m| m.value()) {
                let mut errors = vec![];
                return b.format_pattern(pattern, args, &mut errors).into_owned();
            }
        }
        key.to_string()
    }

    pub fn has(&self, key: &str) -> bool {
        self.bundle.has_message(key)
    }
}

/// An argument to a message.
#[derive(Debug, Clone)]
pub enum Arg {
    Str(String),
    Num(f64),
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_string())
    }
}
impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Num(n as f64)
    }
}
impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::Num(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_parse_without_errors() {
        for (tag, _, source) in LANGUAGES {
            if let Err((_, errors)) = FluentResource::try_new(source.to_string()) {
                panic!("{tag}: {errors:?}");
            }
        }
    }

    #[test]
    fn arguments_are_substituted() {
        let t = Translator::new("en");
        let s = t.t_with("save-saved-count", &[("count", 3usize.into())]);
        assert!(s.contains('3'), "{s}");
    }

    #[test]
    fn unknown_language_falls_back_to_english() {
        assert_eq!(Translator::new("xx").lang(), "en");
    }

    /// The comparison caption's keys (named by constants) exist.
    #[test]
    fn comparison_caption_keys_exist() {
        let t = Translator::new("en");
        for key in crate::core::compare::summary::KEYS {
            assert!(t.has(key), "{key}");
        }
        let s = t.t_with("cmp-maps", &[("count", 34usize.into())]);
        assert_eq!(
            s.replace(['\u{2068}', '\u{2069}'], ""),
            "34 residents drew maps"
        );
    }

    /// Every `t("key")` / `t_with("key"` in the source exists in English.
    #[test]
    fn every_used_key_exists() {
        let t = Translator::new("en");
        let mut missing = Vec::new();
        for file in rust_files(std::path::Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src"
        ))) {
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            for pat in [".t(\"", ".t_with(\""] {
                for piece in text.split(pat).skip(1) {
                    if let Some(end) = piece.find('"') {
                        let key = &piece[..end];
                        if !key.is_empty() && !t.has(key) {
                            missing.push(format!("{}: {key}", file.display()));
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "missing i18n keys:\n{}",
            missing.join("\n")
        );
    }

    fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                let p = e.path();
                if p.is_dir() {
                    out.extend(rust_files(&p));
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        out
    }
}
