"""The list library on SQLite and, when ``ZRQD_TEST_POSTGRES_URL`` names one (``.ci/run``
starts a throw-away cluster), on PostgreSQL: migrations, storing, reading back, renaming,
removing, re-parsing, and writes that are all or nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import create_engine, inspect, text, update

from lib.analyse.review import Rule
from lib.parse.errors import ListError
from lib.store import library
from lib.store.db import HEAD, _engine, library_engine, migrate
from lib.store.models import Base, Document
from tests.conftest import BUNDLED, FIXTURES, ROOT

POSTGRES = os.environ.get("ZRQD_TEST_POSTGRES_URL", "")
REQUIRED = os.environ.get("REQUIRE_POSTGRES") == "1"
SAMPLE = sorted((FIXTURES / "samples").glob("0*.txt"))[0]


def _fresh_postgres() -> str:
    """A new, empty database in the test cluster, so that tests never see each other's rows."""
    name = "t" + uuid.uuid4().hex[:12]
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return POSTGRES.replace("/postgres?", f"/{name}?")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'library.sqlite3'}"
    if not POSTGRES:
        if REQUIRED:
            pytest.fail("ZRQD_TEST_POSTGRES_URL is not set although REQUIRE_POSTGRES=1")
        pytest.skip("no PostgreSQL for the tests (ZRQD_TEST_POSTGRES_URL)")
    return _fresh_postgres()


def test_the_migrations_make_the_schema_the_models_describe(url) -> None:
    engine = create_engine(url)
    migrate(engine)
    found = inspect(engine)
    for table in Base.metadata.sorted_tables:
        columns = {column["name"] for column in found.get_columns(table.name)}
        assert columns == {column.name for column in table.columns}, table.name
    migrate(engine)  # again: nothing to do, nothing breaks
    with engine.connect() as connection:
        assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD
    engine.dispose()


def test_a_list_is_stored_once_and_reads_back_as_parsed(url) -> None:
    engine = library_engine(url)
    data = BUNDLED.read_bytes()
    doc, new = library.add(engine, data, "清单.txt")
    assert new and library.add(engine, data, "同一文件.txt")[1] is False
    [entry] = library.entries(engine)
    assert (entry.doc_id, entry.place, entry.year) == (doc.doc_id, "诸暨", "2023")
    assert (entry.item_count, entry.unit_count, entry.file_name) == (97, 59, "清单.txt")
    assert library.source_bytes(engine, doc.doc_id) == data
    items, assignments = library.stored_tables(engine, doc.doc_id)
    pd.testing.assert_frame_equal(items, doc.items, check_dtype=False)
    pd.testing.assert_frame_equal(assignments, doc.assignments, check_dtype=False)
    with engine.connect() as connection:
        targets = connection.execute(text("SELECT count(*) FROM targets")).scalar()
    assert targets == 76  # the bundled list's measurable targets (README)


def test_rename_and_remove(url) -> None:
    engine = library_engine(url)
    doc, _ = library.add(engine, BUNDLED.read_bytes(), "清单.txt")
    other, _ = library.add(engine, SAMPLE.read_bytes(), SAMPLE.name)
    library.rename(engine, doc.doc_id, "  诸暨 2023  年 ")
    assert library.entry(engine, doc.doc_id).display_name == "诸暨 2023 年"
    with pytest.raises(ListError):
        library.rename(engine, doc.doc_id, "   ")
    assert library.remove(engine, doc.doc_id) and not library.remove(engine, doc.doc_id)
    assert [e.doc_id for e in library.entries(engine)] == [other.doc_id]
    assert library.source_bytes(engine, doc.doc_id) is None
    with engine.connect() as connection:  # every row made from it went with it
        for table in ("items", "assignments", "targets", "source_files"):
            rows = connection.execute(
                text(f"SELECT count(*) FROM {table} WHERE doc_id = :d"), {"d": doc.doc_id}
            ).scalar()
            assert rows == 0, table


