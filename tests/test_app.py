"""The app frame with Streamlit's AppTest: the bundled list by default, a bad upload explained."""

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def run_app() -> AppTest:
    app = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    return app.run()


def test_overview_shows_the_bundled_list() -> None:
    app = run_app()
    assert not app.exception
    assert "分解清单" in app.title[0].value
    metrics = {m.label: m.value for m in app.metric}
    assert metrics["工作事项"] == "97"
    assert metrics["未标注牵头的事项"] == "58"
    assert len(app.dataframe) == 2
