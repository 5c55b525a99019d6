"""Stage 5: a units text → tokens (markers, separators, connectors, mentions, leftovers).

The tokens cover the text exactly, character for character: that is the conservation
check of the parse report. A run without separators (``公安局交通运输局财政局``) is split
by the longest known names first (reference table, names the document writes elsewhere,
collective patterns); unit endings (局, 办, 委 …) are used only on what is left, never
inside brackets, and never leave a piece under two characters.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable
from typing import NamedTuple

from lib.parse.reference import LEVEL_PREFIXES
from lib.parse.units import Lexicon, per_lexicon, remembered_in

MARKERS = "▲★"
SEPARATORS = ",、;。/& \t"  # / as in 发改局/财政局, & as in 建设局&住建集团 (／ ＆ normalized)
_MAX_NAME = 30  # no unit name is longer; bounds the work per run
_NOT_SCORED = object()  # a piece's cost not worked out yet (None: it cannot be a piece)
_TRAILING_BRACKET = re.compile(r"^(?P<name>.+?)\((?P<sub>[^()]*)\)$")


class Token(NamedTuple):
    """One stretch of a units text. ``kind`` is marker, separator, connector, mention or leftover."""

    kind: str
    text: str
    name: str = ""  # mention: the unit name as written, without its bracket
    sub_office: str = ""  # mention: the bracketed sub-office, e.g. 推进办 in 发改局(推进办)
    marked: bool = False  # mention: a ▲/★ stood right before it
    how: str = ""  # mention: known, collective, ending or unknown
    glued: bool = False  # mention: cut from a run without separators


def split_units(text: str, lexicon: Lexicon) -> list[Token]:
    """Split a normalized units text into tokens that cover it exactly (see ``_split``)."""
    return list(_split(text, lexicon))


def split_many(texts: Iterable[str], lexicon: Lexicon) -> list[tuple[Token, ...]]:
    """``split_units`` of each text, as the tuples the lexicon remembers (shared: read only)."""
    known, split = remembered_in(lexicon, _split), _split.__wrapped__
    out = []
    for text in texts:
        found = known.get(text)
        if found is None:
            found = known[text] = split(text, lexicon)
        out.append(found)
    return out


@per_lexicon
def _split(text: str, lexicon: Lexicon) -> tuple[Token, ...]:
    """Tokens of a units text; remembered, since lists repeat the same units texts.

    >>> from lib.parse.units import document_lexicon
    >>> [t.name for t in split_units("▲发改局▲建设集团交通运输局", document_lexicon())
    ...  if t.kind == "mention"]
    ['发改局', '建设集团', '交通运输局']
    """
    if lexicon.base is not None and " " in text and not lexicon.may_use_document_names(text):
        # only rejoining wrapped names looks at the whole text; each chunk below takes the
        # lexicon without the document's names itself when none of them is in it
        return _split(text, lexicon.base)
    root = lexicon.base or lexicon
    parts = remembered_in(root, _chunks).get(text) or _chunks(text, root)  # cut to find names
    known_chunks = remembered_in(lexicon, _chunk_tokens)  # most chunks were split before
    if " " not in text and MARKER.search(text) is None:  # nothing to join or mark: looked up
        pieces = [_PUNCTUATION_ALONE.get(part) or known_chunks.get(part) for part in parts]
        if None not in pieces:
            tokens = [token for piece in pieces for token in piece]
            return tuple(_distribute_each(tokens, lexicon) if "、" in text else tokens)
    tokens: list[Token] = []
    pending_mark = False
    for part in _join_wrapped(parts, lexicon) if " " in text else parts:
        punctuation = _PUNCTUATION.get(part)
        if punctuation is not None:
            pending_mark = pending_mark or punctuation.kind == "marker"
            tokens.append(punctuation)
            continue
        found = known_chunks.get(part)
        if found is None:
            found = _chunk_tokens(part, lexicon)
        if not pending_mark:
            tokens.extend(found)
            continue
        for token in found:
            if token.kind == "mention" and pending_mark:
                token = _marked(token, lexicon)
                pending_mark = False
            tokens.append(token)
    return tuple(_distribute_each(tokens, lexicon) if "、" in text else tokens)


# the tokens of a marker or a one-character separator: the same every time, made once
_PUNCTUATION = {
    **{ch: Token("marker", ch) for ch in MARKERS},
    **{ch: Token("separator", ch) for ch in SEPARATORS},
}
_PUNCTUATION_ALONE = {ch: (token,) for ch, token in _PUNCTUATION.items()}
MARKER = re.compile(f"[{MARKERS}]")  # a ▲ or ★ anywhere


@per_lexicon
def _marked(token: Token, lexicon: Lexicon) -> Token:
    return token._replace(marked=True)


def _join_wrapped(parts: tuple[str, ...], lexicon: Lexicon) -> list[str]:
    """A space inside a name (a PDF line wrap: ``发改 局``, ``自然资源 和规划局``) is not a
    separator: when one side is a single character, or the two sides make a known name."""
    out: list[str] = []
    i = 0
    while i < len(parts):
        text = parts[i]
        while (
            text not in _PUNCTUATION
            and i + 2 < len(parts)
            and parts[i + 1] == " "
            and parts[i + 2] not in _PUNCTUATION
        ):
            following = parts[i + 2]
            if not (
                len(text) == 1
                or len(following) == 1
                or lexicon.is_known(text + following)
                or lexicon.is_known(text.split(" ")[-1] + following)
                or _ending_wrapped(text.split(" ")[-1], following, lexicon)
            ):
                break
            text = text + " " + following
            i += 2
        out.append(text)
        i += 1
    return out


def _ending_wrapped(before: str, after: str, lexicon: Lexicon) -> bool:
    """``区属功能区管 委会``: a name with no unit's ending, then words that are no name of
    their own, together ending like a unit: one name, wrapped inside its ending."""
    reference, root = lexicon.reference, lexicon.base or lexicon  # not the document's own names
    joined = before + after
    return (
        not root.is_known(before)
        and not reference.has_unit_ending(before)
        and not root.is_known(after)
        and any(  # the ending (管委会) begins before the space
            joined.endswith(ending) and len(ending) > len(after)
            for ending in reference.suffix_kinds
        )
    )


def _distribute_each(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """``各县(市)区人民政府、开发(度假)区管委会`` is one collective: 各 governs both kinds;
    so is ``各县、市、区政府`` (各县市区政府 written with 、 between its levels); and a place's
    body with another written bare (``清丰县党委、政府``) is one party."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        levels = _levels_of_each(tokens, i, lexicon)
        if levels:
            text = "".join(t.text for t in tokens[i:levels])
            out.append(Token("mention", text, text, how="collective"))
            i = levels
            continue
        if (
            token.kind == "mention"
            and token.how == "collective"
            and token.name.startswith("各")
            and i + 2 < len(tokens)
            and tokens[i + 1].text == "、"
            and tokens[i + 2].kind == "mention"
            and not tokens[i + 2].marked
            and _each_governs(tokens[i + 2].name, lexicon)
        ):
            following = tokens[i + 2]
            text = token.text + "、" + following.text
            out.append(token._replace(text=text, name=text, sub_office="", glued=False))
            i += 3
            continue
        if _bare_kind_after(tokens, i, lexicon):  # 市直有关部门、单位: 有关 governs both kinds
            text = token.text + "、" + tokens[i + 2].text
            out.append(token._replace(text=text, name=text, sub_office="", glued=False))
            i += 3
            continue
        if _bare_body_after(tokens, i, lexicon):  # 清丰县党委、政府: the county's two bodies
            text = token.text + "、" + tokens[i + 2].text
            out.append(token._replace(text=text, name=text, sub_office="", glued=False))
            i += 3
            continue
        out.append(token)
        i += 1
    return out


