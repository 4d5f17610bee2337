"""Similarity of Vietnamese task texts, for finding the same work assigned twice.

The texts arrive as their documents wrote them: NFC or decomposed letters, two tone-mark
styles (``Uỷ``/``Ủy``, ``hoá``/``hóa``), ``i``/``y`` spellings (``kỹ``/``kĩ``), the full
name or the abbreviation (``KH&CN``, ``khoa học và công nghệ``), ``bảo đảm`` or ``đảm bảo``,
list items in another order, a list marker in front, an addressee (``Sở Nội vụ: …``) and a
deadline (``; hoàn thành trong tháng 6/2025``) around the work itself. Matching works on a
*profile* computed once per text:

1. **key text** (:func:`normalize`): :func:`~policy_lineage.loaders.textnorm.fold` (NFC,
   one tone style, lower case), one ``i``/``y`` spelling, document numbers kept as one
   token (``57-NQ/TW`` → ``57_nq_tw``), list markers, a leading addressee, deadline clauses,
   dates and assignment notes in parentheses dropped, word-order variants (``đảm bảo`` →
   ``bảo đảm``) and abbreviations with their expansions (``KHCN``, ``KH&CN``, ``khoa học,
   công nghệ`` …) made one concept token each (``_khcn``);
2. **segments**: the key text is cut at punctuation and at ``và``/``hoặc``, so items of a
   list are units whatever their order; stop words (``của``, ``các``, ``để`` …) go;
3. **features** (:func:`profile`): every syllable (weight 0.5) and every pair of adjacent
   syllables inside a segment (weight 1); Vietnamese words are mostly two syllables, so the
   bigrams are roughly the words. Generic directive verbs and nouns (``triển khai``,
   ``tăng cường``, ``cơ quan``, ``đơn vị``, the ``KHCN, ĐMST và CĐS`` triad …) weigh 0.2,
   so two tasks do not look alike only because both "step up implementation".

The score (:func:`score`) of two profiles with feature weights ``W`` is the mean of the
weighted Dice coefficient and the weighted containment (shared weight over the smaller
side's weight): Dice rewards texts that say the same thing, containment keeps a task
recognizable when another document repeats it inside a longer sentence (with its lead,
addressee or a reason added). It lies in 0..1, is symmetric and is 1 for texts with the same
key. It depends on the two texts only, not on the rest of the corpus, so a group's score does
not move when unrelated documents are added.

>>> round(similarity("Bảo đảm an toàn thông tin cho hệ thống KH&CN",
...                   "đảm bảo ATTT cho hệ thống khoa học và công nghệ"), 3)
1.0
"""

from __future__ import annotations

import re
from array import array
from dataclasses import dataclass
from itertools import chain

from ..loaders.rules import commune_unit
from ..loaders.textnorm import fold

__all__ = [
    "CONCEPTS",
    "STOP_WORDS",
    "LIGHT_WORDS",
    "FeatureTable",
    "Profile",
    "canonical",
    "combine",
    "feature_weight",
    "features",
    "forget",
    "normalize",
    "profile",
    "score",
    "similarity",
    "tokens",
]

# Feature weights in tenths (integers, so sums are exact): see the module's doc.
BIGRAM_WEIGHT = 10
UNIGRAM_WEIGHT = 5
LIGHT_BIGRAM_WEIGHT = 2
LIGHT_UNIGRAM_WEIGHT = 1

