//! Numbers in figures ("2,500", "4.5") and words ("two million", "twenty-five"),
//! the amounts other recognisers build on, and the CARDINAL and ORDINAL labels
//! for numbers that are not part of a longer entity.

use super::identifiers;
use super::scan::Scan;
use super::Candidate;
use crate::entities::Label;
use crate::text::tokens::TokenKind;

/// Confidence of a figure or number-word cardinal, and of an ordinal.
const CARDINAL_SCORE: f32 = 0.9;
const ORDINAL_SCORE: f32 = 0.9;

/// A number written in figures, as one token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Numeral {
    pub value: f64,
    /// No decimal point.
    pub integer: bool,
    /// Digits before any decimal point (thousands separators not counted).
    pub digits: usize,
    /// Written with thousands separators ("2,500").
    pub grouped: bool,
}

/// Parses "2500", "2,500", "2,500.75", "4.5", "0.5"; rejects "007", "1,50",
/// "1.2.3" and anything with other characters.
pub(super) fn parse_numeral(s: &str) -> Option<Numeral> {
    let (whole, fraction) = match s.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (s, None),
    };
    if let Some(f) = fraction {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    let grouped = whole.contains(',');
    if grouped {
        let mut groups = whole.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || first.starts_with('0') {
            return None;
        }
        if !groups.all(|g| g.len() == 3) {
            return None;
        }
    }
    let digits: String = whole.chars().filter(|&c| c != ',').collect();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Leading zeros mark codes and identifiers ("007", "0143"), not amounts.
    if digits.len() > 1 && digits.starts_with('0') {
        return None;
    }
    let value: f64 = match fraction {
        Some(f) => format!("{digits}.{f}").parse().ok()?,
        None => digits.parse().ok()?,
    };
    Some(Numeral {
        value,
        integer: fraction.is_none(),
        digits: digits.len(),
        grouped,
    })
}

/// An integer that reads as a calendar year: four digits, no separators.
pub(super) fn is_year(n: &Numeral) -> bool {
    n.integer && !n.grouped && n.digits == 4 && (1000.0..=2199.0).contains(&n.value)
}

