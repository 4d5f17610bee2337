"""Character-level normalization of Vietnamese text, for matching only.

The original text is never changed; these functions build *keys*:

* :func:`nfc_map` composes to NFC and returns, for each output character, the
  offset of the original character it came from;
* :func:`unify_tones` moves tone marks to one style (``hoá`` → ``hóa``,
  ``Uỷ`` → ``Ủy``, ``khoẻ`` → ``khỏe``) without changing the length;
* :func:`fold` is the matching key: NFC, one tone style, lower case, one space;
* :func:`fold_ascii` also drops diacritics (``đ`` → ``d``), for people who type
  without them: ``fold_ascii("Nghị quyết 57") == "nghi quyet 57"``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

_WS = re.compile(r"\s+")
# The combining marks of Vietnamese (and of Latin generally): one block.
_LATIN_MARKS = re.compile("[\u0300-\u036f]")

# Old-style placement (mark on the second vowel of an open oa/oe/uy syllable) → the
# style the project uses (mark on the first vowel), as in "Ủy ban", "hóa", "thủy".
_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook, dot below


def _tone_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for mark in _TONE_MARKS:
            for upper1 in (False, True):
                for upper2 in (False, True):
                    a = first.upper() if upper1 else first
                    b = second.upper() if upper2 else second
                    old = a + unicodedata.normalize("NFC", b + mark)
                    new = unicodedata.normalize("NFC", a + mark) + b
                    pairs[old] = new
    return pairs


_TONE_PAIRS = _tone_pairs()
# Only open syllables: "hoá" but not "hoán"; "thuỷ" but not "quý" (qu + ý is standard).
# Every old pair is two letters, the first o, O, u or U: one branch per first letter (a
# class of the marked vowels after it), the check for "q" just after it, so the regex
# engine looks only at o and u (4.6 times faster than one alternation of the 60 pairs,
# which it tried at every character; the same matches).
_TONE_RE = re.compile(
    "("
    + "|".join(
        f"{first}(?<![qQ]{first})[{''.join(sorted(k[1] for k in _TONE_PAIRS if k[0] == first))}]"
        for first in sorted({k[0] for k in _TONE_PAIRS})
    )
    + r")"
    r"(?![a-zA-Zà-ỹÀ-Ỹđ])"
)


#: The capital letters of Vietnamese, as the body of a regular expression's character class
#: (``"[" + CAPITALS + "]"``). Not the range "À-Ỹ": between those two code points stand small
#: letters too ("đ", "ủ", "ơ"), which read "đồng chí", "ủy" as words in capitals.
CAPITALS = "A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
#: The small letters of Vietnamese, likewise. Not the range "à-ỹ": it holds capitals ("Đ", "Ủ",
#: "Ở"), which read "Đảng ủy" after a word as the sentence going on in small letters.
SMALL = "a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"


def unify_tones(s: str) -> str:
    """One tone-mark style; the result has the same length as ``s`` (for NFC input).

    >>> unify_tones("Uỷ ban, hoá, khoẻ, quý, hoàn")
    'Ủy ban, hóa, khỏe, quý, hoàn'
    """
    return _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group(1)], s)


def nfc_map(s: str, base: int = 0) -> tuple[str, Sequence[int]]:
    """NFC-compose ``s``; also return the original offset (plus ``base``) of each output char
    (a ``range`` when ``s`` is NFC already, as nearly every line is: no list is made).

    >>> nfc_map("Ủy", 10)
    ('Ủy', range(10, 12))
    >>> nfc_map("U\u031bu\u0309", 10)
    ('Ưủ', [10, 12])
    """
    if unicodedata.is_normalized("NFC", s):
        return s, range(base, base + len(s))
    out: list[str] = []
    offsets: list[int] = []
    i = 0
    n = len(s)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(s[j]):
            j += 1
        piece = unicodedata.normalize("NFC", s[i:j])
        out.append(piece)
        offsets.extend([base + i] * len(piece))
        i = j
    return "".join(out), offsets


def lower_same_length(s: str) -> str:
    """Lower case, character by character, never changing the length."""
    low = s.lower()
    if len(low) == len(s):  # lower() never shrinks a character: same length, same places
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in s)


def match_key(s: str) -> str:
    """Length-preserving key of an NFC string: lower case and one tone style.

    Offsets found in the key are offsets in ``s``.
    """
    if len(s) > 4000:  # a whole document: read once, not worth keeping
        return unify_tones(lower_same_length(s))
    return _short_key(s)


@lru_cache(maxsize=8192)
def _short_key(s: str) -> str:
    """:func:`match_key` of a paragraph or a phrase, remembered: each extractor keys the
    same paragraph again (three in four calls on the synthetic corpus were repeats)."""
    return unify_tones(lower_same_length(s))


@lru_cache(maxsize=1 << 16)
def fold(s: str) -> str:
    """The matching key: NFC, one tone style, lower case, whitespace collapsed.

    Remembers recent answers: the same names and phrases are folded again and again.

    >>> fold("  Uỷ ban  nhân dân\\nTỈNH ")
    'ủy ban nhân dân tỉnh'
    """
    s = unicodedata.normalize("NFC", s)
    return " ".join(match_key(s).split())  # as _WS.sub(" ", …).strip(): the same spaces


def strip_diacritics(s: str) -> str:
    """Letters without their marks; ``đ`` → ``d``.

    >>> strip_diacritics("Đồng Tháp, Uỷ ban, Ñandú")
    'Dong Thap, Uy ban, Nandu'
    """
    s = _LATIN_MARKS.sub("", unicodedata.normalize("NFD", s))
    s = s.replace("đ", "d").replace("Đ", "D").replace("\u00d0", "D")
    if not s.isascii():  # marks of other scripts, rarely: the general (slower) way
        s = "".join(c for c in s if not unicodedata.combining(c))
    return s


def fold_ascii(s: str) -> str:
    """:func:`fold` without diacritics: what people type on a keyboard without Vietnamese input.

    >>> fold_ascii("Nghị quyết số 57-NQ/TW của Bộ Chính trị")
    'nghi quyet so 57-nq/tw cua bo chinh tri'
    """
    out = strip_diacritics(fold(s))
    if "  " in out or out[:1] == " " or out[-1:] == " ":
        # a mark of another script alone between spaces ("0 ꚞ") went with the marks: the
        # spaces are collapsed again, so that folding twice changes nothing
        out = " ".join(out.split())
    return out


def collapse(s: str) -> str:
    """Whitespace collapsed to single spaces, NFC: how text taken from a document is displayed."""
    return " ".join(unicodedata.normalize("NFC", s).split())  # as _WS.sub(" ", …).strip()
