//! DATE: calendar dates with a month name ("March 3", "July 4, 2026",
//! "3rd of March"), numeric and ISO dates ("2026-07-04", "07/04/2026"),
//! weekdays, years and months where the context says so ("in 1996", "since
//! May"), decades, centuries, "today", and durations ("three years ago").

use super::numbers::{
    amount_at, article_duration, counts_something, duration_approximator_start, is_year, number_at,
    ordinal_at, parse_numeral,
};
use super::scan::Scan;
use super::Candidate;
use crate::entities::Label;
use crate::text::tokens::TokenKind;
use crate::text::Span;
use regex::Regex;
use std::sync::LazyLock;

/// A month with a day or year, ISO and numeric dates are near certain; dates
/// that rest on context (a year after "in", a lone weekday) slightly less.
const EXACT_SCORE: f32 = 0.97;
const CONTEXT_SCORE: f32 = 0.9;

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const SEASONS: &[&str] = &["spring", "summer", "autumn", "fall", "winter"];
const RELATIVE_WORDS: &[&str] = &["last", "this", "next", "past"];
const PLURAL_PERIODS: &[&str] = &["years", "months", "weeks", "decades", "centuries"];
const DAYS_FROM_TODAY: &[&str] = &["today", "yesterday", "tomorrow"];

/// A month (full or abbreviated) or a weekday, lower-cased.
pub(super) fn is_calendar_word(word: &str) -> bool {
    [MONTHS, MONTH_ABBREVIATIONS, WEEKDAYS]
        .iter()
        .any(|list| list.contains(&word))
}

/// Words a date can be found from (see `super::is_anchor`).
pub(super) fn anchor_words() -> impl Iterator<Item = &'static str> {
    [
        MONTHS,
        MONTH_ABBREVIATIONS,
        WEEKDAYS,
        SEASONS,
        RELATIVE_WORDS,
        PLURAL_PERIODS,
        DAYS_FROM_TODAY,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// Words after which a lone month or year is a date ("in May", "since 1996").
const TEMPORAL_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "until", "till", "through", "during", "before", "after", "from", "of",
    "circa", "year", "on",
];
/// Words that belong to the date they precede ("last Tuesday", "early 1996").
const MODIFIERS: &[&str] = &["early", "mid", "late", "last", "next", "this"];
const DURATION_UNITS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "fortnight",
    "fortnights",
    // Seasons counted ("five winters"); "springs" is left out (water, coils).
    "summers",
    "autumns",
    "winters",
];

/// Words that narrow a count of days or weeks ("2 business days", "ten working
/// days"); the duration keeps them.
const DAY_KINDS: &[&str] = &["business", "working", "calendar", "school", "trading"];

static ISO_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b",
    )
    .expect("the ISO date pattern is valid")
});

fn capitalised(scan: &Scan, i: usize) -> bool {
    scan.raw(i).starts_with(char::is_uppercase)
}

/// A month name at `i`: its end (exclusive), and whether it was abbreviated.
fn month_at(scan: &Scan, i: usize) -> Option<(usize, bool)> {
    if !capitalised(scan, i) {
        return None;
    }
    let word = scan.lower(i);
    if MONTHS.contains(&word) {
        return Some((i + 1, false));
    }
    if MONTH_ABBREVIATIONS.contains(&word) {
        let end = if scan.raw(i + 1) == "." && scan.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        return Some((end, true));
    }
    None
}

fn weekday_at(scan: &Scan, i: usize) -> bool {
    let word = scan.lower(i);
    capitalised(scan, i)
        && (WEEKDAYS.contains(&word)
            || word
                .strip_suffix('s')
                .is_some_and(|w| WEEKDAYS.contains(&w)))
}

/// A day of the month at `i` ("3", "03", "3rd"): its end (exclusive).
fn day_at(scan: &Scan, i: usize) -> Option<usize> {
    let raw = scan.raw(i);
    let value = match scan.kind(i)? {
        TokenKind::Number if raw.len() <= 2 && raw.bytes().all(|b| b.is_ascii_digit()) => {
            raw.parse::<u64>().ok()?
        }
        TokenKind::Word if raw.starts_with(|c: char| c.is_ascii_digit()) => ordinal_at(scan, i)?,
        _ => return None,
    };
    (1..=31).contains(&value).then_some(i + 1)
}

fn year_at(scan: &Scan, i: usize) -> Option<usize> {
    if scan.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    parse_numeral(scan.raw(i)).filter(is_year).map(|_| i + 1)
}

