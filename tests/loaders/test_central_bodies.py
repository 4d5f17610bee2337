"""The table of central bodies (loaders/data/central_bodies.json): its shape, and that the
agency finder built from it names the bodies a central directive speaks of."""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from importlib import resources

import pytest

from policy_lineage.loaders.agencies import AgencyTable
from policy_lineage.loaders.textnorm import fold

DATA = resources.files("policy_lineage.loaders").joinpath("data/central_bodies.json")
RAW = json.loads(DATA.read_text("utf-8"))
ENTRIES = RAW["agencies"]
NAMES = {e["name"] for e in ENTRIES}
KEYS = {"name", "level", "kind", "parent", "former", "aliases"}
# Words that name no one body: never an alias on their own ("_" joins the words of one phrase).
ORDINARY = {
    w.replace("_", " ")
    for w in """ban bộ đài cục hội viện sở phòng quỹ báo đảng đoàn tw thuế văn_phòng trung_ương
    nhà_nước mặt_trận tổng_cục tập_đoàn tổng_công_ty ngân_hàng
    ủy_ban hội_đồng quân_đội công_an quốc_gia việt_nam thanh_tra kho_bạc bảo_hiểm_xã_hội
    hải_quan thống_kê bưu_điện điện_lực cảnh_sát ban_chỉ_đạo ban_chỉ_đạo_trung_ương
    ban_chỉ_đạo_của_chính_phủ ban_thường_vụ đoàn_thanh_niên hội_nông_dân hội_cựu_chiến_binh
    hội_liên_hiệp_phụ_nữ cơ_quan_thường_trực tổ_giúp_việc""".split()
}
# Abbreviations that name two bodies: BCT (Bộ Chính trị, and Bộ Công Thương in document
# numbers), BTC (Bộ Tài chính, Ban Tổ chức), TTCP (Thủ tướng, Thanh tra Chính phủ), TGV
# (any steering committee's working group), VNA (Vietnam Airlines, the news agency).
ORDINARY |= {"bct", "btc", "ttcp", "tgv", "vna"}
# "mặt trận tổ quốc" is an alias of the national Front: the tables of a province come first
# in a province's text, where it is the province's committee (test_names_with_fields.py)


def central_table() -> AgencyTable:
    """The finder over this file alone, built the way ``AgencyTable.load`` builds it."""
    return AgencyTable.from_entries(ENTRIES)


TABLE = central_table()


def found(text: str) -> list[str]:
    return [m.agency.name for m in TABLE.find(text)]


# ---------------------------------------------------------------- shape


def test_central_bodies_shape():
    assert isinstance(RAW["_about"], str) and RAW["_about"]
    assert set(RAW) == {"_about", "agencies"}
    assert isinstance(ENTRIES, list) and len(ENTRIES) > 150
    for e in ENTRIES:
        assert set(e) <= KEYS, e["name"]
        assert isinstance(e["name"], str) and e["name"].strip() == e["name"]
        assert e["level"] == "central" and e["kind"] == "body", e["name"]
        assert isinstance(e["aliases"], list) and e["aliases"], e["name"]
        assert all(isinstance(a, str) and a for a in e["aliases"]), e["name"]
        assert e.get("former", True) is True, e["name"]  # present only as true
        if "parent" in e:
            assert e["parent"] in NAMES and e["parent"] != e["name"], e["name"]


def test_central_bodies_names_unique():
    assert len(NAMES) == len(ENTRIES)


def test_central_bodies_text_is_nfc_and_aliases_folded():
    for e in ENTRIES:
        for s in [e["name"], e.get("parent") or "", *e["aliases"]]:
            assert unicodedata.is_normalized("NFC", s), s
        for a in e["aliases"]:
            assert fold(a) == a, a  # stored as they are matched


def test_central_bodies_no_alias_claimed_twice():
    owners: dict[str, set[str]] = defaultdict(set)
    for e in ENTRIES:
        for a in [e["name"], *e["aliases"]]:
            owners[fold(a)].add(e["name"])
    shared = {a: sorted(n) for a, n in owners.items() if len(n) > 1}
    assert not shared


def test_central_bodies_no_ordinary_word_alias():
    for e in ENTRIES:
        for a in e["aliases"]:
            assert len(a) >= 3 and a not in ORDINARY, (e["name"], a)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["name"][:40])
