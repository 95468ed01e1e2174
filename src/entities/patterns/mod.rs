//! Rule-based recognisers for dates, times, money, percentages, quantities,
//! numbers, e-mail addresses and URLs. Each proposes candidate spans over the
//! shared tokens; the longest candidate wins an overlap, so "$4.5 billion" is
//! one MONEY with no CARDINAL inside, and figures that are codes ("page 5",
//! "v2.3.1", phone numbers) block the number recognisers.

mod contacts;
mod dates;
mod identifiers;
mod money;
mod numbers;
mod quantities;
mod scan;
mod times;

use super::overlaps::keep_longest;
use super::{Entity, Label};
use crate::text::tokens::TokenKind;
use crate::text::Span;
use scan::Scan;
use std::collections::HashSet;
use std::sync::LazyLock;

/// The labels `find_patterns` can produce, in tie-break order: when two
/// candidates cover the same span, the earlier label wins.
pub const PATTERN_LABELS: &[Label] = &[
    Label::Email,
    Label::Url,
    Label::Date,
    Label::Time,
    Label::Money,
    Label::Percent,
    Label::Quantity,
    Label::Ordinal,
    Label::Cardinal,
];

/// A proposed span; `label` None marks a code or identifier that only blocks others.
pub(super) struct Candidate {
    pub span: Span,
    pub label: Option<Label>,
    pub score: f32,
}

impl Candidate {
    fn new(span: Span, label: Label, score: f32) -> Self {
        Candidate {
            span,
            label: Some(label),
            score,
        }
    }

    fn blocked(span: Span) -> Self {
        Candidate {
            span,
            label: None,
            score: 0.0,
        }
    }

    /// Lower wins a tie of equal spans; blocking spans lose every tie.
    fn rank(&self) -> u32 {
        self.label.as_ref().map_or(u32::MAX, |label| {
            PATTERN_LABELS
                .iter()
                .position(|l| l == label)
                .map_or(u32::MAX - 1, |p| p as u32)
        })
    }
}

/// Lower-cased words a recogniser can start from: number and ordinal words,
/// amount openers, calendar and clock words, currency symbols and codes.
static ANCHOR_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let words = numbers::NUMBER_WORDS.iter().map(|&(w, _)| w);
    let ordinals = numbers::ORDINAL_WORDS.iter().map(|&(w, _)| w);
    let money = money::SYMBOLS
        .iter()
        .chain(money::CODES)
        .chain(money::DOLLAR_PREFIXES)
        .copied();
    words
        .chain(ordinals)
        .chain(numbers::AMOUNT_OPENERS.iter().copied())
        .chain(dates::anchor_words())
        .chain(times::TIMES_OF_DAY.iter().copied())
        .chain(money)
        .map(str::to_lowercase)
        .collect()
});

/// Whether a token can start a candidate: a figure, a word opening with a
/// digit ("3rd", "10km"), an anchor word, or a hyphenated word starting with one
/// ("twenty-five", "five-year", "mid-1990s"). Every recogniser starts only at
/// such tokens (looking back from them for approximators and modifiers), which
/// keeps ordinary words cheap.
fn is_anchor(lower: &str, kind: TokenKind) -> bool {
    if kind == TokenKind::Number || lower.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let head = lower.split('-').next().unwrap_or(lower);
    ANCHOR_WORDS.contains(lower)
        || ANCHOR_WORDS.contains(head)
        || head == "mid"
        || lower
            .strip_suffix('s')
            .is_some_and(|singular| ANCHOR_WORDS.contains(singular))
}

/// Whether a lower-cased word is a number word ("seven", "twenty-five", "million").
pub(crate) fn is_number_word(word: &str) -> bool {
    numbers::small_number_word(word).is_some() || numbers::scale_word(word).is_some()
}

