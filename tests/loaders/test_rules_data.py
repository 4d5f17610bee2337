"""The words the extractor reads with are data (loaders/data/rules.json, doc_types.json).

The bundled files load and every key is documented; a user's rules file (the ``--aliases``
/ ``--rules`` file) adds words that change what the extractors find; a malformed file is
refused with its key named; no extractor keeps a word list of its own. Every sentence here
was written for these tests.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from policy_lineage.loaders.agencies import AgencyTable, default_table
from policy_lineage.loaders.extract_references import mentions_in, merge_mentions
from policy_lineage.loaders.layout import Paragraph
from policy_lineage.loaders.numbers import TYPE_NAMES, type_code_for_name
from policy_lineage.loaders.pipeline import extract_text
from policy_lineage.loaders.rules import (
    LIST_KEYS,
    MAPPING_KEYS,
    PATTERN_KEYS,
    RULE_KEYS,
    Rules,
    RulesError,
    default_rules,
    load_rules,
)

LOADERS = Path(__file__).resolve().parents[2] / "loaders"
RULES_JSON = json.loads((LOADERS / "data" / "rules.json").read_text("utf-8"))


def _user_file(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _table(tmp_path: Path, data: dict) -> AgencyTable:
    return AgencyTable.load(extra=_user_file(tmp_path, data))


def _relations(text: str, table: AgencyTable, own_voice: bool = True) -> dict[str, str]:
    para = Paragraph(text, list(range(len(text))), "body", 0, 0)
    refs = merge_mentions(mentions_in(para, own_voice, table, None, None), "t.txt")
    return {r.number: r.relation for r in refs}


# ------------------------------------------------------------------------ the bundled files


def test_rules_data_bundled_file_loads_with_every_key() -> None:
    rules = load_rules()
    assert set(RULES_JSON) - {"_about"} == set(RULE_KEYS) - {"type_words"}
    for key in LIST_KEYS:
        assert getattr(rules, key), key
    assert rules.boilerplate_patterns() and rules.unnumbered_references
    assert dict(rules.committee_organs)["ban thường vụ"] == "Ban Thường vụ"


def test_rules_data_every_key_is_documented() -> None:
    about = RULES_JSON["_about"]
    assert isinstance(about, dict) and about[""]
    missing = [k for k in RULES_JSON if k != "_about" and not about.get(k)]
    assert not missing


def test_rules_data_phrases_are_folded() -> None:
    """Written in lower case with the project's tone style, as they are matched."""
    rules = default_rules()
    for key in LIST_KEYS:
        for phrase in getattr(rules, key):
            assert phrase == phrase.lower().strip(), (key, phrase)


def test_rules_data_no_phrase_twice_in_a_key() -> None:
    for key in (*LIST_KEYS, *PATTERN_KEYS):
        words = RULES_JSON[key]
        assert len(words) == len(set(words)), key


def test_rules_data_every_key_is_read_by_an_extractor() -> None:
    """No dead list: each key is read outside loaders/rules.py."""
    sources = "\n".join(f.read_text("utf-8") for f in LOADERS.glob("*.py") if f.name != "rules.py")
    unread = [
        k
        for k in RULE_KEYS
        if k != "type_words" and not re.search(r"(?:rules|\.)" + k + r"\b|\"" + k + '"', sources)
    ]
    assert not unread


TYPE_WORDS = [
    ("kế hoạch", "Kế hoạch"),
    ("chương trình hành động", "Chương trình"),
    ("thông báo kết luận", "Thông báo"),
    ("kế hoạch hành động", "Kế hoạch"),
    ("thông tri", "Thông tri"),
    ("luật", "Luật"),
    ("bộ luật", "Bộ luật"),
    ("văn bản", None),
    ("công việc", None),  # not a type word
]


@pytest.mark.parametrize(("phrase", "name"), TYPE_WORDS)
def test_rules_data_type_words_are_one_list(phrase: str, name: str | None) -> None:
    assert default_rules().type_name(phrase) == name


def test_rules_data_type_words_hold_every_code_name_and_alias() -> None:
    names = {name for _, name in default_rules().type_words}
    assert set(TYPE_NAMES.values()) <= names
    # the longer phrases give the code of their type, through the same data
    assert type_code_for_name("chương trình hành động") == "CTr"


def test_rules_data_everyday_nouns_are_no_type_words_in_a_sentence() -> None:
    rules = default_rules()
    assert ("dự án", "Dự án") in rules.types()
    assert ("dự án", "Dự án") not in rules.types(prose=False)
    # "pháp luật" names no law
    alternation = re.compile(rules.type_alternation())
    assert alternation.search("tuyên truyền pháp luật") is None
    assert alternation.search("theo luật này").group() == "luật"


# ------------------------------------------------------------------------ a user's words