# Concept token → the forms it is written in (folded; words may be joined by spaces, commas,
# "&", "-" or "và"). Longer forms are tried first, so "dịch vụ công trực tuyến" is not read
# as "dịch vụ công" + "trực tuyến".
CONCEPTS: dict[str, tuple[str, ...]] = {
    "_khcn": ("khcn", "kh&cn", "kh-cn", "kh và cn", "khoa học công nghệ"),
    "_khkt": ("khkt", "kh&kt", "khoa học kỹ thuật"),
    "_dmst": ("đmst", "đổi mới sáng tạo"),
    "_cds": ("cđs", "chuyển đổi số"),
    "_ubnd": ("ubnd", "ủy ban nhân dân"),
    "_hdnd": ("hđnd", "hội đồng nhân dân"),
    "_csdl": ("csdl", "cơ sở dữ liệu"),
    "_cntt": ("cntt", "công nghệ thông tin"),
    "_tthc": ("tthc", "thủ tục hành chính"),
    "_dvctt": ("dvctt", "dvc trực tuyến", "dịch vụ công trực tuyến"),
    "_dvc": ("dvc", "dịch vụ công"),
    "_attt": ("attt", "an toàn thông tin"),
    "_antt": ("antt", "an ninh trật tự"),
    "_httt": ("httt", "hệ thống thông tin"),
    "_htct": ("htct", "hệ thống chính trị"),
    "_cbccvc": ("cbccvc", "cb, cc, vc", "cán bộ công chức viên chức"),
    "_ktxh": ("kt-xh", "ktxh", "kinh tế xã hội"),
    "_qlnn": ("qlnn", "quản lý nhà nước"),
    "_nsnn": ("nsnn", "ngân sách nhà nước"),
    "_shtt": ("shtt", "sở hữu trí tuệ"),
    "_dnnvv": ("dnnvv", "doanh nghiệp nhỏ vừa", "doanh nghiệp vừa nhỏ"),
    "_bcd": ("bcđ", "ban chỉ đạo"),
    "_ai": ("ai", "trí tuệ nhân tạo"),
    "_iot": ("iot", "internet vạn vật", "internet kết nối vạn vật"),
    "_bigdata": ("big data", "dữ liệu lớn"),
    "_cqs": ("cqs", "chính quyền số"),
    "_cpdt": ("cpđt", "chính phủ điện tử"),
    "_vbqppl": ("vbqppl", "văn bản quy phạm pháp luật"),
}

# Compounds written in either order, and spelling variants, → one form.
VARIANTS: dict[str, str] = {
    "đảm bảo": "bảo đảm",
    "giản đơn": "đơn giản",
    "đổi thay": "thay đổi",
    "hàng năm": "hằng năm",
    "hàng quý": "hằng quý",
    "hàng tháng": "hằng tháng",
    "hàng tuần": "hằng tuần",
    "hàng ngày": "hằng ngày",
    "sát nhập": "sáp nhập",
}


def _words(s: str) -> list[str]:
    return s.split()


# Dropped before features are made: single syllables, and phrases.
STOP_WORDS: frozenset[str] = frozenset(
    _words(
        """
        của và các những trong để theo với cho là có được về từ đến tại trên một này đó khi
        thì mà nhằm như hoặc đã đang sẽ bị do bằng vào việc sự cái nếu cũng rất đều lại qua
        ngay còn nữa thêm cùng mọi mỗi từng nhiều ở ra sau trước
        """
    )
)
STOP_PHRASES: tuple[str, ...] = ("đồng thời", "nhất là", "bao gồm", "trong đó", "như sau")

# Generic words of directive texts: kept, with little weight.
LIGHT_WORDS: frozenset[str] = frozenset(
    _words(
        """
        triển khai thực hiện tổ chức tăng cường đẩy mạnh thúc đẩy nâng cao phát triển xây dựng
        hiệu quả kịp thời chủ động khẩn trương tiếp tục nghiêm túc chủ trì phối hợp chỉ đạo
        lãnh đạo giao tham mưu liên quan cơ quan đơn vị địa phương nhiệm vụ giải pháp tỉnh
        đồng bộ toàn quyết liệt cấp ngành sở ban yêu cầu bảo đảm tập trung hoàn thành
        _khcn _dmst _cds _ubnd
        """
    )
)

