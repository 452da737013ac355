"""Search benchmark: 10,000 pages and 2,000 documents in Italian and English, in a throwaway SQLite file.

Run with `.venv/bin/python bench/search.py` (options: `--pages`, `--documents`, `--requests`,
`--seed`, `--keep`, `--reuse DIR`, `--served` to time the same requests over HTTP against
gunicorn with production settings too). It builds the content with indexing switched off, times a full
`update_index` (indexing throughput), then times searches through Django's test client, for the
search page and for the search API, and prints p50/p95 per kind. Targets: search p95 < 50 ms,
full index < 2 minutes. It never runs in the test suite.
"""

from __future__ import annotations

import argparse
import gc
import io
import itertools
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ITALIAN = {
    "nouns": (
        "cluster agenzia impresa regione piano strategia innovazione cooperazione turismo energia "
        "ambiente formazione ricerca mercato distretto filiera prodotto servizio progetto "
        "qualità città territorio sviluppo competenza tecnologia rete partner forum visita "
        "valutazione azione obiettivo indicatore bilancio export vino olio cantina frantoio"
    ).split(),
    "inflected": (
        "cluster agenzie imprese regioni piani strategie innovazioni turistici energetiche "
        "ambientali formativi mercati distretti filiere prodotti servizi progetti città "
        "territori tecnologie reti visite valutazioni azioni obiettivi indicatori vini cantine"
    ).split(),
    "verbs": "coopera sviluppano valutano innovare formare esportano promuove collaborano".split(),
    "glue": "il la dei delle per con tra nel della sulle degli ai e di a da in".split(),
}
ENGLISH = {
    "nouns": (
        "cluster agency company region plan strategy innovation cooperation tourism energy "
        "environment training research market district supply chain product service project "
        "quality city territory development skill technology network partner forum visit "
        "evaluation action objective indicator budget export wine oil cellar mill"
    ).split(),
    "inflected": (
        "clusters agencies companies regions plans strategies innovations tourists markets "
        "districts products services projects cities technologies networks visits evaluations "
        "actions objectives indicators wines cellars"
    ).split(),
    "verbs": "cooperate develop evaluate innovating training exporting promotes collaborating".split(),
    "glue": "the of and for with between in to a on by".split(),
}
TAGS = (
    "turismo energia innovazione export formazione agroalimentare ict ricerca qualita reti".split()
)
COUNTRIES = ["IT", "SI", "DE", "AT", "HU", "PL", "CZ", "SK"]
QUERIES = {
    "it": [
        "piano",
        "piani strategici",
        "qualita",
        "cantina",
        "innovazione turismo",
        "valutazione delle imprese",
        "frantoi",
        "agenzie regionali",
        "esportazione vini",
        "cooperazione",
    ],
    "en": [
        "plan",
        "strategies",
        "evaluating companies",
        "wine cellars",
        "tourism quality",
        "network",
        "cooperating agencies",
        "mill",
        "training",
        "regional development",
    ],
}


