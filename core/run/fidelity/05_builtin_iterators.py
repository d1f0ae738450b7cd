import itertools

print(list(zip('abc', range(5))))
print(list(enumerate(['x', 'y'], start=1)))
print(list(filter(None, [0, 1, '', 'a', None, 2])))
print(list(reversed([1, 2, 3])))
print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.islice(itertools.cycle('ab'), 5)))
a, b = itertools.tee([1, 2, 3])
print(list(a), list(b))
for key, group in itertools.groupby('aaabccdd'):
    print(key, len(list(group)))
print(list(itertools.chain([1, 2], (3, 4), 'ef')))
print(list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.pairwise('abcd')))
