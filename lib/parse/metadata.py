"""Document metadata: title, notice title, issuer, date, document number, place."""

from __future__ import annotations

import re

from lib.parse.blocks import Block

# 发布机构: X  成文日期: Y, or a web page's metadata table 发布机构 | X | 成文日期 | Y
_FIELD = r"\s*[:：|]\s*(?P<value>[^|]+?)(?=\s*\|\s*\S{2,6}\s*\||\s*\|\s*\S{2,6}$|\s+\S{2,6}\s*[:：|]|\s*\|?\s*$)"
_ISSUER = re.compile(r"(?:发布机构|发文机关|发文单位)" + _FIELD)
_DATE_FIELD = re.compile(r"(?:成文日期|发文日期|印发日期)" + _FIELD)
_NUMBER_FIELD = re.compile(r"(?:文号|发文字号)" + _FIELD)
_DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}〔\d{4}〕\d{1,4}号")
_DATE = re.compile(
    r"(?P<y>(?:19|20)\d{2})\s*[-年./]\s*(?P<m>\d{1,2})\s*[-月./]\s*(?P<d>\d{1,2})\s*日?"
)
_NOTICE = re.compile(r"关于.{2,80}的(?:若干|实施|指导)?(?:通知|意见|方案|决定|函|通报|措施)$")
_LIST_WORDS = ("清单", "分解", "分工", "实事", "方案", "任务表", "责任表", "意见")
_PLACE = re.compile(  # at the start of a line: "各省、自治区、直辖市人民政府" names no place
    r"^(?P<place>[\u4e00-\u9fff]{2,6}?)(?:市|县|区|自治州|自治县|旗|省|自治区)(?:人民政府|政府|委员会)"
)


_PLACE_BEFORE_YEAR = re.compile(  # 昆明市2020年…, 嘉兴市2023年度…: a title's place, then its year
    r"^(?P<place>[\u4e00-\u9fff]{2,6}?)(?:市|县|区|自治州|自治县|旗)(?:19|20)\d{2}年"
)


def extract_metadata(preamble: list[Block] | tuple[Block, ...]) -> dict[str, str]:
    """Metadata from the text before the items; keys present only where found.

    ``title`` is the list's own title (the attachment's heading, else the notice's),
    ``notice_title`` the notice's (``…关于印发…的通知``), ``date`` as YYYY-MM-DD.
    """
    lines = _joined_titles([b.text for b in preamble])
    meta: dict[str, str] = {}
    for line in lines:
        for key, pattern in (
            ("issuer", _ISSUER),
            ("date", _DATE_FIELD),
            ("doc_number", _NUMBER_FIELD),
        ):
            match = pattern.search(line)
            if match and key not in meta:
                meta[key] = match["value"].strip()
    if "date" in meta:
        meta["date"] = _iso_date(meta["date"]) or meta["date"]
    else:
        dates = [
            _iso_date(line) for line in lines if len(line) <= 20 and _DATE.fullmatch(line.strip())
        ]
        if dates and dates[-1]:
            meta["date"] = dates[-1]
    if "doc_number" not in meta:
        numbers = [m.group(0) for line in lines if (m := _DOC_NUMBER.search(line))]
        if numbers:
            meta["doc_number"] = numbers[0]
    notice = next((line for line in lines if _NOTICE.search(line) and len(line) <= 120), "")
    if notice:
        meta["notice_title"] = without_site(notice)
    title = _list_title(lines, notice)
    if title:
        meta["title"] = without_site(title)
    place = detect_place(lines)
    if place:
        meta["place"] = place
    return meta


_SITE_SUFFIX = re.compile(r"\s*[-_|｜—]+\s*(?P<site>[^-_|｜—]{2,20})$")


