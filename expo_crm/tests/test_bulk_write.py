# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The batch jobs' bulk writes: only declared fields, converted by the fields,
constraints checked, automated actions honoured, and every create/write override
of a model written in bulk reviewed."""

from unittest.mock import patch

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..tools import bulk_write, write_computed_values
from ..tools.bulk_write import bulk_fields, create_computed_records
from .common import ExpoFloorCommon

# The addons whose create/write overrides were read and found not to react to the
# fields the jobs write in bulk on each model. An addon installed later that
# overrides one of them makes the test below fail: read its override, then add
# it here (or remove the field from the model's _expo_bulk_fields()).
REVIEWED_OVERRIDES = {
    "expo.relationship": {"expo_crm", "expo_crm_segmentation", "mail"},
    "res.partner": {
        "account",
        "base",
        "expo_crm",
        "expo_crm_segmentation",
        "expo_crm_survey",
        "mail",
        "partner_autocomplete",
        "snailmail",
    },
    "expo.space.draw.line": {"expo_crm"},
    "event.booth": {"event_booth", "expo_crm", "mail"},
}


def overriding_addons(model, method):
    """The addons whose classes define ``method`` on ``model``."""
    return {
        cls._module
        for cls in type(model).mro()
        if method in vars(cls) and getattr(cls, "_module", None)
    }


@tagged("post_install", "-at_install")
class TestBulkWrite(ExpoFloorCommon):
    def test_every_override_of_a_model_written_in_bulk_is_reviewed(self):
        written = {
            name
            for name in self.env.registry
            if bulk_fields(self.env[name])
            or getattr(self.env[name], "_expo_bulk_creatable", False)
        }
        self.assertEqual(written, set(REVIEWED_OVERRIDES))
        for name, reviewed in REVIEWED_OVERRIDES.items():
            for method in ("create", "write"):
                unreviewed = overriding_addons(self.env[name], method) - reviewed
                self.assertFalse(
                    unreviewed,
                    f"{name}.{method} is overridden by {unreviewed}: check that the "
                    f"override does not react to {sorted(bulk_fields(self.env[name]))}",
                )

    def test_only_declared_fields(self):
        with self.assertRaisesRegex(ValueError, "cannot be written in bulk"):
            write_computed_values(self.a1, {self.a1.id: {"expo_area_sqm": 1.0}})
        with self.assertRaisesRegex(ValueError, "_expo_bulk_creatable"):
            create_computed_records(self.env["expo.hall"], [{"name": "Bulk Hall"}])

    def test_values_converted_and_dependents_recomputed(self):
        lead = self._applicant(self.gallery, self.a1)
        write_computed_values(
            self.env["event.booth"],
            {self.a1.id: {"expo_lead_id": lead, "expo_hold_until": "2031-01-15"}},
        )
        self.assertEqual(self.a1.expo_lead_id, lead)
        self.assertEqual(str(self.a1.expo_hold_until), "2031-01-15")
        self.assertEqual(self.a1.write_uid, self.env.user)
        self.assertEqual(self.a1.expo_sale_state, "held", "stored compute follows")

    def test_constraints_are_checked(self):
        self.a1.write({"partner_id": self.studio.id, "state": "unavailable"})
        lead = self._applicant(self.gallery, self.a2)
        with self.assertRaisesRegex(ValidationError, "is held for"):
            write_computed_values(
                self.env["event.booth"], {self.a1.id: {"expo_lead_id": lead.id}}
            )

    def test_company_dependent_values_of_other_companies_kept(self):
        Partner = self.env["res.partner"]
        other = self.env["res.company"].create({"name": "Other Organizer"})
        write_computed_values(
            Partner.with_company(other), {self.gallery.id: {"expo_economic_value": 7.0}}
        )
        write_computed_values(Partner, {self.gallery.id: {"expo_economic_value": 5.5}})
        self.assertEqual(self.gallery.expo_economic_value, 5.5)
        self.assertEqual(self.gallery.with_company(other).expo_economic_value, 7.0)

    def test_a_model_watched_by_automated_actions_is_written_with_write(self):
        lead = self._applicant(self.gallery, self.a1)
        Booth = self.registry["event.booth"]
        original = Booth.write
        with (
            patch.object(bulk_write, "_watched_by_automations", return_value=True),
            patch.object(Booth, "write", autospec=True, side_effect=original) as write,
        ):
            write_computed_values(
                self.env["event.booth"],
                {
                    self.a1.id: {"expo_lead_id": lead.id},
                    self.a2.id: {"expo_lead_id": lead.id},
                    self.a3.id: {"expo_hold_until": "2031-01-15"},
                },
            )
        self.assertEqual(write.call_count, 2, "one write per set of values")
        self.assertEqual((self.a1 | self.a2).expo_lead_id, lead)
