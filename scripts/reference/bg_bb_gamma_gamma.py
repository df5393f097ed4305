#!/usr/bin/env python3
"""Derived reference values for the BG/BB and Gamma-Gamma models (REFERENCE.md sections 3 and 4).

The held-out checks of REFERENCE.md are derived here from the formulas with mpmath at 40 digits,
and each is confirmed a second way:
- BG/BB closed forms (P(alive), conditional expectations, DERT, DET, pmf) are checked against
  direct two-dimensional integration over (p, theta) of the model's story, and DERT also against a
  brute-force discounted sum of per-opportunity purchase probabilities;
- the maximum-likelihood fits use scipy's Nelder-Mead then BFGS on log-parameters, polished with
  mpmath's findroot on the score equations.

Run from the repository root (needs ../shared/data):

    python3 scripts/reference/bg_bb_gamma_gamma.py

It writes scripts/reference/bg_bb_gamma_gamma.json; the tests pin the values it prints.
"""
import json
import math
import os

import mpmath as mp
import numpy as np
from scipy.optimize import minimize

mp.mp.dps = 40
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.environ.get('CUSTOMER_ASSET_DATA', os.path.join(HERE, '..', '..', '..', 'shared', 'data'))

# ----------------------------------------------------------------------------------------------
# BG/BB (Fader, Hardie & Shang 2010)


def read_donations():
    rows = []
    with open(os.path.join(DATA, 'donations.csv')) as f:
        next(f)
        for line in f:
            x, tx, n, w = (int(v) for v in line.strip().split(','))
            rows.append((x, tx, n, w))
    return rows


def lbeta(a, b):
    return mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)


def bgbb_lik(P, x, tx, n):
    al, be, ga, de = P
    base = lbeta(al, be)
    gbase = lbeta(ga, de)
    s = mp.exp(lbeta(al + x, be + n - x) - base + lbeta(ga, de + n) - gbase)
    for i in range(n - tx):
        s += mp.exp(lbeta(al + x, be + tx - x + i) - base + lbeta(ga + 1, de + tx + i) - gbase)
    return s


def bgbb_ll(P, rows):
    return mp.fsum(w * mp.log(bgbb_lik(P, x, tx, n)) for x, tx, n, w in rows)


def surv(ga, de, t):
    """S(t) = B(ga, de + t) / B(ga, de): P(alive at opportunity t)."""
    return mp.exp(lbeta(ga, de + t) - lbeta(ga, de))


def bgbb_palive(P, x, tx, n, k):
    """P(alive at opportunity n + k | x, t_x, n)."""
    al, be, ga, de = P
    return mp.exp(lbeta(al + x, be + n - x) - lbeta(al, be) + lbeta(ga, de + n + k) - lbeta(ga, de)) / bgbb_lik(P, x, tx, n)


def bgbb_cond_exp(P, x, tx, n, ns):
    """E[X(n, n + n*) | x, t_x, n] by the paper's closed form (FHS eq. 13)."""
    al, be, ga, de = P
    pre = mp.exp(lbeta(al + x + 1, be + n - x) - lbeta(al, be)) / bgbb_lik(P, x, tx, n)
    g = de / (ga - 1) * mp.gamma(ga + de) / mp.gamma(1 + de)
    g *= mp.gamma(1 + de + n) / mp.gamma(ga + de + n) - mp.gamma(1 + de + n + ns) / mp.gamma(ga + de + n + ns)
    return pre * g


def bgbb_cond_exp_sum(P, x, tx, n, ns):
    """The same by summing P(purchase at opportunity t | history) for t = n+1 .. n+n*."""
    al, be, ga, de = P
    pre = mp.exp(lbeta(al + x + 1, be + n - x) - lbeta(al, be)) / bgbb_lik(P, x, tx, n)
    return pre * mp.fsum(surv(ga, de, t) for t in range(n + 1, n + ns + 1))


def bgbb_new_exp(P, n):
    al, be, ga, de = P
    return al / (al + be) * de / (ga - 1) * (1 - mp.gamma(ga + de) * mp.gamma(1 + de + n) / (mp.gamma(ga + de + n) * mp.gamma(1 + de)))


