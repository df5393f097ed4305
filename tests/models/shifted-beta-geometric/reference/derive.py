"""
Derives the held-out contractual checks of REFERENCE.md section 5 from the formulas, independently of
the TypeScript code (mpmath at 40 digits for every closed form and brute-force sum; scipy for the
maximum-likelihood fits, polished by Newton steps on the mpmath gradient).

    python3 tests/models/shifted-beta-geometric/reference/derive.py > tests/models/shifted-beta-geometric/reference/contractual.json

Timing (REFERENCE.md section 5): the customer pays at the start of each active period; DEL counts the
payment at t = 0 undiscounted; DERL(n) is valued just before the n-th renewal decision, after n - 1
renewals, with the payment that renewal triggers undiscounted.
"""
import json

import mpmath as mp
from scipy.optimize import minimize
from scipy.stats import chi2

mp.mp.dps = 40

REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173]
HIGHEND = [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394]


def S_sbg(a, b, t):
    return mp.beta(a, b + t) / mp.beta(a, b)


def S_bdw(a, b, c, t):
    return mp.beta(a, b + mp.mpf(t) ** c) / mp.beta(a, b)


def ll(S, alive):
    """Sum of n_t ln P(T=t) + survivors ln S(tau), with P(T=t) = S(t-1) - S(t)."""
    tau = len(alive) - 1
    total = mp.mpf(0)
    for t in range(1, tau + 1):
        total += (alive[t - 1] - alive[t]) * mp.log(S(t - 1) - S(t))
    return total + alive[tau] * mp.log(S(tau))


def ll_sbg(p, alive):
    a, b = p
    return ll(lambda t: S_sbg(a, b, t), alive)


def ll_bdw(p, alive):
    a, b, c = p
    return ll(lambda t: S_bdw(a, b, c, t), alive)


def ll_geo(theta, alive):
    return ll(lambda t: (1 - theta) ** t, alive)


def fit(llf, alive, starts):
    """MLE on log-params from every start (Nelder-Mead then BFGS), polished with mpmath Newton."""
    best = None
    for s in starts:
        f = lambda z: -float(llf([mp.e ** mp.mpf(x) for x in z], alive))
        z0 = [float(mp.log(x)) for x in s]
        r = minimize(f, z0, method='Nelder-Mead', options={'xatol': 1e-12, 'fatol': 1e-12, 'maxiter': 20000, 'maxfev': 40000})
        r = minimize(f, r.x, method='BFGS', options={'gtol': 1e-9})
        if best is None or r.fun < best.fun:
            best = r
    # Newton polish in high precision on the gradient of LL(exp z).
    z = [mp.mpf(x) for x in best.x]
    g = lambda *zz: llf([mp.e ** x for x in zz], alive)
    for _ in range(8):
        grad = [mp.diff(g, z, tuple(1 if i == j else 0 for i in range(len(z)))) for j in range(len(z))]
        hess = mp.matrix(len(z), len(z))
        for i in range(len(z)):
            for j in range(len(z)):
                order = [0] * len(z)
                order[i] += 1
                order[j] += 1
                hess[i, j] = mp.diff(g, z, tuple(order))
        step = mp.lu_solve(hess, mp.matrix(grad))
        z = [z[i] - step[i] for i in range(len(z))]
    p = [mp.e ** x for x in z]
    return p, llf(p, alive)


def hyp_derl(a, b, d, n):
    """Closed form (Fader & Hardie 2010, eq. 6): r_n * 2F1(1, b+n; a+b+n; 1/(1+d))."""
    return (b + n - 1) / (a + b + n - 1) * mp.hyp2f1(1, b + n, a + b + n, 1 / (1 + d))


def horizon(d):
    """Terms after which (1+d)^-t < 1e-32: the neglected tail is below 1e-32 / d (S <= 1)."""
    return int(mp.ceil(32 * mp.log(10) / mp.log(1 + d))) + 1


def brute_derl(S, d, n):
    """Sum_{t>=n} S(t)/S(n-1) (1+d)^-(t-n), term by term (no closed form, no extrapolation)."""
    return mp.fsum(S(t) * (1 + d) ** (-(t - n)) for t in range(n, n + horizon(d))) / S(n - 1)


