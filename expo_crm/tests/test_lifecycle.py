# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from unittest.mock import patch

from freezegun import freeze_time

from .common import ExpoRelationshipCommon


class TestLifecycle(ExpoRelationshipCommon):
    def _assert_stage(self, stage, partner=None, series=None):
        relationship = self._relationship(partner, series)
        self.assertEqual(len(relationship), 1)
        self.assertEqual(relationship.lifecycle_stage, stage, relationship.stage_reason)
        return relationship

    def test_planned_only_is_cultivation(self):
        self._participate(self.gallery, self.edition_2025)
        relationship = self._assert_stage("cultivation")
        self.assertEqual(relationship.editions_attended, 0)
        self.assertFalse(relationship.first_event_id)
        self.assertEqual(self.gallery.expo_lifecycle_stage, "cultivation")

    def test_first_edition_is_confirmation(self):
        self._participate(self.gallery, self.edition_2025, state="confirmed")
        relationship = self._assert_stage("confirmation")
        self.assertEqual(relationship.first_event_id, self.edition_2025)
        self.assertEqual(relationship.last_event_id, self.edition_2025)
        self.assertEqual(relationship.editions_attended, 1)
        self.assertEqual(relationship.current_streak, 1)
        self.assertIn(self.edition_2025.name, relationship.stage_reason)

    def test_reason_in_the_readers_language(self):
        """The reason is written for whoever reads it: its sentences and the names of
        the series and editions it mentions follow the reader's language."""
        self.env["res.lang"]._activate_lang("fr_FR")
        self.edition_2025.with_context(lang="fr_FR").name = "Salon Cadence 2025"
        self._participate(self.gallery, self.edition_2025, state="confirmed")
        relationship = self._assert_stage("confirmation")
        self.assertEqual(
            relationship.stage_reason_data,
            [
                [
                    "confirmation",
                    {"count": 1, "needed": 2, "edition": self.edition_2025.id},
                ]
            ],
        )
        self.assertIn(self.edition_2025.name, relationship.stage_reason)
        french = relationship.with_context(lang="fr_FR").stage_reason
        self.assertIn("Salon Cadence 2025", french)
        self.assertNotIn(self.edition_2025.name, french)

    def test_first_booking_for_upcoming_edition_is_confirmation(self):
        self._participate(self.gallery, self.edition_upcoming, state="confirmed")
        relationship = self._assert_stage("confirmation")
        self.assertEqual(relationship.editions_attended, 1)
        self.assertEqual(relationship.current_streak, 0, "the latest edition is 2025")

    def test_two_editions_with_latest_is_trust(self):
        self._take_part(self.gallery, self.edition_2024)
        self._take_part(self.gallery, self.edition_2025)
        relationship = self._assert_stage("trust")
        self.assertEqual(relationship.editions_attended, 2)
        self.assertEqual(relationship.current_streak, 2)
        self.assertEqual(relationship.first_event_id, self.edition_2024)

    def test_streak_counts_back_from_latest_edition(self):
        self._take_part(self.gallery, self.edition_2023)
        self._take_part(self.gallery, self.edition_2025)
        relationship = self._assert_stage("trust")
        self.assertEqual(relationship.editions_attended, 2)
        self.assertEqual(relationship.current_streak, 1)

    def test_merged_confirmation_and_trust(self):
        self.company.expo_trust_min_editions = 1
        self._take_part(self.gallery, self.edition_2025)
        self._assert_stage("trust")

    def test_trust_threshold_is_a_setting(self):
        self.company.expo_trust_min_editions = 3
        self._take_part(self.gallery, self.edition_2024)
        self._take_part(self.gallery, self.edition_2025)
        self._assert_stage("confirmation")
        self._take_part(self.gallery, self.edition_2023)
        self._assert_stage("trust")

    def test_skipping_latest_edition_is_weakening(self):
        self._take_part(self.gallery, self.edition_2023)
        self._take_part(self.gallery, self.edition_2024)
        relationship = self._assert_stage("weakening")
        self.assertIn(self.edition_2025.name, relationship.stage_reason)
        self.assertEqual(relationship.current_streak, 0)

    def test_upcoming_edition_is_not_skipped(self):
        # the upcoming edition exists but has not started: the customer skipped nothing
        self._take_part(self.gallery, self.edition_2024)
        self._take_part(self.gallery, self.edition_2025)
        self._assert_stage("trust")

    def test_rebooking_after_skipping_latest_is_not_trust_yet(self):
        self._take_part(self.gallery, self.edition_2023)
        self._take_part(self.gallery, self.edition_2024)
        self._participate(self.gallery, self.edition_upcoming, state="confirmed")
        relationship = self._assert_stage("confirmation")
        self.assertEqual(relationship.editions_attended, 3)
        self.assertFalse(relationship.won_back)

    def test_one_time_customer_disappears(self):
        self._take_part(self.gallery, self.edition_2023)
        relationship = self._assert_stage("disappearance")
        self.assertIn(self.edition_2023.name, relationship.stage_reason)
        self.assertFalse(relationship.won_back)

    def test_disappearance_threshold_is_a_setting(self):
        self.company.expo_disappearance_missed_editions = 3
        self._take_part(self.gallery, self.edition_2023)
        self._assert_stage("weakening")

    def test_one_time_customer_over_time(self):
        """Confirmation, then weakening and disappearance as editions pass by
        without it; the scheduled refresh notices."""
        Relationship = self.env["expo.relationship"]
        with freeze_time("2023-06-01"):
            self._take_part(self.gallery, self.edition_2023)
            self._assert_stage("confirmation")
        with freeze_time("2024-06-01"):
            Relationship._cron_refresh_relationships()
            self._assert_stage("weakening")
        with freeze_time("2025-06-01"):
            Relationship._cron_refresh_relationships()
            self._assert_stage("disappearance")
        self.assertEqual(self.gallery.expo_lifecycle_stage, "disappearance")

    def test_lost_customer_returning_is_won_back(self):
        self._take_part(self.gallery, self.edition_2023)
        self._assert_stage("disappearance")
        self._participate(self.gallery, self.edition_upcoming, state="confirmed")
        relationship = self._assert_stage("confirmation")
        self.assertTrue(relationship.won_back)
        self.assertIn(self.edition_upcoming.name, relationship.stage_reason)
        # a customer that only skipped one edition was never lost
        self._take_part(self.collector, self.edition_2024)
        self._participate(self.collector, self.edition_upcoming, state="confirmed")
        self.assertFalse(self._relationship(self.collector).won_back)

    def test_space_cut_is_weakening(self):
        self._take_part(self.gallery, self.edition_2024, space_sqm=40)
        self._take_part(self.gallery, self.edition_2025, space_sqm=28)
        relationship = self._assert_stage("weakening")
        self.assertIn("30", relationship.stage_reason)
        self._take_part(self.collector, self.edition_2024, space_sqm=40)
        self._take_part(self.collector, self.edition_2025, space_sqm=29)
        self._assert_stage("trust", self.collector)

    def test_spend_cut_is_weakening(self):
        self._take_part(self.gallery, self.edition_2024, amount_invoiced=10000)
        participation = self._take_part(
            self.gallery, self.edition_2025, amount_invoiced=9000
        )
        self._assert_stage("trust")
        participation.amount_invoiced = 6500
        self._assert_stage("weakening")

    def test_drop_threshold_is_a_setting(self):
        self.company.expo_weakening_drop_percent = 50
        self._take_part(self.gallery, self.edition_2024, space_sqm=40)
        self._take_part(self.gallery, self.edition_2025, space_sqm=28)
        self._assert_stage("trust")

    def test_detractor_is_weakening(self):
        self._take_part(self.gallery, self.edition_2024, nps_score="3")
        participation = self._take_part(self.gallery, self.edition_2025)
        self._assert_stage("trust", self.gallery)
        participation.nps_score = "6"
        relationship = self._assert_stage("weakening")
        self.assertIn("detractor", relationship.stage_reason)
        participation.nps_score = "9"
        self._assert_stage("trust")

    def test_detractor_rule_can_be_switched_off(self):
        self.company.expo_weakening_on_detractor = False
        self._take_part(self.gallery, self.edition_2024)
        self._take_part(self.gallery, self.edition_2025, nps_score="2")
        self._assert_stage("trust")

    def test_cancelled_or_deleted_participation_back_to_cultivation(self):
        participation = self._take_part(self.gallery, self.edition_2025)
        self._assert_stage("confirmation")
        participation.state = "cancelled"
        self._assert_stage("cultivation")
        participation.unlink()
        self._assert_stage("cultivation")
        self.assertEqual(self.gallery.expo_lifecycle_stage, "cultivation")

    def test_stage_change_tracked_and_posted_on_partner(self):
        env = self.env(context=dict(self.env.context, tracking_disable=False))
        participation = self._take_part(self.gallery, self.edition_2024).with_env(env)
        self._take_part(self.gallery, self.edition_2025)
        relationship = self._assert_stage("trust")
        self.env.flush_all()
        self.env.cr.precommit.run()
        participation.with_env(env).write({"state": "cancelled"})
        self.env.flush_all()
        self.env.cr.precommit.run()
        relationship = self._assert_stage("confirmation")
        relationship.invalidate_recordset(["message_ids"])
        self.gallery.invalidate_recordset(["message_ids"])
        tracked = relationship.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "lifecycle_stage"
        )
        # the change made with tracking on, logged once, in a note
        self.assertEqual(
            [(value.old_value_char, value.new_value_char) for value in tracked],
            [("Trust", "Confirmation")],
        )
        self.assertEqual(
            tracked.mail_message_id.subtype_id, self.env.ref("mail.mt_note")
        )
        note = self.gallery.message_ids[:1]
        self.assertIn("Trust", note.body)
        self.assertIn("Confirmation", note.body)
        self.assertIn(relationship.stage_reason, note.body)

    def test_first_stage_is_not_a_change(self):
        """A customer's chatter logs how its relationships change, not the first
        stage of a new one (the first refresh of a history would write one note per
        customer)."""
        env = self.env(context=dict(self.env.context, tracking_disable=False))
        self._take_part(self.gallery, self.edition_2025).with_env(env)
        self._assert_stage("confirmation")
        self.env.flush_all()
        self.gallery.invalidate_recordset(["message_ids"])
        self.assertFalse(
            self.gallery.message_ids.filtered(
                lambda message: "lifecycle stage changed" in (message.body or "")
            )
        )

    def test_new_relationship_holds_what_create_would_store(self):
        """Relationships are created in bulk by the refresh: their company,
        salesperson, profit, defaults and log columns are those ``create`` would
        store, and a computed field depending on them sees them."""
        salesperson = self.env["res.users"].search([], limit=1)
        self.gallery.user_id = salesperson
        self._take_part(self.gallery, self.edition_2025, amount_invoiced=1200.0)
        relationship = self._relationship()
        self.env.invalidate_all()
        self.assertEqual(relationship.company_id, self.series.company_id)
        self.assertEqual(relationship.user_id, salesperson)
        self.assertEqual(relationship.economic_value, 1200.0)
        self.assertEqual(relationship.relationship_profit, 1200.0)
        self.assertEqual(relationship.create_uid, self.env.user)
        self.assertTrue(relationship.create_date)
        self.assertTrue(relationship.date_stage)
        self.assertEqual(relationship.priority_rank, 1)
        self.assertEqual(
            self.gallery.expo_relationship_ids, relationship, "found by the partner"
        )
        relationship.maintenance_cost = 200.0
        self.assertEqual(relationship.relationship_profit, 1000.0)

    def test_relationship_found_by_customer_or_series(self):
        self._take_part(self.gallery, self.edition_2025)
        relationship = self._relationship()
        Relationship = self.env["expo.relationship"]
        for typed in (self.gallery.name, self.series.name):
            found = [rid for rid, _name in Relationship.name_search(typed, limit=None)]
            self.assertIn(relationship.id, found)
        self.assertNotIn(
            relationship.id,
            [rid for rid, _name in Relationship.name_search(self.other_series.name)],
        )

    def test_partner_stage_is_the_most_recently_active_relationship(self):
        # trusted at the art fair up to 2025, new at the design week in 2024
        self._take_part(self.gallery, self.edition_2024)
        self._take_part(self.gallery, self.edition_2025)
        self._take_part(self.gallery, self.other_edition)
        self._assert_stage("confirmation", series=self.other_series)
        self.assertEqual(self.gallery.expo_lifecycle_stage, "trust")
        self.assertEqual(self.gallery.expo_relationship_count, 2)
        # lost by the art fair after 2023, new at the design week in 2024
        self._take_part(self.collector, self.edition_2023)
        self._take_part(self.collector, self.other_edition)
        self._assert_stage("disappearance", self.collector)
        self.assertEqual(self.collector.expo_lifecycle_stage, "confirmation")

    def test_relationship_per_commercial_partner(self):
        self._take_part(
            self.gallery, self.edition_2025, contact_id=self.gallery_contact.id
        )
        self.assertFalse(
            self.env["expo.relationship"].search(
                [("partner_id", "=", self.gallery_contact.id)]
            )
        )
        self.env["expo.relationship"]._refresh_for_partners(self.gallery_contact)
        self.assertEqual(len(self.gallery.expo_relationship_ids), 1)

    def test_refresh_once_per_batch_and_only_for_relevant_fields(self):
        Relationship = self.env.registry["expo.relationship"]
        refresh = Relationship._refresh_for_partners
        with patch.object(
            Relationship, "_refresh_for_partners", autospec=True, side_effect=refresh
        ) as spy:
            studio = self._new_customer("Studio Batch")
            participations = self.env["expo.participation"].create(
                [
                    {
                        "partner_id": partner.id,
                        "event_id": self.edition_2025.id,
                        "role_id": self.role_exhibitor.id,
                        "state": "confirmed",
                    }
                    for partner in (self.gallery, self.collector, studio)
                ]
            )
            self.assertEqual(spy.call_count, 1)
            self.assertEqual(
                spy.call_args.args[1], self.gallery | self.collector | studio
            )
            participations.write({"notes": "<p>Corner booth wanted</p>"})
            self.assertEqual(spy.call_count, 1, "notes change no relationship")
            participations.write({"space_sqm": 12})
            self.assertEqual(spy.call_count, 2)
            participations.unlink()
            self.assertEqual(spy.call_count, 3)
        self._assert_stage("cultivation", studio)

    def test_new_rules_schedule_a_refresh(self):
        cron = self.env.ref("expo_crm.ir_cron_expo_relationship_refresh")
        Trigger = self.env["ir.cron.trigger"]
        triggers = Trigger.search([("cron_id", "=", cron.id)])
        self.company.expo_refresh_batch_size = 50
        self.company.expo_trust_min_editions = 2  # unchanged
        self.assertEqual(Trigger.search([("cron_id", "=", cron.id)]), triggers)
        settings = self.env["res.config.settings"].create(
            {"expo_disappearance_missed_editions": 4}
        )
        settings.execute()
        self.assertEqual(self.company.expo_disappearance_missed_editions, 4)
        self.assertGreater(Trigger.search([("cron_id", "=", cron.id)]), triggers)

    def test_cron_matches_direct_refresh(self):
        customers = self.gallery | self.collector
        customers |= self._new_customer("Studio A") | self._new_customer("Studio B")
        for customer, events in zip(
            customers,
            (
                self.editions,
                self.edition_2023,
                self.edition_2024 | self.edition_2025,
                self.edition_2025,
            ),
            strict=True,
        ):
            for event in events:
                self._take_part(customer, event, space_sqm=20)
        # new rules: relationships are stale until refreshed
        self.company.expo_trust_min_editions = 3
        self.series.points_per_edition = 100
        relationships = self.env["expo.relationship"].search(
            [("partner_id", "in", customers.ids)], order="id"
        )
        self.assertEqual(
            relationships.mapped("lifecycle_stage"),
            ["trust", "disappearance", "trust", "confirmation"],
        )
        # one batch per call, one customer per batch, every customer of the
        # database; the settings written above asked for the run
        targets = self.env["expo.relationship"]._refresh_target_ids()
        self.assertEqual(self._run_refresh_job(batch_size=1), len(targets))
        run = self.env["expo.batch.run"]._last_done("relationship_refresh")
        self.assertEqual(
            (run.state, run.total_count, run.done_count, run.batch_count),
            ("done", len(targets), len(targets), len(targets)),
        )
        fields_to_compare = [
            "lifecycle_stage",
            "stage_reason",
            "priority_points",
            "priority_rank",
            "economic_value",
        ]
        after_cron = relationships.read(fields_to_compare)
        self.assertEqual(
            relationships.mapped("lifecycle_stage"),
            ["trust", "disappearance", "confirmation", "confirmation"],
        )
        self.env["expo.relationship"]._refresh_for_partners(customers)
        self.assertEqual(relationships.read(fields_to_compare), after_cron)