/// ", 2026" or " 2026" after a day: the end of the year, if there is one.
fn year_after(scan: &Scan, i: usize) -> Option<usize> {
    if scan.raw(i) == "," {
        return year_at(scan, i + 1);
    }
    year_at(scan, i)
}

/// A day or a range of days in one month at `i` ("21", "3rd", "21–23",
/// "3-5"): its end (exclusive). The range's second day must come later.
fn days_at(scan: &Scan, i: usize) -> Option<usize> {
    let day_end = day_at(scan, i)?;
    let dash = day_end;
    let second = dash + 1;
    let range = matches!(scan.raw(dash), "-" | "\u{2013}")
        && scan.glued(dash)
        && scan.glued(second)
        && day_at(scan, second).is_some()
        && day_value(scan, second) > day_value(scan, i);
    Some(if range { second + 1 } else { day_end })
}

/// The value of the day at `i` (0 if it is no day).
fn day_value(scan: &Scan, i: usize) -> u64 {
    let raw = scan.raw(i);
    raw.parse()
        .ok()
        .or_else(|| ordinal_at(scan, i))
        .unwrap_or(0)
}

/// A calendar date with a month name starting at `i`: "March 3", "March 3rd,
/// 2026", "March 2026", "3 March 2026", "3rd of March". Its end (exclusive).
fn calendar_date_end(scan: &Scan, i: usize) -> Option<usize> {
    if let Some((month_end, _)) = month_at(scan, i) {
        if let Some(day_end) = days_at(scan, month_end) {
            // "May 2020" is month + year; a day is at most two digits.
            return Some(year_after(scan, day_end).unwrap_or(day_end));
        }
        if scan.is(month_end, "of") {
            return year_at(scan, month_end + 1);
        }
        return year_after(scan, month_end);
    }
    let day_end = days_at(scan, i)?;
    let of = usize::from(scan.is(day_end, "of"));
    let (month_end, _) = month_at(scan, day_end + of)?;
    Some(year_after(scan, month_end).unwrap_or(month_end))
}

/// The start of a modifier before `i` ("last", "early", "mid-"), or `i`.
fn modifier_start(scan: &Scan, i: usize) -> usize {
    if i > 0 && MODIFIERS.contains(&scan.lower(i - 1)) && !scan.glued(i) {
        return i - 1;
    }
    // "mid-March": "mid" and "-" glued before the month.
    if i > 1
        && scan.raw(i - 1) == "-"
        && scan.glued(i)
        && scan.glued(i - 1)
        && scan.is(i - 2, "mid")
    {
        return i - 2;
    }
    i
}

/// A lone month or year is a date when a temporal word precedes it (possibly
/// with a modifier in between: "in early 1996").
fn has_temporal_context(scan: &Scan, i: usize) -> bool {
    let start = modifier_start(scan, i);
    if start != i {
        return true;
    }
    start > 0 && TEMPORAL_PREPOSITIONS.contains(&scan.lower(start - 1))
}

/// "the wettest March", "the best June": a superlative after "the" picks out
/// one month among others, so the month is a date.
fn after_superlative(scan: &Scan, i: usize) -> bool {
    if i < 2 || !scan.is(i - 2, "the") {
        return false;
    }
    let word = scan.lower(i - 1);
    matches!(word, "best" | "worst" | "most" | "least")
        || (word.len() > 4 && word.ends_with("est") && word.chars().all(char::is_alphabetic))
}

