"""Settings for the 双拥在基层 application, read from the environment (django-environ).

The embedded default is a local SQLite file with DEBUG on; production sets DEBUG=False,
SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL (PostgreSQL).
"""

from datetime import date, timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
env_file = BASE_DIR / ".env"
if env_file.exists():
    environ.Env.read_env(env_file)

DEBUG = env.bool("DEBUG", default=True)

DEV_SECRET_KEY = "django-insecure-local-development-only-never-in-production"
SECRET_KEY = env("SECRET_KEY", default=DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (len(SECRET_KEY) < 50 or SECRET_KEY == DEV_SECRET_KEY):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a random value of at least 50 characters when DEBUG is off."
    )

# ID numbers and phones are stored encrypted (campaign/crypto.py). FIELD_KEYS lists the keys,
# "id:base64key,id2:base64key": the first encrypts, every one decrypts (rotation:
# `manage.py rotate_field_keys`). FIELD_HASH_KEY keys the hash beside each number, used for
# exact search and uniqueness; it never rotates. Under DEBUG both default to development keys
# derived from the development SECRET_KEY (key id "dev"); production refuses to start without.
FIELD_CIPHER = env.str("FIELD_CIPHER", default="aes-gcm")
FIELD_KEYS = env.str("FIELD_KEYS", default="")
FIELD_HASH_KEY = env.str("FIELD_HASH_KEY", default="")
if not (FIELD_KEYS and FIELD_HASH_KEY):
    if not DEBUG:
        raise ImproperlyConfigured(
            "FIELD_KEYS and FIELD_HASH_KEY must be set when DEBUG is off: ID numbers and phones "
            "are stored encrypted (see the README's settings)."
        )
    from campaign.crypto import DEV_KEY_ID, dev_key

    FIELD_KEYS = FIELD_KEYS or f"{DEV_KEY_ID}:{dev_key(DEV_SECRET_KEY, 'field')}"
    FIELD_HASH_KEY = FIELD_HASH_KEY or dev_key(DEV_SECRET_KEY, "field hash")

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "axes",
    "csp",
    "django_q",
    "campaign",
    "outreach",
    "grievances",
    "submissions",
    "agenda",
    "bulletins",
    "reports",
    "audit",
    "administration",
    "jobs",
    "notifications",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "campaign.middleware.CountyInViewMiddleware",
    "campaign.middleware.PasswordFirstMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "shuangyong.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "campaign.context_processors.navigation_entries",
                "campaign.context_processors.watermark",
            ],
        },
    },
]

WSGI_APPLICATION = "shuangyong.wsgi.application"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # PostgreSQL's JIT spends longer compiling the report aggregates than running them.
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A deleted or rewritten row (a number before it was encrypted) is zeroed in the file, not
    # left in a free page.
    DATABASES["default"].setdefault("OPTIONS", {})["init_command"] = "PRAGMA secure_delete=ON;"
    # The web server and the job workers write to one file from several processes: each
    # transaction takes the write lock when it begins and waits its turn for up to 20 s,
    # instead of failing with "database is locked" when two try to upgrade a read at once;
    # WAL lets pages be read while a job writes.
    DATABASES["default"]["OPTIONS"] |= {"transaction_mode": "IMMEDIATE", "timeout": 20}
    DATABASES["default"]["OPTIONS"]["init_command"] += "PRAGMA journal_mode=WAL;"
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "campaign.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "campaign.backends.UnitAwareBackend",
    # A new account, or one whose password was reset, logs in once with a one-time code.
    "administration.accounts.backends.OneTimeCodeBackend",
]
# How many days a one-time login code stays valid.
ONE_TIME_CODE_DAYS = env.int("ONE_TIME_CODE_DAYS", default=3)
# Pages with personal details and every exported workbook carry the reader and the time.
WATERMARK = env.bool("WATERMARK", default=True)

