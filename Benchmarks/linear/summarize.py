"""Prints the side-by-side table of Benchmarks/linear/run.sh from the two result files.

Each line of a result file: "<model> <median> iterations=<n> runs=<t1>,<t2>,…".
"""
import statistics
import sys


def read(path):
    runs, iterations = {}, {}
    for line in open(path):
        model, _, its, rs = line.split()
        runs.setdefault(model, []).extend(float(t) for t in rs.split("=")[1].split(","))
        iterations[model] = its.split("=")[1]
    return runs, iterations


sk, sk_it = read(sys.argv[1])
ours, ours_it = read(sys.argv[2])
print("model  scikit-learn(s)  AutoSwiftML(s)  speed-up(sklearn/ours)  fits  iterations(sklearn/ours)")
for model in sk:
    a, b = statistics.median(sk[model]), statistics.median(ours[model])
    print(f"{model:<5}  {a:>15.4f}  {b:>14.4f}  {a / b:>21.2f}x  {len(sk[model]):>4}  {sk_it[model]}/{ours_it[model]}")
