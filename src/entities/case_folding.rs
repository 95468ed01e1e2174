//! Case folding for case-insensitive matching: what Python's `str.casefold()`
//! does ("STRASSE" = "straße", final sigma = sigma), except that "İ" folds to a
//! plain "i" so that "İstanbul" matches "istanbul" and "ISTANBUL".

/// Appends the case-folded form of `s` to `out`. The result may be longer or
/// shorter than `s` in bytes and in code points ("ß" -> "ss", "İ" -> "i").
/// O(len).
pub fn fold_case_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.extend(s.chars().map(|c| c.to_ascii_lowercase()));
        return;
    }
    for c in s.chars() {
        match special_fold(c) {
            Some(folded) => out.push_str(folded),
            None => out.extend(c.to_lowercase()),
        }
    }
}

/// The case-folded form of `s` (see [`fold_case_into`]).
pub fn fold_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_case_into(s, &mut out);
    out
}

/// Full case foldings that differ from lower-casing (Unicode CaseFolding.txt,
/// status F and the Greek and Latin variants of status C), plus dotted capital I.
fn special_fold(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{00DF}' | '\u{1E9E}' => "ss",
        '\u{0130}' => "i",
        '\u{017F}' => "s",
        '\u{03C2}' => "\u{03C3}",
        '\u{03D0}' => "\u{03B2}",
        '\u{03D1}' => "\u{03B8}",
        '\u{03D5}' => "\u{03C6}",
        '\u{03D6}' => "\u{03C0}",
        '\u{03F0}' => "\u{03BA}",
        '\u{03F1}' => "\u{03C1}",
        '\u{03F5}' => "\u{03B5}",
        '\u{1E9B}' => "\u{1E61}",
        '\u{1FBE}' => "\u{03B9}",
        '\u{FB00}' => "ff",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB03}' => "ffi",
        '\u{FB04}' => "ffl",
        '\u{FB05}' | '\u{FB06}' => "st",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_like_casefold() {
        assert_eq!(fold_case("Hello WORLD"), "hello world");
        assert_eq!(fold_case("STRASSE"), fold_case("straße"));
        assert_eq!(fold_case("Straße"), "strasse");
        assert_eq!(fold_case("ΟΔΟΣ"), fold_case("οδος"));
        assert_eq!(fold_case("οδος"), "οδοσ");
        assert_eq!(fold_case("ﬁnance"), "finance");
        assert_eq!(fold_case("ZOË ŠIMIĆ"), "zoë šimić");
    }

    #[test]
    fn dotted_capital_i_is_plain_i() {
        assert_eq!(fold_case("İstanbul"), "istanbul");
        assert_eq!(fold_case("ISTANBUL"), "istanbul");
        // Dotless i stays itself: Turkish "ılık" is not "ilik".
        assert_eq!(fold_case("ılık"), "ılık");
    }
}
