"""The table of a province's standard bodies (loaders/data/provincial_bodies.json): its shape,
that it names nothing agencies.json or central_bodies.json already names, and that the agency
finder built by ``AgencyTable.load()`` names the bodies a province's (or a city's) document
speaks of, while central bodies stay central."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from importlib import resources

import pytest

from policy_lineage.loaders.agencies import AgencyTable
from policy_lineage.loaders.textnorm import fold

DATA = resources.files("policy_lineage.loaders").joinpath("data")
RAW = json.loads(DATA.joinpath("provincial_bodies.json").read_text("utf-8"))
ENTRIES = RAW["agencies"]
NAMES = {e["name"] for e in ENTRIES}
OTHERS = [
    e
    for f in ("agencies.json", "central_bodies.json")
    for e in json.loads(DATA.joinpath(f).read_text("utf-8"))["agencies"]
]
KEYS = {"name", "level", "kind", "parent", "former", "aliases"}
# Words that name no one body on their own ("_" joins the words of one phrase).
ORDINARY = {
    w.replace("_", " ")
    for w in """ban bộ đài cục hội viện sở phòng quỹ báo đảng đoàn tw thuế văn_phòng trung_ương
    nhà_nước mặt_trận mặt_trận_tổ_quốc tổng_cục chi_cục ngân_hàng ủy_ban hội_đồng công_an
    quốc_gia việt_nam thanh_tra kho_bạc bảo_hiểm_xã_hội hải_quan thống_kê bưu_điện điện_lực
    tòa_án viện_kiểm_sát kiểm_toán biên_phòng bộ_đội_biên_phòng ban_chỉ_huy bộ_chỉ_huy
    ban_quản_lý ban_thường_vụ thường_trực đoàn_thanh_niên hội_nông_dân hội_cựu_chiến_binh
    hội_liên_hiệp_phụ_nữ hội_phụ_nữ liên_đoàn_lao_động công_đoàn hội_chữ_thập_đỏ hội_nhà_báo
    liên_hiệp_các_hội cổng_thông_tin_điện_tử trường_chính_trị phát_thanh truyền_hình
    báo_chí thi_hành_án_dân_sự tỉnh thành_phố tỉnh_ủy""".split()
}
PROVINCE, CITY = "Quảng Trị", "Cần Thơ"


def bare(s: str) -> str:
    return " ".join(fold(s).replace("{province}", " ").split())


def found(text: str, province: str | None = PROVINCE, table: AgencyTable | None = None):
    return [m.agency.name for m in (table or TABLE).find(text, province)]


TABLE = AgencyTable.load()
OWN = AgencyTable.from_entries(ENTRIES)  # this file alone, built as ``load`` builds it


# ---------------------------------------------------------------- shape


def test_provincial_bodies_shape():
    assert isinstance(RAW["_about"], str) and RAW["_about"]
    assert set(RAW) == {"_about", "agencies"}
    assert isinstance(ENTRIES, list) and len(ENTRIES) > 60
    parents = NAMES | {e["name"] for e in OTHERS}
    for e in ENTRIES:
        assert set(e) <= KEYS, e["name"]
        assert isinstance(e["name"], str) and e["name"].strip() == e["name"]
        assert e["level"] == "province" and e["kind"] == "body", e["name"]
        assert isinstance(e["aliases"], list) and e["aliases"], e["name"]
        assert all(isinstance(a, str) and a for a in e["aliases"]), e["name"]
        assert e.get("former", True) is True, e["name"]  # present only as true
        if "parent" in e:
            assert e["parent"] in parents and e["parent"] != e["name"], e["name"]


def test_provincial_bodies_names_unique_and_new():
    assert len(NAMES) == len(ENTRIES)
    assert not NAMES & {e["name"] for e in OTHERS}


def test_provincial_bodies_names_without_the_province():
    """Written with 'tỉnh' (or 'Tỉnh ủy'), never with a province's name; a body whose printed
    name is its province's ('Báo Đồng Tháp') says so with '{province}'."""
    provinces = json.loads(DATA.joinpath("provinces.json").read_text("utf-8"))["provinces"]
    for e in ENTRIES:
        for p in provinces:
            if p not in ("Hà Nội", "Hồ Chí Minh"):  # the two cities' own commands
                assert not re.search(rf"(?<!\w){re.escape(fold(p))}(?!\w)", fold(e["name"])), p


def test_provincial_bodies_text_is_nfc_and_aliases_folded():
    for e in ENTRIES:
        for s in [e["name"], e.get("parent") or "", *e["aliases"]]:
            assert unicodedata.is_normalized("NFC", s), s
        for a in e["aliases"]:
            assert fold(a) == a, a  # stored as they are matched


