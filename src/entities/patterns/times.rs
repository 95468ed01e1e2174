//! TIME: clock times ("3 p.m.", "3pm", "15:30", "3:30 p.m. ET", "noon", "three
//! o'clock"), parts of a named day ("tonight", "this morning", "Monday night")
//! and durations under a day ("90 minutes", "three hours").

use super::identifiers::is_numeric_label;
use super::numbers::{article_duration, duration_approximator_start, number_at, small_number_word};
use super::scan::Scan;
use super::Candidate;
use crate::entities::Label;
use crate::text::tokens::TokenKind;

const CLOCK_SCORE: f32 = 0.95;
const CONTEXT_SCORE: f32 = 0.9;

const TIME_ZONES: &[&str] = &[
    "ET", "EST", "EDT", "PT", "PST", "PDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "GMT", "UTC",
    "BST", "CET", "CEST", "JST", "AEST", "AEDT", "IST",
];
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];
/// Words that are times by themselves (also anchors, see `super::is_anchor`).
pub(super) const TIMES_OF_DAY: &[&str] = &["tonight", "noon", "midnight", "midday"];
const DURATION_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "min", "mins", "hr", "hrs", "sec",
    "secs",
];

/// Hours, minutes or seconds: the rank of a duration unit, so that a compound
/// duration ("1 hr 15 mins", "29 minutes 51 seconds") only runs to smaller units.
fn duration_rank(word: &str) -> Option<u8> {
    match word {
        "hour" | "hours" | "hr" | "hrs" => Some(3),
        "minute" | "minutes" | "min" | "mins" => Some(2),
        "second" | "seconds" | "sec" | "secs" => Some(1),
        _ => None,
    }
}

fn meridiem(word: &str) -> bool {
    matches!(word, "a.m." | "p.m." | "am" | "pm")
}

/// "15:30", "3:30:15": hours up to 24, two-digit minutes (and seconds).
fn clock_figure(raw: &str) -> bool {
    let mut parts = raw.split(':');
    let (Some(h), Some(m)) = (parts.next(), parts.next()) else {
        return false;
    };
    let s = parts.next();
    if parts.next().is_some() {
        return false;
    }
    let two_digits = |p: &str, max: u32| p.len() == 2 && p.parse::<u32>().is_ok_and(|v| v < max);
    (1..=2).contains(&h.len())
        && h.parse::<u32>().is_ok_and(|v| v <= 24)
        && two_digits(m, 60)
        && s.is_none_or(|s| two_digits(s, 60))
}

/// "10.30", "6.45": an hour from 1 to 12 and two-digit minutes after a dot,
/// the British way of writing a clock time; read as one only with am/pm.
fn dotted_clock_figure(raw: &str) -> bool {
    let Some((h, m)) = raw.split_once('.') else {
        return false;
    };
    (1..=2).contains(&h.len())
        && h.parse::<u32>().is_ok_and(|v| (1..=12).contains(&v))
        && m.len() == 2
        && m.parse::<u32>().is_ok_and(|v| v < 60)
}

/// "0900", "2330": hours and minutes of a 24-hour clock, no separator.
fn four_digit_clock(raw: &str) -> bool {
    raw.len() == 4
        && raw.bytes().all(|b| b.is_ascii_digit())
        && raw[..2].parse::<u32>().is_ok_and(|h| h < 24)
        && raw[2..].parse::<u32>().is_ok_and(|m| m < 60)
}

/// "about 3 p.m.": the approximators that can stand before a clock time.
fn clock_approximator_start(scan: &Scan, i: usize) -> usize {
    const BEFORE_CLOCK: &[&str] = &[
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
    ];
    if i > 0 && BEFORE_CLOCK.contains(&scan.lower(i - 1)) {
        i - 1
    } else {
        i
    }
}

/// An hour from 1 to 12 in figures or words.
fn hour_at(scan: &Scan, i: usize) -> bool {
    let raw = scan.raw(i);
    let value = if scan.kind(i) == Some(TokenKind::Number) {
        raw.parse::<u32>().ok()
    } else {
        small_number_word(scan.lower(i))
    };
    value.is_some_and(|v| (1..=12).contains(&v))
}

/// A glued figure and meridiem: "3pm", "3:30pm", "11AM".
fn glued_clock(raw: &str) -> bool {
    let lower = raw.to_ascii_lowercase();
    let Some(split) = lower.find(|c: char| c.is_ascii_alphabetic()) else {
        return false;
    };
    let (figure, suffix) = lower.split_at(split);
    let figure_ok = clock_figure(figure)
        || dotted_clock_figure(figure)
        || figure.parse::<u32>().is_ok_and(|v| (1..=12).contains(&v));
    figure_ok && matches!(suffix, "am" | "pm")
}

/// An hour and the word that makes it a clock time: "3 p.m.", "three o'clock",
/// "10.30 am" (a dotted time only with am/pm).
fn is_spoken_clock(scan: &Scan, i: usize) -> bool {
    let next = scan.lower(i + 1);
    let dotted = scan.kind(i) == Some(TokenKind::Number) && dotted_clock_figure(scan.raw(i));
    ((hour_at(scan, i) || dotted) && meridiem(next))
        || (hour_at(scan, i) && matches!(next, "o'clock" | "noon"))
}

