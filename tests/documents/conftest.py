"""The documents tests share the workspace fixtures: two groups, their people and documents."""

from tests.workspaces.conftest import client_for, documents, groups, people  # noqa: F401
