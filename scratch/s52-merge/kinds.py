# kinds.py: the placement logs' joins and merges read with the lead names split
# into places and people (a Python copy of cluster.leadNameKind). Reads
# ../shared's story files at run time and quotes none of them.
# usage: python3 kinds.py LOGDIR  (logs LOGDIR/steps-FILE-ORDER.jsonl)
import json, sys, re, math, collections
S = '/work/shared/bench/stories/'
LOC = {'in', 'at', 'near', 'outside', 'off', 'across'}
CITIES = set()
for c in open('/work/wt/merge/internal/placenames/placenames.go').read().split('var OtherDatelineCities')[0].split('var Cities')[1].split('"')[1::2]:
    CITIES.update(w.lower() for w in re.findall(r'\w+', c))
LEX = {}
for line in open('/work/wt/merge/internal/text/namelexicon.txt'):
    if '\t' in line and not line.startswith('#'):
        c, es = line.rstrip('\n').split('\t', 1)
        for e in es.split('|'):
            LEX.setdefault(e, set()).add(c)
PERSON = {'first', 'last', 'person', 'male', 'female'}
CAL = set('sunday monday tuesday wednesday thursday friday saturday january february march april june july august september october november december'.split())
STOP = set("the a an and or but of to for with by from as is was are were be he she it they we his her their its this that these those there when where what who which while after before said says".split())

def sents(t):
    return [s for s in re.split(r'(?<=[.!?])\s+', t.replace('\n', ' ')) if s.strip()]

def places_after(sentence):
    out = set(); toks = sentence.split()
    for i, t in enumerate(toks[:-1]):
        if t.lower() not in LOC:
            continue
        for tok in toks[i+1:]:
            ws = re.findall(r'\w+', tok)
            if not ws or not ws[0][0].isupper():
                break
            out.update(w.lower() for w in ws if w[0].isupper())
            if not tok[-1].isalnum():
                break
    return out

def kind(lw, places):
    c = LEX.get(lw, set())
    lexplace = bool(c & {'city', 'country', 'region'}) and not (c & PERSON)
    return 0 if lw in places or lw in CITIES or lexplace else 1

def lead_names(a):
    out = (set(), set())
    body = a.get('text') or ''
    ss = sents(body)[:2] if body.strip() else sents(a.get('title') or '')
    for s in ss:
        ws = re.findall(r'\w+', s)
        pl = places_after(s)
        for i, w in enumerate(ws):
            if i == 0 or len(w) < 2 or not w[0].isupper() or w.lower() in STOP or w.lower() in CAL:
                continue
            out[kind(w.lower(), pl)].add(w.lower())
    return out

def share(A, B, idf):
    tot = sum(idf[x] for x in A)
    if not A or not B or tot == 0:
        return None
    return sum(idf[x] for x in A if x in B) / tot

def auc(pos, neg):
    if not pos or not neg:
        return float('nan')
    n = sum(1 if p > q else 0.5 if p == q else 0 for p in pos for q in neg)
    return n / len(pos) / len(neg)

def replay(path):
    stories = collections.defaultdict(list); where = {}
    for l in open(path):
        r = json.loads(l); k = r['kind']
        if k in ('new', 'join'):
            yield r, list(stories[r['story']])
            stories[r['story']].append(r['article']); where[r['article']] = r['story']
        elif k == 'merge':
            yield r, (list(stories[r['story']]), list(stories[r['other']]))
            for a in list(stories[r['other']]):
                stories[r['story']].append(a); where[a] = r['story']
            stories[r['other']] = []
        else:
            yield r, None
            for a in r.get('moved') or []:
                s = where.get(a)
                if s and a in stories[s]:
                    stories[s].remove(a)
                t = r.get('other') or r['story']
                stories[t].append(a); where[a] = t

def med(xs):
    xs = sorted(xs); return round(xs[len(xs)//2], 2) if xs else None

logdir = sys.argv[1]
for f in ['ecbplus_dev', 'allsides_val']:
    arts = {json.loads(l)['id']: json.loads(l) for l in open(S + f + '.jsonl')}
    ln = {i: lead_names(a) for i, a in arts.items()}
    idf = {}
    for k in (0, 1):
        df = collections.Counter()
        for v in ln.values():
            df.update(v[k])
        idf.update({x: math.log((len(arts)+1)/(n+1)) + 1 for x, n in df.items()})
    for o in (0, 1, 2):
        rows = collections.defaultdict(lambda: ([], [], [0, 0]))
        for r, snap in replay(f'{logdir}/steps-{f}-{o}.jsonl'):
            v = r['verdict']
            if r['kind'] == 'join' and snap and (v == 'right join' or v.startswith('wrong join')):
                key = 'join:' + ('right' if v == 'right join' else 'wrong')
                pairs = [(ln[r['article']][k], set().union(*[ln[x][k] for x in snap])) for k in (0, 1)]
            elif r['kind'] == 'merge':
                a, b = snap
                sm, lg = (b, a) if len(b) <= len(a) else (a, b)
                if not sm or not lg:
                    continue
                key = 'merge:' + ('right' if v == 'right merge' else 'wrong')
                # member by member: the mean over the smaller story's members
                pairs = None
                for k in (0, 1):
                    L = set().union(*[ln[x][k] for x in lg])
                    xs = [share(ln[m][k], L, idf) for m in sm]
                    xs = [x for x in xs if x is not None]
                    rows[key][k].append(sum(xs)/len(xs) if xs else None)
                rows[key][2][0] += 1
                continue
            else:
                continue
            rows[key][2][0] += 1
            for k in (0, 1):
                rows[key][k].append(share(*pairs[k], idf))
        print(f, 'order', o)
        for key in sorted(rows):
            pl, pe, n = rows[key]
            ps = [x for x in pl if x is not None]; qs = [x for x in pe if x is not None]
            print(f'  {key:12s} n={n[0]:4d}  places: read {len(ps):4d} median share {med(ps)} none shared {sum(1 for x in ps if x == 0):3d} | people: read {len(qs):4d} median {med(qs)} none shared {sum(1 for x in qs if x == 0):3d}')
        for kk in ('join', 'merge'):
            for k, nm in ((0, 'places'), (1, 'people')):
                pos = [x for x in rows[kk+':right'][k] if x is not None]; neg = [x for x in rows[kk+':wrong'][k] if x is not None]
                print(f'  AUC {kk} {nm}: {auc(pos, neg):.3f} (right {len(pos)}, wrong {len(neg)})')
