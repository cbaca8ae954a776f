import json,sys,collections
exec(open('ana.py').read().split('thr=0.2')[0].replace('import json,sys,collections',''))
def clash(d,k):
    if k=='days': return d['fd']!=0 and d['gd']!=0 and (d['fd']&d['gd'])==0
    a,b,s={'figs':('ff','gf','fsf'),'nums':('fn','gn','sn')}[k]
    return d[a]>0 and d[b]>0 and d[s]==0
for fn in sys.argv[1:]:
    R=[d for d in rows(fn) if 0.15<=d['p']<0.7]
    out=[fn]
    for same in (True,False):
        X=[d for d in R if d['same_near']==same]
        k2=sum((clash(d,'days') or clash(d,'figs')) and d['union']==0 for d in X)
        k3=sum(clash(d,'days')+clash(d,'figs')+clash(d,'nums') > d['union'] for d in X)
        out.append('%s %d: near>union (2 kinds) %d, (3 kinds) %d'%('same' if same else 'diff',len(X),k2,k3))
    print(*out)
