"""Fill a database with a large, realistic and reproducible exhibition organizer.

Sizes (``SIZES``): S (tests), M and L. Series, editions, products and partners are
created through the ORM; participations and survey answers, the bulk of the rows, are
written with ``COPY`` as rows the ORM would accept: valid foreign keys, states,
stored related fields (series, start date, side, company) filled as the ORM fills
them, amounts by kind adding up to the invoiced amount, NPS category matching the
score. The most recent invoiced participations (``Size.orm_invoices``) are invoiced
through the ORM: sale orders, posted invoices and credit notes, payments; their
amounts are then recomputed from the invoices by ``_refresh_amounts``, which must find
those of the bulk rows. Relationships, lifecycle stages and segments are left to the
benchmark, which computes them the way the scheduled jobs do.

Distributions follow real shows: a loyal core comes to every edition, regulars to
most, the majority once or twice; booth space and sponsorship are heavy-tailed
(Pareto), so a few customers make most of the revenue.
"""

import io
import random
import time
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from odoo import Command

EDITIONS_PER_SERIES = 10
PRICE_PER_SQM = 320.0


@dataclass(frozen=True)
class Size:
    name: str
    partners: int
    series: int
    series_per_partner: float  # mean number of series a customer is active in
    answer_rate: float  # share of past taken-part participations with a survey answer
    flagship_weight: float  # how much likelier the flagship series is than another
    # invoiced participations, the most recent ones, invoiced through the ORM
    # (sale order, posted invoice, credit note, payment); the older ones get their
    # amounts in bulk, as a history imported before going live
    orm_invoices: int


SIZES = {
    # a few invoices through the ORM, so that the test suite runs that path
    "S": Size("S", 2_000, 3, 1.5, 0.5, 3.0, 40),
    # about 1.8 invoice lines per invoiced participation: 100,000 invoice lines
    # through the ORM, about 0.05 s per participation on 2 cores (45 minutes)
    "M": Size("M", 20_000, 4, 1.7, 1.0, 3.0, 57_000),
    # among ten series the flagship draws more: its latest held edition has more
    # than 20,000 participants; amounts in bulk
    "L": Size("L", 100_000, 10, 3.7, 0.13, 6.0, 0),
}
# invoices made, posted and paid per batch (one transaction each from the command)
INVOICE_BATCH = 1000
AMOUNT_KINDS = ("booth", "sponsorship", "service", "advertising")
# tables filled with COPY: analyzed by the generator, vacuumed by the command
BULK_TABLES = ("res_partner", "expo_participation", "survey_user_input")

# (share of customers, chance to take part in each edition after the first)
PROFILES = (
    ("loyal", 0.10, 1.0),
    ("regular", 0.25, 0.6),
    ("occasional", 0.65, 0.0),
)
# role of the customer: (role code, share)
ROLE_MIX = (("exhibitor", 0.62), ("sponsor", 0.06), ("visitor", 0.32))

PARTICIPATION_COLUMNS = (
    "partner_id",
    "event_id",
    "series_id",
    "event_date_begin",
    "role_id",
    "side",
    "company_id",
    "state",
    "date_signed",
    "space_sqm",
    "amount_booth",
    "amount_sponsorship",
    "amount_service",
    "amount_advertising",
    "amount_invoiced",
    "amount_paid",
    "feedback_date",
    "satisfaction_index",
    "nps_score",
    "nps_category",
    "intent_rebook",
    "intent_recommend",
    "create_uid",
    "write_uid",
    "create_date",
    "write_date",
)


def _log(message):
    print(f"[generate] {message}", flush=True)


