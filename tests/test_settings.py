"""Production settings: refuse to start without a real key; `check --deploy` is clean."""

import base64
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    full_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    full_env.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", DEBUG="False", ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_the_development_key():
    result = run_manage(
        "check",
        DEBUG="False",
        ALLOWED_HOSTS="example.org",
        SECRET_KEY="django-insecure-local-development-only-never-in-production",
    )
    assert result.returncode != 0


def test_check_deploy_is_clean_under_production_settings():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DEBUG="False",
        ALLOWED_HOSTS="shuangyong.example.org",
        SECRET_KEY=secrets.token_urlsafe(64),
        FIELD_KEYS=f"k1:{base64.b64encode(secrets.token_bytes(32)).decode()}",
        FIELD_HASH_KEY=base64.b64encode(secrets.token_bytes(32)).decode(),
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_evidence_goes_to_an_s3_compatible_store_when_one_is_named():
    code = (
        "import django; django.setup(); "
        "from django.core.files.storage import storages; "
        "s = storages['default']; print(type(s).__name__, s.bucket_name)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "shuangyong.settings",
            "S3_BUCKET": "evidence",
            "S3_ENDPOINT_URL": "http://127.0.0.1:9000",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["S3Storage", "evidence"]
