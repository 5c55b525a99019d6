"""Progress reports: what each item's row says of its progress, for which period, and the
status a supervision office records (done, on_track, behind, not_started, unknown), each with
where it came from, so that a person can check it.

A progress report is read as any list (``parse_bytes``): its items and units, and beside them
the row's other columns (``ParsedDocument.notes``: 1-11月推进情况, 是否达序, 说明 …; text after
an item's units in running text). Which of them hold progress, an explicit status or a remark is
decided by the header's ending (``data/progress_headers.csv``); the words that decide a status
are in ``data/progress_phrases.csv``.

Status, in this order:
1. an explicit status column (是否达序: 是 → on_track, 否 → behind; 已完成 → done; a column
   asking whether the item is behind, 是否滞后: 是 → behind, 否 → on_track);
2. words in the progress or remark text, behind first (滞后, 未达序, 较大差距, 未完成), then
   not_started (尚未启动), done (全面完成, 完成全年目标), on_track (序时推进, 正在推进); the
   task's own words only for behind and not_started (a report that writes its progress into
   the item's sentence), since a list's task says what is to be done (确保完成全年目标);
3. a reported figure against the task's target of the same measure and like words: a rate or
   share as it is (target 增长6%, 1-6月 增长5.1%: behind), a quantity pro rata for the months
   the period covers (target 8个, 1-6月 3个: behind, 4 expected; 8个: done);
4. the heading the items stand under, when it names their status (a 督查通报's
   ``8项进展偏慢的市政府重点工作为:``, ``已完成的项目``), or the report's opening that names
   the item among those of one status (``…A、B等7项已完成``: source summary): that status;
5. with progress written and none of those: done when the period is a whole year (a year-end
   report lists what was done and names what fell short), else on_track (reported
   progressing, no delay named);
6. no progress written: unknown, unless an earlier period's column of the same row said
   done (a monthly sheet that leaves the months after 已全面完成 blank): done, from there.
"""

from lib.analyse.progress.columns import column_role
from lib.analyse.progress.matching import (
    FEW_MATCHED,
    likely_bases,
    match_to_base,
    matched_share,
    share_on_base,
    sub_items,
)
from lib.analyse.progress.periods import reporting_period
from lib.analyse.progress.reading import (
    PROGRESS_COLUMNS,
    latest_status,
    progress_rows,
    read_progress,
)
from lib.analyse.progress.status import judge
from lib.analyse.progress.summaries import (
    base_statuses,
    behind_per_period,
    lagging_items,
    period_words,
    progress_sentence,
    status_over_time,
    unit_lagging_items,
    unit_status_counts,
    unit_trend,
    with_unreported,
)

__all__ = [
    "FEW_MATCHED",
    "PROGRESS_COLUMNS",
    "base_statuses",
    "behind_per_period",
    "column_role",
    "judge",
    "lagging_items",
    "latest_status",
    "likely_bases",
    "match_to_base",
    "matched_share",
    "period_words",
    "progress_rows",
    "progress_sentence",
    "read_progress",
    "reporting_period",
    "share_on_base",
    "status_over_time",
    "sub_items",
    "unit_lagging_items",
    "unit_status_counts",
    "unit_trend",
    "with_unreported",
]
