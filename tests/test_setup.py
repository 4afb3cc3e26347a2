"""The bootstrap's promises that a new user meets first."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPO = ROOT / "setup" / "expo"


def _run_expo(tmp_path, *args, **env):
    environ = {k: v for k, v in os.environ.items() if not k.startswith("EXPO_")}
    environ.pop("ODOO_SRC", None)
    environ.update(env)
    return subprocess.run(
        [str(EXPO), *args],
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_missing_odoo_gives_one_clear_message(tmp_path):
    """Without any Odoo 18.0, bootstrap stops with a non-zero exit and says where it
    looked and how to provide Odoo, instead of a traceback."""
    result = _run_expo(
        tmp_path,
        "bootstrap",
        ODOO_SRC=str(tmp_path / "not-odoo"),
        EXPO_ODOO_DIR=str(tmp_path / "opt" / "18.0"),
        EXPO_ODOO_UPSTREAM=str(tmp_path / "no-such-repository"),
        EXPO_VENV=str(tmp_path / "venv"),
        PATH="/usr/bin:/bin",
    )
    assert result.returncode == 2
    assert "no Odoo 18.0 source tree found" in result.stderr
    assert str(tmp_path / "not-odoo") in result.stderr
    assert str(tmp_path / "opt" / "18.0") in result.stderr
    assert "export ODOO_SRC=" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "venv").exists(), "nothing is installed without Odoo"


def test_odoo_src_is_preferred(tmp_path):
    """$ODOO_SRC wins over the default place when it holds Odoo 18.0."""
    fake = tmp_path / "odoo-src"
    (fake / "odoo").mkdir(parents=True)
    (fake / "odoo" / "release.py").write_text(
        "version_info = (18, 0, 0, 'final', 0, '')\n"
    )
    result = _run_expo(
        tmp_path,
        "where-odoo",
        ODOO_SRC=str(fake),
        EXPO_VENV=str(tmp_path / "venv"),
        EXPO_ODOO_DIR="/opt/odoo/18.0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(fake)


def test_unknown_command_prints_usage(tmp_path):
    result = _run_expo(tmp_path, "frobnicate")
    assert result.returncode == 2
    assert "setup/expo test" in result.stdout


def test_addon_readmes_are_generated_from_fragments():
    """README.rst and the Apps description are rebuilt from readme/*.md and stay valid
    reStructuredText, so PyPI and Odoo's Apps show what the fragments say."""
    from docutils.core import publish_string

    result = subprocess.run(
        [sys.executable, str(ROOT / "setup" / "gen_readme.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout
    for addon in ("expo_crm", "expo_crm_segmentation", "expo_crm_survey"):
        rst = (ROOT / addon / "README.rst").read_text()
        publish_string(rst, writer_name="null", settings_overrides={"halt_level": 2})
        description = (ROOT / addon / "readme" / "DESCRIPTION.md").read_text()
        first_words = " ".join(description.split()[:4])
        assert first_words in " ".join(rst.split())


def test_configuration_holds_no_setting_of_one_run(tmp_path):
    """Each command gives odoo-bin its own port and database on the command line:
    the configuration file every command of the checkout shares names neither, so a
    command never serves on the port another one left there."""
    result = _run_expo(tmp_path, "bootstrap", EXPO_HTTP_PORT="18123")
    assert result.returncode == 0, result.stderr
    conf = (ROOT / ".local" / "odoo.conf").read_text()
    assert "addons_path" in conf
    for option in ("http_port", "db_name", "dbfilter"):
        assert option not in conf, f"{option} in the shared configuration"
    script = EXPO.read_text()
    assert '--http-port="$HTTP_PORT"' in script
    assert '-d "$DEMO_DB" --db-filter="^$DEMO_DB\\$" --http-port="$HTTP_PORT"' in script


def test_no_merge_conflict_left_in_the_sources():
    """A merge's conflict markers never land in a tracked file."""
    tracked = subprocess.run(
        ["git", "ls-files", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    markers = (b"<<<<<<< ", b">>>>>>> ")
    conflicted = []
    for name in filter(None, tracked):
        path = ROOT / name.decode()
        if not path.is_file() or path.suffix in (".png", ".jpg", ".ico"):
            continue
        lines = path.read_bytes().splitlines()
        if any(line.startswith(markers) for line in lines):
            conflicted.append(name.decode())
    assert not conflicted, f"conflict markers in {conflicted}"
