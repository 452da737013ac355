"""Local development: DEBUG on, a fixed insecure key, mail printed to the console."""

from .base import *  # noqa: F403
from .env import env_bool, env_str, require_secret_key

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = require_secret_key(
    secret_key=env_str("SECRET_KEY") or ("dev-only-insecure-key-" + "x" * 40 if DEBUG else ""),
    debug=DEBUG,
)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
