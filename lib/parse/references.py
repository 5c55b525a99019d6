"""A notice in running text that names the list's items by their number (``实施高素质农民
培训工程(第十一项)``): the items it names, each with the words after it (its progress) and the
sentence that introduces it (``其中5项已完成,分别是:``, ``滞后项目:``) as its section.

A 督查通报 often reports so on a list it does not copy: there is no table and no numbered line,
only the references. Read only when the reader finds no numbered item at all.
"""

from __future__ import annotations

import functools
import re

from lib.parse.blocks import Block, RawItem
from lib.parse.headers import header_endings, header_role, header_words
from lib.parse.labels import chinese_number
from lib.parse.reference import page_furniture, read_data_csv, task_verbs
from lib.parse.spaced import unit_like

_CN = "零〇一二两三四五六七八九十百"
# (第十一项), （第5项）: a reference to an item of the list by its number
_REFERENCE = re.compile(rf"\((?P<label>第[{_CN}\d]{{1,6}}项)\)")
_TASK_START = re.compile(r"[:;。、]")  # where the named item's words start, looking back
_ORDINAL = re.compile(rf"^(?:[{_CN}]{{1,3}}是|其[{_CN}]是)")  # 一是, 其二是: not the task's
_PROGRESS_END = re.compile(r"[;。、]")  # where the words after a reference end
_INTRO_END = re.compile(r"[:]\s*$")
MIN_REFERENCES = 2  # one reference in a notice is a mention, not a report on items
HEADER = ("序号", "事项", "进展情况")  # the columns the items are read into


def referenced_items(blocks: list[Block]) -> list[tuple[str, str, str, str, str]]:
    """(label, task, progress, section, source_ref) of each item a running text names by its
    number, in the order written; [] when it names fewer than ``MIN_REFERENCES``.

    >>> text = "其中2项已完成,分别是:建设垃圾分类屋(第二十一项)、道路隐患整治(第三十二项)。"
    >>> [r[:3] for r in referenced_items([Block(text, "L1")])]
    [('第二十一项', '建设垃圾分类屋', ''), ('第三十二项', '道路隐患整治', '')]
    >>> referenced_items([Block("滞后项目:一是照明改造(第三项)正在编制招标文件;二是疫苗接种(第六项)预计9月开始。", "L1")])[1][1:4]
    ('疫苗接种', '预计9月开始', '滞后项目')
    """
    found = []
    for block in blocks:
        text = block.text
        section = ""
        for match in _REFERENCE.finditer(text):
            before = text[: match.start()]
            cut = max((m.end() for m in _TASK_START.finditer(before)), default=0)
            task = _ORDINAL.sub("", before[cut:].strip()).strip()
            intro = before[:cut]
            if intro.endswith(":"):  # 其中5项已完成,分别是: / 滞后项目: — what follows is such
                section = _intro(intro[:-1])
            rest = text[match.end() :]
            end = _PROGRESS_END.search(rest)
            progress = (rest[: end.start()] if end else rest).strip()
            if task:
                found.append((match["label"], task, progress, section, block.source_ref))
    return found if len(found) >= MIN_REFERENCES else []


@functools.lru_cache(maxsize=1)
def list_intro_words() -> tuple[str, ...]:
    """Words before a colon that introduce the items after it (data/list_intros.csv)."""
    return tuple(row["words"] for row in read_data_csv("list_intros.csv"))


def _intro(text: str) -> str:
    """What the words before a colon say of the items after it: the last clause of the
    sentence that is more than a connector (``…共38项,其中5项已完成,分别是`` → 其中5项已完成).

    >>> _intro("涉及我区共38项(其中省级29项),其中5项已完成,分别是")
    '其中5项已完成'
    """
    clauses = [c.strip() for c in re.split(r"[,]", re.split(r"[。;]", text)[-1]) if c.strip()]
    while len(clauses) > 1 and clauses[-1] in list_intro_words():
        clauses.pop()
    return clauses[-1] if clauses else ""


@functools.lru_cache(maxsize=1)
def _entries_intro() -> re.Pattern[str]:
    """7项未完成的省市级项目具体为: the sentence introducing the entries after its colon."""
    words = "|".join(map(re.escape, sorted(list_intro_words(), key=len, reverse=True)))
    return re.compile(rf"(?P<intro>[^。:;]{{2,60}}?(?:{words})):")


_UNITS_LABEL = re.compile(r"^(?:责任单位|承办单位|牵头单位|主办单位)[:]\s*")
_TRAILING_UNITS = re.compile(r"\((?P<units>[^()]{2,60})\)$")
ENTRIES_HEADER = ("序号", "事项", "责任单位", "进展情况")  # the columns entries are read into


