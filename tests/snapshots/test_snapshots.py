"""What the site answers at a fixed list of addresses, compared with recorded snapshots.

The structure of the code may change; what visitors, partners and API clients receive may not.
Each snapshot holds the status, the headers that carry policy (type, caching, language,
redirects) and the body, with what differs between runs (database ids, timestamps, CSRF tokens,
storage suffixes) replaced by placeholders. Snapshots are per database vendor, because the
database search backends rank differently.

`UPDATE_SNAPSHOTS=1 make test PYTEST_ARGS=tests/snapshots` rewrites them; a missing
snapshot fails the test.
"""

import json
import os
import re
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import override_settings
from django.utils import formats, translation
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import APIToken, Collection, Page

from tests.demo_loading import demo_loaded

SNAPSHOTS = Path(__file__).parent
POLICY_HEADERS = (
    "Content-Type",
    "Cache-Control",
    "Vary",
    "Content-Language",
    "Location",
    "Retry-After",
    "WWW-Authenticate",
    "Content-Disposition",
    "X-Robots-Tag",
)

ANONYMOUS = [
    # The site in both languages: home, every index and one page of each type.
    "/it/",
    "/en/",
    "/it/comunicati/",
    "/en/press-releases/",
    "/it/comunicati/?page=2",
    "/it/comunicati/avviati-cinque-gruppi-tematici/",
    "/en/press-releases/five-thematic-groups-launched/",
    "/it/partner/",
    "/en/partners/?country=DE",
    "/it/partner/milano-metropoli/",
    "/en/partners/stuttgart-region/",
    "/it/gruppi/",
    "/en/thematic-groups/",
    "/it/gruppi/agroalimentare/",
    "/en/thematic-groups/ict/",
    "/it/conoscenza/",
    "/en/knowledge/",
    "/it/conoscenza/piano-strategico-turismo/",
    "/en/knowledge/life-sciences-strategic-plan/",
    # Feeds, sitemap, search.
    "/it/comunicati/feed/",
    "/en/press-releases/feed/",
    "/sitemap.xml",
    "/it/search/?q=agroalimentare",
    "/en/search/?q=exchange+forum",
    "/it/search/?q=",
    # API v2: every list and a detail of each.
    "/api/v2/pages/?type=home.PressReleasePage&fields=date&order=title",
    "/api/v2/pages/?locale=en&type=groups.PartnerPage&fields=country&order=title",
    "/api/v2/pages/?type=groups.ThematicGroupPage&locale=it&order=title",
    "/api/v2/documents/?order=title",
    "/api/v2/images/?order=title",
    "/api/v2/search/?q=piano+strategico",
    "/api/v2/search/?q=benchmarking&locale=en",
    # API v3.
    "/api/v3/openapi.json",
    "/api/v3/pages/?type=knowledge.StrategicPlanPage&order=title",
    "/api/v3/documents/?order=title",
    "/api/v3/images/?order=title",
    "/api/v3/whoami/",
    # Refusals.
    "/it/gruppi/agroalimentare/spazio-di-lavoro/",
    "/en/thematic-groups/tourism/workspace/",
    "/it/non-esiste/",
    "/api/v2/pages/999999/",
    "/api/v2/pages/?order=nonsense",
    "/api/v2/pages/?type=home.Nothing",
    "/api/v3/pages/999999/",
    "/api/v3/pages/?limit=-1",
    "/api/nothing/",
    "/api/v2/search/?q=",
]

# Pages whose detail is requested by its id, resolved from the path at run time.
DETAILS = [
    ("v2", "/it/comunicati/avviati-cinque-gruppi-tematici/"),
    ("v2", "/en/partners/milano-metropoli/"),
    ("v3", "/it/gruppi/turismo/"),
    ("v3", "/en/knowledge/ict-strategic-plan/"),
]

