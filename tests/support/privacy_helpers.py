"""Helpers for tests of the encrypted store, deletion and retention.

Key derivation is slow on purpose (about half a second); tests use the same
code with tiny cost parameters, which the key file then records, so every
later unlock of that store is fast too.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sdm_facilitator.domain.meeting import Child, Meeting, Person
from sdm_facilitator.storage.crypto import FileCipher
from sdm_facilitator.storage.keyfile import KdfParams, KeyFile
from sdm_facilitator.storage.store import MeetingStore

PASSPHRASE = "correct horse battery staple"
CHEAP_KDF = {"iterations": 1, "lanes": 1, "memory_kib": 64}
# Names that must never appear in any byte on disk in an encrypted store, or
# after a meeting is deleted. Distinctive so a match cannot be a coincidence.
FIXTURE_NAMES = ("Zebedee Quillfeather", "Ottoline", "Marguerite Vantablack", "Quillfeather family")


def cheap_params() -> KdfParams:
    return KdfParams(**CHEAP_KDF)  # type: ignore[arg-type]


def named_meeting(suffix: str = "") -> Meeting:
    """A meeting that holds every fixture name in several fields."""
    meeting = Meeting(kind="fgc", family_label=f"Quillfeather family{suffix}")
    meeting.children = [Child(id="c1", name=f"Ottoline{suffix}")]
    meeting.people = [Person(id="p1", name=f"Marguerite Vantablack{suffix}", relationship="grandmother")]
    meeting.referral.worries = f"Zebedee Quillfeather{suffix} worries about Ottoline at night"
    return meeting


def make_encrypted_store(data_dir: Path, passphrase: str = PASSPHRASE) -> tuple[MeetingStore, str]:
    """A new, empty encrypted store (cheap key derivation); returns it and its recovery key."""
    store = MeetingStore(data_dir)
    store.ensure()
    key_file, data_key, recovery = KeyFile.create(passphrase, params=cheap_params())
    key_file.save(data_dir)
    store.cipher = FileCipher(data_key)
    return store, recovery


def every_file(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            yield path


def names_on_disk(folder: Path, names: tuple[str, ...] = FIXTURE_NAMES) -> list[tuple[str, str]]:
    """Each (file, name) where a name's UTF-8 or UTF-16 bytes appear in a file under ``folder``."""
    found = []
    for path in every_file(folder):
        data = path.read_bytes()
        for name in names:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                if name.encode(encoding) in data or name.lower().encode(encoding) in data.lower():
                    found.append((str(path.relative_to(folder)), name))
                    break
    return found
