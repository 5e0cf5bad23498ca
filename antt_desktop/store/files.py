"""Names of the files of a post, for code that must not load the database layer to know them
(the window shows its login before SQLAlchemy is imported)."""

DB_FILENAME = "antt.sqlite3"
