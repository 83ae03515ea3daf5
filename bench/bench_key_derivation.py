"""How long unlocking an encrypted store takes, and what encryption adds to listing and saving.

Not a test: prints figures. ``python bench/bench_key_derivation.py [--meetings N]``

The passphrase's key derivation is slow on purpose (it is what makes guessing
passphrases from a stolen laptop expensive); the defaults aim at about half a
second. The second part lists and saves the same meetings in a plain and an
encrypted store, to show the per-file cost of AES-256-GCM.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

from sdm_facilitator.demo import follow_up_meeting, held_meeting, preparing_meeting
from sdm_facilitator.guides.loader import load_library
from sdm_facilitator.storage.crypto import FileCipher
from sdm_facilitator.storage.keyfile import (
    KdfParams,
    KeyFile,
    argon2id_available,
    default_kdf_params,
    derive_key,
)
from sdm_facilitator.storage.store import MeetingStore


def time_derivation(params: KdfParams, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        derive_key("a passphrase of several words", params)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def time_store(folder: Path, cipher: FileCipher | None, count: int) -> tuple[float, float]:
    library = load_library(None)
    builders = (preparing_meeting, held_meeting, follow_up_meeting)
    store = MeetingStore(folder, cipher=cipher)
    store.ensure()
    if cipher is not None:
        KeyFile.create(
            "a passphrase of several words", params=KdfParams(iterations=1, lanes=1, memory_kib=64)
        )[0].save(folder)
    for index in range(count):
        store.close(store.create(builders[index % len(builders)](library, date.today())))
    start = time.perf_counter()
    listing = store.list_meetings()
    listed = time.perf_counter() - start
    saves = []
    for opened in listing.meetings[:50]:
        start = time.perf_counter()
        store.save(opened)
        saves.append(time.perf_counter() - start)
    return listed, statistics.median(saves)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--meetings", type=int, default=300)
    count = parser.parse_args().meetings
    default = default_kdf_params()
    print(f"Argon2id available: {argon2id_available()}")
    print(f"default key derivation: {default.to_dict() | {'salt': '...'}}")
    print(f"  unlock (median of 3): {time_derivation(default) * 1000:.0f} ms")
    print(f"scrypt fallback (n=2^17, r=8, p=1): {time_derivation(KdfParams(name='scrypt')) * 1000:.0f} ms")
    for label, cipher in (("plain", None), ("encrypted", FileCipher(bytes(32)))):
        with tempfile.TemporaryDirectory() as folder:
            listed, save = time_store(Path(folder), cipher, count)
        print(
            f"{label:>9} store, {count} meetings: list {listed * 1000:.0f} ms, save median {save * 1000:.2f} ms"
        )


if __name__ == "__main__":
    main()