# (user name, address): a member, an outsider, a token holder.
SIGNED_IN = [
    ("partner", "/it/gruppi/agroalimentare/spazio-di-lavoro/"),
    ("partner", "/en/thematic-groups/life-sciences/workspace/"),
    ("partner", "/it/gruppi/agroalimentare/spazio-di-lavoro/?q=filiera"),
    ("partner-ptp", "/it/gruppi/turismo/spazio-di-lavoro/"),
    ("partner", "/it/search/?q=verbale"),
    ("partner", "/api/v2/documents/?order=title"),
    ("editor", "/it/comunicati/"),
]
TOKEN = [
    ("partner", "/api/v3/documents/?order=title"),
    ("partner", "/api/v3/whoami/"),
    ("partner-ptp", "/api/v3/pages/?type=groups.WorkspacePage&order=title"),
]


@pytest.fixture(autouse=True)
def _media_root():
    # The demo's files live in the module's own media directory, loaded once.
    return None


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    # A media directory of its own: files another module's demo left behind would give these
    # names a storage suffix and change what the snapshots record.
    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("snapshot-media")))
    with media, demo_loaded(django_db_blocker):
        yield


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]


def _ids() -> dict[str, dict[int, str]]:
    """Every page, document and image id, named by what stays the same between runs."""
    return {
        "page": {
            page.pk: f"{page.locale.language_code}:{page.url_path}"
            for page in Page.objects.select_related("locale")
        },
        "document": {doc.pk: doc.file.name for doc in get_document_model().objects.all()},
        "image": {image.pk: image.title for image in get_image_model().objects.all()},
        "user": {user.pk: user.username for user in get_user_model().objects.all()},
        "collection": {collection.pk: collection.name for collection in Collection.objects.all()},
    }


_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?")
_RFC822 = re.compile(r"[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+')
_STORAGE_SUFFIX = re.compile(r"_[A-Za-z0-9]{7}(?=\.[a-z0-9]+\b)")
_RENDITION_HASH = re.compile(r"(\.[a-z]+-[0-9a-z-]+)\.[0-9a-f]{8}(?=\.)")


def _normalise(text: str, ids: dict[str, dict[int, str]]) -> str:
    def page(match: re.Match) -> str:
        return match.group(1) + ids["page"].get(int(match.group(2)), "?") + match.group(3)

    def document(match: re.Match) -> str:
        return match.group(1) + ids["document"].get(int(match.group(2)), "?") + match.group(3)

    def image(match: re.Match) -> str:
        return match.group(1) + ids["image"].get(int(match.group(2)), "?") + match.group(3)

    text = re.sub(r"(/api/v[23]/pages/)(\d+)(/|\b)", page, text)
    text = re.sub(r"(/api/v[23]/documents/)(\d+)(/|\b)", document, text)
    text = re.sub(r"(/api/v[23]/images/)(\d+)(/|\b)", image, text)
    text = re.sub(r"(/documents/)(\d+)(/)", document, text)
    text = re.sub(r"(/images/)([A-Za-z0-9_-]{27}=?)(/)", r"\1<signature>\3", text)
    text = _TIMESTAMP.sub("<timestamp>", text)
    # Pages without a date of their own show when they were published: today, in the demo.
    # Today in the site's time zone and in UTC: they differ for an hour or two each night.
    for today in {date.today(), datetime.now(UTC).date()}:
        text = text.replace(today.isoformat(), "<today>")
        for language in ("it", "en"):
            with translation.override(language):
                for shown in ("DATE_FORMAT", "SHORT_DATE_FORMAT", "j M Y", "j F Y"):
                    text = text.replace(formats.date_format(today, shown), "<today>")
    # The demo's own dates are 2011 and 2012; the current year is its publication facets'.
    for year in {date.today().year, datetime.now(UTC).year}:
        text = re.sub(rf"(?<![\d-]){year}(?![\d-])", "<this-year>", text)
    text = _RFC822.sub("<timestamp>", text)
    text = _CSRF.sub(r"\1<csrf>", text)
    text = _UUID.sub("<uuid>", text)
    text = _RENDITION_HASH.sub(r"\1", text)
    return _STORAGE_SUFFIX.sub("", text)


def _kind_of(value: dict, inherited: str) -> str:
    """Which objects an `id` in this JSON object counts: its type says, else its container."""
    declared = value.get("type") or (value.get("meta") or {}).get("type") or ""
    if not isinstance(declared, str):
        return inherited
    if declared.endswith("Collection"):
        return "collection"
    if declared.endswith(("Document", ".document")) or declared.startswith("wagtaildocs."):
        return "document"
    if declared.endswith(("Image", ".image")) or declared.startswith("wagtailimages."):
        return "image"
    if declared.startswith(("home.", "groups.", "knowledge.", "wagtailcore.")):
        return "page"
    return inherited


def _normalise_json(value, ids: dict[str, dict[int, str]], kind: str = "page"):
    """Ids in JSON bodies, named by the kind of object each belongs to."""
    if isinstance(value, list):
        return [_normalise_json(item, ids, kind) for item in value]
    if not isinstance(value, dict):
        return value
    kind = _kind_of(value, kind)
    result = {}
    for key, item in value.items():
        if key == "id" and (isinstance(item, int) or (isinstance(item, str) and item.isdigit())):
            result[key] = ids[kind].get(int(item), "?")
        else:
            result[key] = _normalise_json(item, ids, _CONTAINED.get(key, kind))
    return result


_CONTAINED = {
    "parent": "page",
    "page": "page",
    "thematic_group": "page",
    "group": "page",
    "attachment": "document",
    "attachments": "document",
    "listing_image": "image",
    "user": "user",
    "partner": "page",
    "partners": "page",
    "groups": "page",
    "related_groups": "page",
    "document": "document",
    "documents": "document",
    "image": "image",
    "images": "image",
    "thumbnail": "image",
    "logo": "image",
    "collection": "collection",
}


def _record(response, path: str) -> str:
    ids = _ids()
    lines = [f"GET {_normalise(path, ids)}", f"status: {response.status_code}"]
    for header in POLICY_HEADERS:
        if response.has_header(header):
            lines.append(f"{header}: {_normalise(response[header], ids)}")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = body.decode("utf-8", errors="replace")
    if response.get("Content-Type", "").startswith(("application/json", "application/problem")):
        kind = "page"
        for part, name in (("/documents", "document"), ("/images", "image")):
            if part in path.split("?")[0]:
                kind = name
        text = json.dumps(_normalise_json(json.loads(body), ids, kind), indent=1, sort_keys=True)
    return "\n".join(lines) + "\n\n" + _normalise(text, ids) + "\n"


def _snapshot_name(label: str) -> Path:
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:120]
    return SNAPSHOTS / connection.vendor / f"{slug}.txt"


