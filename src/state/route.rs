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
            Route::Join => "#/join",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    #[test]
    fn parses_and_formats() {
        for r in [
            Route::Start,
            Route::Map,
            Route::Facilitator,
            Route::Playback,
            Route::Embed,
            Route::Join,
        ] {
            assert_eq!(Route::parse(r.hash()), r);
        }
        assert_eq!(Route::parse(""), Route::Start);
        assert_eq!(Route::parse("#/embed?mode=capture"), Route::Embed);
        assert_eq!(Route::parse("#/nonsense"), Route::Start);
    }
}
