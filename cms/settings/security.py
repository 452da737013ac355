"""Settings that keep credentials from being guessed: sign-in lockout, email and token limits.

- Sign-in (the site's `/<lang>/account/login/` and the admin's `/admin/login/`): django-axes
  counts failures per user name and client address in the database, so every process and host
  sees the same count; `manage.py axes_reset` (and `axes_reset_ip`, `axes_reset_username`,
  `axes_reset_ip_username`) lifts a lockout.
- Password-reset and invitation emails, and unknown API tokens: counted with django-ratelimit
  in the default cache (`cms.core.throttle`), shared by every process once `REDIS_URL` is set.
- The client address: REMOTE_ADDR, or X-Forwarded-For behind `TRUSTED_PROXY_COUNT` proxies
  (`cms.core.throttle.client_ip`); every count above uses it.
"""

import datetime

from .env import env_int, env_rate

AUTHENTICATION_BACKENDS = [
    # First: refuses a locked-out user name and address before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# The number of proxies in front of Django that append to X-Forwarded-For (nginx: 1). With 0
# the header is ignored: anyone can write it, so it is believed only when a proxy wrote it.
CORDATA_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0, minimum=0)

# --- Sign-in lockout (django-axes) ------------------------------------------------------------

AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
# A user name is locked from one address only: a guesser elsewhere cannot lock its owner out.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_int("SIGNIN_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("SIGNIN_COOLOFF_MINUTES", 15, minimum=1))
AXES_RESET_ON_SUCCESS = True
# Attempts during a lockout are refused without being counted, so the cool-off ends on time.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_CLIENT_IP_CALLABLE = "cms.core.throttle.client_ip"
# The sign-in form says why, in the page's language and look (see cms.core.signin).
AXES_LOCKOUT_CALLABLE = "cms.core.signin.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
WAGTAILADMIN_USER_LOGIN_FORM = "cms.core.signin.AdminLoginForm"
# Failures are recorded (AccessAttempt, visible in /django-admin/); successful sign-ins are not
# logged: nothing needs a record of who signed in when.
AXES_DISABLE_ACCESS_LOG = True

# --- Email and token limits (django-ratelimit, see cms.core.throttle) -------------------------

RATELIMIT_USE_CACHE = "default"
# Per client address and per addressee ("account": the address typed or invited). Past the
# address limit the requester is told to wait (429); past the account limit a reset asks
# silently send nothing (not to reveal whether the account exists), an invitation is refused.
CORDATA_EMAIL_RATES = {
    "password_reset": {
        "address": env_rate("PASSWORD_RESET_RATE_PER_ADDRESS", "10/h"),
        "account": env_rate("PASSWORD_RESET_RATE_PER_ACCOUNT", "3/h"),
    },
    "invitation": {
        "address": env_rate("INVITATION_RATE_PER_ADDRESS", "30/h"),
        "account": env_rate("INVITATION_RATE_PER_ACCOUNT", "3/d"),
    },
}
# Unknown bearer tokens one address may present per period; beyond it every bearer request
# from that address answers 429 with Retry-After until the period ends.
CORDATA_API_TOKEN_FAILURE_RATE = env_rate("API_TOKEN_FAILURE_RATE", "10/15m")
