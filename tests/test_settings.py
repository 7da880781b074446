"""Production settings: refuse to start without a real key; `check --deploy` is clean."""

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
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
