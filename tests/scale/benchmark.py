"""Measure the addons on a generated organizer, beside hand-written SQL.

Each ``bench_*`` function returns a dict of figures; ``run`` runs them all and
returns ``{"machine": ..., "data": ..., "results": [...]}``. A figure that differs
from its SQL baseline raises ``FigureMismatch``: a fast wrong answer is no answer.
"""

import functools
import os
import platform
import random
import resource
import time
from contextlib import contextmanager
from datetime import timedelta

from odoo import fields
from odoo.tools import SQL, float_compare

from . import baselines
from .bench_draw import bench_draw

# steps that recompute everything, rewriting most relationships and partners
FULL_STEPS = ("full", "full_again")
# what they rewrite, vacuumed before the next steps (see ``Benchmark.settle``)
SETTLE_TABLES = (
    "expo_relationship",
    "res_partner",
    "mail_message",
    "mail_tracking_value",
)


class FigureMismatch(AssertionError):
    """The addons and the SQL baseline disagree."""


@contextmanager
def timing_method(model, name):
    """Time the outermost calls of ``model``'s method ``name`` made inside the
    block: yields a dict whose ``seconds`` add them up. Pending writes are
    flushed before each call starts: they belong to the caller."""
    cls = type(model)
    own = cls.__dict__.get(name)
    original = getattr(cls, name)
    spent = {"seconds": 0.0, "depth": 0}

    @functools.wraps(original)
    def timed(records, *args, **kwargs):
        if not spent["depth"]:
            records.env.flush_all()
        spent["depth"] += 1
        start = time.perf_counter()
        try:
            return original(records, *args, **kwargs)
        finally:
            spent["depth"] -= 1
            if not spent["depth"]:
                spent["seconds"] += time.perf_counter() - start

    setattr(cls, name, timed)
    try:
        yield spent
    finally:
        if own is None:
            delattr(cls, name)
        else:
            setattr(cls, name, own)


def _log(message):
    print(f"[bench] {message}", flush=True)


def _peak_rss_mb():
    # ru_maxrss is in kilobytes on Linux
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _rss_mb():
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    return round(pages * os.sysconf("SC_PAGE_SIZE") / 2**20, 1)


class Timer:
    def __enter__(self):
        self.start = time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.seconds = time.perf_counter() - self.start


def best_of(repeat, function, before=None):
    """(fastest of ``repeat`` timed calls of ``function``, the last call's result);
    ``before`` runs untimed before each call."""
    best = result = None
    for _attempt in range(repeat):
        if before:
            before()
        with Timer() as timer:
            result = function()
        best = timer.seconds if best is None else min(best, timer.seconds)
    return best, result


def machine():
    with open("/proc/meminfo") as meminfo:
        mem_kb = int(meminfo.readline().split()[1])
    cpu = platform.processor()
    with open("/proc/cpuinfo") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "cores": os.cpu_count(),
        "ram_gb": round(mem_kb / 2**20, 1),
        "cpu": cpu,
        "python": platform.python_version(),
    }


def data_counts(env):
    cr = env.cr
    counts = {}
    for table in (
        "res_partner",
        "expo_series",
        "event_event",
        "expo_participation",
        "expo_relationship",
        "survey_user_input",
        "account_move_line",
    ):
        cr.execute(f"SELECT count(*) FROM {table}")
        counts[table] = cr.fetchone()[0]
    return counts