# (the user's file, a sentence, the relations without the file, with it)
USER_WORDS = [
    # a cue phrase: "hiện thực hóa" carries out what it names
    (
        {"implement_cues": ["hiện thực hóa"]},
        "Hiện thực hóa Nghị quyết số 12-NQ/TU của Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành "
        "Kế hoạch như sau:",
        {"12-NQ/TU": "cites"},
        {"12-NQ/TU": "implements"},
    ),
    # a type word: "Quy ước này thay thế …" is this document's act once "quy ước" names a type
    (
        {"type_words": {"quy ước": "Quy ước"}},
        "Quy ước này thay thế Quyết định số 40/QĐ-HLHPN ngày 3/4/2019.",
        {"40/QĐ-HLHPN": "cites"},
        {"40/QĐ-HLHPN": "supersedes"},
    ),
    # a basis cue
    (
        {"basis_cues": ["chiếu theo"]},
        "Chiếu theo Nghị định số 30/2020/NĐ-CP ngày 5/3/2020 của Chính phủ;",
        {"30/2020/NĐ-CP": "cites"},
        {"30/2020/NĐ-CP": "based_on"},
    ),
]


@pytest.mark.parametrize(("data", "text", "plain", "extended"), USER_WORDS)
def test_rules_data_user_words_change_the_relations(
    tmp_path: Path, data: dict, text: str, plain: dict, extended: dict
) -> None:
    assert _relations(text, default_table()) == plain
    assert _relations(text, _table(tmp_path, data)) == extended


_LETTERHEAD = [
    "BAN QUẢN LÝ RỪNG PHÒNG HỘ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "\tĐộc lập - Tự do - Hạnh phúc",
    "Số: 7/QĐ-BQL\tThanh Hóa, ngày 3 tháng 2 năm 2026",
    "",
]
_SIGNED = ["", "Nơi nhận:\tQUẢN ĐỐC", "- Như trên;", "\t(Đã ký)", "\tLê Thị Hoa"]

# (the user's file, the document's lines, the fact, without the file, with it)
USER_DOCUMENT_WORDS = [
    # a type word: the heading "QUY ƯỚC" names the type and opens the title
    (
        {"type_words": {"quy ước": "Quy ước"}},
        [*_LETTERHEAD, "QUY ƯỚC", "HOẠT ĐỘNG CỦA TỔ BẢO VỆ RỪNG", "", "Căn cứ Luật Lâm nghiệp;"],
        "doc_type",
        ("Quyết định", "Quy ước"),
    ),
    (
        {"type_words": {"quy ước": "Quy ước"}},
        [*_LETTERHEAD, "QUY ƯỚC", "HOẠT ĐỘNG CỦA TỔ BẢO VỆ RỪNG", "", "Căn cứ Luật Lâm nghiệp;"],
        "title",
        (None, "HOẠT ĐỘNG CỦA TỔ BẢO VỆ RỪNG"),
    ),
    # a title that opens a signature block
    (
        {"signature_titles": ["quản đốc"]},
        [*_LETTERHEAD, "KẾ HOẠCH", "Trồng rừng năm 2026", "", "1. Các tổ trồng rừng.", *_SIGNED],
        "signer",
        (None, "Lê Thị Hoa"),
    ),
]


@pytest.mark.parametrize(("data", "lines", "fact", "values"), USER_DOCUMENT_WORDS)
def test_rules_data_user_words_change_the_document_facts(
    tmp_path: Path, data: dict, lines: list[str], fact: str, values: tuple
) -> None:
    text = "\n".join(lines)
    plain = extract_text(text, "t.txt", table=default_table()).document
    extended = extract_text(text, "t.txt", table=_table(tmp_path, data)).document
    assert (getattr(plain, fact), getattr(extended, fact)) == values


_PLAN = [
    "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "\tĐộc lập - Tự do - Hạnh phúc",
    "Số: 9/KH-UBND\tHà Tĩnh, ngày 5 tháng 3 năm 2026",
    "",
    "KẾ HOẠCH",
    "Phổ biến pháp luật năm 2026",
    "",
    "I. NHIỆM VỤ",
    "1. Sở Tư pháp xây dựng Đề cương giới thiệu luật mới, hoàn thành dự thảo trong tháng 6/2026.",
    "2. Sở Nội vụ xây dựng Quy chế phối hợp, hoàn thành dự thảo trong tháng 7/2026.",
    "3. Mọi vướng mắc phản ánh về Sở Tư pháp để tổng hợp.",
]


def _tasks(table: AgencyTable) -> list[tuple[str, str | None]]:
    tasks = extract_text("\n".join(_PLAN), "t.txt", table=table).tasks
    return [(t.text.split(" xây dựng")[0].split(" phản ánh")[0], t.deliverable) for t in tasks]


def test_rules_data_user_words_change_the_tasks(tmp_path: Path) -> None:
    """A type word names the draft a task delivers; a boilerplate expression drops an item."""
    assert _tasks(default_table()) == [
        ("Sở Tư pháp", "Dự thảo"),
        ("Sở Nội vụ", "Dự thảo Quy chế"),
        ("Mọi vướng mắc", None),
    ]
    data = {"type_words": {"đề cương": "Đề cương"}, "boilerplate": ["^mọi vướng mắc"]}
    assert _tasks(_table(tmp_path, data)) == [
        ("Sở Tư pháp", "Dự thảo Đề cương"),
        ("Sở Nội vụ", "Dự thảo Quy chế"),
    ]


