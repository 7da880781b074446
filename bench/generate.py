"""python -m bench.generate SIZE: fill the database DATABASE_URL names (migrated, no areas or
units yet) with the generated dataset, its areas and each county's campaign, then VACUUM
ANALYZE it so the planner knows the tables."""

import json
import sys
import time


def generate(size_name: str, *, analyze: bool = True) -> dict:
    from django.db import connection, transaction

    from bench.dataset import Generator
    from bench.sizes import SIZES

    started = time.perf_counter()
    with transaction.atomic():
        counts = Generator(SIZES[size_name]).run()
    written = time.perf_counter()
    if analyze and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    return {
        "rows": sum(counts.values()),
        "tables": counts,
        "write_s": round(written - started, 1),
        "analyze_s": round(time.perf_counter() - written, 1),
    }


def main() -> None:
    import django

    django.setup()
    result = generate(sys.argv[1])
    print(json.dumps(result))


if __name__ == "__main__":
    main()
