"""The judged relevance set: what partners and editors type into the demo's search box, and what
a reasonable reader expects to get back.

Each `Judged` entry is one query as typed, the language of the site it is typed on, who types
it (nobody signed in, or a demo login) and the items that must come first, with the rank they
must reach (`within`) and, where it matters, items that must not be among the hits at all
(`absent`: what an exclusion or a phrase rules out, what the reader may not see). Items are
named the way the demo data names them — a page by its slug in the entry's language (a
workspace, whose slug every group shares, by its title), a document by its stored title — and
`resolve` finds them in the loaded demo, so the set never depends on primary keys.

Every expectation rests on the demo as `cms/demo/content.py`, `content_en.py` and
`workspaces.py` write it: what each item says, which collection a document sits in and which
workspaces a login belongs to (`partner`: Milano Metropoli, in Agroalimentare, Turismo and
Scienze della Vita; `partner-ptp`: Parco Tecnologico Padano, in Agroalimentare only; `admin`
sees everything). The expectations are a reader's, not what any version of the ranking happens
to return.

The second half reads the set against `search.selectors.site_search` (`judge`) and sums it up
(`figures`), for `test_relevance.py` and `bench/relevance.py` alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: The kinds of question the set asks, in the order reports list them.
KLASSES = (
    "title",
    "inflection",
    "phrase",
    "negation",
    "or",
    "prefix",
    "organisation",
    "document",
    "private",
)
ANONYMOUS = "anonymous"
LANGUAGES = ("it", "en")


@dataclass(frozen=True)
class Item:
    """A page or document of the demo, named by what the demo data calls it."""

    kind: str  # "page" or "document"
    key: str
    by: str = "slug"  # how `key` names it: "slug" (pages only) or "title"

    def __str__(self) -> str:
        return f"{self.kind} {self.key!r}"


def page(slug: str) -> Item:
    """The page with this slug, in the language of the entry that names it."""
    return Item("page", slug)


def titled_page(title: str) -> Item:
    """The page with this title, in the language of the entry (for slugs shared by siblings)."""
    return Item("page", title, by="title")


def document(title: str) -> Item:
    """The document with this stored title (its own language's, not a translation)."""
    return Item("document", title, by="title")


@dataclass(frozen=True)
class Judged:
    """One judged query.

    Every `expected` item must be among the first `within` hits (so an entry expecting two
    items has `within` of at least 2), and no `absent` item anywhere among the hits. An entry
    may expect nothing and only rule items out (what a reader without access must not find).
    """

    query: str
    language: str
    user: str
    klass: str
    expected: tuple[Item, ...] = ()
    within: int = 1
    absent: tuple[Item, ...] = ()
    #: Why search does not yet answer this as a reader expects (the entry is expected to fail,
    #: and fails the suite once it passes); `gap_on` limits that to these databases.
    gap: str = ""
    gap_on: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.klass not in KLASSES:
            raise ValueError(f"{self.klass!r} is not one of {KLASSES}")
        if self.language not in LANGUAGES:
            raise ValueError(f"{self.language!r} is not one of {LANGUAGES}")
        if not self.expected and not self.absent:
            raise ValueError(f"{self.query!r} judges nothing")
        if self.expected and self.within < len(self.expected):
            raise ValueError(
                f"{self.query!r}: {len(self.expected)} items cannot fit in {self.within}"
            )
        if set(self.expected) & set(self.absent):
            raise ValueError(f"{self.query!r} expects and rules out the same item")

    @property
    def id(self) -> str:
        """A readable name for reports and test ids: class, language, who, query."""
        return f"{self.klass}/{self.language}/{self.user}/{self.query}"


def _entry(klass: str, language: str, query: str, *expected: Item, **options) -> Judged:
    return Judged(
        query=query,
        language=language,
        user=options.pop("user", ANONYMOUS),
        klass=klass,
        expected=expected,
        **options,
    )


# Documents named more than once: the private working documents (cms/demo/workspaces.py), those
# filed in the groups' restricted collections and the plans' public PDFs (cms/demo/content.py).
_COMMENTED_PLAN = "Piano strategico Agroalimentare – bozza con i commenti dei partner"
_SHORT_CHAIN_FIRMS = "Imprese della filiera corta disponibili per le visite studio"
_TOURISM_CATALOGUE = "Catalogo comune delle offerte turistiche – prima bozza"
_BIOTECH_NOTES = "Appunti per la proposta comune sulle biotecnologie"
_ENERGY_BUDGET = "Energy and environment group – draft budget 2012"
_TOURISM_MINUTES = "Verbale dell'exchange forum Turismo – Piešťany, 26 aprile 2012"
_SUPPLY_CHAIN_MAPPING = "Mappatura delle filiere agroalimentari regionali"
_BENCHMARKING_REPORT = "International Benchmarking Conference – rapporto"
_LAUNCH_RELEASE_EN = "Clusters Cord launches five thematic groups"

JUDGED: tuple[Judged, ...] = (
    # --- title: the exact title ranks its item first, above items sharing its words ----------
    # The plan's PDF ("… – bozza 0.1") and the group page share these words.
    _entry(
        "title", "it", "Piano strategico Agroalimentare", page("piano-strategico-agroalimentare")
    ),
    _entry("title", "en", "Tourism strategic plan", page("tourism-strategic-plan")),
    _entry(
        "title",
        "it",
        "A Lodi il primo exchange forum del gruppo Agroalimentare",
        page("primo-exchange-forum-agroalimentare-lodi"),
    ),
    # The other release on the conference has most of these words in its title too.
    _entry(
        "title",
        "it",
        "Oltre 120 partecipanti alla International Benchmarking Conference",
        page("benchmarking-conference-oltre-120-partecipanti"),
    ),
    _entry(
        "title",
        "en",
        "The International Benchmarking Conference in Sesto San Giovanni on 25 October",
        page("international-benchmarking-conference-25-october"),
    ),
    _entry(
        "title",
        "it",
        "Clusters Cord: al via i cinque gruppi tematici per i meta-cluster transnazionali",
        page("avviati-cinque-gruppi-tematici"),
    ),
    # One-word titles: the group, not its strategic plan or the releases naming it.
    _entry("title", "it", "Turismo", page("turismo")),
    _entry("title", "en", "ICT", page("ict")),
    # The group's plan and the study-visit release begin with these words too.
    _entry("title", "en", "Energy and Environment", page("energy-and-environment")),
    # --- inflection: other forms of the title's words still find the titled item -------------
    _entry(
        "inflection", "it", "piani strategici turismo", page("piano-strategico-turismo"), within=3
    ),
    # "Piani strategici: pronte le prime bozze dei cinque gruppi tematici"
    _entry(
        "inflection",
        "it",
        "prima bozza piani strategici",
        page("piani-strategici-prime-bozze"),
        within=3,
    ),
    # "Energia e Ambiente: visita studio nella Regione di Stoccarda"
    _entry(
        "inflection",
        "it",
        "visite studio Stoccarda",
        page("visita-studio-regione-stoccarda"),
        within=3,
    ),
    # The partner is "Camera di commercio dell'Alta Austria, con sede a Linz".
    _entry(
        "inflection",
        "it",
        "camere di commercio",
        page("upper-austrian-chamber-of-commerce"),
        within=3,
        gap="Snowball stems 'camere' as 'cam' but 'camera' as 'camer'",
    ),
    _entry("inflection", "en", "tourism strategic plans", page("tourism-strategic-plan"), within=3),
    _entry(
        "inflection",
        "en",
        "study visits Stuttgart",
        page("study-visit-stuttgart-region"),
        within=3,
    ),
    # "Clusters Cord launches five thematic groups for transnational meta-clusters"
    _entry(
        "inflection",
        "en",
        "thematic group launch",
        page("five-thematic-groups-launched"),
        within=3,
    ),
    _entry(
        "inflection",
        "en",
        "chambers of commerce",
        page("upper-austrian-chamber-of-commerce"),
        within=3,
    ),
    # --- phrase: only items with the words side by side (stop words aside) ------------------
    # The Czech partner's "Centro ceco di ricerca" has both words, apart.
    _entry(
        "phrase",
        "it",
        '"centri di ricerca"',
        page("scienze-della-vita"),
        within=3,
        absent=(page("centre-research-innovation-regional-development"),),
    ),
    # "Centre for research, …", in the partner's page and in the launch release's partner list.
    _entry(
        "phrase",
        "en",
        '"research centres"',
        page("life-sciences"),
        within=3,
        absent=(
            page("centre-research-innovation-regional-development"),
            page("five-thematic-groups-launched"),
        ),
    ),
    # The energy plan's "tecnologie per le fonti rinnovabili" and "Trasferire tra le regioni".
    _entry(
        "phrase",
        "it",
        '"trasferimento tecnologico"',
        page("scienze-della-vita"),
        within=2,
        absent=(
            page("piano-strategico-energia-e-ambiente"),
            document("Piano strategico Energia e Ambiente – bozza 0.1"),
        ),
    ),
    # The energy plan's "Transfer experience …" and "renewable-energy technologies".
    _entry(
        "phrase",
        "en",
        '"technology transfer"',
        page("life-sciences"),
        within=2,
        absent=(page("energy-and-environment-strategic-plan"),),
    ),
    # The tourism plan has "spa and mountain destinations" and "tourism", apart.
    _entry(
        "phrase",
        "en",
        '"mountain tourism"',
        page("tourism"),
        absent=(page("tourism-strategic-plan"),),
    ),
    _entry(
        "phrase",
        "it",
        '"filiera corta"',
        page("primo-exchange-forum-agroalimentare-lodi"),
        within=2,
    ),
    # Stop words inside the phrase: the group's objective "Preparare il piano strategico del
    # meta-cluster Turismo"; the plan itself has the words but never in this order.
    _entry(
        "phrase",
        "it",
        '"piano strategico del meta-cluster turismo"',
        page("turismo"),
        absent=(page("piano-strategico-turismo"),),
    ),
    _entry(
        "phrase",
        "en",
        '"strategic plan of the tourism meta-cluster"',
        page("tourism"),
        absent=(page("tourism-strategic-plan"),),
    ),
    # --- negation: an excluded word (in any of its forms) or phrase drops what contains it ----
    # The partner says "Regione di Stoccarda" and never "visita"; "-visite" excludes "visita".
    _entry(
        "negation",
        "it",
        "Stoccarda -visite",
        page("stuttgart-region"),
        absent=(page("visita-studio-regione-stoccarda"), page("energia-e-ambiente")),
    ),
    _entry(
        "negation",
        "en",
        "Stuttgart -visits",
        page("stuttgart-region"),
        absent=(page("study-visit-stuttgart-region"), page("energy-and-environment")),
    ),
    # Lodi's science park, without the forum it hosted: the release, and the groups whose
    # activities name both.
    _entry(
        "negation",
        "it",
        "Lodi -forum",
        page("parco-tecnologico-padano"),
        absent=(
            page("primo-exchange-forum-agroalimentare-lodi"),
            page("agroalimentare"),
            page("scienze-della-vita"),
        ),
    ),
    # The announcement of the conference, not the account of who came: "-partecipanti" drops
    # the release titled with it, the conference report ("Partecipanti") and the launch release
    # ("I partecipanti ai gruppi").
    _entry(
        "negation",
        "it",
        "benchmarking -partecipanti",
        page("international-benchmarking-conference-25-ottobre"),
        absent=(
            page("benchmarking-conference-oltre-120-partecipanti"),
            page("avviati-cinque-gruppi-tematici"),
            document(_BENCHMARKING_REPORT),
        ),
    ),
    # The English press-release PDF says "Participants first met …".
    _entry(
        "negation",
        "en",
        "benchmarking conference -participants",
        page("international-benchmarking-conference-25-october"),
        absent=(
            page("benchmarking-conference-over-120-participants"),
            document(_LAUNCH_RELEASE_EN),
        ),
    ),
    # The group's objectives include "Preparare il piano strategico del meta-cluster
    # agroalimentare", so the group goes too.
    _entry(
        "negation",
        "it",
        'agroalimentare -"piano strategico"',
        page("primo-exchange-forum-agroalimentare-lodi"),
        absent=(
            page("piano-strategico-agroalimentare"),
            page("agroalimentare"),
            document("Piano strategico Agroalimentare – bozza 0.1"),
        ),
    ),
    # The project presentation: "each draft a strategic plan".
    _entry(
        "negation",
        "en",
        'agri-food -"strategic plan"',
        page("first-agri-food-exchange-forum-lodi"),
        absent=(
            page("agri-food-strategic-plan"),
            page("agri-food"),
            document("Clusters Cord – project presentation"),
        ),
    ),
    # --- or: either alternative is enough; each one's best item comes first -----------------
    _entry(
        "or", "it", "Agroalimentare OR Turismo", page("agroalimentare"), page("turismo"), within=2
    ),
    _entry("or", "en", "Agri-food OR Tourism", page("agri-food"), page("tourism"), within=2),
    # The partners by their towns, above the groups whose activities took place there.
    _entry(
        "or",
        "it",
        "Kranj OR Linz",
        page("bsc-kranj"),
        page("upper-austrian-chamber-of-commerce"),
        within=2,
    ),
    _entry("or", "it", "Mid-Pannon OR ARLEG", page("mid-pannon"), page("arleg"), within=2),
    _entry(
        "or",
        "en",
        "Silesia OR Gorenjska",
        page("arleg"),
        page("rda-bielsko-biala"),
        page("bsc-kranj"),
        within=3,
    ),
    # The last alternative is still being typed.
    _entry("or", "en", "Kranj OR Piešť", page("bsc-kranj"), page("rda-piestany"), within=2),
    # --- prefix: the last word as typed so far matches as if completed ----------------------
    _entry("prefix", "it", "agroalim", page("agroalimentare"), within=3),
    # "sustainable building" in the group's summary.
    _entry("prefix", "en", "sustainab", page("energy-and-environment"), within=3),
    _entry(
        "prefix",
        "it",
        "piano strategico ene",
        page("piano-strategico-energia-e-ambiente"),
        within=3,
    ),
    _entry("prefix", "en", "tourism strateg", page("tourism-strategic-plan"), within=3),
    # "Biotecnologie, dispositivi medici e ricerca applicata" in the group's summary.
    _entry("prefix", "it", "biotecnol", page("scienze-della-vita"), within=3),
    _entry("prefix", "it", "Parco Tecnologico Pad", page("parco-tecnologico-padano"), within=3),
    # Typed with its diacritics, which the title ("Piestany") does not have.
    _entry("prefix", "en", "Piešť", page("rda-piestany"), within=3),
    _entry("prefix", "it", "Scienze della Vit", page("scienze-della-vita"), within=3),
    # --- organisation: short names, towns and regions find the partner -----------------------
    _entry("organisation", "it", "RDA Ústí", page("rda-usti-region")),
    _entry("organisation", "it", "WRS", page("stuttgart-region")),
    _entry("organisation", "it", "WKO Oberösterreich", page("upper-austrian-chamber-of-commerce")),
    # The life-sciences group met there too.
    _entry("organisation", "it", "Ústí nad Labem", page("rda-usti-region")),
    _entry(
        "organisation",
        "it",
        "Lombardia",
        page("milano-metropoli"),
        page("parco-tecnologico-padano"),
        within=2,
    ),
    # "la regione slovena della Gorenjska"; the launch release lists "(Slovenia)".
    _entry(
        "organisation",
        "it",
        "Slovenia",
        page("bsc-kranj"),
        gap="a country's name is not in a partner's summary; ts_rank prefers the longer pages",
        gap_on=("postgresql",),
    ),
    # Also where the agri-food group went on a study visit.
    _entry("organisation", "en", "Central Transdanubia", page("mid-pannon")),
    _entry("organisation", "en", "Silesia", page("arleg"), page("rda-bielsko-biala"), within=2),
    # "Development agency of the Milan area"; several releases say "Sesto San Giovanni – Milan".
    _entry("organisation", "en", "Milan", page("milano-metropoli")),
    _entry(
        "organisation",
        "en",
        "lead partner",
        page("rda-usti-region"),
        gap="only in the partner's body; ts_rank prefers the longer pages",
        gap_on=("postgresql",),
    ),
    # --- document: a document's title (or description) finds it -----------------------------
    # The 25 October release links it as "Presentazione del progetto (PDF)".
    _entry(
        "document",
        "it",
        "presentazione del progetto",
        document("Clusters Cord – presentazione del progetto"),
    ),
    _entry(
        "document", "en", "project presentation", document("Clusters Cord – project presentation")
    ),
    _entry(
        "document", "it", "Piano strategico ICT bozza", document("Piano strategico ICT – bozza 0.1")
    ),
    # The document's whole title, which the launch release's title only begins with.
    _entry("document", "en", _LAUNCH_RELEASE_EN, document(_LAUNCH_RELEASE_EN)),
    # Its description: "English version of the press release on the launch of the thematic
    # groups".
    _entry(
        "document",
        "en",
        "English version of the press release",
        document(_LAUNCH_RELEASE_EN),
        within=2,
    ),
    # The English site shows the Italian PDF as "Agri-food strategic plan – draft 0.1"; the
    # plan's page (whose text says "This draft") may come first.
    _entry(
        "document",
        "en",
        "Agri-food strategic plan draft",
        document("Piano strategico Agroalimentare – bozza 0.1"),
        within=2,
        gap="a document's English title is not searched on the English site yet",
    ),
    # Workspace documents, for members of the group.
    _entry(
        "document",
        "it",
        "verbale exchange forum turismo",
        document(_TOURISM_MINUTES),
        user="partner",
    ),
    # Its English title: "Minutes of the Tourism exchange forum – Piešťany, 26 April 2012".
    _entry(
        "document",
        "en",
        "minutes of the tourism exchange forum",
        document(_TOURISM_MINUTES),
        user="partner",
        gap="a document's English title is not searched on the English site yet",
    ),
    _entry(
        "document",
        "it",
        "mappatura filiere agroalimentari",
        document(_SUPPLY_CHAIN_MAPPING),
        user="partner-ptp",
    ),
    # Its English title.
    _entry(
        "document",
        "en",
        "Mapping regional agri-food supply chains",
        document(_SUPPLY_CHAIN_MAPPING),
        user="partner-ptp",
        gap="a document's English title is not searched on the English site yet",
    ),
    # Its subtitle and description: "Schema comune di raccolta dati", "Schema comune per
    # mappare …".
    _entry(
        "document",
        "it",
        "schema comune raccolta dati",
        document(_SUPPLY_CHAIN_MAPPING),
        user="partner-ptp",
    ),
    # By its description, "Appunti per una proposta comune sui bandi europei nelle
    # biotecnologie"; the group's forum minutes mention the calls too.
    _entry(
        "document",
        "it",
        "bandi europei biotecnologie",
        document(_BIOTECH_NOTES),
        within=2,
        user="partner",
    ),
    _entry(
        "document",
        "en",
        "web platform requirements",
        document("Thematic groups web platform – requirements"),
        user="admin",
    ),
    # --- private: members find their workspace's material; nobody else sees it --------------
    _entry("private", "it", "bozza commenti partner", document(_COMMENTED_PLAN), user="partner"),
    _entry("private", "it", "bozza commenti partner", absent=(document(_COMMENTED_PLAN),)),
    _entry(
        "private",
        "it",
        "cooperative lattiero-casearie",
        document(_SHORT_CHAIN_FIRMS),
        user="partner-ptp",
    ),
    _entry(
        "private",
        "it",
        "cooperative lattiero-casearie",
        absent=(document(_SHORT_CHAIN_FIRMS), document(_COMMENTED_PLAN)),
    ),
    _entry("private", "it", "consulenza brevettuale", document(_BIOTECH_NOTES), user="partner"),
    # Parco Tecnologico Padano is not in the Scienze della Vita group.
    _entry(
        "private",
        "it",
        "consulenza brevettuale",
        absent=(document(_BIOTECH_NOTES),),
        user="partner-ptp",
    ),
    _entry("private", "en", "draft budget", document(_ENERGY_BUDGET), user="admin"),
    # Milano Metropoli is not in the energy group.
    _entry("private", "en", "draft budget", absent=(document(_ENERGY_BUDGET),), user="partner"),
    # The ICT group's confidential comparison: "The group recommends an open-source platform".
    _entry(
        "private",
        "en",
        "open-source platform",
        document("Thematic groups web platform – comparison of the offers"),
        user="admin",
    ),
    _entry(
        "private",
        "it",
        "spazio di lavoro turismo",
        titled_page("Spazio di lavoro – Turismo"),
        user="partner",
    ),
    # Without access, neither the workspace nor its documents.
    _entry(
        "private",
        "it",
        "spazio di lavoro turismo",
        absent=(titled_page("Spazio di lavoro – Turismo"), document(_TOURISM_CATALOGUE)),
    ),
    # Milano Metropoli is not in the ICT group.
    _entry(
        "private",
        "it",
        "spazio di lavoro ICT",
        absent=(titled_page("Spazio di lavoro – ICT"),),
        user="partner",
    ),
)


# --- Reading the set against the search ----------------------------------------------------


def resolve(item: Item, language: str) -> tuple[str, int]:
    """The (kind, pk) of `item` in the loaded demo; pages are looked for in `language`."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    if item.kind == "document":
        found = list(
            get_document_model().objects.filter(title=item.key).values_list("pk", flat=True)
        )
    else:
        pages = Page.objects.filter(locale__language_code=language, depth__gt=1)
        found = list(pages.filter(**{item.by: item.key}).values_list("pk", flat=True))
    if len(found) != 1:
        raise LookupError(f"{item} ({language}) names {len(found)} objects in the demo, not one")
    return item.kind, found[0]


def user_for(name: str):
    """The viewer an entry's `user` names: an anonymous visitor or the demo login."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser

    if name == ANONYMOUS:
        return AnonymousUser()
    return get_user_model().objects.get(username=name)


def titles(hits: Iterable[tuple[str, int]]) -> list[str]:
    """What a reader sees of these hits: each one's title, marked with its kind."""
    from wagtail.documents import get_document_model
    from wagtail.models import Page

    hits = list(hits)
    pages = dict(
        Page.objects.filter(pk__in=[pk for kind, pk in hits if kind == "page"]).values_list(
            "pk", "title"
        )
    )
    documents = dict(
        get_document_model()
        .objects.filter(pk__in=[pk for kind, pk in hits if kind == "document"])
        .values_list("pk", "title")
    )
    named = {"page": pages, "document": documents}
    return [f"{kind} {named[kind].get(pk, f'#{pk}')!r}" for kind, pk in hits]


@dataclass(frozen=True)
class Verdict:
    """How the search answered one judged entry."""

    judged: Judged
    #: Where the last of the expected items came (1-based); None when one is missing or none
    #: is expected.
    position: int | None
    #: The expected items the search did not return.
    missing: tuple[Item, ...]
    #: The ruled-out items the search returned.
    intruders: tuple[Item, ...]
    #: The first hits, as titles.
    top: tuple[str, ...]
    total: int

    @property
    def rank(self) -> int | None:
        """The entry's rank: 1 when the expected items fill the first places, in any order.

        (With one expected item, its position.)
        """
        if self.position is None:
            return None
        return self.position - len(self.judged.expected) + 1

    @property
    def passed(self) -> bool:
        placed = not self.judged.expected or (
            self.position is not None and self.position <= self.judged.within
        )
        return placed and not self.intruders

    def explain(self) -> str:
        """Why the entry failed (or that it passed), with the first hits."""
        entry = self.judged
        reasons = []
        if self.missing:
            reasons.append("not found: " + ", ".join(map(str, self.missing)))
        elif entry.expected and self.position is not None and self.position > entry.within:
            reasons.append(f"expected within {entry.within}, the last came at {self.position}")
        if self.intruders:
            reasons.append("should be absent: " + ", ".join(map(str, self.intruders)))
        lines = [
            f"{entry.query!r} ({entry.language}, {entry.user}): "
            + ("; ".join(reasons) or "as judged"),
            f"  {self.total} hits" + (f"; the first {len(self.top)}:" if self.top else ""),
            *(f"  {place}. {title}" for place, title in enumerate(self.top, 1)),
        ]
        return "\n".join(lines)


TOP = 5


def judge(entry: Judged) -> Verdict:
    """Ask `site_search` the entry's query as its reader would, and compare with the judgement."""
    from search.selectors import site_search

    outcome = site_search(
        user=user_for(entry.user), text=entry.query, language=entry.language, all_languages=False
    )
    hits = [(hit.kind, hit.pk) for hit in outcome.hits[:]]
    places: dict[tuple[str, int], int] = {}
    for place, hit in enumerate(hits, 1):
        places.setdefault(hit, place)
    expected = {item: resolve(item, entry.language) for item in entry.expected}
    missing = tuple(item for item, hit in expected.items() if hit not in places)
    position = None
    if expected and not missing:
        position = max(places[hit] for hit in expected.values())
    intruders = tuple(item for item in entry.absent if resolve(item, entry.language) in places)
    return Verdict(
        judged=entry,
        position=position,
        missing=missing,
        intruders=intruders,
        top=tuple(titles(hits[:TOP])),
        total=len(hits),
    )


@dataclass(frozen=True)
class Figures:
    """Ranking quality over some verdicts.

    MRR, hits@1 and hits@3 count the entries that expect something (`ranked`), by their
    `Verdict.rank` (a missing item counts as never reached); `passed` counts every entry,
    exclusions included.
    """

    entries: int
    ranked: int
    passed: int
    mrr: float
    hits_at_1: float
    hits_at_3: float


def figures(verdicts: Sequence[Verdict]) -> Figures:
    """MRR, hits@1, hits@3 and the pass count of `verdicts`."""
    ranks = [verdict.rank for verdict in verdicts if verdict.judged.expected]

    def share(values: Iterable[float]) -> float:
        return sum(values) / len(ranks) if ranks else 0.0

    return Figures(
        entries=len(verdicts),
        ranked=len(ranks),
        passed=sum(verdict.passed for verdict in verdicts),
        mrr=share(1 / rank if rank else 0.0 for rank in ranks),
        hits_at_1=share(rank is not None and rank <= 1 for rank in ranks),
        hits_at_3=share(rank is not None and rank <= 3 for rank in ranks),
    )