def test_central_bodies_every_spelling_finds_its_body(entry):
    """Each alias (and the name), alone, is found whole as its own body."""
    for written in [entry["name"], *entry["aliases"]]:
        matches = TABLE.find(written)
        assert [(m.start, m.end, m.agency.name) for m in matches] == [
            (0, len(written), entry["name"])
        ], written


def test_central_bodies_ministries_after_march_2025():
    """14 ministries; every other "Bộ …" in force belongs to a body (Bộ Chính trị, army units)."""
    ministries = {
        "Bộ Quốc phòng", "Bộ Công an", "Bộ Ngoại giao", "Bộ Nội vụ", "Bộ Tư pháp",
        "Bộ Tài chính", "Bộ Công Thương", "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng",
        "Bộ Văn hóa, Thể thao và Du lịch", "Bộ Khoa học và Công nghệ",
        "Bộ Giáo dục và Đào tạo", "Bộ Y tế", "Bộ Dân tộc và Tôn giáo",
    }  # fmt: skip
    top = {
        e["name"]
        for e in ENTRIES
        if e["name"].startswith("Bộ ") and not e.get("former") and "parent" not in e
    }
    assert len(ministries) == 14 and top == ministries


def test_central_bodies_former_marked():
    former = {e["name"] for e in ENTRIES if e.get("former")}
    assert {
        "Bộ Kế hoạch và Đầu tư", "Bộ Thông tin và Truyền thông",
        "Bộ Lao động - Thương binh và Xã hội", "Bộ Tài nguyên và Môi trường",
        "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Giao thông vận tải", "Ủy ban Dân tộc",
        "Ban Tuyên giáo Trung ương", "Ban Dân vận Trung ương", "Ban Kinh tế Trung ương",
        "Ban Đối ngoại Trung ương", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp",
        "Tổng cục Thống kê", "Tổng cục Thuế", "Ban Dân nguyện", "Ủy ban Pháp luật của Quốc hội",
    } <= former  # fmt: skip
    assert not {"Bộ Tài chính", "Ban Tuyên giáo và Dân vận Trung ương", "Cục Thống kê"} & former


# ---------------------------------------------------------------- sentences

