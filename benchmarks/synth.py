#!/usr/bin/env python3
"""A synthetic national corpus of directive documents at real proportions, with its ground truth.

    python benchmarks/synth.py --provinces 1 --seed 1 --out /tmp/province
    python benchmarks/synth.py --provinces 34 --communes 97.68 --seed 1 --out /tmp/national

The national corpus (``--provinces 34 --communes 97.68``: 3,321 communes and wards) has about
10,500 documents and 195,000 tasks. What it writes, level by level:

* central: Nghị quyết 57-NQ/TW (Bộ Chính trị), Nghị quyết 71/NQ-CP (Chính phủ, implementing
  it), Thông báo 04-TB/BCĐTW (the steering committee), six tasks each; five ministries'
  plans (``NN/KH-BKHCN`` …, implementing 71/NQ-CP, 40-80 tasks led by their departments);
* each province: a Party action programme (``NN-CTr/TU``, implementing 57-NQ/TW, 20-40
  tasks), a people's-committee plan (``NNN/KH-UBND``, implementing the programme, based on
  71/NQ-CP, 50-150 tasks in the text, in an appendix table, or in both) and its draft (blank
  number, "DỰ THẢO"; the plan supersedes it), two follow-up letters (``NNN/UBND-KGVX``, the
  first implementing 04-TB/BCĐTW) and a progress report (``NN/BC-UBND``) citing the plan;
* each commune (``--communes`` on average per province, 0.5 to 1.7 times the mean, fixed over
  the 34 provinces by the seed): a plan of 20-60 tasks (implementing the province's plan; in
  the text, an appendix table, or both), its draft for 30%, 0-2 reminder letters and 0-2
  progress reports citing the plan.

Numbers in both grammars, dates, implementing and citing sentences ("Thực hiện …",
"Căn cứ …", "tại Công văn số …"), tasks in the shapes plans use (inline "chủ trì, phối hợp",
"(Cơ quan chủ trì: …; thời gian: …)", "Giao …", appendix tables with TT / Tên nhiệm vụ /
Cơ quan chủ trì / Cơ quan phối hợp / Thời gian hoàn thành / Kết quả), deadlines in the
forms of DOMAIN.md §4. Overlaps are planted inside one jurisdiction (the central bodies, a
province's own documents, or one commune's): the same work again, paraphrased (phrases
reordered, "bảo đảm"/"đảm bảo", abbreviations, the other tone-mark style), with the same lead
and deadline (duplicate), another lead (conflicting_lead) or another deadline
(conflicting_deadline). Outside planted places no two pieces of work of one jurisdiction
share more than a third of their word pairs (:class:`WorkPool`), so every true overlap is
planted.

A fraction of files gets the noise of DOMAIN.md §6 (NFD letters, the other tone style,
lines broken mid-phrase, page numbers); a share is written as .docx and .pdf. Every part
(the central level, each province with its communes) has its own random generator, seeded
by ``--seed`` and the part's name: the corpus does not depend on ``--jobs``, and the first
N provinces of the national corpus are the corpus of ``--provinces N``.

``truth.json`` holds every document (file, number, type, issuer, date, draft), every
document edge (by number or file), every task (file, text, lead, cooperating, deadline,
recurring) and every planted overlap group.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import sys
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PROVINCES = json.loads((ROOT / "loaders" / "data" / "provinces.json").read_text("utf-8"))
CITIES = set(PROVINCES.get("cities", []))
# The 34 provinces and cities of 1/7/2025, as loaders/data/provinces.json lists them first.
PROVINCE_NAMES = PROVINCES["provinces"][:34]

SYLLABLES_A = "Tân Mỹ Phú An Bình Long Thạnh Hòa Phước Vĩnh Hưng Thới Đông Tây Nam Bắc Trung Hiệp Thuận Lợi Hậu Gia Quang Đức Thành Định Xuân Hải Sơn Lạc".split()
SYLLABLES_B = "Hòa Thạnh Phú Lộc Bình An Hưng Long Đông Tây Lợi Thuận Phước Mỹ Tiến Thành Hiệp Điền Khánh Nghĩa Quới Xuân Lạc Trung Hải Sơn Định Vĩnh".split()

DEPARTMENTS = [
    "Sở Khoa học và Công nghệ",
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Công Thương",
    "Sở Nông nghiệp và Môi trường",
    "Sở Xây dựng",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Tư pháp",
    "Công an tỉnh",
    "Văn phòng Ủy ban nhân dân tỉnh",
]
COMMUNE_UNITS = [
    "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
    "Phòng Kinh tế",
    "Phòng Văn hóa - Xã hội",
    "Công an xã",
]

# Work items: distinct pieces of work. "{a} và {b}" items can be reordered by paraphrase.
WORK = [
    ("xây dựng cơ sở dữ liệu dùng chung của tỉnh", "kết nối với cơ sở dữ liệu quốc gia về dân cư"),
    ("rà soát nền tảng, hạ tầng số dùng chung", "điều chỉnh đầu tư để tránh trùng lặp"),
    (
        "bảo đảm 100% cơ quan nhà nước kết nối mạng truyền số liệu chuyên dùng",
        "xử lý hồ sơ công việc trên môi trường mạng",
    ),
    (
        "triển khai nền tảng học tập trực tuyến mở đại trà",
        "bồi dưỡng kỹ năng số cho cán bộ, công chức",
    ),
    ("số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "tái sử dụng dữ liệu đã số hóa"),
    (
        "xây dựng chính sách hỗ trợ doanh nghiệp khởi nghiệp sáng tạo",
        "thành lập quỹ phát triển khoa học và công nghệ của tỉnh",
    ),
    (
        "phát triển hạ tầng mạng di động 5G tại khu công nghiệp",
        "phủ sóng băng rộng cố định đến các thôn, ấp",
    ),
    (
        "triển khai hồ sơ sức khỏe điện tử cho người dân",
        "kết nối dữ liệu khám chữa bệnh với bảo hiểm xã hội",
    ),
    (
        "xây dựng trung tâm giám sát, điều hành thông minh",
        "tích hợp camera giám sát an ninh trật tự",
    ),
    (
        "đào tạo nguồn nhân lực chất lượng cao về công nghệ thông tin",
        "thu hút chuyên gia chuyển đổi số về làm việc tại tỉnh",
    ),
    ("ứng dụng truy xuất nguồn gốc nông sản", "đưa sản phẩm OCOP lên sàn thương mại điện tử"),
    (
        "bảo đảm an toàn thông tin theo cấp độ cho hệ thống thông tin",
        "diễn tập ứng cứu sự cố an toàn thông tin mạng",
    ),
    (
        "triển khai thanh toán không dùng tiền mặt trong trường học, bệnh viện",
        "thu phí dịch vụ công qua nền tảng thanh toán trực tuyến",
    ),
    (
        "rà soát, sửa đổi quy chế quản lý đề tài khoa học cấp tỉnh",
        "công khai kết quả nghiên cứu trên cổng thông tin",
    ),
    ("tổ chức ngày hội khởi nghiệp đổi mới sáng tạo", "kết nối doanh nghiệp với viện, trường"),
    ("chuẩn hóa dữ liệu đất đai", "đồng bộ với cơ sở dữ liệu đất đai quốc gia"),
    (
        "cung cấp dịch vụ công trực tuyến toàn trình",
        "giám sát việc tiếp nhận hồ sơ trên Cổng Dịch vụ công quốc gia",
    ),
    ("xây dựng bản đồ số du lịch của tỉnh", "quảng bá điểm đến trên nền tảng số"),
    (
        "triển khai hóa đơn điện tử khởi tạo từ máy tính tiền",
        "kiểm tra việc sử dụng hóa đơn của hộ kinh doanh",
    ),
    (
        "thành lập tổ công nghệ số cộng đồng ở các thôn, ấp",
        "hướng dẫn người dân cài đặt, sử dụng ứng dụng định danh điện tử",
    ),
    ("đánh giá chỉ số chuyển đổi số của các cơ quan, đơn vị", "công bố kết quả xếp hạng hằng năm"),
    ("xây dựng kho dữ liệu mở của tỉnh", "ban hành danh mục dữ liệu mở ưu tiên"),
    ("hiện đại hóa trang thiết bị phòng thí nghiệm", "đầu tư trung tâm ứng dụng tiến bộ khoa học"),
    (
        "ứng dụng trí tuệ nhân tạo trong trả lời phản ánh, kiến nghị",
        "tổng hợp ý kiến người dân trên hệ thống",
    ),
    ("phát triển thương mại điện tử cho hợp tác xã", "tập huấn bán hàng trực tuyến cho nông dân"),
    (
        "xây dựng hệ thống quản lý văn bản và điều hành liên thông bốn cấp",
        "gửi nhận văn bản điện tử có ký số",
    ),
    ("cấp chữ ký số cho cán bộ, công chức", "sử dụng chữ ký số trong xử lý văn bản"),
    (
        "rà soát, sắp xếp các trung tâm dữ liệu",
        "di chuyển hệ thống thông tin lên nền tảng điện toán đám mây",
    ),
    ("số hóa tài liệu lưu trữ lịch sử", "phục vụ khai thác tài liệu trực tuyến"),
    ("phát triển hệ sinh thái khởi nghiệp trong thanh niên", "tổ chức cuộc thi ý tưởng sáng tạo"),
    ("xây dựng trường học số", "triển khai sổ điểm điện tử, học bạ số"),
    ("quản lý nước sạch nông thôn bằng đồng hồ thông minh", "cảnh báo sớm xâm nhập mặn"),
    ("chuyển đổi số trong quản lý trật tự xây dựng", "cấp phép xây dựng trực tuyến"),
    (
        "giám sát môi trường tự động tại khu công nghiệp",
        "truyền dữ liệu quan trắc về Sở theo thời gian thực",
    ),
    (
        "kiện toàn Ban Chỉ đạo về khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
        "ban hành quy chế làm việc của Ban Chỉ đạo",
    ),
    (
        "tuyên truyền về vai trò của khoa học, công nghệ trên báo, đài",
        "mở chuyên mục chuyển đổi số trên cổng thông tin điện tử",
    ),
    ("bố trí kinh phí sự nghiệp khoa học và công nghệ", "ưu tiên vốn đầu tư công cho hạ tầng số"),
    (
        "đánh giá đội ngũ cán bộ phụ trách công nghệ thông tin",
        "bổ sung biên chế cho đơn vị chuyên trách",
    ),
    ("kết nối hệ thống camera giao thông", "xử phạt vi phạm hành chính qua hình ảnh"),
    (
        "hỗ trợ doanh nghiệp nhỏ và vừa chuyển đổi số",
        "cung cấp nền tảng quản trị doanh nghiệp miễn phí",
    ),
    (
        "xây dựng cơ sở dữ liệu cán bộ, công chức, viên chức",
        "cập nhật dữ liệu lên hệ thống quốc gia",
    ),
    (
        "tổ chức khảo sát mức độ hài lòng của người dân",
        "công khai kết quả trên Cổng thông tin điện tử",
    ),
    ("ứng dụng công nghệ cao trong trồng lúa", "xây dựng cánh đồng lớn áp dụng cơ giới hóa"),
    ("phát triển nông nghiệp số", "sử dụng nhật ký điện tử cho vùng trồng"),
    (
        "triển khai bệnh án điện tử tại bệnh viện tuyến tỉnh",
        "kết nối liên thông kết quả xét nghiệm",
    ),
    ("xây dựng hệ thống thông tin nguồn thống nhất", "phát thanh thông minh tại các xã"),
    ("rà soát thủ tục hành chính nội bộ", "đơn giản hóa quy trình giải quyết"),
    ("thí điểm mô hình chính quyền số cấp xã", "nhân rộng mô hình điểm"),
    ("xây dựng bộ chỉ tiêu thống kê khoa học và công nghệ", "báo cáo định kỳ bằng phần mềm"),
    ("bảo vệ dữ liệu cá nhân trong cơ quan nhà nước", "phân loại dữ liệu theo mức độ bí mật"),
    ("phát triển dịch vụ logistics số", "kết nối sàn giao dịch vận tải"),
    ("đầu tư hạ tầng sạc xe điện", "quy hoạch điểm sạc tại đô thị"),
    ("hỗ trợ đăng ký bảo hộ sở hữu trí tuệ", "phát triển nhãn hiệu tập thể cho đặc sản địa phương"),
    ("xây dựng thư viện số", "liên thông tài nguyên với thư viện quốc gia"),
    ("triển khai ví điện tử an sinh xã hội", "chi trả trợ cấp qua tài khoản"),
    ("ứng dụng dữ liệu dân cư trong giải quyết thủ tục", "làm sạch dữ liệu hộ tịch"),
    ("đánh giá hiệu quả các nhiệm vụ khoa học đã nghiệm thu", "chuyển giao kết quả vào sản xuất"),
    ("xây dựng mạng lưới cộng tác viên khoa học", "kết nối trí thức người Việt ở nước ngoài"),
    ("phòng, chống lừa đảo trực tuyến", "cảnh báo thủ đoạn mới trên mạng xã hội"),
    ("hướng dẫn thanh niên lập nghiệp trên môi trường số", "mở lớp kỹ năng làm nội dung số"),
    ("số hóa di tích lịch sử, văn hóa", "xây dựng tham quan ảo ba chiều"),
    (
        "quản lý tàu cá bằng thiết bị giám sát hành trình",
        "cấp giấy phép khai thác thủy sản trực tuyến",
    ),
    ("triển khai hợp đồng lao động điện tử", "kết nối dữ liệu việc làm"),
    ("xây dựng cổng dữ liệu doanh nghiệp", "đối thoại doanh nghiệp trực tuyến hằng quý"),
    (
        "nâng cấp hệ thống một cửa điện tử",
        "đồng bộ trạng thái hồ sơ với Cổng Dịch vụ công quốc gia",
    ),
    ("thí điểm trợ lý ảo cho cán bộ", "khai thác văn bản pháp luật bằng trí tuệ nhân tạo"),
    ("rà soát đề án, dự án đầu tư công nghệ thông tin", "dừng các dự án trùng lặp, kém hiệu quả"),
    ("lập quỹ đất cho khu công nghệ thông tin tập trung", "kêu gọi đầu tư hạ tầng khu"),
    ("đào tạo kỹ năng số cho học sinh", "đưa nội dung tư duy máy tính vào giờ học"),
    (
        "tăng cường kiểm tra việc thực hiện nhiệm vụ chuyển đổi số",
        "xử lý trách nhiệm người đứng đầu chậm triển khai",
    ),
]
DELIVERABLES = [
    "Báo cáo kết quả",
    "Kế hoạch được phê duyệt",
    "Hệ thống vận hành",
    "Quyết định ban hành",
    "Cơ sở dữ liệu",
    "Văn bản hướng dẫn",
]

ABBREVIATIONS = [
    ("khoa học và công nghệ", "KH&CN"),
    ("chuyển đổi số", "CĐS"),
    ("cơ sở dữ liệu", "CSDL"),
    ("công nghệ thông tin", "CNTT"),
    ("thủ tục hành chính", "TTHC"),
    ("đổi mới sáng tạo", "ĐMST"),
]
OLD_TONES = [
    ("hóa", "hoá"),
    ("Hòa", "Hoà"),
    ("ủy", "uỷ"),
    ("Ủy", "Uỷ"),
    ("thủy", "thuỷ"),
    ("khỏe", "khoẻ"),
]


# ------------------------------------------------------------------- truth records


@dataclass
class TaskTruth:
    file: str
    text: str  # the work as written in the document (before noise)
    lead: list[str]
    cooperating: list[str]
    deadline: str | None
    recurring: bool


@dataclass
class DocTruth:
    file: str
    number: str | None
    doc_type: str
    issuer: str
    date: str | None
    is_draft: bool
    province: str | None
    commune: str | None = None
    tasks: list[TaskTruth] = field(default_factory=list)


@dataclass
class Deadline:
    phrase: str
    iso: str | None
    recurring: bool = False


def month_end(y: int, m: int) -> date:
    return (date(y + (m == 12), m % 12 + 1, 1)) - timedelta(days=1)


def vn_date(d: date) -> str:
    return f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"


def short_date(d: date) -> str:
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def deadline_for(rng: random.Random, after: date) -> Deadline:
    kind = rng.random()
    if kind < 0.12:
        return Deadline("Thường xuyên", None, True)
    when = after + timedelta(days=rng.randint(45, 420))
    if kind < 0.45:
        end = month_end(when.year, when.month)
        return Deadline(f"hoàn thành trong tháng {when.month}/{when.year}", end.isoformat())
    if kind < 0.75:
        end = month_end(when.year, when.month)
        return Deadline(f"hoàn thành trước ngày {short_date(end)}", end.isoformat())
    q = (when.month - 1) // 3 + 1
    end = month_end(when.year, q * 3)
    return Deadline(
        f"hoàn thành trong Quý {'I II III IV'.split()[q - 1]}/{when.year}", end.isoformat()
    )


# ------------------------------------------------------------------- paraphrase and noise


def paraphrase(rng: random.Random, a: str, b: str) -> str:
    """The same work, said again: phrases reordered, synonyms, abbreviations, tone style."""
    text = f"{b} và {a}" if rng.random() < 0.6 else f"{a}, đồng thời {b}"
    if "bảo đảm" in text:
        text = text.replace("bảo đảm", "đảm bảo")
    elif rng.random() < 0.5:
        text = "tiếp tục " + text
    for full, short in ABBREVIATIONS:
        if full in text and rng.random() < 0.7:
            text = text.replace(full, short)
    if rng.random() < 0.5:
        for new, old in OLD_TONES:
            text = text.replace(new, old)
    return text


def work_text(a: str, b: str) -> str:
    return f"{a} và {b}"


def cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def add_noise(rng: random.Random, text: str) -> str:
    """DOMAIN.md §6: other tone style, NFD letters, lines broken mid-phrase, page numbers."""
    if rng.random() < 0.5:
        for new, old in OLD_TONES:
            text = text.replace(new, old)
    lines = []
    page = 1
    for i, line in enumerate(text.split("\n")):
        # a PDF-like break mid-phrase (not in a table's row: its cells stay on one line)
        if len(line) > 90 and "\t" not in line and rng.random() < 0.5:
            cut = line.rfind(" ", 40, 80)
            if cut > 0:
                lines += [line[:cut] + " ", "", line[cut + 1 :]]
                continue
        lines.append(line)
        if i and i % 45 == 0:
            page += 1
            lines += ["", str(page), ""]
    text = "\n".join(lines)
    if rng.random() < 0.4:
        text = unicodedata.normalize("NFD", text)
    return text


# ------------------------------------------------------------------- work items

# Generated work, to give every jurisdiction hundreds of distinct items: a verb, an object
# (a kind of system or instrument, and the field it serves) and sometimes a target group.
VERBS = [
    "xây dựng", "nâng cấp", "rà soát", "hoàn thiện", "vận hành", "cập nhật", "mở rộng",
    "chuẩn hóa", "đánh giá", "thí điểm", "duy trì", "kiện toàn", "tích hợp", "kiểm thử",
]  # fmt: skip
HEADS = [
    "cơ sở dữ liệu", "hệ thống thông tin", "phần mềm quản lý", "bản đồ số", "kho dữ liệu",
    "trang thông tin", "ứng dụng di động", "quy trình nghiệp vụ", "bộ chỉ tiêu", "mô hình điểm",
    "dịch vụ tra cứu", "tổ công tác", "quy chế phối hợp", "hạ tầng kỹ thuật",
    "chương trình bồi dưỡng", "sổ tay hướng dẫn", "kênh tiếp nhận phản ánh", "bảng theo dõi",
]  # fmt: skip
FIELDS = [
    "đất đai", "hộ tịch", "y tế cơ sở", "giáo dục mầm non", "giáo dục phổ thông",
    "du lịch cộng đồng", "nông nghiệp hữu cơ", "nuôi trồng thủy sản", "lâm nghiệp",
    "giao thông nông thôn", "trật tự đô thị", "tài nguyên nước", "quan trắc môi trường",
    "lao động việc làm", "an sinh xã hội", "người có công", "văn hóa cơ sở", "thể dục thể thao",
    "thư viện cộng đồng", "di tích lịch sử", "phòng cháy chữa cháy", "quốc phòng toàn dân",
    "an ninh trật tự", "thu ngân sách", "bảo hiểm y tế", "đồng bào dân tộc thiểu số",
    "hoạt động tôn giáo", "công tác thanh niên", "bình đẳng giới", "bảo vệ trẻ em",
    "chăm sóc người cao tuổi", "khuyến nông", "phòng dịch gia súc", "đê điều",
    "phòng chống thiên tai", "nước sạch nông thôn", "chợ truyền thống", "làng nghề",
    "kinh tế tập thể", "doanh nghiệp nhỏ", "hộ kinh doanh", "khu công nghiệp",
    "cụm công nghiệp", "lưới điện nông thôn", "bưu chính công ích", "báo chí địa phương",
    "loa truyền thanh", "tiếp công dân", "giải quyết khiếu nại", "thi đua khen thưởng",
    "lưu trữ hồ sơ", "văn thư", "cải cách hành chính", "kiểm soát thủ tục", "tài sản công",
    "đầu tư công", "quy hoạch chung", "nhà ở xã hội", "bồi thường tái định cư", "chứng thực",
    "trợ giúp pháp lý", "phổ biến pháp luật", "hòa giải ở cơ sở", "dân số kế hoạch hóa",
    "tiêm chủng mở rộng", "an toàn thực phẩm", "vệ sinh trường học", "xe buýt công cộng",
]  # fmt: skip
QUALIFIERS = [
    "tại các thôn, ấp", "cho hộ gia đình", "ở trường học", "tại trạm y tế", "cho hợp tác xã",
    "tại bộ phận một cửa", "cho người cao tuổi", "trong khu dân cư", "theo thời gian thực",
    "trên thiết bị di động", "có kết nối liên thông", "bằng chữ ký số", "cho doanh nghiệp mới",
    "tại nhà văn hóa", "cho học sinh", "trên bản đồ nền", "vào cuối mỗi quý",
]  # fmt: skip


def _grams(text: str) -> set[str]:
    words = text.replace(",", " ").split()
    return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)} | set(words[:1])


class WorkPool:
    """Distinct pieces of work for one jurisdiction (a province's own documents, one
    commune's, or the central bodies'): no item shares more than a third of its word pairs
    with another, so outside planted places no work repeats inside a jurisdiction."""

    SHARED = 0.34

    def __init__(self, rng: random.Random, handmade: float = 0.3) -> None:
        self.rng = rng
        self.handmade = list(WORK)
        rng.shuffle(self.handmade)
        self.share = handmade
        self.index: dict[str, list[int]] = {}
        self.sizes: list[int] = []

    def _clause(self, qualify: bool) -> str:
        rng = self.rng
        text = f"{rng.choice(VERBS)} {rng.choice(HEADS)} {rng.choice(FIELDS)}"
        return f"{text} {rng.choice(QUALIFIERS)}" if qualify and rng.random() < 0.3 else text

    def take(self) -> tuple[str, str]:
        """A new piece of work: two clauses (``a và b``), which a paraphrase may reorder."""
        for _ in range(500):
            if self.handmade and self.rng.random() < self.share:
                a, b = self.handmade.pop()
            else:
                a, b = self._clause(False), self._clause(True)
            grams = _grams(work_text(a, b))
            shared: dict[int, int] = {}
            for g in grams:
                for i in self.index.get(g, ()):
                    shared[i] = shared.get(i, 0) + 1
            if any(n > self.SHARED * min(len(grams), self.sizes[i]) for i, n in shared.items()):
                continue
            for g in grams:
                self.index.setdefault(g, []).append(len(self.sizes))
            self.sizes.append(len(grams))
            return a, b
        raise RuntimeError("no distinct work left")  # pragma: no cover


# An item of a document: the work (its two clauses), the text as written, lead,
# cooperating bodies, deadline.
@dataclass
class Item:
    parts: tuple[str, str]
    text: str
    lead: str
    cooperating: list[str]
    deadline: Deadline


def again(rng: random.Random, item: Item, **changes: Any) -> Item:
    """``item``'s work said again (paraphrased), with ``changes`` (lead, deadline …)."""
    fields = {"parts": item.parts, "text": paraphrase(rng, *item.parts), "lead": item.lead}
    fields |= {"cooperating": item.cooperating, "deadline": item.deadline} | changes
    return Item(**fields)


