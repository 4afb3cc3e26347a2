# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
"""The batch chatter writes what Odoo's own tracking writes."""

from odoo.tests import tagged

from ..tools.tracking import log_tracked_changes
from .common import ExpoRelationshipCommon

COMPARED = (
    "field_id",
    "old_value_char",
    "new_value_char",
    "old_value_integer",
    "new_value_integer",
    "old_value_float",
    "new_value_float",
    "old_value_datetime",
    "new_value_datetime",
    "currency_id",
)


@tagged("post_install", "-at_install")
class TestBatchTracking(ExpoRelationshipCommon):
    def _tracked_relationship(self, partner):
        self._take_part(partner, self.edition_2025)
        relationship = self._relationship(partner)
        self.env.flush_all()
        self.env.cr.precommit.run()
        return relationship

    def _tracking(self, relationship):
        relationship.invalidate_recordset(["message_ids"])
        message = relationship.message_ids.filtered("tracking_value_ids")[:1]
        values = [
            {fname: value[fname] for fname in COMPARED}
            for value in message.tracking_value_ids.sorted(lambda v: v.field_id.name)
        ]
        return message, values

    def test_batch_log_matches_odoo_tracking(self):
        tracked_env = self.env(context=dict(self.env.context, tracking_disable=False))
        by_odoo = self._tracked_relationship(self.gallery).with_env(tracked_env)
        by_batch = self._tracked_relationship(self._new_customer("Batch Gallery"))
        new_values = {
            "lifecycle_stage": "weakening",
            "initial_cost": 1234.5,
        }
        # Odoo's tracking: a write, the message posted when the transaction commits
        by_odoo.write(new_values)
        self.env.flush_all()
        self.env.cr.precommit.run()
        # the batch: values written untracked, then logged in one batch
        old = {fname: by_batch[fname] for fname in new_values}
        by_batch.with_context(tracking_disable=True).write(new_values)
        log_tracked_changes([(by_batch.with_env(tracked_env), old)])
        odoo_message, odoo_values = self._tracking(by_odoo)
        batch_message, batch_values = self._tracking(by_batch)
        self.assertEqual(len(odoo_values), 2)
        self.assertEqual(batch_values, odoo_values)
        for fname in ("message_type", "subtype_id", "author_id", "body"):
            self.assertEqual(batch_message[fname], odoo_message[fname], fname)

    def test_nothing_logged_when_tracking_is_off(self):
        relationship = self._tracked_relationship(self.gallery)
        before = len(relationship.message_ids)
        old = {"lifecycle_stage": relationship.lifecycle_stage}
        relationship.write({"lifecycle_stage": "weakening"})
        log_tracked_changes([(relationship, old)])
        relationship.invalidate_recordset(["message_ids"])
        self.assertEqual(len(relationship.message_ids), before)