def enumerated_items(blocks: list[Block]) -> list[tuple[str, str, str, str, str]]:
    """(task, units, progress, section, source_ref) of each entry a running text lists after
    a sentence ending in a colon, each entry closed by its units in brackets (``…具体为:为残疾人
    免费提供“一键通”服务(区民政局),改造提升农村厕所、滨水绿道建设(区综合执法局)…``): tasks
    sharing one bracket are one entry each when each starts with a task's verb; [] when fewer
    than ``MIN_REFERENCES`` entries are found.

    >>> text = "3项未完成的项目具体为:发放“安心手环”(区公安分局),改造提升农村厕所、新建公厕(区住建局)。"
    >>> [e[:2] for e in enumerated_items([Block(text, "L1")])]
    [('发放“安心手环”', '区公安分局'), ('改造提升农村厕所', '区住建局'), ('新建公厕', '区住建局')]
    """
    found = []
    for block in blocks:
        text = block.text
        intros = list(_entries_intro().finditer(text))
        for intro, following in zip(intros, [*intros[1:], None]):
            body = text[intro.end() : following.start() if following else len(text)]
            body = body.split("。")[0]
            section = _intro(intro["intro"])
            # entries closed by ; hold commas of their own (提高报销比例,简化备案流程(…);)
            entries = _top_level(body, ";")
            for entry in entries if len(entries) > 1 else _top_level(body):
                units = _TRAILING_UNITS.search(entry)
                # (责任单位:市教育局): the units labelled inside the bracket
                names = _UNITS_LABEL.sub("", units["units"]) if units else ""
                if not units or not unit_like(names.rstrip("等")):
                    continue
                for task in _tasks(_ORDINAL.sub("", entry[: units.start()].strip())):
                    found.append((task, names, "", section, block.source_ref))
    return found if len(found) >= MIN_REFERENCES else []


