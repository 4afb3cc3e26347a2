# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
import json

# churn reasons whose drop parameter was named "drop" until 18.0.1.2.0
CUT_REASONS = ("space_cut", "spend_cut")


def _renamed(params):
    return {"percent" if key == "drop" else key: value for key, value in params.items()}


def migrate(cr, version):
    """Since 18.0.1.2.0 a space or spend cut among the churn reasons names its
    drop ``percent``, as the lifecycle's reasons do: rename it in the reasons
    each company stored."""
    cr.execute(
        "SELECT id, expo_churn_reason_data FROM res_partner"
        " WHERE expo_churn_reason_data::text LIKE '%%drop%%'"
    )
    for partner_id, by_company in cr.fetchall():
        renamed = {}
        for company_id, data in by_company.items():
            reasons = json.loads(data) if data else data
            if reasons:
                reasons = [
                    [code, _renamed(params) if code in CUT_REASONS else params]
                    for code, params in reasons
                ]
            renamed[company_id] = json.dumps(reasons) if reasons else data
        cr.execute(
            "UPDATE res_partner SET expo_churn_reason_data = %s WHERE id = %s",
            (json.dumps(renamed), partner_id),
        )
