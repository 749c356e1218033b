"""A Session against a live server named by the environment (TRIGGER_API_URL, TRIGGER_SECRET_KEY,
TRIGGER_PROJECT_REF), shared by record.py and conformance.py."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import httpx

from .exchange import Pace, Session

RECORDED = Path(__file__).resolve().parents[2] / "tests" / "server_truth" / "recorded"
DEFAULT_URL = "http://127.0.0.1:3030"  # where the real-server recipe serves the webapp
ENV_SLUGS = {"dev": "dev", "prod": "prod", "stg": "staging", "preview": "preview"}


def env_slug(secret_key: str) -> str:
    """The env-var route slug of the environment a secret key belongs to (tr_dev_ -> dev)."""
    parts = secret_key.split("_")
    if len(parts) < 3 or parts[0] != "tr" or parts[1] not in ENV_SLUGS:
        raise SystemExit("TRIGGER_SECRET_KEY must be an environment secret key (tr_dev_..., tr_prod_..., tr_stg_...)")
    return ENV_SLUGS[parts[1]]


def session_from_environment(*, quiet: bool = False) -> Session:
    secret_key = os.environ.get("TRIGGER_SECRET_KEY", "")
    if not secret_key:
        raise SystemExit("set TRIGGER_SECRET_KEY to a secret key of the environment to drive")
    base_url = os.environ.get("TRIGGER_API_URL", DEFAULT_URL).rstrip("/")
    http = httpx.Client(base_url=base_url, timeout=60.0)
    log = None if quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    return Session(
        http=http,
        secret_key=secret_key,
        project_ref=os.environ.get("TRIGGER_PROJECT_REF") or None,
        env_slug=env_slug(secret_key),
        pace=Pace(),
        log=log,
    )
