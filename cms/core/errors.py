"""The JSON error body Cordata answers clients with: the one definition of its shape.

`{"message"}`, plus the RFC 7807 members (`type`, `title`, `status`, `detail`, `errors`) when
the client reads problem documents (API v3). It lives in core rather than in the API package
because core answers with it too (the translation editor's refusals, which
`static/core/translation-editor-refusals.js` reads) and core never imports the API package,
whose `errors` module builds every API refusal on it (statuses, messages, headers, 404s).
One function, so the editor and the APIs cannot drift apart.
"""

from http import HTTPStatus


def error_body(status: int, message: str, *, problem: bool, errors: list | None = None) -> dict:
    """An error document: `{"message"}`, plus the RFC 7807 members for API v3."""
    body: dict = {"message": message}
    if problem:
        body.update(
            type="about:blank", title=HTTPStatus(status).phrase, status=status, detail=message
        )
        if errors:
            body["errors"] = errors
    return body
