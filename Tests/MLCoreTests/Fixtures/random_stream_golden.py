#!/usr/bin/env python3
"""Independent reference for RandomStream: SplitMix64 seeding + xoshiro256** (Blackman & Vigna).

Prints the first three outputs of RandomStream(seed: 123) and of RandomStream(seed: 123).split(7),
the values pinned in RandomStreamTests. Standard library only.
"""
M = (1 << 64) - 1

def mix(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)

def stream(path_hash):
    sm = path_hash
    s = []
    for _ in range(4):
        sm = (sm + 0x9E3779B97F4A7C15) & M
        s.append(mix(sm))
    def rotl(x, k):
        return ((x << k) | (x >> (64 - k))) & M
    while True:
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t
        s[3] = rotl(s[3], 45)
        yield result

def root(seed):
    return mix(seed ^ 0x9E3779B97F4A7C15)

def split(path_hash, key):
    return mix((path_hash + mix((key + 0xD1B54A32D192ED03) & M)) & M)

g = stream(root(123))
print([next(g) for _ in range(3)])
g = stream(split(root(123), 7))
print([next(g) for _ in range(3)])
