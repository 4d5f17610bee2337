"""The letter classes the patterns use: a capital is a capital, a small letter small.

The ranges "À-Ỹ" and "à-ỹ" each hold letters of the other case ("đ", "ủ" in the first; "Đ",
"Ủ", "Ở" in the second), so "Đảng ủy" read as small letters and "đồng chí" as capitals.
"""

import re
import unicodedata

import pytest

from policy_lineage.loaders.textnorm import CAPITALS, SMALL

_VOWELS = "aăâeêioôơuưy"
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]  # ` ´ ? ~ .
_SMALL_LETTERS = sorted(
    {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in _TONES}
    | set("bcdđghklmnpqrstvxfjwz")
)


@pytest.mark.parametrize("letter", _SMALL_LETTERS)
def test_each_vietnamese_letter_is_in_one_class_by_its_case(letter: str) -> None:
    small, capital = re.compile(f"[{SMALL}]"), re.compile(f"[{CAPITALS}]")
    assert len(letter) == 1
    assert small.fullmatch(letter) and not capital.fullmatch(letter)
    assert capital.fullmatch(letter.upper()) and not small.fullmatch(letter.upper())


@pytest.mark.parametrize(
    ("text", "opens_small"),
    [
        ("Tỉnh tổ chức", True),
        ("Tỉnh Điện Biên tổ chức", False),  # "Đ" in "à-ỹ" read as a small letter
        ("Tỉnh Ủy ban", False),
        ("Tỉnh ủy ban hành", True),
    ],
)
def test_a_word_after_a_space_opens_in_small_letters(text: str, opens_small: bool) -> None:
    assert bool(re.match(rf"\w+\s+(?=[{SMALL}])", text)) is opens_small
