"""Deployment checks of Cordata's own (`manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

IMMEDIATE_BACKEND = "django_tasks.backends.immediate.ImmediateBackend"


@register(Tags.security, deploy=True)
def tasks_have_a_worker(app_configs, **kwargs):
    """In production the task queue belongs to a worker, not to the requests.

    With the immediate backend an upload's text is read inside the upload request and its
    database transaction (on SQLite, holding the write lock while the file is read).
    """
    backend = settings.TASKS.get("default", {}).get("BACKEND", IMMEDIATE_BACKEND)
    if settings.DEBUG or backend != IMMEDIATE_BACKEND:
        return []
    return [
        Warning(
            "Background tasks run inside the requests that ask for them (TASK_BACKEND is "
            "'immediate'): reading an upload's text holds its request and transaction.",
            hint="Set TASK_BACKEND=database and run `manage.py db_worker` beside the server.",
            id="cordata.W001",
        )
    ]
