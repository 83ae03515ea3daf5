"""Allow ``python -m sdm_facilitator``."""

from sdm_facilitator.cli import main

raise SystemExit(main())
