"""Corrections that stay: a name mapped onto a unit on the review page is kept per place and
applies to every list of that place, those stored and those uploaded later; each says who
made it and when, and can be undone (kept in the history as undone)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select, update

from lib.parse.errors import ListError
from lib.store.models import Correction

MAP = "map"


@dataclass(frozen=True)
class Made:
    id: int
    name: str
    target: str
    author: str
    made_at: datetime.datetime
    undone_at: datetime.datetime | None


def scope_of(place: str, doc_id: str) -> str:
    """Where a correction applies: the list's place, or the list itself when it names none.

    >>> scope_of("诸暨", "9e925399fc8f"), scope_of("", "9e925399fc8f")
    ('诸暨', 'doc:9e925399fc8f')
    """
    return place or f"doc:{doc_id}"


def add_mapping(engine: Engine, scope: str, name: str, target: str, author: str) -> None:
    """Map ``name`` onto ``target`` for every list of ``scope`` (a later mapping of the same
    name replaces the earlier one, which is kept as undone)."""
    author = " ".join(author.split())[:40]
    if not author:
        raise ListError("请先填写您的姓名：每条修改都记下是谁做的。")
    if name == target:
        raise ListError("名称和要归并到的单位相同。")
    now = datetime.datetime.now(datetime.UTC)
    with engine.begin() as connection:
        connection.execute(
            update(Correction).where(_active(scope), Correction.name == name).values(undone_at=now)
        )
        connection.execute(
            insert(Correction).values(
                scope=scope, action=MAP, name=name, target=target, author=author, made_at=now
            )
        )


def mappings(engine: Engine, scope: str) -> dict[str, str]:
    """The active mappings of ``scope``: name → unit, oldest first."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(Correction.name, Correction.target).where(_active(scope)).order_by(Correction.id)
        ).all()
    return dict(rows)


def history(engine: Engine, scope: str) -> list[Made]:
    """Every correction of ``scope``, the newest first, undone ones included."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                Correction.id,
                Correction.name,
                Correction.target,
                Correction.author,
                Correction.made_at,
                Correction.undone_at,
            )
            .where(Correction.scope == scope)
            .order_by(Correction.id.desc())
        ).all()
    return [Made(*row) for row in rows]


def undo(engine: Engine, correction_id: int) -> None:
    with engine.begin() as connection:
        connection.execute(
            update(Correction)
            .where(Correction.id == correction_id, Correction.undone_at.is_(None))
            .values(undone_at=datetime.datetime.now(datetime.UTC))
        )


def _active(scope: str):
    return (Correction.scope == scope) & (Correction.action == MAP) & Correction.undone_at.is_(None)
