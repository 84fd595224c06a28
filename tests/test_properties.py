"""Property-based robustness tests: arbitrary text never crashes the readers and extractors.

Covered: the corpus reader (arbitrary bytes in files, arbitrary metadata.csv), place-name
finding (``Gazetteer.find``), time expressions and ``parse_date``, distance parsing and
event extraction. Inputs mix Hypothesis's arbitrary text with pieces biased to the domain:
place names (Latin and Arabic script), capture verbs and actors, numbers with units (huge,
negative, Arabic-Indic digits), real and impossible dates, HTML and script tags, RTL and
zero-width marks, stacked combining marks, NUL, lone surrogates and huge whitespace runs.

Every test uses the profile :data:`PROFILE`: ``MAX_EXAMPLES`` generated inputs per test
(fixed, so the file stays fast: about 15 s), no deadline, a derandomised
seed (CI runs are reproducible). Set ``GEO_PROPERTY_EXAMPLES`` for a deeper, randomly seeded run. The
number of inputs actually tried is counted per test and printed at the end of the module
(``property inputs tried: ...``), for the robustness note.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gazetteer import default_gazetteer
from geo.errors import DateError
from geo.extract.distance.mentions import QUALIFIERS, find_distances
from geo.extract.events import extract_events
from geo.extract.time.expressions import find_time_expressions, parse_date
from geo.model import EVENT_KINDS, STANCES, Article
from geo.read.corpus import article_id, read_article, read_corpus
from geo.read.sentences import split_sentences

#: Generated inputs per property test (fixed; override with GEO_PROPERTY_EXAMPLES for a deep run).
MAX_EXAMPLES = int(os.environ.get("GEO_PROPERTY_EXAMPLES", "400"))
PROFILE = settings(max_examples=MAX_EXAMPLES, deadline=None, database=None,
                   derandomize="GEO_PROPERTY_EXAMPLES" not in os.environ,
                   suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                          HealthCheck.data_too_large])
#: Inputs tried per test in this session (read by the module teardown below).
TRIED: Counter[str] = Counter()


class _CountReport:
    """A pytest plugin registered at run time: prints the counts in the terminal summary."""

    def pytest_terminal_summary(self, terminalreporter) -> None:
        total = sum(TRIED.values())
        detail = ", ".join(f"{k}={v}" for k, v in sorted(TRIED.items()))
        line = f"property inputs tried: {total} ({detail}); max_examples={MAX_EXAMPLES}"
        terminalreporter.write_line(line)
        out = os.environ.get("GEO_PROPERTY_COUNTS")
        if out:
            Path(out).write_text(line + "\n", encoding="utf-8")


@pytest.fixture(scope="module", autouse=True)
def _report_counts(request: pytest.FixtureRequest) -> Iterator[None]:
    """Register :class:`_CountReport` once, so the summary says how many inputs were tried."""
    manager = request.config.pluginmanager
    if not manager.has_plugin("geo-property-counts"):
        manager.register(_CountReport(), "geo-property-counts")
    yield


def _count(name: str) -> None:
    TRIED[name] += 1


# --------------------------------------------------------------------------- strategies
PLACES = ["Aleppo", "Hama", "Homs", "Idlib", "Damascus", "Khan Sheikhoun", "Deir ez-Zor", "Tell Rifaat",
          "Maarat al-Numan", "Saraqeb", "Daraa", "Deraa", "Manbij", "Kobani", "Latakia", "Tartus",
          "the citadel of Aleppo", "Aleppo's citadel", "حلب", "حماة", "دمشق", "Alep", "Ḥamāh", "ALEPPO",
          "aleppo", "Aleppo-Aleppo", "Homs Homs Homs", "Syria", "Idlib province", "Paris", "Springfield"]
VERBS = ["captured", "seized", "took control of", "entered", "besieged", "encircled", "withdrew from",
         "pulled out of", "regained", "recaptured", "retook", "broke the siege of", "controls", "held",
         "denied losing", "claimed to have captured", "is mostly controlled by", "were pushed out of",
         "was captured by", "fell to", "stormed"]
ACTORS = ["rebels", "HTS", "Hayat Tahrir al-Sham", "the army", "government forces", "the regime", "the SDF",
          "Kurdish-led forces", "Turkish-backed factions", "Islamic State", "IS", "Hezbollah", "Russian jets",
          "opposition fighters", "The Syrian Observatory for Human Rights said", "officials", "it"]
QUANTITIES = ["20 km", "20km", "4.3 miles", "(12 miles)", "about 30 kilometres", "within 5 km", "500 metres",
              "more than 10 km", "less than 2 mi", "10-15 km", "ten kilometres", "a few kilometres",
              "0 km", "-5 km", "1e308 km", "99999999999999999999999 km", "0.0000001 km", "٣ km", "½ km",
              "3,000,000 km", "1.2.3 km", "north-west of", "west of", "from", "away from", "NNW of",
              "20 km (12 miles) north of", "km km km", "miles of"]
DATES = ["2024-11-29", "2024-13-45", "2024-02-30", "0000-00-00", "9999-12-31", "0001-01-01", "29 November 2024",
         "November 29, 2024", "Nov. 31", "31 February", "on Friday", "last week", "yesterday", "since 2016",
         "in late November", "early December 2024", "two days ago", "3 weeks ago", "9999999 days ago",
         "since 1 January 1", "in the year 10000", "last month", "this weekend", "on 1 Jan", "by mid-2016",
         "between 1 and 31 December", "from 28 to 30 November", "in 2016", "last year", "10:00 GMT"]
HOSTILE = ["<script>window.__pwned=1</script>", "</script><script>alert(1)</script>",
           "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "javascript:alert(1)", "\"'><b>x</b>",
           "&amp; &lt; &#x3C;", "<!--", "]]>", "{{ this }}", "{% raw %}", "=cmd|' /C calc'!A0", "${x}"]
ODD = ["\u200f", "\u202e", "\u200b", "\u200d", "\ufeff", "e\u0301\u0301\u0301\u0301", "\u0651\u064e" * 5,
       "\x00", "\x07", "\x1b[31m", "\r\n", "\r", "\u2028", "\u2029", "\x0c", " " * 2000, "\n" * 500, "\t" * 300,
       ". . .", "...", "…", "«", "»", "“", "”", "'s", "(", ")", "[", "]", "-", "—", "/", ":", ",", ".", "?", "!",
       "\U0001F1F8\U0001F1FE", "\U0001F4A5", "ﬁ", "Ａｌｅｐｐｏ", "İ", "ß", "Σ", "٠١٢٣",
       # letters re.I equates with ASCII ones that do not lower-case to them ("ſept" raised KeyError)
       "ſ", "ı", "\u212a", "ſept", "ſept 5", "yeſterday", "fıve days ago", "İN 2016", "5 \u212am"]
SURROGATES = ["\ud800", "\udfff", "\udc80abc", "x\ud83d"]

_piece = st.one_of(st.sampled_from(PLACES), st.sampled_from(VERBS), st.sampled_from(ACTORS),
                   st.sampled_from(QUANTITIES), st.sampled_from(DATES), st.sampled_from(HOSTILE),
                   st.sampled_from(ODD), st.text(max_size=12))
#: Sentences built from domain pieces (the inputs most likely to reach deep code paths).
DOMAIN_TEXT = st.lists(_piece, max_size=40).map(" ".join)
#: Domain text with the letters re.I equates with ASCII ones but that do not lower-case to them.
CASE_ODD_TEXT = DOMAIN_TEXT.map(lambda t: t.replace("s", "ſ").replace("i", "ı").replace("I", "İ")
                                .replace("k", "\u212a"))
#: Domain text (also with those letters), arbitrary Unicode text, and either with lone surrogates.
ANY_TEXT = st.one_of(DOMAIN_TEXT, CASE_ODD_TEXT, st.text(max_size=300),
                     st.lists(st.one_of(_piece, st.sampled_from(SURROGATES)), max_size=30).map("".join))
PUBLISHED = st.one_of(st.none(), st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
                      st.sampled_from([dt.date.min, dt.date.max, dt.date(2024, 12, 8), dt.date(2016, 8, 7)]))
_HEADER = st.sampled_from(["date 2024-11-29\n", "date 2024-13-45\n", "date: 29 November 2024\n",
                           "source BBC News\n", "title <script>x</script>\n", "url javascript:alert(1)\n",
                           "Date palms grew.\n", "date\n", "published: yesterday\n", ""])
_CODEC = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1"])


@st.composite
def article_bytes(draw: st.DrawFn) -> bytes:
    """A file's bytes: raw random bytes, or headers + domain text in some encoding."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=600))
    text = "".join(draw(st.lists(_HEADER, max_size=3))) + draw(DOMAIN_TEXT)
    return text.encode(draw(_CODEC), errors="replace")


