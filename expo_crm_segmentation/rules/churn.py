"""Churn risk: the signs that a customer may not come back.

A customer is at risk when its relationship is weakening, its latest feedback is a
detractor's, it cut its space or its spend by the drop threshold or more between the
last two editions of a series it took part in, it took part in the latest edition of
a series and has not booked the next one, which starts within the configured days,
or it has customer invoices overdue by more than the configured days.

The reasons are ``[code, parameters]`` pairs a reader turns into sentences in its
own language; a drop's parameter is ``percent``, as in the lifecycle's reasons.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

# company settings the rules read, by the attribute of SegmentationRules they fill
COMPANY_FIELDS = {
    "expo_seg_churn_drop_pct": "churn_drop_percent",
    "expo_seg_churn_rebook_days": "churn_rebook_days",
    "expo_seg_churn_overdue_days": "churn_overdue_days",
}
# what the rules read of a customer
PARTNER_FIELDS = ("expo_lifecycle_stage",)
# participation amounts a drop compares, added up per edition (the order of
# EditionTotals' amounts)
DROP_FIELDS = ("space_sqm", "amount_invoiced")


@dataclass(frozen=True, slots=True)
class EditionTotals:
    """What a customer booked in one edition of a series, all roles together."""

    date_begin: datetime
    edition_id: int
    space_sqm: float = 0.0
    amount_invoiced: float = 0.0


@dataclass(frozen=True, slots=True)
class Drop:
    """How much a customer cut its space and spend in a series, in percent, between
    the last two editions it took part in."""

    series_id: int
    space_percent: float
    spend_percent: float


@dataclass(frozen=True, slots=True)
class UpcomingEdition:
    """The next edition of a series."""

    id: int
    series_id: int
    date_begin: datetime


@dataclass(frozen=True, slots=True)
class ChurnFacts:
    """What the churn rules read of one customer: its stage, its latest
    ``Feedback``, its ``Drop`` per series, the ``UpcomingEdition`` it has not
    booked and the amount due of its overdue invoices (None without any)."""

    lifecycle_stage: str | bool = False
    feedback: object = None
    drops: tuple = ()
    not_rebooked: tuple = ()
    overdue: float | None = None


def drop_percent(before, after):
    """How much lower ``after`` is than ``before``, in percent (0 when it did not
    drop or there was nothing before): expo_crm's ``rules.drop`` rule, which a test
    checks this one agrees with.

    >>> drop_percent(100, 70), drop_percent(0, 10), drop_percent(50, 60)
    (30.0, 0.0, 0.0)
    """
    if before <= 0 or after >= before:
        return 0.0
    return round((before - after) / before * 100, 6)


def series_drop(series_id, editions):
    """The ``Drop`` between the last two of a customer's ``EditionTotals`` in a
    series; None when it took part in fewer than two.

    >>> from datetime import datetime
    >>> series_drop(7, [EditionTotals(datetime(2026, 3, 1), 2, 10.0, 500.0),
    ...                 EditionTotals(datetime(2025, 3, 1), 1, 20.0, 500.0)])
    Drop(series_id=7, space_percent=50.0, spend_percent=0.0)
    """
    if len(editions) < 2:
        return None
    *_before, previous, last = sorted(
        editions, key=lambda totals: (totals.date_begin, totals.edition_id)
    )
    return Drop(
        series_id,
        drop_percent(previous.space_sqm, last.space_sqm),
        drop_percent(previous.amount_invoiced, last.amount_invoiced),
    )


def rebook_limit(rules, now):
    """The latest start of a next edition a customer is expected to have booked by
    ``now``.

    >>> from .settings import SegmentationRules
    >>> rebook_limit(SegmentationRules(churn_rebook_days=10), datetime(2026, 6, 1))
    datetime.datetime(2026, 6, 11, 0, 0)
    """
    return now + timedelta(days=rules.churn_rebook_days)


def overdue_limit(rules, today):
    """Invoices due before this date are overdue enough to flag a churn risk.

    >>> from datetime import date
    >>> from .settings import SegmentationRules
    >>> overdue_limit(SegmentationRules(churn_overdue_days=30), date(2026, 6, 1))
    datetime.date(2026, 5, 2)
    """
    return today - timedelta(days=rules.churn_overdue_days)


def not_rebooked(upcoming, limit, recency, booked):
    """The next editions, starting by ``limit``, of the series whose latest edition
    the customer took part in (``recency`` {series id: recency}, 0 for them) and
    that it has not booked (``booked``: ids of the upcoming editions it booked),
    in the order of ``recency``; ``upcoming`` is {series id: UpcomingEdition}.

    >>> nxt = UpcomingEdition(9, 7, datetime(2026, 7, 1))
    >>> not_rebooked({7: nxt}, datetime(2026, 8, 1), {7: 0}, set())
    [UpcomingEdition(id=9, series_id=7, date_begin=datetime.datetime(2026, 7, 1, 0, 0))]
    >>> not_rebooked({7: nxt}, datetime(2026, 8, 1), {7: 0}, {9})
    []
    """
    missing = []
    for series_id, series_recency in recency.items():
        edition = upcoming.get(series_id)
        if (
            edition
            and edition.date_begin <= limit
            and series_recency == 0
            and edition.id not in booked
        ):
            missing.append(edition)
    return missing


def churn_reasons(rules, facts):
    """The customer's churn reasons as ``[code, parameters]`` pairs, from its
    ``ChurnFacts``; empty when it is not at risk (an overdue amount is in the
    company's currency).

    >>> from .settings import SegmentationRules
    >>> facts = ChurnFacts("weakening", drops=(Drop(7, 30.0, 29.9),))
    >>> churn_reasons(SegmentationRules(), facts)
    [['weakening', {}], ['space_cut', {'percent': 30, 'series': 7}]]
    >>> churn_reasons(SegmentationRules(), ChurnFacts("trust"))
    []
    """
    reasons = []
    if facts.lifecycle_stage == "weakening":
        reasons.append(["weakening", {}])
    if facts.feedback and facts.feedback.nps_category == "detractor":
        reasons.append(["detractor", {}])
    threshold = rules.churn_drop_percent
    for drop in facts.drops:
        if drop.space_percent >= threshold:
            reasons.append(
                [
                    "space_cut",
                    {"percent": round(drop.space_percent), "series": drop.series_id},
                ]
            )
        if drop.spend_percent >= threshold:
            reasons.append(
                [
                    "spend_cut",
                    {"percent": round(drop.spend_percent), "series": drop.series_id},
                ]
            )
    for edition in facts.not_rebooked:
        reasons.append(
            [
                "not_rebooked",
                {
                    "edition": edition.id,
                    "date": edition.date_begin.date().isoformat(),
                },
            ]
        )
    if facts.overdue is not None:
        reasons.append(
            ["overdue", {"amount": facts.overdue, "currency": rules.currency_id}]
        )
    return reasons