/// The first token of a DATE found at `i`, and its end (exclusive).
fn date_at(scan: &Scan, i: usize) -> Option<(usize, usize, f32)> {
    if weekday_at(scan, i) {
        let next = if scan.raw(i + 1) == "," { i + 2 } else { i + 1 };
        if let Some(end) = calendar_date_end(scan, next) {
            return Some((i, end, EXACT_SCORE));
        }
        // "Sunday Times" is a name, not a day.
        if scan.is_title_case(i + 1) && !weekday_at(scan, i + 1) {
            return None;
        }
        return Some((modifier_start(scan, i), i + 1, CONTEXT_SCORE));
    }
    if let Some(end) = calendar_date_end(scan, i) {
        // A day-first date has its own first token; a month-first one may take a modifier.
        let start = if month_at(scan, i).is_some() {
            modifier_start(scan, i)
        } else {
            i
        };
        return Some((start, end, EXACT_SCORE));
    }
    if let Some((end, abbreviated)) = month_at(scan, i) {
        // A lone month needs context, and "May I", "June Carter" are not dates.
        let named = scan.is_title_case(end) && !scan.starts_sentence(end);
        let pronoun = matches!(scan.lower(end), "i" | "we" | "you" | "he" | "she" | "they");
        // "every May", "the wettest May" leave no room for the modal, so a
        // pronoun may follow ("every April we travel").
        let picked_out =
            (i > 0 && matches!(scan.lower(i - 1), "every" | "each")) || after_superlative(scan, i);
        let context = has_temporal_context(scan, i) || (i > 0 && scan.is(i - 1, "for"));
        if !abbreviated && !named && (picked_out || (!pronoun && context)) {
            return Some((modifier_start(scan, i), end, CONTEXT_SCORE));
        }
        return None;
    }
    if let Some(end) = year_at(scan, i) {
        return year_date(scan, i, end);
    }
    if let Some(end) = decade_end(scan, i) {
        let start = if i > 0 && scan.raw(i - 1) == "'" && scan.glued(i) {
            i - 1
        } else {
            i
        };
        return Some((modifier_start(scan, start), end, EXACT_SCORE));
    }
    if SEASONS.contains(&scan.lower(i)) {
        let of = usize::from(scan.is(i + 1, "of"));
        if let Some(end) = year_at(scan, i + 1 + of) {
            return Some((i, end, EXACT_SCORE));
        }
        // "next spring", "late summer": a season named from now.
        let start = modifier_start(scan, i);
        return (start < i).then_some((start, i + 1, CONTEXT_SCORE));
    }
    if let Some(end) = relative_period_end(scan, i) {
        return Some((i, end, CONTEXT_SCORE));
    }
    if DAYS_FROM_TODAY.contains(&scan.lower(i))
        && (!scan.is_title_case(i) || scan.starts_sentence(i))
    {
        return Some((i, i + 1, EXACT_SCORE));
    }
    if ordinal_at(scan, i).is_some() && matches!(scan.lower(i + 1), "century" | "centuries") {
        return Some((i, i + 2, EXACT_SCORE));
    }
    numeric_date(scan, i).map(|end| (i, end, EXACT_SCORE))
}

/// "last year", "this week", "next month", "the past decade" minus "the";
/// "years ago", "decades later": periods named relative to now.
fn relative_period_end(scan: &Scan, i: usize) -> Option<usize> {
    const PERIODS: &[&str] = &[
        "year", "month", "week", "decade", "century", "weekend", "quarter",
    ];
    let word = scan.lower(i);
    if RELATIVE_WORDS.contains(&word) && PERIODS.contains(&scan.lower(i + 1)) {
        return Some(i + 2);
    }
    let relative = matches!(scan.lower(i + 1), "ago" | "later" | "earlier");
    // A figure before the unit is a duration, found with its amount.
    let counted = i > 0 && amount_at(scan, i - 1).is_some_and(|a| a.end == i);
    (PLURAL_PERIODS.contains(&word) && relative && !counted).then_some(i + 2)
}

/// A year in context: "in 1996", "from 1990 to 2000", "2010-2015", "1990-95".
fn year_date(scan: &Scan, i: usize, end: usize) -> Option<(usize, usize, f32)> {
    let range_end =
        (matches!(scan.raw(end), "-" | "\u{2013}") && scan.glued(end) && scan.glued(end + 1))
            .then(|| {
                // "1990-95" counts on from the first year; "2026-13" does not.
                let first: u32 = scan.raw(i).parse().ok()?;
                let second = scan.raw(end + 1);
                let later = second
                    .parse::<u32>()
                    .ok()
                    .is_some_and(|s| match second.len() {
                        2 => s > first % 100,
                        4 => s > first && year_at(scan, end + 1).is_some(),
                        _ => false,
                    });
                // A longer glued chain ("2026-13-40") is a code.
                let after = end + 2;
                let continues = scan.glued(after)
                    && (matches!(scan.kind(after), Some(TokenKind::Word | TokenKind::Number))
                        || matches!(scan.raw(after), "-" | "\u{2013}" | "/" | ".")
                            && scan.glued(after + 1));
                (later && !continues).then_some(after)
            })
            .flatten();
    if let Some(range_end) = range_end {
        return Some((i, range_end, EXACT_SCORE));
    }
    let follows_year = i >= 2
        && matches!(scan.lower(i - 1), "to" | "and" | "or" | "until" | "through")
        && year_at(scan, i - 2).is_some()
        && (has_temporal_context(scan, i - 2) || (i >= 3 && scan.is(i - 3, "between")));
    // "between 2019 and 2023", but not "between 2000 and 3000 people".
    let between = i > 0
        && scan.is(i - 1, "between")
        && scan.is(end, "and")
        && year_at(scan, end + 1).is_some_and(|second| !counts_something(scan, second));
    // "for 2025" is a date, "for 2000 people" a count.
    let for_year = i > 0 && scan.is(i - 1, "for") && !counts_something(scan, end);
    // "the 2022 report", "its 2023 budget": a year naming which one; "the 1500
    // workers" counts them.
    let attributive = i > 0
        && matches!(
            scan.lower(i - 1),
            "the" | "its" | "this" | "their" | "his" | "her" | "our" | "my" | "your"
        )
        && scan.kind(end) == Some(TokenKind::Word)
        && !(scan.raw(end).ends_with('s') && scan.raw(end).chars().all(char::is_lowercase));
    if has_temporal_context(scan, i) || follows_year || for_year || attributive || between {
        return Some((modifier_start(scan, i), end, CONTEXT_SCORE));
    }
    None
}

