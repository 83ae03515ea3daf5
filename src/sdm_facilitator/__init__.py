"""sdm-facilitator: a keyboard-first companion for shared decision-making family meetings.

The package is layered so that the practice rules can be used without a terminal:
``domain`` (pure model and rules), ``storage`` (TOML files), ``guides`` (loading
practice guides), ``ui`` (Textual screens) and ``cli`` (the command line).
"""

__version__ = "0.1.0"
