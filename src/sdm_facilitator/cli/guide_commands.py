"""Command-line commands for guides and language hints.

``guides list``, ``guides check``, ``guides show`` and ``lint``. None of them
imports Textual or Rich.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sdm_facilitator.cli.context import CliContext, CliError
from sdm_facilitator.cli.library import guide_library
from sdm_facilitator.domain.safe_text import one_line
from sdm_facilitator.export.json_export import to_json
from sdm_facilitator.guides.library import DATA_FILES

if TYPE_CHECKING:
    from sdm_facilitator.guides.validate import GuideProblem


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the ``guides`` and ``lint`` subcommands."""
    guides = subparsers.add_parser(
        "guides",
        help="list, check and show practice guides",
        description=(
            "Practice guides are TOML files. Bundled guides ship with the app; your "
            "organisation's own guides live in the user guides folder "
            "($SDM_FACILITATOR_GUIDES_DIR, else DATA_DIR/guides) and may add guides or "
            "replace a bundled one by id."
        ),
    )
    guides.set_defaults(handler=_guides_help(guides))
    actions = guides.add_subparsers(dest="guides_command", metavar="ACTION")

    lst = actions.add_parser("list", help="list the guides in use and any that could not be used")
    lst.add_argument("--json", action="store_true", help="print JSON")
    lst.set_defaults(handler=run_list)

    check = actions.add_parser(
        "check",
        help="check guide files; exit 1 with one message per problem",
        description=(
            "Check guide files (and language.toml files). Without PATH, checks the bundled "
            "guides and your guides folder. A PATH may be a file or a folder."
        ),
    )
    check.add_argument("paths", nargs="*", metavar="PATH", help="guide files or folders to check")
    check.set_defaults(handler=run_check)

    show = actions.add_parser("show", help="print one guide as readable text or JSON")
    show.add_argument("id", help="the guide id (see: guides list)")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=run_show)

    lint = subparsers.add_parser(
        "lint",
        help="show language hints for text on stdin, or for a stored meeting",
        description=(
            "Find words that blame, stigmatise or exclude families, or jargon a family "
            "will not understand, and suggest plainer words. A hint, never a block: "
            "the exit code is 0 whatever is found."
        ),
    )
    lint.add_argument("id", nargs="?", help="a meeting id; without it, text is read from stdin")
    lint.set_defaults(handler=run_lint)


def _guides_help(parser: argparse.ArgumentParser) -> Any:
    def handler(args: argparse.Namespace, ctx: CliContext) -> int:
        parser.print_help(ctx.out)
        return 0

    return handler


def _library(ctx: CliContext) -> Any:

    return guide_library(ctx)


def _print_notices(ctx: CliContext, library: Any) -> None:
    for notice in library.notices():
        print(f"note: {one_line(notice)}", file=ctx.err)


# --------------------------------------------------------------------------- list


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    library = _library(ctx)
    rows = [
        {
            "id": g.id,
            "title": g.title,
            "version": g.version,
            "kinds": list(g.kinds),
            "steps": len(g.steps),
            "phases": len(g.phases),
            "bundled": g.bundled,
            "replaces_bundled": g.id in library.overridden,
            "source": str(g.source) if g.source else None,
        }
        for g in library.sorted_guides()
    ]
    unusable = [
        {"file": str(path), "problems": [str(p) for p in problems]}
        for path, problems in sorted(library.unusable.items())
    ]
    if args.json:
        data = {
            "guides": rows,
            "unusable": unusable,
            "language_hints": len(library.language_hints),
            **{kind.json_key: [str(p) for p in kind.problems(library)] for kind in DATA_FILES},
            "skipped": list(library.skipped),
        }
        print(to_json(data), file=ctx.out)
        for note in library.skipped:
            print(f"note: {one_line(note)}", file=ctx.err)
        _print_notices_overrides(ctx, library)
        return 0
    if not rows:
        print("No guides could be loaded.", file=ctx.out)
    else:
        header = ("ID", "TITLE", "KINDS", "STEPS", "FROM")
        table = [
            (
                r["id"],
                one_line(r["title"], 44),
                ", ".join(r["kinds"]),
                str(r["steps"]),
                _origin(r),
            )
            for r in rows
        ]
        widths = [max(len(row[i]) for row in [header, *table]) for i in range(len(header))]
        for row in [header, *table]:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip(), file=ctx.out)
    print(f"\n{len(library.language_hints)} language hints.", file=ctx.out)
    for note in library.skipped:
        print(f"\n{one_line(note)}", file=ctx.out)
    if unusable:
        print("\nGuide files that could not be used (see: sdm-facilitator guides check):", file=ctx.out)
        for item in unusable:
            print(f"  {one_line(str(item['file']))}: {len(item['problems'])} problem(s)", file=ctx.out)
    troubled = [kind for kind in DATA_FILES if kind.problems(library)]
    if troubled:
        print(
            f"\n{_sentence_list([kind.what for kind in troubled]).capitalize()} that could not all be used "
            "(see: sdm-facilitator guides check):",
            file=ctx.out,
        )
        for kind in troubled:
            for problem in kind.problems(library):
                print(f"  {one_line(str(problem))}", file=ctx.out)
    _print_notices_overrides(ctx, library)
    return 0


