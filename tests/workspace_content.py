"""What the workspace fixtures (`groups`, `people`, `documents` in tests/conftest.py) are made of:
the titles of the two documents, who is who, and a partner's account."""

from cms.groups.models import PartnerAccount
from tests.factories import UserFactory

# Words no other fixture uses, so search results can be told apart.
PRIVATE_TITLE = "Verbale riservato sulla filiera dello zafferano"
PUBLIC_TITLE = "Rapporto pubblico sulla filiera dello zafferano"
PEOPLE = ("anonymous", "outsider", "member", "editor")


def partner_user(username: str, partner):
    """A user signed up as a person of `partner` (a PartnerAccount)."""
    user = UserFactory(username=username, email=f"{username}@example.org")
    PartnerAccount.objects.create(user=user, partner=partner)
    user.refresh_from_db()
    return user
