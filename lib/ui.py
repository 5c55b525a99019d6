"""The one module of lib/ that imports Streamlit: data source, cached parsing, shared widgets."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

import streamlit as st

from lib import PARSER_VERSION
from lib.errors import ListError
from lib.pipeline import ParsedDocument, parse_bytes
from lib.reference import DATA_DIR

BUNDLED_NAME = "zhuji-2023-key-work-list.txt"
# what the pipeline reads, plus the formats it explains how to re-save (.doc, .wps, .ofd)
UPLOAD_TYPES = ["txt", "md", "csv", "xlsx", "xls", "docx", "html", "htm", "pdf", "doc", "wps", "ofd"]


_MARKDOWN_SPECIALS = "\\`*_{}[]()<>#+-.!|~$"


def escape_markdown(text: str) -> str:
    """Document text shown through Markdown renders literally (``**x**`` stays ``**x**``)."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIALS else ch for ch in text)


@dataclass(frozen=True)
class Source:
    name: str
    data: bytes


@st.cache_data(max_entries=32, ttl=3600, show_spinner="正在解析清单……")
def _parse(content_key: str, _data: bytes, name: str) -> ParsedDocument:
    """Parse once per content: ``content_key`` is the SHA-256 plus the parser version."""
    return parse_bytes(_data, name)


def parse_source(source: Source) -> ParsedDocument:
    """Parse a source through the cache; raises ``ListError`` for a bad file."""
    digest = hashlib.sha256(source.data).hexdigest()
    return _parse(f"{digest}:{PARSER_VERSION}", source.data, source.name)


def source_picker() -> Source:
    """Sidebar: the bundled list by default, or an uploaded file."""
    with st.sidebar:
        st.caption("默认显示内置的《诸暨市2023年政府重点工作责任清单》。也可上传其他清单："
                   "Word、Excel、PDF（带文字层）、网页、CSV 或文本文件，任意常见编码。")
        upload = st.file_uploader("上传责任清单", type=UPLOAD_TYPES, key="upload")
    if upload is not None:
        return Source(upload.name, upload.getvalue())
    return Source(BUNDLED_NAME, (DATA_DIR / BUNDLED_NAME).read_bytes())


def load_document() -> ParsedDocument | None:
    """The current document, or None after showing the user why it could not be read."""
    source = source_picker()
    try:
        return parse_source(source)
    except ListError as error:
        st.error(f"无法读取《{source.name}》：{error.message}")
        return None
