"""What a reader asked of a gazetteer, and whether a user gazetteer could have answered it otherwise.

An extraction cached under one user gazetteer is reused under another (:mod:`geo.extract.cache`)
only when neither could have changed any answer the extraction got. :func:`recording` collects,
while an article is read, every question put to :class:`gazetteer.Gazetteer` through its public
methods (the texts searched, the names and phrases looked up, the ids fetched, the boxes and points
asked about) into a :class:`Reach`; :func:`user_could_answer` then tells whether the user rows of a
:class:`gazetteer.store.PlaceStore` could have answered any of them, and answers nothing else.

The test is a superset of what the gazetteer does with a text. Every key it derives from a text
(a name the matcher finds, :func:`gazetteer.names.normalize_name` of a phrase or of part of one, a
short syllable joined to the next word) is a run of consecutive folded words of that text, with or
without its articles and generic words, or two consecutive words joined. So when no such run of any
text asked about is a key of the user rows, no user row was a candidate of any name; when, in
addition, no packaged row that such a run names gains names or a division's name from the user
rows, no candidate changed either. Ids, boxes and points are tested the same way; a part of a place
asked about (:meth:`gazetteer.Gazetteer.part_named`) counts as reached when any user row names a
parent. Questions answered from a memo are still recorded, since the memos sit below the public
methods.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import marisa_trie
import numpy as np

from gazetteer.names import fold_content_word, fold_word, split_words
from gazetteer.store import km_to_points

if TYPE_CHECKING:
    from gazetteer.store import PlaceStore

__all__ = ["Reach", "recording", "note_text", "note_id", "note_box", "note_point", "note_parts",
           "user_could_answer"]


@dataclass
class Reach:
    """The questions put to a gazetteer while one article was read.

    Parameters
    ----------
    texts : set of str
        Texts searched for names, and names, phrases and context words looked up.
    ids : set of str
        Place ids fetched, or returned by a reverse geocode.
    boxes : list of (west, south, east, north)
        Boxes whose largest places were asked for.
    points : list of (lat, lon, km)
        Points reverse-geocoded, with the distance of the answer.
    parts : bool
        Whether a place's parts (children) were asked for.
    """

    texts: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)
    points: list[tuple[float, float, float]] = field(default_factory=list)
    parts: bool = False

    def to_json(self) -> str:
        """Return the reach as JSON text (:meth:`from_json` reads it back): a file others may open holds no pickle."""
        return json.dumps({"texts": sorted(self.texts), "ids": sorted(self.ids), "boxes": self.boxes,
                           "points": self.points, "parts": self.parts}, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Reach:
        """Read :meth:`to_json`'s text.

        Raises
        ------
        ValueError
            The text is not such a reach (malformed JSON, a missing key, a value of another type).
        """
        data = json.loads(text)
        if not isinstance(data, dict):
            raise ValueError("a reach is a JSON object")
        texts, ids, boxes, points, parts = (data.get(k) for k in ("texts", "ids", "boxes", "points", "parts"))
        if not (isinstance(texts, list) and all(isinstance(t, str) for t in texts)
                and isinstance(ids, list) and all(isinstance(i, str) for i in ids) and isinstance(parts, bool)
                and isinstance(boxes, list) and all(_numbers(b, 4) for b in boxes)
                and isinstance(points, list) and all(_numbers(p, 3) for p in points)):
            raise ValueError("a reach's texts and ids are strings, its boxes four numbers, its points three")
        return cls(set(texts), set(ids), [tuple(b) for b in boxes], [tuple(p) for p in points], parts)

    def beyond(self, text: str) -> Reach:
        """Return this reach without the texts that are whole-word stretches of *text* (which is tested anyway).

        A stretch that cuts a word (or ends before a possessive) is kept: its words fold otherwise.
        """
        kept = {t for t in self.texts if not _stretch_of(t, text)}
        return Reach(kept, set(self.ids), list(self.boxes), list(self.points), self.parts)


_WORD_CHAR = re.compile(r"[\w'’‘`´ʿʾʻʼ\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")


def _numbers(values: object, count: int) -> bool:
    return (isinstance(values, list) and len(values) == count
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values))


def _stretch_of(part: str, text: str) -> bool:
    """Tell whether *part* occurs in *text* with no word character on either side of it."""
    if not part:
        return True
    at = text.find(part)
    while at >= 0:
        end = at + len(part)
        if ((at == 0 or not _WORD_CHAR.match(text, at - 1) or not _WORD_CHAR.match(part, 0))
                and (end == len(text) or not _WORD_CHAR.match(text, end) or not _WORD_CHAR.match(part, len(part) - 1))):
            return True
        at = text.find(part, at + 1)
    return False


_CURRENT: contextvars.ContextVar[Reach | None] = contextvars.ContextVar("gazetteer_reach", default=None)


@contextlib.contextmanager
def recording() -> Iterator[Reach]:
    """Collect the questions put to any gazetteer in this thread until the block ends.

    Blocks nest: an inner block collects its own questions, which the outer one does not see.
    """
    reach = Reach()
    token = _CURRENT.set(reach)
    try:
        yield reach
    finally:
        _CURRENT.reset(token)


def note_text(*texts: str) -> None:
    """Record texts searched or looked up (nothing when no :func:`recording` is open)."""
    reach = _CURRENT.get()
    if reach is not None:
        reach.texts.update(texts)


def note_id(place_id: str) -> None:
    """Record a place id fetched."""
    reach = _CURRENT.get()
    if reach is not None:
        reach.ids.add(place_id)


def note_box(west: float, south: float, east: float, north: float) -> None:
    """Record a box whose places were asked for."""
    reach = _CURRENT.get()
    if reach is not None:
        reach.boxes.append((west, south, east, north))


def note_point(lat: float, lon: float, km: float, place_id: str) -> None:
    """Record a point reverse-geocoded, the distance of its answer and the answer's id."""
    reach = _CURRENT.get()
    if reach is not None:
        reach.points.append((lat, lon, km))
        reach.ids.add(place_id)


