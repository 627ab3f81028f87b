//! The hidden "real" neighbourhood the demo residents describe: circles of
//! people who share an area and a few places, a handful of well-known
//! brokers everyone seems to know, and the public figures on the roster.
//! Residents only ever see it through the names they type, so it doubles as
//! ground truth for the matching benchmark.

use super::event::{areas_for, place_index, ROSTER};
use super::names::{background, person_name, Background, PersonName};
use rand::Rng;

/// Index of a real person in [`World::people`].
pub type PersonId = u32;

/// What binds a circle: it decides who its residents are and where they go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Families,
    Older,
    Pub,
    Young,
    Volunteers,
}

impl Theme {
    const ALL: [Theme; 5] = [
        Theme::Families,
        Theme::Older,
        Theme::Pub,
        Theme::Young,
        Theme::Volunteers,
    ];

    /// The places a circle with this theme is drawn from.
    fn places(self) -> &'static [&'static str] {
        match self {
            Theme::Families => &[
                "toddler-group",
                "school",
                "park",
                "facebook",
                "community-centre",
                "gp",
                "food-bank",
            ],
            Theme::Older => &[
                "lunch-club",
                "st-pauls",
                "post-office",
                "knit-natter",
                "welfare-hall",
                "pharmacy",
                "newsletter",
            ],
            Theme::Pub => &[
                "legion",
                "victoria",
                "football",
                "colliery-band",
                "welfare-hall",
                "facebook",
                "dalton-park",
            ],
            Theme::Young => &[
                "youth-club",
                "park",
                "dalton-park",
                "facebook",
                "football",
                "jobcentre",
            ],
            Theme::Volunteers => &[
                "food-bank-vol",
                "community-centre",
                "allotments",
                "st-pauls",
                "library",
                "noticeboard",
                "whatsapp",
            ],
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum PersonKind {
    /// A member of one circle in one area.
    Circle { circle: usize },
    /// Known across areas: the community centre manager and friends.
    Broker,
    /// On the event roster, at this index.
    Figure(usize),
    /// Close family of exactly one resident.
    Family,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    pub name: PersonName,
    pub kind: PersonKind,
    /// Words residents type instead of the name ("the vicar").
    pub aliases: &'static [&'static str],
}

#[derive(Debug, Clone, PartialEq)]
pub struct Circle {
    pub area: usize,
    pub theme: Theme,
    /// Indices into the event's place list.
    pub places: Vec<usize>,
    pub members: Vec<PersonId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct World {
    /// Area names, as on the event's area question.
    pub areas: Vec<String>,
    pub people: Vec<Person>,
    pub circles: Vec<Circle>,
    pub brokers: Vec<PersonId>,
    pub figures: Vec<PersonId>,
}

/// Residents per circle; a circle holds half as many people again to name.
const RESIDENTS_PER_CIRCLE: usize = 8;
const MEMBERS_PER_CIRCLE: usize = 12;

/// The brokers: people named by residents of every area, who bridge groups.
const BROKERS: [(PersonName, &[&str]); 4] = [
    (
        PersonName {
            formal: "Sandra",
            known_as: "Sandra",
            others: &["Sandy"],
            surname: "Robson",
        },
        &["Sandra community centre", "Sandra (centre)"],
    ),
    (
        PersonName {
            formal: "Anthony",
            known_as: "Tony",
            others: &[],
            surname: "Dixon",
        },
        &["Tony food bank"],
    ),
    (
        PersonName {
            formal: "Beverley",
            known_as: "Bev",
            others: &[],
            surname: "Charlton",
        },
        &["Bev toddlers"],
    ),
    (
        PersonName {
            formal: "Kevin",
            known_as: "Kev",
            others: &[],
            surname: "Marshall",
        },
        &["Kev football"],
    ),
];

/// The roster's people, in [`ROSTER`] order, and what residents call them.
const FIGURES: [(PersonName, &[&str]); 6] = [
    (
        PersonName {
            formal: "Joan",
            known_as: "Joan",
            others: &[],
            surname: "Hepple",
        },
        &["Cllr Hepple", "Joan the councillor", "Councillor Hepple"],
    ),
    (
        PersonName {
            formal: "Mark",
            known_as: "Mark",
            others: &[],
            surname: "Atkinson",
        },
        &["the vicar", "Rev Mark", "Mark the vicar"],
    ),
    (
        PersonName {
            formal: "Gary",
            known_as: "Gary",
            others: &[],
            surname: "Storey",
        },
        &["Gary the postie", "the postman", "Gary postman"],
    ),
    (
        PersonName {
            formal: "Pauline",
            known_as: "Pauline",
            others: &[],
            surname: "Reed",
        },
        &["Pauline quiz", "Pauline at the Legion"],
    ),
    (
        PersonName {
            formal: "Anjali",
            known_as: "Anjali",
            others: &[],
            surname: "Shah",
        },
        &["Dr Shah", "the doctor"],
    ),
    (
        PersonName {
            formal: "Lee",
            known_as: "Lee",
            others: &[],
            surname: "Tait",
        },
        &["Lee PCSO", "the PCSO"],
    ),
];

impl World {
    /// Builds a neighbourhood sized for `residents` residents.
    pub fn generate<R: Rng>(rng: &mut R, residents: usize) -> Self {
        let mut world = World {
            areas: areas_for(residents),
            people: Vec::new(),
            circles: Vec::new(),
            brokers: Vec::new(),
            figures: Vec::new(),
        };
        debug_assert_eq!(FIGURES.len(), ROSTER.len());
        for (name, aliases) in BROKERS {
            let id = world.push(name, PersonKind::Broker, aliases);
            world.brokers.push(id);
        }
        for (i, (name, aliases)) in FIGURES.into_iter().enumerate() {
            let id = world.push(name, PersonKind::Figure(i), aliases);
            world.figures.push(id);
        }
        let circles = residents.div_ceil(RESIDENTS_PER_CIRCLE).max(1);
        for c in 0..circles {
            world.add_circle(rng, c);
        }
        world
    }

    fn push(
        &mut self,
        name: PersonName,
        kind: PersonKind,
        aliases: &'static [&'static str],
    ) -> PersonId {
        self.people.push(Person {
            name,
            kind,
            aliases,
        });
        (self.people.len() - 1) as PersonId
    }

    fn add_circle<R: Rng>(&mut self, rng: &mut R, index: usize) {
        // Areas in turn, so even a small demo has all of them.
        let area = index % self.areas.len().max(1);
        let theme = Theme::ALL[rng.random_range(0..Theme::ALL.len())];
        let pool = theme.places();
        let mut places: Vec<usize> = Vec::new();
        while places.len() < 3 {
            let p = place_index(pool[rng.random_range(0..pool.len())]);
            if !places.contains(&p) {
                places.push(p);
            }
        }
        let circle = self.circles.len();
        let members = (0..MEMBERS_PER_CIRCLE)
            .map(|_| {
                let origin = background(rng);
                let name = person_name(rng, origin);
                self.push(name, PersonKind::Circle { circle }, &[])
            })
            .collect();
        self.circles.push(Circle {
            area,
            theme,
            places,
            members,
        });
    }

    /// A new relative of one resident, never named by anyone else.
    pub fn add_family<R: Rng>(&mut self, rng: &mut R, background: Background) -> PersonId {
        let name = person_name(rng, background);
        self.push(name, PersonKind::Family, &[])
    }
}
