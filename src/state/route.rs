//! The app's screens as a hash route (`#/map`), so static hosting needs no
//! server rewrites and reload keeps the screen.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// Choose what to do: map, play-back, facilitator.
    Start,
    /// The resident flow; kiosk and phone share it.
    Map,
    Facilitator,
    Playback,
    /// Mounted inside a partner's page.
    Embed,
    /// The analysis benchmark's page (`scripts/bench-analysis.sh`).
    AnalysisBench,
    /// A phone joins an event by scanning its code.
    Join,
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '/']).next().unwrap_or("");
        match path {
            "map" => Route::Map,
            "facilitator" => Route::Facilitator,
            "playback" => Route::Playback,
            "embed" => Route::Embed,
            "bench-analysis" => Route::AnalysisBench,
            "join" => Route::Join,
            _ => Route::Start,
        }
    }

    pub fn hash(self) -> &'static str {
        match self {
            Route::Start => "#/",
            Route::Map => "#/map",
            Route::Facilitator => "#/facilitator",
            Route::Playback => "#/playback",
            Route::Embed => "#/embed",
            Route::AnalysisBench => "#/bench-analysis",
            Route::Join => "#/join",
        }
    }
}

/// The value of `key` in the hash's query: `#/playback?bench=2000` gives
/// `Some("2000")` for `bench`.
pub fn query_param<'a>(hash: &'a str, key: &str) -> Option<&'a str> {
    let query = hash.split_once('?')?.1;
    query.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=')?;
        (k == key).then_some(v)
    })
}

#[cfg(test)]
mod tests {
    use super::{query_param, Route};

    #[test]
    fn reads_query_parameters() {
        let hash = "#/facilitator/matching?x=1&bench=3000";
        assert_eq!(query_param(hash, "bench"), Some("3000"));
        assert_eq!(query_param(hash, "x"), Some("1"));
        assert_eq!(query_param(hash, "y"), None);
        assert_eq!(query_param("#/facilitator/matching", "bench"), None);
        assert_eq!(query_param("#/p?benchmark=2", "bench"), None);
        assert_eq!(Route::parse(hash), Route::Facilitator);
    }

    #[test]
    fn parses_and_formats() {
        for r in [
            Route::Start,
            Route::Map,
            Route::Facilitator,
            Route::Playback,
            Route::Embed,
            Route::AnalysisBench,
            Route::Join,
        ] {
            assert_eq!(Route::parse(r.hash()), r);
        }
        assert_eq!(Route::parse(""), Route::Start);
        assert_eq!(Route::parse("#/embed?mode=capture"), Route::Embed);
        assert_eq!(Route::parse("#/nonsense"), Route::Start);
    }
}
