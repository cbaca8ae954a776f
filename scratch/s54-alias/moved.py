import json, sys, itertools, collections
def mem(d,f,sh): return {r['id']:(r['story'],r['gold'],r['title']) for r in map(json.loads, open(f'/tmp/s54-alias/{d}/mem-{f}-{sh}.jsonl'))}
for f in sys.argv[1:]:
  for sh in 0,1,2:
    b,a=mem('base',f,sh),mem('fold',f,sh)
    ids=list(b); c=collections.Counter(); topics=collections.Counter()
    for x,y in itertools.combinations(ids,2):
        tb=b[x][0]==b[y][0]; ta=a[x][0]==a[y][0]
        if tb==ta: continue
        same=b[x][1]==b[y][1]
        c[('joined' if ta else 'split')+('_right' if same==ta else '_wrong')]+=1
        if sh==0: topics[(x.split('/')[1].split('_')[0] if 'ecb' in x else '', 'joined' if ta else 'split', same)]+=1
    print(f, sh, dict(c))
    if sh==0 and f=='ecbplus_dev': print('  by topic', topics.most_common(12))
