"""Splitting a units text: one smallest example per quirk class (README, Conventions)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lib.parse.reference import load_reference
from lib.parse.split import split_units
from lib.parse.units import Lexicon, document_lexicon

LEXICON = document_lexicon("诸暨")


def read(text: str, lexicon: Lexicon = LEXICON) -> list[str]:
    """Mentions as '▲unit(sub)', canonical names, in order."""
    out = []
    for token in split_units(text, lexicon):
        if token.kind == "mention":
            unit = lexicon.resolve(token.name).unit
            sub = f"({token.sub_office})" if token.sub_office else ""
            out.append(("▲" if token.marked else "") + unit + sub)
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # separators , 、 ; and spaces (full-width ones are normalized before splitting)
        ("发改局,财政局、税务局;公安局 法院", ["发改局", "财政局", "税务局", "公安局", "法院"]),
        ("发改局,,财政局、", ["发改局", "财政局"]),
        ("建设局&住建集团/发改局", ["建设局", "住建集团", "发改局"]),
        # ▲ and ★ mark only the unit right after them
        ("▲发改局▲建设集团交通运输局", ["▲发改局", "▲建设集团", "交通运输局"]),
        ("★残联,卫健局", ["▲残联", "卫健局"]),
        ("▲教育体育局商务局,经信局", ["▲教体局", "商务局", "经信局"]),
        # separators missing: longest known name first
        ("▲公安局交通运输局财政局公管办", ["▲公安局", "交通运输局", "财政局", "公管办"]),
        ("商务局海关诸暨站,建设集团", ["商务局", "海关", "建设集团"]),
        ("自然资源和规划局建设局", ["自然资源和规划局", "建设局"]),
        ("经信局各相关单位", ["经信局", "各相关单位"]),
        (
            "退役军人事务局人武部双拥领导小组各成员单位各镇乡(街道)",
            ["退役军人事务局", "人武部", "双拥领导小组", "各成员单位", "各镇乡(街道)"],
        ),
        # unit endings only on what is left
        ("水务集团暨阳街道", ["水务集团", "暨阳街道"]),
        # a place's name before a known body is one unit (not a township 托里县城乡)
        ("和布克赛尔县住房和城乡建设局", ["和布克赛尔县住房和城乡建设局"]),
        ("托里县城乡建设局", ["托里县城乡建设局"]),
        ("市财政局和托里县住建局", ["财政局", "托里县住建局"]),
        # connectors
        ("发改局,政务服务办,大数据中心等相关单位", ["发改局", "政务服务办", "大数据中心"]),
        ("人力资源社会保障部等负责", ["人力资源社会保障部"]),
        # sub-offices in brackets are kept apart; brackets of a collective stay in its name
        ("发改局(推进办)", ["发改局(推进办)"]),
        ("组织部(人才办),相关镇乡(街道)", ["组织部(人才办)", "相关镇乡(街道)"]),
        ("发改(校地合作办)", ["发改局(校地合作办)"]),
        # variants of one unit merge
        ("教体局,教育体育局", ["教体局", "教体局"]),
        ("人社局,人力社保局", ["人力社保局", "人力社保局"]),
        ("人行,人民银行", ["人民银行", "人民银行"]),
        ("市公安局,诸暨市公安局", ["公安局", "公安局"]),
        # collectives are never merged with each other
        (
            "各部门,相关部门,各镇乡(街道),相关镇乡(街道),相关街道",
            ["各部门", "相关部门", "各镇乡(街道)", "相关镇乡(街道)", "相关街道"],
        ),
        ("各市管国有企业", ["各市管国有企业"]),
        # a dropped character or two swapped neighbours of exactly one known unit is corrected
        ("人局", ["人力社保局"]),
        ("政财局", ["财政局"]),
        # a substituted character is never corrected, an unknown name is kept as written
        ("民政局", ["民政局"]),
        ("财务局", ["财务局"]),
        ("西施故里管委会", ["西施故里管委会"]),
    ],
)
def test_split_units(text: str, expected: list[str]) -> None:
    assert read(text) == expected


def test_a_typo_is_corrected_from_a_name_the_document_writes_elsewhere() -> None:
    lexicon = LEXICON.with_document_names({"建设集团", "水务集团"})
    assert read("卫健局,设集团", lexicon) == ["卫健局", "建设集团"]
    assert LEXICON.with_document_names({"建设集团"}).resolve("设集团").flags == ("dropped_char",)


def test_a_document_name_helps_to_split_a_run() -> None:
    # 委 ends names but also sits inside them (委员会), so alone it does not cut a run
    assert read("开发委科技城建管办") == ["开发委科技城建管办"]
    with_names = read("开发委科技城建管办", LEXICON.with_document_names({"开发委", "科技城建管办"}))
    assert with_names == ["开发委", "科技城建管办"]


@pytest.mark.parametrize(
    "name",
    [
        "新冠疫情联防联控指挥部",
        "城市更新委员会",
        "西施故里管委会",
        "商贸城建管委",
        "高湖建管办",
        "妇幼保健院",
    ],
)
def test_weak_endings_do_not_cut_an_unknown_name(name: str) -> None:
    assert read(name) == [name]


def test_brackets_are_never_cut_inside() -> None:
    tokens = split_units("开发(度假)区管委会,各县(市)区人民政府", LEXICON)
    names = [t.name for t in tokens if t.kind == "mention"]
    assert names == ["开发(度假)区管委会", "各县(市)区人民政府"]


def test_no_piece_under_two_characters() -> None:
    tokens = split_units("发改局,X,财政局", LEXICON)
    assert [t.kind for t in tokens] == ["mention", "separator", "leftover", "separator", "mention"]
    assert all(
        len(t.name) >= 2 for t in split_units("发改局X财政局局", LEXICON) if t.kind == "mention"
    )


@pytest.mark.parametrize(
    ("text", "left"), [("农业农村局,相关镇乡(", ["("]), ("(交通运输局", ["("]), ("发改局)", [")"])]
)
def test_an_unmatched_bracket_is_left_over_and_reported(text: str, left: list[str]) -> None:
    tokens = split_units(text, LEXICON)
    assert [t.text for t in tokens if t.kind == "leftover"] == left


def test_resolution_kinds() -> None:
    kinds = {
        name: LEXICON.resolve(name).kind
        for name in (
            "发改局",
            "税务局",
            "枫桥镇",
            "大唐街道",
            "各相关单位",
            "建设集团",
            "法院",
            "组织部",
            "工商联",
            "人民银行",
            "科协",
            "暨阳学院",
            "新冠疫情联防联控指挥部",
            "人武部",
            "双拥领导小组",
            "市委社治委",
            "自治区残疾人联合会",
        )
    }
    assert kinds == {
        "发改局": "department",
        "税务局": "department",
        "枫桥镇": "town",
        "大唐街道": "town",
        "各相关单位": "collective",
        "建设集团": "enterprise",
        "法院": "judicial",
        "组织部": "party",
        "工商联": "party",
        "人民银行": "other",
        "科协": "other",
        "暨阳学院": "other",
        "新冠疫情联防联控指挥部": "other",
        "人武部": "other",
        "双拥领导小组": "other",
        "市委社治委": "party",
        "自治区残疾人联合会": "other",
    }


NAMES = sorted({entry.canonical for entry in load_reference().units})
PIECES = st.sampled_from(
    NAMES
    + ["▲", "★", ",", "、", ";", " ", "等", "等相关单位", "(推进办)", "(", ")", "X", "某", "局"]
)


@given(
    st.lists(PIECES, max_size=12).map("".join)
    | st.text(max_size=40)
    | st.text(alphabet="()▲,、发改局财政各部门(推进办)", max_size=30)
)
def test_tokens_cover_the_text_exactly(text: str) -> None:
    """Conservation: every character is a mention, marker, separator, connector or leftover."""
    tokens = split_units(text, LEXICON)
    assert "".join(t.text for t in tokens) == text
    for token in tokens:
        if token.kind == "mention":
            assert token.name and token.name in token.text.replace(" ", "")


def test_a_run_of_two_known_names_is_cut_as_the_full_search_would(monkeypatch) -> None:
    """Two known names run together, cut at the one place where both halves are known, skip
    the cheapest-cut search: the tokens are the ones the search gives (random runs of the
    reference's names, some cut short or with an ending or a connector added)."""
    import random

    from lib.parse import split

    search = split._segment.__wrapped__
    shortcut = split._one_cut_into_known_names
    rng = random.Random(17)
    for place in ("诸暨", ""):
        lexicon = document_lexicon(place)
        names = [n for n in lexicon.surfaces if len(n) <= 9][:4000]
        taken = 0
        for _ in range(3000):
            core = "".join(rng.choice(names) for _ in range(rng.choice([2, 2, 3])))
            core = core[:-1] if rng.random() < 0.2 else core
            core += rng.choice(["", "", "", "局", "集团", "等单位"])
            lexicon.memo.clear()
            quick = search(core, lexicon)
            taken += bool(shortcut(core, lexicon))
            with monkeypatch.context() as patched:
                patched.setattr(split, "_one_cut_into_known_names", lambda core, lexicon: 0)
                lexicon.memo.clear()
                assert search(core, lexicon) == quick, core
        assert taken > 300  # the shortcut is taken, not just never wrong


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 各县、市、区政府: 各县市区政府 written with 、 between its levels, one collective
        ("市经信局、各县、市、区政府", ["市经信局", "各县、市、区政府"]),
        ("各县、市、区", ["各县、市、区"]),
        ("各县、市发改局", ["各县", "市发改局"]),  # 市发改局 is no level: two names
        # 各乡、镇人民政府: two levels, the second with the body's name (监利 2022)
        ("市农业农村局,各乡、镇人民政府", ["市农业农村局", "各乡、镇人民政府"]),
        ("各县、市直有关部门", ["各县", "市直有关部门"]),  # 市直…: no government's name
        # a body's members: one collective, however the body's name ends
        ("区疫情防控指挥部成员单位、各街办", ["区疫情防控指挥部成员单位", "各街办"]),
        ("区创文工作领导小组成员单位", ["区创文工作领导小组成员单位"]),
        # a place's body, then another written bare (an ending alone): one party, the place's
        (
            "市林业局,清丰县党委、政府,开发区党工委、管委会",
            ["市林业局", "清丰县党委、政府", "开发区党工委、管委会"],
        ),
        ("各县(区)党委、政府", ["各县(区)党委、政府"]),
        ("文化局、工商联", ["文化局", "工商联"]),  # 工商联: a unit's whole name
        # a bracket listing more kinds of a collective; 等 before a collective of the list's kind
        ("区税务局,各镇(街道、园区)", ["区税务局", "各镇(街道、园区)"]),
        ("区经信局、区科技局等区级有关部门", ["区经信局", "区科技局", "区级有关部门"]),
        ("区经济运行监测联席会议成员单位", ["区经济运行监测联席会议成员单位"]),
        # 州: an autonomous prefecture's level, as 市 (城乡 is no town's name inside it)
        ("州住房城乡建设局、州自然资源局", ["州住房城乡建设局", "州自然资源局"]),
    ],
)
def test_collectives_written_with_separators_or_members(text: str, expected: list[str]) -> None:
    found = [t.text for t in split_units(text, LEXICON) if t.kind == "mention"]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("经济投资局和航空口岸局", ["经济投资局", "航空口岸局"]),
        ("区发改局及区财政局", ["区发改局", "区财政局"]),
        ("区发改局与区财政局", ["区发改局", "区财政局"]),
        ("和平区财政局", ["和平区财政局"]),  # a name starting with 和 stays whole
        ("市公安局和平分局", ["市公安局和平分局"]),  # a branch after its unit
    ],
)
def test_a_joiner_between_two_units_is_no_part_of_a_name(text: str, expected: list[str]) -> None:
    raw = [t.text for t in split_units(text, document_lexicon()) if t.kind == "mention"]
    assert raw == expected
