# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).

from odoo.tests import tagged

from .common import ExpoCrmCommon


@tagged("post_install", "-at_install")
class TestPhone(ExpoCrmCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.china = cls.env.ref("base.cn")
        cls.spain = cls.env.ref("base.es")

    def test_good_phone_normalized(self):
        partner = self.env["res.partner"].create(
            {
                "name": "Hangzhou Gallery",
                "country_id": self.china.id,
                "phone": "13800138000",
            }
        )
        self.assertEqual(partner.phone, "+86 138 0013 8000")
        self.assertFalse(partner.expo_phone_invalid)
        partner.mobile = "0571 8765 4321"
        self.assertEqual(partner.mobile, "+86 571 8765 4321")

    def test_country_of_the_write_and_of_each_partner(self):
        madrid, beijing = self.env["res.partner"].create(
            [
                {"name": "Madrid Studio", "country_id": self.spain.id},
                {"name": "Beijing Studio", "country_id": self.china.id},
            ]
        )
        (madrid | beijing).write({"mobile": "612345678"})
        self.assertEqual(madrid.mobile, "+34 612 34 56 78")
        self.assertTrue(beijing.expo_phone_invalid, "not a Chinese number")
        beijing.write({"country_id": self.spain.id, "phone": "912 345 678"})
        self.assertEqual(beijing.phone, "+34 912 34 56 78")
        # a number typed before the country is formatted once the country is known
        self.assertEqual(beijing.mobile, "+34 612 34 56 78")
        self.assertFalse(beijing.expo_phone_invalid)

    def test_contact_uses_parent_country(self):
        company = self.env["res.partner"].create(
            {"name": "Galería Sol", "is_company": True, "country_id": self.spain.id}
        )
        contact = self.env["res.partner"].create(
            {"name": "Ana", "parent_id": company.id, "mobile": "612345678"}
        )
        self.assertEqual(contact.mobile, "+34 612 34 56 78")

    def test_bad_phone_kept_and_flagged(self):
        partner = self.env["res.partner"].create(
            {"name": "Typo Gallery", "country_id": self.china.id, "phone": "12-34"}
        )
        self.assertEqual(partner.phone, "12-34", "an invalid number is never dropped")
        self.assertTrue(partner.expo_phone_invalid)
        flagged = self.env["res.partner"].search(
            [("expo_phone_invalid", "=", True), ("id", "=", partner.id)]
        )
        self.assertEqual(flagged, partner)
        partner.phone = "+86 138 0013 8000"
        self.assertFalse(partner.expo_phone_invalid)
        partner.phone = False
        self.assertFalse(partner.expo_phone_invalid)

    def test_import_normalizes_and_flags(self):
        result = self.env["res.partner"].load(
            ["name", "country_id/id", "phone"],
            [
                ["Imported Good", "base.cn", "13800138000"],
                ["Imported Bad", "base.cn", "555"],
            ],
        )
        self.assertFalse(result["messages"])
        good, bad = self.env["res.partner"].browse(result["ids"])
        self.assertEqual(good.phone, "+86 138 0013 8000")
        self.assertFalse(good.expo_phone_invalid)
        self.assertEqual(bad.phone, "555")
        self.assertTrue(bad.expo_phone_invalid)