_W = "0-9a-zà-ỹđ_"  # characters of a word in folded text (à-ỹ spans Vietnamese letters)
_DOC_NUMBER = re.compile(
    r"(?<![" + _W + r"])(?=\d)\d+(?:/\d{4})?\s*[-/]\s*[a-zđ][a-zđ&]*"
    r"(?:\s*[-/]\s*[a-zđ0-9][a-zđ0-9&]*)*"
)
_DATE = (
    r"(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s*/\s*\d{4}|quý\s+[ivx]+\s*/\s*\d{4}"
    r"|(?:ngày\s+\d{1,2}\s+)?tháng\s+\d{1,2}\s+năm\s+\d{4}|năm\s+\d{4})"
)
# A deadline clause: "hoàn thành trong tháng 6/2025", "thời gian: Quý IV/2025", "trước 31/12/2025".
# (The look-ahead lets the engine skip, cheaply, positions where no clause can start.)
_DEADLINE = re.compile(
    r"(?<![" + _W + r"])(?=[0-9tbhdcđnq])"
    r"(?:thời\s+(?:gian|hạn)\s*:?\s*)?(?:(?:hoàn\s+thành|thực\s+hiện|báo\s+cáo)\s+)?"
    r"(?:dự\s+thảo\s+)?(?:(?:trong|trước|chậm\s+nhất|đến\s+hết|đến|từ)\s+)?"
    r"(?:(?:ngày|tháng)\s+)?" + _DATE
)
_PAREN_NOTE = re.compile(
    r"\((?:\s*)(?:cơ\s+quan|thời\s+gian|thời\s+hạn|thực\s+hiện|hoàn\s+thành|trước|trong\s+tháng"
    r"|chủ\s+trì|phối\s+hợp|kèm\s+theo)[^()]*\)"
)
_LIST_MARKER = re.compile(r"^\s*(?:(?:[ivxlc]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)]|[-+*•–—·])\s*")
# The first words of a body's name ("Sở …", "Uỷ ban …", "Văn phòng …"), not of a verb
# that starts the same way ("ban hành", "báo cáo", "phòng, chống", "xã hội").
_BODY = (
    r"(?:các\s+)?(?:sở|ban(?!\s+hành)|bộ(?!\s+(?:máy|dữ|tiêu|chỉ\s+số))|ủy\s+ban|ubnd"
    r"|văn\s+phòng|công\s+an|đảng\s+ủy|đảng\s+bộ|tỉnh|cơ\s+quan|hội(?!\s+(?:nghị|thảo|chợ))"
    r"|liên\s+đoàn|mặt\s+trận|đoàn(?!\s+công)|trường(?!\s+hợp)|viện|trung\s+tâm|chi\s+cục"
    r"|cục|phòng(?!,?\s+(?:chống|ngừa))|báo(?!\s+cáo)|đài|thành\s+viên|kho\s+bạc|ngân\s+hàng"
    r"|thanh\s+tra|huyện|thành\s+phố|thị\s+xã|(?:" + commune_unit() + r")(?!\s+hội)|chủ\s+tịch"
    r"|giám\s+đốc|thủ\s+trưởng)\s"
)
# A leading addressee: a body's name and a colon ("Sở Nội vụ: …", "Uỷ ban Kiểm tra Tỉnh ủy: …").
_ADDRESSEE = re.compile(r"^(" + _BODY + r"[^:;.()]{0,80}):\s*")
# A leading lead: "Sở Tài chính chủ trì, …", "Giao Sở Nội vụ chủ trì …" (who, not what).
_LEAD_PREFIX = re.compile(
    r"^(?:(?:giao|chỉ\s+đạo)\s+)?" + _BODY + r"[^:;.()]{0,80}?\s+chủ\s+trì\b[,:]?\s*"
)
WORD_RE = re.compile(f"[{_W}]+")  # a word of folded text: letters, digits, "_"
_LEX = re.compile(f"[{_W}]+|[^\\s{_W}]")  # words and single punctuation marks
_Y_SYLLABLE = re.compile(r"^([bcdđghklmnpqrstvx]+)([yýỳỷỹỵ])$")
_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")
# Between the words of a concept: "khoa học, công nghệ", "KH&CN", "KT-XH", "nhỏ và vừa".
_JOINERS = frozenset((",", "&", "-", "và"))
_BREAKS = frozenset(("và", "hoặc"))  # list conjunctions end a segment, like punctuation
_DROPPED = frozenset(("%",))


def _word(w: str, _cache: dict[str, str] = {}) -> str:  # noqa: B006 - a deliberate memo
    """One spelling per word: ``i`` for a consonant + ``y`` syllable (``kỹ`` → ``kĩ``, ``lý`` →
    ``lí``) and numbers without leading zeros (``02`` → ``2``)."""
    out = _cache.get(w)
    if out is None:
        out = w
        m = _Y_SYLLABLE.match(w)
        if m:
            out = m.group(1) + m.group(2).translate(_Y_TO_I)
        elif w.isdigit():
            out = str(int(w)) if len(w) < 12 else w
        if len(_cache) < 500_000:
            _cache[w] = out
    return out


