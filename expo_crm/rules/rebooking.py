"""Which participants of an edition the rebooking turns into opportunities for the
next edition, and why it skips the others.

A participant is rebooked in its role when the series ranks and rebooks that role
(those that buy space), unless it is already booked in the next edition, has an open
or won opportunity for it, or has a lost one with a lost reason (someone decided)."""

from collections import defaultdict
from dataclasses import dataclass

# why a participant gets no opportunity, checked in this order
SKIP_REASONS = ("role", "booked", "open", "lost")


@dataclass(frozen=True, slots=True)
class Participant:
    """A participation of the edition: its id, customer and role."""

    id: int
    customer_id: int
    role_id: int


@dataclass(frozen=True, slots=True)
class NextOpportunity:
    """A customer's opportunity for the next edition, in a role."""

    customer_id: int
    role_id: int
    active: bool
    lost_with_reason: bool


def skip_reasons(booked, opportunities):
    """{(customer id, role id): reason} of the customers not to rebook: "booked"
    (``booked`` holds their keys), else "open" for an open or won opportunity, else
    "lost" for a lost one with a reason.

    >>> skip_reasons({(1, 9)}, [NextOpportunity(1, 9, True, False),
    ...                         NextOpportunity(2, 9, False, True),
    ...                         NextOpportunity(2, 9, True, False),
    ...                         NextOpportunity(3, 9, False, False)])
    {(1, 9): 'booked', (2, 9): 'open'}
    """
    reasons = dict.fromkeys(booked, "booked")
    # an open opportunity counts before a lost one
    for opportunity in sorted(opportunities, key=lambda opp: not opp.active):
        key = (opportunity.customer_id, opportunity.role_id)
        if opportunity.active:
            reasons.setdefault(key, "open")
        elif opportunity.lost_with_reason:
            reasons.setdefault(key, "lost")
    return reasons


def plan(participants, rebooked_role_ids, reasons):
    """{"create" or a skip reason: [participation ids]}, every key present:
    participants outside the rebooked roles are skipped for "role", the others
    for their reason, the rest rebooked.

    >>> plan([Participant(1, 10, 5), Participant(2, 11, 6), Participant(3, 12, 5)],
    ...      {5}, {(12, 5): "open"})
    {'create': [1], 'role': [2], 'booked': [], 'open': [3], 'lost': []}
    """
    result = defaultdict(list)
    for participant in participants:
        if participant.role_id not in rebooked_role_ids:
            reason = "role"
        else:
            key = (participant.customer_id, participant.role_id)
            reason = reasons.get(key, "create")
        result[reason].append(participant.id)
    return {reason: result[reason] for reason in ("create", *SKIP_REASONS)}
