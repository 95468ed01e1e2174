"""Command line: ``python -m rapidtext sentences FILE`` (``-`` reads stdin)."""

from rapidtext.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
