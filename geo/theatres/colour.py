"""Colour distance for theatre palettes: sRGB to CIELAB (D65) and the CIEDE2000 difference.

A small pure-Python conversion, enough to check that the colours of one theatre are far
enough apart to tell apart on a map, with normal colour vision and with the three
dichromacies simulated (Machado, Oliveira and Fernandes 2009, severity 1).
"""

from __future__ import annotations

import math
import re
from typing import Literal

__all__ = ["HEX_COLOUR", "Deficiency", "ciede2000", "delta_e", "hex_to_lab", "hex_to_rgb", "simulate"]

#: A colour as written in a theatre file: ``#RRGGBB``.
HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")

Deficiency = Literal["protanopia", "deuteranopia", "tritanopia"]

#: Machado et al. (2009) simulation matrices at severity 1.0, applied to linear RGB.
_MACHADO: dict[str, tuple[tuple[float, float, float], ...]] = {
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779),
                   (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}

_WHITE_D65 = (0.95047, 1.0, 1.08883)


def hex_to_rgb(colour: str) -> tuple[float, float, float]:
    """Return the sRGB components of ``#RRGGBB`` in 0..1.

    Raises
    ------
    ValueError
        When *colour* is not ``#RRGGBB``.
    """
    if not HEX_COLOUR.fullmatch(colour):
        raise ValueError(f"{colour!r} is not a #RRGGBB colour")
    return (int(colour[1:3], 16) / 255, int(colour[3:5], 16) / 255, int(colour[5:7], 16) / 255)


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _lab_of_linear(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    r, g, b = rgb
    xyz = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b,
           0.2126729 * r + 0.7151522 * g + 0.0721750 * b,
           0.0193339 * r + 0.1191920 * g + 0.9503041 * b)

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(v / w) for v, w in zip(xyz, _WHITE_D65, strict=True))
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def hex_to_lab(colour: str) -> tuple[float, float, float]:
    """Return the CIELAB (D65, 2° observer) coordinates ``(L*, a*, b*)`` of ``#RRGGBB``."""
    r, g, b = (_linear(c) for c in hex_to_rgb(colour))
    return _lab_of_linear((r, g, b))


def simulate(colour: str, deficiency: Deficiency) -> tuple[float, float, float]:
    """Return the CIELAB coordinates of ``#RRGGBB`` as seen with *deficiency* (full dichromacy)."""
    linear = [_linear(c) for c in hex_to_rgb(colour)]
    seen = tuple(min(1.0, max(0.0, sum(m * c for m, c in zip(row, linear, strict=True))))
                 for row in _MACHADO[deficiency])
    return _lab_of_linear((seen[0], seen[1], seen[2]))


def ciede2000(lab1: tuple[float, float, float], lab2: tuple[float, float, float]) -> float:
    """Return the CIEDE2000 colour difference of two CIELAB colours (kL = kC = kH = 1).

    Follows Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula:
    implementation notes, supplementary test data, and mathematical observations".
    """
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c_mean = (math.hypot(a1, b1) + math.hypot(a2, b2)) / 2
    g = 0.5 * (1 - math.sqrt(c_mean ** 7 / (c_mean ** 7 + 25 ** 7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0

    dlp = l2 - l1
    dcp = c2p - c1p
    if c1p * c2p == 0:
        dhp = 0.0
    elif abs(h2p - h1p) <= 180:
        dhp = h2p - h1p
    elif h2p - h1p > 180:
        dhp = h2p - h1p - 360
    else:
        dhp = h2p - h1p + 360
    d_hp = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dhp / 2))

    lp_mean = (l1 + l2) / 2
    cp_mean = (c1p + c2p) / 2
    if c1p * c2p == 0:
        hp_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hp_mean = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        hp_mean = (h1p + h2p + 360) / 2
    else:
        hp_mean = (h1p + h2p - 360) / 2

    t = (1 - 0.17 * math.cos(math.radians(hp_mean - 30)) + 0.24 * math.cos(math.radians(2 * hp_mean))
         + 0.32 * math.cos(math.radians(3 * hp_mean + 6)) - 0.20 * math.cos(math.radians(4 * hp_mean - 63)))
    d_theta = 30 * math.exp(-(((hp_mean - 275) / 25) ** 2))
    r_c = 2 * math.sqrt(cp_mean ** 7 / (cp_mean ** 7 + 25 ** 7))
    s_l = 1 + 0.015 * (lp_mean - 50) ** 2 / math.sqrt(20 + (lp_mean - 50) ** 2)
    s_c = 1 + 0.045 * cp_mean
    s_h = 1 + 0.015 * cp_mean * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dlp / s_l) ** 2 + (dcp / s_c) ** 2 + (d_hp / s_h) ** 2
                     + r_t * (dcp / s_c) * (d_hp / s_h))


def delta_e(colour1: str, colour2: str, deficiency: Deficiency | None = None) -> float:
    """Return the CIEDE2000 difference of two ``#RRGGBB`` colours, optionally as seen with *deficiency*."""
    if deficiency is None:
        return ciede2000(hex_to_lab(colour1), hex_to_lab(colour2))
    return ciede2000(simulate(colour1, deficiency), simulate(colour2, deficiency))