def brute_del(S, d):
    return mp.fsum(S(t) * (1 + d) ** (-t) for t in range(0, horizon(d)))


def undiscounted_sum(S, start, N, q, K):
    """Sum_{t>=start} S(t) when S(t) ~ K t^-(1+q): terms up to N, then Euler-Maclaurin,
    integral_N^inf S - S(N)/2 - S'(N)/12 + S^(3)(N)/720, with the integral taken over y in (0, 1]
    after t = N y^(-1/q), where the integrand tends to the constant K N^-q / q as y -> 0. Below the
    y where t reaches 1e40 the integrand is that constant to within t^-c (negligible)."""
    head = mp.fsum(S(t) for t in range(start, N + 1))
    g = lambda y: S(N * y ** (-1 / q)) * (N / q) * y ** (-1 / q - 1)
    lo = max(mp.mpf(10) ** -20, (N / mp.mpf(10) ** 40) ** q)
    cuts = [lo] + [x for x in (mp.mpf(10) ** -12, mp.mpf(10) ** -8, mp.mpf(10) ** -4, mp.mpf('0.01'), mp.mpf('0.1'), mp.mpf('0.5')) if x > lo] + [1]
    integral = mp.quad(g, cuts) + K * N ** (-q) / q * lo
    return head + integral - S(N) / 2 - mp.diff(S, N) / 12 + mp.diff(S, N, 3) / 720


def S_bdw_precise(a, b, c):
    """S(t) for the BdW with enough working digits for ln-gamma differences at huge t."""

    def S(t):
        with mp.workdps(200):
            x = mp.mpf(t) ** c
            r = mp.exp(mp.loggamma(b + x) - mp.loggamma(a + b + x) + mp.loggamma(a + b) - mp.loggamma(b))
        return +r

    return S


def f(x, digits=12):
    return float(mp.nstr(x, digits))


out = {'description': __doc__.strip().splitlines()[0]}

# 1. sBG 7-year fits (years 0..7), both segments, from Hardie's starts (1, 1) and (0.01, 0.01).
d = mp.mpf('0.1')
fits7 = {}
for name, data in (('regular', REGULAR), ('highend', HIGHEND)):
    alive = data[:8]
    rows = {}
    for label, start in (('start_1_1', [1, 1]), ('start_001_001', [mp.mpf('0.01'), mp.mpf('0.01')])):
        p, L = fit(ll_sbg, alive, [start])
        rows[label] = {'alpha': f(p[0]), 'beta': f(p[1]), 'LL': f(L), 'LL_at_start': f(ll_sbg(start, alive))}
    a, b = mp.mpf(rows['start_1_1']['alpha']), mp.mpf(rows['start_1_1']['beta'])
    p, L = fit(ll_sbg, alive, [[1, 1]])
    a, b = p
    S = lambda t: S_sbg(a, b, t)
    survivors = [f(1000 * S(t)) for t in range(13)]
    dels = {'closed': f(mp.hyp2f1(1, b, a + b, 1 / (1 + d))), 'brute': f(brute_del(S, d))}
    derls = [
        {'n': n, 'closed': f(hyp_derl(a, b, d, n)), 'brute': f(brute_derl(S, d, n))} for n in range(1, 9)
    ]
    fits7[name] = {
        'alive': alive,
        'fits': rows,
        'projected_survivors_per_1000_years_0_12': survivors,
        'observed_per_1000_years_0_12': data,
        'DEL_d0.1': dels,
        'DERL_d0.1': derls,
    }
out['sbg.fit.7yr'] = fits7

# 2. Four-year fits (sbg.fit.4yr_regular) re-derived, with the geometric model.
four = {}
for name, data in (('regular', REGULAR), ('highend', HIGHEND)):
    alive = data[:5]
    p, L = fit(ll_sbg, alive, [[1, 1]])
    deaths = sum(alive[t - 1] - alive[t] for t in range(1, 5))
    exposure = sum((alive[t - 1] - alive[t]) * t for t in range(1, 5)) + alive[4] * 4
    theta = mp.mpf(deaths) / exposure
    four[name] = {
        'sBG': {'alpha': f(p[0]), 'beta': f(p[1]), 'LL': f(L)},
        'geometric': {'theta': f(theta), 'LL': f(ll_geo(theta, alive))},
    }
