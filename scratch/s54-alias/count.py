import json, re, sys, itertools, random, collections
S='/work/wt/shared/bench/stories/'
dem={}
for line in open('/tmp/s54-alias/demonyms.txt'):
    c, forms = line.rstrip('\n').split('\t')
    dem[c]=c
    for f in forms.split('|'): dem[f]=c
WORD=re.compile(r"[A-Za-z][A-Za-z'.-]*[A-Za-z]|[A-Za-z]")
SMALL={'of','the','and','for','de','la','on','in','at','to','&'}
def feats(a):
    t=(a.get('title') or '')+' \n '+(a.get('text') or '')
    words=WORD.findall(t)
    forms=collections.defaultdict(set)
    for w in words:
        base=w.split("'")[0]
        if base[:1].isupper():
            lw=base.lower()
            if lw in dem: forms[dem[lw]].add(lw)
    # acronyms: all-caps tokens 2-6 letters
    acr=set(w for w in (x.replace('.','') for x in re.findall(r"\b(?:[A-Z]\.?){2,6}\b", t)) if 2<=len(w)<=6 and w.isupper())
    # capitalised runs -> initials
    runs=set()
    toks=re.findall(r"[A-Za-z&]+", t)
    cur=[]
    def flush():
        ws=[w for w in cur if w.lower() not in SMALL]
        if len(ws)>=2:
            runs.add(''.join(w[0] for w in ws).upper())
            # also initials including 'of' etc? skip
        cur.clear()
    for w in toks:
        if w[:1].isupper() and not w.isupper() or (cur and w.lower() in SMALL):
            cur.append(w)
        else:
            flush()
    flush()
    return forms, acr, runs
def dem_bridge(fa, fb):
    out=[]
    for c in set(fa)&set(fb):
        if not (fa[c]&fb[c]): out.append((c, sorted(fa[c]), sorted(fb[c])))
    return out
def acr_bridge(a, b):
    # acronym in A only, full run in B only (and B lacks acronym, A lacks run)
    out=[]
    for x in a[1]-b[1]:
        if x in b[2] and x not in a[2]: out.append(x)
    for x in b[1]-a[1]:
        if x in a[2] and x not in b[2]: out.append(x)
    return out
def load(f):
    return [json.loads(l) for l in open(S+f+'.jsonl')]
def mem(f, sh=0):
    return {r['id']:r['story'] for r in map(json.loads, open(f'/tmp/s54-alias/base/mem-{f}-{sh}.jsonl'))}
res={}
for f in sys.argv[1:]:
    arts=load(f)
    if f=='duc2003': arts=[a for a in arts if a.get('cluster_kind')=='tdt_event']
    m=mem(f)
    F={a['id']:feats(a) for a in arts}
    cnt=collections.Counter(); ex=collections.defaultdict(list)
    bygold=collections.defaultdict(list)
    for a in arts: bygold[json.dumps(a['cluster'])].append(a)
    for g, xs in bygold.items():
        for a,b in itertools.combinations(xs,2):
            kind='same_apart' if m[a['id']]!=m[b['id']] else 'same_together'
            cnt[kind]+=1
            d=dem_bridge(F[a['id']][0],F[b['id']][0]); ac=acr_bridge(F[a['id']],F[b['id']])
            if d: cnt[kind+'_dem']+=1; ex[kind+'_dem'].append((a['id'],b['id'],d))
            if ac: cnt[kind+'_acr']+=1; ex[kind+'_acr'].append((a['id'],b['id'],ac))
    # twins: same topic (ecb) different cluster; or predicted-together different gold (wrong joins)
    random.seed(1)
    for a,b in itertools.combinations(arts,2):
        if a['cluster']==b['cluster']: continue
        twin = f=='ecbplus_dev' and a.get('topic')==b.get('topic')
        tog = m[a['id']]==m[b['id']]
        if not twin and not tog:
            if random.random()>0.02: continue
            kind='other_sample'
        else:
            kind=('twin' if twin else 'diff')+('_together' if tog else '_apart')
        cnt[kind]+=1
        d=dem_bridge(F[a['id']][0],F[b['id']][0]); ac=acr_bridge(F[a['id']],F[b['id']])
        if d: cnt[kind+'_dem']+=1; ex[kind+'_dem'].append((a['id'],b['id'],d))
        if ac: cnt[kind+'_acr']+=1; ex[kind+'_acr'].append((a['id'],b['id'],ac))
    print(f, dict(sorted(cnt.items())))
    json.dump({k:v for k,v in ex.items()}, open(f'/tmp/s54-alias/ex-{f}.json','w'))
