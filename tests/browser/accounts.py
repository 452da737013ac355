"""Signing the demo's people in, in the admin and on the site, as they would do it by hand."""

import os
import re

from cms.demo.content import DEMO_PASSWORD_DEFAULT, DEMO_PASSWORD_ENV

# What `load_demo` gave every demo login in this session.
DEMO_PASSWORD = os.environ.get(DEMO_PASSWORD_ENV) or DEMO_PASSWORD_DEFAULT

# The site's sign-in form, in each language it is served in.
SITE_SIGN_IN = {
    "it": {"username": "Indirizzo email o nome utente", "submit": "Accedi"},
    "en": {"username": "Email address or user name", "submit": "Sign in"},
}


def admin_sign_in(demo_site, tab, username: str) -> None:
    """Sign in to Wagtail's admin; the tab is expected to ask for English."""
    demo_site.visit(tab, "/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(DEMO_PASSWORD)
    tab.get_by_role("button", name="Sign in").click()
    tab.wait_for_url(demo_site("/admin/"))


def fill_site_sign_in(tab, username: str, *, language: str) -> None:
    """Fill and send the site's sign-in form already on screen."""
    labels = SITE_SIGN_IN[language]
    form = tab.get_by_role("main")
    form.get_by_label(labels["username"]).fill(username)
    form.get_by_label("Password").fill(DEMO_PASSWORD)
    form.get_by_role("button", name=labels["submit"], exact=True).click()


def site_sign_in(demo_site, tab, username: str, *, language: str = "it") -> None:
    """Sign in on the site's own page; the account page follows."""
    demo_site.visit(tab, f"/{language}/account/login/")
    fill_site_sign_in(tab, username, language=language)
    tab.wait_for_url(re.compile(rf"/{language}/account/$"))