def _top_level(body: str, marks: str = ",;") -> list[str]:
    """The text cut at , and ; (``marks``) outside brackets."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(body):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if ch in marks and not depth:
            parts.append(body[start:i].strip())
            start = i + 1
    parts.append(body[start:].strip())
    return [p for p in parts if p]


def _tasks(text: str) -> list[str]:
    """Tasks joined by 、 that share one units bracket, each starting with a task's verb
    (改造提升农村厕所、改造提升城市厕所); a part that does not start a task goes on the one before
    (新增城市书房、百姓书屋; 低保、特困、失独老人)."""
    verbs = task_verbs()
    tasks: list[str] = []
    for part in (p for p in text.split("、") if p):
        if tasks and not (part.startswith(verbs) and len(tasks[-1]) >= 4 and len(part) >= 4):
            tasks[-1] += f"、{part}"
        else:
            tasks.append(part)
    return tasks


# 县文旅广电局负责的“切实抓好…”, 由县民政局负责的第1件、县卫健局负责的第17、18件: the items a
# notice names by who is responsible for them, each by its words in quotes or its number
_NUMBER = rf"[{_CN}\d]{{1,6}}"
_RESPONSIBLE = re.compile(
    r"(?P<units>[^,:;。“”()]{2,60}?)负责的"
    rf"(?:“(?P<task>[^”]{{2,300}})”|第(?P<refs>{_NUMBER}(?:、{_NUMBER})*)(?P<kind>[件项]))"
)
_BEFORE_UNITS = re.compile(r"^(?:[、,\s]|其中|例如|比如|即|由|如)+")
_CLAUSE = re.compile(r"[^,;。]*")


def responsible_items(blocks: list[Block]) -> list[tuple[str, str, str, str, str, str]]:
    """(label, task, units, progress, section, source_ref) of each item a notice names after
    its responsible units (``县发改局负责的“严格落实…”``, ``县民政局负责的第1件``): a numbered
    reference is labelled by its number and the clause after a run of them (``…第17、18件确定
    事项进展滞后``) is the progress of each; a quoted task's progress runs to the next item; the
    clause before the block's first item (``需要加快推进落实事项3件,如``) is their section.
    [] when fewer than ``MIN_REFERENCES`` are found.

    >>> text = "其中,由县民政局负责的第1件、县卫健局负责的第17、18件确定事项进展滞后,请加快。"
    >>> [r[:4] for r in responsible_items([Block(text, "L1")])]
    [('第1件', '第1件', '县民政局', '确定事项进展滞后'), ('第17件', '第17件', '县卫健局', '确定事项进展滞后'), ('第18件', '第18件', '县卫健局', '确定事项进展滞后')]
    """
    found = []
    for block in blocks:
        text = block.text
        matches = [
            (m, units)
            for m in _RESPONSIBLE.finditer(text)
            if (units := _BEFORE_UNITS.sub("", m["units"]).strip()) and unit_like(units)
        ]
        if not matches:
            continue
        section = _intro(text[: matches[0][0].start()].rstrip(",、 如由其中"))
        run: list[tuple[str, str]] = []  # the numbered references waiting for their clause
        for (match, units), following in zip(matches, [*matches[1:], (None, "")]):
            end = following[0].start() if following[0] else len(text)
            rest = text[match.end() : end]
            if match["task"]:
                progress = rest.strip(",;、。 ")
                found.append(("", match["task"], units, progress, section, block.source_ref))
                continue
            run += [(f"第{n}{match['kind']}", units) for n in match["refs"].split("、")]
            if following[0] and not rest.strip("、 "):
                continue  # the run goes on: 第1件、县发改局负责的第4件
            clause = _CLAUSE.match(rest)[0].strip()
            found += [(label, label, u, clause, section, block.source_ref) for label, u in run]
            run = []
    return found if len(found) >= MIN_REFERENCES else []


# 一是乡镇污水处理设施建设,二是基层防汛预报预警体系建设,…: items enumerated in a sentence
_ORDINAL_ENTRY = re.compile(rf"(?:^|(?<=[,;:。]))\s*(?P<n>[{_CN}]{{1,3}})是")


def ordinal_items(blocks: list[Block]) -> list[tuple[str, str, str, str, str, str]]:
    """(label, task, units, progress, section, source_ref) of each item a sentence enumerates
    as ``一是…,二是…,三是…`` (counted on from one), its units when a bracket closes it with them
    labelled (``(责任单位:市教育局)``; ``(八公山乡污水处理站)`` is a site), the clause before the first (``实施进度较慢的项目``) their section.
    [] when fewer than ``MIN_REFERENCES`` are found.

    >>> text = "目前,我县实施进度较慢的项目,一是乡镇污水处理设施建设,二是城镇老旧小区改造。县直部门要加快。"
    >>> [r[:2] + r[4:5] for r in ordinal_items([Block(text, "L1")])]
    [('一', '乡镇污水处理设施建设', '我县实施进度较慢的项目'), ('二', '城镇老旧小区改造', '我县实施进度较慢的项目')]
    """
    found = []
    for block in blocks:
        text = block.text
        run: list[re.Match[str]] = []
        for match in _ORDINAL_ENTRY.finditer(text):
            if chinese_number(match["n"]) == len(run) + 1:
                run.append(match)
        if len(run) < 2:
            continue
        section = _intro(text[: run[0].start()].rstrip(",;: "))
        for match, following in zip(run, [*run[1:], None]):
            entry = text[match.end() : following.start() if following else len(text)]
            entry = entry if following else entry.split("。")[0]
            entry = entry.strip(",;。 ")
            # units only when the bracket labels them: (八公山乡污水处理站) is the works' site
            units = _TRAILING_UNITS.search(entry)
            labelled = units and _UNITS_LABEL.match(units["units"])
            names = _UNITS_LABEL.sub("", units["units"]) if labelled else ""
            if names and unit_like(names.rstrip("等")):
                entry = entry[: units.start()].strip()
            else:
                names = ""
            found.append((match["n"], entry, names, "", section, block.source_ref))
    return found if len(found) >= MIN_REFERENCES else []


_BULLET = re.compile(r"^[●■◆◇○□•☑✔✓▶►]\s*(?P<rest>.+)$")  # not ▲ or ★: they mark a lead unit
_HEADING_LENGTH = (
    12  # 已完工项目 / 已启动实施项目: a short line just above a bullet heads the ones below
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_TOPIC_END = re.compile(r"(?:方面|工作|项目|工程)?:")


def bulleted_items(blocks: list[Block]) -> list[tuple[str, str, str, str]]:
    """(task, progress, section, source_ref) of each item a report writes as a bulleted
    paragraph (``●实施残疾儿童康复救助方面:8141名残疾儿童…``): the words before the first colon
    its task, the rest its progress; [] when fewer than ``MIN_REFERENCES``.

    >>> [b[:2] for b in bulleted_items([Block("●改善农村出行条件方面:完成1700个。", "L1"), Block("●推进老旧小区改造:完成20.3万户。", "L2")])]
    [('改善农村出行条件方面', '完成1700个。'), ('推进老旧小区改造', '完成20.3万户。')]
    """
    found: list[list[str]] = []
    section = ""
    texts = [b.text.strip() for b in blocks]
    bullets = [_BULLET.match(t) for t in texts]
    for at, (block, bullet) in enumerate(zip(blocks, bullets)):
        if not bullet:
            following = bullets[at + 1] if at + 1 < len(bullets) else None
            if following and _short_heading(texts[at]):
                section = texts[at]  # 已完工项目: the bullets below are such
            elif found and texts[at] and not found[-1][1] and found[-1][4] == "open":
                found[-1][1] = texts[at]  # the progress written on the line after the bullet
            elif found and texts[at] and found[-1][4] == "open":
                found[-1][1] += texts[at]
            continue
        rest = bullet["rest"]
        if page_furniture().match(rest) or len(_HAN.findall(rest)) < 2:
            continue  # • 字号: / • | / • 打印: the page's buttons, no item
        topic = _TOPIC_END.search(rest)
        if topic and topic.start() <= 40:
            task, progress = rest[: topic.end() - 1], rest[topic.end() :].strip()
            found.append([task.strip(), progress, section, block.source_ref, "closed"])
        else:  # the bullet's line is the task; its progress on the lines below
            found.append([rest.strip(), "", section, block.source_ref, "open"])
    entries = [(task, progress, section, ref) for task, progress, section, ref, _ in found]
    return entries if len(entries) >= MIN_REFERENCES else []


# 城乡建设工作指挥部:项目24项,…: a paragraph opened by the name of the unit it is about
_UNIT_LED = re.compile(r"^(?P<units>[^:：,，。;；、()（）\[\]【】\s]{2,24})[:：](?P<rest>.*\S.*)$")


def unit_led_items(blocks: list[Block]) -> list[tuple[str, str, str, str, str, str]]:
    """(label, task, units, progress, section, source_ref) of each paragraph, unnumbered, that
    opens with the unit it reports on (``城乡建设工作指挥部:项目24项,未达序时进度4项为:…``), in
    runs of ``MIN_REFERENCES`` or more: the paragraph is the item, the name its units, the rest
    its progress, the line just above the run its section. A field's label (牵头单位:) or a
    page's stamp (来源:) is no unit.

    >>> lines = ["一、各指挥部滞后情况", "城乡建设工作指挥部:项目24项,未达序时进度4项。", "梅溪新城建设工作指挥部:项目24项,均达序时进度。"]
    >>> [r[2:5] for r in unit_led_items([Block(t, f"L{i}") for i, t in enumerate(lines)])]
    [('城乡建设工作指挥部', '项目24项,未达序时进度4项。', '一、各指挥部滞后情况'), ('梅溪新城建设工作指挥部', '项目24项,均达序时进度。', '一、各指挥部滞后情况')]
    """
    found: list[tuple[str, str, str, str, str, str]] = []
    run: list[tuple[str, str, str, str, str, str]] = []
    above = ""
    for block in [*blocks, Block("", "")]:
        text = block.text.strip()
        led = _UNIT_LED.match(text) if not block.cells else None
        name = led["units"] if led else ""
        if led and not header_role(name) and unit_like(name):
            section = run[0][4] if run else above
            run.append(("", text, name, led["rest"].strip(), section, block.source_ref))
            continue
        if len(run) >= MIN_REFERENCES:
            found += run
        run = []
        above = text if text and len(text) <= _SECTION_LENGTH else ""
    return found


_SECTION_LENGTH = 40  # characters: a heading above paragraphs, not a paragraph


def _short_heading(text: str) -> bool:
    return 0 < len(text) <= _HEADING_LENGTH and not re.search(r"[,;。:]", text)


_FORM_LABEL_LENGTH = 8  # 整改任务, 责任单位, 完成情况: a form's labels are short
_UNIT_ROLES = ("lead", "lead_units", "units", "co")


def form_items(blocks: list[Block]) -> list[tuple[str, str, str, str, str, str]]:
    """(label, task, units, progress, section, source_ref) of each record of a form: its labels
    each on a line of their own (or numbered as headings: ``一、整改问题``), the value on the lines
    below (``整改任务`` / ``河长巡查流于形式。`` / ``责任单位`` / ``县水利局、商城镇`` / ``完成情况`` /
    ``已完成整改。``), a task label opening each record; the other task labels' values (整改目标,
    整改措施) join its task, the notes' (完成情况) are its progress. A record whose opening value
    lists problems (一)(二) gives an item each, sharing the rest. [] unless each record names
    its task and its units.

    >>> lines = ["附件", "整改任务", "河长巡查流于形式。", "责任单位", "县水利局、商城镇",
    ...          "整改措施", "强化履职监督。", "完成情况", "已完成整改。"]
    >>> form_items([Block(t, f"L{i}") for i, t in enumerate(lines)])
    [('', '河长巡查流于形式。 强化履职监督。', '县水利局、商城镇', '已完成整改。', '', 'L1')]
    """
    records: list[dict[str, list]] = []
    opened_at: list[int] = []  # where each record's opening label stands among the blocks
    opener = named = ""  # the label that opens each record: the first task label (整改任务)
    current: list | None = None  # the value being read
    labelled = False  # the last line was a label: a value must follow before the next
    if any(block.cells for block in blocks):
        return []  # a table's rows: no form
    for at, block in enumerate(blocks):
        text = _BULLET_MARK.sub("", block.text.strip(" |"))  # • 牵头单位: a bulleted field
        if not text:
            continue
        label = _label_text(text)
        if label:
            if labelled:
                return []  # labels one after another: a table's header, not a form
            labelled = True
            role = _form_label(label)
            if role == "task" and (not opener or label == opener):
                opener = label
                records.append(
                    {"opened": [], "task": [], "units": [], "note": [], "ref": block.source_ref}
                )
                opened_at.append(at)
                current = records[-1]["opened"]
                continue
            current = records[-1][role] if records and role else None
            named = label  # the label of the values below (牵头单位 | 配合单位)
        elif current is not None:
            labelled = False
            current.append((text, block.source_ref, named))
        else:
            labelled = False
    if len(records) == 1 and records[0]["opened"] and not records[0]["units"]:
        records[0]["units"] = _named_responsible(blocks[: opened_at[0]])
    if not records or not all(r["opened"] and r["units"] for r in records):
        return []
    found = []
    for r in records:
        units = _form_units(r["units"])
        progress = " ".join(t for t, *_ in r["note"])
        more = [t for t, *_ in r["task"]]
        problems = [(_SUB_LABEL.match(t), ref) for t, ref, _ in r["opened"]]
        if len(problems) >= 2 and all(m for m, _ in problems):  # (一)… (二)…: an item each
            found += [
                (m["label"], " ".join([m["rest"], *more]), units, progress, "", ref)
                for m, ref in problems
            ]
        else:
            task = " ".join([*(t for t, *_ in r["opened"]), *more])
            found.append(("", task, units, progress, "", r["ref"]))
    if len(found) == 1:  # one record: the notice above it may name its number
        found[0] = (_named_number(blocks[: opened_at[0]]), *found[0][1:])
    return found


_RECORD_ROLES = ("units", "task", "note")  # the fields of a page of one item
_BULLET_MARK = re.compile(r"^[●■◆◇○□•▪·]\s*")
_PLAN_FIELD = re.compile(r"(?:安排|计划)$")  # 进度安排, 工作计划: what is planned, by period
_PERIOD_START = re.compile(
    r"^(?:第?[一二三四]季度|[上下]半年|\d{1,2}\s*[-—~至]\s*\d{1,2}月|\d{1,2}月)"
)
_RECORD_TASK = 6  # a task line is longer than a heading's few words
_WRITTEN = ("units", "note")  # fields whose short lines are their content (区教育局, 已完成。)


def record_items(blocks: list[Block]) -> list[tuple[str, str, str, tuple, str, int, tuple]]:
    """(label, task, units, progress, section, first, others) of a page that writes one item
    as labelled fields, each ``名称:内容`` on a line or its name on a line and the content below
    (``重点工作:推进…`` / ``牵头单位:市发展改革委`` / ``进展落实情况:`` / ``第一季度:…``): the task
    field's content its task (without one, the line just above the first field: the page's
    item), the units fields its units, the progress fields its progress, as (header, text)
    pairs — one a period where the progress is written by period (``第一季度:`` …
    ``第二季度:`` …: 第一季度进展落实情况, 第二季度进展落实情况), then a deadline field's; the
    place of its first line among ``blocks`` is ``first``, those of the lines of other fields
    (进度安排, which ends the one above) are ``others``.
    [] unless exactly one item names a task and units.

    >>> lines = ["光明区2020年民生实事:幼有善育", "完善托育服务体系,提供有针对性的服务", "牵头单位:",
    ...          "区卫生健康局", "协办单位:", "各有关单位", "进度安排", "第一季度:落实备案制度。",
    ...          "落实情况", "第一季度:已指定专人。", "第二季度:", "已组建队伍。"]
    >>> record_items([Block(t, f"L{i}") for i, t in enumerate(lines)])[0][1:4]
    ('完善托育服务体系,提供有针对性的服务', '牵头单位:区卫生健康局;协办单位:各有关单位', (('第一季度落实情况', '已指定专人。'), ('第二季度落实情况', '已组建队伍。')))
    """
    if any(block.cells for block in blocks):
        return []  # a table's rows: no record of fields
    # label, kind, values (text, source_ref, label), and the blocks it was read from
    fields: list[tuple[str, str, list[tuple[str, str, str]], list[int]]] = []
    before: list[int] = []
    for at, block in enumerate(blocks):
        text = _BULLET_MARK.sub("", block.text.strip(" |"))  # • 牵头单位: a bulleted field
        if not text:
            continue
        key, colon, value = text.partition(":")
        label = _HEADING_NUMBER.sub("", re.sub(r"\s+", "", key if colon else text))
        role = header_role(label) if len(label) <= _FORM_LABEL_LENGTH else None
        kind = _form_label(label) if role else ""
        within = fields and fields[-1][1] == "note" and colon and label in fields[-1][0]
        # 第四季度工作进展:… under 进度安排: the quarter's planned step, no progress
        within = within or bool(
            fields and colon and _PLAN_FIELD.search(fields[-1][0]) and _PERIOD_START.match(text)
        )
        if role and (colon or len(label) <= _FORM_LABEL_LENGTH) and not within:
            fields.append((label, kind, [], [at]))
            if value.strip():
                fields[-1][2].append((value.strip(), block.source_ref, label))
            continue
        if not fields:
            before.append(at)
            continue
        if within:  # 整改措施:… under 整改措施及成效: a part of its content
            pass
        elif colon and len(label) <= _FORM_LABEL_LENGTH and fields[-1][1] != "note":
            fields.append((label, "", [], []))  # 第一季度: under 进度安排
        elif len(text) <= _FORM_LABEL_LENGTH and not colon and fields[-1][1] not in _WRITTEN:
            fields.append((label, "", [], []))  # 进度安排: a field of its own
        elif (
            len(text) <= _FORM_LABEL_LENGTH
            and not colon
            and fields[-1][1] == "units"
            and not fields[-1][2]
            and not unit_like(text)
        ):
            fields.append((label, "", [], []))  # 协办单位: left empty, then 进度安排
        elif fields[-1][1] == "units" and fields[-1][2] and not unit_like(text):
            short = len(text) <= _FORM_LABEL_LENGTH and not colon  # 进度安排 after the units
            fields.append((label if short else "", "", [], []))
        fields[-1][2].append((text, block.source_ref, fields[-1][0]))
        fields[-1][3].append(at)
    unit_labels = [label for label, kind, _, _ in fields if kind == "units"]
    if len(unit_labels) != len(set(unit_labels)):  # a label met twice: several items, each
        return _repeated_records(blocks, fields)  # opened by the same task label (目标:…)
    found = _record(blocks, fields, before)
    if found is None:
        return []
    number = _named_number([blocks[at] for at in before])
    return [(number, *found[1:])]


def _repeated_records(blocks: list[Block], fields: list) -> list[tuple]:
    """Records one after another, each opened by the same task field (``目标:…`` /
    ``进展情况:…`` / ``牵头单位:…``, again and again): one item each, without a number; [] unless
    every record names its task and units once."""
    opener, kind = fields[0][0], fields[0][1]
    starts = [i for i, field in enumerate(fields) if field[0] == opener]
    if kind != "task" or len(starts) < 2:
        return []
    found = []
    for a, b in zip(starts, [*starts[1:], len(fields)]):
        part = fields[a:b]
        labels = [label for label, kind, _, _ in part if kind == "units"]
        record = _record(blocks, part, []) if labels and len(labels) == len(set(labels)) else None
        if record is None and b == len(fields) and not labels and len(found) >= 2:
            # the last one, cut off by the copy before its units: listed, not an item
            cut = tuple(at for *_, lines in part for at in lines)
            found[-1] = (*found[-1][:6], found[-1][6] + cut)
        elif record is None:
            return []
        else:
            found.append(record)
    return found


def _record(blocks: list[Block], fields: list, before: list[int]) -> tuple | None:
    """One record's (label, task, units, progress, section, first, others) from its fields;
    None without units or a task."""
    units = [v for label, kind, values, _ in fields if kind == "units" for v in values]
    if not units:
        return None
    tasks = [(values, at) for _, kind, values, at in fields if kind == "task" and values]
    kinds = [kind for _, kind, _, _ in fields]
    above = _item_lines(blocks, before)
    if above and (not tasks or kinds.index("units") < kinds.index("task")):
        # the lines above the first field name the item (the task fields after the units
        # are its measures: 整改任务第4项:… / 牵头单位:… / 整改措施:…)
        lines = [blocks[at].text.strip() for at in above]
        task = " ".join([*lines, *(t for v, _ in tasks for t, *_ in v)])
        first = above[0]
    elif tasks:
        task, first = " ".join(t for values, _ in tasks for t, *_ in values), tasks[0][1][0]
    else:
        return None
    progress = tuple(
        pair
        for label, kind, values, _ in fields
        if kind == "note"
        for pair in _by_period(label, [t for t, *_ in values])
    )
    # other fields: a deadline (整改时限:…) is a column too; the rest (进度安排) are listed
    timed = tuple(
        (label, " ".join(t for t, *_ in values))
        for label, kind, values, _ in fields
        if not kind and values and header_role(label) == "deadline"
    )
    others = tuple(
        at
        for label, kind, _, lines in fields
        if not kind and header_role(label) != "deadline"
        for at in lines
    )
    return ("", task, _form_units(units), progress + timed, "", first, others)


_SENTENCE_END = "。;!?:)”"  # a line that ends a paragraph: the next one starts another
_WRAPPED_LINE = 30  # characters of a line wrapped at a page's margin, at least


def _item_lines(blocks: list[Block], before: list[int]) -> list[int]:
    """The lines just above a page's first field that name its item: the last line there (not
    page furniture, longer than a heading's few words), and the lines its paragraph wrapped
    from (each before it ending without a sentence's end: a PDF's …人民医院将 / 台分院…)."""
    shown = [at for at in before if not page_furniture().match(blocks[at].text.strip("•· "))]
    if not shown or len(blocks[shown[-1]].text.strip()) < _RECORD_TASK:
        return []
    lines = [shown[-1]]
    for at in reversed(shown[:-1]):
        text = blocks[at].text.strip()
        if (
            at != lines[0] - 1
            or len(text) < _WRAPPED_LINE  # a title's few words, not a line wrapped at the margin
            or text[-1] in _SENTENCE_END
            or _HEADING_NUMBER.match(text)
        ):
            break
        lines.insert(0, at)
    return lines


def _named_number(above: list[Block]) -> str:
    """The number of a page's one item as the lines above it give it: a line ``任务97`` (97), or
    the notice naming one item by its number (…反馈意见第二十七项整改任务: 第二十七项); ""."""
    numbered = [m["num"] for b in above if (m := _RECORD_NUMBER.fullmatch(b.text.strip()))]
    named = [m.group() for b in above for m in _RECORD_NAMED.finditer(b.text)]
    return numbered[-1] if numbered else named[0] if len(set(named)) == 1 else ""


_RECORD_NUMBER = re.compile(r"(?:任务|事项|第)\s*(?P<num>\d{1,3})\s*项?")  # a page's 任务97
# the item a notice names by its number (反馈意见第二十七项整改任务), when it names one only
_RECORD_NAMED = re.compile(r"第[一二三四五六七八九十百\d]{1,5}项")


# a period's own label in a field's content: 第一季度:, 1-6月:, 7月份:
_PERIOD_LABEL = re.compile(
    r"^(?P<period>第?[一二三四]季度|[上下]半年|\d{1,2}\s*[-—~至]\s*\d{1,2}月份?|\d{1,2}月份?)[:]\s*"
)


def _by_period(label: str, texts: list[str]) -> list[tuple[str, str]]:
    """A progress field's content as (header, text): one a period where each period's part
    opens with its name (第一季度:…), the period before the field's name; else one."""
    parts: list[list] = []
    for text in texts:
        period = _PERIOD_LABEL.match(text)
        if period:
            parts.append([period["period"] + label, [text[period.end() :]]])
        elif parts:
            parts[-1][1].append(text)
        else:
            parts.append([label, [text]])
    if len(parts) < 2 or parts[0][0] == label:
        return [(label, " ".join(texts))] if texts else []
    return [(header, " ".join(t for t in part if t)) for header, part in parts]


