# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError
from odoo.tools.translate import LazyTranslate

from odoo.addons.expo_crm.tools import render_reasons

from ..rules import knox

_lt = LazyTranslate(__name__)

# values of the published fields; an empty value means "unknown"
VALUE_TIERS = [
    ("strategic", "Strategic"),
    ("key", "Key"),
    ("transactional", "Transactional"),
    ("risk", "Risk"),
]
LOYALTY_SEGMENTS = [
    ("loyal", "Loyal"),
    ("latent", "Latent Loyal"),
    ("spurious", "Spurious Loyal"),
    ("none", "Not Loyal"),
]
PROFIT_LOYALTY_SEGMENTS = [
    ("true_friend", "True Friend"),
    ("butterfly", "Butterfly"),
    ("barnacle", "Barnacle"),
    ("stranger", "Stranger"),
]
SATISFACTION_SEGMENTS = [
    ("secure", "Secure"),
    ("satisfied", "Satisfied"),
    ("vulnerable", "Vulnerable"),
    ("dissatisfied", "Dissatisfied"),
]
KNOX_SEGMENTS = [
    ("loyal", "Loyal"),
    ("habitual", "Habitual"),
    ("switcher", "Brand Switcher"),
    ("multi_brand", "Multi-Brand Buyer"),
]
INVOLVEMENT_LEVELS = [("low", "Low"), ("high", "High")]
PARETO_CLASSES = [("a", "A"), ("b", "B"), ("c", "C")]
RFM_SCORES = [(str(score), str(score)) for score in range(1, 6)]

# fields the segmentation run writes, all empty for a partner outside the population
SEGMENT_FIELDS = (
    "expo_rfm_recency",
    "expo_rfm_frequency",
    "expo_rfm_monetary",
    "expo_rfm_recency_score",
    "expo_rfm_frequency_score",
    "expo_rfm_monetary_score",
    "expo_rfm_cell",
    "expo_pareto_class",
    "expo_value_tier",
    "expo_loyalty_segment",
    "expo_profit_loyalty_segment",
    "expo_satisfaction_segment",
    "expo_churn_risk",
    "expo_churn_reason_data",
)

# Why a customer is at risk: the run stores [code, parameters] pairs and each reader
# sees the sentences in its own language (series, editions, dates and amounts too).
CHURN_REASONS = {
    "weakening": _lt("Relationship is weakening."),
    "detractor": _lt("Latest feedback is from a detractor."),
    "space_cut": _lt("Space cut by %(percent)s %% at %(series)s."),
    "spend_cut": _lt("Spend cut by %(percent)s %% at %(series)s."),
    "not_rebooked": _lt("Not rebooked for %(edition)s, starting %(date)s."),
    "overdue": _lt("Overdue invoices: %(amount)s."),
}


