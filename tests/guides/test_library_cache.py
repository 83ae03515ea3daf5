"""The checked guide library kept between starts: used while every guide file is as it was, never otherwise."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import sdm_facilitator
from sdm_facilitator.guides import library_cache, loader
from sdm_facilitator.guides.library_cache import cache_path, cached_library
from sdm_facilitator.guides.loader import CHILD_PLAN_WORDING_FILE, bundled_child_plan_wording, load_library
from sdm_facilitator.paths import bundled_guides_dir
from sdm_facilitator.storage.files import make_private_folder

VALID = Path(__file__).parent / "fixtures" / "valid_minimal.toml"
LONG_AGO = time.time() - 3600


def settled(path: Path) -> Path:
    """A file written an hour ago: a file written this second is used but not kept (coarse file times)."""
    os.utime(path, (LONG_AGO, LONG_AGO))
    return path


def a_data_folder(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    make_private_folder(data)
    guides = data / "guides"
    guides.mkdir()
    (guides / "ours.toml").write_text(VALID.read_text().replace('id = "mini"', 'id = "our-fgc"', 1))
    settled(guides / "ours.toml")
    settled(guides)
    return data, guides


def reading_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the guides were read again")

    monkeypatch.setattr(loader, "load_library", refuse)


def test_the_second_start_takes_the_checked_library_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, guides = a_data_folder(tmp_path)
    first = cached_library(data, guides)
    assert first == load_library(guides) and "our-fgc" in first.guides
    assert cache_path(data, guides, bundled_guides_dir()).stat().st_mode & 0o077 == 0
    reading_forbidden(monkeypatch)
    assert cached_library(data, guides) == first


@pytest.mark.parametrize("change", ["edit", "add", "add in a subfolder", "remove"])
def test_any_change_to_the_guides_folder_reads_the_guides_again(tmp_path: Path, change: str) -> None:
    data, guides = a_data_folder(tmp_path)
    cached_library(data, guides)
    if change == "edit":
        text = (guides / "ours.toml").read_text().replace('title = "Minimal guide"', 'title = "Changed"')
        (guides / "ours.toml").write_text(text)
    elif change == "add":
        (guides / "second.toml").write_text(VALID.read_text().replace('id = "mini"', 'id = "second"', 1))
    elif change == "add in a subfolder":
        (guides / "profiles").mkdir()
        (guides / "profiles" / "england.toml").write_text("x = 1\n")
    else:
        (guides / "ours.toml").unlink()
    assert cached_library(data, guides) == load_library(guides)


def test_another_version_of_the_app_never_uses_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, guides = a_data_folder(tmp_path)
    cached_library(data, guides)
    monkeypatch.setattr(sdm_facilitator, "__version__", "99.0.0")
    read: list[Path | None] = []
    real = loader.load_library
    monkeypatch.setattr(
        loader, "load_library", lambda folder, **kw: read.append(folder) or real(folder, **kw)
    )
    cached_library(data, guides)
    assert read == [guides]


def test_a_changed_module_of_the_app_never_uses_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache holds objects of the app's classes: one built by other code of the same version is not read."""
    data, guides = a_data_folder(tmp_path)
    code = tmp_path / "sdm_facilitator"
    (code / "domain").mkdir(parents=True)
    (code / "__init__.py").write_text("")
    module = code / "domain" / "network_finding.py"
    module.write_text("class NetworkFinding: ...\n")
    monkeypatch.setattr(sdm_facilitator, "__file__", str(code / "__init__.py"))
    cached_library(data, guides)
    reading_forbidden(monkeypatch)
    cached_library(data, guides)  # nothing changed: from the cache
    module.write_text("class NetworkFinding:  # moved, or given other fields\n    ...\n")
    with pytest.raises(AssertionError, match="read again"):
        cached_library(data, guides)


def test_a_cache_file_others_could_write_is_never_unpickled(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, guides = a_data_folder(tmp_path)
    cached_library(data, guides)
    path = cache_path(data, guides, bundled_guides_dir())
    path.chmod(0o666)
    unpickled: list[bytes] = []
    monkeypatch.setattr(library_cache.pickle, "loads", lambda data: unpickled.append(data))
    assert cached_library(data, guides) == load_library(guides)
    assert unpickled == []


def test_a_damaged_cache_is_read_again_from_the_guides(tmp_path: Path) -> None:
    data, guides = a_data_folder(tmp_path)
    cached_library(data, guides)
    path = cache_path(data, guides, bundled_guides_dir())
    path.write_bytes(path.read_bytes()[:-100])
    assert cached_library(data, guides) == load_library(guides)


def test_a_guide_written_this_moment_is_used_but_not_kept(tmp_path: Path) -> None:
    data, guides = a_data_folder(tmp_path)
    (guides / "ours.toml").touch()
    assert "our-fgc" in cached_library(data, guides).guides
    assert not cache_path(data, guides, bundled_guides_dir()).exists()


def test_a_changed_child_plan_wording_override_is_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, guides = a_data_folder(tmp_path)
    bundled = (bundled_guides_dir() / CHILD_PLAN_WORDING_FILE).read_text(encoding="utf-8")
    own = guides / CHILD_PLAN_WORDING_FILE
    own.write_text(bundled.replace('"Tell {name}."', '"Tell {name} first."', 1), encoding="utf-8")
    settled(own)
    settled(guides)
    first = cached_library(data, guides).child_plan_wording
    assert first is not None and first.bands["under-8"].patterns["trusted_adult"] == "Tell {name} first."
    assert cache_path(data, guides, bundled_guides_dir()).exists()
    # The same size, only the words changed: the file's times say it changed.
    own.write_text(bundled.replace('"Tell {name}."', '"Tell {name} today."', 1), encoding="utf-8")
    changed = cached_library(data, guides).child_plan_wording
    assert changed is not None and changed.bands["under-8"].patterns["trusted_adult"] == "Tell {name} today."
    # Taken away: the bundled words again, never the cached organisation's.
    own.unlink()
    assert cached_library(data, guides).child_plan_wording == bundled_child_plan_wording()