def bgbb_pmf(P, x, n):
    al, be, ga, de = P
    s = mp.binomial(n, x) * mp.exp(lbeta(al + x, be + n - x) - lbeta(al, be) + lbeta(ga, de + n) - lbeta(ga, de))
    for i in range(x, n):
        s += mp.binomial(i, x) * mp.exp(lbeta(al + x, be + i - x) - lbeta(al, be) + lbeta(ga + 1, de + i) - lbeta(ga, de))
    return s


def bgbb_dert(P, x, tx, n, d):
    """FHS eq. 14."""
    al, be, ga, de = P
    z = 1 / (1 + d)
    v = mp.exp(lbeta(al + x + 1, be + n - x) - lbeta(al, be) + lbeta(ga, de + n + 1) - lbeta(ga, de)) / (1 + d)
    return v * mp.hyp2f1(1, de + n + 1, ga + de + n + 1, z) / bgbb_lik(P, x, tx, n)


def bgbb_dert_bruteforce(P, x, tx, n, d, K=4000):
    """Sum over k of P(purchase at opportunity n + k | history) / (1 + d)^k, tail bounded."""
    al, be, ga, de = P
    pre = mp.exp(lbeta(al + x + 1, be + n - x) - lbeta(al, be)) / bgbb_lik(P, x, tx, n)
    total = mp.mpf(0)
    s = surv(ga, de, n)
    for k in range(1, K + 1):
        s *= (de + n + k - 1) / (ga + de + n + k - 1)
        total += s / (1 + d) ** k
    # remaining terms are below s / d / (1+d)^K
    return pre * total


def bgbb_det(P, d):
    al, be, ga, de = P
    return al / (al + be) * de / (ga + de) / (1 + d) * mp.hyp2f1(1, de + 1, ga + de + 1, 1 / (1 + d))


def integrate_check(P, x, tx, n):
    """P(alive at n+1) and E[X(n, n+10)] by 2-D integration over (p, theta)."""
    al, be, ga, de = P
    fp = lambda p: p ** (al - 1) * (1 - p) ** (be - 1) / mp.beta(al, be)
    ft = lambda t: t ** (ga - 1) * (1 - t) ** (de - 1) / mp.beta(ga, de)

    def lik(p, t):
        s = p ** x * (1 - p) ** (n - x) * (1 - t) ** n
        for i in range(n - tx):
            s += p ** x * (1 - p) ** (tx - x + i) * t * (1 - t) ** (tx + i)
        return s

    L = mp.quad(lambda p, t: fp(p) * ft(t) * lik(p, t), [0, 1], [0, 1])
    A = mp.quad(lambda p, t: fp(p) * ft(t) * p ** x * (1 - p) ** (n - x) * (1 - t) ** (n + 1), [0, 1], [0, 1])
    E = mp.quad(
        lambda p, t: fp(p) * ft(t) * p ** (x + 1) * (1 - p) ** (n - x) * mp.fsum((1 - t) ** (n + k) for k in range(1, 11)),
        [0, 1],
        [0, 1],
    )
    return L, A / L, E / L


def fit_bgbb(rows):
    def f(z):
        P = [float(v) for v in np.exp(z)]
        return -float(bgbb_ll(P, rows))

    with mp.workdps(20):
        r = minimize(f, np.log([1, 1, 1, 1]), method='Nelder-Mead', options={'xatol': 1e-10, 'fatol': 1e-10, 'maxiter': 20000, 'maxfev': 40000})
        r = minimize(f, r.x, method='BFGS', options={'gtol': 1e-9})
    z0 = [mp.mpf(v) for v in r.x]
    ll = lambda *zs: bgbb_ll([mp.exp(v) for v in zs], rows)
    grads = [lambda *zs, i=i: mp.diff(lambda *w: ll(*w), zs, tuple(1 if j == i else 0 for j in range(4))) for i in range(4)]
    z = mp.findroot(grads, z0, tol=mp.mpf('1e-25'))
    P = [mp.exp(v) for v in z]
    return P, bgbb_ll(P, rows)


# ----------------------------------------------------------------------------------------------
# Gamma-Gamma (Fader, Hardie & Lee 2005; note 025)


def read_spend():
    out = []
    with open(os.path.join(DATA, 'cdnow_customers_summary_with_transactions.csv')) as f:
        next(f)
        for line in f:
            i, x, tx, T, z = line.strip().split(',')
            out.append((int(i), int(x), mp.mpf(z)))
    return out