SENTENCES = [
    (  # Party: the Politburo, the Secretariat and the central boards
        "Bộ Chính trị, Ban Bí thư giao Ban Tổ chức Trung ương chủ trì, phối hợp với Ban Tuyên "
        "giáo và Dân vận Trung ương, Ủy ban Kiểm tra Trung ương và Văn phòng Trung ương Đảng",
        ["Bộ Chính trị", "Ban Bí thư", "Ban Tổ chức Trung ương",
         "Ban Tuyên giáo và Dân vận Trung ương", "Ủy ban Kiểm tra Trung ương",
         "Văn phòng Trung ương Đảng"],
    ),
    (  # Party committees directly under the Central Committee
        "Đảng ủy Chính phủ, Đảng ủy Quốc hội, Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương, "
        "Đảng ủy các cơ quan Đảng Trung ương, Quân ủy Trung ương và Đảng ủy Công an Trung ương "
        "lãnh đạo thực hiện",
        ["Đảng ủy Chính phủ", "Đảng ủy Quốc hội",
         "Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương", "Đảng ủy các cơ quan Đảng Trung ương",
         "Quân ủy Trung ương", "Đảng ủy Công an Trung ương"],
    ),
    (  # boards that ended in 2025, one by its abbreviation and one with "TW"
        "Theo đề nghị của BTGTW, Ban Kinh tế Trung ương và Ban Dân vận TW (nay là Ban Chính sách, "
        "chiến lược Trung ương và Ban Tuyên giáo và Dân vận Trung ương)",
        ["Ban Tuyên giáo Trung ương", "Ban Kinh tế Trung ương", "Ban Dân vận Trung ương",
         "Ban Chính sách, chiến lược Trung ương", "Ban Tuyên giáo và Dân vận Trung ương"],
    ),
    (  # the steering committee of Resolution 57, also inside document numbers
        "Thực hiện Thông báo số 04-TB/BCĐTW của Ban Chỉ đạo Trung ương về phát triển khoa học, "
        "công nghệ, đổi mới sáng tạo và chuyển đổi số và Thông báo số 22-TB/CQTTBCĐ",
        ["Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
         "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
         "Cơ quan Thường trực Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới "
         "sáng tạo và chuyển đổi số"],
    ),
    (  # the Party's school and press
        "Học viện Chính trị quốc gia Hồ Chí Minh, Báo Nhân Dân, Tạp chí Cộng sản và Nhà xuất bản "
        "Chính trị quốc gia Sự thật tuyên truyền",
        ["Học viện Chính trị quốc gia Hồ Chí Minh", "Báo Nhân Dân", "Tạp chí Cộng sản",
         "Nhà xuất bản Chính trị quốc gia Sự thật"],
    ),
    (  # the Quốc hội and its bodies, current names
        "Quốc hội, Ủy ban Thường vụ Quốc hội giao Hội đồng Dân tộc, Ủy ban Khoa học, Công nghệ và "
        "Môi trường và Ủy ban Pháp luật và Tư pháp thẩm tra; UBTVQH chỉ đạo Văn phòng Quốc hội",
        ["Quốc hội", "Ủy ban Thường vụ Quốc hội", "Hội đồng Dân tộc của Quốc hội",
         "Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội",
         "Ủy ban Pháp luật và Tư pháp của Quốc hội",
         "Ủy ban Thường vụ Quốc hội", "Văn phòng Quốc hội"],
    ),
    (  # the Quốc hội's bodies before February 2025
        "Ủy ban Tài chính, Ngân sách và Ban Dân nguyện (nay là Ủy ban Dân nguyện và Giám sát)",
        ["Ủy ban Tài chính, Ngân sách của Quốc hội", "Ban Dân nguyện",
         "Ủy ban Dân nguyện và Giám sát của Quốc hội"],
    ),
    (  # the Government and ministries, by abbreviation and without commas
        "Thủ tướng Chính phủ giao Bộ KH&CN chủ trì, phối hợp với Bộ TC, Bộ Nội vụ, Bộ Văn hóa Thể "
        "thao và Du lịch, NHNN, Thanh tra Chính phủ và VPCP",
        ["Thủ tướng Chính phủ", "Bộ Khoa học và Công nghệ", "Bộ Tài chính", "Bộ Nội vụ",
         "Bộ Văn hóa, Thể thao và Du lịch", "Ngân hàng Nhà nước Việt Nam", "Thanh tra Chính phủ",
         "Văn phòng Chính phủ"],
    ),
    (  # ministries merged on 1 March 2025: en dash, '&', old tone marks
        "Bộ Kế hoạch và Đầu tư, Bộ TT&TT, Bộ Lao động – Thương binh và Xã hội, Bộ TN&MT, "
        "Bộ NN&PTNT, Bộ GTVT và Uỷ ban Dân tộc",
        ["Bộ Kế hoạch và Đầu tư", "Bộ Thông tin và Truyền thông",
         "Bộ Lao động - Thương binh và Xã hội", "Bộ Tài nguyên và Môi trường",
         "Bộ Nông nghiệp và Phát triển nông thôn", "Bộ Giao thông vận tải", "Ủy ban Dân tộc"],
    ),
    (  # agencies of the Government
        "Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam (TTXVN), Bảo hiểm "
        "xã hội Việt Nam, Đại học Quốc gia Hà Nội và ĐHQG-HCM",
        ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam",
         "Thông tấn xã Việt Nam", "Bảo hiểm xã hội Việt Nam", "Đại học Quốc gia Hà Nội",
         "Đại học Quốc gia Thành phố Hồ Chí Minh"],
    ),
    (  # courts, procuracy, audit, the President
        "Toà án nhân dân tối cao, Viện kiểm sát nhân dân tối cao và Kiểm toán nhà nước báo cáo "
        "Chủ tịch nước",
        ["Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao", "Kiểm toán nhà nước",
         "Chủ tịch nước"],
    ),
    (  # the Front and the mass organisations, short forms
        "Ủy ban Trung ương MTTQ Việt Nam, Tổng Liên đoàn Lao động Việt Nam, TW Đoàn, Trung ương "
        "Hội LHPN Việt Nam, Trung ương Hội Nông dân Việt Nam, Trung ương Hội Cựu chiến binh Việt "
        "Nam, Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam và VCCI",
        ["Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "Tổng Liên đoàn Lao động Việt Nam",
         "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Trung ương Hội Liên hiệp Phụ nữ Việt Nam",
         "Trung ương Hội Nông dân Việt Nam", "Trung ương Hội Cựu chiến binh Việt Nam",
         "Liên hiệp các Hội Khoa học và Kỹ thuật Việt Nam",
         "Liên đoàn Thương mại và Công nghiệp Việt Nam"],
    ),
    (  # the Youth Union's committee is not the Party's Central Committee
        "Ban Chấp hành Trung ương Đoàn báo cáo Ban Chấp hành Trung ương Đảng",
        ["Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "Ban Chấp hành Trung ương Đảng"],
    ),
    (  # departments under ministries
        "Cục Thuế, Cục Hải quan và Kho bạc Nhà nước (Bộ Tài chính) phối hợp với Cục C06 Bộ Công an "
        "và Bộ Tư lệnh Bộ đội Biên phòng",
        ["Cục Thuế", "Cục Hải quan", "Kho bạc Nhà nước", "Bộ Tài chính",
         "Cục Cảnh sát quản lý hành chính về trật tự xã hội", "Bộ Công an", "Bộ đội Biên phòng"],
    ),
    (  # departments that ended in 2025
        "Tổng cục Thống kê, Tổng cục Thuế, Cục Bảo vệ thực vật và Cục Thú y",
        ["Tổng cục Thống kê", "Tổng cục Thuế", "Cục Bảo vệ thực vật", "Cục Thú y"],
    ),
    (  # national committees of the Government
        "Ủy ban Quốc gia về chuyển đổi số (nay là Ban Chỉ đạo của Chính phủ về phát triển khoa "
        "học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06)",
        ["Ủy ban Quốc gia về chuyển đổi số",
         "Ban Chỉ đạo của Chính phủ về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển "
         "đổi số và Đề án 06"],
    ),
    (  # state economic groups, by name and by brand
        "Tập đoàn Điện lực Việt Nam (EVN), Viettel, VNPT, Petrovietnam, Tổng công ty Bưu điện Việt "
        "Nam, Tập đoàn Than - Khoáng sản Việt Nam và Tổng công ty Đường sắt Việt Nam",
        ["Tập đoàn Điện lực Việt Nam", "Tập đoàn Điện lực Việt Nam",
         "Tập đoàn Công nghiệp - Viễn thông Quân đội", "Tập đoàn Bưu chính Viễn thông Việt Nam",
         "Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam", "Tổng công ty Bưu điện Việt Nam",
         "Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam", "Tổng công ty Đường sắt Việt Nam"],
    ),
    (  # a group's name before its renaming is the same body
        "Tập đoàn Dầu khí Việt Nam và Ngân hàng Chính sách xã hội",
        ["Tập đoàn Công nghiệp - Năng lượng Quốc gia Việt Nam", "Ngân hàng Chính sách xã hội"],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), SENTENCES, ids=[s[1][0][:30] for s in SENTENCES])
