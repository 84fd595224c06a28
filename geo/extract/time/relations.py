"""The words that relate an event to its time (``since``, ``by``, ``before``, ``after``) and what each means.

A table without patterns, so that the timeline (which reads an event's relation word) does not
compile the time patterns of :mod:`geo.extract.time.words`.
"""

from __future__ import annotations

__all__ = ["RELATION"]

#: A relation word as written -> its meaning: ``since`` (from then on), ``by`` (at the latest then),
#: ``before`` or ``after``.
RELATION = {"since": "since", "from": "since", "by": "by", "until": "by", "till": "by",
            "up to": "by", "before": "before", "after": "after"}
