# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

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

    2023: 3 participants, all new; rebooked 1 of 3 (P1).
    2024: P1 returning, P3 new, P2 and P5 lost; retention 1/3, rebooking 1/2.
    2025: P1 returning, P2 won back, P4 new, P3 lost; retention 1/2; no next
    edition. Invoiced 2500 against 1300 the year before (P1 1000 + P3 300).
    A visitor V1 came in 2024 and 2025.
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
        self.assertAlmostEqual(rebooking, 100 / 3)

    def test_second_edition(self):
        figures = self._figures(self.edition_2024)
        self.assertEqual(figures[:5], (2, 1, 1, 0, 2))
        self.assertAlmostEqual(figures[5], 100 / 3)
        self.assertAlmostEqual(figures[6], 50)
        self.assertEqual(figures[7], 29)
        self.assertEqual(figures[8:], (1300, 2000, -700))

    def test_third_edition(self):
        figures = self._figures(self.edition_2025)
        self.assertEqual(figures[:5], (3, 1, 1, 1, 1))
        self.assertAlmostEqual(figures[5], 50)
        self.assertFalse(figures[6])  # no next edition yet
        self.assertEqual(figures[7], 50)
        self.assertEqual(figures[8:], (2500, 1300, 1200))
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

    def test_cohort_matrix(self):
        matrix = {
            (cohort.name, edition.name): count
            for cohort, edition, count in self.Report._read_group(
                [
                    ("series_id", "=", self.series.id),
                    ("role_id", "=", self.role_exhibitor.id),
                    ("participant_count", "=", 1),
                ],
                ["first_event_id", "event_id"],
                ["__count"],
            )
        }
        name = self.series.name
        self.assertEqual(
            matrix,
            {
                (f"{name} 2023", f"{name} 2023"): 3,
                (f"{name} 2023", f"{name} 2024"): 1,
                (f"{name} 2023", f"{name} 2025"): 2,
                (f"{name} 2024", f"{name} 2024"): 1,
                (f"{name} 2025", f"{name} 2025"): 1,
            },
        )

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
        rows = [[cell.value for cell in row] for row in summary.iter_rows(min_row=4)]
        exhibitors, visitors, total = rows
        self.assertEqual(exhibitors[:6], ["Exhibitor", 3, 1, 1, 1, 1])
        self.assertEqual(exhibitors[6], 50)
        self.assertEqual(exhibitors[10:13], [2500, 1300, 1200 * 100 / 1300])
        self.assertEqual(visitors[:6], ["Visitor", 1, 0, 1, 0, 0])
        self.assertEqual(total[:6], ["Total", 4, 1, 2, 1, 1])
        sheet = workbook["Exhibitor"]
        lines = {
            row[0]: row
            for row in sheet.iter_rows(min_row=2, max_row=5, values_only=True)
        }
        self.assertEqual(lines["Retention Exhibitor 2"][1], "Won Back")
        self.assertEqual(lines["Retention Exhibitor 3"][1], "Lost")
        self.assertEqual(lines["Retention Exhibitor 3"][7], 300)
        self.assertEqual(lines["Retention Exhibitor 4"][1], "New")
        self.assertEqual(lines["Retention Exhibitor 1"][1:2], ("Returning",))
        totals = [cell.value for cell in sheet[6]]
        self.assertEqual(totals[0], "Total: 3 participants, 1 lost")
        self.assertEqual(totals[4:9], [50, 29, 2500, 1300, 1200])

    def test_segment_xlsx(self):
        self.engine._recompute_partners(self.company, self.p1 | self.p2 | self.p4)
        partners = (self.p1 | self.p2 | self.p4).sorted("name")
        partners.write({"expo_economic_value": 100})
        self.p1.expo_value_tier = "strategic"
        self.p2.expo_value_tier = False
        workbook = self._render(
            "expo_crm_segmentation.action_report_expo_segment_xlsx", partners
        )
        self.assertEqual(workbook.sheetnames, ["Segments", "By Value Tier"])
        sheet = workbook["Segments"]
        header = [cell.value for cell in sheet[1]]
        self.assertEqual(
            header[:4], ["Customer", "Value Tier", "Pareto Class", "RFM Cell"]
        )
        self.assertTrue(sheet["A1"].font.bold)
        self.assertEqual(sheet["A2"].value, "Retention Exhibitor 1")
        self.assertEqual(sheet["B2"].value, "Strategic")
        self.assertEqual(sheet["B3"].value, "Unknown")
        self.assertEqual(sheet["D2"].value, self.p1.expo_rfm_cell)
        self.assertEqual(sheet["A5"].value, "Total: 3")
        self.assertEqual(sheet.cell(row=5, column=len(header)).value, 300)
        tiers = {
            row[0]: row[1:]
            for row in workbook["By Value Tier"].iter_rows(min_row=2, values_only=True)
        }
        self.assertEqual(tiers["Strategic"], (1, 100))
        self.assertEqual(tiers["Unknown"], (1, 100))
        self.assertEqual(tiers["Total"], (3, 300))
