# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestBatchRun(TransactionCase):
    def _run(self, **values):
        return self.env["expo.batch.run"].create(
            {
                "job": "relationship_refresh",
                "state": "running",
                "target_ids": [3, 5, 8, 13, 21],
                "total_count": 5,
                **values,
            }
        )

    def test_batches_follow_the_cursor_to_the_end(self):
        run = self._run()
        self.assertEqual(run._next_batch_ids(2), ([3, 5], 3))
        run.write({"cursor": 5, "done_count": 2})
        self.assertEqual(run._next_batch_ids(2), ([8, 13], 1))
        run.write({"cursor": 13, "done_count": 4})
        self.assertEqual(run._next_batch_ids(2), ([21], 0))
        run.write({"cursor": 21, "done_count": 5})
        self.assertEqual(run._next_batch_ids(2), ([], 0))

    def test_the_cursor_wins_when_the_count_disagrees(self):
        # a count out of step with the cursor (edited by hand, say): the batch
        # still starts after the last partner done
        run = self._run(cursor=8, done_count=1)
        self.assertEqual(run._next_batch_ids(1), ([13], 1))
        self.assertEqual(run._next_batch_ids(5), ([13, 21], 0))

    def test_a_run_without_customers_has_no_batch(self):
        run = self._run(target_ids=[], total_count=0)
        self.assertEqual(run._next_batch_ids(3), ([], 0))
