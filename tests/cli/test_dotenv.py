"""`envvars export` writes .env files that real `sh` and python-dotenv read back byte for byte, and that
never run anything when sourced; `envvars import` reads them (and hand-written ones) with python-dotenv."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from dotenv import dotenv_values

from trigger_facade.cli.dotenv_files import Refused, dotenv_line, write_dotenv
from trigger_facade.testing import FakeTrigger

from .helpers import cli

SHELLS = [shell for shell in ("sh", "dash", "bash") if shutil.which(shell)]

TRICKY = {
    "T_COMMAND": "$(touch PWNED_COMMAND)",
    "T_BACKTICK": "`touch PWNED_BACKTICK`",
    "T_SINGLE": "it's",
    "T_DOUBLE": 'say "hi"',
    "T_BOTH_QUOTES": 'it\'s "quoted"',
    "T_BACKSLASH": "C:\\path\\to\\file",
    "T_DOUBLE_BACKSLASH": "a\\\\b",
    "T_TRAILING_BACKSLASH": "ends with \\",
    "T_BACKSLASH_QUOTE": "\\'",
    "T_NEWLINES": "line one\nline two\n\nline four",
    "T_VAR": "$HOME and $PATH",
    "T_BRACED": "${HOME}",
    "T_DEFAULT": "${NOPE:-fallback}",
    "T_SPACES": "  padded  value  ",
    "T_TAB": "a\tb",
    "T_UNICODE": "héllo ☃ 𝄞 日本",
    "T_LINE_SEPARATOR": "a\u2028b\x85c",
    "T_HASH": "#not a comment",
    "T_EQUALS": "a=b=c",
    "T_SEMICOLON": "x; touch PWNED_SEMICOLON",
    "T_ESCAPE": "\x1b[31mred\x1b[0m",
    "T_GLOB": "*",
    "T_TILDE": "~root",
}
# no quoting reads alike in sh and python-dotenv: left out, with a reason
REFUSED = {
    "T_QUOTE_AND_DOLLAR": "it's $HOME",
    "T_BACKSLASH_AND_COMMAND": "a\\b$(touch PWNED_REFUSED)",
    "T_CARRIAGE_RETURN": "a\rb",
}


def sourced(shell: str, path: Path, names: list[str]) -> dict[str, str]:
    """What `set -a; . file` in a real shell puts in the environment (read back by Python as JSON)."""
    reader = (
        f"{sys.executable} -c 'import json, os, sys; print(json.dumps({{n: os.environ.get(n) for n in sys.argv[1:]}}))'"
    )
    script = f'set -a; . "{path}"; {reader} {" ".join(names)}'
    env = {"PATH": "/usr/bin:/bin", "HOME": "/nonexistent-home", "LC_ALL": "C.UTF-8"}
    result = subprocess.run(
        [shell, "-c", script], capture_output=True, text=True, cwd=path.parent, env=env, check=False, timeout=30
    )
    assert result.returncode == 0, result.stderr
    values: dict[str, str] = json.loads(result.stdout)
    return values


def set_all(variables: dict[str, str]) -> None:
    for name, value in variables.items():
        code, _, err = cli("envvars", "set", name, value, "--env", "dev")
        assert code == 0, err


@pytest.mark.parametrize("shell", SHELLS)
def test_export_reads_back_byte_for_byte_in_sh_and_python_dotenv(fake: FakeTrigger, tmp_path: Path, shell: str) -> None:
    set_all({**TRICKY, **REFUSED})
    code, out, err = cli("envvars", "export", "--env", "dev")
    assert code == 1  # some variables were left out
    path = tmp_path / ".env"
    path.write_text(out, encoding="utf-8", newline="")
    names = sorted(TRICKY)

    assert sourced(shell, path, names) == TRICKY
    assert dotenv_values(path, interpolate=False) == TRICKY
    expanding = dotenv_values(path)  # python-dotenv's default expands ${...}: only those two differ
    assert {k for k in TRICKY if expanding[k] != TRICKY[k]} == {"T_BRACED", "T_DEFAULT"}
    assert list(tmp_path.iterdir()) == [path]  # nothing ran: no PWNED_* file

    for name in REFUSED:
        assert name not in out
        assert f"trigger-facade: left out {name}: " in err
    assert "note: T_BRACED holds '${'" in err


def test_export_import_round_trip(fake: FakeTrigger, tmp_path: Path) -> None:
    set_all(TRICKY)
    code, first, err = cli("envvars", "export", "--env", "dev")
    assert code == 0, err
    path = tmp_path / ".env"
    path.write_text(first, encoding="utf-8", newline="")
    for name in TRICKY:
        assert cli("envvars", "delete", name, "--env", "dev")[0] == 0
    assert cli("envvars", "list", "--env", "dev", "--json")[1].strip() == "[]"
    assert cli("envvars", "import", str(path), "--env", "dev") == (0, f"imported {len(TRICKY)} variables\n", "")
    listed = json.loads(cli("envvars", "list", "--env", "dev", "--json")[1])
    assert {v["name"]: v["value"] for v in listed} == TRICKY
    assert cli("envvars", "export", "--env", "dev")[1] == first


def test_random_values_agree_in_sh_and_python_dotenv(tmp_path: Path) -> None:
    """Hundreds of values from an alphabet of every character either reader treats specially."""
    alphabet = [*"aZ09 \t\n'\"\\$`(){}#=!*?~;&|<>", "é", "☃", "\u2028", "\x1b", "\x7f", "\x85", "\r", "\x00"]
    rng = random.Random(20261130)
    values = {f"V{n}": "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for n in range(400)}
    text, refused = write_dotenv(values.items())
    written = {k: v for k, v in values.items() if k not in dict(refused)}
    for name, reason in refused:
        value = values[name]
        unwritable = "\r" in value or "\0" in value
        mixed = any(c in value for c in "'\\") and any(c in value for c in "$`")
        assert unwritable or mixed, (name, value, reason)
    assert len(written) > 150  # most values are written
    path = tmp_path / "random.env"
    path.write_text(text, encoding="utf-8", newline="")
    assert dotenv_values(path, interpolate=False) == written
    for shell in SHELLS:
        assert sourced(shell, path, sorted(written)) == written
    assert list(tmp_path.iterdir()) == [path]


@pytest.mark.parametrize("name", ["PS1", "PROMPT_COMMAND", "BASH_ENV", "ENV", "IFS"])
def test_variables_the_shell_runs_are_refused(name: str) -> None:
    with pytest.raises(Refused, match="the shell itself runs or obeys"):
        dotenv_line(name, "$(touch PWNED)")


@pytest.mark.parametrize("name", ["BAD-NAME", "1ABC", "A B", "X=Y", ""])
def test_names_that_are_not_shell_identifiers_are_refused(name: str) -> None:
    with pytest.raises(Refused, match="not a shell identifier"):
        dotenv_line(name, "value")


def test_import_reads_hand_written_files_literally(fake: FakeTrigger, tmp_path: Path) -> None:
    path = tmp_path / ".env"
    path.write_text(
        "# a comment\n"
        "export PLAIN=value # trailing comment\n"
        'DOUBLE="with \\"escapes\\" and\\nnewline"\n'
        "SINGLE='raw \\n ${HOME}'\n"
        "EMPTY=\n"
        'MULTI="one\ntwo"\n',
        encoding="utf-8",
    )
    code, out, err = cli("envvars", "import", str(path), "--env", "dev")
    assert (code, out) == (0, "imported 5 variables\n")
    assert err == "note: EMPTY is empty; Trigger.dev drops empty values on import\n"
    listed = {v["name"]: v["value"] for v in json.loads(cli("envvars", "list", "--env", "dev", "--json")[1])}
    listed.pop("EMPTY", None)  # the server drops it (server truth F2)
    assert listed == {
        "PLAIN": "value",
        "DOUBLE": 'with "escapes" and\nnewline',
        "SINGLE": "raw \\n ${HOME}",
        "MULTI": "one\ntwo",
    }


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"A=1\nB=caf\xe9\n", "not UTF-8 text (byte 0xe9 on line 2)"),
        (b"A=1\nB='unterminated\n", ":2: python-dotenv cannot parse"),
        (b"A=1\nJUSTANAME\n", ":2: 'JUSTANAME' has no '=value'"),
        (b"# only a comment\n", "no variables"),
    ],
)
def test_import_errors_are_usage_errors_naming_the_line(
    fake: FakeTrigger, tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / ".env"
    path.write_bytes(content)
    code, _, err = cli("envvars", "import", str(path), "--env", "dev")
    assert code == 2
    assert expected in err
    assert "Traceback" not in err
    assert cli("envvars", "list", "--env", "dev", "--json")[1].strip() == "[]"  # nothing was uploaded
