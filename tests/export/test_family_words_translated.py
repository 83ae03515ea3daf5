"""Every word a family reads on their screen and papers passes through the translation layer.

The check reads the family-facing modules' syntax trees: a string with
letters in it must be a message (the first argument of ``tr(...)``,
``N_(...)`` or the coordinator's English ``say(...)``), or be one of the
kinds of string that nobody reads (a docstring, a widget id or CSS class,
a key, an action, a code compared or looked up). A new English sentence
written straight into one of these modules fails here.
"""

from __future__ import annotations

import ast

import pytest

from sdm_facilitator.guides.translations import bundled_catalogue
from support.family_messages import FAMILY_MODULES, NOT_YET_TRANSLATED, SRC, call_name, family_messages

#: Calls whose string arguments are messages or are never shown.
MESSAGE_CALLS = frozenset({"tr", "N_", "say", "self"})
#: Calls whose string arguments are code: selectors, keys, actions, codes looked up.
CODE_CALLS = frozenset(
    {"query_one", "query", "Binding", "LeftOut", "translator_for", "view_reaches", "TypeVar"}
)
#: Calls whose first argument is a key looked up (a child's plan's ``words.get("intro", ...)``);
#: their other arguments are still checked, so a sentence passed as a value is caught.
KEY_CALLS = frozenset({"get"})
#: Keyword arguments that take code, never words.
CODE_KEYWORDS = frozenset({"id", "classes", "severity", "markup", "title_align", "style", "hidden"})


def _parents(tree: ast.AST) -> dict[int, ast.AST]:
    return {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _is_docstring(node: ast.Constant, parents: dict[int, ast.AST]) -> bool:
    holder = parents.get(id(node))
    owner = parents.get(id(holder)) if isinstance(holder, ast.Expr) else None
    return isinstance(owner, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and (
        owner.body[0] is holder
    )


def _exempt(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """True when the string is inside a message call, or is code rather than words."""
    child: ast.AST = node
    parent = parents.get(id(node))
    while parent is not None:
        if isinstance(parent, ast.Call):
            name = call_name(parent)
            if name in MESSAGE_CALLS or name in CODE_CALLS:
                return True
            if name in KEY_CALLS and parent.args and child is parent.args[0]:
                return True
        if isinstance(parent, ast.keyword) and parent.arg in CODE_KEYWORDS:
            return True
        if isinstance(parent, ast.Compare) or (isinstance(parent, ast.Subscript) and child is parent.slice):
            return True
        if isinstance(parent, ast.Dict) and any(child is key for key in parent.keys):
            return True
        if isinstance(parent, (ast.FunctionDef, ast.ClassDef)):
            return False
        child, parent = parent, parents.get(id(parent))
    return False


def unrouted_strings(source: str, name: str) -> list[str]:
    """Strings with letters in the module ``source`` that a person could read without the layer."""
    tree = ast.parse(source)
    parents = _parents(tree)
    skipped = {
        id(n)
        for fn in ast.walk(tree)
        if isinstance(fn, ast.FunctionDef) and fn.name in NOT_YET_TRANSLATED
        for n in ast.walk(fn)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in skipped or isinstance(parents.get(id(node)), ast.JoinedStr):
            continue
        if isinstance(node, ast.JoinedStr):
            if not _exempt(node, parents):
                found.append(f"{name}:{node.lineno}: f-string {ast.unparse(node)}")
            continue
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        if not any(ch.isalpha() for ch in node.value) or _is_docstring(node, parents):
            continue
        if not _exempt(node, parents):
            found.append(f"{name}:{node.lineno}: {node.value!r}")
    return found


@pytest.mark.parametrize("relative", FAMILY_MODULES)
def test_every_string_a_family_reads_passes_through_the_layer(relative: str) -> None:
    assert unrouted_strings((SRC / relative).read_text(encoding="utf-8"), relative) == []


def test_the_check_finds_a_sentence_written_straight_into_a_module() -> None:
    """The check itself can fail: a plain sentence, an f-string and a shown label are all caught."""
    source = (
        '"""Doc."""\n'
        "def paper(tr, name):\n"
        '    """Doc."""\n'
        '    a = tr("Fine")\n'
        '    b = "Not through the layer"\n'
        '    c = f"Hello {name}"\n'
        '    d = {"code": 1}["code"]\n'
        '    e = words.get("intro", when=" on a Tuesday")\n'
        '    return Static("Seen", id="an-id")\n'
    )
    found = unrouted_strings(source, "m.py")
    assert [line.split(": ", 1)[1] for line in found] == [
        "'Not through the layer'",
        "f-string f'Hello {name}'",
        "'Seen'",
        "' on a Tuesday'",
    ]


def test_the_welsh_catalogue_holds_every_family_message() -> None:
    catalogue = bundled_catalogue("cy")
    assert [m for m in family_messages() if m not in catalogue.entries] == []
