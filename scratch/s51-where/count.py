import sys,json,collections
sys.path.insert(0,'/tmp/s51-where/py')
from ww import *
def auc(pos,neg):
    if not pos or not neg: return float('nan')
    n=0
    for p in pos:
        for q in neg: n+= 1 if p>q else 0.5 if p==q else 0
    return n/len(pos)/len(neg)
for f in ['ecbplus_dev','allsides_val']:
  arts,ln,idf=prep(f)
  for o in [0,1,2]:
    rows=collections.defaultdict(list)
    for r,snap in replay(f'/tmp/s51-where/steps-{f}-{o}.jsonl'):
        v=r['verdict']
        if r['kind']=='join':
            A=ln[r['article']]; B=set().union(*[ln[x] for x in snap]) if snap else set()
            key='join:'+('right' if v=='right join' else 'shared' if 'shares' in v else 'wrong')
            rows[key].append((share(A,B,idf), share(B,A,idf) if B else None))
        elif r['kind']=='merge':
            a,b=snap
            A=set().union(*[ln[x] for x in a]); B=set().union(*[ln[x] for x in b])
            fb='fits' if r['reason'].startswith('an article that fits both') else 'other'
            key='merge-'+fb+':'+('right' if v=='right merge' else 'wrong')
            sm,lg=(b,a) if len(b)<=len(a) else (a,b)
            SA=set().union(*[ln[x] for x in sm]); LB=set().union(*[ln[x] for x in lg])
            rows[key].append((share(SA,LB,idf), share(LB,SA,idf)))
    print(f,o)
    for k in sorted(rows):
        xs=rows[k]; s=[x[0] for x in xs if x[0] is not None]
        none=sum(1 for x in xs if x[0] is None or x[1] is None)
        zero=sum(1 for x in s if x==0)
        s.sort()
        med=s[len(s)//2] if s else None
        print(f'  {k:22s} n={len(xs):4d} absent={none:3d} share0={zero:3d} median={med and round(med,2)} q25={s and round(s[len(s)//4],2)}')
    for kind in ['join','merge-fits']:
        pos=[x[0] for x in rows[kind+':right'] if x[0] is not None]; neg=[x[0] for x in rows[kind+':wrong'] if x[0] is not None]
        print('  AUC',kind, round(auc(pos,neg),3))
