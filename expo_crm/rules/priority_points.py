"""Priority points: the order in which a series' customers rebook and choose their
booths.

Points are earned over the series' latest editions (the expiry window), in its
ranked roles only (those that buy space): so many per edition taken part in, per m²
of the latest edition, per unit of sponsorship spend, and a bonus per edition signed
early enough."""

from dataclasses import dataclass

# series settings the rule reads, by the attribute of PointsRules they fill
SERIES_FIELDS = {
    "points_per_edition": "per_edition",
    "points_expiry_editions": "expiry_editions",
    "points_per_sqm": "per_sqm",
    "points_sponsorship_unit": "sponsorship_unit",
    "points_per_sponsorship_unit": "per_sponsorship_unit",
    "points_early_signing_days": "early_signing_days",
    "points_early_signing_bonus": "early_signing_bonus",
}


@dataclass(frozen=True, slots=True)
class PointsRules:
    """A series' priority-point settings."""

    per_edition: float = 10.0
    expiry_editions: int = 5
    per_sqm: float = 1.0
    sponsorship_unit: float = 1000.0
    per_sponsorship_unit: float = 1.0
    early_signing_days: int = 90
    early_signing_bonus: float = 5.0


def ranked(facts):
    """Whether the customer took part in one of the series' ranked roles."""
    return any(edition_facts.ranked for edition_facts in facts.values())


def points(rules, timeline, facts):
    """The customer's points, rounded to the hundredth."""
    window = [
        edition
        for edition in timeline.started[-rules.expiry_editions :]
        if edition.id in facts and facts[edition.id].ranked
    ]
    total = rules.per_edition * len(window)
    latest = timeline.latest
    if latest in window:
        total += rules.per_sqm * facts[latest.id].ranked_space_sqm
    sponsorship = sum(facts[edition.id].amount_sponsorship for edition in window)
    total += sponsorship / rules.sponsorship_unit * rules.per_sponsorship_unit
    early = [
        edition
        for edition in window
        if facts[edition.id].date_signed
        and (edition.date_begin.date() - facts[edition.id].date_signed).days
        >= rules.early_signing_days
    ]
    total += rules.early_signing_bonus * len(early)
    return round(total, 2)


def stars(rank, ranked_count):
    """An opportunity's priority (``"0"`` to ``"3"`` stars) from its customer's
    rank among ``ranked_count`` ranked customers: the first quarter 3 stars, then
    2, 1 and 0.

    >>> [stars(rank, 8) for rank in range(1, 9)]
    ['3', '3', '2', '2', '1', '1', '0', '0']
    >>> stars(0, 0)
    '0'
    """
    if not ranked_count or rank < 1:
        return "0"
    return str(3 - 4 * (rank - 1) // ranked_count)