/// "1990s", "90s", "1990's", "mid-1990s": the end (exclusive) of a decade at `i`.
fn decade_end(scan: &Scan, i: usize) -> Option<usize> {
    let raw = scan.raw(i);
    let raw = raw.strip_prefix("mid-").unwrap_or(raw);
    if let Some(figure) = raw.strip_suffix('s') {
        let decade = (figure.len() == 4 || figure.len() == 2)
            && figure.ends_with('0')
            && figure.bytes().all(|b| b.is_ascii_digit());
        return decade.then_some(i + 1);
    }
    // "1990's": the figure then the clitic.
    let possessive = scan.kind(i) == Some(TokenKind::Number)
        && raw.len() == 4
        && raw.ends_with('0')
        && scan.is(i + 1, "'s")
        && scan.glued(i + 1);
    possessive.then_some(i + 2)
}

/// "07/04/2026", "4.7.26", "2026/07/04": one figure token with three parts.
fn numeric_date(scan: &Scan, i: usize) -> Option<usize> {
    if scan.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let raw = scan.raw(i);
    let separator = if raw.contains('/') { '/' } else { '.' };
    let parts: Vec<&str> = raw.split(separator).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |k: usize| parts[k].parse::<u32>().ok();
    let (year, a, b) = if parts[0].len() == 4 {
        (n(0)?, n(1)?, n(2)?)
    } else if matches!(parts[2].len(), 2 | 4) && parts[0].len() <= 2 && parts[1].len() <= 2 {
        (n(2)?, n(0)?, n(1)?)
    } else {
        return None;
    };
    let plausible = |month: u32, day: u32| (1..=12).contains(&month) && (1..=31).contains(&day);
    let year_ok = parts.iter().any(|p| p.len() == 4) && (1000..=2199).contains(&year) || year < 100;
    (year_ok && (plausible(a, b) || plausible(b, a))).then_some(i + 1)
}

/// A unit of a duration, also with "-old" glued on ("year-old").
fn is_duration_unit(word: &str) -> bool {
    DURATION_UNITS.contains(&word.strip_suffix("-old").unwrap_or(word))
}

/// A duration: "three years", "10 days ago", "a 10-year plan", "5 years old".
fn duration_at(scan: &Scan, i: usize) -> Option<(usize, usize)> {
    // "five-year", "five-year-old": one token.
    if let Some((number, unit)) = scan.lower(i).split_once('-') {
        let words = super::numbers::small_number_word(number).is_some();
        return (words && is_duration_unit(unit)).then_some((i, i + 1));
    }
    if let Some((start, unit_end, relative)) = article_duration(scan, i, DURATION_UNITS) {
        return Some((start, unit_end + usize::from(relative)));
    }
    let amount = number_at(scan, i)?;
    if amount.numeral.is_some_and(|n| is_year(&n)) {
        return None;
    }
    let mut next = amount.end;
    if DAY_KINDS.contains(&scan.lower(next))
        && matches!(scan.lower(next + 1), "day" | "days" | "week" | "weeks")
    {
        next += 1;
    }
    let unit_end = if DURATION_UNITS.contains(&scan.lower(next)) {
        next + 1
    } else if scan.raw(next) == "-"
        && scan.glued(next)
        && scan.glued(next + 1)
        && is_duration_unit(scan.lower(next + 1))
    {
        // "10-year", "38-year-old" ("year-old" is one token)
        if scan.raw(next + 2) == "-" && scan.glued(next + 2) && scan.is(next + 3, "old") {
            return Some((i, next + 4));
        }
        return Some((i, next + 2));
    } else {
        return None;
    };
    let end = if matches!(scan.lower(unit_end), "ago" | "old" | "later" | "earlier") {
        unit_end + 1
    } else {
        unit_end
    };
    Some((duration_approximator_start(scan, i), end))
}