def _each_governs(name: str, lexicon: Lexicon) -> bool:
    """After 各平台、: a kind the 各 still governs (部门, 镇街), not a unit of its own."""
    reference = lexicon.reference
    return reference.is_generic_group(name) or (
        not reference.has_unit_ending(name)
        and name not in lexicon.surfaces
        and reference.is_collective("各" + name)
    )


def _bare_kind_after(tokens: list[Token], i: int, lexicon: Lexicon) -> bool:
    """``市直有关部门、单位``: after a collective, a kind of body written bare (单位, 企业: a
    collective's head alone, which names nothing) is the same collective's."""
    token = tokens[i]
    if token.kind != "mention" or token.how != "collective" or i + 2 >= len(tokens):
        return False
    following = tokens[i + 2]
    return (
        tokens[i + 1].text == "、"
        and following.kind == "mention"
        and not following.marked
        and len(following.text) <= 2
        and following.text in lexicon.reference.collective_heads
        and following.text not in lexicon.surfaces
    )


def _bare_body_after(tokens: list[Token], i: int, lexicon: Lexicon) -> bool:
    """``清丰县党委、政府``, ``开发区党工委、管委会``: after a unit of a place, a body written
    with no place (an ending alone: 政府, 管委会) is that place's, and the two are one
    party named together."""
    suffixes = lexicon.reference.suffix_kinds
    token = tokens[i]
    return (
        token.kind == "mention"
        and token.name not in suffixes
        and i + 2 < len(tokens)
        and tokens[i + 1].text == "、"
        and tokens[i + 2].kind == "mention"
        and not tokens[i + 2].marked
        and tokens[i + 2].text in suffixes
        and tokens[i + 2].text not in lexicon.surfaces  # 工商联: a unit's whole name
    )


