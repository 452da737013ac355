"""Press release and document text for the benchmark corpus, written in Italian and English.

Every piece is a pair (Italian, English) so that a generated release has a faithful English
version whose strings can also be fed to wagtail-localize as translations. A seeded
`random.Random` makes the corpus the same on every run.
"""

import datetime
import random
from dataclasses import dataclass, field

MONTHS_IT = (
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

TOPICS = (
    ("innovazione nelle filiere agroalimentari", "innovation in agri-food supply chains"),
    ("efficienza energetica degli edifici", "energy efficiency in buildings"),
    ("turismo sostenibile nelle aree rurali", "sustainable tourism in rural areas"),
    ("servizi digitali per le piccole imprese", "digital services for small businesses"),
    ("biotecnologie e dispositivi medici", "biotechnology and medical devices"),
    ("internazionalizzazione delle PMI", "internationalisation of SMEs"),
    (
        "trasferimento tecnologico tra università e imprese",
        "technology transfer from universities to businesses",
    ),
    ("economia circolare e riuso dei materiali", "the circular economy and the reuse of materials"),
    ("tracciabilità dei prodotti alimentari", "traceability of food products"),
    ("formazione dei cluster manager", "training for cluster managers"),
    ("reti intelligenti e accumulo di energia", "smart grids and energy storage"),
    ("promozione dei percorsi enogastronomici", "promotion of food and wine routes"),
)

EVENTS = (
    ("Forum di scambio", "exchange forum"),
    ("Visita studio", "study visit"),
    ("Seminario transnazionale", "transnational seminar"),
    ("Tavolo di lavoro", "working session"),
    ("Conferenza", "conference"),
)

HEADINGS = (
    ("Il programma", "The programme"),
    ("I risultati", "The results"),
    ("Prossimi passi", "Next steps"),
    ("Chi partecipa", "Who takes part"),
)

QUOTES = (
    (
        "La cooperazione tra cluster è la chiave per competere sui mercati europei.",
        "Cooperation between clusters is the key to competing on European markets.",
    ),
    (
        "Abbiamo imparato molto dalle esperienze dei partner e porteremo queste idee nella nostra regione.",
        "We learnt a great deal from our partners' experience and will bring these ideas to our region.",
    ),
    (
        "Il piano strategico nasce dal lavoro comune di imprese, agenzie e centri di ricerca.",
        "The strategic plan grows out of the joint work of businesses, agencies and research centres.",
    ),
)

#: Body paragraphs: {group}, {topic}, {city}, {partner}, {other}, {date}, {count}.
PARAGRAPHS = (
    (
        "Il gruppo tematico {group} ha riunito a {city} i rappresentanti di {count} organizzazioni per discutere di {topic}.",
        "The {group} thematic group brought together representatives of {count} organisations in {city} to discuss {topic}.",
    ),
    (
        "{partner} ha presentato le buone pratiche sviluppate nella propria regione e i primi risultati delle imprese coinvolte.",
        "{partner} presented the good practices developed in its region and the first results of the businesses involved.",
    ),
    (
        "Durante la giornata i partecipanti hanno visitato due aziende del territorio e un laboratorio di ricerca applicata.",
        "During the day the participants visited two local companies and an applied research laboratory.",
    ),
    (
        "Il confronto con {other} ha mostrato come i servizi ai cluster possano essere condivisi oltre i confini nazionali.",
        "The discussion with {other} showed how services to clusters can be shared across national borders.",
    ),
    (
        "Le conclusioni del lavoro confluiranno nel piano strategico del gruppo, che sarà discusso con le istituzioni regionali entro il {date}.",
        "The conclusions will feed into the group's strategic plan, to be discussed with the regional authorities by {date}.",
    ),
    (
        "Il progetto Clusters Cord, finanziato dal Programma Central Europe, mette in rete dieci agenzie di sviluppo e camere di commercio di otto paesi.",
        "The Clusters Cord project, funded by the Central Europe Programme, connects ten development agencies and chambers of commerce from eight countries.",
    ),
    (
        "Le imprese interessate possono contattare {partner} per partecipare alle prossime attività sul tema {topic}.",
        "Interested businesses can contact {partner} to take part in the next activities on {topic}.",
    ),
    (
        "Il prossimo appuntamento del gruppo {group} è fissato per il {date}, con una sessione dedicata ai progetti pilota.",
        "The {group} group's next meeting is set for {date}, with a session devoted to pilot projects.",
    ),
)

DOCUMENT_KINDS = (
    ("Verbale", "Minutes", "minutes"),
    ("Rapporto", "Report", "report"),
    ("Presentazione", "Presentation", "presentation"),
    ("Documento di lavoro", "Working paper", "deliverable"),
)

#: Tags beyond the demo's, with their English names.
TAGS = (
    ("cooperazione", "cooperation"),
    ("innovazione", "innovation"),
    ("piccole e medie imprese", "small and medium enterprises"),
    ("ricerca", "research"),
    ("internazionalizzazione", "internationalisation"),
    ("formazione", "training"),
    ("economia circolare", "circular economy"),
    ("digitale", "digital"),
    ("forum di scambio", "exchange forum"),
    ("buone pratiche", "good practices"),
)


def date_it(day: datetime.date) -> str:
    return f"{day.day} {MONTHS_IT[day.month - 1]} {day.year}"


def date_en(day: datetime.date) -> str:
    return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class GroupNames:
    """A thematic group's names, as the texts mention it."""

    it: str
    en: str


@dataclass
class ReleaseText:
    """One press release in both languages; `blocks` are (kind, Italian, English) triples."""

    title: tuple[str, str]
    lead: tuple[str, str]
    blocks: list[tuple[str, object, object]] = field(default_factory=list)

    def strings(self) -> dict[str, str]:
        """Every Italian string with its English, as translation tools see them."""
        pairs = {self.title[0]: self.title[1], self.lead[0]: self.lead[1]}
        for kind, italian, english in self.blocks:
            if kind == "heading":
                pairs[italian] = english
            elif kind == "quote":
                pairs[italian[0]] = english[0]
            elif kind == "paragraph":
                pairs[italian] = english
        return pairs


def release_text(
    rng: random.Random,
    *,
    number: int,
    day: datetime.date,
    group: GroupNames,
    city: str,
    partner: str,
    other: str,
) -> ReleaseText:
    """The words of press release `number`: a title, a lead and three to six body blocks."""
    topic_it, topic_en = rng.choice(TOPICS)
    event_it, event_en = rng.choice(EVENTS)
    later = day + datetime.timedelta(days=rng.randint(20, 120))
    values_it = {
        "group": group.it,
        "topic": topic_it,
        "city": city,
        "partner": partner,
        "other": other,
        "date": date_it(later),
        "count": rng.randint(6, 40),
    }
    values_en = {**values_it, "group": group.en, "topic": topic_en, "date": date_en(later)}
    # The number keeps titles (and so slugs) distinct across thousands of releases.
    text = ReleaseText(
        title=(
            f"{event_it} {group.it} a {city}: {topic_it} (n. {number})",
            f"{group.en} {event_en} in {city}: {topic_en} (no. {number})",
        ),
        lead=(
            f"Il {date_it(day)} i partner del gruppo tematico {group.it} si incontrano a {city} "
            f"per un {event_it.lower()} dedicato a {topic_it}.",
            f"On {date_en(day)} the partners of the {group.en} thematic group meet in {city} "
            f"for a {event_en} on {topic_en}.",
        ),
    )
    paragraphs = rng.sample(PARAGRAPHS, rng.randint(3, 5))
    for position, (italian, english) in enumerate(paragraphs):
        if position == 2 and rng.random() < 0.5:
            heading = rng.choice(HEADINGS)
            text.blocks.append(("heading", heading[0], heading[1]))
        text.blocks.append(("paragraph", italian.format(**values_it), english.format(**values_en)))
    if rng.random() < 0.3:
        quote = rng.choice(QUOTES)
        text.blocks.append(("quote", (quote[0], partner), (quote[1], partner)))
    return text


def document_text(rng: random.Random, *, number: int, group: GroupNames, language: str) -> str:
    """A plain-text working document of a few hundred words in `language`."""
    topics = rng.sample(TOPICS, 3)
    column = 0 if language == "it" else 1
    name = group.it if language == "it" else group.en
    values = {
        "group": name,
        "topic": topics[0][column],
        "city": rng.choice(("Lodi", "Linz", "Kranj", "Stoccarda", "Piešťany", "Ústí nad Labem")),
        "partner": "Milano Metropoli",
        "other": "i partner sloveni" if language == "it" else "the Slovenian partners",
        "date": date_it(datetime.date(2013, 1, 1)) if language == "it" else "1 January 2013",
        "count": 12 + number % 20,
    }
    lines = [
        " ".join(pair[column] for pair in (("Documento", "Document"),)) + f" {number}: {name}",
        "",
    ]
    for topic in topics:
        values["topic"] = topic[column]
        lines.extend(rng.choice(PARAGRAPHS)[column].format(**values) for _ in range(4))
        lines.append("")
    return "\n".join(lines)
