"""Satisfaction as the 5S survey measures it.

Each of the five dimensions (concept, behaviour, visual, product, service) is rated
twice, as expected before the show and as experienced at it. Satisfaction is
experience minus expectation (the triangle law): a negative gap is a promise the
show did not keep. Ratings are compared on a common 0 .. 1 scale, whatever range
each question uses.
"""

from dataclasses import dataclass

INDEX_MET = 50.0  # the index of an experience exactly as expected


@dataclass(frozen=True)
class Rating:
    """One answered rating: its value and the same value rescaled to 0 .. 1
    (None when the question's range cannot rescale it)."""

    value: float
    normalized: float | None


@dataclass(frozen=True)
class Gap:
    """One dimension answered on both sides."""

    expectation: float
    experience: float
    gap: float
    normalized_gap: float


def normalized(value, low, high):
    """The value rescaled from low .. high to 0 .. 1; None for an empty range.

    >>> normalized(4, 1, 5), normalized(3, 3, 3)
    (0.75, None)
    """
    if high <= low:
        return None
    return (value - low) / (high - low)


def gaps(expectations, experiences, dimensions):
    """{dimension: Gap} of the dimensions rated on both sides, in ``dimensions``
    order; the gap is experience minus expectation.

    >>> gaps({"visual": Rating(4, 0.75)}, {"visual": Rating(2, 0.25)}, ["visual"])
    {'visual': Gap(expectation=4, experience=2, gap=-2, normalized_gap=-0.5)}
    """
    result = {}
    for dimension in dimensions:
        expectation = expectations.get(dimension)
        experience = experiences.get(dimension)
        if expectation and experience:
            result[dimension] = Gap(
                expectation.value,
                experience.value,
                experience.value - expectation.value,
                (experience.normalized or 0.0) - (expectation.normalized or 0.0),
            )
    return result


def satisfaction_index(normalized_gaps, normalized_ratings):
    """Overall satisfaction from 0 (angry) through 50 (expectation met) to 100
    (delighted): from the mean normalized 5S gap when there are gaps, else from the
    mean of the plain ratings; None when nothing measures it.

    >>> satisfaction_index([0.0, 0.5], []), satisfaction_index([], [1.0, 0.5])
    (62.5, 75.0)
    >>> satisfaction_index([], []) is None
    True
    """
    if normalized_gaps:
        mean_gap = sum(normalized_gaps) / len(normalized_gaps)
        return round(INDEX_MET * (1.0 + mean_gap), 1)
    if normalized_ratings:
        return round(100.0 * sum(normalized_ratings) / len(normalized_ratings), 1)
    return None


def is_negative(gap, threshold):
    """Whether a gap (experience minus expectation, in rating steps) is at or below
    the threshold that calls for the salesperson."""
    return gap.gap <= threshold
