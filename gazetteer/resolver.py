"""The gazetteer's typed API: look up names, find and resolve them in text, reverse geocode."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Final

import numpy as np

from gazetteer.cache import cached
from gazetteer.context import (
    LOCATING_GAP,
    NEAR_GAP,
    SAME_PLACE_GAP,
    WORLD_CITY_POPULATION,
    Doc,
    Entry,
    Ranking,
    build_entry,
    code_of,
    list_gap,
    make_entry,
    prefer_division,
    prefer_home,
    prefer_main_name,
    prefer_named_country,
    prefer_near,
    prefer_near_namesake,
    prefer_neighbours,
    resolve_document,
)
from gazetteer.errors import PlaceNotFoundError
from gazetteer.match import NameMatcher
from gazetteer.model import PLACE_KINDS, Place, km_between
from gazetteer.names import compact_key, fold_token, normalize_name
from gazetteer.rank import (
    CUE_AFTER_CHARS,
    Candidate,
    cue_at,
    cue_in_context,
    light_form,
    likeness,
    rank,
    spelling_similarity,
)
from gazetteer.reach import note_box, note_id, note_parts, note_point, note_text
from gazetteer.store import PlaceStore, load_store

__all__ = ["Gazetteer", "Mention", "default_gazetteer", "given_names"]

#: A loose spelling (not one of the place's names) is kept only at this similarity or above.
LOOSE_MATCH_MIN = 0.8
#: A place this populous may be named with a word that is also common English ("Nice").
NOTABLE_POPULATION = 50_000
#: A one-word name starting a sentence, outside the document's focus, is kept only for a place
#: this populous ("Moscow said ..."); "Nice weather ..." is an adjective, not the French city.
SENTENCE_START_POPULATION = 1_000_000
#: A phrase of common English words ("White House") names a place that bears it only as an alternate name when it
#: looks at least this much like the place's own name ("Saint Louis", St. Louis): else it is a translation or a
#: nickname of it (Casablanca, "Dar el Beida"), not what an English text means by the words.
TRANSLATION_LIKENESS = 0.5
#: How many (name, spelling, cue, focus) rankings a gazetteer remembers before starting afresh.
_RANK_CACHE_SIZE = 200_000
#: How many documents' resolutions a gazetteer remembers (by their names, cues and order) before starting afresh.
_DOCUMENT_CACHE_SIZE = 4096
#: Texts whose matches' surrounding words :meth:`Gazetteer.find` keeps (an article and its sentences read again).
_AROUND_CACHE_SIZE = 32
#: A name inside a phrase that also names its owner ("Aleppo's Sheikh Maqsoud district", "the Old City of Mosul")
#: is taken only when it lies this close to the owner (km); farther, it is a namesake, and the owner is the answer
#: (unless the whole phrase is a name).
PART_REACH_KM = 50.0
#: Nouns that any part of a place may bear in its name, which so tell no part from another.
_AREA_NOUNS = frozenset({"district", "districts", "quarter", "quarters", "neighbourhood", "neighborhood", "area",
                         "areas", "suburb", "suburbs", "zone", "sector", "town", "city", "village", "region",
                         "province", "municipality", "township", "ward"})
#: Nouns that name the middle of a place rather than a part of it ("the centre of Homs").
_CENTRE_WORDS = frozenset({"centre", "center", "heart", "middle", "downtown"})
_POSSESSIVE = re.compile(r"^(?:the\s+)?(?P<owner>.+?)['’]s?\s+(?P<rest>.+)$", re.I)
_OF_PHRASE = re.compile(r"^(?:the\s+)?(?P<rest>[\w\s-]+?)\s+of\s+(?:the\s+)?(?P<owner>.+)$", re.I)
#: A place this populous may be named with a common English word inside a sentence ("Reading", "Mobile").
COMMON_WORD_POPULATION = 100_000
#: A place in the document's focus this populous may be named with common words ("Mount Pleasant", "Rock Hill").
FOCUS_PHRASE_POPULATION = 5_000
#: A country's share of a document's places from which it counts as the document's focus.
FOCUS_SHARE = 0.2
_MISSING: Final = object()
#: A name resolved in a document: its best candidates, its form, whether a full stop after it is its own ("U.S."),
#: and whether it is a namesake abroad.
_Resolved = tuple[tuple[Candidate, ...], str, bool, bool]
#: A town named with a common word ("Sake") counts in a report of a war in its country when the report names
#: another town within this distance of it (km): "M23 seized Sake ... towards Goma", not a namesake across Russia.
WAR_NEIGHBOUR_KM = 300.0
#: Kinds of a settlement.
_SETTLEMENT_KINDS = frozenset({"city", "town", "village"})
#: Kinds that are areas, not points: never a "namesake abroad".
_AREA_KINDS = frozenset({"continent", "region", "country", "admin1", "admin2"})
#: Kinds whose names are names of their own, not words that a division may be named with ("Central", "The City").
_NAMED_AREA_KINDS = frozenset({"continent", "region", "country"})
#: Verdicts of :meth:`Gazetteer._plausible_words`.
_PLACE, _NOT_PLACE, _GIVEN_NAME_BEFORE = 1, 2, 3
#: A possessive inside a match: "Mosul's airport" matches the airport's name; its owner is the town before it.
_INNER_POSSESSIVE = re.compile(r"['’]s\s")
#: Words before a name that make it a person's ("President Jackson", "Mr. Lincoln").
_TITLES = frozenset(fold_token(w) for w in (
    "Mr", "Mrs", "Ms", "Miss", "Dr", "Sen", "Senator", "Rep", "Gov", "Governor", "President", "Judge", "Justice",
    "Coach", "Pastor", "Rev", "Reverend", "Sgt", "Sergeant", "Capt", "Captain", "Gen", "General", "Lt", "Col",
    "Colonel", "Officer", "Minister", "Secretary", "Prince", "Princess", "Pope", "Deputy", "Detective", "Chief",
    "Professor", "Prof", "Mayor", "Lord", "Lady", "Sir", "Dame", "Sheikh", "Emir", "Ayatollah", "Marshal"))
#: Words before a name that make it a place again, even when the name was a person's elsewhere in the text.
_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "to", "near", "of", "into", "outside", "across", "toward",
                                 "towards", "through", "around"})
#: Words before a capitalised word that belong to the sentence, not to a name ("The Gulf", "In Gulf states").
_FUNCTION_WORDS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
                             "and", "or", "but", "on", "by", "for", "with", "over", "under", "as", "if", "when",
                             "while", "after", "before", "since", "all", "both", "every"}) | _PLACE_PREPOSITIONS
#: Words after a name that make it an outlet's, a team's or an organisation's ("Kansas City Star").
_ORGANISATION_WORDS = frozenset(fold_token(w) for w in (
    "Times", "Post", "Herald", "Tribune", "Journal", "News", "Gazette", "Daily", "Chronicle", "Observer",
    "Telegraph", "Press", "Star", "Sun", "Mirror", "Independent", "Guardian", "Register", "Courier", "Bee",
    "Review", "Monitor", "Examiner", "Dispatch", "Inquirer", "Enquirer", "Record",
    "Sentinel", "Ledger", "Bulletin", "Broadcasting", "Radio", "Television", "TV", "Network", "Agency",
    "University", "College", "Institute", "Foundation", "Association", "Federation", "League", "Club", "FC",
    "United", "Rangers", "Stock", "Exchange", "Bank", "Company", "Corp", "Corporation", "Inc", "Ltd", "Group",
    "Party", "Airlines", "Airways", "Symphony", "Orchestra", "Cup", "Open",
    "Marathon", "Grand", "Prix", "Lions", "Tigers", "Bears", "Eagles", "Giants", "Cowboys", "Chiefs", "Bulls",
    "Braves", "Hawks", "Falcons", "Jets", "Kings", "Warriors", "Nationals", "Royals", "Pirates", "Reds",
    "Cardinals", "Blues", "Athletic", "Wanderers", "Rovers", "Medical", "Health", "Energy", "Electric",
    "Motors", "Partners", "Holdings", "Magazine", "Review", "Express", "Standard", "Accord",
    "Convention", "Protocol", "Agreement", "Treaty", "Declaration", "Conference", "Summit", "Process"))
#: Words after a name that are part of a place, not of a person or an organisation.
_PLACE_WORD_NAMES = (
    "City", "County", "State", "Province", "Region", "District", "Governorate", "Oblast", "Valley", "River",
    "Island", "Islands", "Mountains", "Mountain", "Hills", "Lake", "Bay", "Gulf", "Sea", "Coast", "Strait",
    "Peninsula", "Desert", "Plain", "Plains", "Basin", "Delta", "Airport", "Base", "Airbase", "Port", "Harbor",
    "Harbour", "Township", "Parish", "Borough", "Municipality", "Raion", "Prefecture", "Canton", "Territory",
    "Territories", "Republic", "Kingdom", "Emirate", "Metro", "Area", "Square", "Street", "Road", "Bridge",
    "Dam", "Canal", "Crossing", "Border", "Camp", "Village", "Town", "Countryside", "Suburbs", "Outskirts",
    "Heights", "Strip", "Bank", "Front", "Line", "Corridor")
_PLACE_WORDS = frozenset(fold_token(w) for w in _PLACE_WORD_NAMES)
#: The same words as written, in lower case (folded keys are lossy: "Erie" and "Area" fold alike).
_PLACE_WORD_FORMS = frozenset(w.lower() for w in _PLACE_WORD_NAMES)
#: ... and as a text writes them ("Island", "ISLAND", "island"): a set lookup screens every match cheaply.
_PLACE_WORDS_AS_WRITTEN = frozenset(f(w) for w in _PLACE_WORD_NAMES for f in (str.lower, str.upper, str.title))


@dataclass(frozen=True, slots=True)
class Mention:
    """A place name found in text, with its ranked candidates.

    ``place`` is the best candidate, or None when the name was rejected by the rules for
    names that are also common words.
    """

    start: int
    end: int
    text: str
    candidates: tuple[Candidate, ...]
    cue: str | None
    #: How the text names the place: "name", "demonym" ("Syrian") or "abbreviation" ("U.S.").
    form: str = "name"
    #: True when the place lies outside the document's countries (its focus, the theatre's countries) and no
    #: place of them bears the name: a namesake abroad, taken because it is notable; a caller should say so.
    abroad: bool = False

    @property
    def place(self) -> Place | None:
        """The best candidate's record."""
        return self.candidates[0].place if self.candidates else None


