# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import bisect
import logging
import random
import threading
import time

from odoo import api, fields, models
from odoo.service.model import PG_CONCURRENCY_EXCEPTIONS_TO_RETRY
from odoo.tools import SQL, format_datetime

_logger = logging.getLogger(__name__)

# tries of a batch that meets a concurrency error before the run gives up for now
BATCH_ATTEMPTS = 5


class ExpoBatchRun(models.Model):
    """One run of a batch job over customers (the relationship refresh, the
    segmentation of a company): the customers it recomputes, fixed when it
    starts, how far it got, and the concurrency errors it met.

    The scheduled jobs run one batch per call and report their progress to the
    scheduler (``ir.cron._notify_progress``), which calls them again while
    customers remain. Each batch is one transaction with the run's progress:
    a batch that meets a concurrency error (another transaction wrote the same
    relationships or partners) is tried again in a new transaction, and a batch
    given up leaves the run where it was, to resume there. The run's state is
    kept here, not on the company, so that saving settings or editing the
    company never conflicts with a running job."""

    _name = "expo.batch.run"
    _description = "Exhibition Batch Run"
    _order = "id desc"

    # what the run does
    job = fields.Selection(
        [("relationship_refresh", "Relationship Refresh")],
        required=True,
        readonly=True,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company",
        readonly=True,
        index=True,
        help="Company whose customers the run recomputes; empty for a run over "
        "every company's customers.",
    )
    full = fields.Boolean(
        "Full Run",
        readonly=True,
        help="Recomputes every customer, rather than those whose data changed.",
    )
    state = fields.Selection(
        [("requested", "Requested"), ("running", "Running"), ("done", "Done")],
        string="Status",
        required=True,
        default="requested",
        readonly=True,
        index=True,
    )
    date_start = fields.Datetime("Started", readonly=True)
    date_end = fields.Datetime("Finished", readonly=True)

    # progress
    target_ids = fields.Json(
        "Customers to Recompute",
        readonly=True,
        prefetch=False,
        help="Ids of the partners the run recomputes, fixed when it starts, in "
        "ascending order; its batches take them in that order.",
    )
    cursor = fields.Integer(
        readonly=True,
        groups="base.group_no_one",
        help="Id of the last partner done: the next batch follows it.",
    )
    # a run's own counts: a sum over runs means nothing
    total_count = fields.Integer("Customers", readonly=True, aggregator=None)
    done_count = fields.Integer("Customers Done", readonly=True, aggregator=None)
    remaining_count = fields.Integer(
        "Customers Left", compute="_compute_remaining_count"
    )
    batch_count = fields.Integer("Batches", readonly=True)
    retry_count = fields.Integer(
        "Retries",
        readonly=True,
        help="Batches tried again after a concurrency error: another transaction "
        "wrote the same records at the same time.",
    )
    failure_count = fields.Integer(
        "Batches Given Up",
        readonly=True,
        help="Batches given up for now after every try met a concurrency error; "
        "the run resumes with them at the next call.",
    )
    last_error = fields.Text(readonly=True)

    # what the job keeps with the run
    thresholds = fields.Json(
        "Boundaries",
        readonly=True,
        prefetch=False,
        help="Figures the job drew when the run started and scores every batch "
        "against.",
    )

    @api.depends("total_count", "done_count")
    def _compute_remaining_count(self):
        for run in self:
            run.remaining_count = run.total_count - run.done_count

    @api.depends("job", "company_id", "date_start")
    def _compute_display_name(self):
        jobs = dict(self._fields["job"]._description_selection(self.env))
        for run in self:
            run.display_name = " / ".join(
                part
                for part in (
                    jobs.get(run.job),
                    run.company_id.name,
                    run.date_start and format_datetime(self.env, run.date_start),
                )
                if part
            )

    # ------------------------------------------------------------------
    # Asking for runs
    # ------------------------------------------------------------------

    @api.model
    def _request(self, job, company=None, full=False):
        """Ask for a run of ``job`` after the current one (one request at a
        time: asking again only widens it to a full run)."""
        requested = self.search(self._domain(job, company, "requested"), limit=1)
        if requested:
            if full and not requested.full:
                requested.full = True
            return requested
        return self.create(
            {
                "job": job,
                "company_id": company and company.id,
                "full": full,
            }
        )

    @api.model
    def _domain(self, job, company, state):
        return [
            ("job", "=", job),
            ("company_id", "=", company.id if company else False),
            ("state", "=", state),
        ]

    @api.model
    def _last_done(self, job, company=None, full=None):
        """The latest completed run of ``job`` (full ones only if ``full``)."""
        domain = self._domain(job, company, "done")
        if full:
            domain.append(("full", "=", True))
        return self.search(domain, order="date_start desc, id desc", limit=1)

    # ------------------------------------------------------------------
    # Running one batch
    # ------------------------------------------------------------------

    @api.model
    def _run_next_batch(self, job, company, batch_size, prepare, recompute):
        """Recompute the next batch of customers of the current run of ``job``
        in ``company``, starting one when needed. Return (customers done,
        customers remaining).

        :param prepare: ``prepare(run)`` -> values of a starting run:
            ``target_ids`` (sorted partner ids) and anything else it keeps
            (``full``, ``thresholds``)
        :param recompute: ``recompute(run, partners)`` recomputes a batch

        A run starts when one was requested, or when none started yet during
        this execution of the scheduled job (``lastcall`` in its context;
        always when called outside the scheduler).
        """
        run = self._current(job, company, prepare)
        if not run:
            return 0, 0
        batch, remaining = run._next_batch_ids(batch_size)
        partners = self.env["res.partner"].browse(batch)
        retries = self._retrying(run, lambda: recompute(run, partners))
        run = run.browse(run.id)  # the transaction may have been tried again
        values = {
            "done_count": run.done_count + len(batch),
            "batch_count": run.batch_count + 1,
            "retry_count": run.retry_count + retries,
        }
        if batch:
            values["cursor"] = batch[-1]
        if not remaining:
            values.update(state="done", date_end=fields.Datetime.now())
        run.write(values)
        if not remaining:
            # a run asked for meanwhile starts at the next call
            following = self._current(job, company, prepare, start_due=False)
            remaining = following.total_count if following else 0
        return len(batch), remaining

    @api.model
    def _current(self, job, company, prepare, start_due=True):
        """The running run of ``job`` in ``company``, else the requested one or
        (``start_due``) a new one, started."""
        run = self.search(self._domain(job, company, "running"), limit=1)
        if run:
            return run
        run = self.search(self._domain(job, company, "requested"), limit=1)
        if not run and start_due and self._start_due(job, company):
            run = self.create({"job": job, "company_id": company and company.id})
        if run:
            run._start(prepare)
            if self._can_commit():
                # started once for all, whatever happens to its first batch
                self.env.cr.commit()  # pylint: disable=invalid-commit
        return run

    @api.model
    def _can_commit(self):
        """Whether the job may commit and roll back its transaction: not inside
        tests, whose transaction is the test's."""
        return not getattr(threading.current_thread(), "testing", False)

    @api.model
    def _start_due(self, job, company):
        """Whether the scheduled job starts a run it was not asked for: once per
        execution of the job."""
        lastcall = self.env.context.get("lastcall")
        if not lastcall:
            return True
        return not self.search_count(
            [
                ("job", "=", job),
                ("company_id", "=", company.id if company else False),
                ("date_start", ">", lastcall),
            ],
            limit=1,
        )

    def _start(self, prepare):
        self.ensure_one()
        self.write({"state": "running", "date_start": fields.Datetime.now()})
        values = prepare(self)
        targets = sorted(values.pop("target_ids"))
        self.write(
            {
                **values,
                "target_ids": targets,
                "total_count": len(targets),
                "done_count": 0,
                "cursor": 0,
            }
        )

    def _next_batch_ids(self, batch_size):
        """(ids of the next ``batch_size`` partners after the run's cursor, how
        many follow them).

        The run's ids are sorted and ``done_count`` of them precede the cursor,
        so the batch is sliced from the column by PostgreSQL: a run over
        100,000 customers would otherwise decode the whole list for each of
        its batches. Should the count and the cursor disagree, the ids after
        the cursor are read in full."""
        self.ensure_one()
        self.flush_recordset(["target_ids", "cursor", "done_count"])
        column = self._field_to_sql(self._table, "target_ids")
        [[batch, before, total]] = self.env.execute_query(
            SQL(
                """
                SELECT jsonb_path_query_array(
                           %(ids)s, '$[$start to $end]',
                           jsonb_build_object('start', done, 'end', done + %(size)s - 1)
                       ),
                       CASE WHEN done > 0 THEN %(ids)s -> (done - 1) END,
                       COALESCE(jsonb_array_length(%(ids)s), 0)
                  FROM expo_batch_run, COALESCE(done_count, 0) AS done
                 WHERE id = %(id)s
                """,
                ids=column,
                size=batch_size,
                id=self.id,
            )
        )
        batch = batch or []
        if (before or 0) == self.cursor and all(
            partner_id > self.cursor for partner_id in batch[:1]
        ):
            return batch, total - self.done_count - len(batch)
        remaining_ids = self._remaining_ids()
        return remaining_ids[:batch_size], max(len(remaining_ids) - batch_size, 0)

    def _remaining_ids(self):
        """Ids of the run's partners after its cursor, read from the column."""
        self.ensure_one()
        [[target_ids]] = self.env.execute_query(
            SQL(
                "SELECT %s FROM expo_batch_run WHERE id = %s",
                self._field_to_sql(self._table, "target_ids"),
                self.id,
            )
        )
        target_ids = target_ids or []
        return target_ids[bisect.bisect_right(target_ids, self.cursor) :]

    @api.model
    def _retrying(self, run, func):
        """Call ``func()`` and flush it; on a concurrency error, roll the
        transaction back and try again in a new one (the scheduler does not
        retry its jobs as the web server retries requests). Return how many
        tries failed. After the last failed try, note it on the run in a
        transaction of its own and raise the error: the run stays where it
        was and resumes with this batch.

        Inside tests the transaction cannot be rolled back: errors are raised
        at once."""
        can_retry = self._can_commit()
        for attempt in range(BATCH_ATTEMPTS):
            try:
                func()
                self.env.flush_all()
                return attempt
            except PG_CONCURRENCY_EXCEPTIONS_TO_RETRY as error:
                if not can_retry:
                    raise
                self.env.cr.rollback()
                if attempt + 1 == BATCH_ATTEMPTS:
                    run.browse(run.id).write(
                        {
                            "failure_count": run.failure_count + 1,
                            "retry_count": run.retry_count + attempt,
                            "last_error": str(error),
                        }
                    )
                    self.env.cr.commit()  # pylint: disable=invalid-commit
                    raise
                wait = random.uniform(0.1, 0.5 * 2**attempt)
                _logger.info(
                    "%s: concurrency error (%s), batch tried again in %.2f s",
                    run.display_name,
                    error.pgcode,
                    wait,
                )
                time.sleep(wait)
        return BATCH_ATTEMPTS
