# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from collections import defaultdict

from odoo.tools import format_amount, format_date

# reason parameters holding a record id, shown by the record's name
RECORD_PARAMETERS = {
    "series": "expo.series",
    "edition": "event.event",
    "previous": "event.event",
    "currency": "res.currency",
}


def render_reasons(env, reasons_by_record, messages):
    """Sentences of stored reasons, in ``env``'s language.

    :param reasons_by_record: ``{record: [[code, parameters], ...]}`` as computed
        results store them (Json), so that each reader gets its own language
    :param messages: ``{code: lazy translated message with %(name)s parameters}``
    :return: ``{record: [sentence, ...]}``

    Parameters named after ``RECORD_PARAMETERS`` hold ids and show the record's
    name in that language; ``date`` is an ISO date shown as the language writes
    dates; ``amount`` is shown in the currency of the ``currency`` parameter.
    Records are read once for all the reasons.
    """
    ids_by_model = defaultdict(set)
    for reasons in reasons_by_record.values():
        for _code, params in reasons or []:
            for key, model in RECORD_PARAMETERS.items():
                if key in params:
                    ids_by_model[model].add(params[key])
    records = {
        model: {record.id: record for record in env[model].browse(ids).exists()}
        for model, ids in ids_by_model.items()
    }
    sentences = {}
    for owner, reasons in reasons_by_record.items():
        sentences[owner] = []
        for code, params in reasons or []:
            values = dict(params)
            currency = records.get("res.currency", {}).get(values.pop("currency", None))
            for key, model in RECORD_PARAMETERS.items():
                if key in values:
                    record = records[model].get(values[key])
                    values[key] = record.display_name if record else "?"
            if "date" in values:
                values["date"] = format_date(env, values["date"])
            if "amount" in values:
                values["amount"] = format_amount(env, values["amount"], currency)
            sentences[owner].append(env._(messages[code]) % values)
    return sentences
