//! Acronyms and aliases within one document: "the World Health Organization
//! (WHO) ... WHO officials" and "Angela Merkel ... Merkel" put each mention in
//! a group whose canonical form is its longest mention.
//!
//! Acronym definitions are found with the Schwartz-Hearst rule (every letter of
//! the short form appears, in order, in the words before the bracket, the first
//! one at a word start); shortened mentions are runs of words at the start or
//! end of a longer name of the same label.

use super::case_folding::fold_case;
use super::{Entity, Label};
use crate::text::tokens::{tokenize, Token, TokenKind};
use crate::text::Span;
use std::collections::HashMap;

/// How far before a bracket a long form may start, in bytes.
const MAX_LONG_FORM_BYTES: usize = 200;
/// Names longer than this many words are not split into shortened mentions.
const MAX_NAME_WORDS: usize = 8;

/// An acronym defined in brackets: "World Health Organization (WHO)", or the
/// other way round, "WHO (World Health Organization)".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AcronymDefinition {
    /// The full name, byte span.
    pub long: Span,
    /// The acronym, byte span.
    pub short: Span,
}

/// The group of one entity: `group` numbers groups from 0 in order of first
/// mention; `canonical` is the span of the group's longest mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alias {
    pub group: usize,
    pub canonical: Span,
}

/// Whether `word` looks like an acronym: 2 to 10 characters, starting with a
/// letter, at least two capitals and no more lower-case letters than capitals
/// ("WHO", "EU", "mRNA", "AT&T", "G7").
fn is_acronym(word: &str) -> bool {
    let count = word.chars().count();
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let lower = word.chars().filter(|c| c.is_lowercase()).count();
    (2..=10).contains(&count)
        && word.starts_with(char::is_alphabetic)
        && upper >= 2
        && lower <= upper
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '&' | '.' | '-'))
}

/// Schwartz-Hearst: the byte offset in `long` where the long form of `short`
/// starts, matching the short form's letters and digits right to left, the
/// first at the start of a word. O(len(long) + len(short)).
fn long_form_start(short: &str, long: &str) -> Option<usize> {
    let short: Vec<char> = short
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    let long_chars: Vec<(usize, char)> = long.char_indices().collect();
    let mut l = long_chars.len();
    for (s, &wanted) in short.iter().enumerate().rev() {
        loop {
            if l == 0 {
                return None;
            }
            l -= 1;
            let (_, c) = long_chars[l];
            let same = c.to_lowercase().eq(std::iter::once(wanted));
            let word_start = l == 0 || !long_chars[l - 1].1.is_alphanumeric();
            if same && (s > 0 || word_start) {
                break;
            }
        }
    }
    Some(long_chars[l].0)
}

/// Whitespace-separated words allowed in a long form for an acronym of `n` letters.
fn max_long_words(n: usize) -> usize {
    (n + 5).min(2 * n)
}

/// Finds acronym definitions in brackets. Returns them in text order with byte
/// spans. Each bracket looks back at most a bounded window, so time is linear.
pub fn find_acronym_definitions(text: &str) -> Vec<AcronymDefinition> {
    let tokens = tokenize(text);
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.span.of(text) != "(" {
            continue;
        }
        let Some(close) = (i + 1..tokens.len().min(i + 2 + 2 * MAX_NAME_WORDS))
            .find(|&k| tokens[k].span.of(text) == ")")
        else {
            continue;
        };
        let inside = Span::new(tokens[i].span.end, tokens[close].span.start);
        let inside_text = inside.of(text).trim();
        if close == i + 2 && is_acronym(inside_text) {
            if let Some(long) = long_form_before(text, token.span.start, inside_text) {
                out.push(AcronymDefinition {
                    long,
                    short: tokens[i + 1].span,
                });
            }
        } else if i > 0 && is_acronym(tokens[i - 1].span.of(text)) {
            let short = tokens[i - 1].span;
            let letters = short
                .of(text)
                .chars()
                .filter(|c| c.is_alphanumeric())
                .count();
            let words = inside_text.split_whitespace().count();
            let start = inside.start + (inside.of(text).len() - inside.of(text).trim_start().len());
            if (2..=max_long_words(letters)).contains(&words)
                && long_form_start(short.of(text), inside_text) == Some(0)
            {
                out.push(AcronymDefinition {
                    long: Span::new(start, start + inside_text.len()),
                    short,
                });
            }
        }
    }
    out
}

