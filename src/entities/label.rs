//! Entity labels: the CoNLL-2003 name types, the rule-based numeric and contact
//! types spaCy users expect, and user-defined labels from phrase lists and patterns.

use std::sync::Arc;

/// What kind of entity a span is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// People, including fictional ones.
    Per,
    /// Companies, agencies, institutions, teams and clubs.
    Org,
    /// Countries, cities, regions, geographic and built places.
    Loc,
    /// Other names: nationalities, events, languages, products, works.
    Misc,
    Date,
    Time,
    Money,
    Percent,
    Quantity,
    Cardinal,
    Ordinal,
    Email,
    Url,
    /// A label a user gave to a phrase list or pattern.
    Custom(Arc<str>),
}

impl Label {
    /// The built-in labels, in documentation order.
    pub const BUILTIN: &'static [Label] = &[
        Label::Per,
        Label::Org,
        Label::Loc,
        Label::Misc,
        Label::Date,
        Label::Time,
        Label::Money,
        Label::Percent,
        Label::Quantity,
        Label::Cardinal,
        Label::Ordinal,
        Label::Email,
        Label::Url,
    ];

    /// The label's name as users write it ("PER", "DATE", or the custom name).
    pub fn as_str(&self) -> &str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            Label::Quantity => "QUANTITY",
            Label::Cardinal => "CARDINAL",
            Label::Ordinal => "ORDINAL",
            Label::Email => "EMAIL",
            Label::Url => "URL",
            Label::Custom(name) => name,
        }
    }

    /// A built-in label by name, or a custom one for any other non-empty name.
    pub fn from_name(name: &str) -> Option<Label> {
        if name.trim().is_empty() {
            return None;
        }
        Some(
            Label::BUILTIN
                .iter()
                .find(|l| l.as_str() == name)
                .cloned()
                .unwrap_or_else(|| Label::Custom(Arc::from(name))),
        )
    }

    /// Whether the statistical name tagger produces this label.
    pub fn is_name(&self) -> bool {
        matches!(self, Label::Per | Label::Org | Label::Loc | Label::Misc)
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for l in Label::BUILTIN {
            assert_eq!(Label::from_name(l.as_str()).as_ref(), Some(l));
        }
        assert_eq!(
            Label::from_name("DRUG"),
            Some(Label::Custom(Arc::from("DRUG")))
        );
        assert_eq!(Label::from_name(" "), None);
    }
}
