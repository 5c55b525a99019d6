"""The list library: stored uploads (their bytes, parsed tables and metadata) in a database,
SQLite in a local folder by default, PostgreSQL when several app servers share one library.
No Streamlit here: the app, the command line and the tests use the same functions."""