def _sentence_list(items: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _origin(row: dict[str, Any]) -> str:
    if row["bundled"]:
        return "bundled"
    return "yours (replaces bundled)" if row["replaces_bundled"] else "yours"


def _print_notices_overrides(ctx: CliContext, library: Any) -> None:
    for guide_id, path in sorted(library.overridden.items()):
        print(
            f"note: your guide '{guide_id}' ({one_line(str(path))}) replaces the bundled one.",
            file=ctx.err,
        )


# --------------------------------------------------------------------------- check


def _files_to_check(paths: Iterable[str]) -> list[Path]:
    files: list[Path] = []
    for raw in paths:
        path = Path(raw).expanduser()
        if path.is_dir():
            # Pipes and links named like a guide are checked too: reading them says why they cannot be used.
            found = sorted(p for p in path.glob("*.toml") if not p.is_dir())
            if not found:
                raise CliError(f"no .toml files in {one_line(str(path))}")
            files.extend(found)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            raise CliError(f"no such file or folder: {one_line(str(path))}")
    return files


def _user_profile_problems(user_dir: Path) -> list[Any]:
    """Every problem in the organisation's own jurisdiction profiles, chosen or not."""
    from sdm_facilitator.guides.jurisdictions import JURISDICTIONS_DIR, profile_files
    from sdm_facilitator.guides.loader import load_profile_file
    from sdm_facilitator.paths import bundled_guides_dir

    folder = user_dir / JURISDICTIONS_DIR
    if not folder.is_dir() or folder.resolve() == (bundled_guides_dir() / JURISDICTIONS_DIR).resolve():
        return []
    return [problem for path in profile_files(folder) for problem in load_profile_file(path)[1]]


def run_check(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.domain.plan_check_words import PlanCheckWords
    from sdm_facilitator.guides.loader import (
        CHILD_PLAN_WORDING_FILE,
        CONFERENCE_WORDING_FILE,
        LANGUAGE_FILE,
        NETWORK_FINDING_FILE,
        PLAN_CHECKS_FILE,
        RISK_WARNINGS_FILE,
        TERMS_FILE,
        load_child_plan_wording,
        load_conference_wording,
        load_guide_file,
        load_language_hints,
        load_network_finding,
        load_plan_checks,
        load_risk_warnings,
        load_terms_file,
    )
    from sdm_facilitator.guides.terms import guide_vocabulary_problems
    from sdm_facilitator.paths import bundled_guides_dir

    # The data files beside the guides, each checked by its own loader.
    data_files: dict[str, Callable[[Path], tuple[object, list[GuideProblem]]]] = {
        CONFERENCE_WORDING_FILE: load_conference_wording,
        CHILD_PLAN_WORDING_FILE: load_child_plan_wording,
        NETWORK_FINDING_FILE: load_network_finding,
        RISK_WARNINGS_FILE: load_risk_warnings,
    }
    problems: list[Any] = []
    checked = 0
    if not args.paths:
        library = _library(ctx)
        for note in library.skipped:
            print(f"note: {one_line(note)}", file=ctx.err)
        from sdm_facilitator.guides.translations import user_catalogue_problems
        from sdm_facilitator.paths import user_guides_dir

        problems = [*library.problems(), *user_catalogue_problems(user_guides_dir(ctx.data_dir))]
        problems += [p for p in _user_profile_problems(user_guides_dir(ctx.data_dir)) if p not in problems]
        checked = len(library.guides) + len(library.unusable)
        summary_guides = ", ".join(sorted(library.guides)) or "none"
        ok_line = f"All guides are valid ({summary_guides}; {len(library.language_hints)} language hints)."
    else:
        seen_ids: dict[str, Path] = {}
        files = _files_to_check(args.paths)
        # Guides may name the bundled vocabularies and those of any terms file being checked.
        vocabularies = {v.id: v for v in load_terms_file(bundled_guides_dir() / TERMS_FILE)[0]}
        for path in files:
            if path.name == TERMS_FILE:
                found_vocabularies, _, found = load_terms_file(path, vocabularies)
                vocabularies.update({v.id: v for v in found_vocabularies})
                problems.extend(found)
        for path in files:
            checked += 1
            if path.parent.name == "jurisdictions":
                from sdm_facilitator.guides.loader import load_profile_file

                problems.extend(load_profile_file(path)[1])
                continue
            if path.suffix == ".po":
                from sdm_facilitator.guides.translations import load_catalogue

                problems.extend(load_catalogue(path, path.stem)[1])
                continue
            if path.name == LANGUAGE_FILE:
                _, found = load_language_hints(path)
                problems.extend(found)
                continue
            if path.name == TERMS_FILE:
                continue
            if path.name == PLAN_CHECKS_FILE:
                # The bundled file must give every list; an organisation's may give only some.
                bundled = path.resolve().parent == bundled_guides_dir().resolve()
                problems.extend(load_plan_checks(path, None if bundled else PlanCheckWords())[1])
                continue
            if path.name in data_files:
                problems.extend(data_files[path.name](path)[1])
                continue
            guide, found = load_guide_file(path, bundled=False)
            problems.extend(found)
            if guide is not None:
                problems.extend(guide_vocabulary_problems(guide, vocabularies))
                if guide.id in seen_ids and seen_ids[guide.id] != path:
                    from sdm_facilitator.guides.validate import GuideProblem

                    problems.append(
                        GuideProblem(
                            path,
                            "guide.id",
                            None,
                            f"guide id '{guide.id}' is already used by {seen_ids[guide.id].name}",
                        )
                    )
                seen_ids.setdefault(guide.id, path)
        ok_line = f"{checked} file(s) checked: all valid."
    if not problems:
        print(ok_line, file=ctx.out)
        return 0
    for problem in problems:
        print(one_line(str(problem)), file=ctx.out)
    files_with_problems = len({p.file for p in problems})
    print(f"{len(problems)} problem(s) in {files_with_problems} of {checked} file(s).", file=ctx.err)
    return 1


# --------------------------------------------------------------------------- show


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.guides.describe import guide_to_dict, guide_to_text

    library = _library(ctx)
    for note in library.skipped:
        print(f"note: {one_line(note)}", file=ctx.err)
    guide = library.get(args.id)
    if guide is None:
        known = ", ".join(sorted(library.guides)) or "none"
        hint = ""
        if any(p.stem == args.id for p in library.unusable):
            hint = " (a file with that name could not be used: run 'sdm-facilitator guides check')"
        raise CliError(f"no guide with id '{one_line(args.id, 60)}'{hint}; guides: {known}")
    if args.json:
        print(to_json(guide_to_dict(guide)), file=ctx.out)
    else:
        ctx.out.write(guide_to_text(guide))
    return 0


# --------------------------------------------------------------------------- lint


def _hint_lines(text: str, matcher: Any, prefix: str = "", risks: frozenset[str] = frozenset()) -> list[str]:
    from sdm_facilitator.domain.language import LinePositions

    lines = []
    positions = LinePositions(text)
    for match in matcher.find(text, risks):
        line, column = positions.at(match.start)
        hint = match.hint
        lines.append(
            f'{prefix}{line}:{column}: "{one_line(match.text)}" -> try: '
            f"{'; '.join(one_line(a) for a in hint.alternatives)} ({one_line(hint.why)})"
        )
    return lines


def _meeting_texts(ctx: CliContext, meeting_id: str) -> tuple[list[tuple[str, str]], frozenset[str]]:
    """The meeting's texts, and the risk-screen kinds that make context hints apply ("argument" with domestic abuse)."""
    from sdm_facilitator.cli.meeting_commands import load_meeting_or_fail
    from sdm_facilitator.domain.language import risk_context
    from sdm_facilitator.domain.meeting import iter_meeting_texts

    meeting = load_meeting_or_fail(ctx, meeting_id)
    return [(label, text) for label, text in iter_meeting_texts(meeting) if text], risk_context(meeting.risks)


def run_lint(args: argparse.Namespace, ctx: CliContext) -> int:
    from sdm_facilitator.domain.language import LanguageMatcher

    risks: frozenset[str] = frozenset()
    if args.id is not None:
        sources, risks = _meeting_texts(ctx, args.id)
    else:
        try:
            text = ctx.stdin.read()
        except UnicodeDecodeError:
            raise CliError("the text on stdin is not UTF-8; save it as UTF-8 and try again") from None
        except OSError as error:
            raise CliError(f"could not read stdin: {error}") from None
        sources = [("", text)]
    library = _library(ctx)
    if library.language_problems:
        _print_notices(ctx, library)
    matcher = LanguageMatcher(library.language_hints)
    found = 0
    for label, text in sources:
        prefix = f"{one_line(label)}:" if label else ""
        lines = _hint_lines(text, matcher, prefix, risks)
        found += len(lines)
        for line in lines:
            print(line, file=ctx.out)
    if not found:
        print("No language hints found.", file=ctx.err)
    return 0
