"""Background tasks (`django_tasks`, the task framework Wagtail uses for its own index updates).

`TASK_BACKEND=immediate` (the default) runs each task when it is enqueued, in the process that
enqueues it: nothing else to start for development and tests. `TASK_BACKEND=database` queues
tasks in the database (`django_tasks_db`), committed with the change that asked for them, for
`manage.py db_worker` to run; that is the production set-up (see README): reading an upload's
text, Wagtail's search and reference index updates.
"""

from django.core.exceptions import ImproperlyConfigured

from .env import env_str

_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
_TASK_BACKEND = env_str("TASK_BACKEND", "immediate").strip().lower() or "immediate"
if _TASK_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASK_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, not {_TASK_BACKEND!r}"
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_TASK_BACKEND], "QUEUES": ["default"]}}
