# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""Settings and facts the database-free tests of the rules build."""

from datetime import datetime

from odoo.addons.expo_crm.rules import nps

from ..rules.feedback import Feedback
from ..rules.settings import SegmentationRules

RULES = SegmentationRules(currency_id=1)
NOW = datetime(2026, 6, 1, 12, 0)


def feedback(satisfaction=None, nps_score=None, rebook=False, recommend=False):
    """A latest feedback with these answers (its NPS category from the score)."""
    return Feedback(
        satisfaction=satisfaction,
        nps=nps_score,
        nps_category=nps.category(nps_score),
        intent_rebook=rebook,
        intent_recommend=recommend,
    )
