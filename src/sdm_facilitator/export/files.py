"""Writing an exported paper to a file: private, whole, and never over another file by accident.

An exported file is personal data outside the app's protected folder, so it
is written only for its owner (0600) and atomically with the store's own
writer (a crash leaves no half file), and an existing file is replaced only
when the person said so.
"""

from __future__ import annotations

from pathlib import Path

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.atomic import atomic_write_bytes


class ExportFileExists(FileExistsError):
    """The chosen file already exists and replacing it was not asked for."""


def default_export_dir(data_dir: Path) -> Path:
    """The user's Documents folder when there is one, else ``exports/`` in the data folder."""
    from platformdirs import user_documents_dir

    from sdm_facilitator.paths import exports_dir

    documents = Path(user_documents_dir())
    if documents.is_dir():
        return documents
    return exports_dir(data_dir)


def suggested_file_name(meeting: Meeting, kind: str, suffix: str) -> str:
    """A file name made of the paper and the meeting id: never a family's or child's name."""
    return f"{kind}-{meeting.id}{suffix}"


def write_export(
    path: Path, data: bytes, *, replace: bool = False, record_for: tuple[Path, str] | None = None
) -> None:
    """Write ``data`` to ``path`` (mode 0600, atomically); refuse to replace a file unless ``replace``.

    ``record_for`` (data folder, meeting id): a file written inside the data
    folder is recorded, so deleting the meeting removes it too
    (``storage/export_ledger.py``). It is recorded before it is written: a
    crash between the two then leaves a record of a file that is not there
    (harmless), never a paper with names that deletion does not know of.
    """
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder; give a file name")
    if path.exists() and not replace:
        raise ExportFileExists(f"{path} already exists")
    if not path.parent.is_dir():
        raise FileNotFoundError(f"the folder {path.parent} does not exist")
    if record_for is not None:
        from sdm_facilitator.storage.export_ledger import record_export

        record_export(record_for[0], record_for[1], path)
    atomic_write_bytes(path, data, mode=0o600)


def ensure_export_dir(folder: Path) -> None:
    """Create the default export folder, private to this user, if it is missing."""
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True)
