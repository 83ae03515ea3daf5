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
    "remote": "Joined online",
    "part": "Part of the meeting",
    "absent": "Not present",
    "phone": "Joined by phone",
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
    "3-months": "3 months after the referral",
    "6-months": "6 months after the referral",
    "12-months": "12 months after the referral",
}

LIVING_LABELS: dict[str, str] = {
    "at-home": "At home",
    "family-or-friends": "With family or friends",
    "special-guardianship": "With family or friends: special guardianship",
    "child-arrangements-order": "With family or friends: child arrangements order",
    "in-care": "In care",
    "returned-home": "Returned home from care",
    "kinship-foster-care": "In kinship foster care (looked after, with family or friends)",
}

#: The legal stage of a child's case. Codes are stable; a jurisdiction profile may change these words.
LEGAL_STAGE_LABELS: dict[str, str] = {
    "early_help": "Early help",
    "child_in_need": "Child in need",
    "child_protection_plan": "Child protection plan",
    "pre_proceedings": "Pre-proceedings",
    "care_proceedings": "Care proceedings",
    "looked_after": "Looked after",
}

#: England's pre-proceedings offer of a family group decision-making meeting: the family's answer.
FGDM_ANSWER_LABELS: dict[str, str] = {
    "accepted": "Accepted",
    "declined": "Declined",
    "not-yet": "No answer yet",
}

#: The US Indian Child Welfare Act's inquiry: what it found about a child and a tribe.
ICWA_ANSWER_LABELS: dict[str, str] = {
    "member-or-eligible": "A member of a tribe, or eligible for membership",
    "may-be": "May be a member or eligible: reason to know",
    "no-reason-to-know": "No reason to know",
}

PLACEMENT_LABELS: dict[str, str] = {
    "kinship-foster-care": "Kinship foster care",
    "unrelated-foster-care": "Unrelated foster care",
    "residential": "Residential",
    "other": "Other placement",
}