def _sample(value: str, limit: int = 60) -> str:
    return value[:limit]


# --------------------------------------------------------------------------- corpus reader
def _check_warning(w, name: str) -> None:
    assert "\n" not in w.message and w.message.strip(), w
    assert name in w.message, f"warning does not name the file: {w.message!r}"


@PROFILE
@given(data=article_bytes())
def test_read_article_never_raises_and_keeps_its_contract(tmp_path: Path, data: bytes) -> None:
    _count("read_article")
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    article, warnings = read_article(path)
    for w in warnings:
        _check_warning(w, str(path))
    if article is None:
        assert warnings, "a skipped file must say why"
        return
    assert article.text and article.text == article.text.strip()
    assert "\r" not in article.text and unicodedata.is_normalized("NFC", article.text)
    assert article.id == article_id(article.text) and article.path == str(path)
    for s, e in split_sentences(article.text):
        assert 0 <= s < e <= len(article.text) and article.text[s:e].strip()


_META_ROW = st.lists(st.one_of(st.sampled_from(["a.txt", "b.txt", "missing.txt", "2024-13-45", "2024-11-29",
                                                 "BBC", "\"", ",", "", "<script>", "=1+1"]),
                               st.text(max_size=10)), max_size=7).map(",".join)


@PROFILE
@given(files=st.lists(article_bytes(), min_size=1, max_size=4),
       meta=st.one_of(st.none(), st.lists(_META_ROW, max_size=6).map("\n".join)))
