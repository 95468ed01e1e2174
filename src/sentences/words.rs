//! Bounded look-around for words next to a candidate boundary, and case-insensitive
//! lookup without allocating. Every scan stops after `MAX_WORD` bytes, which keeps the
//! splitter linear on text with no spaces.

use rustc_hash::FxHashSet;

/// Longest word (in bytes) the rules look at; longer runs are never abbreviations.
pub const MAX_WORD: usize = 48;

/// The run of letters, digits and inner periods ending at byte `end`, or `None` when it
/// is longer than `MAX_WORD`.
pub fn word_before(text: &str, end: usize) -> Option<&str> {
    let mut start = end;
    for (i, c) in text[..end].char_indices().rev() {
        if !(c.is_alphanumeric() || c == '.') {
            break;
        }
        if end - i > MAX_WORD {
            return None;
        }
        start = i;
    }
    // A leading period belongs to an ellipsis or a preceding sentence, not the word.
    let word = text[start..end].trim_start_matches('.');
    Some(word)
}

/// The run of letters and digits starting at byte `start` (cut at `MAX_WORD`).
pub fn word_at(text: &str, start: usize) -> &str {
    let mut end = start;
    for (i, c) in text[start..].char_indices() {
        if !c.is_alphanumeric() || i >= MAX_WORD {
            break;
        }
        end = start + i + c.len_utf8();
    }
    &text[start..end]
}

/// The whitespace-delimited token starting at byte `start`, cut at a char boundary near
/// `MAX_WORD` bytes.
pub fn token_at(text: &str, start: usize) -> &str {
    let mut end = start;
    for (i, c) in text[start..].char_indices() {
        if c.is_whitespace() || i >= MAX_WORD {
            break;
        }
        end = start + i + c.len_utf8();
    }
    &text[start..end]
}

/// The characters of the whitespace-delimited token around the ending at `end`, going
/// back at most `MAX_WORD` bytes: whether it holds any of `marks`.
pub fn token_before_has(text: &str, end: usize, marks: &[char]) -> bool {
    text[..end]
        .char_indices()
        .rev()
        .take_while(|&(i, c)| !c.is_whitespace() && end - i <= MAX_WORD)
        .any(|(_, c)| marks.contains(&c))
}

/// How many words (up to `limit`) stand before byte `end` on a bounded window, stopping at
/// a sentence terminator.
pub fn words_before(text: &str, end: usize, limit: usize) -> usize {
    let mut count = 0;
    let mut in_word = false;
    for (i, c) in text[..end].char_indices().rev() {
        if end - i > 4 * MAX_WORD || count >= limit || matches!(c, '.' | '!' | '?') && !in_word {
            break;
        }
        if c.is_whitespace() {
            in_word = false;
        } else if !in_word {
            in_word = true;
            count += 1;
        }
    }
    count
}

/// Longest lower-cased word (in bytes) that is looked up.
pub const FOLDED_MAX: usize = 4 * MAX_WORD;

/// `word` lower-cased into `buf`; `None` if it does not fit.
fn fold_into<'b>(word: &str, buf: &'b mut [u8; FOLDED_MAX]) -> Option<&'b str> {
    let mut len = 0;
    if word.is_ascii() {
        // The common case, byte by byte.
        let dest = buf.get_mut(..word.len())?;
        for (d, b) in dest.iter_mut().zip(word.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        len = word.len();
    } else {
        for c in word.chars().flat_map(char::to_lowercase) {
            let n = c.len_utf8();
            if len + n > buf.len() {
                return None;
            }
            c.encode_utf8(&mut buf[len..len + n]);
            len += n;
        }
    }
    // Built only from whole encoded chars.
    std::str::from_utf8(&buf[..len]).ok()
}

/// `find` called with `word` lower-cased (folded without allocating); `None` when the
/// lower-cased word would not fit `FOLDED_MAX` bytes.
pub fn find_folded<T>(word: &str, find: impl FnOnce(&str) -> Option<T>) -> Option<T> {
    // Most words looked up are ASCII; one already in lower case needs no copy.
    let lower_ascii = word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase());
    if lower_ascii && word.len() <= FOLDED_MAX {
        return find(word);
    }
    let mut buf = [0u8; FOLDED_MAX];
    fold_into(word, &mut buf).and_then(find)
}

/// Whether `word`, lower-cased, is in `set` (which holds lower-cased entries).
pub fn contains_folded(set: &FxHashSet<String>, word: &str) -> bool {
    !set.is_empty() && find_folded(word, |w| set.contains(w).then_some(())).is_some()
}

/// "U.S", "e.g", "Ph.D": two or more short alphabetic pieces joined by periods.
pub fn is_dotted_abbreviation(word: &str) -> bool {
    // Most words have no period, so fewer than two pieces.
    if !word.bytes().any(|b| b == b'.') {
        return false;
    }
    let mut pieces = 0;
    for piece in word.split('.') {
        let n = piece.chars().count();
        if n == 0 || n > 3 || !piece.chars().all(char::is_alphabetic) {
            return false;
        }
        pieces += 1;
    }
    pieces >= 2
}

/// "Л.Н", "J.R.R": initials written together.
pub fn is_dotted_initials(word: &str) -> bool {
    word.contains('.') && word.split('.').all(is_initial)
}

/// "XII": an upper-case Roman numeral.
pub fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty() && word.len() <= 8 && word.bytes().all(|b| b"IVXLCDM".contains(&b))
}

/// A single letter ("E" in "Jonas E. Smith").
pub fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_before_stops_at_non_word_and_length() {
        assert_eq!(word_before("see Dr", 6), Some("Dr"));
        assert_eq!(word_before("the U.S", 7), Some("U.S"));
        assert_eq!(word_before("...x", 4), Some("x"));
        assert_eq!(word_before(&"a".repeat(100), 100), None);
    }

    #[test]
    fn folding_is_case_insensitive_and_bounded() {
        let set: FxHashSet<String> = ["straße".to_string()].into_iter().collect();
        assert!(contains_folded(&set, "STRAßE"));
        assert!(!contains_folded(&set, &"x".repeat(500)));
    }

    #[test]
    fn shapes() {
        assert!(is_dotted_abbreviation("U.S") && is_dotted_abbreviation("Ph.D"));
        assert!(!is_dotted_abbreviation("google.com") && !is_dotted_abbreviation("etc"));
        assert!(is_initial("E") && !is_initial("Ed") && !is_initial("1"));
        assert!(is_dotted_initials("Л.Н") && !is_dotted_initials("U.Sa"));
        assert!(is_roman_numeral("XII") && !is_roman_numeral("XYZ"));
        assert_eq!(word_at("Hello, world", 0), "Hello");
        assert_eq!(token_at("a.Com/x next", 0), "a.Com/x");
        assert_eq!(token_at(&"é".repeat(40), 0).len(), MAX_WORD);
        assert_eq!(words_before("Stop. At 5 a", 11, 4), 2);
        assert_eq!(words_before("He left the bank at 6 P", 22, 4), 4);
    }
}
