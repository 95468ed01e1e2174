"""Hypothesis strategies for arbitrary, odd Unicode text, shared by the property tests.

Astral characters, combining marks, RTL text and marks, zero-width joiners, lone CRs,
NUL, every kind of whitespace, very long tokens and lines, mixed with real fragments
so the analyses have something to find. Lone surrogates are tested in test_bad_input.
"""

from __future__ import annotations

from hypothesis import strategies as st

# What every analysis trims around a span: Python's str.isspace() (Unicode White_Space
# plus the information separators U+001C..U+001F).
WHITE_SPACE = frozenset(chr(c) for c in range(0x110000) if chr(c).isspace())

any_char = st.characters(exclude_categories=["Cs"])
odd_chars = st.sampled_from(
    [
        "𝒳",
        "😀",
        "👩\u200d👩\u200d👧",
        "e\u0301",
        "\u0301",
        "\u200d",
        "\u200b",  # astral, combining, ZWJ
        "שלום",
        "مرحبا",
        "\u200f",
        "\u202e",  # RTL text and marks
        "\r",
        "\r\n",
        "\n",
        "\n\n",
        "\x00",
        "\t",
        "\u3000",
        "\u2028",
        "\u2029",
        "\x85",
        "\xa0",
        "\ufeff",
        "\x1c",
        "\x1f",
        ".",
        "!",
        "?",
        "…",
        "。",
        "！",
        "?!",
        "...",
        '."',
        ".)",
        "」",
        "\u201d",
        "a" * 300,
        "." * 50,
        "\n" * 40,
        "x" * 2000,  # a very long token
    ]
)


def texts(fragments: list[str], max_pieces: int = 40) -> st.SearchStrategy[str]:
    """Plain random text, or odd characters mixed with `fragments` and random bits."""
    return st.one_of(
        st.text(any_char, max_size=200),
        st.lists(
            st.one_of(odd_chars, st.sampled_from(fragments), st.text(any_char, max_size=8)),
            max_size=max_pieces,
        ).map("".join),
    )