def test_read_corpus_loses_no_article_and_names_every_skipped_file(tmp_path_factory: pytest.TempPathFactory,
                                                                   files: list[bytes], meta: str | None) -> None:
    _count("read_corpus")
    folder = tmp_path_factory.mktemp("corpus")
    names = [f"{chr(ord('a') + i)}.txt" for i in range(len(files))]
    for name, data in zip(names, files, strict=True):
        (folder / name).write_bytes(data)
    if meta is not None:
        (folder / "metadata.csv").write_text("file,date,source,title,url\n" + meta, encoding="utf-8")
    articles, warnings = read_corpus(folder)
    assert all("\n" not in w.message for w in warnings)
    paths = {a.path for a in articles}
    for name in names:
        path = str(folder / name)
        alone, _ = read_article(folder / name)
        if alone is None:  # skipped: a warning names it
            assert any(w.path == path for w in warnings), name
        else:  # read: it is an article, or the same text as one (and a warning says so)
            assert path in paths or any(w.path == path and "same text" in w.message for w in warnings), name


# --------------------------------------------------------------------------- names, times, distances
@pytest.fixture(scope="module")
def gz():
    return default_gazetteer()


@PROFILE
@given(text=ANY_TEXT)
def test_gazetteer_find_offsets_are_exact(gz, text: str) -> None:
    _count("gazetteer_find")
    for m in gz.find(text):
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start:m.end]
        assert m.place is not None and math.isfinite(m.place.lat) and math.isfinite(m.place.lon)


@PROFILE
@given(text=ANY_TEXT, published=PUBLISHED)
def test_time_expressions_are_exact_ordered_and_well_formed(text: str, published: dt.date | None) -> None:
    _count("find_time_expressions")
    found = find_time_expressions(text, published)
    last_end = 0
    for t in found:
        assert last_end <= t.start < t.end <= len(text) and t.text == text[t.start:t.end]
        assert t.date_end is None or t.date_end >= t.date
        assert t.precision in ("day", "week", "month", "year")
        assert t.relation in ("at", "since", "by", "before", "after")
        last_end = t.end


@PROFILE
@given(value=st.one_of(ANY_TEXT, st.sampled_from(DATES)))
def test_parse_date_returns_a_date_or_a_date_error_naming_the_input(value: str) -> None:
    _count("parse_date")
    try:
        assert isinstance(parse_date(value), dt.date)
    except DateError as exc:
        message = str(exc)
        assert "\n" not in message.replace(repr(value), "")
        assert repr(value) in message


@PROFILE
@given(text=ANY_TEXT)
def test_distances_are_finite_positive_and_exact(text: str) -> None:
    _count("find_distances")
    for s in find_distances(text):
        assert 0 <= s.start < s.end <= len(text)
        assert math.isfinite(s.distance_km) and s.distance_km > 0, (s, _sample(text))
        assert math.isfinite(s.tolerance_km) and s.tolerance_km >= 0, (s, _sample(text))
        assert s.qualifier in QUALIFIERS


