import sys,json,collections
sys.path.insert(0,'/tmp/s51-where/py')
from ww import *
f,o,lim=sys.argv[1],sys.argv[2],int(sys.argv[3])
arts,ln,idf=prep(f)
def top(S,n=8): return ' '.join(sorted(S,key=lambda x:-idf[x])[:n])
nj=nm=0
for r,snap in replay(f'/tmp/s51-where/steps-{f}-{o}.jsonl'):
    v=r['verdict']
    if r['kind']=='join' and v.startswith('wrong join') and nj<lim:
        nj+=1
        A=ln[r['article']]; B=set().union(*[ln[x] for x in snap])
        print(f"JOIN {r['step']} {r['gold']}->{r['story_gold']} n={len(snap)} p={r['score']} share={share(A,B,idf):.2f}")
        print('   A:',(arts[r['article']]['title'] or '')[:110]); print('     names:',top(A)); print('     shared:',top(A&B))
        print('   S:',(arts[snap[0]]['title'] or '')[:110]); print('     names:',top(B-A))
    if r['kind']=='merge' and v=='wrong merge' and nm<lim:
        nm+=1
        a,b=snap
        A=set().union(*[ln[x] for x in a]); B=set().union(*[ln[x] for x in b])
        print(f"MERGE {r['step']} {r['story_gold']}+{r['other_gold']} n={len(a)}+{len(b)} p={r['score']} fits={r['reason'].startswith('an article that fits')} share(b->a)={share(B,A,idf):.2f}")
        print('   a:',(arts[a[0]]['title'] or '')[:100]); print('     only a:',top(A-B))
        print('   b:',(arts[b[0]]['title'] or '')[:100]); print('     only b:',top(B-A)); print('     shared:',top(A&B))
