"""A list request costs the same number of SQL queries for 5 items as for 50.

The items carry everything a list can show: listing images (a different image each), tags,
related groups and partners, attachments, bodies with page and document links, image and
document blocks, translations; partners with logos and groups; groups with members and plans.
"""

import time

import pytest
import wagtail_factories
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from tests.factories import (
    PartnerPageFactory,
    PressReleaseDocumentFactory,
    PressReleaseGroupFactory,
    PressReleasePageFactory,
    PressReleasePartnerFactory,
    ProjectDocumentFactory,
    StrategicPlanPageFactory,
    ThematicGroupMembershipFactory,
    ThematicGroupPageFactory,
    locale,
    publish_translation,
)
from tests.signin import bearer

pytestmark = pytest.mark.django_db

LIST_URLS = [
    "/api/v2/pages/?limit=100",
    "/api/v2/pages/?type=home.PressReleasePage&fields=*&limit=100",
    "/api/v2/pages/?type=groups.PartnerPage&fields=*&limit=100",
    "/api/v2/pages/?type=groups.ThematicGroupPage&fields=*&limit=100",
    "/api/v2/pages/?type=home.PressReleasePage&search=comunicato&limit=100",
    "/api/v2/documents/?limit=100&fields=*",
    "/api/v2/images/?limit=100",
    "/api/v3/pages/?limit=100",
    "/api/v3/documents/?limit=100",
    "/api/v3/images/?limit=100",
]


def add_content(count: int, *, offset: int, en_index) -> None:
    for n in range(offset, offset + count):
        image = wagtail_factories.ImageFactory(title=f"Immagine {n}")
        document = ProjectDocumentFactory(title=f"Allegato {n}")
        document.tags.add(f"tema-{n}", "comune")
        partner = PartnerPageFactory(title=f"Partner {n}", logo=image)
        group = ThematicGroupPageFactory(title=f"Gruppo {n}")
        ThematicGroupMembershipFactory(page=group, partner=partner, role="coordinator")
        StrategicPlanPageFactory(title=f"Piano {n}", group=group)
        release = PressReleasePageFactory(
            title=f"Comunicato {n}",
            listing_image=image,
            tags=[f"tema-{n}", "comune"],
            body=[
                (
                    "paragraph",
                    RichText(
                        f'<p><a linktype="page" id="{partner.pk}">Partner</a> e '
                        f'<a linktype="document" id="{document.pk}">allegato</a>.</p>'
                    ),
                ),
                ("image", {"image": image, "caption": "Foto"}),
                ("document", {"document": document, "label": "Scarica"}),
            ],
        )
        PressReleaseGroupFactory(page=release, group=group)
        PressReleasePartnerFactory(page=release, partner=partner)
        PressReleaseDocumentFactory(page=release, document=document)
        PressReleasePageFactory(
            title=f"Press release {n}",
            parent=en_index,
            locale=locale("en"),
            slug=release.slug,
            translation_key=release.translation_key,
        )


def measure(client, headers) -> dict[str, tuple[int, float]]:
    results = {}
    for url in LIST_URLS:
        client.get(url, **headers)  # renditions are made once, on the first request
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url, **headers)
            elapsed = time.perf_counter() - start
        assert response.status_code == 200, (url, response.content)
        results[url] = (len(queries), elapsed)
    return results


@pytest.mark.parametrize("audience", ["anonymous", "member"])
def test_list_query_counts_do_not_grow_with_the_items(client, site_tree, people, audience):
    headers = bearer(people.member_token) if audience == "member" else {}
    seed = PressReleasePageFactory(title="Comunicato di partenza")
    en_index = publish_translation(seed).get_parent().specific
    add_content(4, offset=0, en_index=en_index)
    small = measure(client, headers)
    add_content(45, offset=4, en_index=en_index)
    large = measure(client, headers)

    report = "\n".join(
        f"{small[url][0]:3d} / {large[url][0]:3d} queries, "
        f"{small[url][1] * 1000:6.1f} / {large[url][1] * 1000:6.1f} ms  {url}"
        for url in LIST_URLS
    )
    print(f"\n[{audience}] 5 items / 50 items\n{report}")  # noqa: T201 - the figures are the point
    assert {url: small[url][0] for url in LIST_URLS} == {url: large[url][0] for url in LIST_URLS}
