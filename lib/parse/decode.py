"""Stage 1: bytes → text. BOM, then UTF-8, then UTF-16, then GB18030, else a clear refusal."""

from __future__ import annotations

import codecs
import unicodedata
from collections import Counter

from lib.parse.errors import ListError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Share of characters that may be unusual (controls, private use, unassigned) before a
# decoding is judged implausible. GB18030 decodes almost any byte string, so without
# this check random bytes would come back as "Chinese".
_MAX_ODD_SHARE = 0.02
# ... but in valid UTF-8 a few such characters are never enough: a short list with a stray
# control character pasted into it is text (other decodings read almost any bytes, so there
# the share alone decides)
_MIN_ODD_UTF8 = 4


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode the bytes of a text source; return ``(text, encoding)``.

    >>> decode_bytes("责任单位".encode("gbk"))
    ('责任单位', 'gb18030')

    Raises ``ListError`` for empty input, binary data and undecodable text.
    """
    if not data.strip():
        raise ListError("文件为空，没有可读取的内容。")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data[len(bom) :], encoding)
            except UnicodeDecodeError:
                raise _undecodable_error() from None
    try:
        return _checked(data, "utf-8")
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_guess(data)
    if utf16:
        return _checked(data, utf16)
    if b"\x00" in data:
        raise _binary_error()
    damaged = _utf8_with_a_few_bad_bytes(data)
    if damaged:
        return damaged
    try:
        return _checked(data, "gb18030")
    except UnicodeDecodeError:
        raise _undecodable_error() from None


_MAX_BAD_BYTES = (
    8  # a damaged UTF-8 file (a bad byte, a character cut at the end), not another encoding
)


def _utf8_with_a_few_bad_bytes(data: bytes) -> tuple[str, str] | None:
    """UTF-8 with a few bytes that are not: read, each bad byte shown as �, and the encoding
    says where (``utf-8（2 处无法识别的字节已替换为�，第一处在第 120 字节）``)."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        first = error.start
    else:
        return None
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    wide = sum(1 for ch in text[:50_000] if ord(ch) > 0x7F) - bad  # characters UTF-8 did read
    if not 0 < bad <= _MAX_BAD_BYTES or wide < 50 * bad or _implausible(text, 0):
        return None  # GBK, or something else that UTF-8 cannot read
    return text, f"utf-8（{bad} 处无法识别的字节已替换为�，第一处在第 {first + 1} 字节）"


def _checked(data: bytes, encoding: str) -> tuple[str, str]:
    text = data.decode(encoding)
    if _implausible(text, at_least=_MIN_ODD_UTF8 if encoding == "utf-8" else 0):
        if encoding == "utf-8":
            # Valid UTF-8 full of control characters is binary; let the caller try others.
            raise UnicodeDecodeError(encoding, data, 0, len(data), "implausible text")
        raise _binary_error()
    return text, encoding


def _utf16_guess(data: bytes) -> str | None:
    """UTF-16 without a BOM: text in the BMP has a zero byte in most ASCII code units."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_zeros = data[0::2].count(0)
    odd_zeros = data[1::2].count(0)
    units = len(data) // 2
    for zeros, encoding in ((odd_zeros, "utf-16-le"), (even_zeros, "utf-16-be")):
        if zeros / units >= 0.2:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                continue
            return encoding
    return None


def _implausible(text: str, at_least: int, sample: int = 50_000) -> bool:
    """Too many unusual characters in the first ``sample`` characters (enough to judge) for
    text: more than ``_MAX_ODD_SHARE`` of them, and more than ``at_least``."""
    text = text[:sample]
    odd = sum(times for ch, times in Counter(text).items() if _is_odd(ch))  # distinct ones
    return odd > at_least and odd > _MAX_ODD_SHARE * len(text)


def _is_odd(ch: str) -> bool:
    if ch in "\n\r\t\f\v\x85":  # line breaks, Word's manual one (\v) included
        return False
    category = unicodedata.category(ch)
    return category in ("Cc", "Co", "Cn", "Cs")


def _binary_error() -> ListError:
    return ListError("文件不是可读取的文本（可能是二进制文件或格式不受支持）。")


def _undecodable_error() -> ListError:
    return ListError("无法识别文件编码：请另存为 UTF-8 或 GB18030 编码的文本后重试。")