class Benchmark:
    def __init__(self, env, commit=False, settle=None):
        """:param settle: called (outside the timings) once the full runs have
        rewritten most relationships and partners, to vacuum them as autovacuum
        would soon after: otherwise autovacuum may run during the steps that
        follow, and their figures depend on when it does."""
        self.env = env
        self.commit = commit
        self.settle = settle
        self.company = env.company

    def _commit(self):
        if self.commit:
            self.env.cr.commit()  # pylint: disable=invalid-commit

    # ------------------------------------------------------------------
    # 1. full recompute
    # ------------------------------------------------------------------
    def bench_full_recompute(self):
        """Lifecycle of every relationship, then a full segmentation run, the way
        the scheduled jobs do them (batches, commit per batch): the first one on a
        generated database creates every relationship."""
        return dict(
            self._full_run("1. first full computation"),
            name="full lifecycle + segmentation recompute",
        )

    def bench_full_again(self):
        """The full recompute an organizer runs after changing a rule: trust now
        takes one more edition and the Pareto A class a smaller share, so stages,
        reasons, priority and segments change for many customers while the
        relationships exist already."""
        company = self.company.sudo()
        rules = {
            "expo_trust_min_editions": company.expo_trust_min_editions,
            "expo_seg_pareto_a_pct": company.expo_seg_pareto_a_pct,
        }
        company.write(
            {
                "expo_trust_min_editions": rules["expo_trust_min_editions"] + 1,
                "expo_seg_pareto_a_pct": rules["expo_seg_pareto_a_pct"] - 10,
            }
        )
        self._commit()
        stages_before = self._stages()
        try:
            result = self._full_run("1b. full recompute after a rule change")
            stages_after = self._stages()
        finally:
            company.write(rules)
            self._commit()
        changed = self._moved(stages_before, stages_after)
        _log(f"1b. stages changed: {changed} of {len(stages_after)} relationships")
        return dict(
            result,
            name="full recompute after a rule change",
            stages_changed=changed,
        )

    def _stages(self, partner_ids=None):
        """{relationship id: stage} of the company's relationships, or of these
        customers' only; read with SQL to leave the cache as it was."""
        self.env.flush_all()
        where = SQL("company_id = %s", self.company.id)
        if partner_ids is not None:
            where = SQL("partner_id IN %s", tuple(partner_ids) or (0,))
        return dict(
            self.env.execute_query(
                SQL("SELECT id, lifecycle_stage FROM expo_relationship WHERE %s", where)
            )
        )

    @staticmethod
    def _moved(stages_before, stages_after):
        """How many relationships changed stage (new ones count)."""
        return sum(
            1 for key, stage in stages_after.items() if stages_before.get(key) != stage
        )

    def _full_run(self, label):
        Relationship = self.env["expo.relationship"]
        engine = self.env["expo.segment.engine"]
        rss_before = _rss_mb()
        with Timer() as lifecycle:
            # as the scheduler runs it: a batch per call, committed, until none
            # remains
            remaining = True
            while remaining:
                _done, remaining = Relationship._cron_refresh_relationships()
                self.env.flush_all()
                self._commit()
        _log(f"{label}: lifecycle refresh {lifecycle.seconds:.1f} s")
        with Timer() as segments:
            self.env["expo.batch.run"]._request("segmentation", self.company, full=True)
            batches = 0
            while True:
                _done, remaining = engine._run_batch(self.company)
                self.env.flush_all()
                self._commit()
                batches += 1
                if not remaining:
                    break
        _log(f"{label}: segmentation ({batches} batches) {segments.seconds:.1f} s")
        ours = lifecycle.seconds + segments.seconds
        with Timer() as sql:
            relationships = self._sql(baselines.RELATIONSHIPS, window=True)
            rfm = self._sql(
                baselines.RFM,
                window=True,
                roles=self._segment_roles().ids,
                a_pct=self.company.expo_seg_pareto_a_pct,
                b_pct=self.company.expo_seg_pareto_b_pct,
            )
        checked = self._check_relationships(relationships) + self._check_rfm(rfm)
        sql_write, written = self._sql_write()
        return {
            "seconds": round(ours, 2),
            "lifecycle_seconds": round(lifecycle.seconds, 2),
            "segmentation_seconds": round(segments.seconds, 2),
            "segmentation_batches": batches,
            "rss_before_mb": rss_before,
            "peak_rss_mb": _peak_rss_mb(),
            "sql_seconds": round(sql.seconds, 3),
            "ratio": round(ours / sql.seconds, 1),
            "sql_write_seconds": round(sql_write, 3),
            "sql_write_rows": written,
            "write_ratio": round(ours / sql_write, 1),
            "figures_checked": checked,
        }

    def _sql_write(self):
        """Seconds the SQL baseline takes to compute the same figures and store
        them into the same columns (one ``UPDATE ... FROM`` per table), rolled
        back after: what the jobs do, less the Python; and the rows it wrote."""
        self.env.flush_all()
        with self.env.cr.savepoint(flush=False) as savepoint, Timer() as write:
            relationships = self._sql(
                baselines.WRITE_RELATIONSHIPS, window=True, fetch=False
            )
            partners = self._sql(
                baselines.WRITE_RFM,
                window=True,
                fetch=False,
                roles=self._segment_roles().ids,
                a_pct=self.company.expo_seg_pareto_a_pct,
                b_pct=self.company.expo_seg_pareto_b_pct,
            )
            savepoint.rollback()
        return write.seconds, {
            "expo_relationship": relationships,
            "res_partner": partners,
        }

    def _segment_roles(self):
        company = self.company
        return company.expo_seg_role_ids or self.env["expo.role"].with_context(
            active_test=False
        ).search([("side", "=", "downstream")])

    def _sql(self, query, window=False, fetch=True, **params):
        params.setdefault("company", self.company.id)
        params.setdefault("now", fields.Datetime.now())
        if window and "roles" in params:
            params["window"] = self.company.expo_seg_rfm_window
        elif window:
            params["window"] = self.company.expo_value_window_editions
        self.env.flush_all()
        self.env.cr.execute(query, params)
        return self.env.cr.fetchall() if fetch else self.env.cr.rowcount

    def _check_relationships(self, rows):
        expected = {(row[0], row[1]): row[2:] for row in rows}
        relationships = self.env["expo.relationship"].search_fetch(
            [("company_id", "=", self.company.id)],
            [
                "partner_id",
                "series_id",
                "editions_attended",
                "first_event_id",
                "last_event_id",
                "economic_value",
            ],
        )
        ours = {
            (rel.partner_id.id, rel.series_id.id): (
                rel.editions_attended,
                rel.first_event_id.id or None,
                rel.last_event_id.id or None,
                rel.economic_value,
            )
            for rel in relationships
        }
        if set(ours) != set(expected):
            raise FigureMismatch(
                f"relationships: {len(set(ours) ^ set(expected))} (partner, series) "
                f"pairs differ between the addons and SQL"
            )
        bad = [
            key
            for key, (count, first, last, value) in ours.items()
            if (count, first, last) != tuple(expected[key][:3])
            or float_compare(value, float(expected[key][3]), precision_digits=2)
        ]
        if bad:
            raise FigureMismatch(
                f"relationships: {len(bad)} differ from SQL, e.g. {bad[0]}: "
                f"{ours[bad[0]]} != {expected[bad[0]]}"
            )
        return len(ours) * 4

    def _check_rfm(self, rows):
        expected = {row[0]: row[1:] for row in rows}
        partners = self.env["res.partner"].search_fetch(
            [("id", "in", list(expected))],
            [
                "expo_rfm_recency",
                "expo_rfm_frequency",
                "expo_rfm_monetary",
                "expo_rfm_recency_score",
                "expo_rfm_frequency_score",
                "expo_rfm_monetary_score",
                "expo_pareto_class",
            ],
        )
        bad = []
        for partner in partners:
            recency, frequency, monetary, r_score, f_score, m_score, pareto = expected[
                partner.id
            ]
            ours = (
                partner.expo_rfm_recency,
                partner.expo_rfm_frequency,
                partner.expo_rfm_recency_score,
                partner.expo_rfm_frequency_score,
                partner.expo_rfm_monetary_score,
                partner.expo_pareto_class or None,
            )
            theirs = (
                recency,
                int(frequency),
                str(r_score),
                str(f_score),
                str(m_score),
                pareto,
            )
            if ours != theirs or float_compare(
                partner.expo_rfm_monetary, float(monetary), precision_digits=2
            ):
                bad.append((partner.id, ours, theirs))
        if len(partners) != len(expected) or bad:
            raise FigureMismatch(
                f"RFM/Pareto: {len(bad)} of {len(expected)} partners differ from SQL, "
                f"e.g. {bad[:1]}"
            )
        return len(partners) * 7

    # ------------------------------------------------------------------
    # 2. incremental recompute
    # ------------------------------------------------------------------
    def bench_incremental(self, share=0.01, seed=7):
        """Change 1 % of the participations (invoiced amounts, states, answers) through
        the ORM, which refreshes the touched relationships, then run the incremental
        segmentation."""
        Participation = self.env["expo.participation"]
        company = self.company.sudo()
        ids = Participation.search(
            [("company_id", "=", company.id), ("state", "=", "attended")]
        ).ids
        rng = random.Random(seed)
        changed = Participation.browse(
            sorted(rng.sample(ids, max(1, int(len(ids) * share))))
        )
        engine = self.env["expo.segment.engine"]
        if not engine._last_thresholds(company):
            raise RuntimeError("2. incremental: run step 1 (full) first")
        # inside one transaction write dates are its start: run as if the last
        # runs started just before it (when step 1 ran on an earlier day, as a
        # run later the same day would: against the full run's boundaries)
        Run = self.env["expo.batch.run"]
        just_before = self.env.cr.now() - timedelta(seconds=1)
        for last in ("segmentation", company), ("segmentation", company, True):
            Run._last_done(*last).date_start = just_before
        last_run = Run._last_done("segmentation", company)
        self._commit()
        third = len(changed) // 3
        single = changed[: min(200, third)]
        with Timer() as singles:
            # invoices posted one by one: each write refreshes its customer
            for participation in single:
                participation.write(
                    {"amount_invoiced": round(participation.amount_invoiced * 0.5, 2)}
                )
            self.env.flush_all()
            self._commit()
        # what the timed refresh works on: every relationship of the customers of
        # the batched changes (a customer's refresh reads all its series)
        customers = changed[len(single) :].partner_id.commercial_partner_id.ids
        stages_before = self._stages(customers)
        refresh = timing_method(self.env["expo.relationship"], "_refresh_for_partners")
        with refresh as lifecycle, Timer() as writes:
            # the rest in batches: credit notes down to a fee, detractor answers
            # imported, no-shows recorded
            fees = changed[len(single) : third]
            for fee in (0.0, 500.0, 1000.0):
                fees.filtered(
                    lambda p, fee=fee: int(p.id) % 3 == int(fee) // 500
                ).write({"amount_invoiced": fee})
            changed[third : 2 * third].write({"nps_score": "3"})
            changed[2 * third :].write({"state": "no_show"})
            self.env.flush_all()
            # what runs at commit (tracking, pre-commit hooks) counts too
            self._commit()
        stages_after = self._stages(customers)
        stage_changes = self._moved(stages_before, stages_after)
        targets = engine._target_partner_ids(company, False, last_run.date_start)
        with Timer() as segments:
            while True:
                _done, remaining = engine._run_batch(company)
                self.env.flush_all()
                self._commit()
                if not remaining:
                    break
        # the recompute: the lifecycle refresh the writes trigger, then the
        # incremental segmentation run; the rest of the writes is the change itself
        # (the ORM writing the participations, Odoo tracking their states at commit)
        seconds = lifecycle["seconds"] + segments.seconds
        _log(f"2. {len(single)} single writes: {singles.seconds:.1f} s")
        _log(
            f"2. incremental: {len(changed)} participations, "
            f"{len(set(changed.partner_id.ids))} partners, recompute {seconds:.1f} s "
            f"(lifecycle {lifecycle['seconds']:.1f} s, segmentation "
            f"{segments.seconds:.1f} s), writes and commits {writes.seconds:.1f} s; "
            f"{len(stages_after)} relationships refreshed by the batched writes, "
            f"{stage_changes} stage changes"
        )
        return {
            "name": "incremental recompute after 1 % change",
            "participations_changed": len(changed),
            "partners_recomputed": len(targets),
            "seconds": round(seconds, 2),
            "lifecycle_seconds": round(lifecycle["seconds"], 2),
            "relationships_refreshed": len(stages_after),
            "stage_changes": stage_changes,
            "lifecycle_ms_per_relationship": round(
                lifecycle["seconds"] * 1000 / max(len(stages_after), 1), 3
            ),
            "segmentation_seconds": round(segments.seconds, 2),
            "batched_writes_seconds": round(writes.seconds, 2),
            "change_seconds": round(writes.seconds - lifecycle["seconds"], 2),
            "wall_seconds": round(writes.seconds + segments.seconds, 2),
            "single_writes": len(single),
            "ms_per_single_write": round(
                singles.seconds * 1000 / max(len(single), 1), 1
            ),
        }

    # ------------------------------------------------------------------
    # 3. rebooking wizard
    # ------------------------------------------------------------------
    def _largest_edition(self):
        """The held edition with a next edition that has the most participants."""
        Participation = self.env["expo.participation"]
        groups = Participation._read_group(
            [
                ("company_id", "=", self.company.id),
                ("state", "in", ("confirmed", "attended")),
                ("event_date_begin", "<=", fields.Datetime.now()),
            ],
            ["event_id"],
            ["__count"],
            order="__count desc",
        )
        for event, _count in groups:
            if event.expo_next_event_id:
                return event
        return self.env["event.event"]

    def bench_rebooking(self):
        event = self._largest_edition()
        # every role the series ranks and rebooks (exhibitors and sponsors)
        wizard = self.env["expo.rebooking.wizard"].create({"event_id": event.id})
        candidates = len(wizard._get_participations())
        with Timer() as timer:
            wizard.action_create_opportunities()
            self.env.flush_all()
        leads = len(wizard.created_lead_ids)
        # every participant in a ranked role not already booked in the next edition
        # gets one
        self.env.cr.execute(
            """
            SELECT count(*) FROM expo_participation cur
              JOIN expo_series_ranked_role_rel ranked
                ON ranked.series_id = cur.series_id AND ranked.role_id = cur.role_id
             WHERE cur.event_id = %s AND cur.state IN ('confirmed', 'attended')
               AND NOT EXISTS (
                   SELECT 1 FROM expo_participation nxt
                    WHERE nxt.event_id = %s AND nxt.state != 'cancelled'
                      AND nxt.partner_id = cur.partner_id
                      AND nxt.role_id = cur.role_id)
            """,
            [event.id, event.expo_next_event_id.id],
        )
        expected = self.env.cr.fetchone()[0]
        if leads != expected:
            raise FigureMismatch(
                f"rebooking: {leads} opportunities, {expected} participants of "
                f"{candidates} not booked yet"
            )
        self._commit()
        _log(f"3. rebooking {candidates} participants: {timer.seconds:.1f} s")
        return {
            "name": "rebooking wizard",
            "edition": event.name,
            "participants": candidates,
            "skipped": {
                reason: wizard[f"skip_{reason}_count"]
                for reason in ("booked", "open", "lost", "role")
            },
            "opportunities": leads,
            "seconds": round(timer.seconds, 2),
            "ms_per_participant": round(timer.seconds * 1000 / max(candidates, 1), 2),
        }

    # ------------------------------------------------------------------
    # 4. segment list
    # ------------------------------------------------------------------
    def bench_segment_list(self, tier="key", repeat=5):
        Partner = self.env["res.partner"]
        domain = [("expo_value_tier", "=", tier)]
        specification = {
            "complete_name": {},
            "email": {},
            "phone": {},
            "expo_lifecycle_stage": {},
            "expo_value_tier": {},
            "expo_pareto_class": {},
            "expo_economic_value": {},
            "expo_rfm_cell": {},
            "user_id": {"fields": {"display_name": {}}},
        }
        best, result = best_of(
            repeat,
            lambda: Partner.web_search_read(
                domain, specification, offset=0, limit=80, count_limit=10001
            ),
            before=self.env.invalidate_all,
        )
        best_sql, (rows, count) = best_of(
            repeat,
            lambda: (
                self._sql(baselines.SEGMENT_LIST, tier=tier),
                self._sql(baselines.SEGMENT_COUNT, tier=tier, limit=10001)[0][0],
            ),
        )
        ours_ids = [record["id"] for record in result["records"]]
        if ours_ids != [row[0] for row in rows] or result["length"] != count:
            raise FigureMismatch(
                f"segment list: the addons list {len(ours_ids)} of {result['length']}, "
                f"SQL {len(rows)} of {count} (or in another order)"
            )
        _log(f"4. segment list ({count} partners): {best * 1000:.0f} ms")
        return {
            "name": f"partner list filtered by segment (value tier {tier})",
            "segment_size": count,
            "rows": len(ours_ids),
            "ms": round(best * 1000, 1),
            "sql_ms": round(best_sql * 1000, 1),
            "ratio": round(best / best_sql, 1),
        }

    def bench_relationship_list(self, repeat=5):
        """The relationships of the flagship series as the web client lists them,
        first 80 rows with their rank: ranks are counted when read, with a
        window over the series."""
        Relationship = self.env["expo.relationship"]
        series = self._largest_edition().expo_series_id
        domain = [("series_id", "=", series.id)]
        specification = {
            "partner_id": {"fields": {"display_name": {}}},
            "lifecycle_stage": {},
            "editions_attended": {},
            "priority_points": {},
            "priority_rank": {},
            "economic_value": {},
        }
        best, result = best_of(
            repeat,
            lambda: Relationship.web_search_read(
                domain, specification, offset=0, limit=80, count_limit=10001
            ),
            before=self.env.invalidate_all,
        )
        best_sql, rows = best_of(
            repeat, lambda: self._sql(baselines.RELATIONSHIP_LIST, series=series.id)
        )
        ours = [(record["id"], record["priority_rank"]) for record in result["records"]]
        if ours != [tuple(row) for row in rows]:
            raise FigureMismatch(
                "relationship list: the addons list other relationships or ranks "
                "than SQL"
            )
        _log(f"4b. relationship list of {series.name}: {best * 1000:.0f} ms")
        return {
            "name": "relationship list of a series with ranks",
            "series": series.name,
            "relationships": Relationship.search_count(domain),
            "rows": len(ours),
            "ms": round(best * 1000, 1),
            "sql_ms": round(best_sql * 1000, 1),
            "ratio": round(best / best_sql, 1),
        }

    # ------------------------------------------------------------------
    # 5. retention report
    # ------------------------------------------------------------------
    def bench_retention(self, repeat=3):
        event = self._largest_edition()
        Report = self.env["expo.retention.report"]
        aggregates = [
            "participant_count:sum",
            "new_count:sum",
            "returning_count:sum",
            "won_back_count:sum",
            "lost_count:sum",
            "space_sqm:sum",
            "amount_invoiced:sum",
            "retention_rate:avg",
        ]
        best, groups = best_of(
            repeat,
            lambda: Report._read_group(
                [("event_id", "=", event.id)], ["role_id"], aggregates
            ),
        )
        best_sql, rows = best_of(
            repeat,
            lambda: self._sql(
                baselines.RETENTION, series=event.expo_series_id.id, event=event.id
            ),
        )
        ours = {
            role.id: (*(int(value) for value in values[:5]), *values[5:7])
            for role, *values in groups
        }
        theirs = {row[0]: (*row[1:6], float(row[6]), float(row[7])) for row in rows}
        if set(ours) != set(theirs) or any(
            ours[key][:5] != tuple(theirs[key][:5])
            or float_compare(ours[key][5], theirs[key][5], precision_digits=2)
            or float_compare(ours[key][6], theirs[key][6], precision_digits=2)
            for key in ours
        ):
            raise FigureMismatch(f"retention: addons {ours} != SQL {theirs}")
        _log(f"5. retention of {event.name}: {best * 1000:.0f} ms")
        return {
            "name": "retention report of one edition by role",
            "edition": event.name,
            "roles": len(ours),
            "participants": sum(values[0] for values in ours.values()),
            "ms": round(best * 1000, 1),
            "sql_ms": round(best_sql * 1000, 1),
            "ratio": round(best / best_sql, 1),
        }

    # ------------------------------------------------------------------
    # 6. NPS
    # ------------------------------------------------------------------
    def bench_nps(self, repeat=3):
        Report = self.env["expo.survey.report"]
        best, groups = best_of(
            repeat,
            lambda: Report._read_group(
                [("state", "=", "done")],
                ["event_id", "role_id"],
                ["answered_count:sum", "nps:avg"],
            ),
        )
        rows = self._sql(baselines.NPS)
        theirs = {(row[0], row[1]): (row[2], row[3]) for row in rows}
        ours = {(event.id, role.id): (count, nps) for event, role, count, nps in groups}
        if set(ours) != set(theirs) or any(
            ours[key][0] != theirs[key][0]
            or float_compare(ours[key][1] or 0.0, float(theirs[key][1] or 0), 1)
            for key in ours
        ):
            raise FigureMismatch("NPS: addons and SQL differ")
        answers = sum(count for count, _nps in ours.values())
        _log(f"6. NPS over {answers} answers: {best * 1000:.0f} ms")
        return {
            "name": "NPS per edition and role",
            "answers": answers,
            "groups": len(ours),
            "ms": round(best * 1000, 1),
        }

    # ------------------------------------------------------------------
    def run(self, only=None):
        steps = (
            ("full", self.bench_full_recompute),
            ("full_again", self.bench_full_again),
            ("segment_list", self.bench_segment_list),
            ("relationship_list", self.bench_relationship_list),
            ("retention", self.bench_retention),
            ("nps", self.bench_nps),
            ("incremental", self.bench_incremental),
            ("rebooking", self.bench_rebooking),
            # last: its opportunities for the next edition would change rebooking
            ("draw", lambda: bench_draw(self, FigureMismatch)),
        )
        results = []
        vacuumed = None
        for key, method in steps:
            if only and key not in only:
                continue
            if (
                key not in FULL_STEPS
                and self.settle
                and any(result["key"] in FULL_STEPS for result in results)
            ):
                with Timer() as settling:
                    self.settle()
                _log(f"full runs' tables vacuumed: {settling.seconds:.1f} s")
                self.settle = None
                vacuumed = {
                    "tables": SETTLE_TABLES,
                    "seconds": round(settling.seconds, 1),
                }
            result = method()
            result["key"] = key
            results.append(result)
        return {
            "machine": machine(),
            "data": data_counts(self.env),
            "results": results,
            "vacuumed_after_full_runs": vacuumed,
        }


def run(env, commit=False, only=None, settle=None):
    return Benchmark(env, commit=commit, settle=settle).run(only=only)
