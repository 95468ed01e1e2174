"""Sentences stay out of Python's cycle collector (speed on large texts and batches)."""

import gc
import tracemalloc

from rapidtext import Sentence, SentenceSplitter


def test_sentences_are_not_tracked_by_the_cycle_collector():
    splitter = SentenceSplitter()
    single = splitter.split("One here. Two there.")
    batch = splitter.split_batch(["Three. Four.", "Five."], n_threads=2)
    for s in single + [s for doc in batch for s in doc]:
        assert isinstance(s, Sentence)
        assert not gc.is_tracked(s)


def test_untracked_sentences_are_still_freed():
    # Out of the collector, a Sentence is freed by reference counting alone: memory
    # must not grow across batches whose results are dropped.
    splitter = SentenceSplitter()
    batch = ["A b. C d. E f."] * 2000
    tracemalloc.start()
    try:
        splitter.split_batch(batch, n_threads=2)
        before = tracemalloc.get_traced_memory()[0]
        for _ in range(20):
            splitter.split_batch(batch, n_threads=2)
        grown = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert grown < 100_000, f"{grown} bytes kept after 120,000 sentences were dropped"


def test_a_sentence_keeps_the_text_it_was_found_in():
    # It slices its text from the source on demand (as re.Match does), so the source
    # must outlive every reference the caller dropped.
    # A str built at run time, so that no code constant keeps it alive.
    text = "".join(chr(ord(c)) for c in "Zoë went home. It rained.")
    sentences = SentenceSplitter().split(text)
    del text
    gc.collect()
    assert [s.text for s in sentences] == ["Zoë went home.", "It rained."]
