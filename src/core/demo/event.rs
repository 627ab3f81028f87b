//! The demo event: Murton Big Local's community mapping day, with its local
//! places, "about you" questions and roster of public figures.

use crate::core::model::{
    AttributeQuestion, Event, EventId, MapPicture, MapPin, Place, PlaceCategory, PlaceId,
    PublicFigure, QuestionId, WellbeingScale,
};

/// Question ids of the about-you answers the generator fills in.
pub const Q_AREA: &str = "area";
pub const Q_AGE: &str = "age";
pub const Q_EMPLOYMENT: &str = "employment";
pub const Q_YEARS: &str = "years";

/// The areas of the neighbourhood; residents mostly know people in their own.
pub const AREAS: [&str; 5] = [
    "Murton West",
    "Murton East",
    "Murton Centre",
    "Cold Hesledon",
    "Hawthorn",
];

/// Neighbouring sites of a multi-site programme (the seven-site survey had
/// about 3,000 residents); each contributes five areas. A community of more
/// than [`RESIDENTS_PER_SITE`] residents spans several sites, so a large
/// benchmark keeps the density of a real neighbourhood instead of piling
/// thousands of people into Murton's five areas.
pub const OTHER_SITES: [&str; 6] = [
    "Horden",
    "Easington Colliery",
    "Blackhall",
    "Shotton",
    "Wingate",
    "Thornley",
];

/// Residents one site (five areas) is sized for.
pub const RESIDENTS_PER_SITE: usize = 450;

/// The area choices for a community of `residents`: Murton's five areas,
/// then five per neighbouring site as the community grows (up to seven sites).
pub fn areas_for(residents: usize) -> Vec<String> {
    let sites = residents
        .div_ceil(RESIDENTS_PER_SITE)
        .clamp(1, 1 + OTHER_SITES.len());
    let mut out: Vec<String> = AREAS.iter().map(|a| (*a).to_string()).collect();
    for site in OTHER_SITES.iter().take(sites - 1) {
        for part in ["North", "South", "East", "West", "Centre"] {
            out.push(format!("{site} {part}"));
        }
    }
    out
}

pub const AGE_BANDS: [&str; 6] = ["16-24", "25-34", "35-44", "45-54", "55-64", "65+"];

pub const SINGLE_PARENT: &str = "Single parent at home";
pub const EMPLOYMENT: [&str; 7] = [
    "Employed",
    "Self-employed",
    "Unemployed",
    SINGLE_PARENT,
    "Retired",
    "Student",
    "Carer or long-term sick",
];

pub const YEARS: [&str; 4] = [
    "Less than 2 years",
    "2-10 years",
    "More than 10 years",
    "All my life",
];

/// (id, name, category, description, pin x, pin y)
type PlaceRow = (
    &'static str,
    &'static str,
    PlaceCategory,
    &'static str,
    f64,
    f64,
);

/// Local places, groups, services and information sources; ids are stable so
/// the generator's circles can refer to them.
pub const PLACES: [PlaceRow; 27] = [
    (
        "welfare-hall",
        "Murton Welfare Hall",
        PlaceCategory::Venue,
        "Dances, bingo and the Friday club",
        0.48,
        0.42,
    ),
    (
        "legion",
        "Royal British Legion club",
        PlaceCategory::Venue,
        "The Legion: quiz on Thursdays",
        0.55,
        0.36,
    ),
    (
        "victoria",
        "The Victoria",
        PlaceCategory::Venue,
        "Pub on Woods Terrace",
        0.40,
        0.50,
    ),
    (
        "community-centre",
        "Murton Community Centre",
        PlaceCategory::Venue,
        "Cafe, classes, advice drop-in",
        0.50,
        0.55,
    ),
    (
        "st-pauls",
        "St Paul's Church",
        PlaceCategory::Venue,
        "Sunday service and coffee morning",
        0.62,
        0.48,
    ),
    (
        "park",
        "Murton Park",
        PlaceCategory::Venue,
        "Playground and the pit wheel",
        0.35,
        0.30,
    ),
    (
        "dalton-park",
        "Dalton Park",
        PlaceCategory::Venue,
        "Shopping outlet and cinema",
        0.80,
        0.20,
    ),
    (
        "colliery-band",
        "Murton Colliery Band",
        PlaceCategory::Group,
        "Brass band, practice Tuesdays",
        0.47,
        0.40,
    ),
    (
        "lunch-club",
        "Over-60s lunch club",
        PlaceCategory::Group,
        "Wednesday dinners at the Welfare",
        0.49,
        0.44,
    ),
    (
        "toddler-group",
        "Little Acorns toddler group",
        PlaceCategory::Group,
        "Monday and Thursday mornings",
        0.52,
        0.57,
    ),
    (
        "football",
        "Murton Welfare FC",
        PlaceCategory::Group,
        "Juniors on Saturday, seniors Sunday",
        0.30,
        0.35,
    ),
    (
        "knit-natter",
        "Knit and Natter",
        PlaceCategory::Group,
        "At the library, Tuesday afternoons",
        0.45,
        0.60,
    ),
    (
        "allotments",
        "Allotment association",
        PlaceCategory::Group,
        "Plots off Toft Crescent",
        0.25,
        0.65,
    ),
    (
        "youth-club",
        "Youth club",
        PlaceCategory::Group,
        "Tuesdays and Fridays, 11-16",
        0.58,
        0.62,
    ),
    (
        "food-bank-vol",
        "Food bank volunteers",
        PlaceCategory::Group,
        "Sorting and delivery rota",
        0.70,
        0.55,
    ),
    (
        "gp",
        "Murton Medical Group",
        PlaceCategory::Service,
        "The GP surgery",
        0.44,
        0.47,
    ),
    (
        "jobcentre",
        "Jobcentre Plus, Peterlee",
        PlaceCategory::Service,
        "Two buses away",
        0.95,
        0.90,
    ),
    (
        "school",
        "Primary school gates",
        PlaceCategory::Service,
        "Drop-off and pick-up",
        0.38,
        0.58,
    ),
    (
        "food-bank",
        "Food bank",
        PlaceCategory::Service,
        "Tuesdays at the church hall",
        0.63,
        0.50,
    ),
    (
        "post-office",
        "Post office",
        PlaceCategory::Service,
        "On the front street",
        0.50,
        0.45,
    ),
    (
        "pharmacy",
        "Pharmacy",
        PlaceCategory::Service,
        "Next to the surgery",
        0.45,
        0.48,
    ),
    (
        "library",
        "Murton Library",
        PlaceCategory::Information,
        "Books, computers and notices",
        0.46,
        0.60,
    ),
    (
        "noticeboard",
        "Parish council noticeboard",
        PlaceCategory::Information,
        "Outside the Welfare Hall",
        0.48,
        0.43,
    ),
    (
        "newsletter",
        "Murton Messenger newsletter",
        PlaceCategory::Information,
        "Through the door every month",
        0.50,
        0.50,
    ),
    (
        "facebook",
        "Murton Matters Facebook group",
        PlaceCategory::Online,
        "Lost dogs, events and arguments",
        0.10,
        0.10,
    ),
    (
        "whatsapp",
        "Street WhatsApp group",
        PlaceCategory::Online,
        "Each street has its own",
        0.12,
        0.12,
    ),
    (
        "nextdoor",
        "Nextdoor",
        PlaceCategory::Online,
        "Neighbourhood app",
        0.14,
        0.10,
    ),
];