out['sbg.fit.4yr'] = four

# 3. The handbook example: gamma = 0.764, delta = 1.296, m = $100, d = 10%.
a, b, d = mp.mpf('0.764'), mp.mpf('1.296'), mp.mpf('0.1')
S = lambda t: S_sbg(a, b, t)
r = mp.mpf('0.833')
out['handbook'] = {
    'params': {'alpha': 0.764, 'beta': 1.296},
    'margin': 100,
    'discountRate': 0.1,
    'RLV_end_of_period': [
        {'period': n, 'n': n, 'renewals_made': n - 1, 'RLV': f(100 * hyp_derl(a, b, d, n)), 'brute': f(100 * brute_derl(S, d, n))}
        for n in (1, 2, 5)
    ],
    'constant_retention_0.833_RLV': f(100 * r * (1 + d) / (1 + d - r)),
    'DEL_including_first_payment': f(100 * mp.hyp2f1(1, b, a + b, 1 / (1 + d))),
    'DEL_brute': f(100 * brute_del(S, d)),
}

# 4. BdW MLEs on years 0..4 and 0..7 for both segments, with the likelihood-ratio test against sBG.
bdw = {}
for name, data in (('regular', REGULAR), ('highend', HIGHEND)):
    for years in (4, 7):
        alive = data[: years + 1]
        ps, Ls = fit(ll_sbg, alive, [[1, 1]])
        pb, Lb = fit(ll_bdw, alive, [[1, 1, 1], [ps[0], ps[1], 1], [0.5, 0.5, 0.5], [2, 5, 1.5]])
        stat = 2 * (Lb - Ls)
        bdw[f'{name}_{years}yr'] = {
            'alive': alive,
            'bdw': {'alpha': f(pb[0]), 'beta': f(pb[1]), 'c': f(pb[2]), 'LL': f(Lb)},
            'sbg': {'alpha': f(ps[0]), 'beta': f(ps[1]), 'LL': f(Ls)},
            'lrt': {'statistic': f(stat), 'df': 1, 'pValue': f(mp.mpf(chi2.sf(float(stat), 1)), 8)},
        }
out['bdw.fit'] = bdw

# 5. BdW survival, DEL and DERL at a fixed point, by brute force (a check of the numerical sums).
a, b, c, d = mp.mpf('0.9'), mp.mpf('2.5'), mp.mpf('1.4'), mp.mpf('0.05')
S = lambda t: S_bdw(a, b, c, t)
Sp = S_bdw_precise(a, b, c)
out['bdw.values'] = {
    'params': {'alpha': 0.9, 'beta': 2.5, 'c': 1.4},
    'discountRate': 0.05,
    'survival': [f(S(t), 15) for t in range(0, 11)],
    'DEL': f(brute_del(S, d), 15),
    'DERL': [{'n': n, 'value': f(brute_derl(S, d, n), 15)} for n in (1, 2, 5, 20)],
    'expectedLifetime': f(undiscounted_sum(Sp, 0, 400, c * a - 1, mp.gamma(a + b) / mp.gamma(b)), 13),
    'expectedLifetime_check_N2000': f(undiscounted_sum(Sp, 0, 2000, c * a - 1, mp.gamma(a + b) / mp.gamma(b)), 13),
    'DERL_undiscounted_n3': f(undiscounted_sum(Sp, 3, 400, c * a - 1, mp.gamma(a + b) / mp.gamma(b)) / Sp(2), 13),
}

# 6. E[T] near the finiteness boundary c * alpha = 1.01 (a heavy power-law tail).
a, b, c = mp.mpf('0.5'), mp.mpf(2), mp.mpf('2.02')
Sp = S_bdw_precise(a, b, c)
out['bdw.lifetime_near_boundary'] = {
    'params': {'alpha': 0.5, 'beta': 2, 'c': 2.02},
    'expectedLifetime': f(undiscounted_sum(Sp, 0, 400, c * a - 1, mp.gamma(a + b) / mp.gamma(b)), 13),
    'expectedLifetime_check_N2000': f(undiscounted_sum(Sp, 0, 2000, c * a - 1, mp.gamma(a + b) / mp.gamma(b)), 13),
}

print(json.dumps(out, indent=1))