pub(super) fn dates(scan: &Scan, out: &mut Vec<Candidate>) {
    for i in (0..scan.len()).filter(|&i| scan.is_anchor(i)) {
        if let Some((start, end, score)) = date_at(scan, i) {
            out.push(Candidate::new(
                scan.span(start, end - 1),
                Label::Date,
                score,
            ));
        }
        if let Some((start, end)) = duration_at(scan, i) {
            out.push(Candidate::new(
                scan.span(start, end - 1),
                Label::Date,
                CONTEXT_SCORE,
            ));
        }
    }
    for m in ISO_DATE.captures_iter(scan.text) {
        let (Some(all), Some(month), Some(day)) = (m.get(0), m.get(2), m.get(3)) else {
            continue;
        };
        let month: u32 = month.as_str().parse().unwrap_or(0);
        let day: u32 = day.as_str().parse().unwrap_or(0);
        if (1..=12).contains(&month) && (1..=31).contains(&day) {
            out.push(Candidate::new(
                Span::new(all.start(), all.end()),
                Label::Date,
                EXACT_SCORE,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<&str> {
        let scan = Scan::new(text);
        let mut out = Vec::new();
        dates(&scan, &mut out);
        let kept = crate::entities::overlaps::keep_longest(out, |c| c.span, |_| 0);
        kept.iter().map(|c| c.span.of(text)).collect()
    }

    #[test]
    fn calendar_dates() {
        assert_eq!(
            find("On March 3, then July 4, 2026, 3 March 2026, the 3rd of March and Jan. 5."),
            [
                "March 3",
                "July 4, 2026",
                "3 March 2026",
                "3rd of March",
                "Jan. 5"
            ]
        );
        assert_eq!(
            find("Tuesday, March 3, 2026 and last Tuesday and May 2020"),
            ["Tuesday, March 3, 2026", "last Tuesday", "May 2020"]
        );
    }

    #[test]
    fn numeric_and_iso() {
        assert_eq!(
            find("Due 2026-07-04 or 07/04/2026 or 2026-07-04T15:30:00Z, not 2026-13-40."),
            ["2026-07-04", "07/04/2026", "2026-07-04T15:30:00Z"]
        );
    }

    #[test]
    fn context_dates() {
        assert_eq!(
            find("in 1996, from 1990 to 2000, in early March, the 1990s, 2010-2015, since May"),
            [
                "1996",
                "1990",
                "2000",
                "early March",
                "1990s",
                "2010-2015",
                "May"
            ]
        );
        assert_eq!(
            find("three years ago, a 10-year plan, five-year deal, the 20th century"),
            ["three years ago", "10-year", "five-year", "20th century"]
        );
    }

    #[test]
    fn not_dates() {
        assert!(
            find("May I go? June Carter sang. 1996 was good. They march. Sunday Times.").is_empty()
        );
    }

    #[test]
    fn day_ranges_in_a_month() {
        assert_eq!(
            find("The fair runs 12\u{2013}14 June; talks on 2-4 March 2027 and October 9-11."),
            ["12\u{2013}14 June", "2-4 March 2027", "October 9-11"]
        );
        // The second day must come after the first.
        assert_eq!(find("scores of 14-12 May"), ["12 May"]);
    }

    #[test]
    fn lone_months_picked_out() {
        assert_eq!(
            find("It was the coldest January and the best May; every April we travel."),
            ["January", "May", "April"]
        );
        assert!(find("The warmest Carter and the May government.").is_empty());
    }

    #[test]
    fn kinds_of_days_and_counted_seasons() {
        assert_eq!(
            find("Refunds take 5 working days; she spent three summers there."),
            ["5 working days", "three summers"]
        );
        assert!(find("The working days are long; two springs fed the pond.").is_empty());
    }
}
