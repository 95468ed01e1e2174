"""HTML rendering escapes the text and shows every entity and keyword."""

from dataclasses import dataclass

from rapidtext.display import label_colour, render_html


@dataclass
class Span:
    start: int
    end: int
    label: str


@dataclass
class Scored:
    text: str
    score: float


def test_text_is_escaped_everywhere():
    text = "<script>alert(1)</script> & Bob <b>"
    html = render_html(text, [Span(27, 30, "<PER>")], [Scored("<img src=x>", 0.5)])
    assert "<script>" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;img src=x&gt;" in html and "&lt;PER&gt;" in html


def test_entities_are_marked_with_their_label_colour_and_legend():
    text = "Angela Merkel visited Paris."
    html = render_html(text, [Span(0, 13, "PER"), Span(22, 27, "LOC")])
    assert html.count("<mark") == 2
    assert label_colour("PER") in html and label_colour("LOC") in html
    assert ">Angela Merkel<" in html and ">Paris<" in html


def test_overlapping_entities_render_once_and_text_is_kept():
    text = "New York City"
    html = render_html(text, [Span(0, 13, "LOC"), Span(0, 8, "LOC")])
    assert html.count("<mark") == 1
    assert "New York City" in html


def test_keywords_listed_with_scores():
    html = render_html("x", keywords=[Scored("central bank", 0.912), Scored("rates", 0.5)])
    assert "central bank" in html and "0.912" in html and "0.500" in html


def test_custom_labels_get_a_stable_colour():
    assert label_colour("DRUG") == label_colour("DRUG")
    assert label_colour("DRUG").startswith("#")