/// The long form ending just before the bracket at byte `bracket`.
fn long_form_before(text: &str, bracket: usize, short: &str) -> Option<Span> {
    let end = text[..bracket].trim_end().len();
    let mut window_start = end.saturating_sub(MAX_LONG_FORM_BYTES);
    while !text.is_char_boundary(window_start) {
        window_start += 1;
    }
    let window = &text[window_start..end];
    let letters = short.chars().filter(|c| c.is_alphanumeric()).count();
    // Only the last few words may belong to the long form.
    let words_from = window
        .char_indices()
        .rev()
        .filter(|&(k, c)| {
            !c.is_whitespace() && (k == 0 || window[..k].ends_with(char::is_whitespace))
        })
        .nth(max_long_words(letters) - 1)
        .map_or(0, |(k, _)| k);
    let candidate = &window[words_from..];
    // A sentence end inside the candidate cuts it.
    let candidate_start = candidate
        .rfind(['.', ';', ':', '!', '?', '(', ')', '"'])
        .map_or(0, |k| k + 1);
    let candidate = &candidate[candidate_start..];
    let start = long_form_start(short, candidate)?;
    let long = &candidate[start..];
    if long.trim().is_empty() || long.contains(short) || long.len() <= short.len() {
        return None;
    }
    let from = window_start + words_from + candidate_start + start;
    Some(Span::new(from, end))
}

/// Adds the mentions of bracket-defined acronyms the tagger missed: when an
/// entity ends where a definition's long form ends, every whole-token
/// occurrence of the acronym that overlaps no entity becomes an entity with
/// the long form's label and score. Returns all entities sorted by start
/// (byte offsets). O(len(text) + entities · log).
pub fn complete_acronyms(text: &str, entities: &[Entity]) -> Vec<Entity> {
    let mut by_end: HashMap<usize, &Entity> = HashMap::new();
    for entity in entities {
        by_end.entry(entity.span.end).or_insert(entity);
    }
    let mut acronym_labels: HashMap<&str, (Label, f32)> = HashMap::new();
    for definition in find_acronym_definitions(text) {
        let named = by_end
            .get(&definition.long.end)
            .filter(|e| e.span.start < definition.long.end);
        if let Some(entity) = named {
            acronym_labels
                .entry(definition.short.of(text))
                .or_insert((entity.label.clone(), entity.score));
        }
    }
    let mut out = entities.to_vec();
    out.sort_by_key(|e| e.span.start);
    if acronym_labels.is_empty() {
        return out;
    }
    let mut added = Vec::new();
    for token in tokenize(text) {
        let Some((label, score)) = acronym_labels.get(token.span.of(text)) else {
            continue;
        };
        let at = out.partition_point(|e| e.span.end <= token.span.start);
        let overlaps = out.get(at).is_some_and(|e| e.span.start < token.span.end);
        if !overlaps {
            added.push(Entity {
                span: token.span,
                label: label.clone(),
                score: *score,
            });
        }
    }
    out.extend(added);
    out.sort_by_key(|e| e.span.start);
    out
}

/// The words of an entity's text, case-folded, punctuation left out.
fn folded_words(text: &str, tokens: &[Token]) -> Vec<String> {
    tokens
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .map(|t| fold_case(t.span.of(text)))
        .collect()
}

