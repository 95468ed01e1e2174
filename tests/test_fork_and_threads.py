"""Batch calls under fork, many Python threads and Ctrl-C, for every analysis.

A child forked after a multi-threaded batch must not hang on the parent's pool, one
splitter, tagger, extractor or scorer shared by threads must give the sequential
answers, and a long batch must stop with KeyboardInterrupt instead of running to its end.
"""

from __future__ import annotations

import _thread
import multiprocessing
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from rapidtext import EntityTagger, KeywordExtractor, Pipeline, SentenceSplitter, TfidfScorer

DOCS = [
    f"Dr. Smith wrote report {i}. It was late! Was it 3.5 p.m.? Zoë said “yes.”\nNext line {i}."
    f" Angela Merkel met IBM staff in Paris on 3 May 2021; solar panels cost $4.5 million."
    for i in range(300)
]
SPLITTER = SentenceSplitter("en")
TAGGER = EntityTagger()
EXTRACTOR = KeywordExtractor()
SCORER = TfidfScorer().fit(DOCS[:50])
PIPELINE = Pipeline()

# Each analysis as (one text -> result, (texts, n_threads, progress) -> results).
ANALYSES = {
    "sentences": (SPLITTER.split, SPLITTER.split_batch),
    "entities": (TAGGER.tag, TAGGER.tag_batch),
    "keywords": (EXTRACTOR.extract, EXTRACTOR.extract_batch),
    "pipeline": (PIPELINE.analyze, PIPELINE.analyze_batch),
    "tfidf": (
        lambda text: SCORER.score(["solar panels", "Paris"], [text])[0],
        lambda texts, n_threads=None: SCORER.score(["solar panels", "Paris"], texts, n_threads),
    ),
}
BATCHED = [
    "sentences",
    "entities",
    "keywords",
    "pipeline",
]  # the ones with progress= and Ctrl-C checks
# Seconds before a hung child or an ignored Ctrl-C counts as a failure: far above the
# real durations (well under a second), so a slow machine does not fail the test.
GENEROUS = 60


def _child_runs_batch(name, n_threads, expected):
    got = ANALYSES[name][1](DOCS, n_threads=n_threads)
    if got != expected:
        raise SystemExit(1)


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="platform has no fork()"
)
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # 3.12+: fork() with threads
@pytest.mark.parametrize("name", BATCHED)
@pytest.mark.parametrize("n_threads", [2, 3, None])
def test_forked_child_runs_a_batch_after_the_parent_did(name, n_threads):
    expected = ANALYSES[name][1](DOCS, n_threads=n_threads)  # the parent's pool exists now
    child = multiprocessing.get_context("fork").Process(
        target=_child_runs_batch, args=(name, n_threads, expected)
    )
    child.start()
    child.join(GENEROUS)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail(f"forked child hung in the {name} batch (n_threads={n_threads})")
    assert child.exitcode == 0


@pytest.mark.parametrize("name", list(ANALYSES))
def test_eight_threads_share_one_analyser(name):
    single, batch = ANALYSES[name]
    expected_single = [single(d) for d in DOCS]
    expected_batch = batch(DOCS, n_threads=1)
    start = threading.Barrier(8)

    def work(k):
        start.wait()
        if k % 2:
            return batch(DOCS, n_threads=2)
        return [single(d) for d in DOCS]

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(8)))
    for k, got in enumerate(results):
        assert got == (expected_batch if k % 2 else expected_single)
    assert expected_batch == expected_single


@pytest.mark.parametrize("name", BATCHED)
@pytest.mark.parametrize("n_threads", [1, 2])
def test_ctrl_c_interrupts_a_long_batch(name, n_threads):
    # Tens of seconds of work if it ran to the end (GBs of text, one short result per
    # document so even an ignored interrupt cannot exhaust memory).
    batch = [" " * 20_000 + "Paris Solar End."] * 400_000
    # Ctrl-C arrives while the batch runs: raised from the first progress report (on the
    # calling thread, between chunks), so the test does not race a timer against the
    # splitter's speed.
    fired = []

    def press_ctrl_c(done, total):
        if not fired:
            fired.append(done)
            _thread.interrupt_main()

    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        ANALYSES[name][1](batch, n_threads=n_threads, progress=press_ctrl_c)
    assert fired and fired[0] < len(batch)
    assert time.monotonic() - started < GENEROUS
