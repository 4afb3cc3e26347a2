# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import datetime

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
