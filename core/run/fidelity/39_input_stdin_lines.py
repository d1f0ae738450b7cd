import sys

header = sys.stdin.readline().strip()
print('header:', header)
counts = {}
for line in sys.stdin:
    word = line.strip()
    counts[word] = counts.get(word, 0) + 1
print(sorted(counts.items()))
print(repr(sys.stdin.read()))
