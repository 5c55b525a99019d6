"""Command line: export the tables of a list, print its parse report.

    python -m lib.cli export SOURCE [--table assignments|items|targets] [--format csv|xlsx]
                                    [--headers zh|en] [-o OUT]
    python -m lib.cli report SOURCE
    python -m lib.cli keywords SOURCE [--method tfidf|textrank] [--top K] [--unit NAME]
    python -m lib.cli sheets SOURCE [--unit NAME] [--format xlsx|docx] -o OUT
    python -m lib.cli brief SOURCE -o OUT.docx
    python -m lib.cli compare A B [-o OUT.xlsx]
    python -m lib.cli progress REPORT [--base DOC_ID|SOURCE] [--headers zh|en] [-o OUT]
    python -m lib.cli library add SOURCE… | list | remove DOC_ID
    (all take --convention marker|inline-label|label-lines|columns|legend-first|state-council|flattened)

Exit codes: 0 done, 2 usage, 3 unreadable source, 4 no items found. Errors are one
Chinese line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import os
import re
import sys
from pathlib import Path
from typing import NoReturn

from lib.parse.conventions import CONVENTIONS
from lib.parse.errors import EXIT_NO_ITEMS, EXIT_USAGE, ListError
from lib.parse.pipeline import parse_bytes, parse_path, read_path
from lib.write.export import to_csv_bytes, to_xlsx_bytes
from lib.write.report import report_text

# argparse's usage messages (Python 3.11+), said in Chinese; what they quote stays as typed
_USAGE_WORDS = (
    (r"argument command: invalid choice: (.+?) \(choose from (.+)\)", r"没有子命令 \1，可选 \2"),
    (r"the following arguments are required: (.+)", r"缺少参数 \1"),
    (r"unrecognized arguments: (.+)", r"无法识别的参数 \1"),
    (r"one of the arguments (.+) is required", r"参数 \1 须给出其一"),
    (r"ambiguous option: (\S+) could match (.+)", r"选项 \1 不明确，可能是 \2"),
    (
        r"argument (\S+): invalid choice: (.+?) \(choose from (.+)\)",
        r"参数 \1 的取值 \2 无效，可选 \3",
    ),
    (r"argument (\S+): invalid (\w+) value: (.+)", r"参数 \1 的取值 \3 无效"),
    (r"argument (\S+): expected one argument", r"参数 \1 后须跟一个值"),
    (r"argument (\S+): expected at least one argument", r"参数 \1 后须跟至少一个值"),
    (r"argument (\S+): not allowed with argument (\S+)", r"参数 \1 不能与 \2 同用"),
    (r"argument (\S+): ignored explicit argument (.+)", r"参数 \1 不接受取值 \2"),
)


def usage_in_chinese(message: str) -> str:
    """An argparse usage message in Chinese (one it does not know, as it is).

    >>> usage_in_chinese("argument --headers: invalid choice: 'xx' (choose from 'zh', 'en')")
    "参数 --headers 的取值 'xx' 无效，可选 'zh', 'en'"
    >>> usage_in_chinese("the following arguments are required: source")
    '缺少参数 source'
    """
    for pattern, words in _USAGE_WORDS:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, words, message)
    return message


# argparse's own words in --help, said in Chinese
_HELP_WORDS = (
    ("usage: ", "用法："),
    ("positional arguments:", "位置参数："),
    ("options:", "选项："),
    ("show this help message and exit", "显示本帮助并退出"),
)


def _in_chinese(text: str) -> str:
    for english, chinese in _HELP_WORDS:
        text = text.replace(english, chinese)
    return text


class _Parser(argparse.ArgumentParser):
    """argparse, but usage errors are one Chinese line and exit code 2, and its help is in
    Chinese."""

    def format_help(self) -> str:
        return _in_chinese(super().format_help())

    def format_usage(self) -> str:
        return _in_chinese(super().format_usage())

    def error(self, message: str) -> NoReturn:
        said = usage_in_chinese(message)
        raise ListError(f"命令用法有误：{said}（用 --help 查看用法）", EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="python -m lib.cli",
        description="责任清单看板的命令行：导出表格、打印解析报告、生成各单位任务清单和简报。",
    )
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    export = commands.add_parser("export", help="导出事项表或责任分工表（CSV/XLSX）")
    export.add_argument("source", help="清单文件")
    export.add_argument(
        "--table",
        choices=("assignments", "items", "targets"),
        default="assignments",
        help="导出哪张表：assignments 责任分工（默认）、items 事项、targets 量化目标",
    )
    export.add_argument(
        "--format", choices=("csv", "xlsx"), default=None, help="默认取 -o 的后缀，否则为 csv"
    )
    export.add_argument(
        "--headers", choices=("zh", "en"), default="zh", help="表头：zh 中文（默认）或 en 英文"
    )
    export.add_argument(
        "-o", "--output", default=None, help="输出文件；省略时写到标准输出（仅 CSV）"
    )
    report = commands.add_parser("report", help="打印解析报告")
    report.add_argument("source", help="清单文件")
    keywords = commands.add_parser("keywords", help="打印关键词（每行：关键词<TAB>权重）")
    keywords.add_argument("source", help="清单文件")
    keywords.add_argument(
        "--method", choices=("tfidf", "textrank"), default="tfidf", help="关键词算法（默认 tfidf）"
    )
    keywords.add_argument("--top", type=int, default=20, help="打印前几个关键词（默认 20）")
    keywords.add_argument("--unit", default=None, help="只看这个单位与其他单位相比的特色关键词")
    sheets = commands.add_parser(
        "sheets", help="各单位任务清单：一个单位，或全部单位（XLSX 工作簿 / DOCX 的 ZIP）"
    )
    sheets.add_argument("source", help="清单文件")
    sheets.add_argument("--unit", default=None, help="只生成这个单位的清单")
    sheets.add_argument(
        "--format",
        choices=("xlsx", "docx"),
        default=None,
        help="默认取 -o 的后缀（.xlsx/.docx；.zip 为 docx），否则为 xlsx",
    )
    sheets.add_argument("-o", "--output", required=True, help="输出文件")
    brief = commands.add_parser("brief", help="全清单一页简报（DOCX）")
    brief.add_argument("source", help="清单文件")
    brief.add_argument("-o", "--output", required=True, help="输出文件（.docx）")
    compare = commands.add_parser(
        "compare", help="对比两份清单（甲、乙）：各单位事项与牵头的增减、事项延续/新增/不再列出"
    )
    compare.add_argument("first", help="清单甲（如上一年）")
    compare.add_argument("second", help="清单乙（如本年）")
    compare.add_argument("-o", "--output", help="输出 Excel 文件（三张表）；不给则打印各单位增减")
    progress = commands.add_parser(
        "progress", help="读取进度报告：各事项各期的进度状态（已完成/序时推进/滞后/未启动）与依据"
    )
    progress.add_argument("report", help="进度报告文件（进展情况表、完成情况汇总表等）")
    progress.add_argument(
        "--base", default=None, help="基准清单：清单库中的编号，或清单文件；给出时按事项对应"
    )
    progress.add_argument(
        "--headers", choices=("zh", "en"), default="zh", help="表头：zh 中文（默认）或 en 英文"
    )
    progress.add_argument(
        "--units",
        action="store_true",
        help="改为打印各单位承担事项按进度状态的件数（需 --base；每行：单位<TAB>滞后<TAB>未启动"
        "<TAB>序时推进<TAB>已完成<TAB>无法判断<TAB>合计）",
    )
    progress.add_argument(
        "-o",
        "--output",
        default=None,
        help="输出文件（.csv 或 .xlsx；Excel 另有未对应的事项）；省略时以 CSV 写到标准输出",
    )
    shelf = commands.add_parser(
        "library", help="清单库（与看板共用：ZRQD_DATABASE_URL 或 ZRQD_DATA_DIR）"
    )
    actions = shelf.add_subparsers(dest="action", required=True, parser_class=_Parser)
    add = actions.add_parser("add", help="存入一份或多份清单")
    add.add_argument("sources", nargs="+", help="清单文件")
    actions.add_parser("list", help="列出清单库中的清单（每行：编号<TAB>名称<TAB>事项<TAB>单位）")
    remove = actions.add_parser("remove", help="删除一份清单及由它得到的全部数据")
    remove.add_argument("doc_id", help="清单编号（library list 的第一列）")
    for command in (export, report, keywords, sheets, brief):
        command.add_argument(
            "--convention",
            choices=CONVENTIONS,
            default=None,
            help="指定清单的格式约定（默认自动识别）",
        )
    return parser


def run(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "library":
        return _library(args)
    if args.command == "compare":
        return _compare(args)
    if args.command == "progress":
        return _progress(args)
    doc = parse_path(args.source, args.convention)
    if args.command == "report":
        sys.stdout.write(report_text(doc) + "\n")
        return 0
    if args.command == "keywords":
        return _print_keywords(doc, args)
    if args.command in ("sheets", "brief"):
        _write(
            args.output,
            _sheets_payload(doc, args) if args.command == "sheets" else _brief_payload(doc),
        )
        return 0
    fmt = args.format or _format_from_suffix(args.output)
    if args.table == "targets":
        from lib.analyse.filters import select
        from lib.analyse.targets import targets_table

        table = targets_table(select(doc))
    else:
        table = doc.items if args.table == "items" else doc.assignments
    if fmt == "xlsx" and not args.output:
        raise ListError("XLSX 不能写到标准输出：请用 -o 指定输出文件。", EXIT_USAGE)
    payload = (
        to_xlsx_bytes(table, args.headers) if fmt == "xlsx" else to_csv_bytes(table, args.headers)
    )
    _emit(args.output, payload)
    return 0


def _emit(output: str | None, payload: bytes) -> None:
    """Write ``payload`` to ``output``, or to standard output without one."""
    if output:
        _write(output, payload)
    else:
        sys.stdout.buffer.write(payload)
        sys.stdout.buffer.flush()


def _write(output: str, payload: bytes) -> None:
    try:
        Path(output).write_bytes(payload)
    except OSError:
        raise ListError(f"无法写入输出文件 {output}。", EXIT_USAGE) from None


def _sheets_payload(doc, args: argparse.Namespace) -> bytes:
    from lib.analyse.sheets import build_sheets
    from lib.write.sheet_files import sheet_docx, sheets_xlsx, sheets_zip

    suffix = Path(args.output).suffix.lower()
    fmt = args.format or {".docx": "docx", ".zip": "docx"}.get(suffix, "xlsx")
    book = build_sheets(doc)
    if not book.sheets:
        raise ListError("清单中没有具体的责任单位，无法生成各单位任务清单。", EXIT_NO_ITEMS)
    if args.unit is None:
        return sheets_xlsx(book) if fmt == "xlsx" else sheets_zip(book)
    units = [sheet.unit for sheet in book.sheets]
    if args.unit not in units:
        near = [u for u in units if args.unit in u or u in args.unit][:5]
        hint = f"，是否指：{'、'.join(near)}" if near else "（用 export 查看单位名称）"
        raise ListError(f"清单中没有单位“{args.unit}”{hint}。", EXIT_USAGE)
    return sheets_xlsx(book, [args.unit]) if fmt == "xlsx" else sheet_docx(book, args.unit)


def _brief_payload(doc) -> bytes:
    from lib.analyse.sheets import build_brief
    from lib.write.sheet_files import brief_docx

    return brief_docx(build_brief(doc))


def _print_keywords(doc, args: argparse.Namespace) -> int:
    from lib.analyse.keywords import keywords_of, unit_keywords  # jieba loads only for this command

    place = doc.meta.get("place", "")
    if args.top < 1:
        raise ListError("--top 必须是正整数。", EXIT_USAGE)
    if args.unit:
        if args.unit not in set(doc.assignments["unit"]):
            raise ListError(f"清单中没有单位“{args.unit}”。", EXIT_USAGE)
        table = unit_keywords(doc.items, doc.assignments, args.unit, place, args.top)
    else:
        table = keywords_of(
            doc.items,
            doc.assignments,
            doc.items,
            set(doc.assignments["unit"]),
            place,
            args.method,
            args.top,
        )
    sys.stdout.write("".join(f"{row.keyword}\t{row.weight:g}\n" for row in table.itertuples()))
    return 0


def _format_from_suffix(output: str | None) -> str:
    if output and Path(output).suffix.lower() == ".xlsx":
        return "xlsx"
    return "csv"


def _compare(args) -> int:
    """compare A B: per unit items and leads in each; with -o, a workbook of three sheets."""
    from lib.analyse.compare import item_matches, theme_changes, unit_changes
    from lib.write.export import to_xlsx_sheets

    first, second = parse_path(args.first), parse_path(args.second)
    units = unit_changes(first, second)
    if not args.output:
        sys.stdout.write("单位\t事项（甲）\t事项（乙）\t增减\t牵头（甲）\t牵头（乙）\t增减\n")
        for row in units.itertuples(index=False):
            sys.stdout.write("\t".join(str(v) for v in row) + "\n")
        return 0
    sheets = {
        "单位变化": units,
        "事项对应": item_matches(first, second),
        "主题变化": theme_changes(first, second),
    }
    conditions = [("清单甲", Path(args.first).name), ("清单乙", Path(args.second).name)]
    _write(args.output, to_xlsx_sheets(sheets, conditions))
    return 0


def _progress(args) -> int:
    """progress REPORT [--base …]: one row per item and period, with its status and why."""
    from lib.analyse.progress import (
        base_statuses,
        match_to_base,
        read_progress,
        unit_status_counts,
    )
    from lib.parse.metadata import document_year
    from lib.write.export import to_xlsx_sheets

    if args.units and not args.base:
        raise ListError("--units 需要用 --base 指定基准清单。", EXIT_USAGE)
    path = Path(args.report)
    base = _base_document(args.base) if args.base else None
    year = document_year(base.meta) if base is not None else ""  # for a report naming none
    report, rows = read_progress(read_path(path), path.name, year)
    sheets = {}
    if base is not None:
        rows, uncovered = match_to_base(rows, report, base)
        sheets["进度表中未对应的事项"] = rows[rows["item_no"].isna()]
        sheets["基准清单中未报进度的事项"] = uncovered
        if args.units:
            counts = unit_status_counts(base.assignments, base_statuses(rows))
            for row in counts.itertuples(index=False):
                sys.stdout.write("\t".join(str(v) for v in row) + "\n")
            return 0
    fmt = _format_from_suffix(args.output)
    if fmt == "xlsx":
        conditions = [("进度报告", path.name), ("基准清单", args.base or "（未指定）")]
        _write(args.output, to_xlsx_sheets({"进度": rows, **sheets}, conditions))
        return 0
    _emit(args.output, to_csv_bytes(rows, args.headers))
    return 0


def _base_document(base: str):
    """The base list: a file, else a list stored in the library by its number."""
    path = Path(base)
    if path.exists():
        return parse_path(path)
    from lib.store import library
    from lib.store.db import library_engine

    data = library.source_bytes(library_engine(), base)
    if data is None:
        raise ListError(f"基准清单“{base[:40]}”既不是文件，也不在清单库中。", EXIT_USAGE)
    return parse_bytes(data, library.entry(library_engine(), base).file_name)


def _library(args) -> int:
    """library add / list / remove on the app's library (the same variables)."""
    from sqlalchemy.exc import SQLAlchemyError

    from lib.store import library
    from lib.store.db import URL_VARIABLE, library_engine

    try:
        engine = library_engine()
    except (SQLAlchemyError, OSError):
        raise ListError(f"无法打开清单库：请检查 {URL_VARIABLE} 或数据目录。", 3) from None
    if args.action == "add":
        for source in args.sources:
            path = Path(source)
            try:
                data = path.read_bytes()
            except OSError:
                raise ListError(f"无法读取文件 {source}。", 3) from None
            doc, new = library.add(engine, data, path.name)
            state = "已存入" if new else "已在库中"
            sys.stdout.write(f"{doc.doc_id}\t{state}\t{path.name}\n")
    elif args.action == "list":
        for entry in library.entries(engine):
            sys.stdout.write(
                f"{entry.doc_id}\t{entry.display_name}\t{entry.item_count}\t{entry.unit_count}\n"
            )
    elif not library.remove(engine, args.doc_id):
        raise ListError(f"清单库中没有编号为 {args.doc_id} 的清单。", 2)
    return 0


def main(argv: list[str] | None = None) -> int:
    try:
        return run(sys.argv[1:] if argv is None else argv)
    except ListError as error:
        sys.stderr.write(error.message.replace("\n", " ") + "\n")
        return error.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("已中断。\n")
        return 130
    except BrokenPipeError:  # the reader of our output went away (| head): nothing to say
        return 0
    except OSError as error:  # writing the output failed: a full disk, a closed stream
        reason = {
            errno.ENOSPC: "磁盘已满",
            errno.EACCES: "没有写入权限",
            errno.EROFS: "磁盘只读",
        }.get(error.errno, "写入失败")
        sys.stderr.write(f"无法写出结果：{reason}。\n")
        return 3
    except Exception as error:  # a bug of ours: still one line, never a traceback
        if os.environ.get("LIST_DEBUG"):
            raise
        sys.stderr.write(
            f"内部错误（{type(error).__name__}），请把文件反馈给维护者；设置 LIST_DEBUG=1 可查看详情。\n"
        )
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
