"""A company's segmentation settings, as the rules read them."""

from dataclasses import dataclass, field

from . import (
    churn,
    knox,
    loyalty,
    pareto,
    profit_loyalty,
    rfm,
    satisfaction,
    value_tier,
)
from .rounding import Step

# company settings the segments read, by the attribute of SegmentationRules they
# fill: the union of what each rule module declares
COMPANY_FIELDS = {
    **rfm.COMPANY_FIELDS,
    **pareto.COMPANY_FIELDS,
    **value_tier.COMPANY_FIELDS,
    **loyalty.COMPANY_FIELDS,
    **profit_loyalty.COMPANY_FIELDS,
    **satisfaction.COMPANY_FIELDS,
    **knox.COMPANY_FIELDS,
    **churn.COMPANY_FIELDS,
}


@dataclass(frozen=True, slots=True)
class SegmentationRules:
    """A company's segmentation settings (the defaults are the settings' own), the
    currency its amounts round in and that currency's id, for the reasons."""

    rfm_window: int = 3
    pareto_a_pct: float = 80.0
    pareto_b_pct: float = 95.0
    strategic_min_editions: int = 2
    risk_profit_limit: float = 0.0
    repeat_min_editions: int = 2
    attitude_min_satisfaction: float = 70.0
    attitude_min_nps: int = 7
    profitable_min: float = 0.0
    secure_min_satisfaction: float = 80.0
    satisfied_min_satisfaction: float = 60.0
    dissatisfied_max_satisfaction: float = 40.0
    knox_many_shows: int = 2
    churn_drop_percent: float = 30.0
    churn_rebook_days: int = 90
    churn_overdue_days: int = 30
    currency: Step = field(default_factory=Step)
    currency_id: int | None = None
