//! EMAIL and URL: fixed formats found with linear-time regexes over the raw
//! text, then trimmed of the sentence punctuation that regexes cannot rule out.

use super::Candidate;
use crate::entities::Label;
use crate::text::whitespace::is_space;
use crate::text::Span;
use regex::Regex;
use std::sync::LazyLock;

const SCORE: f32 = 0.99;

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[\p{L}\p{N}_](?:[\p{L}\p{N}_.%+-]*[\p{L}\p{N}_])?@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}",
    )
    .expect("the email pattern is valid")
});

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:(?:https?|ftp)://|www\.)[^\s<>"'`]+"#).expect("the URL pattern is valid")
});

/// Whitespace-free runs longer than this are not searched: addresses are
/// shorter, and the bound keeps match iteration linear in the text.
const MAX_RUN: usize = 4096;

/// Cuts trailing punctuation off a URL, keeping a closing bracket that closes
/// one opened inside the URL ("…/Foo_(bar)"). Linear in the URL's length.
fn trim_url(url: &str) -> usize {
    let count = |c: char| url.chars().filter(|&x| x == c).count();
    let (opened_round, opened_square) = (count('('), count('['));
    let (mut closed_round, mut closed_square) = (count(')'), count(']'));
    let mut end = url.len();
    while let Some(last) = url[..end].chars().next_back() {
        let keep = match last {
            ')' if closed_round > opened_round => {
                closed_round -= 1;
                false
            }
            ']' if closed_square > opened_square => {
                closed_square -= 1;
                false
            }
            '.' | ',' | ';' | ':' | '!' | '?' | '\u{2019}' | '\u{201D}' | '*' => false,
            _ => true,
        };
        if keep {
            break;
        }
        end -= last.len_utf8();
    }
    end
}

/// The whitespace-free runs of `text` (whitespace as Python's `str.isspace`, so a
/// run never ends in a character that Python would trim) (with their byte offset) that `wanted` accepts.
fn runs<'t>(
    text: &'t str,
    wanted: impl Fn(&str) -> bool + 't,
) -> impl Iterator<Item = (usize, &'t str)> + 't {
    text.split(is_space)
        .filter(move |run| run.len() <= MAX_RUN && wanted(run))
        .map(move |run| (run.as_ptr() as usize - text.as_ptr() as usize, run))
}

/// EMAIL and URL candidates, found run by run (addresses hold no whitespace).
pub(super) fn contacts(text: &str, emails: bool, urls: bool, out: &mut Vec<Candidate>) {
    // Whole-text checks first: most texts hold no address at all.
    if emails && text.contains('@') {
        for (offset, run) in runs(text, |run| run.contains('@')) {
            for m in EMAIL.find_iter(run) {
                let span = Span::new(offset + m.start(), offset + m.end());
                out.push(Candidate::new(span, Label::Email, SCORE));
            }
        }
    }
    if urls {
        let looks_like_url =
            |run: &str| run.contains("://") || run.contains("www.") || run.contains("WWW.");
        if !looks_like_url(text) {
            return;
        }
        for (offset, run) in runs(text, looks_like_url) {
            for m in URL.find_iter(run) {
                let end = m.start() + trim_url(m.as_str());
                // "www." alone is no address.
                if run[m.start()..end].trim_end_matches('/').len() > "www.".len() + 1 {
                    let span = Span::new(offset + m.start(), offset + end);
                    out.push(Candidate::new(span, Label::Url, SCORE));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(&str, Label)> {
        let mut out = Vec::new();
        contacts(text, true, true, &mut out);
        out.iter()
            .map(|c| (c.span.of(text), c.label.clone().unwrap()))
            .collect()
    }

    #[test]
    fn emails() {
        assert_eq!(
            find("Write to jane.doe+news@mail.example.co.uk. Or zoë@exämple.de!"),
            [
                ("jane.doe+news@mail.example.co.uk", Label::Email),
                ("zoë@exämple.de", Label::Email)
            ]
        );
        assert!(find("a@b, @handle, x@y.z").is_empty());
    }

    #[test]
    fn urls() {
        assert_eq!(
            find("See https://en.wikipedia.org/wiki/Foo_(bar), (www.example.com/a?b=1). And http://x.io."),
            [
                ("https://en.wikipedia.org/wiki/Foo_(bar)", Label::Url),
                ("www.example.com/a?b=1", Label::Url),
                ("http://x.io", Label::Url)
            ]
        );
        // U+001F is whitespace to Python, so it ends the address.
        assert_eq!(find("HTTP://a.b\u{1f}"), [("HTTP://a.b", Label::Url)]);
    }
}
