"""Batch calls under fork, many Python threads and Ctrl-C.

A child forked after a multi-threaded batch must not hang on the parent's pool, one
SentenceSplitter shared by threads must give the sequential answers, and a long
split_batch must stop with KeyboardInterrupt instead of running to its end.
"""

from __future__ import annotations

import _thread
import multiprocessing
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from rapidtext import SentenceSplitter

DOCS = [
    f"Dr. Smith wrote report {i}. It was late! Was it 3.5 p.m.? Zoë said “yes.”\nNext line {i}."
    for i in range(300)
]
SPLITTER = SentenceSplitter("en")
# Seconds before a hung child or an ignored Ctrl-C counts as a failure: far above the
# real durations (well under a second), so a slow machine does not fail the test.
GENEROUS = 60


def _child_splits(n_threads, expected):
    got = SPLITTER.split_batch(DOCS, n_threads=n_threads)
    if got != expected:
        raise SystemExit(1)


@pytest.mark.skipif(
    "fork" not in multiprocessing.get_all_start_methods(), reason="platform has no fork()"
)
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # 3.12+: fork() with threads
@pytest.mark.parametrize("n_threads", [2, 3, None])
def test_forked_child_runs_a_batch_after_the_parent_did(n_threads):
    expected = SPLITTER.split_batch(DOCS, n_threads=n_threads)  # the parent's pool exists now
    child = multiprocessing.get_context("fork").Process(
        target=_child_splits, args=(n_threads, expected)
    )
    child.start()
    child.join(GENEROUS)
    if child.is_alive():
        child.kill()
        child.join()
        pytest.fail(f"forked child hung in split_batch(n_threads={n_threads})")
    assert child.exitcode == 0


def test_eight_threads_share_one_splitter():
    expected_single = [SPLITTER.split(d) for d in DOCS]
    expected_batch = SPLITTER.split_batch(DOCS, n_threads=1)
    start = threading.Barrier(8)

    def work(k):
        start.wait()
        if k % 2:
            return SPLITTER.split_batch(DOCS, n_threads=2)
        return [SPLITTER.split(d) for d in DOCS]

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(work, range(8)))
    for k, got in enumerate(results):
        assert got == (expected_batch if k % 2 else expected_single)
    assert expected_batch == expected_single


@pytest.mark.parametrize("n_threads", [1, 2])
def test_ctrl_c_interrupts_a_long_batch(n_threads):
    # Tens of seconds of work if it ran to the end (GBs of text, one short sentence per
    # document so even an ignored interrupt cannot exhaust memory).
    batch = [" " * 20_000 + "End."] * 400_000
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
        SPLITTER.split_batch(batch, n_threads=n_threads, progress=press_ctrl_c)
    assert fired and fired[0] < len(batch)
    assert time.monotonic() - started < GENEROUS
