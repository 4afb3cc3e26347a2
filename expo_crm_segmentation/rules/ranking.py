"""A customer ranked among the population: its RFM scores and cell and its Pareto
class, against boundaries drawn once from the whole population.

The boundaries are plain lists, stored with a run as they are: {"recency",
"frequency", "monetary": quintile bounds, "pareto": Pareto cut-offs}.
"""

from dataclasses import dataclass

from .pareto import pareto_class, pareto_cutoffs
from .rfm import cell, population_bounds, scores


@dataclass(frozen=True, slots=True)
class Ranking:
    """A customer's ``Figures`` with its scores, RFM cell and Pareto class."""

    figures: object
    recency_score: int
    frequency_score: int
    monetary_score: int
    cell: str
    pareto: str | bool


def bounds(rules, figures_by_key):
    """Quintile boundaries and Pareto cut-offs of a population,
    ``figures_by_key`` being {customer: Figures}.

    >>> from .rfm import Figures
    >>> from .settings import SegmentationRules
    >>> bounds(SegmentationRules(), {1: Figures(0, 2, 100.0, 100.0)})
    {'recency': [0, 0, None, None], 'frequency': [2, 2, None, None], \
'monetary': [100.0, 100.0, None, None], 'pareto': [100.0, 100.0]}
    """
    result = population_bounds(figures_by_key.values())
    result["pareto"] = pareto_cutoffs(
        {key: figures.value for key, figures in figures_by_key.items()},
        rules.pareto_a_pct,
        rules.pareto_b_pct,
    )
    return result


def rank(figures, population_bounds):
    """The ``Ranking`` of ``figures`` against the population's boundaries (see
    ``bounds``); a customer they do not know (None) scores 3 and has no class, like
    a population of one.

    >>> from .rfm import Figures
    >>> rank(Figures(1, 1, 10.0, 10.0), None)
    Ranking(figures=Figures(recency=1, frequency=1, monetary=10.0, value=10.0), \
recency_score=3, frequency_score=3, monetary_score=3, cell='333', pareto=False)
    """
    recency, frequency, monetary = scores(figures, population_bounds)
    return Ranking(
        figures,
        recency,
        frequency,
        monetary,
        cell(recency, frequency, monetary),
        pareto_class(figures.value, population_bounds and population_bounds["pareto"]),
    )
