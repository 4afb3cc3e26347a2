"""Brandt's satisfaction segments, from the latest feedback.

They need the satisfaction index, the intent to rebook and the intent to recommend
(or the NPS answer standing in for it); without all three the segment is unknown.
Below the dissatisfied threshold, or not rebooking and not sure to recommend, a
customer is dissatisfied. Rebooking, it is secure from the secure threshold when it
will recommend, satisfied from the satisfied threshold when it does not refuse to
recommend. Every other customer is vulnerable.
"""

from .feedback import recommend

# company settings the rule reads, by the attribute of SegmentationRules they fill
COMPANY_FIELDS = {
    "expo_seg_secure_min_satisfaction": "secure_min_satisfaction",
    "expo_seg_satisfied_min_satisfaction": "satisfied_min_satisfaction",
    "expo_seg_dissatisfied_max_satisfaction": "dissatisfied_max_satisfaction",
}


def satisfaction_segment(rules, feedback):
    """The Brandt segment ("secure", "satisfied", "vulnerable", "dissatisfied") of a
    customer's latest ``Feedback``; False when one of the three answers is missing.

    >>> from .feedback import Feedback
    >>> from .settings import SegmentationRules
    >>> rules = SegmentationRules()
    >>> satisfaction_segment(rules, Feedback(90.0, None, False, "yes", "yes"))
    'secure'
    >>> satisfaction_segment(rules, Feedback(90.0, intent_rebook="yes"))
    False
    """
    if not feedback or feedback.satisfaction is None:
        return False
    rebook = feedback.intent_rebook
    recommends = recommend(feedback)
    if not rebook or not recommends:
        return False
    satisfaction = feedback.satisfaction
    if satisfaction < rules.dissatisfied_max_satisfaction or (
        rebook == "no" and recommends != "yes"
    ):
        return "dissatisfied"
    if rebook == "yes":
        if satisfaction >= rules.secure_min_satisfaction and recommends == "yes":
            return "secure"
        if satisfaction >= rules.satisfied_min_satisfaction and recommends != "no":
            return "satisfied"
    return "vulnerable"
