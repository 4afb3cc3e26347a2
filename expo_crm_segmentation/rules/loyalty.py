"""Loyalty as Dick & Basu read it: relative attitude x repeat patronage.

Repeat patronage is high when the customer took part in enough editions of the RFM
window, or has already booked an upcoming edition. The attitude is positive when
every signal of its latest feedback is favourable (satisfaction and NPS answer at
least their thresholds, no intent answered "no"), negative when one is not, unknown
without a signal. Positive and repeating is loyal, positive only latent loyal,
repeating only spurious loyal, neither not loyal; unknown without an attitude.
"""

# company settings the rules read, by the attribute of SegmentationRules they fill
COMPANY_FIELDS = {
    "expo_seg_repeat_min_editions": "repeat_min_editions",
    "expo_seg_attitude_min_satisfaction": "attitude_min_satisfaction",
    "expo_seg_attitude_min_nps": "attitude_min_nps",
}
# (positive attitude, repeat patronage): segment
SEGMENTS = {
    (True, True): "loyal",
    (True, False): "latent",
    (False, True): "spurious",
    (False, False): "none",
}


def repeat_patronage(rules, frequency, booked_next):
    """Whether the customer took part in enough editions of the window, or booked
    an upcoming one.

    >>> from .settings import SegmentationRules
    >>> repeat_patronage(SegmentationRules(), 1, False)
    False
    >>> repeat_patronage(SegmentationRules(), 1, True)
    True
    """
    return frequency >= rules.repeat_min_editions or booked_next


def attitude(rules, feedback):
    """True when every known signal of the latest ``Feedback`` is favourable, False
    when one is not, None when nothing is known."""
    if not feedback:
        return None
    signals = []
    if feedback.satisfaction is not None:
        signals.append(feedback.satisfaction >= rules.attitude_min_satisfaction)
    if feedback.nps is not None:
        signals.append(feedback.nps >= rules.attitude_min_nps)
    signals.extend(
        intent != "no"
        for intent in (feedback.intent_rebook, feedback.intent_recommend)
        if intent
    )
    return all(signals) if signals else None


def loyalty_segment(rules, feedback, repeat):
    """The Dick & Basu cell of a customer with this latest ``Feedback`` and
    ``repeat`` patronage; False when its attitude is unknown.

    >>> from .feedback import Feedback
    >>> from .settings import SegmentationRules
    >>> loyalty_segment(SegmentationRules(), Feedback(satisfaction=85.0), False)
    'latent'
    >>> loyalty_segment(SegmentationRules(), None, True)
    False
    """
    positive = attitude(rules, feedback)
    if positive is None:
        return False
    return SEGMENTS[positive, repeat]
