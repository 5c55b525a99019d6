"""Every page with Streamlit's AppTest, on the bundled list."""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app import PAGES as APP_PAGES
from lib.analyse.filters import select
from lib.analyse.tables import overview_kpis
from lib.app.frame import LINK_NOT_LOADED
from lib.parse.errors import ListError
from tests.conftest import FIXTURES, ROOT

PAGES = [f"pages/{name}" for name, _, _ in APP_PAGES]


@pytest.fixture(autouse=True)
def clear_caches() -> None:
    st.cache_data.clear()
    st.cache_resource.clear()


def _frame_and_page(page: str) -> None:
    """The app's own frame (app.main), opening on ``page``.

    AppTest 1.67 does not rerun app.py itself after its first run (a rerun goes to the page
    alone, skipping the frame), so widget interactions run through this entry instead; app.py
    is tested on its first run here and fully in the browser tests.
    """
    from app import main

    main(default=page, position="hidden")


def run_app(page: str = "pages/overview.py", **query: str | list[str]) -> AppTest:
    app = AppTest.from_function(
        _frame_and_page,
        default_timeout=60,
        kwargs={"page": page.removeprefix("pages/")},
    )
    app.query_params.update(query)
    app.run()
    assert not app.exception, app.exception
    return app


def run_on_fixture(page: str, source: str, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    """``page`` with ``tests/fixtures/<source>`` in place of the bundled list."""
    import lib.app.frame

    monkeypatch.setattr(lib.app.frame, "DATA_DIR", FIXTURES)
    monkeypatch.setattr(lib.app.frame, "BUNDLED_NAME", source)
    st.cache_data.clear()
    app = AppTest.from_function(
        _frame_and_page, default_timeout=60, kwargs={"page": page.removeprefix("pages/")}
    )
    app.run()
    assert not app.exception, app.exception
    return app


def test_the_app_opens_on_the_overview() -> None:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    assert not app.exception
    assert "分解清单" in app.title[0].value
    assert metrics(app)["工作事项"] == "97"


def metrics(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def test_every_page_is_listed_in_the_navigation() -> None:
    app_source = (ROOT / "app.py").read_text(encoding="utf-8")
    assert sorted(p.name for p in (ROOT / "pages").glob("*.py")) == sorted(
        p.split("/")[1] for p in PAGES
    )
    assert all(f'"{page.removeprefix("pages/")}"' in app_source for page in PAGES)


@pytest.mark.parametrize("page", PAGES)
def test_each_page_shows_a_chart_or_a_table_with_rows(page: str) -> None:
    if page.endswith("compare.py"):  # a comparison needs a second list in the library
        _stored(FIXTURES / "samples" / "03_kunming_2021_huiminshishi.txt")
    if page.endswith("progress.py"):  # progress needs a report
        from tests.test_progress import bundled_report, seeded

        app = AppTest.from_function(
            _frame_and_page, default_timeout=60, kwargs={"page": "progress.py"}
        )
        seeded(app, bundled_report()[1]).run()
    else:
        app = run_app(page)
    charts = app.get("plotly_chart")
    tables = [t for t in app.dataframe if len(t.value)]
    assert charts or tables


def test_overview_kpis_equal_counts_from_the_tables(bundled) -> None:
    app = run_app()
    expected = overview_kpis(select(bundled))
    shown = metrics(app)
    a = bundled.assignments
    named = a[a["kind"] != "collective"]
    assert shown["工作事项"] == "97" == str(expected["items"])
    assert shown["责任单位"] == str(named["unit"].nunique())
    assert shown["写明牵头单位的事项"] == "39"
    shared = (named.groupby("item_no")["unit"].nunique() > 1).sum()
    assert shown["多个单位共同承担的事项"] == str(shared)
    assert app.title[0].value == "诸暨市 · 2023年《政府工作报告》主要目标任务分解清单"


def test_the_overview_answers_in_one_sentence() -> None:
    app = run_app()
    assert app.markdown[0].value == (
        "## 97 项工作，59 个单位承担；财政局承担最多（21 项），发改局牵头最多（6 项）。"
    )


def test_a_filter_changes_every_number_consistently() -> None:
    app = run_app()
    app.sidebar.multiselect(key="f_units").set_value(["财政局"]).run()
    shown = metrics(app)
    assert shown["承担事项"] == "21"  # 财政局 is named in 21 items: its own numbers
    assert (shown["牵头"], shown["独立承担"]) == ("2", "3")
    assert (
        app.markdown[0].value == "## 财政局承担 21 项工作：牵头 2 项，独立承担 3 项，配合 16 项。"
    )
    assert "写明牵头单位的事项" not in shown  # list-wide numbers are not shown for one unit
    app.sidebar.multiselect(key="f_units").set_value(["财政局", "发改局"]).run()
    app.sidebar.radio(key="f_role").set_value("lead").run()
    shown = metrics(app)
    assert shown["工作事项"] == shown["写明牵头单位的事项"] == "8"  # 2 + 6, none shared


def test_a_url_with_unit_and_role_opens_that_view(bundled) -> None:
    app = run_app("pages/explorer.py", doc=bundled.doc_id, unit="发改局", role="lead")
    assert app.sidebar.multiselect(key="f_units").value == ["发改局"]
    rows = app.dataframe[1].value
    assert set(rows["责任单位"]) == {"发改局"} and set(rows["职责"]) == {"牵头"}
    a = bundled.assignments
    assert len(rows) == len(a[(a["unit"] == "发改局") & (a["role"] == "lead")])


def test_a_link_to_a_document_not_loaded_keeps_its_filters_and_shows_no_data() -> None:
    app = run_app(doc="000000000000", unit="某某局")
    assert [w.value for w in app.warning] == [LINK_NOT_LOADED]
    assert app.query_params["doc"] == "000000000000"
    assert not app.metric and not app.get("plotly_chart") and not app.error
    app.button(key="drop_link").click().run()  # 改为查看当前清单
    assert metrics(app)["工作事项"] == "97"
    assert app.query_params["doc"] != "000000000000"


def test_chips_remove_one_filter_and_clear_all() -> None:
    app = run_app(unit=["发改局", "财政局"], role="lead")
    assert metrics(app)["工作事项"] != "97"
    app.button(key="chip_units_发改局").click().run()
    assert app.sidebar.multiselect(key="f_units").value == ["财政局"]
    app.button(key="chip_clear_all").click().run()
    assert metrics(app)["工作事项"] == "97"
    assert app.sidebar.radio(key="f_role").value == "all"


def test_leads_page_numbers_follow_the_filters() -> None:
    app = run_app("pages/leads.py")
    assert metrics(app)["写明的牵头（单位次）"] == "41"
    assert "牵头最多的 5 个单位所占比例" in metrics(app)
    app.sidebar.radio(key="f_role").set_value("co").run()
    assert metrics(app)["写明的牵头（单位次）"] == "0"
    app.sidebar.multiselect(key="f_units").set_value(["财政局"]).run()
    assert "牵头最多的 5 个单位所占比例" not in metrics(app)  # meaningless for one unit


def test_workload_page_switches_its_measure() -> None:
    app = run_app("pages/workload.py")
    assert app.get("plotly_chart")
    app.radio(key="heat_mode").set_value("lead").run()
    assert not app.exception and app.get("plotly_chart")


def test_review_keeps_a_mapping_for_the_place_with_who_and_when(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("ZRQD_DATA_DIR", str(tmp_path))  # a library of this test's own
    app = run_app("pages/review.py")
    before = len(app.dataframe[1].value)  # 0: corrections, 1: unresolved names
    app.selectbox(key="map_name").set_value("开发委")
    app.selectbox(key="map_target").set_value("发改局")
    app.button[0].click().run()  # the form's submit button, without a name: refused
    assert [i.value for i in app.info] == ["请先填写您的姓名：每条修改都记下是谁做的。"]
    assert len(app.dataframe[1].value) == before
    app.text_input(key="review_author").set_value("王科员")
    app.selectbox(key="map_name").set_value("开发委")
    app.selectbox(key="map_target").set_value("发改局")
    app.button[0].click().run()
    assert [i.value for i in app.info] == ["已保存：诸暨的全部清单都按此修改。"]
    assert len(app.dataframe[1].value) == before - 2
    history = app.dataframe[2].value
    assert history[["修改", "修改人", "状态"]].values.tolist() == [
        ["开发委 → 发改局（归并到已有单位）", "王科员", "有效"]
    ]
    assert app.dataframe[3].value["标准名称"].tolist() == ["发改局"]

    again = run_app("pages/review.py")  # another session, or after a restart: still there
    assert len(again.dataframe[1].value) == before - 2
    again.button(key="undo_button").click().run()
    assert [i.value for i in again.info] == ["已撤销。"]
    assert len(again.dataframe[1].value) == before
    assert again.dataframe[2].value["状态"].iloc[0].startswith("已撤销")


def test_a_kept_mapping_applies_to_another_list_of_the_place(monkeypatch, tmp_path) -> None:
    from lib.analyse.filters import select as pick
    from lib.analyse.review import Rule, apply_corrections
    from lib.app.frame import _corrections
    from lib.parse.pipeline import parse_bytes
    from lib.store import corrections
    from lib.store.db import library_engine

    monkeypatch.setenv("ZRQD_DATA_DIR", str(tmp_path))
    corrections.add_mapping(library_engine(), "诸暨", "开发委", "发改局", "王科员")
    later = parse_bytes(
        "诸暨市人民政府办公室关于印发2024年诸暨市政府重点工作责任清单的通知\n序号\n主要工作\n"
        "责任单位\n1\n推进开发区建设\n开发委\n2\n新建公园5个\n建设局\n".encode(),
        "2024.txt",
    )
    assert _corrections(later) == (Rule("map", "开发委", "发改局", ""),)
    elsewhere = parse_bytes(
        "序号\n主要工作\n责任单位\n1\n推进开发区建设\n开发委\n".encode(), "无地区.txt"
    )
    assert _corrections(elsewhere) == ()  # a list of no place takes no place's corrections
    rows = pick(apply_corrections(later, _corrections(later))).assignments
    assert rows["unit"].tolist() == ["发改局", "建设局"]
    assert "mapped_by_user" in rows["flags"].iloc[0]


def _review_as(monkeypatch, tmp_path, author: str = "王科员"):
    monkeypatch.setenv("ZRQD_DATA_DIR", str(tmp_path))  # a library of this test's own
    app = run_app("pages/review.py")
    app.text_input(key="review_author").set_value(author).run()
    return app


def _submit(app, label: str):
    next(b for b in app.button if b.label == label).click().run()
    assert not app.exception
    return app


def test_review_accepts_a_name_as_a_collective_and_renames_a_unit(monkeypatch, tmp_path) -> None:
    app = _review_as(monkeypatch, tmp_path)
    unresolved = len(app.dataframe[1].value)
    app.selectbox(key="accept_name").set_value("开发委")
    app.selectbox(key="accept_kind").set_value("collective")
    _submit(app, "确认为单位")
    assert [i.value for i in app.info] == ["已保存：诸暨的全部清单都按此修改。"]
    assert len(app.dataframe[1].value) == unresolved - 2  # both mentions of 开发委
    assert app.dataframe[2].value["修改"].iloc[0] == "开发委：标为泛指（不计为具体单位）"
    app.selectbox(key="rename_name").set_value("财政局")
    app.text_input(key="rename_target").set_value("市财政局")
    _submit(app, "改名")
    aliases = app.dataframe[3].value  # the alias table, as data/units.csv has it
    assert aliases.set_index("标准名称").loc["市财政局", "归并的名称"] == "财政局"
    app.selectbox(key="rename_name").set_value("建设局")
    _submit(app, "改名")  # no new name: one sentence, nothing kept
    assert [i.value for i in app.info] == ["请填写单位名称。"]


def test_review_merges_a_wrongly_split_name_and_imports_an_alias_table(
    monkeypatch, tmp_path
) -> None:
    from lib.app import shelf

    app = _review_as(monkeypatch, tmp_path)
    splits = len(app.dataframe[2].value)  # no history yet: 2 is the splits table
    assert "经信局 + 各相关单位" in app.selectbox(key="merge_run").options
    app.selectbox(key="merge_run").set_value("经信局各相关单位")
    app.text_input(key="merge_target").set_value("经信局等相关单位")
    _submit(app, "合并")
    assert app.dataframe[2].value["修改"].tolist() == [
        "经信局各相关单位 → 经信局等相关单位（合并误拆的名称）"
    ]
    assert len(app.dataframe[4].value) == splits - 2  # the two split names are one again
    assert app.dataframe[3].value.values.tolist() == [
        ["经信局等相关单位", "其他", "经信局各相关单位"]
    ]
    csv = (
        "canonical,kind,aliases\n发改局,department,开发委|科技城建管办\n暨阳学院,other,\n".encode()
    )

    rules = shelf.import_rules(csv)
    assert [(r.action, r.name, r.target) for r in rules] == [
        ("map", "开发委", "发改局"),
        ("map", "科技城建管办", "发改局"),
        ("accept", "暨阳学院", "暨阳学院"),
    ]
    for bad in (b"name,kind\n", "canonical,kind,aliases\n发改局,县局,\n".encode(), b"\x00\x01"):
        with pytest.raises(ListError):
            shelf.import_rules(bad)


def test_network_page_follows_the_filters() -> None:
    app = run_app("pages/network.py")
    everything = app.dataframe[1].value  # centrality: one row per unit in the graph
    app.sidebar.multiselect(key="f_kinds").set_value(["party"]).run()
    assert len(app.dataframe[1].value) < len(everything)
    assert not app.exception


def test_the_network_says_a_duty_filter_only_chooses_its_items() -> None:
    """With 职责 chosen the network still draws every unit of the chosen items (who works
    with whom on them): the page says so, as the other pages count only that duty."""
    said = "侧栏的“职责”只用来选出事项"
    assert any(said in c.value for c in run_app("pages/network.py", role="lead").caption)
    assert not any(said in c.value for c in run_app("pages/network.py").caption)


def test_keywords_page_follows_the_filters() -> None:
    app = run_app("pages/keywords.py")
    everything = app.selectbox(key="kw_pick_tfidf_20").options
    app.sidebar.multiselect(key="f_units").set_value(["民政局"]).run()
    assert app.selectbox(key="kw_pick_tfidf_20").options != everything
    assert not app.exception


def test_targets_page_follows_the_filters() -> None:
    app = run_app("pages/targets.py")
    everything = int(metrics(app)["量化目标"])
    assert everything >= 70
    app.sidebar.multiselect(key="f_units").set_value(["农业农村局"]).run()
    assert 0 < int(metrics(app)["量化目标"]) < everything
    app.multiselect(key="tg_units").set_value(["万亩"]).run()
    assert set(app.dataframe[0].value["计量单位"]) == {"万亩"}


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("**粗**", "\\*\\*粗\\*\\*"),
        ("[x](javascript:alert(1))", "\\[x\\]\\(javascript:\u2060alert\\(1\\)\\)"),
        ("<b>粗</b>", "\\<b\\>粗\\</b\\>"),
        ("各镇乡(街道)", "各镇乡\\(街道\\)"),
    ],
)
def test_document_text_is_escaped_before_markdown(text: str, escaped: str) -> None:
    from lib.app.state import escape_markdown

    assert escape_markdown(text) == escaped


def _downloads(app: AppTest) -> dict[str, object]:
    return {button.proto.label: button.proto for button in app.get("download_button")}


def test_leads_page_offers_the_chosen_units_sheet() -> None:
    app = run_app("pages/leads.py", unit="卫健局")
    assert app.selectbox(key="leads_sheet_卫健局").value == "卫健局"
    buttons = _downloads(app)
    for label in ("该单位任务清单（Word）", "该单位任务清单（Excel）"):
        assert buttons[label].deferred_file_id, label  # written when clicked, not on page open


def test_network_ego_view_offers_the_focus_units_sheet() -> None:
    app = run_app("pages/network.py", unit="民政局")
    assert "该单位任务清单（Word）" in _downloads(app)
    assert not app.exception


def test_explorer_offers_the_batch_and_the_brief_built_on_click() -> None:
    app = run_app("pages/explorer.py")
    buttons = _downloads(app)
    for label in ("全部单位任务清单（Excel）", "全部单位任务清单（Word，ZIP）", "一页简报（Word）"):
        assert buttons[label].deferred_file_id, label  # generated when clicked, not on every run
    assert any("59 个单位" in caption.value for caption in app.caption)


def test_review_counts_what_was_corrected_and_what_is_unresolved(bundled) -> None:
    app = run_app("pages/review.py")
    shown = metrics(app)
    report = bundled.report
    assert shown["名称已校正"] == str(len(report.corrections)) == "7"
    assert shown["连写已拆分"] == str(len(report.splits)) == "47"
    assert shown["未收录的单位提及"] == str(len(report.flagged)) == "29"
    assert shown["无责任单位的事项"] == shown["编号问题"] == shown["未能识别的字符"] == "0"
    overview = run_app()
    assert [c.value for c in overview.caption if c.value.startswith("解析：")] == [
        "解析：97 项、262 次单位提及全部读入；自动校正 54 处；29 处待核对。"
    ]
    assert [link.proto.label for link in overview.get("page_link")] == ["查看解析校对"]


def test_a_list_with_gaps_shows_them_on_the_review(monkeypatch) -> None:
    import lib.app.frame

    monkeypatch.setattr(lib.app.frame, "DATA_DIR", ROOT / "tests" / "fixtures")
    monkeypatch.setattr(lib.app.frame, "BUNDLED_NAME", "gaps.txt")
    shown = metrics(run_app("pages/review.py"))
    assert metrics(run_app())["工作事项"] == "7"
    assert (
        "7",
        shown["无责任单位的事项"],
        shown["编号问题"],
        shown["未能识别的字符"],
        shown["连写已拆分"],
        shown["未收录的单位提及"],
    ) == ("7", "5", "2", "3", "2", "1")
    review = run_app("pages/review.py")
    # the table of items without units: the one with a 责任单位原文 column (an empty table
    # before it is a line of words, not a grid)
    without_units = next(t.value for t in review.dataframe if "责任单位原文" in t.value.columns)
    assert without_units["主要工作"].tolist() == [
        "完善养老服务体系",
        "新增城镇就业2万人",
        "建成口袋公园5个",
        "改造老旧小区30个",
        "新建公共停车位1000个",
    ]
    warnings = " ".join(w.value for w in review.warning)
    assert "编号 4 重复" in warnings and "编号 5–6 缺失" in warnings and "第4项“无”" in warnings


def test_the_review_says_how_items_were_read_and_which_numbered_lines_are_headings(
    monkeypatch,
) -> None:
    app = run_on_fixture("pages/review.py", "samples/04_guowuyuan_2018_cujinjiuye.txt", monkeypatch)
    assert any("各事项的责任单位读法" in c.value for c in app.caption)
    assert any("按分块标题处理" in i.value and "支持企业稳定发展" in i.value for i in app.info)


def test_the_link_warning_is_shown_once_whatever_the_page_computes() -> None:
    app = run_app("pages/leads.py", doc="000000000000", unit="某某局")
    assert [w.value for w in app.warning].count(LINK_NOT_LOADED) == 1


def test_a_deployment_chooses_its_default_list(monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = FIXTURES / "samples" / "02_chengdu_2020_minshengshishi.txt"
    monkeypatch.setenv("ZRQD_DEFAULT_LIST", str(chosen))
    app = run_app()
    assert "成都" in app.title[0].value
    assert any("本站设定的清单" in caption.value for caption in app.sidebar.caption)


def test_a_default_list_that_cannot_be_read_is_named(
    monkeypatch: pytest.MonkeyPatch, tmp_path
) -> None:
    monkeypatch.setenv("ZRQD_DEFAULT_LIST", str(tmp_path / "不存在.xlsx"))
    app = AppTest.from_function(_frame_and_page, default_timeout=60, kwargs={"page": "overview.py"})
    app.run()
    assert not app.exception
    assert [e.value for e in app.error] == [
        "默认清单文件 不存在\\.xlsx 无法读取：请检查环境变量 ZRQD\\_DEFAULT\\_LIST 设定的路径。"
    ]


def test_the_network_lowers_its_threshold_when_nothing_would_be_drawn(monkeypatch) -> None:
    app = run_on_fixture(
        "pages/network.py", "samples/01_neimenggu_2023_minshengshishi.txt", monkeypatch
    )
    assert not app.info  # the default threshold (1) draws every unit with a partner
    app.slider(key="net_min_weight").set_value(2).run()
    assert [i.value for i in app.info] == [
        "没有两个单位共同承担 2 项及以上的事项，已改为显示共同承担 1 项及以上的协同。"
    ]
    assert app.get("plotly_chart")


def test_a_network_without_shared_items_says_so(monkeypatch, tmp_path) -> None:
    import lib.app.frame

    (tmp_path / "alone.txt").write_text(
        "序号\n主要工作\n责任单位\n1\n建成口袋公园5个\n建设局\n2\n新增就业2万人\n人力社保局\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(lib.app.frame, "DATA_DIR", tmp_path)
    monkeypatch.setattr(lib.app.frame, "BUNDLED_NAME", "alone.txt")
    app = run_app("pages/network.py")
    assert [i.value for i in app.info] == [
        "当前筛选条件下没有两个具体单位共同承担的事项，协同网络为空。"
    ]
    assert not app.get("plotly_chart")


def test_the_leads_page_ranks_by_leads_or_by_all_items() -> None:
    app = run_app("pages/leads.py")
    assert app.radio(key="leads_order").value == "lead"
    assert app.selectbox(key="leads_sheet_发改局").options[:1] == ["发改局"]  # 6 leads
    app.radio(key="leads_order").set_value("items").run()
    assert app.selectbox(key="leads_sheet_财政局").options[:1] == ["财政局"]  # 21 items


def test_one_unit_gets_its_profile_instead_of_list_wide_numbers() -> None:
    app = run_app(unit="财政局")
    shown = metrics(app)
    assert shown == {"承担事项": "21", "牵头": "2", "独立承担": "3", "协同单位": "23"}
    headings = [h.value for h in app.subheader]
    assert headings[:2] == ["该单位的事项", "协同单位与共担的事项"]
    assert {"量化目标", "特色关键词", "该单位任务清单"} <= set(headings)
    items = app.dataframe[0].value
    assert items["职责"].value_counts().to_dict() == {"配合": 16, "独立承担": 3, "牵头": 2}
    partners = app.dataframe[1].value.set_index("协同单位")
    assert partners.loc["公管办", "共担事项数"] == 7
    assert "交通畅达安行工程" in partners.loc["公管办", "共担的事项"]  # the task, not a number
    assert not app.exception


def test_page_controls_come_from_the_link_and_go_back_into_it() -> None:
    app = run_app("pages/workload.py", heat_mode="lead", heat_top="10", unit="财政局")
    assert app.radio(key="heat_mode").value == "lead"
    assert app.slider(key="heat_top").value == 10
    assert app.query_params["heat_mode"] == "lead" and app.query_params["heat_top"] == "10"
    assert app.query_params["unit"] == "财政局"  # the filters stay beside them
    app.radio(key="heat_mode").set_value("all").run()
    assert "heat_mode" not in app.query_params  # the default is not written
    app = run_app("pages/network.py", net_min_weight="3", net_color="kind", net_resolution="1.5")
    assert app.slider(key="net_min_weight").value == 3
    assert app.radio(key="net_color").value == "kind"
    assert app.slider(key="net_resolution").value == 1.5
    app = run_app("pages/keywords.py", kw_method="textrank", kw_top="9")
    assert (app.radio(key="kw_method").value, app.slider(key="kw_top").value) == ("textrank", 9)
    app = run_app("pages/leads.py", leads_order="items")
    assert app.radio(key="leads_order").value == "items"


def test_a_link_with_impossible_page_controls_opens_the_defaults() -> None:
    app = run_app("pages/workload.py", heat_mode="<script>", heat_top="999")
    assert app.radio(key="heat_mode").value == "all"
    assert app.slider(key="heat_top").value == 25
    app = run_app("pages/network.py", net_min_weight="x", net_resolution="nan")
    assert app.slider(key="net_min_weight").value == 1
    assert app.slider(key="net_resolution").value == 1.0
    assert not app.exception


def _stored(path) -> str:
    """``path`` stored in the test library (the one the app opens); its document id."""
    from lib.store import library
    from lib.store.db import library_engine

    return library.add(library_engine(), path.read_bytes(), path.name)[0].doc_id


def test_a_link_to_a_stored_list_opens_it_in_a_new_session() -> None:
    sample = FIXTURES / "samples" / "02_chengdu_2020_minshengshishi.txt"
    doc_id = _stored(sample)
    app = run_app(doc=doc_id, unit="市教育局")
    assert "成都市2020年民生实事工作目标" in app.title[0].value
    assert app.sidebar.selectbox(key="library_pick").value == doc_id
    assert app.sidebar.multiselect(key="f_units").value == ["市教育局"]
    assert app.query_params["doc"] == doc_id


def test_the_library_page_lists_renames_and_deletes() -> None:
    sample = FIXTURES / "samples" / "03_kunming_2021_huiminshishi.txt"
    doc_id = _stored(sample)
    app = run_app("pages/library.py")
    table = app.dataframe[0].value
    assert {"名称", "地区", "年份", "事项", "单位", "存入时间", "原文件名"} <= set(table.columns)
    assert sample.name in set(table["原文件名"])
    app.selectbox(key="library_chosen").set_value(doc_id).run()
    app.text_input(key="library_new_name").set_value("昆明 2021 惠民实事").run()
    app.button(key="library_rename").click().run()
    assert "昆明 2021 惠民实事" in set(app.dataframe[0].value["名称"])
    app.button(key="library_delete").click().run()
    assert sample.name not in set(app.dataframe[0].value["原文件名"])
    assert [s.value for s in app.success] == ["已删除。"]


def test_a_report_left_without_its_list_can_be_given_one_again() -> None:
    """A list deleted with its report kept: the library names the report's list as deleted,
    offers no 打开 that would silently open another list, and lets the report be given a list
    again, whose 进度督查 then holds it."""
    from lib.analyse.progress import read_progress
    from lib.store import library, reports
    from lib.store.db import library_engine
    from tests.test_progress import bundled_report

    sample = FIXTURES / "samples" / "03_kunming_2021_huiminshishi.txt"
    base_id = _stored(sample)
    engine = library_engine()
    _, data = bundled_report("1-5月")
    report, _ = read_progress(data, "进度.xlsx")
    report_id = reports.add(
        engine, data, "五月进度.xlsx", report, base_id, ("截至5月底", None, None)
    )
    library.remove(engine, base_id)  # the report stays, without its list
    app = run_app("pages/library.py")
    table = app.dataframe[0].value.set_index("原文件名")
    assert table.loc["五月进度.xlsx", "所属清单"] == "（无：原清单已删除）"
    app.selectbox(key="library_chosen").set_value(report_id).run()
    assert not [b for b in app.button if b.key == "library_open"]
    assert any("这份进度报告的清单已删除" in c.value for c in app.caption)
    default_id = app.session_state["_default_doc_id"]
    app.selectbox(key="library_base").set_value(default_id).run()
    app.button(key="library_attach").click().run()
    assert [r.doc_id for r in reports.of_base(engine, default_id)] == [report_id]
    assert app.dataframe[0].value.set_index("原文件名").loc["五月进度.xlsx", "所属清单"]
    app.button(key="library_open_report").click().run()  # to 进度督查, with its list
    assert not app.exception, app.exception
    assert any("已上传：五月进度" in c.value for c in app.caption)
    library.remove(engine, report_id)


def test_the_default_list_cannot_be_deleted() -> None:
    app = run_app("pages/library.py")
    default_id = app.session_state["_default_doc_id"]
    app.selectbox(key="library_chosen").set_value(default_id).run()
    assert "默认清单始终保留在清单库中，不能删除。" in [c.value for c in app.caption]


def test_without_a_reachable_library_the_app_goes_on_and_says_so(monkeypatch) -> None:
    monkeypatch.setenv("ZRQD_DATABASE_URL", "postgresql+psycopg://u@/db?host=/nonexistent")
    app = run_app()
    assert metrics(app)["工作事项"] == "97"
    assert "清单库暂时无法使用，上传的清单只在本次浏览中有效。" in [
        c.value for c in app.sidebar.caption
    ]
    review = run_app("pages/review.py")  # corrections for the session, as before the library
    assert "这里的修改只在本次浏览中有效。" in [c.value for c in review.caption]
    unresolved = len(review.dataframe[1].value)
    review.selectbox(key="accept_name").set_value("开发委")
    _submit(review, "确认为单位")
    assert [i.value for i in review.info] == ["已修改 1 处（本次会话有效）。"]
    assert len(review.dataframe[1].value) == unresolved - 2
    _submit(review, "撤销全部修改")
    assert len(review.dataframe[1].value) == unresolved
    library_page = run_app("pages/library.py")
    assert [i.value for i in library_page.info] == [
        "清单库暂时无法使用，上传的清单只在本次浏览中有效。"
    ]


def test_the_compare_page_shows_two_stored_lists_side_by_side(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("ZRQD_DATA_DIR", str(tmp_path))
    corpus = ROOT / "tests" / "corpus"
    first = _stored(corpus / "kunming_2020_huiminshishi" / "source.txt")
    second = _stored(corpus / "kunming_2021_huiminshishi" / "source.txt")
    app = run_app("pages/compare.py")
    app.selectbox(key="cmp_a").set_value(first).run()
    app.selectbox(key="cmp_b").set_value(second).run()
    assert app.markdown[0].value == (
        "#### 清单乙 10 项：延续 2 项，新增 8 项；清单甲中 8 项不再列出。"
    )
    units = app.dataframe[0].value.set_index("责任单位")
    assert units.loc["市人力资源社会保障局", ["事项（甲）", "事项（乙）", "事项增减"]].tolist() == [
        1,
        3,
        2,
    ]
    assert app.get("plotly_chart")
    assert not app.warning  # 昆明's two years in order: nothing to question
    assert not app.exception


def test_the_default_list_comes_back_when_removed_from_the_library(monkeypatch, tmp_path) -> None:
    from lib.store import library
    from lib.store.db import library_engine

    monkeypatch.setenv("ZRQD_DATA_DIR", str(tmp_path))
    app = run_app()
    default_id = app.session_state["_default_doc_id"]
    assert library.remove(library_engine(), default_id)  # e.g. `lib.cli library remove`
    app = run_app()
    assert metrics(app)["工作事项"] == "97" and library.entry(library_engine(), default_id)
    monkeypatch.setenv("ZRQD_DATA_DIR", str(tmp_path / "另一个库"))  # another library
    app = run_app()
    assert library.entry(library_engine(), default_id) is not None


def test_review_says_first_when_a_column_is_read_otherwise_than_its_header(monkeypatch) -> None:
    """A web table copied with spaces, its departments under 备注: the review page says so
    above the counts, in plain words."""
    app = run_on_fixture("pages/review.py", "spaced-measures.txt", monkeypatch)
    infos = [i.value for i in app.info]
    assert "“备注”一栏写的是责任单位，按责任单位读取。" in infos
