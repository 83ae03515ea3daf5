"""Every word the app shows for a stored value, in one module: the place a translation hooks in.

Files keep plain values ("not-invited", "cp-conference"); people read these
words for them, on screen and on paper. Keeping every label here, apart from
the values and the rules (``domain/meeting.py``, ``domain/vocabulary.py``),
means a translation or an organisation's own wording changes one module.
The modules that define the values import their labels from here.
"""

from __future__ import annotations

# ---------------------------------------------------------------- the shared vocabulary

STAGE_LABELS: dict[str, str] = {
    "preparation": "Preparation",
    "meeting": "The meeting",
    "family_time": "Private family time",
    "follow_up": "Follow-up",
}

MECHANISM_LABELS: dict[str, str] = {
    "collaboration": "Collaboration and engagement",
    "trust": "Building trust and reducing shame",
    "participation": "Participation in decisions",
    "child": "Children and young people",
}

CONTEXT_LABELS: dict[str, str] = {
    "statutory": "Statutory (child protection)",
    "voluntary": "Voluntary (child in need)",
}

MEETING_KIND_LABELS: dict[str, str] = {
    "fgc": "Family group conference",
    "fgdm": "Family group decision-making",
    "family-unity": "Family unity meeting",
    "cp-conference": "Child protection conference (participative)",
    "cin-meeting": "Child in need meeting",
    "review": "Review of an earlier plan",
}

# ---------------------------------------------------------------- a meeting's fields

PARTICIPATION_LABELS: dict[str, str] = {
    "attends-all": "Attends all of it",
    "attends-part": "Attends part of it",
    "remote": "Joins remotely",
    "advocate": "Through an advocate",
    "written-views": "Written, drawn or recorded views",
    "not-taking-part": "Not taking part",
}

ROLE_LABELS: dict[str, str] = {
    "child": "Child or young person",
    "parent": "Parent",
    "carer": "Carer",
    "wider-family": "Wider family",
    "friend-community": "Friend or community",
    "professional": "Professional",
    "advocate": "Advocate",
    "interpreter": "Interpreter",
    "other": "Other",
}

INVITATION_LABELS: dict[str, str] = {
    "suggested": "Suggested",
    "family-agreed": "Family agreed to invite",
    "invited": "Invited",
    "accepted": "Accepted",
    "declined": "Declined",
    "not-invited": "Not to be invited",
}

ATTENDANCE_LABELS: dict[str, str] = {
    "present": "Present",
    "remote": "Joined remotely",
    "part": "Part of the meeting",
    "absent": "Not present",
}

ADVOCATE_OFFER_LABELS: dict[str, str] = {
    "offered": "Offered, no answer yet",
    "accepted": "Offered and accepted",
    "declined": "Offered and declined",
}

CLOSURE_REASON_LABELS: dict[str, str] = {
    "family-declined": "The family declined",
    "not-suitable": "Not suitable for a family meeting",
    "concerns-escalated": "Concerns escalated",
    "work-finished": "The work is finished",
    "family-moved": "The family moved away",
    "transferred": "Transferred to another team",
    "other": "Other",
}

CHOSEN_BY_LABELS: dict[str, str] = {
    "family": "The family",
    "shared": "The family with the coordinator",
    "professionals": "Professionals",
}

OUTCOME_POINT_LABELS: dict[str, str] = {
    "review": "At a review",
    "3-months": "3 months after the meeting",
    "6-months": "6 months after the meeting",
    "12-months": "12 months after the meeting",
}

LIVING_LABELS: dict[str, str] = {
    "at-home": "At home",
    "family-or-friends": "With family or friends",
    "special-guardianship": "With family or friends: special guardianship",
    "child-arrangements-order": "With family or friends: child arrangements order",
    "in-care": "In care",
    "returned-home": "Returned home from care",
}

CARE_BASIS_LABELS: dict[str, str] = {
    "voluntary-agreement": "Voluntary agreement (section 20, or section 76 in Wales)",
    "emergency-protection": "Emergency protection",
    "interim-care-order": "Interim care order",
    "care-order": "Full care order",
}

FEEDBACK_AFTER_LABELS: dict[str, str] = {"meeting": "After the meeting", "review": "After a review"}

FEEDBACK_RESPONDENT_LABELS: dict[str, str] = {"family": "A family member", "child": "A child or young person"}

FEEDBACK_STATUS_LABELS: dict[str, str] = {"given": "Feedback given", "declined": "Offered, declined"}

FORMAT_LABELS: dict[str, str] = {"in-person": "In person", "online": "Online", "hybrid": "Hybrid"}

STEP_STATUS_LABELS: dict[str, str] = {"todo": "To do", "done": "Done", "na": "Not applicable"}

CAPTURE_LABELS: dict[str, str] = {
    "note": "Note",
    "worry": "Worry",
    "working-well": "Working well",
    "needs-to-happen": "Needs to happen",
    "decision": "Decision",
}

RESPONSE_LABELS: dict[str, str] = {
    "agreed": "Agreed",
    "agreed-with-changes": "Agreed with changes",
    "not-agreed": "Not agreed yet",
}

ACTION_STATUS_LABELS: dict[str, str] = {
    "not-started": "Not started",
    "under-way": "Under way",
    "done": "Done",
    "stuck": "Stuck",
}

SUPPORT_DELIVERY_LABELS: dict[str, str] = {
    "not-yet": "Not given yet",
    "partly": "Partly given",
    "given": "Given",
}

# ---------------------------------------------------------------- short forms for narrow lists

SHORT_KINDS: dict[str, str] = {
    "fgc": "FGC",
    "fgdm": "FGDM",
    "family-unity": "Family unity",
    "cp-conference": "CP conference",
    "cin-meeting": "Child in need",
    "review": "Review",
}

SHORT_STAGES: dict[str, str] = {
    "preparation": "Preparation",
    "meeting": "Meeting now",
    "family_time": "Family time",
    "follow_up": "Follow-up",
}
