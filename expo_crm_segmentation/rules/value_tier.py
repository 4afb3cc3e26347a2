"""Value tiers: how much a customer is worth to the organizer, and what it is owed.

A customer whose relationship profit is below the risk limit is a risk customer;
else a class A customer that took part in enough editions of the RFM window and is
neither weakening nor gone is strategic; a class A or B customer not gone is key;
the others are transactional. Without a Pareto class (no economic value in the
population) the tier is unknown. Relationships with a series have tiers the same
way, from their own figures, stage and profit.
"""

from .rounding import compare

# company settings the tiers read, by the attribute of SegmentationRules they fill
COMPANY_FIELDS = {
    "expo_seg_risk_profit_limit": "risk_profit_limit",
    "expo_seg_strategic_min_editions": "strategic_min_editions",
}
# what the tier reads of a customer, and of one of its relationships
PARTNER_FIELDS = ("expo_lifecycle_stage", "expo_relationship_profit")
RELATIONSHIP_FIELDS = ("lifecycle_stage", "relationship_profit")
# stages that keep a class A customer from being strategic, a class A or B from key
NOT_STRATEGIC_STAGES = ("weakening", "disappearance")
NOT_KEY_STAGES = ("disappearance",)
# the tiers from the least to the most valuable: moving to a later one is moving up
TIER_ORDER = ("risk", "transactional", "key", "strategic")


def value_tier(rules, pareto, frequency, lifecycle_stage, profit):
    """The tier ("strategic", "key", "transactional", "risk") of a customer of
    Pareto class ``pareto`` who took part in ``frequency`` editions of the window;
    False without a class.

    >>> from .settings import SegmentationRules
    >>> value_tier(SegmentationRules(), "a", 2, "trust", 100.0)
    'strategic'
    >>> value_tier(SegmentationRules(), "a", 2, "trust", -0.01)
    'risk'
    """
    if not pareto:
        return False
    if compare(profit, rules.risk_profit_limit, rules.currency.rounding) < 0:
        return "risk"
    if (
        pareto == "a"
        and frequency >= rules.strategic_min_editions
        and lifecycle_stage not in NOT_STRATEGIC_STAGES
    ):
        return "strategic"
    if pareto in ("a", "b") and lifecycle_stage not in NOT_KEY_STAGES:
        return "key"
    return "transactional"