def test_provincial_bodies_name_is_an_alias():
    for e in ENTRIES:
        assert bare(e["name"]) in {bare(a) for a in e["aliases"]}, e["name"]


def test_provincial_bodies_no_alias_claimed_twice():
    owners: dict[str, set[str]] = defaultdict(set)
    for e in ENTRIES:
        for a in [e["name"], *e["aliases"]]:
            owners[fold(a)].add(e["name"])
    assert not {a: sorted(n) for a, n in owners.items() if len(n) > 1}


def test_provincial_bodies_no_alias_of_the_other_tables():
    """Not as stored, and not as the finder expands them in a province's or a city's
    documents ('… tỉnh' + the province, '{province}', 'tỉnh' → 'thành phố')."""
    theirs = {fold(a) for e in OTHERS for a in [e["name"], *e.get("aliases", [])]}
    ours = {fold(a) for e in ENTRIES for a in [e["name"], *e["aliases"]]}
    assert not ours & theirs
    other_table = AgencyTable.from_entries(OTHERS)
    for place in (None, PROVINCE, CITY, "Hà Nội", "Hồ Chí Minh", "Đồng Tháp"):
        assert not set(OWN._aliases(place)) & set(other_table._aliases(place)), place


def test_provincial_bodies_no_ordinary_word_alias():
    for e in ENTRIES:
        for a in e["aliases"]:
            # a unit's code (PC06: letters and two digits) is no word; other aliases are names
            assert len(a) >= 5 or re.fullmatch(r"[a-z]{1,3}\d{2}", a), (e["name"], a)
            assert a not in ORDINARY, (e["name"], a)
            assert bare(a) not in ORDINARY or "{province}" in a, (e["name"], a)


def test_provincial_bodies_no_region_numbers():
    """Regional bodies are named by shape with their number ('khu vực XI'): none in the table."""
    for e in ENTRIES:
        for s in [e["name"], *e["aliases"]]:
            assert "khu vực" not in fold(s), s


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["name"][:40])
def test_provincial_bodies_every_spelling_finds_its_body(entry):
    """Each alias (and the name), alone, is found whole as its own body through the full table,
    in a province's documents, with the province after it where the name ends in 'tỉnh'. A
    spelling with the province's name in place of 'tỉnh' ("Báo và Phát thanh, Truyền hình
    Quảng Trị") keeps it, as printed."""
    for written in [entry["name"], *entry["aliases"]]:
        text = written.replace("{province}", PROVINCE)
        expected = entry["name"].replace("{province}", PROVINCE)
        if (
            written.endswith(" {province}")
            and not fold(written).endswith(("tỉnh {province}", "thành phố {province}"))
            and expected.endswith(" tỉnh")
        ):
            expected = f"{expected[: -len(' tỉnh')]} {PROVINCE}"
        matches = TABLE.find(text, PROVINCE)
        assert [(m.start, m.end, m.agency.name) for m in matches] == [(0, len(text), expected)], (
            text
        )
        assert (matches[0].agency.level, matches[0].agency.province) == ("province", PROVINCE)
        if fold(text).endswith(" tỉnh"):
            (m,) = TABLE.find(f"{text} {PROVINCE}", PROVINCE)
            assert (m.end, m.agency.name) == (len(text) + 1 + len(PROVINCE), expected), text


def test_provincial_bodies_former_marked():
    former = {e["name"] for e in ENTRIES if e.get("former")}
    assert {
        "Ban Dân tộc tỉnh", "Cục Thuế tỉnh", "Cục Hải quan tỉnh", "Cục Thống kê tỉnh",
        "Ngân hàng Nhà nước chi nhánh tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
        "Đài Phát thanh và Truyền hình tỉnh", "Đảng ủy Khối các cơ quan tỉnh",
        "Ban cán sự đảng Ủy ban nhân dân tỉnh", "Văn phòng Hội đồng nhân dân tỉnh",
    } <= former  # fmt: skip
    assert not {
        "Thuế tỉnh", "Thống kê tỉnh", "Bảo hiểm xã hội tỉnh", "Tòa án nhân dân tỉnh",
        "Báo và Phát thanh, Truyền hình tỉnh", "Sở Văn hóa và Thể thao", "Sở Du lịch",
        "Ban Chỉ huy Bộ đội Biên phòng tỉnh", "Đảng ủy Công an tỉnh",
    } & former  # fmt: skip


# ---------------------------------------------------------------- sentences

