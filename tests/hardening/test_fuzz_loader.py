"""Hostile and broken meeting files: only clear errors come out, quickly, and the file is never touched.

Hypothesis mutates valid meeting files (truncation, byte flips, insertions of
TOML syntax, deep nesting, long dotted keys, huge integers, invalid UTF-8, a
byte-order mark, wrong types). For every mutated file the store must either
load a valid meeting or raise ``UnreadableMeetingError``; listing the folder
and the next start must leave the file byte for byte as it was; a meeting
that loads must also save again (or fail with a ``CodecError`` naming the
field), never with a traceback.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sdm_facilitator.domain.meeting import Meeting
from sdm_facilitator.storage.codec import CodecError, meeting_to_toml
from sdm_facilitator.storage.store import (
    MAX_FILE_BYTES,
    MeetingNotFound,
    MeetingStore,
    UnreadableMeetingError,
    parse_meeting_bytes,
)
from support.app_helpers import new_meeting
from support.hostile import fill_meeting
from support.hypothesis_budget import examples

SECONDS_PER_FILE = 2.0
MEETING_ID = "fuzz-meeting"


def _seed(texts: list[str]) -> bytes:
    m = fill_meeting(new_meeting(label="Fuzz family"), texts)
    m.id = MEETING_ID
    return meeting_to_toml(m).encode("utf-8")


SEEDS = [
    _seed(["plain words"]),
    _seed(["multi\nline\ttext", "quote \" and ''' and \\ and [/]", "emoji 👨‍👩‍👧 مرحبا"]),
    _seed(["\x00\x1b[31m\u202e\x7f\x85"]),
]

# Fragments that are meaningful to a TOML parser or to the codec.
TOKENS = [
    b"[",
    b"]",
    b"[[",
    b"]]",
    b"{",
    b"}",
    b"=",
    b",",
    b".",
    b'"',
    b"'",
    b'"""',
    b"'''",
    b"\\",
    b"\\u",
    b"\\U0011ffff",
    b"\n",
    b"\r\n",
    b"\r",
    b"#",
    b" = 1\n",
    b"\n[x]\n",
    b"\n[[children]]\n",
    b"\nid = 5\n",
    b'\nkind = "zzz"\n',
    b"\nschema_version = 999\n",
    b"\nschema_version = -1\n",
    b"\ncreated = 1979-05-27T07:32:00-08:00\n",
    b"\nupdated = 9999-12-31T23:59:59.999999+23:59\n",
    b"\ncreated = 2026-02-30\n",
    b"\nx = 1e999999\n",
    b"\nx = nan\n",
    b"\nx = inf\n",
    b"0x",
    b"0b",
    b"0o",
    b"_",
    b"+",
    b"-",
    b"true",
    b"false",
    b"\xef\xbb\xbf",
    b"\xff",
    b"\xfe",
    b"\xc3",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    b"\xc0\xaf",
    b"\x00",
]


@st.composite
def structural(draw: st.DrawFn) -> bytes:
    """Larger hostile constructs: deep nesting, long dotted keys, huge ints, big strings,
    many dotted keys, a great many small values, and leap seconds."""
    kind = draw(
        st.sampled_from(
            [
                "arrays",
                "tables",
                "dotted",
                "hugeint",
                "headers",
                "longstring",
                "typeswap",
                "manydotted",
                "manyvalues",
                "manykeys",
                "leapsecond",
            ]
        )
    )
    n = draw(st.integers(1, 20_000))
    if kind == "arrays":
        return b"\nx = " + b"[" * n + b"1" + b"]" * draw(st.integers(0, n)) + b"\n"
    if kind == "tables":
        return b"\nx = " + b"{a=" * n + b"1" + b"}" * draw(st.integers(0, n)) + b"\n"
    if kind == "dotted":
        return b"\n" + b".".join([b"k"] * n) + b" = 1\n"
    if kind == "hugeint":
        return b"\nschema_version = " + b"9" * n + b"\n"
    if kind == "headers":
        return b"\n[" + b".".join([b"a"] * min(n, 3000)) + b"]\n"
    if kind == "longstring":
        return b'\nfamily_label = "' + b"x" * n + b'"\n'
    if kind == "manydotted":
        parts = draw(st.integers(2, 100))
        return b"\n" + b"".join(b"k%d." % i + b".".join([b"p"] * parts) + b" = 1\n" for i in range(n))
    if kind == "manyvalues":
        return b"\nx = [" + b"1," * (n * draw(st.integers(1, 100))) + b"]\n"
    if kind == "manykeys":
        return b"\n[extra]\n" + b"".join(b"v%d=1\n" % i for i in range(n * draw(st.integers(1, 10))))
    if kind == "leapsecond":
        return b"\nupdated = 2026-06-30T23:59:60Z\n"
    field = draw(
        st.sampled_from([b"family_label", b"children", b"referral", b"record", b"plan", b"steps", b"id"])
    )
    value = draw(
        st.sampled_from([b"1", b"true", b"[1,2]", b"{a=1}", b'"t"', b"2026-01-01", b"[[1]]", b"[{x=1}]"])
    )
    return b"\n" + field + b" = " + value + b"\n"


