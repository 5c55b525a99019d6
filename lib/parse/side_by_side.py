"""Two tables side by side in one sheet or page (序号 主要工作 责任单位 | 序号 主要工作 责任单位):
read as the left table, then the right one, instead of rows of two items each."""

from __future__ import annotations

from lib.parse.blocks import CELLS, Block
from lib.parse.headers import header_role


def split_side_by_side(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each run of side-by-side table rows read left table first.

    A header row whose roles repeat from some column on (label, task, units … then label,
    task, units …) starts a run; the table rows after it, up to the first line of text or the
    next header, are cut at that column.

    >>> rows = [Block("", "A1", ("序号", "主要工作", "责任单位", "序号", "主要工作", "责任单位")),
    ...         Block("", "A2", ("1", "任务一", "发改局", "5", "任务五", "民政局"))]
    >>> [b.cells for b in split_side_by_side(rows)]
    [('序号', '主要工作', '责任单位'), ('1', '任务一', '发改局'), ('序号', '主要工作', '责任单位'), ('5', '任务五', '民政局')]
    """
    if not any(map(CELLS, blocks)):  # lines of text: no table to cut
        return blocks
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        cut = _repeat_at(block.cells) if block.cells else 0
        if not cut:
            out.append(block)
            index += 1
            continue
        run = [block]
        index += 1
        while index < len(blocks) and blocks[index].cells and not _repeat_at(blocks[index].cells):
            run.append(blocks[index])
            index += 1
        left = [_part(b, b.cells[:cut], b.source_ref) for b in run]
        right = [_part(b, b.cells[cut:], f"{b.source_ref}(右)") for b in run]
        out += left + [b for b in right if any(c.strip() for c in b.cells)]
    return out


def _repeat_at(cells: tuple[str, ...]) -> int:
    """The column where a header row's roles start over, or 0 when they do not."""
    roles = [header_role(cell) if cell.strip() else None for cell in cells]
    named = [r for r in roles if r]
    if len(named) < 4 or roles[0] is None:
        return 0
    for cut in range(2, len(roles) - 1):
        left, right = roles[:cut], roles[cut:]
        if (
            roles[cut] == roles[0]
            and right[: len(left)] == left[: len(right)]
            and {"units", "lead"} & set(left)
        ):
            return cut
    return 0


def _part(block: Block, cells: tuple[str, ...], ref: str) -> Block:
    cells = tuple(cells)
    while cells and not cells[-1].strip():
        cells = cells[:-1]
    return Block(" | ".join(cells), ref, cells)
