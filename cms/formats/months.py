"""Month names as Django's date formats look them up, so the project catalogue can translate them.

Django's Italian catalogue capitalises month names ("Ottobre"), but Italian writes them in
lowercase inside a date ("1 ottobre 2012"). Translations under `LOCALE_PATHS` take precedence
over Django's, and `makemessages` keeps only the msgids it finds in the source: these lists are
what keeps the lowercase names in the catalogue. Nothing imports them.
"""

from django.utils.translation import gettext_noop, pgettext_lazy

# The `F` format character ("j F Y").
MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]

# The `E` format character, Django's "alternative" month name; the same words in Italian.
MONTHS_ALT = [
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
]
