"""The .txt/.md reader: every encoding Vietnamese text arrives in, and the legacy tables."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_lineage.loaders.legacy_encodings import (
    TCVN3_DECODE,
    TCVN3_VN3_LETTERS,
    VNI_ENCODE,
    bytes_to_cp1252,
    decode_tcvn3,
    decode_vni,
    encode_tcvn3,
    encode_vni,
)
from policy_lineage.loaders.readers import read_path

ENCODINGS = {
    "utf8": (lambda t: t.encode("utf-8"), "utf-8"),
    "utf8-bom": (lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"), "utf-8-sig"),
    "utf16le-bom": (lambda t: b"\xff\xfe" + t.encode("utf-16-le"), "utf-16"),
    "utf16be-bom": (lambda t: b"\xfe\xff" + t.encode("utf-16-be"), "utf-16"),
    "utf16le-no-bom": (lambda t: t.encode("utf-16-le"), "utf-16"),  # found by its NUL bytes
    "cp1258": (None, "cp1258"),
    "tcvn3": (encode_tcvn3, "tcvn3"),
    "vni": (encode_vni, "vni"),
}


@pytest.mark.parametrize("name", ENCODINGS)
def test_each_encoding_gives_the_nfc_sentence(write, sentence, cp1258, name):
    text = sentence + "\n\nCăn cứ Luật Tổ chức chính quyền địa phương năm 2025;\n"
    encode, label = ENCODINGS[name]
    src = read_path(write("kh.txt", (encode or cp1258)(text)))
    assert src.text == text
    assert src.encoding == label
    assert src.format == "txt"


def test_legacy_conversion_is_reported(write, sentence):
    assert read_path(write("a.txt", encode_tcvn3(sentence))).warnings == ["converted from TCVN3"]
    assert read_path(write("b.txt", encode_vni(sentence))).warnings == ["converted from VNI"]
    assert read_path(write("c.txt", sentence.encode())).warnings == []


def test_cp1258_combining_tones_are_composed(write, cp1258):
    data = cp1258("Nghị quyết")
    assert b"\xd2" in data or b"\xf2" in data  # a combining tone byte, not a precomposed letter
    text = read_path(write("a.txt", data)).text
    assert text == "Nghị quyết" and unicodedata.is_normalized("NFC", text)


@pytest.mark.parametrize("legacy", ["tcvn3", "vni"])
def test_utf8_file_holding_legacy_mojibake_is_converted(write, sentence, legacy):
    encode = encode_tcvn3 if legacy == "tcvn3" else encode_vni
    mojibake = bytes_to_cp1252(encode(sentence))
    assert mojibake != sentence and "nh" in mojibake
    src = read_path(write("moj.txt", mojibake.encode("utf-8")))
    assert src.text == sentence
    assert src.encoding == legacy
    assert src.warnings and "UTF-8 file held" in src.warnings[0]


def test_the_domain_example_of_tcvn3_mojibake(write):
    src = read_path(write("moj.txt", "Uû ban nh©n d©n tØnh §ång Th¸p\n".encode()))
    assert src.text == "Uỷ ban nhân dân tỉnh Đồng Tháp\n"


def test_real_utf8_with_latin1_letters_only_is_not_converted(write):
    text = "Chào các anh chị, tôi là Tâm ở Bà Rịa".replace("ở", "o").replace("ị", "i")
    assert text.encode("latin-1")  # every letter also a Windows-1252 byte
    src = read_path(write("a.txt", text.encode()))
    assert (src.text, src.encoding) == (text, "utf-8")


def test_newlines_normalized_blank_lines_and_leading_spaces_kept(write, cp1258):
    """Spaces that end a line are dropped (Markdown's line-break spaces, an editor's padding:
    a saved page's cell wrapped over two lines read "VĂN PHÒNG CHÍNH   PHỦ", a column's gap);
    spaces that open one are kept (a PDF's text indents its columns)."""
    raw = "Dòng một\r\n\r\n  Dòng hai  \rDòng ba \t\n"
    assert read_path(write("a.txt", raw.encode())).text == "Dòng một\n\n  Dòng hai\nDòng ba\n"
    assert read_path(write("b.txt", cp1258(raw))).text == "Dòng một\n\n  Dòng hai\nDòng ba\n"


def test_a_saved_page_reads_the_same_with_line_break_spaces(write):
    """A page saved with Markdown's two spaces at each line's end (a <br>) gives the same
    letterhead as without them: the issuer's cell is not cut at its wrapped line."""
    from policy_lineage.loaders.pipeline import extract_source

    page = (
        "|\n**VĂN PHÒNG CHÍNH\nPHỦ**\n-------\n|\n**CỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM**\n"
        "Độc lập - Tự do - Hạnh phúc\n|\n|\nSố: 634/TB-VPCP\n|\n*Hà Nội, ngày 22\n"
        "tháng 11 năm 2025*\n|\n\n**THÔNG BÁO**\n\nKết luận của Thủ tướng Chính phủ\n\n"
        "1. Bộ Tài chính bố trí kinh phí trước ngày 30/12/2025.\n"
    )
    spaced = "\n".join(ln + "  " if ln.strip() else ln for ln in page.split("\n"))
    plain = extract_source(read_path(write("a.md", page.encode()))).document
    padded = extract_source(read_path(write("b.md", spaced.encode()))).document
    assert plain.issuer is not None and plain.issuer.name == "Văn phòng Chính phủ"
    assert (padded.issuer.name, padded.number, str(padded.date)) == (
        plain.issuer.name,
        plain.number,
        str(plain.date),
    )


def test_utf8_text_is_not_normalized(write):
    decomposed = unicodedata.normalize("NFD", "Nghị quyết")
    assert read_path(write("a.txt", decomposed.encode())).text == decomposed


def test_markdown_is_read_as_text(write):
    src = read_path(write("KH.MD", "# Kế hoạch\n\n- Nhiệm vụ 1\n".encode()))
    assert (src.format, src.text) == ("md", "# Kế hoạch\n\n- Nhiệm vụ 1\n")


def test_tcvn3_file_with_windows_punctuation(write):
    """ABC-era files hold “ ” – at 0x80-0x9F, where VN1 has capitals: read as punctuation."""
    text = "Chương trình “Chuyển đổi số” giai đoạn 2021 – 2025 của tỉnh…"
    data = encode_tcvn3(text)
    assert b"\x93" in data and b"\x96" in data
    assert read_path(write("a.txt", data)).text == text


def test_vni_sample_from_a_published_converter():
    # README example of github.com/duydev/vietnamese-conversion
    assert decode_vni("Xin chaøo caùc baïn".encode("cp1252")) == "Xin chào các bạn"
    assert encode_vni("Xin chào các bạn") == "Xin chaøo caùc baïn".encode("cp1252")


def test_vni_accepts_a_tone_byte_in_the_other_case():
    assert decode_vni("Uûy ban".encode("cp1252")) == "Ủy ban"


def test_tables_cover_every_vietnamese_letter():
    mods = {
        "a": "\u0302\u0306",
        "e": "\u0302",
        "o": "\u0302\u031b",
        "u": "\u031b",
        "i": "",
        "y": "",
    }
    letters = {
        unicodedata.normalize("NFC", base + mod + tone)
        for base, marks in mods.items()
        for mod in ["", *marks]
        for tone in ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    }
    letters = {c for c in letters if len(c) == 1 and not c.isascii()} | {"đ"}
    letters |= {c.upper() for c in letters}
    assert len(letters) == 134
    assert letters <= set(VNI_ENCODE)
    assert letters <= set(TCVN3_DECODE.values())


@pytest.mark.skipif(shutil.which("iconv") is None, reason="needs glibc iconv")
def test_tcvn3_table_matches_glibc_iconv():
    probe = subprocess.run(["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"], input=b"a", check=False)
    if probe.returncode:
        pytest.skip("this iconv has no TCVN5712-1")
    for b in list(range(0x20)) + list(range(0x80, 0x100)):
        out = subprocess.run(
            ["iconv", "-f", "TCVN5712-1", "-t", "UTF-8"],
            input=bytes([b]) + b" ",
            capture_output=True,
            check=True,
        ).stdout.decode()[:-1]
        assert unicodedata.normalize("NFC", out) == TCVN3_DECODE[b], hex(b)


_PRINTABLE = [chr(i) for i in range(0x20, 0x7F)] + ["\n"]
_VN_LETTERS = sorted(c for c in VNI_ENCODE if len(c) == 1)


@given(st.text(alphabet=_PRINTABLE + sorted(TCVN3_VN3_LETTERS), max_size=200))
def test_tcvn3_round_trip(text):
    assert decode_tcvn3(encode_tcvn3(text)) == text


@given(st.text(alphabet=_PRINTABLE + _VN_LETTERS, max_size=200))
def test_vni_round_trip(text):
    assert decode_vni(encode_vni(text)) == text


def test_sentence_with_capitals_round_trips_through_tcvn3_and_vni(sentence):
    assert decode_tcvn3(encode_tcvn3(sentence)) == sentence
    assert decode_vni(encode_vni(sentence)) == sentence


def test_long_legacy_file_is_judged_on_its_start_and_decoded_whole(write, sentence):
    text = (sentence + "\n") * 800  # about 130 KB, past the 64 KB sample
    assert read_path(write("long.txt", encode_vni(text))).text == text
    assert read_path(write("long2.txt", encode_tcvn3(text))).text == text