# the notice above a one-problem form naming who does it: 市生态环境局牵头负责的…整改任务第43项
_RESPONSIBLE_FOR = re.compile(
    rf"(?P<units>[^,:;。“”()]{{2,30}}?)(?P<lead>牵头)?负责的[^,;。]{{0,40}}?第{_NUMBER}[项件]"
)


def _named_responsible(above: list[Block]) -> list[tuple[str, str, str]]:
    """The units a one-problem form's notice (the blocks ``above`` it) names as responsible for
    it (``X牵头负责的…第43项``), when it names one run of them, as the form's units values; []
    if it names none."""
    found = [
        (units, m["lead"], b.source_ref)
        for b in above
        for m in _RESPONSIBLE_FOR.finditer(b.text)
        if (units := _BEFORE_UNITS.sub("", m["units"]).strip()) and unit_like(units)
    ]
    if len({units for units, *_ in found}) != 1:
        return []
    units, lead, ref = found[0]
    return [(units, ref, "牵头单位" if lead else "责任单位")]


def _form_units(values: list[tuple[str, str, str]]) -> str:
    """A record's units (text, source, label): joined by 、, each run under its label when a
    label names leads (牵头单位:区教育局;配合单位:区住建局), so the lead rule still reads them."""
    if not any(header_role(label) in ("lead", "lead_units") for _, _, label in values):
        return "、".join(text for text, _, _ in values)
    runs: dict[str, list[str]] = {}
    for text, _, label in values:  # 牵头(责任)单位: as the lead rule reads it, 牵头单位
        written = label if label in header_words() else _RUN_LABELS.get(header_role(label), label)
        runs.setdefault(written, []).append(text)
    return ";".join(f"{label}:{'、'.join(texts)}" for label, texts in runs.items())


