"""Command line of the scale generator and benchmark (``setup/expo generate|bench``).

python -m tests.scale -c ODOO_CONF generate SIZE --db NAME [--seed N] [--orm-invoices N]
python -m tests.scale -c ODOO_CONF bench --db NAME [--only full,...] [--out DIR]
"""

import argparse
import dataclasses
import json
import sys
from contextlib import closing
from datetime import date
from pathlib import Path

import psycopg2

import odoo
from odoo.modules.registry import Registry

from . import benchmark, generator

RESULTS = Path(__file__).resolve().parent / "results"


def _env(conf, db):
    odoo.tools.config.parse_config(["-c", conf, "-d", db, "--log-level=warn"])
    registry = Registry(db)
    return registry


def cmd_generate(args):
    registry = _env(args.config, args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        size = generator.SIZES[args.size]
        if args.orm_invoices is not None:
            size = dataclasses.replace(size, orm_invoices=args.orm_invoices)
        summary = generator.generate(env, size, seed=args.seed, commit=True)
        cr.commit()
    _vacuum(args.db, generator.BULK_TABLES)
    print(f"[generate] vacuumed {', '.join(generator.BULK_TABLES)}", flush=True)
    print(json.dumps(summary, indent=2))


def _vacuum(db, tables):
    """VACUUM (ANALYZE) tables just loaded or rewritten, as autovacuum would soon
    after (it sets the visibility map that index-only scans need, and the planner's
    statistics). VACUUM cannot run inside a transaction: on a connection of its
    own, in autocommit."""
    _name, info = odoo.sql_db.connection_info_for(db)
    with closing(psycopg2.connect(**info)) as cnx:
        cnx.autocommit = True
        with cnx.cursor() as cur:
            for table in tables:
                cur.execute(f'VACUUM (ANALYZE) "{table}"')


def cmd_bench(args):
    registry = _env(args.config, args.db)
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        only = args.only.split(",") if args.only else None
        report = benchmark.run(
            env,
            commit=True,
            only=only,
            settle=lambda: _vacuum(args.db, benchmark.SETTLE_TABLES),
        )
        cr.commit()
    report["database"] = args.db
    report["size"] = args.size
    report["date"] = date.today().isoformat()
    text = json.dumps(report, indent=2, default=str)
    print(text)
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        path = out / f"{args.size or args.db}-{report['date']}.json"
        path.write_text(text + "\n")
        print(f"[bench] results written to {path}", file=sys.stderr)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="setup/expo")
    parser.add_argument("-c", "--config", required=True, help="Odoo configuration file")
    sub = parser.add_subparsers(dest="command", required=True)
    gen = sub.add_parser("generate", help="fill a database with an organizer")
    gen.add_argument("size", choices=sorted(generator.SIZES))
    gen.add_argument("--db", required=True)
    gen.add_argument("--seed", type=int, default=2026)
    gen.add_argument(
        "--orm-invoices",
        type=int,
        help="invoice this many of the most recent participations through the "
        "ORM instead of the size's number (0: all amounts in bulk)",
    )
    gen.set_defaults(func=cmd_generate)
    bench = sub.add_parser("bench", help="measure on a generated database")
    bench.add_argument("--db", required=True)
    bench.add_argument("--size", help="size label of the results file (S, M, L)")
    bench.add_argument(
        "--only",
        help="comma-separated steps: "
        "full,full_again,segment_list,relationship_list,retention,nps,"
        "incremental,rebooking,draw",
    )
    bench.add_argument(
        "--out",
        nargs="?",
        const=str(RESULTS),
        help="write the results as JSON into this folder",
    )
    bench.set_defaults(func=cmd_bench)
    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
