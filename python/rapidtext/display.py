"""HTML rendering of an analysed text for notebooks: entities highlighted by
label with a colour legend, and the top keywords with their scores.

Everything that comes from the text is escaped, so a document that contains
``<script>`` renders as text. No spaCy or other dependency is needed.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Protocol


class _Span(Protocol):
    start: int
    end: int
    label: str


class _Scored(Protocol):
    text: str
    score: float


# Colour-blind-friendly pastel palette (Okabe-Ito hues, lightened) keyed by label.
_COLOURS = {
    "PER": "#f5c6a5",
    "ORG": "#a7d3f0",
    "LOC": "#b8e3c4",
    "MISC": "#e3d0f2",
    "DATE": "#f7e3a1",
    "TIME": "#f2d7a6",
    "MONEY": "#c9e8a8",
    "PERCENT": "#d9ecb0",
    "QUANTITY": "#d6d6f5",
    "CARDINAL": "#e0e0e0",
    "ORDINAL": "#e8e0d0",
    "EMAIL": "#f4c2d7",
    "URL": "#c2ecec",
}
_OTHER = ("#f0c9c9", "#cfe8e0", "#e5dcc3", "#d3d9f0", "#efd5ea")


def label_colour(label: str) -> str:
    """The background colour used for ``label`` (stable for custom labels too)."""
    if label in _COLOURS:
        return _COLOURS[label]
    return _OTHER[sum(label.encode("utf-8")) % len(_OTHER)]


def _marked_text(text: str, entities: Iterable[_Span]) -> str:
    parts = []
    at = 0
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        if e.start < at:  # overlapping spans are shown once, the first wins
            continue
        parts.append(escape(text[at : e.start]))
        colour = label_colour(e.label)
        parts.append(
            f'<mark style="background:{colour};padding:0 .25em;border-radius:.25em">'
            f"{escape(text[e.start : e.end])}"
            f'<span style="font-size:.7em;font-weight:bold;margin-left:.3em">'
            f"{escape(e.label)}</span></mark>"
        )
        at = e.end
    parts.append(escape(text[at:]))
    return "".join(parts).replace("\n", "<br>")


def _legend(labels: Sequence[str]) -> str:
    items = "".join(
        f'<span style="background:{label_colour(lab)};padding:0 .4em;margin-right:.4em;'
        f'border-radius:.25em">{escape(lab)}</span>'
        for lab in labels
    )
    return f'<div style="margin-bottom:.5em;font-size:.85em">{items}</div>'


def _keyword_table(keywords: Sequence[_Scored]) -> str:
    rows = "".join(
        f"<tr><td style='text-align:left'>{escape(k.text)}</td>"
        f"<td style='text-align:right'>{k.score:.3f}</td></tr>"
        for k in keywords
    )
    return (
        "<table style='margin-top:.5em'><thead><tr><th style='text-align:left'>keyword</th>"
        f"<th style='text-align:right'>score</th></tr></thead><tbody>{rows}</tbody></table>"
    )


def render_html(
    text: str,
    entities: Sequence[_Span] = (),
    keywords: Sequence[_Scored] = (),
) -> str:
    """An HTML fragment showing ``text`` with ``entities`` highlighted and ``keywords`` listed."""
    labels = sorted({e.label for e in entities})
    body = [
        '<div class="rapidtext" style="line-height:1.9;font-family:sans-serif">',
        _legend(labels) if labels else "",
        f"<div>{_marked_text(text, entities)}</div>",
        _keyword_table(keywords) if keywords else "",
        "</div>",
    ]
    return "".join(body)


__all__ = ["label_colour", "render_html"]
