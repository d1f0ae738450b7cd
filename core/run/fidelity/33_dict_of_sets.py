from collections import defaultdict

graph = defaultdict(set)
for a, b in [('x', 'y'), ('y', 'z'), ('x', 'z'), ('z', 'w')]:
    graph[a].add(b)
    graph[b].add(a)
print(dict(graph))
print({k: sorted(v) for k, v in graph.items()})
print({frozenset({'a', 'b'}): 1, frozenset({'c'}): 2})
print(graph['x'] | graph['w'], graph['x'] & graph['z'], graph['y'] - graph['x'])
print(hash('same in both runs') == hash('same in both runs'))
