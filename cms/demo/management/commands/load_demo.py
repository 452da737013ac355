"""`manage.py load_demo`: the Clusters Cord demo site, safe to run again."""

import os
import time

from django.core.management.base import BaseCommand, CommandError

from cms.demo import content
from cms.demo.builder import DemoContentError
from cms.demo.load import demo_load

SITE_URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    """Load (or bring up to date) the demo pages, documents and logins."""

    help = (
        "Load the Clusters Cord demo content: locales, site, pages, documents and the "
        f"'admin' and 'editor' logins (password from ${content.DEMO_PASSWORD_ENV}, "
        f"default {content.DEMO_PASSWORD_DEFAULT!r}). Running it again changes nothing."
    )

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        password = os.environ.get(content.DEMO_PASSWORD_ENV) or content.DEMO_PASSWORD_DEFAULT

        def log(message: str) -> None:
            if verbosity >= 1:
                self.stdout.write(message)

        started = time.monotonic()
        try:
            demo = demo_load(password=password, log=log)
        except DemoContentError as error:
            raise CommandError(str(error)) from error
        if verbosity < 1:
            return

        elapsed = time.monotonic() - started
        language = demo.home.locale.language_code
        self.stdout.write(self.style.SUCCESS(f"Demo loaded in {elapsed:.1f} s."))
        self.stdout.write(f"Site:  {SITE_URL}/{language}/")
        self.stdout.write(f"Admin: {SITE_URL}/admin/")
        # A password chosen through the environment is not echoed back into logs.
        shown = (
            f"(password from ${content.DEMO_PASSWORD_ENV})"
            if os.environ.get(content.DEMO_PASSWORD_ENV)
            else password
        )
        for username in demo.usernames:
            self.stdout.write(f"Login: {username} / {shown}")
