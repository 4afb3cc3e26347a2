# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, api

SHIPPED_SURVEYS = ("survey_exhibitor", "survey_sponsor", "survey_visitor")


def migrate(cr, version):
    """Since 18.0.1.1.0 campaign surveys take one answer per invitation: the
    shipped customer surveys (loaded once, not updated) are limited to one
    attempt, as new ones are."""
    env = api.Environment(cr, SUPERUSER_ID, {})
    for xmlid in SHIPPED_SURVEYS:
        survey = env.ref(f"expo_crm_survey.{xmlid}", raise_if_not_found=False)
        if survey:
            survey.write({"is_attempts_limited": True, "attempts_limit": 1})
