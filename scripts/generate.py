"""Generate generated/trigger_api from spec/openapi.yaml with the pinned openapi-python-client.

Usage: generate.py [--check]

Generation always happens in a temporary folder (so our own ruff settings, which exclude
generated/, cannot change the generator's formatting), then replaces generated/trigger_api.
With --check nothing is written: the fresh output is compared with the committed one and any
difference fails. Warnings fail too (--fail-on-warning): a silently skipped endpoint is a bug.
"""

from __future__ import annotations

import argparse
import filecmp
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "openapi.yaml"
CONFIG = ROOT / "spec" / "generator-config.yaml"
# our templates override the generator's (models/__init__ imports models lazily)
TEMPLATES = ROOT / "spec" / "templates"
OUT_ROOT = ROOT / "generated"
PACKAGE = "trigger_api"


def stamp_text() -> str:
    def sha(path: Path) -> str:
        return hashlib.sha256(path.read_bytes()).hexdigest()

    return (
        "# What generated/trigger_api was made from (written by scripts/generate.py; do not edit)\n"
        f"openapi-python-client {version('openapi-python-client')}\n"
        f"ruff {version('ruff')}\n"
        f"spec/openapi.yaml sha256 {sha(SPEC)}\n"
        f"spec/generator-config.yaml sha256 {sha(CONFIG)}\n"
        + "".join(f"spec/templates/{path.name} sha256 {sha(path)}\n" for path in sorted(TEMPLATES.glob("*.jinja")))
    )


def run_generator(workdir: Path) -> Path:
    workdir.mkdir(parents=True, exist_ok=True)
    out = workdir / PACKAGE
    env = dict(os.environ)
    # the post hooks call `ruff`: use the pinned one from this interpreter's environment
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    cmd = [
        str(Path(sys.executable).parent / "openapi-python-client"),
        "generate",
        "--path",
        str(SPEC),
        "--config",
        str(CONFIG),
        "--meta",
        "none",
        "--custom-template-path",
        str(TEMPLATES),
        "--output-path",
        str(out),
        "--overwrite",
        "--fail-on-warning",
    ]
    result = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True, check=False)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0:
        print(output, file=sys.stderr)
        raise SystemExit(f"generate: openapi-python-client failed (exit {result.returncode})")
    warnings = [line for line in output.splitlines() if "warning" in line.lower()]
    if warnings:
        print("\n".join(warnings), file=sys.stderr)
        raise SystemExit(f"generate: {len(warnings)} generator warnings")
    # PEP 561 marker: the generated package is typed (--meta none leaves it out)
    (out / "py.typed").write_text("", encoding="utf-8")
    return out


def differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(cmp: filecmp.dircmp[str], rel: str) -> None:
        found.extend(f"only in committed: {rel}{n}" for n in cmp.left_only if n != "__pycache__")
        found.extend(f"only in fresh: {rel}{n}" for n in cmp.right_only if n != "__pycache__")
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        found.extend(f"differs: {rel}{n}" for n in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            if name != "__pycache__":
                walk(sub, f"{rel}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="generate generated/trigger_api")
    parser.add_argument("--check", action="store_true", help="fail if generated/ is not up to date")
    args = parser.parse_args(argv)
    # the operations table and response schemas come from the same spec, so they are made (and checked) here too
    operations = [sys.executable, str(ROOT / "scripts" / "gen_operations.py"), *(["--check"] if args.check else [])]
    if subprocess.run(operations, check=False).returncode != 0:
        return 1
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="trigger-gen-") as tmp:
        fresh = run_generator(Path(tmp))
        elapsed = time.perf_counter() - started
        endpoints = len([p for p in (fresh / "api").rglob("*.py") if p.name != "__init__.py"])
        models = len([p for p in (fresh / "models").glob("*.py") if p.name != "__init__.py"])
        figures = f"{endpoints} endpoint modules, {models} model modules, 0 warnings, {elapsed:.2f} s"
        target = OUT_ROOT / PACKAGE
        stamp = OUT_ROOT / "STAMP"
        if args.check:
            problems = differences(target, fresh) if target.is_dir() else [f"{target} is missing"]
            if not stamp.is_file() or stamp.read_text(encoding="utf-8") != stamp_text():
                problems.append("generated/STAMP does not match the spec, config or tool versions")
            if problems:
                print("\n".join(problems[:40]), file=sys.stderr)
                print("generate: generated/ is stale; run `make generate`", file=sys.stderr)
                return 1
            print(f"generate: generated/ is up to date ({figures})")
            return 0
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(fresh, target, ignore=shutil.ignore_patterns("__pycache__"))
        stamp.write_text(stamp_text(), encoding="utf-8")
    print(f"generate: wrote {target.relative_to(ROOT)} ({figures})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