# the words a units run is labelled with, by its label's role
_RUN_LABELS = {"lead": "牵头单位", "lead_units": "牵头单位", "co": "配合单位", "units": "责任单位"}


_SUB_LABEL = re.compile(r"^(?P<label>\([一二三四五六七八九十]{1,3}\))\s*(?P<rest>\S.*)$")
_HEADING_NUMBER = re.compile(
    r"^(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\))\s*"
)


def _label_text(text: str) -> str:
    """The label a line alone is (``责任单位``, ``二、整改实施主体`` → 整改实施主体), "" if none."""
    bare = _HEADING_NUMBER.sub("", text)
    return bare if len(bare) <= _FORM_LABEL_LENGTH and header_role(bare) else ""


def _form_label(text: str) -> str:
    """The part of a form a line alone names: task, units or note ("" if it is no label)."""
    if not text or len(text) > _FORM_LABEL_LENGTH:
        return ""
    role = header_role(text)
    if role in _UNIT_ROLES:
        return "units"
    if role == "note" and not text.endswith(header_endings()["note"]):
        return ""  # 验收单位, 下一步计划: a column of its own, no progress
    return role if role in ("task", "note") else ""


def _numbered(label, task, progress, section, ref) -> RawItem:
    return RawItem(label, ref, section, (), cells=(task, progress))


