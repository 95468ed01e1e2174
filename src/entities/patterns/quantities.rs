//! PERCENT ("25%", "25 percent", "3 percentage points") and QUANTITY: an amount
//! with a unit of measure ("10 km", "5 kg", "3 miles", "10km", "a 5-mile walk",
//! "30 degrees Celsius").

use super::identifiers::is_numeric_label;
use super::numbers::{approximator_start, has_minus_sign, number_at, parse_numeral};
use super::scan::Scan;
use super::Candidate;
use crate::entities::Label;
use crate::text::tokens::TokenKind;

const PERCENT_SCORE: f32 = 0.98;
const QUANTITY_SCORE: f32 = 0.92;

/// Units of measure, lower-cased. Single letters ("m" for metres or million,
/// "g", "l") are read by `short_unit_end`; "in" is left out on purpose.
const UNITS: &[&str] = &[
    "km",
    "kms",
    "kilometre",
    "kilometres",
    "kilometer",
    "kilometers",
    "metre",
    "metres",
    "meter",
    "meters",
    "cm",
    "centimetre",
    "centimetres",
    "centimeter",
    "centimeters",
    "mm",
    "millimetre",
    "millimetres",
    "millimeter",
    "millimeters",
    "mile",
    "miles",
    "ft",
    "foot",
    "feet",
    "inch",
    "inches",
    "yard",
    "yards",
    "yd",
    "yds",
    "light-years",
    "light-year",
    "kg",
    "kgs",
    "kilogram",
    "kilograms",
    "kilo",
    "kilos",
    "gram",
    "grams",
    "mg",
    "milligram",
    "milligrams",
    "tonne",
    "tonnes",
    "ton",
    "tons",
    "lb",
    "lbs",
    "pound",
    "pounds",
    "ounce",
    "ounces",
    "oz",
    "litre",
    "litres",
    "liter",
    "liters",
    "ml",
    "millilitre",
    "millilitres",
    "milliliter",
    "milliliters",
    "gallon",
    "gallons",
    "barrel",
    "barrels",
    "bbl",
    "pint",
    "pints",
    "acre",
    "acres",
    "hectare",
    "hectares",
    "mph",
    "kph",
    "knot",
    "knots",
    "degree",
    "degrees",
    "\u{00B0}c",
    "\u{00B0}f",
    "kw",
    "kwh",
    "mw",
    "mwh",
    "gw",
    "gwh",
    "watt",
    "watts",
    "kilowatt",
    "kilowatts",
    "megawatt",
    "megawatts",
    "gigawatt",
    "gigawatts",
    "calorie",
    "calories",
    "kcal",
    "joule",
    "joules",
    "volt",
    "volts",
    "horsepower",
    "hp",
    "kb",
    "mb",
    "gb",
    "tb",
    "byte",
    "bytes",
    "kilobytes",
    "megabytes",
    "gigabytes",
    "terabytes",
    "hz",
    "khz",
    "mhz",
    "ghz",
    "hertz",
    "decibel",
    "decibels",
    "db",
    "rpm",
    "psi",
    // Kitchen measures.
    "tbsp",
    "tbs",
    "tsp",
    "tablespoon",
    "tablespoons",
    "teaspoon",
    "teaspoons",
    "cup",
    "cups",
];

/// Words of position and size that follow a length or volume ("2 m below",
/// "3m deep", "2 m tall"), never a count in millions.
const SPATIAL_AFTER_UNIT: &[&str] = &[
    "below", "above", "under", "beneath", "across", "away", "apart", "behind", "ahead", "deep",
    "high", "tall", "long", "wide", "thick", "down", "up", "per",
];

/// Function words that may also follow a spaced one-letter unit ("2 m of snow",
/// "cleared 2.01 m to win"); "3 m people" has a counted noun instead.
const FUNCTION_AFTER_UNIT: &[&str] = &[
    "of", "to", "in", "into", "on", "at", "by", "from", "for", "with", "and", "or", "over",
];

/// Time words that can close a rate ("metres per second", "km/h").
const RATE_DENOMINATORS: &[&str] = &[
    "second", "sec", "s", "minute", "min", "hour", "hr", "h", "day", "week", "month", "year",
];

/// Words between an amount and its unit ("10 square miles", "5 cubic metres").
const UNIT_MODIFIERS: &[&str] = &["square", "sq", "cubic", "nautical"];

pub(super) fn is_unit(word: &str) -> bool {
    UNITS.contains(&word)
}

/// "°C", "° F", "Celsius": what may follow "degrees" or "°".
fn temperature_scale(scan: &Scan, i: usize) -> bool {
    matches!(
        scan.lower(i),
        "celsius" | "fahrenheit" | "centigrade" | "kelvin" | "c" | "f"
    )
}

