"""The literal gate: a pattern tried only where it may match, with exactly the pattern's own matches."""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import geo.extract
from geo.extract.prefilter import LiteralGate, required_starts
from geo.read.sentences import split_sentences

ROOT = Path(__file__).resolve().parent.parent


def _gates() -> list[tuple[str, LiteralGate]]:
    """Every gate the extraction modules hold, by name (module globals and the tuples of them)."""
    found: dict[int, tuple[str, LiteralGate]] = {}
    for info in pkgutil.walk_packages(geo.extract.__path__, "geo.extract."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            for k, item in enumerate(value if isinstance(value, tuple) else (value,)):
                if isinstance(item, LiteralGate):
                    found.setdefault(id(item), (f"{info.name}.{name}[{k}]", item))
    return list(found.values())


GATES = _gates()

#: One character for one that ``re.IGNORECASE`` equates with an ASCII letter but ``str.lower`` does not lower to it.
_VARIANTS = {"s": "ſ", "k": "\u212a", "i": "ı"}


def _variants(sentence: str, rng: random.Random) -> list[str]:
    """The sentence, upper-cased, with case-variant letters, and with a letter that lower-casing lengthens."""
    odd = "".join(_VARIANTS.get(c, c) if rng.random() < 0.3 else c for c in sentence)
    return [sentence, sentence.upper(), odd, "İ" + sentence]


def _texts() -> list[str]:
    rng = random.Random(7)
    sentences = []
    for folder in (ROOT / "seeds", ROOT / "benchmarks" / "devset" / "articles"):
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            sentences.extend(text[s:e] for s, e in split_sentences(text))
    return [t for s in rng.sample(sentences, min(300, len(sentences))) for t in _variants(s, rng)]


TEXTS = _texts()


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a is None) == (b is None) and (a is None or b is None or (a.span(), a.groups()) == (b.span(), b.groups()))


def _agree(gate: LiteralGate, text: str, pos: int = 0, endpos: int | None = None) -> None:
    pattern = gate.pattern
    if endpos is None:
        plain, screened = pattern.search(text, pos), gate.search(text, pos)
        plain_all, screened_all = list(pattern.finditer(text, pos)), list(gate.finditer(text, pos))
    else:
        plain, screened = pattern.search(text, pos, endpos), gate.search(text, pos, endpos)
        plain_all, screened_all = list(pattern.finditer(text, pos, endpos)), list(gate.finditer(text, pos, endpos))
    assert _same(plain, screened), (pattern.pattern[:80], text, pos, endpos)
    assert [(m.span(), m.groups()) for m in plain_all] == [(m.span(), m.groups()) for m in screened_all], (
        pattern.pattern[:80], text, pos, endpos)


def test_the_extraction_gates_its_patterns() -> None:
    assert len(GATES) >= 60  # the trigger wordings, the stance and denial cues, the time cues ...
    assert sum(g.starts is not None for _, g in GATES) >= 40


@pytest.mark.parametrize(("name", "gate"), GATES, ids=[name for name, _ in GATES])
def test_every_gate_finds_what_its_pattern_finds(name: str, gate: LiteralGate) -> None:
    rng = random.Random(name)
    for text in TEXTS:
        _agree(gate, text)
        a, b = rng.randrange(-5, len(text) + 5), rng.randrange(-5, len(text) + 5)
        _agree(gate, text, a, b)  # spans clamped as ``re`` clamps them, empty ones, reversed ones
        _agree(gate, text, min(a, b), max(a, b))


def test_a_match_found_case_insensitively_through_a_variant_letter_is_kept() -> None:
    gate = LiteralGate(re.compile(r"\b(?:seized|captured)\s+(\w+)", re.I))
    for text in ("Rebels ſeized Homs.", "Rebels SEIZED Homs.", "İdlib: rebels captured Saraqib.",
                 "Rebels capturıng nothing, then capturεd nothing."):
        _agree(gate, text)
    assert gate.search("Rebels ſeized Homs.").group(1) == "Homs"  # type: ignore[union-attr]


