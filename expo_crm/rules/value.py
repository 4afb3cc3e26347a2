"""A customer's value: what its relationships bring and cost.

The economic value of a relationship is what was invoiced for the latest editions of
the value window, plus the upcoming editions already invoiced; its profit is that
value minus its initial, maintenance and termination costs. A customer's summary in
a company adds its relationships there: its stage is the one of the relationship
taken part in most recently, its profit also counts the staff's ratings (each point
worth the company's value per rating point)."""

from dataclasses import dataclass, field
from datetime import datetime

from .money import Currency

# company settings the rules read, by the attribute of ValueRules they fill
COMPANY_FIELDS = {
    "expo_value_window_editions": "window_editions",
    "expo_rating_point_value": "rating_point_value",
}
# a relationship's costs, typed by the organizer's managers
COST_FIELDS = ("initial_cost", "maintenance_cost", "termination_cost")


@dataclass(frozen=True, slots=True)
class ValueRules:
    """A company's value settings and the currency its amounts round in."""

    window_editions: int = 3
    rating_point_value: float = 1000.0
    currency: Currency = field(default_factory=Currency)


@dataclass(frozen=True, slots=True)
class RelationshipSummary:
    """What a customer's summary reads of one of its relationships."""

    id: int
    lifecycle_stage: str
    economic_value: float
    costs: float
    last_date: datetime | None


def economic_value(rules, timeline, facts):
    """Amounts invoiced for the latest editions of the value window and for the
    upcoming ones, in the company's currency."""
    window = list(timeline.started[-rules.window_editions :]) + [
        edition for edition in timeline.editions if edition not in timeline.started
    ]
    invoiced = [facts[e.id].amount_invoiced for e in window if e.id in facts]
    return rules.currency.round(sum(invoiced))


def relationship_profit(value, costs):
    """A relationship's economic value minus its costs.

    >>> relationship_profit(5000.0, (1000.0, 250.0, 0.0))
    3750.0
    """
    return value - sum(costs)


def partner_summary(rules, rating_points, relationships, prospect):
    """A customer's stage, economic value and relationship profit in a company,
    from its relationships there (``RelationshipSummary``); a customer without any
    is in cultivation when it holds exhibition roles (``prospect``), else nowhere."""
    if not relationships:
        return {
            "lifecycle_stage": "cultivation" if prospect else False,
            "economic_value": 0.0,
            "relationship_profit": 0.0,
        }
    most_recent = max(
        relationships, key=lambda rel: (rel.last_date or datetime.min, rel.id)
    )
    value = sum(rel.economic_value for rel in relationships)
    costs = sum(rel.costs for rel in relationships)
    return {
        "lifecycle_stage": most_recent.lifecycle_stage,
        "economic_value": rules.currency.round(value),
        "relationship_profit": rules.currency.round(
            value + rating_points * rules.rating_point_value - costs
        ),
    }
