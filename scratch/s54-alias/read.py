import json, re, sys, itertools, random, collections
S='/work/wt/shared/bench/stories/'
STOP=set('the a an and or but of in on at to for with by from as is was were be been this that these those it its he she they his her their we our you i mr mrs ms dr after before when while if said says according'.split())
def sents(t): return re.split(r'(?<=[.!?])\s+', t.strip())
def leadnames(a):
    ss=sents(a.get('text') or '')[:2]
    out=set()
    for s in ss:
        ws=re.findall(r"[A-Za-z][A-Za-z'.-]*", s)
        for i,w in enumerate(ws):
            w=w.rstrip('.').split("'")[0]
            if i>0 and w[:1].isupper() and w.lower() not in STOP and len(w)>1: out.add(w)
    return out
f=sys.argv[1]; n=int(sys.argv[2])
arts={a['id']:a for a in map(json.loads, open(S+f+'.jsonl'))}
m={r['id']:r['story'] for r in map(json.loads, open(f'/tmp/s54-alias/base/mem-{f}-0.jsonl'))}
by=collections.defaultdict(list)
for a in arts.values(): by[json.dumps(a['cluster'])].append(a)
pairs=[(a,b) for xs in by.values() for a,b in itertools.combinations(xs,2) if m[a['id']]!=m[b['id']]]
random.seed(54); random.shuffle(pairs)
for a,b in pairs[:n]:
    la,lb=leadnames(a),leadnames(b)
    print('==',a['id'],'|',b['id'])
    print(' A:',(a.get('title') or '')[:150]); print('   ', ' '.join(sents(a.get('text') or '')[:1])[:300])
    print(' B:',(b.get('title') or '')[:150]); print('   ', ' '.join(sents(b.get('text') or '')[:1])[:300])
    print(' shared:',sorted(la&lb),' A only:',sorted(la-lb),' B only:',sorted(lb-la))
