"""Pages show the content's own date only: a publication time no longer stands in for one.

Search records store the date a hit shows. Before, every page fell back to its first
publication; now only a press release (its date) and an adopted strategic plan (its adoption
date) are dated, so the other pages' recorded dates are cleared.
"""

from django.db import migrations

DATED_PAGE_TYPES = ("home.PressReleasePage", "knowledge.StrategicPlanPage")


def clear_publication_dates(apps, schema_editor):
    SearchRecord = apps.get_model("search", "SearchRecord")
    StrategicPlanPage = apps.get_model("knowledge", "StrategicPlanPage")
    pages = SearchRecord.objects.filter(page__isnull=False)
    pages.exclude(type__in=DATED_PAGE_TYPES).update(date=None)
    unadopted = StrategicPlanPage.objects.filter(adopted_on__isnull=True).values("pk")
    pages.filter(page__in=unadopted).update(date=None)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_search_record"),
        ("knowledge", "0004_document_language_follows_configuration"),
    ]

    operations = [migrations.RunPython(clear_publication_dates, migrations.RunPython.noop)]
