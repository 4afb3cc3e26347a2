# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl-3.0).
from odoo import SUPERUSER_ID, api
from odoo.tools import SQL

from odoo.addons.expo_crm.rules.history import TAKEN_PART_STATES


def migrate(cr, version):
    """Since 18.0.1.2.0:

    - the exhibition team's pipeline keeps to its own stages (its data record is not
      updated: users may have renamed it);
    - each series ranks and rebooks the roles that buy space, exhibitors and sponsors
      for the existing ones; their relationships are ranked at once;
    - every relationship and partner summary is recomputed, per company, by the
      scheduled refresh (in batches, as soon as possible after the upgrade).
    """
    env = api.Environment(cr, SUPERUSER_ID, {})
    team = env.ref("expo_crm.crm_team_exhibition_sales", raise_if_not_found=False)
    if team:
        team.expo_own_stages = True
    _rank_existing_series(env)
    env["expo.relationship"]._request_refresh()


def _rank_existing_series(env):
    roles = env["expo.series"]._default_ranked_role_ids()
    if not roles:
        return
    env.cr.execute(
        SQL(
            """
            INSERT INTO expo_series_ranked_role_rel (series_id, role_id)
            SELECT series.id, role.id
              FROM expo_series series CROSS JOIN expo_role role
             WHERE role.id IN %(roles)s
                   AND NOT EXISTS (SELECT 1 FROM expo_series_ranked_role_rel rel
                                    WHERE rel.series_id = series.id)
            """,
            roles=tuple(roles.ids),
        )
    )
    env.cr.execute(
        SQL(
            """
            UPDATE expo_relationship rel
               SET priority_ranked = EXISTS (
                   SELECT 1 FROM expo_participation p
                     JOIN expo_series_ranked_role_rel ranked
                       ON ranked.series_id = p.series_id AND ranked.role_id = p.role_id
                    WHERE p.partner_id = rel.partner_id
                      AND p.series_id = rel.series_id
                      AND p.state IN %(taken)s)
            """,
            taken=TAKEN_PART_STATES,
        )
    )