/// The end (exclusive) of a unit starting at token `i`, if one does,
/// including a rate after it ("metres per second", "km/h").
fn unit_end(scan: &Scan, i: usize) -> Option<usize> {
    let end = simple_unit_end(scan, i)?;
    Some(rate_end(scan, end).unwrap_or(end))
}

fn simple_unit_end(scan: &Scan, i: usize) -> Option<usize> {
    let mut j = i;
    if UNIT_MODIFIERS.contains(&scan.lower(j)) {
        j += 1;
    }
    let word = scan.lower(j);
    if word == "\u{00B0}" {
        // "30°", "30 °C", "30°C"
        return Some(if temperature_scale(scan, j + 1) && scan.glued(j + 1) {
            j + 2
        } else {
            j + 1
        });
    }
    if !is_unit(word) {
        return short_unit_end(scan, j);
    }
    if (word == "degree" || word == "degrees") && temperature_scale(scan, j + 1) {
        return Some(j + 2);
    }
    Some(j + 1)
}

/// "g" (grams), "m" (metres), "l"/"L" (litres) as a token of their own. "g" is
/// only grams in lower case ("5 G networks"); "m" and "l" need no word after
/// them, or one a measurement takes ("2 m below", "3 l of water").
fn short_unit_end(scan: &Scan, i: usize) -> Option<usize> {
    let next = i + 1;
    match scan.raw(i) {
        "g" => Some(next),
        "m" | "l" | "L"
            if spatial_or_no_word(scan, next)
                || FUNCTION_AFTER_UNIT.contains(&scan.lower(next)) =>
        {
            Some(next)
        }
        _ => None,
    }
}

/// Token `next` is no word (punctuation, the end) or a word of position or size.
fn spatial_or_no_word(scan: &Scan, next: usize) -> bool {
    scan.kind(next) != Some(TokenKind::Word) || SPATIAL_AFTER_UNIT.contains(&scan.lower(next))
}

/// "per second", "per square metre", "/h", "/s": the end of a rate closing a unit.
fn rate_end(scan: &Scan, end: usize) -> Option<usize> {
    let denominator =
        |k: usize| RATE_DENOMINATORS.contains(&scan.lower(k)) || is_unit(scan.lower(k));
    if scan.is(end, "per") {
        if denominator(end + 1) {
            return Some(end + 2);
        }
        return simple_unit_end(scan, end + 1);
    }
    (scan.raw(end) == "/" && scan.glued(end) && scan.glued(end + 1) && denominator(end + 1))
        .then_some(end + 2)
}

/// "the 100m", "the men's 400m": a distance after "the" or a possessive names a
/// race; "10m" elsewhere is as often ten million.
fn names_a_race(scan: &Scan, i: usize) -> bool {
    i > 0 && matches!(scan.lower(i - 1), "the" | "'s" | "\u{2019}s")
}

/// A figure with a glued unit ("10km", "5kg", "2.4GHz", "450g", "45C").
/// A capital "C" or "F" glued to a figure is a temperature; "100m" is metres
/// before punctuation or a word of position or size, or in a race's name.
fn figure_with_unit(scan: &Scan, i: usize) -> bool {
    let word = scan.raw(i);
    let Some(split) = word.find(|c: char| c.is_alphabetic() || c == '\u{00B0}') else {
        return false;
    };
    let (figure, unit) = word.split_at(split);
    if parse_numeral(figure).is_none() {
        return false;
    }
    match unit {
        "g" => true,
        "C" | "F" => !is_numeric_label(scan, i),
        "m" | "l" | "L" => spatial_or_no_word(scan, i + 1) || names_a_race(scan, i),
        _ => is_unit(&unit.to_lowercase()),
    }
}

/// "minus 30 degrees", "-8F": the first token of a quantity whose amount
/// starts at `i`, taking a sign before it (or an approximator).
fn signed_start(scan: &Scan, i: usize) -> usize {
    if i > 0 && scan.is(i - 1, "minus") {
        return i - 1;
    }
    if has_minus_sign(scan, i) {
        return i - 1;
    }
    approximator_start(scan, i)
}

