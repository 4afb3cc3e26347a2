"""What the segments read of a customer's feedback: its latest participation with
any (a satisfaction index, an NPS answer or an intent to rebook or recommend)."""

from dataclasses import dataclass

# the intent to recommend an NPS answer says, when the intent was not asked (as
# expo_crm's rules.nps says it; a test checks both agree)
RECOMMEND_INTENTS = {"promoter": "yes", "passive": "maybe", "detractor": "no"}

# participation fields a feedback is read from, besides its keys
PARTICIPATION_FIELDS = (
    "feedback_date",
    "satisfaction_index",
    "nps_score",
    "nps_category",
    "intent_rebook",
    "intent_recommend",
)
# a participation has feedback when any of these is set
PRESENCE_FIELDS = ("feedback_date", "nps_score", "intent_rebook", "intent_recommend")


@dataclass(frozen=True, slots=True)
class Feedback:
    """A customer's latest feedback; None or False for what it did not say.

    ``satisfaction`` is the 0-100 index (None without a feedback date), ``nps`` the
    0-10 answer, the intents "yes", "maybe" or "no"."""

    satisfaction: float | None = None
    nps: int | None = None
    nps_category: str | bool = False
    intent_rebook: str | bool = False
    intent_recommend: str | bool = False


def recommend(feedback):
    """The customer's intent to recommend: as it said it, else as its NPS answer
    says it.

    >>> recommend(Feedback(nps=10, nps_category="promoter"))
    'yes'
    >>> recommend(Feedback(nps_category="promoter", intent_recommend="maybe"))
    'maybe'
    """
    return feedback.intent_recommend or RECOMMEND_INTENTS.get(
        feedback.nps_category, False
    )
