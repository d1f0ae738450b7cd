def flatten(items):
    for item in items:
        if isinstance(item, (list, tuple)):
            yield from flatten(item)
        else:
            yield item


def flatten_any(items):
    for item in items:
        if isinstance(item, str):
            yield item
            continue
        try:
            inner = iter(item)
        except TypeError:
            yield item
        else:
            yield from flatten_any(inner)


print(list(flatten([1, [2, [3, (4, 5)]], [], 6])))
print(list(flatten_any([1, 'ab', [2, ('cd', [3])], range(2)])))
