"""The schema revision this code expects; kept apart so checking it imports nothing heavy."""

#: The newest migration in ``migrations/versions``; a test keeps it equal to Alembic's head.
HEAD_REVISION = "0004"
