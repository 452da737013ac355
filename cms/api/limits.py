"""Bounds every API applies to its parameters, so that v2, v3 and search refuse alike."""

# Database ids are 64-bit: a larger number names nothing (and would overflow SQLite), and no
# client pages a billion items deep. Both versions refuse such values as bad parameters.
MAX_ID = 2**63 - 1
MAX_OFFSET = 10**9
# Tags one list may be narrowed by: each is a join, and a handful is what a reader combines.
MAX_TAGS = 10
TAGS_RULE = f"at most {MAX_TAGS} tags"
