"""Italian date formats: unpadded day and the month in words, as in "1 ottobre 2012".

Django looks a format up here first and falls back to its own `it` module for the rest. The
month names come from the catalogue, which writes them in lowercase (see `cms/formats/months.py`).
"""

DATE_FORMAT = "j F Y"
# Django's Italian default opens with a capitalised weekday and pads the day ("Lunedì 01 ...").
DATETIME_FORMAT = "j F Y, H:i"
