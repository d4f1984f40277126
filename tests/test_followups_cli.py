"""Every command's ``--help`` ends with an example of the command."""

from __future__ import annotations

import re
from pathlib import Path

from tests.helpers import run_cli


def test_every_command_help_shows_an_example(tmp_path: Path) -> None:
    top = run_cli("--help", cwd=tmp_path)
    assert top.returncode == 0, top.stderr
    listed = top.stdout.split("positional arguments:")[1].split("options:")[0]
    commands = re.findall(r"^    (\w+)", listed, re.MULTILINE)
    assert len(commands) >= 9, commands
    for name in commands:
        result = run_cli(name, "--help", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
        assert f"\nexample: cco-playbook {name} " in result.stdout, name