class Gazetteer:
    """Place records with name lookup, text matching, ranking and reverse geocoding.

    Parameters
    ----------
    store : PlaceStore
        The records (see :func:`gazetteer.store.load_store`).
    """

    def __init__(self, store: PlaceStore) -> None:
        self.store = store
        self._entry_cache: dict[tuple[str, str], Entry | None] = {}
        self._phrase_cache: dict[tuple[str, tuple[str, ...], bool], Place | None] = {}
        self._document_cache: dict[tuple[tuple[tuple[str, str, str | None, bool, bool, bool], ...], tuple[int, ...],
                                         tuple[int, ...], tuple[int, ...], tuple[tuple[int, bool], ...],
                                         tuple[str, ...]],
                                   list[_Resolved | None]] = {}
        self._plausible_cache: dict[tuple[str, str, str, str], int] = {}
        self._keep_cache: dict[tuple[str, str, str, bool, bool, bool, str, bool, bool], bool] = {}
        # A text -> per match (start, end): the words before and after it, its cue and whether an actor's word follows
        # (a caller finds the names of one article more than once, with other exclusions or focus).
        self._around_cache: dict[str, dict[tuple[int, int], tuple[str, str, bool, str | None, bool]]] = {}

    def __len__(self) -> int:
        return len(self.store)

    def preload(self) -> Gazetteer:
        """Load the name matcher now, rather than on first use.

        Call it before forking worker processes: they then share it and start at once.
        Returns the gazetteer itself.
        """
        _ = self._matcher
        return self

    @functools.cached_property
    def _matcher(self) -> NameMatcher:
        """The matcher over every key of the store.

        The packaged keys' trie is mapped from the cache under the packaged data's fingerprint, and
        the user gazetteer's keys are its cached :class:`~gazetteer.store.UserTables` trie, consulted
        beside it: a changed user gazetteer never rebuilds the large trie. A store changed by
        :meth:`~gazetteer.store.PlaceStore.add` (no fingerprint) gets a matcher built in memory.
        """
        store = self.store
        if store.fingerprint is None or store.base_fingerprint is None:
            return store_matcher(store, store.name_keys())
        base = cached("names", store.base_fingerprint, lambda: store_matcher(store, store.base_name_keys()),
                      NameMatcher.save, NameMatcher.load)
        user = store.user_keys
        return base if user is None else base.with_user(user)

    @functools.cached_property
    def _common_words(self) -> frozenset[str]:
        text = (resources.files("gazetteer") / "data" / "common_words.txt").read_text(encoding="utf-8")
        return frozenset(w for w in text.split() if not w.startswith("#"))

    @functools.cached_property
    def _given_names(self) -> frozenset[str]:
        return given_names()

    @functools.cached_property
    def _theatre_given_names(self) -> frozenset[str]:
        """The given names of the theatres' languages that are no common English word ("Oleksandr", not "Will")."""
        return _word_list("given_names_theatres.txt") - self._common_words

    @functools.cached_property
    def _surnames(self) -> frozenset[str]:
        return _word_list("surnames.txt")

    @functools.cached_property
    def _area_given_names(self) -> frozenset[str]:
        """The given names that also name a continent, region, country or first-level division ("Georgia")."""
        store = self.store
        large = np.flatnonzero(np.isin(store.kinds[: store.n_world],
                                       [PLACE_KINDS.index(k) for k in ("continent", "region", "country", "admin1")]))
        names = store._names
        return frozenset({names[int(r)].lower() for r in large.tolist()} & self._given_names)

    @functools.cached_property
    def _children(self) -> dict[str, list[Place]]:
        children: dict[str, list[Place]] = {}
        for row in self.store.rows_with_parent():
            place = self.store.place(row)
            children.setdefault(place.parent or "", []).append(place)
        return children

    def get(self, place_id: str) -> Place:
        """Return the record with this id; :class:`PlaceNotFoundError` if there is none."""
        note_id(place_id)
        row = self.store.row_of(place_id)
        if row is None:
            raise PlaceNotFoundError(f"no place with id {place_id!r}; "
                                     "ids look like geonames:170063 or local:aleppo-citadel")
        return self.store.place(row)

    def candidates(self, name: str) -> list[Place]:
        """Every record one of whose names folds to the same key as *name*."""
        note_text(name)
        return [self.store.place(r) for r in self.store.rows_for_key(normalize_name(name))]

    def lookup(self, name: str, *, before: str = "", after: str = "", focus: Sequence[str] = (),
               limit: int = 10) -> list[Candidate]:
        """Ranked candidates for a name, using the words around it and the document's focus.

        Parameters
        ----------
        name : str
            The name as written ("Deraa", "Khan Sheikhoun", "درعا").
        before, after : str
            Text just before and after the name in its sentence, for cue words.
        focus : sequence of str
            ISO country codes the document is about (a Syrian place wins in a Syrian text).
        limit : int
            At most this many candidates.
        """
        note_text(name, before, after)
        wants = cue_in_context(before, after).wants
        key = normalize_name(name)
        entry = self._entry(key, name.strip())
        joined = compact_key(key) if entry is None else None
        if joined:  # a short syllable written apart from the rest ("Nam Hkam" is Namhkam), as find() reads it
            entry = self._entry(joined, name.strip())
        if entry is None:
            phrase = self.resolve_phrase(name)
            return [Candidate(phrase, 0.0)] if phrase else []
        return self._ranked(entry, before, name, after, wants, focus, limit)

    def _ranked(self, entry: Entry, before: str, name: str, after: str, wants: str | None, focus: Sequence[str],
                limit: int) -> list[Candidate]:
        """Rank one name's candidates as a document of that name alone (with the words around it)."""
        doc = Doc(len(before), len(before) + len(name), entry, wants)
        ranking = prefer_home(resolve_document(self.store, before + name + after, [doc], focus), [doc], focus)
        ranking = prefer_main_name(ranking, [doc], focus)
        return [Candidate(entry.places[j], score) for j, score in ranking.ranked(0, limit)]

    def resolve(self, name: str, **kwargs) -> Place:
        """Return the best record for a name; :class:`PlaceNotFoundError` when none matches."""
        found = self.lookup(name, limit=1, **kwargs)
        if not found:
            raise PlaceNotFoundError(f"{name!r} is not in the gazetteer; check the spelling or add it with "
                                     "'geo gazetteer import'")
        return found[0].place

    def find(self, text: str, *, exclude: Sequence[tuple[int, int]] = (), focus: Sequence[str] = (),
             demonyms: bool = False) -> list[Mention]:
        """Find and resolve every place name in *text*, using the whole document.

        The names are ranked together (:mod:`gazetteer.context`): the countries and divisions
        the text names, the countries most of its places lie in (plus *focus*), places near
        each other and the larger place named right after a name all count. Names that are
        also words, persons' or organisations' names are left out (:meth:`_plausible`).

        Parameters
        ----------
        text : str
            The document.
        exclude : sequence of (start, end)
            Spans not to match inside (for example the names of armed groups).
        focus : sequence of str
            ISO country codes the document is known to be about.
        demonyms : bool
            Also return demonyms ("Syrian", "Kurds") as mentions of what they name
            (``Mention.form == "demonym"``); off by default, since a caller that reads every
            mention as a place would take "Syrian" in "the Syrian capital Damascus" for Syria.
            They count for the document's focus and context either way.
        """
        note_text(text)
        raw = self._matcher.scan(text, exclude=exclude)
        spans: list[tuple[int, int, Entry]] = []
        # key, as written, cue, sentence start, context, after a place preposition ("to Nice")
        names: list[tuple[str, str, str | None, bool, bool, bool]] = []
        locating: list[int] = []  # names the next one locates ("Pokrovsk, Donetsk region")
        near: list[int] = []  # names said to lie near the next one ("Novoselivka near Slovyansk")
        renaming: list[int] = []  # names the next one may name again ("Dzerzhinsk (Toretsk)")
        coordinated: list[tuple[int, bool]] = []  # names joined to the next as in a list ("Borno, Yobe and Niger")
        persons: set[str] = set()  # names read as a person's once ("Roy Moore"): a person's again ("Moore said")
        entries, verdicts = self._entry_cache, self._plausible_cache
        around = self._around_cache.pop(text, None)  # put back last: the least recently read go first
        if around is None:
            if len(self._around_cache) >= _AROUND_CACHE_SIZE:
                del self._around_cache[next(iter(self._around_cache))]
            around = {}
        self._around_cache[text] = around
        previous_end = -1
        for start, end, key, sentence_initial in raw:
            written = text[start:end]
            entry = entries.get((key, written), _MISSING)
            if entry is _MISSING:
                entry = self._entry(key, written)
            if not isinstance(entry, Entry):  # None: no candidate
                continue
            if (entry.form == "abbreviation" and not written.isupper() and text[end : end + 1] != "."
                    and written.lower() in self._common_words):
                continue  # "Man", "Wash" without a full stop: words, not "Man." or "Wash." abbreviated
            seen = around.get((start, end))
            if seen is None:
                before = _word_before(text, start)
                seen = around[(start, end)] = (before, _word_after(text, end), False, None, False)
            before = seen[0]
            if written in _PLACE_WORDS_AS_WRITTEN and _type_word_of_unknown_name(before, written, entry):
                continue
            words = (before, seen[1], written, entry.form)
            verdict = verdicts.get(words) or self._plausible_verdict(words)
            if verdict != _PLACE and (verdict == _NOT_PLACE
                                      or not _sentence_start_before(text, start - len(before) - 1)):
                persons.add(written)
                continue
            if written in persons and entry.form == "name" and before.lower() not in _PLACE_PREPOSITIONS:
                continue
            if not seen[2]:  # the cue and what follows, read once the match is taken for a place
                seen = around[(start, end)] = (before, seen[1], True, cue_at(text, start, end).wants,
                                               not _ACTOR_COMPOUND.match(text, end))
            wants = seen[3]
            if previous_end >= 0 and LOCATING_GAP.fullmatch(text, previous_end, start):
                locating.append(len(spans) - 1)
            elif previous_end >= 0 and NEAR_GAP.fullmatch(text, previous_end, start):
                near.append(len(spans) - 1)
            if previous_end >= 0 and SAME_PLACE_GAP.fullmatch(text, previous_end, start):
                renaming.append(len(spans) - 1)
            if previous_end >= 0 and (conjunction := list_gap(text, previous_end, start, end)) is not None:
                coordinated.append((len(spans) - 1, conjunction))
            previous_end = end
            spans.append((start, end, entry))
            names.append((key, written, wants, sentence_initial, seen[4],
                          before.lower() in _PLACE_PREPOSITIONS))
        # The resolution depends on nothing else than these: a text whose names, cues, order and locating
        # pairs repeat another's (a wire story printed twice, an updated version) is resolved once.
        signature = (tuple(names), tuple(locating), tuple(near), tuple(renaming), tuple(coordinated),
                     tuple(sorted(set(focus))))
        resolved = self._document_cache.get(signature)
        if resolved is None:
            if len(self._document_cache) >= _DOCUMENT_CACHE_SIZE:
                self._document_cache.clear()
            docs = [Doc(start, end, entry, name[2], name[4])
                    for (start, end, entry), name in zip(spans, names, strict=True)]
            resolved = self._document_cache[signature] = self._resolve_names(docs, names, locating, near, renaming,
                                                                              coordinated, focus)
        owners = [(start, end) for (start, end, _), found in zip(spans, resolved, strict=True)
                  if found is None and _INNER_POSSESSIVE.search(text, start, end)]
        if owners:  # "Mosul's airport" is no place here, but Mosul is: read the text again without the owned part
            masked = list(text)
            for start, end in owners:
                cut = _INNER_POSSESSIVE.search(text, start, end)
                if cut is not None:
                    masked[cut.end() : end] = " " * (end - cut.end())
            return self.find("".join(masked), exclude=exclude, focus=focus, demonyms=demonyms)
        out = []
        for (start, end, _), (_, written, wants, *_), found in zip(spans, names, resolved, strict=True):
            if found is None:
                continue
            candidates, form, dotted, abroad = found
            if form == "demonym" and not demonyms:
                continue
            if dotted and text[end : end + 1] == ".":
                end += 1  # "U.S." with its last full stop
                written += "."
            out.append(Mention(start, end, written, candidates, wants, form, abroad))
        return out

    def _resolve_names(self, docs: Sequence[Doc], names: Sequence[tuple[str, str, str | None, bool, bool, bool]],
                       locating: Sequence[int], near: Sequence[int], renaming: Sequence[int],
                       coordinated: Sequence[tuple[int, bool]], focus: Sequence[str]) -> list[_Resolved | None]:
        """Rank a document's names together and apply the rules for names that are also words.

        Returns per name None (not a place here) or its five best candidates, its form and
        whether a full stop after it belongs to it (an abbreviation such as "U.S.").
        """
        ranking = resolve_document(self.store, "", docs, focus, locating=locating, renaming=renaming,
                                   coordinated=coordinated)
        common = self._common_words
        doc_focus = _focus_of(docs, ranking, focus,
                              words=[" " not in key and written.lower() in common for key, written, *_ in names])
        home = _home_of(docs, ranking, focus) if focus else set()  # a caller that knows the document's countries
        ranking = prefer_home(prefer_division(prefer_named_country(ranking, docs), docs), docs, home)
        ranking = prefer_near(prefer_near_namesake(prefer_neighbours(prefer_main_name(ranking, docs, home), docs, home),
                                                   docs, home), docs, near)
        out: list[_Resolved | None] = []
        offsets, order, scores = ranking.offsets.tolist(), ranking.order.tolist(), ranking.scores.tolist()
        bests = [d.entry.places[order[offsets[i]] - offsets[i]] for i, d in enumerate(docs)]
        located = {i for i in locating if _inside(bests[i], bests[i + 1])}
        for i, (d, (key, written, _, sentence_initial, _, after_preposition)) in enumerate(
                zip(docs, names, strict=True)):
            entry, lo, hi = d.entry, offsets[i], offsets[i + 1]
            top = order[lo : min(hi, lo + 5)]
            j = top[0] - lo
            best = entry.places[j]
            if (" " in key and entry.form == "name" and self._translated(entry, j, written)
                    and all(w.lower() in common for w in written.split())):
                # "the White House", "Garden City": English words that the likeliest place bears only as an
                # alternate name unlike its own (Casablanca, Singapore), a translation or a nickname, are a phrase
                # of the text's language, not that place
                out.append(None)
                continue
            in_war = best.country in focus and " " not in key and written.lower() in common and any(
                k != i and other.kind in _SETTLEMENT_KINDS and other.id != best.id
                and km_between(best, other) <= WAR_NEIGHBOUR_KM for k, other in enumerate(bests))
            if (not (i in located and entry.level[j] >= 2 and entry.form == "name" and not sentence_initial)
                    and not self._keep_memo(best, written, key, entry.level[j] >= 2, sentence_initial,
                                            best.country in doc_focus, entry.form, after_preposition, in_war)):
                out.append(None)
                continue
            dotted = entry.form == "abbreviation" and written + "." in best.abbreviations
            abroad = bool(home) and best.country not in home and best.kind not in _AREA_KINDS
            out.append((tuple(Candidate(entry.places[k - lo], scores[k]) for k in top), entry.form, dotted, abroad))
        return out

    def _translated(self, entry: Entry, j: int, written: str) -> bool:
        """Tell whether candidate *j* bears *written* (common words) only as an alternate name unlike its own.

        A packaged place, not an area, named so by an alternate that looks less than
        :data:`TRANSLATION_LIKENESS` like its name; a place curated or added under the name keeps it.
        """
        place = entry.places[j]
        return (entry.level[j] == 2 and place.kind not in _AREA_KINDS and entry.rows[j] < self.store.n_world
                and likeness(light_form(written), light_form(place.name)) < TRANSLATION_LIKENESS)

    @staticmethod
    def _candidates(entry: Entry, ranking: Ranking, i: int) -> tuple[Candidate, ...]:
        """Return the five best candidates of name *i* of a ranking."""
        places = entry.places
        return tuple(Candidate(places[j], score) for j, score in ranking.ranked(i, 5))

    def resolve_spans(self, text: str, spans: Sequence[tuple[int, int]], *, focus: Sequence[str] = ()
                      ) -> list[Mention]:
        """Resolve names whose spans are given (for example by a person or another tagger), in context.

        The names :meth:`find` finds elsewhere in *text* count as context too. Returns one
        :class:`Mention` per span, in order; one with no candidates when the name is unknown.
        """
        note_text(text)
        found = [m for m in self.find(text, focus=focus, demonyms=True)
                 if not any(s < m.end and m.start < e for s, e in spans)]
        docs: list[Doc] = []
        index: dict[tuple[int, int], int] = {}
        for s, e in spans:
            written = text[s:e]
            key = normalize_name(written)
            entry = self._entry(key, written)
            if entry is None and (joined := compact_key(key)):
                entry = self._entry(joined, written)  # "S. C." is S.C., "Nam Hkam" Namhkam, as lookup() reads them
            if entry is None:
                phrase = self.resolve_phrase(written, focus=focus, demonyms=True)
                if phrase is not None and _phrase_abroad(phrase, focus):
                    phrase = None
                if phrase is not None:
                    entry = self._inner_entry(written, phrase, focus)
                if phrase is not None and entry is None:
                    row = self.store.row_of(phrase.id)
                    entry = make_entry(self.store, [row or 0], [phrase], [0.0], [1], "name", False)
            if entry is not None:
                index[(s, e)] = len(docs)
                wants = cue_in_context(text[max(0, s - 60) : s], text[e : e + CUE_AFTER_CHARS]).wants
                docs.append(Doc(s, e, entry, wants, not _ACTOR_COMPOUND.match(text, e)))
        for m in found:
            entry = self._entry(normalize_name(m.text), m.text)
            if entry is not None:
                docs.append(Doc(m.start, m.end, entry, m.cue, not _ACTOR_COMPOUND.match(text, m.end)))
        order = sorted(range(len(docs)), key=lambda k: docs[k].start)
        position = {k: pos for pos, k in enumerate(order)}
        ordered = [docs[k] for k in order]
        ranking = resolve_document(self.store, text, ordered, focus)
        home = _home_of(ordered, ranking, focus) if focus else set()
        ranking = prefer_home(prefer_division(prefer_named_country(ranking, ordered), ordered), ordered, home)
        ranking = prefer_near_namesake(prefer_neighbours(prefer_main_name(ranking, ordered, home), ordered, home),
                                       ordered, home)
        near = [i for i in range(len(ordered) - 1) if NEAR_GAP.fullmatch(text, ordered[i].end, ordered[i + 1].start)]
        ranking = prefer_near(ranking, ordered, near)
        out = []
        for s, e in spans:
            k = index.get((s, e))
            if k is None:
                out.append(Mention(s, e, text[s:e], (), None))
                continue
            d = docs[k]
            found_here = self._candidates(d.entry, ranking, position[k])
            best = found_here[0].place
            out.append(Mention(s, e, text[s:e], found_here, d.wants, d.entry.form,
                               bool(home) and best.country not in home and best.kind not in _AREA_KINDS))
        return out

    def _inner_entry(self, written: str, phrase: Place, focus: Sequence[str]) -> Entry | None:
        """Return the candidates of the name inside a span that :meth:`resolve_phrase` resolved by that name.

        "Hamilton Township", "Upper Edmonton", "Camp Nelson": the span is no name of its own, and the
        longest name inside it says where it is. All of that name's candidates are then ranked in the
        document, as the name alone would be, rather than the one the name has with no context. None when
        the phrase resolved otherwise (a part of its owner: "Aleppo's citadel").
        """
        found = self.find(written, focus=focus, demonyms=True)
        if not found:
            return None
        inner = max(found, key=lambda m: m.end - m.start)
        entry = self._entry(normalize_name(inner.text), inner.text)
        if entry is None or all(p.id != phrase.id for p in entry.places):
            return None
        return entry

    def _entry(self, key: str, written: str) -> Entry | None:
        """Return the candidates of a key as written; memoised, since a corpus repeats its names."""
        cache_key = (key, written)
        if cache_key in self._entry_cache:
            return self._entry_cache[cache_key]
        if len(self._entry_cache) >= _RANK_CACHE_SIZE:
            self._entry_cache.clear()
        found = self._entry_cache[cache_key] = build_entry(self.store, key, written)
        return found

    def _plausible(self, text: str, start: int, end: int, written: str, entry: Entry) -> bool:
        """Tell whether a match reads as a place.

        Not a person's name ("President Jackson", "Andrei Karlov"), nor an outlet, team or
        organisation named after a place ("Kansas City Star"). Decided by the words right
        before and after (memoised per those words) and, for a capitalised word before,
        whether that word starts a sentence.
        """
        before = _word_before(text, start)
        words = (before, _word_after(text, end), written, entry.form)
        verdict = self._plausible_cache.get(words) or self._plausible_verdict(words)
        if verdict == _GIVEN_NAME_BEFORE:
            return _sentence_start_before(text, start - len(before) - 1)
        return verdict == _PLACE

    def _plausible_verdict(self, words: tuple[str, str, str, str]) -> int:
        """Return :meth:`_plausible_words` for (word before, word after, name as written, form), memoised."""
        if len(self._plausible_cache) >= _RANK_CACHE_SIZE:
            self._plausible_cache.clear()
        verdict = self._plausible_cache[words] = self._plausible_words(*words)
        return verdict

    def _plausible_words(self, before: str, after: str, written: str, form: str) -> int:
        """Return whether a name between these two words reads as a place.

        :data:`_PLACE`, :data:`_NOT_PLACE`, or :data:`_GIVEN_NAME_BEFORE`: a place only if the
        word before starts a sentence.
        """
        if before and fold_token(before.rstrip(".")) in _TITLES or (
                form == "abbreviation" and fold_token(written.rstrip(".")) in _TITLES):
            return _NOT_PLACE
        if before.endswith("."):
            before = ""  # the end of a sentence (or an abbreviation): no given name
        if after:
            folded = fold_token(after)
            if folded in _ORGANISATION_WORDS and after[0].isupper() and form != "demonym":
                return _NOT_PLACE
            if (after[0].isupper() and folded not in _PLACE_WORDS and form == "name" and " " not in written.strip()
                    and ((written.lower() in self._given_names
                          and (after.lower() in self._surnames or written.lower() not in self._area_given_names))
                         or (after.lower() not in self._common_words and not self._matcher.begins_key(folded)))):
                # "Jordan Peterson", "David Mills", "Georgia Stevens": a first name; a given name that names a large
                # area only before a surname ("the Georgia Bureau of Investigation" is the state's)
                return _NOT_PLACE
        if form == "name" and (self._runs_on(after) or self._runs_on(before)) and self._runs_on(written):
            # "Tal Malah", "Stepova Novoselivka": two names with nothing between them are one name the
            # gazetteer does not know, not a village "Tal" and another "Malah"
            return _NOT_PLACE
        if (before and before[0].isupper() and before[1:].islower() and before.isalpha() and form == "name"
                and before.lower() in self._theatre_given_names):
            return _NOT_PLACE  # "Oleksiy Danilov", "Willy Ngoma": no English word, a first name even opening a sentence
        if (before and before[0].isupper() and before[1:].islower() and before.isalpha() and form == "name"
                and (before.lower() in self._given_names or not self._matcher.begins_key(fold_token(before)))):
            # "Andrei Karlov", "Mevlut Mert", "Jim Hartmann": a surname after a given name ("Kurdish-held X")
            return _GIVEN_NAME_BEFORE
        return _PLACE

    def _runs_on(self, word: str) -> bool:
        """Tell whether *word*, written right next to a name, is itself a place's name that is no word.

        A capitalised word that is a name of its own ("Malah", "Novoselivka") and neither a common
        word, a type word ("Province", "City"), a title nor a country's name continues the name
        beside it: the two are one name. Common words ("Fort", "As" in a headline) and demonyms,
        which are words, do not; nor does a country after its city written without a comma.
        """
        if not word or not word[0].isupper() or not word.isalpha() or word.lower() in self._common_words:
            return False
        folded = fold_token(word)
        if folded in _PLACE_WORDS or folded in _TITLES or not self._matcher.is_key(folded):
            return False
        entry = self._entry(folded, word)
        return entry is not None and entry.form == "name" and all(p.kind != "country" for p in entry.places)

    def _keep_memo(self, best: Place, written: str, key: str, exact: bool, sentence_initial: bool,
                   in_focus_country: bool, form: str, after_preposition: bool = False, in_given: bool = False
                   ) -> bool:
        """Return :meth:`_keep`, memoised per its arguments (a corpus repeats its names)."""
        cache_key = (best.id, written, key, exact, sentence_initial, in_focus_country, form, after_preposition,
                     in_given)
        verdict = self._keep_cache.get(cache_key)
        if verdict is None:
            if len(self._keep_cache) >= _RANK_CACHE_SIZE:
                self._keep_cache.clear()
            verdict = self._keep_cache[cache_key] = self._keep(best, written, key, exact, sentence_initial,
                                                               in_focus_country, form, after_preposition, in_given)
        return verdict

    def _keep(self, best: Place, written: str, key: str, exact: bool, sentence_initial: bool,
              in_focus_country: bool, form: str = "name", after_preposition: bool = False,
              in_given: bool = False) -> bool:
        """Apply the rules for names that are also words, and for loose spellings (module docs of match).

        *in_focus_country* tells whether the best candidate lies in one of the document's focus countries;
        *after_preposition* whether the name follows "in", "to", "from" ... ("flew to Nice"); *in_given*
        whether it lies in one of the countries the caller says the document is about (a war's), within
        :data:`WAR_NEIGHBOUR_KM` of another town the document names.
        """
        in_focus = in_focus_country or best.kind in ("continent", "region", "country", "admin1")
        if form != "name":
            return exact  # a demonym or an abbreviation, as written
        large = best.kind in ("continent", "region", "country", "admin1")
        if " " not in key and written.lower() in self._common_words:
            # "Center", "March", "Brown": a word or a surname unless it names a large or populous place; a division
            # named with a word ("Central", "Western", "City") only in a document about its country
            if exact and not sentence_initial and in_given and best.kind in _SETTLEMENT_KINDS \
                    and best.population >= FOCUS_PHRASE_POPULATION:
                return True  # "M23 seized Sake ... fled towards Goma": in a report of the war around it, a town
            return exact and not sentence_initial and (large or best.population >= COMMON_WORD_POPULATION) and (
                in_focus_country or best.kind in _NAMED_AREA_KINDS or (after_preposition and not large))
        if (" " in key and not large and best.kind != "admin2" and best.population < COMMON_WORD_POPULATION
                and not (in_focus_country and best.population >= FOCUS_PHRASE_POPULATION)
                and all(w.lower() in self._common_words for w in written.split())):
            return False  # "University Center", "Main Street": common words, not a village so named
        if written[:4].lower() == "the " and best.kind not in _NAMED_AREA_KINDS:
            return False  # "The City": a phrase, not a village so named
        if " " not in key and sentence_initial and not in_focus:
            return exact and best.population >= SENTENCE_START_POPULATION
        notable = in_focus or best.population >= NOTABLE_POPULATION
        if not exact:
            return in_focus_country and spelling_similarity(written, best) >= LOOSE_MATCH_MIN
        return notable

    def resolve_phrase(self, phrase: str, *, focus: Sequence[str] = (), demonyms: bool = False) -> Place | None:
        """Resolve a descriptive phrase: "Aleppo's medieval citadel", "the citadel of Aleppo".

        A part of a place (a landmark, neighbourhood or site whose ``parent`` is the place)
        is chosen when the phrase's head noun is in its name; "the centre of Homs" is Homs.
        Otherwise the longest name found in the phrase is returned, or None; with *demonyms*,
        a demonym counts as a name ("European Commission" is Europe: for a span known to name a
        place, as in :meth:`resolve_spans`). Memoised per (phrase, focus, demonyms): a corpus
        quotes the same anchors again and again.
        """
        note_text(phrase)
        note_parts()  # a phrase may name a part of a place, found among its children (the memo below hides that)
        phrase = phrase.strip()
        cache_key = (phrase, tuple(focus), demonyms)
        if cache_key not in self._phrase_cache:
            if len(self._phrase_cache) >= _RANK_CACHE_SIZE:
                self._phrase_cache.clear()
            self._phrase_cache[cache_key] = self._resolve_phrase(phrase, focus, demonyms)
        return self._phrase_cache[cache_key]

    def _resolve_phrase(self, phrase: str, focus: Sequence[str], demonyms: bool) -> Place | None:
        owners = []
        for pattern in (_POSSESSIVE, _OF_PHRASE):
            m = pattern.match(phrase)
            if not m:
                continue
            owner = self._best_in(m.group("owner"), focus, demonyms)
            if owner is None:
                continue
            head = fold_token(m.group("rest").split()[-1])
            if head in {fold_token(w) for w in _CENTRE_WORDS}:
                return owner
            part = self.part_named(owner, m.group("rest").split()[-1])
            if part is not None:
                return part
            inner = self._best_in(m.group("rest"), focus, demonyms)  # "Aleppo's Sheikh Maqsoud district"
            if inner is not None and inner.id != owner.id and km_between(inner, owner) <= PART_REACH_KM:
                return inner
            owners.append(owner)
        if owners and self._entry(normalize_name(phrase), phrase.strip()) is None:
            return owners[0]  # "the Old City of Mosul" is in Mosul, not an Old City elsewhere
        return self._best_in(phrase, focus, demonyms)

    def _best_in(self, text: str, focus: Sequence[str], demonyms: bool) -> Place | None:
        entry = self._entry(normalize_name(text), text.strip())
        if entry is not None:  # a whole name: ranked as a name alone is (:meth:`lookup`)
            return self._ranked(entry, "", text, "", None, focus, 1)[0].place
        places = self.candidates(text)  # records the name's filters leave out ("UN", an abbreviation of none)
        if places:
            return rank(places, text, focus=focus)[0].place
        found = self.find(text, focus=focus, demonyms=demonyms)
        return max(found, key=lambda m: m.end - m.start).place if found else None

    def part_named(self, owner: Place, word: str) -> Place | None:
        """Return a landmark, neighbourhood or site of *owner* with *word* in its name, or None."""
        note_parts()
        note_text(word)
        note_id(owner.id)
        if word.lower() in _AREA_NOUNS:
            return None  # "Aleppo's Sheikh Maqsoud district": a word any part may bear names none
        head = fold_token(word)
        for child in self._children.get(owner.id, ()):
            for name in (child.name, *child.names):
                if head in normalize_name(name).split():
                    return child
        return None

    def largest_places(self, west: float, south: float, east: float, north: float, *, limit: int = 300,
                       kinds: Sequence[str] = ("city", "town", "village")) -> list[Place]:
        """Return the most populous places of the given kinds inside a box, largest first.

        Parameters
        ----------
        west, south, east, north : float
            The box in degrees (``west <= east``; no antimeridian crossing).
        limit : int, default 300
            At most this many places.
        kinds : sequence of str
            Place kinds to keep (settlements by default).
        """
        note_box(west, south, east, north)
        store = self.store
        wanted = np.isin(store.kind_codes, [PLACE_KINDS.index(k) for k in kinds if k in PLACE_KINDS])
        inside = wanted & (store.lat >= south) & (store.lat <= north) & (store.lon >= west) & (store.lon <= east)
        rows = np.flatnonzero(inside)
        order = rows[np.argsort(-store.population[rows], kind="stable")][:limit]
        return [store.place(int(r)) for r in order]

    def reverse(self, lat: float, lon: float) -> tuple[Place, float]:
        """Return the nearest record to a point and its distance in km."""
        row, km = self.store.nearest(lat, lon, k=1)[0]
        place = self.store.place(row)
        note_point(lat, lon, km, place.id)
        return place, km


