"""Knox's loyalty diamond: involvement x the number of competing shows attended.

Highly involved and faithful to few shows is loyal, little involved with few shows
habitual, little involved with many shows a brand switcher, highly involved with
many shows a multi-brand buyer; unknown without an involvement. "Many" starts at
the company's threshold.
"""

# company settings the rule reads, by the attribute of SegmentationRules they fill
COMPANY_FIELDS = {"expo_seg_knox_many_shows": "knox_many_shows"}
# what the rule reads of a customer
PARTNER_FIELDS = ("expo_involvement", "expo_competing_show_count")
# (high involvement, many shows): segment
SEGMENTS = {
    (True, False): "loyal",
    (False, False): "habitual",
    (False, True): "switcher",
    (True, True): "multi_brand",
}


def knox_segment(rules, involvement, competing_shows):
    """The Knox cell of a customer of ``involvement`` ("low", "high" or False) who
    attends ``competing_shows`` competing shows; False without an involvement.

    >>> from .settings import SegmentationRules
    >>> rules = SegmentationRules()
    >>> knox_segment(rules, "high", 2), knox_segment(rules, False, 0)
    ('multi_brand', False)
    """
    if not involvement:
        return False
    return SEGMENTS[involvement == "high", competing_shows >= rules.knox_many_shows]