pub(super) fn percents_and_quantities(scan: &Scan, out: &mut Vec<Candidate>) {
    for i in (0..scan.len()).filter(|&i| scan.is_anchor(i)) {
        if scan.kind(i) == Some(TokenKind::Word) && figure_with_unit(scan, i) {
            let start = signed_start(scan, i);
            let end = rate_end(scan, i + 1).unwrap_or(i + 1);
            out.push(Candidate::new(
                scan.span(start, end - 1),
                Label::Quantity,
                QUANTITY_SCORE,
            ));
            continue;
        }
        let Some(amount) = number_at(scan, i) else {
            continue;
        };
        let next = amount.end;
        let start = approximator_start(scan, i);
        if let Some(end) = percent_end(scan, next) {
            out.push(Candidate::new(
                scan.span(start, end - 1),
                Label::Percent,
                PERCENT_SCORE,
            ));
        } else if let Some(end) = unit_end(scan, next) {
            out.push(Candidate::new(
                scan.span(signed_start(scan, i), end - 1),
                Label::Quantity,
                QUANTITY_SCORE,
            ));
        } else if scan.raw(next) == "-" && scan.glued(next) && scan.glued(next + 1) {
            // "a 10-km race", "5-mile": only the compound itself.
            if let Some(end) = unit_end(scan, next + 1).filter(|&e| e == next + 2) {
                out.push(Candidate::new(
                    scan.span(i, end - 1),
                    Label::Quantity,
                    QUANTITY_SCORE,
                ));
            }
        }
    }
}

/// The end (exclusive) of "%", "percent", "per cent", "pct" or "percentage
/// point(s)" at token `i`.
fn percent_end(scan: &Scan, i: usize) -> Option<usize> {
    match scan.lower(i) {
        "%" => Some(i + 1),
        "percent" | "pct" => Some(i + 1),
        "per" if scan.is(i + 1, "cent") => Some(i + 2),
        "percentage" if matches!(scan.lower(i + 1), "point" | "points") => Some(i + 2),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(text: &str) -> Vec<(&str, Label)> {
        let scan = Scan::new(text);
        let mut out = Vec::new();
        percents_and_quantities(&scan, &mut out);
        out.iter()
            .map(|c| (c.span.of(text), c.label.clone().unwrap()))
            .collect()
    }

    #[test]
    fn percents() {
        assert_eq!(
            find("25% and 3.5 per cent, about 25 percent, two percentage points"),
            [
                ("25%", Label::Percent),
                ("3.5 per cent", Label::Percent),
                ("about 25 percent", Label::Percent),
                ("two percentage points", Label::Percent)
            ]
        );
    }

    #[test]
    fn quantities() {
        assert_eq!(
            find("10 km, 5kg, 3 miles, 10 square miles, 120 km/h, a 5-mile walk, 30 °C, 40 degrees Fahrenheit"),
            [
                ("10 km", Label::Quantity),
                ("5kg", Label::Quantity),
                ("3 miles", Label::Quantity),
                ("10 square miles", Label::Quantity),
                ("120 km/h", Label::Quantity),
                ("5-mile", Label::Quantity),
                ("30 °C", Label::Quantity),
                ("40 degrees Fahrenheit", Label::Quantity)
            ]
        );
        assert!(find("5 G networks, 3 m people, 2 in 10").is_empty());
    }

    fn quantities_only(text: &str) -> Vec<&str> {
        find(text)
            .into_iter()
            .filter(|(_, label)| *label == Label::Quantity)
            .map(|(span, _)| span)
            .collect()
    }

    #[test]
    fn one_letter_units() {
        assert_eq!(
            quantities_only("Add 250 g of rice; the pole is 4 m high and holds 2 l."),
            ["250 g", "4 m", "2 l"]
        );
        assert_eq!(
            quantities_only("The pit was 12m deep; the men's 400m final; the 200m."),
            ["12m", "400m", "200m"]
        );
        // "m" for million before a counted noun, "G" for a generation.
        assert!(quantities_only("About 3 m voters and 40m households; 5 G phones.").is_empty());
    }

    #[test]
    fn kitchen_and_engine_units() {
        assert_eq!(
            quantities_only("Stir in 3 tsp of salt and 2 cups of stock; it idles at 900 rpm."),
            ["3 tsp", "2 cups", "900 rpm"]
        );
        assert_eq!(
            quantities_only("Use half a tablespoon."),
            ["half a tablespoon"]
        );
    }

    #[test]
    fn glued_temperatures_and_signs() {
        assert_eq!(
            quantities_only("It hit 38C at noon and -12F overnight, then minus 4 degrees."),
            ["38C", "-12F", "minus 4 degrees"]
        );
        // A letter glued to a figure after a label is a flat or seat, not a temperature.
        assert!(quantities_only("She lives at Flat 3C, seat 14F.").is_empty());
    }

    #[test]
    fn rates() {
        assert_eq!(
            quantities_only("Light covers 300,000 km per second; wind hit 90 km/h and 12 m/s."),
            ["300,000 km per second", "90 km/h", "12 m/s"]
        );
        assert_eq!(
            quantities_only("It spreads 2 kg per square metre, 5 kg per person."),
            ["2 kg per square metre", "5 kg"]
        );
    }
}
