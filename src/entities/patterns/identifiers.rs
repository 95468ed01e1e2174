//! Figures that are labels or codes, not amounts: "page 5", "Apollo 11", "No. 7",
//! phone numbers, versions ("v2.3.1"), scores ("3-2"). They become blocking
//! spans (or vetoes) so that no CARDINAL or TIME is found inside them.

use super::dates;
use super::scan::Scan;
use super::Candidate;
use crate::text::tokens::TokenKind;

/// Nouns after which a figure names a thing rather than counting it.
const LABEL_NOUNS: &[&str] = &[
    "page",
    "pages",
    "chapter",
    "chapters",
    "section",
    "sections",
    "article",
    "articles",
    "clause",
    "paragraph",
    "figure",
    "figures",
    "table",
    "tables",
    "appendix",
    "exhibit",
    "line",
    "lines",
    "verse",
    "verses",
    "volume",
    "issue",
    "number",
    "room",
    "suite",
    "apartment",
    "floor",
    "level",
    "grade",
    "step",
    "steps",
    "phase",
    "version",
    "release",
    "build",
    "episode",
    "season",
    "part",
    "act",
    "scene",
    "track",
    "route",
    "junction",
    "exit",
    "highway",
    "interstate",
    "flight",
    "gate",
    "platform",
    "bus",
    "lane",
    "pier",
    "unit",
    "lot",
    "box",
    "item",
    "items",
    "question",
    "exercise",
    "problem",
    "slide",
    "rule",
    "amendment",
    "v",
    "ver",
    "no",
    "nos",
    "p",
    "pp",
    "vol",
    "fig",
    "art",
    "sec",
    "ch",
    "ep",
    "para",
    "tel",
    "ref",
    "id",
    "model",
    "port",
    "extension",
    "ext",
    "mode",
    "channel",
    "seat",
    "terminal",
    "zone",
    "ward",
    "district",
    "option",
    "slot",
    "pin",
    "account",
    // "gas mark 6": an oven setting.
    "mark",
];

/// Function words that open sentences ("In 1996", "About 2,500", "Only 5"): like
/// calendar words, capitalised they do not make the figure after them an identifier.
const NOT_NAMES: &[&str] = &[
    "i",
    "in",
    "on",
    "at",
    "by",
    "since",
    "from",
    "to",
    "of",
    "for",
    "with",
    "after",
    "before",
    "until",
    "during",
    "between",
    "among",
    "about",
    "around",
    "over",
    "under",
    "nearly",
    "almost",
    "approximately",
    "roughly",
    "some",
    "only",
    "just",
    "exactly",
    "another",
    "the",
    "a",
    "an",
    "and",
    "but",
    "or",
    "so",
    "as",
    "all",
    "those",
    "these",
    "we",
    "they",
    "he",
    "she",
    "it",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "its",
    "your",
    "when",
    "if",
    "then",
    "now",
    "still",
    "yet",
    "last",
    "next",
    "more",
    "less",
    "fewer",
    "up",
    "many",
    "perhaps",
    "maybe",
    "once",
    "every",
    "each",
    "than",
    "roughly",
    "nearly",
    "barely",
    "least",
    "most",
];

/// Whether a capitalised `word` (lower-cased) leaves the figure beside it a number.
fn names_nothing(word: &str) -> bool {
    NOT_NAMES.contains(&word) || dates::is_calendar_word(word)
}

/// The figure at token `i` is a label: it follows "#", a label noun ("page",
/// "No."), or a word with a capital that is no function word ("Apollo 11",
/// "Windows 10", "iOS 17", "CA 94105").
pub(super) fn is_numeric_label(scan: &Scan, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let prev = i - 1;
    if scan.glued(i) && matches!(scan.raw(prev), "#" | "\u{2116}") {
        return true;
    }
    if scan.glued(i) {
        return false;
    }
    if is_label_noun(scan.lower(prev))
        || names_a_place(scan, i)
        || precedes_code_noun(scan, i)
        || names_a_model(scan, i)
        || is_version_figure(scan, i)
        || is_short_code(scan, i)
    {
        return true;
    }
    // "junctions 10 and 11", "pages 5, 7 and 9": figures listed after a label
    // noun (a few back at most, so the look-back stays bounded).
    let mut k = i;
    for _ in 0..LISTED_FIGURES {
        if k < 2
            || !matches!(scan.lower(k - 1), "and" | "or" | "to" | ",")
            || scan.kind(k - 2) != Some(TokenKind::Number)
        {
            break;
        }
        k -= 2;
        if k > 0 && !scan.glued(k) && is_label_noun(scan.lower(k - 1)) {
            return true;
        }
    }
    // "No. 5", "p. 12": an abbreviation's dot separates noun and figure.
    if scan.raw(prev) == "." && prev > 0 && scan.glued(prev) {
        return is_label_noun(scan.lower(prev - 1));
    }
    // A name before the figure, even at a sentence start ("John 3:16"), once
    // function words are set aside.
    let name_like = scan.kind(prev) == Some(TokenKind::Word)
        && scan.raw(prev).chars().any(char::is_uppercase)
        && !names_nothing(scan.lower(prev));
    name_like && !super::money::is_currency_code(scan.raw(prev))
}

