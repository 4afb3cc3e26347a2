"""RFM: how recently, how often and for how much a customer took part.

Recency counts the past editions of a series held since the customer last took part
(0: it took part in the latest one); frequency counts the editions it took part in
among the latest editions of each series (the RFM window); monetary adds what was
invoiced for them. Each figure scores 1 to 5 by the customer's mid-rank percentile
in the population (fewer editions since last scores higher), so equal figures share
a score and a single customer, or a population of equal figures, scores 3. A run
draws the population's quintile boundaries once and scores every customer against
them, so a customer scores alike whether it is recomputed alone or with everyone.
"""

import bisect
from dataclasses import dataclass

# company settings the figures read, by the attribute of SegmentationRules they fill
COMPANY_FIELDS = {"expo_seg_rfm_window": "rfm_window"}
# what the figures read of the population's participations: the date of the
# latest edition taken part in (recency), the editions of the window (frequency)
# and what was invoiced for them (monetary)
PARTICIPATION_FIELDS = {
    "recency": "event_date_begin",
    "frequency": "event_id",
    "monetary": "amount_invoiced",
}
# the economic value the Pareto classes are drawn from: per series, of the
# relationships; all series together, of the customer
RELATIONSHIP_VALUE_FIELD = "economic_value"
PARTNER_VALUE_FIELD = "expo_economic_value"
# the figures, and whether a higher one is better
FIGURES = {"recency": False, "frequency": True, "monetary": True}
# the score of a figure a population's boundaries do not know
MIDDLE_SCORE = 3


@dataclass(frozen=True, slots=True)
class Figures:
    """A customer's RFM figures (per series or all series together) and the economic
    value its Pareto class is drawn from."""

    recency: int
    frequency: int = 0
    monetary: float = 0.0
    value: float = 0.0


def quintile_bounds(values, higher_is_better=True):
    """[lowest value scoring 2, 3, 4, 5] of a population's ``values`` by mid-rank
    percentile (the highest value when lower is better), None for a score no value
    reaches.

    >>> quintile_bounds([10, 20, 30, 40, 50])
    [20, 30, 40, 50]
    >>> quintile_bounds([0, 1, 2], higher_is_better=False)
    [1, 1, 0, 0]
    >>> quintile_bounds([7, 7]), quintile_bounds([])
    ([7, 7, None, None], [None, None, None, None])
    """
    ordered = sorted(values)
    count = len(ordered)
    bounds = [None] * 4
    start = 0
    while start < count:
        value = ordered[start]
        end = bisect.bisect_right(ordered, value, start)
        below, equal = start, end - start
        if not higher_is_better:
            below = count - below - equal
        score = min(5, (2 * below + equal) * 5 // (2 * count) + 1)
        for level in range(2, score + 1):
            bound = bounds[level - 2]
            if (
                bound is None
                or (higher_is_better and value < bound)
                or (not higher_is_better and value > bound)
            ):
                bounds[level - 2] = value
        start = end
    return bounds


def quintile_score(value, bounds, higher_is_better=True):
    """The 1-5 score of ``value`` against a population's quintile ``bounds``
    (``quintile_bounds``); 3 when there are no bounds to score against.

    >>> quintile_score(35, [20, 30, 40, 50]), quintile_score(35, None)
    (3, 3)
    >>> quintile_score(0, [1, 1, 0, 0], higher_is_better=False)
    5
    """
    if not bounds:
        return MIDDLE_SCORE
    # a plain loop: a run scores every customer three times
    score = 1
    for bound in bounds:
        if bound is not None and (
            value >= bound if higher_is_better else value <= bound
        ):
            score += 1
    return score


def population_bounds(figures):
    """{figure name: quintile bounds} of a population's ``Figures``."""
    return {
        name: quintile_bounds(
            [getattr(one, name) for one in figures], higher_is_better=higher
        )
        for name, higher in FIGURES.items()
    }


def scores(figures, bounds):
    """(recency, frequency, monetary) scores of ``figures`` against the
    population's ``bounds`` ({figure name: quintile bounds}); all 3 without bounds.

    >>> bounds = {"recency": [1, 1, 0, 0], "frequency": [2, 3, 4, 5],
    ...           "monetary": [20, 30, 40, 50]}
    >>> scores(Figures(recency=0, frequency=3, monetary=10.0), bounds)
    (5, 3, 1)
    >>> scores(Figures(recency=4), None)
    (3, 3, 3)
    """
    if not bounds:
        return (MIDDLE_SCORE,) * len(FIGURES)
    return tuple(
        [
            quintile_score(getattr(figures, name), bounds[name], higher)
            for name, higher in FIGURES.items()
        ]
    )


def cell(recency_score, frequency_score, monetary_score):
    """The RFM cell: the three scores side by side.

    >>> cell(5, 3, 1)
    '531'
    """
    return f"{recency_score}{frequency_score}{monetary_score}"