def _check(label: str, recorded: str) -> None:
    snapshot = _snapshot_name(label)
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_text(recorded, encoding="utf-8")
        return
    assert snapshot.exists(), f"no snapshot {snapshot}: record it with UPDATE_SNAPSHOTS=1"
    assert recorded == snapshot.read_text(encoding="utf-8"), f"{label} differs from {snapshot}"


def _login(client, username: str) -> None:
    client.force_login(get_user_model().objects.get(username=username))


def test_enough_addresses():
    assert len(ANONYMOUS) + len(DETAILS) + len(SIGNED_IN) + len(TOKEN) >= 40


@pytest.mark.parametrize("path", ANONYMOUS)
def test_anonymous(client, path):
    _check(f"anonymous {path}", _record(client.get(path), path))


@pytest.mark.parametrize(("version", "url"), DETAILS)
def test_detail(client, version, url):
    page = next(p for p in Page.objects.live() if p.url == url)
    path = f"/api/{version}/pages/{page.pk}/"
    _check(f"detail {version} {url}", _record(client.get(path), path))


@pytest.mark.parametrize(("username", "path"), SIGNED_IN)
def test_signed_in(client, username, path):
    _login(client, username)
    _check(f"{username} {path}", _record(client.get(path), path))


@pytest.mark.parametrize(("username", "path"), TOKEN)
def test_token(client, username, path):
    user = get_user_model().objects.get(username=username)
    _, key = APIToken.create_token(user=user, name="snapshot")
    response = client.get(path, HTTP_AUTHORIZATION=f"Bearer {key}")
    _check(f"token {username} {path}", _record(response, path))
