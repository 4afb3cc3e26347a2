"""Space contracts changed by two at once: two users cancel the same contract at
the same moment, and a customer's deposit payment arrives while the scheduled job
releases the contract for its unpaid deposit.

``run(registry, size)`` creates (committed) an edition with a contract schedule
and, per run, signed contracts (a booth each, the deposit invoiced). Cancel: two
threads apply *Cancel or Reduce* at once; one cancels, the other is refused
("already cancelled"), at once or after retrying a serialization failure. Payment
against release: one thread registers the deposit payment, the other runs the
release of unpaid deposits; either the deposit is paid and the booth sold, or the
contract is released, its deposit credited and the booth free, never both and
never neither. Signatures: two exhibitors sign, in the portal at the same moment,
quotations offering the same booth; exactly one reserves it, the other is refused
(the booth is taken) or finds its quotation cancelled. The figures count each
outcome and every violation.

Run by ``setup/expo stress`` (``--only contracts``). Posted invoices, credit notes
and payments stay, as accounting entries do; the rest of the data is archived.
"""

import uuid
from datetime import date, datetime, timedelta

from odoo import SUPERUSER_ID, Command, api

from .common import Request, run_together, scenario_users

RUNS = {"small": 3, "large": 10}
# a 1 x 1 picture: what the portal's signature pad sends
SIGNATURE = "R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs="


def run(registry, size="small"):
    """Race two cancellations, then a payment against the release, ``runs``
    times each; return the figures."""
    runs = RUNS[size]
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        setup = _set_up(env)
        cr.commit()
    figures = {
        "scenario": "a contract cancelled twice at once; a deposit paid while the "
        "job releases it; two exhibitors signing for the same booth at once",
        "runs": runs,
        "cancelled": 0,
        "cancel_refused": 0,
        "double_cancellations": 0,
        "paid": 0,
        "released": 0,
        "payment_refused": 0,
        "paid_and_released": 0,
        "neither": 0,
        "reserved": 0,
        "booths_signed_twice": 0,
        "signatures_lost": 0,
        "retries": 0,
        "failures": 0,
        "errors": [],
    }
    try:
        for number in range(runs):
            _race_cancellations(registry, setup, number, figures)
            _race_payment_and_release(registry, setup, number, figures)
            _race_signatures(registry, setup, number, figures)
    finally:
        _tear_down(registry, setup)
    figures["violations"] = [
        name
        for name, wrong in (
            ("contracts cancelled twice", figures["double_cancellations"]),
            ("deposits paid on released contracts", figures["paid_and_released"]),
            ("contracts neither paid nor released", figures["neither"]),
            ("booths reserved by two signatures", figures["booths_signed_twice"]),
            ("booths reserved by no signature", figures["signatures_lost"]),
            ("unexpected errors", figures["failures"]),
        )
        if wrong
    ]
    return figures


def _set_up(env):
    tag = uuid.uuid4().hex[:8]
    users = scenario_users(env, "contract", tag)
    schedule = env["expo.contract.schedule"].create(
        {
            "name": f"Stress Contract {tag}",
            "deposit_percent": 30.0,
            "deposit_due_days": 14,
            "tier_ids": [
                Command.create({"min_days": 181, "percent": 10.0}),
                Command.create({"min_days": 90, "percent": 50.0}),
                Command.create({"min_days": 0, "percent": 100.0}),
            ],
        }
    )
    series = env["expo.series"].create(
        {
            "name": f"Stress Contract Fair {tag}",
            "code": f"SC{tag}",
            "contract_schedule_id": schedule.id,
        }
    )
    now = datetime.now().replace(microsecond=0)
    edition = env["event.event"].create(
        {
            "name": f"Stress Contract Fair {tag}",
            "expo_series_id": series.id,
            "date_begin": now + timedelta(days=120),
            "date_end": now + timedelta(days=123),
        }
    )
    product = env["product.product"].create(
        {
            "name": f"Stress Contract Booth {tag}",
            "type": "service",
            "invoice_policy": "order",
            "service_tracking": "event_booth",
            "expo_amount_kind": "booth",
            "list_price": 2700.0,
        }
    )
    category = env["event.booth.category"].create(
        {
            "name": f"Stress Contract 9 m² {tag}",
            "expo_area_sqm": 9.0,
            "expo_price_per_sqm": 300.0,
            "product_id": product.id,
        }
    )
    return {
        "tag": tag,
        "users": users.ids,
        "schedule": schedule.id,
        "series": series.id,
        "event": edition.id,
        "product": product.id,
        "category": category.id,
    }


def _booth(env, setup, name):
    return env["event.booth"].create(
        {
            "name": name,
            "event_id": setup["event"],
            "booth_category_id": setup["category"],
        }
    )


def _signed_contract(env, setup, name):
    """A booth and a confirmed contract for it: the deposit is invoiced."""
    booth = _booth(env, setup, name)
    order = _quotation(env, setup, booth, name)
    order.action_confirm()
    return order, booth


def _quotation(env, setup, booth, name):
    """A contract sent to a new customer for ``booth``, to sign online."""
    partner = env["res.partner"].create(
        {"name": f"Stress Contract Customer {setup['tag']} {name}", "is_company": True}
    )
    order = env["sale.order"].create(
        {
            "partner_id": partner.id,
            "expo_event_id": setup["event"],
            "order_line": [
                Command.create(
                    {
                        "product_id": setup["product"],
                        "price_unit": booth.price,
                        "event_id": setup["event"],
                        "event_booth_category_id": setup["category"],
                        "event_booth_pending_ids": [Command.set(booth.ids)],
                    }
                )
            ],
        }
    )
    order.action_quotation_sent()
    return order


