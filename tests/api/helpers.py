"""Helpers for the API tests: tokens, translations, a release body with every kind of block."""

from wagtail.models import APIToken
from wagtail.rich_text import RichText

EMBED_URL = "https://www.youtube.com/watch?v=clusters"


def token_for(user, name="sito partner") -> str:
    return APIToken.create_token(user=user, name=name)[1]


def release_body(*, partner, public_doc, private_doc, image):
    return [
        (
            "paragraph",
            RichText(
                f'<p>Con <a linktype="page" id="{partner.pk}">il partner</a>, '
                f'<a linktype="document" id="{public_doc.pk}">il programma</a>, '
                f'<a linktype="document" id="{private_doc.pk}">il verbale</a> e '
                '<a href="https://www.interreg-central.eu/">il programma europeo</a>.</p>'
            ),
        ),
        ("heading", {"text": "Cinque gruppi tematici", "level": "h2"}),
        ("quote", {"quote": "Un meta-cluster transnazionale.", "attribution": "Il capofila"}),
        ("image", {"image": image, "caption": "Il primo exchange forum"}),
        ("document", {"document": public_doc, "label": "Scarica il programma"}),
        ("document", {"document": private_doc, "label": "Verbale interno"}),
        ("embed", EMBED_URL),
    ]
