#!/usr/bin/env python3
"""Times the same load and group-by counts in pandas and in sqlite3.

The counts are those Fairwatch's facet pass computes: distinct firms per
confidence level, per HQ country, per fair, per host country and per year.
Prints medians in seconds as `RESULT name=value` lines.
"""
import statistics
import subprocess
import sys
import tempfile
import time

COUNTS_SQL = """
select confidence, count(distinct firm) from t group by confidence;
select hq_country, count(distinct firm) from t group by hq_country;
select fair, host_country, count(distinct firm) from t group by fair, host_country;
select host_country, count(distinct firm) from t group by host_country;
select year, count(distinct firm) from t group by year;
"""


def time_pandas(path, runs):
    import pandas as pd

    loads, counts = [], []
    for _ in range(runs):
        start = time.perf_counter()
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        loaded = time.perf_counter()
        frame.groupby("confidence")["firm"].nunique()
        frame.groupby("hq_country")["firm"].nunique()
        frame.groupby(["fair", "host_country"])["firm"].nunique()
        frame.groupby("host_country")["firm"].nunique()
        frame.groupby("year")["firm"].nunique()
        done = time.perf_counter()
        loads.append(loaded - start)
        counts.append(done - loaded)
    return statistics.median(loads), statistics.median(counts)


def time_sqlite(path, runs):
    loads, counts = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            db = f"{tmp}/bench.db"
            start = time.perf_counter()
            subprocess.run(["sqlite3", db, ".mode csv", f".import {path} t"], check=True)
            loaded = time.perf_counter()
            subprocess.run(["sqlite3", db], input=COUNTS_SQL, text=True, check=True,
                           stdout=subprocess.DEVNULL)
            done = time.perf_counter()
        loads.append(loaded - start)
        counts.append(done - loaded)
    return statistics.median(loads), statistics.median(counts)


def main():
    path = sys.argv[1]
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    pandas_load, pandas_counts = time_pandas(path, runs)
    print(f"pandas:  load {pandas_load:.3f} s, group-by counts {pandas_counts * 1000:.1f} ms (median of {runs})")
    sqlite_load, sqlite_counts = time_sqlite(path, runs)
    print(f"sqlite3: load {sqlite_load:.3f} s, group-by counts {sqlite_counts * 1000:.1f} ms (median of {runs})")
    print(f"RESULT pandas_load_s={pandas_load:.4f} pandas_counts_ms={pandas_counts * 1000:.2f} "
          f"sqlite_load_s={sqlite_load:.4f} sqlite_counts_ms={sqlite_counts * 1000:.2f}")


if __name__ == "__main__":
    main()
