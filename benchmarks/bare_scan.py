"""The baseline of the extraction benchmarks: a bare Aho–Corasick scan for every gazetteer key.

The cost floor of finding names in text: one pyahocorasick automaton over all name keys
(each padded with a space at both ends), run over the lower-cased text, with no rules and no
ranking. Built here, outside the timings; geo itself finds names with :mod:`gazetteer.match`.
"""

from __future__ import annotations

import ahocorasick

from gazetteer import Gazetteer


def bare_automaton(gz: Gazetteer) -> ahocorasick.Automaton:
    """Return an Aho–Corasick automaton over every name key of *gz* (``automaton.iter(text.lower())`` scans)."""
    automaton = ahocorasick.Automaton()
    for key in gz.store.name_keys():
        automaton.add_word(f" {key} ", key)
    automaton.make_automaton()
    return automaton
