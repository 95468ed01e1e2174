//! Things written after a sentence's terminator that still belong to it: a citation mark
//! ("... in 1805. [27]") or an emoticon ("I love her. :)").

/// Emoticons that close a sentence in web text.
const EMOTICONS: &[&str] = &[
    ":-)", ":-(", ":-D", ":-P", ":)", ":(", ":D", ":P", ":p", ";)", ";-)", ":/", ":'(", "<3",
];

/// The byte after any attachment that follows `end` on the same line (else `end`).
pub fn after_sentence(text: &str, end: usize) -> usize {
    let rest = &text[end..];
    let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if gap == 0 && !rest.starts_with('[') {
        return end;
    }
    let tail = &rest[gap..];
    if let Some(inner) = tail.strip_prefix('[') {
        let close = inner.find(']').filter(|&n| n <= 6);
        if let Some(n) = close {
            let mark = &inner[..n];
            let citation = !mark.is_empty() && mark.bytes().all(|b| b.is_ascii_digit());
            if citation || mark == "..." || mark == "…" {
                return end + gap + 1 + n + 1;
            }
        }
    }
    // Every emoticon starts with one of these: most sentences end with none of them.
    if !tail.starts_with([':', ';', '<']) {
        return end;
    }
    for emoticon in EMOTICONS {
        if let Some(after) = tail.strip_prefix(emoticon) {
            if after.is_empty() || after.starts_with(char::is_whitespace) {
                return end + gap + emoticon.len();
            }
        }
    }
    end
}

/// Byte length of the emoticon standing alone at `at` ("love it :) Next"), if any.
pub fn emoticon_at(text: &str, at: usize) -> Option<usize> {
    let alone_before = text[..at]
        .chars()
        .next_back()
        .is_none_or(char::is_whitespace);
    let tail = &text[at..];
    EMOTICONS
        .iter()
        .find(|e| tail.starts_with(*e))
        .map(|e| e.len())
        .filter(|&n| alone_before && tail[n..].starts_with(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::{after_sentence, emoticon_at};

    #[test]
    fn lone_emoticons() {
        assert_eq!(emoticon_at("fun :) Next", 4), Some(2));
        assert_eq!(emoticon_at("fun:) Next", 3), None);
        assert_eq!(emoticon_at("Note: x", 4), None);
    }

    #[test]
    fn citations_and_emoticons_attach() {
        assert_eq!(after_sentence("in 1805. [27] Next", 8), 13);
        assert_eq!(after_sentence("for all! [...]\nWhat", 8), 14);
        assert_eq!(after_sentence("her. :) I have", 4), 7);
        assert_eq!(after_sentence("her. :)x", 4), 4);
        assert_eq!(after_sentence("end. [see above] x", 4), 4);
        assert_eq!(after_sentence("end. Next", 4), 4);
    }
}
