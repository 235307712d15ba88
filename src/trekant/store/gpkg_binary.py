"""GeoPackage geometry binary (OGC 12-128r18, §2.1.3): header + ISO WKB.

Written by hand because no wheel ships SpatiaLite and GeoAlchemy2's GeoPackage dialect loads it.
"""

from __future__ import annotations

import struct

import shapely
from shapely.geometry.base import BaseGeometry

_MAGIC = b"GP"
_VERSION = 0
_ENVELOPE_XY = 1  # [minx, maxx, miny, maxy]
_HEADER = struct.Struct("<2sBBi")
_ENVELOPE = struct.Struct("<4d")


def encode(geom: BaseGeometry | None, srs_id: int) -> bytes | None:
    """Shapely geometry → GeoPackage binary (little endian, XY envelope unless empty)."""
    if geom is None:
        return None
    wkb = shapely.to_wkb(geom, byte_order=1, output_dimension=2, flavor="iso")
    if geom.is_empty:
        flags = 0b0001_0001  # little endian, empty, no envelope
        return _HEADER.pack(_MAGIC, _VERSION, flags, srs_id) + wkb
    minx, miny, maxx, maxy = geom.bounds
    flags = 0b0000_0001 | (_ENVELOPE_XY << 1)
    return _HEADER.pack(_MAGIC, _VERSION, flags, srs_id) + _ENVELOPE.pack(minx, maxx, miny, maxy) + wkb


_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def _split(blob: bytes) -> tuple[int, int, int]:
    """Return (flags, srs_id, offset of WKB) after checking the magic."""
    if blob[:2] != _MAGIC:
        raise ValueError("not a GeoPackage geometry blob (magic 'GP' missing)")
    flags = blob[3]
    little = flags & 1
    srs_id = struct.unpack("<i" if little else ">i", blob[4:8])[0]
    envelope_kind = (flags >> 1) & 0b111
    if envelope_kind not in _ENVELOPE_BYTES:
        raise ValueError(f"invalid envelope indicator {envelope_kind}")
    return flags, srs_id, 8 + _ENVELOPE_BYTES[envelope_kind]


def decode(blob: bytes | None) -> BaseGeometry | None:
    """GeoPackage binary → Shapely geometry."""
    if blob is None:
        return None
    _, _, offset = _split(blob)
    return shapely.from_wkb(bytes(blob[offset:]))


def envelope(blob: bytes | None) -> tuple[float, float, float, float] | None:
    """(minx, maxx, miny, maxy) from the header when present, else computed; None when empty."""
    if blob is None:
        return None
    flags, _, offset = _split(blob)
    if flags & 0b1_0000:
        return None
    if (flags >> 1) & 0b111:
        fmt = "<4d" if flags & 1 else ">4d"
        return struct.unpack(fmt, blob[8:40])
    geom = shapely.from_wkb(bytes(blob[offset:]))
    if geom.is_empty:
        return None
    minx, miny, maxx, maxy = geom.bounds
    return minx, maxx, miny, maxy


def encode_many(geoms, srs_id: int) -> list[bytes | None]:
    """encode() for an array of geometries in a few vectorised calls (a national plan has 100,000):
    one WKB and one bounds call for all, the header and envelope packed with numpy."""
    import numpy as np  # noqa: PLC0415 - only the bulk writers need it

    geoms = np.asarray(geoms, dtype=object)
    out: list[bytes | None] = [None] * len(geoms)
    present = np.flatnonzero(~shapely.is_missing(geoms))
    if not len(present):
        return out
    chosen = geoms[present]
    empty = shapely.is_empty(chosen)
    wkb = shapely.to_wkb(chosen, byte_order=1, output_dimension=2, flavor="iso")
    bounds = shapely.bounds(chosen)[:, [0, 2, 1, 3]]  # minx, maxx, miny, maxy as the envelope wants
    envelopes = np.ascontiguousarray(bounds, dtype="<f8").tobytes()
    header = _HEADER.pack(_MAGIC, _VERSION, 0b0000_0001 | (_ENVELOPE_XY << 1), srs_id)
    for k, row in enumerate(present):
        if empty[k]:
            out[row] = encode(chosen[k], srs_id)
        else:
            out[row] = header + envelopes[32 * k:32 * k + 32] + wkb[k]
    return out
