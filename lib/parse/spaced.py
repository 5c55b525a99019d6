"""Tables copied from a web page one row a line, with single spaces between the cells.

``序号 项目名称 责任单位 目标任务 1-7月实际完成情况 任务完成率 备注`` then
``1 新增城镇就业 区人社局 8950人 6453人 72%``: the spaces are the only cell breaks, an
empty cell leaves no trace, and a remark may hold spaces of its own. The header gives the
columns; each row's words are laid into them in order, by what each column holds (a
percentage under 完成率, a count under 已完成数, a unit's name under 责任单位), at the least
cost over all the ways to lay them (``cut_row``). A column headed 单位 holds units of measure
(万人, 公里); the responsible units then stand in whichever column holds names of units
(``settle_units``). A whole table copied onto one line is first cut into its header and rows
(``unfold_table_lines``).

Used when no other header is found, or under a header the reader knows word by word when the
rows' units cells then name units: lists the reader read before are read as before.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from lib.parse.blocks import Block
from lib.parse.headers import PERIOD, UNIT_ROLES, header_role, header_words, label_end
from lib.parse.reference import DATA_DIR, load_reference, read_data_csv, task_verbs

_PERCENT = re.compile(r"^[-+]?\d+(?:\.\d+)?%$")
_FIGURE = re.compile(r"^(?:[-—/]|[-+]?\d[\d.,]*(?:[\u4e00-\u9fff/]{0,4})?)$")  # 8950人, 5.2, -
_MAX_HEADER_LINES = 3
_CELL_MARKS = re.compile(r"[|\t]")
UNITS_SHARE = 0.6  # of the rows whose units cell must name units for a column to be read so
UNITS_NAME = "责任单位"  # the name a column of units is read under when its header says otherwise


@functools.lru_cache(maxsize=1)
def _kinds() -> tuple[tuple[str, str], ...]:
    """(header ending, kind): what a column holds, from data/column_kinds.csv, longest first."""
    rows = read_data_csv("column_kinds.csv")
    return tuple(sorted(((r["ending"], r["kind"]) for r in rows), key=lambda p: -len(p[0])))


def _kind_by_words(cell: str) -> str:
    text = re.sub(r"\s+", "", cell)
    for ending, kind in _kinds():
        if text.endswith(ending) and (kind not in ("measure", "group") or text == ending):
            return kind
    return ""


def column_kinds(header: tuple[str, ...]) -> tuple[str, ...]:
    """What each column after the label's holds: task (the first task column), units (a
    column of responsible units, or any column of departments, such as 支持的州级部门), measure,
    rate, figure (a count), or text (a later task column such as 目标任务 too)."""
    roles = [header_role(c) for c in header]
    start = label_end(roles)
    kinds: list[str] = []
    # a column naming the group of rows (项目 before 重点工作: data/column_kinds.csv), written
    # once for the group (a merged cell), so it may be empty where the task may not
    tasks = [i for i, role in enumerate(roles[start:]) if role == "task"]
    group = (
        tasks[0]
        if len(tasks) >= 2
        and tasks[1] == tasks[0] + 1
        and _kind_by_words(header[start + tasks[0]]) == "group"
        else None
    )
    for i, (cell, role) in enumerate(zip(header[start:], roles[start:])):
        if i == group:
            kinds.append("group")
            continue
        if role == "section":  # 类别 (一、就业促进): a group's name over its rows
            kinds.append("group")
        elif role in UNIT_ROLES:
            kinds.append("units")
        elif role == "leader":
            kinds.append("leader")  # 牵头领导: people's names
        elif (kind := _kind_by_words(cell)) and kind != "group":
            kinds.append(kind)
        elif role == "task":
            kinds.append("text" if "task" in kinds else "task")  # 目标任务 after 项目名称
        else:
            kinds.append("text")
    return tuple(kinds)


def line_words(line: str) -> list[str]:
    """A header line's words: ``单 位`` and ``建 设 内 容`` are one word each (single characters
    spaced out), and a period before a word belongs to it (``1-7月 实际完成情况``).

    >>> line_words("序号 建 设 内 容 责任单位 1-7月 实际完成情况 完成 进度")
    ['序号', '建设内容', '责任单位', '1-7月实际完成情况', '完成进度']
    """
    words: list[str] = []
    spaced_out = False  # the last word is made of single characters (建 设 内 容)
    for word in line.split():
        if len(word) == 1 and not word.isdigit() and words and (spaced_out or len(words[-1]) == 1):
            words[-1] += word
            spaced_out = True
        else:
            words.append(word)
            spaced_out = False
    joined: list[str] = []
    for word in words:
        if joined and (
            ((period := PERIOD.match(joined[-1])[0]) and period == joined[-1])
            or re.fullmatch(r"\d{1,2}\s*[-—~至]", joined[-1])  # 1- 8月: a period broken
        ):
            joined[-1] += word
        else:
            joined.append(word)
    out: list[str] = []
    for word in joined:  # 完成 进度: a header cell broken by a space, known only whole
        if (
            out
            and len(out[-1]) <= 4
            and len(word) <= 4
            and not _known(out[-1])
            and _kind_by_words(out[-1] + word)
        ):
            out[-1] += word
        else:
            out.append(word)
    return out


def spaced_header(blocks: list[Block]) -> tuple[int, int, tuple[str, ...]]:
    """Where a header of space-separated words starts, the block after it, and its words;
    (0, 0, ()) if there is none. It starts with a label column (序号) and names a task; it may
    run over a few lines (a long header cell wraps), and at most one of its words is unknown."""
    starts = {word[0] for word, role in header_words().items() if role == "label"}
    for index, block in enumerate(blocks):
        if block.cells or block.text[:1] not in starts or _CELL_MARKS.search(block.text):
            continue  # a header starts with 序号 or the like; | and tabs are cells of their own
        words = line_words(block.text)
        if len(words) < 2 or header_role(words[0]) != "label":
            continue
        end = index + 1
        while end < len(blocks) and end - index < _MAX_HEADER_LINES and not blocks[end].cells:
            more = line_words(blocks[end].text)
            if more and not _known(words[-1]) and _known(words[-1] + more[0]):
                more = [words.pop() + more[0], *more[1:]]  # 责任 / 单位: a cell wrapped
            if (
                not more
                or header_role(more[0]) == "label"
                or _CELL_MARKS.search(blocks[end].text)
                or not all(map(_known, more))
            ):
                break
            words = line_words(" ".join([*words, *more]))  # 1-7月 / 实际完成情况: one word
            end += 1
        roles = [header_role(w) for w in words]
        unknown = sum(1 for w in words if not _known(w))
        if len(words) >= 4 and "task" in roles and unknown <= 1:
            return index, end, tuple(words)
    return 0, 0, ()


def glued_table(blocks: list[Block]) -> list[Block]:
    """A table whose cells the copy ran together with nothing between them (a web page's text
    taken without its cell breaks): ``序号内容与要求完成情况责任单位``, then ``1确保…增长7%以上。…
    落地率96.5%。市发改委`` and the row's other units one a line. The header is cut into the
    header words it is made of, one a line; each row starting with the number next in turn is
    cut into its number, its text and the unit's name the text ends in (after its last 。), one
    a line: a table of one cell a line, which the reader lays out. Other blocks are kept.

    >>> [b.text for b in glued_table([Block("序号内容与要求完成情况责任单位", "L1"), Block("1修路。已完工。县交通局", "L2")])]
    ['序号', '内容与要求', '完成情况', '责任单位', '1', '修路。已完工。', '县交通局']
    """
    found = next(
        (
            (i, cells)
            for i, b in enumerate(blocks)
            if not b.cells and (cells := _glued_header(b.text))
        ),
        None,
    )
    if found is None:
        return blocks
    index, cells = found
    out = [*blocks[:index], *(Block(cell, blocks[index].source_ref) for cell in cells)]
    expected = 1
    rest = blocks[index + 1 :]
    while rest:
        block, rest = rest[0], rest[1:]
        number = re.match(
            rf"{expected}(?=[\u4e00-\u9fff“《(])(?!{_MEASURE_AFTER_NUMBER})", block.text
        )
        if block.cells or number is None:
            out.append(block)
            continue
        body, mark, tail = block.text[number.end() :].rpartition("。")
        if not (mark and 2 <= len(tail) <= _GLUED_UNIT and unit_like(tail)):
            body, mark, tail = block.text[number.end() :], "", ""
        units = [tail] if tail else []
        while units and rest and not rest[0].cells and unit_like(rest[0].text):
            units.append(rest[0].text)  # the cell's other units, one a line: one cell
            rest = rest[1:]
        parts = [str(expected), body + mark, "、".join(units)]
        out += [Block(part, block.source_ref) for part in parts if part]
        expected += 1
    return out if expected > 1 else blocks


_GLUED_UNIT = 20  # characters of the unit's name a glued row ends in, at most
_MEASURE_AFTER_NUMBER = (
    "[月日年号个项家所万亿元人次户条座公里米]"  # 3月底前…: a figure, no row's number
)


def _glued_header(text: str) -> tuple[str, ...]:
    """The header words a line without breaks is made of (序号 / 内容与要求 / 完成情况 / 责任单位),
    or () when it is no such header: it starts with a label's word, all of it is cut into
    known header words (those written whole in data/header_words.csv preferred, then fewer),
    at least three, one naming units."""
    words = header_words()
    labels = tuple(w for w, role in words.items() if role == "label")
    if not 6 <= len(text) <= 60 or re.search(r"[\s|,。:]", text) or not text.startswith(labels):
        return ()
    best: list[tuple[int, int, tuple[str, ...]] | None] = [None] * (len(text) + 1)
    best[0] = (0, 0, ())
    for end in range(2, len(text) + 1):
        for start in range(max(0, end - 12), end - 1):
            piece = text[start:end]
            if best[start] is None or piece[0] in "与及和的" or not _known(piece):
                continue  # 与要求…: a header word never starts with a joining word
            exact, count, cells = best[start]
            option = (exact + (piece in words), count - 1, (*cells, piece))
            if best[end] is None or option[:2] > best[end][:2]:
                best[end] = option
    cells = best[-1][2] if best[-1] else ()
    roles = {header_role(cell) for cell in cells}
    return cells if len(cells) >= 3 and roles & set(UNIT_ROLES) else ()


def unfold_table_lines(blocks: list[Block]) -> list[Block]:
    """A whole table copied onto one line (a document-sharing site's text): ``标题 序号 项目名称
    责任单位 进展情况 1 修路 县交通局 已完工 2 建校 县教育局 在建`` → the text before the header,
    the header, and one line per row, cut before each number that continues 1, 2, 3 … as a word
    of its own. Only a line that holds such a header (a label word, then header words, then 1)
    and at least two rows is cut; every other block is kept as it is.

    >>> [b.text for b in unfold_table_lines([Block("进展 序号 项目名称 责任单位 进展情况 1 修路 县交通局 已完工 2 建校 县教育局 在建", "L1")])]
    ['进展', '序号 项目名称 责任单位 进展情况', '1 修路 县交通局 已完工', '2 建校 县教育局 在建']
    """
    labels = [word for word, role in header_words().items() if role == "label"]
    if not any(f" {w} " in b.text or b.text.startswith(f"{w} ") for b in blocks for w in labels):
        return blocks
    out: list[Block] = []
    for block in blocks:
        out += _unfolded(block, labels) if not block.cells else [block]
    return out


def _unfolded(block: Block, labels: list[str]) -> list[Block]:
    words = block.text.split(" ")
    starts = [i for i, w in enumerate(words) if w in labels]
    for start in starts:
        try:
            first = words.index("1", start + 1)
        except ValueError:
            return [block]
        header = line_words(" ".join(words[start:first]))
        if len(header) < 4 or sum(1 for w in header if not _known(w)) > 1:
            continue
        cuts, expected = [first], 2
        for i in range(first + 1, len(words)):
            if words[i] == str(expected) and i + 1 < len(words) and not words[i + 1][:1].isdigit():
                cuts.append(i)
                expected += 1
        if len(cuts) < 2:
            return [block]
        bounds = [start, *cuts, len(words)]
        pieces = [
            " ".join(words[:start]),
            *(" ".join(words[a:b]) for a, b in zip(bounds, bounds[1:])),
        ]
        return [Block(piece, block.source_ref) for piece in pieces if piece.strip()]
    return [block]


def _known(word: str) -> bool:
    return bool(header_role(word) or _kind_by_words(word))


def unit_like(text: str) -> bool:
    """A name of a unit or names of units (人社局, 工信局、通信管理办), by their endings or the
    reference's names."""
    parts = _outside_brackets(text, "、,;/ ")
    if not parts:
        return False
    reference = load_reference()
    names = reference.surfaces()
    # 市发改局和市财政局: two names joined by 和, unless 和 is inside one (住房和城乡建设局)
    return all(
        _one_unit_like(p, parts[i - 1] if i else "", reference, names)
        or all(_one_unit_like(q, "", reference, names) for q in re.split(r"[和及]", p) if q)
        for i, p in enumerate(parts)
    )


def _one_unit_like(part: str, before: str, reference, names: dict[str, str]) -> bool:
    # 市府办(市大数据局): a unit with its other name in brackets; 办公室牵头: its duty aside
    p = _duty_verb_after().sub("", _BRACKETED_NAME.sub("", part) or part) or part
    if p.endswith("等") and len(p) > 3:  # 农业局等: and others like it
        p = p[:-1]
    return (
        len(p) <= 20
        and not p[0].isdigit()
        and not p.startswith(task_verbs())  # 建成罗阳镇、…: a sentence's towns, no unit's name
        and (
            p in names
            or reference.has_unit_ending(p)
            or reference.is_bare_office(p)  # 办公室: a body's own office
            or reference.is_collective(p)
            # 各平台、镇街: the 各 before governs both
            or (before.startswith("各") and reference.is_collective("各" + p))
        )
    )


def _outside_brackets(text: str, marks: str) -> list[str]:
    """``text`` cut at each of ``marks`` outside brackets (各县(市、区)政府 stays one)."""
    return [text[a:b] for a, b in spans_outside_brackets(text, marks) if b > a]


def spans_outside_brackets(text: str, marks: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces of ``text`` between its ``marks`` outside brackets."""
    spans: list[tuple[int, int]] = []
    depth = begin = 0
    for at, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
        elif depth == 0 and ch in marks:
            spans.append((begin, at))
            begin = at + 1
    spans.append((begin, len(text)))
    return spans


_BRACKETED_NAME = re.compile(r"\([^()]{2,12}\)$")


@functools.lru_cache(maxsize=1)
def _duty_verb_after() -> re.Pattern[str]:
    """A verb of a lead or a co-unit closing a name (牵头, 配合: data/duty_verbs.csv; not 负责,
    which a bracket after a task writes of the task's one unit)."""
    verbs = [r["text"] for r in read_data_csv("duty_verbs.csv") if r["role"] in ("lead", "co")]
    return re.compile("(?:" + "|".join(map(re.escape, sorted(verbs, key=len, reverse=True))) + ")$")


def _measure_like(text: str) -> bool:
    """A unit of measure: 万人, 公里, 元/月/人, 万元 (short, no digits, not a unit's name)."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{1,3}(?:/[\u4e00-\u9fff]{1,2}){0,2}", text))


# what laying a word or words into a column costs, by what the column holds; lower fits better
_EMPTY = {
    "task": 10.0,
    "units": 1.0,
    "measure": 0.3,
    "rate": 0.5,
    "figure": 0.5,
    "text": 0.3,
    "leader": 0.3,
    "group": 0.2,  # a group written once, in its first row: empty in the others
    "merged": 0.0,
}
_MORE_WORDS = {
    "task": 0.5,
    "units": 0.1,
    "measure": 3.0,
    "rate": 3.0,
    "figure": 1.5,
    "text": 0.3,
    "leader": 0.1,
    "group": 0.3,
    "merged": 1.0,
}
_PERSON = re.compile(r"[\u4e00-\u9fff](?: ?[\u4e00-\u9fff]){1,3}")  # 顾国煜, 顾 斌


@functools.lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    with open(DATA_DIR / "surnames.txt", encoding="utf-8") as handle:
        return frozenset(w for line in handle if not line.startswith("#") for w in line.split())


def person_like(text: str) -> bool:
    """A person's name: two to four characters (a blank between them allowed: 顾 斌) that
    start with a surname of data/surnames.txt, and no unit's name.

    >>> [person_like(t) for t in ("顾国煜", "顾 斌", "欧阳明", "增量提质", "区科技局")]
    [True, True, True, False, False]
    """
    if not _PERSON.fullmatch(text) or unit_like(text):
        return False
    bare = text.replace(" ", "")
    surnames = _surnames()
    return (bare[0] in surnames and len(bare) <= 3) or bare[:2] in surnames


_TRAILING = 0.5  # the last column left empty costs half: a row leaves its remark out more often


def _fit(kind: str, text: str) -> float:
    percent, figure = bool(_PERCENT.match(text)), bool(_FIGURE.match(text))
    if kind == "rate":
        return 0.0 if percent else 2.0 if figure else 1.5
    if kind == "figure":
        return 0.0 if figure else 1.0 if percent else 0.8
    if kind == "measure":
        return 0.0 if _measure_like(text) and not unit_like(text) else 3.0
    if kind == "units":  # some names no reference knows (未来科技城) beside known ones: less
        if unit_like(text):
            return 0.0
        parts = [p for p in re.split(r"[、,;]", text) if p]
        if any(p.startswith(task_verbs()) for p in parts):
            return 3.0  # 建成罗阳镇、西旸镇、…: a sentence, whatever towns it names
        return 1.0 if len(parts) > 1 and 2 * sum(map(unit_like, parts)) >= len(parts) else 3.0
    if kind == "merged":  # a cell merged over the rows below: empty there
        return 5.0
    if kind == "group":  # a group's name is a short title, not a sentence
        return 0.2 if len(text) <= 20 and "。" not in text else 0.6
    if kind == "leader":  # names of people, one or several
        names = [n.strip() for n in re.split(r"[、,;]", text) if n.strip()]
        return 0.0 if names and all(map(person_like, names)) else 2.0
    if kind == "task":  # never a character or two: 护 is the end of a wrapped cell before it
        return 1.0 if figure or percent else 3.0 if len(text) <= 2 else 0.0
    return 0.3 if figure or percent else 0.2


@functools.lru_cache(maxsize=4096)  # spaced_table and the cutter cut the same rows
def cut_row(text: str, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """A row's words laid into the columns (``kinds``, after the label's) in order, each
    column taking none, one or several words, at the least cost.

    >>> cut_row("新增城镇就业 区人社局 8950人 6453人 72%", ("task", "units", "figure", "figure", "rate", "text"))
    ('新增城镇就业', '区人社局', '8950人', '6453人', '72%', '')
    >>> cut_row("完成棚改项目 区棚改办 5 因集体土地征收新政策出台滞后,影响签约进度。", ("task", "units", "figure", "figure", "rate", "text"))
    ('完成棚改项目', '区棚改办', '5', '', '', '因集体土地征收新政策出台滞后,影响签约进度。')
    """
    return _lay(tuple(text.split()), kinds, lambda kind, pieces: " ".join(pieces))


def lay_lines(
    lines: tuple[str, ...], kinds: tuple[str, ...], names: frozenset[str] = frozenset()
) -> tuple[str, ...]:
    """A row of a table copied one cell a line, laid into the columns as ``cut_row`` lays
    words: a cell merged over several rows leaves its column empty in the rows below, and a
    cell wrapped over two lines takes both (a unit's name joined whole, names one a line
    joined with 、).

    >>> lay_lines(("城镇失业人员再就业(人)", "4000", "4934", "超额完成"), ("task", "text", "units", "text", "text"))
    ('城镇失业人员再就业(人)', '4000', '', '4934', '超额完成')
    >>> lay_lines(("促进大学生创业(人)", "260", "市人力资源", "社会保障局", "262"), ("task", "text", "units", "text"))
    ('促进大学生创业(人)', '260', '市人力资源社会保障局', '262')
    """
    return _lay(lines, kinds, functools.partial(_joined_lines, names=names))


def _joined_lines(kind: str, pieces: tuple[str, ...] | list[str], names=frozenset()) -> str:
    if kind == "leader":
        return "、".join(pieces)  # 姚文华 / 顾 斌: two leaders
    if kind != "units":
        return "".join(pieces)
    text = pieces[0]
    for piece in pieces[1:]:  # 市住建局 / 柴桑区政府: two names; 市人力资源 / 社会保障局: one
        if text.endswith(("、", ",", ";")) or piece.startswith("("):  # 区发改局 / (区金融办)
            text += piece
            continue
        wrapped = re.split(r"[、,;]", text)[-1] + re.split(r"[、,;]", piece)[0]
        # a name wrapped whole only when the reference knows it (并交付使用 / 市教育局: not one),
        # or the row writes it whole in another cell (``names``)
        known = wrapped in load_reference().surfaces() or wrapped in names
        text += piece if known else f"、{piece}"
    return text


def _lay(
    words: tuple[str, ...], kinds: tuple[str, ...], join: Callable[[str, tuple[str, ...]], str]
) -> tuple[str, ...]:
    n, m = len(words), len(kinds)
    inf = float("inf")
    # best[c][w]: the least cost of laying the first w words into the first c columns
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for c, kind in enumerate(kinds, start=1):
        last = c == m
        for w in range(n + 1):
            if best[c - 1][w] < inf and not last:  # the column left empty
                cost = best[c - 1][w] + _EMPTY[kind]
                if cost < best[c][w]:
                    best[c][w], back[c][w] = cost, w
            for start in range(w):  # words start … w-1 in this column
                if best[c - 1][start] == inf:
                    continue
                cost = (
                    best[c - 1][start]
                    + _fit(kind, join(kind, words[start:w]))
                    + _MORE_WORDS[kind] * (w - start - 1)
                )
                if cost < best[c][w]:
                    best[c][w], back[c][w] = cost, start
        if last and best[c - 1][n] < inf:  # the last column empty: every word already laid
            cost = best[c - 1][n] + _EMPTY[kind] * _TRAILING
            if cost < best[c][n]:
                best[c][n], back[c][n] = cost, n
    cells: list[str] = []
    w = n
    for c in range(m, 0, -1):
        start = back[c][w]
        cells.append(join(kinds[c - 1], words[start:w]) if start < w else "")
        w = start
    return tuple(reversed(cells))


def settle_units(
    header: tuple[str, ...], kinds: tuple[str, ...], rows: list[tuple[str, ...]]
) -> tuple[tuple[str, ...], tuple[str, ...], str]:
    """The header and kinds with the responsible units' column named as such, and a line for
    the report when a column was renamed; ``kinds`` and ``rows`` start after the label column.

    A column the header calls a units column whose cells are units of measure is read as a
    measure; without a units column, the column whose cells are mostly names of units (a
    备注 holding the departments) becomes the units column."""
    offset = len(header) - len(kinds)
    names = list(header)
    kinds = list(kinds)
    note = ""

    def share(col: int, test) -> float:
        cells = [r[col] for r in rows if col < len(r) and r[col]]
        return sum(map(test, cells)) / len(cells) if cells else 0.0

    if not any(header_role(h) in UNIT_ROLES for h in header):
        candidates = [
            (share(c, unit_like), c) for c, k in enumerate(kinds) if k in ("text", "measure")
        ]
        found, col = max(candidates, default=(0.0, -1))
        if found >= UNITS_SHARE:
            note = f"“{names[offset + col]}”一栏写的是责任单位，按责任单位读取。"
            names[offset + col] = UNITS_NAME
            kinds[col] = "units"
    return tuple(names), tuple(kinds), note


def spaced_table(
    blocks: list[Block],
    numbered_rest: Callable[[str], str | None],
    found: tuple[int, int, tuple[str, ...]] = (0, 0, ()),
) -> tuple[int, int, tuple[str, ...], tuple[str, ...], str]:
    """A table copied with single spaces between its cells: where its header starts, the block
    after it, the header (its units column named as such), the kinds of the columns after the
    label's, and a line for the report (a renamed column) — or (0, 0, (), (), "") when the
    blocks hold no such table, or one without a column of units. ``numbered_rest`` gives what
    follows a row's number (None for a line without one). ``found``: a header the reader found
    by its words; its rows are cut into cells when the header is single-spaced words and most
    rows then hold names of units in the units column."""
    at, start, header = found
    if header:
        if " " not in blocks[at].text.strip():
            return 0, 0, (), (), ""  # one header cell a line: a table of one cell a line
        written = " ".join(b.text for b in blocks[at:start])
        if (
            any(b.cells for b in blocks[at:start])
            or _CELL_MARKS.search(written)
            or line_words(written) != list(header)
        ):
            return 0, 0, (), (), ""
    else:
        at, start, header = spaced_header(blocks)
    if not header:
        return 0, 0, (), (), ""
    kinds = column_kinds(header)
    rows = [
        cut_row(rest, kinds)
        for block in blocks[start:]
        if not block.cells and (rest := numbered_rest(block.text))
    ]
    header, kinds, note = settle_units(header, kinds, rows)
    offset = len(header) - len(kinds)
    responsible = [k for k, h in enumerate(header[offset:]) if header_role(h) in UNIT_ROLES]
    if not rows:
        return 0, 0, (), (), ""
    if (
        not responsible
    ):  # a progress table of figures naming no units (考核指标 工作目标 已完成数 占比)
        figures = {"rate", "figure"} & set(kinds)
        keep = not found[2] and len(rows) >= 2 and "task" in kinds and bool(figures)
        return (at, start, header, kinds, note) if keep else (0, 0, (), (), "")
    named = [r[k] for r in rows for k in responsible if r[k]]
    if sum(map(unit_like, named)) < UNITS_SHARE * len(rows):
        return 0, 0, (), (), ""
    return at, start, header, kinds, note
