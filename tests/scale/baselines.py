"""Hand-written SQL computing the figures the addons compute, for the benchmark to
compare with (time and result)."""

# (partner, series): editions taken part in, first and last of them, economic value
# (amounts invoiced, whatever the state, in the latest ``window`` held editions and the
# upcoming ones)
RELATIONSHIPS = """
WITH edition AS (
    SELECT e.id, e.expo_series_id AS series_id, e.date_begin,
           e.date_begin <= %(now)s AS held,
           ROW_NUMBER() OVER (PARTITION BY e.expo_series_id, e.date_begin <= %(now)s
                              ORDER BY e.date_begin DESC, e.id DESC) AS age
      FROM event_event e
      JOIN expo_series s ON s.id = e.expo_series_id
     WHERE s.company_id = %(company)s
), taken AS (
    SELECT p.partner_id, p.series_id, p.event_id, ed.date_begin
      FROM expo_participation p
      JOIN edition ed ON ed.id = p.event_id
     WHERE p.state IN ('confirmed', 'attended')
  GROUP BY p.partner_id, p.series_id, p.event_id, ed.date_begin
), history AS (
    SELECT partner_id, series_id, count(*) AS editions_attended,
           (array_agg(event_id ORDER BY date_begin, event_id))[1] AS first_event_id,
           (array_agg(event_id ORDER BY date_begin DESC, event_id DESC))[1]
               AS last_event_id
      FROM taken
  GROUP BY partner_id, series_id
), money AS (
    SELECT p.partner_id, p.series_id,
           ROUND(SUM(COALESCE(p.amount_invoiced, 0)), 2) AS economic_value
      FROM expo_participation p
      JOIN edition ed ON ed.id = p.event_id
     WHERE NOT ed.held OR ed.age <= %(window)s
  GROUP BY p.partner_id, p.series_id
), pairs AS (
    SELECT DISTINCT p.partner_id, p.series_id
      FROM expo_participation p
      JOIN edition ed ON ed.id = p.event_id
)
SELECT pairs.partner_id, pairs.series_id,
       COALESCE(h.editions_attended, 0), h.first_event_id, h.last_event_id,
       COALESCE(m.economic_value, 0)
  FROM pairs
  LEFT JOIN history h USING (partner_id, series_id)
  LEFT JOIN money m USING (partner_id, series_id)
"""

# partner RFM over the segmented population, quintile scores by mid-rank percentile,
# Pareto class of the partner's economic value
RFM = """
WITH edition AS (
    SELECT e.id, e.expo_series_id AS series_id, e.date_begin,
           ROW_NUMBER() OVER (PARTITION BY e.expo_series_id
                              ORDER BY e.date_begin DESC, e.id DESC) AS age
      FROM event_event e
      JOIN expo_series s ON s.id = e.expo_series_id
     WHERE s.company_id = %(company)s AND e.date_begin <= %(now)s
), part AS (
    SELECT p.partner_id, p.series_id, p.event_id, p.event_date_begin,
           COALESCE(p.amount_invoiced, 0) AS amount, ed.age
      FROM expo_participation p
      JOIN edition ed ON ed.id = p.event_id
     WHERE p.company_id = %(company)s
       AND p.state IN ('confirmed', 'attended')
       AND p.role_id = ANY(%(roles)s)
), per_series AS (
    SELECT partner_id, series_id,
           (SELECT count(*) FROM edition ed
             WHERE ed.series_id = part.series_id
               AND ed.date_begin > max(part.event_date_begin)) AS recency,
           count(DISTINCT event_id) FILTER (WHERE age <= %(window)s) AS frequency,
           COALESCE(SUM(amount) FILTER (WHERE age <= %(window)s), 0) AS monetary
      FROM part
  GROUP BY partner_id, series_id
), per_partner AS (
    SELECT ps.partner_id, min(recency) AS recency, sum(frequency) AS frequency,
           ROUND(sum(monetary), 2) AS monetary,
           COALESCE(max((rp.expo_economic_value ->> %(company)s::text)::numeric), 0)
               AS value
      FROM per_series ps
      JOIN res_partner rp ON rp.id = ps.partner_id
  GROUP BY ps.partner_id
), ranked AS (
    SELECT *,
           count(*) OVER () AS total_count,
           RANK() OVER (ORDER BY recency DESC) - 1 AS r_below,
           count(*) OVER (PARTITION BY recency) AS r_equal,
           RANK() OVER (ORDER BY frequency) - 1 AS f_below,
           count(*) OVER (PARTITION BY frequency) AS f_equal,
           RANK() OVER (ORDER BY monetary) - 1 AS m_below,
           count(*) OVER (PARTITION BY monetary) AS m_equal,
           SUM(GREATEST(value, 0)) OVER () AS value_total,
           SUM(GREATEST(value, 0)) OVER (ORDER BY value DESC)
               - GREATEST(value, 0) * count(*) OVER (PARTITION BY value) AS before
      FROM per_partner
)
SELECT partner_id, recency, frequency, monetary,
       LEAST(5, (2 * r_below + r_equal) * 5 / (2 * total_count) + 1) AS r_score,
       LEAST(5, (2 * f_below + f_equal) * 5 / (2 * total_count) + 1) AS f_score,
       LEAST(5, (2 * m_below + m_equal) * 5 / (2 * total_count) + 1) AS m_score,
       CASE WHEN value_total = 0 THEN NULL
            WHEN value <= 0 THEN 'c'
            WHEN before * 100 < %(a_pct)s * value_total THEN 'a'
            WHEN before * 100 < %(b_pct)s * value_total THEN 'b'
            ELSE 'c' END AS pareto
  FROM ranked
"""