mutation = st.one_of(
    st.tuples(st.just("truncate"), st.floats(0, 1)),
    st.tuples(st.just("flip"), st.floats(0, 1), st.integers(1, 255)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.sampled_from(TOKENS)),
    st.tuples(st.just("insert"), st.floats(0, 1), st.binary(min_size=1, max_size=8)),
    st.tuples(st.just("insert"), st.floats(0, 1), structural()),
    st.tuples(st.just("delete"), st.floats(0, 1), st.integers(1, 64)),
    st.tuples(st.just("duplicate"), st.floats(0, 1), st.integers(1, 400)),
)


def mutate(data: bytes, ops: list[tuple]) -> bytes:
    buf = bytearray(data)
    for op in ops:
        at = int(op[1] * len(buf))
        if op[0] == "truncate":
            del buf[at:]
        elif op[0] == "flip" and buf:
            buf[min(at, len(buf) - 1)] ^= op[2]
        elif op[0] == "insert":
            buf[at:at] = op[2]
        elif op[0] == "delete":
            del buf[at : at + op[2]]
        elif op[0] == "duplicate":
            buf[at:at] = buf[at : at + op[2]]
    return bytes(buf)


hostile_files = st.builds(mutate, st.sampled_from(SEEDS), st.lists(mutation, min_size=1, max_size=5))

STATS = {"cases": 0, "loaded": 0, "refused": 0, "seconds": 0.0, "slowest": 0.0}


def check_one(folder: Path, data: bytes) -> None:
    store = MeetingStore(folder)
    store.ensure()
    path = store.path_for(MEETING_ID)
    path.write_bytes(data)
    # Processor time of this process: a pathological file costs it however busy the machine is,
    # and a machine busy with other work does not make an ordinary file look pathological.
    started = time.process_time()
    meeting: Meeting | None = None
    try:
        meeting = store.open(MEETING_ID, lock=False).meeting
    except UnreadableMeetingError as error:
        reason = str(error)
        assert reason and "Traceback" not in reason
        assert len(reason) < 2_000, "a reason is a short message, not a dump of the file"
    except MeetingNotFound:  # pragma: no cover - the file is there
        raise
    listing = store.list_meetings()
    assert len(listing.meetings) + len(listing.unreadable) == 1
    store.ensure()
    elapsed = time.process_time() - started
    assert path.read_bytes() == data, "a file that was read must never be modified"
    assert elapsed < SECONDS_PER_FILE, f"took {elapsed:.2f}s"
    if meeting is not None:
        # A file that loads can be saved again, exactly, or is refused with the field named.
        try:
            text = meeting_to_toml(meeting)
        except CodecError:
            pass
        else:
            again, _ = parse_meeting_bytes(text.encode("utf-8"), path)
            assert again == meeting
        STATS["loaded"] += 1
    else:
        STATS["refused"] += 1
    STATS["cases"] += 1
    STATS["seconds"] += elapsed
    STATS["slowest"] = max(STATS["slowest"], elapsed)
    path.unlink()


def _run(tmp_path: Path, examples: int) -> None:
    for key in STATS:
        STATS[key] = 0
    started = time.perf_counter()

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=hostile_files)
    def prop(data: bytes) -> None:
        check_one(tmp_path / "fuzz", data)

    prop()
    print(
        f"\nfuzz: {STATS['cases']} files ({STATS['loaded']} loaded, {STATS['refused']} refused) "
        f"in {time.perf_counter() - started:.1f}s; slowest file {STATS['slowest'] * 1000:.0f} ms"
    )
    assert STATS["refused"] > 0


def test_fuzzed_meeting_files_give_only_clear_errors(tmp_path: Path) -> None:
    _run(tmp_path, examples(500))


@pytest.mark.slow
def test_fuzzed_meeting_files_many(tmp_path: Path) -> None:
    _run(tmp_path, 10_000)


