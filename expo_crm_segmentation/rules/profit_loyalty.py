"""Reinartz & Kumar: loyalty (repeat patronage) x profitability.

A customer is profitable when its relationship profit is above the company's
threshold: loyal and profitable is a true friend, profitable only a butterfly, loyal
only a barnacle, neither a stranger.
"""

from .rounding import compare

# company settings the rule reads, by the attribute of SegmentationRules they fill
COMPANY_FIELDS = {"expo_seg_profitable_min": "profitable_min"}
# what the rule reads of a customer, besides its repeat patronage
PARTNER_FIELDS = ("expo_relationship_profit",)
# (repeat patronage, profitable): segment
SEGMENTS = {
    (True, True): "true_friend",
    (False, True): "butterfly",
    (True, False): "barnacle",
    (False, False): "stranger",
}


def profit_loyalty_segment(rules, repeat, profit):
    """The Reinartz & Kumar cell of a customer with ``repeat`` patronage and this
    relationship ``profit``.

    >>> from .settings import SegmentationRules
    >>> profit_loyalty_segment(SegmentationRules(), True, 0.0)
    'barnacle'
    """
    profitable = compare(profit, rules.profitable_min, rules.currency.rounding) > 0
    return SEGMENTS[repeat, profitable]
