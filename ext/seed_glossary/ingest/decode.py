"""Bytes to numbered lines: encodings, byte-order marks, line ends, Unicode form."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import Problem

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Editors count CRLF, CR and LF as line ends, and nothing else; str.splitlines
# would also split on form feeds and U+2028, and shift every line number after.
_LINE_END = re.compile(r"\r\n|\r|\n")
# A well-formed multi-byte UTF-8 sequence (no overlongs, no surrogates).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]"
    rb"|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]"
    rb"|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


@dataclass(frozen=True, slots=True)
class DecodedSeed:
    """A seed's text as lines (``lines[0]`` is line 1), NFC, without trailing space."""

    lines: tuple[str, ...]
    encoding: str
    problems: tuple[Problem, ...] = ()

    def numbered(self) -> list[tuple[int, str]]:
        """The non-blank lines with their 1-based numbers."""
        return [
            (i, text.strip()) for i, text in enumerate(self.lines, 1) if text.strip()
        ]


def decode_seed(data: bytes) -> DecodedSeed:
    """Decode a seed file's bytes.

    UTF-8 (with or without BOM) first, UTF-16 when a BOM says so, then cp1252,
    which is what Windows-made pages without a declared encoding use. Bytes that
    fit neither are replaced and reported with their line numbers, and so are
    the bad bytes of text that is mostly UTF-8 (see :func:`_mostly_utf8`). Text
    with NUL bytes and no UTF-16 BOM is taken for a binary file and yields no
    lines.

    :param data: the file's bytes
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            text = body.decode(encoding, errors="replace")
            return _finish(text, f"{encoding} (BOM)", body, encoding)
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        problem = Problem(
            "unreadable",
            "file holds NUL bytes: not a text seed (binary file?); "
            "remove it from the seed folder or save it as UTF-8 text",
            line,
        )
        return DecodedSeed((), "binary", (problem,))
    try:
        return _finish(data.decode("utf-8"), "utf-8", data, "utf-8")
    except UnicodeDecodeError:
        pass
    what = "not valid UTF-8"
    if not _mostly_utf8(data):
        try:
            return _finish(data.decode("cp1252"), "cp1252", data, "cp1252")
        except UnicodeDecodeError:
            what = "neither UTF-8 nor cp1252"
    text = data.decode("utf-8", errors="replace")
    return _finish(text, "utf-8 (with replacements)", data, "utf-8", what)


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 text with a few bad bytes, not a cp1252 file.

    cp1252 text hardly ever holds valid UTF-8 sequences (``Ã©`` for ``é``), so
    when they outnumber the invalid bytes, the file is UTF-8 that a stray byte
    broke; reading it as cp1252 would garble every accented letter unnoticed.
    """
    valid = len(_UTF8_SEQUENCE.findall(data))
    invalid = data.decode("utf-8", errors="replace").count("\ufffd")
    return valid > invalid


def _finish(
    text: str, label: str, raw: bytes, codec: str, what: str = ""
) -> DecodedSeed:
    lines = tuple(
        unicodedata.normalize("NFC", line).rstrip() for line in _LINE_END.split(text)
    )
    problems: list[Problem] = []
    bad = [i for i, line in enumerate(lines, 1) if "\ufffd" in line]
    if bad and "\ufffd" not in raw.decode(codec, errors="ignore"):
        problems.append(
            Problem(
                "encoding",
                f"bytes that are {what or f'not valid {codec}'} on line(s) "
                f"{', '.join(map(str, bad[:10]))}; they show as \ufffd. "
                "Save the seed as UTF-8",
                bad[0],
            )
        )
    return DecodedSeed(lines, label, tuple(problems))
