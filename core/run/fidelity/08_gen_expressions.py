def noisy(values):
    for v in values:
        print('producing', v)
        yield v


print(any(v > 1 for v in noisy([0, 1, 2, 3])))
print(all(v < 2 for v in noisy([0, 1, 2, 3])))
squares = (x * x for x in range(6) if x % 2 == 0)
print(squares.__class__.__name__, list(squares))
print(sum(len(w) for w in ['gen', 'exp', 'ressions']))
print(max((len(w), w) for w in 'the quick brown fox'.split()))
print(sorted({c for c in 'mississippi'}))
