"""apart.py: of the pairs the base (main's fold models, own order; memberships in
/tmp/s54-alias/base) keeps apart or joins, how many share an initialism main drops
(count.py's rule) and how many write a shared one two ways. Counts only."""
import json, itertools, sys
sys.argv = ['x']
exec(open('/work/wt/acro/scratch/s54-acro/count.py').read().split('for f in [')[0])
S = '/work/wt/shared/bench/stories/'
for f in ['ecbplus_dev', 'allsides_val', 'allsides_dated', 'basil', 'newswcl50', 'duc2003']:
    arts = {}
    for l in open(S + f + '.jsonl'):
        a = json.loads(l)
        arts[a['id']] = a
    mem = [json.loads(l) for l in open(f'/tmp/s54-alias/base/mem-{f}-0.jsonl')]
    mem = [m for m in mem if m.get('gold') is not None and (f != 'duc2003' or arts[m['id']].get('cluster_kind') == 'tdt_event')]
    d = {m['id']: dropped((arts[m['id']].get('title') or '') + '\n' + (arts[m['id']].get('text') or '')) for m in mem}
    c = {}
    for x, y in itertools.combinations(mem, 2):
        k = ('same' if x['gold'] == y['gold'] else 'diff') + (' joined' if x['story'] == y['story'] else ' apart')
        sh = set(d[x['id']]) & set(d[y['id']])
        two = any(len(d[x['id']][t]) == 1 and len(d[y['id']][t]) == 1 and d[x['id']][t] != d[y['id']][t] for t in sh)
        n, s, t = c.get(k, (0, 0, 0))
        c[k] = (n + 1, s + bool(sh), t + two)
    print(f, {k: f'{n} pairs, {s} share, {t} two ways' for k, (n, s, t) in sorted(c.items())})
