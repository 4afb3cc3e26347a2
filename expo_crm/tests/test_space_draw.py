# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from datetime import date, timedelta
from unittest.mock import patch

from psycopg2 import errors

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import ExpoFloorCommon


@tagged("post_install", "-at_install")
class TestSpaceDraw(ExpoFloorCommon):
    def _corner_applicants(self):
        """The gallery (20 points) and the studio (10) both want the corner A5 first;
        the newcomer (0) wants it too, then 18 m² of hall 1."""
        gallery = self._applicant(self.gallery, self.a5, self.island)
        studio = self._applicant(self.studio, self.a5, {"hall_id": self.hall_2.id})
        newcomer = self._applicant(
            self.newcomer, self.a5, {"hall_id": self.hall_1.id, "min_area_sqm": 18}
        )
        return gallery, studio, newcomer

    def test_simulate_changes_no_booth(self):
        gallery, studio, newcomer = self._corner_applicants()
        draw = self._draw()
        draw.action_simulate()
        self.assertEqual(draw.state, "simulated")
        self.assertEqual(
            draw.line_ids.mapped("lead_id"), gallery | studio | newcomer, "in order"
        )
        self.assertEqual(draw.line_ids.mapped("sequence"), [1, 2, 3])
        self.assertEqual(set(draw.line_ids.mapped("state")), {"draft"})
        self.assertEqual(self._line(draw, gallery).booth_ids, self.a5)
        self.assertEqual(self._line(draw, studio).booth_ids, self.island)
        # no single booth of 18 m² left in hall 1: two adjacent ones joined
        self.assertEqual(self._line(draw, newcomer).booth_ids, self.a1 | self.a2)
        booths = self.a1 | self.a2 | self.a5 | self.island
        self.assertEqual(set(booths.mapped("expo_sale_state")), {"available"})
        self.assertFalse(gallery.expo_booth_ids)
        # simulating again gives the same lines
        draw.action_simulate()
        self.assertEqual(len(draw.line_ids), 3)

    def test_assign_holds_booths_and_explains(self):
        gallery, studio, newcomer = self._corner_applicants()
        self.env.company.expo_booth_hold_days = 10
        draw = self._draw()
        self.assertEqual(draw.hold_days, 10)
        draw.action_assign()
        self.assertEqual(draw.state, "assigned")
        self.assertEqual(draw.served_count, 3)
        until = fields.Date.context_today(draw) + timedelta(days=10)
        self.assertEqual(self.a5.expo_sale_state, "held")
        self.assertEqual(self.a5.expo_lead_id, gallery)
        self.assertEqual(self.a5.expo_hold_until, until)
        self.assertEqual(self.a5.expo_holder_id, self.gallery)
        self.assertEqual(self.a5.expo_draw_line_id, self._line(draw, gallery))
        self.assertEqual(gallery.expo_booth_ids, self.a5)
        self.assertEqual(newcomer.expo_booth_ids, self.a1 | self.a2)
        studio_line = self._line(draw, studio)
        self.assertEqual(studio_line.state, "assigned")
        self.assertEqual(studio_line.preference_rank, 2)
        self.assertEqual(studio_line.priority_points, 10.0)
        self.assertEqual(
            studio_line.reason,
            "Choice 1 (A5) went to no. 1 of the order. Choice 2 (Hall 2, any type): "
            "B1, the best free fit, 36 m².",
        )
        self.assertIn(
            "adjacent booths A1 + A2 joined", self._line(draw, newcomer).reason
        )
        self.assertIn("4 booths held for 3 applicants", draw.message_ids[0].body)

    def test_rerun_serves_only_new_applicants(self):
        gallery, studio, newcomer = self._corner_applicants()
        draw = self._draw()
        draw.action_assign()
        lines = draw.line_ids
        # a customer with more points applies late: it does not take what is held
        late = self._applicant(
            self.env["res.partner"].create({"name": "Late Major", "is_company": True}),
            self.a5,
            {"booth_type": "inline"},
        )
        self._participate(late.partner_id, self.edition_2023, state="attended")
        self._participate(late.partner_id, self.edition_2024, state="attended")
        self._participate(late.partner_id, self.edition_2025, state="attended")
        draw.action_assign()
        self.assertEqual(draw.line_ids - lines, self._line(draw, late))
        self.assertEqual(self._line(draw, late).sequence, 1, "30 points: first")
        self.assertEqual(self._line(draw, late).booth_ids, self.a3)
        self.assertEqual(self._line(draw, gallery).booth_ids, self.a5)
        self.assertEqual(self._line(draw, gallery).sequence, 2)
        self.assertIn("went to no. 2", self._line(draw, late).reason)
        self.assertEqual(len(self.a5.expo_draw_line_id), 1)
        # every booth is held once, for one line
        held = draw.line_ids.booth_ids
        self.assertEqual(len(held), len(draw.line_ids.mapped("booth_ids.id")))

    def test_waiting_list_and_ties(self):
        self.a5.expo_booth_type = "inline"
        # every applicant wants the island; equal points (none) broken by signing
        leads = [
            self._applicant(
                self.env["res.partner"].create({"name": name, "is_company": True}),
                self.island,
                expo_date_signed=signed,
            )
            for name, signed in (
                ("Signed Late", date(2026, 3, 2)),
                ("Signed Early", date(2026, 3, 1)),
                ("Not Signed", False),
            )
        ]
        draw = self._draw()
        draw.action_assign()
        late, early, unsigned = (self._line(draw, lead) for lead in leads)
        self.assertEqual(early.sequence, 1)
        self.assertEqual(early.booth_ids, self.island)
        self.assertEqual(late.sequence, 2)
        self.assertEqual(unsigned.sequence, 3)
        self.assertEqual((late | unsigned).mapped("state"), ["waiting", "waiting"])
        self.assertEqual(draw.waiting_count, 2)
        self.assertEqual(
            late.reason,
            "Choice 1 (B1) went to no. 1 of the order. No choice could be met: on "
            "the waiting list.",
        )
        # the waiting list offers a released booth to the first line it fits
        self.island.action_expo_release()
        self.assertEqual(early.state, "released")
        self.assertIn("Released on", early.reason)
        self.assertEqual(late.state, "offered")
        self.assertEqual(self.island.expo_lead_id, leads[0])
        self.assertEqual(self.island.expo_draw_line_id, late)
        self.assertIn("Offered from the waiting list", late.reason)
        activity = leads[0].activity_ids
        self.assertEqual(activity.summary, "Booth offered from the waiting list")
        self.assertEqual(activity.user_id, self.salesperson)
        self.assertEqual(unsigned.state, "waiting")

    def test_offer_skips_lines_it_does_not_fit(self):
        big = self._applicant(self.gallery, self.island)
        small = self._applicant(
            self.studio, self.island, {"min_area_sqm": 9, "booth_type": "island"}
        )
        (self.a1 | self.a2 | self.a3 | self.a4 | self.a5).unlink()
        draw = self._draw()
        draw.action_assign()
        self.assertEqual(self._line(draw, small).state, "waiting")
        other = self.env["event.booth"].create(
            {
                "name": "B2",
                "event_id": self.edition_next.id,
                "booth_category_id": self.booth_category.id,
                "expo_booth_type": "island",
                "expo_hall_id": self.hall_2.id,
                "state": "unavailable",
                "partner_id": self.collector.id,
            }
        )
        # released by hand: the small stand fits (an island of 9 m² or more)
        other.action_expo_release()
        self.assertEqual(self._line(draw, small).state, "offered")
        self.assertEqual(other.expo_lead_id, small)
        self.assertEqual(big.expo_booth_ids, self.island)

    def test_hold_expiry(self):
        gallery, studio, newcomer = self._corner_applicants()
        waiting = self._applicant(
            self.env["res.partner"].create({"name": "Corner Fan", "is_company": True}),
            self.a5,
        )
        draw = self._draw()
        draw.action_assign()
        self.assertEqual(self._line(draw, waiting).state, "waiting")
        self.a5.expo_hold_until = fields.Date.context_today(self.a5) - timedelta(days=1)
        released = self.env["event.booth"]._cron_expo_expire_holds()
        self.assertEqual(released, 1)
        self.assertEqual(self._line(draw, gallery).state, "released")
        self.assertIn("The hold ran out", self._line(draw, gallery).reason)
        expired = gallery.activity_ids
        self.assertEqual(expired.summary, "Booth hold expired")
        self.assertIn("A5", str(expired.note))
        self.assertEqual(self.a5.expo_lead_id, waiting, "offered to the waiting list")
        self.assertEqual(self._line(draw, waiting).state, "offered")
        # holds still running are kept
        self.assertEqual(studio.expo_booth_ids, self.island)

    def test_lost_opportunity_releases_its_hold(self):
        gallery, studio, newcomer = self._corner_applicants()
        draw = self._draw()
        draw.action_assign()
        gallery.action_set_lost()
        self.assertEqual(self.a5.expo_sale_state, "available")
        self.assertEqual(self._line(draw, gallery).state, "released")
        self.assertIn("The opportunity was lost", self._line(draw, gallery).reason)

    def test_held_booth_is_rented_to_its_customer_only(self):
        gallery = self._applicant(self.gallery, self.a5)
        self._draw().action_assign()
        with (
            self.assertRaisesRegex(ValidationError, "is held for"),
            self.cr.savepoint(),
        ):
            self.a5.write({"partner_id": self.studio.id, "state": "unavailable"})
        self.a5.invalidate_recordset()
        self.a5.write({"partner_id": self.gallery_contact.id, "state": "unavailable"})
        self.assertEqual(self.a5.expo_sale_state, "reserved")
        self.assertFalse(self.a5.expo_hold_until)
        self.assertEqual(gallery.expo_booth_ids, self.a5)

    def test_second_user_is_refused(self):
        self._corner_applicants()
        draw = self._draw()
        real_execute = type(self.env.cr).execute

        def locked(cr, query, *args, **kwargs):
            if "FOR UPDATE NOWAIT" in str(query):
                raise errors.LockNotAvailable("could not obtain lock")
            return real_execute(cr, query, *args, **kwargs)

        with patch.object(type(self.env.cr), "execute", locked):
            with self.assertRaisesRegex(UserError, "Another user is running"):
                draw.action_assign()
        self.assertFalse(draw.line_ids)

    def test_salesperson_cannot_draw(self):
        self._corner_applicants()
        draw = self._draw()
        draw.action_simulate()
        with self.assertRaises(AccessError):
            draw.with_user(self.salesperson).action_assign()
        # but reads the published order
        self.assertEqual(len(draw.with_user(self.salesperson).line_ids), 3)

    def test_simulate_refused_once_assigned(self):
        self._corner_applicants()
        draw = self._draw()
        draw.action_assign()
        with self.assertRaisesRegex(UserError, "waiting list is live"):
            draw.action_simulate()

    def test_roles_and_lost_opportunities(self):
        gallery, studio, newcomer = self._corner_applicants()
        studio.expo_role_id = self.role_sponsor
        newcomer.action_set_lost()
        draw = self._draw()
        draw.role_ids = self.role_exhibitor
        draw.action_simulate()
        self.assertEqual(draw.line_ids.lead_id, gallery)

    def test_printed_order(self):
        gallery, studio, newcomer = self._corner_applicants()
        draw = self._draw()
        draw.action_assign()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("expo_crm.report_expo_space_draw", draw.ids)[0]
            .decode()
        )
        self.assertIn("Gallery Lumen", html)
        self.assertIn("New Wave Gallery", html)
        self.assertIn("A1, A2", html)
        self.assertIn("B1, the best free fit", html)
