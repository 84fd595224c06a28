"""The GeoPackage export opened in real QGIS (Debian's python3-qgis, headless).

Runs tests/qgis_check.py under /usr/bin/python3 and checks what QGIS made of each layer:
valid, default style loaded from ``layer_styles``, categorised in the faction colours,
Temporal Controller active, and which places it shows on given days. Skipped when QGIS's
Python bindings are not installed (``bash .ci/install-qgis.sh``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from geo.export import LAYERS, build_layers, export
from geo.theatres import packaged_theatres

sys.path.insert(0, str(Path(__file__).parent))
from test_export import make_data  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.qgis]

SYSTEM_PYTHON = Path("/usr/bin/python3")
CHECK = Path(__file__).with_name("qgis_check.py")


def _qgis_available() -> str | None:
    if not SYSTEM_PYTHON.exists():
        return f"no {SYSTEM_PYTHON}"
    probe = subprocess.run([str(SYSTEM_PYTHON), "-c", "import qgis.core"], capture_output=True,
                           text=True, timeout=120, check=False)
    if probe.returncode != 0:
        return "QGIS Python bindings not installed: bash .ci/install-qgis.sh (apt-get install qgis python3-qgis)"
    return None


@pytest.fixture(scope="module")
def qgis_report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    reason = _qgis_available()
    if reason:
        pytest.skip(reason)
    path = export(make_data(), "gpkg", tmp_path_factory.mktemp("qgis") / "map.gpkg")[0]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([str(SYSTEM_PYTHON), str(CHECK), str(path), "2024-11-25", "2024-11-29",
                           "2024-11-30", "2024-12-04", "2024-12-05"],
                          capture_output=True, text=True, timeout=300, env=env, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    assert lines, f"no JSON from qgis_check.py: {done.stdout[-500:]} {done.stderr[-1500:]}"
    return json.loads(lines[-1])


def test_every_layer_opens_styled_and_temporal(qgis_report: dict) -> None:
    expected = build_layers(make_data())
    for name in LAYERS:
        layer = qgis_report["layers"][name]
        assert layer["valid"] and layer["style_loaded"], (name, layer)
        assert layer["crs"] == "EPSG:4326" and layer["features"] == len(expected[name])
        assert layer["temporal_active"], name
        assert layer["fields"]["valid_from"] == layer["fields"]["valid_to"] == "Date"


@pytest.mark.parametrize("name", ["places", "control_areas"])
def test_categorised_by_controller_in_faction_colours(qgis_report: dict, name: str) -> None:
    layer = qgis_report["layers"][name]
    assert layer["renderer"] == "QgsCategorizedSymbolRenderer" and layer["attribute"] == "controller"
    present = set(build_layers(make_data())[name]["controller"])
    assert set(layer["categories"]) == present
    for faction, colour in layer["category_colours"].items():
        if faction in packaged_theatres()["syria"].colours:
            assert colour == packaged_theatres()["syria"].colours[faction].lower()


def test_places_labelled_and_fronts_rings_single_symbol(qgis_report: dict) -> None:
    layers = qgis_report["layers"]
    assert layers["places"]["labels"] and layers["governorates"]["labels"]
    assert layers["front_lines"]["renderer"] == layers["distance_rings"]["renderer"] == "QgsSingleSymbolRenderer"


def test_temporal_controller_shows_the_right_holder_each_day(qgis_report: dict) -> None:
    shown = qgis_report["layers"]["places"]["shown_on"]
    assert shown["2024-11-25"] == []  # before the first report
    assert ["aleppo", "government"] in shown["2024-11-29"]
    assert ["aleppo", "opposition"] not in shown["2024-11-29"]
    assert ["aleppo", "opposition"] in shown["2024-11-30"]
    assert ["aleppo", "government"] not in shown["2024-11-30"]
    assert ["manbij", "sdf"] not in shown["2024-11-30"]
    assert any(p == "manbij" for p, _ in shown["2024-12-04"])
    assert all(p != "manbij" for p, _ in shown["2024-12-05"])  # dropped out of the snapshot
    assert ["idlib", "opposition"] in shown["2024-12-05"]  # open-ended row
