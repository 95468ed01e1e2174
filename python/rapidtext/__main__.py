"""Command line: ``python -m rapidtext analyze FILE`` (``-`` reads stdin; ``--help`` lists commands)."""

from rapidtext.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