def read_spend_exact():
    """(x, mean repeat spend) per customer from CDNOW_sample.txt: same-day rows merged (amounts
    summed), calibration to 1997-09-30, the first purchase day excluded."""
    days = {}
    with open(os.path.join(DATA, 'CDNOW_sample.txt')) as f:
        for line in f:
            fields = line.split()
            if len(fields) < 5:
                continue
            cid, date, amount = int(fields[1]), fields[2], mp.mpf(fields[4])
            if date > '19970930':
                continue
            days.setdefault(cid, {}).setdefault(date, mp.mpf(0))
            days[cid][date] += amount
    out = []
    for cid in sorted(days):
        dates = sorted(days[cid])
        x = len(dates) - 1
        if x > 0:
            out.append((x, mp.fsum(days[cid][d] for d in dates[1:]) / x))
    return out


def gg_ll(P, data):
    p, q, g = P
    s = mp.mpf(0)
    for x, m in data:
        s += (mp.loggamma(p * x + q) - mp.loggamma(p * x) - mp.loggamma(q) + q * mp.log(g)
              + (p * x - 1) * mp.log(m) + p * x * mp.log(x) - (p * x + q) * mp.log(g + m * x))
    return s


def gg_em(P, x, m):
    p, q, g = P
    return (g + m * x) * p / (p * x + q - 1)


def fit_gg(data):
    xs = np.array([float(x) for x, _ in data])
    ms = np.array([float(m) for _, m in data])
    from scipy.special import gammaln

    def f(z):
        p, q, g = np.exp(z)
        return -np.sum(gammaln(p * xs + q) - gammaln(p * xs) - gammaln(q) + q * np.log(g)
                       + (p * xs - 1) * np.log(ms) + p * xs * np.log(xs) - (p * xs + q) * np.log(g + ms * xs))

    r = minimize(f, np.log([1, 1, 1]), method='Nelder-Mead', options={'xatol': 1e-10, 'fatol': 1e-10, 'maxiter': 20000})
    r = minimize(f, r.x, method='BFGS', options={'gtol': 1e-8})
    ll = lambda *zs: gg_ll([mp.exp(v) for v in zs], data)
    grads = [lambda *zs, i=i: mp.diff(lambda *w: ll(*w), zs, tuple(1 if j == i else 0 for j in range(3))) for i in range(3)]
    with mp.workdps(30):
        z = mp.findroot(grads, [mp.mpf(v) for v in r.x], tol=mp.mpf('1e-18'))
    P = [mp.exp(v) for v in z]
    return P, gg_ll(P, data)