/// Groups `entities` (any order) into aliases of the same thing. Returns one
/// [`Alias`] per entity, in the order given. Two mentions join when they read
/// the same (case-folded, same label), when one is a bracket-defined acronym
/// of the other (any label), or when one is a run of words at the start or end
/// of a longer name with the same label ("Merkel" / "Angela Merkel",
/// "Reuters" / "Thomson Reuters"); a shortened mention joins the nearest
/// earlier full name, else the nearest later one. O(len(text) + entities ·
/// name words²) expected time.
pub fn group_aliases(text: &str, entities: &[Entity]) -> Vec<Alias> {
    let n = entities.len();
    let mut parent: Vec<usize> = (0..n).collect();
    let words: Vec<Vec<String>> = entities
        .iter()
        .map(|e| {
            let mention = e.span.of(text);
            folded_words(mention, &tokenize(mention))
        })
        .collect();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&k| entities[k].span.start);

    // Same reading, same label.
    let mut first_reading: HashMap<(&Label, &[String]), usize> = HashMap::new();
    for &k in &order {
        if words[k].is_empty() {
            continue;
        }
        let key = (&entities[k].label, words[k].as_slice());
        match first_reading.get(&key) {
            Some(&first) => union(&mut parent, first, k),
            None => {
                first_reading.insert(key, k);
            }
        }
    }

    // Acronyms defined in brackets join their long form, whatever the labels.
    let mut by_end: HashMap<usize, usize> = HashMap::new();
    for &k in &order {
        by_end.entry(entities[k].span.end).or_insert(k);
    }
    let mut long_of_acronym: HashMap<&str, usize> = HashMap::new();
    for definition in find_acronym_definitions(text) {
        let long = by_end
            .get(&definition.long.end)
            .filter(|&&k| entities[k].span.start < definition.long.end);
        if let Some(&long) = long {
            long_of_acronym
                .entry(definition.short.of(text))
                .or_insert(long);
        }
    }
    for &k in &order {
        if let Some(&long) = long_of_acronym.get(entities[k].span.of(text)) {
            union(&mut parent, long, k);
        }
    }

    // Shortened mentions: index the leading and trailing word runs of every
    // multi-word name by label, then look each mention up.
    let mut runs: HashMap<(&Label, &[String]), Vec<usize>> = HashMap::new();
    for &k in &order {
        let w = &words[k];
        if w.len() < 2 || w.len() > MAX_NAME_WORDS {
            continue;
        }
        for cut in 1..w.len() {
            for run in [&w[..cut], &w[cut..]] {
                let holders = runs.entry((&entities[k].label, run)).or_default();
                if holders.last() != Some(&k) {
                    holders.push(k);
                }
            }
        }
    }
    for &k in &order {
        if words[k].is_empty() {
            continue;
        }
        let Some(holders) = runs.get(&(&entities[k].label, words[k].as_slice())) else {
            continue;
        };
        // Holders are in text order: take the nearest one before, else the first after.
        let start = entities[k].span.start;
        let before = holders.partition_point(|&h| entities[h].span.start < start);
        let chosen = if before > 0 {
            holders[before - 1]
        } else {
            holders[0]
        };
        union(&mut parent, chosen, k);
    }

    // Number groups by first mention; the canonical form is the longest mention.
    let mut group_of_root: HashMap<usize, usize> = HashMap::new();
    let mut canonical: Vec<Span> = Vec::new();
    let mut group = vec![0; n];
    for &k in &order {
        let root = find(&mut parent, k);
        let g = *group_of_root.entry(root).or_insert_with(|| {
            canonical.push(entities[k].span);
            canonical.len() - 1
        });
        group[k] = g;
        if entities[k].span.len() > canonical[g].len() {
            canonical[g] = entities[k].span;
        }
    }
    (0..n)
        .map(|k| Alias {
            group: group[k],
            canonical: canonical[group[k]],
        })
        .collect()
}

