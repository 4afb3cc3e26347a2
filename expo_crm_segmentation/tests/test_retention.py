# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io
from datetime import datetime, timedelta

import openpyxl

from odoo.tests import tagged

from .common import SegmentationCommon


class RetentionCommon(SegmentationCommon):
    """Three editions, by hand:

    ======== =========== =========== ===========
    exhibitor   2023        2024        2025
    ======== =========== =========== ===========
    P1       1000, 20 m² 1000, 20 m² 1200, 24 m²
    P2       600, 12 m²  -           800, 16 m²
    P3       -           300, 9 m²   -
    P4       -           -           500, 10 m²
    P5       400, 8 m²   -           cancelled
    ======== =========== =========== ===========

    2023: 3 participants, all new.
    2024: P1 returning, P3 new, P2 and P5 lost; retention 1/3.
    2025: P1 returning, P2 won back, P4 new, P3 lost; retention 1/2. Invoiced
    2500 against 1300 the year before (P1 1000 + P3 300).
    A visitor V1 came in 2024 and 2025. The editions are held; the upcoming one
    of the tests that need it has P1 booked so far.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.p1, cls.p2, cls.p3, cls.p4, cls.p5 = (
            cls._customer(f"Retention Exhibitor {index}") for index in range(1, 6)
        )
        cls.v1 = cls._customer("Retention Visitor")
        e23, e24, e25 = cls.editions
        table = [
            (cls.p1, e23, 1000, 20),
            (cls.p1, e24, 1000, 20),
            (cls.p1, e25, 1200, 24),
            (cls.p2, e23, 600, 12),
            (cls.p2, e25, 800, 16),
            (cls.p3, e24, 300, 9),
            (cls.p4, e25, 500, 10),
            (cls.p5, e23, 400, 8),
        ]
        for partner, edition, amount, space in table:
            cls._take_part(partner, edition, amount_invoiced=amount, space_sqm=space)
        cls._take_part(cls.p5, e25, state="cancelled", amount_invoiced=999)
        for edition in (e24, e25):
            cls._take_part(cls.v1, edition, role=cls.role_visitor)
        cls.env.flush_all()
        cls.Report = cls.env["expo.retention.report"]

    @classmethod
    def _upcoming_edition(cls):
        start = datetime.now().replace(microsecond=0) + timedelta(days=120)
        return cls.env["event.event"].create(
            {
                "name": f"{cls.series.name} Next",
                "expo_series_id": cls.series.id,
                "date_begin": start,
                "date_end": start + timedelta(days=3),
            }
        )

    def _figures(self, edition, role=None):
        [row] = self.Report._read_group(
            [
                ("event_id", "=", edition.id),
                ("role_id", "=", (role or self.role_exhibitor).id),
            ],
            [],
            [
                "participant_count:sum",
                "new_count:sum",
                "returning_count:sum",
                "won_back_count:sum",
                "lost_count:sum",
                "retention_rate:avg",
                "rebooking_rate:avg",
                "space_sqm:sum",
                "new_rate:avg",
                "not_rebooked_count:sum",
                "amount_invoiced:sum",
                "amount_invoiced_previous:sum",
                "amount_invoiced_change:sum",
            ],
        )
        return row


@tagged("post_install", "-at_install")
class TestRetention(RetentionCommon):
    def test_first_edition(self):
        participants, new, returning, won_back, lost, retention, rebooking, *_x = (
            self._figures(self.edition_2023)
        )
        self.assertEqual(
            (participants, new, returning, won_back, lost), (3, 3, 0, 0, 0)
        )
        self.assertFalse(retention)  # no previous edition
        self.assertFalse(rebooking, "held: a rebooking rate is for upcoming ones")

    def test_second_edition(self):
        figures = self._figures(self.edition_2024)
        self.assertEqual(figures[:5], (2, 1, 1, 0, 2))
        self.assertAlmostEqual(figures[5], 100 / 3)
        self.assertFalse(figures[6])
        self.assertEqual(figures[7], 29)
        self.assertAlmostEqual(figures[8], 50, msg="new rate: P3 of P1, P3")
        self.assertEqual(figures[9], 0)
        self.assertEqual(figures[10:], (1300, 2000, -700))

    def test_third_edition(self):
        figures = self._figures(self.edition_2025)
        self.assertEqual(figures[:5], (3, 1, 1, 1, 1))
        self.assertAlmostEqual(figures[5], 50)
        self.assertFalse(figures[6])
        self.assertEqual(figures[7], 50)
        self.assertAlmostEqual(figures[8], 100 / 3)
        self.assertEqual(figures[10:], (2500, 1300, 1200))
        lost = self.Report.search(
            [("event_id", "=", self.edition_2025.id), ("lost_count", "=", 1)]
        )
        self.assertEqual(lost.partner_id, self.p3)
        self.assertEqual(lost.previous_event_id, self.edition_2024)
        won_back = self.Report.search(
            [("event_id", "=", self.edition_2025.id), ("won_back_count", "=", 1)]
        )
        self.assertEqual(won_back.partner_id, self.p2)

    def test_by_role(self):
        figures = self._figures(self.edition_2025, self.role_visitor)
        self.assertEqual(figures[:5], (1, 0, 1, 0, 0))
        self.assertEqual(figures[5], 100)

    def test_upcoming_edition_counts_rebookings_not_losses(self):
        """Until an edition is held, the previous edition's customers missing from
        it are not rebooked yet, not lost: the rebooking rate says how many of them
        are booked so far, and there is no retention rate yet."""
        upcoming = self._upcoming_edition()
        self._take_part(self.p1, upcoming, state="confirmed", space_sqm=30)
        self.env.flush_all()
        figures = self._figures(upcoming)
        self.assertEqual(figures[:5], (1, 0, 1, 0, 0), "no one lost")
        self.assertFalse(figures[5], "no retention rate before the edition")
        self.assertAlmostEqual(figures[6], 100 / 3, msg="P1 of P1, P2, P4")
        self.assertEqual(figures[9], 2, "P2 and P4 not rebooked yet")
        rows = self.Report.search(
            [("event_id", "=", upcoming.id), ("role_id", "=", self.role_exhibitor.id)]
        )
        self.assertEqual(set(rows.mapped("held")), {False})
        self.assertEqual(
            rows.filtered(lambda row: row.status == "not_rebooked").partner_id,
            self.p2 | self.p4,
        )
        held = self.Report.search([("event_id", "=", self.edition_2025.id)])
        self.assertEqual(set(held.mapped("held")), {True})

    def test_net_space_paid_and_unpaid(self):
        """The contracted space splits into paid and unpaid in the share of its
        invoiced amount that is paid."""
        participation = self.p1.expo_participation_ids.filtered(
            lambda part: part.event_id == self.edition_2025
        )
        participation.sudo().amount_paid = 300  # a quarter of 1200
        self.env.flush_all()
        [[contracted, paid, unpaid]] = self.Report._read_group(
            [("event_id", "=", self.edition_2025.id), ("partner_id", "=", self.p1.id)],
            [],
            ["space_sqm:sum", "space_sqm_paid:sum", "space_sqm_unpaid:sum"],
        )
        self.assertEqual((contracted, paid, unpaid), (24, 6, 18))
        [[paid]] = self.Report._read_group(
            [("event_id", "=", self.edition_2025.id), ("partner_id", "=", self.p4.id)],
            [],
            ["space_sqm_paid:sum"],
        )
        self.assertEqual(paid, 0, "invoiced, not paid")

    def test_statuses_in_their_order(self):
        statuses = [
            status
            for [status] in self.Report._read_group(
                [("series_id", "=", self.series.id)], ["status"]
            )
        ]
        self.assertEqual(statuses, ["new", "returning", "won_back", "lost"])

    def test_cohort_matrix(self):
        """Each cohort (first edition in a role) beside every later edition: the
        participants and their share of the cohort, at every level."""
        Cohort = self.env["expo.retention.cohort.report"]
        domain = [
            ("series_id", "=", self.series.id),
            ("role_id", "=", self.role_exhibitor.id),
        ]
        matrix = {
            (cohort.name[-4:], edition.name[-4:]): (count, round(share, 2))
            for cohort, edition, count, share in Cohort._read_group(
                domain,
                ["first_event_id", "event_id"],
                ["participant_count:sum", "cohort_share:avg"],
            )
        }
        self.assertEqual(
            matrix,
            {
                ("2023", "2023"): (3, 100.0),
                ("2023", "2024"): (1, 33.33),
                ("2023", "2025"): (2, 66.67),
                ("2024", "2024"): (1, 100.0),
                ("2024", "2025"): (0, 0.0),
                ("2025", "2025"): (1, 100.0),
            },
        )
        # across the cohorts of 2023 and 2024: P1 and P2 of P1, P2, P5, P3 in 2025
        [[share]] = Cohort._read_group(
            [
                *domain,
                ("event_id", "=", self.edition_2025.id),
                ("first_event_id", "!=", self.edition_2025.id),
            ],
            [],
            ["cohort_share:avg"],
        )
        self.assertEqual(share, 50.0)

    def test_by_segment(self):
        self.p1.expo_value_tier = "strategic"
        self.env.flush_all()
        [[count]] = self.Report._read_group(
            [("event_id", "=", self.edition_2025.id), ("value_tier", "=", "strategic")],
            [],
            ["participant_count:sum"],
        )
        self.assertEqual(count, 1)


@tagged("post_install", "-at_install")
class TestRetentionXlsx(RetentionCommon):
    def _render(self, xmlid, records):
        content, report_type = self.env["ir.actions.report"]._render_xlsx(
            xmlid, records.ids, {}
        )
        self.assertEqual(report_type, "xlsx")
        return openpyxl.load_workbook(io.BytesIO(content))

    def test_retention_xlsx(self):
        workbook = self._render(
            "expo_crm_segmentation.action_report_expo_retention_xlsx", self.edition_2025
        )
        self.assertEqual(workbook.sheetnames, ["Summary", "Exhibitor", "Visitor"])
        summary = workbook["Summary"]
        self.assertEqual(summary["A3"].value, "Role")
        self.assertTrue(summary["A3"].font.bold)
        header = [cell.value for cell in summary[3]]
        rows = [[cell.value for cell in row] for row in summary.iter_rows(min_row=4)]
        exhibitors, visitors, total = (
            dict(zip(header, row, strict=False)) for row in rows
        )
        self.assertEqual(
            [exhibitors[key] for key in ("Role", "Participants", "New", "Returning")],
            ["Exhibitor", 3, 1, 1],
        )
        self.assertEqual((exhibitors["Won Back"], exhibitors["Lost"]), (1, 1))
        # percentages as spreadsheets hold them, shown as 50.0 %
        self.assertEqual(exhibitors["Retention Rate"], 0.5)
        self.assertEqual(exhibitors["New Rate"], 0.3333)
        self.assertIsNone(exhibitors["Rebooking Rate"], "held: no rebooking rate")
        self.assertEqual(exhibitors["Invoiced Change"], 0.9231)
        cell = summary.cell(row=4, column=header.index("Retention Rate") + 1)
        self.assertEqual(cell.number_format, "0.0%")
        self.assertEqual(
            [exhibitors[key] for key in ("Invoiced", "Invoiced Previous")],
            [2500, 1300],
        )
        self.assertEqual(exhibitors["Net m² Contracted"], 50)
        self.assertEqual(
            [visitors[key] for key in ("Role", "Participants", "Returning")],
            ["Visitor", 1, 1],
        )
        self.assertEqual([total["Participants"], total["Lost"]], [4, 1])
        sheet = workbook["Exhibitor"]
        lines = {
            row[0]: row
            for row in sheet.iter_rows(min_row=2, max_row=5, values_only=True)
        }
        self.assertEqual(lines["Retention Exhibitor 2"][1], "Won Back")
        self.assertEqual(lines["Retention Exhibitor 3"][1], "Lost")
        self.assertEqual(lines["Retention Exhibitor 3"][8], 300, "invoiced before")
        self.assertEqual(lines["Retention Exhibitor 4"][1], "New")
        self.assertEqual(lines["Retention Exhibitor 1"][1:2], ("Returning",))
        totals = [cell.value for cell in sheet[6]]
        self.assertEqual(totals[0], "Total: 3 participants, 1 lost, 0 not rebooked yet")
        self.assertEqual(totals[4], 50)
        self.assertEqual(totals[6:10], [29, 2500, 1300, 1200])

    def test_xlsx_file_names(self):
        """A list of customers downloads as "Customer Segments.xlsx", not under
        the name of the print menu entry."""
        segments = self.env.ref("expo_crm_segmentation.action_report_expo_segment_xlsx")
        self.assertEqual(segments.name, "Customer Segments")
        retention = self.env.ref(
            "expo_crm_segmentation.action_report_expo_retention_xlsx"
        )
        self.assertNotIn("XLSX", retention.name)

    def test_segment_xlsx(self):
        self.engine._recompute_partners(self.company, self.p1 | self.p2 | self.p4)
        partners = (self.p1 | self.p2 | self.p4).sorted("name")
        partners.write({"expo_economic_value": 100})
        self.p1.expo_value_tier = "strategic"
        self.p2.expo_value_tier = False
        self.p1.write({"email": "p1@example.com", "user_id": self.env.user.id})
        workbook = self._render(
            "expo_crm_segmentation.action_report_expo_segment_xlsx", partners
        )
        self.assertEqual(workbook.sheetnames, ["Segments", "By Value Tier"])
        sheet = workbook["Segments"]
        header = [cell.value for cell in sheet[1]]
        self.assertEqual(
            header[:7],
            [
                "Customer",
                "Email",
                "Phone",
                "Salesperson",
                "Value Tier",
                "Pareto Class",
                "RFM Cell",
            ],
        )
        self.assertTrue(sheet["A1"].font.bold)
        self.assertEqual(sheet["A2"].value, "Retention Exhibitor 1")
        self.assertEqual(sheet["B2"].value, "p1@example.com")
        self.assertEqual(sheet["D2"].value, self.env.user.name)
        self.assertEqual(sheet["E2"].value, "Strategic")
        self.assertEqual(sheet["E3"].value, "Unknown")
        self.assertEqual(sheet["G2"].value, self.p1.expo_rfm_cell)
        self.assertEqual(sheet["A5"].value, "Total: 3")
        self.assertEqual(sheet.cell(row=5, column=len(header)).value, 300)
        tiers = {
            row[0]: row[1:]
            for row in workbook["By Value Tier"].iter_rows(min_row=2, values_only=True)
        }
        self.assertEqual(tiers["Strategic"], (1, 100))
        self.assertEqual(tiers["Unknown"], (1, 100))
        self.assertEqual(tiers["Total"], (3, 300))
