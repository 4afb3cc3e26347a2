# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import _, api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.expo_crm.rules.money import Currency
from odoo.addons.expo_crm.tools import check_bounds

from ..rules import knox, settings

# the range of each count, day and amount setting, both ends included
EXPO_SEG_SETTING_BOUNDS = {
    "expo_seg_rfm_window": (1, 50),
    "expo_seg_strategic_min_editions": (1, 50),
    "expo_seg_repeat_min_editions": (1, 50),
    "expo_seg_risk_profit_limit": (-1_000_000_000_000, 1_000_000_000_000),
    "expo_seg_profitable_min": (-1_000_000_000_000, 1_000_000_000_000),
    "expo_seg_attitude_min_nps": (0, 10),
    "expo_seg_knox_many_shows": (1, 1000),
    "expo_seg_churn_rebook_days": (0, 3650),
    "expo_seg_churn_overdue_days": (0, 3650),
    "expo_seg_batch_size": (1, 100_000),
}


class ResCompany(models.Model):
    _inherit = "res.company"

    # population and RFM
    expo_seg_role_ids = fields.Many2many(
        "expo.role",
        "expo_seg_role_res_company_rel",
        "company_id",
        "role_id",
        string="Segmented Roles",
        help="Roles whose participations make up the segmented population; empty "
        "means all downstream roles (exhibitors, sponsors, visitors).",
    )
    expo_seg_rfm_window = fields.Integer(
        "RFM Window (editions)",
        default=3,
        help="Frequency and monetary value count the last N past editions of each "
        "series (1 to 50).",
    )
    # Pareto
    expo_seg_pareto_a_pct = fields.Float(
        "Class A Share (%)",
        default=80.0,
        help="Class A is the smallest set of customers making this share of the "
        "economic value.",
    )
    expo_seg_pareto_b_pct = fields.Float(
        "Classes A+B Share (%)",
        default=95.0,
        help="Class B holds the next customers until this cumulated share; the rest "
        "is class C.",
    )
    # value tier
    expo_seg_strategic_min_editions = fields.Integer(
        "Strategic: Minimum Editions",
        default=2,
        help="A class A customer is strategic when it took part in at least this many "
        "editions of the RFM window (1 to 50) and is not weakening or gone.",
    )
    expo_seg_risk_profit_limit = fields.Monetary(
        "Risk: Relationship Profit Below",
        default=0.0,
        help="A customer whose relationship profit is below this amount is a risk "
        "customer.",
    )
    # loyalty
    expo_seg_repeat_min_editions = fields.Integer(
        "Repeat Patronage: Minimum Editions",
        default=2,
        help="Repeat patronage is high from this many editions in the RFM window (1 "
        "to 50), or when the next edition is already booked.",
    )
    expo_seg_attitude_min_satisfaction = fields.Float(
        "Positive Attitude: Minimum Satisfaction",
        default=70.0,
        help="Satisfaction index (0-100) from which the latest feedback counts as a "
        "positive attitude.",
    )
    expo_seg_attitude_min_nps = fields.Integer(
        "Positive Attitude: Minimum NPS",
        default=7,
        help="NPS score (0 to 10) from which the latest feedback counts as a "
        "positive attitude.",
    )
    expo_seg_profitable_min = fields.Monetary(
        "Profitable: Relationship Profit Above",
        default=0.0,
        help="Reinartz & Kumar: a customer is profitable when its relationship profit "
        "is above this amount.",
    )
    # Brandt satisfaction
    expo_seg_secure_min_satisfaction = fields.Float(
        "Secure: Minimum Satisfaction",
        default=80.0,
        help="Secure customers are at least this satisfied, will recommend and will "
        "rebook.",
    )
    expo_seg_satisfied_min_satisfaction = fields.Float(
        "Satisfied: Minimum Satisfaction",
        default=60.0,
        help="Satisfied customers are at least this satisfied, may recommend and will "
        "rebook.",
    )
    expo_seg_dissatisfied_max_satisfaction = fields.Float(
        "Dissatisfied: Satisfaction Below",
        default=40.0,
        help="Below this satisfaction, or not rebooking and not sure to recommend, a "
        "customer is dissatisfied; the others are vulnerable.",
    )
    # Knox
    expo_seg_knox_many_shows = fields.Integer(
        "Knox: Many Competing Shows From",
        default=2,
        help="A customer attending at least this many competing shows (1 to 1,000) "
        "buys many brands (brand switcher or multi-brand buyer).",
    )
    # churn risk
    expo_seg_churn_drop_pct = fields.Float(
        "Churn: Space or Spend Drop (%)",
        default=30.0,
        help="Cutting space or spend by this share or more between the last two "
        "editions taken part in flags a churn risk.",
    )
    expo_seg_churn_rebook_days = fields.Integer(
        "Churn: Days Before Next Edition",
        default=90,
        help="A customer of the latest edition who has not booked the next one this "
        "many days before it starts (0 to 3,650) is a churn risk.",
    )
    expo_seg_churn_overdue_days = fields.Integer(
        "Churn: Overdue Invoices After (days)",
        default=30,
        help="Customer invoices unpaid this many days after their due date (0 to "
        "3,650) flag a churn risk.",
    )
    # batch runs
    expo_seg_batch_size = fields.Integer(
        "Recompute Batch Size",
        default=1000,
        help="Partners recomputed (and committed) per batch of the scheduled job (1 "
        "to 100,000).",
    )

    def _expo_segmentation_rules(self):
        """The company's segmentation settings and currency, as the rules read
        them."""
        self.ensure_one()
        return settings.SegmentationRules(
            **{attr: self[fname] for fname, attr in settings.COMPANY_FIELDS.items()},
            currency=Currency(self.currency_id.rounding),
            currency_id=self.currency_id.id,
        )

    def write(self, vals):
        result = super().write(vals)
        if any(fname in vals for fname in knox.COMPANY_FIELDS):
            partners = (
                self.env["res.partner"]
                .with_context(active_test=False)
                .search([("expo_involvement", "!=", False)])
            )
            self.env.add_to_compute(partners._fields["expo_knox_segment"], partners)
        return result

    @api.constrains("expo_seg_pareto_a_pct", "expo_seg_pareto_b_pct")
    def _check_expo_seg_pareto(self):
        for company in self:
            if not 0 < company.expo_seg_pareto_a_pct <= company.expo_seg_pareto_b_pct:
                raise ValidationError(
                    _("Class A share must be positive and not above the A+B share.")
                )
            if company.expo_seg_pareto_b_pct > 100:
                raise ValidationError(_("The A+B share cannot exceed 100 %."))

    @api.constrains(
        "expo_seg_secure_min_satisfaction",
        "expo_seg_satisfied_min_satisfaction",
        "expo_seg_dissatisfied_max_satisfaction",
        "expo_seg_attitude_min_satisfaction",
    )
    def _check_expo_seg_satisfaction(self):
        for company in self:
            dissatisfied = company.expo_seg_dissatisfied_max_satisfaction
            satisfied = company.expo_seg_satisfied_min_satisfaction
            secure = company.expo_seg_secure_min_satisfaction
            attitude = company.expo_seg_attitude_min_satisfaction
            if not 0 <= dissatisfied <= satisfied <= secure <= 100:
                raise ValidationError(
                    _(
                        "Satisfaction thresholds must rise from dissatisfied to "
                        "satisfied to secure, within 0-100."
                    )
                )
            if not 0 <= attitude <= 100:
                raise ValidationError(
                    _("The attitude satisfaction threshold runs from 0 to 100.")
                )

    @api.constrains(*EXPO_SEG_SETTING_BOUNDS)
    def _check_expo_seg_setting_bounds(self):
        check_bounds(self, EXPO_SEG_SETTING_BOUNDS)

    @api.constrains("expo_seg_churn_drop_pct")
    def _check_expo_seg_churn_drop(self):
        for company in self:
            if not 0 < company.expo_seg_churn_drop_pct <= 100:
                raise ValidationError(
                    _("The churn drop threshold runs from 0 to 100 %.")
                )