def _race_cancellations(registry, setup, number, figures):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        order, _booth = _signed_contract(env, setup, f"C{number}")
        participation = order.expo_participation_ids[:1]
        reason = env.ref("expo_crm.cancellation_reason_budget")
        wizards = [
            env["expo.contract.change.wizard"]
            .with_user(uid)
            .with_context(active_id=participation.id)
            .create({"kind": "cancel", "reason_id": reason.id})
            .id
            for uid in setup["users"]
        ]
        cr.commit()
        order_id = order.id

    def press(uid, wizard_id):
        request = Request(registry, uid)
        try:
            _result, refusal = request(
                lambda env: env["expo.contract.change.wizard"]
                .browse(wizard_id)
                .action_apply()
            )
        except Exception as error:
            return ("failed", request.tries - 1, repr(error))
        return ("refused" if refusal else "done", request.tries - 1, refusal)

    outcomes = run_together(
        *(
            lambda uid=uid, wizard=wizard: press(uid, wizard)
            for uid, wizard in zip(setup["users"], wizards, strict=True)
        )
    )
    _count(figures, outcomes, "cancelled", "cancel_refused")
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        changes = env["expo.contract.change"].search_count(
            [("order_id", "=", order_id)]
        )
        figures["double_cancellations"] += max(changes - 1, 0)


def _race_payment_and_release(registry, setup, number, figures):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        order, booth = _signed_contract(env, setup, f"P{number}")
        deposit = order._expo_deposit_invoices()
        # the deposit was due yesterday: the job may release the contract
        order.expo_deposit_due = date.today() - timedelta(days=1)
        cr.commit()
        order_id, booth_id, deposit_id = order.id, booth.id, deposit.id
        amount = deposit.amount_total

    def pay():
        request = Request(registry, SUPERUSER_ID)
        try:
            _result, refusal = request(
                lambda env: env["account.payment.register"]
                .with_context(active_model="account.move", active_ids=[deposit_id])
                .create({"amount": amount})
                ._create_payments()
            )
        except Exception as error:
            return ("failed", request.tries - 1, repr(error))
        return ("refused" if refusal else "done", request.tries - 1, refusal)

    def release():
        request = Request(registry, SUPERUSER_ID)
        try:
            _result, refusal = request(
                lambda env: env["sale.order"]
                .browse(order_id)
                ._expo_release_unpaid_deposit()
            )
        except Exception as error:
            return ("failed", request.tries - 1, repr(error))
        return ("refused" if refusal else "done", request.tries - 1, refusal)

    # the release runs with the payment, or half a second after it started
    outcomes = run_together(pay, release, stagger=0.5 if number % 2 else 0.0)
    _count(figures, outcomes[:1], "payments_done", "payment_refused")
    _count(figures, outcomes[1:], "releases_done", "releases_refused")
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        order = env["sale.order"].browse(order_id)
        booth = env["event.booth"].browse(booth_id)
        deposit = env["account.move"].browse(deposit_id)
        paid_by_payment = bool(
            deposit._get_reconciled_payments()
        ) and deposit.payment_state in ("paid", "in_payment")
        released = order.expo_contract_state == "released"
        if paid_by_payment and not released and booth.expo_sale_state == "sold":
            figures["paid"] += 1
        elif released and not paid_by_payment and booth.expo_sale_state == "available":
            figures["released"] += 1
        elif paid_by_payment and released:
            figures["paid_and_released"] += 1
        else:
            figures["neither"] += 1


def _race_signatures(registry, setup, number, figures):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
        booth = _booth(env, setup, f"S{number}")
        order_ids = [
            _quotation(env, setup, booth, f"S{number}-{rank}").id for rank in (1, 2)
        ]
        cr.commit()
        booth_id = booth.id

    def sign(order_id):
        # what the portal's signature route does, as the exhibitor (sudo)
        def portal_sign(env):
            order = env["sale.order"].browse(order_id)
            if not order._has_to_be_signed():
                return "not to be signed any more"
            order.write(
                {
                    "signed_by": "Stress Exhibitor",
                    "signed_on": datetime.now(),
                    "signature": SIGNATURE,
                }
            )
            return None

        request = Request(registry, SUPERUSER_ID)
        try:
            result, refusal = request(portal_sign)
        except Exception as error:
            return ("failed", request.tries - 1, repr(error))
        refusal = refusal or result
        return ("refused" if refusal else "done", request.tries - 1, refusal)

    outcomes = run_together(*(lambda order=order: sign(order) for order in order_ids))
    _count(figures, outcomes, "signatures_done", "signatures_refused")
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        orders = env["sale.order"].browse(order_ids)
        signed = orders.filtered(lambda order: order.expo_contract_state == "signed")
        booth = env["event.booth"].browse(booth_id)
        if len(signed) > 1:
            figures["booths_signed_twice"] += 1
        elif (
            signed
            and booth.expo_sale_state == "reserved"
            and booth.partner_id == signed.partner_id
        ):
            figures["reserved"] += 1
        else:
            figures["signatures_lost"] += 1


def _count(figures, outcomes, done_key, refused_key):
    for state, retries, message in outcomes:
        figures["retries"] += retries
        if state == "done":
            figures[done_key] = figures.get(done_key, 0) + 1
        elif state == "refused":
            figures[refused_key] = figures.get(refused_key, 0) + 1
        else:
            figures["failures"] += 1
            figures["errors"].append(message)


def _tear_down(registry, setup):
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        env["expo.series"].browse(setup["series"]).active = False
        env["expo.contract.schedule"].browse(setup["schedule"]).active = False
        env["res.users"].browse(setup["users"]).active = False
        cr.commit()