/// (name, role, role words a resident might type instead of the name)
pub const ROSTER: [(&str, &str); 6] = [
    ("Cllr Joan Hepple", "County councillor"),
    ("Rev. Mark Atkinson", "Vicar of St Paul's"),
    ("Gary Storey", "Postman"),
    ("Pauline Reed", "Quizmaster at the Legion"),
    ("Dr Anjali Shah", "GP at Murton Medical Group"),
    ("PCSO Lee Tait", "Police community support officer"),
];

/// A made-up sketch map of Murton, built into the app so the demo shows its
/// places on a map without anything in the browser store.
pub const DEMO_MAP_SVG: &[u8] = include_bytes!("murton-map.svg");

/// The demo event's map picture (its id is the built-in SVG's content hash).
pub fn demo_map() -> MapPicture {
    crate::core::places::picture::inspect(DEMO_MAP_SVG, "murton-demo-map.svg")
        .unwrap_or_else(|e| panic!("the built-in demo map is not a picture: {e:?}"))
}

/// The demo event with its places, questions, roster and wellbeing scale.
pub fn murton_event() -> Event {
    murton_event_with_areas(&areas_for(0))
}

/// The demo event's id.
pub const DEMO_EVENT_ID: &str = "murton-big-local-2026";

/// The demo event with the given area choices (see [`areas_for`]).
pub fn murton_event_with_areas(areas: &[String]) -> Event {
    let mut event = Event::new(
        EventId::new(DEMO_EVENT_ID),
        "Murton Big Local \u{2014} community mapping day",
        "2026-06-13",
    );
    event.places = PLACES
        .iter()
        .map(|&(id, name, category, description, x, y)| Place {
            id: PlaceId::new(id),
            name: name.into(),
            category,
            description: description.into(),
            pin: Some(MapPin { x, y }),
        })
        .collect();
    event.map = Some(demo_map());
    event.attributes = vec![
        AttributeQuestion {
            id: QuestionId::new(Q_AREA),
            label: "Which part of Murton do you live in?".into(),
            choices: areas.to_vec(),
        },
        question(Q_AGE, "Your age", &AGE_BANDS),
        question(Q_EMPLOYMENT, "What do you do most days?", &EMPLOYMENT),
        question(Q_YEARS, "How long have you lived here?", &YEARS),
    ];
    event.roster = ROSTER
        .iter()
        .map(|&(name, role)| PublicFigure {
            name: name.into(),
            role: role.into(),
        })
        .collect();
    event.languages = vec!["en".into()];
    event.wellbeing = WellbeingScale::OnsLifeSatisfaction;
    event
}

fn question(id: &str, label: &str, choices: &[&str]) -> AttributeQuestion {
    AttributeQuestion {
        id: QuestionId::new(id),
        label: label.into(),
        choices: choices.iter().map(|c| (*c).to_string()).collect(),
    }
}

/// Index of a place id in [`PLACES`]; the table is static, so a miss is a bug
/// in the generator's own tables and falls back to the community centre.
pub fn place_index(id: &str) -> usize {
    PLACES.iter().position(|p| p.0 == id).unwrap_or(3)
}