def _lex(s: str, _cache: dict[str, tuple[str, ...]] = {}) -> list[str]:  # noqa: B006 - a memo
    """Words and punctuation marks of folded text, each word in one spelling (:func:`_word`).

    No token spans whitespace, so the tokens of a text are those of its whitespace-separated
    pieces, and a piece ("soát,", "57_nq_tw") is lexed once and remembered: a corpus has few
    distinct pieces, and many texts.
    """
    pieces = s.split()
    parts = list(map(_cache.get, pieces))
    if None in parts:
        for i, part in enumerate(parts):
            if part is None:
                piece = pieces[i]
                part = parts[i] = tuple(_word(t) for t in _LEX.findall(piece))
                if len(_cache) < 500_000:
                    _cache[piece] = part
    return list(chain.from_iterable(parts))


# Phrase rules on words: (words, replacement, joiners allowed between the words), by first
# word, longest first. Concepts become one token; variants one order; stop phrases nothing.
_Rule = tuple[tuple[str, ...], tuple[str, ...], bool]


def _build_rules() -> dict[str, list[_Rule]]:
    rules: dict[str, list[_Rule]] = {}

    def add(phrase: str, replacement: tuple[str, ...], joined: bool) -> None:
        words = tuple(w for w in _lex(fold(phrase)) if w not in _JOINERS)
        rules.setdefault(words[0], []).append((words, replacement, joined))

    for token, written in CONCEPTS.items():
        for form in written:
            add(form, (token,), True)
    for old, new in VARIANTS.items():
        add(old, tuple(_lex(fold(new))), False)
    for phrase in STOP_PHRASES:
        add(phrase, (), False)
    for first in rules:
        rules[first].sort(key=lambda r: len(r[0]), reverse=True)
    return rules


_RULES = _build_rules()


def _phrases(toks: list[str]) -> list[str]:
    """Apply the phrase rules, left to right, longest match first."""
    starts = list(map(_RULES.__contains__, toks))  # where a rule may begin
    if True not in starts:
        return toks
    out: list[str] = []
    i, n = 0, len(toks)
    while True:
        try:
            j = starts.index(True, i)
        except ValueError:
            out.extend(toks[i:])
            return out
        out.extend(toks[i:j])
        for words, replacement, joined in _RULES[toks[j]]:
            k = j + 1
            for w in words[1:]:
                if joined:
                    while k < n and toks[k] in _JOINERS:
                        k += 1
                if k < n and toks[k] == w:
                    k += 1
                else:
                    break
            else:
                out.extend(replacement)
                i = k
                break
        else:
            out.append(toks[j])
            i = j + 1


_LIGHT = frozenset(_word(w) for w in LIGHT_WORDS)
_STOP = frozenset(_word(w) for w in STOP_WORDS)


def normalize(text: str) -> str:
    """The key text of a task: what is compared, as segments joined by ``" | "``.

    >>> normalize("b) Sở Nội vụ: Đảm bảo kỹ năng số cho CBCCVC; hoàn thành trong tháng 6/2025.")
    'bảo đảm kĩ năng số _cbccvc'
    >>> normalize("Cụ thể hoá Nghị quyết số 57-NQ/TW, kiểm tra và giám sát")
    'cụ thể hóa nghị quyết số 57_nq_tw | kiểm tra | giám sát'
    """
    return " ".join(_key_tokens(text))


def tokens(text: str) -> list[str]:
    """The content tokens of a task text, in order (stop words and punctuation dropped).

    >>> tokens("Triển khai các giải pháp bảo mật, mã hoá văn bản")
    ['triển', 'khai', 'giải', 'pháp', 'bảo', 'mật', 'mã', 'hóa', 'văn', 'bản']
    """
    return [t for t in _key_tokens(text) if t != "|"]


def _segments(text: str) -> list[list[str]]:
    out: list[list[str]] = []
    seg: list[str] = []
    for t in _key_tokens(text):
        if t == "|":
            out.append(seg)
            seg = []
        else:
            seg.append(t)
    if seg:
        out.append(seg)
    return out


def _key_tokens(text: str) -> list[str]:
    """The key text's tokens, ``"|"`` between two segments (none first, last or twice)."""
    s = _LIST_MARKER.sub("", fold(text), count=1)
    if ":" in s:  # the addressee ends with a colon
        s = _ADDRESSEE.sub(_drop_addressee, s, count=1)
    if "chủ" in s:  # "… chủ trì"
        s = _LEAD_PREFIX.sub("", s, count=1)
    if "(" in s:
        s = _PAREN_NOTE.sub(" , ", s)
    if _HAS_DIGIT(s):  # a document number and a deadline's date start with one
        s = _DOC_NUMBER.sub(_doc_token, s)
        s = _DEADLINE.sub(" , ", s)
    toks = _phrases(_lex(s))
    roles = list(map(_ROLES.get, toks))
    if None in roles:
        roles = [_role(t) if r is None else r for t, r in zip(toks, roles, strict=True)]
    out: list[str] = []
    after_break = True  # nothing to end yet
    for t in roles:
        if t == "|":
            if not after_break:
                out.append(t)
                after_break = True
        elif t:
            out.append(t)
            after_break = False
    if out and out[-1] == "|":
        out.pop()
    return out