/// How many listed figures back a label noun still names them.
const LISTED_FIGURES: usize = 4;

/// A label noun, singular or plural ("page", "junctions").
fn is_label_noun(word: &str) -> bool {
    LABEL_NOUNS.contains(&word)
        || word
            .strip_suffix('s')
            .is_some_and(|singular| LABEL_NOUNS.contains(&singular))
}

/// Words that end a street name.
const STREET_WORDS: &[&str] = &[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "lane",
    "ln",
    "drive",
    "dr",
    "boulevard",
    "blvd",
    "way",
    "place",
    "square",
    "court",
    "terrace",
    "crescent",
    "close",
    "highway",
];

/// A house number: the figure is followed by a capitalised street name ("221 Baker
/// Street", "14 Elm Road", "1600 Pennsylvania Avenue").
fn names_a_place(scan: &Scan, i: usize) -> bool {
    (i + 1..=i + 3)
        .take_while(|&k| scan.raw(k).starts_with(char::is_uppercase))
        .any(|k| k > i + 1 && STREET_WORDS.contains(&scan.lower(k)))
}

/// An ordinal figure that opens a street name ("5th Avenue", "42nd Street").
pub(super) fn starts_street_name(scan: &Scan, i: usize) -> bool {
    scan.is_title_case(i + 1) && STREET_WORDS.contains(&scan.lower(i + 1))
}

/// Determiners before a model's name ("the 911 Carrera", "my 3 Series").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "my", "your", "his", "her", "its", "our", "their", "new",
];

/// A figure between a determiner and a singular capitalised word is part of a
/// product or model name ("the 911 Carrera", "a 747 Jumbo"); a plural after it
/// is what is counted ("the 300 Spartans"), and months, units or codes keep
/// their own reading.
fn names_a_model(scan: &Scan, i: usize) -> bool {
    let next = i + 1;
    i > 0
        && DETERMINERS.contains(&scan.lower(i - 1))
        && scan.is_title_case(next)
        && !scan.starts_sentence(next)
        && !scan.lower(next).ends_with('s')
        && !is_adjective_of_origin(scan.lower(next))
        && !names_nothing(scan.lower(next))
        && !super::money::is_currency_code(scan.raw(next))
}

/// "American", "British", "Chinese", "Republican": capitalised adjectives of
/// nation or party, told by their endings, describe what is counted ("the 50
/// American states").
fn is_adjective_of_origin(word: &str) -> bool {
    ["an", "ish", "ese", "ic", "i"]
        .iter()
        .any(|ending| word.len() > ending.len() + 2 && word.ends_with(ending))
}

/// "the 4.0 plugin", "a 2.0 release": a figure ending in ".0" after a
/// determiner and before a word names a version (an amount would rarely keep
/// its ".0" without a unit, and units claim theirs first).
fn is_version_figure(scan: &Scan, i: usize) -> bool {
    scan.raw(i).ends_with(".0")
        && i > 0
        && DETERMINERS.contains(&scan.lower(i - 1))
        && scan.kind(i + 1) == Some(TokenKind::Word)
}

/// "text JOIN to 84433", "reply STOP to 60060", "call 999": a figure that a
/// message is sent to or a number that is dialled is a short code. Looks back
/// at most three tokens.
fn is_short_code(scan: &Scan, i: usize) -> bool {
    const SEND: &[&str] = &["text", "txt", "sms", "reply", "send", "message"];
    const DIAL: &[&str] = &["call", "dial", "ring", "phone"];
    // A code is bare digits with nothing counted after it ("send it to 2000
    // people" counts).
    let raw = scan.raw(i);
    let bare = raw.len() >= 3 && raw.bytes().all(|b| b.is_ascii_digit());
    const NOT_COUNTED: &[&str] = &[
        "to",
        "for",
        "and",
        "or",
        "now",
        "free",
        "if",
        "when",
        "from",
        "on",
        "at",
        "in",
        "with",
        "before",
        "after",
        "immediately",
        "today",
    ];
    let counts =
        scan.kind(i + 1) == Some(TokenKind::Word) && !NOT_COUNTED.contains(&scan.lower(i + 1));
    if !bare || counts {
        return false;
    }
    let prev = scan.lower(i - 1);
    DIAL.contains(&prev)
        || (raw.len() >= 4
            && prev == "to"
            && (2..=3).any(|back| i >= back && SEND.contains(&scan.lower(i - back))))
}

/// A figure before "ZIP", "postcode" or "area code" is the code itself.
fn precedes_code_noun(scan: &Scan, i: usize) -> bool {
    let next = scan.lower(i + 1);
    matches!(next, "zip" | "postcode" | "postal")
        || (matches!(next, "area" | "dialling" | "dialing" | "country") && scan.is(i + 2, "code"))
}

fn is_joiner(s: &str) -> bool {
    matches!(
        s,
        "-" | "\u{2013}" | "." | "/" | ":" | "_" | "+" | "\u{00D7}"
    )
}

fn is_part(scan: &Scan, k: usize) -> bool {
    matches!(scan.kind(k), Some(TokenKind::Word | TokenKind::Number))
}