class ResPartner(models.Model):
    _inherit = "res.partner"

    @api.model
    def _expo_bulk_fields(self):
        """The segments the run writes in bulk, with the date of the run."""
        return super()._expo_bulk_fields() | set(SEGMENT_FIELDS) | {"expo_seg_date"}

    # The segments are results of the segmentation run of each company, over its
    # own customers: company-dependent, so each company reads its own, and
    # readable by internal users only.

    # RFM
    expo_rfm_recency = fields.Integer(
        "Editions Since Last",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
        help="Past editions of its series held since the customer last took part "
        "(0 = took part in the latest one).",
    )
    expo_rfm_frequency = fields.Integer(
        "Editions in Window",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
        help="Editions taken part in among the last editions of each series (RFM "
        "window in Settings).",
    )
    expo_rfm_monetary = fields.Float(
        "Invoiced in Window",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
        help="Invoiced amounts of the participations in the RFM window, in the "
        "company's currency.",
    )
    expo_rfm_recency_score = fields.Selection(
        RFM_SCORES,
        "Recency Score",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
    )
    expo_rfm_frequency_score = fields.Selection(
        RFM_SCORES,
        "Frequency Score",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
    )
    expo_rfm_monetary_score = fields.Selection(
        RFM_SCORES,
        "Monetary Score",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
    )
    expo_rfm_cell = fields.Char(
        "RFM Cell",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
        help="Recency, frequency and monetary scores (1-5 by quintile of the "
        "company's customers), e.g. 545.",
    )

    # value
    expo_pareto_class = fields.Selection(
        PARETO_CLASSES,
        "Pareto Class",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
        help="A: the smallest set of customers making 80 % of the company's economic "
        "value; B: the next 15 %; C: the rest (shares in Settings).",
    )
    expo_value_tier = fields.Selection(
        VALUE_TIERS,
        "Value Tier",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
        help="Strategic: class A, regular and not weakening. Key: class A or B. "
        "Transactional: the others. Risk: relationship profit below the risk limit.",
    )
    expo_value_strategy = fields.Char(
        "Relationship Strategy",
        compute="_compute_expo_value_strategy",
        groups="base.group_user",
    )
    expo_value_resources = fields.Char(
        "Resource Level",
        compute="_compute_expo_value_strategy",
        groups="base.group_user",
    )

    # loyalty and satisfaction
    expo_loyalty_segment = fields.Selection(
        LOYALTY_SEGMENTS,
        "Loyalty (Dick & Basu)",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
        help="Relative attitude (latest satisfaction, NPS and intents) crossed with "
        "repeat patronage (editions taken part in, next edition booked).",
    )
    expo_profit_loyalty_segment = fields.Selection(
        PROFIT_LOYALTY_SEGMENTS,
        "Profit Loyalty (Reinartz & Kumar)",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
        help="Repeat patronage crossed with relationship profit.",
    )
    expo_satisfaction_segment = fields.Selection(
        SATISFACTION_SEGMENTS,
        "Satisfaction (Brandt)",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
        help="From the latest feedback: satisfaction index, intent to recommend "
        "(or NPS) and intent to rebook.",
    )

    # Knox diamond, from what field staff know
    expo_involvement = fields.Selection(
        INVOLVEMENT_LEVELS,
        "Involvement",
        help="How involved the customer is in choosing its shows; filled by staff.",
    )
    expo_competing_show_count = fields.Integer(
        "Competing Shows",
        help="How many competing shows the customer attends; filled by staff "
        "together with the involvement.",
    )
    expo_knox_segment = fields.Selection(
        KNOX_SEGMENTS,
        "Knox Diamond",
        compute="_compute_expo_knox_segment",
        store=True,
        help="Involvement crossed with the number of competing shows: loyal (high, "
        "few), habitual (low, few), brand switcher (low, many), multi-brand buyer "
        "(high, many). Unknown until the involvement is filled.",
    )

    # churn risk
    expo_churn_risk = fields.Boolean(
        "Churn Risk",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
    )
    expo_churn_reasons = fields.Text(
        "Churn Reasons",
        compute="_compute_expo_churn_reasons",
        groups="base.group_user",
    )
    # Odoo's company-dependent fields cannot be Json: the [code, parameters] pairs
    # are kept as JSON text
    expo_churn_reason_data = fields.Text(
        "Churn Reason Data",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
        help="The churn reasons as codes and parameters (JSON), shown as sentences "
        "in the reader's language by Churn Reasons.",
    )

    # run bookkeeping
    expo_seg_date = fields.Datetime(
        "Segmented On",
        readonly=True,
        company_dependent=True,
        index=False,
        groups="base.group_user",
        help="When the company's segmentation run last recomputed the customer; "
        "empty for a partner outside its segmented population.",
    )

    @api.model
    def _expo_ordered_selections(self):
        return super()._expo_ordered_selections() | {
            "expo_knox_segment",
            "expo_loyalty_segment",
            "expo_profit_loyalty_segment",
            "expo_satisfaction_segment",
            "expo_value_tier",
        }

    @api.depends("expo_value_tier")
    def _compute_expo_value_strategy(self):
        strategies = self._expo_value_strategies()
        for partner in self:
            strategy, resources = strategies.get(
                partner.expo_value_tier, (False, False)
            )
            partner.expo_value_strategy = strategy
            partner.expo_value_resources = resources

    @api.model
    def _expo_value_strategies(self):
        """Relationship strategy and resource level of each value tier."""
        return {
            "strategic": (_("Long-term, close alliance"), _("Enough")),
            "key": (_("Long-term, stable, learning relationship"), _("More")),
            "transactional": (_("Keep it transactional"), _("Not too much")),
            "risk": (_("Refuse service, end contact"), _("With great care")),
        }

    @api.depends(*knox.PARTNER_FIELDS)
    def _compute_expo_knox_segment(self):
        rules = {}
        for partner in self:
            company = partner.company_id or self.env.company
            if company not in rules:
                rules[company] = company._expo_segmentation_rules()
            partner.expo_knox_segment = knox.knox_segment(
                rules[company],
                partner.expo_involvement,
                partner.expo_competing_show_count,
            )

    @api.depends("expo_churn_reason_data")
    @api.depends_context("lang")
    def _compute_expo_churn_reasons(self):
        sentences = render_reasons(
            self.env,
            {
                partner: json.loads(partner.expo_churn_reason_data or "[]")
                for partner in self
            },
            CHURN_REASONS,
        )
        for partner in self:
            partner.expo_churn_reasons = "\n".join(sentences[partner]) or False

    @api.constrains("expo_competing_show_count")
    def _check_expo_competing_show_count(self):
        if any(partner.expo_competing_show_count < 0 for partner in self):
            raise ValidationError(
                _("The number of competing shows cannot be negative.")
            )

    @api.model
    def _expo_computed_fields(self):
        return super()._expo_computed_fields() | {*SEGMENT_FIELDS, "expo_seg_date"}

    def action_expo_recompute_segments(self):
        """Recompute the segments of these partners now, against the whole
        population of the current company: for exhibition users, on the
        partners they may read."""
        if not self.env.user.has_group("expo_crm.group_expo_user"):
            raise AccessError(
                _("Recomputing segments is for users of the Exhibitions app.")
            )
        self.check_access("read")
        self.env["expo.segment.engine"].sudo()._recompute_partners(
            self.env.company, self.commercial_partner_id
        )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success",
                "message": _(
                    "Segments recomputed against the whole population of %(company)s.",
                    company=self.env.company.name,
                ),
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }
