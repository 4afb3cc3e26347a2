# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).


def log_tracked_changes(changes):
    """Log tracked changes in the records' chatter as Odoo's tracking logs them
    (a note per record holding the tracking values of its changed fields), with
    one batch of messages and one of tracking values.

    :param changes: ``[(record, {tracked field: old value})]``, records of one
        model holding their new values

    Odoo's tracking posts one message and its values at a time when the
    transaction commits, which a job changing thousands of stages cannot afford;
    the values themselves come from ``_mail_track``, the method Odoo's tracking
    calls for each record, so that they are the ones it would write. Nothing is
    logged when the context turns tracking off.
    """
    if not changes:
        return
    model = changes[0][0].browse()
    if model.env.context.get("tracking_disable") or model.env.context.get(
        "mail_notrack"
    ):
        return
    records = model.union(*(record for record, _old in changes))
    fnames = sorted(set().union(*(old for _record, old in changes)))
    tracked_fields = model.fields_get(
        fnames, attributes=("string", "type", "selection", "currency_field")
    )
    commands = {
        record.id: record._mail_track(tracked_fields, old)[1] for record, old in changes
    }
    messages = records.filtered(lambda record: commands[record.id])._message_log_batch(
        bodies={}
    )
    model.env["mail.tracking.value"].sudo().create(
        [
            dict(values, mail_message_id=message.id)
            for message in messages
            for _zero, _id, values in commands[message.res_id]
        ]
    )
