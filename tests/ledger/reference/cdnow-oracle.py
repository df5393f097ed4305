# Independent oracle for the CDNOW sample ledger (monthly, inactivity 90 days; BG/NBD model rule).
import datetime as dt
from decimal import Decimal
from collections import defaultdict
import math

rows = []
for line in open('/work/shared/data/CDNOW_sample.txt'):
    parts = line.split()
    if not parts: continue
    _, cid, date, qty, amount = parts
    rows.append((cid, dt.date(int(date[:4]), int(date[4:6]), int(date[6:])), Decimal(amount)))

purchases = defaultdict(set)
revenue = defaultdict(Decimal)  # (customer, month) -> revenue
for cid, d, a in rows:
    purchases[cid].add(d)  # all amounts >= 0 in CDNOW
    revenue[(cid, (d.year, d.month))] += a

end = max(d for _, d, _ in rows)
months = []
y, m = 1997, 1
while (y, m) <= (end.year, end.month):
    months.append((y, m))
    m += 1
    if m == 13: y, m = y + 1, 1

def month_end(y, m):
    n = dt.date(y + (m == 12), m % 12 + 1, 1)
    return min(n - dt.timedelta(days=1), end)

DAYS = 90
def active(ps, d):
    return any(p <= d and (d - p).days <= DAYS for p in ps)

def ledger(filter_fn):
    out = []
    prev_check = dt.date(1996, 12, 31)
    for (y, m) in months:
        check = month_end(y, m)
        acq = rea = lost = closing = opening = retained = 0
        for cid, ps in purchases.items():
            if not filter_fn(cid): continue
            first = min(ps)
            a_then = active(ps, prev_check); a_now = active(ps, check)
            opening += a_then; closing += a_now; retained += a_then and a_now
            d = prev_check + dt.timedelta(days=1)
            before = a_then
            while d <= check:
                now = active(ps, d)
                if d == first: acq += 1
                elif now and not before: rea += 1
                if before and not now: lost += 1
                before = now
                d += dt.timedelta(days=1)
        out.append((f'{y}-{m:02d}', opening, acq, rea, lost, closing, retained))
        prev_check = check
    return out

print('TOTAL', ledger(lambda c: True))
jan = {c for c, ps in purchases.items() if min(ps).month == 1}
print('JAN', ledger(lambda c: c in jan))

# revenue lines per month (total)
cust_first = {c: min(ps) for c, ps in purchases.items()}
for i, (y, m) in enumerate(months[:4]):
    prevm = months[i - 1] if i > 0 else (1996, 12)
    prev = acq = rea = exp = con = churn = cur = Decimal(0)
    for c, f in cust_first.items():
        fm = (f.year, f.month)
        r_now = revenue.get((c, (y, m)), Decimal(0)); r_prev = revenue.get((c, prevm), Decimal(0))
        if fm == (y, m): acq += r_now
        elif fm < (y, m):
            prev += r_prev
            if r_prev == 0 and r_now != 0: rea += r_now
            elif r_prev != 0 and r_now == 0: churn += r_prev
            elif r_now > r_prev: exp += r_now - r_prev
            else: con += r_prev - r_now
        if fm <= (y, m): cur += r_now
    print('REV', y, m, prev, acq, rea, exp, con, churn, cur)

# BG/NBD model rule with the published 39-week parameters, weeks = days / 7
r, alpha, a, b = 0.243, 4.414, 0.793, 2.426
SCALE = 2 ** 24
def palive(x, tx, T):
    if x == 0: return 1.0
    return 1.0 / (1.0 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x))
closing_q = []
for (y, m) in months:
    check = month_end(y, m)
    total = 0
    for c, ps in purchases.items():
        f = min(ps)
        if f > check: continue
        before = sorted(p for p in ps if p <= check)
        x = len(before) - 1
        tx = (before[-1] - f).days / 7
        T = (check - f).days / 7
        total += round(palive(x, tx, T) * SCALE)
    closing_q.append(total)
print('MODEL', [q / SCALE for q in closing_q])
print('MODELQ', closing_q)
