"""What the lifecycle, value and priority rules read of a customer's history with
one series: the series' editions and what the customer did in each.

A refresh builds these facts from one grouped query over the participations; the
fields that query reads are ``PARTICIPATION_FIELDS`` (a change of any of them
changes a customer's relationships)."""

from dataclasses import dataclass
from datetime import date, datetime

# participation fields the history reads (the facts below), besides its keys
PARTICIPATION_FIELDS = (
    "partner_id",
    "series_id",
    "event_id",
    "role_id",
    "state",
    "space_sqm",
    "amount_invoiced",
    "amount_sponsorship",
    "date_signed",
    "nps_category",
)
# participation states that count as having taken part in an edition
TAKEN_PART_STATES = ("confirmed", "attended")


@dataclass(frozen=True, eq=False, slots=True)
class Edition:
    """An edition of a series: compared by identity, one instance per edition and
    refresh."""

    id: int
    name: str
    date_begin: datetime


@dataclass(frozen=True, slots=True)
class EditionFacts:
    """What a customer did in one edition (all its roles together): whether it
    took part, its space, what was invoiced (whatever the state: fees, refunds),
    and what earns priority points, counted in the series' ranked roles only
    (sponsorship, signing date, space)."""

    taken_part: bool = False
    space_sqm: float = 0.0
    amount_invoiced: float = 0.0
    amount_sponsorship: float = 0.0
    date_signed: date | None = None
    detractor: bool = False
    ranked: bool = False
    ranked_space_sqm: float = 0.0


NO_FACTS = EditionFacts()


@dataclass(frozen=True, slots=True)
class Timeline:
    """A series' editions at a moment: all of them oldest first, those that have
    started, and the latest of these (None before the first one starts)."""

    editions: tuple[Edition, ...]
    started: tuple[Edition, ...]
    latest: Edition | None


def timeline(editions, now):
    """The series' ``editions`` (oldest first) as they stand at ``now``."""
    started = tuple(edition for edition in editions if edition.date_begin <= now)
    return Timeline(tuple(editions), started, started[-1] if started else None)


def taken_editions(timeline, facts):
    """The editions the customer took part in, oldest first."""
    return [
        edition
        for edition in timeline.editions
        if facts.get(edition.id, NO_FACTS).taken_part
    ]