# What a token becomes in the key: itself, "|" (punctuation and "và" end a segment), or ""
# (a stop word, "%": dropped).
_ROLES: dict[str, str] = {}
_HAS_DIGIT = re.compile(r"\d").search


def _role(t: str) -> str:
    if t in _DROPPED:
        r = ""
    elif t in _BREAKS or not (t[0].isalnum() or t[0] == "_"):
        r = "|"
    elif t in _STOP:
        r = ""
    else:
        r = t
    if len(_ROLES) < 500_000:
        _ROLES[t] = r
    return r


def _drop_addressee(m: re.Match[str]) -> str:
    # "ban tuyên giáo và dân vận tỉnh ủy: chủ trì, …": a short name before a colon.
    return "" if len(m.group(1).split()) <= 10 else m.group(0)


def _doc_token(m: re.Match[str]) -> str:
    return " " + re.sub(r"[\s\-/&]+", "_", m.group(0)) + " "


def forget() -> None:
    """Empty this module's memos of words and pieces (filled as texts are read, kept for the
    process): what a benchmark calls to time a first call again, paying for its texts.

    >>> forget(); normalize("Sở Nội vụ: Đảm bảo kỹ năng số")
    'bảo đảm kĩ năng số'
    """
    for memo in (_lex.__defaults__[0], _word.__defaults__[0], _ROLES, _WEIGHTS):
        memo.clear()


def canonical(text: str) -> str:
    """A name or phrase folded for comparison: abbreviations and variants unified, no punctuation.

    >>> canonical("Sở KH&CN") == canonical("Sở Khoa học và Công nghệ")
    True
    """
    return " ".join(t for t in _phrases(_lex(fold(text))) if WORD_RE.fullmatch(t))


@dataclass(frozen=True, slots=True)
class Profile:
    """What one text is compared by: its key, its features and their total weight."""

    key: str
    features: frozenset[str]
    weight: int


def feature_weight(feature: str) -> int:
    """Weight of one feature, in tenths: a bigram ``"a b"`` 10, a syllable 5, generic ones less.

    Integer weights make sums exact, so a score does not depend on summation order.

    >>> feature_weight("hạ tầng"), feature_weight("triển khai"), feature_weight("xã")
    (10, 2, 5)
    """
    w = _WEIGHTS.get(feature)
    if w is None:
        if " " in feature:
            a, b = feature.split(" ")
            w = LIGHT_BIGRAM_WEIGHT if a in _LIGHT and b in _LIGHT else BIGRAM_WEIGHT
        elif "_" in feature:  # a concept or a document number: a whole term, not a syllable
            w = LIGHT_BIGRAM_WEIGHT if feature in _LIGHT else BIGRAM_WEIGHT
        else:
            w = LIGHT_UNIGRAM_WEIGHT if feature in _LIGHT else UNIGRAM_WEIGHT
        _WEIGHTS[feature] = w
    return w


_WEIGHTS: dict[str, int] = {}


def features(text: str) -> tuple[str, frozenset[str]]:
    """The key text and the feature set of a text: its syllables and in-segment bigrams.

    >>> key, feats = features("Rà soát nền tảng, hạ tầng số dùng chung")
    >>> key
    'rà soát nền tảng | hạ tầng số dùng chung'
    >>> sorted(f for f in feats if " " in f)
    ['dùng chung', 'hạ tầng', 'nền tảng', 'rà soát', 'soát nền', 'số dùng', 'tầng số']
    """
    toks = _key_tokens(text)
    feats = set(toks)
    feats.discard("|")
    feats.update(f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False) if a != "|" and b != "|")
    return " ".join(toks), frozenset(feats)


