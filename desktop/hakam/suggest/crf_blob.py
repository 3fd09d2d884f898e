"""The CRF model file: checked whole before crfsuite's C loader sees a byte.

Layout::

    HAKAM-CRF 2\\n
    {"documents": N, "entities": BYTES, "triggers": BYTES, "sha256": HEX, "policy": {…}}\\n
    <entities crfsuite model><triggers crfsuite model>

crfsuite trusts the offsets inside a model file, so a flipped bit or a
truncated file can crash the process. ``unpack`` refuses a blob unless the
header has exactly these fields with sane values, the sizes add up, the
SHA-256 of the body matches, and each part's own crfsuite header (magic,
size, offsets) lies inside the part. Files of the first format (``HAKAM-CRF 1``)
carry no checksum: they are refused with a request to retrain, since they
cannot be told apart from damaged ones.
"""

from __future__ import annotations

import hashlib
import struct

import orjson

MAGIC = b"HAKAM-CRF 2\n"
OLD_MAGIC = b"HAKAM-CRF 1\n"
PARTS = ("entities", "triggers")
_HEADER_LIMIT = 16384  # bytes of the JSON header line (the stacking policy included)
_FIELDS = {"documents", "sha256", *PARTS}
_OPTIONAL = {"policy"}  # the stacking policy (``hakam.suggest.stacking``), when there were held-out documents
# crfsuite's model header: magic, size, type, version, 3 counts, 5 offsets (little-endian uint32).
_CRF_HEADER = struct.Struct("<4sI4sIIIIIIIII")


class CrfError(ValueError):
    """A model file that is not a sound Hakam CRF model; the message says why."""


def pack(parts: dict[str, bytes], documents: int, policy: dict | None = None) -> bytes:
    body = b"".join(parts[name] for name in PARTS)
    header: dict = {"documents": documents, **{name: len(parts[name]) for name in PARTS}}
    if policy is not None:
        header["policy"] = policy
    header["sha256"] = hashlib.sha256(body).hexdigest()
    return MAGIC + orjson.dumps(header) + b"\n" + body


def _header(blob: bytes) -> tuple[dict[str, int | str], int]:
    if blob.startswith(OLD_MAGIC):
        raise CrfError("a model saved by an older Hakam, without a checksum: retrain it (hakam train)")
    if not blob.startswith(MAGIC):
        raise CrfError("not a Hakam CRF model")
    end = blob.find(b"\n", len(MAGIC), len(MAGIC) + _HEADER_LIMIT)
    if end < 0:
        raise CrfError("damaged CRF model: no header line")
    try:
        header = orjson.loads(blob[len(MAGIC) : end])
    except orjson.JSONDecodeError:
        raise CrfError("damaged CRF model: unreadable header") from None
    if not isinstance(header, dict) or not _FIELDS <= set(header) <= _FIELDS | _OPTIONAL:
        raise CrfError("damaged CRF model: unexpected header fields")
    for name in ("documents", *PARTS):
        value = header[name]
        if isinstance(value, bool) or not isinstance(value, int) or value < 0 or (name in PARTS and value == 0):
            raise CrfError(f"damaged CRF model: bad {name} in the header")
    if not isinstance(header.get("policy", {}), dict):
        raise CrfError("damaged CRF model: bad policy in the header")
    digest = header["sha256"]
    if not isinstance(digest, str) or len(digest) != 64 or digest.strip("0123456789abcdef"):
        raise CrfError("damaged CRF model: bad checksum field")
    return header, end + 1


def _check_part(name: str, part: bytes) -> None:
    """The part's own header must describe a file of its size with offsets inside it."""
    if len(part) < _CRF_HEADER.size:
        raise CrfError(f"damaged CRF model: the {name} part is too short")
    magic, size, kind, _version, *rest = _CRF_HEADER.unpack_from(part)
    offsets = rest[3:]
    if magic != b"lCRF" or kind != b"FOMC" or size != len(part) or any(o >= size for o in offsets):
        raise CrfError(f"damaged CRF model: the {name} part is not a crfsuite model")


def unpack(blob: bytes) -> tuple[dict[str, bytes], dict[str, int]]:
    """(crfsuite model bytes by part, header: part sizes and ``documents`` trained on);
    ``CrfError`` for anything that is not a sound model (see the module doc)."""
    blob = bytes(blob)
    header, offset = _header(blob)
    body = blob[offset:]
    if len(body) != sum(header[name] for name in PARTS):
        raise CrfError("damaged CRF model: truncated or padded")
    if hashlib.sha256(body).hexdigest() != header["sha256"]:
        raise CrfError("damaged CRF model: the checksum does not match")
    parts, start = {}, 0
    for name in PARTS:
        size = header[name]
        parts[name] = body[start : start + size]
        start += size
        _check_part(name, parts[name])
    return parts, {k: v for k, v in header.items() if k != "sha256"}
