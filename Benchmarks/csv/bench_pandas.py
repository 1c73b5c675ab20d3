"""pandas.read_csv on the same file: prints median_seconds=… mb_per_second=… runs=…"""
import os
import statistics
import sys
import time

import pandas as pd

path, repeats = sys.argv[1], int(sys.argv[2])
size = os.path.getsize(path)
times = []
for _ in range(repeats):
    start = time.perf_counter()
    frame = pd.read_csv(path)
    times.append(time.perf_counter() - start)
    assert len(frame) > 0
median = statistics.median(times)
print(f"median_seconds={median:.4f} mb_per_second={size / 1e6 / median:.0f} runs={repeats}")
