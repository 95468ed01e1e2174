//! MONEY: an amount with a currency symbol ("$4.5 billion", "€20", "US$ 3m",
//! "20€"), an ISO code ("USD 5", "5 EUR") or a currency word ("20 euros",
//! "five million dollars").

use super::numbers::{amount_at, approximator_start, number_at, parse_numeral, scale_word};
use super::scan::Scan;
use super::Candidate;
use crate::entities::Label;
use crate::text::tokens::TokenKind;

/// A currency symbol or code fixes the label; a currency word after a number
/// is almost as sure.
const SYMBOL_SCORE: f32 = 0.98;
const WORD_SCORE: f32 = 0.95;

pub(super) const SYMBOLS: &[&str] = &[
    "$", "\u{20AC}", "\u{00A3}", "\u{00A5}", "\u{20B9}", "\u{20A9}", "\u{20BD}", "\u{20BA}",
    "\u{20B4}", "\u{20AA}", "\u{20AB}", "\u{20A6}", "\u{20B1}", "\u{0E3F}", "\u{00A2}",
];

/// Letters written glued before "$" to say which dollar ("US$", "HK$").
pub(super) const DOLLAR_PREFIXES: &[&str] =
    &["US", "A", "AU", "C", "CA", "HK", "S", "NZ", "NT", "R", "MX"];

pub(super) const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD",
    "SEK", "NOK", "DKK", "RUB", "BRL", "ZAR", "KRW", "MXN", "TRY", "PLN", "ILS", "AED", "SAR",
    // Common abbreviations written like codes.
    "Rs",
];

/// Currency names, singular and plural, as they follow an amount.
const WORDS: &[&str] = &[
    "dollar", "dollars", "euro", "euros", "cent", "cents", "pence", "penny", "yen", "yuan",
    "renminbi", "rupee", "rupees", "rupiah", "ruble", "rubles", "rouble", "roubles", "peso",
    "pesos", "franc", "francs", "krona", "kronor", "krone", "kroner", "baht", "ringgit", "rand",
    "lira", "lire", "shekel", "shekels", "dinar", "dinars", "dirham", "dirhams", "naira", "zloty",
    "zlotys", "forint", "sterling",
];

/// Words naming which currency ("US dollars", "Canadian dollars").
const CURRENCY_ADJECTIVES: &[&str] = &[
    "us",
    "u.s.",
    "canadian",
    "australian",
    "singapore",
    "taiwan",
    "hk",
    "nz",
    "zimbabwe",
    "swiss",
    "japanese",
    "chinese",
    "indian",
];

pub(super) fn is_currency_code(word: &str) -> bool {
    CODES.contains(&word)
}

fn is_symbol(word: &str) -> bool {
    SYMBOLS.contains(&word)
}

/// A figure with a glued scale suffix ("3m", "4.5bn", "20k").
fn figure_with_scale(word: &str) -> bool {
    let Some(split) = word.find(|c: char| c.is_alphabetic()) else {
        return false;
    };
    let (figure, suffix) = word.split_at(split);
    parse_numeral(figure).is_some()
        && (matches!(suffix.to_ascii_lowercase().as_str(), "m" | "k" | "b")
            || scale_word(&suffix.to_ascii_lowercase()).is_some_and(|s| s >= 1e6))
}

/// The end (exclusive) of the amount after a symbol or code at `i`.
fn amount_after(scan: &Scan, i: usize) -> Option<usize> {
    if scan.kind(i) == Some(TokenKind::Word) && figure_with_scale(scan.raw(i)) {
        return Some(i + 1);
    }
    if scan.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    amount_at(scan, i).map(|a| a.end)
}

