"""责任清单看板: parse a responsibility list into item and assignment tables."""

# Bump whenever a change in lib/ or data/ can change a parse result: the app's cache
# keys parsed documents by content hash *and* this version.
PARSER_VERSION = "2"