def _labelled_with_units(label, task, units, progress, section, ref) -> RawItem:
    return RawItem(label, ref, section, (), cells=(task, units, progress))


def _with_units(task, units, progress, section, ref) -> RawItem:
    return RawItem("", ref, section, (), cells=(task, units, progress))


def _bulleted(task, progress, section, ref) -> RawItem:
    return RawItem("", ref, section, (), cells=(task, progress))


# each reading of a report's prose, tried in turn: what finds its items, how an item becomes a
# raw item, the columns it is read into, and what the parse report says of it
_FORM_READING = (
    form_items,
    _labelled_with_units,
    ENTRIES_HEADER,
    "文件为表单（每栏名称单独一行，其下为内容）：按栏读出事项、责任单位与完成情况。",
)

_PROSE_READINGS = (
    (
        referenced_items,
        _numbered,
        HEADER,
        "通报以“(第N项)”指明清单的事项：读出所指各项，其后的文字为进展。",
    ),
    (
        responsible_items,
        _labelled_with_units,
        ENTRIES_HEADER,
        "通报写明各事项的责任单位（“某单位负责的……”）：按此读出各项及其后的进展。",
    ),
    (
        enumerated_items,
        _with_units,
        ENTRIES_HEADER,
        "通报在一段文字中逐项列出事项，各项后的括号写明责任单位：按此读出各项。",
    ),
    (
        ordinal_items,
        _labelled_with_units,
        ENTRIES_HEADER,
        "通报在句中以“一是……二是……”逐项列出事项：按此读出各项。",
    ),
    (bulleted_items, _bulleted, HEADER, "报告以“●”逐段写出各项：冒号前为事项，其后为进展。"),
    (
        unit_led_items,
        _labelled_with_units,
        ENTRIES_HEADER,
        "报告逐段以单位名称开头（“某指挥部：……”）：每段为一项，开头的单位为责任单位，其后为进展。",
    ),
)


