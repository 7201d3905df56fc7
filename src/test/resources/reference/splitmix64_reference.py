#!/usr/bin/env python3
"""Independent reference values for org.basinbench.rng (SplitMix64Test, SeedsTest).

Written from the published algorithms (Steele/Lea/Flood SplitMix64, Stafford Mix13 finalizer,
FNV-1a 64, Marsaglia polar method), not from the Java sources. Run: python3 splitmix64_reference.py
The printed values are pasted into the tests as constants.
"""
import math

MASK = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15


def mix64(z):
    z &= MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


class SplitMix64:
    def __init__(self, seed):
        self.s = seed & MASK
        self.spare = None

    def next_long(self):
        self.s = (self.s + GOLDEN) & MASK
        return mix64(self.s)

    def next_double(self):
        return (self.next_long() >> 11) * 2.0 ** -53

    def next_gaussian(self):
        if self.spare is not None:
            v, self.spare = self.spare, None
            return v
        while True:
            u = 2.0 * self.next_double() - 1.0
            v = 2.0 * self.next_double() - 1.0
            s = u * u + v * v
            if 0.0 < s < 1.0:
                break
        m = math.sqrt(-2.0 * math.log(s) / s)
        self.spare = v * m
        return u * m


def fnv1a64(data):
    h = 0xcbf29ce484222325
    for b in data:
        h ^= b
        h = (h * 0x100000001b3) & MASK
    return h


def derive(seed, *parts):
    h = mix64(seed)
    for i, p in enumerate(parts):
        h = mix64(h ^ mix64(p + GOLDEN * (i + 1)))
    return h


def signed(x):
    return x - (1 << 64) if x >= (1 << 63) else x


def jl(x):
    return "0x%016XL" % (x & MASK)


g = SplitMix64(0)
print("seed 0 nextLong:", [jl(g.next_long()) for _ in range(3)])
g = SplitMix64(1234567)
print("seed 1234567 nextLong:", [jl(g.next_long()) for _ in range(3)])
print("mix64(1) =", jl(mix64(1)))
print("fnv1a64('') =", jl(fnv1a64(b"")), " fnv1a64('a') =", jl(fnv1a64(b"a")),
      " fnv1a64('foobar') =", jl(fnv1a64(b"foobar")))
print("hash('basinbench') =", jl(mix64(fnv1a64("basinbench".encode("utf-8")))))
print("derive(42, 1, 2) =", jl(derive(42, 1, 2)))
g = SplitMix64(2025)
print("seed 2025 nextGaussian:", [repr(g.next_gaussian()) for _ in range(4)])
