#!/usr/bin/env python3
"""Reference values for src/math, computed with mpmath at 50 significant digits.

Writes tests/math/vectors/{gamma,hyp2f1,incomplete-gamma}.json. Every value is computed twice (at
50 and at 70 digits) and kept only if the two agree to 1e-30 relative, which guards against a
silent failure of one of mpmath's own methods. Inputs are IEEE doubles (the exact values the tests
pass), generated from a fixed seed, so the files are reproducible:

    python3 scripts/reference/make_math_vectors.py

Values are stored as JSON numbers (the double nearest the exact value, via repr(float)); values
that do not fit a double are stored as null next to their natural log.
"""
import json
import math
import os
import random
import re

import mpmath as mp

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'tests', 'math', 'vectors')
DPS = 50
CHECK_DPS = 70


def checked(f, *args):
    """f(*args) at DPS digits, confirmed at CHECK_DPS digits. Returns an mpf/mpc at DPS."""
    with mp.workdps(CHECK_DPS):
        hi = f(*[mp.mpf(a) for a in args])
    with mp.workdps(DPS):
        lo = f(*[mp.mpf(a) for a in args])
        if hi != 0 and abs((lo - hi) / hi) > mp.mpf('1e-30'):
            raise ValueError(f'mpmath disagrees with itself at {args}: {lo} vs {hi}')
        return +lo


def num(x):
    """A double for JSON (None when it overflows)."""
    v = float(x)
    return v if math.isfinite(v) else None


