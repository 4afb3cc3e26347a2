"""The Net Promoter Score: promoters answer 9 or 10 to "how likely are you to
recommend the show?", passives 7 or 8, detractors 0 to 6; the NPS of a group is its
percentage of promoters minus its percentage of detractors, from -100 to 100."""

PROMOTER_FROM = 9
PASSIVE_FROM = 7
SCORES = range(11)
# each answer's weight in an NPS average: the average of a group is its NPS
CATEGORY_WEIGHTS = {"promoter": 100.0, "passive": 0.0, "detractor": -100.0}
# the intent to recommend an NPS answer says, when the intent was not asked
RECOMMEND_INTENTS = {"promoter": "yes", "passive": "maybe", "detractor": "no"}


def category(score):
    """The category of a 0-10 score (an int or its text); False when unknown.

    >>> category(10), category("7"), category(6), category(None), category("")
    ('promoter', 'passive', 'detractor', False, False)
    """
    if score is False or score is None or score == "":
        return False
    score = int(score)
    if score >= PROMOTER_FROM:
        return "promoter"
    if score >= PASSIVE_FROM:
        return "passive"
    return "detractor"


def net_promoter_score(promoters, passives, detractors):
    """% promoters - % detractors, one decimal; None without answers.

    >>> net_promoter_score(6, 2, 2), net_promoter_score(0, 0, 0)
    (40.0, None)
    """
    total = promoters + passives + detractors
    if not total:
        return None
    return round(100.0 * (promoters - detractors) / total, 1)


def recommend_intent(nps_category):
    """The intent to recommend an NPS category says ("yes", "maybe", "no")."""
    return RECOMMEND_INTENTS.get(nps_category, False)