def store_matcher(store: PlaceStore, keys: Iterable[str] | None = None) -> NameMatcher:
    """Return the matcher of *store*'s name keys (or of *keys*), as a :class:`Gazetteer` builds it.

    With the store's abbreviations and the clipped keys of its names (:class:`NameMatcher`).
    """
    keys = list(store.name_keys() if keys is None else keys)
    return NameMatcher(keys, short=store.abbreviation_keys(), clipped=store.clipped_keys(keys))


def _inside(place: Place, larger: Place) -> bool:
    """Tell whether *place*, a settlement or site, lies in *larger*, a country or first-level division."""
    if place.kind in _AREA_KINDS or place.country is None or place.country != larger.country:
        return False
    return larger.kind == "country" or (larger.kind == "admin1" and place.admin1 is not None
                                        and place.admin1 == larger.admin1)


def _focus_of(docs: Sequence[Doc], ranking: Ranking, given: Sequence[str], words: Sequence[bool] = ()) -> set[str]:
    """Return the document's focus: the countries it names, those of at least :data:`FOCUS_SHARE` of its places.

    Names flagged in *words* (common English words: "Central", "City") do not count.
    """
    named = set(given)
    if not docs:
        return named
    exact = np.fromiter((d.entry.exact for d in docs), dtype=bool, count=len(docs))
    if len(words):
        exact &= ~np.asarray(words, dtype=bool)
    country, is_country = ranking.best_countries()
    counted = exact & (country != 0)
    named.update(code_of(c) for c in set(country[counted & is_country].tolist()))
    if not counted.any():
        return named
    counts = Counter(country[counted].tolist())
    top, total = max(counts.values()), counts.total()
    return named | {code_of(c) for c, n in counts.items() if n == top or (n >= 2 and n >= FOCUS_SHARE * total)}