def test_central_bodies_found_in_sentences(text, expected):
    assert found(text) == expected


def test_central_bodies_levels_and_parents():
    matches = TABLE.find("Cục Thuế, Cục C06, Viettel, Ủy ban Pháp luật và Tư pháp và Bộ Chính trị")
    assert [(m.agency.level, m.agency.province, m.agency.parent) for m in matches] == [
        ("central", None, "Bộ Tài chính"),
        ("central", None, "Bộ Công an"),
        ("central", None, "Bộ Quốc phòng"),
        ("central", None, "Quốc hội"),
        ("central", None, "Ban Chấp hành Trung ương Đảng"),
    ]
    # a central body stays central inside a province's document
    (m,) = TABLE.find("Bộ Khoa học và Công nghệ", "Đồng Tháp")
    assert (m.agency.level, m.agency.province) == ("central", None)


def test_central_bodies_as_an_aliases_file():
    """The file also works as a user's ``--aliases`` file over the bundled table."""
    table = AgencyTable.load(extra=str(DATA))
    names = [
        m.agency.name for m in table.find("Giao Bộ KH&CN và Bộ NN&MT phối hợp với Cục Thống kê")
    ]
    assert names == ["Bộ Khoa học và Công nghệ", "Bộ Nông nghiệp và Môi trường", "Cục Thống kê"]