# --------------------------------------------------------------------------- events
def _article(text: str, published: dt.date | None) -> Article:
    return Article(id=article_id(text), path="prop.txt", published=published, source="<b>src</b>",
                   title=None, url=None, text=text)


@PROFILE
@given(text=ANY_TEXT, published=PUBLISHED)
def test_extract_events_never_raises_and_events_point_into_the_text(gz, text: str,
                                                                  published: dt.date | None) -> None:
    _count("extract_events")
    article = _article(text, published)
    events = extract_events(article, gz, split_sentences(text))  # any exception, GeoError too, fails the test
    for e in events:
        assert 0 <= e.start < e.end <= len(text) and e.sentence == text[e.start:e.end]
        assert e.place and e.place in e.sentence
        assert e.kind in EVENT_KINDS and e.stance in STANCES
        assert e.date_end is None or e.date is None or e.date_end >= e.date
        assert 0 <= e.confidence <= 1
        assert e.lat is None or (math.isfinite(e.lat) and math.isfinite(e.lon))


# --------------------------------------------------------------------------- regressions found here
@PROFILE
@given(st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=40))
def test_overlap_resolution_equals_the_quadratic_rule(pairs: list[tuple[int, int]]) -> None:
    """The bisect overlap resolution (added for a 10 MB article) keeps what the scan kept."""
    from geo.extract.time.expressions import TimeMention, _longest_disjoint

    _count("longest_disjoint")
    found = [TimeMention("x" * n, s, s + n, dt.date(2024, 1, 1), None, "day", "at") for s, n in pairs]
    expected: list[TimeMention] = []
    for t in sorted(found, key=lambda t: (t.start - t.end, t.start)):
        if all(t.end <= c.start or t.start >= c.end for c in expected):
            expected.append(t)
    assert _longest_disjoint(list(found)) == sorted(expected, key=lambda t: t.start)


def test_lone_surrogates_get_an_id_and_are_replaced_when_normalised() -> None:
    from geo.read.corpus import normalise_text

    assert len(article_id("Aleppo \ud800")) == 16 and article_id("a\ud800") != article_id("a\udfff")
    assert normalise_text("Hama\ud83d fell") == "Hama\ufffd fell"


_BREAKS = str.maketrans({"\r": "\n", "\x0b": "\n", "\x0c": "\n", "\u2028": "\n", "\u2029": "\n"})


@PROFILE
@given(st.lists(st.sampled_from(["a", "\u00e9", "e\u0301", "\r", "\n", "\r\n", "\x0b", "\x0c", "\u2028", "\u2029",
                                 "\x00", "\x1f", "\ufeff", "\ud800", " "]), max_size=40).map("".join))
def test_normalised_text_is_the_plain_definition(text: str) -> None:
    """Line breaks to "\\n" by one substitution, as the character-by-character translation gave."""
    from geo.read.corpus import normalise_text

    _count("normalise_text")
    plain = text.replace("\r\n", "\n").translate(_BREAKS)
    plain = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in plain)
    plain = "".join(c for c in plain if not ("\x00" <= c <= "\x08" or "\x0e" <= c <= "\x1f" or c in "\x7f\ufeff"))
    assert normalise_text(text) == unicodedata.normalize("NFC", plain)
    assert normalise_text("Kidal\r\nfell.\u2028Gao\rheld\x0cMenaka") == "Kidal\nfell.\nGao\nheld\nMenaka"


@pytest.mark.parametrize("published", [dt.date.min, dt.date(1, 1, 4)])
def test_an_undated_event_published_in_the_first_week_of_year_one(gz, published: dt.date) -> None:
    text = "Syrian rebels captured Aleppo."
    [event] = extract_events(_article(text, published), gz, split_sentences(text))
    assert event.date is not None and dt.date.min <= event.date <= (event.date_end or event.date) <= published


@pytest.mark.parametrize("text", ["\u00b4A", "Clashes near Tell \u00b4Aran.", "x \u00b4Aleppo"])
def test_spacing_accent_before_a_name_does_not_crash_find(gz, text: str) -> None:
    for m in gz.find(text):
        assert m.text == text[m.start:m.end]
