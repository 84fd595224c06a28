"""The GeoPackage, GeoJSON and QGIS project exports opened in real QGIS (Debian's python3-qgis, headless).

Runs tests/qgis_check.py under /usr/bin/python3 and checks what QGIS made of each layer:
valid, default style loaded (from ``layer_styles``, from the ``.qml`` beside a GeoJSON file,
or from the project), categorised in the faction colours, Temporal Controller active, and
which places it shows on given days; for the ``.qgz`` project also the legend groups, the
drawing order, the project's time range and view extent. Skipped when QGIS's Python
bindings are not installed (``bash .ci/install-qgis.sh``).
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
from test_export import PLACES, make_data  # noqa: E402

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


DAYS = ("2024-11-25", "2024-11-29", "2024-11-30", "2024-12-04", "2024-12-05")


def _check(path: Path) -> dict:
    """Run qgis_check.py on an export and return its report."""
    reason = _qgis_available()
    if reason:
        pytest.skip(reason)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([str(SYSTEM_PYTHON), str(CHECK), str(path), *DAYS],
                          capture_output=True, text=True, timeout=300, env=env, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = [ln for ln in done.stdout.splitlines() if ln.startswith("{")]
    assert lines, f"no JSON from qgis_check.py: {done.stdout[-500:]} {done.stderr[-1500:]}"
    return json.loads(lines[-1])


@pytest.fixture(scope="module")
def qgis_report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    return _check(export(make_data(), "gpkg", tmp_path_factory.mktemp("qgis") / "map.gpkg")[0])


@pytest.fixture(scope="module")
def geojson_report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("geojson") / "layers"
    export(make_data(), "geojson", folder)
    return _check(folder)


@pytest.fixture(scope="module")
def project_report(tmp_path_factory: pytest.TempPathFactory) -> dict:
    folder = tmp_path_factory.mktemp("project")
    path = export(make_data(), "qgis", folder / "control.qgz")[0]
    moved = tmp_path_factory.mktemp("moved")  # the project and its GeoPackage travel together
    for p in folder.iterdir():
        p.rename(moved / p.name)
    return _check(moved / path.name)


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


def _assert_holders_by_day(shown: dict) -> None:
    assert shown["2024-11-25"] == []
    assert ["aleppo", "government"] in shown["2024-11-29"] and ["aleppo", "opposition"] not in shown["2024-11-29"]
    assert ["aleppo", "opposition"] in shown["2024-11-30"] and ["aleppo", "government"] not in shown["2024-11-30"]
    assert all(p != "manbij" for p, _ in shown["2024-12-05"]) and ["idlib", "opposition"] in shown["2024-12-05"]


def test_each_geojson_layer_opens_styled_from_its_qml_and_time_enabled(geojson_report: dict) -> None:
    expected = build_layers(make_data())
    for name in LAYERS:
        layer = geojson_report["layers"][name]
        assert layer["valid"] and layer["style_loaded"], (name, layer)
        assert layer["on_open"]["renderer"] == layer["renderer"]  # the .qml is found by the path alone
        assert layer["features"] == len(expected[name]) and layer["crs"] == "EPSG:4326"
        assert layer["temporal_active"] and layer["temporal_mode"] == 4, name
    places = geojson_report["layers"]["places"]
    assert places["renderer"] == "QgsCategorizedSymbolRenderer" and places["labels"]
    assert set(places["categories"]) == set(expected["places"]["controller"])
    assert places["fields"]["valid_from"] == places["fields"]["valid_to"] == "Date"
    _assert_holders_by_day(places["shown_on"])


def test_project_opens_every_layer_valid_styled_and_time_enabled(project_report: dict) -> None:
    assert project_report["read"] and project_report["crs"] == "EPSG:4326"
    expected = build_layers(make_data())
    assert set(project_report["layers"]) == set(LAYERS)
    for name in LAYERS:
        layer = project_report["layers"][name]
        assert layer["valid"], (name, layer)
        assert layer["source"].split("|")[0].endswith("/control.gpkg")  # found beside the moved project
        assert layer["features"] == len(expected[name])
        assert layer["temporal_active"] and layer["temporal_mode"] == 4, name
    for name in ("places", "control_areas", "governorates"):
        assert project_report["layers"][name]["renderer"] == "QgsCategorizedSymbolRenderer"
    _assert_holders_by_day(project_report["layers"]["places"]["shown_on"])


def test_project_legend_order_time_and_view(project_report: dict) -> None:
    groups = dict((name, layers) for name, layers in project_report["groups"])
    assert list(groups) == ["Reported", "Inferred"]
    assert all("inferred" in title for title in groups["Inferred"])
    assert not any("inferred" in title for title in groups["Reported"])
    order = project_report["drawing_order"]
    assert project_report["custom_order"] and order[0] == "Events" and order[-1] == "Governorates"
    assert order.index("Places") < order.index("Control areas (inferred)")
    assert order.index("Front lines (inferred)") < order.index("Control areas (inferred)")
    assert project_report["time_range"] == ["2024-11-26", "2024-12-06"]  # first date to the day after the last
    assert project_report["time_step"] == [1.0, 4]  # one day (QgsUnitTypes.TemporalDays)
    xmin, ymin, xmax, ymax = project_report["view_extent"]
    for _, lat, lon in PLACES.values():
        assert xmin < lon < xmax and ymin < lat < ymax
    assert xmax - xmin < 10 and ymax - ymin < 10  # framed on the data, not the world