def _levels_of_each(tokens: list[Token], i: int, lexicon: Lexicon) -> int:
    """Where ``各县、市、区政府`` starting at ``i`` ends (0 when it does not start there): 各
    and one character, then one character after each 、, the last maybe with a name (政府),
    that read without the 、 as a collective (各县市区政府, 各乡、镇人民政府)."""
    token = tokens[i]
    if token.kind != "mention" or len(token.text) != 2 or token.text[0] != "各":
        return 0
    j = i + 1
    while j + 1 < len(tokens) and tokens[j].text == "、" and len(tokens[j + 1].text) == 1:
        j += 2
    if j == i + 1 and not (  # 各乡、镇人民政府: two levels, the second with the body's name
        j + 1 < len(tokens) and tokens[j].text == "、" and tokens[j + 1].text.endswith("政府")
    ):
        return 0
    if j + 1 < len(tokens) and tokens[j].text == "、" and tokens[j + 1].kind == "mention":
        whole = "".join(t.text for t in tokens[i : j + 2] if t.text != "、")
        if lexicon.reference.is_collective(whole):
            return j + 2
    whole = "".join(t.text for t in tokens[i:j] if t.text != "、")
    return j if lexicon.reference.is_collective(whole) else 0


_CUTTING = re.escape(SEPARATORS + MARKERS)
_PLAIN_CUT = re.compile(f"([{_CUTTING}])")  # split() keeps each separator or marker


