# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import io

import openpyxl

from odoo.tests import tagged

from odoo.addons.expo_crm.tests.common import ExpoFloorCommon


@tagged("post_install", "-at_install")
class TestSpaceDrawXlsx(ExpoFloorCommon):
    def test_published_order_and_waiting_list(self):
        first = self._applicant(self.gallery, self.a5)
        self._applicant(self.studio, self.a5)
        draw = self._draw()
        draw.action_assign()
        content, report_type = self.env["ir.actions.report"]._render_xlsx(
            "expo_crm_segmentation.action_report_expo_space_draw_xlsx", draw.ids, {}
        )
        self.assertEqual(report_type, "xlsx")
        workbook = openpyxl.load_workbook(io.BytesIO(content))
        self.assertEqual(workbook.sheetnames, ["Order and Outcome", "Waiting List"])
        order = workbook["Order and Outcome"]
        self.assertEqual(order["A1"].value, draw.display_name)
        self.assertEqual(
            order["A2"].value,
            "Test Art Fair Next: 2 applicants, 1 served, 1 waiting",
        )
        self.assertEqual(
            [cell.value for cell in order[4]][:6],
            ["No.", "Exhibitor", "Priority Points", "Signed On", "Outcome", "Booths"],
        )
        self.assertTrue(order["A4"].font.bold)
        rows = list(order.iter_rows(min_row=5, values_only=True))
        self.assertEqual(rows[0][:2], (1, "Gallery Lumen"))
        self.assertEqual(rows[0][4:9], ("Booth Held", "A5", "Hall 1", 18, 1))
        self.assertEqual(rows[1][1], "Studio Ming")
        self.assertEqual(rows[1][4], "Waiting List")
        self.assertIn("went to no. 1", rows[1][9])
        waiting = list(workbook["Waiting List"].iter_rows(min_row=5, values_only=True))
        self.assertEqual([row[1] for row in waiting], ["Studio Ming"])
        self.assertEqual(self._line(draw, first).sequence, 1)