/// Finds the pattern entities of `labels` in `text`.
///
/// Returns non-overlapping entities sorted by start, with byte offsets into
/// `text`; each score is a fixed prior of the rule that found it (0.9 to 0.99).
/// Labels outside [`PATTERN_LABELS`] are ignored. All recognisers run and
/// compete before the result is filtered, so asking only for CARDINAL never
/// yields the "4.5" of "$4.5 billion". Time is linear in the text's length.
pub fn find_patterns(text: &str, labels: &[Label]) -> Vec<Entity> {
    let wanted = |label: &Label| labels.contains(label);
    let mut candidates = Vec::new();
    contacts::contacts(
        text,
        wanted(&Label::Email),
        wanted(&Label::Url),
        &mut candidates,
    );
    // Addresses need no tokens; everything else is read from them.
    let numeric = PATTERN_LABELS
        .iter()
        .any(|l| !matches!(l, Label::Email | Label::Url) && wanted(l));
    if numeric {
        let scan = Scan::new(text);
        identifiers::blocked_spans(&scan, &mut candidates);
        dates::dates(&scan, &mut candidates);
        times::times(&scan, &mut candidates);
        money::money(&scan, &mut candidates);
        quantities::percents_and_quantities(&scan, &mut candidates);
        numbers::ordinals(&scan, &mut candidates);
        numbers::cardinals(&scan, &mut candidates);
    }
    keep_longest(candidates, |c| c.span, Candidate::rank)
        .into_iter()
        .filter_map(|c| {
            let label = c.label?;
            wanted(&label).then_some(Entity {
                span: c.span,
                label,
                score: c.score,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "text/LABEL" for each entity found with every pattern label.
    fn find(text: &str) -> Vec<String> {
        find_patterns(text, PATTERN_LABELS)
            .iter()
            .map(|e| format!("{}/{}", e.span.of(text), e.label))
            .collect()
    }

    #[test]
    fn longest_match_wins() {
        assert_eq!(
            find("The firm raised $4.5 billion, up 25%, on July 4, 2026 at 3 p.m."),
            [
                "$4.5 billion/MONEY",
                "25%/PERCENT",
                "July 4, 2026/DATE",
                "3 p.m./TIME"
            ]
        );
    }

    #[test]
    fn codes_block_numbers() {
        assert!(find("Install v2.3.1, call 555-1234, they won 3-2 on page 5.").is_empty());
    }

    #[test]
    fn fractions_durations_and_year_contexts() {
        assert_eq!(
            find("About a third of them, two-thirds, a third time"),
            [
                "About a third/CARDINAL",
                "two-thirds/CARDINAL",
                "third/ORDINAL"
            ]
        );
        assert_eq!(
            find("It resumed two days later, lent over 25 years."),
            ["two days later/DATE", "25 years/DATE"]
        );
        assert_eq!(
            find("Losses for 2025, meals for 2000 people, iOS 17, class of '98."),
            ["2025/DATE", "2000/CARDINAL"]
        );
    }

    #[test]
    fn ratios_relative_periods_and_attributive_years() {
        assert_eq!(
            find("The 2022 report found one in five children; the 1500 workers left."),
            ["2022/DATE", "one in five/CARDINAL", "1500/CARDINAL"]
        );
        assert_eq!(
            find("It grew last year and was sold decades later, three years later."),
            [
                "last year/DATE",
                "decades later/DATE",
                "three years later/DATE"
            ]
        );
    }

    #[test]
    fn year_ranges_money_ranges_and_ratios() {
        assert_eq!(
            find("Prices doubled between 2019 and 2023, not between 2000 and 3000 people."),
            ["2019/DATE", "2023/DATE", "3000/CARDINAL"]
        );
        assert_eq!(
            find("Revenue of €4 billion to €4.5 billion; a score of 9.5 out of 10."),
            [
                "€4 billion/MONEY",
                "€4.5 billion/MONEY",
                "9.5 out of 10/CARDINAL"
            ]
        );
    }

    #[test]
    fn half_of_and_identifier_nouns() {
        assert_eq!(
            find("Nearly half of them left; half an apple. Use port 8080, mode 2, Rs. 500."),
            ["Nearly half/CARDINAL", "Rs. 500/MONEY"]
        );
    }

    #[test]
    fn addresses_listed_labels_and_codes_are_not_counts() {
        assert!(find("Exits 4 and 5 lead to 1600 Pennsylvania Avenue, ZIP 20500.").is_empty());
        assert!(find("Dial the 415 area code, then see pages 3, 8 or 12.").is_empty());
        assert_eq!(find("They sold 40 Oak trees."), ["40/CARDINAL"]);
    }

    #[test]
    fn halves_articles_and_approximate_clock_times() {
        assert_eq!(
            find("It took two and a half years, then half an hour; half a pear."),
            ["two and a half years/DATE", "half an hour/TIME"]
        );
        assert_eq!(
            find("Prices fell within a month, a decade later, and cost $5 a week."),
            ["a month/DATE", "a decade later/DATE", "$5/MONEY"]
        );
        assert_eq!(
            find("We land around 6:45 a.m. and leave at 1800 UTC."),
            ["around 6:45 a.m./TIME", "1800 UTC/TIME"]
        );
    }

    #[test]
    fn fractions_closing_a_clause_seasons_and_grouped_ordinals() {
        assert_eq!(
            find("Costs rose by a third. The first half of them left."),
            ["a third/CARDINAL", "first/ORDINAL"]
        );
        assert_eq!(
            find("The 10,000th visitor came last winter, a 45-year-old teacher."),
            ["10,000th/ORDINAL", "last winter/DATE", "45-year-old/DATE"]
        );
        assert_eq!(
            find("Over the past 48 hours it was expected to last 12 days."),
            ["past 48 hours/TIME", "12 days/DATE"]
        );
    }

    #[test]
    fn label_filter_does_not_expose_inner_numbers() {
        let text = "It cost $4.5 billion and 7 more.";
        let found = find_patterns(text, &[Label::Cardinal]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.of(text), "7");
        assert!(find_patterns(text, &[Label::Per]).is_empty());
    }

    #[test]
    fn spans_are_sorted_disjoint_boundaries() {
        let text = "Zoë paid €20 on 3 März, 2,500 Ωs; ＄5 and 🙂 10 km at 15:30. 東京 2020";
        let found = find_patterns(text, PATTERN_LABELS);
        for pair in found.windows(2) {
            assert!(pair[0].span.end <= pair[1].span.start);
        }
        for e in &found {
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        }
    }
}
