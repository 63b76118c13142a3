"""Migrations run backward and forward on a copy of a seeded database."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def manage(database: Path, *arguments: str) -> str:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(DJANGO_SQLITE_PATH=str(database), DJANGO_SETTINGS_MODULE="config.settings")
    result = subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=PROJECT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_it_migrates_a_seeded_copy_backward_and_forward(tmp_path):
    original = tmp_path / "seeded.sqlite3"
    manage(original, "migrate", "--no-input")
    manage(original, "load_seeds")
    copy = tmp_path / "copy.sqlite3"
    shutil.copy(original, copy)

    manage(copy, "migrate", "curation", "zero", "--no-input")
    assert "[ ]" in manage(copy, "showmigrations", "curation")
    manage(copy, "migrate", "--no-input")
    assert "[ ]" not in manage(copy, "showmigrations", "curation")
    assert manage(copy, "load_seeds").startswith("Loaded 5 articles")
    assert "nothing changed" in manage(original, "load_seeds")
