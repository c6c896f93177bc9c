#!/usr/bin/env python3
"""Variants of the pooled rule's spread scored on the calibrate_targets.py split (docs/PLANNING.md,
section 3: the figures for the shock and inflation variants). Slow (~4 minutes a variant with the inflation term).

Usage: scripts/calibrate_variants.py SHOCKS INFLATIONS [DATA_DIR] [-v]
  SHOCKS, comma-separated: cur (normal, sd = RMS(alpha - median)), npred (normal, sd(alpha)
  sqrt(1 + 1/n)), tpred (Student-t, n - 1 df, the same scale; shipped), tpred_rms
  INFLATIONS: none (lam = 1), roll (rolling out-of-sample lam; shipped), roll_ge1 (max(lam, 1))
The fit is calibrate_targets.py's (Huber's since issue 9 part 4; the figures in docs/PLANNING.md
were taken with the least-squares fit before it). Quantiles by a vectorised bisection (60 steps), so figures may differ from calibrate_targets.py
in the last digit.
"""
import os, sys, math; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import numpy as np
import calibrate_targets as ct
import target_variants as tv
from collections import defaultdict
_args=[a for a in sys.argv[3:] if a!='-v']
meas, series = ct.load(_args[0] if _args else '../shared/data')
panels=defaultdict(dict)
for (m,la),s in series.items(): panels[m][la]=s

# The model and the centres are calibrate_targets.py's own (ct.pooled_fit, ct.centres); only the
# spread variants below differ.
pooled_fit2 = ct.pooled_fit
centres = ct.centres

vquant = tv.vquant  # the same vectorised bisection as target_variants.py

FITS={}
def getfit(m,t):
    if (m,t) not in FITS: FITS[(m,t)]=pooled_fit2(panels[m],t)
    return FITS[(m,t)]

def shock_params(al, mode):
    n=len(al); med=float(np.median(al)); mu=float(np.mean(al))
    if mode=='cur': return med, math.sqrt(np.mean((al-med)**2)), None
    if mode=='tpred':
        sd=float(np.std(al,ddof=1)) if n>1 else 0
        return med, sd*math.sqrt(1+1/n), max(n-1,1)
    if mode=='tpred_rms':
        return med, math.sqrt(np.mean((al-med)**2))*math.sqrt(1+1/n), max(n-1,1)
    if mode=='npred':
        sd=float(np.std(al,ddof=1)) if n>1 else 0
        return med, sd*math.sqrt(1+1/n), None
    raise ValueError

def idio_lambda(m,t,mode):
    if mode=='none': return 1.0
    panel=panels[m]
    def errors(tp):
        f=getfit(m,tp)
        return ct.year_errors(panel,f,tp,float(np.median(f['alphas']))) if f is not None else None
    ys=sorted({y for s in panel.values() for y in s if y<t})
    lam=ct.inflation_from([(tp,errors(tp)) for tp in ys], lambda tp: getfit(m,tp)['std'])
    if mode=='roll_ge1': return max(lam,1.0)
    return lam

def run(shock='cur', idio='none', verbose=False, nyears=5):
    tot=defaultdict(float); rows=[]
    for m in sorted(panels):
        pol=meas.get(m,{}).get('polarity','')
        if pol not in ('High','Low'): continue
        big=pol=='High'; panel=panels[m]
        ys=sorted({y for s in panel.values() for y in s})
        taui=0.1 if big else 0.9
        c=defaultdict(float)
        for t in ys[-nyears:]:
            f=getfit(m,t)
            if f is None: continue
            a0,ssd,df=shock_params(f['alphas'],shock)
            lam=idio_lambda(m,t,idio)
            cs=centres(panel,f,t,a0)
            las=[la for la in cs if t in panel[la]]
            las=[la for la in las if len([1 for y in panel[la] if y<t and (y-1) in panel[la]])>=2]
            if not las: continue
            cv=np.array([cs[la] for la in las]); sv=np.array([f['scale'][la]*lam for la in las])
            qt=vquant(0.5,cv,sv,f['std'],ssd,df); qi=vquant(taui,cv,sv,f['std'],ssd,df)
            for k,la in enumerate(las):
                s=panel[la]; y=s[t]; last=s[t-1]
                ch=[s[yy]-s[yy-1] for yy in sorted(s) if yy<t and (yy-1) in s]
                sd=float(np.std(ch,ddof=1)); nt=last; ni=last+(-1.28 if big else 1.28)*sd
                met=(lambda v: y>=v) if big else (lambda v: y<=v)
                worse=(lambda v: y<v) if big else (lambda v: y>v)
                c['n']+=1; c['mp']+=met(qt[k]); c['mn']+=met(nt); c['cp']+=worse(qi[k]); c['cn']+=worse(ni)
                c['ltp']+=ct.pinball(y,qt[k],.5); c['ltn']+=ct.pinball(y,nt,.5)
                c['lip']+=ct.pinball(y,qi[k],taui); c['lin']+=ct.pinball(y,ni,taui)
        for k,v in c.items(): tot[k]+=v
        rows.append((m,c))
    def line(name,c):
        n=c['n']; return f"{name[:20]:20s} {int(n):6d} met {100*c['mp']/n:5.1f} crossed {100*c['cp']/n:5.1f} naive {100*c['cn']/n:5.1f}  LT {c['ltp']/c['ltn']:.3f} LI {c['lip']/c['lin']:.3f}"
    if verbose:
        for m,c in rows: print(line(m,c))
    print(f"[{shock},{idio}]", line('ALL',tot)); sys.stdout.flush()
    return tot

if __name__=='__main__':
    for sh in sys.argv[1].split(','):
        for idi in sys.argv[2].split(','):
            run(sh,idi,verbose='-v' in sys.argv)