# the partner list filtered by a segment, as the list view asks it
SEGMENT_LIST = """
SELECT p.id, p.complete_name, p.email, p.phone,
       p.expo_lifecycle_stage ->> %(company)s::text,
       p.expo_value_tier ->> %(company)s::text,
       p.expo_pareto_class ->> %(company)s::text,
       (p.expo_economic_value ->> %(company)s::text)::numeric,
       p.expo_rfm_cell ->> %(company)s::text, u_partner.name
  FROM res_partner p
  LEFT JOIN res_users u ON u.id = p.user_id
  LEFT JOIN res_partner u_partner ON u_partner.id = u.partner_id
 WHERE p.active AND p.expo_value_tier ->> %(company)s::text = %(tier)s
 ORDER BY p.complete_name, p.id DESC
 LIMIT 80
"""
SEGMENT_COUNT = """
SELECT count(*) FROM (
    SELECT 1 FROM res_partner p
     WHERE p.active AND p.expo_value_tier ->> %(company)s::text = %(tier)s
     LIMIT %(limit)s) AS t
"""

# retention of one edition by role: participants, new, returning, won back, lost,
# space and revenue, straight from the participations of this and the previous edition
# the first page of a series' relationships, by priority, with each one's rank among
# the ranked ones (0 for the others)
RELATIONSHIP_LIST = """
SELECT id, CASE WHEN priority_ranked THEN rank ELSE 0 END
  FROM (SELECT id, priority_points, priority_ranked,
               RANK() OVER (PARTITION BY priority_ranked
                            ORDER BY priority_points DESC) AS rank
          FROM expo_relationship
         WHERE series_id = %(series)s) AS ranked
 ORDER BY priority_points DESC, id
 LIMIT 80
"""
RETENTION = """
WITH ed AS (
    SELECT id, date_begin FROM event_event WHERE expo_series_id = %(series)s
), prev AS (
    SELECT id FROM ed
     WHERE date_begin < (SELECT date_begin FROM ed WHERE id = %(event)s)
  ORDER BY date_begin DESC, id DESC LIMIT 1
), part AS (
    SELECT DISTINCT ON (p.partner_id, p.role_id, p.event_id)
           p.partner_id, p.role_id, p.event_id, ed.date_begin,
           COALESCE(p.space_sqm, 0) AS space_sqm,
           COALESCE(p.amount_invoiced, 0) AS amount
      FROM expo_participation p
      JOIN ed ON ed.id = p.event_id
     WHERE p.state IN ('confirmed', 'attended')
), cur AS (
    SELECT * FROM part WHERE event_id = %(event)s
), before AS (
    SELECT * FROM part WHERE event_id = (SELECT id FROM prev)
), earlier AS (
    SELECT DISTINCT partner_id, role_id FROM part
     WHERE date_begin < (SELECT date_begin FROM ed WHERE id = %(event)s)
)
SELECT role_id, sum(participants), sum(new), sum(returned), sum(won_back),
       sum(lost), ROUND(sum(space_sqm)::numeric, 2), ROUND(sum(amount)::numeric, 2)
  FROM (
    SELECT cur.role_id, 1 AS participants,
           CASE WHEN e.partner_id IS NULL THEN 1 ELSE 0 END AS new,
           CASE WHEN b.partner_id IS NOT NULL THEN 1 ELSE 0 END AS returned,
           CASE WHEN b.partner_id IS NULL AND e.partner_id IS NOT NULL THEN 1 ELSE 0 END
               AS won_back,
           0 AS lost, cur.space_sqm, cur.amount
      FROM cur
      LEFT JOIN before b USING (partner_id, role_id)
      LEFT JOIN earlier e USING (partner_id, role_id)
    UNION ALL
    SELECT b.role_id, 0, 0, 0, 0, 1, 0, 0
      FROM before b
     WHERE NOT EXISTS (SELECT 1 FROM cur
                        WHERE cur.partner_id = b.partner_id
                          AND cur.role_id = b.role_id)
  ) AS rows
 GROUP BY role_id
"""

