"""Alembic's entry: migrations run on the connection the library hands over (``lib.store.db``),
or on ``sqlalchemy.url`` when Alembic is run by hand (``alembic upgrade head``)."""

from alembic import context
from sqlalchemy import engine_from_config, pool

from lib.store.models import Base

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = engine_from_config(
        config.get_section(config.config_ini_section, {}),
        prefix="sqlalchemy.",
        poolclass=pool.NullPool,
    )
    with engine.connect() as connection:
        context.configure(connection=connection, target_metadata=target_metadata)
        with context.begin_transaction():
            context.run_migrations()


run()
