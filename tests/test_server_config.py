"""The server settings an intranet deployment relies on (.streamlit/config.toml), and the
README's reverse-proxy example agreeing with them."""

from __future__ import annotations

import re
import tomllib

import pytest

from tests.conftest import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("server.enableXsrfProtection", True),
        ("server.enableCORS", True),
        ("browser.gatherUsageStats", False),
        ("server.maxUploadSize", 20),
        ("client.toolbarMode", "minimal"),
        ("server.headless", True),
    ],
)
def test_setting(option: str, value: object) -> None:
    section, name = option.split(".")
    assert CONFIG[section][name] == value


def test_every_setting_is_an_option_streamlit_knows() -> None:
    """A misspelt option would be ignored with a warning, leaving Streamlit's default."""
    from streamlit import config

    options = config.get_config_options()
    for section, values in CONFIG.items():
        for name in values:
            assert f"{section}.{name}" in options, f"{section}.{name}"


def test_the_proxy_example_accepts_every_upload_the_app_accepts() -> None:
    size = re.search(r"client_max_body_size (\d+)m;", README)
    assert size and int(size.group(1)) >= CONFIG["server"]["maxUploadSize"]


def test_the_proxy_example_upgrades_websockets_and_keeps_the_origin() -> None:
    for line in (
        "proxy_http_version 1.1;",
        "proxy_set_header Upgrade $http_upgrade;",
        'proxy_set_header Connection "upgrade";',
        "proxy_set_header Host $http_host;",
    ):
        assert line in README
