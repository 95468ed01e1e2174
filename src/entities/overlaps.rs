//! Choosing among overlapping entity candidates: the longest span wins, and
//! layers of results (user rules over the model) are merged by precedence.

use super::Entity;
use crate::text::Span;
use std::collections::BTreeMap;

/// Keeps a non-overlapping subset of `candidates`, sorted by start.
///
/// Longer spans (in bytes) are taken first; among spans of equal length the
/// lower `rank` wins, then the earlier start. A candidate is kept when it
/// overlaps nothing kept before it. O(m log m) for m candidates.
pub fn keep_longest<T>(
    mut candidates: Vec<T>,
    span: impl Fn(&T) -> Span,
    rank: impl Fn(&T) -> u32,
) -> Vec<T> {
    candidates.sort_by(|a, b| {
        let (sa, sb) = (span(a), span(b));
        sb.len()
            .cmp(&sa.len())
            .then(rank(a).cmp(&rank(b)))
            .then(sa.start.cmp(&sb.start))
    });
    // Kept spans by start; they never overlap, so only the nearest one before a
    // candidate's end can collide with it.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut kept = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let s = span(&candidate);
        if s.is_empty() {
            continue;
        }
        let collides = taken
            .range(..s.end)
            .next_back()
            .is_some_and(|(_, &end)| end > s.start);
        if !collides {
            taken.insert(s.start, s.end);
            kept.push(candidate);
        }
    }
    kept.sort_by_key(|c| span(c).start);
    kept
}

/// Merges two sorted, internally non-overlapping entity lists: every entity of
/// `preferred` is kept, and an entity of `others` only where it overlaps none of
/// them (this is how user rules win over the model). Returns the union sorted by
/// start. O(n + m).
pub fn overlay(preferred: &[Entity], others: &[Entity]) -> Vec<Entity> {
    let mut out = Vec::with_capacity(preferred.len() + others.len());
    let mut p = 0;
    for other in others {
        while p < preferred.len() && preferred[p].span.end <= other.span.start {
            out.push(preferred[p].clone());
            p += 1;
        }
        let blocked = preferred[p..]
            .first()
            .is_some_and(|next| next.span.start < other.span.end);
        if !blocked {
            out.push(other.clone());
        }
    }
    out.extend(preferred[p..].iter().cloned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Label;

    fn entity(start: usize, end: usize, label: Label) -> Entity {
        Entity {
            span: Span::new(start, end),
            label,
            score: 1.0,
        }
    }

    #[test]
    fn longest_then_rank_wins() {
        let kept = keep_longest(
            vec![(0, 3, 2), (0, 12, 5), (5, 8, 1), (20, 24, 3), (20, 24, 1)],
            |&(s, e, _)| Span::new(s, e),
            |&(_, _, r)| r,
        );
        assert_eq!(kept, vec![(0, 12, 5), (20, 24, 1)]);
    }

    #[test]
    fn overlapping_later_longer_span_beats_earlier_short_one() {
        let kept = keep_longest(
            vec![(0, 5, 0), (3, 12, 0), (12, 14, 0)],
            |&(s, e, _)| Span::new(s, e),
            |&(_, _, r)| r,
        );
        assert_eq!(kept, vec![(3, 12, 0), (12, 14, 0)]);
    }

    #[test]
    fn overlay_keeps_preferred_and_gaps() {
        let preferred = [entity(5, 10, Label::Date), entity(30, 35, Label::Org)];
        let others = [
            entity(0, 4, Label::Per),
            entity(8, 12, Label::Loc),
            entity(12, 20, Label::Loc),
            entity(34, 40, Label::Per),
            entity(41, 45, Label::Misc),
        ];
        let merged: Vec<(usize, Label)> = overlay(&preferred, &others)
            .into_iter()
            .map(|e| (e.span.start, e.label))
            .collect();
        assert_eq!(
            merged,
            vec![
                (0, Label::Per),
                (5, Label::Date),
                (12, Label::Loc),
                (30, Label::Org),
                (41, Label::Misc)
            ]
        );
    }
}