# ------------------------------------------------- specific hostile files, always run


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xef\xbb\xbf",
        b"\xff\xfe" + "id = 'x'".encode("utf-16-le"),
        b'id = "a"\nkind = "fgc"\nx = ' + b"[" * 100_000,
        b'id = "a"\nkind = "fgc"\nx = ' + b"[" * 900 + b"]" * 900 + b"\n",
        b'id = "a"\nkind = "fgc"\nx = ' + b"{a=" * 900 + b"1" + b"}" * 900 + b"\n",
        b'id = "a"\nkind = "fgc"\n' + b".".join([b"k"] * 900) + b" = 1\n",
        b'id = "a"\nkind = "fgc"\n' + b".".join([b"k"] * 50_000) + b" = 1\n",
        b'id = "a"\nkind = "fgc"\nschema_version = ' + b"9" * 5000 + b"\n",
        b'id = "a"\nkind = "fgc"\nx = ' + b"9" * 100_000 + b"\n",
        b'id = "a"\nkind = "fgc"\nx = 1e99999\n',
        b'id = "a"\nkind = "fgc"\ncreated = 2026-02-30T10:00:00Z\n',
        b'id = "a"\nkind = "fgc"\nupdated = 2026-01-01T10:00:00+25:00\n',
        b'id = "a"\nkind = "fgc"\nfamily_label = "\\ud800"\n',
        b'id = "../../etc/passwd"\nkind = "fgc"\n',
        b'id = "a"\nkind = "fgc"\n[[children]]\nage = 99999999999999999999\n',
        b'id = "a"\nkind = "fgc"\nchildren = 5\n',
        b'id = "a"\nkind = "nope"\n',
        b'x = "' + b"y" * (MAX_FILE_BYTES + 1) + b'"\n',
        b'id = "a"\nkind = "fgc"\n' + b"".join(b"k%d.a.b.c.d.e.f.g = 1\n" % i for i in range(40_000)),
        b'id = "a"\nkind = "fgc"\nx = [' + b"1," * 1_500_000 + b"]\n",
    ],
    ids=lambda d: repr(d[:24]) + f"..{len(d)}",
)
def test_specific_hostile_files(tmp_path: Path, data: bytes) -> None:
    check_one(tmp_path / "fuzz", data)


def test_deeply_nested_unknown_value_that_loads_still_saves_or_names_the_problem(tmp_path: Path) -> None:
    """Unknown keys are kept in ``extra``; a deep one must not crash a later save with RecursionError."""
    for depth in (100, 400, 900, 990):
        data = b'id = "a"\nkind = "fgc"\nx = ' + b"[" * depth + b"1" + b"]" * depth + b"\n"
        try:
            meeting, _ = parse_meeting_bytes(data, tmp_path / "a.toml")
        except UnreadableMeetingError:
            continue
        try:
            meeting_to_toml(meeting)
        except CodecError:
            pass


# ------------------------------------------------- the guards never refuse the app's own files

tricky_text = st.text(st.sampled_from(list(".\"'#\\\n\r\t =[]{}x\u00e9\u202e")), max_size=400)


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(texts=st.lists(tricky_text, min_size=1, max_size=4))
def test_files_the_app_writes_always_load(texts: list[str]) -> None:
    """Text full of dots, quotes and comment signs must never trip the structure guard."""
    meeting = fill_meeting(new_meeting(label="x"), texts)
    try:
        data = meeting_to_toml(meeting).encode("utf-8")
    except CodecError:
        return
    again, _ = parse_meeting_bytes(data, Path("m.toml"))
    assert again == meeting


def test_dotted_lines_inside_notes_are_not_keys() -> None:
    note = "\n".join(["." * 500, "a." * 300 + "b = 1", "'''", '"""', "# " + "." * 200])
    meeting = fill_meeting(new_meeting(label="x"), [note, "k." * 200, "'" + "." * 300])
    data = meeting_to_toml(meeting).encode("utf-8")
    again, _ = parse_meeting_bytes(data, Path("m.toml"))
    assert again == meeting


def test_long_dotted_key_is_refused_quickly_with_its_line() -> None:
    data = b'id = "a"\nkind = "fgc"\n' + b".".join([b"k"] * 50_000) + b" = 1\n"
    started = time.process_time()  # this process's own work, whatever else the machine is doing
    with pytest.raises(UnreadableMeetingError) as info:
        parse_meeting_bytes(data, Path("a.toml"))
    assert time.process_time() - started < 0.5
    assert info.value.unreadable.line == 3
    assert "dotted parts" in info.value.unreadable.reason