# ------------------------------------------------------------------- documents


class Numbers:
    """Serial numbers per issuer symbol and year (state) or term (Party)."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.next: dict[str, int] = {}

    def take(self, key: str) -> int:
        n = self.next.get(key, self.rng.randint(5, 60)) + self.rng.randint(1, 9)
        self.next[key] = n
        return n


HEAD_RIGHT = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
PARTY_RIGHT = ("ĐẢNG CỘNG SẢN VIỆT NAM", "")


def header(
    left: list[str], right: tuple[str, str], number: str, place: str, when: date | None
) -> str:
    rows = []
    for i, item in enumerate(left + [""] * (2 - len(left))):
        other = right[i] if i < 2 else ""
        rows.append(f"{item:<34}{other}".rstrip())
    day = vn_date(when) if when else "ngày      tháng      năm 2025"
    rows += ["", f"Số: {number:<28}{place}, {day}", ""]
    return "\n".join(rows)


def signature(left_title: str, role: str, name: str) -> str:
    return (
        f"\nNơi nhận:                                   {left_title}\n"
        f"- Như trên;                                  {role}\n- Lưu: VT.\n\n\n"
        f"                                            {name}\n"
    )


PEOPLE = "Nguyễn Văn An|Trần Thị Bình|Lê Minh Châu|Phạm Quốc Dũng|Hoàng Thị Em|Võ Văn Giang|Đặng Thanh Hải|Bùi Thị Hạnh|Đỗ Minh Khoa|Huỳnh Văn Lâm".split(
    "|"
)

CENTRAL_BODIES = json.loads((ROOT / "loaders" / "data" / "central_bodies.json").read_text("utf-8"))[
    "agencies"
]
# Ministries whose plans the corpus holds: symbol, name; their departments lead the tasks.
MINISTRIES = [
    ("BKHCN", "Bộ Khoa học và Công nghệ"),
    ("BTC", "Bộ Tài chính"),
    ("BCA", "Bộ Công an"),
    ("BNNMT", "Bộ Nông nghiệp và Môi trường"),
    ("BQP", "Bộ Quốc phòng"),
]


def units_of(ministry: str) -> list[str]:
    return [
        a["name"] for a in CENTRAL_BODIES if a.get("parent") == ministry and not a.get("former")
    ]


class Corpus:
    """One part of the corpus (the central level, or one province with its communes),
    written by one process; ``rng`` depends on the seed and the part only, so a corpus
    of 4 provinces is the first 4 provinces of the national one."""

    def __init__(
        self,
        out: Path,
        rng: random.Random,
        noise: float,
        docx_share: float,
        pdf_share: float,
        task_scale: float = 1.0,
    ) -> None:
        self.out = out
        self.rng = rng
        self.noise = noise
        self.docx_share = docx_share
        self.pdf_share = pdf_share
        self.task_scale = task_scale
        self.numbers = Numbers(self.rng)
        self.documents: list[DocTruth] = []
        self.edges: list[dict] = []
        self.overlaps: list[dict] = []

    # ---------------------------------------------------------------- writing
    def write(self, rel: str, text: str, doc: DocTruth) -> None:
        roll = self.rng.random()
        if roll < self.docx_share:
            rel = rel[:-4] + ".docx"
        elif roll < self.docx_share + self.pdf_share:
            rel = rel[:-4] + ".pdf"
        elif self.rng.random() < self.noise:
            text = add_noise(self.rng, text)
        doc.file = rel
        for t in doc.tasks:
            t.file = rel
        self.documents.append(doc)
        path = self.out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".docx":
            write_docx(path, text)
        elif path.suffix == ".pdf":
            write_pdf(path, text)
        else:
            path.write_text(text, "utf-8")

    def edge(self, source: DocTruth, target: str, relation: str) -> None:
        self.edges.append(
            {
                "source": source.number or source.file,
                "source_file": None,
                "target": target,
                "relation": relation,
                "_doc": id(source),
            }
        )

    def overlap(self, kind: str, first: tuple[DocTruth, Item], *more: tuple[DocTruth, Item]):
        tasks = [{"file": d.file, "text": cap(i.text)} for d, i in (first, *more)]
        self.overlaps.append({"kind": kind, "tasks": tasks})

    def finish(self) -> dict[str, list]:
        """The part's truth: documents, tasks, edges (by file), planted overlaps."""
        by_id = {id(d): d for d in self.documents}
        for e in self.edges:
            doc = by_id.get(e.pop("_doc"))
            e["source_file"] = doc.file if doc else None
        return {
            "documents": [asdict(d) | {"tasks": len(d.tasks)} for d in self.documents],
            "tasks": [asdict(t) for d in self.documents for t in d.tasks],
            "edges": self.edges,
            "overlaps": self.overlaps,
        }

    # ---------------------------------------------------------------- tasks
    def task_lines(self, tasks: list[Item], style: str) -> list[str]:
        """Numbered items in one of the shapes plans use."""
        out = []
        for i, item in enumerate(tasks, 1):
            text, lead, coop, dl = item.text, item.lead, item.cooperating, item.deadline
            coop_text = ", ".join(coop)
            shape = self.rng.choice(("inline", "paren", "giao")) if style == "mixed" else style
            if shape == "inline":
                with_ = f", phối hợp với {coop_text}" if coop else ""
                out.append(f"{i}. {lead} chủ trì{with_} {text}; {dl.phrase}.")
            elif shape == "paren":
                with_ = f"; cơ quan phối hợp: {coop_text}" if coop else ""
                out.append(
                    f"{i}. {cap(text)} (Cơ quan chủ trì: {lead}{with_}; thời gian: {dl.phrase})."
                )
            else:
                with_ = f" phối hợp với {coop_text}" if coop else ""
                out.append(f"{i}. Giao {lead} chủ trì,{with_} {text}, {dl.phrase}.")
        return out

    def appendix(self, tasks: list[Item]) -> list[str]:
        rows = [
            "",
            "Phụ lục",
            "DANH MỤC NHIỆM VỤ",
            "",
            "TT\tTên nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tKết quả",
        ]
        for i, item in enumerate(tasks, 1):
            when = cap(item.deadline.phrase.replace("hoàn thành ", "").replace("trong ", ""))
            coop = ", ".join(item.cooperating)
            result = self.rng.choice(DELIVERABLES)
            rows.append(f"{i}\t{cap(item.text)}\t{item.lead}\t{coop}\t{when}\t{result}")
        return rows

    def task_body(self, items: list[Item], layout: str, close: list[str]) -> list[str]:
        """The task section and what follows it: the items in the text (``body``), only in
        an appendix table (``appendix``), or in the text and restated in an appendix
        (``both``: the reader takes each row once, with what the text adds)."""
        if layout == "appendix":
            return ["Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.", "", *close]
        return [*self.task_lines(items, "mixed"), "", *close]

    def truths(self, doc: DocTruth, tasks: list[Item]) -> list[TaskTruth]:
        return [
            TaskTruth(
                "", cap(t.text), [t.lead], t.cooperating, t.deadline.iso, t.deadline.recurring
            )
            for t in tasks
        ]

    def count(self, low: int, high: int) -> int:
        """How many tasks a plan holds: ``low`` to ``high``, times ``--task-scale`` (at
        least 5)."""
        return max(5, round(self.rng.randint(low, high) * self.task_scale))

    def item(self, pool: WorkPool, leads: list[str], after: date, coop: int = 0) -> Item:
        parts = pool.take()
        lead = self.rng.choice(leads)
        others = [x for x in leads if x != lead]
        cooperating = self.rng.sample(others, min(coop, len(others)))
        return Item(parts, work_text(*parts), lead, cooperating, deadline_for(self.rng, after))

    def plan(
        self,
        head: list[str],
        number: str,
        place: str,
        when: date | None,
        title: str,
        opening: str,
        items: list[Item],
        layout: str,
        sign: tuple[str, str, str],
        draft: bool = False,
    ) -> str:
        """A plan's text: heading, purpose, the tasks (see :meth:`task_body`), signature."""
        close = ["III. TỔ CHỨC THỰC HIỆN", "Các cơ quan, đơn vị triển khai thực hiện."]
        body = [
            header(head, HEAD_RIGHT, number, place, when),
            *(["DỰ THẢO"] if draft else []),
            "KẾ HOẠCH", title, "", opening, "",
            "I. MỤC ĐÍCH, YÊU CẦU", "Triển khai kịp thời, đồng bộ, hiệu quả.", "",
            "II. NHIỆM VỤ VÀ GIẢI PHÁP",
            *self.task_body(items, layout, close),
            signature(*sign),
        ]  # fmt: skip
        if layout != "body":
            body += self.appendix(items)
        return "\n".join(body)

    def report(
        self, head: list[str], number: str, place: str, when: date, opening: str, done: int,
        total: int, items: list[Item], sign: str,
    ) -> str:  # fmt: skip
        """A progress report: what was done (no tasks), then the next period's tasks."""
        rng = self.rng
        return "\n".join([
            header(head, HEAD_RIGHT, number, place, when),
            "BÁO CÁO", "Kết quả thực hiện nhiệm vụ khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", "",
            opening, "",
            "I. KẾT QUẢ ĐẠT ĐƯỢC",
            f"Đến nay đã hoàn thành {done}/{total} nhiệm vụ; {rng.randint(55, 98)}% hồ sơ được tiếp nhận, giải quyết trực tuyến.",
            f"Tỷ lệ người dân trưởng thành có danh tính số đạt {rng.randint(60, 95)}%.", "",
            "II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI",
            *self.task_lines(items, "mixed"),
            signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", sign),
        ])  # fmt: skip

    # ---------------------------------------------------------------- central
    def central(self) -> None:
        """The resolution, the Government's resolution, the steering committee's notice,
        and the ministries' plans implementing the Government's resolution (one
        jurisdiction: every task distinct, but for one planted conflict)."""
        rng = self.rng
        pool = WorkPool(rng)
        specs = [
            ("57-NQ/TW", "Nghị quyết", "BỘ CHÍNH TRỊ", "Bộ Chính trị", date(2024, 12, 22), None,
             "NGHỊ QUYẾT", "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia", PARTY_RIGHT),
            ("71/NQ-CP", "Nghị quyết", "CHÍNH PHỦ", "Chính phủ", date(2025, 4, 1), "57-NQ/TW",
             "NGHỊ QUYẾT", "sửa đổi, bổ sung, cập nhật Chương trình hành động của Chính phủ thực hiện Nghị quyết số 57-NQ/TW", HEAD_RIGHT),
            ("04-TB/BCĐTW", "Thông báo", "BAN CHỈ ĐẠO TRUNG ƯƠNG", "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số", date(2025, 5, 30), "57-NQ/TW",
             "THÔNG BÁO", "kết luận của Trưởng Ban Chỉ đạo Trung ương tại phiên họp Thường trực", PARTY_RIGHT),
        ]  # fmt: skip
        leads = [name for _, name in MINISTRIES] + ["Bộ Nội vụ"]
        for number, doc_type, head, issuer, when, implements, word, title, right in specs:
            doc = DocTruth("", number, doc_type, issuer, when.isoformat(), False, None)
            lines = [header([head], right, number, "Hà Nội", when), word, title, ""]
            if implements:
                lines.append(
                    f"Thực hiện Nghị quyết số {implements} ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, {issuer} {'ban hành' if doc_type != 'Thông báo' else 'thông báo'} như sau:"
                )
                self.edge(doc, implements, "implements")
            lines += [
                "",
                "I. MỤC TIÊU",
                "Tạo chuyển biến mạnh mẽ về khoa học, công nghệ và chuyển đổi số trên phạm vi cả nước.",
                "",
                "II. NHIỆM VỤ",
            ]
            tasks = [self.item(pool, leads, when) for _ in range(6)]
            lines += self.task_lines(tasks, "inline")
            lines += [
                "",
                "III. TỔ CHỨC THỰC HIỆN",
                "Các cơ quan, đơn vị tổ chức thực hiện nghiêm túc.",
                signature("T/M " + head, "", rng.choice(PEOPLE)),
            ]
            doc.tasks = self.truths(doc, tasks)
            self.write(f"central/{number.replace('/', '_')}.txt", "\n".join(lines), doc)
        planted: tuple[DocTruth, Item] | None = None
        for m, (code, ministry) in enumerate(MINISTRIES):
            units = units_of(ministry)
            no = f"{self.numbers.take(code)}/KH-{code}"
            when = date(2025, rng.randint(5, 7), rng.randint(1, 28))
            items = [
                self.item(pool, units, when, rng.randint(0, 2)) for _ in range(self.count(40, 80))
            ]
            repeat = None
            if planted is not None and m == 1:  # the first ministry's work again, another lead
                first = planted[1]
                repeat = again(rng, Item(first.parts, first.text, units[0], [], first.deadline))
                items.insert(rng.randint(0, len(items)), repeat)
            title = "Thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ"
            opening = (
                f"Thực hiện Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ sửa đổi, bổ sung, cập nhật Chương trình hành động "
                f"của Chính phủ thực hiện Nghị quyết số 57-NQ/TW, {ministry} ban hành Kế hoạch như sau:"
            )
            layout = rng.choice(("body", "appendix", "both"))
            text = self.plan(
                [ministry.upper()],
                no,
                "Hà Nội",
                when,
                title,
                opening,
                items,
                layout,
                ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", rng.choice(PEOPLE)),
            )
            doc = DocTruth("", no, "Kế hoạch", ministry, when.isoformat(), False, None)
            doc.tasks = self.truths(doc, items)
            self.write(f"central/{slugify(ministry)}/kh.txt", text, doc)
            self.edge(doc, "71/NQ-CP", "implements")
            if planted is None:
                planted = (doc, items[0])
            elif repeat is not None:
                self.overlap("conflicting_lead", planted, (doc, repeat))

    # ---------------------------------------------------------------- province
    def province(self, name: str, communes: int) -> None:
        """A province's own documents (one jurisdiction) and its communes'."""
        rng = self.rng
        city = name in CITIES
        unit = "thành phố" if city else "tỉnh"
        party_head = "THÀNH ỦY" if city else "TỈNH ỦY"
        party_name = f"Ban Thường vụ {'Thành ủy' if city else 'Tỉnh ủy'} {name}"
        ubnd = f"Ủy ban nhân dân {unit} {name}"
        head = ["ỦY BAN NHÂN DÂN", f"{unit.upper()} {name.upper()}"]
        slug = slugify(name)
        pool = WorkPool(rng)
        depts = [d.replace("tỉnh", unit) if d.endswith("tỉnh") else d for d in DEPARTMENTS]

        # Party action programme
        prog_no = f"{self.numbers.take(slug + 'CTr')}-CTr/TU"
        prog_date = date(2025, 2, rng.randint(1, 27))
        prog = DocTruth("", prog_no, "Chương trình", party_name, prog_date.isoformat(), False, name)
        items = [self.item(pool, depts, prog_date, 2) for _ in range(self.count(20, 40))]
        lines = [
            header([party_head + " " + name.upper(), "BAN THƯỜNG VỤ"], PARTY_RIGHT, prog_no, name, prog_date),
            "CHƯƠNG TRÌNH HÀNH ĐỘNG",
            "thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
            "",
            f"Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, Ban Thường vụ {'Thành ủy' if city else 'Tỉnh ủy'} xây dựng Chương trình hành động với các nội dung sau:",
            "", "I. MỤC TIÊU", "Phát triển khoa học, công nghệ và chuyển đổi số là đột phá quan trọng hàng đầu.", "",
            "II. NHIỆM VỤ, GIẢI PHÁP",
            *self.task_lines(items, "inline"),
            "", "III. TỔ CHỨC THỰC HIỆN", "Các cấp ủy, tổ chức đảng quán triệt, tổ chức thực hiện.",
            signature("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", rng.choice(PEOPLE)),
        ]  # fmt: skip
        prog.tasks = self.truths(prog, items)
        self.edge(prog, "57-NQ/TW", "implements")
        self.write(f"{slug}/ctr-tu.txt", "\n".join(lines), prog)

        # People's committee plan (50-150 tasks) and its draft
        plan_no = f"{self.numbers.take(slug + 'KH')}/KH-UBND"
        plan_date = date(2025, 5, rng.randint(1, 28))
        plan_items = [self.item(pool, depts, plan_date, 2) for _ in range(self.count(50, 150))]
        dup_again = again(rng, items[0])  # planted: the programme's first item again
        plan_items.insert(rng.randint(0, len(plan_items)), dup_again)
        title = f"Triển khai thực hiện Chương trình hành động số {prog_no} ngày {short_date(prog_date)} của {party_name.replace(' ' + name, '')}"
        opening = (
            f"Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ; Thực hiện Chương trình hành động số {prog_no} ngày {short_date(prog_date)} "
            f"của Ban Thường vụ {'Thành ủy' if city else 'Tỉnh ủy'} thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị, "
            f"Ủy ban nhân dân {unit} ban hành Kế hoạch triển khai thực hiện như sau:"
        )
        layout = rng.choice(("body", "appendix", "appendix", "both"))
        sign = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn An")
        draft = DocTruth("", None, "Kế hoạch", ubnd, None, True, name)
        draft.tasks = self.truths(draft, plan_items)
        text = self.plan(
            head, "    /KH-UBND", name, None, title, opening, plan_items, layout, sign, True
        )
        self.write(f"{slug}/kh-ubnd-du-thao.txt", text, draft)
        self.edge(draft, prog_no, "implements")
        plan = DocTruth("", plan_no, "Kế hoạch", ubnd, plan_date.isoformat(), False, name)
        plan.tasks = self.truths(plan, plan_items)
        text = self.plan(head, plan_no, name, plan_date, title, opening, plan_items, layout, sign)
        self.write(f"{slug}/kh-ubnd.txt", text, plan)
        self.edge(plan, prog_no, "implements")
        self.edge(plan, "71/NQ-CP", "based_on")
        self.edges.append(
            {"source": plan_no, "target": draft.file, "relation": "supersedes", "_doc": id(plan)}
        )
        self.overlap("duplicate", (prog, items[0]), (plan, dup_again))

        # Follow-up letters: conflicting lead and deadline with the plan, a duplicate
        own = [i for i in plan_items if i is not dup_again]
        base_lead, base_dup = own[0], own[-1]
        base_dl = next((i for i in own[1:-1] if i.deadline.iso), None)  # None: no such plant
        for k in range(2):
            letter_no = f"{self.numbers.take(slug + 'CV')}/UBND-KGVX"
            letter_date = date(2025, 6 + 2 * k, rng.randint(1, 28))
            letter_items = [
                self.item(pool, depts, letter_date, 1) for _ in range(rng.randint(2, 5))
            ]
            if k == 0:
                other_lead = next(
                    d for d in depts if d != base_lead.lead and d not in base_lead.cooperating
                )
                conflict_lead = again(rng, base_lead, lead=other_lead)
                planted = [conflict_lead]
                if base_dl is not None:
                    when = letter_date + timedelta(days=20)
                    other_dl = Deadline(
                        f"hoàn thành trước ngày {short_date(when)}", when.isoformat()
                    )
                    if base_dl.deadline.iso == other_dl.iso:
                        other_dl = Deadline("hoàn thành trong tháng 12/2026", "2026-12-31")
                    planted.append(again(rng, base_dl, deadline=other_dl))
            else:
                planted = [again(rng, base_dup)]
            letter_items += planted
            rng.shuffle(letter_items)
            subject = (
                "V/v triển khai Thông báo số 04-TB/BCĐTW"
                if k == 0
                else f"V/v đôn đốc thực hiện Kế hoạch số {plan_no}"
            )
            cue = (
                "Thực hiện Thông báo số 04-TB/BCĐTW ngày 30/5/2025 của Ban Chỉ đạo Trung ương và "
                if k == 0
                else "Thực hiện "
            )
            lines = [
                header(head, HEAD_RIGHT, letter_no, name, letter_date),
                subject, "", "Kính gửi: Các sở, ban, ngành.", "",
                f"{cue}Kế hoạch số {plan_no} ngày {short_date(plan_date)} của Ủy ban nhân dân {unit}, Ủy ban nhân dân {unit} yêu cầu:",
                *self.task_lines(letter_items, "mixed"),
                signature("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", rng.choice(PEOPLE)),
            ]  # fmt: skip
            letter = DocTruth("", letter_no, "Công văn", ubnd, letter_date.isoformat(), False, name)
            letter.tasks = self.truths(letter, letter_items)
            self.write(f"{slug}/cv-ubnd-{k + 1}.txt", "\n".join(lines), letter)
            if k == 0:
                self.edge(letter, "04-TB/BCĐTW", "implements")
            self.edge(letter, plan_no, "implements")
            if k == 0:
                self.overlap("conflicting_lead", (plan, base_lead), (letter, planted[0]))
                if base_dl is not None:
                    self.overlap("conflicting_deadline", (plan, base_dl), (letter, planted[1]))
            else:
                self.overlap("duplicate", (plan, base_dup), (letter, planted[0]))

        # Progress report citing the plan, with the next period's tasks
        rep_no = f"{self.numbers.take(slug + 'BC')}/BC-UBND"
        rep_date = date(2025, 10, rng.randint(1, 28))
        rep_items = [self.item(pool, depts, rep_date, 1) for _ in range(rng.randint(2, 6))]
        opening = f"Thực hiện Kế hoạch số {plan_no} ngày {short_date(plan_date)} của Ủy ban nhân dân {unit}, Ủy ban nhân dân {unit} báo cáo kết quả thực hiện như sau:"
        text = self.report(
            head,
            rep_no,
            name,
            rep_date,
            opening,
            rng.randint(min(10, len(plan_items)), len(plan_items)),
            len(plan_items),
            rep_items,
            rng.choice(PEOPLE),
        )
        rep = DocTruth("", rep_no, "Báo cáo", ubnd, rep_date.isoformat(), False, name)
        rep.tasks = self.truths(rep, rep_items)
        self.write(f"{slug}/bc-ubnd.txt", text, rep)
        self.edge(rep, plan_no, "implements")

        names: set[str] = set()
        for _ in range(communes):
            while True:
                commune = f"{rng.choice(SYLLABLES_A)} {rng.choice(SYLLABLES_B)}"
                key = slugify(commune)  # "Thành Hưng" and "Thạnh Hưng" share a folder name
                if key not in names and commune.split()[0] != commune.split()[1]:
                    names.add(key)
                    break
            self.commune(name, unit, commune, plan_no, plan_date)

    # ---------------------------------------------------------------- commune
    def commune(
        self, province: str, unit: str, commune: str, plan_no: str, plan_date: date
    ) -> None:
        """A commune's plan (20-60 tasks, sometimes in or restated in an appendix), its
        draft for some, reminder letters and progress reports citing it."""
        rng = self.rng
        ubnd = f"Ủy ban nhân dân xã {commune}"
        head = ["ỦY BAN NHÂN DÂN", f"XÃ {commune.upper()}"]
        slug = f"{slugify(province)}/xa-{slugify(commune)}"
        pool = WorkPool(rng)
        no = f"{rng.randint(10, 250)}/KH-UBND"
        when = date(2025, rng.randint(7, 9), rng.randint(1, 28))
        leads = [
            f"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã {commune}",
            f"Công an xã {commune}",
            f"Phòng Kinh tế xã {commune}",
            f"Phòng Văn hóa - Xã hội xã {commune}",
        ]
        items = [self.item(pool, leads, when) for _ in range(self.count(20, 60))]
        title = f"Triển khai thực hiện Kế hoạch số {plan_no} ngày {short_date(plan_date)} của Ủy ban nhân dân {unit}"
        opening = f"Thực hiện Kế hoạch số {plan_no} ngày {short_date(plan_date)} của Ủy ban nhân dân {unit} {province}, Ủy ban nhân dân xã ban hành Kế hoạch thực hiện như sau:"
        roll = rng.random()
        layout = "appendix" if roll < 0.15 else "both" if roll < 0.35 else "body"
        sign = ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", rng.choice(PEOPLE))
        if rng.random() < 0.3:  # its draft, which the plan supersedes
            draft = DocTruth("", None, "Kế hoạch", ubnd, None, True, province, commune)
            draft.tasks = self.truths(draft, items)
            text = self.plan(
                head, "    /KH-UBND", commune, None, title, opening, items, layout, sign, True
            )
            self.write(f"{slug}/kh-ubnd-du-thao.txt", text, draft)
            self.edge(draft, plan_no, "implements")
            self.edges.append(
                {"source": no, "target": draft.file, "relation": "supersedes", "_doc": 0}
            )
            superseding = self.edges[-1]
        else:
            superseding = None
        doc = DocTruth("", no, "Kế hoạch", ubnd, when.isoformat(), False, province, commune)
        doc.tasks = self.truths(doc, items)
        self.write(
            f"{slug}/kh-ubnd.txt",
            self.plan(head, no, commune, when, title, opening, items, layout, sign),
            doc,
        )
        if superseding is not None:
            superseding["_doc"] = id(doc)
        self.edge(doc, plan_no, "implements")

        # reminder letters: each repeats one item of the plan (a duplicate, or with
        # another deadline or another lead) and adds new work
        bases = rng.sample(items, 4)
        serial = rng.randint(251, 600)
        for k in range(rng.choice((0, 0, 1, 1, 2))):
            serial += rng.randint(1, 30)
            lno = f"{serial}/UBND-VP"
            lwhen = when + timedelta(days=rng.randint(10, 40) + 40 * k)
            base = bases[k]
            kind = rng.choice(
                ("duplicate", "duplicate", "conflicting_lead", "conflicting_deadline")
            )
            if kind == "conflicting_deadline" and base.deadline.iso is None:
                kind = "duplicate"
            if kind == "duplicate":
                repeat = again(rng, base)
            elif kind == "conflicting_lead":
                repeat = again(rng, base, lead=next(x for x in leads if x != base.lead))
            else:
                later = date.fromisoformat(base.deadline.iso) + timedelta(days=rng.randint(40, 120))
                end = month_end(later.year, later.month)
                repeat = again(
                    rng,
                    base,
                    deadline=Deadline(f"hoàn thành trước ngày {short_date(end)}", end.isoformat()),
                )
            litems = [self.item(pool, leads, lwhen) for _ in range(rng.randint(1, 3))] + [repeat]
            rng.shuffle(litems)
            lines = [
                header(head, HEAD_RIGHT, lno, commune, lwhen),
                f"V/v đôn đốc thực hiện Kế hoạch số {no}", "", "Kính gửi: Các bộ phận chuyên môn.", "",
                f"Thực hiện Kế hoạch số {no} ngày {short_date(when)} của Ủy ban nhân dân xã, Ủy ban nhân dân xã đề nghị:",
                *self.task_lines(litems, "mixed"),
                signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", rng.choice(PEOPLE)),
            ]  # fmt: skip
            letter = DocTruth(
                "", lno, "Công văn", ubnd, lwhen.isoformat(), False, province, commune
            )
            letter.tasks = self.truths(letter, litems)
            self.write(f"{slug}/cv-ubnd-{k + 1}.txt", "\n".join(lines), letter)
            self.edge(letter, no, "implements")
            self.overlap(kind, (doc, base), (letter, repeat))

        # progress reports: results (no tasks) and the next period's new tasks
        serial = rng.randint(601, 900)
        for k in range(rng.choice((0, 1, 1, 1, 2))):
            serial += rng.randint(1, 30)
            rno = f"{serial}/BC-UBND"
            rwhen = when + timedelta(days=60 + 90 * k + rng.randint(0, 20))
            ritems = [self.item(pool, leads, rwhen) for _ in range(rng.randint(1, 3))]
            opening = f"Thực hiện Kế hoạch số {no} ngày {short_date(when)} của Ủy ban nhân dân xã, Ủy ban nhân dân xã báo cáo kết quả thực hiện như sau:"
            text = self.report(
                head,
                rno,
                commune,
                rwhen,
                opening,
                rng.randint(1, len(items)),
                len(items),
                ritems,
                rng.choice(PEOPLE),
            )
            rep = DocTruth("", rno, "Báo cáo", ubnd, rwhen.isoformat(), False, province, commune)
            rep.tasks = self.truths(rep, ritems)
            self.write(f"{slug}/bc-ubnd-{k + 1}.txt", text, rep)
            self.edge(rep, no, "implements")