def say(line: str) -> None:
    """One line of the report, on standard output."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


SYLLABLES = "ba be bi bo ca ce co da de di do fa fe fi la le li lo ma me mi mo na ne no ra re ri ro sa se si so ta te ti to va ve vi".split()


class Vocabulary:
    """A language's words with realistic frequencies.

    Function words make up 30% of the text, the domain words of the project 15% (so a domain
    word appears in roughly one document in five), and 3,000 invented names and terms the
    rest, with Zipf frequencies (a few common, most rare), as in real writing.
    """

    def __init__(self, rng: random.Random, words: dict):
        names = sorted({"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(3400)})
        rng.shuffle(names)
        names = names[:3000]
        domain = words["nouns"] + words["inflected"] + words["verbs"]
        population = words["glue"] + domain + names
        zipf = [1 / (rank + 1) ** 1.1 for rank in range(len(names))]
        zipf_total = sum(zipf)
        weights = (
            [0.30 / len(words["glue"])] * len(words["glue"])
            + [0.15 / len(domain)] * len(domain)
            + [0.55 * weight / zipf_total for weight in zipf]
        )
        self.population = population
        self.cumulative = list(itertools.accumulate(weights))
        self.names = names

    def words(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.population, cum_weights=self.cumulative, k=count)


def sentence(rng: random.Random, vocabulary: Vocabulary, length: int) -> str:
    text = " ".join(vocabulary.words(rng, length))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, vocabulary: Vocabulary, sentences: int) -> str:
    return " ".join(sentence(rng, vocabulary, rng.randint(8, 18)) for _ in range(sentences))


def setup_django(database: Path, media: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["MEDIA_ROOT"] = str(media)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    # The test settings serve no collected static files, which search does not need.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    settings.MEDIA_ROOT = str(media)


def build(*, pages: int, documents: int, seed: int) -> dict:
    """The content, built with search indexing off (the index is built and timed afterwards)."""
    import datetime

    from django.core.files.base import ContentFile
    from django.db import transaction
    from taggit.models import Tag
    from wagtail.models import Collection, Locale, Page, Site
    from wagtail.rich_text import RichText

    from cms.groups.models import (
        PartnerIndexPage,
        PartnerKind,
        PartnerPage,
        Sector,
        ThematicGroupIndexPage,
        ThematicGroupMembership,
        ThematicGroupPage,
    )
    from cms.home.models import (
        HomePage,
        PressReleaseGroup,
        PressReleaseIndexPage,
        PressReleasePage,
        PressReleasePartner,
        PressReleaseTag,
    )
    from cms.knowledge.models import KnowledgeIndexPage, ProjectDocument, StrategicPlanPage

    rng = random.Random(seed)
    root = Page.get_first_root_node()
    italian = Locale.objects.get_or_create(language_code="it")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    for welcome in root.get_children():
        welcome.delete()
    tags = [Tag.objects.get_or_create(name=name, slug=name)[0] for name in TAGS]
    started = time.perf_counter()
    per_language = pages // 2
    counts = {"pages": 0, "documents": 0}
    groups_by_language = {}
    with transaction.atomic():
        vocabularies = {"it": Vocabulary(rng, ITALIAN), "en": Vocabulary(rng, ENGLISH)}
        for code, locale in (("it", italian), ("en", english)):
            words = vocabularies[code]
            home = root.add_child(
                instance=HomePage(title="Cordata", slug=f"cordata-{code}", locale=locale)
            )
            if code == "it":
                Site.objects.update_or_create(
                    is_default_site=True,
                    defaults={"hostname": "localhost", "root_page": home, "site_name": "Cordata"},
                )
            press = home.add_child(instance=PressReleaseIndexPage(title="News", slug="news"))
            partner_index = home.add_child(
                instance=PartnerIndexPage(title="Partner", slug="partner")
            )
            group_index = home.add_child(
                instance=ThematicGroupIndexPage(title="Gruppi", slug="gruppi")
            )
            knowledge = home.add_child(
                instance=KnowledgeIndexPage(title="Conoscenza", slug="conoscenza")
            )
            counts["pages"] += 5
            groups = [
                group_index.add_child(
                    instance=ThematicGroupPage(
                        title=f"{sector.label} {code}",
                        slug=sector.value.replace("_", "-"),
                        sector=sector.value,
                        objectives=f"<p>{paragraph(rng, words, 2)}</p>",
                    )
                )
                for sector in Sector
            ]
            groups_by_language[code] = groups
            partners_count = per_language // 10
            plans_count = per_language // 20
            releases_count = per_language - 5 - len(groups) - partners_count - plans_count
            partners = []
            for number in range(partners_count):
                partners.append(
                    partner_index.add_child(
                        instance=PartnerPage(
                            title=f"{sentence(rng, words, 3)[:-1]} {number}",
                            slug=f"partner-{number}",
                            kind=rng.choice(PartnerKind.values),
                            country=rng.choice(COUNTRIES),
                            city="Città",
                            description=f"<p>{paragraph(rng, words, 3)}</p>",
                        )
                    )
                )
            ThematicGroupMembership.objects.bulk_create(
                ThematicGroupMembership(page=rng.choice(groups), partner=partner)
                for partner in partners
            )
            for number in range(plans_count):
                knowledge.add_child(
                    instance=StrategicPlanPage(
                        title=f"{sentence(rng, words, 4)[:-1]} {number}",
                        slug=f"piano-{number}",
                        group=rng.choice(groups),
                        summary=paragraph(rng, words, 3),
                        adopted_on=datetime.date(2012 + number % 4, 1 + number % 12, 1),
                    )
                )
            links_groups, links_partners, links_tags = [], [], []
            for number in range(releases_count):
                release = press.add_child(
                    instance=PressReleasePage(
                        title=sentence(rng, words, rng.randint(4, 9))[:-1],
                        slug=f"comunicato-{number}",
                        date=datetime.date(2010 + number % 6, 1 + number % 12, 1 + number % 28),
                        lead=sentence(rng, words, 20),
                        body=[
                            ("paragraph", RichText(f"<p>{paragraph(rng, words, 4)}</p>")),
                            ("heading", {"text": sentence(rng, words, 4), "level": "h2"}),
                            ("paragraph", RichText(f"<p>{paragraph(rng, words, 4)}</p>")),
                        ],
                    )
                )
                links_groups.append(PressReleaseGroup(page=release, group=rng.choice(groups)))
                links_partners.append(
                    PressReleasePartner(page=release, partner=rng.choice(partners))
                )
                for tag in rng.sample(tags, 2):
                    links_tags.append(PressReleaseTag(content_object=release, tag=tag))
            PressReleaseGroup.objects.bulk_create(links_groups)
            PressReleasePartner.objects.bulk_create(links_partners)
            PressReleaseTag.objects.bulk_create(links_tags)
            counts["pages"] += len(groups) + partners_count + plans_count + releases_count

        collection = Collection.get_first_root_node()
        for number in range(documents):
            code = "it" if number % 10 < 5 else ("en" if number % 10 < 9 else "other")
            words = vocabularies["en" if code == "en" else "it"]
            text = "\n".join(paragraph(rng, words, 5) for _ in range(rng.randint(2, 6)))
            extension = ("pdf", "docx", "odt", "txt")[number % 4]
            ProjectDocument(
                title=sentence(rng, words, 5)[:-1],
                file=ContentFile(file_bytes(extension, text), name=f"doc-{number}.{extension}"),
                collection=collection,
                language=code,
                description=sentence(rng, words, 12),
                thematic_group=rng.choice(groups_by_language["en" if code == "en" else "it"]),
            ).save()
            counts["documents"] += 1
    counts["seconds"] = time.perf_counter() - started
    # Invented names of every frequency, to search for beside the domain words.
    counts["names"] = names_for_queries(seed)
    return counts


def names_for_queries(seed: int) -> dict[str, list[str]]:
    """Invented names of three frequencies (about 15%, 2% and 0.3% of documents) to search for.

    `build` draws its vocabularies first from the same seed, so these are the names it wrote.
    """
    rng = random.Random(seed)
    vocabularies = {"it": Vocabulary(rng, ITALIAN), "en": Vocabulary(rng, ENGLISH)}
    return {code: [v.names[rank] for rank in (40, 400, 2000)] for code, v in vocabularies.items()}


def file_bytes(extension: str, text: str) -> bytes:
    if extension == "txt":
        return text.encode()
    if extension == "pdf":
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pagesize=A4)
        y = 800
        for line_start in range(0, len(text), 90):
            pdf.drawString(40, y, text[line_start : line_start + 90].replace("\n", " "))
            y -= 14
            if y < 40:
                pdf.showPage()
                y = 800
        pdf.save()
        return buffer.getvalue()
    if extension == "docx":
        import docx

        document = docx.Document()
        for line in text.split("\n"):
            document.add_paragraph(line)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    document = OpenDocumentText()
    for line in text.split("\n"):
        document.text.addElement(P(text=line))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def time_requests(client, requests: list[tuple[str, dict]], repeat: int) -> list[float]:
    timings = []
    for round_number in range(repeat):
        for path, params in requests:
            started = time.perf_counter()
            response = client.get(path, params)
            elapsed = time.perf_counter() - started
            if response.status_code != 200:
                raise SystemExit(f"{path} {params} answered {response.status_code}")
            if round_number:  # the first round warms caches
                timings.append(elapsed * 1000)
    return timings


def report(name: str, timings: list[float]) -> None:
    say(
        f"{name}: {len(timings)} requests, p50 {statistics.median(timings):.1f} ms, "
        f"p95 {percentile(timings, 0.95):.1f} ms, max {max(timings):.1f} ms (target p95 < 50 ms)"
    )


def time_served(workdir: Path, html: list, api: list, *, repeat: int):
    """The same requests, one at a time over HTTP, to gunicorn with production settings.

    One sync worker, the response cache off (a repeated query must run the search), static
    files collected first; the server is stopped on the way out. Yields (name, timings).
    """
    import secrets
    import subprocess
    import urllib.parse
    import urllib.request

    from bench.server import GunicornServer

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "STATIC_ROOT": str(workdir / "static"),
        "SECRET_KEY": secrets.token_urlsafe(64),
        "SECURE_SSL_REDIRECT": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        "RESPONSE_CACHE_SECONDS": "0",
        "LOG_LEVEL": "ERROR",
        "PYTHONPATH": str(ROOT),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = GunicornServer(env=env, workers=1, log_path=workdir / "gunicorn.log")
    try:
        server.start(ready_path="/it/search/?q=piano")
        for name, requests in (("served HTML", html), ("served API", api)):
            timings = []
            for round_number in range(repeat):
                for path, params in requests:
                    url = f"{server.base_url}{path}?{urllib.parse.urlencode(params)}"
                    started = time.perf_counter()
                    with urllib.request.urlopen(url, timeout=30) as response:
                        response.read()
                    elapsed = time.perf_counter() - started
                    if round_number:  # the first round warms caches
                        timings.append(elapsed * 1000)
            yield name, timings
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--documents", type=int, default=2_000)
    parser.add_argument("--requests", type=int, default=6, help="rounds over the query set")
    parser.add_argument("--seed", type=int, default=2012)
    parser.add_argument("--keep", action="store_true", help="keep the temporary database")
    parser.add_argument(
        "--served",
        action="store_true",
        help="also time the requests over HTTP against gunicorn with production settings",
    )
    parser.add_argument(
        "--reuse", type=Path, help="a directory kept by --keep: skip building, time the rest"
    )
    args = parser.parse_args()

    workdir = args.reuse or Path(tempfile.mkdtemp(prefix="cordata-bench-search-"))
    try:
        setup_django(workdir / "bench.sqlite3", workdir / "media")
        from django.conf import settings
        from django.core.management import call_command
        from django.test import Client
        from wagtail.search.models import IndexEntry

        if args.reuse:
            counts = {"names": names_for_queries(args.seed)}
        else:
            call_command("migrate", verbosity=0)
            settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
            counts = build(pages=args.pages, documents=args.documents, seed=args.seed)
            say(
                f"built {counts['pages']} pages and {counts['documents']} documents "
                f"in {counts['seconds']:.1f} s (indexing off)"
            )
            settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = True

        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        index_seconds = time.perf_counter() - started
        entries = IndexEntry.objects.count()
        say(
            f"full index: {entries} objects in {index_seconds:.1f} s "
            f"({entries / index_seconds:.0f} objects/s; target < 120 s)"
        )

        client = Client()
        html, api = [], []
        for language, queries in QUERIES.items():
            for query in queries + counts["names"][language]:
                html.append((f"/{language}/search/", {"q": query}))
                api.append(("/api/v2/search/", {"q": query, "locale": language}))
            html.append((f"/{language}/search/", {"q": queries[0], "all_languages": "on"}))
            html.append((f"/{language}/search/", {"q": queries[1], "order": "date", "page": 2}))
            html.append(
                (
                    f"/{language}/search/",
                    {"q": queries[0], "type": "home.PressReleasePage", "tag": "turismo"},
                )
            )
            api.append(
                ("/api/v2/search/", {"q": queries[4], "locale": language, "all_languages": "1"})
            )
            api.append(
                (
                    "/api/v2/search/",
                    {"q": queries[0], "locale": language, "year": "2012", "limit": 50},
                )
            )
        matches = sorted(
            client.get(path, params).json()["meta"]["total_count"] for path, params in api
        )
        say(
            f"matches per API query: min {matches[0]}, median {statistics.median(matches):.0f}, "
            f"max {matches[-1]}"
        )
        # As the WSGI worker does once loaded (cms/wsgi.py): what start-up created is left out of
        # the garbage collector's full collections.
        gc.collect()
        gc.freeze()
        for name, requests in (("HTML /<lang>/search/", html), ("API /api/v2/search/", api)):
            timings = time_requests(client, requests, args.requests + 1)
            report(name, timings)
        if args.served:
            for name, timings in time_served(workdir, html, api, repeat=args.requests + 1):
                report(name, timings)
    finally:
        if args.keep or args.reuse:
            say(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
