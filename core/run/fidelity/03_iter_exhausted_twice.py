numbers = [1, 2, 3]
doubled = map(lambda n: n * 2, numbers)
print('first pass', list(doubled))
print('second pass', list(doubled))
squares = (n * n for n in numbers)
print(sum(squares), sum(squares))
it = iter(numbers)
print(next(it))
print(list(it), list(it))