/// The end (exclusive) of a clock time starting at `i`.
fn clock_end(scan: &Scan, i: usize) -> Option<usize> {
    let raw = scan.raw(i);
    let mut end = if scan.kind(i) == Some(TokenKind::Word) && glued_clock(raw) {
        i + 1
    } else if scan.kind(i) == Some(TokenKind::Number) && clock_figure(raw) {
        if is_numeric_label(scan, i) {
            return None;
        }
        if meridiem(scan.lower(i + 1)) {
            i + 2
        } else {
            i + 1
        }
    } else if is_spoken_clock(scan, i) {
        i + 2
    } else if scan.kind(i) == Some(TokenKind::Number)
        && four_digit_clock(raw)
        && TIME_ZONES.contains(&scan.raw(i + 1))
    {
        // "0900 GMT": a 24-hour time in four figures needs its zone to be read so.
        i + 1
    } else {
        return None;
    };
    if TIME_ZONES.contains(&scan.raw(end)) {
        end += 1;
    }
    Some(end)
}

/// "tonight", "this morning", "last night", "Monday night", "noon".
fn day_part_end(scan: &Scan, i: usize) -> Option<usize> {
    let word = scan.lower(i);
    if TIMES_OF_DAY.contains(&word) {
        return Some(i + 1);
    }
    let anchor = matches!(word, "this" | "last" | "yesterday" | "tomorrow")
        || (scan.raw(i).starts_with(char::is_uppercase)
            && matches!(
                word,
                "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
            ));
    let part = scan.lower(i + 1);
    let fits = DAY_PARTS.contains(&part) && !(word == "last" && part != "night");
    (anchor && fits).then_some(i + 2)
}

pub(super) fn times(scan: &Scan, out: &mut Vec<Candidate>) {
    for i in (0..scan.len()).filter(|&i| scan.is_anchor(i)) {
        if let Some(end) = clock_end(scan, i) {
            out.push(Candidate::new(
                scan.span(clock_approximator_start(scan, i), end - 1),
                Label::Time,
                CLOCK_SCORE,
            ));
            continue;
        }
        if let Some(end) = day_part_end(scan, i) {
            out.push(Candidate::new(
                scan.span(i, end - 1),
                Label::Time,
                CONTEXT_SCORE,
            ));
            continue;
        }
        if let Some((start, end, _)) = article_duration(scan, i, DURATION_UNITS) {
            out.push(Candidate::new(
                scan.span(start, end - 1),
                Label::Time,
                CONTEXT_SCORE,
            ));
            continue;
        }
        let Some(amount) = number_at(scan, i) else {
            continue;
        };
        let next = amount.end;
        let end = if DURATION_UNITS.contains(&scan.lower(next)) {
            next + 1
        } else if scan.raw(next) == "-"
            && scan.glued(next)
            && scan.glued(next + 1)
            && DURATION_UNITS.contains(&scan.lower(next + 1))
        {
            next + 2
        } else {
            continue;
        };
        let start = if end == next + 1 {
            duration_approximator_start(scan, i)
        } else {
            i
        };
        let end = compound_duration_end(scan, end);
        out.push(Candidate::new(
            scan.span(start, end - 1),
            Label::Time,
            CONTEXT_SCORE,
        ));
    }
}

/// "1 hr 15 mins", "2 hours 30 minutes 10 seconds": figures with ever smaller
/// units written one after the other continue the duration ending at `end`.
/// Each step moves past two tokens and the rank falls, so it runs at most twice.
fn compound_duration_end(scan: &Scan, mut end: usize) -> usize {
    let Some(mut rank) = duration_rank(scan.lower(end - 1)) else {
        return end;
    };
    while scan.kind(end) == Some(TokenKind::Number) {
        match duration_rank(scan.lower(end + 1)) {
            Some(smaller) if smaller < rank => {
                rank = smaller;
                end += 2;
            }
            _ => break,
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<&str> {
        let scan = Scan::new(text);
        let mut out = Vec::new();
        times(&scan, &mut out);
        let kept = crate::entities::overlaps::keep_longest(out, |c| c.span, |_| 0);
        kept.iter().map(|c| c.span.of(text)).collect()
    }

    #[test]
    fn clock_times() {
        assert_eq!(
            find("At 3 p.m., 3pm, 15:30, 3:30 p.m. ET, noon, three o'clock, 10:45pm."),
            [
                "3 p.m.",
                "3pm",
                "15:30",
                "3:30 p.m. ET",
                "noon",
                "three o'clock",
                "10:45pm"
            ]
        );
    }

    #[test]
    fn parts_and_durations() {
        assert_eq!(
            find("tonight, this morning, Monday night, about 90 minutes, a 90-minute film"),
            [
                "tonight",
                "this morning",
                "Monday night",
                "about 90 minutes",
                "90-minute"
            ]
        );
    }

    #[test]
    fn not_times() {
        assert_eq!(find("I am up at 5 am, I am"), ["5 am"]);
        assert!(find("John 3:16, ratio 2:1, 25:61").is_empty());
    }

    #[test]
    fn dotted_clock_times() {
        assert_eq!(
            find("Lunch is at 12.15 pm, tea at 4.45pm, the train at 9.05 a.m."),
            ["12.15 pm", "4.45pm", "9.05 a.m."]
        );
        // Without am/pm a dotted figure is a decimal; minutes stop at 59.
        assert!(find("It rose 10.30 points; 7.75 pm is no time.").is_empty());
    }

    #[test]
    fn compound_durations() {
        assert_eq!(
            find("It ran 2 hours 40 minutes 5 seconds, then 1 hr 5 mins, then 3 min."),
            ["2 hours 40 minutes 5 seconds", "1 hr 5 mins", "3 min"]
        );
        // Units must fall: "10 minutes 2 hours" is two durations.
        assert_eq!(
            find("after 10 minutes 2 hours passed"),
            ["10 minutes", "2 hours"]
        );
    }
}