# a page titled by the unit that carries its one task and the period it reports:
# 2020年泉州市教育局承担市委、市政府为民办实事公办幼儿园建设项目1-4月进展情况
_CARRIED_TITLE = re.compile(
    r"^(?:\d{4}年度?)?(?P<units>[\u4e00-\u9fff()、]{3,30}?)(?:牵头)?(?:承担|负责)的?"
    r"(?P<task>[^,;。]{4,60}?)(?:\d{1,2}\s*[-—至]\s*\d{1,2}月份?|[一二三四]季度|[上下]半年|全年)?"
    r"(?:工作)?(?:进展|完成|落实|推进|实施)情况$"
)
_TITLE_LINES = 5  # lines of a page where its title stands
_PAGE_STAMP = re.compile(r"\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}|浏览量|浏览次数")
_PARAGRAPH = 20  # characters of a paragraph of progress, at least


def carried_record(
    blocks: list[Block],
) -> tuple[tuple[RawItem, ...], tuple[str, ...], str, tuple[int, ...]] | None:
    """The one item of a page titled by the unit that carries it (``2020年泉州市教育局承担…
    幼儿园建设项目1-4月进展情况``): its task from the title, or the body's first sentence where
    a paragraph says so again (…承担…新、改扩建公办幼儿园20所,…。), its progress the paragraphs
    below; then where the title stands and the lines below that are no paragraph (listed in the
    report: 扫一扫…); None if the page is none such.

    >>> lines = ["2020年某市教育局承担为民办实事公办幼儿园建设项目1-4月进展情况", "时间:2020-05-12",
    ...          "截至4月,已推动开工建设7所,各建设项目按序时推进。"]
    >>> items, header, _, at = carried_record([Block(t, f"L{i}") for i, t in enumerate(lines)])
    >>> items[0].cells
    ('为民办实事公办幼儿园建设项目', '某市教育局', '截至4月,已推动开工建设7所,各建设项目按序时推进。')
    """
    titled = [
        (at, title)
        for at, block in enumerate(blocks[:_TITLE_LINES])
        if (title := _CARRIED_TITLE.match(block.text.strip())) and unit_like(title["units"])
    ]
    if not titled:
        return None
    at, title = titled[0]
    kept = [
        i
        for i, b in enumerate(blocks[at + 1 :], start=at + 1)
        if len(b.text.strip()) >= _PARAGRAPH
        and not page_furniture().match(b.text.strip())
        and not _PAGE_STAMP.search(b.text)  # 时间:2020-05-12 15:07 浏览量: the page's, no progress
    ]
    if not kept:
        return None
    body = [blocks[i].text.strip() for i in kept]
    left = tuple(i for i in range(at + 1, len(blocks)) if i not in kept and blocks[i].text.strip())
    task, units = title["task"], title["units"]
    says = re.compile(
        rf".*?{re.escape(units)}(?:牵头)?(?:承担|负责)的?(?P<rest>[^。]+。)(?P<after>.*)"
    )
    for i, paragraph in enumerate(body):
        if restated := says.match(paragraph):  # the body says it again with the task's targets
            task = restated["rest"]
            body[i] = restated["after"].strip()
            break
    ref = blocks[at].source_ref
    item = RawItem("", ref, "", (), cells=(task, units, " ".join(filter(None, body))))
    how = "文件标题写明承担单位与事项（“某单位承担……进展情况”）：标题读作一项，正文为进展。"
    return (item,), ENTRIES_HEADER, how, (at, *left)