def test_a_refused_file_stores_nothing(url) -> None:
    engine = library_engine(url)
    with pytest.raises(ListError):
        library.add(engine, "这不是一份清单。".encode(), "随笔.txt")
    assert library.count(engine) == 0


def test_a_list_stored_by_an_older_parser_is_read_again(url) -> None:
    engine = library_engine(url)
    doc, _ = library.add(engine, BUNDLED.read_bytes(), "清单.txt")
    with engine.begin() as connection:
        connection.execute(update(Document).values(parser_version="0", item_count=1))
        connection.execute(text("DELETE FROM assignments"))
    assert library.refresh(engine, doc.doc_id)
    assert not library.refresh(engine, doc.doc_id)  # now current: nothing to do
    entry = library.entry(engine, doc.doc_id)
    assert entry.item_count == 97 and entry.file_name == "清单.txt"
    assert len(library.stored_tables(engine, doc.doc_id)[1]) == len(doc.assignments)


def test_the_same_file_added_at_once_is_stored_once_and_both_land(url) -> None:
    engine = library_engine(url)
    results: list[bool] = []
    files = [BUNDLED.read_bytes(), BUNDLED.read_bytes(), SAMPLE.read_bytes()]
    threads = [
        threading.Thread(target=lambda data=data: results.append(library.add(engine, data, "x")[1]))
        for data in files
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == [False, True, True]
    assert library.count(engine) == 2


KILLED_WRITER = """
import os, sys, time
import lib.store.library as library
from lib.store.db import library_engine
original = library._insert_rows
def slow(connection, doc):
    original(connection, doc)
    print("rows written", flush=True)
    time.sleep(60)  # killed here: the transaction never commits
library._insert_rows = slow
library.add(library_engine(sys.argv[1]), open(sys.argv[2], "rb").read(), "清单.txt")
"""


def test_a_writer_killed_mid_upload_leaves_the_library_as_it_was(url) -> None:
    engine = library_engine(url)
    library.add(engine, SAMPLE.read_bytes(), SAMPLE.name)
    writer = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, url, str(BUNDLED)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert writer.stdout.readline().strip() == "rows written"
    finally:
        writer.kill()
        writer.wait(timeout=60)
    _engine.cache_clear()  # a new process's view of the library
    engine = library_engine(url)
    assert [e.file_name for e in library.entries(engine)] == [SAMPLE.name]
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM items")).scalar() == len(
            library.stored_tables(engine, library.entries(engine)[0].doc_id)[0]
        )
    doc, new = library.add(engine, BUNDLED.read_bytes(), "清单.txt")  # and it takes the list now
    assert new and library.count(engine) == 2


def test_the_default_library_is_a_file_in_the_data_folder(monkeypatch, tmp_path) -> None:
    from lib.store.db import database_url

    monkeypatch.delenv("ZRQD_DATABASE_URL", raising=False)
    monkeypatch.setenv("ZRQD_DATA_DIR", str(tmp_path / "库"))
    assert database_url() == f"sqlite:///{tmp_path / '库' / 'library.sqlite3'}"
    assert (tmp_path / "库").is_dir()
    monkeypatch.setenv("ZRQD_DATABASE_URL", "postgresql+psycopg://u@/db?host=/tmp")
    assert database_url() == "postgresql+psycopg://u@/db?host=/tmp"


def test_nothing_in_the_library_uses_the_uploaded_file_name_as_a_path() -> None:
    source = (Path(ROOT) / "lib" / "store" / "library.py").read_text(encoding="utf-8")
    assert "open(" not in source and "Path(" not in source


