"""Where the library lives and how it is opened: ``ZRQD_DATABASE_URL`` (PostgreSQL for several
app servers, ``postgresql+psycopg://…``), else an SQLite file in ``ZRQD_DATA_DIR`` (default
``./var/``, made on first use). Opening migrates the schema to the newest Alembic revision."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError

URL_VARIABLE = "ZRQD_DATABASE_URL"
DATA_DIR_VARIABLE = "ZRQD_DATA_DIR"
ROOT = Path(__file__).resolve().parents[2]
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
HEAD = "0004"  # the newest migration (a test checks it against Alembic's own scripts)


def database_url() -> str:
    """The library's URL from the environment; the SQLite file's folder is made if missing."""
    url = os.environ.get(URL_VARIABLE, "").strip()
    if url:
        return url
    folder = Path(os.environ.get(DATA_DIR_VARIABLE, "").strip() or ROOT / "var")
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder.resolve() / 'library.sqlite3'}"


def library_engine(url: str | None = None) -> Engine:
    """The engine of the library at ``url`` (default: ``database_url()``), migrated; one per
    URL and process."""
    return _engine(url or database_url())


@functools.cache
def _engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        # a server that does not answer is given up after 5 s, not the system's minutes
        engine = create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 5})
    if _revision(engine) != HEAD:  # Alembic (a third of a second to import) only when needed
        migrate(engine)
    return engine


def _revision(engine: Engine) -> str | None:
    """The schema's Alembic revision; None for an empty database."""
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError:  # no such table yet
        return None


def _sqlite_pragmas(connection, _record) -> None:
    """Foreign keys on (a deleted document takes its rows); WAL lets readers go on while one
    session writes."""
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def migrate(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision`` with Alembic (from an empty database or any older one)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
