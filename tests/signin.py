"""Signing in the way people do: a POST to the real sign-in form, through django-axes; and
presenting an API token.

Django's `client.login()` calls `authenticate()` without a request, which the lockout backend
refuses; tests that need a session from a password use these instead (or `force_login`).
"""

SITE_LOGIN = "/it/account/login/"
ADMIN_LOGIN = "/admin/login/"


def sign_in(client, *, username: str, password: str, path: str = SITE_LOGIN, **extra):
    """Post the credentials to the sign-in form at `path`; the response (302 when it worked)."""
    return client.post(path, {"username": username, "password": password}, **extra)


def signed_in(client, *, username: str, password: str, path: str = SITE_LOGIN) -> bool:
    """Whether the form at `path` signed the client in."""
    response = sign_in(client, username=username, password=password, path=path)
    return response.status_code == 302 and "_auth_user_id" in client.session


def bearer(token: str | None) -> dict:
    """The request headers that present API `token` (none for an anonymous request)."""
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
