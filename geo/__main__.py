"""``python -m geo``."""

from geo.cli import run

run()