# (province, text, bodies the finder names), written for this test.
SENTENCES = [
    (  # courts and procuracy, full and short, with the police already in agencies.json
        PROVINCE,
        "Giao Tòa án nhân dân tỉnh, VKSND tỉnh phối hợp với Công an tỉnh đẩy nhanh xét xử",
        ["Tòa án nhân dân tỉnh", "Viện kiểm sát nhân dân tỉnh", "Công an tỉnh"],
    ),
    (  # old tone marks and abbreviations
        PROVINCE,
        "TAND tỉnh và Viện kiểm sát nhân dân tỉnh Quảng Trị báo cáo Thường trực HĐND tỉnh",
        ["Tòa án nhân dân tỉnh", "Viện kiểm sát nhân dân tỉnh",
         "Thường trực Hội đồng nhân dân tỉnh"],
    ),
    (  # the mass organisations of a city
        CITY,
        "Đề nghị Hội LHPN thành phố, LĐLĐ thành phố, Hội Nông dân thành phố và Hội Cựu chiến "
        "binh thành phố tuyên truyền",
        ["Hội Liên hiệp Phụ nữ thành phố", "Liên đoàn Lao động thành phố",
         "Hội Nông dân thành phố", "Hội Cựu chiến binh thành phố"],
    ),
    (  # the vertical bodies that kept a province's name in 2025
        PROVINCE,
        "BHXH tỉnh, Thuế tỉnh Quảng Trị và Thống kê tỉnh cung cấp số liệu cho Sở Tài chính",
        ["Bảo hiểm xã hội tỉnh", "Thuế tỉnh", "Thống kê tỉnh", "Sở Tài chính"],
    ),
    (  # the same bodies before 2025
        PROVINCE,
        "Cục Thuế tỉnh, Cục Hải quan tỉnh, Cục Thống kê tỉnh và Ngân hàng Nhà nước chi nhánh "
        "tỉnh Quảng Trị phối hợp",
        ["Cục Thuế tỉnh", "Cục Hải quan tỉnh", "Cục Thống kê tỉnh",
         "Ngân hàng Nhà nước chi nhánh tỉnh"],
    ),
    (  # a regional body keeps its number: it is named by shape, not by the table
        CITY,
        "BCH Bộ đội Biên phòng thành phố phối hợp với Chi cục Hải quan khu vực XIX kiểm soát",
        ["Ban Chỉ huy Bộ đội Biên phòng thành phố", "Chi cục Hải quan khu vực XIX"],
    ),
    (  # short forms of a task table's cells
        PROVINCE,
        "Sở DTTG, CA tỉnh và BCH Quân sự tỉnh phối hợp với Ủy ban MTTQ VN tỉnh",
        ["Sở Dân tộc và Tôn giáo", "Công an tỉnh", "Bộ Chỉ huy Quân sự tỉnh",
         "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"],
    ),
    (  # the press and the portal
        PROVINCE,
        "Báo và Phát thanh, Truyền hình Quảng Trị, Cổng Thông tin điện tử tỉnh mở chuyên mục",
        ["Báo và Phát thanh, Truyền hình Quảng Trị", "Cổng Thông tin điện tử tỉnh"],
    ),
    (  # the press before the merger, with a dash and an en dash
        PROVINCE,
        "Đài PT-TH tỉnh, Đài Phát thanh – Truyền hình tỉnh và Báo Quảng Trị đưa tin",
        ["Đài Phát thanh và Truyền hình tỉnh", "Đài Phát thanh và Truyền hình tỉnh",
         "Báo Quảng Trị"],
    ),
    (  # specialised agencies of Nghị định 150/2025/NĐ-CP that agencies.json does not list
        PROVINCE,
        "Sở Văn hóa và Thể thao chủ trì, phối hợp với Sở Du lịch, Sở Dân tộc và Tôn giáo và "
        "Ban Dân tộc tỉnh (cũ)",
        ["Sở Văn hóa và Thể thao", "Sở Du lịch", "Sở Dân tộc và Tôn giáo", "Ban Dân tộc tỉnh"],
    ),
    (  # the tourism ministry's provincial department is still itself
        PROVINCE,
        "Sở Văn hóa, Thể thao và Du lịch hướng dẫn Sở Văn hoá và Thể thao",
        ["Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa và Thể thao"],
    ),
    (  # economic zones and a city's high-tech parks
        PROVINCE,
        "Ban Quản lý Khu kinh tế tỉnh, Ban Quản lý các khu công nghiệp tỉnh cấp phép",
        ["Ban Quản lý Khu kinh tế tỉnh", "Ban Quản lý các khu công nghiệp tỉnh"],
    ),
    (
        "Hà Nội",
        "Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố và Sở Quy hoạch - "
        "Kiến trúc thẩm định",
        ["Ban Quản lý các khu công nghệ cao và khu công nghiệp thành phố",
         "Sở Quy hoạch - Kiến trúc"],
    ),
    (  # the Party's bodies of a province in 2025
        PROVINCE,
        "Ban Thường vụ Tỉnh ủy giao Đảng ủy Công an tỉnh, Đảng ủy Quân sự tỉnh và Trường Chính "
        "trị tỉnh thực hiện",
        ["Ban Thường vụ Tỉnh ủy Quảng Trị", "Đảng ủy Công an tỉnh", "Đảng ủy Quân sự tỉnh",
         "Trường Chính trị tỉnh"],
    ),
    (  # a city's Party board and council office
        "Hà Nội",
        "Ban Chính sách, chiến lược Thành ủy và Văn phòng Đoàn ĐBQH và HĐND thành phố",
        ["Ban Chính sách, chiến lược Thành ủy",
         "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân thành phố"],
    ),
    (  # Party bodies that ended in 2025
        PROVINCE,
        "Ban cán sự đảng UBND tỉnh, Đảng đoàn HĐND tỉnh, Đảng ủy Khối các cơ quan tỉnh",
        ["Ban cán sự đảng Ủy ban nhân dân tỉnh", "Đảng đoàn Hội đồng nhân dân tỉnh",
         "Đảng ủy Khối các cơ quan tỉnh"],
    ),
    (  # the Front's other associations
        CITY,
        "Liên hiệp các Hội Khoa học và Kỹ thuật thành phố, Hội Chữ thập đỏ thành phố, Liên minh "
        "Hợp tác xã thành phố và Hội Nhà báo thành phố",
        ["Liên hiệp các Hội Khoa học và Kỹ thuật thành phố", "Hội Chữ thập đỏ thành phố",
         "Liên minh Hợp tác xã thành phố", "Hội Nhà báo thành phố"],
    ),
    (  # the People's Council's boards
        PROVINCE,
        "Ban Kinh tế - Ngân sách HĐND tỉnh và Ban Pháp chế HĐND tỉnh thẩm tra trình Hội đồng "
        "nhân dân tỉnh",
        ["Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh", "Ban Pháp chế Hội đồng nhân dân tỉnh",
         "Hội đồng nhân dân tỉnh Quảng Trị"],
    ),
    (  # central bodies stay central in a province's documents
        PROVINCE,
        "Bảo hiểm xã hội Việt Nam hướng dẫn Bảo hiểm xã hội tỉnh; Tòa án nhân dân tối cao và "
        "Liên minh Hợp tác xã Việt Nam",
        ["Bảo hiểm xã hội Việt Nam", "Bảo hiểm xã hội tỉnh", "Tòa án nhân dân tối cao",
         "Liên minh Hợp tác xã Việt Nam"],
    ),
    (
        PROVINCE,
        "Cục Thuế, Cục Hải quan và Ngân hàng Nhà nước Việt Nam chỉ đạo Thuế tỉnh",
        ["Cục Thuế", "Cục Hải quan", "Ngân hàng Nhà nước Việt Nam", "Thuế tỉnh"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("province", "text", "expected"), SENTENCES, ids=[s[2][0][:30] for s in SENTENCES]
)
def test_provincial_bodies_found_in_sentences(province, text, expected):
    assert found(text, province) == expected


def test_provincial_bodies_levels_and_parents():
    matches = TABLE.find(
        "Bảo hiểm xã hội tỉnh, Thuế tỉnh, Hội Nông dân tỉnh và Bảo hiểm xã hội Việt Nam",
        PROVINCE,
    )
    assert [(m.agency.level, m.agency.province, m.agency.parent) for m in matches] == [
        ("province", PROVINCE, "Bảo hiểm xã hội Việt Nam"),
        ("province", PROVINCE, "Cục Thuế"),
        ("province", PROVINCE, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("central", None, "Bộ Tài chính"),
    ]
    # in a city, a parent named with 'tỉnh' reads 'thành phố'
    (m,) = TABLE.find("Ban Chỉ huy Bộ đội Biên phòng thành phố", CITY)
    assert m.agency.parent == "Bộ Chỉ huy Quân sự thành phố"


def test_provincial_bodies_without_a_province():
    """In a document of no province, '{province}' forms are not read; 'tỉnh' forms are."""
    matches = TABLE.find("Báo Quảng Trị và Tòa án nhân dân tỉnh", None)
    assert [(m.agency.name, m.agency.canonical) for m in matches] == [
        ("Báo Quảng Trị", False),  # by shape, not from the table
        ("Tòa án nhân dân tỉnh", True),
    ]


def test_provincial_bodies_as_an_aliases_file():
    """The file also works as a user's ``--aliases`` file over the bundled table."""
    table = AgencyTable.load(extra=str(DATA.joinpath("provincial_bodies.json")))
    assert found("Giao VKSND tỉnh và Sở KH&CN", PROVINCE, table) == [
        "Viện kiểm sát nhân dân tỉnh",
        "Sở Khoa học và Công nghệ",
    ]
