//! PERCENT ("25%", "25 percent", "3 percentage points") and QUANTITY: an amount
//! with a unit of measure ("10 km", "5 kg", "3 miles", "10km", "a 5-mile walk",
//! "30 degrees Celsius").

use super::numbers::{amount_at, approximator_start, parse_numeral, reads_as_number};
use super::scan::Scan;
use super::Candidate;
use crate::entities::Label;
use crate::text::tokens::TokenKind;

const PERCENT_SCORE: f32 = 0.98;
const QUANTITY_SCORE: f32 = 0.92;

/// Units of measure, lower-cased. Ambiguous short forms ("m" for metres or
/// million, "g", "l", "in") are left out on purpose.
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

/// The end (exclusive) of a unit starting at token `i`, if one does.
fn unit_end(scan: &Scan, i: usize) -> Option<usize> {
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
        return None;
    }
    // "km/h"
    if scan.raw(j + 1) == "/" && scan.glued(j + 1) && scan.is(j + 2, "h") && scan.glued(j + 2) {
        return Some(j + 3);
    }
    if (word == "degree" || word == "degrees") && temperature_scale(scan, j + 1) {
        return Some(j + 2);
    }
    Some(j + 1)
}

/// A figure with a glued unit ("10km", "5kg", "2.4GHz").
fn figure_with_unit(word: &str) -> bool {
    let Some(split) = word.find(|c: char| c.is_alphabetic() || c == '\u{00B0}') else {
        return false;
    };
    let (figure, unit) = word.split_at(split);
    parse_numeral(figure).is_some() && is_unit(&unit.to_lowercase())
}

pub(super) fn percents_and_quantities(scan: &Scan, out: &mut Vec<Candidate>) {
    for i in (0..scan.len()).filter(|&i| scan.is_anchor(i)) {
        if scan.kind(i) == Some(TokenKind::Word) && figure_with_unit(scan.raw(i)) {
            let start = approximator_start(scan, i);
            out.push(Candidate::new(
                scan.span(start, i),
                Label::Quantity,
                QUANTITY_SCORE,
            ));
            continue;
        }
        let Some(amount) = amount_at(scan, i) else {
            continue;
        };
        if !reads_as_number(scan, i, &amount) {
            continue;
        }
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
                scan.span(start, end - 1),
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
}