def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    r = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            r[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return r


def f(v, digits=12):
    return float(mp.nstr(v, digits))


def main():
    out = {}
    rows = read_donations()
    published = [mp.mpf('1.204'), mp.mpf('0.750'), mp.mpf('0.657'), mp.mpf('2.783')]
    P, ll = fit_bgbb(rows)
    out['bgbb.fit.donations'] = {'alpha': f(P[0]), 'beta': f(P[1]), 'gamma': f(P[2]), 'delta': f(P[3]), 'LL': f(ll)}
    out['bgbb.ll.at_published'] = f(bgbb_ll(published, rows))
    for label, params in (('published', published), ('mle', P)):
        block = {}
        block['palive_2002'] = [[x, tx, f(bgbb_palive(params, x, tx, n, 1))] for x, tx, n, w in rows]
        block['palive_2001'] = [[x, tx, f(bgbb_palive(params, x, tx, n, 0))] for x, tx, n, w in rows]
        block['new_donor_EX10'] = f(bgbb_new_exp(params, 10))
        block['cond_exp_10y'] = [[x, tx, f(bgbb_cond_exp(params, x, tx, n, 10))] for x, tx, n, w in rows]
        for x, tx, n, w in rows:
            a, b = bgbb_cond_exp(params, x, tx, n, 10), bgbb_cond_exp_sum(params, x, tx, n, 10)
            assert abs(a - b) < mp.mpf('1e-25') * abs(a), (x, tx, a, b)
        block['aggregate_next_5y'] = f(mp.fsum(w * bgbb_cond_exp(params, x, tx, n, 5) for x, tx, n, w in rows))
        block['expected_donors_by_x'] = [f(11104 * bgbb_pmf(params, x, 6)) for x in range(7)]
        assert abs(mp.fsum(bgbb_pmf(params, x, 6) for x in range(7)) - 1) < mp.mpf('1e-30')
        block['dert_0.10'] = [[x, tx, f(bgbb_dert(params, x, tx, n, mp.mpf('0.1')))] for x, tx, n, w in rows]
        for x, tx, n, w in rows:
            a, b = bgbb_dert(params, x, tx, n, mp.mpf('0.1')), bgbb_dert_bruteforce(params, x, tx, n, mp.mpf('0.1'))
            assert abs(a - b) < mp.mpf('1e-20') * abs(a), (x, tx, a, b)
        block['det_0.10'] = f(bgbb_det(params, mp.mpf('0.1')))
        assert abs(bgbb_det(params, mp.mpf('0.1')) - bgbb_dert(params, 0, 0, 0, mp.mpf('0.1'))) < mp.mpf('1e-30')
        out[f'bgbb.{label}'] = block
    # Integration check of the closed forms on three patterns at the published params.
    with mp.workdps(20):
        for x, tx in ((6, 6), (3, 4), (0, 0)):
            L, pa, ex = integrate_check(published, x, tx, 6)
            assert abs(L - bgbb_lik(published, x, tx, 6)) < 1e-12
            assert abs(pa - bgbb_palive(published, x, tx, 6, 1)) < 1e-12
            assert abs(ex - bgbb_cond_exp(published, x, tx, 6, 10)) < 1e-11

    spend = read_spend()
    data = [(x, m) for _, x, m in spend if x > 0]
    G, gll = fit_gg(data)
    sum_ln_x = mp.fsum(mp.log(x) for x, _ in data)
    out['gg.fit.cdnow'] = {
        'p': f(G[0]), 'q': f(G[1]), 'gamma': f(G[2]), 'LL_mean': f(gll), 'LL_total': f(gll - sum_ln_x),
        'sum_ln_x': f(sum_ln_x), 'population_mean': f(G[0] * G[2] / (G[1] - 1)),
        'observed_mean': f(mp.fsum(m for _, m in data) / len(data)),
    }
    out['gg.fit.cdnow_rounded_zbar'] = out.pop('gg.fit.cdnow')
    exact = read_spend_exact()
    assert len(exact) == 946
    G, gll = fit_gg(exact)
    out['gg.fit.cdnow'] = {
        'p': f(G[0]), 'q': f(G[1]), 'gamma': f(G[2]), 'LL_mean': f(gll), 'LL_total': f(gll - sum_ln_x),
        'population_mean': f(G[0] * G[2] / (G[1] - 1)),
        'observed_mean': f(mp.fsum(m for _, m in exact) / len(exact)),
    }
    ref = [mp.mpf('6.24957'), mp.mpf('3.74422'), mp.mpf('15.4435')]
    out['gg.expected_spend.first10_at_reference_mle'] = [
        [i, x, f(z), f(gg_em(ref, x, z) if x > 0 else ref[0] * ref[2] / (ref[1] - 1))] for i, x, z in spend[:10]
    ]
    pub = [mp.mpf('6.25'), mp.mpf('3.74'), mp.mpf('15.44')]
    out['gg.expected_spend.published'] = {
        'x1_m100': f(gg_em(pub, 1, 100)), 'x3_m35': f(gg_em(pub, 3, 35)),
        'population_mean': f(pub[0] * pub[2] / (pub[1] - 1)),
    }
    xs = [float(x) for x, _ in data]
    ms = [float(m) for _, m in data]
    pear = float(np.corrcoef(xs, ms)[0, 1])
    spear = float(np.corrcoef(ranks(xs), ranks(ms))[0, 1])
    out['gg.correlation.cdnow'] = {'pearson': pear, 'spearman': spear, 'customers': len(data)}
    with open(os.path.join(HERE, 'bg_bb_gamma_gamma.json'), 'w') as fh:
        json.dump(out, fh, indent=1)
        fh.write('\n')
    print(json.dumps(out, indent=1))


if __name__ == '__main__':
    main()