/// The end (exclusive) of a symbol-first amount whose first token is `i`:
/// "$4.5 billion", "US$ 3m" (from "US"), "USD 5".
fn symbol_amount_end(scan: &Scan, i: usize) -> Option<usize> {
    let prefixed =
        DOLLAR_PREFIXES.contains(&scan.raw(i)) && scan.raw(i + 1) == "$" && scan.glued(i + 1);
    let currency = if prefixed { i + 1 } else { i };
    let raw = scan.raw(currency);
    // "Rs. 500": an abbreviation's dot between the code and the amount.
    let dotted = raw == "Rs" && scan.raw(currency + 1) == "." && scan.glued(currency + 1);
    let glued_code = is_currency_code(raw) && scan.glued(currency + 1) && !dotted;
    if !(is_symbol(raw) || is_currency_code(raw)) || glued_code {
        return None;
    }
    amount_after(scan, currency + 1 + usize::from(dotted))
}

pub(super) fn money(scan: &Scan, out: &mut Vec<Candidate>) {
    for i in (0..scan.len()).filter(|&i| scan.is_anchor(i)) {
        let raw = scan.raw(i);
        // Symbol or code first: "$4.5 billion", "US$ 3m", "USD 5". A range
        // ("€4 to €5") stays two amounts: "rose $2 to $81.50" is no range.
        if is_symbol(raw) || is_currency_code(raw) {
            let prefixed = i > 0 && scan.glued(i) && symbol_amount_end(scan, i - 1).is_some();
            let start = if prefixed { i - 1 } else { i };
            if let Some(end) = symbol_amount_end(scan, start) {
                let start = approximator_start(scan, start);
                out.push(Candidate::new(
                    scan.span(start, end - 1),
                    Label::Money,
                    SYMBOL_SCORE,
                ));
            }
            continue;
        }
        // Amount first: "20€", "5 EUR", "20 euros", "five million US dollars".
        let Some(amount) = number_at(scan, i) else {
            continue;
        };
        let next = amount.end;
        let after = scan.raw(next);
        let (end, score) = if (is_symbol(after) && after != "$") || is_currency_code(after) {
            (next, SYMBOL_SCORE)
        } else if WORDS.contains(&scan.lower(next)) && !scan.is(next, "sterling") {
            (with_sterling(scan, next), WORD_SCORE)
        } else if (CURRENCY_ADJECTIVES.contains(&scan.lower(next))
            && WORDS.contains(&scan.lower(next + 1)))
            || (scan.is(next, "pounds") && scan.is(next + 1, "sterling"))
        {
            (next + 1, WORD_SCORE)
        } else {
            continue;
        };
        let start = approximator_start(scan, i);
        out.push(Candidate::new(scan.span(start, end), Label::Money, score));
    }
}

/// "20 pounds sterling" keeps "sterling" in the span.
fn with_sterling(scan: &Scan, word: usize) -> usize {
    if scan.is(word + 1, "sterling") {
        word + 1
    } else {
        word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<&str> {
        let scan = Scan::new(text);
        let mut out = Vec::new();
        money(&scan, &mut out);
        out.iter().map(|c| c.span.of(text)).collect()
    }

    #[test]
    fn symbols_codes_words() {
        assert_eq!(find("It raised $4.5 billion."), ["$4.5 billion"]);
        assert_eq!(find("about €20 or 20€"), ["about €20", "20€"]);
        assert_eq!(find("US$ 3m and HK$5bn"), ["US$ 3m", "HK$5bn"]);
        assert_eq!(find("rose $2 to $81.50"), ["$2", "$81.50"]);
        assert_eq!(find("USD 5 or 7 EUR"), ["USD 5", "7 EUR"]);
        assert_eq!(find("Rs 500 or Rs. 20"), ["Rs 500", "Rs. 20"]);
        assert_eq!(
            find("20 euros, five million US dollars, 50 cents, 10 pounds sterling"),
            [
                "20 euros",
                "five million US dollars",
                "50 cents",
                "10 pounds sterling"
            ]
        );
    }

    #[test]
    fn not_money() {
        assert!(find("He weighs 200 pounds and won 5 games; $ signs; USD rose").is_empty());
    }
}