class _Counted:
    """A compiled pattern that counts how often it is tried (a gate needs ``pattern``, ``flags`` and the methods)."""

    def __init__(self, regex: str, flags: int = 0) -> None:
        self.compiled = re.compile(regex, flags)
        self.pattern, self.flags = self.compiled.pattern, self.compiled.flags
        self.tries: list[tuple[str, int]] = []

    def search(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        self.tries.append(("search", pos))
        return self.compiled.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = 2**62) -> re.Match[str] | None:
        self.tries.append(("match", pos))
        return self.compiled.match(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = 2**62):  # type: ignore[no-untyped-def]
        self.tries.append(("finditer", pos))
        return self.compiled.finditer(text, pos, endpos)


def test_the_pattern_is_tried_only_where_a_match_may_begin() -> None:
    counted = _Counted(r"\b(?:seized|took)\s+(?:control\s+of\s+)?([A-Z]\w+)", re.I)
    gate = LiteralGate(counted)  # type: ignore[arg-type]
    text = "The army retook ground. Rebels seized control of Kidal after they took Gao on Monday."
    assert [m.group(1) for m in gate.finditer(text)] == ["Kidal", "Gao"]
    assert counted.tries == [("match", text.index("took")), ("match", text.index("seized")),
                             ("match", text.index("took Gao"))]  # "retook": "took" inside a word, tried and failed
    counted.tries.clear()
    assert gate.search("Shelling hit Kharkiv overnight.") is None and counted.tries == []


def test_a_pattern_with_no_known_beginning_is_searched_only_where_its_words_are() -> None:
    counted = _Counted(r"(?:\w+\s+){0,2}captured\b", re.I)
    gate = LiteralGate(counted)  # type: ignore[arg-type]
    assert gate.starts is None and gate.words == ("captured",)
    assert gate.search("Shelling hit Kharkiv overnight.") is None and counted.tries == []
    assert gate.search("Rebels have captured it.").group(0) == "Rebels have captured"  # type: ignore[union-attr]
    assert counted.tries == [("search", 0)]


def test_required_starts() -> None:
    assert required_starts(re.compile(r"\b(?:took|retook|recaptured?)\s+\w+", re.I)) == {
        "took", "retook", "recapture", "recaptured"}
    assert required_starts(re.compile(r"(?<!-)\b(?:Fell|fallen)\s+to")) == {"fell", "fallen"}  # lookbehind passed over
    assert required_starts(re.compile(r"(?:laid|lay)\s+siege")) == {"laid", "lay"}  # as far as it is literal
    assert required_starts(re.compile(r"\b(?:\w+ly\s+)?captured")) is None  # an optional first word
    assert required_starts(re.compile(r"\b(?:is|was)\s+captured", re.I)) == {"is", "was"}
    assert required_starts(re.compile(r"\b(?:a|the)\s+town")) is None  # "a": too short to screen with
    assert required_starts(re.compile(r"[A-Z]\w+-held")) is None  # a class first
    assert required_starts(re.compile(r"(?:the\s+)?siege")) is None


_GATE_WORDS = ["Rebels", "seized", "ſeized", "took", "retook", "Took", "control", "of", "Kidal", "Gao", "the",
               "town", "from", "FROM", "after", "which", "captured", "capturıng", "\u212aherson", "İdlib", ",", "."]
_SAMPLE_GATES = [g for name, g in GATES if "WORDING_GATES" in name][:20] + [g for name, g in GATES if "SOURCE" in name]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_GATE_WORDS), min_size=1, max_size=30), st.integers(-3, 200), st.integers(-3, 200))
def test_gates_agree_with_their_patterns_on_any_words(words: list[str], pos: int, endpos: int) -> None:
    text = " ".join(words)
    for gate in _SAMPLE_GATES:
        _agree(gate, text)
        _agree(gate, text, pos, endpos)