class Generator:
    """``Generator(env, "M").run()``: every figure from ``random.Random(seed)``."""

    def __init__(self, env, size, seed=2026, commit=False):
        self.env = env
        self.commit = commit
        self.size = SIZES[size] if isinstance(size, str) else size
        self.rng = random.Random(seed)
        self.company = env.company
        self.now = datetime.now().replace(microsecond=0)
        self.timings = {}
        # (partner, edition, role): invoice, credit note and payment to make
        self.invoice_specs = {}
        self.amount_mismatches = 0
        self.invoice_timings = {}

    # ------------------------------------------------------------------
    def run(self):
        start = time.perf_counter()
        self._step("chart of accounts", self._ensure_chart)
        self._step("products", self._create_products)
        self._step("series and editions", self._create_series)
        self._step("partners", self._create_partners)
        self._step("participations", self._create_participations)
        self._step("survey answers", self._create_answers)
        self._step("invoices", self._create_invoices)
        self._step("statistics", self._analyze)
        self.env.invalidate_all()
        self.timings["total"] = round(time.perf_counter() - start, 1)
        return self.summary()

    def _step(self, name, method):
        start = time.perf_counter()
        method()
        self.env.flush_all()
        self.timings[name] = round(time.perf_counter() - start, 1)
        _log(f"{name}: {self.timings[name]} s")

    def summary(self):
        cr = self.env.cr
        counts = {}
        for table in (
            "res_partner",
            "expo_participation",
            "survey_user_input",
            "sale_order_line",
            "account_move",
            "account_move_line",
            "account_payment",
        ):
            cr.execute(f"SELECT count(*) FROM {table}")
            counts[table] = cr.fetchone()[0]
        cr.execute(
            """SELECT count(*) FROM account_move_line
                WHERE display_type = 'product' AND parent_state = 'posted'"""
        )
        counts["invoice_lines"] = cr.fetchone()[0]
        return {
            "size": self.size.name,
            "counts": counts,
            "amount_mismatches": self.amount_mismatches,
            "timings": self.timings,
            "invoice_timings": self.invoice_timings,
        }

    def _commit(self):
        if self.commit:
            self.env.cr.commit()  # pylint: disable=invalid-commit

    # ------------------------------------------------------------------
    def _ensure_chart(self):
        """The generic chart of accounts, unless the company has one already."""
        if not self.company.chart_template:
            self.env["account.chart.template"].try_loading(
                "generic_coa", self.company, install_demo=False
            )

    def _create_products(self):
        Product = self.env["product.product"]
        self.products = {
            kind: Product.create(
                {
                    "name": f"Scale {kind}",
                    "type": "service",
                    "expo_amount_kind": kind,
                    "list_price": PRICE_PER_SQM if kind == "booth" else 1000.0,
                }
            )
            for kind in AMOUNT_KINDS
        }

    def _create_series(self):
        """Series of ten yearly editions: nine held, the tenth upcoming."""
        Event = self.env["event.event"].with_context(tracking_disable=True)
        self.series = self.env["expo.series"]
        self.editions = {}
        first_year = self.now.year - (EDITIONS_PER_SERIES - 2)
        for index in range(self.size.series):
            series = self.env["expo.series"].create(
                {
                    "name": f"Scale Fair {index + 1}",
                    "code": f"SF{index + 1}",
                    "company_id": self.company.id,
                }
            )
            self.series |= series
            month = 3 + index % 9
            events = Event.create(
                [
                    {
                        "name": f"Scale Fair {index + 1} {first_year + offset}",
                        "expo_series_id": series.id,
                        "company_id": self.company.id,
                        "date_begin": datetime(first_year + offset, month, 10, 9),
                        "date_end": datetime(first_year + offset, month, 13, 18),
                    }
                    for offset in range(EDITIONS_PER_SERIES)
                ]
            )
            # the last edition is upcoming whatever today's month
            if events[-1].date_begin <= self.now:
                events[-1].write(
                    {
                        "date_begin": self.now + timedelta(days=60),
                        "date_end": self.now + timedelta(days=63),
                    }
                )
            if events[-2].date_begin > self.now:
                events[-2].write(
                    {
                        "date_begin": self.now - timedelta(days=30),
                        "date_end": self.now - timedelta(days=27),
                    }
                )
            self.editions[series.id] = events.sorted("date_begin")

    def _create_partners(self):
        roles = {
            role.code: role
            for role in self.env["expo.role"].search([("code", "!=", False)])
        }
        self.roles = roles
        Partner = self.env["res.partner"].with_context(
            tracking_disable=True, mail_create_nolog=True
        )
        self.customers = []  # (partner id, role, profile)
        batch = 5000
        for start in range(0, self.size.partners, batch):
            count = min(batch, self.size.partners - start)
            specs = []
            for number in range(start, start + count):
                role = self._pick(ROLE_MIX)
                specs.append(
                    (
                        {
                            "name": f"Scale {role.title()} {number + 1:06d}",
                            "is_company": True,
                            "company_id": False,
                            "email": f"contact{number + 1}@scale.example.com",
                            "expo_role_ids": [Command.link(roles[role].id)],
                        },
                        role,
                    )
                )
            partners = Partner.create([vals for vals, _role in specs])
            for partner, (_vals, role) in zip(partners, specs, strict=True):
                profile = self._pick(
                    [(name, share) for name, share, _chance in PROFILES]
                )
                self.customers.append((partner.id, roles[role], profile))
            self.env.flush_all()
            self.env.invalidate_all()
            _log(f"partners: {start + count}")

    def _pick(self, shares):
        draw = self.rng.random()
        for value, share in shares:
            draw -= share
            if draw < 0:
                return value
        return shares[-1][0]

    # ------------------------------------------------------------------
    def _create_participations(self):
        rng = self.rng
        series_ids = self.series.ids
        # the first series is the flagship: most customers take part in it
        weights = [self.size.flagship_weight] + [1.0] * (len(series_ids) - 1)
        chance = {name: value for name, _share, value in PROFILES}
        uid = self.env.uid
        stamp = self.now - timedelta(days=1)
        rows = []
        for partner_id, role, profile in self.customers:
            wanted = max(
                1,
                min(
                    len(series_ids),
                    round(rng.expovariate(1.0 / self.size.series_per_partner)),
                ),
            )
            chosen = set()
            while len(chosen) < wanted:
                chosen.add(rng.choices(series_ids, weights)[0])
            for series_id in sorted(chosen):
                editions = self.editions[series_id]
                for edition in self._editions_taken(editions, profile, chance, rng):
                    rows.append(
                        self._participation_row(
                            partner_id, edition, role, series_id, uid, stamp, rng
                        )
                    )
        self._copy("expo_participation", PARTICIPATION_COLUMNS, rows)
        _log(f"participations: {len(rows)}")

    def _editions_taken(self, editions, profile, chance, rng):
        """Editions a customer of this profile takes part in, in order."""
        count = len(editions)
        first = rng.randrange(count)
        if profile == "loyal":
            first = rng.randrange(max(1, count // 3))
            return editions[first:]
        if profile == "occasional":
            taken = [editions[first]]
            if first + 1 < count and rng.random() < 0.35:
                taken.append(editions[min(count - 1, first + rng.randint(1, 3))])
            return taken
        return [editions[first]] + [
            edition
            for edition in editions[first + 1 :]
            if rng.random() < chance[profile]
        ]

    def _participation_row(self, partner_id, edition, role, series_id, uid, stamp, rng):
        held = edition.date_begin <= self.now
        if held:
            state = rng.choices(
                ("attended", "cancelled", "no_show"), (0.92, 0.05, 0.03)
            )[0]
        else:
            state = rng.choices(("confirmed", "planned"), (0.7, 0.3))[0]
        space = booth = sponsorship = service = advertising = 0.0
        lines = []  # (amount kind, quantity, unit price) invoiced
        if role.code in ("exhibitor", "sponsor") and state != "planned":
            # Pareto booth space: most take 9 to 18 m², a few very large stands
            space = float(min(900, round(9 * rng.paretovariate(1.6))))
            booth = space * PRICE_PER_SQM
            lines.append(("booth", space, PRICE_PER_SQM))
            if rng.random() < 0.45:
                # services: power, furniture, cleaning
                service = round(booth * rng.uniform(0.02, 0.12), 2)
                lines.append(("service", 1.0, service))
            if rng.random() < 0.2:
                advertising = float(rng.choice((800, 1500, 3000, 6000)))
                lines.append(("advertising", 1.0, advertising))
        if role.code == "sponsor" and state != "planned":
            sponsorship = float(round(5000 * rng.paretovariate(1.3), -2))
            lines.append(("sponsorship", 1.0, sponsorship))
        refund = []
        if state == "cancelled":
            # a cancellation fee is invoiced, the rest credited
            fee = round(booth * 0.3, 2)
            refund = [
                (
                    kind,
                    1.0,
                    round(quantity * price - (fee if kind == "booth" else 0), 2),
                )
                for kind, quantity, price in lines
            ]
            booth, service, advertising, sponsorship = fee, 0.0, 0.0, 0.0
            space = 0.0
        invoiced = round(booth + sponsorship + service + advertising, 2)
        # invoices of held editions are mostly paid, of the upcoming one half of
        # them; a cancellation fee is settled with the credit note
        paid_share = 0.95 if held else 0.5
        is_paid = state == "cancelled" or rng.random() < paid_share
        paid = invoiced if is_paid else 0.0
        signed = (edition.date_begin - timedelta(days=rng.randint(20, 300))).date()
        if lines and self.size.orm_invoices:
            today = self.now.date()
            self.invoice_specs[(partner_id, edition.id, role.id)] = {
                "edition_date": edition.date_begin,
                "date": min(signed, today),
                "lines": lines,
                "refund": [line for line in refund if line[2]],
                "refund_date": min(
                    today, max(signed, (edition.date_begin - timedelta(days=14)).date())
                ),
                "paid": is_paid,
            }
        feedback = self._feedback(held and state == "attended", edition, rng)
        return (
            partner_id,
            edition.id,
            series_id,
            edition.date_begin,
            role.id,
            role.side,
            self.company.id,
            state,
            signed,
            space,
            booth,
            sponsorship,
            service,
            advertising,
            invoiced,
            paid,
            *feedback,
            uid,
            uid,
            stamp,
            stamp,
        )

    def _feedback(self, answered, edition, rng):
        """(feedback date, satisfaction, NPS score, category, intents) or empties."""
        if not answered or rng.random() >= self.size.answer_rate:
            return (None, None, None, None, None, None)
        score = min(10, max(0, round(rng.gauss(7.6, 2.0))))
        # imported here: the addons path is set once the configuration is read
        from odoo.addons.expo_crm.rules.nps import category as nps_category

        category = nps_category(score)
        satisfaction = float(min(100, max(0, round(rng.gauss(70, 15)))))
        rebook = "yes" if score >= 8 else ("maybe" if score >= 6 else "no")
        recommend = "yes" if score >= 9 else ("maybe" if score >= 7 else "no")
        return (
            (edition.date_begin + timedelta(days=7)).date(),
            satisfaction,
            str(score),
            category,
            rebook,
            recommend,
        )

    # ------------------------------------------------------------------
    def _create_answers(self):
        """A completed survey answer for each participation with feedback."""
        cr = self.env.cr
        surveys = {
            "exhibitor": self.env.ref("expo_crm_survey.survey_exhibitor"),
            "sponsor": self.env.ref("expo_crm_survey.survey_sponsor"),
            "visitor": self.env.ref("expo_crm_survey.survey_visitor"),
        }
        cr.execute(
            """
            SELECT p.id, r.code, p.event_id, p.partner_id, p.nps_score,
                   p.nps_category, p.satisfaction_index, p.feedback_date
              FROM expo_participation p
              JOIN expo_role r ON r.id = p.role_id
             WHERE p.feedback_date IS NOT NULL
               AND p.company_id = %s
               AND r.code = ANY(%s)
               AND NOT EXISTS (SELECT 1 FROM survey_user_input ui
                                WHERE ui.expo_participation_id = p.id)
             ORDER BY p.id
            """,
            [self.company.id, list(surveys)],
        )
        uid = self.env.uid
        rows = [
            (
                surveys[code].id,
                participation_id,
                partner_id,
                f"scale-{participation_id:09d}-{self.rng.getrandbits(64):016x}",
                "done",
                False,
                nps,
                category,
                True,
                satisfaction,
                feedback_date,
                uid,
                uid,
                feedback_date,
                feedback_date,
            )
            for (
                participation_id,
                code,
                event_id,
                partner_id,
                nps,
                category,
                satisfaction,
                feedback_date,
            ) in cr.fetchall()
        ]
        self._copy(
            "survey_user_input",
            (
                "survey_id",
                "expo_participation_id",
                "partner_id",
                "access_token",
                "state",
                "test_entry",
                "expo_nps_score",
                "expo_nps_category",
                "expo_has_satisfaction_index",
                "expo_satisfaction_index",
                "expo_results_date",
                "create_uid",
                "write_uid",
                "create_date",
                "write_date",
            ),
            rows,
        )
        _log(f"survey answers: {len(rows)}")

    def _create_invoices(self):
        """Sale orders, posted customer invoices (and credit notes of cancelled
        participations) and payments through the ORM, in batches committed one by
        one, then the participations linked to the order lines and their amounts
        recomputed from the invoices by ``_refresh_amounts``."""
        if not self.invoice_specs:
            return
        cr = self.env.cr
        cr.execute(
            """SELECT partner_id, event_id, role_id, id FROM expo_participation
                WHERE company_id = %s""",
            [self.company.id],
        )
        ids = {
            (partner, event, role): pid for partner, event, role, pid in cr.fetchall()
        }
        # the most recent editions' participations, each edition's in id order
        recent = sorted(
            ((spec["edition_date"], -ids[key]), ids[key], spec)
            for key, spec in self.invoice_specs.items()
        )[-self.size.orm_invoices :]
        items = sorted((pid, spec) for _order, pid, spec in recent)
        self._commit()
        start = time.perf_counter()
        for offset in range(0, len(items), INVOICE_BATCH):
            self._invoice_batch(items[offset : offset + INVOICE_BATCH])
            self.env.flush_all()
            self._commit()
            self.env.invalidate_all()
            done = min(len(items), offset + INVOICE_BATCH)
            _log(
                f"invoices: {done}/{len(items)} participations, "
                f"{time.perf_counter() - start:.0f} s {self.invoice_timings}"
            )
        if self.amount_mismatches:
            _log(
                f"invoices: {self.amount_mismatches} participations' amounts differ "
                "from their invoices"
            )

    def _invoice_batch(self, items):
        context = {
            "tracking_disable": True,
            "mail_create_nolog": True,
            "mail_notrack": True,
        }
        participations = self.env["expo.participation"].browse(
            [pid for pid, _spec in items]
        )
        with self._phase("sale orders"):
            orders = self._create_orders(participations, items, context)
        with self._phase("invoices"):
            invoices, refunds = self._create_moves(orders, items, context)
        with self._phase("posting"):
            invoices.union(*refunds).action_post()
        with self._phase("payments"):
            self._settle(invoices, refunds, [spec for _pid, spec in items], context)
        with self._phase("amounts"):
            # linked as confirming an order links them, then amounts from invoices
            for participation, order in zip(participations, orders, strict=True):
                participation.write(
                    {
                        "sale_order_ids": [Command.link(order.id)],
                        "sale_line_ids": [Command.set(order.order_line.ids)],
                    }
                )
            self._refresh_amounts(participations)

    @contextmanager
    def _phase(self, name):
        start = time.perf_counter()
        yield
        self.env.flush_all()
        self.invoice_timings[name] = round(
            self.invoice_timings.get(name, 0.0) + time.perf_counter() - start, 1
        )

    def _settle(self, invoices, refunds, specs, context):
        """Credit notes reconciled with their invoices, then one transfer pays
        the invoices to pay."""
        receivable = "asset_receivable"
        self.env["account.move.line"]._reconcile_plan(
            [
                (invoice | refund).line_ids.filtered(
                    lambda line: line.account_id.account_type == receivable
                )
                for invoice, refund in zip(invoices, refunds, strict=True)
                if refund
            ]
        )
        to_pay = self.env["account.move"].union(
            *(
                invoice
                for invoice, spec in zip(invoices, specs, strict=True)
                if spec["paid"]
            )
        )
        lines = to_pay.line_ids.filtered(
            lambda line: line.account_id.account_type == receivable
            and not line.reconciled
        )
        if lines:
            self._pay(lines, context)

    def _pay(self, receivable_lines, context):
        """One bank transfer for these receivables (as a payment provider pays
        out many customers' invoices at once), reconciled with them."""
        journal = self.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", self.company.id)], limit=1
        )
        payment = (
            self.env["account.payment"]
            .with_context(**context)
            .create(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "journal_id": journal.id,
                    "date": self.now.date(),
                    "amount": sum(receivable_lines.mapped("amount_residual")),
                    "destination_account_id": receivable_lines[:1].account_id.id,
                    "memo": f"Scale payout {receivable_lines[:1].move_id.name}",
                }
            )
        )
        payment.action_post()
        (
            payment.move_id.line_ids.filtered(
                lambda line: line.account_id == receivable_lines[:1].account_id
            )
            | receivable_lines
        ).reconcile()

    def _create_orders(self, participations, items, context):
        """Confirmed sale orders, one per participation. Confirmed by their state:
        the participations exist already (``action_confirm`` would look them up
        by the role the lines sell), they are linked afterwards."""
        products = self.products
        orders = (
            self.env["sale.order"]
            .with_context(**context)
            .create(
                [
                    {
                        "partner_id": participation.partner_id.id,
                        "company_id": self.company.id,
                        "expo_event_id": participation.event_id.id,
                        "date_order": datetime.combine(
                            spec["date"], datetime.min.time()
                        ),
                        "order_line": [
                            Command.create(
                                {
                                    "product_id": products[kind].id,
                                    "product_uom_qty": quantity,
                                    "price_unit": price,
                                }
                            )
                            for kind, quantity, price in spec["lines"]
                        ],
                    }
                    for participation, (_pid, spec) in zip(
                        participations, items, strict=True
                    )
                ]
            )
        )
        orders.write({"state": "sale"})
        return orders

    def _create_moves(self, orders, items, context):
        """An invoice of each order's lines, a credit note where the spec has one;
        returns (invoices, credit notes or empty moves), in the items' order."""
        kind_of = {product.id: kind for kind, product in self.products.items()}
        moves = []
        for order, (_pid, spec) in zip(orders, items, strict=True):
            sale_lines = {
                kind_of[line.product_id.id]: line for line in order.order_line
            }
            for move_type, move_date, lines in (
                ("out_invoice", spec["date"], spec["lines"]),
                ("out_refund", spec["refund_date"], spec["refund"]),
            ):
                if not lines:
                    continue
                moves.append(
                    {
                        "move_type": move_type,
                        "partner_id": order.partner_id.id,
                        "invoice_date": move_date,
                        "invoice_origin": order.name,
                        "invoice_line_ids": [
                            Command.create(
                                {
                                    "product_id": self.products[kind].id,
                                    "quantity": quantity,
                                    "price_unit": price,
                                    "sale_line_ids": [
                                        Command.set(sale_lines[kind].ids)
                                    ],
                                }
                            )
                            for kind, quantity, price in lines
                        ],
                    }
                )
        created = iter(self.env["account.move"].with_context(**context).create(moves))
        invoices, refunds = [], []
        for _pid, spec in items:
            invoices.append(next(created))
            refunds.append(
                next(created) if spec["refund"] else self.env["account.move"]
            )
        Move = self.env["account.move"]
        return Move.union(*invoices), refunds

    def _refresh_amounts(self, participations):
        """``_refresh_amounts`` from the posted invoices; the bulk rows carry the
        amounts their invoices make, so it finds nothing to change (counted)."""
        fnames = [f"amount_{kind}" for kind in (*AMOUNT_KINDS, "invoiced", "paid")]
        before = participations.read(fnames)
        participations._refresh_amounts()
        self.env.flush_all()
        participations.invalidate_recordset(fnames)
        self.amount_mismatches += sum(
            1
            for old, new in zip(before, participations.read(fnames), strict=True)
            if any(
                participations.currency_id[:1].compare_amounts(old[f], new[f])
                for f in fnames
            )
        )

    def _analyze(self):
        """Planner statistics for the bulk-loaded tables, as autovacuum would gather
        them after such a load (a copy of the database made before it would run with
        none, and PostgreSQL would pick plans for empty tables)."""
        for table in BULK_TABLES:
            self.env.cr.execute(f"ANALYZE {table}")

    # ------------------------------------------------------------------
    def _copy(self, table, columns, rows):
        """COPY rows into a table, in chunks."""
        cr = self.env.cr
        chunk = 100_000
        for start in range(0, len(rows), chunk):
            buffer = io.StringIO()
            for row in rows[start : start + chunk]:
                buffer.write("\t".join(_copy_value(value) for value in row))
                buffer.write("\n")
            buffer.seek(0)
            cr.copy_from(buffer, table, columns=columns, null="\\N")
        self.env.invalidate_all()


def _copy_value(value):
    if value is None:
        return "\\N"
    if value is True:
        return "t"
    if value is False:
        return "f"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def generate(env, size, seed=2026, commit=False):
    """Fill ``env``'s database with an organizer of this size; return a summary.
    With ``commit``, the invoices are committed batch by batch."""
    return Generator(env, size, seed=seed, commit=commit).run()
