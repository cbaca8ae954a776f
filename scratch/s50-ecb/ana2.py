import json,sys,collections
exec(open('ana.py').read().split('thr=0.2')[0].replace('import json,sys,collections',''))
def clash(d,k):
    if k=='days': return d['fd']!=0 and d['gd']!=0 and (d['fd']&d['gd'])==0
    a,b,s={'figs':('ff','gf','fsf'),'dates':('fdt','gdt','sdt'),'nums':('fn','gn','sn'),'years':('fy','gy','sy')}[k]
    return d[a]>0 and d[b]>0 and d[s]==0
for fn in sys.argv[1:]:
    R=[d for d in rows(fn) if 0.15<=d['p']<0.7]
    print(fn)
    for label,sel in [('n==1',lambda d:d['n']==1),('n>=2',lambda d:d['n']>=2)]:
        for same in (True,False):
            X=[d for d in R if sel(d) and d['same_near']==same]
            out=[label,'same' if same else 'DIFF',len(X)]
            for k in ['days','figs','dates','nums','years']:
                out.append('%s %d'%(k,sum(clash(d,k) for d in X)))
            out.append('any3 %d'%sum(clash(d,'days') or clash(d,'figs') or clash(d,'nums') for d in X))
            print('  ',*out)