def slugify(s: str) -> str:
    s = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return "-".join(w for w in "".join(c if c.isalnum() else " " for c in s).split())


def write_docx(path: Path, text: str) -> None:
    from docx import Document

    doc = Document()
    rows: list[list[str]] = []
    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
            continue
        if rows:
            _table(doc, rows)
            rows = []
        doc.add_paragraph(line)
    if rows:
        _table(doc, rows)
    doc.save(str(path))


def _table(doc: Any, rows: list[list[str]]) -> None:
    width = max(len(r) for r in rows)
    table = doc.add_table(rows=len(rows), cols=width)
    for i, r in enumerate(rows):
        for j, cell in enumerate(r):
            table.cell(i, j).text = cell


def write_pdf(path: Path, text: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", font))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("DejaVu", 9)
    y = 800
    for line in text.replace("\t", "    ").split("\n"):
        while True:
            part, line = line[:110], line[110:]
            c.drawString(40, y, part)
            y -= 12
            if y < 40:
                c.showPage()
                c.setFont("DejaVu", 9)
                y = 800
            if not line:
                break
    c.save()


# ------------------------------------------------------------------- the whole corpus


def commune_counts(total: int, seed: int) -> list[int]:
    """Communes and wards of each of the 34 provinces, ``total`` in all: sizes vary
    (0.5 to 1.7 times the mean), fixed by the seed whatever part of the country is written."""
    rng = random.Random(f"{seed}/communes")
    weights = [rng.uniform(0.5, 1.7) for _ in PROVINCE_NAMES]
    raw = [total * w / sum(weights) for w in weights]
    counts = [max(1, int(r)) for r in raw]
    by_remainder = sorted(range(len(raw)), key=lambda i: int(raw[i]) - raw[i])
    for i in by_remainder[: max(0, total - sum(counts))]:
        counts[i] += 1
    return counts


def write_part(job: tuple[str, int, int, str, float, float, float, float]) -> dict[str, list]:
    """One part of the corpus (``central`` or a province, by name), written under ``out``;
    its truth."""
    part, seed, communes, out, noise, docx, pdf, task_scale = job
    # the part's own generator: the seed and the part only
    corpus = Corpus(Path(out), random.Random(f"{seed}/{part}"), noise, docx, pdf, task_scale)
    if part == "central":
        corpus.central()
    else:
        corpus.province(part, communes)
    return corpus.finish()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--provinces", type=int, default=1, help="how many of the 34 provinces")
    ap.add_argument(
        "--communes",
        type=float,
        default=3321 / 34,
        help="communes and wards per province on average over the 34 (the country: 3321/34)",
    )
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", required=True)
    ap.add_argument("--noise", type=float, default=0.1, help="share of .txt files given text noise")
    ap.add_argument("--docx", type=float, default=0.03, help="share of files written as .docx")
    ap.add_argument("--pdf", type=float, default=0.01, help="share of files written as .pdf")
    ap.add_argument(
        "--task-scale",
        type=float,
        default=1.0,
        help="tasks in each plan, times this (a small corpus for tests: 0.15)",
    )
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes writing")
    args = ap.parse_args(argv)
    out = Path(args.out)
    if out.exists() and any(out.iterdir()):
        print(f"{out} is not empty", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    counts = commune_counts(round(args.communes * len(PROVINCE_NAMES)), args.seed)
    shares = (args.noise, args.docx, args.pdf, args.task_scale)
    jobs = [("central", args.seed, 0, str(out), *shares)]
    for name, n in list(zip(PROVINCE_NAMES, counts, strict=True))[: args.provinces]:
        jobs.append((name, args.seed, n, str(out), *shares))
    if args.jobs > 1 and len(jobs) > 2:
        with multiprocessing.get_context("fork").Pool(args.jobs) as workers:
            parts = workers.map(write_part, jobs, chunksize=1)
    else:
        parts = [write_part(j) for j in jobs]
    truth: dict[str, list] = {"documents": [], "tasks": [], "edges": [], "overlaps": []}
    for p in parts:
        for key in truth:
            truth[key] += p[key]
    (out / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), "utf-8")
    docs, tasks = len(truth["documents"]), len(truth["tasks"])
    print(
        f"{docs} documents, {tasks} tasks, {len(truth['edges'])} edges, "
        f"{len(truth['overlaps'])} planted overlaps, {sum(counts[: args.provinces])} communes "
        f"-> {out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