def without_site(title: str) -> str:
    """A page's title without the site's name a web copy puts after it (…的通知-欧洲杯网络平台,
    …完成情况_XX市人民政府): the tail after the last dash, when the title before it names the
    document and the tail names none.

    >>> without_site("六安市人民政府关于2021年重点工作及责任分解的通知-欧洲杯网络平台")
    '六安市人民政府关于2021年重点工作及责任分解的通知'
    >>> without_site("2023年民生实事项目进展情况_瑞安市人民政府"), without_site("重点工作-清单")
    ('2023年民生实事项目进展情况', '重点工作-清单')
    """
    match = _SITE_SUFFIX.search(title)
    if not match:
        return title
    head, site = title[: match.start()], match["site"]
    names = (*_LIST_WORDS, "通知", "情况", "通报", "方案", "意见")
    if any(w in site for w in names) or not any(w in head for w in names):
        return title
    return head


def _joined_titles(lines: list[str]) -> list[str]:
    """A title set over two lines (``国务院关于做好当前和今后一个时期`` / ``促进就业工作的若干意见``)
    as one line, where only the two together read as a notice's title."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            following
            and len(line) <= 60
            and not _NOTICE.search(line)
            and "关于" in line
            and not line.endswith(("。", ":", "：", ";", ","))
            and _NOTICE.search(line + following)
            and len(line + following) <= 120
        ):
            out.append(line + following)
            i += 2
            continue
        out.append(line)
        i += 1
    return out


def _iso_date(text: str) -> str | None:
    match = _DATE.search(text)
    if not match:
        return None
    return f"{match['y']}-{int(match['m']):02d}-{int(match['d']):02d}"


# a report's title: a year, then what it reports (…落实情况的通报, …进展情况表, …进度公示)
_REPORT_TITLE = re.compile(r"(?:19|20)\d{2}.{2,50}(?:通报|情况|情况表|进度表|汇总表|公示)$")
_TAG = re.compile(r"^【[^】]{1,12}】")  # 【重点工作落实】 before a web page's title


def _list_title(lines: list[str], notice: str) -> str:
    """The last short line naming a list (清单, 分解, 实事 …) before the items, else the notice,
    else the first line naming a year's report (2021年度市政府重点工作落实情况的通报)."""
    title = _named_list(lines, notice)
    if title:
        return title
    reports = [_TAG.sub("", line) for line in lines[:10] if ":" not in line and "：" not in line]
    return next((line for line in reports if _REPORT_TITLE.fullmatch(line)), "")


def _named_list(lines: list[str], notice: str) -> str:
    candidates = [
        line
        for line in lines
        if 4 <= len(line) <= 60
        and any(word in line for word in _LIST_WORDS)
        and not line.startswith(("附件", "现将"))
        and line != notice
        and "：" not in line
        and ":" not in line
    ]
    return (candidates[-1] if candidates else notice).strip("*#| ")  # | : a web table's cell end


def detect_place(lines: list[str]) -> str:
    """The place a document comes from (``诸暨市人民政府办公室…`` → 诸暨; else a title that
    opens with its place and year, ``昆明市2020年10件惠民实事`` → 昆明), or "".

    >>> detect_place(["昆明市2020年10件惠民实事"]), detect_place(["2020年10件惠民实事"])
    ('昆明', '')
    """
    for line in lines[:40]:
        match = _PLACE.search(line)
        if match:
            return match["place"]
    for line in lines[:10]:
        match = _PLACE_BEFORE_YEAR.search(line)
        if match:
            return match["place"]
    return ""


_YEAR = re.compile(r"(?:19|20)\d{2}")


def document_year(meta: dict[str, str]) -> str:
    """The year a list is for: the first year in its title (or notice title), else in its date.

    >>> document_year({"title": "2016年为民办15件实事"}), document_year({"title": "重点工作"})
    ('2016', '')
    """
    title = meta.get("title") or meta.get("notice_title") or ""
    found = _YEAR.search(f"{title} {meta.get('date', '')}")
    return found.group(0) if found else ""
