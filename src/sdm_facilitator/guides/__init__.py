"""Loading and checking practice guides.

Guides are practice knowledge kept as data (``guides/*.toml``); this package
reads them into the frozen model in ``sdm_facilitator.domain.guide`` and
explains, kindly and precisely, anything in a file that it cannot use.

Nothing is imported here: a start that restores the checked library from its
cache (``library_cache.py``) must not import the checking code. Import from
the modules (``guides.loader``, ``guides.library``).
"""