def test_rules_data_boilerplate_type_slots() -> None:
    """``{type}`` is any type word, ``{type:…}`` the words of the types named."""
    rules = default_rules()
    closing, effect = rules.boilerplate_patterns()[4:6]
    assert closing.search("chánh văn phòng chịu trách nhiệm thi hành quyết định này")
    assert closing.search("vụ lý luận chính trị có trách nhiệm thi hành quyết định này./.")
    assert not closing.search("các sở chịu trách nhiệm thi hành kế hoạch này")
    assert effect.match("chương trình hành động này có hiệu lực từ ngày ký")
    assert not effect.match("công việc này có hiệu lực")


def test_rules_data_boilerplate_slot_must_name_a_type(tmp_path: Path) -> None:
    with pytest.raises(RulesError, match="'boilerplate'.*not a type: Sổ tay"):
        load_rules(_user_file(tmp_path, {"boilerplate": ["^{type:Sổ tay} này"]}))


def test_rules_data_user_words_are_added_to_the_bundled_ones(tmp_path: Path) -> None:
    rules = load_rules(_user_file(tmp_path, {"implement_cues": ["Hiện Thực Hóa"]}))
    assert "hiện thực hóa" in rules.implement_cues and "thực hiện" in rules.implement_cues
    rules = load_rules(_user_file(tmp_path, {"type_words": {"Quy ước": "Quy ước"}}))
    assert rules.type_name("quy ước") == "Quy ước" and rules.type_name("kế hoạch")


# ------------------------------------------------------------------------ a malformed file

MALFORMED = [
    ({"implement_cues": "thực hiện"}, "'implement_cues' must be a list"),
    ({"basis_cues": ["căn cứ", ""]}, "'basis_cues' must be a list of non-empty strings"),
    ({"implement_cue": ["thực hiện"]}, "unknown key(s) implement_cue"),
    ({"type_words": {"điều lệ": 3}}, "'type_words' must map phrases"),
    ({"type_words": ["điều lệ"]}, "'type_words' must map phrases"),
    ({"committee_organs": {"thường trực": ""}}, "'committee_organs' must map"),
    ({"field_labels": {"owner": ["chủ trì"]}}, "'field_labels' must map"),
    ({"boilerplate": ["^(không đóng"]}, "'boilerplate' holds a phrase that cannot be matched"),
    ({"unnumbered_references": {"phiên họp [": None}}, "'unnumbered_references' holds"),
]


@pytest.mark.parametrize(("data", "message"), MALFORMED)
def test_rules_data_malformed_user_file_is_refused_with_the_key_named(
    tmp_path: Path, data: dict, message: str
) -> None:
    with pytest.raises(RulesError) as err:
        load_rules(_user_file(tmp_path, data))
    assert message in str(err.value)


def test_rules_data_not_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{implement_cues: []", encoding="utf-8")
    with pytest.raises(RulesError, match="not a JSON file"):
        load_rules(path)


def test_rules_data_user_file_may_hold_aliases(tmp_path: Path) -> None:
    rules = load_rules(_user_file(tmp_path, {"agencies": [], "_about": "x", "basis_cues": []}))
    assert rules.basis_cues == default_rules().basis_cues


def test_rules_data_keys_are_sorted_into_kinds() -> None:
    assert set(RULE_KEYS) == set(LIST_KEYS) | set(PATTERN_KEYS) | set(MAPPING_KEYS)
    assert len(RULE_KEYS) == len(set(RULE_KEYS))
    fields = set(Rules.__dataclass_fields__)
    assert set(RULE_KEYS) <= fields


# ------------------------------------------------------------------------ no copies in code

_MINE = (
    "rules.py",
    "numbers.py",
    "extract_document.py",
    "extract_references.py",
    "extract_appendix.py",
    "extract_tasks.py",
)
_VIETNAMESE = re.compile(
    r"^[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ ]{2,}$", re.I
)


def _word_lists(tree: ast.Module) -> list[tuple[int, list[str]]]:
    """Module-level tuples, lists and sets of three or more Vietnamese strings."""
    found = []
    for node in tree.body:
        value = getattr(node, "value", None)
        if isinstance(value, ast.Dict):
            items = [k for k in value.keys if k is not None]
        elif isinstance(value, ast.Tuple | ast.List | ast.Set):
            items = value.elts
        else:
            continue
        words = [e.value for e in items if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        vietnamese = [w for w in words if _VIETNAMESE.match(w) and not w.isascii()]
        if len(words) >= 3 and len(vietnamese) >= 3:
            found.append((node.lineno, words))
    return found


@pytest.mark.parametrize("name", _MINE)
def test_rules_data_no_word_list_in_the_extractors(name: str) -> None:
    tree = ast.parse((LOADERS / name).read_text("utf-8"))
    assert _word_lists(tree) == []
