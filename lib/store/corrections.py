"""Corrections that stay: a person's corrections of the reading (a name mapped onto a unit,
renamed, accepted as a unit of a kind or as a collective, a wrongly split name merged) are kept
per place and apply to every list of that place, those stored and those uploaded later; each
says who made it and when, and can be undone (kept in the history as undone)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, insert, select, update

from lib.analyse.review import MERGE, Rule, checked
from lib.parse.errors import ListError
from lib.store.models import Correction


@dataclass(frozen=True)
class Made:
    id: int
    rule: Rule
    author: str
    made_at: datetime.datetime
    undone_at: datetime.datetime | None


def scope_of(place: str, doc_id: str) -> str:
    """Where a correction applies: the list's place, or the list itself when it names none.

    >>> scope_of("诸暨", "9e925399fc8f"), scope_of("", "9e925399fc8f")
    ('诸暨', 'doc:9e925399fc8f')
    """
    return place or f"doc:{doc_id}"


def add(engine: Engine, scope: str, rule: Rule, author: str) -> None:
    """Keep ``rule`` for every list of ``scope``; a later correction of the same name replaces
    the earlier one (a merge replaces only a merge), which is kept as undone."""
    add_all(engine, scope, [rule], author)


def add_all(engine: Engine, scope: str, rules: Iterable[Rule], author: str) -> int:
    """Keep every rule in one transaction (all or none); how many were kept."""
    author = " ".join(author.split())[:40]
    if not author:
        raise ListError("请先填写您的姓名：每条修改都记下是谁做的。")
    rules = [checked(rule) for rule in rules]
    now = datetime.datetime.now(datetime.UTC)
    with engine.begin() as connection:
        for rule in rules:
            _replace(connection, scope, rule, author, now)
    return len(rules)


def add_mapping(engine: Engine, scope: str, name: str, target: str, author: str) -> None:
    """Map ``name`` onto the existing unit ``target`` for every list of ``scope``."""
    add(engine, scope, Rule("map", name, target), author)


def _replace(connection: Connection, scope: str, rule: Rule, author: str, now) -> None:
    same = Correction.action == MERGE if rule.action == MERGE else Correction.action != MERGE
    connection.execute(
        update(Correction)
        .where(_active(scope), same, Correction.name == rule.name)
        .values(undone_at=now)
    )
    connection.execute(
        insert(Correction).values(
            scope=scope,
            action=rule.action,
            name=rule.name,
            target=rule.target,
            kind=rule.kind,
            author=author,
            made_at=now,
        )
    )


def rules(engine: Engine, scope: str) -> tuple[Rule, ...]:
    """The active corrections of ``scope``, oldest first."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(Correction.action, Correction.name, Correction.target, Correction.kind)
            .where(_active(scope))
            .order_by(Correction.id)
        ).all()
    return tuple(Rule(*row) for row in rows)


def mappings(engine: Engine, scope: str) -> dict[str, str]:
    """The active corrections of ``scope`` that rename a unit: name → unit, oldest first."""
    return {
        rule.name: rule.target for rule in rules(engine, scope) if rule.action in ("map", "rename")
    }


def history(engine: Engine, scope: str) -> list[Made]:
    """Every correction of ``scope``, the newest first, undone ones included."""
    with engine.connect() as connection:
        rows = connection.execute(
            select(
                Correction.id,
                Correction.action,
                Correction.name,
                Correction.target,
                Correction.kind,
                Correction.author,
                Correction.made_at,
                Correction.undone_at,
            )
            .where(Correction.scope == scope)
            .order_by(Correction.id.desc())
        ).all()
    return [Made(row[0], Rule(*row[1:5]), *row[5:]) for row in rows]


def undo(engine: Engine, correction_id: int) -> None:
    with engine.begin() as connection:
        connection.execute(
            update(Correction)
            .where(Correction.id == correction_id, Correction.undone_at.is_(None))
            .values(undone_at=datetime.datetime.now(datetime.UTC))
        )


def _active(scope: str):
    return (Correction.scope == scope) & Correction.undone_at.is_(None)
