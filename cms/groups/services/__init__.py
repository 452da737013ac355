"""Writes for thematic groups' workspaces and partner accounts, one module per concern:
`workspaces` (a group's members group, collection, workspace page and their restrictions),
`membership` (who is in a workspace's members group), `invitations` (partner accounts and their
emails) and `workspace_documents` (members' uploads and their details)."""