#: The four living arrangements that exclude each other (``domain.care.arrangement``).
ARRANGEMENT_LABELS: dict[str, str] = {
    "parents": "Living with parents",
    "family-or-friends": "With family or friends (informal, special guardianship or child arrangements order)",
    "kinship-foster-care": "In kinship foster care",
    "other-care": "In other care",
}
#: The same, short enough for a column head.
ARRANGEMENT_HEADS: dict[str, str] = {
    "parents": "Parents",
    "family-or-friends": "Family/friends, SGO, CAO",
    "kinship-foster-care": "Kinship foster",
    "other-care": "Other care",
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

# ---------------------------------------------------------------- the risk screen

RISK_KIND_LABELS: dict[str, str] = {
    "domestic-abuse": "Domestic abuse",
    "forced-marriage": "Forced marriage and honour-based abuse",
    "sexual-abuse": "Sexual abuse within the family or network",
    "child-exploitation": "Child exploitation (criminal or sexual, county lines)",
    "substance-misuse": "Parental drug or alcohol misuse",
    "mental-health": "Parental mental health",
    "learning-disability": "Parent with a learning disability",
    "other": "Other",
}

RISK_STATUS_LABELS: dict[str, str] = {
    "present": "Present",
    "not-known": "Not known yet",
    "not-present": "Screened: not present",
}

ADVICE_OUTCOME_LABELS: dict[str, str] = {
    "go-ahead": "Go ahead",
    "go-ahead-with-conditions": "Go ahead with conditions",
    "do-not-go-ahead": "Do not go ahead",
}

CONDITION_KIND_LABELS: dict[str, str] = {
    "separate-arrival": "Separate arrival and waiting rooms",
    "no-address-on-papers": "No address of the person at risk on any paper",
    "safe-contact": "A safe way to contact the person at risk",
    "not-in-room": "Someone must not be in the room",
    "family-time-check-in": "A check-in during private family time",
    "other": "Other condition",
}

# ---------------------------------------------------------------- a child protection conference

CONFERENCE_STAGE_LABELS: dict[str, str] = {
    "initial": "Initial conference",
    "review": "Review conference",
}

HARM_VIEW_LABELS: dict[str, str] = {
    "likely": "Likely to suffer significant harm",
    "not-likely": "Not likely to suffer significant harm",
    "not-sure": "Not sure",
}

CHILD_VIEW_WAY_LABELS: dict[str, str] = {
    "direct": "Told the conference directly",
    "advocate": "Through an advocate",
    "written-or-recorded": "In writing, a drawing or a recording",
    "not-sought": "Not sought",
}

DECISION_LABELS: dict[str, str] = {
    "plan-needed": "A child protection plan is needed",
    "plan-not-needed": "A child protection plan is not needed",
    "continue-plan": "The child protection plan continues",
    "end-plan": "The child protection plan ends",
}

INSTEAD_LABELS: dict[str, str] = {
    "child-in-need": "Help as a child in need",
    "early-help": "Early help",
    "no-further-action": "No further action",
}

HARM_CATEGORY_LABELS: dict[str, str] = {
    "neglect": "Neglect",
    "physical": "Physical abuse",
    "emotional": "Emotional abuse",
    "sexual": "Sexual abuse",
}

DISSENT_RESOLUTION_LABELS: dict[str, str] = {
    "resolved": "Resolved at the conference",
    "recorded": "Recorded: the chair decided",
    "escalated": "Escalated by the agency",
}

# ---------------------------------------------------------------- information sharing and taking part

#: UK GDPR Article 6 bases, each with a short plain explanation (``LAWFUL_BASIS_HELP``).
LAWFUL_BASIS_LABELS: dict[str, str] = {
    "public-task": "Public task",
    "legal-obligation": "Legal obligation",
    "vital-interests": "Vital interests",
    "consent": "Consent",
    "contract": "Contract",
    "legitimate-interests": "Legitimate interests",
    "recognised-legitimate-interest": "Recognised legitimate interest",
}

LAWFUL_BASIS_HELP: dict[str, str] = {
    "public-task": "The council's or agency's job in law, such as safeguarding children: the usual basis.",
    "legal-obligation": "A law requires it to be shared (for example a court order or a statutory duty).",
    "vital-interests": "To protect someone's life when nobody can be asked in time.",
    "consent": "The family freely agreed and could have said no without anything changing.",
    "contract": "Needed for a contract with the person (rare in this work).",
    "legitimate-interests": "A voluntary or private organisation's own interest, weighed against the family's; "
    "not for a public authority's own tasks.",
    "recognised-legitimate-interest": "A purpose the law lists, such as safeguarding (from 5 February 2026); "
    "not for a public authority's own tasks.",
}

SPECIAL_CATEGORY_LABELS: dict[str, str] = {
    "health": "Health (physical or mental)",
    "ethnicity": "Racial or ethnic origin",
    "religion": "Religious or philosophical beliefs",
    "sex-life-or-orientation": "Sex life or sexual orientation",
    "political-opinions": "Political opinions",
    "trade-union": "Trade union membership",
    "genetic": "Genetic data",
    "biometric": "Biometric data",
}

CHILD_AGREEMENT_LABELS: dict[str, str] = {
    "agreed": "The child agreed",
    "declined": "The child said no",
    "not-sought": "Not sought (say why)",
    "not-applicable": "Not the child's own views",
}

VIEW_AUDIENCE_LABELS: dict[str, str] = {
    "everyone": "Everyone at the meeting",
    "family": "The family",
    "professionals": "The professionals",
    "chair": "The chair or coordinator only",
    "named": "Named people",
}

WAY_LABELS: dict[str, str] = {
    "in-person": "In person",
    "online": "Online",
    "phone": "By phone",
    "in-writing": "In writing",
    "advocate": "Through an advocate",
    "drawing-or-recording": "Through a drawing or recording",
}

#: How an invitation to someone else names a person (``Person.shown_as``).
SHOWN_AS_LABELS: dict[str, str] = {
    "first-name": "Their first name",
    "role": "Their role only",
}

#: The age bands of a child's own plan (``child_plan_rules.BANDS``).
CHILD_BAND_LABELS: dict[str, str] = {
    "under-8": "Under 8",
    "8-12": "8 to 12",
    "13-plus": "13 and over",
}

# ---------------------------------------------------------------- who got which paper

SENT_HOW_LABELS: dict[str, str] = {"post": "By post", "email": "By email", "hand": "By hand"}

#: The papers a distribution list names; a paper this version does not know is shown by its value.
SENT_PAPER_LABELS: dict[str, str] = {
    "plan": "The family's plan",
    "plan-notes": "The plan, professionals' version",
    "child-plan": "A child's plan",
    "agenda": "The agenda",
    "record": "The record of the day",
    "decision-letter": "The decision letter",
    "calendar": "Calendar entries",
    "family-pack": "The family's pack",
    "invitation": "An invitation",
    "json": "The whole record",
}

# ---------------------------------------------------------------- the family's network (genogram, ecomap)

RELATION_LABELS: dict[str, str] = {
    "parent": "Parent",
    "step-parent": "Step-parent",
    "parent-partner": "Partner of a parent",
    "grandparent": "Grandparent",
    "great-grandparent": "Great-grandparent",
    "aunt-uncle": "Aunt or uncle",
    "sibling": "Sister or brother",
    "half-sibling": "Half-sister or half-brother",
    "cousin": "Cousin",
    "friend": "Friend",
    "neighbour": "Neighbour",
    "community-faith": "Community or faith",
    "professional": "Professional",
    "other": "Other",
}

SIDE_LABELS: dict[str, str] = {
    "mother": "Mother's side",
    "father": "Father's side",
    "both": "Both sides",
    "not-related": "Not related",
}

CONTACT_LABELS: dict[str, str] = {
    "in-touch": "In touch",
    "little": "Little contact",
    "lost-touch": "Lost touch",
    "not-known": "Not known",
}

BOND_LABELS: dict[str, str] = {
    "supportive": "Supportive",
    "mixed": "Mixed",
    "stressful": "Stressful",
    "broken": "Broken",
}

FOUND_THROUGH_LABELS: dict[str, str] = {
    "family-finding": "Family finding",
    "lifelong-links": "A Lifelong Links search",
}