def test_the_command_line_adds_lists_and_removes(monkeypatch, tmp_path, capsys) -> None:
    from lib.cli import main

    monkeypatch.setenv("ZRQD_DATA_DIR", str(tmp_path))
    assert main(["library", "add", str(BUNDLED), str(SAMPLE), str(BUNDLED)]) == 0
    added = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert [state for _, state, _ in added] == ["已存入", "已存入", "已在库中"]
    assert main(["library", "list"]) == 0
    listed = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert sorted(row[0] for row in listed) == sorted({added[0][0], added[1][0]})
    assert main(["library", "remove", added[0][0]]) == 0
    assert main(["library", "remove", added[0][0]]) == 2
    assert capsys.readouterr().err.strip() == f"清单库中没有编号为 {added[0][0]} 的清单。"
    assert main(["library", "add", str(tmp_path / "没有.txt")]) == 3
    monkeypatch.setenv("ZRQD_DATABASE_URL", "postgresql+psycopg://u@/db?host=/nonexistent")
    assert main(["library", "list"]) == 3
    assert "无法打开清单库" in capsys.readouterr().err


def test_an_older_library_is_upgraded_with_its_lists_kept(url) -> None:
    engine = create_engine(url)
    migrate(engine, "0001")  # the library as the previous version left it
    doc, _ = library.add(engine, BUNDLED.read_bytes(), "清单.txt")
    assert "corrections" not in inspect(engine).get_table_names()
    migrate(engine)
    assert "corrections" in inspect(engine).get_table_names()
    assert [e.doc_id for e in library.entries(engine)] == [doc.doc_id]
    assert len(library.stored_tables(engine, doc.doc_id)[1]) == len(doc.assignments)
    engine.dispose()


def test_corrections_are_kept_per_place_replaced_and_undone(url) -> None:
    from lib.store import corrections

    engine = library_engine(url)
    with pytest.raises(ListError):
        corrections.add_mapping(engine, "诸暨", "开发委", "发改局", "  ")  # who made it?
    corrections.add_mapping(engine, "诸暨", "开发委", "发改局", "王科员")
    corrections.add_mapping(engine, "诸暨", "人行", "人民银行", "王科员")
    corrections.add_mapping(engine, "诸暨", "开发委", "开发区管委会", "李科长")  # replaces
    corrections.add_mapping(engine, "柯桥", "开发委", "经信局", "赵科员")
    assert corrections.mappings(engine, "诸暨") == {"人行": "人民银行", "开发委": "开发区管委会"}
    assert corrections.mappings(engine, "柯桥") == {"开发委": "经信局"}
    history = corrections.history(engine, "诸暨")
    assert [(m.rule.name, m.author, m.undone_at is None) for m in history] == [
        ("开发委", "李科长", True),
        ("人行", "王科员", True),
        ("开发委", "王科员", False),
    ]
    corrections.undo(engine, history[0].id)
    assert corrections.mappings(engine, "诸暨") == {"人行": "人民银行"}
    assert len(corrections.history(engine, "诸暨")) == 3  # undone, not forgotten


def test_the_library_knows_the_newest_migration() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from lib.store.db import HEAD, MIGRATIONS

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD


def test_corrections_made_before_kinds_were_kept_survive_the_upgrade(url) -> None:
    from lib.store import corrections

    engine = create_engine(url)
    migrate(engine, "0002")  # corrections were mappings only
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO corrections (scope, action, name, target, author, made_at)"
                " VALUES ('诸暨', 'map', '开发委', '发改局', '王科员', CURRENT_TIMESTAMP)"
            )
        )
    migrate(engine)
    assert corrections.rules(engine, "诸暨") == (Rule("map", "开发委", "发改局", ""),)
    engine.dispose()


