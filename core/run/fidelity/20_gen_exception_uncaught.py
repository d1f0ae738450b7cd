def parse(values):
    for v in values:
        yield int(v)


print(list(parse(['1', '2'])))
for number in parse(['3', 'four', '5']):
    print('number', number)