# NPS per edition and role from the completed survey answers
NPS = """
SELECT p.event_id, p.role_id, count(*) AS answers,
       ROUND(100.0 * (count(*) FILTER (WHERE ui.expo_nps_category = 'promoter')
                     - count(*) FILTER (WHERE ui.expo_nps_category = 'detractor'))
             / NULLIF(count(ui.expo_nps_category), 0), 1) AS nps
  FROM survey_user_input ui
  JOIN expo_participation p ON p.id = ui.expo_participation_id
 WHERE ui.test_entry IS NOT TRUE AND ui.state = 'done'
 GROUP BY p.event_id, p.role_id
"""

# The read-only baselines above compare storing results with only reading them. The
# write baselines store the same figures into the same columns, one set-based
# UPDATE ... FROM per table, for the ratio of the whole job.
WRITE_RELATIONSHIPS = f"""
WITH baseline (partner_id, series_id, editions_attended, first_event_id,
               last_event_id, economic_value) AS ({RELATIONSHIPS})
UPDATE expo_relationship r
   SET editions_attended = b.editions_attended,
       first_event_id = b.first_event_id,
       last_event_id = b.last_event_id,
       economic_value = b.economic_value
  FROM baseline b
 WHERE r.partner_id = b.partner_id AND r.series_id = b.series_id
"""


def _company_value(column, value):
    """The SET clause of a company-dependent column for the company parameter."""
    return (
        f"{column} = COALESCE(p.{column}, '{{}}'::jsonb)"
        f" || jsonb_build_object(%(company)s::text, {value})"
    )


WRITE_RFM = f"""
WITH baseline AS ({RFM})
UPDATE res_partner p
   SET {_company_value("expo_rfm_recency", "b.recency")},
       {_company_value("expo_rfm_frequency", "b.frequency")},
       {_company_value("expo_rfm_monetary", "b.monetary")},
       {_company_value("expo_rfm_recency_score", "b.r_score::text")},
       {_company_value("expo_rfm_frequency_score", "b.f_score::text")},
       {_company_value("expo_rfm_monetary_score", "b.m_score::text")},
       {_company_value("expo_rfm_cell", "b.r_score::text || b.f_score || b.m_score")},
       {_company_value("expo_pareto_class", "b.pareto")}
  FROM baseline b
 WHERE p.id = b.partner_id
"""
