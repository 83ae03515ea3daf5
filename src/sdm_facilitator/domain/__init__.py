"""The pure domain: meeting model, guide model and practice rules.

Nothing in this package may import Textual or Rich, so the command line,
exports and tests can use it without a terminal (a test enforces this).
"""