# Repeated wrong passwords lock that username from that address for half an hour.
LOGIN_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
LOGIN_ADDRESS_FAILURE_LIMIT = env.int("LOGIN_ADDRESS_FAILURE_LIMIT", default=20)
AXES_FAILURE_LIMIT = "campaign.lockout.failure_limit"
AXES_COOLOFF_TIME = timedelta(minutes=env.int("LOGIN_LOCKOUT_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)
AXES_VERBOSE = False

# No inline script anywhere: pages pass data to scripts through json_script.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # The Django admin and Bootstrap's components set style attributes.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Evidence files go to local disk unless an S3-compatible store is named (MinIO, OSS, COS…).
if env.str("S3_BUCKET", default=""):
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env.str("S3_BUCKET"),
            "endpoint_url": env.str("S3_ENDPOINT_URL", default=None),
            "access_key": env.str("S3_ACCESS_KEY", default=None),
            "secret_key": env.str("S3_SECRET_KEY", default=None),
            "region_name": env.str("S3_REGION", default=None),
            "default_acl": None,
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
MEDIA_URL = "media/"

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# A working day is eight hours; a clerk who walks away is signed out after that.
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
X_FRAME_OPTIONS = "DENY"

if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    if env.bool("BEHIND_TLS_PROXY", default=False):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# The campaign's "today". Empty means the real date; a demo or a training county pins it
# (e.g. TODAY=2015-06-15) so phases, deadlines and overdue cases read as they did then.
_today = env.str("TODAY", default="")
SHUANGYONG_TODAY = date.fromisoformat(_today) if _today else None
COUNTY_NAME = env("COUNTY_NAME", default="示范县")
# A worklist downloaded to a phone older than this many days asks to be downloaded again.
SURVEY_WORKLIST_DAYS = env.int("SURVEY_WORKLIST_DAYS", default=3)

# Background work (jobs): django-q2 with the database as its queue, so the embedded SQLite and
# PostgreSQL both work without another server. A worker (`manage.py qcluster`) takes a job by a
# conditional update of its queue row, so several workers on several hosts never take one job
# twice; a job not acknowledged within `retry` seconds (its worker died) is handed out again.
JOB_TIMEOUT = env.int("JOB_TIMEOUT", default=600)
Q_CLUSTER = {
    "name": "shuangyong",
    "orm": "default",
    "workers": env.int("JOB_WORKERS", default=2),
    "timeout": JOB_TIMEOUT,
    "retry": env.int("JOB_RETRY", default=JOB_TIMEOUT + 60),
    "max_attempts": env.int("JOB_ATTEMPTS", default=3),
    # A task that raised (the database was busy, say) stays queued and is handed out again;
    # the work's own failures are caught by jobs.runner, which marks its job failed.
    "ack_failures": False,
    "poll": env.float("JOB_POLL", default=1.0),
    "catch_up": False,
    "save_limit": 500,
    "label": "后台任务",
}
# Tests (and a deployment without a worker, JOBS_RUN_INLINE=True) run a job inside the request.
JOBS_RUN_INLINE = env.bool("JOBS_RUN_INLINE", default=False)
JOBS_MAX_ATTEMPTS = Q_CLUSTER["max_attempts"]
JOBS_KEEP_HOURS = env.int("JOBS_KEEP_HOURS", default=72)  # a finished file is kept this long
# A ledger export or an import this size or smaller runs in the request; larger ones as a job.
JOBS_INLINE_ROWS = env.int("JOBS_INLINE_ROWS", default=2000)

# Reminders (提醒, `manage.py send_reminders`). E-mail goes through Django's mail settings, read
# from EMAIL_URL (smtp://user:password@host:25, smtp+tls://…, submission://…:587); by default
# it is printed to the console. Links in e-mails and robot posts start with SITE_URL.
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
globals().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="shuangyong@localhost")
SITE_URL = env.str("SITE_URL", default="")
# A unit's group robot may only point at these hosts, so its address cannot make the server
# call anywhere else.
ROBOT_HOSTS = env.list("ROBOT_HOSTS", default=["qyapi.weixin.qq.com", "oapi.dingtalk.com"])
# How many times one day's digest is tried by one channel before it is left failed.
REMINDER_ATTEMPTS = env.int("REMINDER_ATTEMPTS", default=3)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
