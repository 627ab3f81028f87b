//! Name normalisation: the form two spellings of one name share.
//!
//! Compatibility forms are folded (full-width letters, ligatures), Latin
//! letters lose their accents (é → e, Polish ł → l, which Unicode does not
//! decompose), everything is lower-cased and punctuation becomes spacing.
//! Letters of other scripts (Urdu, Arabic, Chinese, Devanagari, ...) are kept,
//! marks included: deleting them would make every such name equal to the
//! empty string. Arabic script is the exception that proves it: its short
//! vowel marks are optional in writing and Urdu and Arabic keyboards give
//! different letters for the same sound (ی/ي, ک/ك, ہ/ه/ة), so those fold to
//! one form, as Arabic-script search does.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Folds a name to lower-case, accent-free Latin where it is Latin, single-spaced.
///
/// # Example
/// ```
/// use weave::core::matching::normalise::fold;
/// assert_eq!(fold("  Łukasz  WÓJCIK "), "lukasz wojcik");
/// assert_eq!(fold("O'Brien-Smith"), "obrien smith");
/// assert_eq!(fold("محمد"), "محمد");
/// ```
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.nfkc() {
        if is_apostrophe(c) {
            continue;
        }
        if !(c.is_alphanumeric() || is_combining_mark(c)) {
            pending_space = !out.is_empty();
            continue;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        push_folded(&mut out, c);
    }
    out
}

