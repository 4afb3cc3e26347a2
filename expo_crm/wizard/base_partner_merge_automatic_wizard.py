# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import models


class BasePartnerMergeAutomaticWizard(models.TransientModel):
    _inherit = "base.partner.merge.automatic.wizard"

    def _update_values(self, src_partners, dst_partner):
        # the merged partner's exhibition figures are computed again below, not
        # copied from the partners merged into it
        return super()._update_values(
            src_partners, dst_partner.with_context(expo_merging_partners=True)
        )

    def _merge(self, partner_ids, dst_partner=None, extra_checks=True):
        result = super()._merge(
            partner_ids, dst_partner=dst_partner, extra_checks=extra_checks
        )
        merged = self.env["res.partner"].browse(partner_ids).exists()
        self.env["expo.relationship"]._refresh_for_partners(merged)
        return result