def _home_of(docs: Sequence[Doc], ranking: Ranking, given: Sequence[str]) -> set[str]:
    """Return the document's own countries, against which a namesake abroad is told.

    Asked only when the caller gives the document's countries (*given*: an extractor that knows
    the war a report is about); a text of unknown subject has no namesakes abroad. They are the
    countries given, the countries the text names, and those in
    which at least two different names of the text lie: a name's own best candidate never
    makes its country home by itself alone ("Ras al-Ain" read as a Moroccan village does not
    make Morocco a country of the document).
    """
    home = set(given)
    if not docs:
        return home
    country, is_country = ranking.best_countries()
    names_in: dict[int, set[str | int]] = {}  # a country's places by id, or its names by entry
    for d, c, whole in zip(docs, country.tolist(), is_country.tolist(), strict=True):
        if not c or not d.context:
            continue
        if whole and d.entry.exact:
            home.add(code_of(c))
        names_in.setdefault(c, set()).add(d.entry.places[0].id if whole else id(d.entry))
    return home | {code_of(c) for c, names in names_in.items() if len(names) >= 2}


def _phrase_abroad(place: Place, focus: Sequence[str]) -> bool:
    """Tell whether a span resolved only through a name inside it lands on a namesake abroad.

    "Jebel Marra" in a report from Darfur is not "Jebel" in Turkmenistan, "Wadi Hawar" not El Oued
    in Algeria: a word of a span that is no name the gazetteer knows is weak evidence, and a
    settlement or site outside the document's countries (*focus*) found that way is no answer. A
    world city (:data:`WORLD_CITY_POPULATION`) stays ("the Moscow talks"), and so does any area.
    With no focus nothing is abroad.
    """
    return (bool(focus) and place.country not in focus and place.kind not in _AREA_KINDS
            and place.population < WORLD_CITY_POPULATION)


def _type_word_of_unknown_name(before: str, written: str, entry: Entry) -> bool:
    """Tell whether a match is the type word that ends a name the gazetteer does not know.

    "Folly Island", "Snake Island", "Swahili Coast", "Westminster City Council": a capitalised word
    (no article or preposition) right before a type word ("Island", "Coast", "City") makes the two one
    name, and the type word alone is not the area it names in some language or country (Iceland,
    "Island" in Danish; Kenya's Coast province; the City of London). Only for a word whose likeliest
    candidate is such an area, which would weigh on the whole document's countries; a settlement so
    named ("Street" in Somerset) is left to the common-word rules.
    """
    if (entry.form != "name" or not before.isalpha() or not before[0].isupper()
            or before.lower() in _FUNCTION_WORDS or written.lower() not in _PLACE_WORD_FORMS):
        return False
    return entry.places[int(np.argmax(entry.base))].kind in _AREA_KINDS


def _word_before(text: str, start: int) -> str:
    """Return the word directly before *start* (one space apart, same line), or ""."""
    if start < 2 or text[start - 1] != " ":
        return ""
    lo = max(0, start - 40)
    last = text[text.rfind(" ", lo, start - 1) + 1 or lo : start - 1]
    if _WORD.fullmatch(last):
        return last  # the common case: a word right after a space (or the window's start)
    if not last or last[-1] != "\n" and not _WORD_CHAR.match(last, len(last) - 1):
        return ""  # "said, X": a sign, not a word, before the space
    m = _LAST_WORD.search(text, lo, start - 1)
    return m.group(0) if m else ""


def _word_after(text: str, end: int) -> str:
    """Return the word directly after *end* (one space apart), or ""."""
    if end >= len(text) - 1 or text[end] != " ":
        return ""
    m = _FIRST_WORD.match(text, end + 1)
    return m.group(0) if m else ""


def _sentence_start_before(text: str, k: int) -> bool:
    """Tell whether the word ending just before position *k* + 1 starts a sentence."""
    if 0 <= k < len(text) and _WORD_CHAR.match(text, k) and (k == 0 or not _WORD_CHAR.match(text, k - 1)):
        j = k - 1  # the common case: a word starts at k
    else:
        m = _LAST_WORD.search(text, max(0, k - 40), k + 1)
        if m is None:
            return True
        j = m.start() - 1
    while j >= 0 and text[j] in " \t\"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?\n:"


#: A name joined by a hyphen to a lower-case word qualifies an actor: "Russian-held", "Moscow-backed", "US-led".
_ACTOR_COMPOUND = re.compile(r"-[a-z]")
_LAST_WORD = re.compile(r"[\w.'’-]+$")
_WORD = re.compile(r"[\w.'’-]+")
_WORD_CHAR = re.compile(r"[\w.'’-]")
_FIRST_WORD = re.compile(r"[\w'’-]+")


def _exact(written: str, place: Place) -> bool:
    """Whether a name is written as one of the place's names (light form)."""
    key = (written, place.id, place.name, place.names)  # ids are only unique within one store
    found = _EXACT_CACHE.get(key)
    if found is None:
        if len(_EXACT_CACHE) >= _RANK_CACHE_SIZE:
            _EXACT_CACHE.clear()
        found = _EXACT_CACHE[key] = light_form(written) in {light_form(n) for n in (place.name, *place.names)}
    return found


_EXACT_CACHE: dict[tuple[str, str, str, tuple[str, ...]], bool] = {}


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Return the given names that tell a person's name from a place's, lower-cased.

    The common given names of the 1990 US Census (``given_names.txt``) and those of the war
    theatres' languages as reports romanise them (``given_names_theatres.txt``: "oleksandr",
    "kyrylo", "abdirahman", "babagana").
    """
    return _word_list("given_names.txt") | _word_list("given_names_theatres.txt")


@functools.lru_cache(maxsize=8)
def _word_list(name: str) -> frozenset[str]:
    """Return the words of a packaged word list (``gazetteer/data/<name>``, one a line, ``#`` comments); read once."""
    text = (resources.files("gazetteer") / "data" / name).read_text(encoding="utf-8")
    return frozenset(w for w in text.split() if not w.startswith("#"))


@functools.lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """Return the packaged gazetteer plus the user's imports, loaded once per process."""
    return Gazetteer(load_store())