/// The folded name split into words.
pub fn tokens(name: &str) -> Vec<String> {
    fold(name)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`' | '\u{02BC}')
}

/// Latin letters (Basic Latin to Latin Extended-B, and Extended Additional).
fn is_latin(c: char) -> bool {
    matches!(c as u32, 0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF)
}

fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    if let Some(arabic) = arabic_script(c) {
        out.extend(arabic);
        return;
    }
    if !is_latin(c) {
        out.extend(c.to_lowercase());
        return;
    }
    if let Some(s) = undecomposable(c) {
        out.push_str(s);
        return;
    }
    let mut buf = [0u8; 4];
    for d in c
        .encode_utf8(&mut buf)
        .nfd()
        .filter(|d| !is_combining_mark(*d))
    {
        out.extend(d.to_lowercase());
    }
}

/// Latin letters with a stroke or ligature, which NFD leaves whole.
fn undecomposable(c: char) -> Option<&'static str> {
    Some(match c {
        'ł' | 'Ł' => "l",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'ħ' | 'Ħ' => "h",
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'þ' | 'Þ' => "th",
        'ı' => "i",
        _ => return None,
    })
}

/// Arabic-script letters in one form: `Some(None)` drops an optional mark,
/// `Some(Some(x))` writes `x`; `None` for characters of other scripts.
fn arabic_script(c: char) -> Option<Option<char>> {
    Some(match c {
        // Short vowels, shadda, sukun, superscript alef, Quranic marks, tatweel.
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => None,
        // Alef with hamza or madda, alef wasla.
        '\u{0622}' | '\u{0623}' | '\u{0625}' | '\u{0671}' => Some('\u{0627}'),
        // Arabic yeh and alef maksura: Urdu (Farsi) yeh.
        '\u{064A}' | '\u{0649}' => Some('\u{06CC}'),
        // Arabic kaf: Urdu keheh.
        '\u{0643}' => Some('\u{06A9}'),
        // Urdu heh goal, teh marbuta, heh with yeh, ae: heh.
        '\u{06C1}' | '\u{0629}' | '\u{06C0}' | '\u{06D5}' => Some('\u{0647}'),
        '\u{0600}'..='\u{06FF}' => Some(c),
        _ => return None,
    })
}

/// True when the folded word is written in Latin letters (so phonetic keys
/// and nickname tables apply to it).
pub fn is_latin_word(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_accents_and_case_fold_away() {
        assert_eq!(fold("José Müller"), "jose muller");
        assert_eq!(fold("ZOË  Brontë"), "zoe bronte");
        assert_eq!(fold("Siobhán Ní Bhriain"), "siobhan ni bhriain");
        assert_eq!(fold("François"), "francois");
        assert_eq!(fold("Straße"), "strasse");
    }

    #[test]
    fn polish_letters_including_the_stroked_l() {
        assert_eq!(fold("Łukasz"), "lukasz");
        assert_eq!(fold("Paweł Wójcik"), "pawel wojcik");
        assert_eq!(fold("Małgorzata Woźniak"), "malgorzata wozniak");
        assert_eq!(fold("Zając"), "zajac");
        assert_eq!(fold("Dąbrowski"), fold("Dabrowski"));
    }

    #[test]
    fn punctuation_and_spacing() {
        assert_eq!(fold("D. Smith"), "d smith");
        assert_eq!(fold("  dave\t(the   legion) "), "dave the legion");
        assert_eq!(fold("O’Neill"), "oneill");
        assert_eq!(fold("Mary-Jane"), "mary jane");
        assert_eq!(fold("..."), "");
        assert_eq!(tokens("Dr. Anjali  Shah"), vec!["dr", "anjali", "shah"]);
    }

    #[test]
    fn compatibility_forms_fold() {
        assert_eq!(fold("Ｄａｖｅ"), "dave");
        assert_eq!(fold("ﬁona"), "fiona");
    }

    #[test]
    fn other_scripts_are_kept_intact() {
        // Urdu / Arabic: Muhammad, with and without a space-separated surname.
        assert_eq!(fold("محمد"), "محمد");
        assert_eq!(fold("محمد  خان"), "محمد خان");
        // Chinese: 李伟 (Li Wei) keeps both characters.
        assert_eq!(fold("李伟"), "李伟");
        // Devanagari keeps its vowel signs (combining marks).
        assert_eq!(fold("प्रिया"), "प्रिया");
        // Greek and Cyrillic are lower-cased, not deleted.
        assert_eq!(fold("ΝΙΚΟΣ"), "νικοσ");
        assert_eq!(fold("Ольга"), "ольга");
        assert!(!is_latin_word("محمد"));
        assert!(is_latin_word("lukasz"));
    }

    #[test]
    fn urdu_and_arabic_spellings_of_one_name_fold_together() {
        // Fatima on an Urdu keyboard (heh goal) and an Arabic one (teh marbuta).
        assert_eq!(fold("فاطمہ"), fold("فاطمة"));
        // Ayesha with Arabic yeh and Urdu yeh, with and without hamza.
        assert_eq!(fold("عائشة"), fold("عائشہ"));
        assert_eq!(fold("علي"), fold("علی"));
        // Short vowels and shadda are optional: Muhammad with and without them.
        assert_eq!(fold("مُحَمَّد"), "محمد");
        // Tatweel (a stretched joining line) is decoration.
        assert_eq!(fold("محـــمد"), "محمد");
        // Ahmed with and without hamza on the alef; Arabic kaf and Urdu keheh.
        assert_eq!(fold("أحمد"), fold("احمد"));
        assert_eq!(fold("كريم"), fold("کریم"));
        // Different names stay different.
        assert_ne!(fold("محمد"), fold("احمد"));
    }

    #[test]
    fn chinese_names_keep_their_characters_and_fold_full_width_forms() {
        // 王芳 (Wang Fang) and 张伟 (Zhang Wei): characters are kept as typed.
        assert_eq!(fold("王芳"), "王芳");
        assert_eq!(tokens("张伟  Zhang Wei"), vec!["张伟", "zhang", "wei"]);
        // Full-width Latin letters from a Chinese input method fold to plain ones.
        assert_eq!(fold("Ｌｉ Ｗｅｉ"), "li wei");
        // An ideographic space separates words like any other.
        assert_eq!(tokens("李\u{3000}伟"), vec!["李", "伟"]);
    }
}
