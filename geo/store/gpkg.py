"""The GeoPackage layer of the event store: system tables and point geometry blobs.

A GeoPackage (OGC 12-128, version 1.3) is an SQLite file with an application id, a user
version, three system tables (``gpkg_spatial_ref_sys``, ``gpkg_contents``,
``gpkg_geometry_columns``) and feature tables whose geometry column holds "GeoPackage
binary": an 8-byte header (``GP``, version 0, flags, srs id) followed by standard WKB.
Only what the store needs is here: WGS 84 points, written and read with :mod:`struct`.
"""

from __future__ import annotations

import sqlite3
import struct

__all__ = ["APPLICATION_ID", "USER_VERSION", "point_blob", "blob_point", "create_system_tables",
           "register_points", "update_extent", "is_geopackage"]

#: ``PRAGMA application_id`` of a GeoPackage: the ASCII bytes "GPKG".
APPLICATION_ID = 0x47504B47
#: ``PRAGMA user_version`` of a GeoPackage 1.3.0 file.
USER_VERSION = 10300
_WGS84 = 4326
_WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],'
    'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],'
    'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]'
)
# 'GP', version 0, flags 0b00000001 (little-endian, no envelope, not empty, standard), srs id
_HEADER = struct.Struct("<2sBBi")
# WKB point: byte order 1 (little-endian), type 1 (Point), x, y
_WKB_POINT = struct.Struct("<BIdd")

_SYSTEM_TABLES = (
    """CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
        srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
        organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT)""",
    """CREATE TABLE IF NOT EXISTS gpkg_contents (
        table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
        description TEXT DEFAULT '',
        last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id))""",
    """CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
        table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
        srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT uk_gc_table_name UNIQUE (table_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id))""",
)
_SRS_ROWS = (
    ("WGS 84 geodetic", _WGS84, "EPSG", _WGS84, _WGS84_WKT, "longitude/latitude in decimal degrees on WGS 84"),
    ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian coordinate reference system"),
    ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic coordinate reference system"),
)


def point_blob(lon: float | None, lat: float | None) -> bytes | None:
    """Encode a WGS 84 point as GeoPackage binary (None when either coordinate is missing).

    Parameters
    ----------
    lon, lat : float or None
        Longitude and latitude in degrees.

    Returns
    -------
    bytes or None
        The 29-byte blob: header without envelope, then a little-endian WKB point.
    """
    if lon is None or lat is None:
        return None
    return _HEADER.pack(b"GP", 0, 0b00000001, _WGS84) + _WKB_POINT.pack(1, 1, float(lon), float(lat))


def blob_point(blob: bytes | None) -> tuple[float, float] | None:
    """Decode a point written by :func:`point_blob`; ``(lon, lat)`` or None.

    Raises
    ------
    ValueError
        The blob is not a GeoPackage point without envelope.
    """
    if blob is None:
        return None
    magic, version, flags, _srs = _HEADER.unpack_from(blob)
    if magic != b"GP" or version != 0 or flags & 0b00001110:
        raise ValueError("not a GeoPackage point blob without envelope")
    order = "<" if blob[_HEADER.size] == 1 else ">"
    _, kind, x, y = struct.unpack_from(order + "BIdd", blob, _HEADER.size)
    if kind != 1:
        raise ValueError(f"WKB geometry type {kind} is not a point")
    return x, y


def create_system_tables(conn: sqlite3.Connection) -> None:
    """Make the database a GeoPackage: application id, user version, system tables, SRS rows."""
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {USER_VERSION}")
    for sql in _SYSTEM_TABLES:
        conn.execute(sql)
    conn.executemany("INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", _SRS_ROWS)


def register_points(conn: sqlite3.Connection, table: str, column: str, description: str) -> None:
    """Register a feature table whose ``column`` holds WGS 84 points (table already created)."""
    conn.execute("INSERT OR IGNORE INTO gpkg_contents (table_name, data_type, identifier, description, srs_id) "
                 "VALUES (?, 'features', ?, ?, ?)", (table, table, description, _WGS84))
    conn.execute("INSERT OR IGNORE INTO gpkg_geometry_columns VALUES (?, ?, 'POINT', ?, 0, 0)",
                 (table, column, _WGS84))


def update_extent(conn: sqlite3.Connection, table: str, lon: str, lat: str) -> None:
    """Set a feature table's bounding box and last change time in ``gpkg_contents``.

    ``lon`` and ``lat`` name the table's plain coordinate columns (trusted identifiers).
    """
    box = conn.execute(f"SELECT min({lon}), min({lat}), max({lon}), max({lat}) FROM {table}").fetchone()
    conn.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                 "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') WHERE table_name = ?", (*box, table))


def is_geopackage(conn: sqlite3.Connection) -> bool:
    """Whether the database carries the GeoPackage application id."""
    return conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
