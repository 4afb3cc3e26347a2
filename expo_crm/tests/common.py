# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime, timedelta

from odoo.tests import TransactionCase


class ExpoCrmCommon(TransactionCase):
    """A series with three yearly editions, roles and a few customers."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.company = cls.env.company
        cls.role_exhibitor = cls.env.ref("expo_crm.role_exhibitor")
        cls.role_sponsor = cls.env.ref("expo_crm.role_sponsor")
        cls.role_visitor = cls.env.ref("expo_crm.role_visitor")
        cls.role_builder = cls.env.ref("expo_crm.role_booth_builder")
        cls.series = cls.env["expo.series"].create(
            {"name": "Test Art Fair", "code": "TAF"}
        )
        cls.editions = cls.env["event.event"].create(
            [
                {
                    "name": f"Test Art Fair {year}",
                    "expo_series_id": cls.series.id,
                    "date_begin": datetime(year, 5, 10, 9, 0),
                    "date_end": datetime(year, 5, 13, 18, 0),
                }
                for year in (2023, 2024, 2025)
            ]
        )
        cls.edition_2023, cls.edition_2024, cls.edition_2025 = cls.editions
        cls.gallery = cls.env["res.partner"].create(
            {"name": "Gallery Lumen", "is_company": True}
        )
        cls.gallery_contact = cls.env["res.partner"].create(
            {"name": "Li Na", "parent_id": cls.gallery.id}
        )
        cls.collector = cls.env["res.partner"].create(
            {"name": "Wang Collector", "is_company": False}
        )

    @classmethod
    def _participate(cls, partner, event, role=None, **values):
        return cls.env["expo.participation"].create(
            {
                "partner_id": partner.id,
                "event_id": event.id,
                "role_id": (role or cls.role_exhibitor).id,
                **values,
            }
        )


class ExpoRelationshipCommon(ExpoCrmCommon):
    """Adds an upcoming edition and helpers to read relationships."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.upcoming_start = datetime.now().replace(microsecond=0) + timedelta(days=200)
        cls.edition_upcoming = cls.env["event.event"].create(
            {
                "name": "Test Art Fair Next",
                "expo_series_id": cls.series.id,
                "date_begin": cls.upcoming_start,
                "date_end": cls.upcoming_start + timedelta(days=3),
            }
        )
        cls.other_series = cls.env["expo.series"].create(
            {"name": "Test Design Week", "code": "TDW"}
        )
        cls.other_edition = cls.env["event.event"].create(
            {
                "name": "Test Design Week 2024",
                "expo_series_id": cls.other_series.id,
                "date_begin": datetime(2024, 9, 1, 9, 0),
                "date_end": datetime(2024, 9, 3, 18, 0),
            }
        )

    @classmethod
    def _take_part(cls, partner, event, **values):
        """An attended participation as exhibitor."""
        return cls._participate(partner, event, state="attended", **values)

    def _relationship(self, partner=None, series=None):
        return self.env["expo.relationship"].search(
            [
                ("partner_id", "=", (partner or self.gallery).id),
                ("series_id", "=", (series or self.series).id),
            ]
        )

    def _new_customer(self, name):
        return self.env["res.partner"].create({"name": name, "is_company": True})