def record_reading(
    blocks: list[Block],
) -> tuple[tuple[RawItem, ...], tuple[str, ...], str, tuple[str, ...]] | None:
    """The one item of a page of labelled fields (``record_items``), as ``prose_items`` gives
    it, under a header of its progress and deadline fields, and the places among ``blocks`` of
    its first line and of the lines of its other fields; None if the page is none such."""
    found = record_items(blocks)
    if not found:
        return None
    columns = list(dict.fromkeys(h for record in found for h, _ in record[3]))
    header = (*ENTRIES_HEADER[:3], *columns)
    items = []
    for label, task, units, progress, section, first, _ in found:
        written = dict(progress)
        cells = (task, units, *(written.get(column, "") for column in columns))
        items.append(RawItem(label, blocks[first].source_ref, section, (), cells=cells))
    how = (
        "文件只写一项事项（各栏“名称:内容”）：按栏读出事项、责任单位与进展。"
        if len(found) == 1
        else "文件逐项以相同各栏（“名称:内容”）写出事项：每组读作一项，无编号。"
    )
    others = tuple(at for record in found for at in record[6])
    return tuple(items), header, how, (found[0][5], *others)


def form_item_reading(
    blocks: list[Block],
) -> tuple[tuple[RawItem, ...], tuple[str, ...], str] | None:
    """The records of a form (``form_items``), as ``prose_items`` gives them; None if none."""
    return _read_by(blocks, _FORM_READING)


def _read_by(
    blocks: list[Block], *readings
) -> tuple[tuple[RawItem, ...], tuple[str, ...], str] | None:
    for find, raw_item, header, how in readings:
        found = find(blocks)
        if found:
            return tuple(raw_item(*entry) for entry in found), header, how
    return None


def prose_items(blocks: list[Block]) -> tuple[tuple[RawItem, ...], tuple[str, ...], str] | None:
    """The items of a report that numbers none, read from its prose — named by their number
    (第五项), after their units (县发改局负责的…), listed after a colon each with its units,
    enumerated (一是…二是…), or bulleted — with the columns they are read into and how they
    were read (for the parse report); None when it is none of these."""
    return _read_by(blocks, *_PROSE_READINGS)