/// Number words below a hundred and their values.
pub(super) const NUMBER_WORDS: &[(&str, u32)] = &[
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// The value of a number word below a hundred ("seven", "forty", "twenty-five").
pub(super) fn small_number_word(word: &str) -> Option<u32> {
    let lookup = |w: &str| NUMBER_WORDS.iter().find(|(k, _)| *k == w).map(|&(_, v)| v);
    if let Some((tens, unit)) = word.split_once('-') {
        let (t, u) = (lookup(tens)?, lookup(unit)?);
        return (t >= 20 && t % 10 == 0 && (1..=9).contains(&u)).then_some(t + u);
    }
    lookup(word)
}

/// Multipliers written as words or abbreviations after an amount.
pub(super) fn scale_word(word: &str) -> Option<f64> {
    Some(match word {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mn" | "mln" => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" => 1e12,
        // Indian English: a lakh is 100,000, a crore 10 million.
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Words that can open an amount other than number words: articles ("a
/// million", "a third of"), "half of" and vague plurals.
pub(super) const AMOUNT_OPENERS: &[&str] = &[
    "a",
    "an",
    "half",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "trillions",
    "dozens",
];

/// "hundreds", "thousands of": vague plural amounts that still count as numbers.
fn plural_scale(word: &str) -> bool {
    matches!(
        word,
        "hundreds" | "thousands" | "millions" | "billions" | "trillions" | "dozens"
    )
}

/// An amount starting at token `i`, in figures or words.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Amount {
    /// One past the last token.
    pub end: usize,
    pub value: f64,
    /// The figure, when the amount is a single figure token with no scale word.
    pub numeral: Option<Numeral>,
    /// Written in words (first token is a word).
    pub in_words: bool,
}

/// Reads the amount that starts at token `i`: a figure optionally followed by a
/// scale word ("4.5 billion"), a run of number words ("two hundred and five",
/// "a million"), or a vague plural ("thousands", "tens of thousands").
/// Looks at a bounded number of tokens per word of the amount.
pub(super) fn amount_at(scan: &Scan, i: usize) -> Option<Amount> {
    let mut amount = whole_amount_at(scan, i)?;
    // "six and a half", "2 and a half": the half belongs to the amount (and to
    // the unit after it: "six and a half hours").
    if scan.is(amount.end, "and") && scan.is(amount.end + 1, "a") && scan.is(amount.end + 2, "half")
    {
        amount.end += 3;
        amount.value += 0.5;
        amount.numeral = None;
    }
    Some(amount)
}

fn whole_amount_at(scan: &Scan, i: usize) -> Option<Amount> {
    match scan.kind(i)? {
        TokenKind::Number => {
            let numeral = parse_numeral(scan.raw(i))?;
            match scale_word(scan.lower(i + 1)) {
                Some(scale) => Some(Amount {
                    end: i + 2,
                    value: numeral.value * scale,
                    numeral: None,
                    in_words: false,
                }),
                None => Some(Amount {
                    end: i + 1,
                    value: numeral.value,
                    numeral: Some(numeral),
                    in_words: false,
                }),
            }
        }
        TokenKind::Word => words_amount_at(scan, i),
        _ => None,
    }
}

fn words_amount_at(scan: &Scan, i: usize) -> Option<Amount> {
    let first = scan.lower(i);
    if plural_scale(first) {
        // "tens of thousands", "hundreds of millions"
        let end = if scan.is(i + 1, "of") && plural_scale(scan.lower(i + 2)) {
            i + 3
        } else {
            i + 1
        };
        return Some(Amount {
            end,
            value: f64::NAN,
            numeral: None,
            in_words: true,
        });
    }
    if first == "half" && matches!(scan.lower(i + 1), "a" | "an") {
        // "half a million"; "half an hour", "half a percentage point" count one half
        // of the unit after them (see `is_bare_half`).
        let scale = scale_word(scan.lower(i + 2))
            .filter(|_| matches!(scan.lower(i + 2), "thousand" | "million" | "billion"));
        return Some(Amount {
            end: i + 2 + usize::from(scale.is_some()),
            value: 0.5 * scale.unwrap_or(1.0),
            numeral: None,
            in_words: true,
        });
    }
    if first == "tens" && scan.is(i + 1, "of") && plural_scale(scan.lower(i + 2)) {
        return Some(Amount {
            end: i + 3,
            value: f64::NAN,
            numeral: None,
            in_words: true,
        });
    }
    let mut j = i;
    let mut total = 0.0;
    let mut current = 0.0;
    // What the last word was, to allow only well-formed sequences.
    #[derive(PartialEq, Clone, Copy)]
    enum Last {
        Start,
        Article,
        Unit,
        Teen,
        Tens,
        Hundred,
        Big,
    }
    let mut last = Last::Start;
    let mut smallest_scale = f64::INFINITY;
    loop {
        let word = scan.lower(j);
        if let Some(v) = small_number_word(word) {
            let kind = match v {
                0..=9 => Last::Unit,
                10..=19 => Last::Teen,
                _ if word.contains('-') => Last::Unit,
                _ => Last::Tens,
            };
            let allowed = match last {
                Last::Start | Last::Hundred | Last::Big => true,
                Last::Tens => kind == Last::Unit && !word.contains('-'),
                _ => false,
            };
            if !allowed || (v == 0 && last != Last::Start) {
                break;
            }
            current += f64::from(v);
            last = kind;
            j += 1;
        } else if (word == "a" || word == "an") && last == Last::Start {
            // Only as "a hundred", "a million": checked below.
            last = Last::Article;
            current = 1.0;
            j += 1;
        } else if word == "hundred" && matches!(last, Last::Article | Last::Unit | Last::Teen) {
            current *= 100.0;
            last = Last::Hundred;
            j += 1;
        } else if let Some(scale) = scale_word(word)
            .filter(|_| matches!(word, "thousand" | "million" | "billion" | "trillion"))
        {
            // Scales only fall ("two million five thousand"), which also bounds
            // how far one amount can run.
            if last == Last::Start || scale >= smallest_scale {
                break;
            }
            smallest_scale = scale;
            total += current * scale;
            current = 0.0;
            last = Last::Big;
            j += 1;
        } else if word == "dozen" && matches!(last, Last::Article | Last::Unit | Last::Teen) {
            current *= 12.0;
            last = Last::Big;
            j += 1;
        } else if word == "and"
            && matches!(last, Last::Hundred | Last::Big)
            && small_number_word(scan.lower(j + 1)).is_some_and(|v| v > 0)
        {
            j += 1;
        } else {
            break;
        }
    }
    // A lone article is no number.
    if j == i || last == Last::Article || (j == i + 1 && first == "a") {
        return None;
    }
    Some(Amount {
        end: j,
        value: total + current,
        numeral: None,
        in_words: true,
    })
}

/// The first token of an approximator before token `i` ("about", "more than",
/// "as many as"), or `i` when there is none.
pub(super) fn approximator_start(scan: &Scan, i: usize) -> usize {
    const ONE: &[&str] = &[
        "about",
        "around",
        "approximately",
        "roughly",
        "nearly",
        "almost",
        "some",
        "over",
        "approx",
    ];
    const TWO: &[(&str, &str)] = &[
        ("more", "than"),
        ("less", "than"),
        ("fewer", "than"),
        ("at", "least"),
        ("at", "most"),
        ("up", "to"),
    ];
    const THREE: &[(&str, &str)] = &[("many", "as"), ("much", "as"), ("few", "as")];
    if i >= 3
        && scan.is(i - 3, "as")
        && THREE
            .iter()
            .any(|&(a, b)| scan.is(i - 2, a) && scan.is(i - 1, b))
    {
        return i - 3;
    }
    if i >= 2
        && TWO
            .iter()
            .any(|&(a, b)| scan.is(i - 2, a) && scan.is(i - 1, b))
    {
        return i - 2;
    }
    if i >= 1 && ONE.contains(&scan.lower(i - 1)) {
        return i - 1;
    }
    i
}

/// Like [`approximator_start`] for a span of time, where "over" means
/// "during" ("over 25 years") rather than "more than", and "last"/"next"/"past"
/// belong to the span.
pub(super) fn duration_approximator_start(scan: &Scan, i: usize) -> usize {
    let start = approximator_start(scan, i);
    if start + 1 == i && scan.is(start, "over") {
        i
    } else if start == i
        && i > 1
        && matches!(scan.lower(i - 1), "last" | "next" | "past")
        && scan.is(i - 2, "the")
    {
        // "the last 30 days", "the next 12 hours": the span named from now ("to last
        // six weeks" is the verb).
        i - 1
    } else {
        start
    }
}

/// "in a week", "more than a decade", "a year earlier", "within an hour": an
/// article counting one `units` word where a preposition, an approximator or
/// "ago"/"later"/"earlier" makes it a span of time ("$99 a year" and "twice a
/// week" are rates). The span's first token, the end (exclusive) of its unit, and
/// whether "ago"/"later"/"earlier" follows.
pub(super) fn article_duration(
    scan: &Scan,
    i: usize,
    units: &[&str],
) -> Option<(usize, usize, bool)> {
    let halved = i > 0 && scan.is(i - 1, "half");
    if halved || !matches!(scan.lower(i), "a" | "an") || !units.contains(&scan.lower(i + 1)) {
        return None;
    }
    let unit_end = i + 2;
    let relative = matches!(scan.lower(unit_end), "ago" | "later" | "earlier");
    let start = duration_approximator_start(scan, i);
    let after_preposition = i > 0
        && matches!(
            scan.lower(i - 1),
            "in" | "for" | "within" | "over" | "after" | "under"
        );
    (relative || start < i || after_preposition).then_some((start, unit_end, relative))
}

/// The amount starting at token `i`, if it reads as a number there (see `reads_as_number`).
pub(super) fn number_at(scan: &Scan, i: usize) -> Option<Amount> {
    amount_at(scan, i).filter(|amount| reads_as_number(scan, i, amount))
}

/// An amount can stand as CARDINAL (or carry a unit) only if its words are not
/// part of a name ("the Seven Samurai") or the pronoun "one" ("no one", "one of").
fn reads_as_number(scan: &Scan, i: usize, amount: &Amount) -> bool {
    if amount.in_words {
        if scan.is_title_case(i) && !scan.starts_sentence(i) {
            return false;
        }
        if amount.end == i + 1 && scan.is(i, "one") {
            const BEFORE: &[&str] = &[
                "the", "this", "that", "no", "any", "each", "every", "which", "a", "such",
                "another", "someone", "anyone", "little", "big", "only",
            ];
            const AFTER: &[&str] = &[
                "another", "'s", "can", "could", "must", "should", "would", "might", "may", "will",
                "shall", "ought", "needs",
            ];
            // "the first one", "the biggest one", "the other one": a word that
            // picks one out makes it the pronoun.
            let before = i > 0
                && (BEFORE.contains(&scan.lower(i - 1))
                    || ordinal_at(scan, i - 1).is_some()
                    || picks_out_one(scan.lower(i - 1)));
            if before || AFTER.contains(&scan.lower(i + 1)) {
                return false;
            }
        }
    }
    true
}

/// Words before the pronoun "one" that pick it out among others ("the last
/// one", "the same one", "the biggest one").
fn picks_out_one(word: &str) -> bool {
    matches!(
        word,
        "last" | "next" | "other" | "same" | "right" | "wrong" | "new" | "old" | "best" | "worst"
    ) || (word.len() > 4 && word.ends_with("est") && word.chars().all(char::is_alphabetic))
}

/// CARDINAL: amounts that nothing longer claims. Identifiers ("page 5",
/// "Apollo 11"), list markers and bare year-like figures are left out.
pub(super) fn cardinals(scan: &Scan, out: &mut Vec<Candidate>) {
    let mut i = 0;
    while i < scan.len() {
        if !scan.is_anchor(i) {
            i += 1;
            continue;
        }
        if let Some(end) = fraction_end(scan, i) {
            let start = approximator_start(scan, i);
            out.push(Candidate::new(
                scan.span(start, end - 1),
                Label::Cardinal,
                CARDINAL_SCORE,
            ));
            i = end;
            continue;
        }
        let Some(amount) = amount_at(scan, i) else {
            i += 1;
            continue;
        };
        // "'98" is a year, "'s" a clitic: a figure after an apostrophe is no count.
        let after_apostrophe = scan.glued(i) && matches!(scan.raw(i - 1), "'" | "\u{2019}");
        if reads_as_number(scan, i, &amount)
            && !identifiers::is_numeric_label(scan, i)
            && !after_apostrophe
            && !is_bare_half(scan, i, &amount)
        {
            let bare_year = amount.numeral.is_some_and(|n| is_year(&n));
            if !bare_year || counts_something(scan, amount.end) {
                let mut start = approximator_start(scan, i);
                if start == i && (has_minus_sign(scan, i) || after_minus_word(scan, i)) {
                    start = i - 1;
                }
                let end = ratio_end(scan, &amount).unwrap_or(amount.end);
                out.push(Candidate::new(
                    scan.span(start, end - 1),
                    Label::Cardinal,
                    CARDINAL_SCORE,
                ));
            }
        }
        i = amount.end;
    }
}

/// "half a" / "half an" with no scale word: a count only with the unit after it
/// ("half an hour"), never alone ("half an apple").
pub(super) fn is_bare_half(scan: &Scan, i: usize, amount: &Amount) -> bool {
    scan.is(i, "half") && amount.end == i + 2
}

/// Denominators of fractions in words ("a third of", "two-thirds").
fn is_denominator(word: &str) -> bool {
    matches!(
        word,
        "third"
            | "thirds"
            | "quarter"
            | "quarters"
            | "fourth"
            | "fourths"
            | "fifth"
            | "fifths"
            | "sixth"
            | "sixths"
            | "eighth"
            | "eighths"
            | "tenth"
            | "tenths"
    )
}

/// A fraction in words at `i`: "two-thirds", or "half" / "a third" / "one
/// quarter" followed by "of" or closing a clause. Its end (exclusive).
fn fraction_end(scan: &Scan, i: usize) -> Option<usize> {
    if scan.kind(i) != Some(TokenKind::Word) {
        return None;
    }
    let word = scan.lower(i);
    // "the second half of the year" is a part, not a count.
    let part_of_whole = i > 0
        && (matches!(scan.lower(i - 1), "the" | "this" | "that")
            || ordinal_at(scan, i - 1).is_some());
    if word == "half" && scan.is(i + 1, "of") && !part_of_whole {
        return Some(i + 1);
    }
    if let Some((count, denominator)) = word.split_once('-') {
        let counted = small_number_word(count).is_some_and(|v| (1..=10).contains(&v));
        return (counted && is_denominator(denominator)).then_some(i + 1);
    }
    let counted = word == "a" || small_number_word(word).is_some_and(|v| (1..=10).contains(&v));
    // "a third of", or a fraction closing its clause ("grew by a quarter."); "a
    // third time" is an ordinal.
    let closes = scan.is(i + 2, "of")
        || !matches!(
            scan.kind(i + 2),
            Some(TokenKind::Word | TokenKind::Number | TokenKind::Clitic)
        );
    (counted && is_denominator(scan.lower(i + 1)) && closes).then_some(i + 2)
}

/// "one in five", "9.5 out of 10": a ratio of two small amounts is one CARDINAL.
/// The end (exclusive) of the second count.
fn ratio_end(scan: &Scan, first: &Amount) -> Option<usize> {
    let small = |a: &Amount| a.value > 0.0 && a.value <= 1000.0;
    let next = first.end;
    let second = match scan.lower(next) {
        "in" => next + 1,
        "out" if scan.is(next + 1, "of") => next + 2,
        _ => return None,
    };
    let amount = amount_at(scan, second)?;
    (small(first) && small(&amount) && amount.in_words == first.in_words).then_some(amount.end)
}

/// A year-like figure is a count when a lower-case word other than a verb or
/// function word follows ("2000 people", not "1996 was").
pub(super) fn counts_something(scan: &Scan, next: usize) -> bool {
    const NOT_NOUNS: &[&str] = &[
        "was", "were", "is", "has", "had", "saw", "will", "would", "marked", "brought", "and",
        "or", "but", "to", "in", "on", "at", "of", "for", "with", "as", "when", "while", "also",
        "began", "ended", "became",
    ];
    let word = scan.raw(next);
    scan.kind(next) == Some(TokenKind::Word)
        && word.chars().all(|c| c.is_lowercase())
        && !NOT_NOUNS.contains(&word)
}

/// "fell to minus 5": the word "minus" as a sign, not as subtraction ("10 minus 5").
fn after_minus_word(scan: &Scan, i: usize) -> bool {
    i > 0 && scan.is(i - 1, "minus") && (i < 2 || scan.kind(i - 2) != Some(TokenKind::Number))
}

/// "-5" with the sign glued to the figure and nothing glued before the sign.
pub(super) fn has_minus_sign(scan: &Scan, i: usize) -> bool {
    i > 0 && scan.glued(i) && matches!(scan.raw(i - 1), "-" | "\u{2212}") && !scan.glued(i - 1)
}

/// Ordinal words and their values.
pub(super) const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("thousandth", 1000),
    ("millionth", 1_000_000),
];

/// The value of an ordinal word ("third", "twenty-first").
pub(super) fn ordinal_word(word: &str) -> Option<u32> {
    let lookup = |w: &str| ORDINAL_WORDS.iter().find(|(k, _)| *k == w).map(|&(_, v)| v);
    if let Some((tens, unit)) = word.split_once('-') {
        let t = small_number_word(tens)?;
        let u = lookup(unit)?;
        return (t >= 20 && t % 10 == 0 && u <= 9).then_some(t + u);
    }
    lookup(word)
}

/// The value of a figure ordinal with the right suffix ("1st", "22nd", "13th").
pub(super) fn ordinal_figure(word: &str) -> Option<u64> {
    let split = word.find(|c: char| !(c.is_ascii_digit() || c == ','))?;
    let (digits, suffix) = word.split_at(split);
    if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
        return None;
    }
    // "1,000th": thousands separators only between groups of three.
    let mut groups = digits.split(',');
    let head = groups.next()?;
    let grouped = groups.all(|g| g.len() == 3);
    if head.is_empty() || head.len() > 3 && digits.contains(',') || !grouped {
        return None;
    }
    let n: u64 = digits.replace(',', "").parse().ok()?;
    let expected = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    suffix.eq_ignore_ascii_case(expected).then_some(n)
}

/// The value of the ordinal at token `i`, in words or figures.
pub(super) fn ordinal_at(scan: &Scan, i: usize) -> Option<u64> {
    if scan.kind(i) != Some(TokenKind::Word) {
        return None;
    }
    let word = scan.lower(i);
    ordinal_figure(word).or_else(|| ordinal_word(word).map(u64::from))
}

/// ORDINAL: "third", "3rd", "twenty-first"; not "a second", nor a title-case
/// word inside a name ("the Third Reich").
pub(super) fn ordinals(scan: &Scan, out: &mut Vec<Candidate>) {
    for i in (0..scan.len()).filter(|&i| scan.is_anchor(i)) {
        if ordinal_at(scan, i).is_none() {
            continue;
        }
        let in_words = scan.raw(i).starts_with(|c: char| c.is_alphabetic());
        if in_words && scan.is_title_case(i) && !scan.starts_sentence(i) {
            continue;
        }
        // "5th Avenue", "42nd Street": an ordinal inside a street name.
        if identifiers::starts_street_name(scan, i) {
            continue;
        }
        if scan.is(i, "second") && is_verb_second(scan, i) {
            continue;
        }
        if scan.is(i, "second")
            && i > 0
            && ["a", "per", "one", "split", "each", "every", "the"].contains(&scan.lower(i - 1))
            && !is_ordinal_use_of_second(scan, i)
        {
            continue;
        }
        out.push(Candidate::new(
            scan.span(i, i),
            Label::Ordinal,
            ORDINAL_SCORE,
        ));
    }
}

/// "second" as the verb ("I second that", "could you second the motion",
/// "to second it"): after a subject pronoun or a modal, or after "to" with an
/// object next; or before a motion ("second the proposal"). Never after an
/// article ("the second that", "a second"); "finished second this year" keeps
/// the ordinal.
fn is_verb_second(scan: &Scan, i: usize) -> bool {
    // "he"/"she" would take "seconds".
    const SUBJECTS: &[&str] = &["i", "we", "you", "they"];
    const MODALS: &[&str] = &[
        "will", "would", "could", "can", "shall", "should", "may", "might", "must", "'ll", "'d",
        "n't", "did", "do", "does",
    ];
    const OBJECTS: &[&str] = &[
        "that", "this", "it", "him", "her", "them", "the", "his", "their", "our", "my", "your",
    ];
    const MOTIONS: &[&str] = &[
        "motion",
        "proposal",
        "nomination",
        "amendment",
        "resolution",
        "bill",
        "suggestion",
    ];
    let prev = if i > 0 { scan.lower(i - 1) } else { "" };
    if matches!(prev, "the" | "a" | "per" | "each" | "every" | "one") {
        return false;
    }
    let next = scan.lower(i + 1);
    let object_follows = OBJECTS.contains(&next);
    let motion_follows = matches!(next, "the" | "his" | "her" | "their" | "this" | "that")
        && MOTIONS.contains(&scan.lower(i + 2));
    SUBJECTS.contains(&prev)
        || MODALS.contains(&prev)
        || (prev == "to" && object_follows)
        || motion_follows
}

/// "the second time" is an ordinal; "a second", "per second" are time.
fn is_ordinal_use_of_second(scan: &Scan, i: usize) -> bool {
    scan.is(i - 1, "the") && scan.kind(i + 1) == Some(TokenKind::Word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(&str, Label)> {
        let scan = Scan::new(text);
        let mut out = Vec::new();
        cardinals(&scan, &mut out);
        ordinals(&scan, &mut out);
        out.sort_by_key(|c| c.span.start);
        out.iter()
            .map(|c| (c.span.of(text), c.label.clone().unwrap()))
            .collect()
    }

    #[test]
    fn numerals() {
        assert_eq!(parse_numeral("2,500").map(|n| n.value), Some(2500.0));
        assert_eq!(parse_numeral("2,500.75").map(|n| n.value), Some(2500.75));
        assert_eq!(parse_numeral("0.5").map(|n| n.value), Some(0.5));
        for bad in ["007", "1,50", "12,34,567", "1.2.3", "3:30", "1/2", ",5"] {
            assert_eq!(parse_numeral(bad), None, "{bad}");
        }
    }

    #[test]
    fn number_words() {
        let scan = Scan::new("two hundred and five thousand people");
        assert_eq!(
            amount_at(&scan, 0).map(|a| (a.end, a.value)),
            Some((5, 205_000.0))
        );
        let scan = Scan::new("twenty-five or twenty five or a million");
        assert_eq!(amount_at(&scan, 0).map(|a| a.value), Some(25.0));
        assert_eq!(
            amount_at(&scan, 2).map(|a| (a.end, a.value)),
            Some((4, 25.0))
        );
        assert_eq!(
            amount_at(&scan, 5).map(|a| (a.end, a.value)),
            Some((7, 1e6))
        );
        let scan = Scan::new("one thousand two thousand");
        assert_eq!(amount_at(&scan, 0).map(|a| a.end), Some(3));
        let scan = Scan::new("a cat and five six");
        assert_eq!(amount_at(&scan, 0), None);
        assert_eq!(amount_at(&scan, 3).map(|a| a.end), Some(4));
    }

    #[test]
    fn cardinal_examples() {
        assert_eq!(
            find("about 2,500 fans and seven dogs; tens of thousands came"),
            [
                ("about 2,500", Label::Cardinal),
                ("seven", Label::Cardinal),
                ("tens of thousands", Label::Cardinal)
            ]
        );
        assert_eq!(
            find("It fell to minus 3, and 10 minus 4 is 6."),
            [
                ("minus 3", Label::Cardinal),
                ("10", Label::Cardinal),
                ("4", Label::Cardinal),
                ("6", Label::Cardinal)
            ]
        );
        assert_eq!(
            find("It fell to -5 overnight, two million left."),
            [("-5", Label::Cardinal), ("two million", Label::Cardinal)]
        );
    }

    #[test]
    fn cardinal_negatives() {
        assert!(find("See page 5 and Apollo 11, the Seven Samurai.").is_empty());
        assert_eq!(
            find("No one came; one of them left, and one must go."),
            [("one", Label::Cardinal)]
        );
        assert!(find("Agent 007 called 0143.").is_empty());
        assert!(find("1996 was good.").is_empty());
        assert_eq!(find("1500 people"), [("1500", Label::Cardinal)]);
    }

    #[test]
    fn ordinal_examples() {
        assert_eq!(
            find("the third time, 3rd place, twenty-first, a second later, the Third Reich, 2th"),
            [
                ("third", Label::Ordinal),
                ("3rd", Label::Ordinal),
                ("twenty-first", Label::Ordinal)
            ]
        );
        assert_eq!(find("the second time"), [("second", Label::Ordinal)]);
    }

    #[test]
    fn second_as_a_verb() {
        assert!(find("We second the nomination. I'll second it. They second that.").is_empty());
        assert!(find("Would you second the amendment?").is_empty());
        assert_eq!(
            find("She came second this year and rose to second place."),
            [("second", Label::Ordinal), ("second", Label::Ordinal)]
        );
    }

    #[test]
    fn one_picked_out_is_a_pronoun() {
        assert_eq!(
            find("Take the third one, not the biggest one or the other one; one more came."),
            [("third", Label::Ordinal), ("one", Label::Cardinal)]
        );
    }

    #[test]
    fn indian_scales() {
        let scan = Scan::new("3 crore and 50 lakh");
        assert_eq!(amount_at(&scan, 0).map(|a| a.value), Some(3e7));
        assert_eq!(amount_at(&scan, 3).map(|a| a.value), Some(5e6));
    }

    #[test]
    fn ordinals_in_street_names() {
        assert_eq!(
            find("Walk to 3rd Street, then take the 2nd left."),
            [("2nd", Label::Ordinal)]
        );
    }
}
