"""Reads for partners, thematic groups and their workspaces, one module per concern:
`partners` (partners, groups and who belongs where), `workspaces` (which version of a page owns
access, a group's workspace, who may enter) and `workspace_documents` (a workspace's documents
and their filters)."""