@per_lexicon
def _chunks(text: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The text cut at separators and markers outside brackets: each part is one separator or
    marker character (a key of ``_PUNCTUATION``) or a chunk between them — remembered in the
    lexicon without the document's names (``base``), since each units text is cut once to
    learn the document's names and once to split.

    >>> from lib.parse.units import document_lexicon
    >>> _chunks("▲发改局(推进办、督查室)、财政局", document_lexicon())
    ('▲', '发改局(推进办、督查室)', '、', '财政局')
    """
    return tuple(_cut(text))


def _cut(text: str) -> list[str]:
    parts = list(filter(None, _PLAIN_CUT.split(text)))  # one split in C, empty parts dropped
    if "(" not in text:
        return parts
    out: list[str] = []  # a separator or marker inside brackets cuts nothing: parts rejoin
    depth = 0
    for part in parts:
        if depth > 0:
            out[-1] += part
        else:
            out.append(part)
        if "(" in part or ")" in part:
            for ch in part:
                if ch == "(":
                    depth += 1
                elif ch == ")" and depth:
                    depth -= 1
    return out


def document_names(texts: Iterable[str], lexicon: Lexicon) -> set[str]:
    """Names a document writes on their own, between separators, that the lexicon lacks.

    A chunk is such a name when it ends like a unit, holds no known name of three or more
    characters and no strong ending (局, 集团 …) with a name's worth after it. ``建设集团``
    written alone in one item then helps to split ``▲建设局建设集团财政局`` in another and
    to correct ``设集团``.
    """
    root = lexicon.base or lexicon
    known = remembered_in(root, _chunks)
    chunks = {
        part
        for text in texts
        for part in known.get(text) or _chunks(text, root)
        if part not in _PUNCTUATION
    }
    reference = lexicon.reference
    names: set[str] = set()
    for chunk in chunks:
        core, _ = _strip_connectors(chunk, lexicon)
        name = _name_and_sub(core)[0] if core.endswith(")") else core
        if (
            len(name) < 2
            or "(" in name
            or lexicon.is_known(name)
            or not reference.has_unit_ending(name)
            or reference.is_collective(name)
            or _inner_ending_spans_after(name, lexicon)
            or _holds_known_name(name, lexicon)
            or _two_known_names(name, lexicon)
        ):
            continue
        names.add(name)
    return names


def _inner_ending_spans_after(name: str, lexicon: Lexicon) -> bool:
    """A strong ending inside ``name`` with two or more characters after it."""
    return any(
        start > 0 and end <= len(name) - 2 for start, end in _inner_ending_spans(name, lexicon)
    )


def _two_known_names(name: str, lexicon: Lexicon) -> bool:
    """``法院法院``, ``法院检察院``: two known names run together are not a name of their own."""
    return any(
        lexicon.is_known(name[:k]) and lexicon.is_known(name[k:]) for k in range(2, len(name) - 1)
    )


def _holds_known_name(name: str, lexicon: Lexicon) -> bool:
    """Does a known name of three or more characters sit inside ``name`` (not as all of it)?"""
    for i in range(len(name)):
        for length in lexicon.name_lengths(name[i]):
            if (
                length >= 3
                and i + length <= len(name)
                and (i, length) != (0, len(name))
                and lexicon.is_known(name[i : i + length])
            ):
                return True
    return False


@per_lexicon
def _chunk_tokens(chunk: str, lexicon: Lexicon) -> tuple[Token, ...]:
    """Tokens of one separator-free chunk."""
    if lexicon.base is not None and (
        chunk in lexicon.document_names or not lexicon.may_use_document_names(chunk)
    ):
        # a chunk that is one of the document's names was read as that name without them
        return _chunk_tokens(chunk, lexicon.base)
    inner = lexicon.reference.inner_connector
    match = inner.search(chunk, 2) if inner is not None and len(chunk) > 4 else None
    if match and match.end() < len(chunk) - 1 and not lexicon.is_known(chunk):
        # 农业农村部等和各有关省级人民政府: a list, then a collective, in one run
        return (
            *_chunk_tokens(chunk[: match.start()], lexicon),
            Token("connector", match.group()),
            *_chunk_tokens(chunk[match.end() :], lexicon),
        )
    core, connectors = _strip_connectors(chunk, lexicon)
    tokens = []
    for token in _segment(core, lexicon):
        if (  # 区科技局等区级有关部门: a list, 等, then a collective of its kind
            token.kind == "mention"
            and token.text.startswith("等")
            and lexicon.reference.is_collective(token.text[1:])
        ):
            rest = token.text[1:]
            tokens += [Token("connector", "等"), _piece_token(rest, "collective", False, lexicon)]
        else:
            tokens.append(token)
    for connector in connectors:
        tokens.append(Token("connector", connector))
    return tuple(tokens)


def _strip_connectors(chunk: str, lexicon: Lexicon) -> tuple[str, list[str]]:
    """``大数据中心等相关单位`` → (``大数据中心``, [``等相关单位``]); a name is never eaten."""
    connectors: list[str] = []
    core = chunk
    changed = chunk[-1:] in lexicon.reference.connector_endings
    while changed:
        changed = False
        for connector in lexicon.reference.end_connectors:
            rest = core[: -len(connector)]
            if (
                core.endswith(connector)
                and (len(rest) >= 2 or not rest)
                and not lexicon.is_known(core)
            ):
                connectors.insert(0, connector)
                core = rest
                changed = bool(core)
                break
    return core, connectors


@per_lexicon
def _segment(core: str, lexicon: Lexicon) -> tuple[Token, ...]:
    """Cheapest cut of a separator-free run into names (dynamic programming over cut points).

    A known name costs 1 whatever its length, a collective 1.2, a piece cut at a unit
    ending 1 + len/2 (+2 for each strong ending such as 局 or 集团 inside it), an unknown
    tail 2 + len, a stray character 8: so known names win, endings only cut what is left,
    and fewer pieces win ties.
    """
    if not core:
        return ()
    if lexicon.is_known(core) or lexicon.reference.is_collective(core):
        return (
            _piece_token(core, "known" if lexicon.is_known(core) else "collective", False, lexicon),
        )
    members = next((h for h in lexicon.reference.member_heads if core.endswith(h)), "")
    if members and len(core) > len(members) + 2:  # 区疫情防控指挥部成员单位: one body's members
        body = _segment(core[: -len(members)], lexicon)
        if len(body) == 1 and body[0].kind == "mention":
            return (_piece_token(core, "collective", False, lexicon),)
    n = len(core)
    cut = _one_cut_into_known_names(core, lexicon)
    if cut:
        return _tokens_of_pieces(core, [(0, cut, "known"), (cut, n, "known")], lexicon)
    cuts = _cut_points(core)
    spaced = " " in core
    if spaced:
        for index, ch in enumerate(core):
            if ch == " ":  # a space left inside a run by _join_wrapped stays inside one name
                cuts[index] = cuts[index + 1] = False
        ends_like_unit = [True] * (n + 1)  # positions shift where spaces go: try every end
    else:
        ends_like_unit = _unit_ends(core, lexicon)
    inner = _inner_ending_spans(core, lexicon)
    # Where a piece may end: a unit ending, a closing bracket, the end of the run. Known
    # names and collectives add their own ends below; everything else cannot be a piece.
    plain_ends = [
        j
        for j in range(1, n + 1)
        if cuts[j] and (j == n or ends_like_unit[j] or core[j - 1] == ")")
    ]
    reference = lexicon.reference
    costs = lexicon.memo.setdefault("_piece_cost", {})  # the runs of one list share their pieces
    best: list[tuple[float, int, int, str] | None] = [None] * (n + 1)
    best[0] = (0.0, 0, -1, "")
    for i in range(n):
        entry = best[i]
        if entry is None or not cuts[i]:
            continue
        base_cost, base_pieces = entry[0], entry[1]
        if best[n] is not None and base_cost >= best[n][0]:
            continue  # every piece costs at least 1: no path on from here beats the best reading
        limit = min(n, i + _MAX_NAME)
        if spaced or reference.may_start_collective(core, i):
            ends: Iterable[int] = range(i + 1, limit + 1)  # wrapped names, collectives: every end
        else:
            ends = sorted(
                {
                    i + 1,
                    *plain_ends[
                        bisect.bisect_right(plain_ends, i) : bisect.bisect_right(plain_ends, limit)
                    ],
                    *(i + k for k in lexicon.name_lengths(core[i]) if i + k <= n),
                }
            )
        for j in ends:
            if not cuts[j]:
                continue
            key = (core[i:j], j == n)
            scored = costs.get(key, _NOT_SCORED)
            if scored is _NOT_SCORED:
                scored = costs[key] = _piece_cost(key[0], key[1], lexicon)
            if scored is None:
                continue
            cost, how = scored
            if how == "ending" and inner:
                cost += 2 * sum(1 for start, end in inner if start > i and end <= j - 2)
            total, pieces = base_cost + cost, base_pieces + 1
            current = best[j]
            if current is None or (total, pieces) < (current[0], current[1]):
                best[j] = (total, pieces, i, how)
    if best[n] is None:  # nested brackets and the like: no reading, so all of it is reported
        return (Token("leftover", core),)
    pieces: list[tuple[int, int, str]] = []
    j = n
    while j > 0:
        entry = best[j]
        assert entry is not None  # every step of a found path was recorded
        pieces.append((entry[2], j, entry[3]))
        j = entry[2]
    pieces.reverse()
    return _tokens_of_pieces(core, pieces, lexicon)


def _tokens_of_pieces(
    core: str, pieces: list[tuple[int, int, str]], lexicon: Lexicon
) -> tuple[Token, ...]:
    """The tokens of the pieces a run was cut into (start, end, how), owners joined first."""
    pieces = _joiners_cut(core, _join_owners(core, pieces, lexicon), lexicon)
    glued = sum(1 for _, _, how in pieces if how not in ("leftover", "connector")) > 1
    return tuple(_piece_token(core[i:j], how, glued, lexicon) for i, j, how in pieces)


def _joiners_cut(
    core: str, pieces: list[tuple[int, int, str]], lexicon: Lexicon
) -> list[tuple[int, int, str]]:
    """``区发改局和区财政局``: a 和 (及, 与) between two units joins them, no part of the second's
    name (a name read whole, 和平区财政局 alone or a branch 公安局和平分局, is left)."""
    joiners = lexicon.reference.collective_joiners
    out: list[tuple[int, int, str]] = []
    for start, end, how in pieces:
        piece = core[start:end]
        joiner = next((j for j in joiners if piece.startswith(j)), "")
        rest = piece[len(joiner) :]
        if (
            joiner
            and out
            and out[-1][2] in ("known", "ending")
            and how in ("ending", "unknown")
            and len(rest) >= 2
            and not lexicon.is_known(piece)
            and (lexicon.is_known(rest) or lexicon.reference.has_unit_ending(rest))
        ):
            cut = start + len(joiner)
            out += [
                (start, cut, "connector"),
                (cut, end, "known" if lexicon.is_known(rest) else how),
            ]
        else:
            out.append((start, end, how))
    return out


def _one_cut_into_known_names(core: str, lexicon: Lexicon) -> int:
    """Where ``core`` splits into two known names, if it does at exactly one place (else 0).

    That is the cheapest cut: no reading of one piece costs under 2 once the run itself is
    neither known nor a collective (a piece cut at an ending costs 1 + len/2, an unknown tail
    2 + len, a bracket would be needed for the other readings of one piece), and any other
    reading of two pieces at cost 2 would be another such place. So the search is skipped.
    """
    if len(core) < 3 or "(" in core or ")" in core or " " in core:
        return 0  # (two characters read as one piece cut at an ending: 1 + 2/2, fewer pieces)
    found = [
        k
        for k in lexicon.name_lengths(core[0])
        if k < len(core) and lexicon.is_known(core[:k]) and lexicon.is_known(core[k:])
    ]
    return found[0] if len(found) == 1 else 0


def _join_owners(
    core: str, pieces: list[tuple[int, int, str]], lexicon: Lexicon
) -> list[tuple[int, int, str]]:
    """``国务院`` + ``国资委`` → ``国务院国资委``, ``国家税务总局`` + ``成都市税务局``: a body named
    after its owner (a State Council body, a vertical agency, a state company) is one name; so is
    a branch after its unit (``市公安局`` + ``开发区分局``), unless the branch is a unit we know."""
    owners = lexicon.reference.owner_prefixes
    branches = lexicon.reference.branch_suffixes
    out: list[tuple[int, int, str]] = []
    for start, end, how in pieces:
        piece = core[start:end]
        before = core[out[-1][0] : out[-1][1]] if out else ""
        owned = before.startswith(owners)
        branch = (
            before
            and out[-1][2] in ("known", "ending")
            and piece.endswith(branches)
            and not lexicon.is_known(piece)
            and piece[:1] not in LEVEL_PREFIXES
        )
        if out and how != "leftover" and (owned or branch):
            out[-1] = (out[-1][0], end, "ending")
        else:
            out.append((start, end, how))
    return out


def _unit_ends(core: str, lexicon: Lexicon) -> list[bool]:
    """For each position j: does ``core[:j]`` end like a unit (局, 集团, 街道 …)?"""
    reference = lexicon.reference
    kinds, lengths, last = reference.suffix_kinds, reference.suffix_lengths, reference.suffix_ends
    ends = [False] * (len(core) + 1)
    for j in range(2, len(core) + 1):
        if core[j - 1] in last:  # most characters end no suffix
            ends[j] = any(j > k and core[j - k : j] in kinds for k in lengths)
    return ends


def _inner_ending_spans(core: str, lexicon: Lexicon) -> list[tuple[int, int]]:
    """(start, end) of every strong ending (局, 集团 …) in the run.

    A piece that holds one with two or more characters after it is likely two units
    (``水务集团暨阳街道``), so it costs more. (No strong ending holds another, so at most one
    starts at a place.)
    """
    return [
        (m.start(), m.start() + len(m[1])) for m in lexicon.reference.strong_pattern.finditer(core)
    ]


def _cut_points(core: str) -> list[bool]:
    """True where a name may start or end: not inside a matched pair of brackets.

    An unmatched bracket is an ordinary character (a truncated ``相关镇乡(`` leaves it over).
    """
    cuts = [True] * (len(core) + 1)
    if "(" not in core:
        return cuts
    opened: list[int] = []
    for i, ch in enumerate(core):
        if ch == "(":
            opened.append(i)
        elif ch == ")" and opened:
            start = opened.pop()
            for inside in range(start + 1, i + 1):
                cuts[inside] = False
    return cuts


def _name_and_sub(piece: str) -> tuple[str, str]:
    """``发改局(推进办)`` → (发改局, 推进办); a piece without a trailing bracket → (piece, "")."""
    match = _TRAILING_BRACKET.match(piece)
    if match:
        return match["name"], match["sub"]
    return piece, ""


def _piece_cost(piece: str, is_last: bool, lexicon: Lexicon) -> tuple[float, str] | None:
    """Cost and reading of one candidate piece, or None when it cannot be a piece."""
    reference = lexicon.reference
    if " " in piece:
        piece = piece.replace(" ", "")  # a wrapped name reads as one
    if not piece.isalnum() and not any(ch.isalnum() for ch in piece):  # ——, /, …: a placeholder
        return 8.0, "leftover"
    bracketed = "(" in piece or ")" in piece
    if bracketed and not _balanced(piece):
        # a stray bracket, or a bracketed note standing alone: reported, never a name
        alone = piece[0] == "(" and piece[-1] == ")" and _balanced(piece[1:-1] or "x")
        return (8.0, "leftover") if len(piece) == 1 or alone else None
    if lexicon.is_known(piece):
        return 1.0, "known"
    if reference.may_be_collective(piece) and reference.is_collective(piece):
        return 1.2, "collective"  # brackets belong to the name: 各镇乡(街道)
    name = _name_and_sub(piece)[0] if bracketed else piece
    if name != piece and name:
        if lexicon.is_known(name):
            return 1.05, "known"
        if reference.may_be_collective(name) and reference.is_collective(name):
            return 1.25, "collective"
    if _placed_known(name, lexicon):  # 托里县住房和城乡建设局: a place's known body, whole
        return 1.5, "ending"
    if len(name) >= 2 and reference.has_unit_ending(name):
        weak = 3 if reference.short_weak_ending(name) else 0  # 市城乡 in 市城乡水务局
        return 1 + len(
            name
        ) / 2 + weak, "ending"  # + strong endings inside it, counted by the caller
    if is_last and len(name) >= 2:
        return 2 + len(name), "unknown"
    if len(piece) == 1:
        return 8.0, "leftover"
    return None


_PLACE = re.compile(r"[\u4e00-\u9fff]{1,6}?[省市县区州旗盟]")  # 托里县, 和布克赛尔县


def _placed_known(name: str, lexicon: Lexicon) -> bool:
    """A place's name before a known body (托里县 + 住房和城乡建设局), or before words that end like
    no unit and then a known body: one unit, not a township ``托里县城乡`` and a bare 建设局
    (团市委市信访局 is two: 团市委 ends like a unit)."""
    place = _PLACE.match(name)
    rest = name[place.end() :] if place else ""
    strong = lexicon.reference.strong_pattern
    if (
        len(rest) < 2
        or rest[0] == "级"  # 市国资委等市级有关部门: a level, not a place
        or strong.search(rest[:-1]) is not None
        or strong.search(place.group()) is not None
        or any(word in place.group() for word in "等、委办")
        or place.group()[0] in LEVEL_PREFIXES  # 县妇联区…: a unit, then a place's level
        or _names_inside(place.group()[:-1], lexicon)  # 相关镇街诸暨县: a unit before
        or place.group()[0] in "各全本该每其两"  # 各市…: every city's, no place
    ):
        return False
    if lexicon.is_known(rest):
        return True
    # the longest known body it ends with, after words that end like no unit (住房 + 建设局)
    at = next((i for i in range(1, len(rest) - 1) if lexicon.is_known(rest[i:])), 0)
    words = rest[:at]
    reference = lexicon.reference
    return len(words) >= 2 and not (
        _names_inside(words, lexicon)
        or reference.has_unit_ending(words)
        or lexicon.is_known(words)
        or any(ch in _ending_chars(reference) for ch in words)  # 团市委市人社局: 委
    )


@functools.lru_cache(maxsize=4)
def _ending_chars(reference) -> frozenset[str]:
    """The characters unit endings end with (局, 委, 乡 …: data/unit_suffixes.csv)."""
    return frozenset(suffix[-1] for suffix in reference.suffix_kinds)


def _names_inside(stem: str, lexicon: Lexicon) -> bool:
    """A known name, or words ending like a unit, anywhere in a place's name: no place's."""
    reference = lexicon.reference
    return any(
        lexicon.is_known(stem[i:j]) or reference.has_unit_ending(stem[i:j])
        for i in range(len(stem))
        for j in range(i + 2, len(stem) + 1)
    )


def _balanced(piece: str) -> bool:
    """Brackets open before they close and all close; a name never starts with one."""
    if piece[0] in "()":
        return False
    depth = 0
    for ch in piece:
        depth += (ch == "(") - (ch == ")")
        if depth < 0:
            return False
    return depth == 0


def _piece_token(piece: str, how: str, glued: bool, lexicon: Lexicon) -> Token:
    if how in ("leftover", "connector"):
        return Token(how, piece)
    text, piece = piece, piece.replace(" ", "")
    name, sub = _name_and_sub(piece)
    if lexicon.is_known(piece) or (how == "collective" and lexicon.reference.is_collective(piece)):
        name, sub = piece, ""  # the brackets are part of the name
    return Token("mention", text, name=name, sub_office=sub, how=how, glued=glued)