/// The end (exclusive) of the run of glued words and figures joined by
/// `-./:_+` that starts at token `i`, and whether it holds a figure.
fn chain_end(scan: &Scan, i: usize) -> (usize, bool) {
    let mut end = i + 1;
    let mut has_figure = scan.kind(i) == Some(TokenKind::Number);
    loop {
        if scan.glued(end) && is_part(scan, end) {
            has_figure |= scan.kind(end) == Some(TokenKind::Number);
            end += 1;
        } else if scan.glued(end)
            && is_joiner(scan.raw(end))
            && scan.glued(end + 1)
            && is_part(scan, end + 1)
        {
            has_figure |= scan.kind(end + 1) == Some(TokenKind::Number);
            end += 2;
        } else {
            return (end, has_figure);
        }
    }
}

/// A group of a phone number: figures only, possibly in brackets ("(555)").
fn figure_group_end(scan: &Scan, i: usize) -> Option<usize> {
    if scan.raw(i) == "(" && scan.kind(i + 1) == Some(TokenKind::Number) {
        let close = i + 2;
        return (scan.raw(close) == ")" && scan.glued(close) && scan.glued(i + 1))
            .then_some(close + 1);
    }
    if scan.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let (end, _) = chain_end(scan, i);
    (i..end)
        .all(|k| scan.kind(k) != Some(TokenKind::Word))
        .then_some(end)
}

/// Blocking spans: glued chains with a figure ("v2.3.1", "3-2", "747-400",
/// "555-1234") and runs of space-separated figure groups ("+1 202 555 0143",
/// "(555) 123-4567"). Dates and quantities of the same span win over them.
pub(super) fn blocked_spans(scan: &Scan, out: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < scan.len() {
        if !(is_part(scan, i) || scan.raw(i) == "(" || scan.raw(i) == "+") {
            i += 1;
            continue;
        }
        // Phone-like: two or more figure groups on one line.
        let first = if scan.raw(i) == "+" && scan.glued(i + 1) {
            figure_group_end(scan, i + 1)
        } else {
            figure_group_end(scan, i)
        };
        if let Some(mut end) = first {
            let mut groups = 1;
            while let Some(next) = figure_group_end(scan, end).filter(|_| {
                !scan.glued(end)
                    && !scan.text[scan.tokens[end - 1].span.end..scan.tokens[end].span.start]
                        .contains('\n')
            }) {
                groups += 1;
                end = next;
            }
            if groups >= 2 || end - i >= 2 {
                out.push(Candidate::blocked(scan.span(i, end - 1)));
                i = end;
                continue;
            }
        }
        if is_part(scan, i) {
            let (end, has_figure) = chain_end(scan, i);
            if has_figure && end - i >= 2 {
                out.push(Candidate::blocked(scan.span(i, end - 1)));
            }
            i = end;
        } else {
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocked(text: &str) -> Vec<&str> {
        let scan = Scan::new(text);
        let mut out = Vec::new();
        blocked_spans(&scan, &mut out);
        out.iter().map(|c| c.span.of(text)).collect()
    }

    #[test]
    fn chains_and_phones() {
        assert_eq!(
            blocked("v2.3.1 won 3-2, call 555-1234 or +1 202 555 0143 or (555) 123-4567."),
            [
                "v2.3.1",
                "3-2",
                "555-1234",
                "+1 202 555 0143",
                "(555) 123-4567"
            ]
        );
        assert!(blocked("It cost 5. Then 7 (or 8) came, COVID-19 too.").is_empty());
    }

    #[test]
    fn labels() {
        let scan = Scan::new("see page 5, No. 7, #3, Apollo 11. In 1996 and May 5");
        let label_at = |word: &str| {
            let i = (0..scan.len()).find(|&i| scan.raw(i) == word).unwrap();
            is_numeric_label(&scan, i)
        };
        assert!(label_at("5"));
        assert!(label_at("7"));
        assert!(label_at("3"));
        assert!(label_at("11"));
        assert!(!label_at("1996"));
    }

    fn label_at(text: &str, figure: &str) -> bool {
        let scan = Scan::new(text);
        let i = (0..scan.len()).find(|&i| scan.raw(i) == figure).unwrap();
        is_numeric_label(&scan, i)
    }

    #[test]
    fn models_versions_and_short_codes() {
        assert!(label_at("He drove the 356 Speedster home.", "356"));
        assert!(label_at("Install the 3.0 update first.", "3.0"));
        assert!(label_at("Text WIN to 80800 now.", "80800"));
        assert!(label_at("In an emergency call 999.", "999"));
        assert!(label_at("Set it to gas mark 4.", "4"));
        // Counted things, plurals and adjectives of origin stay counts.
        assert!(!label_at("the 300 Spartans fought", "300"));
        assert!(!label_at("the 50 American states", "50"));
        assert!(!label_at("the 3.5 stars it got", "3.5"));
        assert!(!label_at("Send it to 2000 people.", "2000"));
        assert!(!label_at("call 3 friends", "3"));
        assert!(label_at("call 112 if you can", "112"));
    }
}
