def lines(path):
    with open(path) as f:
        for line in f:
            yield line.rstrip('\n')


def words(lines):
    for line in lines:
        yield from line.split()


def long_words(words, size):
    return (w for w in words if len(w) >= size)


for word in long_words(words(lines('words.txt')), 5):
    print(word)
