"""The tqdm bar behind ``progress=True`` on batch calls (tqdm is optional)."""

from __future__ import annotations

from collections.abc import Callable


def progress_bar(total: int) -> Callable[[int, int], None]:
    """A callback ``(done, total)`` that advances a tqdm bar and closes it at the end."""
    try:
        from tqdm.auto import tqdm
    except ImportError as e:
        raise ImportError(
            "progress=True needs tqdm: pip install 'rapidtext[progress]' (or pass a callable)"
        ) from e
    bar = tqdm(total=total, unit="doc", desc="rapidtext")

    def advance(done: int, total: int) -> None:
        bar.update(done - bar.n)
        if done >= total:
            bar.close()

    return advance
