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
arts=[json.loads(l) for l in open(S+'ecbplus_dev.jsonl')]
L={a['id']:leadnames(a) for a in arts}
c=collections.Counter()
for a,b in itertools.combinations(arts,2):
    la,lb=L[a['id']],L[b['id']]
    if not la or not lb or a.get('topic')!=b.get('topic'): continue
    if not (low(la)&low(lb)) and fold(la)&fold(lb):
        c[(a['topic'], a['cluster']==b['cluster'], tuple(sorted(fold(la)&fold(lb))))]+=1
for k,v in c.most_common(): print(v,k)
