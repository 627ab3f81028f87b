//! Names for the demo: who lives round here, and how residents type them.
//! Residents type the same person differently (Dave, David, D. Smith, a typo),
//! which is what the facilitator's matching has to cope with.

use rand::Rng;

/// Where a name comes from; surnames follow the first name's background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    British,
    Polish,
    SouthAsian,
    Other,
}

/// (formal first name, other forms people use)
type FirstRow = (&'static str, &'static [&'static str]);

const BRITISH_FIRST: &[FirstRow] = &[
    ("David", &["Dave", "Davey"]),
    ("John", &["Johnny"]),
    ("Michael", &["Mike", "Mick"]),
    ("Paul", &[]),
    ("Steven", &["Steve"]),
    ("Stephen", &["Steve"]),
    ("Mark", &[]),
    ("Peter", &["Pete"]),
    ("Robert", &["Bob", "Rob", "Bobby"]),
    ("William", &["Bill", "Billy", "Will"]),
    ("James", &["Jim", "Jimmy", "Jamie"]),
    ("Anthony", &["Tony"]),
    ("Christopher", &["Chris"]),
    ("Kevin", &["Kev"]),
    ("Gary", &[]),
    ("Keith", &[]),
    ("Alan", &[]),
    ("Brian", &[]),
    ("Thomas", &["Tom", "Tommy"]),
    ("Richard", &["Rich", "Dick"]),
    ("Joseph", &["Joe"]),
    ("Daniel", &["Dan", "Danny"]),
    ("Matthew", &["Matt"]),
    ("Andrew", &["Andy"]),
    ("Kenneth", &["Ken", "Kenny"]),
    ("Ronald", &["Ron", "Ronnie"]),
    ("Raymond", &["Ray"]),
    ("Lee", &[]),
    ("Craig", &[]),
    ("Liam", &[]),
    ("Connor", &[]),
    ("Callum", &[]),
    ("Susan", &["Sue", "Susie"]),
    ("Margaret", &["Maggie", "Peggy"]),
    ("Elizabeth", &["Liz", "Beth", "Lizzie"]),
    ("Patricia", &["Pat", "Trish"]),
    ("Catherine", &["Cath", "Kate", "Cathy"]),
    ("Christine", &["Chris", "Chrissie"]),
    ("Karen", &[]),
    ("Julie", &[]),
    ("Sandra", &["Sandy"]),
    ("Deborah", &["Debbie", "Debs"]),
    ("Barbara", &["Barb"]),
    ("Jennifer", &["Jen", "Jenny"]),
    ("Pauline", &[]),
    ("Janet", &["Jan"]),
    ("Joanne", &["Jo"]),
    ("Samantha", &["Sam"]),
    ("Victoria", &["Vicky"]),
    ("Rebecca", &["Becky"]),
    ("Jessica", &["Jess"]),
    ("Emma", &[]),
    ("Sarah", &[]),
    ("Michelle", &["Shell"]),
    ("Lisa", &[]),
    ("Tracey", &[]),
    ("Kimberley", &["Kim"]),
    ("Chloe", &[]),
    ("Amy", &[]),
    ("Dorothy", &["Dot"]),
    ("Jean", &[]),
    ("Irene", &[]),
    ("Eileen", &[]),
];

const POLISH_FIRST: &[FirstRow] = &[
    ("Katarzyna", &["Kasia"]),
    ("Małgorzata", &["Gosia"]),
    ("Agnieszka", &["Aga"]),
    ("Magdalena", &["Magda"]),
    ("Anna", &["Ania"]),
    ("Łukasz", &[]),
    ("Piotr", &[]),
    ("Tomasz", &["Tomek"]),
    ("Krzysztof", &["Krzysiek"]),
    ("Paweł", &[]),
    ("Michał", &[]),
    ("Wojciech", &["Wojtek"]),
];

const SOUTH_ASIAN_FIRST: &[FirstRow] = &[
    ("Mohammed", &["Mo", "Muhammad"]),
    ("Manjit", &[]),
    ("Harpreet", &[]),
    ("Priya", &[]),
    ("Ayesha", &[]),
    ("Fatima", &[]),
    ("Imran", &[]),
    ("Sanjay", &[]),
    ("Rajesh", &["Raj"]),
    ("Bilal", &[]),
    ("Zainab", &[]),
];

const OTHER_FIRST: &[FirstRow] = &[
    ("Andrei", &[]),
    ("Ioana", &[]),
    ("Chidi", &[]),
    ("Ngozi", &[]),
    ("Wei", &[]),
    ("Mei", &[]),
];

const BRITISH_SURNAMES: &[&str] = &[
    "Smith",
    "Robson",
    "Armstrong",
    "Dixon",
    "Bell",
    "Patterson",
    "Walker",
    "Thompson",
    "Johnson",
    "Brown",
    "Wilson",
    "Taylor",
    "Scott",
    "Charlton",
    "Milburn",
    "Hall",
    "Wood",
    "Young",
    "Ridley",
    "Forster",
    "Lamb",
    "Pearson",
    "Hedley",
    "Burdon",
    "Elliott",
    "Graham",
    "Stoker",
    "Marshall",
    "Cairns",
    "Hutchinson",
    "Oliver",
    "Nicholson",
    "Gibson",
    "Purvis",
    "Harrison",
    "Turnbull",
    "Appleby",
    "Dodds",
    "Wardle",
    "Kirkup",
];
const POLISH_SURNAMES: &[&str] = &[
    "Nowak",
    "Wójcik",
    "Woźniak",
    "Mazur",
    "Krawczyk",
    "Kaczmarek",
    "Zając",
    "Król",
    "Wróbel",
    "Pawlak",
    "Michalak",
    "Sikora",
    "Baran",
    "Duda",
    "Szewczyk",
    "Tomaszewski",
    "Jasiński",
    "Pietrzak",
    "Marciniak",
    "Zalewski",
    "Jakubowski",
    "Sadowski",
    "Bąk",
    "Włodarczyk",
];
const SOUTH_ASIAN_SURNAMES: &[&str] = &[
    "Khan", "Patel", "Singh", "Kaur", "Hussain", "Ahmed", "Begum", "Sharma", "Iqbal", "Malik",
    "Chaudhry", "Rahman", "Ali", "Gill", "Sandhu", "Mistry", "Joshi", "Akhtar", "Butt", "Qureshi",
];
const OTHER_SURNAMES: &[&str] = &["Popescu", "Okafor", "Adeyemi", "Li", "Chen", "Ionescu"];

/// What residents call close family instead of a name; never the same person
/// across two residents, which the matching must not be fooled by.
pub const KINSHIP: &[&str] = &["Mam", "Mum", "Dad", "Nana", "Grandad", "our kid", "Our Kev"];

/// A person's name as the people who know them would give it.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonName {
    pub formal: &'static str,
    /// What most people call them: the formal name or one of its short forms.
    pub known_as: &'static str,
    pub others: &'static [&'static str],
    pub surname: &'static str,
}

