# show.py LOGDIR FILE ORDER: each wrong join and wrong merge of a placement
# log with the places and people of the article's (the smaller story's)
# lead against the story's, to read by hand. Quotes no text into the repository.
import sys, json
logdir, f, o = sys.argv[1], sys.argv[2], sys.argv[3]
sys.argv = ['kinds.py', logdir]
src = open('/work/wt/merge/scratch/s52-merge/kinds.py').read().split('logdir = sys.argv[1]')[0]
exec(src)
arts = {json.loads(l)['id']: json.loads(l) for l in open(S + f + '.jsonl')}
ln = {i: lead_names(a) for i, a in arts.items()}
for r, snap in replay(f'{logdir}/steps-{f}-{o}.jsonl'):
    v = r['verdict']
    if r['kind'] == 'join' and v.startswith('wrong join') and snap:
        A = ln[r['article']]; B = [set().union(*[ln[x][k] for x in snap]) for k in (0, 1)]
        print('JOIN', r['article'], 'gold', r['gold'], '| story', sorted(set(json.dumps(arts[x].get('cluster', arts[x].get('gold', '')))[:12] for x in snap))[:3])
        print('   places', sorted(A[0]), 'vs', sorted(B[0])[:12])
        print('   people', sorted(A[1])[:12], 'vs', sorted(B[1])[:15])
    if r['kind'] == 'merge' and v == 'wrong merge':
        a, b = snap; sm, lg = (b, a) if len(b) <= len(a) else (a, b)
        print('MERGE', len(sm), 'into', len(lg), r['reason'][:60])
        for k, nm in ((0, 'places'), (1, 'people')):
            L = set().union(*[ln[x][k] for x in lg])
            print('  ', nm, [sorted(ln[m][k])[:6] for m in sm][:3], 'vs', sorted(L)[:15])