def logu(rng, lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def region(metric, bound, cases, note):
    return {'metric': metric, 'bound': bound, 'note': note, 'cases': cases}


# --------------------------------------------------------------------------------------------
# gammaln, digamma, betaln

def gamma_vectors(rng):
    def lg(x):
        return mp.loggamma(x)

    def rows_lg(xs):
        return [[x, num(checked(lg, x))] for x in xs]

    def rows_psi(xs):
        return [[x, num(checked(mp.digamma, x))] for x in xs]

    def betaln(a, b):
        return mp.log(mp.beta(a, b))

    def rows_b(pairs):
        return [[a, b, num(checked(betaln, a, b))] for a, b in pairs]

    tiny = [logu(rng, 1e-8, 1e-2) for _ in range(60)] + [1e-8, 1e-6, 1e-4]
    small = [rng.uniform(1e-2, 0.75) for _ in range(60)]
    roots = [rng.uniform(0.75, 2.5) for _ in range(80)] + [1.0, 2.0, 0.75, 2.5, 1 + 2**-30, 2 - 2**-30]
    mid = [rng.uniform(2.5, 10) for _ in range(60)] + [3.0, 9.999999999, 10.0]
    large = [logu(rng, 10, 1e7) for _ in range(100)] + [1e7, 123456.789]
    integers = [float(n) + f for n in range(1, 60) for f in (0.0, 0.24259395230803)]

    psi_tiny = [logu(rng, 1e-8, 1e-2) for _ in range(60)] + [1e-8]
    psi_small = [rng.uniform(1e-2, 1.3) for _ in range(60)]
    psi_root = [rng.uniform(1.3, 1.6) for _ in range(40)] + [1.4616321449683622]
    psi_mid = [rng.uniform(1.6, 10) for _ in range(60)]
    psi_large = [logu(rng, 10, 1e7) for _ in range(100)] + [1e7]

    b_mod = [(logu(rng, 1e-2, 1e2), logu(rng, 1e-2, 1e2)) for _ in range(120)]
    b_tiny_huge = [(logu(rng, 1e-8, 1e-3), logu(rng, 1e3, 1e7)) for _ in range(80)]
    b_tiny_huge += [(b, a) for a, b in b_tiny_huge[:20]] + [(1e-8, 1e7), (1e7, 1e-8)]
    b_large = [(logu(rng, 10, 1e7), logu(rng, 10, 1e7)) for _ in range(100)]
    b_small_large = [(logu(rng, 1e-2, 10), logu(rng, 1e2, 1e7)) for _ in range(100)]
    b_wide = [(logu(rng, 1e-8, 1e7), logu(rng, 1e-8, 1e7)) for _ in range(200)]

    return {
        'gammaln': {
            'x in [1e-8, 1e-2)': region('relative', 1e-13, rows_lg(tiny), 'tiny arguments'),
            'x in [1e-2, 0.75)': region('relative', 1e-13, rows_lg(small), ''),
            'x in [0.75, 2.5] (roots 1, 2)': region('absolute', 1e-13, rows_lg(roots),
                                                    'ln Gamma vanishes at 1 and 2'),
            'x in (2.5, 10]': region('relative', 1e-13, rows_lg(mid), ''),
            'x in (10, 1e7]': region('relative', 1e-13, rows_lg(large), ''),
            'r + x, x = 1..59': region('relative', 1e-13, rows_lg(integers), 'model arguments'),
        },
        'digamma': {
            'x in [1e-8, 1e-2)': region('relative', 1e-13, rows_psi(psi_tiny), ''),
            'x in [1e-2, 1.3)': region('relative', 1e-13, rows_psi(psi_small), ''),
            'x in [1.3, 1.6] (root 1.46163)': region('absolute', 1e-13, rows_psi(psi_root),
                                                     'digamma vanishes at 1.4616321449683622'),
            'x in (1.6, 10]': region('relative', 1e-13, rows_psi(psi_mid), ''),
            'x in (10, 1e7]': region('relative', 1e-13, rows_psi(psi_large), ''),
        },
        'betaln': {
            'a, b in [1e-2, 1e2]': region('mixed', 1e-13, rows_b(b_mod),
                                          'relative where |ln B| >= 1, absolute below'),
            'one in [1e-8, 1e-3], other in [1e3, 1e7]': region('relative', 1e-13, rows_b(b_tiny_huge), ''),
            'a, b in [10, 1e7]': region('relative', 1e-13, rows_b(b_large), ''),
            'one in [1e-2, 10], other in [1e2, 1e7]': region('relative', 1e-13, rows_b(b_small_large), ''),
            'a, b in [1e-8, 1e7]': region('mixed', 1e-13, rows_b(b_wide),
                                          'relative where |ln B| >= 1, absolute below'),
        },
    }


# --------------------------------------------------------------------------------------------
# 2F1

def f21_row(a, b, c, z):
    v = checked(mp.hyp2f1, a, b, c, z)
    if mp.im(v) != 0:
        raise ValueError('complex 2F1')
    v = mp.re(v)
    return [a, b, c, z, num(v), float(mp.log(abs(v))) if v != 0 else None, 1 if v > 0 else -1]


def one_minus(rng, lo=1e-6, hi=1.0):
    """z whose distance to 1 is log-uniform in [lo, hi] (z = 1 - w is exact for w <= 1/2)."""
    return 1.0 - logu(rng, lo, hi)


def hyp_vectors(rng):
    out = {}

    rows = []
    for _ in range(80):
        r, al = logu(rng, 0.05, 5), logu(rng, 0.1, 50)
        a, b = logu(rng, 0.3, 5), logu(rng, 0.3, 10)
        while a + b - 1 < 0.01:
            b = logu(rng, 0.3, 10)
        t = logu(rng, 0.01, 1e6)
        rows.append(f21_row(r, b, a + b - 1, t / (al + t)))
    rows.append(f21_row(0.24259395230803, 2.42589404751842, 0.792919955839573 + 2.42589404751842 - 1,
                        78 / (4.41359091416604 + 78)))
    out['BG/NBD E[X(t)]: 2F1(r, b; a+b-1; t/(alpha+t))'] = region('relative', 1e-10, rows, '')

    rows = []
    for _ in range(60):
        r, al = logu(rng, 0.05, 5), logu(rng, 0.1, 50)
        a = logu(rng, 0.05, 0.95)
        b = rng.uniform(0.02, 0.99 - a)
        t = logu(rng, 0.01, 1e6)
        rows.append(f21_row(r, b, a + b - 1, t / (al + t)))
    out['BG/NBD E[X(t)] with a + b < 1: c = a+b-1 in (-1, 0)'] = region('relative', 1e-10, rows, '')

    rows = []
    for _ in range(120):
        r, al = logu(rng, 0.05, 5), logu(rng, 0.1, 50)
        a, b = logu(rng, 0.3, 5), logu(rng, 0.3, 10)
        x = rng.choice([0, 1, 2, 5, 10, 30, 100, 300, 1000, rng.randint(0, 1000)])
        while a + b + x - 1 < 0.01:
            b = logu(rng, 0.3, 10)
        T = logu(rng, 1, 200)
        t = logu(rng, 0.01, 1e5)
        z = t / (al + T + t)
        rows.append(f21_row(r + x, b + x, a + b + x - 1, z))
    out['BG/NBD E[Y(t)]: 2F1(r+x, b+x; a+b+x-1; z), x <= 1000'] = region('relative', 1e-10, rows, '')

    rows = []
    for _ in range(80):
        r, al = logu(rng, 0.05, 5), logu(rng, 0.1, 50)
        a, b = logu(rng, 0.3, 5), logu(rng, 0.3, 10)
        x = rng.choice([0, 1, 3, 10, 100, 1000, rng.randint(0, 1000)])
        z = one_minus(rng, 1e-6, 1.0)
        if rng.random() < 0.5:
            rows.append(f21_row(r, b + 1, a + b, z))
        else:
            rows.append(f21_row(r + x, b + x + 1, a + b + x, z))
    out['MBG/NBD: 2F1(r+x, b+x+1; a+b+x; z)'] = region('relative', 1e-10, rows, '')

    rows = []
    for _ in range(160):
        r, s = logu(rng, 0.05, 5), logu(rng, 0.05, 5)
        x = rng.choice([0, 1, 2, 5, 20, 100, 500, 1000, rng.randint(0, 1000)])
        z = one_minus(rng, 1e-6, 1.0)
        if rng.random() < 0.5:
            rows.append(f21_row(r + s + x, s + 1, r + s + x + 1, z))
        else:
            rows.append(f21_row(r + s + x, r + x, r + s + x + 1, z))
    for s in (1.0, 2.0, 0.999999999, 1.000000001):
        rows.append(f21_row(0.55 + s + 50, s + 1, 0.55 + s + 51, 1 - 1e-6))
    out['Pareto/NBD likelihood: 2F1(r+s+x, s+1 or r+x; r+s+x+1; z)'] = region('relative', 1e-10, rows, '')

    rows = []
    for _ in range(120):
        g, d = logu(rng, 0.1, 10), logu(rng, 0.1, 20)
        n = rng.choice([0, 1, 2, 5, 10, 50, 100])
        disc = logu(rng, 1e-6, 1.0)
        rows.append(f21_row(1.0, d + n, g + d + n, 1 / (1 + disc)))
    rows.append(f21_row(1.0, 1.296, 0.764 + 1.296, 1 / 1.1))
    out['sBG/BG-BB: 2F1(1, delta+n; gamma+delta+n; 1/(1+d))'] = region('relative', 1e-10, rows, '')

    rows = []
    for delta in (0.0, 1e-12, -1e-12, 1e-9, -1e-9, 1e-6, -1e-6, 1e-3, -1e-3, 0.05, -0.05, 0.0999, 0.1,
                  -0.1, 0.1001, 1.0, 2.0, 3.0, -1.0, -2.0, 1 + 1e-9, 2 - 1e-9, -1 + 1e-9):
        for _ in range(6):
            a, b = logu(rng, 0.05, 20), logu(rng, 0.05, 20)
            c = a + b + delta
            if c <= 0:
                continue
            z = one_minus(rng, 1e-6, 0.5)
            rows.append(f21_row(a, b, c, z))
    out['c-a-b near an integer (0, +-1e-9, ..., 1, 2, -1), z in [0.5, 1-1e-6]'] = region(
        'relative', 1e-10, rows, 'c is computed in double from a + b + delta; the reference uses that c')

    rows = []
    for _ in range(80):
        a, b = logu(rng, 0.01, 50), logu(rng, 0.01, 50)
        c = logu(rng, 0.01, 100)
        rows.append(f21_row(a, b, c, one_minus(rng, 1e-6, 1e-2)))
    out['z within 1e-6..1e-2 of 1, a, b, c in [0.01, 100]'] = region('relative', 1e-10, rows, '')

    rows = []
    for _ in range(80):
        a, b = logu(rng, 0.01, 1000), logu(rng, 0.01, 1000)
        c = logu(rng, 0.01, 1000)
        z = rng.uniform(0, 1) if rng.random() < 0.5 else one_minus(rng, 1e-6, 1)
        rows.append(f21_row(a, b, c, z))
    out['a, b, c in [0.01, 1000], z in [0, 1)'] = region('relative', 1e-10, rows, '')

    rows = []
    while len(rows) < 80:
        a, b = logu(rng, 0.01, 1000), logu(rng, 0.01, 20)
        c = logu(rng, 0.01, 1000)
        if c <= b:
            continue
        z = -logu(rng, 1e-6, 1e3)
        rows.append(f21_row(a, b, c, z))
    out['z in [-1e3, 0), c > b (Pfaff image has positive terms)'] = region(
        'relative', 1e-10, rows, 'as in the Pareto/NBD: 2F1(r+s+x, s+1; r+s+x+1; z)')

    rows = []
    while len(rows) < 80:
        a, b = logu(rng, 0.01, 50), logu(rng, 0.01, 50)
        c = -logu(rng, 0.01, 20)
        if abs(c - round(c)) < 1e-3:
            continue
        z = rng.uniform(0, 1) if rng.random() < 0.5 else one_minus(rng, 1e-6, 1)
        rows.append(f21_row(a, b, c, z))
    out['c < 0 (not an integer), a, b in [0.01, 50], z in [0, 1)'] = region('relative', 1e-10, rows, '')
    return out


# --------------------------------------------------------------------------------------------
# Upper incomplete gamma and U(s, s; z)

def ig_row(a, z):
    v = checked(mp.gammainc, a, z)
    return [a, z, num(v), float(mp.log(v))]


def u_row(s, z):
    v = checked(lambda s_, z_: mp.exp(z_) * mp.gammainc(1 - s_, z_), s, z)
    return [s, z, num(v), float(mp.log(v))]


def ig_vectors(rng):
    out_g = {}
    out_u = {}
    rows = [ig_row(rng.uniform(-0.5, 0.5), logu(rng, 1e-8, 1.5)) for _ in range(60)]
    rows += [ig_row(a, z) for a in (0.0, 1e-12, -1e-12, 0.5, -0.5) for z in (1e-8, 0.1, 1.0, 1.5)]
    out_g['a in [-0.5, 0.5], z in [1e-8, 1.5]'] = region('relative', 1e-10, rows, '')
    rows = [ig_row(-logu(rng, 0.5, 30), logu(rng, 1e-8, 1.5)) for _ in range(60)]
    rows += [ig_row(float(-n), z) for n in (1, 2, 3, 7) for z in (1e-6, 0.3, 1.4)]
    out_g['a in [-30, -0.5), z in [1e-8, 1.5]'] = region('relative', 1e-10, rows, '')
    rows = [ig_row(rng.uniform(-30, 30), logu(rng, 1.5, 1e4)) for _ in range(100)]
    out_g['a in [-30, 30], z in [1.5, 1e4]'] = region('relative', 1e-10, rows, '')
    rows = [ig_row(logu(rng, 0.5, 1e3), logu(rng, 1e-8, 1e3)) for _ in range(100)]
    out_g['a in [0.5, 1e3], z in [1e-8, 1e3]'] = region('relative', 1e-10, rows, '')

    rows = [u_row(logu(rng, 0.05, 5), logu(rng, 1e-4, 10)) for _ in range(100)]
    out_u['Pareto/NBD DERT: s in [0.05, 5], z = delta(beta+T) in [1e-4, 10]'] = region('relative', 1e-10, rows, '')
    rows = [u_row(s, logu(rng, 1e-6, 100)) for s in (1.0, 2.0, 3.0, 5.0, 1 + 1e-9, 1 - 1e-9, 2 + 1e-12)
            for _ in range(8)]
    out_u['s integer or within 1e-9 of one, z in [1e-6, 100]'] = region('relative', 1e-10, rows, '')
    rows = [u_row(logu(rng, 0.01, 20), logu(rng, 10, 1e5)) for _ in range(60)]
    out_u['s in [0.01, 20], z in [10, 1e5]'] = region('relative', 1e-10, rows, '')
    rows = [u_row(logu(rng, 0.01, 20), logu(rng, 1e-8, 1e-4)) for _ in range(60)]
    out_u['s in [0.01, 20], z in [1e-8, 1e-4]'] = region('relative', 1e-10, rows, '')
    return out_g, out_u


COLUMNS = {
    'gammaln': ['x', 'lnGamma(x)'],
    'digamma': ['x', 'psi(x)'],
    'betaln': ['a', 'b', 'lnB(a,b)'],
    'hyp2f1': ['a', 'b', 'c', 'z', '2F1 (null if not a double)', 'ln|2F1|', 'sign'],
    'upperIncompleteGamma': ['a', 'z', 'Gamma(a,z) (null if not a double)', 'ln Gamma(a,z)'],
    'tricomiUEqual': ['s', 'z', 'U(s,s;z) (null if not a double)', 'ln U(s,s;z)'],
}


def write(name, functions):
    doc = {
        'generator': 'scripts/reference/make_math_vectors.py',
        'mpmath': mp.__version__,
        'dps': DPS,
        'checkedAtDps': CHECK_DPS,
        'columns': {k: COLUMNS[k] for k in functions},
        'functions': functions,
    }
    text = json.dumps(doc, indent=1)
    # One case per line: collapse the innermost arrays of numbers.
    text = re.sub(r'\[\s*([-+0-9.eE,\s]|null|Infinity)*?\]',
                  lambda m: re.sub(r'\s+', '', m.group(0)).replace(',', ', '), text)
    with open(os.path.join(OUT, name), 'w') as fh:
        fh.write(text + '\n')


def main():
    rng = random.Random(20240601)
    write('gamma.json', gamma_vectors(rng))
    write('hyp2f1.json', {'hyp2f1': hyp_vectors(rng)})
    g, u = ig_vectors(rng)
    write('incomplete-gamma.json', {'upperIncompleteGamma': g, 'tricomiUEqual': u})


if __name__ == '__main__':
    main()