fn pick<T: Copy, R: Rng>(rng: &mut R, items: &[T]) -> T {
    items[rng.random_range(0..items.len())]
}

/// Picks a background with roughly the mix of a former pit village in 2026.
pub fn background<R: Rng>(rng: &mut R) -> Background {
    match rng.random_range(0..100) {
        0..=84 => Background::British,
        85..=91 => Background::Polish,
        92..=97 => Background::SouthAsian,
        _ => Background::Other,
    }
}

/// A random person's name. Common first names come up often on purpose: three
/// different Davids in three areas is the normal case, not a corner case.
pub fn person_name<R: Rng>(rng: &mut R, background: Background) -> PersonName {
    let (firsts, surnames) = match background {
        Background::British => (BRITISH_FIRST, BRITISH_SURNAMES),
        Background::Polish => (POLISH_FIRST, POLISH_SURNAMES),
        Background::SouthAsian => (SOUTH_ASIAN_FIRST, SOUTH_ASIAN_SURNAMES),
        Background::Other => (OTHER_FIRST, OTHER_SURNAMES),
    };
    // u(2u+1)/3 favours the top of each list (David, John, Susan...): David is
    // about 3.7% of everyone, as in the 1950s-70s birth years that make up
    // most of a former pit village; one person in seven has a namesake in
    // their own circle of twelve. (Plain multiplications, so native and wasm
    // builds draw the same names.)
    let u: f64 = rng.random();
    let index = (u * (2.0 * u + 1.0) / 3.0 * firsts.len() as f64) as usize;
    let (formal, others) = firsts[index.min(firsts.len() - 1)];
    let known_as = if !others.is_empty() && rng.random_bool(0.5) {
        others[0]
    } else {
        formal
    };
    PersonName {
        formal,
        known_as,
        others,
        surname: pick(rng, surnames),
    }
}

/// How one resident types a person's name: usually what they are known as,
/// sometimes formal, with a surname, an initial, a typo or in lower case.
pub fn typed_name<R: Rng>(rng: &mut R, name: &PersonName) -> String {
    let first = match rng.random_range(0..100) {
        0..=69 => name.known_as,
        70..=84 => name.formal,
        _ if !name.others.is_empty() => pick(rng, name.others),
        _ => name.known_as,
    };
    let first = maybe_typo(rng, first);
    let typed = match rng.random_range(0..100) {
        0..=59 => first,
        60..=81 => format!("{first} {}", name.surname),
        82..=89 => format!("{first} {}", initial(name.surname)),
        90..=95 => format!("{}. {}", initial(name.formal), name.surname),
        _ => format!("{} {}", initial(name.formal), name.surname),
    };
    keyboard_habits(rng, typed)
}

fn initial(s: &str) -> String {
    s.chars().next().map(|c| c.to_string()).unwrap_or_default()
}

/// One slip of the finger in about one name in twelve.
fn maybe_typo<R: Rng>(rng: &mut R, word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    if chars.len() < 4 || !rng.random_bool(0.08) {
        return word.to_string();
    }
    let mut out = chars.clone();
    let i = rng.random_range(1..chars.len() - 1);
    match rng.random_range(0..3) {
        0 => {
            out.remove(i);
        }
        1 => out.swap(i, i + 1),
        _ => out.insert(i, chars[i]),
    }
    out.into_iter().collect()
}

/// Lower case on a phone, and Polish letters lost on an English keyboard.
fn keyboard_habits<R: Rng>(rng: &mut R, typed: String) -> String {
    let typed = if rng.random_bool(0.5) {
        strip_polish(&typed)
    } else {
        typed
    };
    if rng.random_bool(0.15) {
        typed.to_lowercase()
    } else {
        typed
    }
}

fn strip_polish(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'Ł' => 'L',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'Ś' => 'S',
            'ź' | 'ż' => 'z',
            _ => c,
        })
        .collect()
}

/// A short, unambiguous code the resident can quote to withdraw their map.
pub fn withdrawal_code<R: Rng>(rng: &mut R) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    (0..6)
        .map(|_| ALPHABET[rng.random_range(0..ALPHABET.len())] as char)
        .collect()
}
