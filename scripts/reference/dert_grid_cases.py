#!/usr/bin/env python3
"""K(delta) = E[lambda / (delta + lambda p)] for a customer alive now with lambda ~ Gamma(r, alpha)
and p ~ Beta(a, b): the discounted expected purchases of the BG/NBD family (beta-geometric-predict.ts,
beta-geometric-dert-grid.ts), by a 2-D mpmath quadrature that uses no 2F1, at 30 digits.

    python3 scripts/reference/dert_grid_cases.py

Prints the cases pinned in tests/models/shared/dert-grid.prop.test.ts.
"""
from mpmath import mp, mpf, quad, gamma, exp, inf, beta as beta_fn

mp.dps = 30


def discounted_count(r, alpha, a, b, delta):
    r, alpha, a, b, delta = (mpf(v) for v in (r, alpha, a, b, delta))
    density_p = lambda p: p ** (a - 1) * (1 - p) ** (b - 1) / beta_fn(a, b)
    inner = lambda lam: quad(lambda p: lam / (delta + lam * p) * density_p(p), [0, 0.01, 0.1, 1])
    density_lam = lambda lam: alpha ** r * lam ** (r - 1) * exp(-alpha * lam) / gamma(r)
    mean = r / alpha
    return quad(lambda lam: density_lam(lam) * inner(lam), [0, mean, 3 * mean, inf])


CASES = [
    # a customer so old that the discount falls within u = 0.03 (one short panel)
    ('x = 50, T = 1381.84, delta = 1', (51, '1382.8417238018617', 1, 51, 1)),
    ('CDNOW-like, x = 2, T = 38.86, weekly delta', ('2.2425945', '43.273602', '0.792922', '4.425907', '0.0026916')),
]

if __name__ == '__main__':
    for name, args in CASES:
        print(name, mp.nstr(discounted_count(*args), 20))