class FeatureTable:
    """The features of many texts as small integers: :func:`features` for comparing in bulk.

    A feature gets its id the first time a text holds it (so the ids, and everything ordered
    by them, are the same in every run over the same texts); ``names[i]`` is the feature,
    ``weights[i]`` its :func:`feature_weight`. A syllable is looked up once per text, a
    bigram as a pair of syllable ids: no feature string is built for a text after the first
    that holds it.

    >>> table = FeatureTable()
    >>> key, ids = table.features("Rà soát nền tảng, hạ tầng số dùng chung")
    >>> sorted(table.names[i] for i in ids) == sorted(features("Rà soát nền tảng, hạ tầng số dùng chung")[1])
    True
    >>> table.features("rà soát nền tảng; hạ tầng số dùng chung")[0] == key
    True
    """

    def __init__(self) -> None:
        self.names: list[str] = []
        self.weights = array("b")
        self._syllables: dict[str, int] = {"|": -1}
        self._bigrams: dict[tuple[int, int], int] = {}

    def __len__(self) -> int:
        return len(self.names)

    def features(self, text: str) -> tuple[tuple[int, ...], list[int]]:
        """The key and the feature ids of ``text``.

        The key is a tuple of the key text's syllable ids with -1 between segments: two texts
        have the same key exactly when :func:`features` gives them the same key text.
        """
        toks = _key_tokens(text)
        ids = list(map(self._syllables.get, toks))
        if None in ids:
            ids = [self._syllable(t) if i is None else i for t, i in zip(toks, ids, strict=True)]
        pair_ids = list(map(self._bigrams.get, zip(ids, ids[1:], strict=False)))
        if None in pair_ids:
            pairs = zip(ids, ids[1:], strict=False)
            pair_ids = [
                self._bigram(p) if i is None else i for p, i in zip(pairs, pair_ids, strict=True)
            ]
        feats = set(ids)
        feats.update(pair_ids)
        feats.discard(-1)
        return tuple(ids), list(feats)

    def _new(self, name: str) -> int:
        self.names.append(name)
        self.weights.append(feature_weight(name))
        return len(self.names) - 1

    def _syllable(self, t: str) -> int:
        i = self._syllables.get(t)  # a text may hold a new syllable twice
        if i is None:
            i = self._syllables[t] = self._new(t)
        return i

    def _bigram(self, pair: tuple[int, int]) -> int:
        i = self._bigrams.get(pair)
        if i is None:
            a, b = pair  # a pair across segments ("|" is -1) is no feature
            i = -1 if a < 0 or b < 0 else self._new(f"{self.names[a]} {self.names[b]}")
            self._bigrams[pair] = i
        return i


def profile(text: str) -> Profile:
    """The profile of a text: compute it once per task, then :func:`score` pairs.

    >>> p = profile("Bảo đảm 100% xã kết nối đường truyền")
    >>> p.key, p.weight
    ('bảo đảm 100 xã kết nối đường truyền', 94)
    """
    key, feats = features(text)
    return Profile(key, feats, sum(feature_weight(f) for f in feats))


def combine(shared: int, weight_a: int, weight_b: int) -> float:
    """The score from the shared weight and the two total weights: (Dice + containment) / 2.

    >>> combine(10, 10, 30)
    0.75
    """
    if shared <= 0 or weight_a <= 0 or weight_b <= 0:
        return 0.0
    dice = 2.0 * shared / (weight_a + weight_b)
    containment = shared / min(weight_a, weight_b)
    return min(1.0, (dice + containment) / 2.0)


def score(a: Profile, b: Profile) -> float:
    """Similarity of two profiles in 0..1 (1 for the same key text).

    >>> round(score(profile("Tăng cường kiểm tra, giám sát"), profile("giám sát và kiểm tra")), 3)
    0.926
    >>> score(profile("Xây dựng cơ sở dữ liệu đất đai"), profile("Tổ chức hội chợ công nghệ"))
    0.0
    """
    if a.key == b.key:
        return 1.0
    small, large = a.features, b.features
    if len(small) > len(large):
        small, large = large, small
    shared = sum(feature_weight(f) for f in small if f in large)
    return combine(shared, a.weight, b.weight)


def similarity(a: str, b: str) -> float:
    """Similarity of two task texts in 0..1 (profiles both, then :func:`score`).

    >>> similarity("Uỷ ban nhân dân tỉnh chỉ đạo số hoá hồ sơ",
    ...            "UBND tỉnh chỉ đạo số hóa hồ sơ")
    1.0
    """
    return score(profile(a), profile(b))