fn find(parent: &mut [usize], mut k: usize) -> usize {
    while parent[k] != k {
        parent[k] = parent[parent[k]];
        k = parent[k];
    }
    k
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        // The earlier-indexed root stays: groups keep a stable representative.
        let (keep, join) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent[join] = keep;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entities for the given surface strings, at their first occurrence after the previous one.
    fn entities(text: &str, mentions: &[(&str, Label)]) -> Vec<Entity> {
        let mut from = 0;
        mentions
            .iter()
            .map(|(m, label)| {
                let start = from + text[from..].find(m).expect("mention in text");
                from = start + m.len();
                Entity {
                    span: Span::new(start, start + m.len()),
                    label: label.clone(),
                    score: 0.8,
                }
            })
            .collect()
    }

    #[test]
    fn acronym_definitions() {
        let text = "Officials of the World Health Organization (WHO) met. The EU (European Union) agreed; \
                    tumor necrosis factor (TNF) rose. He said (OK) and (BUT) nothing.";
        let found: Vec<(&str, &str)> = find_acronym_definitions(text)
            .iter()
            .map(|d| (d.long.of(text), d.short.of(text)))
            .collect();
        assert_eq!(
            found,
            [
                ("World Health Organization", "WHO"),
                ("European Union", "EU"),
                ("tumor necrosis factor", "TNF")
            ]
        );
    }

    #[test]
    fn non_ascii_long_forms() {
        let text = "Die Österreichische Volkspartei (ÖVP) gewann.";
        let found = find_acronym_definitions(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].long.of(text), "Österreichische Volkspartei");
        assert_eq!(found[0].short.of(text), "ÖVP");
    }

    #[test]
    fn acronym_mentions_are_completed_and_grouped() {
        let text = "The World Health Organization (WHO) warned. WHO officials met Merkel.";
        let tagged = entities(
            text,
            &[
                ("World Health Organization", Label::Org),
                ("Merkel", Label::Per),
            ],
        );
        let all = complete_acronyms(text, &tagged);
        let spans: Vec<(&str, Label)> = all
            .iter()
            .map(|e| (e.span.of(text), e.label.clone()))
            .collect();
        assert_eq!(
            spans,
            [
                ("World Health Organization", Label::Org),
                ("WHO", Label::Org),
                ("WHO", Label::Org),
                ("Merkel", Label::Per)
            ]
        );
        let aliases = group_aliases(text, &all);
        let groups: Vec<usize> = aliases.iter().map(|a| a.group).collect();
        assert_eq!(groups, [0, 0, 0, 1]);
        assert!(aliases[..3]
            .iter()
            .all(|a| a.canonical.of(text) == "World Health Organization"));
    }

    #[test]
    fn shortened_mentions_join_full_names() {
        let text =
            "Angela Merkel met Thomson Reuters staff. Merkel said Reuters and MERKEL agreed. \
                    Later Jane Smith and John Smith came; Smith spoke. Paris is not Paris Hilton.";
        let tagged = entities(
            text,
            &[
                ("Angela Merkel", Label::Per),
                ("Thomson Reuters", Label::Org),
                ("Merkel", Label::Per),
                ("Reuters", Label::Org),
                ("MERKEL", Label::Per),
                ("Jane Smith", Label::Per),
                ("John Smith", Label::Per),
                ("Smith", Label::Per),
                ("Paris", Label::Loc),
                ("Paris Hilton", Label::Per),
            ],
        );
        let aliases = group_aliases(text, &tagged);
        let groups: Vec<usize> = aliases.iter().map(|a| a.group).collect();
        assert_eq!(groups, [0, 1, 0, 1, 0, 2, 3, 3, 4, 5]);
        assert_eq!(aliases[2].canonical.of(text), "Angela Merkel");
        assert_eq!(aliases[3].canonical.of(text), "Thomson Reuters");
        assert_eq!(aliases[7].canonical.of(text), "John Smith");
    }

    #[test]
    fn empty_and_unordered_input() {
        assert!(group_aliases("text", &[]).is_empty());
        let text = "Merkel and Angela Merkel";
        let tagged = entities(
            text,
            &[("Merkel", Label::Per), ("Angela Merkel", Label::Per)],
        );
        let reversed = [tagged[1].clone(), tagged[0].clone()];
        let aliases = group_aliases(text, &reversed);
        assert_eq!(aliases[0].group, aliases[1].group);
        assert_eq!(aliases[0].group, 0, "numbered by first mention in the text");
        assert_eq!(aliases[1].canonical.of(text), "Angela Merkel");
    }
}
