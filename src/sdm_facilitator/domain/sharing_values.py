"""The allowed values for information sharing and taking part, with no imports of the model.

Kept apart so the meeting model can name them as its fields' choices while
the rules about them (``sharing``, ``participation``) import the model.
"""

from __future__ import annotations

#: UK GDPR Article 6 bases, the usual ones in child protection first. "recognised-legitimate-interest"
#: is Article 6(1)(ea), added by the Data (Use and Access) Act 2025 and in force from 5 February 2026.
LAWFUL_BASIS_CHOICES: tuple[str, ...] = (
    "public-task",
    "legal-obligation",
    "vital-interests",
    "consent",
    "contract",
    "legitimate-interests",
    "recognised-legitimate-interest",
)

#: Special category data (UK GDPR Article 9): each needs an Article 9 condition as well as a basis.
SPECIAL_CATEGORY_CHOICES: tuple[str, ...] = (
    "health",
    "ethnicity",
    "religion",
    "sex-life-or-orientation",
    "political-opinions",
    "trade-union",
    "genetic",
    "biometric",
)

#: Whether a competent child's own agreement was sought for sharing their own views.
CHILD_AGREEMENT_CHOICES: tuple[str, ...] = ("agreed", "declined", "not-sought", "not-applicable")

#: Who a child's views may be shared with. "named" means the people listed by id beside it.
VIEW_AUDIENCE_CHOICES: tuple[str, ...] = ("everyone", "family", "professionals", "chair", "named")

#: Who reads a paper, for deciding whether a child's views may be printed on it.
READER_CHOICES: tuple[str, ...] = ("family", "professionals", "chair")

#: Ways a person or child takes part in the meeting, several at once.
WAY_CHOICES: tuple[str, ...] = (
    "in-person",
    "online",
    "phone",
    "in-writing",
    "advocate",
    "drawing-or-recording",
)