def note_parts() -> None:
    """Record that the parts of a place were asked for."""
    reach = _CURRENT.get()
    if reach is not None:
        reach.parts = True


def _sequences(text: str) -> tuple[list[str], list[str]]:
    """Return the folded words of *text*: all of them, and the content words alone (as the matcher folds)."""
    words = split_words(text)[1::2]
    every = [key for key, _ in map(fold_word, words) if key]
    content = [key for key, _ in map(fold_content_word, words) if key]
    return every, content


def _begins(trie: marisa_trie.Trie, prefix: str) -> bool:
    return next(trie.iterkeys(prefix), None) is not None


def _run_keys(words: list[str], trie: marisa_trie.Trie) -> Iterator[str]:
    """Yield every run of consecutive *words* (joined by spaces), and every two joined, that is a key of *trie*."""
    for i, first in enumerate(words):
        if i + 1 < len(words) and first + words[i + 1] in trie:
            yield first + words[i + 1]
        probe, j = first, i
        while True:
            if probe in trie:
                yield probe
            j += 1
            if j == len(words) or not _begins(trie, probe + " "):
                break
            probe += " " + words[j]


def _keys_in(texts: Iterable[str], trie: marisa_trie.Trie) -> Iterator[str]:
    for text in texts:
        for words in _sequences(text):
            yield from _run_keys(words, trie)


def user_could_answer(reach: Reach, text: str, store: PlaceStore) -> bool:
    """Tell whether the user gazetteer of *store* could change an answer to a question of *reach*.

    Parameters
    ----------
    reach : Reach
        The questions (:func:`recording`).
    text : str
        A text tested as if it were one of ``reach.texts`` (the article, whose stretches
        :meth:`Reach.beyond` leaves out).
    store : PlaceStore
        The store, with or without user rows.

    Returns
    -------
    bool
        False when every answer is the one the packaged rows alone give.
    """
    user = store.user_tables
    if user is None:
        return False
    if reach.parts and user.parent_rows():
        return True
    texts = [text, *reach.texts]
    keys = user.keys
    if any(i in user.ids for i in reach.ids) or next(_keys_in(texts, keys), None) is not None:
        return True
    for lat, lon, km in reach.points:
        if len(user) and float(km_to_points(lat, lon, user.columns["lat"], user.columns["lon"]).min()) <= km + 1e-6:
            return True
    changed = store.user_changes()
    if changed:
        rows = [row for row in map(store.row_of, reach.ids) if row is not None]
        rows += [row for key in set(_keys_in(texts, store.packaged_keys)) for row in store.packaged_rows(key)]
        if changed.touches(np.asarray(rows, dtype=np.int64)):
            return True
        for west, south, east, north in reach.boxes:
            inside = np.flatnonzero((store.lat >= south) & (store.lat <= north) & (store.lon >= west)
                                    & (store.lon <= east))
            if changed.touches(inside):
                return True
    return False