def test_every_kind_of_correction_is_kept_and_a_merge_replaces_only_a_merge(url) -> None:
    from lib.store import corrections

    engine = library_engine(url)
    kept = [
        Rule("accept", "开发委", "开发委", "department"),
        Rule("accept", "各有关方面", "各有关方面", "collective"),
        Rule("rename", "财政局", "市财政局"),
        Rule("merge", "经信局各相关单位", "经信局各相关单位", "collective"),
    ]
    assert corrections.add_all(engine, "诸暨", kept, "王科员") == 4
    corrections.add(engine, "诸暨", Rule("merge", "财政局", "财政局"), "王科员")
    assert corrections.rules(engine, "诸暨") == (*kept, Rule("merge", "财政局", "财政局"))
    corrections.add(engine, "诸暨", Rule("map", "开发委", "发改局"), "李科长")  # replaces it
    assert kept[0] not in corrections.rules(engine, "诸暨")
    for bad in (
        Rule("accept", "开发委", "开发委", "县政府"),  # no such kind
        Rule("rename", "财政局", " 财政局 "),  # the same name
        Rule("rename", "财政局", "局" * 61),  # no unit is that long
    ):
        with pytest.raises(ListError):
            corrections.add(engine, "诸暨", bad, "王科员")
    with pytest.raises(ListError):  # all or none: the good rule before the bad one is not kept
        corrections.add_all(engine, "柯桥", [kept[0], Rule("map", "甲", "甲")], "王科员")
    assert corrections.rules(engine, "柯桥") == ()
    history = corrections.history(engine, "诸暨")
    assert [made.rule.action for made in history][:2] == ["map", "merge"]
    assert [made.undone_at is None for made in history].count(False) == 1


def test_progress_reports_are_kept_with_their_base_and_period(url) -> None:
    import datetime

    from lib.analyse.progress import read_progress
    from lib.store import reports
    from tests.test_progress import bundled_report

    engine = library_engine(url)
    base, data = bundled_report()
    stored_base, _ = library.add(engine, BUNDLED.read_bytes(), "清单.txt")
    report, rows = read_progress(data, "进度.xlsx")  # a report naming no unit
    period = ("1-6月", datetime.date(2023, 1, 1), datetime.date(2023, 6, 30))
    doc_id = reports.add(engine, data, "进度.xlsx", report, stored_base.doc_id, period)
    assert reports.add(engine, data, "又一次.xlsx", report, stored_base.doc_id, period) == doc_id
    [kept] = reports.of_base(engine, stored_base.doc_id)
    assert (kept.doc_id, kept.period_label, kept.period_end) == (doc_id, "1-6月", period[2])
    assert reports.report_ids(engine) == {doc_id}
    assert library.source_bytes(engine, doc_id) == data
    library.remove(engine, stored_base.doc_id)  # the base goes; its report stays, without one
    assert [r.base_doc_id for r in reports.every(engine)] == [None]
    library.add(engine, BUNDLED.read_bytes(), "清单.txt")
    reports.add(engine, data, "进度.xlsx", report, stored_base.doc_id, period)
    assert reports.remove_of_base(engine, stored_base.doc_id) == 1
    assert reports.every(engine) == [] and library.source_bytes(engine, doc_id) is None
    engine.dispose()


def test_an_upload_kept_as_a_progress_report_says_where_it_is(url) -> None:
    """The sidebar offers lists only: a file already kept as a report of a list, uploaded as a
    list, would not open. The app says where it is and how to view it as a list instead."""
    import datetime

    from lib.analyse.progress import read_progress
    from lib.app import shelf
    from lib.store import reports
    from tests.test_progress import bundled_report

    engine = library_engine(url)
    _, data = bundled_report()
    stored_base, _ = library.add(engine, BUNDLED.read_bytes(), "清单.txt")
    report, _ = read_progress(data, "进度.xlsx")
    period = ("1-6月", datetime.date(2023, 1, 1), datetime.date(2023, 6, 30))
    doc_id = reports.add(engine, data, "进度.xlsx", report, stored_base.doc_id, period)
    note = shelf.kept_as_report(engine, doc_id, "进度.xlsx")
    [entry] = [e for e in library.entries(engine) if e.doc_id == stored_base.doc_id]
    assert note.startswith(f"《进度.xlsx》已作为《{shelf.label(entry)}》的进度报告存入清单库")
    assert "进度督查" in note and "移除" in note
    assert shelf.kept_as_report(engine, stored_base.doc_id, "清单.txt") == ""
    engine.dispose()
