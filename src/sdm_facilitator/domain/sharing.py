"""Information sharing, kept apart from the family's agreement to the meeting.

Two different questions used to share one yes/no: whether the family agreed
to take part, and whether information about them may be shared. In child
protection the second is answered by the law, not by consent: UK GDPR
Article 6 needs a lawful basis for each item shared (usually public task or
legal obligation; consent only where the family could truly say no, as the
DfE's 2024 information-sharing advice says), and special category data
(health, ethnicity, religion...) also needs an Article 9 condition (for
safeguarding, DPA 2018 Schedule 1 paragraph 18).

This module holds the rules; the allowed values are in ``sharing_values``
(which the model imports) and the words people read are in ``labels``.
"""

from __future__ import annotations

from sdm_facilitator.domain.meeting import Child, InfoShare, Meeting, Referral
from sdm_facilitator.domain.sharing_values import (
    CHILD_AGREEMENT_CHOICES as CHILD_AGREEMENT_CHOICES,
)
from sdm_facilitator.domain.sharing_values import (
    LAWFUL_BASIS_CHOICES as LAWFUL_BASIS_CHOICES,
)
from sdm_facilitator.domain.sharing_values import (
    READER_CHOICES as READER_CHOICES,
)
from sdm_facilitator.domain.sharing_values import (
    SPECIAL_CATEGORY_CHOICES as SPECIAL_CATEGORY_CHOICES,
)
from sdm_facilitator.domain.sharing_values import (
    VIEW_AUDIENCE_CHOICES as VIEW_AUDIENCE_CHOICES,
)

CONSENT_WARNING = (
    "Consent is rarely the right basis for safeguarding sharing; record it only where the family "
    "could truly say no."
)
RECOGNISED_INTEREST_WARNING = (
    "Recognised legitimate interest cannot be used by a public authority for its own tasks "
    "(a council's child protection work is its public task)."
)
LEGITIMATE_INTEREST_WARNING = (
    "Legitimate interests cannot be used by a public authority for its own tasks (a council's "
    "child protection work is its public task)."
)


def is_statutory(meeting: Meeting) -> bool:
    """A child protection conference, or any meeting held in statutory child protection work."""
    return meeting.kind == "cp-conference" or meeting.context == "statutory"


def basis_warning(meeting: Meeting, basis: str | None) -> str:
    """What to say beside a chosen lawful basis, or "" when nothing needs saying."""
    if basis == "consent" and is_statutory(meeting):
        return CONSENT_WARNING
    if basis == "recognised-legitimate-interest":
        return RECOGNISED_INTEREST_WARNING
    if basis == "legitimate-interests":
        return LEGITIMATE_INTEREST_WARNING
    return ""


def share_problems(share: InfoShare) -> list[str]:
    """What is missing or doubtful about one item shared, each in a few plain words.

    The readiness list prefixes each with the item's name; the information
    section shows them under the item. A doubtful basis (``basis_warning``) is
    shown where the basis is chosen, not listed here: a voluntary
    organisation may rightly rely on legitimate interests, and a warning the
    coordinator cannot clear would stay open for ever.
    """
    problems = []
    if share.lawful_basis is None:
        problems.append("no lawful basis recorded")
    if share.special_categories and not share.art9_condition.strip():
        problems.append("special category data without the Article 9 condition")
    if share.child_agreement == "not-sought" and not share.child_agreement_reason.strip():
        problems.append("the child's agreement was not sought, and the reason is not written")
    return problems


def legacy_sharing_words(referral: Referral) -> str:
    """The one yes/no about sharing kept before lawful bases were, in words; "" when never recorded.

    Files from before this version keep ``consent_sharing``; it opens and
    saves unchanged, and is shown as a record of what the family said then.
    """
    if referral.consent_sharing is None:
        return ""
    agreed = "agreed" if referral.consent_sharing else "did not agree"
    return f"The family {agreed} to sharing (recorded before lawful bases were kept)."


def view_audience(child: Child) -> tuple[str, ...]:
    """Who a child's views may be shared with.

    The child saying no (``views_consent`` false) shares them with nobody but
    the chair. An audience chosen is used as chosen. A file from before
    audiences were kept, where the child agreed, shares them with everyone
    at the meeting, as those versions did; where nobody asked yet, only the
    chair sees them.
    """
    if child.views_consent is False:
        return ("chair",)
    if child.views_audience:
        return tuple(child.views_audience)
    if child.views_consent:
        return ("everyone",)
    return ("chair",)


def view_reaches(child: Child, reader: str, person_id: str = "") -> bool:
    """Whether ``child``'s views may be printed for ``reader`` (a READER_CHOICES value).

    A family paper goes to the whole family, so a view shared with named
    people only never reaches it. ``person_id`` asks for one named person.
    """
    audience = view_audience(child)
    if "everyone" in audience or reader in audience:
        return True
    if reader == "chair":
        return True
    return bool(person_id) and "named" in audience and person_id in child.views_named
