"""What site search needs from a page type or a document model, declared beside the model.

Each model sets `search_declaration = SearchDeclaration(...)` next to its `search_fields`;
`search/` reads the declarations and names no app's fields. Models are named by their
`"app_label.ModelName"` label and functions by their dotted path, so that a declaration never
imports what imports the model.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: A facet source meaning "the object itself" (a group is filed under itself).
ITSELF = "pk"


@dataclass(frozen=True)
class Related:
    """Ids read from rows of another model that point at the declaring object.

    `owner` is the column holding the declaring object's id, `value` the column holding the id
    the object is filed under. With `generic`, the rows are those of a generic relation (taggit's
    `TaggedItem`): only rows whose `content_type` is the declaring model's count.
    """

    model: str
    owner: str
    value: str
    generic: bool = False


@dataclass(frozen=True)
class FacetFilter:
    """A facet whose values are read from the objects of the declaring model.

    Search files objects under ids of the declaring model (`source`: "group", "partner");
    the facet offers, and its filter matches, the value of `field` on those objects.
    `labels` is the dotted path of a function `(values, *, user, language) -> {value: label}`
    naming the values in the visitor's language; values it leaves out are not offered.
    """

    source: str
    field: str
    labels: str


@dataclass(frozen=True)
class SearchDeclaration:
    """What a search hit of this model is filed under, and what it shows.

    - `facets`: per filing ("group", "partner", "tag"), where the object's ids come from, in
      order: a field of its own (`"group_id"`), `ITSELF`, or `Related` rows.
    - `filters`: facets whose values this model's objects provide, by facet name.
    - `date`: fields whose first set value is the date a hit shows, is ordered by and counted
      in the year facet under.
    - `summary`: text fields (plain or rich text) that say what the object is in a few words —
      a description, a lead, an organisation's names and place; search ranks a match there
      above one in the body (`search.ranking`).
    - `fallback_text`: an attribute whose text a hit's snippet is cut from when the search
      fields hold no readable text.
    """

    facets: Mapping[str, tuple[str | Related, ...]] = field(default_factory=dict)
    filters: Mapping[str, FacetFilter] = field(default_factory=dict)
    date: tuple[str, ...] = ()
    summary: tuple[str, ...] = ()
    fallback_text: str = ""
