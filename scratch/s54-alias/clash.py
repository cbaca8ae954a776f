import json, re, sys, itertools, random, collections
sys.argv=[sys.argv[0]]+['x','0']
exec(open('read.py').read().split("f=sys.argv[1]")[0])
S='/work/wt/shared/bench/stories/'
dem={}
for line in open('/tmp/s54-alias/demonyms.txt'):
    c, forms = line.rstrip('\n').split('\t'); dem[c]=c
    for f in forms.split('|'): dem[f]=c
def fold(ns): return set(dem.get(n.lower(), n.lower()) for n in ns)
def low(ns): return set(n.lower() for n in ns)
for f in ['ecbplus_dev','allsides_val','allsides_dated','basil','newswcl50','duc2003']:
    arts=[json.loads(l) for l in open(S+f+'.jsonl')]
    if f=='duc2003': arts=[a for a in arts if a.get('cluster_kind')=='tdt_event']
    L={a['id']:leadnames(a) for a in arts}
    c=collections.Counter(); random.seed(2)
    for a,b in itertools.combinations(arts,2):
        la,lb=L[a['id']],L[b['id']]
        if not la or not lb: continue
        same=a['cluster']==b['cluster']
        kind='same' if same else ('twin' if f=='ecbplus_dev' and a.get('topic')==b.get('topic') else 'other')
        if kind=='other' and random.random()>0.05: continue
        c[kind]+=1
        if not (low(la)&low(lb)):
            c[kind+'_clash']+=1
            if fold(la)&fold(lb): c[kind+'_clash_removed']+=1
    print(f, ' '.join(f"{k}:{c[k]} clash {c[k+'_clash']} removed {c[k+'_clash_removed']};" for k in ['same','twin','other'] if c[k]))
