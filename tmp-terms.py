# estimate terms for syn at optimum in scaled units
import math
r,a,s,b = 0.6014, 13.498/32, 0.8446, 24.1/32
EPS=2**-53
import csv
rows=list(csv.reader(open('/work/shared/data/synthetic_bgnbd_100k_seed42.csv')))[1:]
tot=0;cnt=0
seen=set()
for x,tx,T in rows:
    x=int(x); 
    for y in (float(tx)/32, float(T)/32):
        if (x,y) in seen: continue
        seen.add((x,y))
        z=(b-a)/(b+y); B=s+1; c=r+s+x+1
        t=1;sm=1;k=0
        thr=EPS*(1-z)/z
        while True:
            t*= (B+k)/(c+k)*z; sm+=t; k+=1
            if t<=thr*sm: break
        tot+=k;cnt+=1
print(cnt, tot/cnt)
